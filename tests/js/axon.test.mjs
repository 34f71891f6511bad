// The axon end to end: the real build/miner on loopback, driven by a dendrite that behaves like bittensor v10.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { cryptoWaitReady, sr25519PairFromSeed } from '@polkadot/util-crypto';
import { Dendrite, rawRequest, PyFloat } from './dendrite.mjs';
import { startAxon, assertNoSanitizerReport, REPO } from './helpers.mjs';

let ax;          // miney.lua axon
let fx;          // fixture axon
let validator;   // allow-listed validator keypair
let stranger;    // not allow-listed

before(async () => {
  await cryptoWaitReady();
  validator = sr25519PairFromSeed(randomBytes(32));
  stranger = sr25519PairFromSeed(randomBytes(32));
  const { encodeAddress } = await import('@polkadot/util-crypto');
  const allow = [encodeAddress(validator.publicKey, 42)];
  // 100 concurrent clients below all come from 127.0.0.1: lift the per-address cap (64) for this server
  ax = await startAxon({ allow, args: ['--axon.read_timeout', '1', '--axon.max_body_bytes', '100000',
    '--axon.max_connections_per_ip', '200',
    '--terraform.bin', path.join(REPO, 'tests/fake-terraform'), '--gcp.project', 'test-project',
    '--gcp.gcloud', path.join(REPO, 'tests/fake-gcloud')], gcloudLog: true });
  fx = await startAxon({ allow, entrypoint: path.join(REPO, 'tests/js/fixtures/axon_fixture.lua') });
});

after(async () => {
  for (const s of [ax, fx]) {
    if (!s) continue;
    const { code } = await s.m.stop();
    assert.equal(code, 0, 'graceful exit');
    assertNoSanitizerReport(s.m.log);
  }
});

const target = (s) => ({ port: s.port, hotkey: s.hotkey });

test('StartRoundSynapse: ready, inputs echoed, status 200, nonce round-trips exactly', async () => {
  const d = new Dendrite(validator);
  const r = await d.call(target(ax), 'StartRoundSynapse', { round_id: 'r-1', timestamp: 1773500000,
    validator_version: '0.4.1-rc' }, 90);
  assert.equal(r.status, 200, r.message);
  assert.equal(r.message, 'Success');
  const s = r.synapse;
  assert.equal(s.is_ready, true);
  assert.equal(s.round_id, 'r-1');
  assert.equal(s.timestamp, 1773500000);
  assert.equal(s.validator_version, '0.4.1-rc');
  assert.equal(typeof s.available_capacity, 'number');
  assert.equal(s.error_message, null);
  assert.equal(s.axon.status_code, 200);
  assert.equal(typeof s.axon.process_time, 'number');
  assert.equal(s.name, 'StartRoundSynapse');
  assert.equal(s.timeout, 90);
  assert.match(r.raw.text, new RegExp(`"nonce":${r.nonce}[,}]`), '19-digit nonce echoed exactly');
  assert.match(r.raw.text, /"timeout":90\.0/);
  assert.equal(r.raw.headers['bt_header_axon_status_code'], '200');
  assert.equal(r.raw.headers['bt_header_dendrite_nonce'], String(r.nonce));
  assert.equal(r.raw.headers['bt_header_axon_hotkey'], ax.hotkey);
  assert.match(r.raw.headers['content-type'], /^application\/json/);
});

