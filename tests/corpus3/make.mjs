#!/usr/bin/env node
// Held-out corpus #3: simulated validator-LLM rewrites of AlphaCore composite tasks.
//
//   node tests/corpus3/make.mjs            -> writes tests/corpus3/holdout.jsonl, verifies it, prints a summary
//   node tests/corpus3/make.mjs --check    -> only verifies the existing holdout.jsonl
//
// Plain Node (>= 18), no dependencies, fully deterministic (seeded PRNG, no Date/Math.random).
// Written blind to the solver's parser and to the earlier corpora. See README.md next to this file.
//
// Pipeline per task (mirrors the validator's pipeline, spec sections 3.1-3.6):
//   1. generator side: family -> templates (+deps) -> topological order -> per-template values ->
//      naming rule on values.name / values.repository_id -> propagation of starts/ends rules to references;
//      plus what the LLM is shown: rule-reference lines in random wording, linkage lines, background, hints.
//   2. "LLM" side: a raw single-author answer written from those inputs with per-task sampled habits.
//   3. upstream post-processing (_to_plain_text, shebang repair, enum downcasing, provider prefix,
//      whitespace collapse) and upstream's acceptance check (_enforce_allowed_content incl. its
//      quirks); a failed check is retried with a reminder, as upstream does.
//   4. an independent verification pass over the written file; any failure -> exit 1.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'holdout.jsonl');
const MASTER_SEED = 'alphacore-corpus3-holdout-v2';
const TASKS_PER_FAMILY = 9;

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
class Rng {
  constructor(seed) {
    const s = xmur3(String(seed));
    this.a = s(); this.b = s(); this.c = s(); this.d = s();
  }
  next() { // sfc32
    let { a, b, c, d } = this;
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b | 0) + d | 0;
    d = d + 1 | 0;
    a = b ^ (b >>> 9);
    b = c + (c << 3) | 0;
    c = (c << 21) | (c >>> 11);
    c = c + t | 0;
    this.a = a; this.b = b; this.c = c; this.d = d;
    return (t >>> 0) / 4294967296;
  }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  chance(p) { return this.next() < p; }
  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(this.next() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a;
  }
  sample(arr, k) { return this.shuffle(arr).slice(0, k); }
  weighted(pairs) { // [[value, weight], ...]
    const tot = pairs.reduce((s, p) => s + p[1], 0);
    let x = this.next() * tot;
    for (const [v, w] of pairs) { if ((x -= w) < 0) return v; }
    return pairs[pairs.length - 1][0];
  }
}

// ---------------------------------------------------------------- value domains (spec 3.3)
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const LD = LOWER + '0123456789';
const HEX = '0123456789abcdef';
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
const VALIDATOR_SAS = [
  ['alphacore-validator@alphacore-478113.iam.gserviceaccount.com', 6],
  ['prod-sn66-service-account@prod-validator-f062.iam.gserviceaccount.com', 2],
  ['alphacore@alphacore-482714.iam.gserviceaccount.com', 2],
];
const BACKGROUNDS = [
  'Internal dev sandbox. Keep it simple and cost-conscious; no extras beyond what is requested.',
  'Small internal setup for a teammate. Prefer minimal surface area and predictable configuration.',
  'Lightweight staging setup. Keep access conservative (least privilege) and avoid optional add-ons.',
  'Quick validation run. Prioritize fast apply/destroy and keep resources minimal.',
];
const SUBMISSION_SENTENCES = [
  'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.',
  'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.',
  'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.',
];
const grantSentence = (sa) => `Grant ${sa} viewer access so they can verify the deployment.`;

// ---------------------------------------------------------------- families (spec 3.2)
const NET = ['vpc_network', 'subnetwork', 'firewall_rule', 'compute_instance_networked'];
const FAMILIES = {
  network_stack: { mandatory: NET, optional: [], min: 0, max: 0 },
  network_without_instance: { mandatory: NET.slice(0, 3), optional: ['compute_instance_basic'], min: 0, max: 1 },
  storage_delivery: { mandatory: ['storage_bucket'], optional: ['artifact_repository', 'pubsub_topic'], min: 1, max: 2 },
  artifact_delivery: { mandatory: ['artifact_repository'], optional: ['storage_bucket', 'pubsub_topic', 'storage_bucket_object'], min: 1, max: 3 },
  bucket_with_object: { mandatory: ['storage_bucket', 'storage_bucket_object'], optional: ['pubsub_topic'], min: 0, max: 1 },
  network_plus_storage: { mandatory: [...NET, 'storage_bucket'], optional: ['storage_bucket_object', 'artifact_repository'], min: 1, max: 2 },
  network_plus_artifacts: { mandatory: [...NET, 'artifact_repository'], optional: ['storage_bucket', 'storage_bucket_object'], min: 1, max: 1 },
  network_plus_pubsub: { mandatory: [...NET, 'pubsub_topic'], optional: ['storage_bucket', 'storage_bucket_object'], min: 0, max: 2 },
  storage_with_pubsub: { mandatory: ['storage_bucket', 'pubsub_topic'], optional: ['artifact_repository', 'storage_bucket_object'], min: 1, max: 2 },
  dns_frontend: { mandatory: ['dns_managed_zone', 'storage_bucket'], optional: ['storage_bucket_object', 'pubsub_topic'], min: 1, max: 2 },
  dns_network_bridge: { mandatory: ['dns_managed_zone', 'vpc_network', 'subnetwork', 'compute_instance_networked'], optional: ['firewall_rule', 'storage_bucket'], min: 1, max: 2 },
  topic_with_subscription: { mandatory: ['pubsub_topic', 'pubsub_subscription'], optional: ['storage_bucket'], min: 0, max: 2 },
};
const REQUIRES = {
  subnetwork: ['vpc_network'],
  firewall_rule: ['vpc_network'],
  compute_instance_networked: ['subnetwork'],
  storage_bucket_object: ['storage_bucket'],
  pubsub_subscription: ['pubsub_topic'],
};
const KIND_LABEL = {
  vpc_network: 'vpc network', subnetwork: 'subnetwork', firewall_rule: 'firewall rule',
  compute_instance_networked: 'networked virtual machine', compute_instance_basic: 'basic virtual machine',
  storage_bucket: 'storage bucket', storage_bucket_object: 'bucket object', artifact_repository: 'artifact registry repo',
  pubsub_topic: 'pubsub topic', pubsub_subscription: 'pubsub subscription', dns_managed_zone: 'dns managed zone',
};
const NAMING_RULES = {
  vpc_network: ['starts_with', 'ends_with', 'exact_match'],
  subnetwork: ['starts_with', 'ends_with', 'exact_match'],
  firewall_rule: ['starts_with', 'ends_with', 'exact_match'],
  compute_instance_networked: ['starts_with', 'ends_with', 'exact_match'],
  compute_instance_basic: ['starts_with', 'ends_with', 'exact_match'],
  storage_bucket: ['starts_with', 'ends_with'],
  storage_bucket_object: ['exact_match'],
  artifact_repository: ['starts_with', 'ends_with'],
  pubsub_topic: ['starts_with', 'ends_with', 'exact_match'],
  pubsub_subscription: ['starts_with', 'ends_with', 'exact_match'],
  dns_managed_zone: ['starts_with', 'ends_with', 'exact_match'],
};
// Design cues that survive hard mode (no digits, no "token"): the templates' base hints.
const BASE_HINTS = {
  vpc_network: 'Use a dedicated VPC instead of default networks.',
  subnetwork: 'Attach the subnetwork to the custom VPC.',
  firewall_rule: 'Restrict ingress on the bespoke VPC.',
  compute_instance_networked: 'Use the dedicated VPC stack before adding the VM.',
  compute_instance_basic: 'Provision exactly one Compute Engine VM.',
  storage_bucket: 'Keep bucket configs minimal yet explicit.',
  storage_bucket_object: 'Deliver at least one concrete file inside the bucket.',
  artifact_repository: 'Keep the repository minimal; ensure the package format matches the request.',
  pubsub_topic: 'Keep the topic isolated with explicit retention.',
  pubsub_subscription: 'Keep the subscription minimal with short ack deadline.',
  dns_managed_zone: 'Use Cloud DNS with a dedicated zone name.',
};

