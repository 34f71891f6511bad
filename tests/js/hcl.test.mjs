// The HCL emitter against the real parsers: every emitted document is parsed by @cdktf/hcl2json (hclsyntax)
// and must give back the intended values, must be stable under @cdktf/hcl-tools format (hclwrite, the engine
// of `terraform fmt`), and its .tf.json twin must describe the same configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { format } from '@cdktf/hcl-tools';
import { MINER, REPO, tmpdir } from './helpers.mjs';

// hcl2json wraps every block body in an array; our JSON uses an object for a single block.
function sameConfig(native, js, where = '') {
  if (Array.isArray(native) && native.every((x) => x && typeof x === 'object' && !Array.isArray(x))
      && js && typeof js === 'object' && !Array.isArray(js) && native.length === 1) {
    return sameConfig(native[0], js, where);
  }
  if (Array.isArray(native) && Array.isArray(js)) {
    assert.equal(native.length, js.length, `${where} length`);
    native.forEach((x, i) => sameConfig(x, js[i], `${where}[${i}]`));
    return;
  }
  if (native && typeof native === 'object' && js && typeof js === 'object') {
    assert.deepEqual(Object.keys(native).sort(), Object.keys(js).sort(), `${where} keys`);
    for (const k of Object.keys(native)) sameConfig(native[k], js[k], `${where}.${k}`);
    return;
  }
  assert.deepEqual(native, js, where);
}

test('emitted HCL parses back to the intended values, is fmt-stable, and matches its .tf.json', async () => {
  const dir = tmpdir('hcl-');
  const out = path.join(dir, 'cases.json');
  const r = spawnSync(MINER, ['exec', path.join(REPO, 'tests/js/hcl_cases.lua'), out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const cases = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.ok(cases.length >= 6);
  for (const c of cases) {
    const parsed = await parse('main.tf', c.hcl);
    assert.deepEqual(parsed, c.expected, `${c.name}: parsed values\n${c.hcl}`);
    const formatted = await format(c.hcl);
    assert.equal(formatted, c.hcl, `${c.name}: terraform fmt would change the text`);
    sameConfig(parsed, JSON.parse(c.json), c.name);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
