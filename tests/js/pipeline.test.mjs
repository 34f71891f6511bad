// The task pipeline through the real axon (issue 13): bodies checked against the synapse's fields before the
// handler, answers checked before sending, hostile task ids, many validators at once, Feedback/Cleanup only from
// the task's validator, the real-traffic corpus (issue 16), and on_start failures stopping `miner run`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { cryptoWaitReady, sr25519PairFromSeed, encodeAddress } from '@polkadot/util-crypto';
import { Dendrite, PyFloat } from './dendrite.mjs';
import { startAxon, startMiner, makeWallet, tmpdir, assertNoSanitizerReport, REPO } from './helpers.mjs';

let ax;
let valA;
let valB;
let hotA;
let hotB;

const PROMPT = 'For a small internal Google Cloud setup, create a Pub/Sub topic named xyctzkz50c48k1 that keeps messages for 900s. Attach a subscription to that same topic whose name ends with we20f44pv5herers, with a 30 second ack deadline, retained acked messages (true) and an expiration TTL of 172800s. Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment. Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.';
const INVARIANTS = [
  { resource_type: 'google_pubsub_topic', match: { 'values.name': 'xyctzkz50c48k1', 'values.message_retention_duration': '900s' }, comparison_rule: { 'values.name': 'exact_match' } },
  { resource_type: 'google_pubsub_subscription', match: { 'values.name': 'we20f44pv5herers', 'values.ack_deadline_seconds': 30, 'values.retain_acked_messages': true }, comparison_rule: { 'values.name': 'ends_with' } },
];

before(async () => {
  await cryptoWaitReady();
  valA = sr25519PairFromSeed(randomBytes(32));
  valB = sr25519PairFromSeed(randomBytes(32));
  hotA = encodeAddress(valA.publicKey, 42);
  hotB = encodeAddress(valB.publicKey, 42);
  ax = await startAxon({ allow: [hotA, hotB], args: ['--terraform.bin', path.join(REPO, 'tests/fake-terraform'),
    '--gcp.project', 'test-project', '--gcp.gcloud', path.join(REPO, 'tests/fake-gcloud')], gcloudLog: true });
});

after(async () => {
  if (!ax) return;
  const { code } = await ax.m.stop();
  assert.equal(code, 0, 'graceful exit');
  assertNoSanitizerReport(ax.m.log);
});

const target = () => ({ port: ax.port, hotkey: ax.hotkey });
const work = (...p) => path.join(ax.dir, 'work', ...p);
const jsonl = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);

