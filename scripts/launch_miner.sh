#!/usr/bin/env bash
# Starts the miner under PM2 with the upstream launcher's flags (AlphaCore scripts/miner/process/launch_miner.sh).
# Writes env/<network>/miner-<wallet>-<hotkey>.env (mode 600) and an ecosystem file next to it, then
# `pm2 start` + `pm2 save`. Run with --help for the flags.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"

usage() {
  cat <<'TXT'
usage: scripts/launch_miner.sh --network NAME --netuid N --wallet-name NAME --hotkey NAME --axon-port PORT
                               --external-ip IP [options]
required:
  --network NAME            finney, test or local
  --netuid N                subnet uid (AlphaCore mainnet: 66)
  --wallet-name NAME        wallet (coldkey) name
  --hotkey NAME             hotkey name
  --axon-port PORT          port the axon listens on
  --external-ip IP          public IP announced on chain
options:
  --wallet-path DIR         wallets folder [$BT_WALLET_PATH or ~/.bittensor/wallets]
  --external-port PORT      public port [= axon port]
  --axon-ip IP              bind address [0.0.0.0]
  --chain-endpoint URL      chain websocket endpoint
  --entrypoint FILE         solver script: a name in scripts/ or a path [miney.lua]
  --process-name NAME       PM2 process name [<hotkey>-netuid<netuid>]
  --env-out FILE            env file to write [env/<network>/miner-<wallet>-<hotkey>.env]
  --log-dir DIR             PM2 log folder [logs/pm2]
  --auto-install-pm2        install pm2 with npm if it is missing
  --bt-logging-level LEVEL  trace, debug, info, warn or error [info]
  --allow-non-registered    accept callers that are not registered on the subnet
  --no-force-validator-permit  accept callers without a validator permit
  --min-stake N             least stake a caller needs [10000]
  --gcp-project ID          GCP project the tasks deploy into [$ALPHACORE_GCP_PROJECT]
  --credentials FILE        service-account key for terraform and gcloud [$GOOGLE_APPLICATION_CREDENTIALS]
  --terraform-bin PATH      terraform executable [terraform on PATH]
  --workdir DIR             task workspaces and records [local/work/<network>-<wallet>-<hotkey>]
  --help                    this text
TXT
}

die() { echo "launch_miner: $*" >&2; exit 2; }

NETWORK="" NETUID="" WALLET_NAME="" HOTKEY="" AXON_PORT="" EXTERNAL_IP=""
WALLET_PATH="${BT_WALLET_PATH:-$HOME/.bittensor/wallets}" EXTERNAL_PORT="" AXON_IP="" CHAIN_ENDPOINT=""
ENTRYPOINT="miney.lua" PROCESS_NAME="" ENV_OUT="" LOG_DIR="$REPO/logs/pm2" AUTO_PM2=0 LEVEL="info"
ALLOW_NON_REGISTERED="false" FORCE_PERMIT="true" MIN_STAKE=""
GCP_PROJECT="${ALPHACORE_GCP_PROJECT:-}" CREDENTIALS="${GOOGLE_APPLICATION_CREDENTIALS:-}" TERRAFORM_BIN="" WORKDIR=""

