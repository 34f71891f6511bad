// Heredoc markers against the real HCL parser (@cdktf/hcl2json, hclsyntax): a value whose lines equal the marker
// once trimmed of any whitespace HCL knows (Unicode spaces included) must not end the heredoc early; every value
// must parse back exactly, with nothing injected next to it, and be stable under hclwrite's formatter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { format } from '@cdktf/hcl-tools';
import { MINER, tmpdir } from './helpers.mjs';

// Every character Go's unicode.IsSpace accepts (bytes.TrimSpace trims these), minus the controls the emitter
// never puts in a heredoc (\v \f \r) and \n itself.
const SPACES = [' ', '\t', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004',
  '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];
const INJECT = 'resource "null_resource" "pwned" {\n  provisioner "local-exec" {\n    command = "id"\n  }\n}\n';

function cases() {
  const out = [];
  for (const sp of SPACES) {
    const hex = sp.codePointAt(0).toString(16);
    out.push({ name: `lead-${hex}`, value: `first\n${sp}EOT\n${INJECT}last\n` });
    out.push({ name: `trail-${hex}`, value: `first\nEOT${sp}\n${INJECT}last\n` });
    out.push({ name: `both-${hex}`, value: `${sp}${sp}EOT${sp}\nx\n` });
  }
  // the next markers taken too, each hidden behind a Unicode space
  out.push({ name: 'chain', value: '\u00a0EOT\n\u3000EOT1\u2028\nEOT2\u0085\nmore\n' });
  // all 16 markers present: falls back to a quoted string
  out.push({ name: 'all-markers', value: ['EOT', ...Array.from({ length: 15 }, (_, k) => `EOT${k + 1}`)].join('\n') + '\n' + INJECT });
  out.push({ name: 'substring', value: 'xEOTx\n  EOT1 is fine\n' });
  out.push({ name: 'templates', value: '${var.x}\n\u00a0EOT\n%{ if true }\n' });
  return out;
}

test('heredoc values with Unicode-space marker lines round-trip exactly through the real parser', async () => {
  const dir = tmpdir('hcl-heredoc-');
  const input = path.join(dir, 'cases.json');
  const out = path.join(dir, 'out.json');
  const script = path.join(dir, 'emit.lua');
  const all = cases();
  fs.writeFileSync(input, JSON.stringify(all));
  fs.writeFileSync(script, `
local hcl, json, fs = require "hcl", require "json", require "fs"
local input, out = ...
local res = {}
for _, c in ipairs(json.decode(assert(fs.read(input)))) do
  res[#res + 1] = { name = c.name, hcl = assert(hcl.encode { hcl.block("locals", {}, { v = c.value }) }) }
end
assert(fs.write(out, json.encode(res)))
return 0
`);
  const r = spawnSync(MINER, ['exec', script, input, out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const emitted = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.equal(emitted.length, all.length);
  for (let i = 0; i < all.length; i++) {
    const { name, value } = all[i];
    const text = emitted[i].hcl;
    const parsed = await parse('main.tf', text);
    assert.deepEqual(Object.keys(parsed), ['locals'], `${name}: only the locals block\n${text}`);
    // HCL normalizes string literals to NFC (U+2000 becomes U+2002, U+2001 becomes U+2003), in any syntax;
    // hcl2json gives template text in its JSON-syntax form, where ${ and %{ stay escaped.
    const want = value.normalize('NFC').replace(/([$%])\{/g, (m, c) => `${c}${c}{`);
    assert.deepEqual(parsed.locals, [{ v: want }], `${name}: value round-trips\n${text}`);
    assert.equal(await format(text), text, `${name}: fmt-stable`);
    if (name === 'all-markers') assert.doesNotMatch(text, /<</, 'falls back to a quoted string');
    else assert.match(text, /<<EOT/, `${name}: still a heredoc`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

// The documents of the fuzz_hcl corpus (fuzz/corpus/hcl, plus build-fuzz/corpus/hcl after fuzz/run.sh) through
// the real parser: every string attribute must parse back to exactly its value, with nothing injected.
test('fuzz_hcl corpus documents round-trip through the real parser', async () => {
  const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const dirs = [path.join(REPO, 'fuzz/corpus/hcl'), path.join(REPO, 'build-fuzz/corpus/hcl')].filter((d) => fs.existsSync(d));
  const files = dirs.flatMap((d) => fs.readdirSync(d).sort().map((f) => path.join(d, f))).slice(0, 400);
  assert.ok(files.length >= 3);
  const dir = tmpdir('hcl-fuzz-');
  const list = path.join(dir, 'files.json');
  const out = path.join(dir, 'out.json');
  const script = path.join(dir, 'emit.lua');
  fs.writeFileSync(list, JSON.stringify(files));
  fs.writeFileSync(script, `
local hcl, json, fs = require "hcl", require "json", require "fs"
local list, out, driver = ...
local _, build = dofile(driver)
local res = {}
for _, file in ipairs(json.decode(assert(fs.read(list)))) do
  local body = build(assert(fs.read(file)))
  local text = hcl.encode { hcl.block("locals", {}, body) }
  if text then
    local strings = {}
    for k, v in pairs(body) do if type(v) == "string" then strings[k] = v end end
    res[#res + 1] = { file = file, hcl = text, strings = strings }
  end
end
assert(fs.write(out, json.encode(res)))
return 0
`);
  const r = spawnSync(MINER, ['exec', script, list, out, path.join(REPO, 'fuzz/hcl.lua')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const docs = JSON.parse(fs.readFileSync(out, 'utf8'));
  let heredocs = 0;
  for (const d of docs) {
    const parsed = await parse('main.tf', d.hcl);
    assert.deepEqual(Object.keys(parsed), ['locals'], `${d.file}: only the locals block\n${d.hcl}`);
    const got = parsed.locals[0];
    for (const [k, v] of Object.entries(d.strings)) {
      const want = v.normalize('NFC').replace(/([$%])\{/g, (m, c) => `${c}${c}{`);
      assert.equal(got[k], want, `${d.file}: ${k}\n${d.hcl}`);
    }
    if (/<<EOT/.test(d.hcl)) heredocs++;
  }
  assert.ok(heredocs >= 1, 'the corpus exercises heredocs');
  fs.rmSync(dir, { recursive: true, force: true });
});