// ---------------------------------------------------------------- name generators (spec 3.3)
function rname(r, min, max) {
  const n = r.int(min, max);
  let s = r.pick(LOWER);
  for (let i = 1; i < n; i++) s += r.pick(LD);
  return s;
}
function topicLikeName(r) {
  let s = rname(r, 6, 20);
  if (s.startsWith('goog')) s = r.pick(LOWER.replace('g', '')) + s.slice(1);
  return s;
}
function hexStr(r, n) { let s = ''; for (let i = 0; i < n; i++) s += r.pick(HEX); return s; }
function uuid4(r) {
  const h = hexStr(r, 32).split('');
  h[12] = '4';
  h[16] = r.pick('89ab');
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

// ---------------------------------------------------------------- task generation (spec 3.1, 3.3, 3.5)
function selectTemplates(r, familyName) {
  const fam = FAMILIES[familyName];
  const sel = fam.mandatory.slice();
  const ceiling = Math.min(fam.max, fam.optional.length);
  const floor = Math.min(fam.min, ceiling);
  const count = ceiling > 0 ? r.int(floor, ceiling) : 0;
  if (count > 0) sel.push(...r.sample(fam.optional, count));
  const selected = [];
  const add = (k) => {
    if (selected.includes(k)) return;
    for (const dep of REQUIRES[k] || []) add(dep);
    selected.push(k);
  };
  sel.forEach(add);
  return selected;
}
function topoOrder(r, selected) {
  // Kahn's algorithm; upstream iterates Python sets (hash-randomised), so root order is effectively random.
  const indeg = Object.fromEntries(selected.map((k) => [k, (REQUIRES[k] || []).filter((d) => selected.includes(d)).length]));
  const children = Object.fromEntries(selected.map((k) => [k, selected.filter((c) => (REQUIRES[c] || []).includes(k))]));
  const ready = r.shuffle(selected.filter((k) => indeg[k] === 0));
  const order = [];
  while (ready.length) {
    const k = ready.shift();
    order.push(k);
    for (const c of r.shuffle(children[k])) { if (--indeg[c] === 0) ready.push(c); }
  }
  return order;
}

function buildTask(index, familyName) {
  const base = new Rng(`${MASTER_SEED}:task:${index}`);
  const task_id = uuid4(base);
  const nonce = hexStr(base, 16);
  const sel = new Rng(`${task_id}:${nonce}`);
  const selected = selectTemplates(sel, familyName);
  const order = topoOrder(sel, selected);
  const token = `${task_id.slice(0, 6)}-${nonce.slice(0, 6)}`;
  const res = {}; // writer-side view
  const invariants = [];
  const flexByToken = {};
  for (const key of order) {
    const r = new Rng(`${task_id}:${nonce}:${key}`);
    let inv;
    switch (key) {
      case 'vpc_network': {
        const name = rname(r, 6, 18);
        res.vpc = { key, name };
        inv = { resource_type: 'google_compute_network', match: { 'values.name': name, 'values.auto_create_subnetworks': false } };
        break;
      }
      case 'subnetwork': {
        const name = rname(r, 6, 18);
        const region = r.pick(Object.keys(REGION_TO_ZONES));
        const zone = r.pick(REGION_TO_ZONES[region]);
        const cidr = `10.${r.int(10, 200)}.${r.int(0, 240)}.0/24`;
        res.subnet = { key, name, network: res.vpc.name, region, zone, cidr };
        inv = { resource_type: 'google_compute_subnetwork', match: { 'values.name': name, 'values.network': res.vpc.name, 'values.region': region, 'values.ip_cidr_range': cidr } };
        break;
      }
      case 'firewall_rule': {
        const p = r.pick(FIREWALL_PROFILES);
        const name = rname(r, 6, 18);
        res.fw = { key, name, network: res.vpc.name, profile: p };
        const m = { 'values.name': name, 'values.network': res.vpc.name, 'values.direction': p.direction, 'values.priority': p.priority, 'values.disabled': false, 'values.allow.0.protocol': p.protocol };
        if (p.port) m['values.allow.0.ports.0'] = p.port;
        inv = { resource_type: 'google_compute_firewall', match: m };
        break;
      }
      case 'compute_instance_networked': {
        const name = rname(r, 6, 18);
        const mt = r.pick(MACHINE_TYPES);
        const tok = `${token}-net`;
        const tmpl = r.int(0, 2);
        const script = SCRIPT_TEMPLATES[tmpl](tok);
        res.vm = { key, name, zone: res.subnet.zone, machine: mt, subnet: res.subnet.name, token: tok, tmpl, script };
        inv = { resource_type: 'google_compute_instance', match: { 'values.name': name, 'values.zone': res.subnet.zone, 'values.machine_type': mt, 'values.network_interface.0.subnetwork': res.subnet.name, 'values.metadata_startup_script': script } };
        break;
      }
      case 'compute_instance_basic': {
        const name = rname(r, 6, 18);
        const region = r.pick(Object.keys(REGION_TO_ZONES));
        const zone = r.pick(REGION_TO_ZONES[region]);
        const mt = r.pick(MACHINE_TYPES);
        const tmpl = r.int(0, 2);
        const script = SCRIPT_TEMPLATES[tmpl](token);
        res.vmb = { key, name, zone, machine: mt, token, tmpl, script };
        inv = { resource_type: 'google_compute_instance', match: { 'values.name': name, 'values.zone': zone, 'values.machine_type': mt, 'values.metadata_startup_script': script } };
        break;
      }
      case 'storage_bucket': {
        const name = rname(r, 10, 20);
        const location = r.pick(BUCKET_LOCATIONS);
        const cls = r.pick(STORAGE_CLASSES);
        res.bucket = { key, name, location, cls };
        inv = { resource_type: 'google_storage_bucket', match: { 'values.name': name, 'values.location': location, 'values.storage_class': cls } };
        break;
      }
      case 'storage_bucket_object': {
        const name = rname(r, 8, 16) + 'txt';
        let content = '';
        const n = r.int(12, 20);
        for (let i = 0; i < n; i++) content += r.pick(LD);
        res.object = { key, name, bucket: res.bucket.name, content };
        inv = { resource_type: 'google_storage_bucket_object', match: { 'values.name': name, 'values.bucket': res.bucket.name, 'values.content_type': 'text/plain', 'values.content': content } };
        break;
      }
      case 'artifact_repository': {
        const id = rname(r, 6, 18);
        const location = r.pick(AR_LOCATIONS);
        const format = r.pick(AR_FORMATS);
        res.repo = { key, name: id, location, format };
        inv = { resource_type: 'google_artifact_registry_repository', match: { 'values.repository_id': id, 'values.location': location, 'values.format': format } };
        break;
      }
      case 'pubsub_topic': {
        const name = topicLikeName(r);
        const retention = r.pick(RETENTIONS);
        res.topic = { key, name, retention };
        inv = { resource_type: 'google_pubsub_topic', match: { 'values.name': name, 'values.message_retention_duration': retention } };
        break;
      }
      case 'pubsub_subscription': {
        const name = topicLikeName(r);
        const ack = r.pick(ACKS);
        const ttl = r.pick(TTLS);
        const retain = r.chance(0.5);
        res.subscr = { key, name, topic: res.topic.name, ack, retain, ttl };
        inv = { resource_type: 'google_pubsub_subscription', match: { 'values.name': name, 'values.topic': res.topic.name, 'values.ack_deadline_seconds': ack, 'values.retain_acked_messages': retain, 'values.expiration_policy.0.ttl': ttl } };
        break;
      }
      case 'dns_managed_zone': {
        const name = rname(r, 6, 14);
        res.dns = { key, name, dnsName: `${name}.acore.example.` };
        inv = { resource_type: 'google_dns_managed_zone', match: { 'values.name': name, 'values.dns_name': `${name}.acore.example.` } };
        break;
      }
      default: throw new Error(`unknown template ${key}`);
    }
    // naming rule: first present of values.name / values.repository_id, drawn from the same template rng
    inv.comparison_rule = {};
    for (const f of ['values.name', 'values.repository_id']) {
      if (f in inv.match) {
        const rule = r.pick(NAMING_RULES[key]);
        inv.comparison_rule[f] = rule;
        if (rule !== 'exact_match') flexByToken[inv.match[f]] = rule;
        const rk = Object.keys(res).find((k) => res[k].key === key);
        res[rk].rule = rule;
        break;
      }
    }
    invariants.push({ resource_type: inv.resource_type, match: inv.match, comparison_rule: inv.comparison_rule });
  }
  // propagation of flexible rules onto reference fields (spec 3.5)
  for (const inv of invariants) {
    for (const [p, v] of Object.entries(inv.match)) {
      if (p in inv.comparison_rule || typeof v !== 'string') continue;
      if (flexByToken[v]) inv.comparison_rule[p] = flexByToken[v];
    }
  }
  const sa = base.weighted(VALIDATOR_SAS);
  const background = base.pick(BACKGROUNDS);
  const submission = base.pick(SUBMISSION_SENTENCES);
  return { index, task_id, nonce, family: familyName, order, res, invariants, sa, background, submission, kind: order.map((k) => KIND_LABEL[k]).join(' + ') };
}

function nameTokens(task) {
  return Object.values(task.res).map((x) => x.name);
}
function tokensCollide(task) {
  const toks = nameTokens(task);
  for (let i = 0; i < toks.length; i++) for (let j = 0; j < toks.length; j++) {
    if (i !== j && toks[j].includes(toks[i])) return true;
  }
  return false;
}

// ---------------------------------------------------------------- what the LLM is shown (spec 3.6)
const humanType = (t) => t.replace(/^google_/, '').replace(/_/g, ' ');
function humanField(p) {
  const parts = p.split('.');
  let s = parts[parts.length - 1];
  if (/^\d+$/.test(s) && parts.length >= 2) s = parts[parts.length - 2];
  return s.replace(/_/g, ' ');
}
const ruleValueText = (v) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));
function ruleClause(r, inv, field, value) {
  const res = humanType(inv.resource_type), f = humanField(field), V = ruleValueText(value);
  const op = inv.comparison_rule[field] || 'exact_match';
  const shape = r.int(0, 2);
  let text;
  if (op === 'starts_with') text = [`${res} ${f} starts with ${V}`, `Make ${res} ${f} start with ${V}`, `Use a ${res} where ${f} starts with ${V}`][shape];
  else if (op === 'ends_with') text = [`${res} ${f} ends with ${V}`, `Make ${res} ${f} end with ${V}`, `Use a ${res} where ${f} ends with ${V}`][shape];
  else text = [`${res} ${f} equals ${V}`, `Set ${res} ${f} to ${V}`, `Use ${V} for ${res} ${f}`][shape];
  return { text, shape, op };
}
function generatorInputs(task) {
  const r = new Rng(`${task.task_id}:rule-references`);
  const lines = [];
  const shapes = []; // per invariant: { field: {shape, op} }
  const usage = new Map();
  for (const inv of task.invariants) {
    const per = {};
    for (const [f, v] of Object.entries(inv.match)) {
      const c = ruleClause(r, inv, f, v);
      per[f] = c;
      lines.push(c.text);
      const key = `${typeof v}:${String(v)}`;
      if (!usage.has(key)) usage.set(key, { v, clauses: [] });
      usage.get(key).clauses.push(c.text);
    }
    shapes.push(per);
  }
  const linkT = [
    (t, c) => `Shared token ${t} must be reused across: ${c}.`,
    (t, c) => `Use the same identifier ${t} for all of: ${c}.`,
    (t, c) => `Ensure these fields reference the identical token ${t}: ${c}.`,
    (t, c) => `Tie these together with ${t}: ${c}.`,
    (t, c) => `Keep ${t} consistent for: ${c}.`,
  ];
  const linkage = [];
  for (const { v, clauses } of usage.values()) {
    if (clauses.length < 2) continue;
    const l = r.pick(linkT)(ruleValueText(v), clauses.join(', '));
    linkage.push(l);
    lines.push(l);
  }
  const hints = task.order.map((k) => BASE_HINTS[k]);
  return {
    provider: 'Google Cloud',
    background: task.background,
    resource_kind: task.kind,
    resource_requirements: 'Use the rule references below to infer the concrete requirements.',
    submission_details: task.submission,
    rule_references: r.shuffle(lines),
    linkage,
    verification_principal: task.sa,
    design_cues: hints,
    shapes,
  };
}

// ---------------------------------------------------------------- the simulated LLM rewrite
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const lowFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const article = (w) => (/^(?:[aeiou]|e2-|8|11|18|http)/i.test(w) ? 'an' : 'a');
const withArticle = (w) => `${article(w)} ${w}`;
const NUM_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const KEY_OF = { vpc_network: 'vpc', subnetwork: 'subnet', firewall_rule: 'fw', compute_instance_networked: 'vm', compute_instance_basic: 'vmb',
  storage_bucket: 'bucket', storage_bucket_object: 'object', artifact_repository: 'repo', pubsub_topic: 'topic', pubsub_subscription: 'subscr',
  dns_managed_zone: 'dns' };
const CUES = {
  vpc: ['Use a dedicated VPC instead of the default network.', 'Keep this off the default network.', 'Use a dedicated VPC rather than default networking.'],
  subnet: ['Attach the subnetwork to the custom VPC.'],
  fw: ['Restrict ingress on the bespoke VPC.', 'Keep ingress restricted on the custom VPC.'],
  vm: ['Build the VPC stack before adding the VM.', 'The VM comes after the network stack.'],
  vmb: ['Provision exactly one Compute Engine VM.', 'Only one VM is needed.'],
  bucket: ['Keep the bucket config minimal but explicit.', 'Keep bucket settings minimal yet explicit.'],
  object: ['The bucket needs at least one concrete file in it.', 'Deliver at least one concrete file inside the bucket.'],
  repo: ['Keep the repository minimal and make sure the package format matches.'],
  topic: ['Keep the topic isolated with explicit retention.'],
  subscr: ['Keep the subscription minimal with a short ack deadline.'],
  dns: ['Use Cloud DNS with a dedicated zone name.'],
};
const OPENERS = [
  ['Internal dev sandbox{P}: keep it simple and cost-conscious, nothing beyond what is listed.',
    'This is for an internal dev sandbox{P}, so keep it simple and cheap with no extras.',
    'Setting up an internal dev sandbox{P}; keep it lean and cost-conscious.',
    'Need a small dev sandbox{P} {D} keep it simple, no extras beyond the request.'],
  ['Small internal setup for a teammate{P}; keep the surface area minimal and the configuration predictable.',
    'A teammate needs a small internal environment{P}. Keep it minimal and predictable.',
    'Quick setup for a teammate{P} with minimal surface area and predictable config.',
    'Putting together a small internal setup for a teammate{P} {D} minimal surface area, predictable configuration.'],
  ['Lightweight staging setup{P}; keep access least-privilege and skip optional add-ons.',
    'We need a lightweight staging environment{P} with conservative access and no optional add-ons.',
    'Staging work{P}: keep it lightweight, least privilege, no add-ons.',
    'Lightweight staging setup{P} {D} conservative access and nothing optional.'],
  ['Quick validation run{P}, so keep resources minimal and easy to apply and destroy.',
    'This is a quick validation run{P}; prioritize fast apply/destroy and keep the footprint small.',
    'Short-lived validation run{P}: minimal resources, fast apply and destroy.',
    'Quick validation run{P} {D} keep it minimal so apply and destroy stay fast.'],
];
const PROVIDER_IN_OPENER = [' in Google Cloud', ' on GCP', ' in our GCP project', ' on Google Cloud', ' in Google Cloud Platform', ' in a Google Cloud project'];
const PROVIDER_BODY_PREFIX = ['In our Google Cloud project, ', 'On GCP, ', 'In Google Cloud, ', 'Using Google Cloud, '];
const CLOSERS = ['Nothing else is needed.', 'No other resources are needed.', 'Leave everything else at provider defaults.',
  "Don't add anything beyond this.", 'No extras beyond these resources.'];
