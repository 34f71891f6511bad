#!/usr/bin/env node
// Held-out prompt corpus for the AlphaCore task solver.
//
//   node tests/corpus2/make.mjs          -> writes tests/corpus2/holdout.jsonl, prints style counts
//   node tests/corpus2/make.mjs --check  -> builds and checks, writes nothing
//
// Every case is a hand-written prompt text with {placeholders} plus a compact resource spec. Names and values are
// drawn from the generator's value domains (spec 3.3) by a PRNG seeded with the case id, so the output is
// deterministic. The invariants are built the way the subnet's generator builds them (spec 3.3-3.5), and the
// rendered prompt is checked against them (values present, script token present, qualifier wording agrees with
// the comparison rule, family composition legal, fixed sentences present, <= 220 words, ASCII, one line).
// Any failure exits 1.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'holdout.jsonl');

// ---------------------------------------------------------------------------------------------------------------
// Fixed text (spec 3.6)
const SA = 'alphacore-validator@alphacore-478113.iam.gserviceaccount.com';
const GRANT = `Grant ${SA} viewer access so they can verify the deployment.`;
const SUBMIT = [
  'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.',
  'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.',
  'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.',
];

// ---------------------------------------------------------------------------------------------------------------
// Value domains (spec 3.3)
const REGION_TO_ZONES = {
  'us-central1': ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f'],
  'us-east1': ['us-east1-b', 'us-east1-c', 'us-east1-d'],
  'europe-west1': ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
};
const REGIONS = Object.keys(REGION_TO_ZONES);
const ALL_ZONES = REGIONS.flatMap((r) => REGION_TO_ZONES[r]);
const MACHINE_TYPES = ['e2-micro', 'e2-small', 'e2-medium'];
const BUCKET_LOCS = ['US-CENTRAL1', 'US-EAST1', 'US-WEST1', 'EUROPE-WEST1', 'ASIA-SOUTHEAST1'];
const BUCKET_CLASSES = ['STANDARD', 'NEARLINE', 'COLDLINE'];
const AR_LOCS = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'asia-southeast1'];
const AR_FORMATS = ['DOCKER', 'PYTHON'];
const RETENTIONS = ['600s', '900s', '1200s'];
const ACKS = [10, 20, 30, 60];
const TTLS = ['86400s', '172800s', '259200s'];
const FIREWALL_PROFILES = {
  ssh: { prio: 1000, proto: 'tcp', port: '22' },
  http: { prio: 1001, proto: 'tcp', port: '80' },
  icmp: { prio: 1002, proto: 'icmp', port: null },
};
const SCRIPT_TEMPLATES = {
  T1: (t) => `#!/bin/bash\nset -euo pipefail\necho '${t}' > /var/tmp/acore-token\n`,
  T2: (t) => `#!/bin/bash\nprintf '${t}' > /var/tmp/acore-token\n`,
  T3: (t) => `#!/bin/bash\n/usr/bin/env echo '${t}' > /var/tmp/acore-token\n`,
};

