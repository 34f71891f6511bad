// corpus9 generator: 48 blind held-out prompts (4 per live family). Plain Node, no deps, deterministic.
// Usage: node make.mjs            -> writes holdout.jsonl next to this file and self-checks (exit 1 on failure)
//        node make.mjs --check    -> only self-checks the existing holdout.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const DIR = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(DIR, 'holdout.jsonl');

// ---------- seeded PRNG (mulberry32) ----------
let seed = 0x9c0a5e11 >>> 0;
function rnd() { seed = (seed + 0x6D2B79F5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[ri(0, 15)]).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[ri(0, 3)]}${hex(3)}-${hex(12)}`;
const AL = 'abcdefghijklmnopqrstuvwxyz', AN = AL + '0123456789';
function gname(lo, hi, noGoog) {
  for (;;) { const n = ri(lo, hi); let s = AL[ri(0, 25)]; for (let i = 1; i < n; i++) s += AN[ri(0, 35)]; if (!(noGoog && s.startsWith('goog'))) return s; }
}

// ---------- generator domains (spec §3.3) ----------
const REGION_TO_ZONES = { 'us-central1': ['a', 'b', 'c', 'f'], 'us-east1': ['b', 'c', 'd'], 'europe-west1': ['b', 'c', 'd'] };
const MT = ['e2-micro', 'e2-small', 'e2-medium'];
const BLOC = ['US-CENTRAL1', 'US-EAST1', 'US-WEST1', 'EUROPE-WEST1', 'ASIA-SOUTHEAST1'];
const BSC = ['STANDARD', 'NEARLINE', 'COLDLINE'];
const ARLOC = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'asia-southeast1'];
const ARFMT = ['DOCKER', 'PYTHON'];
const RET = ['600s', '900s', '1200s'], ACK = [10, 20, 30, 60], TTL = ['86400s', '172800s', '259200s'];
const FWP = [{ label: 'ssh', prio: 1000, proto: 'tcp', port: '22' }, { label: 'http', prio: 1001, proto: 'tcp', port: '80' }, { label: 'icmp', prio: 1002, proto: 'icmp', port: null }];
const SCRIPTS = [
  (k) => `#!/bin/bash\nset -euo pipefail\necho '${k}' > /var/tmp/acore-token\n`,
  (k) => `#!/bin/bash\nprintf '${k}' > /var/tmp/acore-token\n`,
  (k) => `#!/bin/bash\n/usr/bin/env echo '${k}' > /var/tmp/acore-token\n`,
];
const CUES = [/pipefail/i, /printf/i, /\/usr\/bin\/env/i];
const FLEX3 = ['exact_match', 'starts_with', 'ends_with'], FLEX2 = ['starts_with', 'ends_with'];
const FAMILIES = {
  network_stack: ['vpc', 'sub', 'fw', 'vm'], network_without_instance: ['vpc', 'sub', 'fw'], storage_delivery: ['b'],
  artifact_delivery: ['ar'], bucket_with_object: ['b', 'o'], network_plus_storage: ['vpc', 'sub', 'fw', 'vm', 'b'],
  network_plus_artifacts: ['vpc', 'sub', 'fw', 'vm', 'ar'], network_plus_pubsub: ['vpc', 'sub', 'fw', 'vm', 'tp'],
  storage_with_pubsub: ['b', 'tp'], dns_frontend: ['z', 'b'], dns_network_bridge: ['z', 'vpc', 'sub', 'vm'],
  topic_with_subscription: ['tp', 'su'],
};
const OPTIONAL = {
  network_stack: [[0, 0], []], network_without_instance: [[0, 1], ['vmb']], storage_delivery: [[1, 2], ['ar', 'tp']],
  artifact_delivery: [[1, 3], ['b', 'tp', 'o']], bucket_with_object: [[0, 1], ['tp']], network_plus_storage: [[1, 2], ['o', 'ar']],
  network_plus_artifacts: [[1, 1], ['b', 'o']], network_plus_pubsub: [[0, 2], ['b', 'o']], storage_with_pubsub: [[1, 2], ['ar', 'o']],
  dns_frontend: [[1, 2], ['o', 'tp']], dns_network_bridge: [[1, 2], ['fw', 'b']], topic_with_subscription: [[0, 2], ['b']],
};

function buildTask(family, opts) {
  const task_id = uuid(), nonce = hex(16), tok = `${task_id.slice(0, 6)}-${nonce.slice(0, 6)}`;
  const keys = [...FAMILIES[family], ...opts];
  if (keys.includes('o') && !keys.includes('b')) keys.push('b');
  const r = {};
  const has = (k) => keys.includes(k);
  if (has('vpc')) r.vpc = { tok: gname(6, 18), rule: pick(FLEX3) };
  if (has('sub')) { const region = pick(Object.keys(REGION_TO_ZONES)); r.sub = { tok: gname(6, 18), rule: pick(FLEX3), region, cidr: `10.${ri(10, 200)}.${ri(0, 240)}.0/24` }; }
  if (has('fw')) r.fw = { tok: gname(6, 18), rule: pick(FLEX3), ...pick(FWP) };
  if (has('vm')) { const ti = ri(0, 2); r.vm = { tok: gname(6, 18), rule: pick(FLEX3), zone: `${r.sub.region}-${pick(REGION_TO_ZONES[r.sub.region])}`, mt: pick(MT), ti, key: tok + '-net', script: SCRIPTS[ti](tok + '-net') }; }
  if (has('vmb')) { const ti = ri(0, 2), reg = pick(Object.keys(REGION_TO_ZONES)); r.vmb = { tok: gname(6, 18), rule: pick(FLEX3), zone: `${reg}-${pick(REGION_TO_ZONES[reg])}`, mt: pick(MT), ti, key: tok, script: SCRIPTS[ti](tok) }; }
  if (has('b')) r.b = { tok: gname(10, 20), rule: pick(FLEX2), loc: pick(BLOC), sc: pick(BSC) };
  if (has('o')) r.o = { tok: gname(8, 16) + 'txt', rule: 'exact_match', content: (() => { const n = ri(12, 20); let s = ''; for (let i = 0; i < n; i++) s += AN[ri(0, 35)]; return s; })() };
  if (has('ar')) r.ar = { tok: gname(6, 18), rule: pick(FLEX2), loc: pick(ARLOC), fmt: pick(ARFMT) };
  if (has('tp')) r.tp = { tok: gname(6, 20, true), rule: pick(FLEX3), ret: pick(RET) };
  if (has('su')) r.su = { tok: gname(6, 20, true), rule: pick(FLEX3), ack: pick(ACK), retain: rnd() < 0.5, ttl: pick(TTL) };
  if (has('z')) { const z = gname(6, 14); r.z = { tok: z, rule: pick(FLEX3), dns: `${z}.acore.example.` }; }
  const inv = [];
  const add = (resource_type, field, rule, match) => inv.push({ resource_type, match, comparison_rule: { [field]: rule } });
  if (r.vpc) add('google_compute_network', 'values.name', r.vpc.rule, { 'values.name': r.vpc.tok, 'values.auto_create_subnetworks': false });
  if (r.sub) add('google_compute_subnetwork', 'values.name', r.sub.rule, { 'values.name': r.sub.tok, 'values.network': r.vpc.tok, 'values.region': r.sub.region, 'values.ip_cidr_range': r.sub.cidr });
  if (r.fw) { const m = { 'values.name': r.fw.tok, 'values.network': r.vpc.tok, 'values.direction': 'INGRESS', 'values.priority': r.fw.prio, 'values.disabled': false, 'values.allow.0.protocol': r.fw.proto }; if (r.fw.port) m['values.allow.0.ports.0'] = r.fw.port; add('google_compute_firewall', 'values.name', r.fw.rule, m); }
  if (r.vm) add('google_compute_instance', 'values.name', r.vm.rule, { 'values.name': r.vm.tok, 'values.zone': r.vm.zone, 'values.machine_type': r.vm.mt, 'values.network_interface.0.subnetwork': r.sub.tok, 'values.metadata_startup_script': r.vm.script });
  if (r.vmb) add('google_compute_instance', 'values.name', r.vmb.rule, { 'values.name': r.vmb.tok, 'values.zone': r.vmb.zone, 'values.machine_type': r.vmb.mt, 'values.metadata_startup_script': r.vmb.script });
  if (r.b) add('google_storage_bucket', 'values.name', r.b.rule, { 'values.name': r.b.tok, 'values.location': r.b.loc, 'values.storage_class': r.b.sc });
  if (r.o) add('google_storage_bucket_object', 'values.name', 'exact_match', { 'values.name': r.o.tok, 'values.bucket': r.b.tok, 'values.content_type': 'text/plain', 'values.content': r.o.content });
  if (r.ar) add('google_artifact_registry_repository', 'values.repository_id', r.ar.rule, { 'values.repository_id': r.ar.tok, 'values.location': r.ar.loc, 'values.format': r.ar.fmt });
  if (r.tp) add('google_pubsub_topic', 'values.name', r.tp.rule, { 'values.name': r.tp.tok, 'values.message_retention_duration': r.tp.ret });
  if (r.su) add('google_pubsub_subscription', 'values.name', r.su.rule, { 'values.name': r.su.tok, 'values.topic': r.tp.tok, 'values.ack_deadline_seconds': r.su.ack, 'values.retain_acked_messages': r.su.retain, 'values.expiration_policy.0.ttl': r.su.ttl });
  if (r.z) add('google_dns_managed_zone', 'values.name', r.z.rule, { 'values.name': r.z.tok, 'values.dns_name': r.z.dns });
  propagate(inv);
  return { task_id, nonce, family, tok, r, invariants: inv };
}
const ruleField = (m) => ['values.name', 'values.repository_id', 'values.secret_id', 'values.service_account_id'].find((f) => f in m);
function propagate(inv) {
  const flex = new Map();
  for (const i of inv) { const f = ruleField(i.match); const rl = i.comparison_rule[f]; if (rl === 'starts_with' || rl === 'ends_with') flex.set(i.match[f], rl); }
  for (const i of inv) { const f0 = ruleField(i.match); for (const [f, v] of Object.entries(i.match)) if (f !== f0 && typeof v === 'string' && flex.has(v)) i.comparison_rule[f] = flex.get(v); }
}

