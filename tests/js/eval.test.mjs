// `miner eval` as a process: a saved baseline and a deliberate regression (exit 1), --baseline never writes,
// --json, usage errors, and --watch picking up editor-style saves (write a temp file, rename it over) and
// surviving a syntax error. A fake solver keeps the numbers fixed whatever the real parser does; scores
// come from the real alphacore.validate. Synchronisation is on output lines with deadlines, never on sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MINER, startMiner, tmpdir, assertNoSanitizerReport } from './helpers.mjs';

// The fake solver: "+TYPE k=v ...;" in a prompt makes one resource of TYPE with those values; `transform`
// (Lua, sees rtype and values) lets a test change its behaviour.
function fakeSolver(transform = '') {
  return `local M = {}
function M.offline(prompt, opts)
  local state = { by_type = {} }
  local plan = { ambiguities = {}, dropped = {}, refused = {} }
  for rtype, body in prompt:gmatch("%+([%w_]+)([^;]*)") do
    local values = {}
    for k, v in body:gmatch("([%w_]+)=(%S+)") do values[k] = v end
    ${transform}
    local list = state.by_type[rtype] or {}
    list[#list + 1] = { name = "r" .. (#list + 1), values = values }
    state.by_type[rtype] = list
  end
  return { plan = plan, state = state }
end
return M
`;
}

const B = 'google_storage_bucket';
const T = 'google_pubsub_topic';
const CORPUS = [
  { task_id: 't1', family: 'storage', prompt: 'A bucket logs-a1. +google_storage_bucket name=logs-a1 location=US-EAST1;',
    invariants: [{ resource_type: B, match: { 'values.name': 'logs-a1', 'values.location': 'US-EAST1' }, comparison_rule: {} }] },
  { task_id: 't2', family: 'storage', prompt: 'A bucket logs-b2 in us-east1. +google_storage_bucket name=logs-b2 location=US-WEST1;',
    invariants: [{ resource_type: B, match: { 'values.name': 'logs-b2', 'values.location': 'US-EAST1' }, comparison_rule: {} }] },
  { task_id: 't3', family: 'messaging', prompt: 'Topic evt-c3. +google_pubsub_topic name=evt-c3;',
    invariants: [{ resource_type: T, match: { 'values.name': 'evt-c3' }, comparison_rule: {} }] },
];

function setup(transform) {
  const dir = tmpdir('miner-eval-');
  fs.mkdirSync(path.join(dir, 'alphacore'));
  fs.writeFileSync(path.join(dir, 'entry.lua'), 'local solver = require "alphacore.solver"\nreturn {}\n');
  fs.writeFileSync(path.join(dir, 'alphacore', 'solver.lua'), fakeSolver(transform));
  fs.writeFileSync(path.join(dir, 'fixture.jsonl'), CORPUS.map((t) => JSON.stringify(t)).join('\n') + '\n');
  // files modified while a --watch run starts count as changed (run again): these are older than that
  const past = new Date(Date.now() - 60000);
  for (const f of ['entry.lua', 'alphacore/solver.lua', 'fixture.jsonl']) fs.utimesSync(path.join(dir, f), past, past);
  return dir;
}

// Editors save by writing a temporary file and renaming it over the original.
function saveLikeEditor(file, text) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function evalRun(dir, args) {
  const r = spawnSync(MINER, ['eval', path.join(dir, 'fixture.jsonl'), '--entrypoint', path.join(dir, 'entry.lua'),
    '--workdir', path.join(dir, 'work'), ...args], { encoding: 'utf8' });
  assertNoSanitizerReport(r.stderr);
  return r;
}

const BREAK_BUCKET_NAMES = 'if rtype == "google_storage_bucket" then values.name = "v2x-" .. values.name end';