while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --auto-install-pm2) AUTO_PM2=1; shift; continue ;;
    --allow-non-registered) ALLOW_NON_REGISTERED="true"; shift; continue ;;
    --no-force-validator-permit) FORCE_PERMIT="false"; shift; continue ;;
  esac
  [ $# -ge 2 ] || die "option $1 needs a value (see --help)"
  case "$1" in
    --network) NETWORK="$2" ;;
    --netuid) NETUID="$2" ;;
    --wallet-name) WALLET_NAME="$2" ;;
    --hotkey) HOTKEY="$2" ;;
    --wallet-path) WALLET_PATH="$2" ;;
    --axon-port) AXON_PORT="$2" ;;
    --external-ip) EXTERNAL_IP="$2" ;;
    --external-port) EXTERNAL_PORT="$2" ;;
    --axon-ip) AXON_IP="$2" ;;
    --chain-endpoint) CHAIN_ENDPOINT="$2" ;;
    --entrypoint) ENTRYPOINT="$2" ;;
    --process-name) PROCESS_NAME="$2" ;;
    --env-out) ENV_OUT="$2" ;;
    --log-dir) LOG_DIR="$2" ;;
    --bt-logging-level) LEVEL="$2" ;;
    --min-stake) MIN_STAKE="$2" ;;
    --gcp-project) GCP_PROJECT="$2" ;;
    --credentials) CREDENTIALS="$2" ;;
    --terraform-bin) TERRAFORM_BIN="$2" ;;
    --workdir) WORKDIR="$2" ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift 2
done

missing=()
for pair in "network:$NETWORK" "netuid:$NETUID" "wallet-name:$WALLET_NAME" "hotkey:$HOTKEY" \
            "axon-port:$AXON_PORT" "external-ip:$EXTERNAL_IP"; do
  [ -n "${pair#*:}" ] || missing+=("--${pair%%:*}")
done
[ ${#missing[@]} -eq 0 ] || die "missing required option(s): ${missing[*]} (see --help)"
[[ "$NETUID" =~ ^[0-9]+$ ]] || die "--netuid must be a number, got '$NETUID'"
[[ "$AXON_PORT" =~ ^[0-9]+$ ]] || die "--axon-port must be a number, got '$AXON_PORT'"
case "$LEVEL" in trace|debug|info|warn|warning|error) ;; *) die "--bt-logging-level must be trace, debug, info, warn or error" ;; esac
EXTERNAL_PORT="${EXTERNAL_PORT:-$AXON_PORT}"
PROCESS_NAME="${PROCESS_NAME:-${HOTKEY}-netuid${NETUID}}"
ENV_OUT="${ENV_OUT:-$REPO/env/$NETWORK/miner-$WALLET_NAME-$HOTKEY.env}"
# one workdir per hotkey: two miners from one checkout must not share task records
WORKDIR="${WORKDIR:-$REPO/local/work/$NETWORK-$WALLET_NAME-$HOTKEY}"
[ -z "$CREDENTIALS" ] || [ -f "$CREDENTIALS" ] || die "credentials file $CREDENTIALS not found"
[ -n "$GCP_PROJECT" ] || echo "launch_miner: warning: no --gcp-project (or ALPHACORE_GCP_PROJECT): tasks cannot deploy" >&2

# entrypoint: a path, or a name inside scripts/
if [ -f "$ENTRYPOINT" ]; then ENTRYPOINT="$(cd "$(dirname "$ENTRYPOINT")" && pwd)/$(basename "$ENTRYPOINT")"
elif [ -f "$REPO/scripts/$ENTRYPOINT" ]; then ENTRYPOINT="$REPO/scripts/$ENTRYPOINT"
else die "entrypoint '$ENTRYPOINT' not found (neither a file nor scripts/$ENTRYPOINT)"; fi

HOTKEY_FILE="${WALLET_PATH/#\~/$HOME}/$WALLET_NAME/hotkeys/$HOTKEY"
[ -f "$HOTKEY_FILE" ] || die "hotkey file $HOTKEY_FILE not found: create the wallet with btcli (or check --wallet-path/--wallet-name/--hotkey)"

if [ ! -x "$REPO/build/miner" ]; then
  echo "launch_miner: build/miner is missing, building it"
  MINER_SKIP_ASAN=1 "$REPO/scripts/setup.sh"
fi

if ! command -v pm2 >/dev/null 2>&1; then
  if [ "$AUTO_PM2" = 1 ]; then
    echo "launch_miner: installing pm2 with npm"
    npm install -g pm2 >/dev/null
  else
    die "pm2 not found on PATH: install it (npm install -g pm2) or pass --auto-install-pm2"
  fi
