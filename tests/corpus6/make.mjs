#!/usr/bin/env node
// corpus6: held-out, hand-written LLM-style rewrites of AlphaCore composite tasks.
// Deterministic: `node tests/corpus6/make.mjs` rewrites tests/corpus6/holdout.jsonl and
// verifies every case; exits 1 on any verification failure.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const G = 'Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment.';
const S1 = 'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.';
const S2 = 'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.';
const S3 = 'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.';
const SUBMIT = [S1, S2, S3];

// ---------- deterministic RNG ----------
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const LOW = 'abcdefghijklmnopqrstuvwxyz', ALNUM = LOW + '0123456789', HEX = '0123456789abcdef';

// ---------- value domains (spec 3.3) ----------
const REGION_TO_ZONES = { 'us-central1': ['a', 'b', 'c', 'f'], 'us-east1': ['b', 'c', 'd'], 'europe-west1': ['b', 'c', 'd'] };
const MACHINES = ['e2-micro', 'e2-small', 'e2-medium'];
const BUCKET_LOCS = ['US-CENTRAL1', 'US-EAST1', 'US-WEST1', 'EUROPE-WEST1', 'ASIA-SOUTHEAST1'];
const CLASSES = ['STANDARD', 'NEARLINE', 'COLDLINE'];
const AR_LOCS = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'asia-southeast1'];
const FORMATS = ['DOCKER', 'PYTHON'];
const RETENTIONS = ['600s', '900s', '1200s'];
const ACKS = [10, 20, 30, 60];
const TTLS = ['86400s', '172800s', '259200s'];
const FW = {
  ssh: { priority: 1000, protocol: 'tcp', port: '22' },
  http: { priority: 1001, protocol: 'tcp', port: '80' },
  icmp: { priority: 1002, protocol: 'icmp', port: null },
};
const TEMPLATES = {
  1: (t) => `#!/bin/bash\nset -euo pipefail\necho '${t}' > /var/tmp/acore-token\n`,
  2: (t) => `#!/bin/bash\nprintf '${t}' > /var/tmp/acore-token\n`,
  3: (t) => `#!/bin/bash\n/usr/bin/env echo '${t}' > /var/tmp/acore-token\n`,
};
const TEMPLATE_MARK = { 1: 'set -euo pipefail', 2: 'printf', 3: '/usr/bin/env echo' };

function makeParams(idx, o) {
  const r = mulberry32(0xc0de6000 + idx * 7919);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const str = (n, alpha = ALNUM) => Array.from({ length: n }, () => alpha[Math.floor(r() * alpha.length)]).join('');
  const used = [];
  const name = (lo, hi, suffix = '') => {
    for (;;) {
      const n = int(lo, hi);
      const s = LOW[Math.floor(r() * 26)] + str(n - 1) + suffix;
      if (s.startsWith('goog')) continue;
      if (used.some((u) => u.includes(s) || s.includes(u))) continue;
      used.push(s);
      return s;
    }
  };
  let task_id, nonce;
  for (;;) {
    const h = str(32, HEX);
    task_id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    nonce = str(16, HEX);
    if (/\d/.test(task_id.slice(0, 6) + nonce.slice(0, 6))) break;
  }
  const p = { task_id, nonce };
  p.tok = `${task_id.slice(0, 6)}-${nonce.slice(0, 6)}`;
  p.ntok = p.tok + '-net';
  p.vpc = name(6, 18); p.sub = name(6, 18); p.fw = name(6, 18); p.vm = name(6, 18); p.bvm = name(6, 18);
  p.bkt = name(10, 20); p.obj = name(8, 16, 'txt'); p.txt = str(int(12, 20));
  p.repo = name(6, 18); p.topic = name(6, 20); p.subn = name(6, 20); p.dns = name(6, 14);
  p.region = o.region || pick(Object.keys(REGION_TO_ZONES));
  p.zone = o.zone || `${p.region}-${pick(REGION_TO_ZONES[p.region])}`;
  p.cidr = `10.${int(10, 200)}.${int(0, 240)}.0/24`;
  p.mt = o.mt || pick(MACHINES);
  const br = pick(Object.keys(REGION_TO_ZONES));
  p.bzone = o.bzone || `${br}-${pick(REGION_TO_ZONES[br])}`;
  p.bmt = o.bmt || pick(MACHINES);
  p.BLOC = (o.bloc || pick(BUCKET_LOCS)).toUpperCase(); p.bloc = p.BLOC.toLowerCase();
  p.BSC = (o.bsc || pick(CLASSES)).toUpperCase(); p.bsc = p.BSC.toLowerCase();
  p.rloc = o.rloc || pick(AR_LOCS);
  p.FMT = (o.fmt || pick(FORMATS)).toUpperCase(); p.fmt = p.FMT.toLowerCase();
  p.ret = o.ret || pick(RETENTIONS);
  p.ack = o.ack ?? pick(ACKS);
  p.retain = o.retain ?? r() < 0.5;
  p.ttl = o.ttl || pick(TTLS);
  p.fwp = o.fw || pick(Object.keys(FW));
  Object.assign(p, FW[p.fwp]);
  p.tpl = o.tpl || int(1, 3);
  p.btpl = o.btpl || int(1, 3);
  p.script = TEMPLATES[p.tpl](p.ntok);
  p.bscript = TEMPLATES[p.btpl](p.tok);
  // prompt renderings of the scripts: whitespace-collapsed (default), JSON-escaped, or shebang '#' lost
  const render = (s, form) => {
    if (form === 'json') return s.replace(/\n/g, '\\n');
    const flat = s.replace(/\s+/g, ' ').trim();
    return form === 'nohash' ? flat.slice(1) : flat;
  };
  p.s = (form) => render(p.script, form);
  p.bs = (form) => render(p.bscript, form);
  return p;
}