test('TaskSynapse end to end with the stand-in terraform: ZIP state passes the real invariants; feedback destroys', async () => {
  const d = new Dendrite(validator);
  const taskId = '8cae1bee-f257-4c13-a6aa-d8c5d4fbacb0';
  const prompt = 'For a small internal Google Cloud setup, create a Pub/Sub topic named xyctzkz50c48k1 that keeps messages for 900s. Attach a subscription to that same topic whose name ends with we20f44pv5herers, with a 30 second ack deadline, retained acked messages (true) and an expiration TTL of 172800s. Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment. Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.';
  const invariants = [
    { resource_type: 'google_pubsub_topic', match: { 'values.name': 'xyctzkz50c48k1', 'values.message_retention_duration': '900s' }, comparison_rule: { 'values.name': 'exact_match' } },
    { resource_type: 'google_pubsub_subscription', match: { 'values.name': 'we20f44pv5herers', 'values.topic': 'xyctzkz50c48k1', 'values.ack_deadline_seconds': 30, 'values.retain_acked_messages': true, 'values.expiration_policy.0.ttl': '172800s' }, comparison_rule: { 'values.name': 'ends_with' } },
  ];
  const r = await d.call(target(ax), 'TaskSynapse', { task_id: taskId, prompt, task_spec: { task_id: taskId, prompt } }, 600);
  assert.equal(r.status, 200, r.message);
  const s = r.synapse;
  assert.equal(s.task_id, taskId);
  assert.equal(s.result_summary.status, 'success', JSON.stringify(s.result_summary));
  assert.equal(s.result_summary.self_score, 1);
  const zipBytes = Buffer.from(s.workspace_zip_b64, 'base64');
  assert.equal(zipBytes.length, s.workspace_zip_size_bytes);
  const { createHash } = await import('node:crypto');
  assert.equal(createHash('sha256').update(zipBytes).digest('hex'), s.workspace_zip_sha256);
  assert.equal(s.workspace_zip_filename, `${taskId}.zip`);
  const fsm = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const zpath = path.join(ax.dir, 'answer.zip');
  fsm.writeFileSync(zpath, zipBytes);
  const list = spawnSync('unzip', ['-Z1', zpath], { encoding: 'utf8' });
  assert.deepEqual(list.stdout.trim().split('\n').sort(), ['main.tf', 'terraform.tfstate']);
  const ex = spawnSync('unzip', ['-o', zpath, '-d', path.join(ax.dir, 'answer')], { encoding: 'utf8' });
  assert.equal(ex.status, 0, ex.stderr);
  fsm.writeFileSync(path.join(ax.dir, 'inv.json'), JSON.stringify(invariants));
  const { MINER } = await import('./helpers.mjs');
  const scored = spawnSync(MINER, ['exec', path.join(REPO, 'tests/js/score_state.lua'), path.join(ax.dir, 'answer/terraform.tfstate'), path.join(ax.dir, 'inv.json')], { encoding: 'utf8' });
  assert.equal(scored.status, 0, scored.stderr);
  assert.equal(JSON.parse(scored.stdout).score, 1, scored.stdout);
  // the validator principal was granted through (fake) gcloud, once per role (the preflight's read-only
  // gcloud calls are not grants)
  const grants = fsm.readFileSync(path.join(ax.dir, 'gcloud.log'), 'utf8').trim().split('\n')
    .filter((l) => l.includes('iam-policy-binding'));
  assert.deepEqual(grants, [
    'projects add-iam-policy-binding test-project --member=serviceAccount:alphacore-validator@alphacore-478113.iam.gserviceaccount.com --role=roles/viewer --condition=None --quiet',
    'projects add-iam-policy-binding test-project --member=serviceAccount:alphacore-validator@alphacore-478113.iam.gserviceaccount.com --role=roles/storage.objectViewer --condition=None --quiet',
  ]);
  // feedback destroys the task's resources and forgets it
  const from = ax.m.mark();
  const fb = await d.call(target(ax), 'TaskFeedbackSynapse', { task_id: taskId, feedback_text: 'validation submitted' }, 10);
  assert.equal(fb.status, 200);
  await ax.m.waitFor(new RegExp(`task ${taskId} destroyed \\(feedback\\)`), from);
  assert.equal(fsm.existsSync(path.join(ax.dir, 'work/tasks', taskId)), false, 'workspace removed');
});

