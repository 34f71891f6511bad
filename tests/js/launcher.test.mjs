// scripts/launch_miner.sh under real pm2 (from npm, with its own PM2_HOME), and the zero-config local run.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO, MINER, tmpdir, makeWallet, startMiner } from './helpers.mjs';

const PM2_BIN = path.join(REPO, 'tests/js/node_modules/.bin');
const home = tmpdir('pm2-home-');
// no chain traffic from tests: the metagraph sync is off
const env = { ...process.env, ALPHACORE_SOLVER_PREFLIGHT: 'warn', ALPHACORE_METRICS_ENABLED: 'false', PM2_HOME: home, PATH: `${PM2_BIN}:${process.env.PATH}`, ALPHACORE_CHAIN_SYNC_INTERVAL: '0',
  ALPHACORE_CHAIN_SERVE_AXON: 'false' };
const launcher = path.join(REPO, 'scripts/launch_miner.sh');

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}
const pm2 = (...args) => spawnSync('pm2', args, { env, encoding: 'utf8' });
function jlist() { return JSON.parse(pm2('jlist').stdout || '[]'); }
async function until(what, fn, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200)); // polling pm2's own state; there is no event to wait on
  }
}

after(() => { pm2('kill'); fs.rmSync(home, { recursive: true, force: true }); });