fi

mkdir -p "$(dirname "$ENV_OUT")" "$LOG_DIR"
umask 077
{
  echo "# written by scripts/launch_miner.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "ALPHACORE_BT_LOGGING_LEVEL=$LEVEL"
  echo "ALPHACORE_NETWORK=$NETWORK"
  echo "BT_NETWORK=$NETWORK"
  echo "ALPHACORE_NETUID=$NETUID"
  echo "ALPHACORE_WALLET_NAME=$WALLET_NAME"
  echo "ALPHACORE_WALLET_HOTKEY=$HOTKEY"
  echo "BT_WALLET_PATH=$WALLET_PATH"
  echo "ALPHACORE_AXON_PORT=$AXON_PORT"
  echo "ALPHACORE_AXON_EXTERNAL_IP=$EXTERNAL_IP"
  echo "ALPHACORE_AXON_EXTERNAL_PORT=$EXTERNAL_PORT"
  echo "ALPHACORE_BLACKLIST_ALLOW_NON_REGISTERED=$ALLOW_NON_REGISTERED"
  echo "ALPHACORE_BLACKLIST_FORCE_VALIDATOR_PERMIT=$FORCE_PERMIT"
  [ -z "$AXON_IP" ] || echo "ALPHACORE_AXON_IP=$AXON_IP"
  [ -z "$CHAIN_ENDPOINT" ] || echo "ALPHACORE_CHAIN_ENDPOINT=$CHAIN_ENDPOINT"
  [ -z "$MIN_STAKE" ] || echo "ALPHACORE_BLACKLIST_MINIMUM_STAKE=$MIN_STAKE"
  echo "MINER_ENTRYPOINT=$ENTRYPOINT"
  echo "ALPHACORE_WORKDIR=$WORKDIR"
  [ -z "$GCP_PROJECT" ] || echo "ALPHACORE_GCP_PROJECT=$GCP_PROJECT"
  [ -z "$CREDENTIALS" ] || echo "GOOGLE_APPLICATION_CREDENTIALS=$CREDENTIALS"
  [ -z "$CREDENTIALS" ] || echo "CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE=$CREDENTIALS"
  [ -z "$TERRAFORM_BIN" ] || echo "ALPHACORE_TERRAFORM_BIN=$TERRAFORM_BIN"
} > "$ENV_OUT"
chmod 600 "$ENV_OUT"
umask 022

ECOSYSTEM="${ENV_OUT%.env}.pm2.config.js"
node - "$ENV_OUT" "$ECOSYSTEM" "$PROCESS_NAME" "$REPO" "$LOG_DIR" <<'JS'
const fs = require('fs');
const [envFile, out, name, repo, logDir] = process.argv.slice(2);
const env = {};
for (const line of fs.readFileSync(envFile, 'utf8').split('\n')) {
  const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
  if (m) env[m[1]] = m[2];
}
const app = {
  name, script: `${repo}/build/miner`, interpreter: 'none', cwd: repo, env,
  autorestart: true, max_restarts: 10, restart_delay: 5000, kill_timeout: 15000,
  out_file: `${logDir}/${name}.out.log`, error_file: `${logDir}/${name}.err.log`, merge_logs: true, time: true,
};
fs.writeFileSync(out, `// written by scripts/launch_miner.sh\nmodule.exports = ${JSON.stringify({ apps: [app] }, null, 2)};\n`, { mode: 0o600 });
JS

pm2 delete "$PROCESS_NAME" >/dev/null 2>&1 || true
pm2 start "$ECOSYSTEM" >/dev/null
pm2 save >/dev/null
echo "launch_miner: started $PROCESS_NAME under pm2 (env $ENV_OUT, logs $LOG_DIR/$PROCESS_NAME.*.log)"
echo "launch_miner: pm2 logs $PROCESS_NAME | pm2 restart $PROCESS_NAME | pm2 delete $PROCESS_NAME"