test('the starter entrypoint answers TaskSynapse with the example ZIP and not_implemented', async () => {
  const { encodeAddress } = await import('@polkadot/util-crypto');
  const s = await startAxon({ allow: [encodeAddress(validator.publicKey, 42)], entrypoint: 'starter.lua' });
  try {
    const taskId = 'd014a976-be2a-4a86-bd31-d2a2ca478938';
    const r = await new Dendrite(validator).call(target(s), 'TaskSynapse', { task_id: taskId, prompt: 'create a bucket' }, 600);
    assert.equal(r.status, 200, r.message);
    assert.equal(r.synapse.task_id, taskId);
    assert.equal(r.synapse.result_summary.status, 'not_implemented');
    assert.deepEqual(r.synapse.evidence_hint.attachments, { kind: 'starter', note: 'example zip only' });
    const zipBytes = Buffer.from(r.synapse.workspace_zip_b64, 'base64');
    assert.equal(zipBytes.subarray(0, 4).toString('hex'), '504b0304');
    assert.equal(zipBytes.length, r.synapse.workspace_zip_size_bytes);
    const sr = await new Dendrite(validator).call(target(s), 'StartRoundSynapse', {}, 90);
    assert.equal(sr.synapse.miner_version, 'starter');
  } finally {
    await s.m.stop();
  }
});

test('TaskFeedbackSynapse and TaskCleanupSynapse are acknowledged; [] and extra fields survive', async () => {
  const d = new Dendrite(validator);
  let r = await d.call(target(ax), 'TaskFeedbackSynapse', { task_id: 't', round_id: 'r', suggestions: [],
    feedback_text: 'validation submitted' }, 10);
  assert.equal(r.status, 200, r.message);
  assert.equal(r.synapse.acknowledged, true);
  assert.deepEqual(r.synapse.suggestions, [], 'an empty list stays a list');
  r = await d.call(target(ax), 'TaskCleanupSynapse', { task_id: 't2', validation_response: {
    result: { status: 'pass', score: new PyFloat(1), passed_invariants: 7, total_invariants: 7 } },
  summary: { winner_uid: 3, final_score: 0.98 }, miner_uid: 12 }, 10);
  assert.equal(r.status, 200, r.message);
  assert.equal(r.synapse.acknowledged, true);
  assert.equal(r.synapse.cleanup_ok, true);
  assert.equal(r.synapse.task_id, 't2');
  assert.equal(r.synapse.validation_response.result.passed_invariants, 7);
  assert.equal(r.synapse.summary.winner_uid, 3, 'extra attributes echoed');
  assert.match(r.raw.text, /"score":1\.0/, 'floats stay floats');
});

test('base Synapse ping answers 200', async () => {
  const r = await new Dendrite(validator).call(target(ax), 'Synapse', {}, 12);
  assert.equal(r.status, 200, r.message);
});

test('unknown synapse: 404 with the available list', async () => {
  const r = await new Dendrite(validator).call(target(ax), 'NoSuchSynapse', {}, 12);
  assert.equal(r.status, 404);
  assert.match(r.message, /Synapse name 'NoSuchSynapse' not found\. Available synapses \[.*'StartRoundSynapse'.*'TaskSynapse'.*\]/);
  assert.equal(r.raw.headers['name'], 'Synapse');
});

test('unparseable headers: 400', async () => {
  const r = await new Dendrite(validator).call(target(ax), 'StartRoundSynapse', {}, 12,
    { headers: { bt_header_dendrite_nonce: 'not-a-number' } });
  assert.equal(r.status, 400);
  assert.match(r.message, /Improperly formatted request/);
});

test('unknown hotkey: 403 before any signature work', async () => {
  const r = await new Dendrite(stranger).call(target(ax), 'StartRoundSynapse', {}, 12);
  assert.equal(r.status, 403);
  assert.match(r.message, /^Forbidden\. Key is blacklisted: Unrecognized hotkey/);
});