// ---------- invariants (spec 3.3 + 3.5) ----------
const RULE = { exact: 'exact_match', starts: 'starts_with', ends: 'ends_with' };
function buildInvariants(p, res) {
  const inv = [];
  const add = (resource_type, match, ruleField, rule) =>
    inv.push({ resource_type, match, comparison_rule: { [ruleField]: RULE[rule] } });
  for (const [k, rule] of Object.entries(res)) {
    switch (k) {
      case 'vpc': add('google_compute_network', { 'values.name': p.vpc, 'values.auto_create_subnetworks': false }, 'values.name', rule); break;
      case 'sub': add('google_compute_subnetwork', { 'values.name': p.sub, 'values.network': p.vpc, 'values.region': p.region, 'values.ip_cidr_range': p.cidr }, 'values.name', rule); break;
      case 'fw': {
        const m = { 'values.name': p.fw, 'values.network': p.vpc, 'values.direction': 'INGRESS', 'values.priority': p.priority, 'values.disabled': false, 'values.allow.0.protocol': p.protocol };
        if (p.port) m['values.allow.0.ports.0'] = p.port;
        add('google_compute_firewall', m, 'values.name', rule); break;
      }
      case 'vm': add('google_compute_instance', { 'values.name': p.vm, 'values.zone': p.zone, 'values.machine_type': p.mt, 'values.network_interface.0.subnetwork': p.sub, 'values.metadata_startup_script': p.script }, 'values.name', rule); break;
      case 'bvm': add('google_compute_instance', { 'values.name': p.bvm, 'values.zone': p.bzone, 'values.machine_type': p.bmt, 'values.metadata_startup_script': p.bscript }, 'values.name', rule); break;
      case 'bkt':
        if (rule === 'exact') throw new Error('bucket rule must be starts/ends');
        add('google_storage_bucket', { 'values.name': p.bkt, 'values.location': p.BLOC, 'values.storage_class': p.BSC }, 'values.name', rule); break;
      case 'obj':
        if (rule !== 'exact') throw new Error('object rule must be exact');
        add('google_storage_bucket_object', { 'values.name': p.obj, 'values.bucket': p.bkt, 'values.content_type': 'text/plain', 'values.content': p.txt }, 'values.name', rule); break;
      case 'repo':
        if (rule === 'exact') throw new Error('repo rule must be starts/ends');
        add('google_artifact_registry_repository', { 'values.repository_id': p.repo, 'values.location': p.rloc, 'values.format': p.FMT }, 'values.repository_id', rule); break;
      case 'topic': add('google_pubsub_topic', { 'values.name': p.topic, 'values.message_retention_duration': p.ret }, 'values.name', rule); break;
      case 'subn': add('google_pubsub_subscription', { 'values.name': p.subn, 'values.topic': p.topic, 'values.ack_deadline_seconds': p.ack, 'values.retain_acked_messages': p.retain, 'values.expiration_policy.0.ttl': p.ttl }, 'values.name', rule); break;
      case 'dns': add('google_dns_managed_zone', { 'values.name': p.dns, 'values.dns_name': `${p.dns}.acore.example.` }, 'values.name', rule); break;
      default: throw new Error('unknown template ' + k);
    }
  }
  // propagation: any other string field equal to a starts/ends token inherits that rule
  const flex = new Map();
  for (const i of inv) for (const [f, rl] of Object.entries(i.comparison_rule)) if (rl !== 'exact_match') flex.set(i.match[f], rl);
  for (const i of inv) for (const [f, v] of Object.entries(i.match)) {
    if (f in i.comparison_rule) continue;
    if (typeof v === 'string' && flex.has(v)) i.comparison_rule[f] = flex.get(v);
  }
  return inv;
}

// ---------- cases ----------
const cases = [];
function T(family, style, res, o, fn) { cases.push({ family, style, res, o, fn }); }

// ===== network_stack =====
T('network_stack', ['refer-back', 'parenthetical', 'bool-words'], { vpc: 'ends', sub: 'exact', fw: 'exact', vm: 'starts' }, { fw: 'ssh' }, (p) =>
  `We need a small, self-contained network stack in Google Cloud for an internal sandbox, nothing beyond what is listed here. Create a custom VPC whose name ends with ${p.vpc} and keep automatic subnet creation disabled. Inside that VPC (the one whose name ends with ${p.vpc}), add a subnetwork named ${p.sub} in ${p.region} with the range ${p.cidr}. Add an ingress firewall rule called ${p.fw} on the same network with priority 1000, allowing tcp on port 22; the rule should not be disabled (disabled = false). Finally, launch an ${p.mt} VM whose name starts with ${p.vm} in zone ${p.zone}, attached to subnetwork ${p.sub}, with the startup script ${p.s()}. ${G} ${S1}`);

T('network_stack', ['field-fragments', 'design-hints'], { vpc: 'exact', sub: 'starts', fw: 'ends', vm: 'exact' }, { fw: 'http' }, (p) =>
  `Please set up the following on Google Cloud. A dedicated VPC named ${p.vpc} (auto create subnetworks: false). A subnetwork whose name begins with ${p.sub}, region: ${p.region}, ip cidr range: ${p.cidr}, network: ${p.vpc}. An ingress firewall rule on ${p.vpc} with a name ending in ${p.fw}, priority 1001, protocol tcp, port 80, disabled: false. A VM called ${p.vm}, machine type ${p.mt}, zone ${p.zone}, placed on the subnetwork whose name starts with ${p.sub}, with this startup script: ${p.s()}. Use a dedicated VPC instead of default networks. Restrict ingress on the bespoke VPC. ${S2} ${G}`);

T('network_stack', ['script-json-escaped', 'make-sure'], { vpc: 'starts', sub: 'ends', fw: 'starts', vm: 'ends' }, { fw: 'icmp' }, (p) =>
  `This is for a lean Google Cloud dev environment. Create a VPC network with a name starting with ${p.vpc}, and make sure auto create subnetworks is set to false. Add a subnetwork whose name ends with ${p.sub}, regional to ${p.region}, covering ${p.cidr} and attached to the VPC prefixed with ${p.vpc}. For diagnostics, add a firewall rule whose name starts with ${p.fw}: direction ingress, priority 1002, allow icmp, not disabled. Then provision a ${p.mt} instance with a name ending in ${p.vm} in ${p.zone} on that subnetwork, using metadata startup script "${p.s('json')}". ${G} ${S3}`);

T('network_stack', ['script-template-unstated', 'ensure'], { vpc: 'exact', sub: 'exact', fw: 'exact', vm: 'exact' }, { fw: 'http' }, (p) =>
  `In our Google Cloud project, stand up a custom VPC called ${p.vpc} with auto subnet creation turned off. Carve a subnetwork named ${p.sub} out of it in ${p.region} using CIDR ${p.cidr}. Please ensure there is an ingress firewall rule named ${p.fw} on ${p.vpc} at priority 1001 that allows tcp/80 and is enabled (disabled set to false). Additionally, create a VM named ${p.vm} (machine type ${p.mt}, zone ${p.zone}) on subnetwork ${p.sub}; its startup script should simply write the token ${p.ntok} to /var/tmp/acore-token. ${S1} ${G}`);

T('network_stack', ['script-nohash', 'refer-back'], { vpc: 'ends', sub: 'starts', fw: 'ends', vm: 'starts' }, { fw: 'ssh', tpl: 3 }, (p) =>
  `Small internal setup on GCP; keep it predictable and minimal. The VPC name must end with ${p.vpc}, and auto create subnetworks should be false. The subnetwork name should start with ${p.sub}; put it in ${p.region} with ${p.cidr} on the VPC ending with ${p.vpc}. Add a firewall rule, name ending with ${p.fw}, attached to that VPC: ingress, priority 1000, tcp port 22, disabled false. Launch a VM whose name starts with ${p.vm} as an ${p.mt} in ${p.zone} on the subnetwork starting with ${p.sub}, with metadata startup script ${p.s('nohash')}. ${G} ${S2}`);

