#!/usr/bin/env bash
# Startup time (process start -> axon listening) and idle RSS of build/miner with a trivial entrypoint.
# Reference in the same run: `python3 -c "import json, asyncio"` (the floor of any Python miner's startup).
# Usage: bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/mk.lua" <<'LUA'
require("wallet").create_hotkey { path = (...), name = "miner", hotkey = "default" }
return 0
LUA
build/miner exec "$tmp/mk.lua" "$tmp/wallets"
cat > "$tmp/measure.mjs" <<'JS'
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
const [runs, wallets] = [Number(process.argv[2]), process.argv[3]];
const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
const times = [];
let rss = 0;
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  const child = spawn('build/miner', ['--entrypoint', 'bench/trivial.lua', '--wallet.path', wallets, '--wallet.name',
    'miner', '--axon.ip', '127.0.0.1', '--axon.port', '0', '--allow-non-registered', '--chain.sync_interval', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise((resolve) => child.stderr.on('data', (c) => { log += c; if (log.includes('axon listening')) resolve(); }));
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (i === runs - 1) rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
}
const ref = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  spawnSync('python3', ['-c', 'import json, asyncio']);
  ref.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const m = median(times), r = median(ref);
console.log(`miner start->listening median ${m.toFixed(1)} ms over ${runs} runs; idle RSS ${rss} KiB`);
console.log(`reference python3 -c "import json, asyncio" median ${r.toFixed(1)} ms; ratio miner/reference ${(m / r).toFixed(2)}`);
JS
node "$tmp/measure.mjs" "$runs" "$tmp/wallets"