test('verification failures: 401 for each', async () => {
  const d = new Dendrite(validator);
  const t = target(ax);
  const cases = [
    ['signed for another axon hotkey', { signedAxonHotkey: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' }, /Signature mismatch/],
    ['empty signature', { signature: '' }, /Missing signature/],
    ['garbage signature', { signature: '0x' + '11'.repeat(64) }, /Signature mismatch/],
    ['signature not hex', { signature: '0xzz' }, /not 64 hex bytes/],
    ['old nonce', { nonce: BigInt(Date.now() - 60000) * 1000000n }, /Nonce is too old: acceptable delta is 16\.00 seconds/],
    ['missing nonce', { dropHeaders: ['bt_header_dendrite_nonce'] }, /Missing Nonce/],
  ];
  for (const [what, opts, re] of cases) {
    const r = await d.call(t, 'StartRoundSynapse', {}, 12, opts);
    assert.equal(r.status, 401, what);
    assert.match(r.message, re, what);
    assert.match(r.message, /^Not Verified with error: /, what);
  }
  const bad = new Dendrite(validator);
  bad.hotkey = '5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzW'; // bad checksum, allow-listed by nobody
  const r = await bad.call(t, 'StartRoundSynapse', {}, 12);
  assert.equal(r.status, 403);
});

test('nonces: replays and older ones are rejected, newer and future ones accepted', async () => {
  const d = new Dendrite(validator);
  const t = target(ax);
  const req = d.build(t, 'StartRoundSynapse', {}, 12);
  const send = (q) => rawRequest({ port: t.port, path: q.path, headers: q.headers, body: q.body });
  assert.equal((await send(req)).status, 200);
  const replay = Dendrite.process('StartRoundSynapse', await send(req));
  assert.equal(replay.status, 401);
  assert.match(replay.message, /a newer one was last processed/);
  const older = d.build(t, 'StartRoundSynapse', {}, 12, { nonce: req.nonce - 1000n });
  assert.equal((await send(older)).status, 401);
  const future = new Dendrite(validator).build(t, 'StartRoundSynapse', {}, 12, { nonce: req.nonce + 3600n * 1000000000n });
  assert.equal((await send(future)).status, 200, 'future nonces are accepted on first sight');
  const newer = d.build(t, 'StartRoundSynapse', {}, 12, { nonce: req.nonce + 1n });
  assert.equal((await send(newer)).status, 200);
});

test('body hash: a signed but wrong computed_body_hash and a non-JSON body are 500s', async () => {
  const d = new Dendrite(validator);
  let r = await d.call(target(ax), 'StartRoundSynapse', {}, 12, { bodyHash: 'ab'.repeat(32) });
  assert.equal(r.status, 500);
  assert.match(r.message, /^Internal Server Error #[0-9a-f-]{36}$/);
  r = await d.call(target(ax), 'StartRoundSynapse', {}, 12, { body: '{"this is": not json' });
  assert.equal(r.status, 500);
  assert.match(r.message, /^Internal Server Error #/);
  // tampering with the body does not matter to the signature (it covers the header hash) but the header
  // computed from a tampered hash fails verification:
  const q = d.build(target(ax), 'StartRoundSynapse', {}, 12);
  q.headers.computed_body_hash = 'cd'.repeat(32);
  const raw = await rawRequest({ port: ax.port, path: q.path, headers: q.headers, body: q.body });
  assert.equal(raw.status, 401);
});

test('handler errors are 500s and the axon keeps serving; handler status codes pass through', async () => {
  const d = new Dendrite(validator);
  let r = await d.call(target(fx), 'FailingSynapse', {}, 12);
  assert.equal(r.status, 500);
  assert.match(r.message, /^Internal Server Error #/);
  await fx.m.waitFor(/handler exploded on purpose\nstack traceback/);
  r = await d.call(target(fx), 'EchoSynapse', { x: 1 }, 12);
  assert.equal(r.status, 200);
  assert.equal(r.synapse.seen_hotkey, d.hotkey);
  r = await d.call(target(fx), 'StatusSynapse', {}, 12);
  assert.equal(r.status, 429);
  assert.equal(r.message, 'slow down');
  r = await d.call(target(fx), 'not_a_route', {}, 12);
  assert.equal(r.status, 404, 'lower-case handler names are not routes');
});

test('hashed fields: the body hash follows Python str() rules; a tampered body is a 500', async () => {
  const d = new Dendrite(validator);
  const hash = 'ae06397d08f30f75c91395c59f05c62ac3b62b88250eb78b109213258e6ced0c'; // a=1, b=2, d=['foobar']
  let r = await d.call(target(fx), 'HashedSynapse', { a: 1, b: 2, d: ['foobar'] }, 12, { bodyHash: hash });
  assert.equal(r.status, 200, r.message);
  assert.equal(r.synapse.answer, 'ok');
  assert.equal(r.raw.headers.computed_body_hash, hash);
  r = await d.call(target(fx), 'HashedSynapse', { a: 1, b: 2, d: ['tampered'] }, 12, { bodyHash: hash });
  assert.equal(r.status, 500);
  assert.match(r.message, /^Internal Server Error #/);
  r = await d.call(target(fx), 'HashedSynapse', { a: 1, b: 2, d: ['foobar'] }, 12);
  assert.equal(r.status, 500, 'the constant empty hash does not fit a synapse with hashed fields');
});

test('a handler past its timeout is answered 408', async () => {
  const r = await new Dendrite(validator).call(target(fx), 'SlowSynapse', { sleep: 5 }, 0.3);
  assert.equal(r.status, 408);
  assert.match(r.message, /^Response timeout after: 0\.3s$/);
});

test('per-synapse concurrency cap answers 503', async () => {
  const d1 = new Dendrite(validator);
  const d2 = new Dendrite(validator);
  const first = d1.call(target(fx), 'CappedSynapse', { sleep: 1 }, 12);
  const second = await d2.call(target(fx), 'CappedSynapse', { sleep: 0 }, 12);
  const r1 = await first;
  const statuses = [r1.status, second.status].sort();
  assert.deepEqual(statuses, [200, 503]);
  const refused = r1.status === 503 ? r1 : second;
  assert.match(refused.message, /CappedSynapse is at its concurrency limit \(1\)/);
});

test('malformed HTTP gets 400 and the connection is closed; the server keeps serving', async () => {
  const reply = await new Promise((resolve, reject) => {
    const s = net.connect(ax.port, '127.0.0.1', () => s.write('GARBAGE / NOT-HTTP\r\n\r\n'));
    let data = '';
    s.on('data', (c) => { data += c; });
    s.on('close', () => resolve(data));
    s.on('error', reject);
  });
  assert.match(reply, /^HTTP\/1\.1 400 /);
  const r = await new Dendrite(validator).call(target(ax), 'Synapse', {}, 12);
  assert.equal(r.status, 200);
});

test('oversized body: 413 without reading it', async () => {
  const d = new Dendrite(validator);
  const r = await d.call(target(ax), 'TaskSynapse', { task_id: 'x', prompt: 'y'.repeat(200000) }, 12);
  assert.equal(r.raw.status, 413);
  assert.match(JSON.parse(r.raw.text).message, /too large/);
});

test('oversized headers: 431', async () => {
  const r = await new Dendrite(validator).call(target(ax), 'StartRoundSynapse', {}, 12,
    { headers: { 'x-filler': 'z'.repeat(70000) } });
  assert.equal(r.raw.status, 431);
});

test('a slow client that never finishes its headers is disconnected (read timeout)', async () => {
  const closed = await new Promise((resolve, reject) => {
    const s = net.connect(ax.port, '127.0.0.1', () => s.write('POST /StartRoundSynapse HTTP/1.1\r\nhost: x\r\nname: '));
    s.on('close', () => resolve(true));
    s.on('error', reject);
    s.setTimeout(20000, () => reject(new Error('server kept a slowloris connection for 20 s')));
  });
  assert.equal(closed, true);
});

test('pipelined requests on one connection are answered in order', async () => {
  const d = new Dendrite(validator);
  const t = target(ax);
  const a = d.build(t, 'StartRoundSynapse', { round_id: 'first' }, 12);
  const b = d.build(t, 'StartRoundSynapse', { round_id: 'second' }, 12, { nonce: a.nonce + 1n });
  const wire = (q) => `POST ${q.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n` +
    Object.entries(q.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
    `content-length: ${Buffer.byteLength(q.body)}\r\n\r\n${q.body}`;
  const text = await new Promise((resolve, reject) => {
    const s = net.connect(t.port, '127.0.0.1', () => s.write(wire(a) + wire(b)));
    let data = '';
    s.on('data', (c) => {
      data += c;
      if ((data.match(/HTTP\/1\.1 200/g) || []).length === 2 && data.includes('"second"')) { s.end(); resolve(data); }
    });
    s.on('error', reject);
  });
  assert.ok(text.indexOf('"first"') < text.indexOf('"second"'));
});

test('100 concurrent keep-alive clients, 5 requests each, all verified and answered', async () => {
  const clients = Array.from({ length: 100 }, () => new Dendrite(validator, { agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) }));
  const results = await Promise.all(clients.map(async (d) => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await d.call(target(ax), 'StartRoundSynapse', { round_id: `r${i}` }, 12)).status);
    d.agent.destroy();
    return statuses;
  }));
  assert.deepEqual(results.flat().filter((s) => s !== 200), []);
});

test('SIGTERM drains: an in-flight request still gets its answer, new connections are refused, exit 0', async () => {
  const { encodeAddress } = await import('@polkadot/util-crypto');
  const s = await startAxon({ allow: [encodeAddress(validator.publicKey, 42)],
    entrypoint: path.join(REPO, 'tests/js/fixtures/axon_fixture.lua'), args: ['--axon.max_connections', '3'] });
  try {
    const d = new Dendrite(validator);
    const inflight = d.call(target(s), 'SlowSynapse', { sleep: 1 }, 12);
    // Connection cap: with 3 allowed (one busy, two idle), a 4th connection takes the place of the one idle
    // the longest, which the server closes.
    const connect = () => new Promise((resolve) => { const k = net.connect(s.port, '127.0.0.1', () => resolve(k)); });
    const ping = (k) => new Promise((resolve, reject) => {
      let data = '';
      const onData = (chunk) => {
        data += chunk;
        if (/\r\n\r\n[\s\S]*\}$/.test(data)) { k.off('data', onData); resolve(data); }
      };
      k.on('data', onData);
      k.once('error', reject);
      k.write('GET /NoSuchSynapse HTTP/1.1\r\nhost: x\r\n\r\n');
    });
    const first = await connect();
    const firstClosed = new Promise((resolve) => first.on('close', () => resolve(true)));
    const second = await connect();
    assert.match(await ping(second), /^HTTP\/1\.1 404 /); // the server has read everything sent so far
    const fourth = await connect();
    assert.equal(await firstClosed, true, 'the longest idle connection is evicted');
    await s.m.waitFor(/connection limit \(3\) reached: evicting idle connections/);
    assert.match(await ping(second), /^HTTP\/1\.1 404 /, 'only one connection is evicted for one newcomer');
    [second, fourth].forEach((k) => k.destroy());
    s.m.child.kill('SIGTERM');
    await s.m.waitFor(/stopping: no new connections, 1 requests in flight/);
    const r = await inflight;
    assert.equal(r.status, 200);
    assert.equal(r.synapse.done, true);
    const { code } = await s.m.exited;
    assert.equal(code, 0);
    assert.match(s.m.log, /drained: all in-flight requests answered/);
    assertNoSanitizerReport(s.m.log);
  } finally {
    s.m.child.kill('SIGKILL');
  }
});

test('hot reload while serving: new requests see the new code, the in-flight one finishes on the old', async () => {
  const fs = await import('node:fs');
  const { encodeAddress } = await import('@polkadot/util-crypto');
  const dir = (await import('./helpers.mjs')).tmpdir('miner-live-reload-');
  const ep = path.join(dir, 'live.lua');
  const version = (v) => `local timer = require "timer"
return { VersionSynapse = function(syn) timer.sleep(tonumber(syn.sleep) or 0) syn.code_version = ${v} return syn end }
`;
  fs.writeFileSync(ep, version(1));
  const s = await startAxon({ allow: [encodeAddress(validator.publicKey, 42)], entrypoint: ep,
    args: ['--reload.debounce_ms', '20'] });
  try {
    const d = new Dendrite(validator);
    const slow = d.call(target(s), 'VersionSynapse', { sleep: 1 }, 12);
    const from = s.m.mark();
    fs.writeFileSync(ep + '.tmp', version(2));
    fs.renameSync(ep + '.tmp', ep);
    await s.m.waitFor(/generation 2 loaded/, from);
    const fresh = await new Dendrite(validator).call(target(s), 'VersionSynapse', {}, 12);
    assert.equal(fresh.synapse.code_version, 2);
    assert.equal((await slow).synapse.code_version, 1);
  } finally {
    await s.m.stop();
  }
});