const NO_CLOSERS = ['No other resources are needed.', 'No extras beyond these resources.', 'Nothing else, no add-ons.'];

function makeHabits(r, rem) {
  const h = {
    quote: r.weighted([['none', 7], ['single', 2], ['double', 1]]),
    bool: r.weighted([['literal', 3], ['words', 3], ['paren', 2], ['implicit', 1]]),
    structure: r.weighted([['narrative', 28], ['merged', 16], ['rule-close', 14], ['outcome-first', 11], ['shuffled', 11], ['long-sentence', 12], ['bullets', 5]]),
    ruleFrac: 0.55 + 0.45 * r.next(),
    script: rem.scriptStyle || r.weighted([['escaped', 22], ['inline-newlines', 13], ['block', 14], ['oneline', 16], ['described', 13], ['lossy', 6], ['semicolons', 5], ['codefence', 4], ['backticks', 5]]),
    backrefToken: r.next(),
    linkage: r.chance(0.45),
    spurious: r.chance(0.3),
    cues: r.chance(0.35),
    dur: r.weighted([['raw', 5], ['seconds', 3], ['dash', 1], ['paren', 2]]),
    upperProto: r.chance(0.3),
    ct: r.weighted([['exact', 4], ['plain', 2], ['omit', 3]]),
    fwDisabled: r.weighted([['say', 3], ['omit', 1]]),
    dnsDot: r.weighted([['keep', 4], ['drop', 2]]),
    opener: r.weighted([['verbatim', 2], ['paraphrase', 6], ['none', 2]]),
    provider: r.weighted([['opener', 6], ['body', 2], ['none', 2]]),
    grantPos: r.weighted([['before-submit', 6], ['after-submit', 2], ['early', 1], ['middle', 1]]),
    closer: r.chance(0.25),
    nonascii: r.chance(0.15),
    markdown: r.chance(0.05),
    paragraphs: r.chance(0.3),
    seqWords: r.chance(0.55),
    ackWords: r.chance(0.25),
    numbered: r.chance(0.35),
  };
  const c = rem.compact || 0;
  if (c >= 1) { h.cues = false; h.linkage = false; h.closer = false; h.spurious = false; if (h.opener === 'verbatim') h.opener = 'paraphrase'; }
  if (c >= 2) { h.opener = 'none'; if (h.structure === 'rule-close' || h.structure === 'bullets') h.structure = r.pick(['narrative', 'long-sentence', 'merged']); h.ruleFrac = 0.4; }
  if (c >= 3) { h.fwDisabled = 'omit'; h.ct = 'omit'; h.structure = 'long-sentence'; }
  if (rem.needFalse && (h.bool === 'implicit' || h.bool === 'words')) h.bool = 'literal';
  if (rem.needTrue && h.bool === 'implicit') h.bool = 'paren';
  return h;
}

