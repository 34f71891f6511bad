// Hardening (issue 13) at the process level: the real miner binary, hostile or failing peers on loopback.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { cryptoWaitReady, sr25519PairFromSeed, encodeAddress } from '@polkadot/util-crypto';
import { Dendrite } from './dendrite.mjs';
import { startAxon, assertNoSanitizerReport, REPO } from './helpers.mjs';

const FIXTURE = path.join(REPO, 'tests/js/fixtures/axon_fixture.lua');
const MiB = 1024 * 1024;

let validator; // allow-listed
let stranger;  // not allow-listed
before(async () => {
  await cryptoWaitReady();
  validator = sr25519PairFromSeed(randomBytes(32));
  stranger = sr25519PairFromSeed(randomBytes(32));
});

async function fixtureAxon(args = []) {
  return startAxon({ allow: [encodeAddress(validator.publicKey, 42)], entrypoint: FIXTURE, args });
}

async function stop(s) {
  const { code } = await s.m.stop();
  assert.equal(code, 0, 'graceful exit');
  assertNoSanitizerReport(s.m.log);
}

const target = (s) => ({ port: s.port, hotkey: s.hotkey });

// The request head of a built request (q from Dendrite.build), with a content-length of our choosing.
function head(q, length = Buffer.byteLength(q.body), extra = {}) {
  const headers = { ...q.headers, ...extra };
  if (length !== null) headers['content-length'] = String(length);
  return `POST ${q.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n` +
    Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
}

// HTTP/1.1 responses in a byte stream (interim 1xx ones included).
function parseResponses(buf) {
  const out = [];
  let off = 0;
  for (;;) {
    const end = buf.indexOf('\r\n\r\n', off);
    if (end < 0) break;
    const lines = buf.subarray(off, end).toString('latin1').split('\r\n');
    const status = Number(lines[0].split(' ')[1]);
    const headers = {};
    for (const l of lines.slice(1)) { const i = l.indexOf(':'); headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim(); }
    const len = status < 200 ? 0 : Number(headers['content-length'] || 0);
    if (buf.length < end + 4 + len) break;
    out.push({ status, headers, body: buf.subarray(end + 4, end + 4 + len).toString() });
    off = end + 4 + len;
  }
  return out;
}

// A raw client connection: collects the bytes it receives and its close.
class Conn {
  static open(port, localAddress = '127.0.0.1') {
    return new Promise((resolve, reject) => {
      const sock = net.connect({ port, host: '127.0.0.1', localAddress }, () => resolve(c));
      const c = new Conn(sock);
      sock.once('error', reject);
    });
  }

  constructor(sock) {
    this.sock = sock;
    this.data = Buffer.alloc(0);
    this.waiters = [];
    this.isClosed = false;
    this.closed = new Promise((resolve) => sock.on('close', () => { this.isClosed = true; this.check(); resolve(true); }));
    sock.on('data', (d) => { this.data = Buffer.concat([this.data, d]); this.check(); });
    sock.on('error', () => {});
  }

  responses() { return parseResponses(this.data); }

  check() {
    const got = this.responses();
    this.waiters = this.waiters.filter((w) => {
      if (got.length >= w.n) { w.resolve(got); return false; }
      if (this.isClosed) { w.reject(new Error(`closed after ${got.length} of ${w.n} responses: ${this.data.toString().slice(0, 400)}`)); return false; }
      return true;
    });
  }

  // Resolves with all responses once there are n of them (rejects if the connection closes first).
  wait(n = 1) {
    return new Promise((resolve, reject) => { this.waiters.push({ n, resolve, reject }); this.check(); });
  }

  write(text) { return this.sock.write(text); }
  destroy() { this.sock.destroy(); }
}

function vmHWM(pid) {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return Number(m[1]) * 1024;
}