// ---------------------------------------------------------------------------------------------------------------
// Deterministic PRNG
function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
function makeRng(seedStr) {
  let a = hash32(seedStr);
  const next = () => { // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const str = (n, alphabet) => Array.from({ length: n }, () => pick(alphabet)).join('');
  return { next, int, pick, str };
}
const LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const HEX = '0123456789abcdef'.split('');
function genName(rng, lo, hi) {
  const n = rng.int(lo, hi);
  return rng.pick(LOWER) + rng.str(n - 1, ALNUM);
}
function genTopicName(rng) {
  for (;;) { const n = genName(rng, 6, 20); if (!n.startsWith('goog')) return n; }
}
function genUuid4(rng) {
  const h = rng.str(32, HEX).split('');
  h[12] = '4';
  h[16] = rng.pick(['8', '9', 'a', 'b']);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Number / duration renderings accepted by the presence check (spec 3.6: ints may appear as words)
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function numWords(n) {
  if (n < 20) return [ONES[n]];
  if (n < 100) {
    const t = TENS[Math.floor(n / 10)]; const o = n % 10;
    return o ? [`${t}-${ONES[o]}`, `${t} ${ONES[o]}`] : [t];
  }
  if (n >= 1000 && n < 1100) {
    const r = n - 1000;
    if (!r) return ['one thousand', 'a thousand'];
    return numWords(r).flatMap((w) => [`one thousand ${w}`, `one thousand and ${w}`, `a thousand and ${w}`, `a thousand ${w}`]);
  }
  return [];
}
function intForms(n) { return [String(n), ...numWords(n)]; }
function durationForms(v) {
  const sec = parseInt(v, 10);
  const f = [`${sec}s`, `${sec} s`, `${sec} seconds`, `${sec}-second`, `${sec} sec`];
  const unit = (q, u) => {
    for (const w of intForms(q)) f.push(`${w} ${u}s`, `${w}-${u}`, `${w} ${u}`);
    if (q === 1) f.push(`a ${u}`, `a single ${u}`, `a full ${u}`);
  };
  if (sec % 60 === 0) { unit(sec / 60, 'minute'); f.push(`${sec / 60} min`, `${sec / 60} mins`); }
  if (sec % 3600 === 0) { unit(sec / 3600, 'hour'); f.push(`${sec / 3600}h`); }
  if (sec % 86400 === 0) { unit(sec / 86400, 'day'); f.push(`${sec / 86400}d`); }
  return f;
}
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
function hasForm(prompt, forms) {
  return forms.some((f) => new RegExp(`(?<![a-z0-9.])${esc(f)}(?![a-z0-9]|\\.\\d)`, 'i').test(prompt));
}

// ---------------------------------------------------------------------------------------------------------------
// Resource kinds. Each spec string is "<rule> [bare words] [field=value ...]" with rule s|e|x.
// Bare words: firewall profile (ssh|http|icmp), script template (T1|T2|T3). Values "@key.field" copy another
// resource's value (case-normalised for the target field).
const RULE = { s: 'starts_with', e: 'ends_with', x: 'exact_match' };
const ORDER = ['net', 'sub', 'fw', 'vm', 'vmb', 'bkt', 'obj', 'repo', 'topic', 'sn', 'dns'];
const FIELD_NORM = {
  loc: (v, key) => (key === 'bkt' ? v.toUpperCase() : v.toLowerCase()),
  region: (v) => v.toLowerCase(), cls: (v) => v.toUpperCase(), fmt: (v) => v.toUpperCase(),
  prio: (v) => parseInt(v, 10), ack: (v) => parseInt(v, 10),
  retain: (v) => (typeof v === 'boolean' ? v : v === 'true'),
};

function buildResources(caseId, specs, isOperator) {
  const parsed = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (!ORDER.includes(key)) throw new Error(`${caseId}: unknown resource key ${key}`);
    const toks = spec.trim().split(/\s+/);
    const rule = RULE[toks[0]];
    if (!rule) throw new Error(`${caseId}: ${key} spec must start with s|e|x`);
    const p = { rule, over: {} };
    for (const t of toks.slice(1)) {
      if (/^(ssh|http|icmp)$/.test(t)) p.over.prof = t;
      else if (/^T[123]$/.test(t)) p.over.tpl = t;
      else if (t.includes('=')) { const i = t.indexOf('='); p.over[t.slice(0, i)] = t.slice(i + 1); }
      else throw new Error(`${caseId}: bad token ${t} in ${key}`);
    }
    parsed[key] = p;
  }
  const res = {};
  const stack = [];
  const get = (key) => {
    if (res[key]) return res[key];
    if (!parsed[key]) throw new Error(`${caseId}: reference to missing resource ${key}`);
    if (stack.includes(key)) throw new Error(`${caseId}: reference cycle at ${key}`);
    stack.push(key);
    const { rule, over } = parsed[key];
    const rng = makeRng(`corpus2/${caseId}/${key}`);
    const ov = (f, dflt) => {
      if (!(f in over)) return dflt();
      let v = over[f];
      if (typeof v === 'string' && v.startsWith('@')) {
        const [rk, rf] = v.slice(1).split('.');
        v = get(rk)[rf];
        if (v === undefined) throw new Error(`${caseId}: bad reference ${over[f]}`);
      }
      return FIELD_NORM[f] ? FIELD_NORM[f](v, key) : v;
    };
    const r = { key, rule };
    switch (key) {
      case 'net': r.name = ov('name', () => genName(rng, 6, 18)); break;
      case 'sub':
        r.name = ov('name', () => genName(rng, 6, 18));
        r.region = ov('region', () => rng.pick(REGIONS));
        r.cidr = ov('cidr', () => `10.${rng.int(10, 200)}.${rng.int(0, 240)}.0/24`);
        break;
      case 'fw': {
        r.name = ov('name', () => genName(rng, 6, 18));
        const prof = FIREWALL_PROFILES[ov('prof', () => rng.pick(Object.keys(FIREWALL_PROFILES)))];
        r.prio = ov('prio', () => prof.prio);
        r.proto = ov('proto', () => prof.proto);
        r.port = ov('port', () => prof.port);
        if (r.port === 'none') r.port = null;
        break;
      }
      case 'vm': case 'vmb':
        r.name = ov('name', () => genName(rng, 6, 18));
        if (key === 'vm') r.zone = ov('zone', () => rng.pick(REGION_TO_ZONES[get('sub').region]));
        else r.zone = ov('zone', () => rng.pick(ALL_ZONES));
        r.mt = ov('mt', () => rng.pick(MACHINE_TYPES));
        r.tpl = ov('tpl', () => rng.pick(['T1', 'T2', 'T3']));
        r.noScript = over.script === 'none';
        break;
      case 'bkt':
        r.name = ov('name', () => genName(rng, 10, 20));
        r.loc = ov('loc', () => rng.pick(BUCKET_LOCS));
        r.cls = ov('cls', () => rng.pick(BUCKET_CLASSES));
        break;
      case 'obj':
        r.name = ov('name', () => genName(rng, 8, 16) + 'txt');
        r.content = ov('content', () => rng.str(rng.int(12, 20), ALNUM));
        break;
      case 'repo':
        r.name = ov('name', () => genName(rng, 6, 18));
        r.loc = ov('loc', () => rng.pick(AR_LOCS));
        r.fmt = ov('fmt', () => rng.pick(AR_FORMATS));
        break;
      case 'topic':
        r.name = ov('name', () => genTopicName(rng));
        r.ret = ov('ret', () => rng.pick(RETENTIONS));
        break;
      case 'sn':
        r.name = ov('name', () => genTopicName(rng));
        r.ack = ov('ack', () => rng.pick(ACKS));
        r.retain = ov('retain', () => rng.next() < 0.5);
        r.ttl = ov('ttl', () => rng.pick(TTLS));
        break;
      case 'dns':
        r.name = ov('name', () => genName(rng, 6, 14));
        r.dnsName = ov('dnsName', () => `${r.name}.acore.example.`);
        break;
      default: break;
    }
    for (const f of Object.keys(over)) {
      if (!(f in r) && !['prof', 'script'].includes(f)) throw new Error(`${caseId}: override ${f} not used by ${key}`);
    }
    if (!isOperator) {
      if ((key === 'bkt' || key === 'repo') && rule === 'exact_match') throw new Error(`${caseId}: ${key} must be s|e`);
      if (key === 'obj' && rule !== 'exact_match') throw new Error(`${caseId}: obj must be x`);
      if (key === 'vm' && !r.zone.startsWith(get('sub').region + '-')) throw new Error(`${caseId}: vm zone not in subnet region`);
    }
    stack.pop();
    res[key] = r;
    return r;
  };
  for (const k of ORDER) if (parsed[k]) get(k);
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// Invariants exactly as the generator writes them (spec 3.3 table, 3.5 rules and propagation)
function buildInvariants(res, token) {
  const inv = [];
  const add = (key, resource_type, match) => inv.push({ key, resource_type, match });
  const r = res;
  if (r.net) add('net', 'google_compute_network', { 'values.name': r.net.name, 'values.auto_create_subnetworks': false });
  if (r.sub) add('sub', 'google_compute_subnetwork', { 'values.name': r.sub.name, 'values.network': r.net.name, 'values.region': r.sub.region, 'values.ip_cidr_range': r.sub.cidr });
  if (r.fw) {
    const m = { 'values.name': r.fw.name, 'values.network': r.net.name, 'values.direction': 'INGRESS', 'values.priority': r.fw.prio, 'values.disabled': false, 'values.allow.0.protocol': r.fw.proto };
    if (r.fw.port) m['values.allow.0.ports.0'] = r.fw.port;
    add('fw', 'google_compute_firewall', m);
  }
  for (const k of ['vm', 'vmb']) {
    if (!r[k]) continue;
    const m = { 'values.name': r[k].name, 'values.zone': r[k].zone, 'values.machine_type': r[k].mt };
    if (k === 'vm') m['values.network_interface.0.subnetwork'] = r.sub.name;
    if (!r[k].noScript) m['values.metadata_startup_script'] = SCRIPT_TEMPLATES[r[k].tpl](r[k].token);
    add(k, 'google_compute_instance', m);
  }
  if (r.bkt) add('bkt', 'google_storage_bucket', { 'values.name': r.bkt.name, 'values.location': r.bkt.loc, 'values.storage_class': r.bkt.cls });
  if (r.obj) add('obj', 'google_storage_bucket_object', { 'values.name': r.obj.name, 'values.bucket': r.bkt.name, 'values.content_type': 'text/plain', 'values.content': r.obj.content });
  if (r.repo) add('repo', 'google_artifact_registry_repository', { 'values.repository_id': r.repo.name, 'values.location': r.repo.loc, 'values.format': r.repo.fmt });
  if (r.topic) add('topic', 'google_pubsub_topic', { 'values.name': r.topic.name, 'values.message_retention_duration': r.topic.ret });
  if (r.sn) add('sn', 'google_pubsub_subscription', { 'values.name': r.sn.name, 'values.topic': r.topic.name, 'values.ack_deadline_seconds': r.sn.ack, 'values.retain_acked_messages': r.sn.retain, 'values.expiration_policy.0.ttl': r.sn.ttl });
  if (r.dns) add('dns', 'google_dns_managed_zone', { 'values.name': r.dns.name, 'values.dns_name': r.dns.dnsName });
  // naming rule on the first rule-bearing field, then propagation to any other field equal to a flexible token
  for (const i of inv) {
    const f = ['values.name', 'values.repository_id'].find((p) => p in i.match);
    i.comparison_rule = { [f]: res[i.key].rule };
    i.nameField = f;
  }
  for (const src of inv) {
    const rule = src.comparison_rule[src.nameField];
    if (rule === 'exact_match') continue;
    const tok = src.match[src.nameField];
    for (const dst of inv) {
      for (const [p, v] of Object.entries(dst.match)) {
        if (dst === src && p === src.nameField) continue;
        if (p === dst.nameField) continue;
        if (v === tok) dst.comparison_rule[p] = rule;
      }
    }
  }
  void token;
  return inv.map(({ resource_type, match, comparison_rule }) => ({ resource_type, match, comparison_rule }));
}

// ---------------------------------------------------------------------------------------------------------------
// Placeholder rendering
const collapse = (s) => s.replace(/\s+/g, ' ').trim();
function fieldText(caseId, r, field) {
  const need = (v) => { if (v === undefined || v === null) throw new Error(`${caseId}: {${r.key}.${field}} has no value`); return v; };
  switch (field) {
    case undefined: return r.name;
    case 'region': return need(r.region ?? (r.zone && r.zone.replace(/-[a-z]$/, '')));
    case 'cidr': return need(r.cidr);
    case 'prio': return String(need(r.prio));
    case 'prioW': return numWords(need(r.prio))[1];
    case 'port': return need(r.port);
    case 'portW': return numWords(parseInt(need(r.port), 10))[0];
    case 'proto': return need(r.proto);
    case 'zone': return need(r.zone);
    case 'mt': return need(r.mt);
    case 'tok': return need(r.token);
    case 'sh': return collapse(SCRIPT_TEMPLATES[r.tpl](r.token));
    case 'shn': return SCRIPT_TEMPLATES[r.tpl](r.token).replace(/\n/g, '\\n');
    case 'shx': return collapse(SCRIPT_TEMPLATES[r.tpl](r.token)).replace(/^#/, '');
    case 'body': return collapse(SCRIPT_TEMPLATES[r.tpl](r.token).replace(/^#!\/bin\/bash\n/, ''));
    case 'loc': return need(r.loc).toLowerCase();
    case 'LOC': return need(r.loc).toUpperCase();
    case 'cls': return need(r.cls).toLowerCase();
    case 'CLS': return need(r.cls).toUpperCase();
    case 'fmt': return need(r.fmt).toLowerCase();
    case 'content': return need(r.content);
    case 'ret': return need(r.ret);
    case 'retMin': return `${parseInt(need(r.ret), 10) / 60} minutes`;
    case 'retMinW': return `${numWords(parseInt(need(r.ret), 10) / 60)[0]} minutes`;
    case 'ack': return String(need(r.ack));
    case 'ackW': return numWords(need(r.ack))[0];
    case 'retain': return String(need(r.retain));
    case 'ttl': return need(r.ttl);
    case 'ttlH': return `${parseInt(need(r.ttl), 10) / 3600} hours`;
    case 'ttlD': { const d = parseInt(need(r.ttl), 10) / 86400; return d === 1 ? 'one day' : `${numWords(d)[0]} days`; }
    case 'dns': return need(r.dnsName);
    case 'dnsb': return need(r.dnsName).replace(/\.$/, '');
    default: throw new Error(`${caseId}: unknown placeholder field ${field}`);
  }
}
function render(caseId, text, res) {
  return collapse(text.replace(/\{([A-Za-z0-9]+)(?:\.([A-Za-z]+))?\}/g, (m, k, f) => {
    if (k === 'GRANT') return GRANT;
    if (/^S[123]$/.test(k)) return SUBMIT[Number(k[1]) - 1];
    const r = res[k];
    if (!r) throw new Error(`${caseId}: placeholder ${m} refers to a resource not in the spec`);
    return fieldText(caseId, r, f);
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Family composition (spec 3.2): mandatory + k optional (min..max) + dependencies
const FAMILIES = {
  network_stack: { m: ['net', 'sub', 'fw', 'vm'], o: [], min: 0, max: 0 },
  network_without_instance: { m: ['net', 'sub', 'fw'], o: ['vmb'], min: 0, max: 1 },
  storage_delivery: { m: ['bkt'], o: ['repo', 'topic'], min: 1, max: 2 },
  artifact_delivery: { m: ['repo'], o: ['bkt', 'topic', 'obj'], min: 1, max: 3 },
  bucket_with_object: { m: ['bkt', 'obj'], o: ['topic'], min: 0, max: 1 },
  network_plus_storage: { m: ['net', 'sub', 'fw', 'vm', 'bkt'], o: ['obj', 'repo'], min: 1, max: 2 },
  network_plus_artifacts: { m: ['net', 'sub', 'fw', 'vm', 'repo'], o: ['bkt', 'obj'], min: 1, max: 1 },
  network_plus_pubsub: { m: ['net', 'sub', 'fw', 'vm', 'topic'], o: ['bkt', 'obj'], min: 0, max: 2 },
  storage_with_pubsub: { m: ['bkt', 'topic'], o: ['repo', 'obj'], min: 1, max: 2 },
  dns_frontend: { m: ['dns', 'bkt'], o: ['obj', 'topic'], min: 1, max: 2 },
  dns_network_bridge: { m: ['dns', 'net', 'sub', 'vm'], o: ['fw', 'bkt'], min: 1, max: 2 },
  topic_with_subscription: { m: ['topic', 'sn'], o: ['bkt'], min: 0, max: 1 },
};
const DEPS = { obj: ['bkt'], vm: ['sub'], sub: ['net'], fw: ['net'], sn: ['topic'] };
function closure(keys) {
  const s = new Set(keys); let grew = true;
  while (grew) { grew = false; for (const k of [...s]) for (const d of DEPS[k] || []) if (!s.has(d)) { s.add(d); grew = true; } }
  return s;
}
function familyAllows(family, keys) {
  const f = FAMILIES[family];
  const want = [...keys].sort().join(',');
  const n = f.o.length;
  for (let mask = 0; mask < (1 << n); mask++) {
    const pickd = f.o.filter((_, i) => mask & (1 << i));
    if (pickd.length < f.min || pickd.length > f.max) continue;
    if ([...closure([...f.m, ...pickd])].sort().join(',') === want) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Qualifier binding check. Forward phrases ("starts with X", "prefix X", "trailing X") bind to the next name token
// within 50 chars; backward phrases ("X as the suffix", "X is the prefix", "X at the end") bind to the previous name
// token within 40 chars. Neither crosses ". ", ";" or another qualifier phrase.
const BACKWARD = /\b(?:(?:is|are|as|be|being|serves? as)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:name\s+|required\s+|fixed\s+)?(prefix|suffix|leading part|trailing part|ending|tail|start|beginning)|at the (?:very )?(front|start|beginning|end|tail))\b/gi;
const FORWARD = /\b(starts? with|starting with|begins? with|beginning with|opens? with|opening with|prefixed (?:with|by)|prefix(?:es)?|leading|leads? with|ends? with|ending (?:with|in)|ends? in|suffixed (?:with|by)|suffix(?:es)?|trailing|finish(?:es)? with|finishing with|closes with|terminat(?:es|ing) (?:with|in))\b/gi;
function kindOf(phrase) {
  const p = phrase.toLowerCase();
  if (/start|begin|open|prefix|lead|front|beginning/.test(p)) return 'starts_with';
  if (/end|suffix|trail|finish|close|terminat|tail/.test(p)) return 'ends_with';
  throw new Error(`unclassified qualifier ${phrase}`);
}
function tokenOccurrences(prompt, tok) {
  const re = new RegExp(`(?<![a-z0-9-])${esc(tok)}(?![a-z0-9]|-[a-z0-9])`, 'gi');
  const out = []; let m;
  while ((m = re.exec(prompt))) out.push({ start: m.index, end: m.index + m[0].length, tok });
  return out;
}
function checkQualifiers(prompt, named) {
  // named: [{tok, rule}] for every resource name in the case
  const errs = [];
  const occ = named.flatMap((n) => tokenOccurrences(prompt, n.tok).map((o) => ({ ...o, rule: n.rule }))).sort((a, b) => a.start - b.start);
  const phrases = [];
  let masked = prompt;
  for (const m of prompt.matchAll(BACKWARD)) {
    phrases.push({ dir: 'back', start: m.index, end: m.index + m[0].length, kind: kindOf(m[1] || m[2]), text: m[0] });
    masked = masked.slice(0, m.index) + ' '.repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }
  for (const m of masked.matchAll(FORWARD)) phrases.push({ dir: 'fwd', start: m.index, end: m.index + m[0].length, kind: kindOf(m[1]), text: m[0] });
  phrases.sort((a, b) => a.start - b.start);
  const clean = (a, b) => {
    const gap = prompt.slice(a, b);
    if (/\.\s|;/.test(gap)) return false;
    return !phrases.some((p) => p.start >= a && p.end <= b);
  };
  const bound = new Map(); // tok -> Set(kind)
  for (const p of phrases) {
    let target = null;
    if (p.dir === 'fwd') target = occ.find((o) => o.start >= p.end && o.start - p.end <= 50 && clean(p.end, o.start));
    else target = [...occ].reverse().find((o) => o.end <= p.start && p.start - o.end <= 40 && clean(o.end, p.start));
    if (!target) continue;
    if (!bound.has(target.tok)) bound.set(target.tok, new Set());
    bound.get(target.tok).add(p.kind);
  }
  for (const n of named) {
    const kinds = bound.get(n.tok) || new Set();
    if (n.rule === 'exact_match' && kinds.size) errs.push(`exact name ${n.tok} has qualifier wording ${[...kinds]}`);
    if (n.rule !== 'exact_match') {
      if (!kinds.has(n.rule)) errs.push(`${n.rule} name ${n.tok} lacks matching qualifier wording`);
      if ([...kinds].some((k) => k !== n.rule)) errs.push(`${n.rule} name ${n.tok} also has opposite qualifier wording`);
    }
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------------------------
// Per-case checks
const BOOL_PATHS = new Set(['values.auto_create_subnetworks', 'values.disabled', 'values.retain_acked_messages']);
const INT_PATHS = new Set(['values.priority', 'values.ack_deadline_seconds', 'values.allow.0.ports.0']);
const DURATION_PATHS = new Set(['values.message_retention_duration', 'values.expiration_policy.0.ttl']);
const SCRIPT_STYLES = ['script-full', 'script-no-hash', 'script-literal-n', 'script-described', 'script-template-unstated'];

function checkCase(c) {
  const errs = [];
  const p = c.prompt;
  const lp = p.toLowerCase();
  if (!/^[\x20-\x7e]*$/.test(p)) errs.push('prompt is not single-line printable ASCII');
  if (/\s{2,}/.test(p)) errs.push('double whitespace');
  const words = p.split(/\s+/).length;
  if (c.operator) {
    if (lp.includes(SA)) errs.push('operator prompt mentions the validator SA');
  } else {
    if (words > 220) errs.push(`${words} words (> 220)`);
    if (p.split(GRANT).length !== 2) errs.push('grant sentence must appear exactly once');
    const subs = SUBMIT.reduce((n, s) => n + (p.split(s).length - 1), 0);
    if (subs !== 1) errs.push(`expected exactly one submission sentence, found ${subs}`);
    if (!/\bgcp\b|google cloud/i.test(p)) errs.push('no provider mention');
    if (!FAMILIES[c.family]) errs.push(`unknown family ${c.family}`);
    else if (!familyAllows(c.family, Object.keys(c.res))) errs.push(`resources ${Object.keys(c.res)} not a legal ${c.family} composition`);
    if (/[A-Z]{4,}/.test(p.replace(GRANT, '').replace(/Terraform|GCP|DNS|VPC|TTL|CIDR|ICMP|TCP|SSH|HTTP|GCE|GCS|JSON|NOTE|ASAP|FYI|IMPORTANT|TODO/g, ''))) errs.push('uppercase enum-like token in a validator prompt');
  }
  // values present
  for (const inv of c.invariants) {
    for (const [path_, v] of Object.entries(inv.match)) {
      if (path_ === 'values.metadata_startup_script' || path_ === 'values.content_type' || BOOL_PATHS.has(path_)) continue;
      let ok;
      if (INT_PATHS.has(path_)) ok = hasForm(p, intForms(typeof v === 'number' ? v : parseInt(v, 10)));
      else if (DURATION_PATHS.has(path_)) ok = hasForm(p, durationForms(v));
      else if (path_ === 'values.dns_name') ok = lp.includes(v.toLowerCase()) || lp.includes(v.toLowerCase().replace(/\.$/, ''));
      else ok = lp.includes(String(v).toLowerCase());
      if (!ok) errs.push(`${inv.resource_type} ${path_}=${JSON.stringify(v)} missing from prompt`);
    }
  }
  // startup script token and template consistency
  const vms = ['vm', 'vmb'].map((k) => c.res[k]).filter((r) => r && !r.noScript);
  const scriptTags = c.style.filter((s) => SCRIPT_STYLES.includes(s));
  if (vms.length && !c.operator && scriptTags.length !== 1) errs.push(`a VM case needs exactly one script-* style tag, has ${scriptTags}`);
  if (!vms.length && scriptTags.length) errs.push('script-* tag without a scripted VM');
  for (const vm of vms) {
    if (!p.includes(vm.token)) errs.push(`script token ${vm.token} missing`);
    const t = scriptTags[0];
    const pn = p.replace(/\\n/g, ' '); // literal \n escapes glue words together
    const says = { pipefail: /pipefail/i.test(pn), printf: /\bprintf\b/i.test(pn), env: /\benv\b/i.test(pn), echo: /\becho/i.test(pn) };
    if (t === 'script-template-unstated') {
      if (says.pipefail || says.printf || says.env || says.echo || /bin\/bash/.test(p)) errs.push('script-template-unstated prompt names a command');
    } else {
      if (vm.tpl === 'T1' && (!says.pipefail || says.printf || says.env)) errs.push('T1 script not described as set -euo pipefail + echo');
      if (vm.tpl === 'T2' && (!says.printf || says.pipefail || says.env)) errs.push('T2 script not described as printf');
      if (vm.tpl === 'T3' && (!says.env || says.printf || says.pipefail)) errs.push('T3 script not described as /usr/bin/env echo');
      if (!p.includes('/var/tmp/acore-token')) errs.push('script target path missing');
    }
    if (t === 'script-full' && !p.includes(collapse(SCRIPT_TEMPLATES[vm.tpl](vm.token)))) errs.push('script-full: collapsed script text not found');
    if (t === 'script-no-hash' && !(/(^|[^#])!\/bin\/bash/.test(p) && !p.includes('#!/bin/bash'))) errs.push('script-no-hash: expected "!/bin/bash" without "#"');
    if (t === 'script-literal-n' && !p.includes(SCRIPT_TEMPLATES[vm.tpl](vm.token).replace(/\n/g, '\\n').replace(/\\n$/, ''))) errs.push('script-literal-n: escaped script not found');
    if (t === 'script-described' && /bin\/bash/.test(p)) errs.push('script-described should describe, not quote, the script');
  }
  // qualifier wording
  const named = Object.values(c.res).map((r) => ({ tok: r.name, rule: r.rule }));
  errs.push(...checkQualifiers(p, named));
  // a few style tags that can be verified mechanically
  const st = new Set(c.style);
  if (st.has('durations')) {
    const durs = c.invariants.flatMap((i) => Object.entries(i.match).filter(([k]) => DURATION_PATHS.has(k)).map(([, v]) => v));
    if (!durs.some((d) => !lp.includes(d) && hasForm(p, durationForms(d)))) errs.push('durations tag but every duration is written as Ns');
  }
  if (st.has('num-words')) {
    const ints = c.invariants.flatMap((i) => Object.entries(i.match).filter(([k]) => INT_PATHS.has(k)).map(([, v]) => parseInt(v, 10)));
    const durs = c.invariants.flatMap((i) => Object.entries(i.match).filter(([k]) => DURATION_PATHS.has(k)).map(([, v]) => parseInt(v, 10)));
    const worded = ints.some((n) => hasForm(p, numWords(n))) || durs.some((d) => [d / 60, d / 3600, d / 86400].some((q) => Number.isInteger(q) && hasForm(p, numWords(q))));
    if (!worded) errs.push('num-words tag but no number is written in words');
  }
  if (st.has('terse') && (p.match(/;/g) || []).length < 3) errs.push('terse tag but fewer than three semicolons');
  if (st.has('long') && words < 110) errs.push(`long tag but only ${words} words`);
  return errs;
}

// ---------------------------------------------------------------------------------------------------------------
// Case registry
const CASES = [];
const T = String.raw; // keeps literal \n in prompt texts
function V(family, style, res, text) { CASES.push({ operator: false, family, style, specs: res, text }); }
function O(family, style, res, text) { CASES.push({ operator: true, family, style: ['operator', ...style], specs: res, text }); }

// ===============================================================================================================
// CASES
// Placeholders: {key} = name; {key.field}; {GRANT}; {S1} {S2} {S3} = the three submission sentences.
// keys: net sub fw vm(networked) vmb(basic) bkt obj repo topic sn dns
// ===============================================================================================================


// --- network_stack ---------------------------------------------------------------------------------------------
V('network_stack', ['long', 'back-refs', 'script-full'], { net: 'e', sub: 'x', fw: 'x http', vm: 'x' }, T`
For a small internal sandbox on Google Cloud, please stand up a custom VPC whose name ends with {net} and keep
automatic subnet creation switched off. Inside that network, carve out a regional subnetwork named {sub} in
{sub.region} using the range {sub.cidr}, and make sure it points back at the same VPC rather than the default one.
Next, add an ingress firewall rule called {fw} on that VPC at priority {fw.prio}, allowing {fw.proto} traffic on port
{fw.port}, and leave it enabled so disabled stays false. Finally, launch an {vm.mt} virtual machine named {vm} in zone
{vm.zone}, attach it to the subnetwork above, and give it exactly this startup script: {vm.sh} so we can confirm it
booted. {GRANT} {S3}`);

V('network_stack', ['terse', 'qual-synonyms', 'script-literal-n'], { net: 's', sub: 'e', fw: 'e ssh', vm: 's' }, T`
Google Cloud, minimal footprint. VPC: name prefix {net}; auto create subnetworks false. Subnet: name suffix {sub};
region {sub.region}; ip cidr range {sub.cidr}; network prefixed with {net}. Firewall: name suffixed with {fw};
direction ingress; priority {fw.prio}; {fw.proto} port {fw.port}; disabled false; network prefix {net}. VM: name
begins with {vm}; machine type {vm.mt}; zone {vm.zone}; subnetwork ending in {sub}; metadata startup script
{vm.shn} {S1} {GRANT}`);

V('network_stack', ['ticket', 'reordered', 'type-synonyms', 'bool-wordings', 'script-described'], { net: 'x', sub: 's', fw: 'x icmp', vm: 'e T2' }, T`
Hey team, for the staging rollout on Google Cloud we need one box up: a GCE instance whose name finishes with {vm},
size {vm.mt}, sitting in {vm.zone}. Its boot script should only use printf to write {vm.tok} into
/var/tmp/acore-token, nothing fancy. The box lives on the subnet that opens with {sub} ({sub.cidr}, region
{sub.region}), and that subnet hangs off a VPC named {net} with auto-created subnets turned off. Also open up ping:
an icmp allow rule called {fw} on {net}, ingress, priority {fw.prio}, not disabled. {GRANT} {S2} Thanks!`);

V('network_stack', ['values-first', 'num-words', 'script-no-hash'], { net: 'x', sub: 'x', fw: 's http', vm: 'x' }, T`
{sub.cidr} is the range we want, on a subnetwork called {sub} in {sub.region}, inside a Google Cloud VPC named {net}
(auto create subnetworks: false). {fw} should be the prefix of the firewall rule name; that rule sits on {net}, is
ingress, allows tcp on port {fw.portW}, carries priority {fw.prioW} and is not disabled. {vm.zone} is where the VM
{vm} goes, machine type {vm.mt}, attached to subnetwork {sub}, with metadata startup script {vm.shx} {S1} {GRANT}`);

V('network_stack', ['long', 'bool-wordings', 'negations', 'script-template-unstated'], { net: 'e', sub: 'x', fw: 'x ssh', vm: 's' }, T`
We are building a tiny network stack in Google Cloud and want nothing beyond it: no buckets, no Pub/Sub, no extra
firewall rules. Create a VPC network whose name ends with {net} and do not let it auto-create subnetworks; that
setting stays disabled. Give it exactly one subnetwork, {sub}, in region {sub.region} with CIDR {sub.cidr}. Add a
single ingress firewall rule {fw} on the same VPC allowing {fw.proto} port {fw.port} at priority {fw.prio}; the rule
must be active, so it is not disabled. Then boot an {vm.mt} VM whose name starts with {vm} in {vm.zone} on that
subnetwork, with a startup script that leaves the token {vm.tok} in /var/tmp/acore-token and does nothing else.
{S2} {GRANT}`);

V('network_stack', ['terse', 'type-synonyms', 'reordered', 'script-full'], { net: 's', sub: 's', fw: 'e http', vm: 'e' }, T`
In GCP: allow-rule name ends with {fw} (ingress, {fw.proto}/{fw.port}, priority {fw.prio}, disabled false), on the
virtual network starting with {net}; compute instance name ends with {vm}, {vm.mt}, zone {vm.zone}, on the subnet
starting with {sub}, startup script {vm.sh}; the subnet itself sits in {sub.region} with range {sub.cidr} on the
virtual network starting with {net}; that virtual network has auto subnet creation off. {S3} {GRANT}`);

V('network_stack', ['values-first', 'qual-synonyms', 'bool-wordings', 'script-described'], { net: 'x', sub: 'e', fw: 'x icmp', vm: 'x T1' }, T`
Use {vm.mt} for a Google Cloud VM named {vm}; {vm.zone} is its zone. Its startup script is bash with set -euo
pipefail that then echoes {vm.tok} into /var/tmp/acore-token. {sub} is the trailing part of the name of the
subnetwork it attaches to; that subnetwork lives in {sub.region}, covers {sub.cidr} and belongs to VPC {net}, which
has automatic subnetworks off. For reachability, {fw} is the name of an ingress firewall rule on {net} permitting
icmp at priority {fw.prio}; it is enabled, i.e. disabled: no. {S1} {GRANT}`);

V('network_stack', ['rule-list', 'script-literal-n'], { net: 'e', sub: 's', fw: 's ssh', vm: 'e' }, T`
In a Google Cloud project, use the rule references below. Make compute network name end with {net} and set compute
network auto create subnetworks to false. Set compute subnetwork name to start with {sub}; compute subnetwork network
ends with {net}; compute subnetwork region equals {sub.region}; use {sub.cidr} for compute subnetwork ip cidr range.
Use a compute firewall where name starts with {fw}, network ends with {net}, direction equals ingress, priority
equals {fw.prio}, protocol equals {fw.proto}, ports equals {fw.port} and disabled equals false. Use a compute instance
where name ends with {vm}; machine type equals {vm.mt}; zone equals {vm.zone}; subnetwork starts with {sub}; metadata
startup script equals {vm.shn} {GRANT} {S2}`);

// --- network_without_instance ----------------------------------------------------------------------------------
V('network_without_instance', ['ticket', 'negations', 'back-refs'], { net: 'x', sub: 'e', fw: 's ssh' }, T`
Hi all, quick one for the networking sandbox on Google Cloud. No VM this time, just the plumbing. We need a VPC
called {net} with auto create subnetworks set to false; a subnetwork in {sub.region} whose name ends with {sub},
carved from {sub.cidr} on that VPC; and an ingress firewall on the same network whose name starts with {fw},
letting {fw.proto} through on port {fw.port} with priority {fw.prio} and disabled set to false. Please don't add
instances or buckets. {S2} {GRANT} Thanks, Priya`);

V('network_without_instance', ['terse', 'num-words', 'script-literal-n'], { net: 'e', sub: 'x', fw: 'x http', vmb: 's' }, T`
Google Cloud request; VPC name ends with {net}, no auto subnets; subnetwork {sub}, {sub.region}, {sub.cidr},
attached to the VPC ending with {net}; firewall {fw}: ingress, tcp, port {fw.portW}, priority {fw.prioW}, disabled
false, same VPC; one standalone VM, name prefixed with {vmb}, {vmb.mt}, zone {vmb.zone}, default network, startup
script {vmb.shn} {S3} {GRANT}`);

V('network_without_instance', ['long', 'qual-synonyms', 'bool-wordings', 'script-described'], { net: 's', sub: 's', fw: 'e icmp', vmb: 'x T3' }, T`
Please build out a basic Google Cloud network layout. The VPC's name has to begin with {net}, and automatic
subnetwork creation should be turned off. Within it, create a subnetwork whose name opens with {sub} in
{sub.region}, using {sub.cidr} and referencing the VPC that begins with {net}. Then add an ingress firewall whose name
finishes with {fw}, allowing icmp at priority {fw.prio}; keep it switched on, meaning disabled is false. Separately,
run one {vmb.mt} instance named {vmb} in {vmb.zone} on the default network rather than the new VPC, and give it a
startup script that calls /usr/bin/env echo to write {vmb.tok} into /var/tmp/acore-token. {GRANT} {S1}`);

V('network_without_instance', ['values-first', 'reordered', 'negations'], { net: 'x', sub: 'x', fw: 'x ssh' }, T`
{fw.port}/{fw.proto} is what the firewall rule {fw} must allow, ingress only, priority {fw.prio}, not disabled,
attached to network {net}. {sub.cidr} in {sub.region} is the range for subnetwork {sub}, also on {net}. As for {net}
itself, it is a Google Cloud VPC with auto create subnetworks set to false. Skip the VM entirely and add nothing else.
{GRANT} {S2}`);

V('network_without_instance', ['type-synonyms', 'qual-synonyms', 'script-no-hash'], { net: 's', sub: 'e', fw: 's http', vmb: 'e' }, T`
In Google Cloud, set up a virtual private cloud with a name leading with {net} and no automatic subnets, a
sub-network carrying the trailing name part {sub} in {sub.region} covering {sub.cidr}, an inbound traffic rule
(ingress) whose name has the leading segment {fw}, admitting tcp on {fw.port} at priority {fw.prio}, disabled false,
and a lone Compute Engine machine, name ending in {vmb}, type {vmb.mt}, zone {vmb.zone}, with startup script
{vmb.shx} It should use the default network, not the new one. {S1} {GRANT}`);

V('network_without_instance', ['ticket', 'bool-wordings', 'script-template-unstated'], { net: 'e', sub: 'x', fw: 'x icmp', vmb: 'x' }, T`
Ticket NET-4412: security wants a throwaway Google Cloud network for packet tests. Build a VPC whose name ends with
{net} (auto subnets: no), plus subnetwork {sub} ({sub.region}, {sub.cidr}) on it. Firewall {fw} should allow icmp,
ingress only, priority {fw.prio}, and must be live (disabled = false). Also one test VM {vmb} ({vmb.mt}, zone
{vmb.zone}, default network) whose startup script drops the token {vmb.tok} into /var/tmp/acore-token. {S3} {GRANT}`);

V('network_without_instance', ['long', 'back-refs', 'script-full'], { net: 'x', sub: 's', fw: 'e ssh', vmb: 's' }, T`
Our platform group would like a self-contained network on Google Cloud plus one standalone machine. The network is a
custom VPC called {net}; it must not create subnetworks automatically. Inside it, add a subnetwork whose name starts
with {sub}, located in {sub.region} with the address range {sub.cidr}, and wire it to that same VPC. On the network
we also need an ingress firewall rule whose name ends with {fw}: it should let {fw.proto} in on port {fw.port} with
priority {fw.prio}, and it must not be disabled. The machine is separate from all of this, so leave it on the
project's default network: an {vmb.mt} instance whose name starts with {vmb}, in zone {vmb.zone}, booting with the
startup script {vmb.sh} and nothing more. {S2} {GRANT}`);

// --- network_plus_storage --------------------------------------------------------------------------------------
V('network_plus_storage', ['long', 'shared-value', 'script-full'], { net: 'e', sub: 'x', fw: 'x ssh', vm: 's', bkt: 'e loc=@sub.region', obj: 'x' }, T`
Everything for this Google Cloud environment should live in {sub.region}. Create a custom VPC whose name ends with
{net}, with automatic subnetwork creation off, and a subnetwork named {sub} in that region covering {sub.cidr} on the
VPC. Add an ingress firewall rule {fw} on the same network that allows tcp on port {fw.port} at priority {fw.prio},
not disabled. Launch an {vm.mt} VM whose name starts with {vm} in {vm.zone}, attached to {sub}, using the startup
script {vm.sh} exactly. The storage bucket also sits in {sub.region}; its name ends with {bkt} and it uses the
{bkt.cls} class. Upload an object {obj} with content {obj.content} into that bucket. {GRANT} {S3}`);

V('network_plus_storage', ['terse', 'type-synonyms', 'script-no-hash'], { net: 's', sub: 's', fw: 'e http', vm: 'x', bkt: 's', repo: 'e' }, T`
GCP build; VPC network name prefix {net}, auto subnets off; subnet name prefix {sub}, region {sub.region}, range
{sub.cidr}; web allow rule name suffix {fw}, ingress, tcp {fw.port}, priority {fw.prio}, enabled; GCE box {vm},
{vm.mt}, {vm.zone}, on the subnet with prefix {sub}, boot script {vm.shx}; GCS bucket name prefix {bkt},
{bkt.loc}, {bkt.cls}; AR repository id suffix {repo}, {repo.fmt}, {repo.loc}. {S2} {GRANT}`);

V('network_plus_storage', ['ticket', 'reordered', 'back-refs', 'script-described'], { net: 'x', sub: 'e', fw: 's icmp', vm: 'e T3', bkt: 'e', obj: 'x', repo: 's' }, T`
Hey team, for the staging rollout we need a few bits on Google Cloud. From the top: a plaintext object {obj} with
content {obj.content} in a bucket whose name ends with {bkt} ({bkt.loc}, {bkt.cls}), plus an Artifact Registry repo
in {repo.loc} for {repo.fmt} whose id starts with {repo}. Then the VM: name ending in {vm}, {vm.mt}, zone {vm.zone},
on the subnet whose name ends with {sub}; its startup script runs /usr/bin/env echo to write {vm.tok} to
/var/tmp/acore-token. That subnet is in {sub.region}, range {sub.cidr}, inside a VPC named {net} (no auto subnets).
Finally allow icmp ingress on it with a firewall whose name starts with {fw}, priority {fw.prio}, not disabled.
{GRANT} {S1}`);

V('network_plus_storage', ['values-first', 'num-words', 'script-literal-n'], { net: 'x', sub: 'x', fw: 'x http', vm: 'e', bkt: 's', obj: 'x' }, T`
{net} is the Google Cloud VPC (auto create subnetworks false). {sub.cidr} in {sub.region} is subnetwork {sub} on it.
{fw} is an ingress firewall on {net} for tcp port {fw.portW}, priority {fw.prioW}, disabled false. {vm} is the
suffix of the name of an {vm.mt} VM in {vm.zone} on {sub} with metadata startup script {vm.shn} {bkt} is the prefix
for a {bkt.cls} bucket in {bkt.loc}, and {obj} is an object there containing {obj.content}. {GRANT} {S2}`);

V('network_plus_storage', ['negations', 'bool-wordings', 'script-template-unstated'], { net: 's', sub: 'x', fw: 'x ssh', vm: 'x', bkt: 'e', repo: 's' }, T`
Google Cloud again, and this time no Pub/Sub and no objects in the bucket. VPC: name begins with {net}, automatic
subnet creation disabled. Subnetwork {sub} in {sub.region} with {sub.cidr}, bound to that VPC. Firewall {fw}: ingress
{fw.proto} {fw.port}, priority {fw.prio}, and it must be turned on (disabled = no). VM {vm}, {vm.mt}, {vm.zone},
attached to {sub}; its startup script simply needs to write {vm.tok} to /var/tmp/acore-token. Bucket: name ends
with {bkt}, {bkt.loc}, {bkt.cls}. Artifact Registry repository: id starting with {repo}, {repo.fmt}, {repo.loc}.
{S3} {GRANT}`);

V('network_plus_storage', ['qual-synonyms', 'shared-value', 'script-full'], { net: 'e', sub: 's', fw: 'e icmp', vm: 's', bkt: 's loc=@repo.loc', repo: 'e' }, T`
Please provision the following on Google Cloud. The network is a VPC whose name finishes with {net} and has no
auto-created subnetworks. Its subnetwork name opens with {sub}; region {sub.region}; CIDR {sub.cidr}. The firewall
rule name terminates with {fw}; it admits icmp ingress at priority {fw.prio} and is enabled. The instance name leads
with {vm}; {vm.mt} in {vm.zone} on that subnetwork; startup script {vm.sh}. The bucket and the registry both go in
{repo.loc}: the bucket's name is prefixed with {bkt} and uses {bkt.cls}; the repository id is suffixed with {repo}
and stores {repo.fmt} packages. {GRANT} {S1}`);

// --- network_plus_artifacts ------------------------------------------------------------------------------------
V('network_plus_artifacts', ['long', 'back-refs', 'script-literal-n'], { net: 's', sub: 'x', fw: 'x http', vm: 'x', repo: 'e', bkt: 's' }, T`
We are setting up an artifact-focused environment on Google Cloud and would like it built in one pass. The network
comes first: a VPC whose name starts with {net}, with automatic subnetwork creation turned off. Inside it, a
subnetwork named {sub} in {sub.region} covering {sub.cidr}, and on that same VPC an ingress firewall rule named {fw}
allowing tcp on port {fw.port} at priority {fw.prio}, not disabled. Then an {vm.mt} VM named {vm} in {vm.zone} on
that subnetwork, whose metadata startup script must be {vm.shn} exactly. Next to the network, create an Artifact
Registry repository in {repo.loc} for {repo.fmt} packages whose repository id ends with {repo}, and a storage bucket
whose name starts with {bkt} in {bkt.loc} with the {bkt.cls} class. {GRANT} {S2}`);

V('network_plus_artifacts', ['terse', 'qual-synonyms', 'script-described'], { net: 'e', sub: 'e', fw: 's ssh', vm: 's T1', repo: 's', bkt: 'e', obj: 'x' }, T`
Google Cloud; VPC suffix {net}, auto subnets false; subnetwork suffix {sub}, {sub.region}, {sub.cidr}; firewall
prefix {fw}, ingress tcp/{fw.port}, priority {fw.prio}, disabled false; VM prefix {vm}, {vm.mt}, {vm.zone}, on the
subnetwork with suffix {sub}, startup script runs with set -euo pipefail and echoes {vm.tok} into
/var/tmp/acore-token; registry prefix {repo}, {repo.fmt}, {repo.loc}; bucket suffix {bkt}, {bkt.loc}, {bkt.cls};
object {obj} in it, content {obj.content}, text/plain. {S3} {GRANT}`);

V('network_plus_artifacts', ['ticket', 'shared-value', 'script-full'], { net: 'x', sub: 'x', fw: 'e icmp', vm: 'e', repo: 's loc=@sub.region', bkt: 'e loc=@sub.region' }, T`
Hey team, for the staging rollout we need everything pinned to {sub.region} on Google Cloud, so the subnet, the
registry and the bucket all use that region and the VM sits in {vm.zone}. Network: VPC {net}, automatic subnetworks
off. Subnet {sub}, range {sub.cidr}. Firewall: allow icmp ingress, priority {fw.prio}, not disabled, name ending in
{fw}, on {net}. VM: {vm.mt}, name ending in {vm}, on {sub}, startup script {vm.sh} verbatim. Artifact Registry: a
{repo.fmt} repo whose id starts with {repo}. Bucket: {bkt.cls}, name ending in {bkt}. {S1} {GRANT} Ping me if
anything is unclear.`);

V('network_plus_artifacts', ['reordered', 'values-first', 'script-no-hash'], { net: 'x', sub: 's', fw: 'x ssh', vm: 's', repo: 'e', bkt: 'e', obj: 'x' }, T`
{vm.mt} in {vm.zone} is the machine we need on Google Cloud; its name should begin with {vm} and its startup script
is {vm.shx} It attaches to the subnetwork starting with {sub}, which is in {sub.region} with {sub.cidr}, on VPC {net}
(auto create subnetworks false). {fw} is an ingress firewall rule on {net} for tcp port {fw.port}, priority
{fw.prio}, disabled false. {repo.fmt} is the format of an Artifact Registry repository in {repo.loc} whose id ends
with {repo}. {obj.content} is the content of object {obj}, stored in a bucket ending with {bkt} in {bkt.loc},
{bkt.cls} class. {GRANT} {S3}`);

V('network_plus_artifacts', ['negations', 'type-synonyms', 'script-template-unstated'], { net: 'e', sub: 'x', fw: 'x http', vm: 'e', repo: 's', bkt: 's' }, T`
On Google Cloud, spin up a private network whose name ends with {net} (no automatic subnets), a sub-network {sub} in
{sub.region} on {sub.cidr}, and a web ingress rule {fw} for tcp {fw.port} at priority {fw.prio}, enabled. Add one
server whose name ends with {vm}, {vm.mt}, in {vm.zone} on {sub}, whose boot script stores {vm.tok} in
/var/tmp/acore-token. For artifacts, a package registry whose id starts with {repo} ({repo.fmt}, {repo.loc}) and an
object store bucket whose name starts with {bkt} ({bkt.loc}, {bkt.cls}). Do not upload objects, and skip Pub/Sub.
{S2} {GRANT}`);

V('network_plus_artifacts', ['rule-list', 'num-words', 'script-full'], { net: 's', sub: 'e', fw: 'e ssh', vm: 'x', repo: 'e', bkt: 'e', obj: 'x' }, T`
Google Cloud. Use a compute network where name starts with {net}; auto create subnetworks equals false. Make compute
subnetwork name end with {sub}; network starts with {net}; region equals {sub.region}; ip cidr range equals
{sub.cidr}. Compute firewall name ends with {fw}; network starts with {net}; direction equals ingress; priority
equals {fw.prioW}; protocol equals tcp; ports equals {fw.portW}; disabled equals false. Set compute instance name to
{vm}; zone {vm.zone}; machine type {vm.mt}; subnetwork ends with {sub}; metadata startup script equals {vm.sh}.
Artifact registry repository id ends with {repo}, location {repo.loc}, format {repo.fmt}. Storage bucket name ends
with {bkt}, location {bkt.loc}, class {bkt.cls}; object {obj} content {obj.content}. {GRANT} {S1}`);

// --- network_plus_pubsub ---------------------------------------------------------------------------------------
V('network_plus_pubsub', ['long', 'durations', 'num-words', 'script-described'], { net: 'x', sub: 'e', fw: 'x ssh', vm: 'x T2', topic: 'e ret=600s' }, T`
For a messaging test bed on Google Cloud, please build a small network and a Pub/Sub topic. The VPC should be called
{net} and must not auto-create subnetworks. Its only subnetwork needs a name ending with {sub}, in {sub.region}, with
the range {sub.cidr}. On the VPC, open an ingress firewall rule named {fw} for {fw.proto} on port {fw.port} at
priority {fw.prio}, left enabled. Run an {vm.mt} instance named {vm} in {vm.zone} on that subnetwork; its startup
script is a short bash script that uses printf to write {vm.tok} to /var/tmp/acore-token. Finally, create a topic
whose name ends with {topic} that keeps messages for ten minutes. {S3} {GRANT}`);

V('network_plus_pubsub', ['terse', 'num-words', 'script-literal-n'], { net: 's', sub: 'x', fw: 'e icmp', vm: 's', topic: 'x', bkt: 'e' }, T`
Google Cloud; VPC name starts with {net}; auto subnetworks false; subnetwork {sub} in {sub.region}, {sub.cidr};
firewall name ends with {fw}, ingress icmp, priority {fw.prioW}, disabled false; VM name starts with {vm},
{vm.mt}, {vm.zone}, subnetwork {sub}, startup script {vm.shn} Pub/Sub topic {topic}, retention {topic.ret}; bucket
name ends with {bkt}, {bkt.loc}, {bkt.cls}. {S1} {GRANT}`);

V('network_plus_pubsub', ['ticket', 'back-refs', 'script-no-hash'], { net: 'e', sub: 's', fw: 's http', vm: 'e', topic: 's', bkt: 's', obj: 'x' }, T`
Hey team, quick request from the events squad on Google Cloud. We need a VPC whose name ends with {net} (no auto
subnets) and a subnetwork starting with {sub} in {sub.region} on {sub.cidr} inside it. Put an http firewall on it
too: ingress tcp {fw.port}, priority {fw.prio}, not disabled, name starting with {fw}. The worker VM ends with {vm},
is an {vm.mt} in {vm.zone}, sits on that subnetwork and boots with {vm.shx} For events, a topic starting with
{topic} retaining messages {topic.ret}. And a bucket starting with {bkt} ({bkt.loc}, {bkt.cls}) holding an object
{obj} with content {obj.content}. {GRANT} {S2}`);

V('network_plus_pubsub', ['reordered', 'durations', 'type-synonyms', 'script-template-unstated'], { net: 'x', sub: 'x', fw: 'x http', vm: 's', topic: 'e ret=1200s' }, T`
On Google Cloud, the headline item is a message topic whose name ends with {topic}, with a twenty-minute retention
window. The consumer box for it is a GCE instance whose name starts with {vm} ({vm.mt}, {vm.zone}); its boot script
just drops {vm.tok} into /var/tmp/acore-token. That box sits on subnet {sub} ({sub.region}, {sub.cidr}), which
belongs to the private network {net}, created without auto subnets. Open web traffic with an ingress allow-rule
{fw}: tcp {fw.port}, priority {fw.prio}, active. {GRANT} {S3}`);

V('network_plus_pubsub', ['values-first', 'shared-value', 'script-full'], { net: 's', sub: 'e', fw: 'x ssh', vm: 'x', topic: 'x', bkt: 'e loc=@sub.region' }, T`
{sub.region} hosts both the subnetwork and the bucket in this Google Cloud request. {sub.cidr} is the subnetwork
range and {sub} is the tail of its name; it belongs to a VPC whose name begins with {net}, auto subnetworks off.
{fw} names the ingress firewall on that VPC, tcp {fw.port}, priority {fw.prio}, disabled false. {vm.zone} and
{vm.mt} are for the VM {vm} on that subnetwork, with startup script {vm.sh} {topic} is the topic, retention
{topic.ret}. {bkt.cls} is the bucket class and {bkt} is the suffix of the bucket name. {S2} {GRANT}`);

V('network_plus_pubsub', ['negations', 'bool-wordings', 'script-described'], { net: 'e', sub: 'e', fw: 'e icmp', vm: 'e T3', topic: 's' }, T`
Google Cloud, network plus one topic; no bucket and no subscription this round. VPC name ends with {net}; automatic
subnetwork creation: no. Subnetwork name ends with {sub}, {sub.region}, {sub.cidr}. Firewall name ends with {fw},
ingress, icmp, priority {fw.prio}, switched on (not disabled). VM name ends with {vm}, {vm.mt}, {vm.zone}, attached
to the subnetwork ending with {sub}; its startup script invokes /usr/bin/env echo to write {vm.tok} into
/var/tmp/acore-token. Topic name starts with {topic}, message retention {topic.ret}. {S1} {GRANT}`);

// --- dns_network_bridge ----------------------------------------------------------------------------------------
V('dns_network_bridge', ['long', 'back-refs', 'script-full'], { dns: 'x', net: 'e', sub: 'x', vm: 's', fw: 'x ssh' }, T`
We want a small Google Cloud bridge between DNS and a private network. First, a managed DNS zone called {dns}
answering for {dns.dns} as a public zone. Second, a VPC whose name ends with {net}, without automatic subnetworks, containing one
subnetwork named {sub} in {sub.region} with the range {sub.cidr}. Third, an ingress firewall rule named {fw} on that
VPC permitting tcp on port {fw.port}, priority {fw.prio}, not disabled. Last, an {vm.mt} virtual machine whose name
starts with {vm}, placed in {vm.zone} and attached to that subnetwork, using the startup script {vm.sh} exactly as
written. {GRANT} {S1}`);

V('dns_network_bridge', ['terse', 'qual-synonyms', 'script-described'], { dns: 's', net: 's', sub: 'e', vm: 'x T1', bkt: 'e' }, T`
GCP; DNS zone prefix {dns}, dns name {dns.dns}; VPC prefix {net}, auto subnets false; subnetwork suffix {sub},
{sub.region}, {sub.cidr}; VM {vm}, {vm.mt}, {vm.zone}, on the subnetwork with suffix {sub}, startup script under
set -euo pipefail that echoes {vm.tok} into /var/tmp/acore-token; bucket suffix {bkt}, {bkt.loc}, {bkt.cls}. {S2}
{GRANT}`);

V('dns_network_bridge', ['ticket', 'reordered', 'script-no-hash'], { dns: 'e', net: 'x', sub: 's', vm: 'e', fw: 's http', bkt: 's' }, T`
Hey team, for the staging rollout we need a VM first: name ending with {vm}, {vm.mt}, zone {vm.zone}, startup
script {vm.shx} It connects to the subnetwork that starts with {sub} ({sub.region}, {sub.cidr}), which belongs to
the VPC {net} with auto subnets off. Allow http in with a firewall starting with {fw}: tcp {fw.port}, ingress,
priority {fw.prio}, disabled false. Also a DNS zone ending with {dns} for {dns.dns} and a bucket starting with {bkt}
in {bkt.loc} ({bkt.cls}). All on Google Cloud. {S3} {GRANT}`);

V('dns_network_bridge', ['values-first', 'negations', 'script-literal-n'], { dns: 'x', net: 'x', sub: 'x', vm: 'x', bkt: 'e' }, T`
{dns} is the Google Cloud DNS managed zone, serving {dns.dns} with public visibility. {net} is the VPC (auto create subnetworks false),
and {sub} is its subnetwork in {sub.region} with {sub.cidr}. {vm} is the VM: {vm.mt}, {vm.zone}, on {sub}, metadata
startup script {vm.shn} {bkt} must be the trailing part of the bucket name; {bkt.loc}; {bkt.cls}. Skip the firewall
this time. {GRANT} {S2}`);

V('dns_network_bridge', ['type-synonyms', 'shared-value', 'script-template-unstated'], { dns: 's', net: 'e', sub: 'x', vm: 's', fw: 'e icmp', bkt: 's loc=@sub.region' }, T`
On Google Cloud, stand up a Cloud DNS hosted zone with a name that begins with {dns} (domain {dns.dns}), a private
network ending with {net} (auto subnets off), and a regional subnet {sub} in {sub.region} covering {sub.cidr}. The
object-storage bucket goes in the same region; its name starts with {bkt}; class {bkt.cls}. Add a ping rule, ingress
icmp, priority {fw.prio}, enabled, whose name ends with {fw}, and a GCE host starting with {vm} ({vm.mt},
{vm.zone}) on that subnet whose boot script writes {vm.tok} to /var/tmp/acore-token. {S1} {GRANT}`);

V('dns_network_bridge', ['num-words', 'bool-wordings', 'script-described'], { dns: 'e', net: 's', sub: 's', vm: 'e T2', fw: 'x http' }, T`
Google Cloud please. DNS managed zone: name ends with {dns}, dns name {dns.dnsb}. VPC: name starts with {net},
auto-create subnetworks set to no. Subnetwork: name starts with {sub}, region {sub.region}, range {sub.cidr}.
Firewall {fw}: ingress tcp on port {fw.portW}, priority {fw.prioW}, enabled = yes, disabled = no. VM: name ends with
{vm}, machine {vm.mt}, zone {vm.zone}, on the subnetwork starting with {sub}; its startup script uses printf to put
{vm.tok} into /var/tmp/acore-token. {GRANT} {S3}`);

// --- storage_delivery ------------------------------------------------------------------------------------------
V('storage_delivery', ['long', 'shared-value', 'negations'], { bkt: 'e loc=@repo.loc', repo: 's' }, T`
For a Google Cloud delivery sandbox, keep everything in one place, {repo.loc}. We want a Cloud Storage bucket whose
name ends with {bkt}, using the {bkt.cls} storage class, and next to it an Artifact Registry repository whose
repository id starts with {repo} and which stores {repo.fmt} packages. Both resources share that single location,
so there is no need to spread anything across regions. Please do not add topics, networks or machines beyond these
two pieces, because this environment is only meant to hold build outputs for a short while before we tear it down
again, and the fewer moving parts it has, the easier that cleanup will be for whoever picks it up next. {GRANT} {S1}`);

V('storage_delivery', ['terse', 'durations', 'num-words', 'qual-synonyms'], { bkt: 's', topic: 'e ret=1200s' }, T`
GCP; bucket: prefix {bkt}; location {bkt.loc}; class {bkt.cls}; topic: suffix {topic}; message retention twenty
minutes; nothing else. {S2} {GRANT}`);

V('storage_delivery', ['ticket', 'type-synonyms', 'durations'], { bkt: 'e', repo: 'e', topic: 's ret=900s' }, T`
Hey folks, the release pipeline needs three things in Google Cloud: a GCS bucket ending in {bkt} ({bkt.loc},
{bkt.cls}), an AR repo for {repo.fmt} artifacts whose id ends with {repo}, hosted in {repo.loc}, and a message topic
that starts with {topic} and holds messages for a quarter of an hour, i.e. 15 minutes. {GRANT} {S3} Cheers.`);

V('storage_delivery', ['values-first'], { bkt: 's', repo: 'e' }, T`
{bkt.cls} storage in {bkt.loc} is what we want for a Google Cloud bucket whose name must start with {bkt}.
{repo.loc} is the location for an Artifact Registry repository of format {repo.fmt}, with {repo} as the suffix of its
repository id. {S1} {GRANT}`);

V('storage_delivery', ['negations', 'durations', 'num-words', 'qual-synonyms'], { bkt: 'e', repo: 's', topic: 'x ret=600s' }, T`
First the Pub/Sub topic {topic}, keeping messages for ten minutes. Then the Artifact Registry repo: id beginning with
{repo}, {repo.fmt} format, location {repo.loc}. Last, the storage bucket, name finishing with {bkt}, {bkt.cls} class,
location {bkt.loc}. Google Cloud only; no subscription, no VM, no network. {GRANT} {S3}`);

V('storage_delivery', ['rule-list'], { bkt: 's', topic: 'x' }, T`
In Google Cloud, set storage bucket name to start with {bkt}, storage bucket location equals {bkt.loc}, use
{bkt.cls} for storage bucket storage class. Pubsub topic name equals {topic}; pubsub topic message retention duration
equals {topic.ret}. Ensure nothing else is created. {S3} {GRANT}`);

// --- artifact_delivery -----------------------------------------------------------------------------------------
V('artifact_delivery', ['long', 'back-refs', 'type-synonyms'], { repo: 's', bkt: 'e', obj: 'x' }, T`
On Google Cloud, create an Artifact Registry repository whose id starts with {repo}, located in {repo.loc} and set
up for {repo.fmt} packages. Alongside it, provision a storage bucket whose name ends with {bkt} in {bkt.loc} with the
{bkt.cls} class, and then drop a small plaintext file into that bucket: the file should be named {obj}, hold the
text {obj.content} and carry the content type text/plain. The file is only there to prove the bucket works end to
end, so it does not need metadata, versioning or anything else, and the repository itself can stay completely empty
after creation since nobody will push to it yet. {S2} {GRANT}`);

V('artifact_delivery', ['terse', 'durations', 'negations'], { repo: 'e', topic: 's ret=900s' }, T`
Google Cloud; Artifact Registry repo id ends with {repo}; format {repo.fmt}; location {repo.loc}; Pub/Sub topic name
starts with {topic}; retention 15 min; no bucket, no subscription. {GRANT} {S1}`);

V('artifact_delivery', ['ticket', 'reordered', 'values-first'], { repo: 's', bkt: 's', obj: 'x', topic: 'x' }, T`
Hi team, small favour for the packaging work on Google Cloud. {obj.content} is the exact content of an object named
{obj} (text/plain) that has to sit in a bucket whose name begins with {bkt}; that bucket goes in {bkt.loc} with
{bkt.cls} storage. {repo.fmt} is the format for the Artifact Registry repository, which lives in {repo.loc} and
whose repository id starts with {repo}. Last bit: a Pub/Sub topic named {topic} with message retention of
{topic.ret}. {S3} {GRANT} Thanks!`);

V('artifact_delivery', ['shared-value', 'qual-synonyms'], { repo: 'e', bkt: 's loc=@repo.loc', topic: 'e' }, T`
We need a small Google Cloud setup where the registry and the bucket share one region, {repo.loc}. The Artifact
Registry repository holds {repo.fmt} packages and its repository id must finish with {repo}. The storage bucket uses
{bkt.cls} storage and its name should open with {bkt}. Also add a Pub/Sub topic whose name is suffixed with {topic},
retaining messages for {topic.ret}. {GRANT} {S2}`);

V('artifact_delivery', ['negations', 'qual-synonyms'], { repo: 's', bkt: 'e' }, T`
Google Cloud task: one Artifact Registry repository and one bucket, and no topics, objects or VMs. Give the
repository an id with the leading part {repo}, format {repo.fmt}, in {repo.loc}. The bucket name needs the trailing
part {bkt}; put it in {bkt.loc} using {bkt.cls}. Don't upload any files. {S1} {GRANT}`);

V('artifact_delivery', ['values-first', 'back-refs'], { repo: 'e', bkt: 'e', obj: 'x' }, T`
{repo} should be the ending of the repository id for a {repo.fmt} Artifact Registry repository in {repo.loc} on
Google Cloud. {bkt} should likewise be the ending of a {bkt.cls} bucket name in {bkt.loc}. Into that bucket goes an
object called {obj} whose content is {obj.content}. {S2} {GRANT}`);

// --- bucket_with_object ----------------------------------------------------------------------------------------
V('bucket_with_object', ['long', 'back-refs'], { bkt: 'e', obj: 'x' }, T`
I would like a very small Google Cloud storage setup for a teammate who wants to test reads. Please create a Cloud
Storage bucket whose name ends with {bkt}, placed in {bkt.loc} and using the {bkt.cls} storage class, and keep its
configuration minimal apart from that. Then upload a single text object into it: name the object {obj}, set its
content to {obj.content}, and give it the content type text/plain so it renders as plain text. The object must live
in that same bucket and not anywhere else; there is no need for versioning, lifecycle rules, notifications or any
other extras. {GRANT} {S1}`);

V('bucket_with_object', ['terse', 'values-first'], { bkt: 's', obj: 'x' }, T`
{bkt.loc}; {bkt.cls}; bucket name starts with {bkt}; {obj} is the object name; {obj.content} is its body; content
type text/plain; Google Cloud. {S2} {GRANT}`);

V('bucket_with_object', ['ticket', 'durations', 'type-synonyms'], { bkt: 'e', obj: 'x', topic: 's ret=1200s' }, T`
Hey, for the reports staging bucket on Google Cloud: we need a GCS bucket ending with {bkt} in {bkt.loc} on
{bkt.cls}, with one blob inside called {obj} containing {obj.content} (text/plain). Also a message channel on Pub/Sub
whose topic name starts with {topic}; it should keep messages for 20 minutes. {S3} {GRANT}`);

V('bucket_with_object', ['reordered', 'qual-synonyms', 'back-refs'], { bkt: 's', obj: 'x' }, T`
On Google Cloud, upload an object named {obj} with content {obj.content} and content type text/plain. It goes into
a bucket you also need to create: its name opens with {bkt}, its location is {bkt.loc} and its storage class is
{bkt.cls}. {GRANT} {S3}`);

V('bucket_with_object', ['negations', 'durations', 'num-words'], { bkt: 'e', obj: 'x', topic: 'x ret=600s' }, T`
Set up Google Cloud storage with a Pub/Sub hook, but no subscriptions and no compute. The bucket name must end with
{bkt}; location {bkt.loc}; class {bkt.cls}. Put one object, {obj}, in it with the body {obj.content}. The topic is
{topic} and its message retention is ten minutes. {S1} {GRANT}`);

V('bucket_with_object', ['rule-list'], { bkt: 's', obj: 'x', topic: 'e' }, T`
For a Google Cloud project: storage bucket name starts with {bkt}; storage bucket location equals {bkt.loc}; storage
bucket storage class equals {bkt.cls}. Storage bucket object name equals {obj}, bucket starts with {bkt}, content
equals {obj.content}, content type equals text/plain. Pubsub topic name ends with {topic} and message retention
duration equals {topic.ret}. Ensure these fields reference the identical token {bkt}: storage bucket name, storage
bucket object bucket. {GRANT} {S2}`);

// --- storage_with_pubsub ---------------------------------------------------------------------------------------
V('storage_with_pubsub', ['long', 'durations', 'num-words', 'back-refs'], { bkt: 'e', topic: 's ret=900s', obj: 'x' }, T`
We are putting together a small storage-and-messaging setup in Google Cloud for an internal ingestion experiment.
Please create a Cloud Storage bucket whose name ends with {bkt}, located in {bkt.loc} and using the {bkt.cls} storage
class, and place a single object named {obj} in that bucket with the content {obj.content} and a text/plain content
type. Alongside the bucket, set up a Pub/Sub topic whose name starts with {topic}; it should retain messages for
fifteen minutes, which is plenty for the experiment. Nothing else is needed for now, and everything can be torn down
afterwards. {GRANT} {S2}`);

V('storage_with_pubsub', ['terse', 'qual-synonyms'], { bkt: 's', topic: 'e', repo: 's' }, T`
GCP: bucket name leading part {bkt}; bucket in {bkt.loc}; class {bkt.cls}; topic name trailing part {topic};
retention {topic.ret}; registry id leading part {repo}; {repo.fmt}; {repo.loc}. {S1} {GRANT}`);

V('storage_with_pubsub', ['ticket', 'negations', 'type-synonyms'], { bkt: 'e', topic: 'x', repo: 'e' }, T`
Hi! For the analytics sandbox on Google Cloud I need an object-storage bucket with a name that ends with {bkt}
({bkt.cls}, {bkt.loc}), a messaging topic called {topic} that retains messages for {topic.ret}, and a container or
package registry (format {repo.fmt}, location {repo.loc}) whose id ends with {repo}. No files in the bucket, no
subscriptions. {S3} {GRANT}`);

V('storage_with_pubsub', ['values-first', 'durations', 'num-words'], { bkt: 's', topic: 'e ret=1200s', repo: 'e', obj: 'x' }, T`
{bkt.loc} and {bkt.cls}: those are the location and class for a Google Cloud bucket whose name starts with {bkt}.
{obj.content} goes into object {obj} in that bucket. Twenty minutes is the message retention for a Pub/Sub topic
whose name ends with {topic}. {repo.fmt} in {repo.loc} for an Artifact Registry repository whose id ends with
{repo}. {GRANT} {S1}`);

V('storage_with_pubsub', ['reordered', 'back-refs', 'qual-synonyms'], { bkt: 'e', topic: 's', obj: 'x' }, T`
On Google Cloud, add a text/plain object called {obj} holding {obj.content}. It needs a home: a bucket whose name
closes with {bkt}, in {bkt.loc}, {bkt.cls} class. Then a Pub/Sub topic with the name beginning with {topic} and a
message retention duration of {topic.ret}. {S2} {GRANT}`);

V('storage_with_pubsub', ['rule-list', 'durations'], { bkt: 's', topic: 'x ret=900s', repo: 'e' }, T`
In a Google Cloud project: storage bucket name starts with {bkt}; storage bucket location equals {bkt.loc}; storage
bucket storage class equals {bkt.cls}. Set pubsub topic name to {topic}; pubsub topic message retention duration
equals 900 seconds. Make artifact registry repository repository id end with {repo}; location equals {repo.loc};
format equals {repo.fmt}. {S3} {GRANT}`);

// --- dns_frontend ----------------------------------------------------------------------------------------------
V('dns_frontend', ['long', 'back-refs'], { dns: 'x', bkt: 'e', obj: 'x' }, T`
For a static front-end experiment on Google Cloud, we need a managed DNS zone and a storage bucket with one file.
Create a Cloud DNS managed zone named {dns} that serves the domain {dns.dns}, keeping the default public visibility.
Then create a bucket whose name ends with {bkt} in {bkt.loc} with the {bkt.cls} storage class, and upload into that
bucket a small object called {obj} whose content is {obj.content} and whose content type is text/plain. The zone and
the bucket do not need to be linked with records or anything else for now; we only want the pieces in place so that
the front-end team can begin testing. {S1} {GRANT}`);

V('dns_frontend', ['terse', 'durations'], { dns: 's', bkt: 's', topic: 'e ret=600s' }, T`
Google Cloud; DNS zone name starts with {dns}; dns name {dns.dns}; bucket name starts with {bkt}; {bkt.loc};
{bkt.cls}; topic name ends with {topic}; retain messages 10 minutes. {S2} {GRANT}`);

V('dns_frontend', ['ticket', 'type-synonyms', 'reordered'], { dns: 'e', bkt: 'e', obj: 'x', topic: 'x' }, T`
Hey team, frontend launch prep on Google Cloud. Upload the placeholder file {obj} (content {obj.content},
text/plain) into the site bucket, which we also need: name ending in {bkt}, {bkt.loc}, {bkt.cls}. We also need a
hosted zone whose name ends with {dns}, for {dns.dns}, and a notification topic named {topic} retaining messages for
{topic.ret}. {GRANT} {S3}`);

V('dns_frontend', ['values-first', 'qual-synonyms'], { dns: 'x', bkt: 's', obj: 'x' }, T`
{dns.dns} is the DNS name of a Google Cloud managed zone called {dns}. {bkt.loc} with {bkt.cls} storage is for a
bucket with {bkt} as its prefix. {obj} is the name of an object in that bucket, and its content is {obj.content}.
{S1} {GRANT}`);

V('dns_frontend', ['negations', 'durations', 'num-words'], { dns: 's', bkt: 'e', topic: 's ret=900s' }, T`
Google Cloud, no objects and no compute. Make a DNS managed zone whose name begins with {dns} and whose dns name is
{dns.dnsb}. Make a storage bucket whose name finishes with {bkt}, location {bkt.loc}, class {bkt.cls}. Make a Pub/Sub
topic whose name begins with {topic} with fifteen minutes of message retention. {GRANT} {S2}`);

V('dns_frontend', ['rule-list', 'back-refs'], { dns: 'e', bkt: 's', obj: 'x', topic: 'e' }, T`
Google Cloud. Dns managed zone name ends with {dns}; dns managed zone dns name equals "{dns.dns}". Storage bucket
name starts with {bkt}, location equals {bkt.loc}, storage class equals {bkt.cls}. Storage bucket object name equals
{obj}, content equals {obj.content}, content type equals text/plain, and its bucket is that same bucket. Pubsub topic
name ends with {topic}; message retention duration equals {topic.ret}. {S3} {GRANT}`);

// --- topic_with_subscription -----------------------------------------------------------------------------------
V('topic_with_subscription', ['long', 'durations', 'num-words', 'bool-wordings', 'back-refs'], { topic: 'x', sn: 'e ack=30 retain=true ttl=172800s' }, T`
For a small internal Google Cloud messaging setup, create a Pub/Sub topic named {topic} that keeps messages for
{topic.ret}. Attach a subscription to that same topic whose name ends with {sn}. Give it a thirty-second ack
deadline, keep acknowledged messages around rather than discarding them, and let the subscription expire after two
days of inactivity (48 hours). There is no need for push endpoints, dead-letter topics or filters; a plain pull
subscription with exactly these settings is all we want, and nothing else should be created in the project for
this request. {GRANT} {S2}`);

V('topic_with_subscription', ['terse', 'num-words'], { topic: 's', sn: 'x ack=20 retain=false' }, T`
Google Cloud; topic name starts with {topic}; retention {topic.ret}; subscription {sn} on that topic; ack deadline
twenty seconds; retain acked messages false; expiration ttl {sn.ttl}. {S1} {GRANT}`);

V('topic_with_subscription', ['ticket', 'durations', 'bool-wordings', 'negations'], { topic: 'e', sn: 's retain=false ttl=86400s' }, T`
Hey team, the billing worker needs a queue on Google Cloud. Topic: name ends with {topic}, messages retained for
{topic.retMin}. Subscription: name starts with {sn}, bound to that topic, ack deadline {sn.ack} seconds, acked
messages should be discarded rather than retained, and it should expire after one day without activity. No bucket
needed for this one. {S3} {GRANT}`);

V('topic_with_subscription', ['values-first', 'reordered', 'num-words', 'bool-wordings'], { topic: 'x', sn: 'x retain=true', bkt: 's' }, T`
{sn.ttl} is the expiration TTL and {sn.ackW} seconds the ack deadline for a Google Cloud Pub/Sub subscription named
{sn}, which retains acked messages (true) and reads from the topic {topic}. That topic, {topic}, keeps messages for
{topic.ret}. Separately, {bkt.loc} and {bkt.cls} describe a bucket whose name starts with {bkt}. {GRANT} {S1}`);

V('topic_with_subscription', ['type-synonyms', 'qual-synonyms', 'durations', 'bool-wordings'], { topic: 's', sn: 'e retain=true ttl=259200s' }, T`
In Google Cloud, create a message stream (Pub/Sub topic) whose name opens with {topic} and holds messages for
{topic.ret}. Hook up a pull consumer, i.e. a subscription, whose name finishes with {sn}: ack within {sn.ack}
seconds, retain acked messages, and expire after three days idle. {S2} {GRANT}`);

V('topic_with_subscription', ['bool-wordings', 'negations'], { topic: 'e', sn: 'e retain=false', bkt: 'e' }, T`
Google Cloud Pub/Sub plus a bucket. The topic's name must end with {topic} and retention is {topic.ret}. The
subscription's name must end with {sn}; it subscribes to that topic with ack deadline {sn.ack}, retain acked
messages off, and expiration policy ttl {sn.ttl}. The bucket name ends with {bkt}; {bkt.loc}; {bkt.cls}. Do not
create objects, VMs or networks. {S3} {GRANT}`);

V('topic_with_subscription', ['rule-list', 'durations'], { topic: 's', sn: 'x ack=60 retain=true ttl=86400s' }, T`
Google Cloud. Make pubsub topic name start with {topic}; pubsub topic message retention duration equals {topic.ret}.
Set pubsub subscription name to {sn}; pubsub subscription topic starts with {topic}; ack deadline seconds equals
{sn.ack}; retain acked messages equals true; ttl equals 24 hours. {S1} {GRANT}`);

// --- plain operator prompts (no grant sentence, real-looking names, any real region) ----------------------------
O('network_stack', ['ticket', 'back-refs'], {
  net: 'x name=prod-web-vpc', sub: 'x name=prod-web-subnet-ew2 region=europe-west2 cidr=10.42.0.0/20',
  fw: 'x name=allow-https-ingress proto=tcp port=443 prio=900',
  vm: 'x name=web-frontend-01 zone=europe-west2-b mt=e2-standard-2 script=none' }, T`
Hi, can you terraform this in our GCP project? We need a custom VPC {net} (no auto subnets) with one subnet, {sub},
{sub.cidr} in {sub.region}. On that VPC add an ingress firewall rule {fw} for tcp {fw.port}, priority {fw.prio}.
Then a VM {vm}, {vm.mt}, in {vm.zone} on that subnet. No startup script needed. Send the config plus
terraform.tfstate as a zip when done.`);

O('bucket_with_object', ['terse', 'negations'], {
  bkt: 'x name=acme-invoices-archive loc=EUROPE-WEST2 cls=ARCHIVE',
  obj: 'x name=q1-summary.txt content=quarterly-totals-pending' }, T`
Bucket {bkt}; location {bkt.LOC}; storage class {bkt.CLS}; not public. Object {obj} inside it, content
"{obj.content}", content type text/plain. Nothing else in the project, please.`);

O('artifact_delivery', ['durations'], {
  repo: 'x name=team-images loc=europe-west4 fmt=DOCKER', topic: 'x name=build-events ret=3600s' }, T`
We push our container images to Artifact Registry. Please create a Docker repository called {repo} in {repo.loc},
and a Pub/Sub topic {topic} that keeps messages for one hour so the CI can announce finished builds. Terraform state
file included in the archive, as usual.`);

O('topic_with_subscription', ['durations', 'bool-wordings'], {
  topic: 'x name=orders-events ret=86400s',
  sn: 'x name=orders-worker ack=45 retain=false ttl=604800s' }, T`
Need a Pub/Sub topic {topic} with one day of message retention, and a pull subscription {sn} on it: ack deadline 45
seconds, don't keep acknowledged messages, and let it expire after 7 days without subscribers.`);

O('dns_frontend', ['long', 'qual-synonyms'], {
  dns: 'x name=internal-tools dnsName=tools.example.com.',
  bkt: 's name=static-site loc=US-EAST4 cls=STANDARD',
  obj: 'x name=index.txt content=coming-soon' }, T`
We are moving the internal tools landing page to Google Cloud. Create a Cloud DNS zone named {dns} for the domain
{dns.dns} and a bucket for the static files in {bkt.loc} with standard storage. Our org policy says bucket names must
start with {bkt}, so add whatever suffix you need to make it globally unique. Put a placeholder object {obj} in it
with the text {obj.content}, content type text/plain, so we can check the bucket is reachable. No load balancer or
CDN yet; that comes later once the page itself is ready and the security team has reviewed it. Please
send the Terraform files together with terraform.tfstate in one zip so we can keep them in the infra repo.`);

O('single_vm', ['terse'], {
  vmb: 'x name=batch-runner-01 zone=asia-northeast1-b mt=e2-standard-4 script=none' }, T`
One VM: {vmb}; {vmb.mt}; zone {vmb.zone}; default network; no startup script; no extra disks.`);

O('network_without_instance', ['negations', 'reordered'], {
  net: 'x name=data-vpc', sub: 'x name=data-subnet-euw3 region=europe-west3 cidr=10.20.0.0/20',
  fw: 'x name=allow-internal-ssh proto=tcp port=22 prio=1000' }, T`
Firewall first: {fw} must let ssh (tcp {fw.port}) ingress through at priority {fw.prio} on the {net} network. That network is a
custom-mode VPC, so auto subnet creation off, with the subnet {sub} in {sub.region} using {sub.cidr}. Skip the VM;
the data team will add instances themselves.`);

O('storage_with_pubsub', ['ticket', 'durations'], {
  bkt: 'e name=ingest-raw loc=US-CENTRAL1 cls=NEARLINE', topic: 'x name=ingest-notifications ret=1200s' }, T`
Hey, for the ingestion pipeline on GCP we need a nearline bucket in {bkt.loc}. The bucket name should end with
{bkt} (something unique in front is fine). Also a topic {topic} for upload notifications, keeping messages 20
minutes.`);

O('artifact_delivery', ['shared-value', 'qual-synonyms'], {
  repo: 's name=ml-wheels loc=us-west2 fmt=PYTHON', bkt: 's name=ml-artifacts-cache loc=@repo.loc cls=NEARLINE' }, T`
For the ML platform, everything goes in {repo.loc}: a Python repository in Artifact Registry whose id begins with
{repo}, and a nearline cache bucket whose name begins with {bkt}. Both names can carry a random tail for
uniqueness.`);

// ===============================================================================================================
// Build, check, write
const STYLES = ['long', 'terse', 'ticket', 'reordered', 'values-first', 'shared-value', 'back-refs', 'qual-synonyms',
  'num-words', 'durations', 'bool-wordings', 'negations', 'type-synonyms', 'rule-list', 'script-full', 'script-no-hash',
  'script-literal-n', 'script-described', 'script-template-unstated', 'operator'];
const MIN_PER_STYLE = 5;

function main() {
  const checkOnly = process.argv.includes('--check');
  const perFamily = {};
  const lines = [];
  const failures = [];
  const seenTokens = new Map();
  for (const c of CASES) {
    const abbr = c.operator ? 'op' : c.family.split('_').map((w) => w[0]).join('');
    perFamily[abbr] = (perFamily[abbr] || 0) + 1;
    c.id = `${abbr}${String(perFamily[abbr]).padStart(2, '0')}`;
    try {
      const rng = makeRng(`corpus2/${c.id}/ids`);
      c.task_id = genUuid4(rng);
      c.nonce = rng.str(16, HEX);
      c.res = buildResources(c.id, c.specs, c.operator);
      const token = `${c.task_id.slice(0, 6)}-${c.nonce.slice(0, 6)}`;
      if (c.res.vm) c.res.vm.token = `${token}-net`;
      if (c.res.vmb) c.res.vmb.token = token;
      c.invariants = buildInvariants(c.res, token);
      c.prompt = render(c.id, c.text, c.res);
      for (const s of c.style) if (!STYLES.includes(s)) throw new Error(`unknown style tag ${s}`);
      const errs = checkCase(c);
      for (const r of Object.values(c.res)) {
        if (seenTokens.has(r.name)) errs.push(`name ${r.name} reused from ${seenTokens.get(r.name)}`);
        seenTokens.set(r.name, c.id);
      }
      for (const e of errs) failures.push(`${c.id}: ${e}`);
    } catch (e) {
      failures.push(`${c.id}: ${e.message}`);
      continue;
    }
    lines.push(JSON.stringify({ task_id: c.task_id, nonce: c.nonce, family: c.family, style: c.style, prompt: c.prompt, invariants: c.invariants }));
  }
  // corpus-level checks
  const validator = CASES.filter((c) => !c.operator);
  const operator = CASES.filter((c) => c.operator);
  if (CASES.length < 80) failures.push(`only ${CASES.length} cases (< 80)`);
  if (validator.length < 70) failures.push(`only ${validator.length} validator-style cases (< 70)`);
  if (operator.length > 10) failures.push(`${operator.length} operator cases (> 10)`);
  for (const f of Object.keys(FAMILIES)) {
    const n = validator.filter((c) => c.family === f).length;
    if (n < 4) failures.push(`family ${f} has ${n} validator cases (< 4)`);
  }
  const counts = Object.fromEntries(STYLES.map((s) => [s, CASES.filter((c) => c.style.includes(s)).length]));
  for (const [s, n] of Object.entries(counts)) if (n < MIN_PER_STYLE) failures.push(`style ${s} used ${n} times (< ${MIN_PER_STYLE})`);
  const subCounts = SUBMIT.map((s) => validator.filter((c) => c.prompt && c.prompt.includes(s)).length);

  if (failures.length) {
    console.error(`corpus2: ${failures.length} problem(s):`);
    for (const f of failures) console.error(`  ${f}`);
    process.exit(1);
  }
  if (!checkOnly) fs.writeFileSync(OUT, lines.join('\n') + '\n');
  const fams = Object.fromEntries(Object.keys(FAMILIES).map((f) => [f, validator.filter((c) => c.family === f).length]));
  console.log(`corpus2: ${CASES.length} cases (${validator.length} validator-style, ${operator.length} operator)${checkOnly ? ' checked' : ` -> ${path.relative(process.cwd(), OUT)}`}`);
  console.log(`families: ${JSON.stringify(fams)}`);
  console.log(`submission sentences S1/S2/S3: ${subCounts.join('/')}`);
  console.log(`styles: ${JSON.stringify(counts)}`);
  const wc = validator.map((c) => c.prompt.split(/\s+/).length);
  console.log(`validator prompt words: min ${Math.min(...wc)}, max ${Math.max(...wc)}`);
}

main();