test('argument errors are clear', () => {
  let r = spawnSync(launcher, ['--network', 'test'], { env, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /missing required option\(s\): --netuid --wallet-name --hotkey --axon-port --external-ip/);
  r = spawnSync(launcher, ['--bogus', 'x'], { env, encoding: 'utf8' });
  assert.match(r.stderr, /unknown option --bogus/);
  const base = ['--network', 'test', '--netuid', '348', '--wallet-name', 'nope', '--hotkey', 'nope', '--axon-port', '9999',
    '--external-ip', '127.0.0.1', '--wallet-path', tmpdir('nowallet-')];
  r = spawnSync(launcher, base, { env, encoding: 'utf8' });
  assert.match(r.stderr, /hotkey file .*\/nope\/hotkeys\/nope not found/);
  r = spawnSync(launcher, [...base, '--entrypoint', 'missing.lua'], { env, encoding: 'utf8' });
  assert.match(r.stderr, /entrypoint 'missing.lua' not found/);
  r = spawnSync(launcher, ['--help'], { env, encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /--auto-install-pm2/);
  const noPm2 = { ...env, PATH: '/usr/bin:/bin' };
  const dir = tmpdir('nopm2-');
  spawnSync('mkdir', ['-p', path.join(dir, 'w/hotkeys')]);
  fs.writeFileSync(path.join(dir, 'w/hotkeys/h'), '{}');
  r = spawnSync(launcher, ['--network', 'test', '--netuid', '348', '--wallet-name', 'w', '--hotkey', 'h', '--axon-port', '1',
    '--external-ip', '127.0.0.1', '--wallet-path', dir], { env: noPm2, encoding: 'utf8' });
  if (!spawnSync('sh', ['-c', 'command -v pm2'], { env: noPm2 }).status) return; // a global pm2 exists here
  assert.match(r.stderr, /pm2 not found on PATH: install it \(npm install -g pm2\) or pass --auto-install-pm2/);
});

test('launches under pm2: name, env file (mode 600), logs, restart after a kill, delete', async () => {
  const root = tmpdir('launch-');
  const wallets = path.join(root, 'wallets');
  const { ss58 } = await makeWallet(wallets, 'opw', 'hk1');
  const port = await freePort();
  const envOut = path.join(root, 'env/test/miner-opw-hk1.env');
  const logDir = path.join(root, 'logs');
  const r = spawnSync(launcher, ['--network', 'test', '--netuid', '348', '--wallet-name', 'opw', '--hotkey', 'hk1',
    '--wallet-path', wallets, '--axon-port', String(port), '--external-ip', '127.0.0.1', '--axon-ip', '127.0.0.1',
    '--env-out', envOut, '--log-dir', logDir, '--allow-non-registered', '--no-force-validator-permit',
    '--min-stake', '0', '--bt-logging-level', 'debug', '--gcp-project', 'proj-x', '--terraform-bin', '/opt/tf/terraform',
    '--workdir', path.join(root, 'work')], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /started hk1-netuid348 under pm2/);
  const st = fs.statSync(envOut);
  assert.equal(st.mode & 0o777, 0o600);
  const envText = fs.readFileSync(envOut, 'utf8');
  for (const line of ['ALPHACORE_NETUID=348', 'ALPHACORE_WALLET_NAME=opw', 'ALPHACORE_WALLET_HOTKEY=hk1', `ALPHACORE_AXON_PORT=${port}`,
    'ALPHACORE_AXON_EXTERNAL_IP=127.0.0.1', `ALPHACORE_AXON_EXTERNAL_PORT=${port}`, 'ALPHACORE_BLACKLIST_ALLOW_NON_REGISTERED=true',
    'ALPHACORE_BLACKLIST_FORCE_VALIDATOR_PERMIT=false', 'ALPHACORE_BLACKLIST_MINIMUM_STAKE=0', 'ALPHACORE_BT_LOGGING_LEVEL=debug',
    `MINER_ENTRYPOINT=${REPO}/scripts/miney.lua`, 'BT_NETWORK=test', 'ALPHACORE_GCP_PROJECT=proj-x',
    'ALPHACORE_TERRAFORM_BIN=/opt/tf/terraform', `ALPHACORE_WORKDIR=${path.join(root, 'work')}`]) {
    assert.ok(envText.includes(line + '\n'), `env file has ${line}`);
  }
  const proc = await until('online process', () => jlist().find((p) => p.name === 'hk1-netuid348' && p.pm2_env.status === 'online'));
  const errLog = path.join(logDir, 'hk1-netuid348.err.log');
  await until('axon listening in the pm2 log', () => fs.existsSync(errLog) && fs.readFileSync(errLog, 'utf8').includes(`axon listening on 127.0.0.1:${port} as ${ss58}`));
  process.kill(proc.pid, 'SIGKILL');
  const again = await until('restart', () => jlist().find((p) => p.name === 'hk1-netuid348' && p.pm2_env.status === 'online'
    && p.pid !== proc.pid && p.pm2_env.restart_time >= 1), 40000);
  assert.notEqual(again.pid, proc.pid);
  assert.ok(fs.existsSync(path.join(home, 'dump.pm2')), 'pm2 save wrote a dump');
  assert.equal(pm2('delete', 'hk1-netuid348').status, 0);
  assert.equal(jlist().find((p) => p.name === 'hk1-netuid348'), undefined);
});

test('zero-config local run answers a signed StartRoundSynapse from the client command', async () => {
  const port = await freePort();
  const child = spawn(path.join(REPO, 'scripts/run-local.sh'), [], { env: { ...process.env, PORT: String(port), ALPHACORE_METRICS_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no axon:\n${log}`)), 60000);
    const on = (c) => { log += c; if (log.includes(`axon listening on 127.0.0.1:${port}`)) { clearTimeout(t); resolve(); } };
    child.stdout.on('data', on); child.stderr.on('data', on);
  });
  assert.match(log, /node scripts\/synapse_client\.mjs --port \d+ StartRoundSynapse/);
  const r = spawnSync('node', [path.join(REPO, 'scripts/synapse_client.mjs'), '--port', String(port), 'StartRoundSynapse'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.status, 200);
  assert.equal(out.synapse.is_ready, true);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  assert.ok(!fs.existsSync(path.join(REPO, 'local')) || spawnSync('git', ['check-ignore', '-q', 'local/wallets'], { cwd: REPO }).status === 0,
    'dev keys are git-ignored');
});
