#!/usr/bin/env bash
# Zero-config local run for newcomers: a generated development hotkey under local/ (git-ignored), the axon on
# 127.0.0.1, non-registered callers accepted, task workspaces under local/work. Extra arguments go to the miner.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/miner ] || MINER_SKIP_ASAN=1 scripts/setup.sh
PORT="${PORT:-8091}"
mkdir -p local
MINER_SS58=$(build/miner exec scripts/make_dev_key.lua local/wallets dev default)
CLIENT_SS58=$(build/miner exec scripts/make_dev_key.lua local/wallets devclient default)
cat <<TXT
== local miner: hotkey $MINER_SS58 on 127.0.0.1:$PORT (dev keys in local/wallets, never committed)
== send it a signed test synapse from another shell (client key $CLIENT_SS58):
     node scripts/synapse_client.mjs --port $PORT StartRoundSynapse
     node scripts/synapse_client.mjs --port $PORT TaskSynapse --prompt "Create a Pub/Sub topic named demo0topic1 retaining messages for 600s."
== without --gcp.project a TaskSynapse is planned and its main.tf written (see local/work/tasks), but nothing is applied.
== preflight problems (no GCP project, ...) are logged as warnings here; 'build/miner doctor' lists them.
TXT
exec build/miner --entrypoint "${ENTRYPOINT:-miney.lua}" --wallet.path local/wallets --wallet.name dev \
  --wallet.hotkey default --axon.ip 127.0.0.1 --axon.port "$PORT" --allow-non-registered --workdir local/work \
  --chain.sync_interval 0 --solver.preflight warn "$@"
