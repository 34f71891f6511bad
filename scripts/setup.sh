#!/usr/bin/env bash
# Installs every system and npm dependency, then builds build/ (release) and build-asan/ (ASan+UBSan, for tests).
# Idempotent: packages already present are not reinstalled, builds are incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(build-essential cmake pkg-config python3-mnemonic liblua5.4-dev libuv1-dev libsodium-dev lua-cjson-dev libzip-dev
  node-llhttp libcurl4-openssl-dev libwebsockets-dev unzip zip python3 procps clang libdecaf-dev)
# Node.js may come from another distribution channel that bundles npm; only ask Debian for what is missing.
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ -f tests/js/package.json ]; then
  if [ ! -d tests/js/node_modules ] || [ tests/js/package-lock.json -nt tests/js/node_modules ]; then
    echo "setup: npm ci in tests/js"
    (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# Terraform 1.14.0 (the validator's version) when the network allows; offline this only prints what to do.
if [ "${MINER_SKIP_TERRAFORM:-0}" != 1 ]; then
  scripts/install-terraform.sh || echo "setup: Terraform 1.14.0 not installed (see above); tests use the stand-in and do not need it"
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
if [ "${MINER_SKIP_ASAN:-0}" != 1 ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DMINER_SANITIZE=ON >/dev/null
  cmake --build build-asan -j"$jobs"
fi
echo "setup: done (build/miner, build-asan/miner)"
