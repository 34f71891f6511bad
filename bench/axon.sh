#!/usr/bin/env bash
# Axon throughput and latency for verified StartRoundSynapse requests, with RSS, against build/miner (release).
# Reference in the same run: the same load with signature verification off (--axon.verify false).
# Usage: bench/axon.sh [N_REQUESTS] [FIXED_RATE]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
rate=${2:-3000}
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
cat > "$tmp/mk.lua" <<'LUA'
local wallet = require "wallet"
local kp = wallet.create_hotkey { path = (...), name = "miner", hotkey = "default" }
print(kp.ss58)
return 0
LUA
miner_ss58=$(build/miner exec "$tmp/mk.lua" "$tmp/wallets")

run_case() { # $1 label, $2 verify
  local log="$tmp/$1.log"
  build/miner --wallet.path "$tmp/wallets" --wallet.name miner --axon.ip 127.0.0.1 --axon.port 0 \
    --allow-non-registered --axon.verify "$2" --entrypoint miney.lua --chain.sync_interval 0 \
    --solver.preflight warn --metrics.enabled false --axon.max_connections_per_ip 256 2>"$log" &
  local pid=$!
  local port=""
  for _ in $(seq 1 100); do
    port=$(sed -nE 's/.*axon listening on 127\.0\.0\.1:([0-9]+).*/\1/p' "$log" | head -1)
    [ -n "$port" ] && break
    sleep 0.05 # polling for the listening socket of a benchmark run, not test synchronisation
  done
  local idle_rss; idle_rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  build/miner exec bench/gen_requests.lua "$tmp/req-closed" "$n" "$miner_ss58" "$port" >/dev/null
  local closed; closed=$(node bench/axon_load.mjs "$tmp/req-closed" "$port" closed 64)
  local load_rss; load_rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  build/miner exec bench/gen_requests.lua "$tmp/req-rate" "$((rate * 5))" "$miner_ss58" "$port" >/dev/null
  local fixed; fixed=$(node bench/axon_load.mjs "$tmp/req-rate" "$port" rate "$rate")
  kill -TERM $pid; wait $pid || true
  echo "$1 closed-loop(64 conns): $closed"
  echo "$1 fixed-rate: $fixed"
  echo "$1 rss_kb idle=$idle_rss peak=$load_rss"
  echo "$closed" | sed -E 's/.*"rps":([0-9.]+).*/\1/' > "$tmp/$1.rps"
}
run_case verified true
run_case unverified false
awk -v v="$(cat "$tmp/verified.rps")" -v u="$(cat "$tmp/unverified.rps")" \
  'BEGIN { printf "verified %.0f req/s, unverified %.0f req/s, ratio %.2f\n", v, u, v/u }'