// ===== network_without_instance =====
T('network_without_instance', ['plain'], { vpc: 'exact', sub: 'ends', fw: 'exact' }, { fw: 'icmp' }, (p) =>
  `Internal dev sandbox on Google Cloud, cost-conscious with no extras. Create a VPC named ${p.vpc} with auto create subnetworks set to false. Add a subnetwork whose name ends with ${p.sub} in ${p.region}, using ${p.cidr}, attached to ${p.vpc}. Finally, add an ingress firewall rule named ${p.fw} on ${p.vpc} with priority 1002 that allows icmp; it must not be disabled. ${G} ${S3}`);

T('network_without_instance', ['basic-vm', 'parenthetical', 'design-hints'], { bvm: 'ends', vpc: 'starts', sub: 'exact', fw: 'starts' }, { fw: 'ssh' }, (p) =>
  `We need a small Google Cloud footprint for a teammate. Provision exactly one Compute Engine VM: its name should end with ${p.bvm}, machine type ${p.bmt}, zone ${p.bzone}, and it runs the startup script ${p.bs()} (no custom network is needed for it). Separately, create a VPC whose name starts with ${p.vpc} with auto subnet creation disabled, plus a subnetwork called ${p.sub} in ${p.region} with range ${p.cidr} inside that VPC. Restrict ingress on the bespoke VPC with a firewall rule whose name begins with ${p.fw}: ingress, priority 1000, tcp/22, disabled false. ${S1} ${G}`);

T('network_without_instance', ['basic-vm', 'script-template-unstated', 'field-fragments'], { bvm: 'exact', vpc: 'ends', sub: 'ends', fw: 'exact' }, { fw: 'http' }, (p) =>
  `Please create the following in Google Cloud. One VM named ${p.bvm} (machine type: ${p.bmt}, zone: ${p.bzone}) whose startup script writes ${p.tok} into /var/tmp/acore-token. A custom VPC with a name ending in ${p.vpc}; auto create subnetworks: false. A subnetwork whose name ends with ${p.sub}, region ${p.region}, ip cidr range ${p.cidr}, network: the VPC ending with ${p.vpc}. An ingress firewall rule called ${p.fw} on that VPC with priority 1001 allowing tcp port 80, disabled: false. ${G} ${S2}`);

T('network_without_instance', ['basic-vm', 'script-json-escaped', 'make-sure'], { bvm: 'starts', vpc: 'exact', sub: 'starts', fw: 'ends' }, { fw: 'icmp', btpl: 1 }, (p) =>
  `Make sure this stays minimal; it is a GCP test environment. Launch a single ${p.bmt} VM whose name is prefixed with ${p.bvm} in ${p.bzone} with metadata startup script "${p.bs('json')}". Also create a VPC called ${p.vpc} (auto create subnetworks false), a subnetwork with a name starting with ${p.sub} in ${p.region} on ${p.vpc} using ${p.cidr}, and a firewall rule whose name ends with ${p.fw} on ${p.vpc}: direction ingress, priority 1002, protocol icmp, disabled false. ${S3} ${G}`);

T('network_without_instance', ['ensure', 'refer-back'], { vpc: 'starts', sub: 'starts', fw: 'ends' }, { fw: 'ssh' }, (p) =>
  `For a quick Google Cloud network test, please create a VPC whose name starts with ${p.vpc} and ensure auto create subnetworks is false. Next, add a subnetwork with a name beginning with ${p.sub} in ${p.region}, range ${p.cidr}, attached to the VPC (name starting with ${p.vpc}). Additionally, add an ingress firewall rule whose name ends with ${p.fw} on that same VPC, priority 1000, allowing tcp on port 22, with disabled set to false. ${G} ${S1}`);

// ===== storage_delivery =====
T('storage_delivery', ['design-hints', 'plain'], { repo: 'ends', bkt: 'starts', topic: 'exact' }, { fmt: 'DOCKER' }, (p) =>
  `Internal dev sandbox in Google Cloud; keep it simple. Create an Artifact Registry repository whose repository id ends with ${p.repo} in ${p.rloc} with the docker format. Keep the repository minimal; ensure the package format matches the request. Add a Cloud Storage bucket whose name starts with ${p.bkt}, location ${p.bloc}, storage class ${p.bsc}. Also create a Pub/Sub topic named ${p.topic} that retains messages for ${p.ret}. ${S2} ${G}`);

T('storage_delivery', ['field-fragments'], { bkt: 'ends', topic: 'starts' }, {}, (p) =>
  `Please provision two things on GCP. First, a storage bucket with a name ending in ${p.bkt} (location: ${p.bloc}, storage class: ${p.bsc}). Second, a Pub/Sub topic whose name starts with ${p.topic}, message retention duration ${p.ret}. Keep bucket configs minimal yet explicit, and keep the topic isolated with explicit retention. ${G} ${S3}`);

T('storage_delivery', ['make-sure', 'parenthetical'], { repo: 'starts', bkt: 'ends' }, { fmt: 'PYTHON' }, (p) =>
  `We want a tiny artifact and storage setup in Google Cloud. Make sure the Artifact Registry repository id starts with ${p.repo}; it lives in ${p.rloc} and hosts python packages. Next to it, create a bucket whose name ends with ${p.bkt} in ${p.bloc} using the ${p.bsc} storage class (no lifecycle rules or extras). ${S1} ${G}`);

T('storage_delivery', ['qualifier-after'], { bkt: 'starts', repo: 'starts', topic: 'ends' }, { fmt: 'DOCKER' }, (p) =>
  `Set up the following in Google Cloud for a teammate. Use ${p.bkt} as the prefix for the bucket name; the bucket goes in ${p.bloc} with ${p.bsc} storage. The docker repository in Artifact Registry should use ${p.repo} as the start of its repository id, location ${p.rloc}. Finally, the Pub/Sub topic name must end with ${p.topic} and keep messages for ${p.ret}. ${G} ${S2}`);

// ===== artifact_delivery =====
T('artifact_delivery', ['design-hints', 'refer-back'], { bkt: 'ends', repo: 'starts', topic: 'exact', obj: 'exact' }, { fmt: 'PYTHON' }, (p) =>
  `On Google Cloud, create an Artifact Registry repository whose repository id starts with ${p.repo} in ${p.rloc} with the python format. Add a storage bucket with a name ending in ${p.bkt}, location ${p.bloc}, storage class ${p.bsc}. Deliver at least one concrete file inside the bucket: upload an object named ${p.obj} into the bucket ending with ${p.bkt}, content '${p.txt}', content type text/plain. Also create a Pub/Sub topic called ${p.topic} with a retention of ${p.ret}. ${S3} ${G}`);

T('artifact_delivery', ['plain'], { repo: 'ends', topic: 'starts' }, { fmt: 'DOCKER' }, (p) =>
  `Please create a docker repository in Artifact Registry on Google Cloud whose repository id ends with ${p.repo}, located in ${p.rloc}. Alongside it, add a Pub/Sub topic whose name starts with ${p.topic} and set its message retention duration to ${p.ret}. Nothing else is needed. ${G} ${S1}`);