class Writer {
  constructor(task, inputs, attempt, rem) {
    this.t = task; this.R = task.res; this.in = inputs; this.rem = rem;
    this.r = new Rng(`${task.task_id}:${task.nonce}:llm:${attempt}`);
    this.h = makeHabits(this.r, rem);
    this.mentioned = new Set();
    this.tags = new Set();
    this.firstBody = true;
  }
  tag(t) { this.tags.add(t); }
  Q(tok) { const q = this.h.quote; return q === 'single' ? `'${tok}'` : q === 'double' ? `"${tok}"` : tok; }
  join(items) {
    if (items.length <= 1) return items.join('');
    if (items.length === 2) return `${items[0]} and ${items[1]}`;
    return items.slice(0, -1).join(', ') + (this.r.chance(0.6) ? ', and ' : ' and ') + items[items.length - 1];
  }
  // ------------------------------------------------ names
  fieldLabel(k) { return k === 'repo' ? this.r.pick(['repository ID', 'repository ID', 'repository id', 'name']) : 'name'; }
  nameFrag(k) {
    const x = this.R[k], T = this.Q(x.name), r = this.r, f = this.fieldLabel(k);
    if (x.rule === 'exact_match' || k === 'object') {
      return r.pick([`named ${T}`, `named ${T}`, `called ${T}`, `with the ${f} ${T}`, `whose ${f} is ${T}`, `named exactly ${T}`]);
    }
    if (x.rule === 'starts_with') {
      return r.pick([`whose ${f} starts with ${T}`, `with ${withArticle(f)} starting with ${T}`, `whose ${f} begins with ${T}`,
        `with ${withArticle(f)} that starts with ${T}`, `prefixed with ${T}`, `using ${T} as the ${f} prefix`, `whose ${f} has the prefix ${T}`,
        `with ${withArticle(f)} beginning with ${T}`, `named so it starts with ${T}`, `named with the prefix ${T}`, `with ${withArticle(f)} prefix of ${T}`]);
    }
    return r.pick([`whose ${f} ends with ${T}`, `with ${withArticle(f)} ending in ${T}`, `with ${withArticle(f)} ending with ${T}`,
      `whose ${f} is suffixed with ${T}`, `suffixed with ${T}`, `using ${T} as the ${f} suffix`, `whose ${f} has the suffix ${T}`,
      `with ${withArticle(f)} that ends in ${T}`, `named so that it ends with ${T}`, `named with the suffix ${T}`, `with ${withArticle(f)} suffix of ${T}`]);
  }
  noun(k) {
    const r = this.r;
    return {
      vpc: () => r.pick(['VPC', 'VPC network', 'custom VPC', 'custom VPC network', 'network']),
      subnet: () => r.pick(['subnetwork', 'subnet', 'regional subnetwork']),
      fw: () => r.pick(['firewall rule', 'firewall rule', 'firewall']),
      vm: () => r.pick(['VM', 'VM', 'Compute Engine instance', 'instance', 'virtual machine', 'Compute Engine VM']),
      vmb: () => r.pick(['VM', 'standalone VM', 'Compute Engine instance', 'virtual machine', 'Compute Engine VM']),
      bucket: () => r.pick(['bucket', 'Cloud Storage bucket', 'storage bucket', 'GCS bucket']),
      object: () => r.pick(['object', 'text object', 'file', 'bucket object']),
      repo: () => r.pick(['Artifact Registry repository', 'Artifact Registry repo', 'repository']),
      topic: () => r.pick(['Pub/Sub topic', 'topic', 'Pub/Sub topic']),
      subscr: () => r.pick(['subscription', 'Pub/Sub subscription', 'pull subscription']),
      dns: () => r.pick(['Cloud DNS managed zone', 'managed zone', 'DNS managed zone', 'Cloud DNS zone']),
    }[k]();
  }
  shortNoun(k) {
    const r = this.r;
    return { vpc: r.pick(['VPC', 'network', 'VPC']), subnet: r.pick(['subnetwork', 'subnet']), bucket: 'bucket', topic: 'topic' }[k];
  }
  ref(k) {
    const x = this.R[k], n = this.shortNoun(k), r = this.r;
    if (!this.mentioned.has(k)) { this.mentioned.add(k); this.tag('forward-ref'); return `the ${n} ${this.nameFrag(k)}`; }
    const p = r.next();
    if (p < this.h.backrefToken * 0.45) {
      if (x.rule !== 'exact_match') this.tag('backref-qualified');
      return `the ${n} ${this.nameFrag(k)}`;
    }
    if (p < this.h.backrefToken) {
      if (x.rule !== 'exact_match') this.tag('backref-plain');
      return r.pick([`the ${this.Q(x.name)} ${n}`, `${n} ${this.Q(x.name)}`]);
    }
    return r.pick([`that ${n}`, `the same ${n}`, `the ${n}`, `that ${n}`]);
  }
  head(k, adj) {
    if (this.mentioned.has(k)) {
      const n = this.shortNoun(k) || this.noun(k);
      return this.r.pick([`that ${n}`, `the ${n}`, `the ${n} itself`]);
    }
    this.mentioned.add(k);
    const n = adj ? `${adj} ${this.noun(k)}` : this.noun(k);
    return `${withArticle(n)} ${this.nameFrag(k)}`;
  }
  // ------------------------------------------------ values
  falseWordy() { return this.h.bool === 'literal' || this.h.bool === 'paren' || this.rem.needFalse; }
  autoPhrase() {
    const r = this.r, b = this.rem.needFalse ? r.pick(['literal', 'paren']) : this.h.bool;
    this.tag(`bool:${b}`);
    return r.pick({
      literal: ['with auto create subnetworks set to false', 'with auto_create_subnetworks set to false', 'with auto-create subnetworks false',
        'with automatic subnetwork creation set to false'],
      words: ['with automatic subnet creation disabled', 'with auto subnet creation turned off', 'with auto-create subnetworks off',
        'in custom mode, auto-created subnetworks disabled'],
      paren: ['in custom subnet mode (auto create subnetworks: false)', 'with no automatic subnets (auto-create subnetworks = false)',
        'with auto-create subnetworks disabled (false)'],
      implicit: ['in custom mode with no auto-created subnets', 'without any auto-created subnetworks', 'in custom subnet mode'],
    }[b]);
  }
  fwDisabledPhrase() {
    if (this.h.fwDisabled === 'omit' && !this.rem.needFalse) { this.tag('fw-disabled-omitted'); return null; }
    const b = this.rem.needFalse ? 'literal' : this.h.bool;
    return this.r.pick({
      literal: ['with disabled set to false', 'not disabled (disabled = false)', 'with disabled: false'],
      words: ['left enabled', 'kept enabled', 'active, not disabled'],
      paren: ['enabled (disabled false)', 'with the rule enabled (disabled = false)'],
      implicit: ['left enabled', 'active'],
    }[b]);
  }
  retainPhrase(v) {
    let b = this.h.bool;
    if (!v && this.rem.needFalse) b = 'literal';
    if (v && this.rem.needTrue) b = 'literal';
    this.tag(`retain:${b}`);
    const T = {
      literal: ['with retain acked messages set to true', 'with retain_acked_messages true', 'retaining acknowledged messages (retain acked messages = true)'],
      words: ['with acknowledged-message retention enabled', 'with retain acked messages enabled', 'with acked message retention on'],
      paren: ['retaining acked messages (true)', 'keeping acknowledged messages (true)'],
      implicit: ['retaining acknowledged messages', 'keeping acked messages around'],
    };
    const F = {
      literal: ['with retain acked messages set to false', 'with retain_acked_messages false', 'not retaining acknowledged messages (retain acked messages = false)'],
      words: ['with acked-message retention disabled', 'with retention of acknowledged messages turned off', 'with retain acked messages off'],
      paren: ['discarding acked messages (false)', 'not retaining acknowledged messages (false)'],
      implicit: ['discarding acknowledged messages', 'without retaining acked messages'],
    };
    return this.r.pick((v ? T : F)[b]);
  }
  dur(v, kind) { // v like '600s'
    const n = parseInt(v, 10), r = this.r, style = this.h.dur;
    this.tag(`duration:${style}`);
    if (style === 'seconds') return { text: `${n} seconds`, adj: false };
    if (style === 'dash') return { text: `${n}-second`, adj: true };
    if (style === 'paren') {
      if (kind === 'ttl') { const d = n / 86400; return { text: `${v} (${r.pick([NUM_WORDS[d], String(d)])} day${d > 1 ? 's' : ''})`, adj: false }; }
      const m = n / 60; return { text: `${v} (${r.pick([NUM_WORDS[m], String(m)])} minutes)`, adj: false };
    }
    return { text: v, adj: false };
  }
  retentionPart(v) {
    const d = this.dur(v, 'ret'), r = this.r;
    if (d.adj) return r.pick([`with a ${d.text} message retention window`, `with a ${d.text} retention duration`]);
    return r.pick([`retaining messages for ${d.text}`, `with a message retention duration of ${d.text}`, `that keeps messages for ${d.text}`,
      `with message retention set to ${d.text}`, `with ${d.text} of message retention`]);
  }
  ttlPart(v) {
    const d = this.dur(v, 'ttl'), r = this.r;
    if (d.adj) return r.pick([`with ${withArticle(d.text)} expiration TTL`, `with ${withArticle(d.text)} expiration policy ttl`]);
    return r.pick([`with an expiration TTL of ${d.text}`, `expiring after ${d.text} of inactivity`, `with an expiration policy ttl of ${d.text}`,
      `with a ttl of ${d.text} on the expiration policy`]);
  }
  ackPart(n) {
    const r = this.r, w = NUM_WORDS[n];
    const useWords = w && (this.h.ackWords || (this.rem.words && this.rem.words.has(w)));
    if (useWords) {
      this.tag('num-words');
      return r.pick([`with an ack deadline of ${w} (${n}) seconds`, `with a ${w}-second (${n}s) ack deadline`, `with an ack deadline of ${n} seconds (${w})`]);
    }
    return r.pick([`with ${withArticle(`${n}-second`)} ack deadline`, `with an ack deadline of ${n} seconds`, `with ${withArticle(`${n}s`)} ack deadline`,
      `with an acknowledgement deadline of ${n}s`, `acking within ${n} seconds`]);
  }
  allowText(p) {
    const r = this.r, up = this.h.upperProto;
    if (up) this.tag('uppercase-protocol');
    const P = up ? p.protocol.toUpperCase() : p.protocol;
    if (p.protocol === 'icmp') return r.pick([P, `${P} traffic`, `${P} (ping)`]);
    if (p.port === '22') return r.pick([`${P}/22`, `${P} port 22`, `port 22 over ${P}`, `SSH on ${P}/22`, `${P}:22`]);
    return r.pick([`${P}/80`, `${P} port 80`, `HTTP on ${P} 80`, `port 80 over ${P}`]);
  }
  contentPart(c) {
    const r = this.r;
    let C = r.pick([c, c, `'${c}'`, `"${c}"`]);
    if (this.h.nonascii && r.chance(0.5)) { C = `\u201c${c}\u201d`; this.tag('nonascii-stripped'); }
    return r.pick([`with content ${C}`, `containing ${C}`, `whose content is ${C}`, `holding the text ${C}`, `with the body ${C}`]);
  }
  ctPart() {
    const r = this.r;
    if (this.h.ct === 'omit') { this.tag('content-type-omitted'); return null; }
    if (this.h.ct === 'plain') { this.tag('content-type-plain-words'); return r.pick(['as plain text', 'as a plain-text file']); }
    this.tag('content-type-text/plain');
    return r.pick(['with content type text/plain', 'as text/plain', 'served as text/plain', 'using the text/plain content type']);
  }
  dnsText(atEnd) {
    const d = this.R.dns.dnsName;
    if (this.h.dnsDot === 'drop' && !atEnd) { this.tag('dns-dot-dropped'); return d.slice(0, -1); }
    if (atEnd) this.tag('dns-dot-at-sentence-end');
    return d;
  }
  // ------------------------------------------------ startup script
  scriptPart(x, allowBlock) {
    let style = this.h.script;
    if (!allowBlock && (style === 'block' || style === 'codefence')) style = 'inline-newlines';
    this.tag(`script:${style}`);
    const r = this.r, lines = x.script.split('\n').filter(Boolean), tok = x.token;
    const pre = () => r.pick(['with the startup script', 'with metadata startup script', 'using the startup script', 'whose startup script is',
      'with this exact startup script']);
    switch (style) {
      case 'escaped': return `${pre()} "${lines.join('\\n')}${r.chance(0.7) ? '\\n' : ''}"`;
      case 'inline-newlines': return `${pre()} "${lines.join('\n')}\n"`;
      case 'oneline': { const s = lines.join(' '); return `${pre()} ${r.chance(0.5) ? `"${s}"` : s}`; }
      case 'semicolons': return `${pre()} ${lines.join('; ')}`;
      case 'backticks': return `${pre()} \`${lines.join(r.chance(0.5) ? '\\n' : ' ')}\``;
      case 'block': return `${r.pick(['with this startup script:', 'with the following startup script:', 'using this metadata startup script:'])}\n${lines.join('\n')}\n`;
      case 'codefence': return `${r.pick(['with this startup script:', 'using the following startup script:'])}\n\`\`\`bash\n${lines.join('\n')}\n\`\`\`\n`;
      case 'described': return r.pick([
        [`with a bash startup script that runs set -euo pipefail and then echo '${tok}' > /var/tmp/acore-token`,
          `with a startup script that enables set -euo pipefail and echoes '${tok}' into /var/tmp/acore-token`],
        [`with a startup script that uses printf to write '${tok}' to /var/tmp/acore-token`,
          `with a bash startup script running printf '${tok}' > /var/tmp/acore-token`],
        [`with a startup script that runs /usr/bin/env echo '${tok}' > /var/tmp/acore-token`,
          `with a bash startup script that calls /usr/bin/env echo to write ${tok} into /var/tmp/acore-token`],
      ][x.tmpl]);
      case 'lossy': return r.pick([`with a startup script that writes ${tok} to /var/tmp/acore-token`,
        `with a startup script that drops the token ${tok} into /var/tmp/acore-token`]);
      default: throw new Error(style);
    }
  }
  scriptInline(x) { // rule-close value rendering; never a block
    let style = this.h.script;
    if (style === 'block' || style === 'codefence' || style === 'described' || style === 'lossy') style = 'escaped';
    this.tag(`script:${style}`);
    const lines = x.script.split('\n').filter(Boolean);
    if (style === 'escaped') return `"${lines.join('\\n')}\\n"`;
    if (style === 'inline-newlines') return `"${lines.join('\n')}\n"`;
    if (style === 'semicolons') return lines.join('; ');
    if (style === 'backticks') return `\`${lines.join('\\n')}\``;
    return `"${lines.join(' ')}"`;
  }
  // ------------------------------------------------ noun phrases (one per resource)
  parts(list, lastPart) {
    let ps = this.r.shuffle(list.filter(Boolean));
    const li = ps.findIndex((p) => /^(inside|on|attached to|in|for|bound to|uploaded to|stored in|with its network interface on) (the|that|network|subnet|subnetwork|bucket|topic|VPC)\b/.test(p));
    if (li > 0 && this.r.chance(0.55)) ps = [ps[li], ...ps.filter((_, i) => i !== li)];
    if (lastPart) ps.push(lastPart);
    return ps.length ? ' ' + this.join(ps) : '';
  }
  np(k, o = {}) {
    const r = this.r, x = this.R[k];
    switch (k) {
      case 'vpc': return this.head('vpc') + ' ' + this.autoPhrase();
      case 'subnet': {
        const region = r.pick([`in ${x.region}`, `in region ${x.region}`, `regional to ${x.region}`, `in the ${x.region} region`]);
        const cidr = r.pick([`with CIDR ${x.cidr}`, `using ${x.cidr}`, `with the ${x.cidr} range`, `with ip cidr range ${x.cidr}`, `covering ${x.cidr}`]);
        const h = this.head('subnet');
        const link = o.noLink ? null : r.pick(['inside ', 'on ', 'attached to ', 'in ']) + this.ref('vpc');
        return h + this.parts([region, cidr, link]);
      }
      case 'fw': {
        const p = x.profile;
        const adjIngress = !this.mentioned.has('fw') && r.chance(0.6);
        const h = this.head('fw', adjIngress ? 'ingress' : null);
        const allow = r.pick(['allowing ', 'that allows ', 'permitting ']) + this.allowText(p);
        const prio = r.pick([`at priority ${p.priority}`, `with priority ${p.priority}`]);
        const dir = adjIngress ? null : r.pick(['for ingress traffic', 'with direction ingress', 'in the ingress direction']);
        const link = o.noLink ? null : r.pick(['on ', 'for ', 'attached to ']) + this.ref('vpc');
        const dis = this.fwDisabledPhrase();
        return h + this.parts([allow, prio, dir, link], dis);
      }
      case 'vm': case 'vmb': {
        const adjMt = !this.mentioned.has(k) && r.chance(0.45);
        const h = this.head(k, adjMt ? x.machine : null);
        const zone = r.pick([`in ${x.zone}`, `in zone ${x.zone}`, `placed in ${x.zone}`]);
        const mt = adjMt ? null : r.pick([`on machine type ${x.machine}`, `sized ${x.machine}`, `using machine type ${x.machine}`]);
        const link = k === 'vm' && !o.noLink ? r.pick(['attached to ', 'on ', 'with its network interface on ', 'in ']) + this.ref('subnet') : null;
        return h + this.parts([zone, mt, link], this.scriptPart(x, o.allowBlock));
      }
      case 'bucket': {
        const cls = x.cls.toLowerCase(), loc = x.location.toLowerCase();
        const adj = !this.mentioned.has('bucket') && r.chance(0.35);
        const h = this.head('bucket', adj ? cls : null);
        return h + this.parts([r.pick([`in ${loc}`, `located in ${loc}`, `with location ${loc}`, `in the ${loc} location`]),
          adj ? null : r.pick([`using the ${cls} storage class`, `with storage class ${cls}`, `on ${cls} storage`, `in the ${cls} class`])]);
      }
      case 'object': {
        const h = this.head('object');
        const link = o.noLink ? null : r.pick(['in ', 'inside ', 'in ', 'within ']) + this.ref('bucket');
        return h + this.parts([link, this.contentPart(x.content)], this.ctPart());
      }
      case 'repo': {
        const fmt = x.format.toLowerCase(), loc = x.location;
        const adj = !this.mentioned.has('repo') && r.chance(0.4);
        const h = this.head('repo', adj ? fmt : null);
        const unit = fmt === 'docker' ? r.pick(['images', 'containers']) : 'packages';
        return h + this.parts([r.pick([`in ${loc}`, `located in ${loc}`, `with location ${loc}`]),
          adj ? null : r.pick([`for ${fmt} ${unit}`, `with format ${fmt}`, `in ${fmt} format`])]);
      }
      case 'topic': return this.head('topic') + ' ' + this.retentionPart(x.retention);
      case 'subscr': {
        const h = this.head('subscr');
        const link = o.noLink ? null : r.pick(['on ', 'attached to ', 'bound to ', 'for ']) + this.ref('topic');
        return h + this.parts([link, this.ackPart(x.ack), this.retainPhrase(x.retain), this.ttlPart(x.ttl)]);
      }
      case 'dns': {
        const h = this.head('dns');
        const atEnd = !!o.atEnd;
        return h + ' ' + r.pick(['for the domain ', 'serving ', 'with DNS name ', 'for ']) + this.dnsText(atEnd);
      }
      default: throw new Error(k);
    }
  }
  // ------------------------------------------------ sentences
  verb(k) {
    const r = this.r;
    return r.pick({
      vpc: ['Create', 'Set up', 'Stand up', 'Provision', 'Build'],
      subnet: ['Create', 'Add', 'Carve out', 'Set up'],
      fw: ['Add', 'Create', 'Configure'],
      vm: ['Launch', 'Create', 'Spin up', 'Deploy', 'Run', 'Bring up'],
      vmb: ['Launch', 'Create', 'Spin up', 'Deploy', 'Bring up'],
      bucket: ['Create', 'Provision', 'Set up', 'Stand up'],
      object: ['Upload', 'Put', 'Add', 'Store'],
      repo: ['Create', 'Set up', 'Provision', 'Add'],
      topic: ['Create', 'Set up', 'Add', 'Provision'],
      subscr: ['Attach', 'Create', 'Add'],
      dns: ['Create', 'Set up', 'Stand up', 'Provision'],
    }[k]);
  }
  seq(s, i, n) {
    if (!this.h.seqWords || i === 0) return s;
    if (!/^(Create|Set up|Stand up|Provision|Build|Add|Carve out|Configure|Launch|Spin up|Deploy|Run|Bring up|Upload|Put|Store|Attach)\b/.test(s)) return s;
    const r = this.r;
    if (i === n - 1 && r.chance(0.4)) return `Finally, ${lowFirst(s)}`;
    if (r.chance(0.25)) return `Then ${lowFirst(s)}`;
    if (r.chance(0.15)) return `Next, ${lowFirst(s)}`;
    if (r.chance(0.1)) return `Also ${lowFirst(s)}`;
    return s;
  }
  end(s) { return /\n$/.test(s) ? s : (/[.]$/.test(s) ? s : s + '.'); }
  sentence(k, prev) {
    const r = this.r;
    const special = r.chance(0.3);
    if (special) {
      if (k === 'subnet' && prev === 'vpc') return this.end(`${r.pick(['Inside it', 'Within that VPC', 'In that network'])}, ${lowFirst(this.verb(k))} ${this.np(k, { noLink: true })}`);
      if (k === 'fw' && this.mentioned.has('vpc')) return this.end(`Restrict ingress on ${this.ref('vpc')} with ${this.np(k, { noLink: true })}`);
      if (k === 'object' && prev === 'bucket') return this.end(`${r.pick(['Inside it', 'Into that bucket', 'In that bucket'])}, ${lowFirst(this.verb(k))} ${this.np(k, { noLink: true })}`);
      if (k === 'subscr' && prev === 'topic') return this.end(`On that topic, ${lowFirst(this.verb(k))} ${this.np(k, { noLink: true })}`);
      if (k === 'vm') return this.end(`Once the network is in place, ${lowFirst(this.verb(k))} ${this.np(k, { allowBlock: true })}`);
      if (k === 'dns') return this.end(`For name resolution, ${lowFirst(this.verb(k))} ${this.np(k, { atEnd: true })}`);
      if (k === 'topic') return this.end(`For messaging, ${lowFirst(this.verb(k))} ${this.np(k)}`);
      if (k === 'bucket') return this.end(`For storage, ${lowFirst(this.verb(k))} ${this.np(k)}`);
      if (k === 'repo') return this.end(`For artifacts, ${lowFirst(this.verb(k))} ${this.np(k)}`);
    }
    return this.end(`${this.verb(k)} ${this.np(k, { allowBlock: true, atEnd: true })}`);
  }
  // rule-close rendering: reuse the clause shapes the LLM was shown
  ruleSentence(k) {
    const r = this.r, x = this.R[k];
    const idx = this.t.order.findIndex((o) => KEY_OF[o] === k);
    const inv = this.t.invariants[idx], shapes = this.in.shapes[idx];
    const resH = r.chance(0.7) ? humanType(inv.resource_type)
      : { vpc: 'VPC', subnet: 'subnetwork', fw: 'firewall rule', vm: 'VM', vmb: 'VM', bucket: 'bucket', object: 'object', repo: 'repository', topic: 'topic', subscr: 'subscription', dns: 'managed zone' }[k];
    this.mentioned.add(k);
    this.tag('rule-phrasing');
    let fields = Object.keys(inv.match);
    if (r.chance(0.5)) fields = [fields[0], ...r.shuffle(fields.slice(1))];
    const clauses = [];
    fields.forEach((f, i) => {
      const v = inv.match[f];
      if (f === 'values.content_type') { const c = this.h.ct; if (c === 'omit') { this.tag('content-type-omitted'); return; } this.tag('content-type-text/plain'); }
      if (f === 'values.disabled' && this.h.fwDisabled === 'omit' && !this.rem.needFalse) { this.tag('fw-disabled-omitted'); return; }
      let V;
      if (f === 'values.metadata_startup_script') V = this.scriptInline(x);
      else if (typeof v === 'boolean') V = v ? 'true' : 'false';
      else if (typeof v === 'number') V = (f.endsWith('ack_deadline_seconds') && NUM_WORDS[v] && this.rem.words && this.rem.words.has(NUM_WORDS[v])) ? `${v} (${NUM_WORDS[v]})` : String(v);
      else if (/^(US|EUROPE|ASIA)-|^[A-Z]+$/.test(v)) V = v.toLowerCase();
      else if (f === 'values.dns_name') V = v;
      else if (f === 'values.allow.0.protocol') V = this.h.upperProto ? v.toUpperCase() : v;
      else if (/\d+s$/.test(v) && /retention|ttl/.test(f)) V = this.dur(v, f.includes('ttl') ? 'ttl' : 'ret').text;
      else if (['values.name', 'values.repository_id', 'values.network', 'values.network_interface.0.subnetwork', 'values.bucket', 'values.topic'].includes(f)) V = this.Q(v);
      else V = v;
      const fl = resH === 'repository' && f === 'values.repository_id' ? 'ID' : humanField(f);
      const subj = i === 0 ? `the ${resH} ${fl}` : r.pick([`its ${fl}`, `the ${fl}`]);
      const op = inv.comparison_rule[f] || 'exact_match';
      const shape = shapes[f].shape;
      let c;
      if (op === 'starts_with') c = [`${subj} starts with ${V}`, `make ${subj} start with ${V}`, i === 0 ? `use ${withArticle(resH)} where ${fl} starts with ${V}` : `${subj} starts with ${V}`][shape];
      else if (op === 'ends_with') c = [`${subj} ends with ${V}`, `make ${subj} end with ${V}`, i === 0 ? `use ${withArticle(resH)} where ${fl} ends with ${V}` : `${subj} ends with ${V}`][shape];
      else c = [`${subj} equals ${V}`, `set ${subj} to ${V}`, `use ${V} for ${subj}`][shape];
      clauses.push(c);
    });
    return this.end(cap(this.join(clauses)));
  }
  // ------------------------------------------------ linkage / cues / spurious
  linkageSentences() {
    const r = this.r, out = [], R = this.R;
    const tokOpt = (k) => {
      const x = R[k];
      if (r.chance(0.5)) return '';
      if (x.rule === 'exact_match' || r.chance(0.5)) { if (x.rule !== 'exact_match') this.tag('backref-plain'); return ` (${this.Q(x.name)})`; }
      this.tag('backref-qualified');
      return ` (the one ${x.rule === 'starts_with' ? 'starting with' : 'ending with'} ${this.Q(x.name)})`;
    };
    if (R.vpc && R.subnet && R.fw) out.push(r.pick([`The subnetwork and the firewall rule must both reference that same VPC${tokOpt('vpc')}.`,
      `Both the subnet and the firewall attach to the same network identifier${tokOpt('vpc')}.`, 'Keep the VPC reference identical for the subnetwork and the firewall rule.']));
    else if (R.vpc && R.subnet) out.push(`The subnetwork must reference that same VPC${tokOpt('vpc')}.`);
    if (R.vm) out.push(r.pick([`The VM's network interface must point at that same subnetwork${tokOpt('subnet')}.`, 'Make sure the instance uses the identical subnetwork identifier.']));
    if (R.object) out.push(r.pick([`The object has to live in that same bucket${tokOpt('bucket')}.`, 'Use the identical bucket identifier for the object.']));
    if (R.subscr) out.push(r.pick([`The subscription must reference that same topic${tokOpt('topic')}.`, 'The subscription and topic must share the same topic identifier.']));
    if (out.length) this.tag('linkage');
    return out;
  }
  spuriousSentence() {
    const r = this.r, R = this.R;
    const opts = [];
    if (R.vpc && R.fw) opts.push(r.pick(['Use false for both the VPC auto create subnetworks setting and the firewall disabled flag.',
      'Keep false consistent for auto-create subnetworks and the firewall rule disabled setting.']));
    if (R.subnet && R.repo && R.subnet.region === R.repo.location) opts.push(r.pick([`The subnetwork region and the repository location should both be ${R.subnet.region}.`,
      `Keep ${R.subnet.region} consistent for the subnetwork region and the Artifact Registry location.`]));
    if (!opts.length) return null;
    this.tag('spurious-linkage');
    return r.pick(opts);
  }
  // ------------------------------------------------ assembly
  groups() {
    const R = this.R, g = [];
    const net = ['vpc', 'subnet', 'fw', 'vm'].filter((k) => R[k]);
    if (net.length) g.push(net);
    for (const grp of [['vmb'], ['dns'], ['bucket', 'object'], ['repo'], ['topic', 'subscr']]) {
      const m = grp.filter((k) => R[k]);
      if (m.length) g.push(m);
    }
    return g;
  }
  orderKeys(structure) {
    const r = this.r;
    let g = this.groups();
    const netFirst = g[0][0] === 'vpc' && r.chance(0.7);
    g = netFirst ? [g[0], ...r.shuffle(g.slice(1))] : r.shuffle(g);
    if (structure === 'outcome-first') {
      g = g.map((grp) => grp.slice().reverse());
      // a firewall reads better after the VPC it protects; keep it last in the reversed net group
      g = g.map((grp) => (grp.includes('fw') ? [...grp.filter((k) => k !== 'fw'), 'fw'] : grp));
      const consumer = g.findIndex((grp) => grp[0] === 'vm' || grp[0] === 'object' || grp[0] === 'subscr');
      if (consumer > 0) g = [g[consumer], ...g.filter((_, i) => i !== consumer)];
    }
    if (structure === 'shuffled') return [r.shuffle(g.flat())];
    return g;
  }
  body(structure) {
    const r = this.r, out = [];
    const groups = this.orderKeys(structure);
    const flat = groups.flat();
    const cueFor = new Set(this.h.cues ? r.sample(flat, r.int(1, Math.min(2, flat.length))) : []);
    if (cueFor.size) this.tag('design-cues');
    const cue = (k) => (cueFor.has(k) ? r.pick(CUES[k]) : null);
    if (structure === 'merged') {
      for (const grp of groups) {
        const nps = grp.map((k, i) => this.np(k, { allowBlock: i === grp.length - 1, noLink: i > 0 && r.chance(0.3) && k !== 'vm', atEnd: i === grp.length - 1 }));
        const c = grp.map(cue).filter(Boolean);
        if (c.length && r.chance(0.5)) out.push(...c);
        const verb = r.pick(['Create', 'Set up', 'Provision', 'Stand up']);
        let s;
        if (nps.length === 1) s = `${verb} ${nps[0]}`;
        else if (nps.length === 2) s = `${verb} ${nps[0]}, ${r.pick(['plus', 'along with', 'and'])} ${nps[1]}`;
        else s = `${verb} ${nps.slice(0, -1).join(', ')}, ${r.pick(['and', 'plus'])} ${nps[nps.length - 1]}`;
        out.push(this.end(s));
        if (c.length && !out.includes(c[0])) out.push(...c);
      }
      return out;
    }
    if (structure === 'long-sentence' || structure === 'bullets') {
      const nps = flat.map((k, i) => this.np(k, { allowBlock: false, atEnd: i === flat.length - 1 }));
      const c = flat.map(cue).filter(Boolean);
      if (structure === 'long-sentence') {
        const lead = r.pick(['Provision the following: ', 'We need ', 'Stand up ', 'Please create ', 'Set up ']);
        out.push(...c.slice(0, 1));
        out.push(this.end(lead + nps.slice(0, -1).join('; ') + '; and ' + nps[nps.length - 1]));
        out.push(...c.slice(1));
      } else {
        const label = r.pick(['What to provision:', 'Scope:', 'Needed resources:', 'Please create:']);
        const marker = (i) => (this.h.numbered ? `${i + 1}. ` : '- ');
        this.tag(this.h.numbered ? 'numbered-list-flattened' : 'bullets-flattened');
        out.push(`${label}\n${nps.map((np, i) => marker(i) + cap(np.replace(/^(a|an) /, ''))).join('\n')}\n`);
        out.push(...c);
      }
      return out;
    }
    // sentence-per-resource structures
    let prev = null, i = 0;
    const forceRule = structure === 'rule-close' ? r.pick(flat) : null;
    for (const k of flat) {
      const c = cue(k);
      if (c && r.chance(0.5)) out.push(c);
      let s;
      if (structure === 'rule-close' && (k === forceRule || r.next() < this.h.ruleFrac)) s = this.ruleSentence(k);
      else s = this.sentence(k, prev);
      out.push(this.seq(s, i, flat.length));
      if (c && !out.includes(c)) out.push(c);
      prev = k; i++;
    }
    return out;
  }
  write() {
    const r = this.r, h = this.h, t = this.t;
    this.tag(`structure:${h.structure}`);
    const body = this.body(h.structure);
    if (h.linkage) body.push(...this.linkageSentences());
    if (h.spurious) { const s = this.spuriousSentence(); if (s) body.splice(r.int(Math.floor(body.length / 2), body.length), 0, s); }
    // opener
    let opener = '';
    let providerPlaced = false;
    if (h.opener === 'verbatim') { opener = t.background; this.tag('background-verbatim'); }
    else if (h.opener === 'paraphrase') {
      const P = h.provider === 'opener' ? r.pick(PROVIDER_IN_OPENER) : '';
      providerPlaced = !!P;
      let o = r.pick(OPENERS[BACKGROUNDS.indexOf(t.background)]);
      const dash = h.nonascii && r.chance(0.6);
      if (dash) this.tag('nonascii-stripped');
      o = o.replace('{P}', P).replace('{D}', dash ? '\u2014' : r.pick(['--', '-', ';']));
      o = o.replace(/ ;/, ';');
      opener = o;
      this.tag('background-paraphrase');
    } else this.tag('no-background');
    if (!providerPlaced && h.provider !== 'none') {
      // put the provider into the first body sentence
      const cueTexts = new Set(Object.values(CUES).flat());
      const j = body.findIndex((s) => /^[A-Z]/.test(s) && !cueTexts.has(s) && !/:\n/.test(s));
      if (j >= 0) {
        const stripped = body[j].replace(/^(Then |Next, |Also |Finally, )/, '');
        body[j] = r.pick(PROVIDER_BODY_PREFIX) + (/^(The |For the )/.test(stripped) ? stripped.replace(/^The /, 'the ').replace(/^For the /, 'for the ') : lowFirst(stripped));
        providerPlaced = true; this.tag('provider-in-body');
      }
    }
    if (!providerPlaced) this.tag('provider-missing-from-llm');
    if (this.rem.needNo && !h.closer) h.closer = true;
    if (h.closer) {
      let c = this.rem.needNo ? r.pick(NO_CLOSERS) : r.pick(CLOSERS);
      if (h.nonascii && c.includes("'")) { c = c.replace("'", '\u2019'); this.tag('nonascii-stripped'); }
      body.push(c);
      this.tag('closer');
    }
    const grant = grantSentence(t.sa), sub = t.submission;
    let seq = [];
    if (opener) seq.push(opener);
    if (h.grantPos === 'early') { seq.push(grant); this.tag('grant-early'); }
    if (h.grantPos === 'middle' && body.length > 2) {
      const m = r.int(1, body.length - 1);
      seq.push(...body.slice(0, m), grant, ...body.slice(m));
      this.tag('grant-middle');
    } else seq.push(...body);
    if (h.grantPos === 'after-submit') { seq.push(sub, grant); this.tag('submission-before-grant'); }
    else if (h.grantPos === 'before-submit' || (h.grantPos === 'middle' && body.length <= 2)) seq.push(grant, sub);
    else seq.push(sub);
    if (h.grantPos === 'middle' && body.length <= 2) seq = seq.filter((s, i) => s !== grant || seq.indexOf(grant) === i);
    // markdown bold on a couple of tokens (stripped by post-processing)
    let raw = '';
    seq.forEach((s, i) => {
      const sepPara = h.paragraphs && (i === 1 || s === grant || s === sub);
      if (i === 0) raw = s;
      else if (raw.endsWith('\n')) raw += s;
      else raw += (sepPara ? '\n\n' : ' ') + s;
    });
    if (h.markdown) {
      const k = r.pick(Object.keys(this.R));
      const nm = this.R[k].name;
      if (raw.includes(nm)) { raw = raw.replace(nm, `**${nm}**`); this.tag('markdown-stripped'); }
    }
    return raw;
  }
}

