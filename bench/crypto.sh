#!/usr/bin/env bash
# sr25519 sign/verify per second: ours (C on libsodium) vs @polkadot/wasm-crypto (wasm schnorrkel), same run.
# Needs scripts/setup.sh first. Usage: bench/crypto.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
ours=$(build/miner exec bench/sr25519.lua "$n")
ref=$(node bench/sr25519_ref.mjs "$n")
echo "$ours"
echo "$ref"
get() { echo "$1" | sed -E "s/.*$2=([0-9]+).*/\1/"; }
awk -v os="$(get "$ours" sign_per_s)" -v ov="$(get "$ours" verify_per_s)" \
    -v rs="$(get "$ref" sign_per_s)" -v rv="$(get "$ref" verify_per_s)" \
    'BEGIN { printf "ratio ours/wasm: sign %.2fx verify %.2fx\n", os/rs, ov/rv }'
