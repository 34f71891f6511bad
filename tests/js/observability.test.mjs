// What an operator sees: one in/out log line per synapse, blacklist decisions with their reason, warnings for
// insecure settings, JSON log lines on request, and the Prometheus endpoint (own port, loopback, GET only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { cryptoWaitReady, sr25519PairFromSeed, encodeAddress } from '@polkadot/util-crypto';
import { Dendrite } from './dendrite.mjs';
import { startAxon, assertNoSanitizerReport } from './helpers.mjs';

let ax;
let validator;
let stranger;

function get(port, path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  await cryptoWaitReady();
  validator = sr25519PairFromSeed(randomBytes(32));
  stranger = sr25519PairFromSeed(randomBytes(32));
  ax = await startAxon({ allow: [encodeAddress(validator.publicKey, 42)],
    args: ['--metrics.port', '0', '--logging.format', 'json'], env: { ALPHACORE_METRICS_ENABLED: 'true' } });
});

after(async () => {
  if (ax) {
    await ax.m.stop();
    assertNoSanitizerReport(ax.m.log);
  }
});

const target = () => ({ port: ax.port, hotkey: ax.hotkey });

test('every log line is one JSON object with ts, level, where, msg', async () => {
  await ax.m.waitFor(/metrics on http/);
  const lines = ax.m.log.split('\n').filter((l) => l.trim() !== '');
  assert.ok(lines.length > 3);
  for (const line of lines) {
    const o = JSON.parse(line);
    for (const k of ['ts', 'level', 'where', 'msg']) assert.equal(typeof o[k], 'string', `${k} in ${line}`);
  }
});

test('in/out lines per synapse, blacklist reasons, and the metrics endpoint counts them', async () => {
  const m = await ax.m.waitFor(/metrics on http:\/\/127\.0\.0\.1:(\d+)\/metrics/);
  const port = Number(m[1]);
  const mark = ax.m.mark();
  const d = new Dendrite(validator);
  const r = await d.call(target(), 'StartRoundSynapse', { round_id: 'round-77', timestamp: 1773500000 }, 30);
  assert.equal(r.status, 200, r.message);
  await ax.m.waitFor(/"msg":"in  StartRoundSynapse uid=- hotkey=\w+ ip=127\.0\.0\.1 round=round-77 task=-"/, mark);
  await ax.m.waitFor(/"msg":"out StartRoundSynapse uid=- hotkey=\w+ ip=127\.0\.0\.1 round=round-77 task=- status=200 latency=[0-9.]+s"/, mark);
  // a stranger is refused, and the refusal is logged with its reason (once a minute per caller and reason)
  const s = new Dendrite(stranger);
  for (let i = 0; i < 3; i++) {
    const bad = await s.call(target(), 'StartRoundSynapse', { round_id: 'x' }, 30);
    assert.equal(bad.status, 403);
  }
  await ax.m.waitFor(/"msg":"blacklisted StartRoundSynapse uid=- hotkey=\w+ ip=127\.0\.0\.1: Unrecognized hotkey/, mark);
  const logged = ax.m.log.slice(mark).match(/blacklisted StartRoundSynapse/g) || [];
  assert.equal(logged.length, 1, 'repeated refusals are not logged again');

  const res = await get(port, '/metrics');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  assert.match(res.text, /^miner_requests_total\{status="200",synapse="StartRoundSynapse"\} 1$/m);
  assert.match(res.text, /^miner_blacklisted_total\{reason="Unrecognized hotkey"\} 3$/m);
  assert.match(res.text, /^miner_verify_total [1-9]\d*$/m);
  assert.match(res.text, /^miner_request_seconds_bucket\{synapse="StartRoundSynapse",le="\+Inf"\} 1$/m);
  assert.match(res.text, /^# TYPE miner_task_phase_seconds histogram$/m);
  assert.equal((await get(port, '/metrics', 'POST')).status, 405);
  assert.equal((await get(port, '/nope')).status, 404);
});

test('insecure settings are warned about at start', async () => {
  // the allow-list-only miner here runs with --min-stake default; run-local style flags warn
  const other = await startAxon({ args: ['--allow-non-registered', '--axon.verify', 'false'] });
  try {
    await other.m.waitFor(/INSECURE: --axon\.verify false/);
    await other.m.waitFor(/INSECURE: --allow-non-registered/);
  } finally {
    await other.m.stop();
    assertNoSanitizerReport(other.m.log);
  }
});
