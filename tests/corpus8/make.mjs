#!/usr/bin/env node
// corpus8: blind held-out corpus of LLM-rewrite-style AlphaCore prompts.
// Plain Node, no dependencies, deterministic (seeded PRNG per task).
//
//   node tests/corpus8/make.mjs           write holdout.jsonl, then self-check (exit 1 on any failure)
//   node tests/corpus8/make.mjs --check   regenerate in memory, self-check, and fail if holdout.jsonl differs
//
// Everything about the hidden invariants follows spec sections 3.2, 3.3 and 3.5; the prompt rules follow 3.6-3.7.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'holdout.jsonl');
const SEED = 'alphacore/corpus8/holdout/v1';

// ---------------------------------------------------------------- PRNG
function xmur3(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}
function sfc32(a, b, c, d) {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
function makeRng(seed) {
  const s = xmur3(seed);
  const f = sfc32(s(), s(), s(), s());
  for (let i = 0; i < 16; i++) f();
  const r = {
    f,
    int: (lo, hi) => lo + Math.floor(f() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(f() * arr.length)],
    hex: (n) => { let o = ''; for (let i = 0; i < n; i++) o += '0123456789abcdef'[Math.floor(f() * 16)]; return o; },
    shuffle: (arr) => { const a = arr.slice(); for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(f() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; },
  };
  return r;
}

// ---------------------------------------------------------------- generator domains (spec 3.3)
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const REGION_TO_ZONES = {
  'us-central1': ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f'],
  'us-east1': ['us-east1-b', 'us-east1-c', 'us-east1-d'],
  'europe-west1': ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
};
const MACHINE_TYPES = ['e2-micro', 'e2-small', 'e2-medium'];
const BUCKET_LOCATIONS = ['US-CENTRAL1', 'US-EAST1', 'US-WEST1', 'EUROPE-WEST1', 'ASIA-SOUTHEAST1'];
const STORAGE_CLASSES = ['STANDARD', 'NEARLINE', 'COLDLINE'];
const AR_LOCATIONS = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'asia-southeast1'];
const AR_FORMATS = ['DOCKER', 'PYTHON'];
const RETENTIONS = ['600s', '900s', '1200s'];
const ACKS = [10, 20, 30, 60];
const TTLS = ['86400s', '172800s', '259200s'];
const FIREWALL_PROFILES = [
  { label: 'ssh', direction: 'INGRESS', priority: 1000, protocol: 'tcp', port: '22' },
  { label: 'http', direction: 'INGRESS', priority: 1001, protocol: 'tcp', port: '80' },
  { label: 'icmp', direction: 'INGRESS', priority: 1002, protocol: 'icmp', port: null },
];
const SCRIPT_TEMPLATES = [
  (t) => `#!/bin/bash\nset -euo pipefail\necho '${t}' > /var/tmp/acore-token\n`,
  (t) => `#!/bin/bash\nprintf '${t}' > /var/tmp/acore-token\n`,
  (t) => `#!/bin/bash\n/usr/bin/env echo '${t}' > /var/tmp/acore-token\n`,
];
const SCRIPT_CUES = ['set -euo pipefail', 'printf', '/usr/bin/env echo'];

const GRANT = 'Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment.';
const SUBMISSIONS = [
  'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.',
  'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.',
  'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.',
];

// name generators: first [a-z], rest [a-z0-9], no hyphens
function genName(rng, lo, hi) {
  const n = rng.int(lo, hi);
  let s = rng.pick(LOWER);
  for (let i = 1; i < n; i++) s += rng.pick(ALNUM);
  return s;
}
const NAMEGEN = {
  rfc1035: (r) => genName(r, 6, 18),
  bucket: (r) => genName(r, 10, 20),
  artifact: (r) => genName(r, 6, 18),
  pubsub: (r) => { for (;;) { const s = genName(r, 6, 20); if (!s.startsWith('goog')) return s; } },
  dns: (r) => genName(r, 6, 14),
  object: (r) => genName(r, 8, 16) + 'txt',
  text: (r) => { const n = r.int(12, 20); let s = ''; for (let i = 0; i < n; i++) s += r.pick(ALNUM); return s; },
};

// ---------------------------------------------------------------- families (spec 3.2)
// keys: vpc sub fw vmn (networked VM) vmb (basic VM) bkt obj ar top sbn dns
const FAMILIES = {
  network_stack: { mand: ['vpc', 'sub', 'fw', 'vmn'], opt: [], min: 0, max: 0 },
  network_without_instance: { mand: ['vpc', 'sub', 'fw'], opt: ['vmb'], min: 0, max: 1 },
  storage_delivery: { mand: ['bkt'], opt: ['ar', 'top'], min: 1, max: 2 },
  artifact_delivery: { mand: ['ar'], opt: ['bkt', 'top', 'obj'], min: 1, max: 3 },
  bucket_with_object: { mand: ['bkt', 'obj'], opt: ['top'], min: 0, max: 1 },
  network_plus_storage: { mand: ['vpc', 'sub', 'fw', 'vmn', 'bkt'], opt: ['obj', 'ar'], min: 1, max: 2 },
  network_plus_artifacts: { mand: ['vpc', 'sub', 'fw', 'vmn', 'ar'], opt: ['bkt', 'obj'], min: 1, max: 1 },
  network_plus_pubsub: { mand: ['vpc', 'sub', 'fw', 'vmn', 'top'], opt: ['bkt', 'obj'], min: 0, max: 2 },
  storage_with_pubsub: { mand: ['bkt', 'top'], opt: ['ar', 'obj'], min: 1, max: 2 },
  dns_frontend: { mand: ['dns', 'bkt'], opt: ['obj', 'top'], min: 1, max: 2 },
  dns_network_bridge: { mand: ['dns', 'vpc', 'sub', 'vmn'], opt: ['fw', 'bkt'], min: 1, max: 2 },
  topic_with_subscription: { mand: ['top', 'sbn'], opt: ['bkt'], min: 0, max: 1 },
};
const DEPS = { sub: ['vpc'], fw: ['vpc'], vmn: ['sub'], obj: ['bkt'], sbn: ['top'] };
const KEY_TYPE = {
  vpc: 'google_compute_network', sub: 'google_compute_subnetwork', fw: 'google_compute_firewall',
  vmn: 'google_compute_instance', vmb: 'google_compute_instance', bkt: 'google_storage_bucket',
  obj: 'google_storage_bucket_object', ar: 'google_artifact_registry_repository', top: 'google_pubsub_topic',
  sbn: 'google_pubsub_subscription', dns: 'google_dns_managed_zone',
};
const RULE = { E: 'exact_match', S: 'starts_with', X: 'ends_with' };

// ---------------------------------------------------------------- prompt helpers (interpolation only)
const NUM_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const H = {
  // firewall allow clause, four wordings; icmp has no port
  allow0: (fw) => (fw.port ? `tcp on port ${fw.port}` : 'icmp'),
  allow1: (fw) => (fw.port ? `port ${fw.port} over tcp` : 'icmp traffic'),
  allow2: (fw) => (fw.port ? `tcp/${fw.port}` : 'icmp'),
  allow3: (fw) => (fw.port ? `${fw.port}/tcp` : 'icmp only'),
  // startup script renderings
  esc: (vm) => vm.script.replace(/\n/g, '\\n'),                       // JSON escapes copied literally
  flat: (vm) => vm.script.trim().split('\n').join(' '),               // newlines collapsed to spaces
  bang: (vm) => vm.script.trim().split('\n').join(' ').slice(1),      // post-processing ate the leading '#'
  lines: (vm) => vm.script.trim().split('\n').join(', then '),
  cmd0: (vm) => [
    `a bash startup script that turns on set -euo pipefail and then echoes '${vm.token}' into /var/tmp/acore-token`,
    `a bash startup script that uses printf to write '${vm.token}' to /var/tmp/acore-token`,
    `a bash startup script that runs /usr/bin/env echo '${vm.token}' redirected to /var/tmp/acore-token`,
  ][vm.tpl],
  cmd1: (vm) => [
    `the strict-mode script (set -euo pipefail, then echo '${vm.token}' > /var/tmp/acore-token)`,
    `the printf one-liner (printf '${vm.token}' > /var/tmp/acore-token)`,
    `the /usr/bin/env echo one-liner (/usr/bin/env echo '${vm.token}' > /var/tmp/acore-token)`,
  ][vm.tpl],
  bare0: (vm) => `a startup script that writes ${vm.token} into /var/tmp/acore-token`,
  bare1: (vm) => `a boot script that drops the token ${vm.token} at /var/tmp/acore-token`,
  num: (n) => (n <= 20 ? NUM_WORDS[n] : String(n)),
};

// ---------------------------------------------------------------- the 60 hand-written templates
// Each: family, opt (optional keys this task sampled), rules (E/S/X per named resource), style tags, render(p).
// render returns a string or {text, shared:[{rule, phrase, tokens:[...]}], tags:[...]}.
// `shared` declares a qualifier stated once for several names (checked by the self-check).
const T = [];
const add = (t) => T.push(t);

// ===== network_stack
add({ family: 'network_stack', opt: [], rules: { vpc: 'X', sub: 'E', fw: 'S', vm: 'E' },
  style: ['operator-voice', 'run-on', 'synonyms', 'cross-reference', 'negation', 'script-literal-collapsed'],
  render: ({ vpc, sub, fw, vm, G, SUB }) =>
    `hey, can you stand up a small GCP stack for us: we need a custom-mode network whose name ends with ${vpc.name} with auto-create subnetworks off, and inside that same network a subnet called ${sub.name} in ${sub.region} covering ${sub.cidr}, and on the network from earlier an ingress firewall rule whose name starts with ${fw.name} allowing ${H.allow0(fw)} at priority ${fw.prio}, disabled set to false, and finally an ${vm.mt} compute instance named ${vm.name} in ${vm.zone} on subnet ${sub.name} whose startup script is exactly ${H.flat(vm)}. Nothing else please. ${G} ${SUB}` });

add({ family: 'network_stack', opt: [], rules: { vpc: 'S', sub: 'X', fw: 'E', vm: 'X' },
  style: ['operator-voice', 'value-before-cue', 'shuffled-attributes', 'parenthetical', 'cross-reference', 'script-literal-escaped'],
  render: ({ vpc, sub, fw, vm, G, SUB }) =>
    `We need a little network stack in Google Cloud. ${vm.zone} is where the VM runs and ${vm.mt} is the machine type it gets (keep it that small), its name should end with ${vm.name}, it sits on the subnetwork described next and boots with this startup script: ${H.esc(vm)} The subnetwork: ${sub.cidr} is its range, ${sub.region} its region, and ${sub.name} is the suffix of its name (attach it to the VPC below). For the VPC itself ${vpc.name} is the prefix we want, with automatic subnet creation set to false. Last, a firewall named ${fw.name} on that VPC: ingress, priority ${fw.prio}, allow ${H.allow2(fw)}, not disabled (false). ${SUB} ${G}` });

add({ family: 'network_stack', opt: [], rules: { vpc: 'E', sub: 'S', fw: 'S', vm: 'S' },
  style: ['ticket', 'respectively', 'shared-qualifier', 'synonyms', 'script-command', 'bool-words'],
  render: ({ vpc, sub, fw, vm, G, SUB }) => ({
    text: `Google Cloud request from the platform team. Build a VPC named ${vpc.name} with auto-created subnetworks disabled, then a subnetwork, a firewall rule and a VM whose names start with ${sub.name}, ${fw.name} and ${vm.name} respectively. The subnetwork is regional to ${sub.region} with range ${sub.cidr} on ${vpc.name}. The firewall rule guards that VPC: ingress, priority ${fw.prio}, ${H.allow1(fw)} allowed, disabled false. The VM is an ${vm.mt} box in ${vm.zone} attached to the subnetwork above, running ${H.cmd0(vm)}. ${G} ${SUB}`,
    shared: [{ rule: 'starts_with', phrase: 'whose names start with', tokens: [sub.name, fw.name, vm.name] }] }) });

add({ family: 'network_stack', opt: [], rules: { vpc: 'X', sub: 'S', fw: 'X', vm: 'X' },
  style: ['operator-voice', 'run-on', 'negation', 'cross-reference', 'bool-words', 'script-shebang-stripped'],
  render: ({ vpc, sub, fw, vm, G, SUB }) =>
    `can you set this up on gcp, we need a vpc ending in ${vpc.name} with no automatic subnetworks (false) and a subnet beginning with ${sub.name} on that same vpc in ${sub.region} using ${sub.cidr} and a firewall ending in ${fw.name} on it too that lets ingress ${H.allow0(fw)} through at priority ${fw.prio} (disabled: no) and a compute instance ending in ${vm.name} in ${vm.zone}, machine type ${vm.mt}, attached to the subnet from before, no public IP needed, with startup script ${H.bang(vm)}, and don't add anything else. ${SUB} ${G}` });

add({ family: 'network_stack', opt: [], rules: { vpc: 'S', sub: 'E', fw: 'E', vm: 'S' },
  style: ['ticket', 'synonyms', 'parenthetical', 'shuffled-attributes', 'bool-words', 'script-lines'],
  render: ({ vpc, sub, fw, vm, G, SUB }) =>
    `Ticket for a Google Cloud dev sandbox (keep it cheap). Networking first: a VPC network whose name starts with ${vpc.name}, custom mode, so auto create subnetworks is false; a subnet named exactly ${sub.name} with ${sub.cidr} as its CIDR, region ${sub.region}, parented to that network; and an ingress rule named ${fw.name} (priority ${fw.prio}, enabled, i.e. disabled = false) allowing ${H.allow3(fw)} on the same network. Then a Compute Engine VM, ${vm.mt}, zone ${vm.zone}, name prefixed with ${vm.name}, NIC on subnet ${sub.name}, startup script lines: ${H.lines(vm)}. ${G} ${SUB}` });

// ===== network_without_instance
add({ family: 'network_without_instance', opt: ['vmb'], rules: { vpc: 'E', sub: 'X', fw: 'E', vm: 'S' },
  style: ['operator-voice', 'run-on', 'negation', 'script-command'],
  render: ({ vpc, sub, fw, vm, G, SUB }) =>
    `we need a VPC on Google Cloud called ${vpc.name} with auto subnet creation off, plus a subnetwork whose name ends with ${sub.name} in ${sub.region} on ${vpc.name} covering ${sub.cidr}, plus a firewall rule called ${fw.name} on the same VPC allowing ingress ${H.allow0(fw)} with priority ${fw.prio} and disabled false, and separately a standalone ${vm.mt} VM whose name starts with ${vm.name} in zone ${vm.zone} that runs ${H.cmd0(vm)}. No extra resources. ${G} ${SUB}` });

add({ family: 'network_without_instance', opt: [], rules: { vpc: 'X', sub: 'S', fw: 'X' },
  style: ['value-before-cue', 'shuffled-attributes', 'synonyms', 'negation', 'cross-reference', 'bool-words'],
  render: ({ vpc, sub, fw, G, SUB }) =>
    `Google Cloud, networking only, no VM this time. ${vpc.name} is the suffix for the custom network name (automatic subnetworks: false). ${sub.cidr} and ${sub.region} are the range and region for the subnet, and ${sub.name} is the prefix of the subnet name; it hangs off that network. For the firewall ${fw.name} is the suffix, direction ingress, ${H.allow2(fw)} allowed, priority ${fw.prio}, disabled no, attached to the same network. ${SUB} ${G}` });

add({ family: 'network_without_instance', opt: ['vmb'], rules: { vpc: 'S', sub: 'E', fw: 'S', vm: 'X' },
  style: ['parenthetical', 'cross-reference', 'bool-words', 'script-literal-escaped'],
  render: ({ vpc, sub, fw, vm, G, SUB }) =>
    `Please set up the following in GCP (it is a throwaway sandbox). A VPC whose name begins with ${vpc.name}, auto-create subnetworks disabled. A subnet named ${sub.name} (${sub.region}, ${sub.cidr}) inside the VPC from the previous sentence. A firewall rule with a name starting with ${fw.name} (ingress, priority ${fw.prio}, allow ${H.allow2(fw)}, rule not disabled: false) on that VPC. Also one ${vm.mt} instance in ${vm.zone} whose name ends with ${vm.name}, startup script ${H.esc(vm)} ${G} ${SUB}` });

add({ family: 'network_without_instance', opt: [], rules: { vpc: 'E', sub: 'E', fw: 'S' },
  style: ['operator-voice', 'run-on', 'synonyms', 'negation', 'parenthetical', 'bool-words'],
  render: ({ vpc, sub, fw, G, SUB }) =>
    `hi, could you carve out a custom-mode network in Google Cloud named ${vpc.name} (no auto-created subnets, so false) with one subnet called ${sub.name} in ${sub.region} using ${sub.cidr}, and put a firewall on it whose name starts with ${fw.name} that permits ingress ${H.allow1(fw)} at priority ${fw.prio}, leaving the rule enabled (disabled false), and please do not create any VM or anything else for this one. ${SUB} ${G}` });

add({ family: 'network_without_instance', opt: ['vmb'], rules: { vpc: 'X', sub: 'X', fw: 'E', vm: 'E' },
  style: ['shared-qualifier', 'respectively', 'ticket', 'script-template-unstated'],
  render: ({ vpc, sub, fw, vm, G, SUB }) => ({
    text: `Small Google Cloud network task. Both the VPC and its subnet use suffix naming, ending in ${vpc.name} and ${sub.name} respectively; the subnet is in ${sub.region} with CIDR ${sub.cidr}, and the VPC should have auto create subnetworks set to false. Add a firewall rule named ${fw.name} on that VPC: ingress, priority ${fw.prio}, ${H.allow3(fw)}, disabled false. Separately, one VM named ${vm.name}, ${vm.mt}, zone ${vm.zone}, with ${H.bare0(vm)}. ${G} ${SUB}`,
    shared: [{ rule: 'ends_with', phrase: 'use suffix naming', tokens: [vpc.name, sub.name] }] }) });

// ===== storage_delivery
add({ family: 'storage_delivery', opt: ['ar'], rules: { bkt: 'S', ar: 'X' },
  style: ['operator-voice', 'value-before-cue', 'synonyms'],
  render: ({ bkt, ar, G, SUB }) =>
    `we need two things on Google Cloud: a GCS bucket and an Artifact Registry repo. ${bkt.loc} is where the bucket goes, ${bkt.sc} is its storage class, and its name starts with ${bkt.name}. The repo holds ${ar.fmt} packages, lives in ${ar.loc} and its repository id ends with ${ar.name}. ${G} ${SUB}` });

add({ family: 'storage_delivery', opt: ['top'], rules: { bkt: 'X', top: 'E' },
  style: ['operator-voice', 'run-on', 'synonyms', 'duration-seconds', 'negation'],
  render: ({ bkt, top, G, SUB }) =>
    `For our Google Cloud sandbox can you create an object storage bucket in ${bkt.loc} using the ${bkt.sc} class whose name ends with ${bkt.name} and also a Pub/Sub feed called ${top.name} that keeps messages for ${top.retN} seconds, and nothing else. ${SUB} ${G}` });

add({ family: 'storage_delivery', opt: ['ar', 'top'], rules: { bkt: 'S', ar: 'S', top: 'X' },
  style: ['shared-qualifier', 'respectively', 'parenthetical', 'ticket'],
  render: ({ bkt, ar, top, G, SUB }) => ({
    text: `Google Cloud storage delivery setup (dev only). The bucket and the Artifact Registry repository are both prefix-named: ${bkt.name} and ${ar.name} respectively. Bucket: ${bkt.loc}, ${bkt.sc}. Repository: ${ar.fmt} format in ${ar.loc}. There is also a Pub/Sub topic whose name ends with ${top.name} (message retention ${top.ret}). ${G} ${SUB}`,
    shared: [{ rule: 'starts_with', phrase: 'are both prefix-named', tokens: [bkt.name, ar.name] }] }) });

add({ family: 'storage_delivery', opt: ['top'], rules: { bkt: 'S', top: 'S' },
  style: ['value-before-cue', 'shuffled-attributes', 'operator-voice'],
  render: ({ bkt, top, G, SUB }) =>
    `Google Cloud ask: a topic and a bucket. Retention on the topic is ${top.ret} and ${top.name} is the prefix of its name. For the bucket, storage class ${bkt.sc}, location ${bkt.loc}, and ${bkt.name} is the leading part of its name. Please keep it to just those two. ${SUB} ${G}` });

add({ family: 'storage_delivery', opt: ['ar', 'top'], rules: { bkt: 'X', ar: 'S', top: 'S' },
  style: ['run-on', 'synonyms', 'negation', 'parenthetical'],
  render: ({ bkt, ar, top, G, SUB }) =>
    `In GCP we want a storage bucket ending in ${bkt.name} (class ${bkt.sc}, location ${bkt.loc}), a package repository for ${ar.fmt} artifacts in ${ar.loc} whose repository id starts with ${ar.name}, and a message topic whose name begins with ${top.name} with a retention duration of ${top.ret}; no IAM beyond the viewer grant and no other extras. ${G} ${SUB}` });

// ===== artifact_delivery
add({ family: 'artifact_delivery', opt: ['bkt'], rules: { ar: 'S', bkt: 'X' },
  style: ['operator-voice', 'value-before-cue', 'synonyms'],
  render: ({ ar, bkt, G, SUB }) =>
    `can you spin up an Artifact Registry repository on Google Cloud for us? ${ar.fmt} is the format, ${ar.loc} the location, and ${ar.name} is what the repository id starts with. Alongside it we need a Cloud Storage bucket in ${bkt.loc} with ${bkt.sc} storage whose name ends with ${bkt.name}. ${SUB} ${G}` });

add({ family: 'artifact_delivery', opt: ['top'], rules: { ar: 'X', top: 'E' },
  style: ['synonyms', 'parenthetical', 'duration-seconds'],
  render: ({ ar, top, G, SUB }) =>
    `Google Cloud: we publish ${ar.fmt} packages, so create a registry repo in ${ar.loc} whose ID ends with ${ar.name}, and a Pub/Sub topic named ${top.name} (retention ${top.retN} seconds) for release notifications. That is all. ${G} ${SUB}` });

add({ family: 'artifact_delivery', opt: ['obj'], rules: { ar: 'S', bkt: 'S' },
  style: ['run-on', 'cross-reference', 'synonyms', 'content-type-omitted', 'parenthetical'],
  render: ({ ar, bkt, obj, G, SUB }) =>
    `For a GCP release bucket we need an Artifact Registry repository with an id starting with ${ar.name} in ${ar.loc} (format ${ar.fmt}) and a storage bucket whose name starts with ${bkt.name} located in ${bkt.loc} with ${bkt.sc} class, and inside that same bucket an object called ${obj.name} whose content is ${obj.content}. ${SUB} ${G}` });

add({ family: 'artifact_delivery', opt: ['bkt', 'top'], rules: { ar: 'X', bkt: 'S', top: 'X' },
  style: ['ticket', 'shuffled-attributes', 'negation'],
  render: ({ ar, bkt, top, G, SUB }) =>
    `Google Cloud setup, please keep it minimal and don't add anything else. Repository: ${ar.loc} location, ${ar.fmt} format, repository id ending with ${ar.name}. Bucket: name beginning with ${bkt.name}, ${bkt.sc} class, in ${bkt.loc}. Topic: retention ${top.ret}, name ending in ${top.name}. ${G} ${SUB}` });

add({ family: 'artifact_delivery', opt: ['bkt', 'top', 'obj'], rules: { ar: 'S', bkt: 'X', top: 'E' },
  style: ['run-on', 'synonyms', 'cross-reference', 'parenthetical'],
  render: ({ ar, bkt, obj, top, G, SUB }) =>
    `Our build pipeline on Google Cloud needs an Artifact Registry repo (${ar.fmt}, ${ar.loc}) whose id begins with ${ar.name}, a GCS bucket in ${bkt.loc} on the ${bkt.sc} tier whose name ends with ${bkt.name}, a text/plain object in that bucket named ${obj.name} holding ${obj.content}, and a Pub/Sub topic called ${top.name} retaining messages for ${top.ret}. ${SUB} ${G}` });

// ===== bucket_with_object
add({ family: 'bucket_with_object', opt: [], rules: { bkt: 'S' },
  style: ['operator-voice', 'value-before-cue', 'content-type-omitted', 'synonyms'],
  render: ({ bkt, obj, G, SUB }) =>
    `can you make us a Google Cloud bucket? ${bkt.loc} is the location, ${bkt.sc} the storage class, and ${bkt.name} the prefix for its name. Then put one file in it called ${obj.name} with ${obj.content} as the content. ${G} ${SUB}` });

add({ family: 'bucket_with_object', opt: ['top'], rules: { bkt: 'X', top: 'X' },
  style: ['shared-qualifier', 'run-on', 'synonyms', 'duration-seconds'],
  render: ({ bkt, obj, top, G, SUB }) => ({
    text: `In GCP please create an object storage bucket and a Pub/Sub topic, where both names only need to end with the given strings: bucket ${bkt.name}, topic ${top.name}; the bucket sits in ${bkt.loc} as ${bkt.sc} storage and holds a plain-text object named ${obj.name} with content ${obj.content}, and the topic keeps messages ${top.retN} seconds. ${SUB} ${G}`,
    shared: [{ rule: 'ends_with', phrase: 'both names only need to end with the given strings', tokens: [bkt.name, top.name] }] }) });

add({ family: 'bucket_with_object', opt: [], rules: { bkt: 'X' },
  style: ['negation', 'parenthetical', 'ticket'],
  render: ({ bkt, obj, G, SUB }) =>
    `Google Cloud storage only (no compute, no networking): a bucket with a name ending in ${bkt.name}, located in ${bkt.loc}, storage class ${bkt.sc}, containing exactly one object. That object is named ${obj.name} (use that exact full name), content type text/plain, and its content is the string ${obj.content}. ${G} ${SUB}` });

add({ family: 'bucket_with_object', opt: ['top'], rules: { bkt: 'S', top: 'E' },
  style: ['operator-voice', 'cross-reference', 'value-before-cue'],
  render: ({ bkt, obj, top, G, SUB }) =>
    `we need a bucket in google cloud whose name starts with ${bkt.name}, ${bkt.sc} class, in ${bkt.loc}, and an object in the bucket from earlier named ${obj.name} containing ${obj.content}. Also a topic: ${top.name} is its exact name and ${top.ret} its retention. ${SUB} ${G}` });

add({ family: 'bucket_with_object', opt: [], rules: { bkt: 'S' },
  style: ['synonyms', 'parenthetical'],
  render: ({ bkt, obj, G, SUB }) =>
    `On Google Cloud we want a ${bkt.sc} bucket in ${bkt.loc} (its name just has to begin with ${bkt.name}) and a single blob in it called ${obj.name} whose body is ${obj.content} (plain text). ${G} ${SUB}` });

// ===== network_plus_storage
add({ family: 'network_plus_storage', opt: ['obj'], rules: { vpc: 'S', sub: 'E', fw: 'E', vm: 'S', bkt: 'X' },
  style: ['operator-voice', 'run-on', 'content-type-omitted', 'script-literal-collapsed', 'parenthetical'],
  render: ({ vpc, sub, fw, vm, bkt, obj, G, SUB }) =>
    `we need a small GCP environment: a vpc whose name starts with ${vpc.name} with auto create subnetworks false, a subnet ${sub.name} on it in ${sub.region} with ${sub.cidr}, an ingress firewall ${fw.name} on the same vpc allowing ${H.allow2(fw)} at priority ${fw.prio} with disabled false, an ${vm.mt} vm whose name starts with ${vm.name} in ${vm.zone} on subnet ${sub.name} with startup script ${H.flat(vm)}, and a bucket ending in ${bkt.name} (${bkt.loc}, ${bkt.sc}) holding an object ${obj.name} with content ${obj.content}. ${G} ${SUB}` });

add({ family: 'network_plus_storage', opt: ['ar'], rules: { vpc: 'X', sub: 'S', fw: 'S', vm: 'E', bkt: 'S', ar: 'X' },
  style: ['shared-qualifier', 'synonyms', 'cross-reference', 'script-command', 'bool-words'],
  render: ({ vpc, sub, fw, vm, bkt, ar, G, SUB }) => ({
    text: `Google Cloud request. Prefix rule for these three: the subnetwork starts with ${sub.name}, the firewall rule with ${fw.name} and the bucket with ${bkt.name}. The VPC name ends with ${vpc.name} and the VPC has auto create subnetworks disabled; the subnetwork sits on it in ${sub.region} with ${sub.cidr}; the firewall rule is ingress on that network, priority ${fw.prio}, allow ${H.allow0(fw)}, disabled false. An ${vm.mt} compute instance named ${vm.name} goes in ${vm.zone} on the subnetwork from earlier with ${H.cmd1(vm)}. The bucket is ${bkt.sc} in ${bkt.loc}. Finally an Artifact Registry repo for ${ar.fmt} in ${ar.loc} whose id ends with ${ar.name}. ${SUB} ${G}`,
    shared: [{ rule: 'starts_with', phrase: 'Prefix rule for these three', tokens: [sub.name, fw.name, bkt.name] }] }) });

add({ family: 'network_plus_storage', opt: ['obj', 'ar'], rules: { vpc: 'E', sub: 'X', fw: 'E', vm: 'X', bkt: 'X', ar: 'S' },
  style: ['value-before-cue', 'parenthetical', 'shuffled-attributes', 'ticket', 'script-literal-escaped'],
  render: ({ vpc, sub, fw, vm, bkt, obj, ar, G, SUB }) =>
    `GCP, dev project. Network: ${vpc.name} exactly, auto create subnetworks false. ${sub.cidr} in ${sub.region} is the subnet range, subnet name ending in ${sub.name}, on ${vpc.name}. Firewall ${fw.name} on the same network (ingress, priority ${fw.prio}, ${H.allow3(fw)}, disabled false). ${vm.zone} and ${vm.mt} for the VM, whose name ends with ${vm.name}; it attaches to the subnet above and its startup script is ${H.esc(vm)} Storage: a ${bkt.sc} bucket in ${bkt.loc} with ${bkt.name} as the suffix, plus object ${obj.name} in it containing ${obj.content} (text/plain). Registry: ${ar.fmt} repo in ${ar.loc}, id prefixed with ${ar.name}. ${G} ${SUB}` });

add({ family: 'network_plus_storage', opt: ['obj'], rules: { vpc: 'X', sub: 'X', fw: 'S', vm: 'S', bkt: 'S' },
  style: ['operator-voice', 'run-on', 'negation', 'synonyms', 'parenthetical', 'script-command', 'content-type-omitted'],
  render: ({ vpc, sub, fw, vm, bkt, obj, G, SUB }) =>
    `can you stand up on Google Cloud a custom-mode network with name ending in ${vpc.name} (no auto subnets, false), a subnetwork with name ending in ${sub.name} there in ${sub.region} on ${sub.cidr}, a firewall rule beginning with ${fw.name} for ingress ${H.allow1(fw)} at priority ${fw.prio} (disabled: false), a compute instance beginning with ${vm.name} sized ${vm.mt} in ${vm.zone} on that subnetwork running ${H.cmd0(vm)}, no external IP, and an object storage bucket beginning with ${bkt.name} in ${bkt.loc} (${bkt.sc}) with one object ${obj.name} whose contents are ${obj.content}. ${SUB} ${G}` });

add({ family: 'network_plus_storage', opt: ['ar'], rules: { vpc: 'S', sub: 'E', fw: 'X', vm: 'X', bkt: 'X', ar: 'S' },
  style: ['ticket', 'respectively', 'shared-qualifier', 'parenthetical', 'bool-words', 'script-lines'],
  render: ({ vpc, sub, fw, vm, bkt, ar, G, SUB }) => ({
    text: `Ticket: Google Cloud network plus storage. Create a VPC (name starts with ${vpc.name}, auto create subnetworks off), a subnet named ${sub.name} in ${sub.region} with CIDR ${sub.cidr}, and an ingress firewall whose name ends with ${fw.name}, priority ${fw.prio}, allowing ${H.allow2(fw)}, disabled off. The VM and the bucket use suffixes, ${vm.name} and ${bkt.name} respectively; the VM is ${vm.mt} in ${vm.zone} on subnet ${sub.name} with startup script ${H.lines(vm)}, and the bucket is ${bkt.sc} in ${bkt.loc}. Also an Artifact Registry repository in ${ar.loc}, format ${ar.fmt}, id starting with ${ar.name}. ${G} ${SUB}`,
    shared: [{ rule: 'ends_with', phrase: 'use suffixes', tokens: [vm.name, bkt.name] }] }) });

// ===== network_plus_artifacts
add({ family: 'network_plus_artifacts', opt: ['bkt'], rules: { vpc: 'X', sub: 'E', fw: 'S', vm: 'E', ar: 'S', bkt: 'S' },
  style: ['operator-voice', 'run-on', 'parenthetical', 'script-literal-collapsed'],
  render: ({ vpc, sub, fw, vm, ar, bkt, G, SUB }) =>
    `we need a build box in GCP: an Artifact Registry repo with id starting with ${ar.name} (${ar.fmt}, ${ar.loc}), a VPC whose name ends with ${vpc.name} with auto create subnetworks false, subnet ${sub.name} in ${sub.region} (${sub.cidr}) on that VPC, an ingress firewall starting with ${fw.name} on the VPC for ${H.allow0(fw)} at priority ${fw.prio} (disabled false), an ${vm.mt} instance named ${vm.name} in ${vm.zone} on ${sub.name} with the startup script ${H.flat(vm)}, and a bucket starting with ${bkt.name} in ${bkt.loc} with ${bkt.sc} storage. ${SUB} ${G}` });

add({ family: 'network_plus_artifacts', opt: ['obj'], rules: { vpc: 'S', sub: 'X', fw: 'E', vm: 'S', ar: 'X', bkt: 'X' },
  style: ['value-before-cue', 'synonyms', 'cross-reference', 'script-command', 'content-type-omitted'],
  render: ({ vpc, sub, fw, vm, ar, bkt, obj, G, SUB }) =>
    `Google Cloud, please. ${ar.loc} and ${ar.fmt} are the location and format for the package repository, and ${ar.name} is the suffix of its repository id. ${vpc.name} is the prefix of the custom VPC name (auto create subnetworks: false). The subnet name ends with ${sub.name}; it lives in ${sub.region} at ${sub.cidr} on that VPC. The firewall rule is exactly ${fw.name}: ingress, ${H.allow2(fw)}, priority ${fw.prio}, disabled false, same VPC. The compute instance name begins with ${vm.name}, ${vm.mt}, ${vm.zone}, on the subnet from before, using ${H.cmd1(vm)}. The GCS bucket name ends with ${bkt.name} (${bkt.loc}, ${bkt.sc}) and it gets an object ${obj.name} with content ${obj.content}. ${G} ${SUB}` });

add({ family: 'network_plus_artifacts', opt: ['bkt'], rules: { vpc: 'E', sub: 'S', fw: 'X', vm: 'X', ar: 'S', bkt: 'X' },
  style: ['shared-qualifier', 'parenthetical', 'ticket', 'bool-words', 'script-literal-escaped'],
  render: ({ vpc, sub, fw, vm, ar, bkt, G, SUB }) => ({
    text: `Set this up in Google Cloud (dev, cost-conscious). These three names are suffixes: the firewall ${fw.name}, the VM ${vm.name} and the bucket ${bkt.name}. The network is named ${vpc.name}, auto create subnetworks disabled. The subnet starts with ${sub.name}, region ${sub.region}, CIDR ${sub.cidr}, on ${vpc.name}. Firewall: ingress, ${H.allow3(fw)}, priority ${fw.prio}, disabled no, on the network. VM: ${vm.mt} in ${vm.zone} on the subnet, startup script ${H.esc(vm)} Bucket: ${bkt.loc}, ${bkt.sc}. Plus an Artifact Registry repository starting with ${ar.name}, ${ar.fmt}, ${ar.loc}. ${SUB} ${G}`,
    shared: [{ rule: 'ends_with', phrase: 'These three names are suffixes', tokens: [fw.name, vm.name, bkt.name] }] }) });

add({ family: 'network_plus_artifacts', opt: ['obj'], rules: { vpc: 'X', sub: 'S', fw: 'S', vm: 'E', ar: 'S', bkt: 'S' },
  style: ['operator-voice', 'run-on', 'negation', 'synonyms', 'script-command'],
  render: ({ vpc, sub, fw, vm, ar, bkt, obj, G, SUB }) =>
    `hey, can you build on google cloud a custom network ending in ${vpc.name} without automatic subnetworks (false), a subnet prefixed ${sub.name} in ${sub.region} covering ${sub.cidr} on it, a firewall prefixed ${fw.name} opening ingress ${H.allow1(fw)} at priority ${fw.prio} and not disabled (false), one ${vm.mt} VM called ${vm.name} in ${vm.zone} on that subnet with ${H.cmd0(vm)}, a repo prefixed ${ar.name} for ${ar.fmt} in ${ar.loc}, and a bucket prefixed ${bkt.name} in ${bkt.loc}, ${bkt.sc}, with a text/plain file ${obj.name} containing ${obj.content}; skip anything not listed. ${SUB} ${G}` });

add({ family: 'network_plus_artifacts', opt: ['bkt'], rules: { vpc: 'S', sub: 'S', fw: 'E', vm: 'X', ar: 'X', bkt: 'S' },
  style: ['ticket', 'shuffled-attributes', 'script-template-unstated'],
  render: ({ vpc, sub, fw, vm, ar, bkt, G, SUB }) =>
    `Google Cloud ticket for the release team. VPC: auto create subnetworks false, name starts with ${vpc.name}. Subnetwork: ${sub.cidr}, ${sub.region}, name starts with ${sub.name}, on the VPC. Firewall rule: priority ${fw.prio}, disabled false, ingress, ${H.allow2(fw)}, name ${fw.name}, on the VPC. VM: zone ${vm.zone}, type ${vm.mt}, name ends with ${vm.name}, on the subnetwork, plus ${H.bare1(vm)}. Artifact Registry: format ${ar.fmt}, location ${ar.loc}, id ends with ${ar.name}. Bucket: class ${bkt.sc}, location ${bkt.loc}, name starts with ${bkt.name}. ${G} ${SUB}` });

// ===== network_plus_pubsub
add({ family: 'network_plus_pubsub', opt: [], rules: { vpc: 'E', sub: 'E', fw: 'E', vm: 'S', top: 'X' },
  style: ['operator-voice', 'run-on', 'duration-seconds', 'script-literal-collapsed'],
  render: ({ vpc, sub, fw, vm, top, G, SUB }) =>
    `we need on Google Cloud a network called ${vpc.name} (auto create subnetworks false) with a subnet called ${sub.name} in ${sub.region} using ${sub.cidr}, an ingress firewall rule called ${fw.name} on it allowing ${H.allow0(fw)} at priority ${fw.prio} and disabled false, an ${vm.mt} VM whose name starts with ${vm.name} in ${vm.zone} on ${sub.name} with startup script ${H.flat(vm)}, and a Pub/Sub topic ending in ${top.name} that retains messages for ${top.retN} seconds. ${G} ${SUB}` });

add({ family: 'network_plus_pubsub', opt: ['bkt'], rules: { vpc: 'X', sub: 'S', fw: 'X', vm: 'X', top: 'S', bkt: 'X' },
  style: ['shared-qualifier', 'respectively', 'value-before-cue', 'cross-reference', 'script-command'],
  render: ({ vpc, sub, fw, vm, top, bkt, G, SUB }) => ({
    text: `GCP sandbox request. Suffix naming for the VPC, the firewall and the VM, which end with ${vpc.name}, ${fw.name} and ${vm.name} respectively. The subnet starts with ${sub.name}, sits in ${sub.region} on ${sub.cidr} and belongs to the VPC, which has auto create subnetworks set to false. The firewall is ingress on that VPC with ${H.allow2(fw)}, priority ${fw.prio}, disabled false. ${vm.zone} and ${vm.mt} for the VM, attached to the subnet, startup via ${H.cmd1(vm)}. ${top.name} is the prefix for the Pub/Sub topic, retention ${top.ret}, and ${bkt.name} is the suffix for a ${bkt.sc} bucket in ${bkt.loc}. ${SUB} ${G}`,
    shared: [{ rule: 'ends_with', phrase: 'Suffix naming for the VPC, the firewall and the VM', tokens: [vpc.name, fw.name, vm.name] }] }) });

add({ family: 'network_plus_pubsub', opt: ['bkt', 'obj'], rules: { vpc: 'S', sub: 'X', fw: 'S', vm: 'E', top: 'E', bkt: 'S' },
  style: ['synonyms', 'parenthetical', 'ticket', 'content-type-omitted', 'script-literal-escaped'],
  render: ({ vpc, sub, fw, vm, top, bkt, obj, G, SUB }) =>
    `Google Cloud platform setup (internal). Custom-mode VPC whose name begins with ${vpc.name} and auto create subnetworks false; regional subnetwork whose name ends with ${sub.name} in ${sub.region}, range ${sub.cidr}, on that VPC; ingress firewall whose name begins with ${fw.name} (${H.allow0(fw)}, priority ${fw.prio}, disabled false) on the VPC; Compute Engine instance named ${vm.name} (${vm.mt}, ${vm.zone}) on the subnetwork with startup script ${H.esc(vm)}; Pub/Sub topic named ${top.name} with ${top.ret} retention; storage bucket whose name begins with ${bkt.name} (${bkt.loc}, ${bkt.sc}) holding object ${obj.name} with content ${obj.content}. ${SUB} ${G}` });

add({ family: 'network_plus_pubsub', opt: ['obj'], rules: { vpc: 'X', sub: 'E', fw: 'S', vm: 'S', top: 'S', bkt: 'X' },
  style: ['operator-voice', 'run-on', 'negation', 'bool-words', 'content-type-omitted', 'script-shebang-stripped'],
  render: ({ vpc, sub, fw, vm, top, bkt, obj, G, SUB }) =>
    `can you do this in gcp for us, a vpc ending with ${vpc.name} and auto subnetworks off, a subnet ${sub.name} in it in ${sub.region} with ${sub.cidr}, a firewall starting with ${fw.name} that allows ingress ${H.allow3(fw)} at priority ${fw.prio} with disabled: false, a vm starting with ${vm.name} on ${sub.name}, ${vm.mt} in ${vm.zone}, startup script ${H.bang(vm)}, no public ip, a pubsub topic starting with ${top.name} keeping messages ${top.ret}, and a bucket ending with ${bkt.name} in ${bkt.loc} (${bkt.sc}) with a file ${obj.name} that just says ${obj.content}, nothing more. ${G} ${SUB}` });

add({ family: 'network_plus_pubsub', opt: [], rules: { vpc: 'S', sub: 'S', fw: 'X', vm: 'X', top: 'E' },
  style: ['value-before-cue', 'parenthetical', 'ticket', 'script-template-unstated'],
  render: ({ vpc, sub, fw, vm, top, G, SUB }) =>
    `Google Cloud work item. We want a ${vpc.name}-prefixed VPC with auto create subnetworks false and a ${sub.name}-prefixed subnetwork in ${sub.region} (${sub.cidr}) on it. The firewall rule name should end with ${fw.name}; it is ingress, allows ${H.allow1(fw)}, priority ${fw.prio}, disabled false. The VM (name ending with ${vm.name}, ${vm.mt}, ${vm.zone}) sits on that subnetwork and needs ${H.bare0(vm)}. Finally a Pub/Sub topic named ${top.name} with retention ${top.ret}. ${G} ${SUB}` });

// ===== storage_with_pubsub
add({ family: 'storage_with_pubsub', opt: ['ar'], rules: { bkt: 'S', top: 'E', ar: 'S' },
  style: ['operator-voice', 'respectively', 'shared-qualifier', 'value-before-cue'],
  render: ({ bkt, top, ar, G, SUB }) => ({
    text: `we need a bucket and an Artifact Registry repo on Google Cloud whose names start with ${bkt.name} and ${ar.name} respectively, plus a topic named ${top.name}. ${bkt.loc} and ${bkt.sc} for the bucket, ${ar.loc} and ${ar.fmt} for the repo, and ${top.ret} retention for the topic. ${SUB} ${G}`,
    shared: [{ rule: 'starts_with', phrase: 'whose names start with', tokens: [bkt.name, ar.name] }] }) });

add({ family: 'storage_with_pubsub', opt: ['obj'], rules: { bkt: 'X', top: 'S' },
  style: ['operator-voice', 'run-on', 'synonyms', 'duration-seconds'],
  render: ({ bkt, top, obj, G, SUB }) =>
    `For Google Cloud can you make a Cloud Storage bucket in ${bkt.loc} with ${bkt.sc} class ending with ${bkt.name} that contains a text/plain object named ${obj.name} with the content ${obj.content}, and also a Pub/Sub topic starting with ${top.name} which keeps messages for ${top.retN} seconds. ${G} ${SUB}` });

add({ family: 'storage_with_pubsub', opt: ['ar', 'obj'], rules: { bkt: 'S', top: 'X', ar: 'X' },
  style: ['parenthetical', 'shuffled-attributes', 'negation', 'ticket', 'content-type-omitted'],
  render: ({ bkt, top, ar, obj, G, SUB }) =>
    `GCP storage and messaging (nothing else, no compute). Bucket: storage class ${bkt.sc}, name prefix ${bkt.name}, location ${bkt.loc}; put the object ${obj.name} in it with content ${obj.content}. Topic: retention ${top.ret}, name suffix ${top.name}. Registry repository: format ${ar.fmt}, id suffix ${ar.name}, location ${ar.loc}. ${SUB} ${G}` });

add({ family: 'storage_with_pubsub', opt: ['obj'], rules: { bkt: 'X', top: 'X' },
  style: ['shared-qualifier', 'operator-voice', 'synonyms', 'parenthetical', 'content-type-omitted'],
  render: ({ bkt, top, obj, G, SUB }) => ({
    text: `can you set up a Google Cloud bucket and a Pub/Sub feed, with the same rule for both names (they must end with the strings given): the bucket ${bkt.name} in ${bkt.loc}, ${bkt.sc}, and the feed ${top.name} retaining messages for ${top.ret}. The bucket also needs one object, ${obj.name}, with content ${obj.content}. ${G} ${SUB}`,
    shared: [{ rule: 'ends_with', phrase: 'they must end with the strings given', tokens: [bkt.name, top.name] }] }) });

add({ family: 'storage_with_pubsub', opt: ['ar'], rules: { bkt: 'S', top: 'S', ar: 'X' },
  style: ['value-before-cue', 'run-on'],
  render: ({ bkt, top, ar, G, SUB }) =>
    `On Google Cloud ${bkt.loc} is where the bucket goes, with ${bkt.sc} storage and ${bkt.name} as its name prefix; ${top.name} is the prefix of the topic name and ${top.ret} its retention; and the Artifact Registry repository is ${ar.fmt} in ${ar.loc} with an id that ends with ${ar.name}. ${SUB} ${G}` });

// ===== dns_frontend
add({ family: 'dns_frontend', opt: ['obj'], rules: { dns: 'E', bkt: 'S' },
  style: ['operator-voice', 'synonyms', 'dns-no-trailing-dot', 'content-type-omitted', 'parenthetical'],
  render: ({ dns, bkt, obj, G, SUB }) =>
    `we need a Cloud DNS managed zone on Google Cloud named ${dns.name} for ${dns.bare}, and a bucket whose name starts with ${bkt.name} in ${bkt.loc} (${bkt.sc}) with one object called ${obj.name} containing ${obj.content}. ${G} ${SUB}` });

add({ family: 'dns_frontend', opt: ['top'], rules: { dns: 'S', bkt: 'X', top: 'E' },
  style: ['value-before-cue', 'parenthetical', 'synonyms'],
  render: ({ dns, bkt, top, G, SUB }) =>
    `Google Cloud frontend bits. ${dns.dns} is the DNS name of the managed zone, and ${dns.name} is the prefix of the zone's own name. A bucket for static files (${bkt.sc}, ${bkt.loc}) whose name ends with ${bkt.name}, and a Pub/Sub topic named ${top.name} with retention ${top.ret}. ${SUB} ${G}` });

add({ family: 'dns_frontend', opt: ['obj', 'top'], rules: { dns: 'X', bkt: 'S', top: 'X' },
  style: ['operator-voice', 'run-on', 'synonyms', 'parenthetical', 'dns-no-trailing-dot'],
  render: ({ dns, bkt, top, obj, G, SUB }) =>
    `For a GCP static site can you create a managed zone ending in ${dns.name} that serves ${dns.bare}, a storage bucket starting with ${bkt.name} in ${bkt.loc} with ${bkt.sc} class holding an index object named ${obj.name} (text/plain, content ${obj.content}), and a topic ending in ${top.name} with a ${top.ret} retention for change events. ${SUB} ${G}` });

add({ family: 'dns_frontend', opt: ['obj'], rules: { dns: 'E', bkt: 'X' },
  style: ['negation', 'shuffled-attributes', 'parenthetical', 'ticket'],
  render: ({ dns, bkt, obj, G, SUB }) =>
    `Google Cloud DNS plus storage, nothing more (no VMs, no networks). Zone: dns name ${dns.dns}, zone name ${dns.name}. Bucket: ${bkt.loc}, class ${bkt.sc}, name ending with ${bkt.name}. Object in that bucket: content ${obj.content}, name ${obj.name}, type text/plain. ${G} ${SUB}` });

add({ family: 'dns_frontend', opt: ['top'], rules: { dns: 'S', bkt: 'S', top: 'S' },
  style: ['shared-qualifier', 'operator-voice', 'duration-seconds'],
  render: ({ dns, bkt, top, G, SUB }) => ({
    text: `can you set up on Google Cloud a managed DNS zone, a bucket and a Pub/Sub topic, all three names given as prefixes: zone ${dns.name}, bucket ${bkt.name}, topic ${top.name}. The zone answers for ${dns.dns} and the bucket is ${bkt.sc} storage in ${bkt.loc}; the topic keeps messages for ${top.retN} seconds. ${SUB} ${G}`,
    shared: [{ rule: 'starts_with', phrase: 'all three names given as prefixes', tokens: [dns.name, bkt.name, top.name] }] }) });

// ===== dns_network_bridge
add({ family: 'dns_network_bridge', opt: ['fw'], rules: { dns: 'E', vpc: 'S', sub: 'E', vm: 'X', fw: 'E' },
  style: ['operator-voice', 'run-on', 'script-literal-collapsed'],
  render: ({ dns, vpc, sub, vm, fw, G, SUB }) =>
    `we need this in Google Cloud: a DNS managed zone called ${dns.name} with DNS name ${dns.dns}, a VPC whose name starts with ${vpc.name} and has auto create subnetworks false, a subnet called ${sub.name} in ${sub.region} with ${sub.cidr} on that VPC, an ingress firewall called ${fw.name} on the VPC allowing ${H.allow0(fw)} at priority ${fw.prio} with disabled false, and an ${vm.mt} VM ending with ${vm.name} in ${vm.zone} on ${sub.name} whose startup script is ${H.flat(vm)}. ${SUB} ${G}` });

add({ family: 'dns_network_bridge', opt: ['bkt'], rules: { dns: 'X', vpc: 'X', sub: 'S', vm: 'S', bkt: 'X' },
  style: ['shared-qualifier', 'value-before-cue', 'negation', 'script-command'],
  render: ({ dns, vpc, sub, vm, bkt, G, SUB }) => ({
    text: `GCP, no firewall rules this time. Suffix names for the DNS zone, the VPC and the bucket: ${dns.name}, ${vpc.name} and ${bkt.name}. The zone's DNS name is ${dns.dns}; the VPC has auto create subnetworks false; the bucket is ${bkt.sc} in ${bkt.loc}. ${sub.name} is the prefix of the subnet, which is in ${sub.region} with ${sub.cidr} on the VPC, and ${vm.name} is the prefix of the VM, an ${vm.mt} in ${vm.zone} on that subnet running ${H.cmd0(vm)}. ${G} ${SUB}`,
    shared: [{ rule: 'ends_with', phrase: 'Suffix names for the DNS zone, the VPC and the bucket', tokens: [dns.name, vpc.name, bkt.name] }] }) });

add({ family: 'dns_network_bridge', opt: ['fw', 'bkt'], rules: { dns: 'S', vpc: 'E', sub: 'X', vm: 'E', fw: 'S', bkt: 'S' },
  style: ['synonyms', 'parenthetical', 'ticket', 'bool-words', 'dns-no-trailing-dot', 'script-literal-escaped'],
  render: ({ dns, vpc, sub, vm, fw, bkt, G, SUB }) =>
    `Google Cloud setup (sandbox). A managed zone whose name begins with ${dns.name} serving ${dns.bare} and a custom-mode network named ${vpc.name} (auto create subnetworks: no). A subnetwork ending in ${sub.name} on ${vpc.name}, ${sub.region}, ${sub.cidr}. A firewall beginning with ${fw.name} on the network (ingress, ${H.allow2(fw)}, priority ${fw.prio}, disabled: no). A compute instance named ${vm.name}, ${vm.mt}, ${vm.zone}, on the subnetwork, with startup script ${H.esc(vm)} A bucket beginning with ${bkt.name}, ${bkt.loc}, ${bkt.sc}. ${SUB} ${G}` });

add({ family: 'dns_network_bridge', opt: ['fw'], rules: { dns: 'X', vpc: 'S', sub: 'S', vm: 'E', fw: 'X' },
  style: ['operator-voice', 'run-on', 'cross-reference', 'parenthetical', 'script-lines'],
  render: ({ dns, vpc, sub, vm, fw, G, SUB }) =>
    `hi, can you build this on gcp, a vpc starting with ${vpc.name} with auto create subnetworks disabled and a subnet starting with ${sub.name} in ${sub.region} on ${sub.cidr} inside that vpc and a firewall ending with ${fw.name} on the same vpc for ingress ${H.allow1(fw)} at priority ${fw.prio} with disabled false and a vm called ${vm.name} (${vm.mt}, ${vm.zone}) on the subnet from before whose startup script is ${H.lines(vm)} and also a dns managed zone ending with ${dns.name} for ${dns.dns} ${G} ${SUB}` });

add({ family: 'dns_network_bridge', opt: ['bkt'], rules: { dns: 'E', vpc: 'X', sub: 'X', vm: 'S', bkt: 'S' },
  style: ['ticket', 'shuffled-attributes', 'negation', 'script-command'],
  render: ({ dns, vpc, sub, vm, bkt, G, SUB }) =>
    `Google Cloud request. Zone: name ${dns.name}, DNS name ${dns.dns} VPC: name ends with ${vpc.name}, auto create subnetworks false. Subnet: name ends with ${sub.name}, CIDR ${sub.cidr}, region ${sub.region}, on the VPC. VM: name starts with ${vm.name}, zone ${vm.zone}, machine type ${vm.mt}, on the subnet, and its startup script is ${H.cmd1(vm)}. Bucket: name starts with ${bkt.name}, location ${bkt.loc}, storage class ${bkt.sc}. Do not add a firewall or anything else. ${SUB} ${G}` });

// ===== topic_with_subscription
add({ family: 'topic_with_subscription', opt: [], rules: { top: 'E', sbn: 'X' },
  style: ['operator-voice', 'cross-reference', 'duration-seconds', 'bool-words'],
  render: ({ top, sbn, G, SUB }) => ({
    text: `we need a Pub/Sub topic on Google Cloud called ${top.name} that keeps messages for ${top.retN} seconds, and a subscription on that same topic whose name ends with ${sbn.name}, with an ack deadline of ${H.num(sbn.ack)} seconds, retain acked messages ${sbn.retain ? 'yes' : 'no'}, and an expiration TTL of ${sbn.ttlN} seconds. ${SUB} ${G}`,
    tags: sbn.ack <= 20 ? ['number-words'] : [] }) });

add({ family: 'topic_with_subscription', opt: ['bkt'], rules: { top: 'S', sbn: 'E', bkt: 'X' },
  style: ['value-before-cue', 'cross-reference', 'parenthetical'],
  render: ({ top, sbn, bkt, G, SUB }) =>
    `Google Cloud messaging. ${top.ret} is the retention for the topic and ${top.name} is the prefix of its name. ${sbn.name} is the exact name of the subscription on it (ack deadline ${sbn.ack}, expiration ttl ${sbn.ttl}, acked messages retained: ${sbn.retain ? 'true' : 'false'}). Also a bucket in ${bkt.loc} with ${bkt.sc} class whose name ends with ${bkt.name}. ${G} ${SUB}` });

add({ family: 'topic_with_subscription', opt: [], rules: { top: 'S', sbn: 'S' },
  style: ['shared-qualifier', 'synonyms', 'bool-words'],
  render: ({ top, sbn, G, SUB }) => ({
    text: `In GCP we want a Pub/Sub feed and a pull subscription to it, both named by prefix: ${top.name} for the feed and ${sbn.name} for the subscription. Feed retention is ${top.ret}. Subscription: ack deadline ${sbn.ack} seconds, acked messages ${sbn.retain ? 'retained (enabled)' : 'not retained (disabled)'}, expiration policy ttl ${sbn.ttl}. ${SUB} ${G}`,
    shared: [{ rule: 'starts_with', phrase: 'both named by prefix', tokens: [top.name, sbn.name] }] }) });

add({ family: 'topic_with_subscription', opt: ['bkt'], rules: { top: 'X', sbn: 'X', bkt: 'S' },
  style: ['operator-voice', 'run-on', 'cross-reference'],
  render: ({ top, sbn, bkt, G, SUB }) => ({
    text: `can you set up on Google Cloud a topic ending in ${top.name} with ${top.ret} retention and a subscription ending in ${sbn.name} attached to it with a ${H.num(sbn.ack)} second ack deadline, retain acked messages ${sbn.retain ? 'true' : 'false'} and ttl ${sbn.ttl} on its expiration policy, and a bucket starting with ${bkt.name} in ${bkt.loc} with ${bkt.sc} storage. ${G} ${SUB}`,
    tags: sbn.ack <= 20 ? ['number-words'] : [] }) });

add({ family: 'topic_with_subscription', opt: [], rules: { top: 'E', sbn: 'S' },
  style: ['parenthetical', 'negation', 'shuffled-attributes', 'value-before-cue'],
  render: ({ top, sbn, G, SUB }) =>
    `Google Cloud Pub/Sub only, no buckets or compute. Topic ${top.name} (exact name, retention ${top.ret}). Subscription to that topic: ttl ${sbn.ttl} for expiration, acked messages ${sbn.retain ? 'kept (true)' : 'dropped (false)'}, ${sbn.ack} seconds to ack, and its name begins with ${sbn.name}. ${SUB} ${G}` });

// ---------------------------------------------------------------- build one task
function uuid4(rng) {
  const h = rng.hex(32).split('');
  h[12] = '4';
  h[16] = '89ab'[Math.floor(rng.f() * 4)];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function composition(family, opt) {
  const fam = FAMILIES[family];
  const set = new Set(fam.mand);
  const add1 = (k) => { if (set.has(k)) return; set.add(k); for (const d of DEPS[k] || []) add1(d); };
  for (const k of fam.mand) for (const d of DEPS[k] || []) add1(d);
  for (const k of opt) add1(k);
  return set;
}

function topoOrder(rng, keys) {
  const pending = rng.shuffle([...keys]);
  const out = [];
  while (pending.length) {
    const i = pending.findIndex((k) => (DEPS[k] || []).every((d) => !keys.has(d) || out.includes(d)));
    out.push(pending.splice(i, 1)[0]);
  }
  return out;
}

function buildTask(tpl, idx) {
  for (let attempt = 0; ; attempt++) {
    const rng = makeRng(`${SEED}:${idx}:${attempt}`);
    const task_id = uuid4(rng);
    const nonce = rng.hex(16);
    const token = `${task_id.slice(0, 6)}-${nonce.slice(0, 6)}`;
    const keys = composition(tpl.family, tpl.opt);
    const ruleOf = (k) => {
      const rk = k === 'vmn' || k === 'vmb' ? 'vm' : k;
      if (!tpl.rules[rk]) throw new Error(`template ${idx} has no rule for ${rk}`);
      return RULE[tpl.rules[rk]];
    };
    const R = {}; // resource facts
    const region = rng.pick(Object.keys(REGION_TO_ZONES));
    if (keys.has('vpc')) R.vpc = { name: NAMEGEN.rfc1035(rng) };
    if (keys.has('sub')) R.sub = { name: NAMEGEN.rfc1035(rng), region, cidr: `10.${rng.int(10, 200)}.${rng.int(0, 240)}.0/24` };
    if (keys.has('fw')) { const fp = rng.pick(FIREWALL_PROFILES); R.fw = { name: NAMEGEN.rfc1035(rng), prio: fp.priority, proto: fp.protocol, port: fp.port, label: fp.label }; }
    for (const vk of ['vmn', 'vmb']) {
      if (!keys.has(vk)) continue;
      const zone = vk === 'vmn' ? rng.pick(REGION_TO_ZONES[region]) : rng.pick(REGION_TO_ZONES[rng.pick(Object.keys(REGION_TO_ZONES))]);
      const tpl3 = rng.int(0, 2);
      const tok = vk === 'vmn' ? `${token}-net` : token;
      R.vm = { key: vk, name: NAMEGEN.rfc1035(rng), zone, mt: rng.pick(MACHINE_TYPES), tpl: tpl3, token: tok, script: SCRIPT_TEMPLATES[tpl3](tok) };
    }
    if (keys.has('bkt')) { const LOC = rng.pick(BUCKET_LOCATIONS), SC = rng.pick(STORAGE_CLASSES); R.bkt = { name: NAMEGEN.bucket(rng), LOC, SC, loc: LOC.toLowerCase(), sc: SC.toLowerCase() }; }
    if (keys.has('obj')) R.obj = { name: NAMEGEN.object(rng), content: NAMEGEN.text(rng) };
    if (keys.has('ar')) { const FMT = rng.pick(AR_FORMATS); R.ar = { name: NAMEGEN.artifact(rng), loc: rng.pick(AR_LOCATIONS), FMT, fmt: FMT.toLowerCase() }; }
    if (keys.has('top')) { const ret = rng.pick(RETENTIONS); R.top = { name: NAMEGEN.pubsub(rng), ret, retN: Number(ret.slice(0, -1)) }; }
    if (keys.has('sbn')) { const ttl = rng.pick(TTLS); R.sbn = { name: NAMEGEN.pubsub(rng), ack: rng.pick(ACKS), retain: rng.f() < 0.5, ttl, ttlN: Number(ttl.slice(0, -1)) }; }
    if (keys.has('dns')) { const z = NAMEGEN.dns(rng); R.dns = { name: z, dns: `${z}.acore.example.`, bare: `${z}.acore.example` }; }

    // distinct values: no name/content is a substring of another (keeps the corpus unambiguous)
    const strs = [];
    for (const r of Object.values(R)) for (const f of ['name', 'content']) if (r[f]) strs.push(r[f]);
    const clash = strs.some((a, i) => strs.some((b, j) => i !== j && b.includes(a)));
    if (clash) continue;

    // invariants in topological order; rules per spec 3.5
    const invs = [];
    const order = topoOrder(rng, keys);
    for (const k of order) {
      let match, nameField = 'values.name';
      if (k === 'vpc') match = { 'values.name': R.vpc.name, 'values.auto_create_subnetworks': false };
      if (k === 'sub') match = { 'values.name': R.sub.name, 'values.network': R.vpc.name, 'values.region': R.sub.region, 'values.ip_cidr_range': R.sub.cidr };
      if (k === 'fw') {
        match = { 'values.name': R.fw.name, 'values.network': R.vpc.name, 'values.direction': 'INGRESS', 'values.priority': R.fw.prio, 'values.disabled': false, 'values.allow.0.protocol': R.fw.proto };
        if (R.fw.port) match['values.allow.0.ports.0'] = R.fw.port;
      }
      if (k === 'vmn') match = { 'values.name': R.vm.name, 'values.zone': R.vm.zone, 'values.machine_type': R.vm.mt, 'values.network_interface.0.subnetwork': R.sub.name, 'values.metadata_startup_script': R.vm.script };
      if (k === 'vmb') match = { 'values.name': R.vm.name, 'values.zone': R.vm.zone, 'values.machine_type': R.vm.mt, 'values.metadata_startup_script': R.vm.script };
      if (k === 'bkt') match = { 'values.name': R.bkt.name, 'values.location': R.bkt.LOC, 'values.storage_class': R.bkt.SC };
      if (k === 'obj') match = { 'values.name': R.obj.name, 'values.bucket': R.bkt.name, 'values.content_type': 'text/plain', 'values.content': R.obj.content };
      if (k === 'ar') { match = { 'values.repository_id': R.ar.name, 'values.location': R.ar.loc, 'values.format': R.ar.FMT }; nameField = 'values.repository_id'; }
      if (k === 'top') match = { 'values.name': R.top.name, 'values.message_retention_duration': R.top.ret };
      if (k === 'sbn') match = { 'values.name': R.sbn.name, 'values.topic': R.top.name, 'values.ack_deadline_seconds': R.sbn.ack, 'values.retain_acked_messages': R.sbn.retain, 'values.expiration_policy.0.ttl': R.sbn.ttl };
      if (k === 'dns') match = { 'values.name': R.dns.name, 'values.dns_name': R.dns.dns };
      const rule = k === 'obj' ? 'exact_match' : ruleOf(k);
      invs.push({ key: k, inv: { resource_type: KEY_TYPE[k], match, comparison_rule: { [nameField]: rule } } });
    }
    // propagation: any other string field equal to a starts_with/ends_with token inherits the rule
    const flex = new Map();
    for (const { inv } of invs) {
      const nf = 'values.repository_id' in inv.match ? 'values.repository_id' : 'values.name';
      const r = inv.comparison_rule[nf];
      if (r !== 'exact_match') flex.set(inv.match[nf], r);
    }
    for (const { inv } of invs) {
      const nf = 'values.repository_id' in inv.match ? 'values.repository_id' : 'values.name';
      for (const [f, v] of Object.entries(inv.match)) if (f !== nf && typeof v === 'string' && flex.has(v)) inv.comparison_rule[f] = flex.get(v);
    }

    const SUB = rng.pick(SUBMISSIONS);
    const out = tpl.render({ ...R, G: GRANT, SUB, H });
    const rendered = typeof out === 'string' ? { text: out } : out;
    return {
      rec: { task_id, nonce, family: tpl.family, style: [...tpl.style, ...(rendered.tags || [])], prompt: rendered.text, invariants: invs.map((x) => x.inv) },
      meta: { shared: rendered.shared || [], tplIndex: idx },
    };
  }
}

// ---------------------------------------------------------------- self-check (works from the JSON records alone, plus `shared` metadata)
const P_CUE = /\b(starts?|starting|begins?|beginning)\s+with\b|\bprefix(ed|es)?\b|\bleading\b|\bat the (start|front|beginning)\b/i;
const S_CUE = /\b(ends?|ending)\s+(with|in)\b|\bsuffix(ed|es)?\b|\btrailing\b|\bat the end\b/i;
const BOUNDARY = /\.\s|[;,():]|\s(?:and|but|while|plus|then|whereas)\s/gi;
const FORBIDDEN = /\b(readme|prerequisites?|documentation|tutorials?|guides?|walkthroughs?)\b/i;
const STYLE_TAGS = new Set(['operator-voice', 'run-on', 'value-before-cue', 'shuffled-attributes', 'synonyms', 'cross-reference',
  'negation', 'parenthetical', 'respectively', 'shared-qualifier', 'ticket', 'bool-words', 'number-words', 'duration-seconds',
  'dns-no-trailing-dot', 'content-type-omitted', 'script-literal-escaped', 'script-literal-collapsed', 'script-shebang-stripped',
  'script-lines', 'script-command', 'script-template-unstated']);
const SCRIPT_TAGS = ['script-literal-escaped', 'script-literal-collapsed', 'script-shebang-stripped', 'script-lines', 'script-command', 'script-template-unstated'];
const ENUM_UPPER = new Set([...BUCKET_LOCATIONS, ...STORAGE_CLASSES, ...AR_FORMATS, 'INGRESS']);
const NAME_RE = { lo: /^[a-z][a-z0-9]*$/ };
const TYPE_FIELDS = {
  google_compute_network: ['values.name', 'values.auto_create_subnetworks'],
  google_compute_subnetwork: ['values.name', 'values.network', 'values.region', 'values.ip_cidr_range'],
  google_compute_firewall: ['values.name', 'values.network', 'values.direction', 'values.priority', 'values.disabled', 'values.allow.0.protocol', 'values.allow.0.ports.0'],
  google_compute_instance: ['values.name', 'values.zone', 'values.machine_type', 'values.network_interface.0.subnetwork', 'values.metadata_startup_script'],
  google_storage_bucket: ['values.name', 'values.location', 'values.storage_class'],
  google_storage_bucket_object: ['values.name', 'values.bucket', 'values.content_type', 'values.content'],
  google_artifact_registry_repository: ['values.repository_id', 'values.location', 'values.format'],
  google_pubsub_topic: ['values.name', 'values.message_retention_duration'],
  google_pubsub_subscription: ['values.name', 'values.topic', 'values.ack_deadline_seconds', 'values.retain_acked_messages', 'values.expiration_policy.0.ttl'],
  google_dns_managed_zone: ['values.name', 'values.dns_name'],
};
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// occurrences of a value with alnum boundaries on both sides
function occurrences(text, v) {
  const out = [];
  const re = new RegExp(`(?<![a-z0-9])${esc(v.toLowerCase())}(?![a-z0-9])`, 'g');
  let m;
  while ((m = re.exec(text))) out.push([m.index, m.index + m[0].length]);
  return out;
}

function checkTask(rec, meta, fail) {
  const where = `${rec.family} #${meta.tplIndex} ${rec.task_id}`;
  const bad = (msg) => fail(`${where}: ${msg}`);
  const p = rec.prompt;
  const lp = p.toLowerCase();

  // ---- record shape and generator-faithful invariants
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(rec.task_id)) bad('task_id not uuid4');
  if (!/^[0-9a-f]{16}$/.test(rec.nonce)) bad('nonce not 16 hex');
  if (JSON.stringify(Object.keys(rec)) !== JSON.stringify(['task_id', 'nonce', 'family', 'style', 'prompt', 'invariants'])) bad('record keys');
  const fam = FAMILIES[rec.family];
  if (!fam) return bad('unknown family');
  const types = rec.invariants.map((i) => i.resource_type);
  const byType = (t) => rec.invariants.filter((i) => i.resource_type === t);
  if (new Set(types).size !== types.length) bad('duplicate resource types');
  // composition must be one the family can produce
  const keysOf = new Set(rec.invariants.map((i) => {
    const k = Object.keys(KEY_TYPE).find((kk) => KEY_TYPE[kk] === i.resource_type && (i.resource_type !== 'google_compute_instance' || (kk === 'vmn') === ('values.network_interface.0.subnetwork' in i.match)));
    return k;
  }));
  const possible = [];
  const opts = fam.opt;
  for (let mask = 0; mask < 1 << opts.length; mask++) {
    const sel = opts.filter((_, i) => mask & (1 << i));
    if (sel.length < fam.min || sel.length > fam.max) continue;
    possible.push([...composition(rec.family, sel)].sort().join(','));
  }
  if (!possible.includes([...keysOf].sort().join(','))) bad(`composition ${[...keysOf].sort()} not producible by family`);
  // dependency order
  const pos = Object.fromEntries([...rec.invariants.entries()].map(([i, inv]) => [inv.resource_type + ('values.network_interface.0.subnetwork' in inv.match ? '#n' : ''), i]));
  const before = (a, b) => pos[a] === undefined || pos[b] === undefined || pos[a] < pos[b];
  if (!before('google_compute_network', 'google_compute_subnetwork') || !before('google_compute_network', 'google_compute_firewall') ||
      !before('google_compute_subnetwork', 'google_compute_instance#n') || !before('google_storage_bucket', 'google_storage_bucket_object') ||
      !before('google_pubsub_topic', 'google_pubsub_subscription')) bad('invariants not topologically ordered');

  const token = `${rec.task_id.slice(0, 6)}-${rec.nonce.slice(0, 6)}`;
  const flex = new Map(); // token -> rule
  const nameTokens = []; // {value, rule}
  for (const inv of rec.invariants) {
    const fields = TYPE_FIELDS[inv.resource_type];
    if (!fields) { bad(`unexpected type ${inv.resource_type}`); continue; }
    for (const f of Object.keys(inv.match)) if (!fields.includes(f)) bad(`${inv.resource_type}: unexpected field ${f}`);
    // the only basic (network-less) VM is network_without_instance's optional one
    const expectedFields = fields.filter((f) => !(f === 'values.allow.0.ports.0' && inv.match['values.allow.0.protocol'] === 'icmp') &&
      !(f === 'values.network_interface.0.subnetwork' && rec.family === 'network_without_instance'));
    if (JSON.stringify(Object.keys(inv.match)) !== JSON.stringify(expectedFields)) bad(`${inv.resource_type}: field list/order ${Object.keys(inv.match)}`);
    const m = inv.match;
    const nf = inv.resource_type === 'google_artifact_registry_repository' ? 'values.repository_id' : 'values.name';
    const rule = inv.comparison_rule[nf];
    if (!['exact_match', 'starts_with', 'ends_with'].includes(rule)) bad(`${inv.resource_type}: name rule missing`);
    if (['google_storage_bucket', 'google_artifact_registry_repository'].includes(inv.resource_type) && rule === 'exact_match') bad('bucket/repo with exact_match');
    if (inv.resource_type === 'google_storage_bucket_object' && rule !== 'exact_match') bad('object name not exact');
    nameTokens.push({ value: m[nf], rule, type: inv.resource_type });
    if (rule !== 'exact_match') flex.set(m[nf], rule);
    const len = m[nf].length;
    const lenOk = {
      google_compute_network: [6, 18], google_compute_subnetwork: [6, 18], google_compute_firewall: [6, 18], google_compute_instance: [6, 18],
      google_storage_bucket: [10, 20], google_storage_bucket_object: [11, 19], google_artifact_registry_repository: [6, 18],
      google_pubsub_topic: [6, 20], google_pubsub_subscription: [6, 20], google_dns_managed_zone: [6, 14],
    }[inv.resource_type];
    if (!NAME_RE.lo.test(m[nf]) || len < lenOk[0] || len > lenOk[1]) bad(`${inv.resource_type}: bad generated name ${m[nf]}`);
    if (inv.resource_type === 'google_storage_bucket_object' && !m[nf].endsWith('txt')) bad('object name lacks txt');
    if (/^goog/.test(m[nf]) && inv.resource_type.startsWith('google_pubsub')) bad('pubsub name starts with goog');
    switch (inv.resource_type) {
      case 'google_compute_network': if (m['values.auto_create_subnetworks'] !== false) bad('auto_create_subnetworks'); break;
      case 'google_compute_subnetwork': {
        if (!REGION_TO_ZONES[m['values.region']]) bad('region');
        const c = /^10\.(\d+)\.(\d+)\.0\/24$/.exec(m['values.ip_cidr_range']);
        if (!c || +c[1] < 10 || +c[1] > 200 || +c[2] > 240) bad('cidr');
        if (m['values.network'] !== byType('google_compute_network')[0]?.match['values.name']) bad('subnet network ref');
        break;
      }
      case 'google_compute_firewall': {
        const prof = FIREWALL_PROFILES.find((f) => f.priority === m['values.priority']);
        if (!prof || m['values.direction'] !== 'INGRESS' || m['values.disabled'] !== false || m['values.allow.0.protocol'] !== prof.protocol ||
            (m['values.allow.0.ports.0'] ?? null) !== prof.port) bad('firewall profile');
        if (m['values.network'] !== byType('google_compute_network')[0]?.match['values.name']) bad('firewall network ref');
        break;
      }
      case 'google_compute_instance': {
        const net = 'values.network_interface.0.subnetwork' in m;
        const tok = net ? `${token}-net` : token;
        if (!SCRIPT_TEMPLATES.some((f) => f(tok) === m['values.metadata_startup_script'])) bad('startup script not a template with the right token');
        if (!MACHINE_TYPES.includes(m['values.machine_type'])) bad('machine type');
        const zr = Object.keys(REGION_TO_ZONES).find((r) => REGION_TO_ZONES[r].includes(m['values.zone']));
        if (!zr) bad('zone');
        if (net) {
          const s = byType('google_compute_subnetwork')[0];
          if (m['values.network_interface.0.subnetwork'] !== s.match['values.name'] || zr !== s.match['values.region']) bad('vm subnet/zone-region');
        }
        break;
      }
      case 'google_storage_bucket': if (!BUCKET_LOCATIONS.includes(m['values.location']) || !STORAGE_CLASSES.includes(m['values.storage_class'])) bad('bucket enums'); break;
      case 'google_storage_bucket_object':
        if (m['values.content_type'] !== 'text/plain' || !/^[a-z0-9]{12,20}$/.test(m['values.content'])) bad('object fields');
        if (m['values.bucket'] !== byType('google_storage_bucket')[0]?.match['values.name']) bad('object bucket ref');
        break;
      case 'google_artifact_registry_repository': if (!AR_LOCATIONS.includes(m['values.location']) || !AR_FORMATS.includes(m['values.format'])) bad('repo enums'); break;
      case 'google_pubsub_topic': if (!RETENTIONS.includes(m['values.message_retention_duration'])) bad('retention'); break;
      case 'google_pubsub_subscription':
        if (!ACKS.includes(m['values.ack_deadline_seconds']) || typeof m['values.retain_acked_messages'] !== 'boolean' || !TTLS.includes(m['values.expiration_policy.0.ttl'])) bad('subscription fields');
        if (m['values.topic'] !== byType('google_pubsub_topic')[0]?.match['values.name']) bad('subscription topic ref');
        break;
      case 'google_dns_managed_zone': if (m['values.dns_name'] !== `${m['values.name']}.acore.example.`) bad('dns_name'); break;
    }
  }
  // rule propagation, recomputed independently
  for (const inv of rec.invariants) {
    const nf = inv.resource_type === 'google_artifact_registry_repository' ? 'values.repository_id' : 'values.name';
    const expect = { [nf]: inv.comparison_rule[nf] };
    for (const [f, v] of Object.entries(inv.match)) if (f !== nf && typeof v === 'string' && flex.has(v)) expect[f] = flex.get(v);
    if (JSON.stringify(inv.comparison_rule) !== JSON.stringify(expect)) bad(`${inv.resource_type}: comparison_rule ${JSON.stringify(inv.comparison_rule)} != ${JSON.stringify(expect)}`);
  }

  // ---- prompt surface rules (spec 3.6)
  if (!/^[\x20-\x7e]+$/.test(p)) bad('prompt not one-line printable ASCII');
  const words = p.trim().split(/\s+/).length;
  if (words >= 220) bad(`prompt has ${words} words`);
  if (!p.includes(GRANT)) bad('grant sentence missing');
  const subCount = SUBMISSIONS.reduce((n, s) => n + p.split(s).length - 1, 0);
  if (subCount !== 1) bad(`submission sentences: ${subCount}`);
  if (!/\b(gcp|google cloud)\b/i.test(p)) bad('no provider mention');
  if (FORBIDDEN.test(p)) bad('forbidden word');
  if (/[`*]|__|^\s*(#|- |\d+\. )/.test(p)) bad('markdown');
  if (lp.replace('alphacore-validator@', '').includes('validator')) bad('"validator" outside the principal');
  for (const e of ENUM_UPPER) if (p.includes(e) && new RegExp(`\\b${esc(e)}\\b`).test(p)) bad(`uppercase enum ${e} in prompt`);

  // ---- every invariant value present (allowed rewordings)
  const spanVals = new Set(); // strings whose occurrences bound clauses
  const requirePresent = (label, ok) => { if (!ok) bad(`value missing: ${label}`); };
  const boolWindow = (cue, words, radius) => {
    const re = new RegExp(cue.source, 'gi');
    let m;
    while ((m = re.exec(p))) {
      const w = p.slice(Math.max(0, m.index - radius), m.index + m[0].length + radius);
      if (words.test(w)) return true;
    }
    return false;
  };
  const TRUE_W = /\b(true|yes|on|enabled)\b/i, FALSE_W = /\b(false|no|off|disabled)\b/i;
  for (const inv of rec.invariants) {
    for (const [f, v] of Object.entries(inv.match)) {
      const label = `${inv.resource_type}.${f}=${JSON.stringify(v)}`;
      if (f === 'values.metadata_startup_script') {
        const tok = v.match(/'([^']+)'/)[1];
        requirePresent(label, occurrences(lp, tok).length > 0);
        spanVals.add(tok);
        const ti = SCRIPT_TEMPLATES.findIndex((fn) => fn(tok) === v);
        const unstated = rec.style.includes('script-template-unstated');
        const present = SCRIPT_CUES.map((c) => p.includes(c));
        if (unstated) { if (present.some(Boolean)) bad('tagged script-template-unstated but a template cue appears'); }
        else {
          if (!present[ti]) bad(`script template cue "${SCRIPT_CUES[ti]}" missing`);
          if (present.some((x, i) => x && i !== ti)) bad('cue of another script template appears');
        }
        continue;
      }
      if (f === 'values.content_type') continue; // text/plain may be omitted
      if (typeof v === 'boolean') {
        if (f === 'values.auto_create_subnetworks') requirePresent(label, boolWindow(/\bauto/, v ? TRUE_W : FALSE_W, 60));
        else if (f === 'values.disabled') requirePresent(label, boolWindow(/\bdisabled\b/, /\b(false|no|off)\b/i, 30));
        else if (f === 'values.retain_acked_messages') {
          requirePresent(label, boolWindow(/\backed\b/, v ? TRUE_W : FALSE_W, 40));
          if (boolWindow(/\backed\b/, v ? /\b(false|no|disabled|dropped|not)\b/i : /\b(true|yes|enabled|kept)\b/i, 40)) bad(`${label}: opposite polarity near cue`);
        } else bad(`unknown bool ${f}`);
        continue;
      }
      if (typeof v === 'number') {
        const ok = occurrences(lp, String(v)).length > 0 || (v <= 20 && occurrences(lp, NUM_WORDS[v]).length > 0);
        requirePresent(label, ok);
        spanVals.add(String(v));
        continue;
      }
      if (/^\d+s$/.test(v)) { // durations
        const n = v.slice(0, -1);
        requirePresent(label, occurrences(lp, v).length > 0 || new RegExp(`(?<![0-9])${n} seconds?\\b`).test(lp));
        spanVals.add(v); spanVals.add(n);
        continue;
      }
      if (f === 'values.dns_name') {
        requirePresent(label, occurrences(lp, v.slice(0, -1)).length > 0);
        spanVals.add(v.slice(0, -1));
        continue;
      }
      spanVals.add(v.toLowerCase());
    }
  }
  // maximal spans of all values; a value must appear at least once outside a longer value
  const allSpans = [];
  for (const v of spanVals) for (const [a, b] of occurrences(lp, v)) allSpans.push({ a, b, v });
  const maximal = allSpans.filter((s) => !allSpans.some((t) => t !== s && t.a <= s.a && t.b >= s.b && (t.b - t.a) > (s.b - s.a)));
  for (const v of spanVals) {
    if (/^\d+s?$/.test(v)) continue; // ints and durations handled above (may be words / "N seconds")
    if (!maximal.some((s) => s.v === v)) bad(`value missing (or only inside a longer value): ${v}`);
  }

  // ---- naming-rule wording
  const clauseAround = (a, b) => {
    const prevEnd = Math.max(0, ...maximal.filter((s) => s.b <= a).map((s) => s.b));
    const nextStart = Math.min(p.length, ...maximal.filter((s) => s.a >= b).map((s) => s.a));
    let pre = p.slice(Math.max(prevEnd, a - 70), a);
    let post = p.slice(b, Math.min(nextStart, b + 45));
    let m, last = -1;
    const rb = new RegExp(BOUNDARY.source, 'gi');
    while ((m = rb.exec(pre))) last = m.index + m[0].length;
    if (last >= 0) pre = pre.slice(last);
    const fb = new RegExp(BOUNDARY.source, 'i').exec(post);
    if (fb) post = post.slice(0, fb.index);
    return pre + ' # ' + post;
  };
  const sharedFor = new Map();
  for (const sh of meta.shared) {
    const idx = lp.indexOf(sh.phrase.toLowerCase());
    if (idx < 0) { bad(`shared phrase not in prompt: ${sh.phrase}`); continue; }
    const own = sh.rule === 'starts_with' ? P_CUE : S_CUE, other = sh.rule === 'starts_with' ? S_CUE : P_CUE;
    if (!own.test(sh.phrase) || other.test(sh.phrase)) bad(`shared phrase wording does not match ${sh.rule}: ${sh.phrase}`);
    for (const t of sh.tokens) {
      if (flex.get(t) !== sh.rule) bad(`shared phrase lists ${t} but its rule is ${flex.get(t) || 'exact_match'}`);
      const occ = maximal.filter((s) => s.v === t);
      if (!occ.some((s) => Math.abs(s.a - idx) <= 250)) bad(`shared token ${t} not near its phrase`);
      sharedFor.set(t, sh.rule);
    }
  }
  if (rec.style.includes('shared-qualifier') !== meta.shared.length > 0) bad('shared-qualifier tag vs metadata');
  for (const { value, rule, type } of nameTokens) {
    const occ = maximal.filter((s) => s.v === value);
    if (!occ.length) continue; // already reported
    const clauses = occ.map((s) => clauseAround(s.a, s.b));
    if (rule === 'exact_match') {
      clauses.forEach((c) => { if (P_CUE.test(c) || S_CUE.test(c)) bad(`exact name ${value} (${type}) has prefix/suffix wording beside it: "${c}"`); });
      if (sharedFor.has(value)) bad(`exact name ${value} listed in a shared qualifier`);
    } else {
      const own = rule === 'starts_with' ? P_CUE : S_CUE, other = rule === 'starts_with' ? S_CUE : P_CUE;
      if (!clauses.some((c) => own.test(c)) && sharedFor.get(value) !== rule) bad(`${rule} name ${value} (${type}) has no matching wording: ${JSON.stringify(clauses)}`);
      clauses.forEach((c) => { if (other.test(c)) bad(`${rule} name ${value} (${type}) has opposite wording: "${c}"`); });
    }
  }

  // ---- style tags
  if (!rec.style.length) bad('no style tags');
  for (const s of rec.style) if (!STYLE_TAGS.has(s)) bad(`unknown style tag ${s}`);
  const hasVm = types.includes('google_compute_instance');
  const scriptTags = rec.style.filter((s) => SCRIPT_TAGS.includes(s));
  if (hasVm !== (scriptTags.length === 1)) bad(`script tags ${scriptTags} for hasVm=${hasVm}`);
  const vmInv = byType('google_compute_instance')[0];
  if (vmInv) {
    const sc = vmInv.match['values.metadata_startup_script'];
    const tagCheck = {
      'script-literal-escaped': () => p.includes(sc.replace(/\n/g, '\\n')),
      'script-literal-collapsed': () => p.includes(sc.trim().split('\n').join(' ')),
      'script-shebang-stripped': () => p.includes(sc.trim().split('\n').join(' ').slice(1)) && !p.includes('#!/bin/bash'),
      'script-lines': () => p.includes(sc.trim().split('\n').join(', then ')),
      'script-command': () => !p.includes('#!/bin/bash') && !p.includes('!/bin/bash'),
      'script-template-unstated': () => !p.includes('/bin/bash'),
    }[scriptTags[0]];
    if (tagCheck && !tagCheck()) bad(`script rendering does not match tag ${scriptTags[0]}`);
  }
  const tagTests = {
    respectively: () => /\brespectively\b/.test(lp),
    'operator-voice': () => /\b(we need|can you|could you|we want|please)\b/.test(lp),
    negation: () => /\b(no|not|don't|do not|without|nothing|skip)\b/.test(lp),
    parenthetical: () => /\([^)]+\)/.test(p),
    'duration-seconds': () => /\b\d+ seconds\b/.test(lp),
    'dns-no-trailing-dot': () => { const d = byType('google_dns_managed_zone')[0]?.match['values.dns_name']; return d && occurrences(lp, d.slice(0, -1)).some(([, b]) => lp[b] !== '.'); },
    'content-type-omitted': () => types.includes('google_storage_bucket_object') && !lp.includes('text/plain'),
    'number-words': () => NUM_WORDS.slice(2).some((w) => new RegExp(`\\b${w}\\b`).test(lp)),
    'run-on': () => p.split(/\.\s/).some((s) => s.split(/\s+/).length >= 35),
    'cross-reference': () => /\b(that same|the same|from earlier|from before|above|previous|on it|in it|to it|that (vpc|network|subnet|subnetwork|bucket|topic))\b/.test(lp),
  };
  for (const s of rec.style) if (tagTests[s] && !tagTests[s]()) bad(`style tag ${s} not evidenced in prompt`);
}

function selfCheck(lines, metas) {
  const failures = [];
  const fail = (m) => failures.push(m);
  const recs = lines.map((l) => JSON.parse(l));
  if (recs.length !== 60) fail(`expected 60 tasks, got ${recs.length}`);
  const perFam = {};
  for (const r of recs) perFam[r.family] = (perFam[r.family] || 0) + 1;
  for (const f of Object.keys(FAMILIES)) if (perFam[f] !== 5) fail(`family ${f}: ${perFam[f] || 0} tasks`);
  if (new Set(recs.map((r) => r.task_id)).size !== recs.length) fail('duplicate task_id');
  if (new Set(recs.map((r) => r.nonce)).size !== recs.length) fail('duplicate nonce');
  if (new Set(recs.map((r) => r.prompt)).size !== recs.length) fail('duplicate prompt');
  const unstated = recs.filter((r) => r.style.includes('script-template-unstated')).length;
  if (unstated > 4) fail(`${unstated} tasks tagged script-template-unstated (max 4)`);
  recs.forEach((r, i) => checkTask(r, metas[i], fail));
  return { failures, recs, perFam };
}

// ---------------------------------------------------------------- main
const built = T.map((tpl, i) => buildTask(tpl, i));
const lines = built.map((b) => JSON.stringify(b.rec));
const text = lines.join('\n') + '\n';
const checkOnly = process.argv.includes('--check');
if (!checkOnly) fs.writeFileSync(OUT, text);
const onDisk = fs.readFileSync(OUT, 'utf8');
const { failures, recs, perFam } = selfCheck(onDisk.trimEnd().split('\n'), built.map((b) => b.meta));
if (checkOnly && onDisk !== text) failures.push('holdout.jsonl differs from what make.mjs generates (run without --check to rewrite)');
if (failures.length) {
  for (const f of failures) console.error('FAIL', f);
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
const tags = {};
for (const r of recs) for (const s of r.style) tags[s] = (tags[s] || 0) + 1;
const maxWords = Math.max(...recs.map((r) => r.prompt.split(/\s+/).length));
console.log(`ok: ${recs.length} tasks, ${Object.keys(perFam).length} families x 5, longest prompt ${maxWords} words`);
console.log('style tags:', Object.entries(tags).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' '));