test('a body that does not fit its synapse is refused like upstream (500) before the handler; lax values pass', async () => {
  const d = new Dendrite(valA);
  const from = ax.m.mark();
  let r = await d.call(target(), 'StartRoundSynapse', { round_id: 'r-1', timestamp: 'abc' }, 90);
  assert.equal(r.status, 500);
  assert.match(r.message, /^Internal Server Error #[0-9a-f-]{36}$/);
  await ax.m.waitFor(/StartRoundSynapse from \w+ refused \(Internal Server Error #[0-9a-f-]{36}\): .*timestamp: Input should be a valid integer, got 'abc'/, from);
  r = await d.call(target(), 'StartRoundSynapse', { round_id: 'r-1', timestamp: '1773500000' }, 90);
  assert.equal(r.status, 200, r.message);
  assert.equal(r.synapse.timestamp, 1773500000, 'coerced like pydantic');
  r = await d.call(target(), 'TaskFeedbackSynapse', { task_id: 't', suggestions: [1, 2] }, 10);
  assert.equal(r.status, 500);
  r = await d.call(target(), 'TaskCleanupSynapse', { task_id: 't', validation_response: null }, 10);
  assert.equal(r.status, 500, 'a dict field cannot be null');
  // a TaskSynapse without task_id never reaches the solver: no workspace anywhere
  r = await d.call(target(), 'TaskSynapse', { prompt: PROMPT }, 600);
  assert.equal(r.status, 500);
  await ax.m.waitFor(/TaskSynapse from \w+ refused .*task_id: Field required/, from);
  assert.equal(fs.existsSync(work('tasks')), false, 'no workspace was created');
  assert.doesNotMatch(ax.m.log.slice(from), /\[terraform (init|apply)\]/, 'terraform never ran');
});

test('hostile task ids get an error answer and build nothing', async () => {
  const d = new Dendrite(valA);
  for (const id of ['', '.', '..', '../../etc', 'a/b', 'x'.repeat(129), 'tab\there']) {
    const r = await d.call(target(), 'TaskSynapse', { task_id: id, prompt: PROMPT, task_spec: { task_id: id, prompt: PROMPT } }, 600);
    assert.equal(r.status, 200, r.message);
    assert.equal(r.synapse.task_id, id, 'echoed unchanged');
    assert.equal(r.synapse.result_summary.status, 'error', JSON.stringify(id));
    assert.match(r.synapse.result_summary.notes, /task_id .*; nothing was built/);
    assert.equal(r.synapse.workspace_zip_b64, null);
  }
  assert.equal(fs.existsSync(work('tasks')), false, 'no workspace was created');
});

test('more TaskSynapses than the old cap of 4 at once are all served; StartRound reports free apply slots', async () => {
  const ids = Array.from({ length: 6 }, (_, i) => `c0ffee00-0000-4000-8000-00000000000${i}`);
  const answers = await Promise.all(ids.map((id) => new Dendrite(valA).call(target(), 'TaskSynapse',
    { task_id: id, prompt: PROMPT, task_spec: { task_id: id, prompt: PROMPT } }, 600)));
  for (const [i, r] of answers.entries()) {
    assert.equal(r.status, 200, `${ids[i]}: ${r.message}`);
    assert.equal(r.synapse.result_summary.status, 'success', JSON.stringify(r.synapse.result_summary));
  }
  const sr = await new Dendrite(valA).call(target(), 'StartRoundSynapse', { round_id: 'r-2' }, 90);
  assert.equal(sr.status, 200);
  assert.equal(sr.synapse.available_capacity, 16, 'every apply slot free at rest');
  const from = ax.m.mark();
  for (const id of ids) await new Dendrite(valA).call(target(), 'TaskFeedbackSynapse', { task_id: id }, 10);
  for (const id of ids) await ax.m.waitFor(new RegExp(`task ${id} destroyed \\(feedback\\)`), from);
});

test('only the task\'s validator may destroy it; its cleanup payload adds the prompt and invariants to corpus.jsonl', async () => {
  const taskId = '8cae1bee-f257-4c13-a6aa-d8c5d4fbac00';
  const a = new Dendrite(valA);
  const b = new Dendrite(valB);
  const r = await a.call(target(), 'TaskSynapse', { task_id: taskId, prompt: PROMPT, task_spec: { task_id: taskId, prompt: PROMPT } }, 600);
  assert.equal(r.synapse.result_summary.status, 'success', JSON.stringify(r.synapse.result_summary));
  let from = ax.m.mark();
  const fb = await b.call(target(), 'TaskFeedbackSynapse', { task_id: taskId, feedback_text: 'validation submitted' }, 10);
  assert.equal(fb.status, 200);
  assert.equal(fb.synapse.acknowledged, true, 'acknowledged all the same');
  await ax.m.waitFor(new RegExp(`task ${taskId}: feedback asked by ${hotB}, but the task came from ${hotA}: acknowledged, nothing destroyed`), from);
  const cleanup = (inv) => ({ task_id: taskId, round_id: 'round-7', miner_uid: 12,
    validation_response: { task_id: taskId, result: { status: 'pass', score: new PyFloat(1), passed_invariants: 2, total_invariants: 2 } },
    validation_attempt: { status: 'validated', score: new PyFloat(1), invariants: inv },
    summary: { miner_uid: 12, miner_latency_s: 71.5, final_score: 0.98, winner_uid: 3, winner_latency_s: 40.25 } });
  const cb = await b.call(target(), 'TaskCleanupSynapse', cleanup(INVARIANTS), 10);
  assert.equal(cb.status, 200);
  assert.equal(cb.synapse.acknowledged, true);
  await ax.m.waitFor(new RegExp(`task ${taskId}: cleanup asked by ${hotB}, but the task came from ${hotA}: acknowledged, nothing destroyed`), from);
  assert.ok(fs.existsSync(work('tasks', taskId, 'terraform.tfstate')), 'still there');
  assert.equal(jsonl(work('corpus.jsonl')).length, 0, 'a stranger\'s payload is not recorded');
  from = ax.m.mark();
  const ca = await a.call(target(), 'TaskCleanupSynapse', cleanup([...INVARIANTS, { resource_type: 7 }, 'junk']), 10);
  assert.equal(ca.status, 200);
  await ax.m.waitFor(new RegExp(`task ${taskId}: score recorded \\(pass 1\\.0\\), added to the corpus with 2 invariants`), from);
  await ax.m.waitFor(new RegExp(`task ${taskId} destroyed \\(cleanup\\)`), from);
  assert.equal(fs.existsSync(work('tasks', taskId)), false);
  const corpus = jsonl(work('corpus.jsonl'));
  assert.equal(corpus.length, 1);
  assert.equal(corpus[0].task_id, taskId);
  assert.equal(corpus[0].prompt, PROMPT);
  assert.deepEqual(corpus[0].invariants, INVARIANTS);
  assert.equal(corpus[0].validator_score, 1);
  assert.equal(corpus[0].winner_latency_s, 40.25);
  assert.equal(corpus[0].miner_latency_s, 71.5);
  const scores = jsonl(work('scores.jsonl'));
  assert.equal(scores.at(-1).task_id, taskId);
  assert.equal(scores.at(-1).winner_uid, 3);
  assert.equal(fs.statSync(work('corpus.jsonl')).mode & 0o777, 0o600);
  // the task is forgotten once destroyed and recorded
  assert.equal(JSON.parse(fs.readFileSync(work('tasks.json'), 'utf8'))[taskId], undefined);
  // the corpus reads like a task file
  const sample = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/data/generated-tasks.jsonl'), 'utf8').split('\n')[0]);
  for (const k of ['task_id', 'prompt', 'invariants']) assert.equal(typeof corpus[0][k], typeof sample[k], k);
});

test('an answer the validator\'s model would reject is logged at error level before it is sent', async () => {
  const dir = tmpdir('miner-badanswer-');
  const ep = path.join(dir, 'bad_answer.lua');
  fs.writeFileSync(ep, `local json = require "json"
return { TaskSynapse = function(syn) syn.workspace_zip_b64 = 5 syn.result_summary = json.null return syn end }
`);
  const s = await startAxon({ entrypoint: ep, allow: [hotA] });
  try {
    const r = await new Dendrite(valA).call({ port: s.port, hotkey: s.hotkey }, 'TaskSynapse', { task_id: 't-1', prompt: 'x' }, 12);
    assert.equal(r.raw.status, 200, 'sent all the same');
    assert.equal(r.status, 422, 'and the dendrite drops it');
    const [line] = await s.m.waitFor(/error \[serve\.lua:\d+\] TaskSynapse answer to \w+ would be rejected by the validator's model.*/);
    assert.match(line, /result_summary: Input should not be None/);
    assert.match(line, /workspace_zip_b64: Input should be a valid string, got 5/);
  } finally {
    await s.m.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function runUntilExit(entrypoint, extraArgs = []) {
  const dir = tmpdir('miner-onstart-');
  await makeWallet(path.join(dir, 'wallets'));
  const m = startMiner(['--entrypoint', entrypoint, '--wallet.path', path.join(dir, 'wallets'), '--wallet.name', 'miner',
    '--axon.ip', '127.0.0.1', '--axon.port', '0', '--chain.sync_interval', '0', '--blacklist.allow_non_registered', ...extraArgs],
  { ALPHACORE_WORKDIR: path.join(dir, 'work') });
  const timer = setTimeout(() => m.child.kill('SIGKILL'), 20000);
  const { code, signal } = await m.exited;
  clearTimeout(timer);
  fs.rmSync(dir, { recursive: true, force: true });
  return { code, signal, log: m.log };
}

test('on_start raising makes `miner run` exit 1 at start, before or after the axon is up', async () => {
  const dir = tmpdir('miner-onstart-ep-');
  const now = path.join(dir, 'now.lua');
  fs.writeFileSync(now, 'return { on_start = function() error("on_start exploded") end, Ping = function(s) return s end }\n');
  let r = await runUntilExit(now);
  assert.equal(r.signal, null, 'it exits by itself');
  assert.equal(r.code, 1, r.log);
  assert.match(r.log, /on_start of .*now\.lua failed, stopping: .*on_start exploded\nstack traceback/);
  const late = path.join(dir, 'late.lua');
  fs.writeFileSync(late, `local timer = require "timer"
return { on_start = function() timer.sleep(0.3) error("late failure") end, Ping = function(s) return s end }
`);
  r = await runUntilExit(late);
  assert.equal(r.code, 1, r.log);
  assert.match(r.log, /axon listening/);
  assert.match(r.log, /on_start of .*late\.lua failed, stopping: .*late failure/);
  // miney: a workdir that cannot be created
  const file = path.join(dir, 'a-file');
  fs.writeFileSync(file, 'x');
  r = await runUntilExit('miney.lua', ['--workdir', path.join(file, 'work')]);
  assert.equal(r.code, 1, r.log);
  assert.match(r.log, /workdir .*a-file\/work is not usable/);
  // miney with strict preflight and no GCP project: says which prerequisite and the fix, then stops
  r = await runUntilExit('miney.lua', ['--solver.preflight', 'strict', '--terraform.bin', path.join(REPO, 'tests/fake-terraform')]);
  assert.equal(r.code, 1, r.log);
  assert.match(r.log, /preflight gcp project: no GCP project configured \| fix: set --gcp.project/);
  assert.match(r.log, /fatal preflight problem/);
  assertNoSanitizerReport(r.log);
  fs.rmSync(dir, { recursive: true, force: true });
});
