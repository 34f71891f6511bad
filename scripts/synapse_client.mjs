#!/usr/bin/env node
// Fires one signed synapse at a running miner, the way a bittensor v10 validator's dendrite does, and prints
// the answer. Signs with a btwallet-style keyfile (default: the dev client key that scripts/run-local.sh makes).
// usage: node scripts/synapse_client.mjs [--host H] [--port P] [--key KEYFILE] [--axon-hotkey SS58]
//                                        [--prompt TEXT] [--timeout S] StartRoundSynapse|TaskSynapse|...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(repo, 'tests/js/package.json'));
let crypto;
try { crypto = require('@polkadot/util-crypto'); } catch {
  console.error('synapse_client: npm packages missing: run scripts/setup.sh first'); process.exit(2);
}
const { Dendrite } = await import(path.join(repo, 'tests/js/dendrite.mjs'));

const args = process.argv.slice(2);
const opt = { host: '127.0.0.1', port: 8091, key: path.join(repo, 'local/wallets/devclient/hotkeys/default'),
  axonHotkey: null, prompt: 'Create a Pub/Sub topic named demo0topic1 retaining messages for 600s.', timeout: null };
let name = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => { if (i + 1 >= args.length) { console.error(`synapse_client: ${a} needs a value`); process.exit(2); } return args[++i]; };
  if (a === '--host') opt.host = next();
  else if (a === '--port') opt.port = Number(next());
  else if (a === '--key') opt.key = next();
  else if (a === '--axon-hotkey') opt.axonHotkey = next();
  else if (a === '--prompt') opt.prompt = next();
  else if (a === '--timeout') opt.timeout = Number(next());
  else if (a.startsWith('--')) { console.error(`synapse_client: unknown option ${a}`); process.exit(2); }
  else name = a;
}
if (!name) { console.error('usage: node scripts/synapse_client.mjs [--port P] [--prompt TEXT] StartRoundSynapse|TaskSynapse|TaskFeedbackSynapse|TaskCleanupSynapse'); process.exit(2); }

function loadPair(file) {
  const kf = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (kf.secretPhrase) return crypto.sr25519PairFromSeed(crypto.mnemonicToMiniSecret(kf.secretPhrase));
  if (kf.secretSeed) return crypto.sr25519PairFromSeed(Buffer.from(kf.secretSeed.replace(/^0x/, ''), 'hex'));
  throw new Error(`${file}: no secretPhrase or secretSeed`);
}

await crypto.cryptoWaitReady();
const pair = loadPair(opt.key);
const axonHotkey = opt.axonHotkey || JSON.parse(fs.readFileSync(path.join(repo, 'local/wallets/dev/hotkeys/default'), 'utf8')).ss58Address;
const taskId = randomUUID();
const fields = {
  StartRoundSynapse: { round_id: randomUUID(), timestamp: Math.floor(Date.now() / 1000), validator_version: 'local-client' },
  TaskSynapse: { task_id: taskId, prompt: opt.prompt, task_spec: { task_id: taskId, prompt: opt.prompt } },
  TaskFeedbackSynapse: { task_id: taskId, feedback_text: 'local test' },
  TaskCleanupSynapse: { task_id: taskId },
}[name] || {};
const timeout = opt.timeout ?? ({ TaskSynapse: 600, StartRoundSynapse: 90 }[name] || 12);
const d = new Dendrite(pair);
const r = await d.call({ host: opt.host, port: opt.port, hotkey: axonHotkey }, name, fields, timeout);
const shown = r.synapse ? { ...r.synapse } : null;
if (shown && shown.workspace_zip_b64) shown.workspace_zip_b64 = `<${shown.workspace_zip_b64.length} base64 chars>`;
console.log(JSON.stringify({ status: r.status, message: r.message, synapse: shown }, null, 2));
process.exit(r.status === 200 ? 0 : 1);