// A 127.0.0.1 port nobody listens on: bound by the OS, then closed.
export async function closedPort() {
  const srv = net.createServer();
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address();
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

test('chain unreachable at start with an external IP: serve_axon fails, the metagraph sync keeps retrying', async () => {
  const url = `ws://127.0.0.1:${await closedPort()}`;
  const s = await startAxon({ entrypoint: FIXTURE, args: ['--subtensor.chain_endpoint', url,
    '--chain.sync_interval', '0.2', '--axon.external_ip', '203.0.113.7', '--chain.serve_axon', 'true'] });
  try {
    // The first sync fails on the refused connection; the next ones fall inside the reconnect backoff
    // ("unreachable; next attempt in N.Ns"), the path that used to raise and kill the task for good.
    await s.m.waitFor(/metagraph sync from [^\n]* failed[^\n]*unreachable; next attempt in \d+\.\ds/);
    const from = s.m.mark();
    await s.m.waitFor(/metagraph sync from [^\n]* failed/, from);
    const from2 = s.m.mark();
    await s.m.waitFor(/metagraph sync from [^\n]* failed/, from2);
    await s.m.waitFor(/serve_axon on [^\n]* failed/);
    assert.doesNotMatch(s.m.log, /invalid (option|conversion)/);
    assert.doesNotMatch(s.m.log, / error \[task\]/, 'no task died');
  } finally {
    const { code } = await s.m.stop();
    assert.equal(code, 0, 'graceful exit');
    assertNoSanitizerReport(s.m.log);
  }
});

// ---- axon memory and connection limits (issue 13, high) ----

test('big bodies from callers who fail route, access or verification are never read: RSS stays bounded', async () => {
  const s = await fixtureAxon();
  try {
    const t = target(s);
    const before = vmHWM(s.m.child.pid);
    const kinds = [
      { q: () => new Dendrite(validator).build(t, 'EchoSynapse', {}, 12, { route: 'NoSuchSynapse' }), status: 404 },
      { q: () => new Dendrite(stranger).build(t, 'EchoSynapse', {}, 12), status: 403 },
      { q: () => new Dendrite(validator).build(t, 'EchoSynapse', {}, 12, { signature: '0x' + '11'.repeat(64) }), status: 401 },
    ];
    const chunk = Buffer.alloc(MiB, 0x61);
    const attempts = [];
    for (let i = 0; i < 16; i++) {
      for (const k of kinds) {
        attempts.push((async () => {
          const c = await Conn.open(s.port);
          c.write(head(k.q(), 64 * MiB));
          // push body bytes as fast as the server takes them, up to 16 MiB, until it answers
          let sent = 0;
          const pump = () => { while (sent < 16 * MiB && !c.isClosed && c.responses().length === 0) { sent += MiB; if (!c.write(chunk)) return; } };
          c.sock.on('drain', pump);
          pump();
          const [r] = await c.wait(1).catch((e) => { throw new Error(`${k.status} after ${sent} bytes: ${e.message}`); });
          assert.equal(r.status, k.status, r.body);
          c.destroy();
          return sent;
        })());
      }
    }
    await Promise.all(attempts);
    const growth = vmHWM(s.m.child.pid) - before;
    // The documented bound (runtime/http.h): per connection at most max_header_bytes of headers plus a 64 KiB
    // read buffer and 64 KiB of pipelined input; refused bodies are never stored. 48 connections: < 10 MiB;
    // allow 32 MiB for allocator and sanitizer noise. Buffering the bodies (as before) would take 768 MiB.
    assert.ok(growth < 32 * MiB, `peak RSS grew by ${(growth / MiB).toFixed(1)} MiB`);
  } finally {
    await stop(s);
  }
});

test('a big body is refused at its headers, before any body byte: unknown route, blacklisted, unverified, over the limit', async () => {
  const s = await fixtureAxon();
  try {
    const t = target(s);
    const cases = [
      [new Dendrite(validator).build(t, 'EchoSynapse', {}, 12, { route: 'NoSuchSynapse' }), 404, /not found/],
      [new Dendrite(stranger).build(t, 'EchoSynapse', {}, 12), 403, /blacklisted/],
      [new Dendrite(validator).build(t, 'EchoSynapse', {}, 12, { dropHeaders: ['bt_header_dendrite_nonce'] }), 401, /Missing Nonce/],
      [new Dendrite(validator).build(t, 'EchoSynapse', {}, 12), 413, /too large/], // 1 MiB default limit
    ];
    for (const [q, status, re] of cases) {
      const c = await Conn.open(s.port);
      c.write(head(q, 100 * MiB)); // the head only: no body byte is ever sent
      const [r] = await c.wait(1);
      assert.equal(r.status, status, r.body);
      assert.match(JSON.parse(r.body).message, re);
      await c.closed; // a body that big is not skipped: the connection closes after the answer
    }
  } finally {
    await stop(s);
  }
});

test('expect: 100-continue gets its go-ahead after the headers passed; a refusal comes instead of it', async () => {
  const s = await fixtureAxon();
  try {
    const t = target(s);
    const q = new Dendrite(validator).build(t, 'EchoSynapse', { x: 7 }, 12);
    const c = await Conn.open(s.port);
    c.write(head(q, undefined, { expect: '100-continue' }));
    const [interim] = await c.wait(1);
    assert.equal(interim.status, 100);
    c.write(q.body);
    const rs = await c.wait(2);
    assert.equal(rs[1].status, 200, rs[1].body);
    assert.equal(JSON.parse(rs[1].body).x, 7);
    const bad = new Dendrite(stranger).build(t, 'EchoSynapse', {}, 12);
    const c2 = await Conn.open(s.port);
    c2.write(head(bad, undefined, { expect: '100-continue' }));
    const [r] = await c2.wait(1);
    assert.equal(r.status, 403);
    c.destroy();
    c2.destroy();
  } finally {
    await stop(s);
  }
});

test('per-synapse body limit and the global body budget', async () => {
  const s = await fixtureAxon(['--axon.max_body_bytes', '800000', '--axon.body_budget_bytes', '1000000']);
  try {
    const t = target(s);
    const d = new Dendrite(validator);
    const pad = 'p'.repeat(600000);
    const q1 = d.build(t, 'EchoSynapse', { pad }, 12);
    const c1 = await Conn.open(s.port);
    c1.write(head(q1, undefined, { expect: '100-continue' }));
    assert.equal((await c1.wait(1))[0].status, 100, 'the first body is admitted (600 kB of the 1 MB budget)');
    const q2 = d.build(t, 'EchoSynapse', { pad }, 12);
    const c2 = await Conn.open(s.port);
    c2.write(head(q2));
    const [busy] = await c2.wait(1);
    assert.equal(busy.status, 503, 'a second 600 kB body does not fit the budget');
    assert.match(JSON.parse(busy.body).message, /budget/);
    c1.write(q1.body);
    const rs = await c1.wait(2);
    assert.equal(rs[1].status, 200, rs[1].body);
    assert.equal(JSON.parse(rs[1].body).pad.length, 600000);
    // the budget is back: the same size passes again
    const q3 = d.build(t, 'EchoSynapse', { pad }, 12);
    const c3 = await Conn.open(s.port);
    c3.write(head(q3) + q3.body);
    assert.equal((await c3.wait(1))[0].status, 200);
    const big = d.build(t, 'EchoSynapse', { pad: 'p'.repeat(900000) }, 12);
    const c4 = await Conn.open(s.port);
    c4.write(head(big));
    assert.equal((await c4.wait(1))[0].status, 413, 'over the per-synapse limit');
    [c1, c2, c3, c4].forEach((c) => c.destroy());
  } finally {
    await stop(s);
  }
});

test('one peer holding many idle connections cannot lock out another', async () => {
  const s = await fixtureAxon(['--axon.max_connections', '16', '--axon.max_connections_per_ip', '4']);
  try {
    const t = target(s);
    // Peer A opens 40 idle connections from one address: it keeps its 4 newest, its older ones are closed.
    const a = [];
    for (let i = 0; i < 40; i++) a.push(await Conn.open(s.port, '127.0.0.1'));
    await Promise.all(a.slice(0, 36).map((c) => c.closed));
    const ping = 'GET /NoSuchSynapse HTTP/1.1\r\nhost: x\r\n\r\n';
    for (const c of a.slice(36)) { c.write(ping); assert.equal((await c.wait(1))[0].status, 404); }
    // Peer A then fills the whole server from 8 more addresses (32 idle connections for 16 slots).
    const more = [];
    for (let i = 0; i < 32; i++) more.push(await Conn.open(s.port, `127.0.0.${3 + (i % 8)}`));
    // Peer B still gets in (the longest idle connections make room) and is served.
    const b = new Dendrite(validator, { agent: new http.Agent({ keepAlive: false, localAddress: '127.0.0.2' }) });
    for (let i = 0; i < 3; i++) {
      const r = await b.call(t, 'EchoSynapse', { i }, 12);
      assert.equal(r.status, 200, r.message);
    }
    await s.m.waitFor(/connection limit \(16\) reached: evicting idle connections/);
    [...a, ...more].forEach((c) => c.destroy());
  } finally {
    await stop(s);
  }
});

test('with every slot busy on a request, a new connection is refused (not queued, not evicting work)', async () => {
  const s = await fixtureAxon(['--axon.max_connections', '2']);
  try {
    const t = target(s);
    const slow = [1, 2].map((tag) => new Dendrite(validator, { agent: new http.Agent({ keepAlive: false }) })
      .call(t, 'SlowSynapse', { sleep: 1, tag }, 12));
    await s.m.waitFor(/SlowSynapse started \(1\)/);
    await s.m.waitFor(/SlowSynapse started \(2\)/);
    const c = await Conn.open(s.port);
    await c.closed;
    assert.equal(c.data.length, 0, 'closed without an answer');
    for (const r of await Promise.all(slow)) assert.equal(r.status, 200, r.message);
    await s.m.waitFor(/connection limit \(2\) reached: refusing a connection/);
  } finally {
    await stop(s);
  }
});

test('a connection that sends nothing is closed after the first-byte timeout', async () => {
  const s = await fixtureAxon(['--axon.first_byte_timeout', '0.3', '--axon.idle_timeout', '120']);
  try {
    const c = await Conn.open(s.port);
    const t0 = Date.now();
    await c.closed;
    assert.ok(Date.now() - t0 < 60000, 'closed by the first-byte timeout, not the idle one');
    assert.equal(c.data.length, 0);
  } finally {
    await stop(s);
  }
});

test('pipelined requests: many in one write, then a half-close: every queued answer arrives, in order', async () => {
  const s = await fixtureAxon();
  try {
    const t = target(s);
    const d = new Dendrite(validator);
    const base = d.nowNonce();
    const n = 200;
    let wire = '';
    for (let i = 0; i < n; i++) {
      const q = d.build(t, 'EchoSynapse', { i }, 12, { nonce: base + BigInt(i) });
      wire += head(q) + q.body;
    }
    const c = await Conn.open(s.port);
    c.sock.end(wire); // write everything, then half-close
    const rs = await c.wait(n);
    assert.deepEqual(rs.map((r) => r.status), Array(n).fill(200));
    assert.deepEqual(rs.map((r) => JSON.parse(r.body).i), Array.from({ length: n }, (_, i) => i));
    await c.closed; // and then the server closes
  } finally {
    await stop(s);
  }
});

test('chunked trailers are not merged into the headers', async () => {
  const s = await fixtureAxon();
  try {
    const t = target(s);
    const d = new Dendrite(validator);
    // the nonce only in a trailer: verification (at the headers) never sees it
    const q = d.build(t, 'EchoSynapse', {}, 12, { dropHeaders: ['bt_header_dendrite_nonce'] });
    const c = await Conn.open(s.port);
    const len = Buffer.byteLength(q.body).toString(16);
    c.write(head(q, null, { 'transfer-encoding': 'chunked' }) + `${len}\r\n${q.body}\r\n0\r\n` +
      `bt_header_dendrite_nonce: ${q.nonce}\r\n\r\n`);
    const [r] = await c.wait(1);
    assert.equal(r.status, 401);
    assert.match(JSON.parse(r.body).message, /Missing Nonce/);
    // a valid chunked request passes; oversized trailers count against the header limit (431)
    const ok = d.build(t, 'EchoSynapse', { y: 1 }, 12);
    const c2 = await Conn.open(s.port);
    const len2 = Buffer.byteLength(ok.body).toString(16);
    c2.write(head(ok, null, { 'transfer-encoding': 'chunked' }) + `${len2}\r\n${ok.body}\r\n0\r\nx-t: 1\r\n\r\n`);
    assert.equal((await c2.wait(1))[0].status, 200);
    const big = d.build(t, 'EchoSynapse', {}, 12);
    const c3 = await Conn.open(s.port);
    const len3 = Buffer.byteLength(big.body).toString(16);
    c3.write(head(big, null, { 'transfer-encoding': 'chunked' }) + `${len3}\r\n${big.body}\r\n0\r\n` +
      `x-filler: ${'z'.repeat(70000)}\r\n\r\n`);
    assert.equal((await c3.wait(1))[0].status, 431);
    [c, c2, c3].forEach((x) => x.destroy());
  } finally {
    await stop(s);
  }
});

// ---- the smaller findings (issue 13, low) ----

test('nonce window: a large timeout header does not widen it past 64 s; numbers must be plain decimals', async () => {
  const s = await fixtureAxon();
  try {
    const t = target(s);
    const d = new Dendrite(validator);
    const old = BigInt(Date.now() - 100000) * 1000000n; // 100 s old
    let r = await d.call(t, 'EchoSynapse', {}, 3600, { nonce: old });
    assert.equal(r.status, 401, 'upstream would accept it within 4 s + 3600 s');
    assert.match(r.message, /acceptable delta is 64\.00 seconds/);
    r = await d.call(t, 'EchoSynapse', {}, 12);
    assert.equal(r.status, 200, r.message);
    const bad = [
      { timeout: '0x1p3' }, { timeout: 'inf' }, { timeout: 'nan' }, { timeout: '1e' }, { timeout: '12.0abc' },
      { bt_header_dendrite_version: '010002000' }, { bt_header_dendrite_version: '+10002000' },
      { bt_header_axon_port: '08091' }, { bt_header_dendrite_version: '99999999999999999999' },
    ];
    for (const headers of bad) {
      r = await d.call(t, 'EchoSynapse', {}, 12, { headers });
      assert.equal(r.status, 400, JSON.stringify(headers));
    }
    const q = d.build(t, 'EchoSynapse', {}, 12);
    q.headers.bt_header_dendrite_nonce = '0' + q.headers.bt_header_dendrite_nonce; // same value, other spelling
    const c = await Conn.open(s.port);
    c.write(head(q) + q.body);
    assert.equal((await c.wait(1))[0].status, 400, 'a leading zero is refused');
    c.destroy();
  } finally {
    await stop(s);
  }
});

test('an invalid --axon.port (or other out-of-range option) exits non-zero at start with a clear message', async () => {
  const { spawnSync } = await import('node:child_process');
  const { MINER } = await import('./helpers.mjs');
  for (const args of [['--axon.port', '70000'], ['--axon.port', '-1'], ['--axon.max_connections', '0']]) {
    const r = spawnSync(MINER, ['run', ...args], { encoding: 'utf8', timeout: 30000 });
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, /must be between/, r.stderr);
  }
  const r = spawnSync(MINER, ['run'], { encoding: 'utf8', timeout: 30000, env: { ...process.env, BT_AXON_PORT: '99999' } });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /BT_AXON_PORT: axon\.port must be between 0 and 65535/);
});

