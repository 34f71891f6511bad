// Shared helpers for process-level tests: start the miner, wait on its log lines, temp wallets.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cryptoWaitReady, mnemonicGenerate, mnemonicToMiniSecret, sr25519PairFromSeed, encodeAddress }
  from '@polkadot/util-crypto';

export const MINER = process.env.MINER_BIN || path.resolve('build/miner');
export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export function startMiner(args, env = {}) {
  // test miners have no GCP project: preflight problems are logged, not fatal (a test sets strict itself)
  const child = spawn(MINER, args, { env: { ...process.env, ALPHACORE_SOLVER_PREFLIGHT: 'warn', ALPHACORE_METRICS_ENABLED: 'false',
    ALPHACORE_TERRAFORM_BIN: path.join(REPO, 'tests/fake-terraform'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  let waiters = [];
  const onData = (chunk) => {
    buffer += chunk.toString();
    waiters = waiters.filter((w) => {
      const m = buffer.slice(w.from).match(w.re);
      if (m) { w.resolve(m); return false; }
      return true;
    });
  };
  child.stderr.on('data', onData);
  child.stdout.on('data', onData);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    get log() { return buffer; },
    mark() { return buffer.length; },
    waitFor(re, from = 0, ms = 30000) {
      return new Promise((resolve, reject) => {
        const m = buffer.slice(from).match(re);
        if (m) return resolve(m);
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}\n--- log ---\n${buffer}`)), ms);
        waiters.push({ re, from, resolve: (x) => { clearTimeout(timer); resolve(x); } });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export function tmpdir(prefix) {
  return fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || os.tmpdir(), prefix));
}

// Writes a btwallet-style plain keyfile (secretPhrase wins on load) and returns the keypair.
export async function makeWallet(root, name = 'miner', hotkey = 'default') {
  await cryptoWaitReady();
  const phrase = mnemonicGenerate(12);
  const pair = sr25519PairFromSeed(mnemonicToMiniSecret(phrase));
  const dir = path.join(root, name, 'hotkeys');
  fs.mkdirSync(dir, { recursive: true });
  const pub = '0x' + Buffer.from(pair.publicKey).toString('hex');
  fs.writeFileSync(path.join(dir, hotkey), JSON.stringify({
    secretPhrase: phrase, publicKey: pub, accountId: pub, ss58Address: encodeAddress(pair.publicKey, 42),
  }), { mode: 0o600 });
  return { pair, ss58: encodeAddress(pair.publicKey, 42), phrase };
}

export function assertNoSanitizerReport(log) {
  if (/ERROR: (Address|Leak)Sanitizer|runtime error:/.test(log)) throw new Error(`sanitizer report:\n${log}`);
}

// Starts the miner with a fresh wallet on 127.0.0.1:0; resolves when the axon listens.
export async function startAxon({ entrypoint = 'miney.lua', args = [], env = {}, allow = [], gcloudLog = false } = {}) {
  const dir = tmpdir('miner-axon-');
  const miner = await makeWallet(path.join(dir, 'wallets'));
  const allowFile = path.join(dir, 'allow.txt');
  fs.writeFileSync(allowFile, allow.join('\n') + '\n');
  const m = startMiner(['--entrypoint', entrypoint, '--wallet.path', path.join(dir, 'wallets'), '--wallet.name',
    'miner', '--axon.ip', '127.0.0.1', '--axon.port', '0', '--blacklist.allowlist_file', allowFile, '--chain.sync_interval', '0', ...args],
  { ALPHACORE_WORKDIR: path.join(dir, 'work'), ...(gcloudLog ? { FAKE_GCLOUD_LOG: path.join(dir, 'gcloud.log') } : {}), ...env });
  const match = await m.waitFor(/axon listening on 127\.0\.0\.1:(\d+) as (\w+)/);
  return { m, dir, port: Number(match[1]), hotkey: match[2], miner, allowFile };
}