T('artifact_delivery', ['content-type-unstated', 'field-fragments'], { bkt: 'starts', repo: 'ends', obj: 'exact' }, { fmt: 'PYTHON' }, (p) =>
  `GCP request, keep it minimal. Artifact Registry repository: repository id ending with ${p.repo}, location ${p.rloc}, format python. Storage bucket: name beginning with ${p.bkt}, location ${p.bloc}, storage class ${p.bsc}. Bucket object: name ${p.obj}, stored in the bucket starting with ${p.bkt}, with the content ${p.txt}. ${S2} ${G}`);

T('artifact_delivery', ['ensure'], { bkt: 'ends', repo: 'ends' }, { fmt: 'DOCKER' }, (p) =>
  `For our container images we need an Artifact Registry repository in Google Cloud; please ensure its repository id ends with ${p.repo}, the location is ${p.rloc} and the format is docker. Additionally, create a Cloud Storage bucket whose name ends with ${p.bkt} in ${p.bloc} with the ${p.bsc} storage class. ${G} ${S3}`);

T('artifact_delivery', ['parenthetical', 'make-sure'], { bkt: 'starts', repo: 'starts', topic: 'ends', obj: 'exact' }, { fmt: 'PYTHON' }, (p) =>
  `Quick Google Cloud setup for package delivery. Create a python-format Artifact Registry repository (repository id starting with ${p.repo}) in ${p.rloc}. Make sure there is also a bucket whose name starts with ${p.bkt}, located in ${p.bloc}, storage class ${p.bsc}, holding a single object called ${p.obj} whose content is ${p.txt} (text/plain). Lastly, add a Pub/Sub topic with a name ending in ${p.topic} and message retention of ${p.ret}. ${S1} ${G}`);

// ===== bucket_with_object =====
T('bucket_with_object', ['plain'], { bkt: 'ends', obj: 'exact' }, {}, (p) =>
  `Quick favor in Google Cloud: create a storage bucket whose name ends with ${p.bkt} in ${p.bloc} with storage class ${p.bsc}, and upload a plaintext object named ${p.obj} into it containing '${p.txt}' (content type text/plain). ${G} ${S2}`);

T('bucket_with_object', ['content-type-unstated', 'refer-back'], { bkt: 'starts', obj: 'exact', topic: 'exact' }, {}, (p) =>
  `We need a bucket in Google Cloud with a name starting with ${p.bkt}, location ${p.bloc}, storage class ${p.bsc}. Drop a file called ${p.obj} into that bucket (the one prefixed with ${p.bkt}) with content ${p.txt}. Also set up a Pub/Sub topic named ${p.topic} that retains messages for ${p.ret}. ${S3} ${G}`);

T('bucket_with_object', ['field-fragments', 'design-hints'], { bkt: 'starts', obj: 'exact' }, {}, (p) =>
  `Please create, on GCP, a Cloud Storage bucket (name: starts with ${p.bkt}; location: ${p.bloc}; storage class: ${p.bsc}). Deliver at least one concrete file inside the bucket: object name ${p.obj}, content "${p.txt}", content type text/plain. ${G} ${S1}`);

T('bucket_with_object', ['ensure', 'topic'], { bkt: 'ends', obj: 'exact', topic: 'starts' }, { ret: '1200s' }, (p) =>
  `Small Google Cloud storage setup. Create a bucket whose name ends with ${p.bkt} in ${p.bloc} (${p.bsc} class) and place an object named ${p.obj} in it; please ensure the object content is exactly ${p.txt} and its content type is text/plain. Additionally, create a Pub/Sub topic with a name beginning with ${p.topic} and a message retention duration of 1200s. ${S2} ${G}`);

// ===== network_plus_storage =====
T('network_plus_storage', ['design-hints', 'refer-back'], { vpc: 'exact', sub: 'ends', fw: 'starts', vm: 'exact', bkt: 'starts', obj: 'exact' }, { fw: 'http' }, (p) =>
  `Google Cloud sandbox, nothing extra. Create a VPC named ${p.vpc} with auto subnet creation disabled. Add a subnetwork whose name ends with ${p.sub} in ${p.region} using ${p.cidr} on ${p.vpc}. Add a firewall rule whose name starts with ${p.fw}: ingress, priority 1001, tcp port 80, disabled false. Launch a VM named ${p.vm} (${p.mt}, ${p.zone}) on the subnetwork ending with ${p.sub}, startup script ${p.s()}. Create a bucket whose name starts with ${p.bkt} in ${p.bloc}, storage class ${p.bsc}, and upload object ${p.obj} with content ${p.txt} as text/plain. ${G} ${S3}`);

T('network_plus_storage', ['script-template-unstated', 'ensure'], { vpc: 'ends', sub: 'exact', fw: 'exact', vm: 'ends', bkt: 'ends', repo: 'starts' }, { fw: 'icmp', fmt: 'DOCKER' }, (p) =>
  `Please build this in our Google Cloud project. The VPC name should end with ${p.vpc}; auto create subnetworks false. Subnetwork ${p.sub} goes in ${p.region} with ${p.cidr}, on that VPC. Firewall rule ${p.fw} on the same VPC: ingress, priority 1002, icmp only, not disabled. A VM whose name ends with ${p.vm}, machine type ${p.mt}, zone ${p.zone}, on subnetwork ${p.sub}; its startup script just writes ${p.ntok} to /var/tmp/acore-token. Ensure a bucket whose name ends with ${p.bkt} exists in ${p.bloc} (${p.bsc}), and a docker Artifact Registry repository whose id starts with ${p.repo} in ${p.rloc}. ${S1} ${G}`);

T('network_plus_storage', ['field-fragments', 'content-type-unstated'], { vpc: 'starts', sub: 'starts', fw: 'ends', vm: 'exact', bkt: 'ends', obj: 'exact', repo: 'ends' }, { fw: 'ssh', fmt: 'PYTHON' }, (p) =>
  `GCP request. VPC: name starting with ${p.vpc}, auto create subnetworks false. Subnetwork: name starting with ${p.sub}, ${p.region}, ${p.cidr}. Firewall: name ending with ${p.fw}, ingress, priority 1000, tcp 22, disabled false. VM: ${p.vm}, ${p.mt}, ${p.zone}, on the subnetwork prefixed ${p.sub}, startup script ${p.s()}. Bucket: name ending with ${p.bkt}, ${p.bloc}, ${p.bsc}. Object: ${p.obj} in that bucket, content ${p.txt}. Artifact Registry: repository id ending with ${p.repo}, ${p.rloc}, python. ${G} ${S2}`);