test('wsrpc: an answer over max_bytes drops the connection with nil, message; an id at the very end of a frame is read exactly', async () => {
  const { WebSocketServer } = await import('ws');
  const { spawn } = await import('node:child_process');
  const { MINER, tmpdir } = await import('./helpers.mjs');
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.on('listening', resolve));
  wss.on('connection', (sock) => {
    sock.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.method === 'big') { sock.send(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: 'z'.repeat(2000000) })); return; }
      // a long frame leaves digits in the receive buffer; then an answer whose last bytes are its id
      sock.send(`{"noise":"${'9'.repeat(5000)}"}`);
      sock.send(`{"jsonrpc":"2.0","result":"tail","id":${msg.id}`);
    });
  });
  const dir = tmpdir('ws-cap-');
  const script = path.join(dir, 'cap.lua');
  fs.writeFileSync(script, `
local wsrpc, json, fs = require "wsrpc", require "json", require "fs"
local url, out = ...
local c = assert(wsrpc.connect(url, { max_bytes = 1000000 }))
local tail, terr = c:request(1, '{"jsonrpc":"2.0","id":1,"method":"tail","params":[]}', 10)
local big, berr = c:request(2, '{"jsonrpc":"2.0","id":2,"method":"big","params":[]}', 10)
assert(fs.write(out, json.encode { tail = tail or terr, big = big and #big or berr }))
return 0
`);
  const out = path.join(dir, 'out.json');
  const r = await new Promise((resolve) => {
    const c = spawn(MINER, ['exec', script, `ws://127.0.0.1:${wss.address().port}`, out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let se = '';
    c.stderr.on('data', (x) => { se += x; });
    c.on('exit', (status) => resolve({ status, stderr: se }));
  });
  wss.close();
  assert.equal(r.status, 0, r.stderr);
  assertNoSanitizerReport(r.stderr);
  const res = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.equal(res.tail, '{"jsonrpc":"2.0","result":"tail","id":1');
  assert.match(String(res.big), /larger than the size cap/);
});
