// Load generator for bench/axon.sh. Usage: node axon_load.mjs REQUESTS_FILE PORT MODE [ARG]
//   MODE closed CONNS: each connection sends its next request when the previous answer is complete.
//   MODE rate RPS: requests are sent at fixed times (open loop over 64 connections); latency counts from the
//   scheduled send time, so queueing shows up. Prints one JSON line.
import fs from 'node:fs';
import net from 'node:net';

const [file, port, mode, arg] = process.argv.slice(2);
const data = fs.readFileSync(file);
const reqs = [];
for (let off = 0; off < data.length;) {
  const len = parseInt(data.subarray(off, off + 8).toString(), 16);
  reqs.push(data.subarray(off + 8, off + 8 + len));
  off += 8 + len;
}

function connection() {
  const sock = net.connect(Number(port), '127.0.0.1');
  sock.setNoDelay(true);
  let buf = Buffer.alloc(0);
  const waiting = [];
  sock.on('data', (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.subarray(0, end).toString();
      const m = /content-length: (\d+)/i.exec(head);
      const total = end + 4 + (m ? Number(m[1]) : 0);
      if (buf.length < total) return;
      const status = Number(head.slice(9, 12));
      buf = buf.subarray(total);
      waiting.shift()(status);
    }
  });
  const ready = new Promise((resolve) => sock.on('connect', resolve));
  return {
    ready, sock,
    send(r) { return new Promise((resolve) => { waiting.push(resolve); sock.write(r); }); },
  };
}

const pct = (arr, p) => arr[Math.min(arr.length - 1, Math.floor(arr.length * p))];
let next = 0;
const statuses = {};
const lat = [];

if (mode === 'closed') {
  const conns = Array.from({ length: Number(arg) }, connection);
  await Promise.all(conns.map((c) => c.ready));
  const t0 = process.hrtime.bigint();
  await Promise.all(conns.map(async (c) => {
    while (next < reqs.length) {
      const r = reqs[next++];
      const s0 = process.hrtime.bigint();
      const st = await c.send(r);
      lat.push(Number(process.hrtime.bigint() - s0) / 1e6);
      statuses[st] = (statuses[st] || 0) + 1;
    }
  }));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  conns.forEach((c) => c.sock.destroy());
  lat.sort((a, b) => a - b);
  console.log(JSON.stringify({ mode, conns: Number(arg), requests: reqs.length, seconds: secs, rps: reqs.length / secs,
    p50_ms: pct(lat, 0.5), p99_ms: pct(lat, 0.99), statuses }));
} else {
  const rps = Number(arg);
  const conns = Array.from({ length: 64 }, connection);
  await Promise.all(conns.map((c) => c.ready));
  const free = [...conns];
  const queue = [];
  const t0 = Number(process.hrtime.bigint()) / 1e6;
  let done = 0;
  await new Promise((resolve) => {
    const launch = (i, scheduled) => {
      const c = free.pop();
      if (!c) { queue.push([i, scheduled]); return; }
      c.send(reqs[i]).then((st) => {
        lat.push(Number(process.hrtime.bigint()) / 1e6 - scheduled);
        statuses[st] = (statuses[st] || 0) + 1;
        free.push(c);
        if (queue.length) launch(...queue.shift());
        if (++done === reqs.length) resolve();
      });
    };
    const tick = () => {
      const now = Number(process.hrtime.bigint()) / 1e6;
      while (next < reqs.length && t0 + (next * 1000) / rps <= now) { launch(next, t0 + (next * 1000) / rps); next++; }
      if (next < reqs.length) setImmediate(tick);
    };
    tick();
  });
  conns.forEach((c) => c.sock.destroy());
  lat.sort((a, b) => a - b);
  console.log(JSON.stringify({ mode, target_rps: rps, requests: reqs.length, p50_ms: pct(lat, 0.5), p99_ms: pct(lat, 0.99),
    max_ms: lat[lat.length - 1], statuses }));
}