T('network_plus_storage', ['make-sure', 'parenthetical'], { vpc: 'exact', sub: 'exact', fw: 'ends', vm: 'starts', bkt: 'starts', repo: 'ends' }, { fw: 'http', fmt: 'PYTHON', tpl: 2 }, (p) =>
  `Our team needs a compact Google Cloud environment. Create a VPC called ${p.vpc} (auto create subnetworks off) and a subnetwork called ${p.sub} in ${p.region} with ${p.cidr}. Make sure a firewall rule with a name ending in ${p.fw} allows tcp/80 ingress on ${p.vpc} at priority 1001 and is not disabled. Run an ${p.mt} VM whose name starts with ${p.vm} in ${p.zone} on ${p.sub} with startup script ${p.s()}. Also add a bucket prefixed with ${p.bkt} (${p.bloc}, ${p.bsc}) and a python Artifact Registry repository whose repository id ends with ${p.repo} in ${p.rloc}. ${S3} ${G}`);

// ===== network_plus_artifacts =====
T('network_plus_artifacts', ['design-hints'], { repo: 'starts', vpc: 'ends', bkt: 'starts', sub: 'starts', fw: 'exact', vm: 'ends' }, { fw: 'icmp', fmt: 'DOCKER' }, (p) =>
  `For a Google Cloud build sandbox, create an Artifact Registry repository whose repository id starts with ${p.repo} in ${p.rloc} with docker format. Use a dedicated VPC instead of default networks: its name ends with ${p.vpc} and auto subnet creation is disabled. Add a subnetwork whose name starts with ${p.sub} in ${p.region} (${p.cidr}). Add firewall rule ${p.fw} on that VPC allowing icmp ingress at priority 1002, disabled false. Launch a VM whose name ends with ${p.vm} (${p.mt}, ${p.zone}) on that subnetwork with startup script ${p.s()}. Finally, add a bucket whose name starts with ${p.bkt} in ${p.bloc} with ${p.bsc} storage. ${G} ${S1}`);

T('network_plus_artifacts', ['script-json-escaped', 'refer-back'], { repo: 'ends', vpc: 'exact', bkt: 'ends', sub: 'exact', fw: 'starts', obj: 'exact', vm: 'exact' }, { fw: 'ssh', fmt: 'PYTHON' }, (p) =>
  `Please set up in Google Cloud: a python Artifact Registry repository whose id ends with ${p.repo} (location ${p.rloc}); a VPC named ${p.vpc} with auto create subnetworks false; a subnetwork named ${p.sub} in ${p.region} with ${p.cidr}; a firewall rule whose name starts with ${p.fw} on ${p.vpc} (ingress, priority 1000, tcp 22, disabled false); a bucket whose name ends with ${p.bkt} in ${p.bloc}, class ${p.bsc}, holding object ${p.obj} with content ${p.txt} and content type text/plain; and a VM named ${p.vm} on ${p.sub} in ${p.zone}, type ${p.mt}, startup script "${p.s('json')}". ${S2} ${G}`);

T('network_plus_artifacts', ['script-nohash', 'field-fragments'], { repo: 'ends', vpc: 'starts', bkt: 'starts', sub: 'ends', fw: 'ends', vm: 'starts' }, { fw: 'http', fmt: 'DOCKER', tpl: 1 }, (p) =>
  `Google Cloud deployment for a teammate. Repository id ending with ${p.repo} in Artifact Registry, location: ${p.rloc}, format: docker. VPC whose name starts with ${p.vpc}, auto create subnetworks: false. Subnetwork ending with ${p.sub} in ${p.region}, range ${p.cidr}. Firewall rule ending with ${p.fw}: ingress, priority 1001, tcp/80, disabled false. VM starting with ${p.vm}, zone ${p.zone}, machine type ${p.mt}, startup script ${p.s('nohash')}. Bucket starting with ${p.bkt}, ${p.bloc}, ${p.bsc}. ${G} ${S3}`);

T('network_plus_artifacts', ['script-template-unstated', 'parenthetical'], { repo: 'starts', vpc: 'exact', bkt: 'ends', sub: 'ends', fw: 'exact', vm: 'exact' }, { fw: 'ssh', fmt: 'PYTHON' }, (p) =>
  `We are wiring up a small Google Cloud environment. Create a VPC named ${p.vpc} (no automatic subnets) with a subnetwork whose name ends with ${p.sub} in ${p.region} covering ${p.cidr}. Add an ingress firewall rule called ${p.fw} at priority 1000 for tcp port 22, enabled. Then launch VM ${p.vm} as ${p.mt} in ${p.zone} on that subnetwork; the startup script only needs to write ${p.ntok} to /var/tmp/acore-token. For packages, create a python Artifact Registry repository whose repository id starts with ${p.repo} in ${p.rloc}, and a bucket whose name ends with ${p.bkt} in ${p.bloc} with ${p.bsc} storage. ${S1} ${G}`);

// ===== network_plus_pubsub =====
T('network_plus_pubsub', ['plain'], { vpc: 'starts', topic: 'exact', sub: 'exact', fw: 'starts', vm: 'ends' }, { fw: 'icmp' }, (p) =>
  `Internal Google Cloud sandbox. Create a VPC whose name starts with ${p.vpc} with auto create subnetworks set to false, a subnetwork named ${p.sub} in ${p.region} on that VPC using ${p.cidr}, and an ingress firewall rule whose name starts with ${p.fw} at priority 1002 allowing icmp (disabled false). Launch an ${p.mt} VM with a name ending in ${p.vm} in ${p.zone} on ${p.sub} with the startup script ${p.s()}. Also create a Pub/Sub topic named ${p.topic} retaining messages for ${p.ret}. ${G} ${S2}`);

T('network_plus_pubsub', ['make-sure', 'refer-back', 'content-type-unstated'], { vpc: 'ends', bkt: 'ends', topic: 'starts', sub: 'ends', fw: 'exact', obj: 'exact', vm: 'exact' }, { fw: 'http' }, (p) =>
  `On GCP, create a VPC whose name ends with ${p.vpc} (auto subnet creation disabled) and a subnetwork whose name ends with ${p.sub} in ${p.region} with ${p.cidr}. Make sure firewall rule ${p.fw} sits on the VPC ending with ${p.vpc}, allowing tcp/80 ingress at priority 1001, not disabled. Add VM ${p.vm} (${p.mt}, ${p.zone}) on the subnetwork, startup script ${p.s()}. Create a bucket whose name ends with ${p.bkt} in ${p.bloc} (${p.bsc}) holding object ${p.obj} with content ${p.txt}. Finally, a topic whose name starts with ${p.topic}, retention ${p.ret}. ${S3} ${G}`);

T('network_plus_pubsub', ['field-fragments', 'script-json-escaped'], { vpc: 'exact', bkt: 'starts', topic: 'ends', sub: 'starts', fw: 'ends', vm: 'starts' }, { fw: 'ssh', tpl: 2 }, (p) =>
  `Google Cloud request, minimal footprint. VPC ${p.vpc} with auto create subnetworks false. Subnetwork: name starts with ${p.sub}, region ${p.region}, ${p.cidr}, network ${p.vpc}. Firewall: name ends with ${p.fw}, ingress, priority 1000, tcp 22, disabled false. VM: name starts with ${p.vm}, ${p.mt}, ${p.zone}, startup script "${p.s('json')}". Bucket: name starts with ${p.bkt}, location ${p.bloc}, class ${p.bsc}. Pub/Sub topic: name ends with ${p.topic}, message retention ${p.ret}. ${G} ${S1}`);