// ---------------------------------------------------------------- upstream post-processing (spec 3.6)
function enumTokens(task) {
  const toks = new Set();
  for (const inv of task.invariants) for (const v of Object.values(inv.match)) {
    if (typeof v !== 'string') continue;
    const c = v.trim();
    if (c.length < 3 || /[@./]/.test(c)) continue;
    if (/^[A-Z0-9][A-Z0-9_-]{2,}$/.test(c) && /[A-Za-z]/.test(c)) toks.add(c);
  }
  return [...toks].sort((a, b) => b.length - a.length);
}
const reEsc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function postprocess(raw, task, r) {
  let t = raw.split('**').join('').split('__').join('').split('`').join('');
  t = t.replace(/[^\x00-\x7f]/g, '');
  t = t.replace(/invariants?/gi, 'requirements');
  const lines = [];
  for (const rawLine of t.split(/\r\n|\r|\n|\x0b|\x0c|\x1c|\x1d|\x1e/)) {
    let line = rawLine.trim();
    if (!line) continue;
    line = line.replace(/^#+\s*/, '');
    line = line.replace(/^(\d+\.\s+|[-*]\s+)/, '');
    lines.push(line);
  }
  t = lines.join('\n').trim();
  const hasScript = task.invariants.some((inv) => Object.keys(inv.match).some((f) => f.includes('metadata_startup_script')));
  let shebangRepaired = false;
  if (hasScript) { const t2 = t.replace(/(^|["\\s])!\/bin\/bash/g, '$1#!/bin/bash'); shebangRepaired = t2 !== t; t = t2; }
  for (const tok of enumTokens(task)) {
    t = t.replace(new RegExp(`(?<![A-Za-z0-9])${reEsc(tok)}(?![A-Za-z0-9])`, 'gi'), tok.toLowerCase());
  }
  let prefixed = false;
  const low = t.toLowerCase();
  if (!['gcp', 'google cloud', 'google cloud platform'].some((p) => low.includes(p))) {
    t = r.pick(['In a Google Cloud project, ', 'Within Google Cloud, ', 'On Google Cloud, ', 'For a Google Cloud sandbox, ']) + t.replace(/^\s+/, '');
    prefixed = true;
  }
  t = t.replace(/\s+/g, ' ').trim();
  return { text: t, prefixed, shebangRepaired };
}

// ---------------------------------------------------------------- upstream acceptance check (_enforce_allowed_content)
const DISALLOWED = [/\breadmes?\b/i, /\bprerequisites?\b/i, /\bdocumentation\b/i, /\btutorials?\b/i, /\bguide(s)?\b|\bguideline(s)?\b/i, /\bwalkthroughs?\b/i];
function iterValueTerms(v) {
  if (v === null || v === undefined) return [];
  if (typeof v === 'string') {
    const term = v.trim().toLowerCase();
    if (term && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(term) && !/\d/.test(term)) return [];
    return term ? [term] : [];
  }
  if (typeof v === 'boolean') return v ? ['true', 'yes'] : ['false', 'no'];
  if (typeof v === 'number') { const out = [String(v)]; if (Number.isInteger(v) && v >= 0 && v <= 20) out.push(NUM_WORDS[v]); return out; }
  return [String(v).toLowerCase()];
}
function iterMatchTerms(field, value) {
  if (typeof value === 'string') {
    const raw = value.trim();
    if (!raw) return [];
    const lowered = raw.toLowerCase();
    const ids = (lowered.match(/\b[a-z0-9]{4,}(?:-[a-z0-9]{3,})+\b/g) || []).filter((x) => x !== 'acore-token' && /\d/.test(x));
    if (ids.length && /\s/.test(lowered)) return ids;
    if (field.toLowerCase().endsWith('description')) return ids;
    if (lowered.split(/\s+/).filter(Boolean).length >= 6) return ids;
    return iterValueTerms(value);
  }
  return iterValueTerms(value);
}
function requiredTerms(task) {
  const req = new Set(['zip', 'archive', 'terraform.tfstate', task.sa.toLowerCase()]);
  for (const inv of task.invariants) for (const [f, v] of Object.entries(inv.match)) {
    for (const term of iterMatchTerms(f, v)) {
      if (!term || term.length > 80 || /[\n\r\t]/.test(term)) continue;
      req.add(term);
    }
  }
  return req;
}
const normAlnum = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
function containsRequired(text, required) {
  if (!required) return true;
  const lowered = text.toLowerCase(), rl = required.toLowerCase();
  // upstream builds these two patterns with rf"\\b...\\b", i.e. a literal backslash: they never match normal text
  if (/^\d+$/.test(rl)) {
    const w = NUM_WORDS[parseInt(rl, 10)];
    if (w && new RegExp(`\\\\b${reEsc(w)}\\\\b`).test(lowered)) return true;
  } else {
    const val = NUM_WORDS.indexOf(rl);
    if (val >= 0 && new RegExp(`\\\\b${val}\\\\b`).test(lowered)) return true;
  }
  if (['true', 'false', 'yes', 'no'].includes(rl)) {
    if (lowered.includes(rl)) return true;
    const truthy = rl === 'true' || rl === 'yes', falsy = rl === 'false' || rl === 'no';
    if (truthy && /\btrue\b/.test(lowered)) return true;
    if (falsy && /\bfalse\b/.test(lowered)) return true;
    if (truthy && /\b(enabled|enable|enabling|on)\b/.test(lowered)) return true;
    if (falsy && /\b(disabled|disable|disabling|off)\b/.test(lowered)) return true;
  }
  if (lowered.includes(rl)) return true;
  return normAlnum(lowered).includes(normAlnum(rl));
}
function upstreamCheck(text, task) {
  if (!text) return { ok: false, error: 'empty' };
  for (const re of DISALLOWED) if (re.test(text.toLowerCase())) return { ok: false, error: `disallowed term ${re}` };
  if (!['gcp', 'google cloud', 'google cloud platform'].some((p) => containsRequired(text, p))) return { ok: false, error: 'missing required detail: gcp' };
  if (!['zip', 'archive'].some((p) => containsRequired(text, p))) return { ok: false, error: 'missing required detail: zip or archive' };
  for (const req of requiredTerms(task)) {
    if (req === 'zip' || req === 'archive') continue;
    if (!containsRequired(text, req)) return { ok: false, error: `missing required detail: ${req}`, missing: req };
  }
  return { ok: true };
}
const wordCount = (s) => s.split(/\s+/).filter(Boolean).length;

// ---------------------------------------------------------------- one task, with upstream-style retries
function rewrite(task, inputs, scriptStyle) {
  const rem = { words: new Set(), scriptStyle };
  const attempts = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const w = new Writer(task, inputs, attempt, rem);
    const raw = w.write();
    const pp = postprocess(raw, task, new Rng(`${task.task_id}:post:${attempt}`));
    const chk = upstreamCheck(pp.text, task);
    const wc = wordCount(pp.text);
    attempts.push({ attempt, ok: chk.ok && wc < 220, error: chk.ok ? (wc < 220 ? null : `word count ${wc}`) : chk.error });
    if (chk.ok && wc < 220) {
      const tags = new Set(w.tags);
      if (pp.prefixed) tags.add('provider-prefix-added');
      if (pp.shebangRepaired) tags.add('shebang-repaired');
      if (/(^|[^#])!\/bin\/bash/.test(pp.text)) tags.add('shebang-hash-lost');
      if (/\\n/.test(pp.text)) tags.add('literal-backslash-n');
      if (attempt > 0) tags.add('llm-retried');
      if (rem.words.size) tags.add('reminder-number-word');
      if (rem.needFalse || rem.needTrue || rem.needNo) tags.add('reminder-bool');
      return { prompt: pp.text, raw, tags: [...tags].sort(), attempts };
    }
    if (!chk.ok) {
      const m = chk.missing;
      if (m && NUM_WORDS.includes(m)) rem.words.add(m);
      else if (m === 'false') rem.needFalse = true;
      else if (m === 'true' || m === 'yes') rem.needTrue = true;
      else if (m === 'no') rem.needNo = true;
      else rem.other = (rem.other || 0) + 1;
    } else rem.compact = (rem.compact || 0) + 1;
  }
  throw new Error(`task ${task.index} (${task.family}) could not be rewritten: ${JSON.stringify(attempts)}`);
}

// ---------------------------------------------------------------- output (json.dumps style, like generated-tasks.jsonl)
function pyJson(v) {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (Array.isArray(v)) return '[' + v.map(pyJson).join(', ') + ']';
  return '{' + Object.entries(v).map(([k, x]) => `${pyJson(k)}: ${pyJson(x)}`).join(', ') + '}';
}

// ---------------------------------------------------------------- independent verification of the written corpus
const TYPE_KEYS = {
  google_compute_network: [['values.name', 'values.auto_create_subnetworks']],
  google_compute_subnetwork: [['values.name', 'values.network', 'values.region', 'values.ip_cidr_range']],
  google_compute_firewall: [
    ['values.name', 'values.network', 'values.direction', 'values.priority', 'values.disabled', 'values.allow.0.protocol', 'values.allow.0.ports.0'],
    ['values.name', 'values.network', 'values.direction', 'values.priority', 'values.disabled', 'values.allow.0.protocol']],
  google_compute_instance: [
    ['values.name', 'values.zone', 'values.machine_type', 'values.network_interface.0.subnetwork', 'values.metadata_startup_script'],
    ['values.name', 'values.zone', 'values.machine_type', 'values.metadata_startup_script']],
  google_storage_bucket: [['values.name', 'values.location', 'values.storage_class']],
  google_storage_bucket_object: [['values.name', 'values.bucket', 'values.content_type', 'values.content']],
  google_artifact_registry_repository: [['values.repository_id', 'values.location', 'values.format']],
  google_pubsub_topic: [['values.name', 'values.message_retention_duration']],
  google_pubsub_subscription: [['values.name', 'values.topic', 'values.ack_deadline_seconds', 'values.retain_acked_messages', 'values.expiration_policy.0.ttl']],
  google_dns_managed_zone: [['values.name', 'values.dns_name']],
};
const NAME_LEN = {
  google_compute_network: [6, 18], google_compute_subnetwork: [6, 18], google_compute_firewall: [6, 18], google_compute_instance: [6, 18],
  google_storage_bucket: [10, 20], google_artifact_registry_repository: [6, 18], google_pubsub_topic: [6, 20], google_pubsub_subscription: [6, 20],
  google_dns_managed_zone: [6, 14],
};
function templateKeyOf(inv) {
  const t = inv.resource_type;
  if (t === 'google_compute_instance') return 'values.network_interface.0.subnetwork' in inv.match ? 'compute_instance_networked' : 'compute_instance_basic';
  return { google_compute_network: 'vpc_network', google_compute_subnetwork: 'subnetwork', google_compute_firewall: 'firewall_rule',
    google_storage_bucket: 'storage_bucket', google_storage_bucket_object: 'storage_bucket_object', google_artifact_registry_repository: 'artifact_repository',
    google_pubsub_topic: 'pubsub_topic', google_pubsub_subscription: 'pubsub_subscription', google_dns_managed_zone: 'dns_managed_zone' }[t];
}
const START_KW = /\b(start|starts|starting|begin|begins|beginning|prefix|prefixed|prefixes)\b/gi;
const END_KW = /\b(end|ends|ending|suffix|suffixed|suffixes)\b/gi;
function classifyOccurrence(text, pos, len) {
  const before = text.slice(Math.max(0, pos - 80), pos);
  let best = null;
  for (const [kind, re] of [['starts_with', START_KW], ['ends_with', END_KW]]) {
    for (const m of before.matchAll(re)) { const e = m.index + m[0].length; if (!best || e > best.end) best = { kind, end: e }; }
  }
  if (best && /^\s*(with|in|by|of|to)?\s*(the\s+)?(string|token|prefix|suffix|value|text|identifier)?\s*['"]?$/i.test(before.slice(best.end))) return best.kind;
  const after = text.slice(pos + len, pos + len + 60);
  let m = after.match(/^['"]?\s*(?:,\s*)?(?:as|for)\s+(?:the\s+|a\s+|its\s+)?(?:\w+\s+){0,2}?(prefix|suffix)\b/i);
  if (m) return m[1].toLowerCase() === 'prefix' ? 'starts_with' : 'ends_with';
  m = after.match(/^['"]?\s+at the (start|beginning|end)\b/i);
  if (m) return m[1].toLowerCase() === 'end' ? 'ends_with' : 'starts_with';
  return 'none';
}
function qualifierErrors(prompt, invariants) {
  const errs = [];
  const rules = new Map(); // token -> rule
  for (const inv of invariants) {
    const f = 'values.name' in inv.match ? 'values.name' : 'values.repository_id';
    rules.set(inv.match[f], inv.comparison_rule[f]);
  }
  const low = prompt.toLowerCase();
  for (const [tok, rule] of rules) {
    const kinds = [];
    let i = low.indexOf(tok);
    while (i >= 0) {
      // only whole-token occurrences (not inside a longer alphanumeric run)
      const pre = low[i - 1] || ' ', post = low[i + tok.length] || ' ';
      if (!/[a-z0-9]/.test(pre) && !/[a-z0-9]/.test(post)) kinds.push(classifyOccurrence(low, i, tok.length));
      i = low.indexOf(tok, i + 1);
    }
    if (!kinds.length) { errs.push(`name token ${tok} not found as a whole word`); continue; }
    if (rule === 'exact_match') {
      if (kinds.some((k) => k !== 'none')) errs.push(`exact token ${tok} carries a qualifier (${kinds.join(',')})`);
    } else {
      if (!kinds.includes(rule)) errs.push(`${rule} token ${tok} never carries its qualifier (${kinds.join(',')})`);
      const other = rule === 'starts_with' ? 'ends_with' : 'starts_with';
      if (kinds.includes(other)) errs.push(`${rule} token ${tok} carries the opposite qualifier`);
    }
  }
  return errs;
}
function valuePresent(prompt, field, v) {
  const low = prompt.toLowerCase();
  if (field === 'values.metadata_startup_script') return null; // checked via its token
  if (field === 'values.content_type') return null; // not guaranteed (spec 3.6)
  if (typeof v === 'boolean') return null; // may be reworded; upstream check covers it
  if (typeof v === 'number') {
    if (new RegExp(`(^|[^0-9])${v}([^0-9]|$)`).test(low)) return null;
    if (v <= 20 && new RegExp(`\\b${NUM_WORDS[v]}\\b`).test(low)) return null;
    return `number ${v} missing`;
  }
  const s = v.toLowerCase();
  if (low.includes(s)) return null;
  if (field === 'values.dns_name' && low.includes(s.replace(/\.$/, ''))) return null;
  const m = s.match(/^(\d+)s$/);
  if (m && new RegExp(`\\b${m[1]}(?:\\s*s\\b|\\s+seconds?\\b|-second\\b)`).test(low)) return null;
  return `value ${v} missing`;
}
function verifyRecord(rec, seenIds) {
  const E = [];
  const keys = Object.keys(rec);
  if (keys.join(',') !== 'task_id,nonce,family,style,prompt,invariants') E.push(`bad keys ${keys}`);
  const { task_id, nonce, family, style, prompt, invariants } = rec;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(task_id)) E.push('bad task_id');
  if (!/^[0-9a-f]{16}$/.test(nonce)) E.push('bad nonce');
  if (seenIds.has(task_id)) E.push('duplicate task_id');
  seenIds.add(task_id);
  if (!FAMILIES[family]) E.push(`bad family ${family}`);
  if (!Array.isArray(style) || !style.length || style.some((s) => typeof s !== 'string' || !s)) E.push('bad style');
  // ---- invariants: structure and value domains
  const token = `${task_id.slice(0, 6)}-${nonce.slice(0, 6)}`;
  const byKey = {};
  for (const inv of invariants) {
    const ik = Object.keys(inv);
    if (ik.join(',') !== 'resource_type,match,comparison_rule') E.push(`bad invariant keys ${ik}`);
    const shapes = TYPE_KEYS[inv.resource_type];
    if (!shapes) { E.push(`bad resource_type ${inv.resource_type}`); continue; }
    if (!shapes.some((sh) => sh.join(',') === Object.keys(inv.match).join(','))) E.push(`bad match keys for ${inv.resource_type}: ${Object.keys(inv.match)}`);
    const tk = templateKeyOf(inv);
    if (byKey[tk]) E.push(`duplicate ${tk}`);
    byKey[tk] = inv;
    const m = inv.match, cr = inv.comparison_rule;
    const nf = 'values.name' in m ? 'values.name' : 'values.repository_id';
    if (Object.keys(cr)[0] !== nf) E.push(`${tk}: naming rule must be first and on ${nf}`);
    if (!NAMING_RULES[tk].includes(cr[nf])) E.push(`${tk}: rule ${cr[nf]} not allowed`);
    const nm = m[nf];
    if (tk === 'storage_bucket_object') {
      if (!/^[a-z][a-z0-9]{7,15}txt$/.test(nm)) E.push(`object name ${nm}`);
      if (m['values.content_type'] !== 'text/plain') E.push('object content_type');
      if (!/^[a-z0-9]{12,20}$/.test(m['values.content'])) E.push('object content');
    } else {
      const [lo, hi] = NAME_LEN[inv.resource_type];
      if (!new RegExp(`^[a-z][a-z0-9]{${lo - 1},${hi - 1}}$`).test(nm)) E.push(`${tk}: name ${nm} outside generator domain`);
      if ((tk === 'pubsub_topic' || tk === 'pubsub_subscription') && nm.startsWith('goog')) E.push('goog prefix');
    }
    switch (tk) {
      case 'vpc_network': if (m['values.auto_create_subnetworks'] !== false) E.push('auto_create'); break;
      case 'subnetwork':
        if (!REGION_TO_ZONES[m['values.region']]) E.push('region');
        { const c = m['values.ip_cidr_range'].match(/^10\.(\d+)\.(\d+)\.0\/24$/); if (!c || +c[1] < 10 || +c[1] > 200 || +c[2] > 240) E.push('cidr'); }
        break;
      case 'firewall_rule': {
        const p = FIREWALL_PROFILES.find((x) => x.priority === m['values.priority']);
        if (!p || m['values.direction'] !== 'INGRESS' || m['values.disabled'] !== false || m['values.allow.0.protocol'] !== p.protocol
          || (p.port ? m['values.allow.0.ports.0'] !== p.port : 'values.allow.0.ports.0' in m)) E.push('firewall profile');
        break;
      }
      case 'compute_instance_networked': case 'compute_instance_basic': {
        const tok = tk === 'compute_instance_networked' ? `${token}-net` : token;
        if (!SCRIPT_TEMPLATES.some((f) => f(tok) === m['values.metadata_startup_script'])) E.push('startup script');
        if (!MACHINE_TYPES.includes(m['values.machine_type'])) E.push('machine type');
        if (!Object.values(REGION_TO_ZONES).flat().includes(m['values.zone'])) E.push('zone');
        break;
      }
      case 'storage_bucket':
        if (!BUCKET_LOCATIONS.includes(m['values.location']) || !STORAGE_CLASSES.includes(m['values.storage_class'])) E.push('bucket domain');
        if (cr['values.name'] === 'exact_match') E.push('bucket exact');
        break;
      case 'artifact_repository':
        if (!AR_LOCATIONS.includes(m['values.location']) || !AR_FORMATS.includes(m['values.format'])) E.push('repo domain');
        break;
      case 'pubsub_topic': if (!RETENTIONS.includes(m['values.message_retention_duration'])) E.push('retention'); break;
      case 'pubsub_subscription':
        if (!ACKS.includes(m['values.ack_deadline_seconds']) || !TTLS.includes(m['values.expiration_policy.0.ttl'])
          || typeof m['values.retain_acked_messages'] !== 'boolean') E.push('subscription domain');
        break;
      case 'dns_managed_zone': if (m['values.dns_name'] !== `${nm}.acore.example.`) E.push('dns_name'); break;
      default: break;
    }
  }
  // references and propagation
  const ref = (tk, f, target, tf) => {
    if (!byKey[tk]) return;
    if (!byKey[target]) { E.push(`${tk} without ${target}`); return; }
    const v = byKey[tk].match[f], want = byKey[target].match[tf], rule = byKey[target].comparison_rule[tf];
    if (v !== want) E.push(`${tk}.${f} does not reference ${target}`);
    const got = byKey[tk].comparison_rule[f];
    if (rule === 'exact_match' ? got !== undefined : got !== rule) E.push(`${tk}.${f} propagated rule ${got} != ${rule}`);
  };
  ref('subnetwork', 'values.network', 'vpc_network', 'values.name');
  ref('firewall_rule', 'values.network', 'vpc_network', 'values.name');
  ref('compute_instance_networked', 'values.network_interface.0.subnetwork', 'subnetwork', 'values.name');
  ref('storage_bucket_object', 'values.bucket', 'storage_bucket', 'values.name');
  ref('pubsub_subscription', 'values.topic', 'pubsub_topic', 'values.name');
  if (byKey.compute_instance_networked && byKey.subnetwork && !byKey.compute_instance_networked.match['values.zone'].startsWith(byKey.subnetwork.match['values.region'] + '-')) E.push('vm zone not in subnet region');
  for (const inv of invariants) {
    const allowed = new Set(['values.name', 'values.repository_id', 'values.network', 'values.network_interface.0.subnetwork', 'values.bucket', 'values.topic']);
    for (const f of Object.keys(inv.comparison_rule)) if (!allowed.has(f)) E.push(`unexpected rule on ${f}`);
  }
  // family composition
  const fam = FAMILIES[family];
  if (fam) {
    const present = Object.keys(byKey);
    for (const k of fam.mandatory) if (!present.includes(k)) E.push(`family ${family} missing ${k}`);
    const extra = present.filter((k) => !fam.mandatory.includes(k));
    for (const k of extra) if (!fam.optional.includes(k) && !(k === 'storage_bucket' && present.includes('storage_bucket_object'))) E.push(`family ${family} has foreign ${k}`);
    const opt = extra.filter((k) => fam.optional.includes(k)).length;
    // a bucket may have been pulled in as the object's dependency rather than sampled
    const pulled = fam.optional.includes('storage_bucket') && present.includes('storage_bucket_object') ? 1 : 0;
    if (opt - pulled > Math.min(fam.max, fam.optional.length)) E.push('too many optionals');
    if (opt < Math.min(fam.min, fam.optional.length)) E.push('too few optionals');
  }
  // ---- prompt
  if (typeof prompt !== 'string' || !prompt) { E.push('empty prompt'); return E; }
  if (!/^[\x20-\x7e]+$/.test(prompt)) E.push('prompt not single-line printable ASCII');
  if (prompt !== prompt.trim() || /\s{2}/.test(prompt)) E.push('whitespace not collapsed');
  if (/\*\*|__|`/.test(prompt)) E.push('markdown left in prompt');
  for (const bad of [/undefined|\bnull\b|\[object|\{[A-Z]\}/, /\.\./, / [,.;:]/, /\b(the|a|an|and|with) \1\b/i, /,,|;;|, ?;|; ?,/]) {
    if (bad.test(prompt)) E.push(`writer artifact ${bad} in prompt`);
  }
  const wc = wordCount(prompt);
  if (wc >= 220) E.push(`too long: ${wc} words`);
  for (const re of DISALLOWED) if (re.test(prompt)) E.push(`disallowed word ${re}`);
  const sa = (prompt.match(/Grant (\S+@\S+\.iam\.gserviceaccount\.com) viewer access so they can verify the deployment\./) || [])[1];
  if (!sa) E.push('grant sentence missing');
  else if (prompt.split(grantSentence(sa)).length !== 2) E.push('grant sentence not exactly once');
  const subCount = SUBMISSION_SENTENCES.reduce((n, s) => n + prompt.split(s).length - 1, 0);
  if (subCount !== 1) E.push(`submission sentences: ${subCount}`);
  const low = prompt.toLowerCase();
  if (!['gcp', 'google cloud', 'google cloud platform'].some((p) => low.includes(p))) E.push('provider missing');
  if (!low.includes('zip') || !low.includes('terraform.tfstate')) E.push('zip/tfstate missing');
  if (sa) {
    const chk = upstreamCheck(prompt, { invariants, sa });
    if (!chk.ok) E.push(`upstream acceptance check: ${chk.error}`);
  }
  for (const inv of invariants) for (const [f, v] of Object.entries(inv.match)) {
    const e = valuePresent(prompt, f, v);
    if (e) E.push(`${inv.resource_type} ${f}: ${e}`);
    if (f === 'values.metadata_startup_script') {
      const tok = (v.match(/'([^']+)'/) || [])[1];
      if (!low.includes(tok)) E.push(`startup token ${tok} missing`);
      if (!low.includes('/var/tmp/acore-token')) E.push('startup script path missing');
    }
    if (typeof v === 'string' && /^[A-Z]/.test(v) && prompt.includes(v)) E.push(`enum ${v} not lowercased`);
  }
  E.push(...qualifierErrors(prompt, invariants));
  // ordering of the required sentence pieces is free, but the prompt must not contain a second "Grant"
  if ((prompt.match(/\bGrant\b/g) || []).length !== 1) E.push('more than one Grant');
  return E;
}
function coverageErrors(records) {
  const E = [];
  const seen = new Map();
  const see = (k) => seen.set(k, (seen.get(k) || 0) + 1);
  for (const rec of records) {
    see(`family:${rec.family}`);
    for (const inv of rec.invariants) {
      const m = inv.match, tk = templateKeyOf(inv);
      see(`template:${tk}`);
      const nf = 'values.name' in m ? 'values.name' : 'values.repository_id';
      see(`rule:${tk}:${inv.comparison_rule[nf]}`);
      if (m['values.machine_type']) see(`machine:${m['values.machine_type']}`);
      if (m['values.metadata_startup_script']) see(`script:${SCRIPT_TEMPLATES.findIndex((f) => f(m['values.metadata_startup_script'].match(/'([^']+)'/)[1]) === m['values.metadata_startup_script'])}`);
      if (m['values.region']) see(`region:${m['values.region']}`);
      if (tk === 'storage_bucket') { see(`bucketloc:${m['values.location']}`); see(`class:${m['values.storage_class']}`); }
      if (tk === 'artifact_repository') { see(`arloc:${m['values.location']}`); see(`format:${m['values.format']}`); }
      if (tk === 'pubsub_topic') see(`retention:${m['values.message_retention_duration']}`);
      if (tk === 'pubsub_subscription') { see(`ack:${m['values.ack_deadline_seconds']}`); see(`ttl:${m['values.expiration_policy.0.ttl']}`); see(`retain:${m['values.retain_acked_messages']}`); }
      if (tk === 'firewall_rule') see(`fw:${m['values.priority']}`);
    }
  }
  const need = [
    ...Object.keys(FAMILIES).map((f) => `family:${f}`),
    ...Object.keys(NAMING_RULES).flatMap((k) => NAMING_RULES[k].map((r) => `rule:${k}:${r}`)),
    ...MACHINE_TYPES.map((x) => `machine:${x}`), 'script:0', 'script:1', 'script:2',
    ...Object.keys(REGION_TO_ZONES).map((x) => `region:${x}`), ...BUCKET_LOCATIONS.map((x) => `bucketloc:${x}`),
    ...STORAGE_CLASSES.map((x) => `class:${x}`), ...AR_LOCATIONS.map((x) => `arloc:${x}`), ...AR_FORMATS.map((x) => `format:${x}`),
    ...RETENTIONS.map((x) => `retention:${x}`), ...ACKS.map((x) => `ack:${x}`), ...TTLS.map((x) => `ttl:${x}`), 'retain:true', 'retain:false',
    'fw:1000', 'fw:1001', 'fw:1002',
  ];
  for (const k of need) if (!seen.get(k)) E.push(`coverage: ${k} never generated`);
  return E;
}
function verifyFile(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const recs = [], errors = [];
  const ids = new Set();
  lines.forEach((l, i) => {
    let rec;
    try { rec = JSON.parse(l); } catch (e) { errors.push(`line ${i + 1}: bad JSON`); return; }
    recs.push(rec);
    for (const e of verifyRecord(rec, ids)) errors.push(`line ${i + 1} (${rec.family}): ${e}`);
  });
  if (recs.length < 90) errors.push(`only ${recs.length} records`);
  errors.push(...coverageErrors(recs));
  return { recs, errors };
}

// ---------------------------------------------------------------- main
function main() {
  const checkOnly = process.argv.includes('--check');
  if (!checkOnly) {
    const famNames = Object.keys(FAMILIES);
    const out = [], inputsOut = [];
    // startup-script renderings are dealt from a shuffled deck so every rendering shows up several times
    const STYLES = ['escaped', 'inline-newlines', 'block', 'oneline', 'described', 'lossy', 'semicolons', 'codefence', 'backticks', 'escaped', 'oneline', 'block'];
    const deckRng = new Rng(`${MASTER_SEED}:script-deck`);
    let deck = [];
    const nextStyle = () => { if (!deck.length) deck = deckRng.shuffle(STYLES); return deck.shift(); };
    let idx = 0;
    for (let round = 0; round < TASKS_PER_FAMILY; round++) {
      for (const fam of new Rng(`${MASTER_SEED}:round:${round}`).shuffle(famNames)) {
        let task, bump = 0;
        do { task = buildTask(`${idx}.${bump++}`, fam); } while (tokensCollide(task));
        idx++;
        const inputs = generatorInputs(task);
        const rw = rewrite(task, inputs, task.res.vm || task.res.vmb ? nextStyle() : null);
        out.push(pyJson({ task_id: task.task_id, nonce: task.nonce, family: task.family, style: rw.tags, prompt: rw.prompt, invariants: task.invariants }));
        const { shapes, ...shown } = inputs;
        inputsOut.push(pyJson({ task_id: task.task_id, kind: task.kind, llm_context: shown, llm_raw_output: rw.raw, attempts: rw.attempts }));
      }
    }
    fs.writeFileSync(OUT, out.join('\n') + '\n');
    fs.writeFileSync(path.join(HERE, 'llm-inputs.jsonl'), inputsOut.join('\n') + '\n');
  }
  const { recs, errors } = verifyFile(OUT);
  const styleCount = new Map(), famCount = new Map();
  for (const r of recs) {
    famCount.set(r.family, (famCount.get(r.family) || 0) + 1);
    for (const s of r.style) styleCount.set(s, (styleCount.get(s) || 0) + 1);
  }
  console.log(`${recs.length} tasks in ${path.relative(process.cwd(), OUT)}`);
  console.log('families: ' + [...famCount].sort().map(([k, v]) => `${k}=${v}`).join(' '));
  console.log('styles:');
  for (const [k, v] of [...styleCount].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${k.padEnd(34)} ${v}`);
  const wcs = recs.map((r) => wordCount(r.prompt));
  console.log(`words: min ${Math.min(...wcs)} max ${Math.max(...wcs)} mean ${(wcs.reduce((a, b) => a + b, 0) / wcs.length).toFixed(1)}`);
  if (errors.length) {
    console.error(`\n${errors.length} verification failure(s):`);
    for (const e of errors) console.error('  ' + e);
    process.exit(1);
  }
  console.log('verification: OK');
}
main();
