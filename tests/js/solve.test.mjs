// `miner solve`, the offline solver loop: plan + main.tf + self-score against a task.json, and a full run
// through the stand-in terraform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MINER, REPO, tmpdir } from './helpers.mjs';
import { parse } from '@cdktf/hcl2json';

const SHARED = process.env.ALPHACORE_TEST_DATA || path.join(REPO, 'tests', 'data');

test('solve --task-json --dry-run prints the plan, valid Terraform and a 100% self-score', async () => {
  const dir = tmpdir('solve-');
  const line = fs.readFileSync(path.join(SHARED, 'generated-tasks.jsonl'), 'utf8').split('\n').find((l) => l.includes('network_stack'));
  const task = JSON.parse(line);
  fs.writeFileSync(path.join(dir, 'task.json'), JSON.stringify(task));
  const r = spawnSync(MINER, ['solve', '--task-json', path.join(dir, 'task.json'), '--dry-run', '--gcp.project', 'proj-x'],
    { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /== plan/);
  const tf = r.stdout.split('== main.tf\n')[1].split('\n== self-score')[0];
  const parsed = await parse('main.tf', tf);
  assert.ok(parsed.resource.google_compute_network, 'network resource present');
  assert.equal(parsed.provider.google[0].project, 'proj-x');
  assert.match(r.stdout, /== self-score against .*: (\d)\/\1 \(1\.000\)/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('solve --prompt runs the stand-in terraform and packs the ZIP; a bad invocation is a clear error', () => {
  const dir = tmpdir('solve-run-');
  const prompt = 'Google Cloud: a bucket whose name begins with logs0k1j2h3 in asia-southeast1 (storage class standard) and a Pub/Sub topic named evt0q8w7e6 retaining messages for 1200s. Grant a@b.iam.gserviceaccount.com viewer access so they can verify the deployment.';
  const r = spawnSync(MINER, ['solve', '--prompt', prompt, '--terraform.bin', path.join(REPO, 'tests/fake-terraform'),
    '--workdir', dir, '--no-solver.grant', '--gcp.project', 'p'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /== apply: status success, self-score 2\/2/);
  assert.match(r.stdout, /== zip: \d+ bytes/);
  const none = spawnSync(MINER, ['solve'], { encoding: 'utf8' });
  assert.equal(none.status, 2);
  assert.match(none.stdout, /needs --prompt TEXT, --prompt-file FILE or --task-json FILE/);
  fs.rmSync(dir, { recursive: true, force: true });
});