T('network_plus_pubsub', ['ensure', 'script-template-unstated'], { vpc: 'ends', topic: 'ends', sub: 'starts', fw: 'ends', vm: 'exact' }, { fw: 'icmp' }, (p) =>
  `We need a Google Cloud network plus messaging setup. Please ensure the VPC name ends with ${p.vpc} and auto create subnetworks is false. The subnetwork, with a name beginning with ${p.sub}, belongs in ${p.region} and covers ${p.cidr}. Add a firewall rule whose name ends with ${p.fw} for icmp ingress at priority 1002, left enabled (disabled: false). Create VM ${p.vm} in ${p.zone} as ${p.mt} on that subnetwork, with a startup script that writes ${p.ntok} into /var/tmp/acore-token. Additionally, a Pub/Sub topic whose name ends with ${p.topic} should retain messages for ${p.ret}. ${S2} ${G}`);

T('network_plus_pubsub', ['bucket'], { vpc: 'exact', bkt: 'ends', topic: 'starts', sub: 'ends', fw: 'exact', vm: 'starts' }, { fw: 'http', tpl: 3 }, (p) =>
  `Set up a small Google Cloud environment. Build a VPC called ${p.vpc} with automatic subnetwork creation false, then a subnetwork ending with ${p.sub} in ${p.region} using ${p.cidr}. Add firewall rule ${p.fw}: ingress on ${p.vpc}, priority 1001, tcp port 80, disabled false. The VM should have a name starting with ${p.vm}, run on ${p.mt} in ${p.zone} and use startup script ${p.s()}. Add a storage bucket whose name ends with ${p.bkt} in ${p.bloc} with ${p.bsc} class, and a Pub/Sub topic prefixed with ${p.topic} retaining messages for ${p.ret}. ${G} ${S3}`);

// ===== storage_with_pubsub =====
T('storage_with_pubsub', ['plain', 'content-type-unstated'], { bkt: 'starts', topic: 'exact', obj: 'exact' }, {}, (p) =>
  `In Google Cloud, create a storage bucket whose name starts with ${p.bkt} in ${p.bloc} with ${p.bsc} storage, and upload an object called ${p.obj} to it with the content ${p.txt}. Also create a Pub/Sub topic named ${p.topic} with a message retention duration of ${p.ret}. ${S1} ${G}`);

T('storage_with_pubsub', ['design-hints', 'parenthetical'], { bkt: 'ends', topic: 'ends', repo: 'starts' }, { fmt: 'DOCKER' }, (p) =>
  `Please provision, on Google Cloud, a bucket with a name ending in ${p.bkt} (location ${p.bloc}, storage class ${p.bsc}) and a Pub/Sub topic whose name ends with ${p.topic} that keeps messages for ${p.ret}. Keep the topic isolated with explicit retention. Additionally, create a docker Artifact Registry repository whose repository id starts with ${p.repo} in ${p.rloc}; keep the repository minimal and ensure the package format matches the request. ${G} ${S2}`);

T('storage_with_pubsub', ['field-fragments'], { bkt: 'ends', topic: 'starts', repo: 'ends', obj: 'exact' }, { fmt: 'PYTHON' }, (p) =>
  `GCP storage and messaging request. Bucket: name ends with ${p.bkt}; location: ${p.bloc}; storage class: ${p.bsc}. Topic: name starts with ${p.topic}; message retention duration: ${p.ret}. Artifact Registry repository: repository id ends with ${p.repo}; location: ${p.rloc}; format: python. Object in the bucket: name ${p.obj}, content ${p.txt}, content type text/plain. ${S3} ${G}`);

T('storage_with_pubsub', ['make-sure', 'refer-back'], { bkt: 'starts', topic: 'ends', obj: 'exact' }, { ret: '900s' }, (p) =>
  `A small Google Cloud setup, please. Create a bucket whose name begins with ${p.bkt} in ${p.bloc} using ${p.bsc} storage, and make sure it holds a plaintext object named ${p.obj} (content ${p.txt}, text/plain) inside the bucket prefixed with ${p.bkt}. Also add a Pub/Sub topic whose name ends with ${p.topic}, with retention set to 900s. ${G} ${S1}`);

// ===== dns_frontend =====
T('dns_frontend', ['plain'], { bkt: 'ends', dns: 'exact', obj: 'exact' }, {}, (p) =>
  `We are staging a static frontend on Google Cloud. Create a Cloud DNS managed zone named ${p.dns} with dns name ${p.dns}.acore.example. and a bucket whose name ends with ${p.bkt} in ${p.bloc} with ${p.bsc} storage. Put an object called ${p.obj} in that bucket with content ${p.txt} and content type text/plain. ${S2} ${G}`);

T('dns_frontend', ['field-fragments', 'content-type-unstated'], { bkt: 'starts', dns: 'starts', topic: 'exact', obj: 'exact' }, {}, (p) =>
  `Google Cloud request. DNS managed zone: name starting with ${p.dns}, dns name ${p.dns}.acore.example. Storage bucket: name starting with ${p.bkt}, location ${p.bloc}, class ${p.bsc}. Bucket object: ${p.obj}, content ${p.txt}. Pub/Sub topic: ${p.topic}, retention ${p.ret}. ${G} ${S3}`);

T('dns_frontend', ['ensure', 'parenthetical'], { bkt: 'ends', dns: 'ends', topic: 'starts' }, {}, (p) =>
  `Please create a managed DNS zone in Google Cloud whose name ends with ${p.dns}; ensure its DNS name is ${p.dns}.acore.example. (note the trailing dot). Also create a bucket with a name ending in ${p.bkt} located in ${p.bloc} (${p.bsc} class), and a Pub/Sub topic whose name starts with ${p.topic} that retains messages for ${p.ret}. ${S1} ${G}`);

T('dns_frontend', ['make-sure', 'refer-back'], { bkt: 'starts', dns: 'exact', obj: 'exact' }, {}, (p) =>
  `Frontend placeholder on GCP. Make sure there is a DNS managed zone called ${p.dns} serving ${p.dns}.acore.example., plus a storage bucket whose name starts with ${p.bkt} in ${p.bloc}, storage class ${p.bsc}. Inside the bucket (name starting with ${p.bkt}), upload ${p.obj} containing '${p.txt}' with content type text/plain. ${G} ${S2}`);