// ---------- phrasing helpers (only names/values are interpolated; wording picked by the template) ----------
const G = 'Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment.';
const SUBS = [
  'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.',
  'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.',
  'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.',
];
const PH = {
  starts_with: (t) => [`whose name starts with ${t}`, `with a name beginning with ${t}`, `named with the prefix ${t}`, `(name must begin with ${t})`, `- name must start with ${t} -`, `with its name prefixed by ${t}`],
  ends_with: (t) => [`whose name ends with ${t}`, `with a name ending in ${t}`, `named with the suffix ${t}`, `(name must end with ${t})`, `- name must end in ${t} -`, `with its name suffixed by ${t}`],
  exact_match: (t) => [`named exactly ${t}`, `literally named ${t}`, `called ${t} verbatim`, `(named exactly ${t})`, `- named exactly ${t} -`, `called ${t}`],
};
const q = (s, Q) => (Q ? Q + s + Q : s);
const n = (r, k, Q) => { const a = PH[r.rule](q(r.tok, Q)); return a[k % a.length]; };
const rf = (r, noun, k, Q) => {
  const t = q(r.tok, Q);
  if (r.rule === 'exact_match') return [`${noun} ${t}`, `the ${noun} named ${t}`, `the ${noun} called ${t}`][k % 3];
  if (r.rule === 'starts_with') return [`the ${noun} whose name starts with ${t}`, `the ${noun} with the ${t} prefix`, `the ${noun} beginning with ${t}`][k % 3];
  return [`the ${noun} whose name ends with ${t}`, `the ${noun} with the ${t} suffix`, `the ${noun} ending in ${t}`][k % 3];
};
const cap = (s) => s.toLowerCase().replace(/(^|-)([a-z])/g, (m, a, b) => a + b.toUpperCase());
const lc = (s) => s.toLowerCase();
const bw = (b, k) => (b ? ['true', 'enabled', 'on', 'yes'] : ['false', 'disabled', 'off', 'no'])[k];
const NW = { 10: 'ten', 20: 'twenty' };
const dur = (v, k) => (k ? v.replace('s', ' seconds') : v);
const allow = (fw, k) => (fw.proto === 'icmp' ? ['icmp', 'ICMP traffic', 'protocol=icmp'][k % 3] : [`tcp/${fw.port}`, `tcp port ${fw.port}`, `protocol=tcp, port=${fw.port}`][k % 3]);
// startup script renderings: lit = collapsed newlines, esc = literal backslash-n, bang = "#" dropped, desc = by command, none = template unstated
function sc(vm, mode) {
  const s = vm.script, k = vm.key;
  if (mode === 'lit') return s.trim().replace(/\n/g, ' ');
  if (mode === 'esc') return s.replace(/\n/g, '\\n');
  if (mode === 'bang') return s.trim().replace(/\n/g, ' ').replace(/^#/, '');
  if (mode === 'desc') return [`a bash startup script that runs with set -euo pipefail and echoes '${k}' into /var/tmp/acore-token`, `a bash startup script that uses printf to write '${k}' to /var/tmp/acore-token`, `a bash startup script that runs /usr/bin/env echo '${k}' > /var/tmp/acore-token`][vm.ti];
  return `a startup script that writes ${k} to /var/tmp/acore-token`;
}

// ---------- 48 hand-written templates ----------
// [family, optional keys, style tags, script mode (or null), function(task) -> prompt]
const T = [
// network_stack
['network_stack', [], ['steps-numbered', 'kv-fragments', 'exact-wording'], 'lit', ({ r, s }) =>
  `Quick Google Cloud sandbox, nothing extra. 1) Create a VPC ${n(r.vpc, 0)} with auto_create_subnetworks=${bw(false, 0)}. 2) Add a subnetwork ${n(r.sub, 1)} on ${rf(r.vpc, 'network', 0)}, region=${r.sub.region}, cidr=${r.sub.cidr}. 3) Add a firewall rule ${n(r.fw, 2)} on ${rf(r.vpc, 'VPC', 1)}: direction=ingress, priority=${r.fw.prio}, allow ${allow(r.fw, 2)}, disabled=${bw(false, 0)}. 4) Launch an ${r.vm.mt} VM ${n(r.vm, 0)} in ${r.vm.zone} attached to ${rf(r.sub, 'subnetwork', 0)} with startup script ${s}. ${G} ${SUBS[0]}`],
['network_stack', [], ['passive', 'pronoun-ref', 'mid-qualifier'], 'desc', ({ r, s }) =>
  `On GCP, a custom network ${n(r.vpc, 3)} should be created with automatic subnet creation turned ${bw(false, 2)}. A subnetwork ${n(r.sub, 4)} is to be placed in ${r.sub.region} on that same network, and it should cover ${r.sub.cidr}. An ingress firewall rule ${n(r.fw, 5)} is to be attached to the same network with priority ${r.fw.prio}, allowing ${allow(r.fw, 1)}, and it must not be disabled (${bw(false, 0)}). Finally, a ${r.vm.mt} instance ${n(r.vm, 1)} should be started in zone ${r.vm.zone} on ${rf(r.sub, 'subnet', 1)}; this one gets ${s}. ${SUBS[1]} ${G}`],
['network_stack', [], ['attrs-first', 'mixed-case', 'quoted-names'], 'esc', ({ r, s }) =>
  `${G} In Google Cloud, with auto subnet creation ${bw(false, 1)}, create a VPC ${n(r.vpc, 0, "'")}. In ${r.sub.region.toUpperCase()}, with ${r.sub.cidr}, create a subnetwork ${n(r.sub, 2, '"')} on ${rf(r.vpc, 'network', 2, "'")}. With priority ${r.fw.prio}, INGRESS direction and ${allow(r.fw, 0).toUpperCase()} allowed, create a firewall ${n(r.fw, 0)} - not disabled (${bw(false, 3)}) - on the same network. In zone ${r.vm.zone.toUpperCase()}, as an ${r.vm.mt.toUpperCase()}, create a VM ${n(r.vm, 4)} on ${rf(r.sub, 'subnetwork', 2, '"')}, using the startup script "${s}". ${SUBS[2]}`],
['network_stack', [], ['steps-lettered', 'pronoun-ref', 'exact-wording'], 'bang', ({ r, s }) =>
  `Small Google Cloud network stack, please: (a) a VPC ${n(r.vpc, 2)}, auto subnetworks ${bw(false, 0)}; (b) a subnetwork ${n(r.sub, 0)} in ${r.sub.region} using ${r.sub.cidr}, attached to the VPC from (a); (c) a firewall ${n(r.fw, 1)} on the latter VPC as well, ingress, priority ${r.fw.prio}, allowing ${allow(r.fw, 1)}, disabled ${bw(false, 0)}; (d) an ${r.vm.mt} machine ${n(r.vm, 2)} in ${r.vm.zone} whose NIC points at ${rf(r.sub, 'subnetwork', 1)}, with startup script ${s}. ${G} ${SUBS[0]}`],
// network_without_instance
['network_without_instance', [], ['kv-fragments', 'pronoun-ref'], null, ({ r }) =>
  `For a Google Cloud dev project, set up a VPC ${n(r.vpc, 1)} (auto_create_subnetworks=${bw(false, 0)}). Give it one subnetwork ${n(r.sub, 0)}: region=${r.sub.region}, ip_cidr_range=${r.sub.cidr}, network=${rf(r.vpc, 'VPC', 0)}. Then protect this network with a firewall ${n(r.fw, 3)}: direction=ingress, priority=${r.fw.prio}, ${allow(r.fw, 2)}, disabled=${bw(false, 0)}. ${SUBS[2]} ${G}`],
['network_without_instance', ['vmb'], ['passive', 'mid-qualifier', 'exact-wording'], 'lit', ({ r, s }) =>
  `${G} Within Google Cloud, a VPC network - ${n(r.vpc, 2)} - is to be created with auto subnet creation ${bw(false, 1)}. A subnetwork ${n(r.sub, 5)} should be carved from ${r.sub.cidr} in ${r.sub.region} and bound to ${rf(r.vpc, 'network', 1)}. An ingress firewall rule ${n(r.fw, 0)} at priority ${r.fw.prio} allowing ${allow(r.fw, 1)} is to be added to that network, left ${bw(true, 1)} (disabled ${bw(false, 0)}). Separately, a standalone ${r.vmb.mt} VM ${n(r.vmb, 3)} should run in ${r.vmb.zone} on the default network with startup script ${s}. ${SUBS[1]}`],
['network_without_instance', [], ['attrs-first', 'mixed-case', 'quoted-names'], null, ({ r }) =>
  `GCP networking only. In ${r.sub.region.toUpperCase()}, on a fresh VPC ${n(r.vpc, 0, '"')} with automatic subnetworks ${bw(false, 3)}, add a subnetwork ${n(r.sub, 1, "'")} covering ${r.sub.cidr}. At priority ${r.fw.prio} and INGRESS, allowing ${allow(r.fw, 0).toUpperCase()}, create firewall ${n(r.fw, 4, "'")} on ${rf(r.vpc, 'network', 0, '"')}, not disabled (${bw(false, 0)}). ${SUBS[0]} ${G}`],
['network_without_instance', ['vmb'], ['steps-numbered', 'pronoun-ref', 'kv-fragments'], 'desc', ({ r, s }) =>
  `Google Cloud task in four parts: 1) VPC ${n(r.vpc, 5)}, auto_create_subnetworks=${bw(false, 0)}; 2) subnetwork ${n(r.sub, 3)} in ${r.sub.region} with ${r.sub.cidr}, attached to it; 3) firewall ${n(r.fw, 1)} on the same VPC, priority=${r.fw.prio}, direction=ingress, allow ${allow(r.fw, 0)}, disabled=${bw(false, 0)}; 4) one ${r.vmb.mt} VM ${n(r.vmb, 0)} in ${r.vmb.zone} on the default network, running ${s}. ${G} ${SUBS[2]}`],
// storage_delivery
['storage_delivery', ['ar'], ['attrs-first', 'mixed-case'], null, ({ r }) =>
  `In a Google Cloud project: in ${r.b.loc}, with the ${cap(r.b.sc)} storage class, create a storage bucket ${n(r.b, 0)}. In ${r.ar.loc}, using ${r.ar.fmt} format, create an Artifact Registry repository whose repository id ${r.ar.rule === 'starts_with' ? 'starts' : 'ends'} with ${r.ar.tok}. ${SUBS[1]} ${G}`],
['storage_delivery', ['tp'], ['passive', 'mid-qualifier', 'exact-wording'], null, ({ r }) =>
  `${G} A Cloud Storage bucket ${n(r.b, 3)} is to be placed in ${lc(r.b.loc)} on the ${lc(r.b.sc)} class in our GCP project. A Pub/Sub topic ${n(r.tp, 2)} should also be created, and its message retention is to be ${dur(r.tp.ret, 1)}. ${SUBS[2]}`],
['storage_delivery', ['ar', 'tp'], ['steps-lettered', 'kv-fragments', 'quoted-names'], null, ({ r }) =>
  `Google Cloud storage pieces: (a) bucket ${n(r.b, 1, "'")}, location=${lc(r.b.loc)}, storage_class=${lc(r.b.sc)}; (b) Artifact Registry repo ${n(r.ar, 0, "'")}, location=${r.ar.loc}, format=${lc(r.ar.fmt)}; (c) Pub/Sub topic ${n(r.tp, 3)}, message_retention_duration=${r.tp.ret}. ${SUBS[0]} ${G}`],
['storage_delivery', ['ar', 'tp'], ['pronoun-ref', 'mixed-case', 'exact-wording'], null, ({ r }) =>
  `We need three things on GCP. First a bucket ${n(r.b, 2)}; it lives in ${cap(r.b.loc)} and uses ${cap(r.b.sc)}. Next a ${cap(r.ar.fmt)} repository in Artifact Registry ${n(r.ar, 5)}, and this one goes to ${r.ar.loc.toUpperCase()}. Last, a topic ${n(r.tp, 1)}; the latter keeps messages for ${dur(r.tp.ret, 0)}. ${G} ${SUBS[1]}`],
// artifact_delivery
['artifact_delivery', ['b'], ['passive', 'pronoun-ref'], null, ({ r }) =>
  `On Google Cloud, an Artifact Registry repository ${n(r.ar, 0)} should be created in ${r.ar.loc}; it is to hold ${lc(r.ar.fmt)} packages. A bucket ${n(r.b, 1)} is to be placed in ${lc(r.b.loc)}, and the latter should use the ${lc(r.b.sc)} class. ${SUBS[2]} ${G}`],
['artifact_delivery', ['tp'], ['attrs-first', 'kv-fragments', 'quoted-names'], null, ({ r }) =>
  `${G} In ${r.ar.loc}, with format=${r.ar.fmt}, create a GCP Artifact Registry repo ${n(r.ar, 2, '"')}. With retention=${dur(r.tp.ret, 0)}, create a Pub/Sub topic ${n(r.tp, 4, '"')}. ${SUBS[0]}`],
['artifact_delivery', ['o'], ['steps-numbered', 'exact-wording', 'mixed-case'], null, ({ r }) =>
  `Google Cloud artifacts setup: 1) an Artifact Registry repository ${n(r.ar, 4)} in ${r.ar.loc.toUpperCase()} for ${cap(r.ar.fmt)} artifacts; 2) a storage bucket ${n(r.b, 0)} in ${r.b.loc} with ${r.b.sc} storage; 3) inside ${rf(r.b, 'bucket', 2)}, an object literally named ${r.o.tok} whose content is ${r.o.content} (text/plain). ${SUBS[1]} ${G}`],
['artifact_delivery', ['b', 'tp', 'o'], ['mid-qualifier', 'pronoun-ref', 'exact-wording'], null, ({ r }) =>
  `For our GCP release flow, add an Artifact Registry repository ${n(r.ar, 4)} in ${r.ar.loc} for ${lc(r.ar.fmt)}. Add a bucket (${PH[r.b.rule](r.b.tok)[3].slice(1, -1)}) in ${lc(r.b.loc)} using ${lc(r.b.sc)}, and drop into it a single object named exactly ${r.o.tok} holding '${r.o.content}'. A Pub/Sub topic ${n(r.tp, 0)} should retain messages ${dur(r.tp.ret, 1)}. ${G} ${SUBS[2]}`],
// bucket_with_object
['bucket_with_object', [], ['attrs-first', 'exact-wording', 'quoted-names'], null, ({ r }) =>
  `In ${lc(r.b.loc)}, on ${lc(r.b.sc)} storage, create a Google Cloud bucket ${n(r.b, 0)}. Within ${rf(r.b, 'bucket', 0)}, upload an object named verbatim "${r.o.tok}" with content "${r.o.content}" and content type text/plain. ${SUBS[0]} ${G}`],
['bucket_with_object', ['tp'], ['steps-lettered', 'kv-fragments', 'mixed-case'], null, ({ r }) =>
  `${G} GCP request: (a) bucket ${n(r.b, 1)}, location=${r.b.loc}, class=${cap(r.b.sc)}; (b) object name=${r.o.tok} (exact), content=${r.o.content}, content_type=text/plain, stored in ${rf(r.b, 'bucket', 1)}; (c) Pub/Sub topic ${n(r.tp, 5)}, retention=${r.tp.ret}. ${SUBS[1]}`],
['bucket_with_object', [], ['passive', 'pronoun-ref', 'exact-wording'], null, ({ r }) =>
  `In Google Cloud, a storage bucket ${n(r.b, 2)} is to be created in ${r.b.loc} using the ${r.b.sc} class. A text file is to be written into it: the object must be literally named ${r.o.tok} and it should contain ${r.o.content}. ${SUBS[2]} ${G}`],
['bucket_with_object', ['tp'], ['mid-qualifier', 'quoted-names', 'pronoun-ref'], null, ({ r }) =>
  `A tiny GCP drop zone: one bucket ${n(r.b, 4)} in ${cap(r.b.loc)} with ${cap(r.b.sc)} storage, plus an object called '${r.o.tok}' (exactly that) containing '${r.o.content}' inside this bucket. Also a topic ${n(r.tp, 0, "'")} with ${dur(r.tp.ret, 1)} of message retention. ${G} ${SUBS[0]}`],
// network_plus_storage
['network_plus_storage', ['o'], ['steps-numbered', 'kv-fragments'], 'lit', ({ r, s }) =>
  `Google Cloud build-out: 1) VPC ${n(r.vpc, 0)}, auto_create_subnetworks=${bw(false, 0)}; 2) subnet ${n(r.sub, 1)} on ${rf(r.vpc, 'VPC', 0)}, region=${r.sub.region}, cidr=${r.sub.cidr}; 3) firewall ${n(r.fw, 2)} on the same VPC, ingress, priority=${r.fw.prio}, ${allow(r.fw, 2)}, disabled=${bw(false, 0)}; 4) ${r.vm.mt} VM ${n(r.vm, 0)}, zone=${r.vm.zone}, subnetwork=${rf(r.sub, 'subnet', 0)}, startup script: ${s}; 5) bucket ${n(r.b, 0)}, ${lc(r.b.loc)}, ${lc(r.b.sc)}; 6) object ${r.o.tok} (exact name) in that bucket with content ${r.o.content}. ${SUBS[2]} ${G}`],
['network_plus_storage', ['ar'], ['passive', 'pronoun-ref', 'mixed-case'], 'esc', ({ r, s }) =>
  `${G} In GCP, a VPC ${n(r.vpc, 1)} is to be created with auto subnets ${bw(false, 2)}; a subnetwork ${n(r.sub, 0)} should be placed in ${r.sub.region.toUpperCase()} on it with range ${r.sub.cidr}. A firewall ${n(r.fw, 0)} is to allow ${allow(r.fw, 1)} ingress on the same network at priority ${r.fw.prio}, disabled ${bw(false, 0)}. A VM ${n(r.vm, 1)} (${r.vm.mt}, ${r.vm.zone}) should sit on ${rf(r.sub, 'subnetwork', 2)} with startup script ${s}. A bucket ${n(r.b, 1)} is to live in ${cap(r.b.loc)} as ${cap(r.b.sc)}, and a ${r.ar.fmt} repository ${n(r.ar, 0)} in ${r.ar.loc}. ${SUBS[0]}`],
['network_plus_storage', ['o', 'ar'], ['attrs-first', 'exact-wording', 'quoted-names'], 'desc', ({ r, s }) =>
  `In Google Cloud: with auto subnets ${bw(false, 0)}, create VPC ${n(r.vpc, 3, "'")}. In ${r.sub.region}, with ${r.sub.cidr}, create subnet ${n(r.sub, 2)} on ${rf(r.vpc, 'network', 1, "'")}. At priority ${r.fw.prio}, ingress, allowing ${allow(r.fw, 0)}, add firewall ${n(r.fw, 1)} on the same network (disabled ${bw(false, 0)}). In ${r.vm.zone}, as ${r.vm.mt}, run VM ${n(r.vm, 3)} on ${rf(r.sub, 'subnet', 1)} with ${s}. In ${lc(r.b.loc)}, as ${lc(r.b.sc)}, create bucket ${n(r.b, 2)} and put object "${r.o.tok}" (named exactly so) with content ${r.o.content} in it. In ${r.ar.loc}, for ${lc(r.ar.fmt)}, create repository ${n(r.ar, 1)}. ${SUBS[1]} ${G}`],
['network_plus_storage', ['ar'], ['mid-qualifier', 'kv-fragments', 'pronoun-ref'], 'none', ({ r, s }) =>
  `GCP stack: a VPC ${n(r.vpc, 4)} with auto_create_subnetworks=${bw(false, 0)}, and on it a subnetwork ${n(r.sub, 3)} (region=${r.sub.region}, range=${r.sub.cidr}). The firewall ${n(r.fw, 3)} guards the same VPC: ingress, priority=${r.fw.prio}, ${allow(r.fw, 0)}, disabled=${bw(false, 0)}. The VM ${n(r.vm, 5)} is ${r.vm.mt} in ${r.vm.zone} on the subnetwork above and uses ${s}. Also a bucket ${n(r.b, 4)} in ${lc(r.b.loc)} with ${lc(r.b.sc)}, and a repo ${n(r.ar, 3)} in ${r.ar.loc}, format=${lc(r.ar.fmt)}. ${G} ${SUBS[2]}`],
// network_plus_artifacts
['network_plus_artifacts', ['b'], ['steps-lettered', 'mixed-case'], 'lit', ({ r, s }) =>
  `${G} On Google Cloud: (a) VPC ${n(r.vpc, 0)}, auto subnetworks ${bw(false, 3)}; (b) subnetwork ${n(r.sub, 0)} in ${r.sub.region.toUpperCase()}, ${r.sub.cidr}, on ${rf(r.vpc, 'VPC', 0)}; (c) firewall ${n(r.fw, 0)} on it, INGRESS, priority ${r.fw.prio}, allow ${allow(r.fw, 0)}, disabled ${bw(false, 0)}; (d) VM ${n(r.vm, 0)}, ${r.vm.mt.toUpperCase()}, ${r.vm.zone}, on ${rf(r.sub, 'subnetwork', 0)}, startup script ${s}; (e) ${r.ar.fmt} repository ${n(r.ar, 1)} in ${r.ar.loc}; (f) bucket ${n(r.b, 0)} in ${cap(r.b.loc)}, ${cap(r.b.sc)}. ${SUBS[1]}`],
['network_plus_artifacts', ['o'], ['passive', 'exact-wording', 'pronoun-ref'], 'bang', ({ r, s }) =>
  `In our GCP project a VPC ${n(r.vpc, 2)} should be created with auto subnet creation ${bw(false, 2)}. A subnetwork ${n(r.sub, 1)} is to be added to it in ${r.sub.region} with ${r.sub.cidr}. A firewall ${n(r.fw, 2)} should be attached to the same network: ingress, priority ${r.fw.prio}, ${allow(r.fw, 1)}, disabled ${bw(false, 0)}. An ${r.vm.mt} VM ${n(r.vm, 2)} is to run in ${r.vm.zone} on ${rf(r.sub, 'subnetwork', 1)} with startup script ${s}. A repository ${n(r.ar, 2)} is to be created in ${r.ar.loc} for ${lc(r.ar.fmt)}, and a bucket ${n(r.b, 1)} in ${lc(r.b.loc)} (${lc(r.b.sc)}) gets an object literally named ${r.o.tok} containing ${r.o.content}. ${SUBS[0]} ${G}`],
['network_plus_artifacts', ['b'], ['attrs-first', 'quoted-names', 'kv-fragments'], 'desc', ({ r, s }) =>
  `Google Cloud request. With auto_create_subnetworks=${bw(false, 0)}, create VPC ${n(r.vpc, 1, '"')}. In ${r.sub.region}, with ip_cidr_range=${r.sub.cidr}, create subnetwork ${n(r.sub, 4, '"')} on ${rf(r.vpc, 'network', 2, '"')}. With priority=${r.fw.prio}, direction=ingress, ${allow(r.fw, 2)}, disabled=${bw(false, 0)}, create firewall ${n(r.fw, 5)} on the same network. In ${r.vm.zone}, machine_type=${r.vm.mt}, create VM ${n(r.vm, 1)} on ${rf(r.sub, 'subnetwork', 2, '"')} with ${s}. In ${r.ar.loc}, format=${lc(r.ar.fmt)}, create repository ${n(r.ar, 4)}. In ${lc(r.b.loc)}, class=${lc(r.b.sc)}, create bucket ${n(r.b, 5)}. ${G} ${SUBS[2]}`],
['network_plus_artifacts', ['o'], ['mid-qualifier', 'mixed-case', 'pronoun-ref'], 'esc', ({ r, s }) =>
  `${G} GCP work: a network ${n(r.vpc, 4)} with auto subnetworks ${bw(false, 1)}; a subnet ${n(r.sub, 3)} in ${r.sub.region}, ${r.sub.cidr}, inside this network; a firewall (${PH[r.fw.rule](r.fw.tok)[3].slice(1, -1)}) on the same network, INGRESS, priority ${r.fw.prio}, ${allow(r.fw, 1)}, disabled ${bw(false, 0)}; a VM ${n(r.vm, 3)} of type ${r.vm.mt} in ${r.vm.zone.toUpperCase()} on the latter subnet, startup script ${s}; a ${cap(r.ar.fmt)} repo ${n(r.ar, 3)} in ${r.ar.loc}; a bucket ${n(r.b, 3)} in ${r.b.loc}, ${r.b.sc}, holding the object ${r.o.tok} (exact) with content ${r.o.content}. ${SUBS[1]}`],
// network_plus_pubsub
['network_plus_pubsub', [], ['steps-numbered', 'pronoun-ref', 'exact-wording'], 'lit', ({ r, s }) =>
  `Google Cloud setup, in order: 1) a VPC ${n(r.vpc, 3)} with auto subnets ${bw(false, 2)}; 2) a subnetwork ${n(r.sub, 2)} in ${r.sub.region} using ${r.sub.cidr} on that VPC; 3) a firewall ${n(r.fw, 0)} on the same VPC allowing ${allow(r.fw, 0)} ingress at priority ${r.fw.prio}, disabled ${bw(false, 0)}; 4) a ${r.vm.mt} VM ${n(r.vm, 2)} in ${r.vm.zone} on ${rf(r.sub, 'subnetwork', 0)}, startup script ${s}; 5) a Pub/Sub topic ${n(r.tp, 2)} retaining messages for ${dur(r.tp.ret, 1)}. ${SUBS[0]} ${G}`],
['network_plus_pubsub', ['b'], ['passive', 'kv-fragments', 'mixed-case'], 'esc', ({ r, s }) =>
  `${G} For GCP, a VPC ${n(r.vpc, 0)} is to be created (auto_create_subnetworks=${bw(false, 0)}) and a subnetwork ${n(r.sub, 1)} should be added in ${r.sub.region} with ip_cidr_range=${r.sub.cidr}, network=${rf(r.vpc, 'VPC', 1)}. A firewall ${n(r.fw, 1)} is to be attached there: direction=INGRESS, priority=${r.fw.prio}, ${allow(r.fw, 2)}, disabled=${bw(false, 0)}. A VM ${n(r.vm, 0)} should be launched as ${r.vm.mt} in ${r.vm.zone} on ${rf(r.sub, 'subnetwork', 1)} with startup script ${s}. A topic ${n(r.tp, 0)} (retention=${r.tp.ret}) and a bucket ${n(r.b, 0)} in ${r.b.loc} with ${cap(r.b.sc)} class are also to be created. ${SUBS[2]}`],
['network_plus_pubsub', ['b', 'o'], ['attrs-first', 'quoted-names', 'exact-wording'], 'desc', ({ r, s }) =>
  `On Google Cloud: with auto subnets ${bw(false, 1)}, create VPC ${n(r.vpc, 5)}. In ${r.sub.region} with ${r.sub.cidr}, create subnetwork ${n(r.sub, 0, "'")} on ${rf(r.vpc, 'VPC', 0)}. Ingress at priority ${r.fw.prio} allowing ${allow(r.fw, 1)}, create firewall ${n(r.fw, 2)} on the same VPC, disabled ${bw(false, 0)}. In ${r.vm.zone} as ${r.vm.mt}, create VM ${n(r.vm, 4)} on ${rf(r.sub, 'subnetwork', 0, "'")}, with ${s}. With ${dur(r.tp.ret, 1)} retention, create topic ${n(r.tp, 1)}. In ${lc(r.b.loc)}, ${lc(r.b.sc)}, create bucket ${n(r.b, 1)}, and in it an object named exactly '${r.o.tok}' with content '${r.o.content}'. ${G} ${SUBS[1]}`],
['network_plus_pubsub', ['b'], ['mid-qualifier', 'steps-lettered', 'pronoun-ref'], 'none', ({ r, s }) =>
  `${G} Google Cloud ask: (a) a VPC ${n(r.vpc, 4)} auto subnetworks ${bw(false, 0)}; (b) a subnetwork ${n(r.sub, 5)} in ${r.sub.region}, ${r.sub.cidr}, on it; (c) a firewall ${n(r.fw, 4)} on the same VPC, ingress, priority ${r.fw.prio}, ${allow(r.fw, 0)}, disabled ${bw(false, 0)}; (d) an ${r.vm.mt} VM ${n(r.vm, 4)} in ${r.vm.zone} on the subnetwork from (b), with ${s}; (e) a topic ${n(r.tp, 3)} with ${dur(r.tp.ret, 0)} retention; (f) a bucket ${n(r.b, 2)} in ${lc(r.b.loc)}, ${lc(r.b.sc)}. ${SUBS[0]}`],
// storage_with_pubsub
['storage_with_pubsub', ['ar'], ['steps-numbered', 'mixed-case', 'quoted-names'], null, ({ r }) =>
  `GCP task: 1) bucket ${n(r.b, 0, '"')} in ${cap(r.b.loc)} with ${cap(r.b.sc)} storage; 2) Pub/Sub topic ${n(r.tp, 0, '"')} with ${dur(r.tp.ret, 1)} retention; 3) ${r.ar.fmt} Artifact Registry repo ${n(r.ar, 1)} in ${r.ar.loc.toUpperCase()}. ${SUBS[2]} ${G}`],
['storage_with_pubsub', ['o'], ['passive', 'exact-wording', 'pronoun-ref'], null, ({ r }) =>
  `${G} In Google Cloud, a bucket ${n(r.b, 1)} is to be created in ${lc(r.b.loc)} with ${lc(r.b.sc)} storage, and an object whose name is exactly ${r.o.tok} should be placed in it with content ${r.o.content} (text/plain). A topic ${n(r.tp, 4)} is also to be created; it should retain messages ${dur(r.tp.ret, 0)}. ${SUBS[0]}`],
['storage_with_pubsub', ['ar', 'o'], ['attrs-first', 'kv-fragments', 'mid-qualifier'], null, ({ r }) =>
  `Google Cloud request. In ${lc(r.b.loc)}, storage_class=${lc(r.b.sc)}, create a bucket ${n(r.b, 4)} and put an object name=${r.o.tok} (exact), content=${r.o.content} in ${rf(r.b, 'bucket', 0)}. With message_retention_duration=${r.tp.ret}, create topic ${n(r.tp, 1)}. In ${r.ar.loc}, format=${lc(r.ar.fmt)}, create repository ${n(r.ar, 2)}. ${SUBS[1]} ${G}`],
['storage_with_pubsub', ['o'], ['steps-lettered', 'mixed-case', 'quoted-names'], null, ({ r }) =>
  `On GCP: (a) a ${r.b.sc} bucket ${n(r.b, 3, "'")} located in ${r.b.loc}; (b) inside the same bucket, an object literally named '${r.o.tok}' holding "${r.o.content}"; (c) a Pub/Sub topic ${n(r.tp, 5)} whose retention is ${dur(r.tp.ret, 1)}. ${G} ${SUBS[2]}`],
// dns_frontend
['dns_frontend', ['o'], ['attrs-first', 'exact-wording'], null, ({ r }) =>
  `In Google Cloud, with DNS name ${r.z.dns}, create a managed zone ${n(r.z, 0)}. In ${lc(r.b.loc)}, with ${lc(r.b.sc)} storage, create a bucket ${n(r.b, 1)}, and upload an object named verbatim ${r.o.tok} containing ${r.o.content} to ${rf(r.b, 'bucket', 1)}. ${SUBS[0]} ${G}`],
['dns_frontend', ['tp'], ['passive', 'mixed-case', 'pronoun-ref'], null, ({ r }) =>
  `${G} A Cloud DNS managed zone ${n(r.z, 1)} is to be created on GCP; its dns name should be ${r.z.dns.slice(0, -1)}. A bucket ${n(r.b, 0)} should be placed in ${r.b.loc} with the ${cap(r.b.sc)} class, and a topic ${n(r.tp, 2)} is to be set up with ${dur(r.tp.ret, 1)} retention. ${SUBS[1]}`],
['dns_frontend', ['o', 'tp'], ['steps-numbered', 'kv-fragments', 'quoted-names'], null, ({ r }) =>
  `Google Cloud frontend bits: 1) DNS zone ${n(r.z, 3, '"')}, dns_name=${r.z.dns}; 2) bucket ${n(r.b, 2)}, location=${r.b.loc}, storage_class=${r.b.sc}; 3) object name="${r.o.tok}" (exact), content="${r.o.content}", content_type=text/plain, in ${rf(r.b, 'bucket', 2)}; 4) topic ${n(r.tp, 0)}, retention=${r.tp.ret}. ${SUBS[2]} ${G}`],
['dns_frontend', ['tp'], ['mid-qualifier', 'pronoun-ref', 'exact-wording'], null, ({ r }) =>
  `For a small GCP frontend, set up a managed DNS zone - ${n(r.z, 2)} - serving ${r.z.dns}; next to it a bucket ${n(r.b, 4)} in ${lc(r.b.loc)} with ${lc(r.b.sc)} storage; and a topic ${n(r.tp, 3)} that keeps messages ${dur(r.tp.ret, 0)}. ${G} ${SUBS[0]}`],
// dns_network_bridge
['dns_network_bridge', ['fw'], ['steps-lettered', 'exact-wording', 'kv-fragments'], 'lit', ({ r, s }) =>
  `${G} Google Cloud bridge: (a) DNS zone ${n(r.z, 0)} with dns_name=${r.z.dns}; (b) VPC ${n(r.vpc, 1)}, auto_create_subnetworks=${bw(false, 0)}; (c) subnetwork ${n(r.sub, 1)} on ${rf(r.vpc, 'VPC', 0)}, region=${r.sub.region}, range=${r.sub.cidr}; (d) firewall ${n(r.fw, 3)} on the same VPC, direction=ingress, priority=${r.fw.prio}, ${allow(r.fw, 2)}, disabled=${bw(false, 0)}; (e) ${r.vm.mt} VM ${n(r.vm, 1)} in ${r.vm.zone} on ${rf(r.sub, 'subnetwork', 0)} with startup script ${s}. ${SUBS[1]}`],
['dns_network_bridge', ['b'], ['passive', 'mid-qualifier', 'mixed-case'], 'desc', ({ r, s }) =>
  `On GCP, a managed zone ${n(r.z, 4)} is to be created for ${r.z.dns.slice(0, -1)}. A VPC ${n(r.vpc, 0)} should be created with auto subnets ${bw(false, 1)}, and a subnetwork ${n(r.sub, 0)} in ${r.sub.region.toUpperCase()} with ${r.sub.cidr} is to be attached to it. A VM ${n(r.vm, 0)} of type ${r.vm.mt} should run in ${r.vm.zone} on ${rf(r.sub, 'subnetwork', 1)} with ${s}. A bucket ${n(r.b, 1)} is to be placed in ${cap(r.b.loc)}, class ${cap(r.b.sc)}. ${SUBS[2]} ${G}`],
['dns_network_bridge', ['fw', 'b'], ['attrs-first', 'pronoun-ref', 'quoted-names'], 'esc', ({ r, s }) =>
  `Google Cloud: for ${r.z.dns}, create a DNS zone ${n(r.z, 5, "'")}. With auto subnets ${bw(false, 3)}, create VPC ${n(r.vpc, 2)}. In ${r.sub.region}, with ${r.sub.cidr}, create subnetwork ${n(r.sub, 2)} on this VPC. At priority ${r.fw.prio}, ingress, allowing ${allow(r.fw, 0)}, add firewall ${n(r.fw, 0, "'")} to the same VPC, disabled ${bw(false, 0)}. In ${r.vm.zone}, as ${r.vm.mt}, create VM ${n(r.vm, 2)} on ${rf(r.sub, 'subnetwork', 2)}, startup script "${s}". In ${lc(r.b.loc)}, ${lc(r.b.sc)}, create bucket ${n(r.b, 0)}. ${G} ${SUBS[0]}`],
['dns_network_bridge', ['fw'], ['steps-numbered', 'pronoun-ref', 'exact-wording'], 'none', ({ r, s }) =>
  `${G} GCP, five steps: 1) managed zone ${n(r.z, 3)} for ${r.z.dns.slice(0, -1)}; 2) VPC ${n(r.vpc, 3)} with automatic subnetworks ${bw(false, 0)}; 3) subnetwork ${n(r.sub, 3)} in ${r.sub.region}, ${r.sub.cidr}, on the same VPC; 4) firewall ${n(r.fw, 2)} for it, ingress, priority ${r.fw.prio}, ${allow(r.fw, 1)}, disabled ${bw(false, 0)}; 5) ${r.vm.mt} VM ${n(r.vm, 5)} in ${r.vm.zone} on ${rf(r.sub, 'subnetwork', 0)} with ${s}. ${SUBS[2]}`],
// topic_with_subscription
['topic_with_subscription', [], ['passive', 'pronoun-ref', 'exact-wording'], null, ({ r }) =>
  `In Google Cloud, a Pub/Sub topic ${n(r.tp, 0)} is to be created with ${dur(r.tp.ret, 1)} retention. A subscription ${n(r.su, 1)} should be attached to it, with an ack deadline of ${NW[r.su.ack] || r.su.ack} seconds, retain acked messages ${bw(r.su.retain, 0)}, and an expiration TTL of ${dur(r.su.ttl, 0)}. ${SUBS[0]} ${G}`],
['topic_with_subscription', ['b'], ['kv-fragments', 'quoted-names', 'mixed-case'], null, ({ r }) =>
  `${G} GCP messaging: topic ${n(r.tp, 2, "'")} with message_retention_duration=${r.tp.ret}; subscription ${n(r.su, 0, "'")} on ${rf(r.tp, 'topic', 0, "'")} with ack_deadline_seconds=${r.su.ack}, retain_acked_messages=${bw(r.su.retain, 0)}, ttl=${r.su.ttl}; bucket ${n(r.b, 1)} in ${r.b.loc}, storage_class=${cap(r.b.sc)}. ${SUBS[1]}`],
['topic_with_subscription', [], ['attrs-first', 'mid-qualifier'], null, ({ r }) =>
  `On Google Cloud, with ${dur(r.tp.ret, 0)} retention, create a topic ${n(r.tp, 4)}. With a ${r.su.ack} second ack deadline, acked-message retention ${bw(r.su.retain, 1)} and a ${dur(r.su.ttl, 1)} expiration TTL, create a subscription ${n(r.su, 3)} on ${rf(r.tp, 'topic', 1)}. ${SUBS[2]} ${G}`],
['topic_with_subscription', ['b'], ['steps-lettered', 'pronoun-ref', 'exact-wording'], null, ({ r }) =>
  `Google Cloud Pub/Sub work: (a) topic ${n(r.tp, 1)} retaining messages ${dur(r.tp.ret, 1)}; (b) a subscription ${n(r.su, 2)} on the topic from (a), ack deadline ${r.su.ack}, retain acked messages ${bw(r.su.retain, 3)}, expiration ttl ${r.su.ttl}; (c) a bucket ${n(r.b, 0)} in ${lc(r.b.loc)} using ${lc(r.b.sc)}. ${G} ${SUBS[0]}`],
];

// ---------- self-check ----------
const Q_START = /\b(start|starts|starting|begin|begins|beginning|prefix|prefixed)\b/i;
const Q_END = /\b(end|ends|ending|suffix|suffixed)\b/i;
const NUMW = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
function check(tasks) {
  const errs = [];
  const E = (t, m) => errs.push(`${t.task_id} [${t.family}]: ${m}`);
  const fams = {};
  let unstated = 0;
  for (const t of tasks) {
    fams[t.family] = (fams[t.family] || 0) + 1;
    const p = t.prompt, P = p.toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(t.task_id)) E(t, 'bad task_id');
    if (!/^[0-9a-f]{16}$/.test(t.nonce)) E(t, 'bad nonce');
    if (!Array.isArray(t.style) || !t.style.length) E(t, 'no style tags');
    if (!p.includes(G)) E(t, 'grant sentence missing');
    if (SUBS.filter((s) => p.includes(s)).length !== 1) E(t, 'need exactly one submission sentence');
    if (!/(\bgcp\b|google cloud)/i.test(p)) E(t, 'no provider mention');
    if (/[^\x20-\x7e]/.test(p)) E(t, 'non-ASCII or control char / newline');
    if (p.split(/\s+/).filter(Boolean).length >= 220) E(t, 'too many words');
    if (/[*`#]{2}|^\s*[-#]/.test(p)) E(t, 'markdown');
    const inv = t.invariants;
    // mandatory resources of the family
    const types = inv.map((i) => i.resource_type);
    const need = { vpc: 'google_compute_network', sub: 'google_compute_subnetwork', fw: 'google_compute_firewall', vm: 'google_compute_instance', b: 'google_storage_bucket', o: 'google_storage_bucket_object', ar: 'google_artifact_registry_repository', tp: 'google_pubsub_topic', su: 'google_pubsub_subscription', z: 'google_dns_managed_zone' };
    for (const k of FAMILIES[t.family] || ['?']) if (!types.includes(need[k])) E(t, `family lacks ${k}`);
    // rules: flexible tokens and propagation consistency
    const flex = new Map(), exact = new Set();
    for (const i of inv) {
      const f = ruleField(i.match), rl = i.comparison_rule[f];
      if (!['exact_match', 'starts_with', 'ends_with'].includes(rl)) E(t, `no rule on ${i.resource_type}`);
      if (['google_storage_bucket', 'google_artifact_registry_repository'].includes(i.resource_type) && rl === 'exact_match') E(t, 'bucket/AR must not be exact');
      if (i.resource_type === 'google_storage_bucket_object' && rl !== 'exact_match') E(t, 'object must be exact');
      if (rl === 'exact_match') exact.add(i.match[f]); else flex.set(i.match[f], rl);
    }
    for (const i of inv) {
      const f0 = ruleField(i.match);
      for (const [f, v] of Object.entries(i.match)) {
        if (f === f0) continue;
        const want = typeof v === 'string' && flex.has(v) ? flex.get(v) : undefined;
        if (i.comparison_rule[f] !== want) E(t, `propagation mismatch ${i.resource_type}.${f}`);
      }
      for (const f of Object.keys(i.comparison_rule)) if (!(f in i.match)) E(t, `rule on missing field ${f}`);
    }
    // every invariant value present
    for (const i of inv) for (const [f, v] of Object.entries(i.match)) {
      if (typeof v === 'boolean') { const ws = v ? ['true', 'yes', 'enabled', 'on'] : ['false', 'no', 'disabled', 'off']; if (!ws.some((w) => new RegExp(`\\b${w}\\b`).test(P))) E(t, `bool ${f} missing`); }
      else if (typeof v === 'number') { if (!new RegExp(`\\b${v}\\b`).test(P) && !(v <= 20 && new RegExp(`\\b${NUMW[v]}\\b`).test(P))) E(t, `int ${f}=${v} missing`); }
      else if (f === 'values.metadata_startup_script') {
        const key = v.match(/'([0-9a-f]{6}-[0-9a-f]{6}(?:-net)?)'/)[1];
        const expect = `${t.task_id.slice(0, 6)}-${t.nonce.slice(0, 6)}${i.match['values.network_interface.0.subnetwork'] !== undefined ? '-net' : ''}`;
        if (key !== expect) E(t, `startup token ${key} != ${expect}`);
        if (!new RegExp(`\\b${esc(key)}\\b(?!-net)`).test(P)) E(t, 'startup token missing');
        const ti = SCRIPTS.findIndex((fn) => fn(key) === v);
        if (ti < 0) E(t, 'script not one of the three templates');
        if (t.style.includes('script-template-unstated')) { unstated++; if (CUES.some((c) => c.test(p))) E(t, 'unstated task has a cue'); }
        else if (!CUES[ti].test(p) || CUES.some((c, j) => j !== ti && c.test(p))) E(t, 'template cue missing/ambiguous');
      } else if (f === 'values.dns_name') { if (!P.includes(v.slice(0, -1))) E(t, 'dns_name missing'); }
      else if (f === 'values.content_type') { /* text/plain may be omitted */ }
      else if (/^\d+s$/.test(v)) { if (!P.includes(v) && !P.includes(v.replace('s', ' seconds'))) E(t, `duration ${v} missing`); }
      else if (!P.includes(v.toLowerCase())) E(t, `value ${f}=${v} missing`);
    }
    // naming wording beside each occurrence of a name token
    const names = [...flex.keys(), ...exact];
    const delim = [];
    for (const i of inv) for (const v of Object.values(i.match)) if (typeof v === 'string' && v.length >= 4 && !v.includes('\n')) { let k = P.indexOf(v.toLowerCase()); while (k >= 0) { delim.push([k, k + v.length]); k = P.indexOf(v.toLowerCase(), k + 1); } }
    const seg = (a, b) => { const s = p.slice(a, b); return s; };
    for (const nm of names) {
      let k = P.indexOf(nm), occ = 0;
      while (k >= 0) {
        const end = k + nm.length;
        if (!P.startsWith('.acore.example', end)) {
          occ++;
          let a = Math.max(0, k - 80);
          for (const [x, y] of delim) if (y <= k && y > a && !(x <= k && y >= end)) a = y;
          let before = seg(a, k); const bb = before.search(/(\. |; |\d\) |\([a-z]\) )(?!.*(\. |; |\d\) |\([a-z]\) ))/); if (bb >= 0) before = before.slice(bb + 2);
          let b = Math.min(p.length, end + 40);
          for (const [x] of delim) if (x >= end && x < b) b = x;
          let after = seg(end, b); const ab = after.search(/[.;,]( |$)/); if (ab >= 0) after = after.slice(0, ab);
          if (flex.has(nm)) {
            const want = flex.get(nm) === 'starts_with' ? Q_START : Q_END, other = flex.get(nm) === 'starts_with' ? Q_END : Q_START;
            if (!(want.test(before) || want.test(after))) E(t, `flexible ${nm} (${flex.get(nm)}) lacks wording at ${k}: "${before}|${nm}|${after}"`);
            if (other.test(before)) E(t, `flexible ${nm} has opposite wording before it: "${before}"`);
          } else if (Q_START.test(before) || Q_END.test(before) || Q_START.test(after.slice(0, 15)) || Q_END.test(after.slice(0, 15))) E(t, `exact ${nm} has prefix/suffix wording beside it: "${before}|${nm}|${after}"`);
        }
        k = P.indexOf(nm, k + 1);
      }
      if (!occ) E(t, `name ${nm} never mentioned`);
    }
  }
  for (const f of Object.keys(FAMILIES)) if (fams[f] !== 4) errs.push(`family ${f} has ${fams[f] || 0} tasks, want 4`);
  if (tasks.length !== 48) errs.push(`want 48 tasks, have ${tasks.length}`);
  if (unstated > 3) errs.push(`too many script-template-unstated (${unstated})`);
  return errs;
}

// ---------- main ----------
const SCRIPT_TAG = { lit: 'script-literal-collapsed', esc: 'script-literal-backslash-n', bang: 'script-shebang-dropped', desc: 'script-described', none: 'script-template-unstated' };
let tasks;
if (process.argv.includes('--check')) {
  tasks = fs.readFileSync(OUT, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
} else {
  tasks = T.map(([family, opts, style, mode, fn]) => {
    const t = buildTask(family, opts);
    const vm = t.r.vm || t.r.vmb;
    const s = vm ? sc(vm, mode) : undefined;
    const prompt = fn({ r: t.r, s }).replace(/\s+/g, ' ').trim();
    const st = [...style]; if (mode) st.push(SCRIPT_TAG[mode]);
    return { task_id: t.task_id, nonce: t.nonce, family, style: st, prompt, invariants: t.invariants };
  });
  fs.writeFileSync(OUT, tasks.map((t) => JSON.stringify(t)).join('\n') + '\n');
}
const errs = check(tasks);
if (errs.length) { console.error(errs.join('\n')); console.error(`SELF-CHECK FAILED: ${errs.length} problem(s)`); process.exit(1); }
console.log(`OK: ${tasks.length} tasks written/checked in ${OUT}`);
