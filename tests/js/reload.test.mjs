// Process-level tests of the runtime: CLI errors, hot reload by write-then-rename, a broken script keeping the
// old generation, SIGHUP, graceful SIGTERM. Synchronisation is on log lines, never on sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { MINER, startMiner as startRaw, makeWallet, tmpdir } from './helpers.mjs';

// The miner needs a hotkey to serve: every process here gets a fresh one and an ephemeral port.
async function startMiner(args) {
  const root = tmpdir('miner-wallet-');
  await makeWallet(root, 'miner');
  return startRaw([...args, '--wallet.path', root, '--wallet.name', 'miner', '--axon.ip', '127.0.0.1',
    '--allow-non-registered', '--chain.sync_interval', '0']);
}

// Editors save by writing a temporary file and renaming it over the original.
function saveLikeEditor(file, text) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function entrypoint(version, extra = '') {
  return `local log = require "log"
local helper = require "helper"
return {
  on_start = function() log.info("started version ${version} helper=" .. helper.value) end,
  on_reload = function(id) log.info("reloaded as version ${version} gen=" .. id .. " helper=" .. helper.value) end,
  export = function() return { counter = ${version} } end,
  import = function(state) log.info("imported counter=" .. tostring(state and state.counter)) end,
}${extra}
`;
}

test('unknown flag and bad value give clear errors and exit 2', () => {
  let r = spawnSync(MINER, ['--bogus'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown option '--bogus' \(see --help\)/);
  r = spawnSync(MINER, ['--axon.port', 'eighty'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /axon.port must be an integer, got 'eighty'/);
  r = spawnSync(MINER, [], { encoding: 'utf8', env: { ...process.env, ALPHACORE_NETUID: 'x' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /environment variable ALPHACORE_NETUID: netuid must be an integer/);
  r = spawnSync(MINER, ['--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  for (const flag of ['--wallet.name', '--axon.port', '--netuid', '--entrypoint', 'ALPHACORE_WALLET_HOTKEY'])
    assert.ok(r.stdout.includes(flag), `help mentions ${flag}`);
});

test('missing entrypoint is a clear error', () => {
  const r = spawnSync(MINER, ['--entrypoint', '/nonexistent/x.lua', '--axon.port', '0'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /entrypoint '\/nonexistent\/x.lua' not found/);
});

test('hot reload: rename-save reloads, a syntax error keeps the old generation, SIGHUP forces a reload', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miner-reload-'));
  const ep = path.join(dir, 'ep.lua');
  fs.writeFileSync(ep, entrypoint(1));
  fs.writeFileSync(path.join(dir, 'helper.lua'), 'return { value = "h1" }\n');
  const m = await startMiner(['--entrypoint', ep, '--axon.port', '0', '--reload.debounce_ms', '50', '--logging.debug']);
  try {
    await m.waitFor(/started version 1 helper=h1/);
    await m.waitFor(/watching /);

    // 1. Edit the entrypoint the way an editor does.
    let from = m.mark();
    saveLikeEditor(ep, entrypoint(2));
    await m.waitFor(/generation 2 loaded/, from);
    await m.waitFor(/imported counter=1/, from);
    await m.waitFor(/reloaded as version 2 gen=2 helper=h1/, from);

    // 2. Edit a module the entrypoint required: also reloads.
    from = m.mark();
    saveLikeEditor(path.join(dir, 'helper.lua'), 'return { value = "h2" }\n');
    await m.waitFor(/reloaded as version 2 gen=3 helper=h2/, from);

    // 3. A syntax error: logged with file:line, the old generation keeps running.
    from = m.mark();
    saveLikeEditor(ep, entrypoint(3, '\nthis is not lua ('));
    const err = await m.waitFor(/entrypoint not loaded, keeping generation: ([^\n]*)/, from);
    assert.match(err[1], /ep\.lua:\d+:/);
    await m.waitFor(/still running generation 3/, from);

    // 4. A runtime error at load time: same.
    from = m.mark();
    saveLikeEditor(ep, 'error("refusing to load")\n');
    await m.waitFor(/entrypoint not loaded, keeping generation: [^\n]*refusing to load/, from);

    // 5. Fixed again: generation 4.
    from = m.mark();
    saveLikeEditor(ep, entrypoint(4));
    await m.waitFor(/generation 4 loaded/, from);
    await m.waitFor(/imported counter=2/, from);

    // 6. SIGHUP reloads even without a change.
    from = m.mark();
    m.child.kill('SIGHUP');
    await m.waitFor(/generation 5 loaded/, from);

    // 7. A save that does not change the content does not reload.
    from = m.mark();
    saveLikeEditor(ep, entrypoint(4));
    await m.waitFor(/files unchanged, no reload/, from);

    m.child.kill('SIGTERM');
    const { code } = await m.exited;
    assert.equal(code, 0);
    assert.doesNotMatch(m.log, /ERROR: (Address|Leak)Sanitizer|runtime error:/);
  } finally {
    m.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an entrypoint that fails at first load exits 1 with the error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miner-bad-'));
  const ep = path.join(dir, 'bad.lua');
  fs.writeFileSync(ep, 'return 42\n');
  const r = spawnSync(MINER, ['--entrypoint', ep, '--axon.port', '0'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /the entrypoint must return a table of handlers, got number/);
  assert.match(r.stderr, /no generation running/);
  fs.rmSync(dir, { recursive: true, force: true });
});

// (on_start raising itself stops `miner run` with exit code 1: tests/js/pipeline.test.mjs)
test('an error in a task is logged with a traceback and the process keeps running', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miner-err-'));
  const ep = path.join(dir, 'ep.lua');
  fs.writeFileSync(ep, `local timer = require "timer"
local log = require "log"
return { on_start = function()
  require("rt").spawn(function() timer.sleep(0.01) log.info("second task alive") end)
  require("rt").spawn(function()
    local function deep() error("task exploded") end
    deep()
  end)
end }
`);
  const m = await startMiner(['--entrypoint', ep, '--axon.port', '0']);
  try {
    await m.waitFor(/task exploded\nstack traceback:[\s\S]*in (local|upvalue) 'deep'/);
    await m.waitFor(/second task alive/);
    m.child.kill('SIGINT');
    const { code } = await m.exited;
    assert.equal(code, 0);
  } finally {
    m.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