// ===== dns_network_bridge =====
T('dns_network_bridge', ['plain'], { dns: 'exact', vpc: 'starts', sub: 'exact', fw: 'exact', vm: 'ends' }, { fw: 'ssh' }, (p) =>
  `Google Cloud bridge setup. Create a DNS managed zone named ${p.dns} with DNS name ${p.dns}.acore.example. Create a VPC whose name starts with ${p.vpc} with auto create subnetworks false, and a subnetwork named ${p.sub} in ${p.region} (${p.cidr}) on it. Add firewall rule ${p.fw} on that VPC: ingress, priority 1000, tcp/22, disabled false. Run an ${p.mt} VM whose name ends with ${p.vm} in ${p.zone} on ${p.sub} with startup script ${p.s()}. ${S3} ${G}`);

T('dns_network_bridge', ['bucket', 'design-hints'], { dns: 'starts', vpc: 'exact', bkt: 'ends', sub: 'ends', vm: 'starts' }, { tpl: 1 }, (p) =>
  `Please set up on Google Cloud a managed DNS zone whose name starts with ${p.dns} (DNS name ${p.dns}.acore.example.). Use a dedicated VPC instead of default networks: VPC ${p.vpc}, auto create subnetworks false. Attach the subnetwork to the custom VPC; its name ends with ${p.sub}, region ${p.region}, range ${p.cidr}. Launch a VM whose name starts with ${p.vm} (${p.mt} in ${p.zone}) on that subnetwork with startup script ${p.s()}. Also add a bucket whose name ends with ${p.bkt} in ${p.bloc}, class ${p.bsc}. ${G} ${S1}`);

T('dns_network_bridge', ['script-template-unstated', 'field-fragments'], { dns: 'ends', vpc: 'ends', bkt: 'starts', sub: 'starts', fw: 'starts', vm: 'exact' }, { fw: 'icmp' }, (p) =>
  `GCP request. DNS zone: name ends with ${p.dns}, dns name ${p.dns}.acore.example. VPC: name ends with ${p.vpc}, auto create subnetworks false. Subnetwork: name starts with ${p.sub}, ${p.region}, ${p.cidr}. Firewall: name starts with ${p.fw}, ingress, priority 1002, icmp, disabled false. VM: ${p.vm}, ${p.mt}, ${p.zone}, startup script writing ${p.ntok} to /var/tmp/acore-token. Bucket: name starts with ${p.bkt}, ${p.bloc}, ${p.bsc}. ${S2} ${G}`);

T('dns_network_bridge', ['make-sure', 'script-nohash'], { dns: 'exact', vpc: 'ends', sub: 'ends', fw: 'ends', vm: 'starts' }, { fw: 'http', tpl: 2 }, (p) =>
  `For an internal Google Cloud test, create a DNS managed zone called ${p.dns} for ${p.dns}.acore.example. Make sure the VPC name ends with ${p.vpc} and that auto create subnetworks is false. The subnetwork, whose name ends with ${p.sub}, goes in ${p.region} with ${p.cidr}. Add a firewall rule ending with ${p.fw}, ingress, priority 1001, tcp port 80, not disabled. Finally, a VM whose name starts with ${p.vm}, ${p.mt}, in ${p.zone}, startup script ${p.s('nohash')}. ${G} ${S3}`);

T('dns_network_bridge', ['ensure', 'refer-back'], { dns: 'starts', vpc: 'starts', sub: 'exact', vm: 'ends' }, { tpl: 3 }, (p) =>
  `On Google Cloud, please create a DNS managed zone whose name begins with ${p.dns}, with the DNS name ${p.dns}.acore.example. Additionally, create a VPC whose name starts with ${p.vpc} (auto subnet creation off) and a subnetwork called ${p.sub} in ${p.region}, range ${p.cidr}, on the VPC prefixed with ${p.vpc}. Ensure a VM whose name ends with ${p.vm} runs in ${p.zone} as ${p.mt} on ${p.sub} with startup script ${p.s()}. ${S1} ${G}`);

// ===== topic_with_subscription =====
T('topic_with_subscription', ['bool-words', 'plain'], { topic: 'exact', subn: 'ends' }, { retain: true, ack: 30 }, (p) =>
  `For a small internal Google Cloud setup, create a Pub/Sub topic named ${p.topic} that keeps messages for ${p.ret}. Attach a subscription to that topic whose name ends with ${p.subn}, with a 30 second ack deadline, retained acked messages (true) and an expiration TTL of ${p.ttl}. ${G} ${S2}`);

T('topic_with_subscription', ['number-words', 'bool-words'], { topic: 'starts', subn: 'exact' }, { retain: false, ack: 20 }, (p) =>
  `Please set up messaging in Google Cloud: a topic whose name starts with ${p.topic} with message retention duration ${p.ret}, and a subscription called ${p.subn} on that topic. The subscription should use an ack deadline of twenty seconds, should not retain acked messages (false), and should expire after ${p.ttl} of inactivity. ${S3} ${G}`);

T('topic_with_subscription', ['field-fragments', 'bucket'], { bkt: 'starts', topic: 'ends', subn: 'starts' }, { retain: true, ack: 60 }, (p) =>
  `GCP request. Storage bucket: name starting with ${p.bkt}, location ${p.bloc}, storage class ${p.bsc}. Pub/Sub topic: name ending with ${p.topic}, retention ${p.ret}. Subscription: name starting with ${p.subn}, topic the one ending with ${p.topic}, ack deadline seconds 60, retain acked messages: yes, expiration policy ttl ${p.ttl}. ${G} ${S1}`);

T('topic_with_subscription', ['number-words', 'make-sure'], { topic: 'ends', subn: 'ends' }, { retain: false, ack: 10 }, (p) =>
  `We need a Pub/Sub pair on Google Cloud. Create a topic with a name ending in ${p.topic}, retaining messages for ${p.ret}. Then create a subscription whose name ends with ${p.subn} attached to it; make sure the ack deadline is ten seconds, retain acked messages is disabled, and the expiration TTL is ${p.ttl}. ${S2} ${G}`);

T('topic_with_subscription', ['ensure', 'parenthetical'], { topic: 'exact', subn: 'starts' }, { retain: true, ack: 20 }, (p) =>
  `Set up a topic and subscription in Google Cloud. The topic is called ${p.topic} (message retention ${p.ret}). Please ensure the subscription name starts with ${p.subn}, that it points at ${p.topic}, uses a 20-second ack deadline, keeps acked messages (retain acked messages enabled) and has an expiration policy TTL of ${p.ttl}. ${G} ${S3}`);


