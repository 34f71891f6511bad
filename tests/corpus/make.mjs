#!/usr/bin/env node
// Builds the prompt-parser test corpus: tests/corpus/llm-dev.jsonl and tests/corpus/llm-holdout.jsonl.
//
//   node tests/corpus/make.mjs          regenerate both files (deterministic), verify, print style counts
//   node tests/corpus/make.mjs --check  verify only, write nothing (exit 1 on any problem)
//   node tests/corpus/make.mjs --print  also print every generated line
//
// Every case is a compact resource spec plus a hand-written prompt with {placeholders}. The spec is expanded into
// invariants exactly as the AlphaCore generator writes them (spec 3.3 / 3.5); names, tokens, CIDRs and object contents
// that the spec does not pin are drawn from a PRNG seeded by the case text, so output is stable across runs.
// Written blind to the solver's parser: nothing here reads lualib/ or the solver's own tests.
//
// Spec DSL: whitespace-separated resources `key:rule[=name][,param...]`; rule x = exact_match, s = starts_with,
// e = ends_with.
//   vpc:R                          google_compute_network (auto_create_subnetworks false)
//   sn:R,region[,cidr]             google_compute_subnetwork on the vpc
//   fw:R,profile                   google_compute_firewall on the vpc; profile ssh|http|icmp or proto:port:priority
//   vm:R,zone,machine,T1|T2|T3     google_compute_instance; networked (on sn, token + "-net") when the case has sn,
//                                  except in network_without_instance or with a fifth parameter `basic`
//   bkt:R,location,class           google_storage_bucket (location / class written upper-case in the invariant)
//   obj:x[=name][,content]         google_storage_bucket_object in the bucket, content_type text/plain ('+' = space)
//   repo:R,location,docker|python  google_artifact_registry_repository
//   top:R,retention                google_pubsub_topic, retention like 600s
//   ps:R,ack,true|false,ttl        google_pubsub_subscription on the topic
//   dns:R                          google_dns_managed_zone, dns_name "<name>.acore.example."
//
// Prompt placeholders: {vpc} {sn} {fw} {vm} {bkt} {obj} {repo} {top} {ps} {dns} (names), {cidr}, {content},
// {dnsname} (with trailing dot), {tok} (startup token, with -net for a networked VM), {script} (template text with
// newlines collapsed to spaces, as upstream post-processing leaves it), {script\n} (literal backslash-n escapes),
// {GRANT} (the verbatim grant sentence), {SUB1} {SUB2} {SUB3} (the three fixed submission sentences).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHECK_ONLY = process.argv.includes('--check');

// ---------------------------------------------------------------------------------------------------------------
// Fixed text and value domains (spec 3.3, 3.6)

const SA = 'alphacore-validator@alphacore-478113.iam.gserviceaccount.com';
const GRANT = `Grant ${SA} viewer access so they can verify the deployment.`;
const SUBS = [
  'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.',
  'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.',
  'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.',
];

const GEN_ZONES = {
  'us-central1': ['a', 'b', 'c', 'f'],
  'us-east1': ['b', 'c', 'd'],
  'europe-west1': ['b', 'c', 'd'],
};
// Real regions and zones for the plain operator prompts (each listed zone exists in its region).
const REAL_ZONES = {
  ...GEN_ZONES,
  'us-west1': ['a', 'b', 'c'], 'us-west2': ['a', 'b', 'c'], 'us-west4': ['a', 'b', 'c'], 'us-east4': ['a', 'b', 'c'],
  'us-south1': ['a', 'b', 'c'], 'northamerica-northeast1': ['a', 'b', 'c'], 'southamerica-east1': ['a', 'b', 'c'],
  'europe-west2': ['a', 'b', 'c'], 'europe-west3': ['a', 'b', 'c'], 'europe-west4': ['a', 'b', 'c'],
  'europe-north1': ['a', 'b', 'c'], 'europe-southwest1': ['a', 'b', 'c'], 'asia-northeast1': ['a', 'b', 'c'],
  'asia-south1': ['a', 'b', 'c'], 'asia-southeast1': ['a', 'b', 'c'], 'asia-east1': ['a', 'b', 'c'],
  'australia-southeast1': ['a', 'b', 'c'], 'me-west1': ['a', 'b', 'c'],
};
const GEN_MACHINES = ['e2-micro', 'e2-small', 'e2-medium'];
const GEN_BUCKET_LOC = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'asia-southeast1'];
const GEN_CLASSES = ['standard', 'nearline', 'coldline'];
const GEN_AR_LOC = GEN_BUCKET_LOC;
const GEN_RETENTION = ['600s', '900s', '1200s'];
const GEN_ACK = [10, 20, 30, 60];
const GEN_TTL = ['86400s', '172800s', '259200s'];
const PROFILES = {
  ssh: { protocol: 'tcp', port: '22', priority: 1000 },
  http: { protocol: 'tcp', port: '80', priority: 1001 },
  icmp: { protocol: 'icmp', port: null, priority: 1002 },
};
const TEMPLATES = {
  T1: (t) => `#!/bin/bash\nset -euo pipefail\necho '${t}' > /var/tmp/acore-token\n`,
  T2: (t) => `#!/bin/bash\nprintf '${t}' > /var/tmp/acore-token\n`,
  T3: (t) => `#!/bin/bash\n/usr/bin/env echo '${t}' > /var/tmp/acore-token\n`,
};
const RULES = { x: 'exact_match', s: 'starts_with', e: 'ends_with' };

// Families (spec 3.2): mandatory keys and the optional keys with their count range. single_vm is the single bank's
// basic-VM family (spec 3.2, used with ALPHACORE_TASK_BANK=single); custom marks operator requests that fit no family.
const FAMILIES = {
  network_stack: { must: ['vpc', 'sn', 'fw', 'vm'], opt: [], min: 0, max: 0 },
  network_without_instance: { must: ['vpc', 'sn', 'fw'], opt: ['vm'], min: 0, max: 1 },
  storage_delivery: { must: ['bkt'], opt: ['repo', 'top'], min: 1, max: 2 },
  artifact_delivery: { must: ['repo'], opt: ['bkt', 'top', 'obj'], min: 1, max: 3 },
  bucket_with_object: { must: ['bkt', 'obj'], opt: ['top'], min: 0, max: 1 },
  network_plus_storage: { must: ['vpc', 'sn', 'fw', 'vm', 'bkt'], opt: ['obj', 'repo'], min: 1, max: 2 },
  network_plus_artifacts: { must: ['vpc', 'sn', 'fw', 'vm', 'repo'], opt: ['bkt', 'obj'], min: 1, max: 2 },
  network_plus_pubsub: { must: ['vpc', 'sn', 'fw', 'vm', 'top'], opt: ['bkt', 'obj'], min: 0, max: 2 },
  storage_with_pubsub: { must: ['bkt', 'top'], opt: ['repo', 'obj'], min: 1, max: 2 },
  dns_frontend: { must: ['dns', 'bkt'], opt: ['obj', 'top'], min: 1, max: 2 },
  dns_network_bridge: { must: ['dns', 'vpc', 'sn', 'vm'], opt: ['fw', 'bkt'], min: 1, max: 2 },
  topic_with_subscription: { must: ['top', 'ps'], opt: ['bkt'], min: 0, max: 1 },
  single_vm: { must: ['vm'], opt: [], min: 0, max: 0 },
  custom: null,
};

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

