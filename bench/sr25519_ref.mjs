// Reference: @polkadot/wasm-crypto (schnorrkel compiled to wasm), same message and counts as bench/sr25519.lua.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const wasm = await import(path.join(root, 'tests/js/node_modules/@polkadot/wasm-crypto/index.js'));
await wasm.waitReady();
const n = Number(process.argv[2] || 2000);
const kp = wasm.sr25519KeypairFromSeed(randomBytes(32));
const secret = kp.slice(0, 64), pub = kp.slice(64);
const msg = new TextEncoder().encode('1742426400000000000.5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.6f8b8f1e-0000-11f0-8000-0242ac120002.a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
let sig;
let t0 = process.hrtime.bigint();
for (let i = 0; i < n; i++) sig = wasm.sr25519Sign(pub, secret, msg);
let t1 = process.hrtime.bigint();
for (let i = 0; i < n; i++) if (!wasm.sr25519Verify(sig, msg, pub)) throw new Error('verify failed');
let t2 = process.hrtime.bigint();
console.log(`wasm sign_per_s=${(n / (Number(t1 - t0) / 1e9)).toFixed(0)} verify_per_s=${(n / (Number(t2 - t1) / 1e9)).toFixed(0)}`);