// ---------- build + verify ----------
const NUMWORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const BOOLWORDS = { true: ['true', 'yes', 'enabled', 'on'], false: ['false', 'no', 'disabled', 'off'] };
const START_RE = /\b(start|starts|starting|begin|begins|beginning|prefix|prefixed|leading)\b/i;
const END_RE = /\b(end|ends|ending|suffix|suffixed|trailing)\b/i;
const FORBIDDEN = /\b(readme|prerequisite|documentation|tutorial|guide|walkthrough)\b/i;
const FAMILY_SHAPES = {
  network_stack: [['vpc', 'sub', 'fw', 'vm'], []],
  network_without_instance: [['vpc', 'sub', 'fw'], ['bvm']],
  storage_delivery: [['bkt'], ['repo', 'topic']],
  artifact_delivery: [['repo'], ['bkt', 'topic', 'obj']],
  bucket_with_object: [['bkt', 'obj'], ['topic']],
  network_plus_storage: [['vpc', 'sub', 'fw', 'vm', 'bkt'], ['obj', 'repo']],
  network_plus_artifacts: [['vpc', 'sub', 'fw', 'vm', 'repo'], ['bkt', 'obj']],
  network_plus_pubsub: [['vpc', 'sub', 'fw', 'vm', 'topic'], ['bkt', 'obj']],
  storage_with_pubsub: [['bkt', 'topic'], ['repo', 'obj']],
  dns_frontend: [['dns', 'bkt'], ['obj', 'topic']],
  dns_network_bridge: [['dns', 'vpc', 'sub', 'vm'], ['fw', 'bkt']],
  topic_with_subscription: [['topic', 'subn'], ['bkt']],
};

function verify(c, p, prompt, inv) {
  const errs = [];
  const low = prompt.toLowerCase();
  const squash = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const has = (v) => low.includes(String(v).toLowerCase()) || squash(prompt).includes(squash(String(v)));
  // shape
  const [mand, opt] = FAMILY_SHAPES[c.family];
  const keys = Object.keys(c.res);
  for (const m of mand) if (!keys.includes(m)) errs.push(`family ${c.family} missing mandatory ${m}`);
  for (const k of keys) if (!mand.includes(k) && !opt.includes(k)) errs.push(`family ${c.family} has foreign template ${k}`);
  if (keys.includes('obj') && !keys.includes('bkt')) errs.push('object without bucket');
  // text hygiene
  if (!/^[\x20-\x7e]*$/.test(prompt)) errs.push('non-ASCII or control/newline character');
  const words = prompt.split(/\s+/).filter(Boolean).length;
  if (words >= 220) errs.push(`too long: ${words} words`);
  if (!prompt.includes(G)) errs.push('grant sentence missing');
  const subs = SUBMIT.filter((s) => prompt.includes(s)).length;
  if (subs !== 1) errs.push(`expected exactly one submission sentence, found ${subs}`);
  if (!/\b(gcp|google cloud)\b/i.test(prompt)) errs.push('provider mention missing');
  if (FORBIDDEN.test(prompt)) errs.push('forbidden word present');
  if (/[*`#]{2}|\*\*/.test(prompt.replace(/#!\/bin\/bash/g, ''))) errs.push('markdown-ish characters');
  if (/\b[A-Z]{4,}\b/.test(prompt.replace(/GCP|HTTP|ICMP|TCP|SSH|VPC|TTL|CIDR|DNS|VM|MIME/g, ''))) errs.push('upper-case enum token in prompt');
  // invariant values
  const unstated = c.style.includes('script-template-unstated');
  for (const i of inv) for (const [f, v] of Object.entries(i.match)) {
    if (f === 'values.metadata_startup_script') {
      const t = v.match(/'([^']+)'/)[1];
      if (!low.includes(t)) errs.push(`script token ${t} missing`);
      const tpl = Object.keys(TEMPLATES).find((k) => TEMPLATES[k](t) === v);
      if (!unstated && !prompt.includes(TEMPLATE_MARK[tpl])) errs.push(`script template ${tpl} marker missing (tag script-template-unstated if intended)`);
      if (unstated && Object.values(TEMPLATE_MARK).some((mk) => prompt.includes(mk))) errs.push('unstated script tag but a template marker is present');
      continue;
    }
    if (f === 'values.content_type') {
      if (!c.style.includes('content-type-unstated') && !low.includes('text/plain')) errs.push('text/plain missing (tag content-type-unstated if intended)');
      if (c.style.includes('content-type-unstated') && low.includes('text/plain')) errs.push('content-type-unstated but text/plain present');
      continue;
    }
    if (typeof v === 'boolean') {
      if (!BOOLWORDS[v].some((w) => new RegExp(`\\b${w}\\b`, 'i').test(prompt))) errs.push(`${f}: no ${v} word`);
      continue;
    }
    if (typeof v === 'number') {
      const ok = new RegExp(`\\b${v}\\b`).test(prompt) || (v <= 20 && new RegExp(`\\b${NUMWORDS[v]}\\b`, 'i').test(prompt));
      if (!ok) errs.push(`${f}: ${v} missing`);
      continue;
    }
    if (!has(v)) errs.push(`${f}: ${v} missing`);
  }
  // qualifier wording at the first mention of every rule-bearing name
  const allNames = inv.map((i) => i.match[Object.keys(i.comparison_rule)[0]]);
  for (const i of inv) {
    const f = Object.keys(i.comparison_rule)[0];
    const rule = i.comparison_rule[f];
    const tok = i.match[f];
    const at = low.indexOf(tok);
    if (at < 0) continue;
    let pre = low.slice(Math.max(0, at - 45), at);
    for (const b of ['. ', '; ', ', ', ': ', '(']) { const k = pre.lastIndexOf(b); if (k >= 0) pre = pre.slice(k + b.length); }
    for (const n of allNames) { const k = pre.lastIndexOf(n); if (k >= 0) pre = pre.slice(k + n.length); }
    let post = low.slice(at + tok.length, at + tok.length + 45);
    const pk = post.search(/[.;,](\s|$)/); if (pk >= 0) post = post.slice(0, pk);
    if (rule === 'exact_match') {
      if (START_RE.test(pre) || END_RE.test(pre)) errs.push(`${tok} is exact but preceded by a qualifier: "${pre}"`);
    } else {
      const [right, wrong] = rule === 'starts_with' ? [START_RE, END_RE] : [END_RE, START_RE];
      if (!(right.test(pre) || right.test(post))) errs.push(`${tok} is ${rule} but no matching qualifier near first mention: "${pre}" / "${post}"`);
      if (wrong.test(pre)) errs.push(`${tok} is ${rule} but preceded by the opposite qualifier: "${pre}"`);
    }
  }
  return errs;
}

const out = [];
let failed = 0;
cases.forEach((c, idx) => {
  const p = makeParams(idx + 1, c.o);
  const invariants = buildInvariants(p, c.res);
  const prompt = c.fn(p);
  const errs = verify(c, p, prompt, invariants);
  if (errs.length) { failed++; console.error(`case ${idx + 1} (${c.family}):\n  ` + errs.join('\n  ')); }
  out.push(JSON.stringify({ task_id: p.task_id, nonce: p.nonce, family: c.family, style: c.style, prompt, invariants }));
});
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'holdout.jsonl'), out.join('\n') + '\n');
const fams = {};
for (const c of cases) fams[c.family] = (fams[c.family] || 0) + 1;
console.log(`wrote ${out.length} cases to holdout.jsonl; families: ${JSON.stringify(fams)}`);
if (Object.keys(fams).length !== 12) { console.error('not all 12 families covered'); failed++; }
if (failed) { console.error(`${failed} case(s) failed verification`); process.exit(1); }