function hash32(s) {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
  return h;
}
function makeRng(seed) {
  let a = hash32(seed);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (arr) => arr[int(arr.length)] };
}
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = LOWER + '0123456789';
const HEX = '0123456789abcdef';
function genToken(r, min, max) {
  const n = min + r.int(max - min + 1);
  let s = LOWER[r.int(26)];
  for (let i = 1; i < n; i++) s += ALNUM[r.int(36)];
  return s;
}
function genHex(r, n) { let s = ''; for (let i = 0; i < n; i++) s += HEX[r.int(16)]; return s; }
function genUuid4(r) {
  const h = genHex(r, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[r.int(4)];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
const NAME_GEN = {
  vpc: (r) => genToken(r, 6, 18),
  sn: (r) => genToken(r, 6, 18),
  fw: (r) => genToken(r, 6, 18),
  vm: (r) => genToken(r, 6, 18),
  bkt: (r) => genToken(r, 10, 20),
  repo: (r) => genToken(r, 6, 18),
  top: (r) => { let t; do t = genToken(r, 6, 20); while (t.startsWith('goog')); return t; },
  ps: (r) => { let t; do t = genToken(r, 6, 20); while (t.startsWith('goog')); return t; },
  dns: (r) => genToken(r, 6, 14),
  obj: (r) => genToken(r, 8, 16) + 'txt',
};
const NAME_LEN = { vpc: [6, 18], sn: [6, 18], fw: [6, 18], vm: [6, 18], bkt: [10, 20], repo: [6, 18], top: [6, 20], ps: [6, 20], dns: [6, 14], obj: [11, 19] };

// ---------------------------------------------------------------------------------------------------------------
// Case registry

const CASES = { dev: [], holdout: [] };
let currentSplit = 'dev';
const splitOf = (s) => { currentSplit = s; };
// C(family, tags, spec, prompt, opts): opts.from = source task id prefix for cases derived from tests/data tasks.
function C(family, tags, spec, prompt, opts = {}) {
  CASES[currentSplit].push({ split: currentSplit, family, tags: tags.split(/\s+/).filter(Boolean), spec, prompt, opts });
}
const D = (family, tags, spec, prompt, from) => C(family, tags + ' derived', spec, prompt, { from });
const OP = (family, tags, spec, prompt) => C(family, tags + ' operator', spec, prompt, { operator: true });

// ---------------------------------------------------------------------------------------------------------------
// Expansion of a case into invariants

function parseSpec(spec) {
  const out = {};
  for (const part of spec.trim().split(/\s+/)) {
    const m = /^([a-z]+):(.*)$/.exec(part);
    if (!m) throw new Error(`bad spec part ${part}`);
    const [key, rest] = [m[1], m[2]];
    const fields = rest.split(',');
    const [rule, name] = fields[0].split('=');
    if (!RULES[rule]) throw new Error(`bad rule in ${part}`);
    if (out[key]) throw new Error(`duplicate ${key}`);
    out[key] = { rule, name: name || null, p: fields.slice(1) };
  }
  return out;
}

function expand(c) {
  const seed = `${c.split}|${c.family}|${c.spec}|${c.prompt}`;
  const r = makeRng(seed);
  const task_id = genUuid4(r);
  const nonce = genHex(r, 16);
  const res = parseSpec(c.spec);
  const isOp = !!c.opts.operator;
  // A VM is networked (on the subnet, token + "-net") when the case has a subnet, except in network_without_instance
  // (the generator's basic VM, spec 3.3) or when the vm spec carries a fifth parameter "basic".
  const networked = !!(res.vm && res.sn && c.family !== 'network_without_instance' && res.vm.p[3] !== 'basic');
  const tok = `${task_id.slice(0, 6)}-${nonce.slice(0, 6)}` + (networked ? '-net' : '');

  // names: given or drawn; drawn names never contain, nor are contained in, another value of the case
  const names = {};
  const taken = [tok];
  for (const key of Object.keys(res)) if (res[key].name) { names[key] = res[key].name; taken.push(res[key].name); }
  const clash = (v) => taken.some((t) => t.includes(v) || v.includes(t));
  for (const key of Object.keys(res)) {
    if (names[key]) continue;
    let v;
    do v = NAME_GEN[key](r); while (clash(v));
    names[key] = v;
    taken.push(v);
  }
  let cidr = null;
  if (res.sn) {
    cidr = res.sn.p[1] || `10.${10 + r.int(191)}.${r.int(241)}.0/24`;
  }
  let content = null;
  if (res.obj) {
    if (res.obj.p[0]) content = res.obj.p[0].replace(/\+/g, ' '); // '+' stands for a space in the DSL
    else { do content = genToken(r, 12, 20); while (clash(content)); }
  }

  const invs = [];
  const ruled = []; // [invariant, field, token, rule] for the rule-bearing field of each invariant
  const add = (type, match, nameField, key) => {
    const inv = { resource_type: type, match, comparison_rule: {} };
    if (nameField) {
      inv.comparison_rule[nameField] = RULES[res[key].rule];
      ruled.push({ inv, field: nameField, token: match[nameField], rule: RULES[res[key].rule] });
    }
    invs.push(inv);
  };
  if (res.repo) {
    const [loc, fmt] = res.repo.p;
    add('google_artifact_registry_repository', {
      'values.repository_id': names.repo, 'values.location': loc, 'values.format': fmt.toUpperCase(),
    }, 'values.repository_id', 'repo');
  }
  if (res.dns) {
    add('google_dns_managed_zone', { 'values.name': names.dns, 'values.dns_name': `${names.dns}.acore.example.` }, 'values.name', 'dns');
  }
  if (res.vpc) {
    add('google_compute_network', { 'values.name': names.vpc, 'values.auto_create_subnetworks': false }, 'values.name', 'vpc');
  }
  if (res.bkt) {
    const [loc, cls] = res.bkt.p;
    add('google_storage_bucket', {
      'values.name': names.bkt, 'values.location': loc.toUpperCase(), 'values.storage_class': cls.toUpperCase(),
    }, 'values.name', 'bkt');
  }
  if (res.top) {
    add('google_pubsub_topic', { 'values.name': names.top, 'values.message_retention_duration': res.top.p[0] }, 'values.name', 'top');
  }
  if (res.sn) {
    add('google_compute_subnetwork', {
      'values.name': names.sn, 'values.network': names.vpc, 'values.region': res.sn.p[0], 'values.ip_cidr_range': cidr,
    }, 'values.name', 'sn');
  }
  if (res.fw) {
    const prof = PROFILES[res.fw.p[0]] || (() => {
      const [protocol, port, priority] = res.fw.p[0].split(':');
      return { protocol, port: port || null, priority: Number(priority) };
    })();
    const m = {
      'values.name': names.fw, 'values.network': names.vpc, 'values.direction': 'INGRESS',
      'values.priority': prof.priority, 'values.disabled': false, 'values.allow.0.protocol': prof.protocol,
    };
    if (prof.port) m['values.allow.0.ports.0'] = prof.port;
    add('google_compute_firewall', m, 'values.name', 'fw');
  }
  if (res.obj) {
    add('google_storage_bucket_object', {
      'values.name': names.obj, 'values.bucket': names.bkt, 'values.content_type': 'text/plain', 'values.content': content,
    }, 'values.name', 'obj');
  }
  if (res.ps) {
    const [ack, retain, ttl] = res.ps.p;
    add('google_pubsub_subscription', {
      'values.name': names.ps, 'values.topic': names.top, 'values.ack_deadline_seconds': Number(ack),
      'values.retain_acked_messages': retain === 'true', 'values.expiration_policy.0.ttl': ttl,
    }, 'values.name', 'ps');
  }
  let tpl = null;
  if (res.vm) {
    const [zone, machine, t] = res.vm.p;
    tpl = t;
    if (!TEMPLATES[t]) throw new Error(`bad template ${t}`);
    const m = { 'values.name': names.vm, 'values.zone': zone, 'values.machine_type': machine };
    if (networked) m['values.network_interface.0.subnetwork'] = names.sn;
    m['values.metadata_startup_script'] = TEMPLATES[t](tok);
    add('google_compute_instance', m, 'values.name', 'vm');
  }
  // Propagation (spec 3.5): a field whose string value equals a starts_with / ends_with token inherits that rule.
  for (const { token, rule } of ruled) {
    if (rule === 'exact_match') continue;
    for (const inv of invs) {
      for (const [field, val] of Object.entries(inv.match)) {
        if (val === token && !inv.comparison_rule[field]) inv.comparison_rule[field] = rule;
      }
    }
  }

  const script = tpl ? TEMPLATES[tpl](tok) : null;
  const subst = {
    ...names, cidr, content, tok,
    dnsname: res.dns ? `${names.dns}.acore.example.` : null,
    script: script && script.replace(/\n/g, ' ').trim(),
    'script\\n': script && script.replace(/\n/g, '\\n'),
    GRANT, SUB1: SUBS[0], SUB2: SUBS[1], SUB3: SUBS[2],
  };
  const prompt = c.prompt.replace(/\{([A-Za-z0-9]+(?:\\n)?)\}/g, (all, k) => {
    if (!(k in subst) || subst[k] == null) throw new Error(`unknown or empty placeholder ${all}`);
    return subst[k];
  });
  return { task_id, nonce, res, names, tok, tpl, networked, invs, prompt, isOp };
}

// ---------------------------------------------------------------------------------------------------------------
// Verification helpers

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function numberWords(n) {
  if (n < 20) return [WORDS[n]];
  if (n < 100) {
    const t = TENS[Math.floor(n / 10)];
    return n % 10 ? [`${t}-${WORDS[n % 10]}`, `${t} ${WORDS[n % 10]}`] : [t];
  }
  if (n >= 1000 && n < 1100) {
    const rest = n - 1000;
    if (!rest) return ['one thousand'];
    return numberWords(rest).flatMap((w) => [`one thousand and ${w}`, `one thousand ${w}`]);
  }
  return [];
}
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// a number standing alone: not part of a word, a dotted quad or a longer number
const numRe = (n) => new RegExp(`(?<![\\w.])${n}(?![\\w]|\\.\\d)`, 'i');
const wordRe = (w) => new RegExp(`\\b${esc(w)}\\b`, 'i');
function durationForms(sec) {
  const f = [`${sec} seconds`, `${sec} second`, `${sec}-second`, `${sec} sec`, `${sec} secs`];
  const unit = (n, u, short) => [
    `${n} ${u}s`, `${n} ${u}`, `${n}-${u}`, ...(short ? [`${n} ${short}`, `${n}${short}`] : []),
    ...numberWords(n).flatMap((w) => [`${w} ${u}s`, `${w} ${u}`, `${w}-${u}`]),
  ];
  if (sec % 60 === 0) f.push(...unit(sec / 60, 'minute', 'min'));
  if (sec % 3600 === 0) f.push(...unit(sec / 3600, 'hour', 'h'));
  if (sec % 86400 === 0) f.push(...unit(sec / 86400, 'day', 'd'));
  if (sec % 604800 === 0) f.push(...unit(sec / 604800, 'week', null), ...(sec === 604800 ? ['a week', 'a full week'] : []));
  if (sec === 900) f.push('a quarter of an hour', 'quarter of an hour', 'quarter-hour', 'quarter hour');
  if (sec === 86400) f.push('a day', 'a single day', 'a full day');
  if (sec === 3600) f.push('an hour', 'one hour');
  return f;
}
const REGIONISH = /^[a-z]+-[a-z]+\d$/;

const SYNONYMS = {
  bucket: ['storage bucket', 'GCS bucket', 'Cloud Storage bucket', 'object storage bucket'],
  repository: ['Docker registry', 'Artifact Registry repo', 'package repository'],
  topic: ['message topic', 'Pub/Sub topic'],
  subscription: ['pull subscription'],
  instance: ['compute instance', 'VM', 'virtual machine', 'GCE instance', 'server'],
  network: ['VPC', 'virtual network', 'custom network'],
  subnet: ['subnet', 'subnetwork', 'IP range'],
  firewall: ['firewall rule', 'ingress rule', 'allow rule'],
  dns: ['DNS zone', 'Cloud DNS managed zone'],
  object: ['object', 'file', 'blob'],
};
const RARE_SYNONYMS = ['GCS bucket', 'Cloud Storage bucket', 'object storage bucket', 'Docker registry', 'Artifact Registry repo',
  'package repository', 'message topic', 'pull subscription', 'compute instance', 'virtual machine', 'GCE instance', 'server',
  'virtual network', 'custom network', 'IP range', 'ingress rule', 'allow rule', 'DNS zone', 'Cloud DNS managed zone', 'blob'];

const BOOL_WORDINGS = [/\((yes|no|true|false|on|off)\)/i, /turned (off|on)/i, /\bdisabled\b/i, /\benabled\b/i, /not retained/i,
  /acknowledged messages: (true|false)/i, /discard(s|ing)? (the )?ack/i, /\bswitched (off|on)\b/i, /\bkeep(s|ing)? (the )?ack/i,
  /\bdrop(s|ped|ping)? (the )?ack/i, /\bauto[- ]?(mode|create)[^.]{0,30}\b(off|no|disabled)\b/i, /\bretain(ed|s)? ack[^.]{0,20}\b(yes|no|on|off)\b/i];

// Tag detectors. `auto` tags are added whenever the detector fires; every other tag is set by hand and, where a
// detector exists, the hand-set tag must pass it.
const TAG_INFO = {
  fresh: { doc: 'values drawn fresh for this corpus (generator domains)' },
  derived: { doc: 'facts of one of the 48 tests/data generator tasks, rephrased from scratch (new task_id/nonce)' },
  operator: { doc: 'plain operator request: real-looking names (hyphens allowed), any real region, no grant/submission sentence' },
  validator: { doc: 'validator-style LLM rewrite: grant sentence + exactly one submission sentence' },
  shuffled: { doc: 'clauses out of dependency order (a dependent resource named before what it depends on) or attributes before the name', auto: (e) => depOrderShuffled(e) },
  'value-before-cue': { doc: 'a value stated before the resource word it belongs to ("us-east1 is where the bucket lives")' },
  'multi-resource-sentence': { doc: 'several resources in one sentence, one stated value shared by several of them' },
  'distinct-regions': { doc: 'bucket and repository in different regions', auto: (e) => !!(e.res.bkt && e.res.repo && e.res.bkt.p[0].toLowerCase() !== e.res.repo.p[0].toLowerCase()) },
  'qual-starting': { doc: '"a name starting X" (no "with")', auto: (e) => nameRe(e, 'starting\\s+(?:the\\s+string\\s+)?') },
  'qual-beginning-with': { doc: '"beginning with X" / "begins with X"', auto: (e) => /\bbegin(ning|s)\s+with\b/i.test(e.prompt) },
  'qual-prefixed-by': { doc: '"prefixed by X"', auto: (e) => /\bprefixed by\b/i.test(e.prompt) },
  'qual-ends': { doc: '"whose name ends X" (no "with")', auto: (e) => nameRe(e, 'ends\\s+(?:in\\s+)?') },
  'qual-ending-in': { doc: '"ending in X"', auto: (e) => /\bending in\b/i.test(e.prompt) },
  'qual-suffix': { doc: '"with the suffix X" / "a suffix of X"', auto: (e) => /\b(the|a) suffix\b/i.test(e.prompt) },
  'qual-as-prefix': { doc: '"X as its prefix" / "X as the suffix"', auto: (e) => /\bas (its|the|a|their) (prefix|suffix)\b/i.test(e.prompt) },
  'qual-global': { doc: 'one statement for all names ("every name below is a prefix")', auto: (e) => !!globalQualifier(e.prompt) },
  adjectival: { doc: '"docker-format repository", "python-format", "coldline-class bucket"', auto: (e) => /\b(docker|python)-format\b|\b(standard|nearline|coldline|archive)-class\b/i.test(e.prompt) },
  'content-phrasing': { doc: 'object content as "whose body is X", "with X as its content", "containing the text X", "the file should read X"', auto: (e) => /whose body is|as its (content|contents|body)\b|containing the text|the file should read|should read exactly|body should be|body reads|holding the text|with the text/i.test(e.prompt) },
  'bool-wording': { doc: 'booleans as (yes)/(no), turned off, disabled, enabled, not retained, discard acked messages ...', check: (e) => BOOL_WORDINGS.some((re) => re.test(e.prompt)) },
  'duration-units': { doc: 'a duration in other units or words ("10 minutes", "a quarter of an hour", "2 days", "72 hours")' },
  'number-words': { doc: 'a number in words ("sixty-second ack deadline", "priority one thousand")' },
  negation: { doc: 'an explicit negative ("no firewall rules", "do not create a VM", "on the default network", "auto create subnetworks false")', check: (e) => /\b(no|not|without|never|don't|skip|nothing|false|default network|off)\b/i.test(e.prompt) },
  synonyms: { doc: 'uncommon resource nouns (GCS bucket, Docker registry, message topic, GCE instance, virtual network, IP range, allow rule, blob, ...)', auto: (e) => RARE_SYNONYMS.some((w) => new RegExp(`\\b${esc(w)}s?\\b`, 'i').test(e.prompt)) },
  'script-full': { doc: 'startup script text given in full with #!/bin/bash', auto: (e) => /#!\/bin\/bash\s*(\\n)?\s*(set -euo|printf|\/usr\/bin\/env)/.test(e.prompt) },
  'script-shebang-lost': { doc: 'startup script starting "!/bin/bash" (shebang # lost in post-processing)', auto: (e) => /(^|[^#])!\/bin\/bash/.test(e.prompt) },
  'script-escaped-newlines': { doc: 'startup script with literal \\n sequences', auto: (e) => e.prompt.includes('\\n') },
  'script-description': { doc: 'startup script only described ("a startup script that writes TOKEN to /var/tmp/acore-token using printf")', auto: (e) => !!e.res.vm && !/\/bin\/bash/.test(e.prompt) },
  'script-template-unstated': { doc: 'no template clue (pipefail / printf / /usr/bin/env); the invariant holds the template chosen as truth', auto: (e) => !!e.res.vm && !templateClue(e.prompt) },
  'firewall-wording': { doc: 'firewall as tcp/80, "port 22 over tcp", ssh, http, icmp echo, priority in words', auto: (e) => !!e.res.fw && /tcp\/\d+|port \d+ over tcp|\bssh\b|\bhttp\b|\bhttps\b|icmp echo|\bping\b|priority (one|nine|sixty)/i.test(e.prompt) },
};
function nameRe(e, prefix) {
  return Object.values(e.names).some((n) => new RegExp(`\\b${prefix}${esc(n)}\\b`, 'i').test(e.prompt));
}
function templateClue(p) {
  if (/pipefail/.test(p)) return 'T1';
  if (/printf/.test(p)) return 'T2';
  if (/\/usr\/bin\/env/.test(p)) return 'T3';
  return null;
}
function globalQualifier(p) {
  const m = /\b(every|all|each)\b[^.;]{0,50}\bnames?\b[^.;]{0,60}?\b(prefix|prefixes|prefixed|suffix|suffixes|suffixed|starts? with|ends? with|beginnings?|endings?)\b/i.exec(p);
  if (!m) return null;
  return /prefix|start|begin/i.test(m[2]) ? 'starts_with' : 'ends_with';
}
function firstPos(p, name) {
  const m = new RegExp(`(?<![a-z0-9-])${esc(name)}(?![a-z0-9-])`, 'i').exec(p);
  return m ? m.index : -1;
}
function depOrderShuffled(e) {
  const pairs = [['vpc', 'sn'], ['vpc', 'fw'], ['sn', 'vm'], ['bkt', 'obj'], ['top', 'ps'], ['vpc', 'vm']];
  return pairs.some(([a, b]) => e.res[a] && e.res[b] && firstPos(e.prompt, e.names[b]) < firstPos(e.prompt, e.names[a]));
}

// Qualifier proximity: the marker closest before a name (same clause, within 32 chars) or right after it
// ("X as its prefix") decides what the prompt says about it.
const PREFIX_W = /\b(start|starts|starting|begin|begins|beginning|prefix|prefixed|prefixes|leading|opens with|opening with)\b/gi;
const SUFFIX_W = /\b(end|ends|ending|suffix|suffixed|suffixes|trailing|finish|finishes|finishing|closes with)\b/gi;
const EXACT_W = /\b(named|called|exactly|equals|equal|titled|labelled|labeled|literally)\b/gi;
function markerAt(p, idx, name, names) {
  const post = p.slice(idx + name.length, idx + name.length + 40);
  const pm = /^\W{0,3}(?:is\s+)?(?:as\s+)?(?:its|the|a|their)?\s*(prefix|suffix)\b/i.exec(post);
  if (pm) return pm[1].toLowerCase() === 'prefix' ? 'starts_with' : 'ends_with';
  let pre = p.slice(Math.max(0, idx - 32), idx);
  const cut = Math.max(pre.lastIndexOf('.'), pre.lastIndexOf(';'), pre.lastIndexOf(','), pre.lastIndexOf(':'));
  if (cut >= 0) pre = pre.slice(cut + 1);
  // a marker that belongs to another name in between ("ending with B on A") is not about this one
  for (const other of Object.values(names)) {
    if (other === name) continue;
    const at = pre.toLowerCase().lastIndexOf(other.toLowerCase());
    if (at >= 0) pre = pre.slice(at + other.length);
  }
  let best = null;
  for (const [re, kind] of [[PREFIX_W, 'starts_with'], [SUFFIX_W, 'ends_with'], [EXACT_W, 'exact_match']]) {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(pre))) if (!best || m.index > best.i) best = { i: m.index, kind };
  }
  return best ? best.kind : null;
}
function qualifierProblems(e) {
  const out = [];
  const glob = globalQualifier(e.prompt);
  for (const inv of e.invs) {
    const field = inv.match['values.repository_id'] !== undefined ? 'values.repository_id' : 'values.name';
    if (inv.resource_type === 'google_storage_bucket_object') continue;
    const name = inv.match[field];
    const rule = inv.comparison_rule[field];
    const re = new RegExp(`(?<![a-z0-9-])${esc(name)}(?![a-z0-9-])(?!\\.acore)`, 'gi');
    const kinds = [];
    let m;
    while ((m = re.exec(e.prompt))) kinds.push(markerAt(e.prompt, m.index, name, e.names));
    if (!kinds.length) continue; // absence is reported by the value check
    const flex = (k) => k === 'starts_with' || k === 'ends_with';
    if (rule === 'exact_match') {
      if (kinds.some(flex)) out.push(`${name}: exact_match but a prefix/suffix marker sits next to it`);
      if (glob && !kinds.includes('exact_match')) out.push(`${name}: exact_match under a global qualifier without "named/called/exactly"`);
    } else {
      if (kinds.some((k) => flex(k) && k !== rule)) out.push(`${name}: ${rule} but the opposite marker sits next to it`);
      if (!kinds.includes(rule) && glob !== rule) out.push(`${name}: ${rule} but no marker for it`);
    }
  }
  return out;
}

// Every invariant value must be in the prompt (spec 3.6), with the allowed rewordings.
function valueProblems(e, auto) {
  const out = [];
  const p = e.prompt;
  const pl = p.toLowerCase();
  const noCidr = p.replace(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}\b/g, ' ');
  for (const inv of e.invs) {
    for (const [field, v] of Object.entries(inv.match)) {
      const where = `${inv.resource_type} ${field}=${JSON.stringify(v)}`;
      if (field === 'values.content_type') continue; // not guaranteed (spec 3.6)
      if (field === 'values.metadata_startup_script') {
        if (!pl.includes(e.tok)) out.push(`${where}: token ${e.tok} missing`);
        const clue = templateClue(p);
        if (clue && clue !== e.tpl) out.push(`startup script: prompt points at ${clue}, invariant is ${e.tpl}`);
        continue;
      }
      if (field === 'values.dns_name') {
        if (!pl.includes(v.replace(/\.$/, ''))) out.push(`${where}: missing`);
        continue;
      }
      if (typeof v === 'boolean') {
        if (field === 'values.retain_acked_messages') {
          const yes = /\b(true|yes|enabled|on)\b|\bretain(ed|s|ing)?\b[^.;]{0,25}\back|\bkeep(s|ing)?\b[^.;]{0,25}\back|\bkept\b/i;
          const no = /\b(false|no|disabled|off)\b|\bdiscard|\bnot\b[^.;]{0,12}\bretain|\bdrop(s|ped|ping)?\b[^.;]{0,25}\back|\bdelete/i;
          if (!(v ? yes : no).test(p)) out.push(`${where}: no wording for ${v}`);
        }
        continue; // auto_create_subnetworks / disabled: wording may be implicit ("custom-mode VPC", "active rule")
      }
      if (typeof v === 'number') {
        if (numRe(v).test(noCidr)) continue;
        if (numberWords(v).some((w) => wordRe(w).test(p))) { auto.add('number-words'); continue; }
        out.push(`${where}: missing`);
        continue;
      }
      if (/^\d+s$/.test(v)) {
        const sec = Number(v.slice(0, -1));
        if (new RegExp(`(?<![\\w.])${v}\\b`, 'i').test(p)) continue;
        if (durationForms(sec).some((f) => new RegExp(`(?<![\\w.])${esc(f)}\\b`, 'i').test(p))) { auto.add('duration-units'); continue; }
        out.push(`${where}: missing (no accepted wording)`);
        continue;
      }
      if (/^\d+$/.test(v)) { // firewall port
        if (!numRe(v).test(noCidr)) out.push(`${where}: missing`);
        continue;
      }
      const lv = v.toLowerCase();
      const isName = /^values\.(name|repository_id|network|bucket|topic|network_interface\.0\.subnetwork)$/.test(field);
      const re = REGIONISH.test(lv)
        ? new RegExp(`(?<![a-z0-9-])${esc(lv)}(?!-[a-z]\\b)(?![a-z0-9])`, 'i') // a region, not the zone that contains it
        : new RegExp(`(?<![a-z0-9-])${esc(lv)}(?![a-z0-9]${isName ? '|-[a-z0-9]' : ''})`, 'i');
      if (!re.test(p)) out.push(`${where}: missing`);
    }
  }
  return out;
}

function familyProblems(c, e) {
  const def = FAMILIES[c.family];
  if (def === undefined) return [`unknown family ${c.family}`];
  if (def === null) return c.opts.operator ? [] : ['family custom is for operator cases only'];
  const keys = Object.keys(e.res);
  const out = [];
  for (const k of def.must) if (!keys.includes(k)) out.push(`family ${c.family} needs ${k}`);
  for (const k of keys) if (!def.must.includes(k) && !def.opt.includes(k)) out.push(`family ${c.family} has no ${k}`);
  const opt = keys.filter((k) => def.opt.includes(k));
  const dep = opt.includes('obj') && opt.includes('bkt') ? 1 : 0; // an object pulls its bucket in
  if (opt.length < def.min || opt.length - dep > def.max) out.push(`family ${c.family}: ${opt.length} optional resources`);
  if (e.res.obj && !e.res.bkt) out.push('object without bucket');
  if (e.res.ps && !e.res.top) out.push('subscription without topic');
  if (e.res.sn && !e.res.vpc) out.push('subnet without vpc');
  if (e.res.fw && !e.res.vpc) out.push('firewall without vpc');
  return out;
}

function domainProblems(c, e) {
  const out = [];
  const { res, names } = e;
  const op = !!c.opts.operator;
  const zones = op ? REAL_ZONES : GEN_ZONES;
  const isZone = (z) => { const m = /^(.*)-([a-z])$/.exec(z); return !!(m && zones[m[1]] && zones[m[1]].includes(m[2])); };
  if (res.sn && !zones[res.sn.p[0]]) out.push(`subnet region ${res.sn.p[0]}`);
  if (res.vm) {
    if (!isZone(res.vm.p[0])) out.push(`zone ${res.vm.p[0]}`);
    if (e.networked && !res.vm.p[0].startsWith(res.sn.p[0] + '-')) out.push('networked VM zone outside the subnet region');
    if (!op && !GEN_MACHINES.includes(res.vm.p[1])) out.push(`machine ${res.vm.p[1]}`);
    if (op && !/^(e2|n2)-/.test(res.vm.p[1])) out.push(`machine ${res.vm.p[1]}`);
  }
  if (res.sn && !/^10\.\d+\.\d+\.0\/\d+$|^172\.(1[6-9]|2\d|3[01])\.\d+\.0\/\d+$|^192\.168\.\d+\.0\/\d+$/.test(e.invs.find((i) => i.resource_type === 'google_compute_subnetwork').match['values.ip_cidr_range'])) out.push('cidr');
  if (!op) {
    for (const [k, v] of Object.entries(names)) {
      const [lo, hi] = NAME_LEN[k];
      if (!/^[a-z][a-z0-9]*$/.test(v) || v.length < lo || v.length > hi) out.push(`generator-style name ${k}=${v}`);
    }
    if (res.obj && !names.obj.endsWith('txt')) out.push('object name');
    if (res.bkt && (!GEN_BUCKET_LOC.includes(res.bkt.p[0]) || !GEN_CLASSES.includes(res.bkt.p[1]))) out.push('bucket domain');
    if (res.bkt && res.bkt.rule === 'x') out.push('generator buckets are never exact_match');
    if (res.repo && (!GEN_AR_LOC.includes(res.repo.p[0]) || !['docker', 'python'].includes(res.repo.p[1]))) out.push('repo domain');
    if (res.repo && res.repo.rule === 'x') out.push('generator repos are never exact_match');
    if (res.top && !GEN_RETENTION.includes(res.top.p[0])) out.push('retention domain');
    if (res.ps && (!GEN_ACK.includes(Number(res.ps.p[0])) || !GEN_TTL.includes(res.ps.p[2]))) out.push('subscription domain');
    if (res.fw && !PROFILES[res.fw.p[0]]) out.push('firewall profile');
    if (res.obj) {
      const ct = e.invs.find((i) => i.resource_type === 'google_storage_bucket_object').match['values.content'];
      if (!/^[a-z0-9]{12,20}$/.test(ct)) out.push(`object content ${ct}`);
    }
  } else {
    for (const [k, v] of Object.entries(names)) if (!/^[a-z][a-z0-9.-]*[a-z0-9]$/.test(v)) out.push(`operator name ${k}=${v}`);
  }
  if (res.obj && res.obj.rule !== 'x') out.push('objects are always exact_match');
  if (res.ps && !['true', 'false'].includes(res.ps.p[1])) out.push('retain flag');
  return out;
}

function textProblems(c, e) {
  const out = [];
  const p = e.prompt;
  if (/[^\x20-\x7e]/.test(p)) out.push('non-ASCII or control character');
  if (/\s{2,}/.test(p) || p !== p.trim()) out.push('whitespace');
  if (/\.\./.test(p)) out.push('double full stop');
  const words = p.split(/\s+/).length;
  if (words > 250) out.push(`${words} words`);
  if (/[`*#]{2}|^\s*[-*] /.test(p) || /`/.test(p)) out.push('markdown');
  if (!c.opts.operator) {
    if (p.split(GRANT).length !== 2) out.push('grant sentence must appear exactly once');
    const subs = SUBS.reduce((n, s) => n + (p.split(s).length - 1), 0);
    if (subs !== 1) out.push(`${subs} submission sentences`);
    if (!/\b(gcp|google cloud)\b/i.test(p)) out.push('no provider mention');
    if (/\b(readme|prerequisites?|documentation|tutorials?|guides?|walkthroughs?)\b/i.test(p)) out.push('word the upstream LLM is told to avoid');
    if (/validator/i.test(p.split(SA).join(''))) out.push('"validator" outside the principal (upstream rewrites it to reviewer)');
  } else if (p.includes(SA)) out.push('operator prompts carry no grant sentence');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Cases

const R = String.raw;

// ===============================================================================================================
// DEV SPLIT
splitOf('dev');

// --- dev: derived from tests/data/generated-tasks.jsonl (facts kept, wording new, fresh task_id/nonce) -------------
D('network_plus_artifacts', 'synonyms firewall-wording',
  'repo:s=wyv5aq5v,us-east1,python vpc:e=cxep3y8iqsoj bkt:e=zljxnoamrn9cf7hm,asia-southeast1,coldline sn:s=w167pyiud5ippwm4,us-central1,10.200.12.0/24 fw:x=xr2koa5u,icmp obj:x=kkcvw0oug5txt,uaid59ywb2g80f9 vm:s=ekn7zt2aln,us-central1-c,e2-small,T2',
  R`Packaging team sandbox on Google Cloud; keep it lean. The GCE instance gets a name beginning with {vm}, runs e2-small in us-central1-c, sits on the subnet whose name begins with {sn} and boots with !/bin/bash printf '{tok}' > /var/tmp/acore-token. That subnet covers {cidr} in us-central1 and belongs to a custom VPC ending in {vpc} (auto create subnetworks: false). Put a firewall rule named exactly {fw} on the same VPC ending in {vpc}: ingress, icmp echo only, priority 1002, disabled false. The packages live in a python-format Artifact Registry repo in us-east1 whose repository id begins with {repo}; the artifacts bucket, by contrast, is a coldline bucket in asia-southeast1 ending in {bkt}. Inside that bucket place the file {obj} whose body is {content}. {GRANT} {SUB2}`,
  '0b5831');
D('network_plus_artifacts', 'value-before-cue synonyms firewall-wording bool-wording',
  'repo:e=yx228xdiyfi8k8w,us-west1,python vpc:s=rqfmricfr bkt:s=mjdlgs9ma3w0srz9qn3v,us-east1,nearline sn:e=fnos5x9amqgvm4oa,europe-west1,10.114.2.0/24 fw:e=r599d13iemhl,http vm:s=b4vlrc1p0,europe-west1-c,e2-micro,T1',
  R`Lightweight staging footprint in GCP. us-west1 is where the package repository lives: python format, with an id that ends with {repo}. us-east1 is where the nearline storage bucket lives, and its name starts with {bkt}. For networking, build a VPC whose name starts with {vpc} with auto-created subnetworks off, then a europe-west1 subnetwork, name ending with {sn}, carved as {cidr} on that VPC. HTTP has to get in: an ingress allow rule whose name ends with {fw}, tcp/80, priority 1001, attached to the VPC starting with {vpc} and not disabled. Last, an e2-micro VM in europe-west1-c, name starting with {vm}, on the subnetwork ending with {sn}, with startup script {script\n}. {SUB1} {GRANT}`,
  '4d3920');
D('dns_frontend', 'synonyms',
  'bkt:s=aytgvyw367gxyc1h6,europe-west1,coldline dns:s=lyhjifped7 top:x=qv4xnwgbh,900s obj:x=sjr1g3ocjm11txt,wyhrvtf62ck5p1xhooie',
  R`Frontend stub for an internal Google Cloud project. Set up a Cloud DNS managed zone prefixed by {dns} that serves {dnsname} and a coldline-class bucket in europe-west1 prefixed by {bkt}. Into that bucket goes an object named {obj} containing the text {content}, content type text/plain. Also add a message topic called exactly {top} that retains messages for a quarter of an hour. {GRANT} {SUB3}`,
  '147d93');
D('bucket_with_object', 'value-before-cue negation',
  'bkt:e=ddql35xenc,europe-west1,standard obj:x=onncs52yntxt,rjqs2b51a0wkd46plgr',
  R`Quick one on Google Cloud: a standard, europe-west1 bucket with the suffix {bkt}, and in it a single file named {obj} with {content} as its content (plain text). No topics, no extras. {SUB1} {GRANT}`,
  '6356f7');
D('storage_delivery', 'synonyms negation',
  'bkt:e=hvnb02500kh343,us-west1,nearline top:s=er4pep5t,900s',
  R`{GRANT} For a small GCP test, the only two things needed are a Pub/Sub topic beginning with {top} that holds messages for 15 minutes and an object storage bucket in us-west1 on the nearline class whose name ends with {bkt}. No artifact repository is needed this time. {SUB2}`,
  '5fbcfa');
D('storage_delivery', 'multi-resource-sentence',
  'repo:s=ifdx9w6fd,us-central1,docker bkt:e=dpnaj9dl8w0g6cccjkt,us-central1,coldline top:e=x3zvwt,1200s',
  R`Internal dev sandbox in Google Cloud, cost-conscious. In us-central1, create a coldline bucket whose name ends with {bkt} and a docker repository whose repository id starts with {repo}. Separately, a topic whose name ends with {top} should retain messages for 20 min. {SUB3} {GRANT}`,
  'd96270');
D('network_without_instance', 'negation firewall-wording bool-wording',
  'vm:x=wznde3y8ot5iv,europe-west1-d,e2-small,T3 vpc:x=tbr996emi19sqp9mr sn:x=jpnsb61mj,europe-west1,10.188.24.0/24 fw:x=yhsd2u48j1gwfx,ssh',
  R`Staging request on GCP. Create a virtual machine named {vm} in europe-west1-d, machine type e2-small, on the default network rather than the new VPC, whose startup script is {script}. The new VPC is called {vpc} and has auto create subnetworks set to false; give it one subnet, {sn}, in europe-west1 with range {cidr}. Allow SSH (port 22 over tcp) into {vpc} through a firewall rule named {fw}, ingress, priority 1000, enabled. {GRANT} {SUB1}`,
  '8b0e55');
D('network_plus_storage', '',
  'repo:s=jii10oytfsv8,asia-southeast1,python vpc:s=gwjqhf bkt:e=xkp7dfsbr7c5qq4nqola,us-east1,standard sn:s=o51xqlbw,europe-west1,10.134.176.0/24 fw:s=ai44g8efe1b8al,icmp vm:x=m1wwat5vv5eur6si,europe-west1-b,e2-medium,T1',
  R`Please stand up the following in Google Cloud. Networking: a custom VPC whose name starts with {vpc} (no automatic subnets), a subnetwork starting {sn} in europe-west1 on {cidr} inside that VPC, and an ingress firewall rule whose name starts with {fw} on the same network that lets icmp through at priority 1002, not disabled. Compute: a VM called {vm}, e2-medium, zone europe-west1-b, on the subnetwork starting {sn}; startup script, line by line: #!/bin/bash / set -euo pipefail / echo '{tok}' > /var/tmp/acore-token. Storage: a standard bucket in us-east1 whose name ends with {bkt}. Artifacts: a python repo in asia-southeast1 with an id starting with {repo}. {SUB3} {GRANT}`,
  '30a147');
D('network_without_instance', 'synonyms firewall-wording negation',
  'vm:x=szripa5jlgprsdo,us-central1-a,e2-small,T3 vpc:e=r5by3x2t58e8avdab sn:x=h603tkqc,us-east1,10.12.38.0/24 fw:x=y7v3re0zm,http',
  R`Small internal setup for a teammate on GCP. The custom network's name has to end with {vpc}; turn auto subnet creation off. Its only subnet is {sn} in us-east1 with {cidr}. Open tcp/80 with an ingress rule named {fw}, priority 1001, not disabled, on the network ending with {vpc}. There is also one standalone e2-small VM, {vm}, in us-central1-a on the default network, running {script\n}. {GRANT} {SUB2}`,
  'cb17a1');
D('network_stack', 'synonyms firewall-wording bool-wording',
  'vpc:x=fp3zlr sn:e=qt7o098ti5ryp8tt,europe-west1,10.15.210.0/24 fw:e=xaksu9ee3yqnwq3xy,icmp vm:x=k2tq9q8rq4b2efxj7,europe-west1-b,e2-small,T3',
  R`Network stack for an internal Google Cloud sandbox. Put a compute instance named {vm} (e2-small, europe-west1-b) on the subnetwork whose name ends {sn}, and have it run !/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token at boot. The subnetwork itself: europe-west1, {cidr}, name ending in {sn}, in the VPC {vpc}. VPC {vpc} uses custom mode, so automatic subnetwork creation is disabled. Allow icmp echo into it with an ingress firewall rule whose name ends {fw}, priority 1002, enabled. {SUB1} {GRANT}`,
  'bc72b9');
D('network_plus_artifacts', 'multi-resource-sentence',
  'repo:e=zos6cv8h2cugsmi,us-central1,python vpc:x=yuv7o7 bkt:e=pcr02t4kp8k71,us-central1,standard sn:x=rpjve3w633q2vuaz,europe-west1,10.171.189.0/24 fw:e=occf4rgiqe47kiac,icmp vm:e=b8ht4jqjrbas,europe-west1-d,e2-medium,T2',
  R`Internal sandbox on Google Cloud, keep it minimal. In us-central1 we need both a standard bucket whose name ends with {bkt} and a python-format repository whose id ends with {repo}. The network side is a VPC named {vpc} (auto create subnetworks false), a subnetwork named {sn} in europe-west1 with CIDR {cidr}, and an ingress firewall rule on {vpc} whose name ends with {fw}, allowing icmp at priority 1002 and not disabled. The VM, e2-medium in europe-west1-d, must have a name ending with {vm}, attach to {sn}, and use a startup script that writes {tok} to /var/tmp/acore-token with printf. {GRANT} {SUB3}`,
  '0a5a57');
D('network_without_instance', 'negation synonyms firewall-wording bool-wording',
  'vpc:x=po5vhinqfse2gxw0 sn:x=zidsgl5rfnxeiu4,us-central1,10.40.171.0/24 fw:e=gmuayr4jzcl0,http',
  R`Lightweight staging network in GCP, and do not create a VM. We only need the VPC {vpc} with auto subnetworks disabled, the subnet {sn} in us-central1 spanning {cidr}, and an allow rule for http (tcp port 80) at priority 1001 whose name ends with {fw}, ingress, on {vpc}, left enabled. {SUB2} {GRANT}`,
  '651ed8');
D('storage_with_pubsub', 'synonyms',
  'bkt:e=gh7r92i3oo7,us-central1,coldline top:e=y6vyynt9x3hy,600s obj:x=buf1hu9tkdb57ltxt,jumht3cppsng',
  R`{GRANT} Needed in Google Cloud: a topic with the suffix {top} that keeps messages for ten minutes, plus a coldline-class GCS bucket in us-central1 with the suffix {bkt}. Upload {obj} to that bucket; the file should read {content}. {SUB3}`,
  'c51d34');
D('bucket_with_object', 'synonyms',
  'bkt:e=vtvrcd9chbgy,us-central1,nearline obj:x=eeadalx8g84de0ztxt,0a90pfi2osw3vbgv',
  R`Tiny GCP storage task. Blob {obj} holds the text {content} and is stored in a nearline Cloud Storage bucket located in us-central1 whose name ends with {bkt}. Nothing else. {SUB1} {GRANT}`,
  '12713d');
D('network_without_instance', 'firewall-wording negation synonyms',
  'vm:s=s4vuq4jxs6u4,europe-west1-d,e2-small,T3 vpc:s=cgj4rmq sn:x=idsfp8dnqpu5xcfa,us-central1,10.65.45.0/24 fw:x=hfa7wtiawqc,ssh',
  R`Google Cloud staging request. A VPC beginning with {vpc}, auto-create subnetworks = false. A subnetwork called {sn}: region us-central1, range {cidr}, network = the VPC beginning with {vpc}. An ingress rule called {fw} on that VPC: tcp/22 for ssh, priority 1000, disabled = false. A lone e2-small virtual machine in europe-west1-d whose name begins with {vm}, with no custom network (default VPC), startup script "{script\n}". {SUB3} {GRANT}`,
  '5c8a3e');
D('network_plus_pubsub', 'firewall-wording',
  'vpc:x=yy6vgw bkt:e=g5huza6jctdjjmn,us-east1,nearline top:s=gc3osotrd4dy,1200s sn:e=clviqd6qua,us-central1,10.165.234.0/24 fw:e=x0rl4413sd,ssh obj:x=z124h83m25txt,938apvcloxl7vr5 vm:s=wuwzhajr,us-central1-c,e2-micro,T3',
  R`Internal GCP sandbox; only what is listed. Messaging: a Pub/Sub topic whose name starts with {top}, retention 1200 seconds. Storage: a nearline bucket in us-east1 whose name ends with {bkt}, holding an object {obj} with the body {content}. Network: VPC {vpc} with automatic subnetworks off; subnet ending with {sn} in us-central1 ({cidr}) on {vpc}; firewall rule ending with {fw} on {vpc} allowing ssh on tcp port 22, ingress, priority 1000, disabled false. Compute: an e2-micro instance in us-central1-c named with the prefix {vm}, on the subnet ending with {sn}, startup script #!/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token. {SUB1} {GRANT}`,
  '460180');
D('storage_with_pubsub', '',
  'bkt:s=twxa6anw6lk9dfi3g,us-east1,standard top:e=mjgbuiox06t12bxalvz,600s obj:x=ewngz8tpojtatsg4txt,ubfgtuamltrydz70jh6u',
  R`Small Google Cloud setup for a teammate. Bucket: standard class, us-east1, name beginning with {bkt}. Object in it: {obj}, whose body is {content}. Topic: name ending in {top}, message retention 600s. {GRANT} {SUB2}`,
  '1a1379');
D('network_without_instance', 'negation value-before-cue',
  'vpc:e=pimf75t0zpew2dpve sn:s=ko72mi3z782p1zquv2,us-central1,10.124.53.0/24 fw:x=g3ob9phlftjjkmc4,icmp',
  R`GCP network-only request; no virtual machines at all. Make a VPC that ends with {vpc} and has auto create subnetworks false, a us-central1 subnetwork that starts with {sn} using {cidr} on the VPC ending with {vpc}, and a firewall rule named {fw} for icmp ingress at priority 1002 on the same VPC, disabled false. {SUB1} {GRANT}`,
  'afd1d7');
D('topic_with_subscription', 'synonyms bool-wording',
  'bkt:s=bwxsom6k7hmji5f,europe-west1,nearline top:e=nk04utg5d,600s ps:x=l9wzo4r7,60,true,259200s',
  R`In Google Cloud, create a pull subscription named {ps} on the topic whose name ends with {top}; ack deadline sixty seconds, keep acknowledged messages: true, and let it expire after 72 hours of inactivity. The topic itself retains messages for 600s. Also add a nearline bucket in europe-west1 whose name starts with {bkt}. {SUB3} {GRANT}`,
  '09be77');
D('artifact_delivery', 'synonyms',
  'bkt:e=sa1d8u1a7y7ufvzkyz5,asia-southeast1,standard repo:s=mendbgabfev,us-central1,python top:s=fe8bi91ho4w83000qv5,600s obj:x=k6mqimfcp5n6mtxt,rs9m07dov65r6zopv',
  R`Artifact delivery setup on Google Cloud. The Artifact Registry repo is python-format, sits in us-central1 and has {repo} as its prefix. The bucket is standard, sits in asia-southeast1 and has {bkt} as its suffix; put the object {obj} in it with {content} as its content. The topic has {top} as its prefix and retains messages for 600s. {GRANT} {SUB1}`,
  'f45e75');
D('network_stack', 'synonyms firewall-wording bool-wording',
  'vpc:e=r9iil66jb0tazi sn:x=odowlmzf7h8cxg,europe-west1,10.187.15.0/24 fw:e=e137pqkfp4nfdhpkx,http vm:e=zkibwltuv6ak8tm,europe-west1-d,e2-small,T1',
  R`We want a basic web host in GCP. The server: e2-small, europe-west1-d, name ending in {vm}, attached to subnetwork {sn}, startup script {script\n}. The subnetwork {sn} is in europe-west1 on {cidr} and belongs to the virtual network ending in {vpc}, which has auto-create subnetworks switched off. Let web traffic in with an ingress rule ending in {fw}: http, tcp/80, priority 1001, not disabled. {SUB2} {GRANT}`,
  'c1aa0e');
D('bucket_with_object', 'value-before-cue synonyms',
  'bkt:s=nvybiq89z68,us-central1,coldline top:e=j0s5i2rfq6wuum,1200s obj:x=bttktjw4otxt,e1f4n5xa6sps7q',
  R`For a GCP dev sandbox: a us-central1 coldline bucket starting {bkt}, an object {obj} inside it containing the text {content}, and a message topic ending in {top} with a twenty-minute retention. {SUB3} {GRANT}`,
  '0f4bbf');
D('network_plus_artifacts', 'bool-wording',
  'repo:e=qxwqs2339scd9bj,us-east1,docker vpc:x=qhmeqj9ybda bkt:e=gmoxjeed2tg3z1sg7tiu,asia-southeast1,coldline sn:x=p2oe8udn1,europe-west1,10.166.36.0/24 fw:s=yyl14r2gr7ls3d,icmp vm:e=vhwymt1rbnzjgdjr,europe-west1-c,e2-small,T1',
  R`{GRANT} Build this in Google Cloud, keeping it cheap. A docker-format registry (Artifact Registry) in us-east1 whose repository id ends with {repo}; a coldline bucket over in asia-southeast1 whose name ends with {bkt}; the VPC {vpc} (automatic subnets: no); its subnetwork {sn} in europe-west1 using {cidr}; a firewall rule prefixed by {fw} on {vpc}, ingress, icmp only, priority 1002, disabled (no); and an e2-small VM in europe-west1-c whose name ends with {vm}, attached to {sn}, startup script !/bin/bash\nset -euo pipefail\necho '{tok}' > /var/tmp/acore-token\n. {SUB1}`,
  'b336cc');
D('storage_delivery', 'synonyms',
  'repo:e=mp4vx4,us-central1,docker bkt:s=s41dg4syyr8u0qsf4i,us-east1,standard top:e=fn827gscp,1200s',
  R`Three things in GCP. A Docker registry in us-central1 whose repository id ends with {repo}. A standard bucket, but in us-east1, whose name starts with {bkt}. And a topic ending with {top} retaining messages for 1200s. {SUB2} {GRANT}`,
  '18a726');
D('topic_with_subscription', 'negation bool-wording',
  'top:e=ni7xvk,1200s ps:s=ysr6a82,10,false,86400s',
  R`Google Cloud messaging only, no bucket. Topic: name ends with {top}, keep messages 1200s. Subscription on it: name starts with {ps}, ack deadline 10 seconds, discard acked messages, expiration TTL of one day. {GRANT} {SUB1}`,
  '5ddc98');
D('network_plus_storage', 'multi-resource-sentence firewall-wording',
  'repo:s=a8ckcp5nuois77,us-east1,docker vpc:e=rukblq9 bkt:s=zsqeetrmy43d726,us-west1,nearline sn:e=vtkkx1zztmk6yrvi6m,us-east1,10.56.235.0/24 fw:s=y2tkzqphny5,ssh obj:x=ausufgffy0eltxt,6hz9jwz3olixj vm:x=henpepz,us-east1-b,e2-micro,T2',
  R`Google Cloud sandbox, minimal. In us-east1, create a subnetwork whose name ends with {sn} (range {cidr}) and a docker repository whose repository id starts with {repo}. The subnetwork belongs to a VPC ending with {vpc}, created with auto create subnetworks false, and that VPC also gets an ingress firewall rule starting with {fw}: ssh on tcp 22, priority 1000, disabled false. A VM named {vm} (e2-micro, us-east1-b) joins the subnetwork ending with {sn} and runs {script}. Storage lives elsewhere: a nearline bucket in us-west1 whose name starts with {bkt}, with one file {obj} whose content is {content}. {SUB3} {GRANT}`,
  'da35fc');
D('network_stack', 'multi-resource-sentence firewall-wording',
  'vpc:e=mux3bubbqy sn:x=kmz2vo86r3a1,us-central1,10.176.148.0/24 fw:x=bf32ktd,icmp vm:e=ihty1syoc2,us-central1-b,e2-micro,T2',
  R`Stand up a small network stack in GCP. All of it sits in us-central1: the subnetwork {sn} ({cidr}) and the e2-micro instance in zone us-central1-b whose name ends with {vm}, which attaches to {sn} and boots with the script "!/bin/bash printf '{tok}' > /var/tmp/acore-token". The VPC behind it must have a name ending with {vpc}, with automatic subnetwork creation disabled; on it, a firewall rule named {fw} admits icmp ingress at priority one thousand and two, not disabled. {GRANT} {SUB2}`,
  '4d9f42');
D('network_plus_pubsub', 'value-before-cue synonyms firewall-wording',
  'vpc:x=tijl7g bkt:s=g3gwbl67s4,europe-west1,standard top:x=n9i4lvaywpray4,900s sn:s=id1wiiun28q650hoxk,us-east1,10.121.161.0/24 fw:e=uyytrrbfesu,http obj:x=hzzetzgl8nnj0j63txt,rgl9xj9pvzq7lc vm:e=zn02hry5lhzihs,us-east1-b,e2-micro,T1',
  R`Teammate request on Google Cloud; keep it tidy. europe-west1 hosts the storage: a standard bucket whose name begins with {bkt}, with a blob {obj} whose body is {content}. The messaging piece is a topic named {top} with 900 seconds of retention. us-east1 hosts the compute: a subnetwork beginning with {sn} on {cidr}, part of the VPC {vpc} (auto create subnetworks false), plus an e2-micro VM in us-east1-b whose name ends with {vm} on that subnetwork, and its startup script is {script}. The VPC {vpc} also needs an ingress firewall rule ending with {fw} that allows http on tcp/80 at priority 1001, disabled false. {SUB1} {GRANT}`,
  'f70171');


// --- dev: fresh, network families -------------------------------------------------------------------------------
C('network_stack', '',
  'vpc:s sn:s,us-east1 fw:s,ssh vm:s,us-east1-d,e2-medium,T1',
  R`Google Cloud request for an internal sandbox. Every name below is a prefix, so the deployed names only need to start with it. Create a VPC {vpc} with auto create subnetworks false, a subnetwork {sn} in us-east1 covering {cidr} on that VPC, a firewall rule {fw} on the VPC admitting ingress tcp/22 (ssh) at priority 1000 with disabled false, and an e2-medium VM {vm} in us-east1-d attached to the subnetwork {sn}, startup script {script}. {GRANT} {SUB1}`);
C('network_stack', 'negation',
  'vpc:x sn:e,us-central1 fw:x,http vm:s,us-central1-f,e2-micro,T3',
  R`For a GCP dev sandbox I need a small stack: a VPC called {vpc} (custom mode, no auto subnets) holding one subnetwork whose name ends with {sn} in us-central1 with range {cidr}; a firewall rule named {fw} on {vpc} that lets in http on tcp port 80 from anywhere, priority one thousand and one, ingress, enabled; and an e2-micro virtual machine in us-central1-f whose name starts with {vm}, placed on that subnetwork, with a startup script that drops the token {tok} into /var/tmp/acore-token. {SUB2} {GRANT}`);
C('network_stack', '',
  'vpc:e sn:x,europe-west1 fw:s,icmp vm:e,europe-west1-c,e2-small,T2',
  R`Internal dev sandbox on Google Cloud; nothing extra. Launch a VM ending in {vm} (e2-small, europe-west1-c) on subnetwork {sn}; its startup script: !/bin/bash\nprintf '{tok}' > /var/tmp/acore-token\n. Subnetwork {sn} lives in europe-west1 with {cidr} on the VPC ending in {vpc}, which must have auto create subnetworks set to false. The same VPC gets an ingress firewall rule starting with {fw} that allows icmp at priority 1002 and is not disabled. {GRANT} {SUB3}`);
C('network_stack', 'value-before-cue',
  'vpc:s sn:s,us-east1 fw:e,ssh vm:x,us-east1-b,e2-small,T1',
  R`Lightweight staging on GCP. us-east1 is where all of the networking lives. The VPC's name starts with {vpc}; auto create subnetworks: false. A {cidr} subnetwork whose name starts with {sn} sits in that VPC. An ssh firewall rule whose name ends {fw} is attached to the VPC starting with {vpc}: ingress, tcp port 22, priority 1000, disabled: false. An e2-small, us-east1-b virtual machine named {vm} joins the subnetwork starting with {sn} with startup script "{script\n}". {SUB2} {GRANT}`);
C('network_stack', 'bool-wording',
  'vpc:x sn:x,us-central1 fw:x,http vm:x,us-central1-a,e2-medium,T2',
  R`Set up, in Google Cloud, a custom network named {vpc} with automatic subnet creation turned off and an IP range called {sn} carved from it in us-central1 as {cidr}. Allow inbound http (tcp/80) on {vpc} using an ingress rule called {fw} at priority 1001, not disabled. Then create a server called {vm}, e2-medium, zone us-central1-a, on {sn}; its startup script should use printf to write {tok} into /var/tmp/acore-token under #!/bin/bash. {SUB1} {GRANT}`);
C('network_stack', 'shuffled',
  'vpc:e sn:s,europe-west1 fw:s,icmp vm:s,europe-west1-b,e2-micro,T3',
  R`{GRANT} Start with the firewall: an ingress rule beginning with {fw} on the VPC ending with {vpc}, protocol icmp, priority 1002, disabled false. That VPC (auto create subnetworks false) also holds a subnetwork beginning with {sn}, region europe-west1, CIDR {cidr}. Finally a GCP VM beginning with {vm}, e2-micro in europe-west1-b, on the subnetwork beginning with {sn}, startup script #!/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token. {SUB3}`);
C('network_stack', '',
  'vpc:e sn:s,us-central1 fw:x,ssh vm:e,us-central1-b,e2-small,T1',
  R`Google Cloud network stack, minimal. The VPC takes {vpc} as its suffix and has auto-create subnetworks disabled. Its subnetwork, in us-central1 with {cidr}, takes {sn} as its prefix. Firewall rule {fw} (exact name) on that VPC allows ssh, tcp port 22, ingress, at priority 1000; it is not disabled. The VM runs e2-small in us-central1-b, uses {vm} as the suffix of its name, sits on the subnetwork, and its startup script is {script}. {SUB1} {GRANT}`);
C('network_stack', '',
  'vpc:x sn:e,europe-west1 fw:e,http vm:x,europe-west1-d,e2-medium,T2',
  R`Team sandbox in GCP. VPC: {vpc}, auto create subnetworks false. Subnetwork: name ends {sn}, region europe-west1, range {cidr}, network {vpc}. Firewall: name ends {fw}, network {vpc}, ingress, allow tcp/80 (http), priority 1001, disabled false. VM: {vm}, e2-medium, europe-west1-d, subnetwork ending in {sn}, startup script printing {tok} to /var/tmp/acore-token with printf. {SUB2} {GRANT}`);
C('network_without_instance', 'negation',
  'vpc:s sn:e,us-east1 fw:x,icmp',
  R`GCP networking only; do not create a VM or any storage. Create a VPC prefixed by {vpc} with auto create subnetworks false; a subnetwork ending in {sn}, us-east1, {cidr}, in that VPC; and a firewall rule named {fw} on it allowing icmp echo requests in, priority 1002, ingress, disabled false. {SUB3} {GRANT}`);
C('network_without_instance', 'negation value-before-cue',
  'vm:e,europe-west1-b,e2-micro,T1 vpc:x sn:x,us-central1 fw:e,ssh',
  R`Small internal setup in Google Cloud. An e2-micro, europe-west1-b VM whose name ends with {vm} runs on the default network (not on the new VPC) with this startup script: {script}. Separately, build VPC {vpc} with auto create subnetworks false, subnetwork {sn} in us-central1 over {cidr}, and an ssh firewall rule ending with {fw} on {vpc}: tcp/22, ingress, priority 1000, enabled. {GRANT} {SUB1}`);
C('network_without_instance', 'negation',
  'vpc:e sn:e,europe-west1 fw:e,http',
  R`All names given are suffixes. In Google Cloud, make a custom VPC {vpc} with auto create subnetworks false, a subnet {sn} in europe-west1 using {cidr} on it, and an ingress firewall rule {fw} on the same VPC allowing http over tcp port 80, priority 1001, not disabled. No VM is needed. {SUB2} {GRANT}`);
C('network_without_instance', 'negation',
  'vm:s,us-east1-c,e2-small,T2 vpc:s sn:s,us-east1 fw:s,ssh',
  R`Please prepare the following on GCP. A VPC network beginning with {vpc}, without automatic subnetworks. A subnetwork beginning with {sn} in us-east1 on range {cidr}, attached to the VPC beginning with {vpc}. A firewall rule beginning with {fw} attached to the same VPC: ingress, tcp, port 22, priority 1000, disabled false. And one GCE instance, not attached to that VPC but to the default network, whose name begins with {vm}, machine type e2-small, zone us-east1-c, startup script "{script\n}". {SUB3} {GRANT}`);
C('network_without_instance', 'negation shuffled',
  'vpc:x sn:s,us-central1 fw:e,ssh',
  R`{GRANT} In Google Cloud, an ingress firewall rule whose name ends with {fw} should allow ssh (tcp 22) at priority one thousand, enabled, on the VPC {vpc}. That VPC has auto create subnetworks false and one subnetwork starting with {sn} in us-central1 ({cidr}). No compute instances. {SUB1}`);
C('network_without_instance', '',
  'vpc:e sn:x,europe-west1 fw:x,icmp vm:x,us-central1-c,e2-medium,T2',
  R`Short-lived Google Cloud environment. Network: a VPC ending in {vpc} (auto create subnetworks false), its subnetwork {sn} in europe-west1 with {cidr}, and firewall rule {fw} letting icmp in, ingress, priority 1002, not disabled. Compute: a standalone e2-medium VM called {vm} in us-central1-c on the default network whose startup script writes {tok} to /var/tmp/acore-token. {SUB2} {GRANT}`);
C('network_without_instance', 'negation value-before-cue',
  'vpc:s sn:x,us-east1 fw:s,http',
  R`GCP staging network, nothing else: do not create a VM. The virtual network should start with {vpc} and must not auto-create subnetworks. {cidr} is the range for the subnetwork {sn}, which lives in us-east1 inside that network. An allow rule starting with {fw} lets http in over tcp/80, direction ingress, priority 1001, disabled false, on the network starting with {vpc}. {SUB3} {GRANT}`);
C('network_without_instance', 'negation',
  'vpc:x sn:e,us-central1 fw:x,ssh vm:s,europe-west1-c,e2-micro,T3',
  R`Internal sandbox in Google Cloud. Create VPC {vpc} (auto create subnetworks: false), subnetwork ending with {sn} in us-central1 with range {cidr}, and ingress firewall rule {fw} on {vpc} allowing port 22 over tcp with priority 1000 and disabled set to false. Also a compute instance starting with {vm} in europe-west1-c, e2-micro, using the default network, startup script !/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token. {GRANT} {SUB1}`);
C('dns_network_bridge', 'negation',
  'dns:s vpc:x sn:x,us-east1 vm:e,us-east1-b,e2-small,T1 fw:x,ssh',
  R`Google Cloud request: a Cloud DNS managed zone whose name starts with {dns} serving {dnsname}, a VPC {vpc} with auto create subnetworks false, subnetwork {sn} in us-east1 ({cidr}) on it, an ssh firewall rule {fw} (tcp/22, ingress, priority 1000, disabled false) on {vpc}, and an e2-small VM whose name ends with {vm} in us-east1-b on {sn} with startup script {script}. No storage bucket. {SUB1} {GRANT}`);
C('dns_network_bridge', 'negation',
  'dns:e vpc:e sn:s,europe-west1 vm:x,europe-west1-d,e2-medium,T2 bkt:s,us-west1,nearline',
  R`GCP bridge setup; no firewall rules this time. DNS zone: name ending in {dns} (DNS name {dnsname}). Network: VPC ending in {vpc}, auto create subnetworks false; subnetwork beginning with {sn} in europe-west1, {cidr}. VM: {vm}, e2-medium, europe-west1-d, on the subnetwork beginning with {sn}, running {script\n}. Bucket: nearline, us-west1, name beginning with {bkt}. {SUB2} {GRANT}`);
C('dns_network_bridge', 'bool-wording',
  'dns:x vpc:s sn:e,us-central1 vm:s,us-central1-a,e2-micro,T3 fw:e,http bkt:e,europe-west1,coldline',
  R`{GRANT} For our Google Cloud sandbox: a managed DNS zone named {dns} for {dnsname}; a VPC prefixed by {vpc} with auto create subnetworks off; a subnetwork ending in {sn} in us-central1 ({cidr}) on that VPC; an http firewall rule ending in {fw} on it (tcp/80, ingress, priority 1001, enabled); an e2-micro VM prefixed by {vm} in us-central1-a on the subnetwork ending in {sn}, startup script #!/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token; and a coldline-class bucket in europe-west1 ending in {bkt}. {SUB2}`);
C('dns_network_bridge', 'multi-resource-sentence',
  'dns:s vpc:x sn:s,us-east1 vm:x,us-east1-d,e2-small,T2 bkt:e,us-east1,standard',
  R`Google Cloud dev sandbox. A virtual machine named {vm} (e2-small, us-east1-d) should sit on the subnetwork starting with {sn} and run a startup script that uses printf to write {tok} to /var/tmp/acore-token. In us-east1, put both that subnetwork (range {cidr}, on the VPC {vpc}, which has auto create subnetworks false) and a standard bucket whose name ends with {bkt}. Add a DNS zone whose name starts with {dns} and whose DNS name is {dnsname} {SUB3} {GRANT}`);
C('dns_network_bridge', '',
  'dns:e vpc:s sn:x,europe-west1 vm:e,europe-west1-b,e2-micro,T1 fw:s,icmp',
  R`Lightweight staging in GCP: a zone ending with {dns} (dns name {dnsname}), a VPC starting with {vpc} without auto-created subnetworks, a subnetwork {sn} in europe-west1 using {cidr} inside it, an icmp firewall rule starting with {fw} on the VPC (ingress, priority 1002, disabled false), and an e2-micro instance in europe-west1-b whose name ends with {vm}, connected to {sn}, startup script !/bin/bash\nset -euo pipefail\necho '{tok}' > /var/tmp/acore-token\n. {SUB1} {GRANT}`);
C('dns_network_bridge', '',
  'dns:s vpc:s sn:s,us-central1 vm:s,us-central1-c,e2-medium,T2 fw:s,ssh bkt:s,us-central1,nearline',
  R`Every name here is prefixed by the given token. In Google Cloud create: a Cloud DNS managed zone prefixed by {dns} (DNS name {dnsname}); a VPC prefixed by {vpc} with auto create subnetworks false; a subnetwork prefixed by {sn}, us-central1, {cidr}; a firewall rule prefixed by {fw} for ssh on tcp/22, ingress, priority 1000, disabled false; a nearline bucket prefixed by {bkt} in us-central1; and an e2-medium VM prefixed by {vm} in us-central1-c on that subnetwork with startup script {script}. {GRANT} {SUB2}`);
C('dns_network_bridge', 'multi-resource-sentence',
  'dns:x vpc:e sn:x,europe-west1 vm:s,europe-west1-c,e2-small,T3 bkt:s,europe-west1,coldline',
  R`Internal GCP sandbox, keep costs down. In europe-west1, create a subnetwork named {sn} with range {cidr} and a coldline bucket whose name starts with {bkt}. The subnetwork belongs to a VPC whose name ends with {vpc}; auto create subnetworks must be false. On that subnetwork run an e2-small VM in europe-west1-c whose name starts with {vm}, startup script {script\n}. Finally a DNS zone named {dns} with DNS name {dnsname} {SUB1} {GRANT}`);
C('dns_network_bridge', 'negation',
  'dns:s vpc:x sn:e,us-central1 vm:x,us-central1-f,e2-micro,T1 fw:x,http',
  R`{GRANT} GCP request, no bucket and nothing else beyond this list. A DNS zone starting with {dns} whose dns name is {dnsname} A VPC called {vpc}; auto create subnetworks false. A subnetwork in us-central1 ending with {sn}, range {cidr}, on {vpc}. A firewall rule called {fw} on {vpc}, ingress, http on tcp/80, priority 1001, enabled. A VM called {vm}, e2-micro, us-central1-f, on the subnetwork ending with {sn}; its startup script just stores the token {tok} in /var/tmp/acore-token. {SUB3}`);


// --- dev: fresh, storage / messaging / dns families ---------------------------------------------------------------
C('storage_delivery', 'negation',
  'bkt:e,asia-southeast1,standard repo:s,europe-west1,docker',
  R`Google Cloud ask: a docker-format Artifact Registry repo in europe-west1 whose repository id starts with {repo}, and, in asia-southeast1 rather than europe-west1, a standard storage bucket whose name ends with {bkt}. No Pub/Sub. {SUB2} {GRANT}`);
C('storage_delivery', 'multi-resource-sentence',
  'bkt:s,us-west1,nearline repo:s,us-west1,python top:e,900s',
  R`Internal dev sandbox on GCP. Both the nearline bucket whose name starts with {bkt} and the python repository whose id starts with {repo} go in us-west1. Add a Pub/Sub topic whose name ends with {top} with 900s message retention. {GRANT} {SUB3}`);
C('storage_delivery', '',
  'bkt:s,us-east1,coldline top:s,1200s',
  R`Quick GCP task: one coldline bucket in us-east1, name starting {bkt}, and one topic, name starting {top}, retaining messages for 20 minutes. {SUB1} {GRANT}`);
C('storage_delivery', '',
  'bkt:e,europe-west1,nearline repo:e,us-central1,docker top:e,600s',
  R`We need three Google Cloud resources. A bucket whose name ends {bkt}, storage class nearline, location europe-west1. A docker repository in us-central1 whose repository id ends {repo}. A topic whose name ends {top}, keeping messages 600 seconds. {SUB2} {GRANT}`);
C('storage_delivery', '',
  'bkt:s,us-central1,standard repo:e,asia-southeast1,python',
  R`{GRANT} Please create a GCS bucket in us-central1 with the standard storage class whose name begins with {bkt}, and a python-format package repository in asia-southeast1 whose id ends with {repo}. That's all for this Google Cloud project. {SUB1}`);
C('storage_delivery', 'value-before-cue negation',
  'bkt:e,asia-southeast1,coldline top:x,1200s',
  R`GCP sandbox request. A coldline, asia-southeast1 bucket ending with {bkt}; a message topic named {top} whose retention is twenty minutes. No repository. {SUB3} {GRANT}`);
C('storage_delivery', '',
  'bkt:s,us-west1,standard repo:e,us-east1,docker top:s,900s',
  R`For a teammate's Google Cloud project: a standard bucket in us-west1 with {bkt} as its prefix; a docker repository in us-east1 with {repo} as its suffix; a topic with {top} as its prefix that retains messages for 900s. {GRANT} {SUB2}`);
C('storage_delivery', 'value-before-cue',
  'repo:s,europe-west1,python bkt:e,us-central1,nearline',
  R`Two pieces on GCP, in different regions. For Python packages: a repository in europe-west1, id beginning with {repo}. For backups: us-central1 holds a nearline bucket whose name ends with {bkt}. {SUB1} {GRANT}`);
C('artifact_delivery', 'negation',
  'repo:s,us-east1,docker top:e,600s',
  R`GCP artifact setup: a Docker registry in us-east1 whose repository id begins with {repo}, plus a Pub/Sub topic ending in {top} that retains messages for 10 minutes. No buckets. {SUB3} {GRANT}`);
C('artifact_delivery', 'multi-resource-sentence',
  'repo:e,europe-west1,python bkt:s,europe-west1,coldline obj:x',
  R`In europe-west1, create a python repository whose repository id ends with {repo} and a coldline bucket whose name starts with {bkt}, all on Google Cloud. Upload the object {obj} into that bucket with {content} as its content. {GRANT} {SUB1}`);
C('artifact_delivery', '',
  'repo:s,asia-southeast1,docker bkt:e,us-west1,standard top:s,1200s obj:x',
  R`Internal Google Cloud sandbox. Artifact Registry: docker format, asia-southeast1, repository id starting with {repo}. Storage: a standard bucket in us-west1 ending with {bkt}, plus a file {obj} in it; the file should read {content}. Messaging: a topic starting with {top}, retention 1200s. {SUB2} {GRANT}`);
C('artifact_delivery', 'multi-resource-sentence',
  'repo:e,us-central1,python bkt:e,us-central1,nearline',
  R`All names given are suffixes. On GCP, add a python repository {repo} in us-central1 and a nearline bucket {bkt}, also in us-central1. {SUB3} {GRANT}`);
C('artifact_delivery', 'value-before-cue',
  'repo:s,us-west1,docker bkt:s,asia-southeast1,coldline obj:x',
  R`GCP request. asia-southeast1 is where the bucket lives: coldline, name prefixed by {bkt}; drop a blob named {obj} in it whose body is {content}. us-west1 is where the docker-format repository lives, its id prefixed by {repo}. {SUB1} {GRANT}`);
C('artifact_delivery', 'shuffled',
  'repo:e,europe-west1,docker top:x,900s bkt:s,us-east1,standard',
  R`{GRANT} Google Cloud setup for the build team. First a topic named exactly {top}, message retention a quarter of an hour. Then a standard bucket in us-east1 beginning with {bkt}. Finally the docker Artifact Registry repo in europe-west1 whose repository id ends with {repo}. {SUB2}`);
C('artifact_delivery', 'multi-resource-sentence',
  'repo:s,us-central1,python bkt:e,us-central1,standard obj:x',
  R`Small GCP task: in us-central1, a python-format repository starting {repo} and a standard bucket ending {bkt}; inside the bucket, an object called {obj} containing the text {content}. {SUB3} {GRANT}`);
C('artifact_delivery', 'negation',
  'repo:e,asia-southeast1,python top:s,600s',
  R`Google Cloud: a Python package repository in asia-southeast1 with the suffix {repo}, and a message topic with the prefix {top} whose retention is 600s. No bucket. {SUB1} {GRANT}`);
C('bucket_with_object', '',
  'bkt:s,us-west1,coldline obj:x',
  R`Google Cloud, minimal: a coldline Cloud Storage bucket in us-west1 whose name starts with {bkt}, holding one object named {obj} whose body is {content}. {SUB2} {GRANT}`);
C('bucket_with_object', 'shuffled',
  'bkt:e,europe-west1,nearline obj:x top:s,1200s',
  R`{GRANT} In GCP, upload a text object {obj} with the content {content} into a nearline bucket ending in {bkt} located in europe-west1, and create a topic starting with {top} retaining messages for 1200 seconds. {SUB3}`);
C('bucket_with_object', 'negation',
  'bkt:s,asia-southeast1,standard obj:x',
  R`Short-lived Google Cloud environment: a standard bucket in asia-southeast1 beginning with {bkt}, and a file {obj} inside it. The file should read {content}, as plain text. Nothing else. {SUB1} {GRANT}`);
C('bucket_with_object', '',
  'bkt:e,us-east1,coldline obj:x top:e,900s',
  R`Every bucket and topic name below is a suffix; the object name is exact. On Google Cloud: bucket {bkt} (coldline, us-east1) containing object {obj} with {content} as its content, and topic {top} retaining messages for fifteen minutes. {SUB2} {GRANT}`);
C('bucket_with_object', 'value-before-cue negation',
  'bkt:s,us-central1,nearline obj:x',
  R`Please provision a us-central1 nearline object storage bucket prefixed by {bkt} in Google Cloud and put a single blob {obj} in it; the blob's text is {content}. No topic. {SUB3} {GRANT}`);
C('bucket_with_object', '',
  'bkt:e,europe-west1,standard obj:x top:x,600s',
  R`GCP dev sandbox, cost-conscious. Bucket: name ending in {bkt}, class standard, location europe-west1. Object: {obj} in that bucket, content {content}, content type text/plain. Topic: exactly {top}, retention 600s. {GRANT} {SUB1}`);
C('bucket_with_object', '',
  'bkt:s,us-east1,standard obj:x',
  R`On Google Cloud, create a standard bucket in us-east1 that has {bkt} as its prefix and add an object {obj} containing the text {content}. {SUB2} {GRANT}`);
C('bucket_with_object', 'value-before-cue',
  'bkt:e,asia-southeast1,nearline obj:x top:s,900s',
  R`{GRANT} Google Cloud request. asia-southeast1 is where the nearline bucket goes; its name ends with {bkt}. The object {obj} goes inside it and the file should read {content}. There is also a topic beginning with {top} keeping messages for a quarter of an hour. {SUB3}`);
C('storage_with_pubsub', 'multi-resource-sentence negation',
  'bkt:s,us-central1,coldline top:s,600s repo:s,us-central1,docker',
  R`In us-central1, create a coldline bucket starting with {bkt} and a docker repository starting with {repo}; both live in our Google Cloud sandbox. Also a topic starting with {top} with a retention of 600s. No bucket object is needed. {SUB1} {GRANT}`);
C('storage_with_pubsub', '',
  'bkt:e,us-west1,standard top:e,1200s obj:x',
  R`GCP setup: a topic ending in {top} that keeps messages for 1200s, a standard bucket in us-west1 ending in {bkt}, and in that bucket a text object named {obj} whose body is {content}. {SUB2} {GRANT}`);
C('storage_with_pubsub', 'shuffled',
  'bkt:s,europe-west1,nearline top:x,900s repo:e,asia-southeast1,python obj:x',
  R`{GRANT} For a teammate's Google Cloud project: put the object {obj}, content {content}, into a nearline bucket in europe-west1 whose name begins with {bkt}. Create a python repository in asia-southeast1 whose repository id ends with {repo}. Create a Pub/Sub topic called {top} with 15 min message retention. {SUB3}`);
C('storage_with_pubsub', 'value-before-cue',
  'bkt:e,us-east1,coldline top:s,1200s repo:s,us-west1,docker',
  R`Internal sandbox on Google Cloud. A us-west1 docker repository, id starting {repo}; a us-east1 coldline bucket, name ending with {bkt}; a topic, name starting {top}, retention 20 minutes. {SUB1} {GRANT}`);
C('storage_with_pubsub', '',
  'bkt:s,asia-southeast1,standard top:e,600s obj:x',
  R`Google Cloud request: a message topic with the suffix {top}, retention ten minutes; a standard bucket in asia-southeast1 with the prefix {bkt}; and an object {obj} in that bucket with {content} as its content. {GRANT} {SUB2}`);
C('storage_with_pubsub', 'multi-resource-sentence',
  'bkt:e,europe-west1,coldline top:e,900s repo:e,europe-west1,python',
  R`GCP dev sandbox. A coldline-class bucket and a python-format repository, both in europe-west1: the bucket name ends with {bkt} and the repository id ends with {repo}. A topic ending with {top} keeps messages for 900 seconds. {SUB3} {GRANT}`);
C('storage_with_pubsub', '',
  'bkt:s,us-central1,nearline top:s,1200s obj:x repo:s,europe-west1,docker',
  R`Every name below is a prefix except the object's, which is exact. In Google Cloud: nearline bucket {bkt} in us-central1; object {obj} in it whose body is {content}; topic {top} with 1200s retention; docker repository {repo} in europe-west1. {SUB1} {GRANT}`);
C('storage_with_pubsub', 'multi-resource-sentence',
  'bkt:e,us-west1,nearline top:x,600s repo:e,us-west1,docker',
  R`{GRANT} Short-lived GCP environment: a Docker registry and a nearline bucket, both located in us-west1, the registry id ending with {repo} and the bucket name ending with {bkt}; plus a topic named {top} holding messages 600s. {SUB2}`);
C('dns_frontend', '',
  'dns:s bkt:e,us-east1,standard obj:x',
  R`Static frontend stub on Google Cloud: a DNS zone starting with {dns} for {dnsname}, a standard bucket in us-east1 ending with {bkt}, and an index object {obj} in it whose body is {content}. {SUB1} {GRANT}`);
C('dns_frontend', '',
  'dns:x bkt:s,europe-west1,nearline top:e,1200s',
  R`GCP request: Cloud DNS managed zone named {dns} with DNS name {dnsname} Bucket in europe-west1, nearline, name beginning with {bkt}. Topic whose name ends with {top}, message retention 20 min. {SUB2} {GRANT}`);
C('dns_frontend', 'shuffled value-before-cue',
  'dns:e bkt:s,asia-southeast1,coldline obj:x top:s,600s',
  R`{GRANT} Google Cloud frontend sandbox. The object {obj} (text {content}) sits in an asia-southeast1 coldline bucket beginning with {bkt}. A topic beginning with {top} keeps messages for ten minutes. The DNS zone name ends with {dns} and serves {dnsname} {SUB3}`);
C('dns_frontend', '',
  'dns:s bkt:s,us-central1,standard top:x,900s',
  R`Internal GCP sandbox. Managed zone prefixed by {dns}, dns name {dnsname}; storage bucket prefixed by {bkt} in us-central1 with standard class; Pub/Sub topic {top} with retention 900s. {SUB1} {GRANT}`);
C('dns_frontend', '',
  'dns:e bkt:e,us-west1,coldline obj:x',
  R`On Google Cloud, please add a DNS zone whose name ends {dns} (DNS name {dnsname}), a coldline bucket in us-west1 whose name ends {bkt}, and the file {obj} in that bucket; the file should read {content}. {SUB2} {GRANT}`);
C('dns_frontend', '',
  'dns:x bkt:e,europe-west1,standard obj:x top:e,600s',
  R`GCP frontend: zone {dns} ({dnsname}); bucket with the suffix {bkt}, standard, europe-west1; object {obj} in it with the text {content}; topic with the suffix {top}, retention 600s. {SUB3} {GRANT}`);
C('dns_frontend', 'negation',
  'dns:s bkt:s,us-east1,nearline obj:x',
  R`{GRANT} A small Google Cloud frontend: a DNS zone with {dns} as its prefix serving {dnsname}, a nearline bucket in us-east1 with {bkt} as its prefix, and an object {obj} in that bucket with {content} as its content. No Pub/Sub topic is needed. {SUB1}`);
C('topic_with_subscription', 'bool-wording',
  'top:s,600s ps:e,20,true,86400s',
  R`Google Cloud messaging sandbox: a topic starting with {top} that retains messages for 600s, and a subscription on it ending with {ps} with a twenty-second ack deadline, retain acked messages (yes), and a TTL of 24 hours. {SUB2} {GRANT}`);
C('topic_with_subscription', 'bool-wording negation',
  'top:x,900s ps:x,30,false,172800s',
  R`In GCP, create topic {top} (retention 900s) and pull subscription {ps} attached to it: ack deadline thirty seconds, acknowledged messages not retained, expiration after 2 days without activity. No bucket. {SUB3} {GRANT}`);
C('topic_with_subscription', '',
  'top:e,1200s ps:s,60,true,259200s bkt:e,us-central1,coldline',
  R`{GRANT} Google Cloud request. A message topic whose name ends with {top}, retention 20 minutes. A subscription whose name starts with {ps} on that topic with a sixty-second ack deadline, keeping acked messages (true) and a 3-day expiration TTL. A coldline bucket in us-central1 ending with {bkt}. {SUB1}`);
C('topic_with_subscription', 'bool-wording',
  'top:s,600s ps:x,10,false,86400s',
  R`GCP sandbox: topic beginning with {top}, messages kept 10 minutes; subscription named {ps} on it with ack deadline 10, retain acked messages (no), TTL 86400s. {SUB2} {GRANT}`);
C('topic_with_subscription', 'bool-wording',
  'top:x,1200s ps:e,30,true,259200s',
  R`On Google Cloud, a subscription ending in {ps} should read from the topic {top}; give it a 30 second ack deadline, retain acknowledged messages enabled, and expire it after 72 hours idle. The topic {top} keeps messages for 1200s. {GRANT} {SUB3}`);
C('topic_with_subscription', 'bool-wording',
  'top:e,900s ps:s,20,false,172800s bkt:s,europe-west1,standard',
  R`Internal GCP sandbox. Topic: name with the suffix {top}, fifteen minutes of retention. Subscription: name starting with {ps}, subscribed to that topic, ack deadline 20 seconds, discard acked messages, expires after two days. Bucket: standard, europe-west1, name starting with {bkt}. {SUB1} {GRANT}`);
C('topic_with_subscription', 'bool-wording negation',
  'top:s,900s ps:e,60,false,86400s',
  R`{GRANT} GCP messaging only, no storage. Create a Pub/Sub topic prefixed by {top} retaining messages for 900s and a subscription ending with {ps} on it: ack deadline 60 seconds, retaining acked messages turned off, expiration TTL one day. {SUB2}`);


// --- dev: fresh, network + storage / artifacts / pubsub --------------------------------------------------------
C('network_plus_storage', 'multi-resource-sentence',
  'vpc:x sn:s,us-central1 fw:x,ssh vm:e,us-central1-a,e2-small,T1 bkt:s,us-central1,standard obj:x',
  R`Internal dev sandbox on Google Cloud. In us-central1, create a subnetwork starting {sn} with range {cidr} and a standard bucket starting {bkt}; the bucket holds one object, {obj}, whose body is {content}. The subnetwork sits on the VPC {vpc} (auto create subnetworks false), which also gets firewall rule {fw} for ssh: tcp/22 ingress, priority 1000, disabled false. The VM ends with {vm}, is an e2-small in us-central1-a on that subnetwork, and its boot script records the token {tok} in /var/tmp/acore-token. {SUB1} {GRANT}`);
C('network_plus_storage', '',
  'vpc:e sn:x,us-east1 fw:e,http vm:s,us-east1-c,e2-medium,T3 bkt:e,asia-southeast1,coldline repo:s,us-east1,docker',
  R`{GRANT} GCP request. Storage is a coldline bucket in asia-southeast1 ending with {bkt}; artifacts go to a docker repository in us-east1 whose id starts with {repo}. Networking: VPC ending with {vpc} with auto create subnetworks false, subnetwork {sn} in us-east1 over {cidr}, firewall rule ending with {fw} allowing http (tcp/80) ingress at priority 1001, not disabled. Compute: e2-medium VM starting with {vm} in us-east1-c on {sn}, startup script !/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token. {SUB3}`);
C('network_plus_storage', 'multi-resource-sentence',
  'vpc:s sn:s,europe-west1 fw:s,icmp vm:s,europe-west1-d,e2-micro,T2 bkt:s,europe-west1,nearline obj:x repo:s,europe-west1,python',
  R`Every resource name below is a prefix, except the object name, which is exact. Everything lives in europe-west1 on Google Cloud: VPC {vpc} (auto create subnetworks false); subnetwork {sn} on {cidr}; firewall rule {fw} allowing icmp, ingress, priority 1002, enabled; e2-micro VM {vm} in europe-west1-d on subnetwork {sn} with startup script {script\n}; nearline bucket {bkt} with object {obj} holding {content}; python repository {repo}. {SUB2} {GRANT}`);
C('network_plus_storage', '',
  'vpc:x sn:e,us-central1 fw:x,ssh vm:x,us-central1-b,e2-small,T1 bkt:e,us-west1,standard repo:e,us-central1,python',
  R`Lightweight staging on GCP. Custom VPC {vpc}, no auto-created subnetworks. Subnetwork whose name ends {sn}, us-central1, {cidr}, on {vpc}. SSH firewall rule {fw} on {vpc}: ingress, tcp/22, priority one thousand, not disabled. VM {vm} (e2-small, us-central1-b) on the subnetwork, startup script {script}. Standard bucket in us-west1 whose name ends {bkt}. Python repository in us-central1 whose id ends {repo}. {SUB1} {GRANT}`);
C('network_plus_storage', '',
  'vpc:e sn:s,europe-west1 fw:e,icmp vm:e,europe-west1-b,e2-medium,T2 bkt:s,us-east1,coldline obj:x',
  R`Google Cloud sandbox request. A VPC with {vpc} as its suffix and auto create subnetworks false; a subnetwork with {sn} as its prefix in europe-west1, range {cidr}; a firewall rule with {fw} as its suffix allowing icmp echo ingress at priority 1002, not disabled; and an e2-medium VM with {vm} as its suffix in europe-west1-b on that subnetwork whose startup script uses printf to put {tok} into /var/tmp/acore-token. Also a coldline bucket in us-east1 with {bkt} as its prefix holding the file {obj}; the file should read {content}. {GRANT} {SUB3}`);
C('network_plus_storage', 'value-before-cue shuffled',
  'vpc:s sn:x,us-central1 fw:s,http vm:x,us-central1-f,e2-micro,T3 bkt:e,us-central1,nearline obj:x repo:s,asia-southeast1,docker',
  R`GCP sandbox, keep it small. An e2-micro, us-central1-f virtual machine named {vm} attaches to subnetwork {sn} and runs "{script\n}" at startup. {cidr} in us-central1 is the subnetwork's range, and its VPC starts with {vpc} (auto create subnetworks false). An http allow rule starting with {fw} on that VPC: tcp/80, ingress, priority 1001, disabled false. A us-central1 nearline bucket ending with {bkt} stores {obj} with {content} as its content, and an asia-southeast1 docker repository starts with {repo}. {SUB2} {GRANT}`);
C('network_plus_artifacts', 'multi-resource-sentence',
  'repo:e,us-west1,docker bkt:s,us-west1,standard vpc:x sn:s,us-east1 fw:x,ssh vm:s,us-east1-d,e2-small,T1',
  R`Internal Google Cloud sandbox. In us-west1, create a docker repository ending with {repo} and a standard bucket starting {bkt}. The compute side lives in us-east1: VPC {vpc} with auto create subnetworks false, subnetwork starting {sn} with {cidr}, ssh firewall rule {fw} (tcp/22, ingress, priority 1000, enabled), and an e2-small VM starting {vm} in us-east1-d on the subnetwork starting {sn}, startup script {script}. {SUB3} {GRANT}`);
C('network_plus_artifacts', '',
  'repo:s,europe-west1,python bkt:e,us-central1,coldline obj:x vpc:e sn:e,us-central1 fw:e,icmp vm:e,us-central1-c,e2-medium,T2',
  R`All names given are suffixes unless noted otherwise. On GCP: VPC {vpc} (auto create subnetworks false); subnetwork {sn} in us-central1, {cidr}; firewall rule {fw} admitting icmp ingress, priority 1002, not disabled; e2-medium VM {vm} in us-central1-c on {sn}, startup script !/bin/bash\nprintf '{tok}' > /var/tmp/acore-token\n; coldline bucket {bkt} in us-central1 with object {obj} whose body is {content}; and a python repository in europe-west1 whose id starts with {repo}. {GRANT} {SUB1}`);
C('network_plus_artifacts', '',
  'repo:e,us-central1,docker bkt:s,asia-southeast1,nearline vpc:s sn:x,europe-west1 fw:s,http vm:x,europe-west1-b,e2-small,T3',
  R`{GRANT} GCP dev sandbox: a Docker registry in us-central1 with an id ending in {repo}; a nearline bucket in asia-southeast1 beginning with {bkt}; a VPC beginning with {vpc} (auto create subnetworks false) with subnetwork {sn} in europe-west1 ({cidr}); a web firewall rule beginning with {fw} allowing http on tcp/80, priority 1001, ingress, disabled false; and a VM called {vm}, e2-small, europe-west1-b, on {sn}, with a startup script that saves {tok} to /var/tmp/acore-token. {SUB2}`);
C('network_plus_artifacts', 'multi-resource-sentence',
  'repo:s,us-east1,python bkt:e,us-east1,standard obj:x vpc:x sn:s,us-east1 fw:x,icmp vm:e,us-east1-b,e2-micro,T1',
  R`Google Cloud request; every regional resource goes in us-east1. That covers the python repository whose id starts with {repo}, the standard bucket whose name ends with {bkt}, and the subnetwork whose name starts with {sn} ({cidr}) on VPC {vpc} (auto create subnetworks false). The bucket holds {obj} containing the text {content}. Firewall rule {fw} on {vpc} allows icmp ingress at priority 1002, not disabled. The e2-micro VM in us-east1-b ends with {vm}, runs on the subnetwork starting with {sn}, startup script {script\n}. {SUB3} {GRANT}`);
C('network_plus_artifacts', 'value-before-cue bool-wording',
  'repo:e,asia-southeast1,python bkt:s,europe-west1,standard vpc:e sn:e,us-central1 fw:s,ssh vm:s,us-central1-a,e2-medium,T2',
  R`GCP staging. asia-southeast1 is where the python-format repository lives, id ending with {repo}; europe-west1 is where the standard bucket lives, name beginning with {bkt}. Network: a VPC ending with {vpc}, auto create subnetworks off, and a subnetwork ending with {sn} in us-central1 on {cidr}. Firewall: beginning with {fw}, ssh over tcp port 22, priority one thousand, ingress, enabled. VM: e2-medium in us-central1-a beginning with {vm}, on the subnetwork ending with {sn}, startup script {script}. {SUB1} {GRANT}`);
C('network_plus_artifacts', '',
  'repo:s,us-central1,docker bkt:e,us-central1,coldline obj:x vpc:s sn:x,us-central1 fw:e,http vm:x,us-central1-c,e2-small,T3',
  R`{GRANT} Google Cloud sandbox. A VM named {vm} (e2-small, us-central1-c) on subnetwork {sn}, startup script !/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token. Subnetwork {sn}: us-central1, {cidr}, VPC whose name starts with {vpc}, auto create subnetworks false. Firewall rule whose name ends {fw}: http, tcp/80, ingress, priority 1001, disabled false. Repository: docker, us-central1, id starting with {repo}. Bucket: coldline, us-central1, name ending with {bkt}, containing object {obj} whose body is {content}. {SUB2}`);
C('network_plus_pubsub', '',
  'top:s,600s vpc:x sn:x,us-east1 fw:x,ssh vm:x,us-east1-c,e2-small,T1',
  R`Internal GCP sandbox. A Pub/Sub topic starting with {top}, retention ten minutes. A VPC {vpc} with auto create subnetworks false, its subnetwork {sn} in us-east1 ({cidr}), and firewall rule {fw} allowing ssh (tcp/22) ingress at priority 1000, enabled. A VM {vm}, e2-small in us-east1-c, on {sn}, whose startup script writes the token {tok} to /var/tmp/acore-token. {SUB1} {GRANT}`);
C('network_plus_pubsub', 'shuffled',
  'top:e,1200s bkt:s,us-west1,nearline obj:x vpc:e sn:s,europe-west1 fw:e,icmp vm:s,europe-west1-c,e2-micro,T2',
  R`{GRANT} Google Cloud setup. The blob {obj} with the text {content} goes into a nearline bucket in us-west1 beginning with {bkt}. A message topic ending with {top} retains messages for 20 minutes. A virtual machine beginning with {vm} (e2-micro, europe-west1-c) sits on the subnetwork beginning with {sn}, europe-west1, {cidr}, which is part of the VPC ending with {vpc} (auto create subnetworks false). Ping is allowed by an icmp firewall rule ending with {fw} at priority 1002, ingress, not disabled. The VM's startup script is {script}. {SUB3}`);
C('network_plus_pubsub', '',
  'top:x,900s bkt:e,us-east1,standard vpc:s sn:e,us-central1 fw:s,http vm:e,us-central1-b,e2-medium,T3',
  R`GCP request. Topic {top} keeps messages for a quarter of an hour. Bucket ending in {bkt}, standard, us-east1. VPC starting with {vpc}, auto create subnetworks false. Subnetwork ending in {sn}, us-central1, {cidr}. Firewall starting with {fw}: tcp/80 for http, ingress, priority one thousand one, disabled false. VM ending in {vm}: e2-medium, us-central1-b, subnetwork ending in {sn}, startup script {script}. {GRANT} {SUB2}`);
C('network_plus_pubsub', 'negation',
  'top:s,900s vpc:x sn:s,europe-west1 fw:x,icmp vm:s,europe-west1-d,e2-small,T2',
  R`Google Cloud sandbox without any storage bucket. Create VPC {vpc} (auto create subnetworks false), subnetwork prefixed by {sn} in europe-west1 on {cidr}, firewall rule {fw} permitting icmp ingress at priority 1002 and not disabled, VM prefixed by {vm} (e2-small, europe-west1-d) on the subnetwork prefixed by {sn} with startup script {script\n}, and a topic prefixed by {top} retaining messages for 15 minutes. {SUB1} {GRANT}`);
C('network_plus_pubsub', '',
  'top:e,600s bkt:s,europe-west1,coldline obj:x vpc:e sn:x,us-east1 fw:e,ssh vm:x,us-east1-d,e2-micro,T1',
  R`{GRANT} GCP dev sandbox. VPC with the suffix {vpc}, auto create subnetworks false; subnetwork {sn} in us-east1, {cidr}; firewall rule with the suffix {fw}, ssh on tcp/22, ingress, priority 1000, disabled false; e2-micro VM {vm} in us-east1-d on {sn}, startup script !/bin/bash\nset -euo pipefail\necho '{tok}' > /var/tmp/acore-token\n; topic with the suffix {top}, 600s retention; coldline bucket in europe-west1 with the prefix {bkt}, containing the file {obj}, which should read {content}. {SUB3}`);


// --- dev: plain operator prompts (real-looking names, any real region, generator default rules) -----------------
OP('custom', 'negation',
  'vpc:x=acme-core-net fw:x=acme-core-allow-ssh,tcp:22:900',
  R`Create a VPC called acme-core-net in our GCP project with auto create subnetworks false; we will add subnets later, so do not create any subnet now. Add an ingress firewall rule acme-core-allow-ssh on acme-core-net that allows tcp port 22 with priority 900.`);
OP('single_vm', 'negation',
  'vm:x=acme-bastion,asia-northeast1-b,e2-small,T2',
  R`Spin up a single e2-small VM named acme-bastion in asia-northeast1-b on the default network, no new VPC. Startup script: {script\n}`);
OP('network_stack', '',
  'vpc:x=acme-web-net sn:x=acme-app-subnet,southamerica-east1,10.20.0.0/20 fw:x=acme-allow-https,tcp:443:1000 vm:x=acme-web-01,southamerica-east1-a,n2-standard-2,T1',
  R`Please build a small web tier in GCP: VPC acme-web-net (custom mode, auto create subnetworks false), subnet acme-app-subnet in southamerica-east1 with CIDR 10.20.0.0/20, a firewall rule acme-allow-https on acme-web-net allowing ingress tcp/443 at priority 1000, and an n2-standard-2 instance acme-web-01 in southamerica-east1-a on acme-app-subnet. Its startup script is {script}.`);
OP('storage_delivery', 'multi-resource-sentence',
  'bkt:x=contoso-build-cache,us-west4,standard repo:x=contoso-images,us-west4,docker',
  R`For the contoso build pipeline on Google Cloud: a Cloud Storage bucket contoso-build-cache in us-west4 (standard class) and a Docker repository contoso-images in Artifact Registry, same region.`);
OP('topic_with_subscription', 'bool-wording',
  'top:x=acme-orders,604800s ps:x=acme-orders-worker,45,true,1209600s',
  R`Messaging for the orders service: Pub/Sub topic acme-orders retaining messages for 7 days, and a pull subscription acme-orders-worker on it with a 45 second ack deadline, retain acked messages enabled, expiring after 14 days of inactivity.`);
OP('bucket_with_object', '',
  'bkt:s=acme-static,europe-west4,standard obj:x=healthz.txt,status+ok',
  R`Need a GCS bucket in europe-west4, standard storage, whose name starts with acme-static (the rest can be anything unique). Upload one file, healthz.txt, with the content "status ok".`);
OP('dns_frontend', '',
  'dns:x=acme-internal bkt:x=acme-internal-site,us-east4,standard obj:x=index.txt,welcome+to+acme',
  R`Set up a Cloud DNS managed zone acme-internal for acme-internal.acore.example. plus a standard bucket acme-internal-site in us-east4, and put index.txt in it containing the text "welcome to acme".`);
OP('network_without_instance', 'negation',
  'vpc:x=contoso-lab-vpc sn:x=contoso-lab-subnet,europe-north1,172.16.4.0/22 fw:x=contoso-lab-icmp,icmp::65534',
  R`Lab network for contoso in Google Cloud: VPC contoso-lab-vpc without auto-created subnetworks, one subnet contoso-lab-subnet in europe-north1 (172.16.4.0/22), and a low-priority ingress rule contoso-lab-icmp allowing icmp at priority 65534. Do not create a VM.`);
OP('custom', 'negation',
  'vpc:x=acme-data-net sn:x=acme-data-subnet,us-south1,10.64.0.0/20',
  R`Create a custom VPC acme-data-net (auto create subnetworks false) and a single subnetwork acme-data-subnet in us-south1 using 10.64.0.0/20. No firewall rules and no VMs for now.`);
OP('network_plus_pubsub', 'multi-resource-sentence',
  'vpc:x=acme-events-net sn:x=acme-events-subnet,asia-south1,10.30.0.0/24 fw:x=acme-events-ssh,tcp:22:1000 vm:x=acme-events-worker,asia-south1-c,e2-standard-2,T3 top:x=acme-events,86400s',
  R`Event worker setup on GCP, everything in region asia-south1: network acme-events-net (no auto subnets) with subnet acme-events-subnet 10.30.0.0/24, firewall acme-events-ssh allowing SSH (tcp 22) from our office at priority 1000, ingress, and VM acme-events-worker, e2-standard-2, zone asia-south1-c, on acme-events-subnet, startup script "{script\n}". Also a Pub/Sub topic acme-events with one day of message retention.`);
OP('storage_with_pubsub', '',
  'bkt:e=contoso-logs,us-west2,nearline top:x=contoso-log-events,3600s obj:x=about.txt,log+archive',
  R`We need a nearline bucket in us-west2 whose name ends with contoso-logs, a file about.txt in it that says "log archive", and a Pub/Sub topic contoso-log-events keeping messages for one hour.`);
OP('network_stack', '',
  'vpc:x=contoso-shop-net sn:x=contoso-shop-frontend,europe-west3,10.10.0.0/24 fw:x=contoso-allow-http,tcp:80:900 vm:x=contoso-shop-web,europe-west3-b,n2-standard-4,T2',
  R`Contoso shop frontend in GCP: create the VPC contoso-shop-net in custom subnet mode, subnet contoso-shop-frontend in europe-west3 (10.10.0.0/24), firewall rule contoso-allow-http permitting ingress http on tcp port 80 at priority 900, and VM contoso-shop-web (n2-standard-4, europe-west3-b) in that subnet with a startup script that uses printf to write {tok} to /var/tmp/acore-token.`);
OP('artifact_delivery', 'multi-resource-sentence',
  'repo:x=acme-python-libs,northamerica-northeast1,python bkt:x=acme-wheels-cache,northamerica-northeast1,coldline',
  R`Create an Artifact Registry python repository acme-python-libs and a coldline bucket acme-wheels-cache, both in northamerica-northeast1.`);
OP('dns_network_bridge', 'multi-resource-sentence value-before-cue',
  'dns:x=acme-corp vpc:x=acme-corp-net sn:x=acme-corp-subnet,me-west1,10.50.0.0/24 vm:x=acme-dns-probe,me-west1-a,e2-micro,T1 fw:x=acme-corp-ssh,tcp:22:1000',
  R`Private DNS bridge, all in me-west1: managed zone acme-corp (DNS name acme-corp.acore.example.), VPC acme-corp-net with auto create subnetworks false, subnet acme-corp-subnet 10.50.0.0/24, ingress firewall rule acme-corp-ssh for ssh on tcp port 22 with priority 1000, and an e2-micro VM acme-dns-probe in me-west1-a on acme-corp-subnet. The VM's startup script should be {script}.`);


// --- dev: a few more fresh cases ---------------------------------------------------------------------------------
C('storage_delivery', '',
  'bkt:s,europe-west1,standard top:e,600s',
  R`Google Cloud ask: a standard bucket in europe-west1 with a name starting {bkt}, and a topic whose name ends {top} with 600s retention. Nothing more. {GRANT} {SUB3}`);
C('network_stack', '',
  'vpc:s sn:e,us-east1 fw:s,icmp vm:e,us-east1-c,e2-small,T2',
  R`In GCP, build: a VPC that has {vpc} as its prefix (auto create subnetworks false); a subnetwork in us-east1 that has {sn} as its suffix, range {cidr}; an icmp ingress firewall rule with {fw} as its prefix, priority 1002, enabled; and an e2-small VM in us-east1-c with {vm} as its suffix on that subnetwork, whose startup script puts {tok} in /var/tmp/acore-token. {SUB2} {GRANT}`);
C('topic_with_subscription', 'bool-wording',
  'top:e,1200s ps:s,10,true,172800s',
  R`{GRANT} GCP request: a topic whose name ends {top} retaining messages 20 min, and a subscription to it with a name starting {ps}, a ten-second ack deadline, acked messages retained (yes) and a 48 hour expiration TTL. {SUB1}`);
C('network_plus_pubsub', '',
  'top:x,600s vpc:e sn:s,us-central1 fw:x,http vm:s,us-central1-b,e2-medium,T1',
  R`Google Cloud sandbox: a VPC whose name ends {vpc} with auto create subnetworks false; a subnetwork starting {sn} in us-central1 over {cidr}; an http firewall rule named {fw} (tcp/80, ingress, priority 1001, not disabled); an e2-medium VM starting {vm} in us-central1-b on that subnetwork, whose boot script only has to leave {tok} in /var/tmp/acore-token; and a topic named {top} with 600s retention. {SUB3} {GRANT}`);
C('network_without_instance', 'negation',
  'vpc:x sn:s,europe-west1 fw:e,ssh vm:x,us-east1-b,e2-micro,T3',
  R`GCP staging: VPC {vpc} (auto create subnetworks false); subnetwork with {sn} as its prefix in europe-west1 on {cidr}; ssh firewall rule whose name ends {fw} on {vpc} (tcp/22, ingress, priority 1000, disabled false). Separately, an e2-micro VM named {vm} in us-east1-b on the default network; its startup script writes {tok} into /var/tmp/acore-token. {GRANT} {SUB1}`);
C('dns_frontend', '',
  'dns:s bkt:e,us-central1,coldline top:s,900s',
  R`Google Cloud DNS frontend: a zone with a name starting {dns} (DNS name {dnsname}), a coldline bucket in us-central1 with a name ending in {bkt}, and a message topic with a name starting {top} and fifteen minutes of retention. {SUB2} {GRANT}`);
C('bucket_with_object', '',
  'bkt:e,us-west1,standard obj:x',
  R`{GRANT} Small Google Cloud storage job: a standard bucket in us-west1 whose name ends {bkt}, with one object {obj}; the file should read {content}. {SUB3}`);


// ===============================================================================================================
// HOLDOUT SPLIT: other source tasks, other names, sentence frames not used in dev
splitOf('holdout');

// --- holdout: derived -------------------------------------------------------------------------------------------
D('dns_network_bridge', '',
  'dns:s=vfcl7jeo vpc:e=bv4buszdtpwqad2 bkt:e=so8vluxplxyi,us-central1,coldline sn:x=o47wtxs,europe-west1,10.81.154.0/24 fw:s=wbhs3l9s,ssh vm:e=tjzel507xgldbu,europe-west1-c,e2-small,T3',
  R`I'd like the following in Google Cloud, please. The DNS side is a managed zone whose name should begin with {dns}, answering for {dnsname} On the network side there should be a VPC whose name must end with {vpc}, created without automatic subnetworks, and inside it a subnetwork called {sn} in europe-west1 using {cidr}. SSH access comes from an ingress firewall rule whose name should begin with {fw}, attached to that VPC, tcp 22, priority 1000, not disabled. The machine is an e2-small in europe-west1-c whose name must end with {vm}, on subnetwork {sn}, and at boot it runs #!/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token. Lastly, a coldline bucket in us-central1 whose name must end with {bkt}. {SUB2} {GRANT}`,
  'acbea2');
D('bucket_with_object', '',
  'bkt:e=s8xutd70lsnj4,us-west1,standard obj:x=gpl26vpd16dwsavtxt,dg10vyihk99z',
  R`Could you create a Google Cloud Storage bucket in us-west1, standard tier, whose name is suffixed with {bkt}? It needs exactly one object, {obj}, and that object's contents should be {content}. {GRANT} {SUB1}`,
  '40d484');
D('network_stack', 'shuffled',
  'vpc:s=ayl0npt6laikgfurh sn:s=vm4lj0sgg38qfe,europe-west1,10.16.57.0/24 fw:e=iluonef,icmp vm:e=xefr2o0foick,europe-west1-c,e2-small,T2',
  R`Ticket: GCP network stack. Requirements, in no particular order. The instance (e2-small, zone europe-west1-c) must carry a name ending in {vm} and be placed on the subnetwork that begins with {sn}; at startup it should execute #!/bin/bash\nprintf '{tok}' > /var/tmp/acore-token\n. That subnetwork belongs to europe-west1, takes {cidr}, and hangs off the VPC that begins with {vpc}. The VPC must not auto-create subnetworks. Ingress icmp is permitted by a rule ending in {fw} at priority 1002; leave it enabled. {GRANT} {SUB3}`,
  'b374ae');
D('artifact_delivery', 'negation',
  'bkt:e=jl7dchuqoot5fhenup,europe-west1,coldline repo:e=lgf2tovu,us-east1,docker',
  R`Two resources on Google Cloud and no topic: an Artifact Registry repository holding docker images, located in us-east1, with a repository id that ends in {repo}; and a bucket located in europe-west1 using the coldline class, with a name that ends in {bkt}. {SUB2} {GRANT}`,
  'c0eeab');
D('dns_network_bridge', '',
  'dns:s=her0r9ixg14w vpc:x=rysmdv2x9p bkt:s=zno3lq4crs7y,us-central1,nearline sn:e=ib4gzg2kcq3y075xf4,us-east1,10.21.191.0/24 fw:s=kvve2wwsb769,ssh vm:s=wloi1yi2w3kwtno,us-east1-c,e2-micro,T1',
  R`{GRANT} Here is what the Google Cloud project should contain once you are done. A zone for {dnsname} whose zone name opens with the prefix {dns}. A VPC literally named {vpc}, custom mode, auto create subnetworks false. A subnetwork with suffix {sn}, region us-east1, IP range {cidr}, in {vpc}. A firewall rule with prefix {fw} letting ssh in on tcp/22 at priority 1000 (enabled, ingress). A VM with prefix {vm}: e2-micro, us-east1-c, connected to the subnetwork with suffix {sn}, startup script !/bin/bash set -euo pipefail echo '{tok}' > /var/tmp/acore-token. A nearline bucket in us-central1 with prefix {bkt}. {SUB1}`,
  '9c259e');
D('storage_delivery', '',
  'repo:e=hoss6sobj1jwmhbu,us-central1,python bkt:e=t7hk5a22zkk1,us-east1,standard top:e=x5es9cf74,1200s',
  R`GCP, three resources, and the naming convention is that every given name is the tail end of the real name (a suffix). Python packages go to a repository {repo} in us-central1; a standard bucket {bkt} sits in us-east1; topic {top} holds messages for 1200 seconds. {SUB3} {GRANT}`,
  '0b9117');
D('bucket_with_object', '',
  'bkt:s=mne92qyr4cfq2hpa,europe-west1,coldline top:s=odfmnifsf97tp5jtgxiu,600s obj:x=wrmcw0jntxt,l0t7ql6t18h5pyszz',
  R`On Google Cloud I need a coldline bucket in europe-west1 whose name has to start with {bkt}, carrying one text file named {obj} whose contents are {content}, plus a topic whose name has to start with {top}; the topic should hold on to messages for 600 seconds. {GRANT} {SUB2}`,
  '87b7dd');
D('network_plus_artifacts', '',
  'repo:s=lp0rao4ko60,asia-southeast1,docker vpc:s=ppyym8h3k7a8eyu4 bkt:e=ulsf1m3677m,us-west1,standard sn:e=o9s05qosjb2b79gso7,us-east1,10.18.21.0/24 fw:s=ot6edlxgm,http obj:x=a9lelopbrkopfttxt,s3ovjrojff1n5od vm:e=t4l8c5dpgy,us-east1-b,e2-micro,T1',
  R`Google Cloud build, please keep it to exactly this. Container images: asia-southeast1, docker, repository id beginning {repo}. Static files: a standard bucket in us-west1 ending {bkt}, holding {obj} whose text is {content}. Network: VPC beginning {vpc} (no auto subnets), subnetwork ending {sn} in us-east1 over {cidr}, and an http rule beginning {fw} (tcp/80, ingress, priority 1001, disabled false). Host: e2-micro in us-east1-b, name ending {vm}, on subnetwork ending {sn}, startup script {script\n}. {SUB1} {GRANT}`,
  'fce129');
D('network_without_instance', 'negation',
  'vpc:e=cka3huduay sn:s=l1g99j9258p92t1l,us-east1,10.192.94.0/24 fw:e=vxt3y7krdoyk98,icmp',
  R`{GRANT} Network-only change in GCP (no instances, no storage): a VPC whose name finishes with {vpc} and has auto create subnetworks false; a us-east1 subnetwork whose name begins with {sn}, range {cidr}, on that VPC; and an icmp ingress firewall rule on it whose name finishes with {fw}, priority 1002, disabled false. {SUB3}`,
  '144b35');
D('network_plus_pubsub', '',
  'vpc:x=s52ge1d7mo0g top:s=h1u8u0181loh,1200s sn:e=cg0u5dndxenzgo,europe-west1,10.165.95.0/24 fw:e=ishpo6kd2f,ssh vm:s=iuqs42x9wshmq7604,europe-west1-b,e2-micro,T2',
  R`Setting up a worker in Google Cloud. The worker VM, whose name should start with {vm}, is an e2-micro in europe-west1-b; connect it to the subnetwork whose name should end with {sn} and boot it with a script that runs printf '{tok}' > /var/tmp/acore-token under bash. That subnetwork: europe-west1, {cidr}, inside the VPC {vpc} (auto create subnetworks false). Firewall: a rule whose name should end with {fw} on {vpc}, ingress ssh (tcp/22), priority 1000, not disabled. Messaging: a topic whose name should start with {top}, retaining messages for twenty minutes. {SUB2} {GRANT}`,
  '4d1299');


// --- holdout: fresh -----------------------------------------------------------------------------------------------
C('network_stack', 'shuffled',
  'vpc:e sn:s,us-central1 fw:x,http vm:e,us-central1-a,e2-small,T1',
  R`Acceptance criteria for this Google Cloud change: an e2-small VM in us-central1-a whose name must end with {vm} is reachable over http, because an ingress firewall rule named {fw} allows tcp/80 at priority 1001 and is not disabled; the VM lives on a subnetwork whose name must start with {sn} (us-central1, {cidr}); that subnetwork belongs to a VPC whose name must end with {vpc} and which does not auto-create subnetworks; and the VM's startup script leaves the string {tok} in /var/tmp/acore-token. {SUB1} {GRANT}`);
C('network_stack', 'bool-wording',
  'vpc:x sn:x,europe-west1 fw:s,ssh vm:s,europe-west1-b,e2-medium,T3',
  R`Once applied, the GCP project should have: VPC {vpc} in custom mode (auto create subnetworks: no); subnetwork {sn} in europe-west1 with {cidr}; a firewall rule carrying the prefix {fw} that admits ssh, meaning tcp port 22, inbound, ingress direction, priority one thousand, enabled (yes); and an e2-medium machine in europe-west1-b whose name carries the prefix {vm}, on {sn}, with startup script {script}. {GRANT} {SUB3}`);
C('network_stack', '',
  'vpc:s sn:e,us-east1 fw:e,icmp vm:s,us-east1-d,e2-micro,T2',
  R`{GRANT} Here's the brief for Google Cloud: VPC name starting {vpc}, auto subnetwork creation disabled; subnetwork name ending in {sn}, us-east1, {cidr}; firewall name ending in {fw}, icmp, ingress, priority 1002, disabled no; instance name starting {vm}, e2-micro, us-east1-d, attached to the subnetwork ending in {sn}; startup script !/bin/bash\nprintf '{tok}' > /var/tmp/acore-token\n. {SUB2}`);
C('network_stack', 'value-before-cue bool-wording',
  'vpc:e sn:x,us-central1 fw:e,ssh vm:x,us-central1-f,e2-small,T3',
  R`We're after a small Google Cloud stack. us-central1 is the region for the subnetwork {sn}, range {cidr}. The VPC carries the suffix {vpc} and has auto-created subnetworks switched off. For admin access, the firewall rule with the suffix {fw} opens port 22 over tcp, ingress, priority 1000, not disabled. The virtual machine {vm} is e2-small in us-central1-f on subnetwork {sn} and starts with the script #!/bin/bash /usr/bin/env echo '{tok}' > /var/tmp/acore-token. {SUB3} {GRANT}`);
C('network_without_instance', 'negation',
  'vpc:s sn:x,us-central1 fw:s,http',
  R`Could you set up networking only in Google Cloud, with no compute at all? Please make a VPC whose name opens with {vpc} and has automatic subnetwork creation disabled, a subnetwork {sn} in us-central1 on {cidr} inside it, and an ingress rule whose name opens with {fw} on the same VPC so http (tcp/80) can get in at priority 1001, enabled. {SUB1} {GRANT}`);
C('network_without_instance', 'negation',
  'vpc:e sn:e,us-east1 fw:x,icmp vm:s,europe-west1-d,e2-small,T1',
  R`{GRANT} The end state in GCP: a VPC whose name must end with {vpc} (auto create subnetworks false); a subnetwork whose name must end with {sn} in us-east1 on {cidr}; a firewall rule named exactly {fw} on that VPC accepting icmp echo at priority 1002, ingress, disabled false; and, separately, an e2-small virtual machine in europe-west1-d whose name must start with {vm}, left on the project's default network with startup script {script\n}. {SUB3}`);
C('network_without_instance', 'negation',
  'vpc:x sn:e,europe-west1 fw:e,ssh',
  R`Naming note: all names given are suffixes except the VPC, which is named exactly. In Google Cloud create the VPC named exactly {vpc} with auto create subnetworks false, a europe-west1 subnetwork {sn} on range {cidr}, and an ssh firewall rule {fw} on {vpc} (tcp port 22, ingress, priority 1000, not disabled). Do not create any virtual machines. {SUB2} {GRANT}`);
C('network_without_instance', 'negation',
  'vpc:s sn:s,us-central1 fw:s,ssh vm:e,us-central1-c,e2-medium,T2',
  R`Every network-related name below is a prefix. For GCP: VPC {vpc} (auto create subnetworks false), subnetwork {sn} in us-central1 over {cidr}, firewall rule {fw} on {vpc} allowing ssh over tcp/22, priority 1000, ingress, enabled. Plus one standalone e2-medium VM, not on that VPC but on the default network, in us-central1-c, whose name should end in {vm}; its startup script has to write {tok} to /var/tmp/acore-token. {SUB1} {GRANT}`);
C('dns_network_bridge', 'multi-resource-sentence value-before-cue negation',
  'dns:e vpc:s sn:s,us-east1 vm:s,us-east1-b,e2-medium,T3 bkt:s,us-east1,standard',
  R`I'd like a DNS-fronted host on Google Cloud, without any firewall rule. us-east1 holds both the standard bucket beginning with {bkt} and the subnetwork beginning with {sn} ({cidr}); the subnetwork sits in a VPC beginning with {vpc} with auto create subnetworks false. The host is an e2-medium VM in us-east1-b whose name begins with {vm}, on that subnetwork, booting with "{script\n}". The managed zone's name ends in {dns}; it serves {dnsname} {GRANT} {SUB2}`);
C('dns_network_bridge', '',
  'dns:x vpc:e sn:x,europe-west1 vm:e,europe-west1-c,e2-small,T1 fw:e,icmp',
  R`{GRANT} Google Cloud request, DNS plus a small network. Zone: exactly {dns}, DNS name {dnsname} VPC: name ends in {vpc}; do not let it auto-create subnetworks. Subnetwork: {sn}, europe-west1, {cidr}. Firewall: ends in {fw}, allows icmp (ping) inbound, ingress, priority 1002, enabled. VM: ends in {vm}, e2-small, europe-west1-c, subnetwork {sn}, startup script !/bin/bash set -euo pipefail echo '{tok}' > /var/tmp/acore-token. {SUB1}`);
C('dns_network_bridge', 'value-before-cue',
  'dns:s vpc:x sn:e,us-central1 vm:x,us-central1-c,e2-micro,T2 fw:s,ssh bkt:e,europe-west1,nearline',
  R`The following should exist in GCP afterwards. A europe-west1 nearline bucket suffixed with {bkt}. A DNS zone prefixed with {dns}, serving {dnsname} A VPC named {vpc} without auto subnetworks. A us-central1 subnetwork suffixed with {sn} on {cidr} within {vpc}. An ssh rule prefixed with {fw} on {vpc}: tcp 22, ingress, priority 1000, disabled false. An e2-micro VM named {vm} in us-central1-c on the subnetwork suffixed with {sn}, startup script {script}. {SUB3} {GRANT}`);
C('storage_delivery', '',
  'bkt:e,us-central1,coldline repo:e,europe-west1,docker top:s,600s',
  R`Could you provision three things in Google Cloud? A container repository (docker) in europe-west1 that takes the suffix {repo}; a coldline bucket, located in us-central1 instead, that takes the suffix {bkt}; and a Pub/Sub topic that takes the prefix {top} and retains messages for ten minutes. {GRANT} {SUB2}`);
C('storage_delivery', 'value-before-cue negation',
  'bkt:s,asia-southeast1,nearline top:x,900s',
  R`{GRANT} Please create, on GCP, a nearline asia-southeast1 bucket whose name should begin with {bkt}, and a topic called exactly {top} whose messages are kept for 900 seconds. No artifact repository. {SUB3}`);
C('storage_delivery', 'multi-resource-sentence',
  'bkt:e,us-east1,standard repo:s,us-east1,python',
  R`In us-east1 on Google Cloud, a standard-class bucket whose name ends {bkt} and a python-format Artifact Registry repo whose id begins with {repo}. {SUB1} {GRANT}`);
C('artifact_delivery', '',
  'repo:s,us-west1,python bkt:e,asia-southeast1,standard obj:x top:e,1200s',
  R`Acceptance criteria (Google Cloud): a python package repository exists in us-west1 with an id beginning with {repo}; a standard bucket exists in asia-southeast1 with a name ending with {bkt}; the bucket contains {obj}, and the file should read {content}; a topic exists whose name ends with {top}, with 1200s message retention. {SUB3} {GRANT}`);
C('artifact_delivery', '',
  'repo:e,us-central1,docker top:s,900s',
  R`{GRANT} I'd like a docker-format registry in us-central1 (Artifact Registry) whose repository id is suffixed with {repo}, and a Pub/Sub topic prefixed with {top} that retains messages for a fifteen-minute window. Nothing else in the GCP project. {SUB1}`);
C('artifact_delivery', 'multi-resource-sentence',
  'repo:s,asia-southeast1,docker bkt:s,asia-southeast1,coldline obj:x',
  R`Everything for this Google Cloud ask sits in asia-southeast1: a docker repository with {repo} as its prefix and a coldline bucket with {bkt} as its prefix, the latter holding a single object, {obj}, with {content} as its content. {SUB2} {GRANT}`);
C('bucket_with_object', '',
  'bkt:s,europe-west1,standard obj:x top:x,1200s',
  R`Google Cloud storage drop: standard bucket in europe-west1, a name starting {bkt}; object {obj} whose body is {content}; and a topic named {top} with 1200 seconds of retention. {GRANT} {SUB3}`);
C('bucket_with_object', 'shuffled value-before-cue negation',
  'bkt:e,us-central1,nearline obj:x',
  R`{GRANT} The blob {obj} should contain exactly {content}. It belongs in a us-central1 object storage bucket of the nearline class whose name ends with {bkt}. That is the whole GCP change; no topic. {SUB1}`);
C('bucket_with_object', '',
  'bkt:s,us-west1,coldline obj:x top:e,600s',
  R`On GCP, please make a coldline bucket in us-west1 whose name is prefixed by {bkt}, put an object in it named {obj} containing the text {content}, and create a message topic suffixed with {top} that keeps messages for 10 min. {SUB2} {GRANT}`);
C('network_plus_storage', '',
  'vpc:x sn:s,us-east1 fw:s,http vm:x,us-east1-c,e2-medium,T1 bkt:e,europe-west1,standard repo:e,us-central1,python',
  R`Ticket for Google Cloud: web host plus storage and artifacts. Host: VM {vm}, e2-medium, us-east1-c, on subnetwork beginning with {sn}; startup script {script\n}. Network: VPC {vpc} (auto create subnetworks false), subnetwork beginning with {sn} in us-east1 on {cidr}, and an http allow rule beginning with {fw} (tcp/80, ingress, priority 1001, not disabled). Storage: standard bucket in europe-west1 ending with {bkt}. Artifacts: python repository in us-central1 ending with {repo}. {GRANT} {SUB3}`);
C('network_plus_storage', '',
  'vpc:s sn:e,europe-west1 fw:x,ssh vm:s,europe-west1-d,e2-small,T3 bkt:s,asia-southeast1,nearline obj:x',
  R`{GRANT} I'd like the following GCP footprint. A VPC whose name should start with {vpc} (no automatic subnetworks) and a europe-west1 subnetwork whose name should end with {sn}, range {cidr}. An ingress firewall rule, named exactly {fw}, letting ssh in on tcp/22 at priority 1000, enabled. An e2-small VM in europe-west1-d on that subnetwork whose name should start with {vm}; the startup script's only job is to write {tok} to /var/tmp/acore-token. A nearline bucket in asia-southeast1 whose name should start with {bkt}, holding the object {obj}; its contents should be {content}. {SUB2}`);
C('network_plus_storage', '',
  'vpc:e sn:e,us-central1 fw:e,icmp vm:e,us-central1-f,e2-micro,T2 bkt:e,us-central1,coldline repo:s,us-west1,docker',
  R`All names given are suffixes unless a prefix is stated. Google Cloud build: VPC {vpc} with auto create subnetworks false; subnetwork {sn} in us-central1 on {cidr}; firewall rule {fw} for icmp, ingress, priority one thousand and two, disabled false; e2-micro VM {vm} in us-central1-f on {sn} with startup script !/bin/bash\nprintf '{tok}' > /var/tmp/acore-token\n; coldline bucket {bkt} in us-central1; docker repository in us-west1 with the prefix {repo}. {SUB1} {GRANT}`);
C('network_plus_artifacts', 'shuffled',
  'repo:e,europe-west1,docker bkt:s,us-west1,standard vpc:x sn:e,us-east1 fw:x,icmp vm:s,us-east1-b,e2-small,T3',
  R`Google Cloud request, written bottom-up. The VM comes first: e2-small in us-east1-b, name beginning with {vm}, attached to the subnetwork ending with {sn}, startup script #!/bin/bash\n/usr/bin/env echo '{tok}' > /var/tmp/acore-token\n. The subnetwork ending with {sn} is in us-east1 with {cidr}, under the VPC {vpc}, which has auto create subnetworks false. A firewall rule named {fw} on {vpc} accepts icmp at priority 1002, ingress, enabled. Off to the side: a docker repository in europe-west1 with id ending with {repo} and a standard bucket in us-west1 with name beginning with {bkt}. {GRANT} {SUB2}`);
C('network_plus_artifacts', 'multi-resource-sentence',
  'repo:s,us-central1,python bkt:e,us-central1,nearline obj:x vpc:s sn:s,us-central1 fw:e,ssh vm:e,us-central1-b,e2-medium,T1',
  R`{GRANT} One region for everything in this GCP project, us-central1: a python repository prefixed by {repo}, a nearline bucket whose name ends in {bkt} (with the object {obj} inside; body {content}), and a subnetwork prefixed by {sn} over {cidr} inside a VPC prefixed by {vpc} that has auto create subnetworks false. Add a firewall rule ending in {fw} for ssh, tcp/22, ingress, priority 1000, disabled false, and an e2-medium VM in us-central1-b ending in {vm} on the subnetwork, startup script {script}. {SUB3}`);
C('network_plus_artifacts', '',
  'repo:e,asia-southeast1,python bkt:s,us-east1,coldline vpc:e sn:x,europe-west1 fw:s,http vm:x,europe-west1-c,e2-micro,T2',
  R`Could you set up the following in GCP? A VPC ending with {vpc} that does not auto-create subnetworks; its subnetwork {sn} in europe-west1 ({cidr}); an http firewall rule starting with {fw} on that VPC, port 80 over tcp, ingress, priority 1001, not disabled; an e2-micro VM named {vm} in europe-west1-c on {sn} whose startup script simply uses printf to store {tok} in /var/tmp/acore-token; a python repository in asia-southeast1 ending with {repo}; and a coldline bucket in us-east1 starting with {bkt}. {SUB1} {GRANT}`);
C('network_plus_pubsub', '',
  'top:e,900s vpc:x sn:e,europe-west1 fw:s,ssh vm:x,europe-west1-b,e2-medium,T1',
  R`For a Google Cloud worker pool: a topic whose name ends in {top} with a 15-minute message retention; VPC {vpc} (auto create subnetworks false); subnetwork ending in {sn} in europe-west1 on {cidr}; firewall rule starting with {fw} on {vpc} to let ssh in (tcp/22) at priority 1000, ingress, disabled false; and VM {vm}, e2-medium, europe-west1-b, on the subnetwork ending in {sn}, startup script #!/bin/bash\nset -euo pipefail\necho '{tok}' > /var/tmp/acore-token\n. {SUB2} {GRANT}`);
C('network_plus_pubsub', 'shuffled',
  'top:s,1200s bkt:e,us-west1,standard obj:x vpc:s sn:s,us-central1 fw:x,http vm:s,us-central1-a,e2-small,T3',
  R`{GRANT} Please ensure, in GCP, that: the file {obj} in a standard us-west1 bucket ending with {bkt} reads {content}; a topic starting with {top} keeps messages for 1200s; a VM starting with {vm} (e2-small, us-central1-a) runs on a subnetwork starting with {sn} (us-central1, {cidr}) and its startup script records {tok} in /var/tmp/acore-token; that subnetwork is part of a VPC starting with {vpc} without auto-created subnetworks; and a firewall rule named {fw} on the VPC lets http in via tcp/80, priority 1001, ingress, enabled. {SUB1}`);
C('network_plus_pubsub', 'multi-resource-sentence',
  'top:x,600s vpc:e sn:e,us-east1 fw:e,icmp vm:e,us-east1-d,e2-micro,T2 bkt:s,us-east1,coldline',
  R`All names given are suffixes, apart from the topic and the bucket. In us-east1 on Google Cloud, create the subnetwork {sn} ({cidr}) and a coldline bucket starting with {bkt}. The subnetwork hangs off VPC {vpc}, which has auto create subnetworks false; the VPC also needs firewall rule {fw}, icmp, ingress, priority 1002, not disabled. Run an e2-micro VM {vm} in us-east1-d on {sn} with startup script !/bin/bash printf '{tok}' > /var/tmp/acore-token. Add a topic named {top} with 600 seconds of retention. {GRANT} {SUB3}`);
C('storage_with_pubsub', 'multi-resource-sentence',
  'bkt:e,us-central1,coldline top:s,1200s repo:e,us-central1,docker',
  R`{GRANT} Google Cloud, region us-central1 for both the coldline bucket (name must end with {bkt}) and the docker repository (id must end with {repo}). Also a topic whose name must start with {top}, retention 1200s. {SUB2}`);
C('storage_with_pubsub', 'shuffled',
  'bkt:s,us-west1,standard top:e,600s obj:x repo:s,asia-southeast1,python',
  R`The GCP project needs: a topic with {top} as its suffix that keeps messages 10 minutes; a text object {obj} whose contents are {content}, stored in a standard bucket in us-west1 with {bkt} as its prefix; and a python repository in asia-southeast1 with {repo} as its prefix. {SUB3} {GRANT}`);
C('storage_with_pubsub', '',
  'bkt:e,europe-west1,nearline top:x,900s obj:x',
  R`Could you create a nearline-class bucket in europe-west1 ending in {bkt}, drop a file {obj} in it whose body reads {content}, and add a topic named {top} retaining messages for 900s? All on Google Cloud. {SUB1} {GRANT}`);
C('dns_frontend', '',
  'dns:e bkt:s,us-west1,standard top:s,600s',
  R`{GRANT} Google Cloud: a DNS zone whose name ends {dns} (DNS name {dnsname}); a standard bucket in us-west1 with a name starting {bkt}; a Pub/Sub topic with a name starting {top} and retention of ten minutes. {SUB1}`);
C('dns_frontend', '',
  'dns:s bkt:e,asia-southeast1,coldline obj:x top:e,1200s',
  R`Static site bits for GCP. The zone takes {dns} as its prefix and serves {dnsname} The coldline bucket in asia-southeast1 takes {bkt} as its suffix and holds {obj}; the file should read {content}. A message topic takes {top} as its suffix and retains messages for 20 minutes. {SUB2} {GRANT}`);
C('dns_frontend', 'negation',
  'dns:x bkt:s,europe-west1,nearline obj:x',
  R`I'd like a Cloud DNS managed zone named {dns} for {dnsname} plus a nearline europe-west1 bucket prefixed by {bkt} with one blob, {obj}, whose body is {content}. No topics in this Google Cloud project. {SUB3} {GRANT}`);
C('topic_with_subscription', 'bool-wording',
  'top:s,900s ps:x,60,false,259200s',
  R`On Google Cloud, a topic whose name begins with {top} (900s retention) and a subscription named {ps} on it: a sixty-second ack deadline, acknowledged messages not retained, expiry after three days of inactivity. {GRANT} {SUB1}`);
C('topic_with_subscription', 'bool-wording',
  'top:e,600s ps:e,20,true,86400s bkt:e,us-east1,standard',
  R`{GRANT} All names given are suffixes. GCP resources: topic {top} retaining messages for 600s; subscription {ps} on {top} with ack deadline twenty seconds, keep acknowledged messages: true, expiration TTL 86400s; standard bucket {bkt} in us-east1. {SUB2}`);
C('topic_with_subscription', 'shuffled negation',
  'top:x,1200s ps:s,30,false,172800s',
  R`Google Cloud messaging: the subscription prefixed by {ps} listens on topic {top}; its ack deadline is 30 seconds, it does not retain acked messages, and it expires after a 2-day idle period. Topic {top} retains messages for 1200 seconds. No bucket needed. {SUB3} {GRANT}`);

// --- holdout: plain operator prompts -------------------------------------------------------------------------------
OP('custom', 'negation',
  'vpc:x=globex-mgmt-vpc fw:x=globex-mgmt-allow-rdp,tcp:3389:1100',
  R`On GCP, please create a custom-mode network globex-mgmt-vpc (auto create subnetworks false) without any subnet, and an ingress firewall rule globex-mgmt-allow-rdp on it for tcp 3389 at priority 1100.`);
OP('single_vm', 'negation',
  'vm:x=initech-jumpbox,australia-southeast1-b,e2-medium,T1',
  R`I need one e2-medium VM, initech-jumpbox, in australia-southeast1-b. Keep it on the default network; no custom VPC or subnets. Startup script is the usual: {script}`);
OP('network_stack', 'bool-wording',
  'vpc:x=umbrella-prod-vpc sn:x=umbrella-prod-app,us-east4,10.100.16.0/20 fw:x=umbrella-allow-8080,tcp:8080:950 vm:x=umbrella-app-1,us-east4-b,n2-standard-2,T3',
  R`Umbrella prod app tier on Google Cloud: network umbrella-prod-vpc with subnet auto-creation disabled; subnetwork umbrella-prod-app in us-east4, 10.100.16.0/20; ingress firewall umbrella-allow-8080 for tcp 8080 at priority 950; VM umbrella-app-1 (n2-standard-2, us-east4-b) on umbrella-prod-app, booting with "{script\n}".`);
OP('storage_with_pubsub', 'multi-resource-sentence',
  'bkt:x=globex-invoices,europe-southwest1,coldline top:x=globex-invoice-events,604800s repo:x=globex-containers,europe-southwest1,docker',
  R`For Globex finance in GCP, region europe-southwest1: a coldline bucket globex-invoices, a docker Artifact Registry repository globex-containers, and a Pub/Sub topic globex-invoice-events that keeps messages for a week.`);
OP('topic_with_subscription', 'bool-wording',
  'top:x=initech-tps-reports,86400s ps:x=initech-tps-archiver,600,false,2678400s',
  R`Initech needs a topic initech-tps-reports (retain messages for 1 day) and a pull subscription initech-tps-archiver on it with the maximum ack deadline of 600 seconds, acked messages not retained, expiring after 31 days without subscribers.`);
OP('dns_frontend', '',
  'dns:x=umbrella-public bkt:x=umbrella-public-assets,asia-east1,standard obj:x=status.txt,all+systems+nominal',
  R`Umbrella wants a managed zone umbrella-public (umbrella-public.acore.example.) and a standard bucket umbrella-public-assets in asia-east1; the bucket should contain status.txt whose body is "all systems nominal".`);
OP('network_without_instance', 'negation',
  'vpc:x=globex-qa-vpc sn:x=globex-qa-subnet,europe-west2,10.12.0.0/24 fw:x=globex-qa-ssh,tcp:22:1000 vm:x=globex-qa-runner,europe-west2-c,e2-standard-4,T2',
  R`Globex QA: VPC globex-qa-vpc (auto create subnetworks false), subnet globex-qa-subnet in europe-west2 with 10.12.0.0/24, ingress firewall rule globex-qa-ssh allowing tcp 22 at priority 1000. The test runner VM globex-qa-runner (e2-standard-4, europe-west2-c) stays on the default network, not the QA VPC; its startup script is {script\n}`);
OP('network_plus_artifacts', 'multi-resource-sentence',
  'repo:e=initech-builds,us-west1,python bkt:x=initech-build-logs,us-west1,nearline vpc:x=initech-ci-net sn:x=initech-ci-subnet,us-west1,192.168.20.0/24 fw:x=initech-ci-icmp,icmp::1000 vm:x=initech-ci-agent,us-west1-a,n2-standard-2,T1',
  R`Initech CI on Google Cloud, all in us-west1: VPC initech-ci-net (auto create subnetworks false) with subnet initech-ci-subnet on 192.168.20.0/24, ingress firewall rule initech-ci-icmp allowing icmp at priority 1000, and build agent VM initech-ci-agent (n2-standard-2, us-west1-a) on initech-ci-subnet with startup script {script}. Also a python Artifact Registry repository whose id ends with initech-builds and a nearline bucket initech-build-logs.`);

// (end of cases)

// ---------------------------------------------------------------------------------------------------------------
// Build, verify, write

function ngrams(p, n = 5) {
  let t = p;
  for (const s of [GRANT, ...SUBS]) t = t.split(s).join(' ');
  const w = t.toLowerCase().replace(/[^a-z0-9\s'/-]/g, ' ').split(/\s+/).filter(Boolean)
    .map((x) => (/\d/.test(x) ? '#' : x));
  const g = new Set();
  for (let i = 0; i + n <= w.length; i++) g.add(w.slice(i, i + n).join(' '));
  return g;
}

// JSON in the layout of tests/data/*.jsonl (Python json.dumps defaults: ", " and ": " separators)
function pyJson(v) {
  if (Array.isArray(v)) return `[${v.map(pyJson).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`).join(', ')}}`;
  return JSON.stringify(v);
}

function main() {
  const problems = [];
  const warnings = [];
  const lines = { dev: [], holdout: [] };
  const counts = { dev: {}, holdout: {} };
  const famCounts = { dev: {}, holdout: {} };
  const seenIds = new Set();
  const seenPrompts = new Set();
  const from = { dev: new Set(), holdout: new Set() };
  const names = { dev: new Set(), holdout: new Set() };
  const grams = { dev: [], holdout: [] };
  const syn = {};
  for (const split of ['dev', 'holdout']) {
    CASES[split].forEach((c, i) => {
      const label = `${split}#${i + 1} [${c.family}] "${c.prompt.slice(0, 60)}..."`;
      let e;
      try { e = expand(c); } catch (err) { problems.push(`${label}: ${err.message}`); return; }
      const tags = new Set(c.tags);
      tags.add(c.opts.operator ? 'operator' : 'validator');
      if (!c.opts.from) tags.add('fresh');
      const auto = new Set();
      const errs = [...textProblems(c, e), ...familyProblems(c, e), ...domainProblems(c, e), ...valueProblems(e, auto),
        ...qualifierProblems(e)];
      for (const [t, info] of Object.entries(TAG_INFO)) if (info.auto && info.auto(e)) auto.add(t);
      for (const t of tags) {
        const info = TAG_INFO[t];
        if (!info) { errs.push(`unknown tag ${t}`); continue; }
        if (info.check && !info.check(e)) errs.push(`tag ${t} does not hold`);
        if ((info.auto || t === 'duration-units' || t === 'number-words') && !auto.has(t) && t !== 'shuffled') errs.push(`tag ${t} set by hand but not detected`);
      }
      for (const t of auto) tags.add(t);
      if (!c.opts.operator && e.prompt.split(/\s+/).length > 220) warnings.push(`${label}: ${e.prompt.split(/\s+/).length} words`);
      if (seenIds.has(e.task_id)) errs.push('duplicate task_id');
      seenIds.add(e.task_id);
      const key = e.prompt.toLowerCase();
      if (seenPrompts.has(key)) errs.push('duplicate prompt');
      seenPrompts.add(key);
      if (c.opts.from) {
        if (from[split].has(c.opts.from)) errs.push(`source task ${c.opts.from} used twice in ${split}`);
        from[split].add(c.opts.from);
      }
      for (const n of Object.values(e.names)) names[split].add(n);
      grams[split].push(ngrams(e.prompt));
      for (const list of Object.values(SYNONYMS)) for (const w of list) {
        const re = w === 'VM' ? /\bVMs?\b/ : new RegExp(`\\b${esc(w)}s?\\b`, 'i');
        if (re.test(e.prompt)) syn[w] = (syn[w] || 0) + 1;
      }
      for (const er of errs) problems.push(`${label}: ${er}`);
      const style = Object.keys(TAG_INFO).filter((t) => tags.has(t));
      for (const t of style) counts[split][t] = (counts[split][t] || 0) + 1;
      famCounts[split][c.family] = (famCounts[split][c.family] || 0) + 1;
      lines[split].push(pyJson({
        task_id: e.task_id, nonce: e.nonce, family: c.family, style, prompt: e.prompt, invariants: e.invs,
      }));
    });
  }
  for (const s of from.holdout) if (from.dev.has(s)) problems.push(`source task ${s} in both splits`);
  for (const n of names.holdout) if (names.dev.has(n)) problems.push(`name ${n} in both splits`);
  if (lines.dev.length < 130) problems.push(`dev has ${lines.dev.length} cases (< 130)`);
  if (lines.holdout.length < 50) problems.push(`holdout has ${lines.holdout.length} cases (< 50)`);
  const total = {};
  for (const t of Object.keys(TAG_INFO)) {
    total[t] = (counts.dev[t] || 0) + (counts.holdout[t] || 0);
    if (total[t] < 8) problems.push(`style ${t}: only ${total[t]} cases across dev+holdout (< 8)`);
  }
  for (const list of Object.values(SYNONYMS)) for (const w of list) if (!syn[w]) problems.push(`synonym "${w}" never used`);
  // phrasing overlap: share of each holdout prompt's word 5-grams (digits masked, fixed sentences removed) seen in dev
  const devGrams = new Set();
  for (const g of grams.dev) for (const x of g) devGrams.add(x);
  const overlaps = grams.holdout.map((g) => { let n = 0; for (const x of g) if (devGrams.has(x)) n++; return g.size ? n / g.size : 0; });
  const meanOverlap = overlaps.reduce((a, b) => a + b, 0) / (overlaps.length || 1);

  const table = ['| style | dev | holdout | total | meaning |', '|---|---:|---:|---:|---|'];
  for (const t of Object.keys(TAG_INFO)) table.push(`| \`${t}\` | ${counts.dev[t] || 0} | ${counts.holdout[t] || 0} | ${total[t]} | ${TAG_INFO[t].doc.replace(/\|/g, '/')} |`);
  const fams = [...new Set([...Object.keys(famCounts.dev), ...Object.keys(famCounts.holdout)])].sort();
  const ftable = ['| family | dev | holdout |', '|---|---:|---:|', ...fams.map((f) => `| \`${f}\` | ${famCounts.dev[f] || 0} | ${famCounts.holdout[f] || 0} |`)];
  const synLine = Object.entries(SYNONYMS).map(([k, list]) => `${k}: ${list.map((w) => `"${w}" ${syn[w] || 0}`).join(', ')}`);
  const report = [
    `cases: llm-dev.jsonl ${lines.dev.length}, llm-holdout.jsonl ${lines.holdout.length}`,
    '', ...table, '', ...ftable, '',
    'Prompts using each resource wording (all cases):', '', ...synLine.map((s) => `- ${s}`), '',
    `Mean share of a holdout prompt's word 5-grams (digits masked, fixed grant/submission sentences removed) also found in dev: ${(meanOverlap * 100).toFixed(1)}%.`,
  ];
  if (process.argv.includes('--print')) for (const s of ['dev', 'holdout']) for (const l of lines[s]) console.log(l);
  console.log(report.join('\n'));
  for (const w of warnings) console.log(`warning: ${w}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exitCode = 1;
    return;
  }
  if (CHECK_ONLY) { console.log('\ncheck passed (nothing written)'); return; }
  fs.writeFileSync(path.join(HERE, 'llm-dev.jsonl'), lines.dev.join('\n') + '\n');
  fs.writeFileSync(path.join(HERE, 'llm-holdout.jsonl'), lines.holdout.join('\n') + '\n');
  const readme = path.join(HERE, 'README.md');
  if (fs.existsSync(readme)) {
    const txt = fs.readFileSync(readme, 'utf8');
    const a = '<!-- counts:start -->';
    const b = '<!-- counts:end -->';
    if (txt.includes(a) && txt.includes(b)) {
      const next = txt.slice(0, txt.indexOf(a) + a.length) + '\n' + report.join('\n') + '\n' + txt.slice(txt.indexOf(b));
      if (next !== txt) fs.writeFileSync(readme, next);
    }
  }
  console.log('\nwrote llm-dev.jsonl, llm-holdout.jsonl');
}

main();
