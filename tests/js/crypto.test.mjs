// Cross-checks our sr25519 and SS58 against @polkadot/util-crypto (wasm schnorrkel) in the same run:
// 1,000 random keys/messages signed by them verify in ours and vice versa; tampering is rejected both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { cryptoWaitReady, sr25519PairFromSeed, sr25519Sign, sr25519Verify, encodeAddress, decodeAddress }
  from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a } from '@polkadot/util';

const MINER = process.env.MINER_BIN || path.resolve('build/miner');
const here = path.dirname(new URL(import.meta.url).pathname);
const hex = (u8) => u8aToHex(u8).slice(2);
// The oracle throws on a malformed R point instead of returning false: either way is a rejection.
const rejects = (fn) => { try { return fn() === false; } catch { return true; } };

test('1,000 sr25519 signatures and SS58 addresses agree with @polkadot/util-crypto', async () => {
  await cryptoWaitReady();
  const cases = [];
  const pairs = [];
  for (let i = 0; i < 1000; i++) {
    const seed = randomBytes(32);
    const message = randomBytes(1 + (i % 300));
    const pair = sr25519PairFromSeed(seed);
    pairs.push(pair);
    cases.push({
      seed: hex(seed), message: hex(message), signature: hex(sr25519Sign(message, pair)),
      address: encodeAddress(pair.publicKey, 42),
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-'));
  const inFile = path.join(dir, 'in.json');
  const outFile = path.join(dir, 'out.json');
  fs.writeFileSync(inFile, JSON.stringify(cases));
  const r = spawnSync(MINER, ['exec', path.join(here, 'crosscheck.lua'), inFile, outFile], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const results = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  assert.equal(results.length, 1000);
  results.forEach((res, i) => {
    const c = cases[i];
    assert.equal(res.public, hex(pairs[i].publicKey), `public key ${i}`);
    assert.equal(res.address, c.address, `address ${i}`);
    assert.equal(res.address_decodes_to, hex(decodeAddress(c.address)), `decoded address ${i}`);
    assert.equal(res.theirs_verifies, true, `their signature ${i} verifies in ours`);
    assert.equal(res.tampered_sig_verifies, false, `tampered signature ${i}`);
    assert.equal(res.tampered_msg_verifies, false, `tampered message ${i}`);
    const ours = hexToU8a('0x' + res.ours);
    const msg = hexToU8a('0x' + c.message);
    assert.equal(sr25519Verify(msg, ours, pairs[i].publicKey), true, `our signature ${i} verifies in theirs`);
    const tampered = Uint8Array.from(ours);
    tampered[20] ^= 1;
    assert.equal(rejects(() => sr25519Verify(msg, tampered, pairs[i].publicKey)), true, `tampered ${i}`);
    const other = pairs[(i + 1) % 1000].publicKey;
    assert.equal(sr25519Verify(msg, ours, other), false, 'wrong key rejected');
  });
  fs.rmSync(dir, { recursive: true, force: true });
});
