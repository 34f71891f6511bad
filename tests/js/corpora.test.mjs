// Every held-out corpus that ships a checker still passes it: each invariant value is in its prompt, the fixed
// grant/submission sentences are verbatim, the family quotas hold. A hand edit to a corpus that breaks one of these
// fails here, so the solver is never scored on a prompt that could not come from a validator. (Corpora 4-7 have
// no check-only mode: their generators rewrite the file, and `git diff` shows any change.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TESTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Corpora 10 and up are answers to upstream's own requests (tests/corpus10/harness): one checker serves them all, so
// every such directory is found here rather than listed.
const HARNESS_CORPORA = fs.readdirSync(TESTS)
  .filter((d) => /^corpus\d+$/.test(d) && fs.existsSync(path.join(TESTS, d, 'responses.jsonl')))
  .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
const CHECKERS = [
  ['corpus/make.mjs', '--check'], ['corpus2/make.mjs', '--check'], ['corpus3/make.mjs', '--check'],
  ['corpus8/make.mjs', '--check'], ['corpus9/make.mjs', '--check'],
  ...HARNESS_CORPORA.map((d) => ['corpus10/check.mjs', path.join(TESTS, d, 'holdout.jsonl')]),
];

test('the harness corpora are all found', () => {
  assert.ok(HARNESS_CORPORA.length >= 23, HARNESS_CORPORA.join(' '));
  assert.equal(HARNESS_CORPORA[0], 'corpus10');
});

for (const [script, ...args] of CHECKERS) {
  test(`${script} ${args.map((a) => (path.isAbsolute(a) ? path.relative(TESTS, a) : a)).join(' ')} passes`, () => {
    const r = spawnSync(process.execPath, [path.join(TESTS, script), ...args], { encoding: 'utf8', timeout: 60000 });
    assert.equal(r.status, 0, `${script} exited ${r.status}:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  });
}

test('a corpus checker fails on a prompt that lost an invariant value', (t) => {
  // corpus10's own tasks with one prompt's CIDR changed: the checker must refuse the file
  const lines = fs.readFileSync(path.join(TESTS, 'corpus10/holdout.jsonl'), 'utf8').trim().split('\n');
  const i = lines.findIndex((l) => /\.0\/24/.test(JSON.parse(l).prompt));
  const task = JSON.parse(lines[i]);
  task.prompt = task.prompt.replace(/(\d+\.\d+\.\d+)\.0\/24/, '$1.128/25');
  lines[i] = JSON.stringify(task);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpora-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const broken = path.join(dir, 'holdout.jsonl');
  fs.writeFileSync(broken, lines.join('\n') + '\n');
  const r = spawnSync(process.execPath, [path.join(TESTS, 'corpus10/check.mjs'), broken], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stdout);
});