test('--save keeps a baseline; a deliberate regression is named and exits 1; --baseline never writes', () => {
  const dir = setup();
  let r = evalRun(dir, ['--save', 'mine']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^all {2,}2\/3 +66\.7 +2\/3 +66\.7$/m);
  assert.match(r.stdout, /3 tasks, 2 perfect \(66\.7%\), invariants 2\/3 \(66\.7%\) in \d+\.\d{3} s/);
  const saved = path.join(dir, 'work', 'eval', 'mine.json');
  assert.match(r.stdout, new RegExp(`saved ${saved.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  const snapshot = JSON.parse(fs.readFileSync(saved, 'utf8'));
  assert.deepEqual(snapshot.tasks['fixture.jsonl:t2'], { failed: [1], family: 'storage', passed: 0, total: 1 });

  // same solver: nothing changed, exit 0
  r = evalRun(dir, ['--baseline', 'mine']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /changes vs .*mine\.json: 0 fixed, 0 broken, 0 new, 0 missing/);

  // the regression: bucket names get a prefix (the validator accepts a suffix), t1 breaks (t2 was failing)
  fs.writeFileSync(path.join(dir, 'alphacore', 'solver.lua'), fakeSolver(BREAK_BUCKET_NAMES));
  const before = fs.readFileSync(saved, 'utf8');
  r = evalRun(dir, ['--baseline', 'mine']);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /changes vs .*mine\.json: 0 fixed, 1 broken, 0 new, 0 missing/);
  assert.match(r.stdout, /^ {2}BROKEN fixture\.jsonl:t1 \[storage\] 1\/1 -> 0\/1: #1 google_storage_bucket \(values\.name\)$/m);
  assert.match(r.stdout, /^REGRESSION: 1 task broken vs .*mine\.json$/m);
  assert.match(r.stdout, /#1 google_storage_bucket values\.name: expected "logs-a1", got "v2x-logs-a1"/);
  assert.equal(fs.readFileSync(saved, 'utf8'), before, '--baseline does not write');

  // --save reports the regression too (exit 1), then stores this run: the next --save sees no change
  r = evalRun(dir, ['--save', 'mine']);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /BROKEN fixture\.jsonl:t1/);
  r = evalRun(dir, ['--save', 'mine']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /0 fixed, 0 broken/);

  // a path as the name, --json with --only-failing and --filter
  r = evalRun(dir, ['--baseline', saved, '--json', '--only-failing', '--filter', 'family=storage']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.totals, { name: 'all', tasks: 2, perfect: 0, invariants: 2, passed: 0 });
  assert.deepEqual(doc.tasks.map((t) => t.key), ['fixture.jsonl:t1', 'fixture.jsonl:t2']);
  assert.equal(doc.changes.missing, 1);

  // the baseline remembers its corpora: no FILE needed to check against it
  r = spawnSync(MINER, ['eval', '--baseline', saved, '--entrypoint', path.join(dir, 'entry.lua')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /miner eval: 3 tasks from .*fixture\.jsonl/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('without FILE: the real-traffic corpus of the workdir, with rounds won, score by family and latency gap', () => {
  const dir = setup();
  const work = path.join(dir, 'work');
  fs.mkdirSync(work);
  // lines as the miner appends them from TaskCleanupSynapse (corpus.jsonl.1 is the rotated older part)
  const line = (t, extra) => JSON.stringify({ ...t, ...extra }) + '\n';
  fs.writeFileSync(path.join(work, 'corpus.jsonl.1'), line(CORPUS[0], { validator_score: 1.0, won: true,
    miner_latency_s: 41.5, winner_latency_s: 41.5 }));
  fs.writeFileSync(path.join(work, 'corpus.jsonl'), line(CORPUS[1], { validator_score: 0.5, won: false,
    miner_latency_s: 80.0, winner_latency_s: 50.0 }) + line(CORPUS[2], { validator_score: 1.0, miner_uid: 4, winner_uid: 9 }));
  const r = spawnSync(MINER, ['eval', '--workdir', work, '--entrypoint', path.join(dir, 'entry.lua')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /3 tasks from .*corpus\.jsonl\.1, .*corpus\.jsonl,/);
  assert.match(r.stdout, /^real traffic: 3 rounds with validator results, 1 won \(33\.3%\)$/m);
  assert.match(r.stdout, /^messaging +1 +0 +1\.000 +1\.000$/m);
  assert.match(r.stdout, /^storage +2 +1 +0\.750 +0\.500$/m);
  assert.match(r.stdout, /^latency gap to the round's winner: median \+15\.0 s, mean \+15\.0 s over 2 rounds \(1 at or under\)$/m);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('usage errors exit 2 with a reason', () => {
  const dir = setup();
  let r = evalRun(dir, ['--filter', 'colour=red']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown filter key 'colour'/);
  r = evalRun(dir, ['--baseline', 'nothing-saved']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /baseline .*nothing-saved\.json does not exist \(write it with --save nothing-saved\)/);
  r = evalRun(dir, ['--filter', 'family=none']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no tasks/);
  r = spawnSync(MINER, ['eval', '--workdir', path.join(dir, 'empty')], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no corpus given and no real-traffic corpus at .*empty\/corpus\.jsonl/);
  r = spawnSync(MINER, ['eval', path.join(dir, 'missing.jsonl'), '--entrypoint', path.join(dir, 'entry.lua')],
    { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stdout + r.stderr, /missing\.jsonl/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('--watch re-runs on a write-then-rename save, shows a syntax error with file:line and keeps the last table', async () => {
  const dir = setup();
  const solverFile = path.join(dir, 'alphacore', 'solver.lua');
  const m = startMiner(['eval', path.join(dir, 'fixture.jsonl'), '--entrypoint', path.join(dir, 'entry.lua'),
    '--workdir', path.join(dir, 'work'), '--watch', '--reload.debounce_ms', '50', '--logging.debug']);
  try {
    await m.waitFor(/== run 1 at [\d:]+\n/, 0, 15000);
    await m.waitFor(/3 tasks, 2 perfect .*\n/, 0, 15000);
    await m.waitFor(/eval: watching \d+ folders/, 0, 15000);

    // 1. a regression saved the way an editor saves
    let from = m.mark();
    saveLikeEditor(solverFile, fakeSolver(BREAK_BUCKET_NAMES));
    await m.waitFor(/== run 2 at [\d:]+: .*solver\.lua changed/, from, 10000);
    await m.waitFor(/BROKEN fixture\.jsonl:t1 .*\n[^]*3 tasks, 1 perfect .*\n[^]*REGRESSION: 1 task broken vs run 1/, from, 10000);

    // 2. a syntax error: file:line, and the last table stands
    from = m.mark();
    saveLikeEditor(solverFile, 'local M = {}\nfunction M.offline(prompt\nreturn M\n');
    const err = await m.waitFor(/== run 3 at [^\n]*\nsolver not loaded: ([^\n]*)\n([^\n]*)\n/, from, 10000);
    assert.match(err[1], /alphacore\/solver\.lua:3: /);
    assert.match(err[2], /^keeping the last table \(run 2: 3 tasks, 1 perfect/);

    // 3. fixed again: the table is back, the regression gone
    from = m.mark();
    saveLikeEditor(solverFile, fakeSolver());
    await m.waitFor(/== run 4 at [^\n]*solver\.lua changed\n[^]*changes vs run 1 \(the first table of --watch\): 0 fixed, 0 broken[^]*3 tasks, 2 perfect/, from, 10000);

    // 4. a touch without a change does not run
    from = m.mark();
    const now = new Date();
    fs.utimesSync(solverFile, now, now);
    await m.waitFor(/eval: files unchanged, no run/, from, 10000);
    // 5. an edit of the corpus runs (t3 now expects another name)
    from = m.mark();
    const lines = fs.readFileSync(path.join(dir, 'fixture.jsonl'), 'utf8').replace('"values.name":"evt-c3"', '"values.name":"evt-zz"');
    saveLikeEditor(path.join(dir, 'fixture.jsonl'), lines);
    await m.waitFor(/== run 5 at [^\n]*fixture\.jsonl[^]*3 tasks, 1 perfect/, from, 10000);
    assert.doesNotMatch(m.log.slice(from), /== run 6/);
  } finally {
    await m.stop();
  }
  assertNoSanitizerReport(m.log);
  fs.rmSync(dir, { recursive: true, force: true });
});
