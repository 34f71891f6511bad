// Held-out corpus 7: hand-written LLM-style rewrites of AlphaCore generator tasks.
// Deterministic: values come from a seeded PRNG per case; every prompt is written by hand below.
// Usage: node tests/corpus7/make.mjs   -> writes tests/corpus7/holdout.jsonl, exits 1 on verification failure.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'holdout.jsonl');
const G = 'Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment.';
const S1 = 'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.';
const S2 = 'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.';
const S3 = 'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.';
const SUBS = [S1, S2, S3];

// ---------- deterministic PRNG ----------
function mulberry32(a) { return () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
let R = mulberry32(1);
const ri = (lo, hi) => lo + Math.floor(R() * (hi - lo + 1));
const pick = (a) => a[Math.floor(R() * a.length)];
const L = 'abcdefghijklmnopqrstuvwxyz', AN = L + '0123456789', HEX = '0123456789abcdef';
const rs = (n, al) => Array.from({ length: n }, () => pick(al)).join('');
const nm = (lo, hi) => { const n = ri(lo, hi); return pick(L) + rs(n - 1, AN); };
const topicId = () => { let s; do { s = nm(6, 20); } while (s.startsWith('goog')); return s; };
const uuid = () => `${rs(8, HEX)}-${rs(4, HEX)}-4${rs(3, HEX)}-${pick('89ab')}${rs(3, HEX)}-${rs(12, HEX)}`;

const ZONES = { 'us-central1': ['a', 'b', 'c', 'f'], 'us-east1': ['b', 'c', 'd'], 'europe-west1': ['b', 'c', 'd'] };
const MT = ['e2-micro', 'e2-small', 'e2-medium'];
const BLOC = ['US-CENTRAL1', 'US-EAST1', 'US-WEST1', 'EUROPE-WEST1', 'ASIA-SOUTHEAST1'];
const BCLS = ['STANDARD', 'NEARLINE', 'COLDLINE'];
const ARLOC = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'asia-southeast1'];
const FMT = ['DOCKER', 'PYTHON'];
const RET = ['600s', '900s', '1200s'];
const ACK = [10, 20, 30, 60];
const TTL = ['86400s', '172800s', '259200s'];
const FW = { ssh: ['tcp', '22', 1000], http: ['tcp', '80', 1001], icmp: ['icmp', null, 1002] };
const TPL = {
  T1: (t) => `#!/bin/bash\nset -euo pipefail\necho '${t}' > /var/tmp/acore-token\n`,
  T2: (t) => `#!/bin/bash\nprintf '${t}' > /var/tmp/acore-token\n`,
  T3: (t) => `#!/bin/bash\n/usr/bin/env echo '${t}' > /var/tmp/acore-token\n`,
};
const RULE = { e: 'exact_match', s: 'starts_with', x: 'ends_with' };

// script renderings used inside hand-written prompts
const sc = (s) => s.replace(/\n/g, ' ').trim();            // collapsed by post-processing
const scl = (s) => s.replace(/\n/g, '\\n');                 // literal \n copied from JSON
const scb = (s) => sc(s).replace(/^#/, '');                 // lost leading '#'

// ---------- realise a case spec ----------
function realise(c, idx) {
  R = mulberry32(0xc0ffee + idx * 7919);
  const task_id = uuid(), nonce = rs(16, HEX);
  const tok = `${task_id.slice(0, 6)}-${nonce.slice(0, 6)}`;
  const o = c.o || {};
  const v = { tok };
  const inv = [];
  for (const part of c.res.split(/\s+/)) {
    const [k, r, a] = part.split(':');
    if (k === 'net') { v.net = nm(6, 18); inv.push(['google_compute_network', { 'values.name': v.net, 'values.auto_create_subnetworks': false }, r]); }
    else if (k === 'sub') {
      v.sub = nm(6, 18); v.region = o.region || pick(Object.keys(ZONES)); v.cidr = o.cidr || `10.${ri(10, 200)}.${ri(0, 240)}.0/24`;
      inv.push(['google_compute_subnetwork', { 'values.name': v.sub, 'values.network': v.net, 'values.region': v.region, 'values.ip_cidr_range': v.cidr }, r]);
    } else if (k === 'fw') {
      v.fw = nm(6, 18); const [p, port, prio] = FW[a]; Object.assign(v, { proto: p, port, prio });
      const m = { 'values.name': v.fw, 'values.network': v.net, 'values.direction': 'INGRESS', 'values.priority': prio, 'values.disabled': false, 'values.allow.0.protocol': p };
      if (port) m['values.allow.0.ports.0'] = port;
      inv.push(['google_compute_firewall', m, r]);
    } else if (k === 'vm') {
      v.vm = nm(6, 18); v.zone = o.zone || `${v.region}-${pick(ZONES[v.region])}`; v.mt = o.mt || pick(MT);
      v.ntok = tok + '-net'; v.T = a; v.script = TPL[a](v.ntok);
      inv.push(['google_compute_instance', { 'values.name': v.vm, 'values.zone': v.zone, 'values.machine_type': v.mt, 'values.network_interface.0.subnetwork': v.sub, 'values.metadata_startup_script': v.script }, r]);
    } else if (k === 'vmb') {
      v.vmb = nm(6, 18); const reg = o.bregion || pick(Object.keys(ZONES)); v.bzone = o.bzone || `${reg}-${pick(ZONES[reg])}`; v.bmt = o.bmt || pick(MT);
      v.bT = a; v.bscript = TPL[a](tok);
      inv.push(['google_compute_instance', { 'values.name': v.vmb, 'values.zone': v.bzone, 'values.machine_type': v.bmt, 'values.metadata_startup_script': v.bscript }, r]);
    } else if (k === 'bkt') {
      v.bkt = nm(10, 20); const loc = o.bloc || pick(BLOC), cls = o.bcls || pick(BCLS); v.bloc = loc.toLowerCase(); v.bcls = cls.toLowerCase();
      inv.push(['google_storage_bucket', { 'values.name': v.bkt, 'values.location': loc, 'values.storage_class': cls }, r]);
    } else if (k === 'obj') {
      v.obj = nm(8, 16) + 'txt'; v.content = rs(ri(12, 20), AN);
      inv.push(['google_storage_bucket_object', { 'values.name': v.obj, 'values.bucket': v.bkt, 'values.content_type': 'text/plain', 'values.content': v.content }, 'e']);
    } else if (k === 'ar') {
      v.ar = nm(6, 18); v.arloc = o.arloc || pick(ARLOC); const f = o.fmt || pick(FMT); v.fmt = f.toLowerCase();
      inv.push(['google_artifact_registry_repository', { 'values.repository_id': v.ar, 'values.location': v.arloc, 'values.format': f }, r]);
    } else if (k === 'top') {
      v.top = topicId(); v.ret = o.ret || pick(RET);
      inv.push(['google_pubsub_topic', { 'values.name': v.top, 'values.message_retention_duration': v.ret }, r]);
    } else if (k === 'subs') {
      v.subs = topicId(); v.ack = o.ack || pick(ACK); v.retain = a === 'true'; v.ttl = o.ttl || pick(TTL);
      inv.push(['google_pubsub_subscription', { 'values.name': v.subs, 'values.topic': v.top, 'values.ack_deadline_seconds': v.ack, 'values.retain_acked_messages': v.retain, 'values.expiration_policy.0.ttl': v.ttl }, r]);
    } else if (k === 'dns') {
      v.dns = nm(6, 14); v.dnsn = `${v.dns}.acore.example.`;
      inv.push(['google_dns_managed_zone', { 'values.name': v.dns, 'values.dns_name': v.dnsn }, r]);
    } else throw new Error('bad res ' + part);
  }
  // naming rules + propagation (spec 3.5)
  const invariants = inv.map(([rt, match, r]) => {
    const cr = {};
    const f = ['values.name', 'values.repository_id'].find((x) => x in match);
    if (!RULE[r]) throw new Error(`case ${idx}: missing rule for ${rt}`);
    cr[f] = RULE[r];
    return { resource_type: rt, match, comparison_rule: cr };
  });
  const flex = {};
  for (const i of invariants) for (const [f, rule] of Object.entries(i.comparison_rule)) if (rule !== 'exact_match') flex[i.match[f]] = rule;
  for (const i of invariants) for (const [f, val] of Object.entries(i.match)) if (!(f in i.comparison_rule) && typeof val === 'string' && flex[val]) i.comparison_rule[f] = flex[val];
  const prompt = c.p(v);
  return { task_id, nonce, family: c.f, style: c.s, prompt, invariants };
}

// ---------- the cases (each prompt hand-written) ----------
const C = [];
const add = (f, res, s, p, o) => C.push({ f, res, s, p, o });

// ===== network_stack =====
add('network_stack', 'net:e sub:e fw:e:ssh vm:s:T1', ['rule-reference', 'script-collapsed'], (v) =>
  `In Google Cloud, set the compute network name to ${v.net} and set compute network auto create subnetworks to false. Set the compute subnetwork name to ${v.sub}, use ${v.cidr} for compute subnetwork ip cidr range, compute subnetwork region equals ${v.region}, and the compute subnetwork network equals ${v.net}. Set compute firewall name to ${v.fw} on network ${v.net} with direction ingress, priority ${v.prio}, disabled false, protocol ${v.proto} and ports ${v.port}. Use a compute instance where name starts with ${v.vm}, machine type ${v.mt}, zone ${v.zone}, subnetwork ${v.sub}, and metadata startup script ${sc(v.script)}. ${S1} ${G}`);
add('network_stack', 'net:x sub:s fw:e:http vm:e:T2', ['natural', 'script-literal-newline'], (v) =>
  `We need a small isolated network on Google Cloud for a web test. Build a custom VPC whose name ends with ${v.net}, with automatic subnetwork creation turned off. Inside it, put one subnetwork in ${v.region} covering ${v.cidr}; the subnet name should begin with ${v.sub}. Open inbound web traffic with an ingress firewall rule named ${v.fw} at priority ${v.prio}, allowing tcp on port ${v.port}, and keep the rule enabled (disabled = false). Finally launch an ${v.mt} VM called ${v.vm} in ${v.zone}, attached to that subnetwork, using the startup script "${scl(v.script)}". Nothing else is needed. ${G} ${S2}`);
add('network_stack', 'net:s sub:x fw:s:icmp vm:x:T3', ['per-resource', 'script-lost-hash'], (v) =>
  `Google Cloud sandbox, keep it minimal. Network: a VPC with a name that starts with ${v.net}; auto create subnetworks is false. Subnetwork: its name ends with ${v.sub}, region ${v.region}, range ${v.cidr}, attached to the VPC above. Firewall: name starting with ${v.fw}, ingress, priority ${v.prio}, allows ${v.proto} only, disabled set to false, on the same VPC. Instance: an ${v.mt} machine in ${v.zone} whose name ends with ${v.vm}, on the subnetwork above, with startup script ${scb(v.script)}. ${S3} ${G}`);
add('network_stack', 'net:e sub:e fw:x:ssh vm:e:T1', ['natural', 'values-before-cues', 'script-described'], (v) =>
  `Please stand up a basic network stack in our GCP project. ${v.net} is the VPC name (no auto-created subnets, so auto create subnetworks should be false), and ${v.sub} is the single subnetwork in ${v.region} with CIDR ${v.cidr}. For SSH access add a firewall on that network whose name ends with ${v.fw}: ingress direction, priority ${v.prio}, tcp port ${v.port}, not disabled (false). ${v.vm} is the VM: ${v.mt}, zone ${v.zone}, on subnetwork ${v.sub}, with a bash startup script that runs set -euo pipefail and then echoes '${v.ntok}' into /var/tmp/acore-token. ${G} ${S1}`);
add('network_stack', 'net:s sub:s fw:s:http vm:s:T2', ['shared-facts', 'shared-rule', 'script-collapsed'], (v) =>
  `On Google Cloud, every name below is a prefix: each resource name must start with the given value and carry something extra after it. The VPC starts with ${v.net} and has auto create subnetworks set to false. The subnetwork starts with ${v.sub}, sits in ${v.region}, uses ${v.cidr} and belongs to that VPC. The firewall rule starts with ${v.fw}, is ingress at priority ${v.prio}, allows tcp port ${v.port}, disabled false. The VM starts with ${v.vm}, is an ${v.mt} in ${v.zone} on that subnetwork and runs ${sc(v.script)} at boot. ${S2} ${G}`);

// ===== network_without_instance =====
add('network_without_instance', 'net:e sub:x fw:e:icmp', ['rule-reference', 'negation'], (v) =>
  `In a Google Cloud project, compute network name equals ${v.net} and compute network auto create subnetworks equals false. Make compute subnetwork name end with ${v.sub}; compute subnetwork region equals ${v.region}; compute subnetwork ip cidr range equals ${v.cidr}; compute subnetwork network equals ${v.net}. Compute firewall name equals ${v.fw}, compute firewall network equals ${v.net}, direction ingress, priority ${v.prio}, protocol ${v.proto}, disabled false. No VM is required. ${S3} ${G}`);
add('network_without_instance', 'net:x sub:e fw:s:ssh', ['natural', 'negation'], (v) =>
  `Set up just the networking layer on Google Cloud, with no virtual machines and nothing else. The VPC name should end in ${v.net} and it must not auto-create subnetworks (false). Create subnetwork ${v.sub} in ${v.region} with the range ${v.cidr} inside that VPC. Then add a firewall rule, name beginning with ${v.fw}, letting ingress tcp traffic reach port ${v.port} at priority ${v.prio}; the rule is not disabled (false). ${G} ${S1}`);
add('network_without_instance', 'net:s sub:s fw:x:http vmb:e:T3', ['per-resource', 'script-collapsed'], (v) =>
  `Google Cloud request. VPC: name prefixed with ${v.net}, auto create subnetworks false. Subnetwork: name prefixed with ${v.sub}, in region ${v.region}, ip cidr range ${v.cidr}, on that VPC. Firewall rule: name suffixed with ${v.fw}, ingress, priority ${v.prio}, tcp port ${v.port}, disabled false, on that VPC. Virtual machine: a standalone instance named ${v.vmb} on the default network (not in the custom VPC), zone ${v.bzone}, machine type ${v.bmt}, metadata startup script ${sc(v.bscript)}. ${S2} ${G}`);
add('network_without_instance', 'net:e sub:e fw:e:http vmb:x:T1', ['natural', 'script-template-unstated'], (v) =>
  `For a quick connectivity test in GCP, create a custom network called ${v.net} with auto subnet creation disabled (false), a subnetwork called ${v.sub} in ${v.region} using ${v.cidr}, and an ingress firewall named ${v.fw} on ${v.net} allowing tcp/${v.port} at priority ${v.prio}, enabled (disabled false). Separately, run one small VM on the project default network, not on ${v.net}: its name ends with ${v.vmb}, it lives in ${v.bzone}, it is an ${v.bmt}, and its startup script simply writes ${v.tok} to /var/tmp/acore-token. ${S1} ${G}`);
add('network_without_instance', 'net:x sub:x fw:x:ssh', ['shared-rule', 'shared-facts'], (v) =>
  `Google Cloud networking only. The same suffix rule applies to every name here: each resource name must end with the value given. VPC ${v.net} (auto create subnetworks false); subnetwork ${v.sub} in ${v.region} with ${v.cidr}, inside that VPC; firewall ${v.fw} on the VPC, ingress, priority ${v.prio}, tcp ${v.port}, disabled false. Do not add instances or anything else. ${G} ${S3}`);

// ===== storage_delivery =====
add('storage_delivery', 'bkt:s ar:x', ['rule-reference'], (v) =>
  `In Google Cloud, use a storage bucket where name starts with ${v.bkt}; storage bucket location equals ${v.bloc} and storage bucket storage class equals ${v.bcls}. Use an artifact registry repository where repository id ends with ${v.ar}, with artifact registry repository location ${v.arloc} and format ${v.fmt}. ${S1} ${G}`);
add('storage_delivery', 'bkt:x top:e', ['natural', 'duration-other-unit'], (v) =>
  `I need a storage bucket and a topic in our Google Cloud project. The bucket name must end with ${v.bkt}; put it in ${v.bloc} with the ${v.bcls} storage class. Next to it, create a Pub/Sub topic named ${v.top} that keeps messages for ${v.ret === '600s' ? '10 minutes (600 seconds)' : v.ret === '900s' ? '15 minutes' : '20 minutes'}. Nothing beyond these two. ${S2} ${G}`, { ret: '900s' });
add('storage_delivery', 'bkt:s ar:s top:x', ['per-resource', 'values-after-cues'], (v) =>
  `GCP, three resources. Bucket: the name begins with ${v.bkt}, location ${v.bloc}, class ${v.bcls}. Artifact Registry: a ${v.fmt} repository in ${v.arloc} whose repository id begins with ${v.ar}. Pub/Sub: a topic whose name ends with ${v.top}, message retention duration ${v.ret}. ${G} ${S3}`);
add('storage_delivery', 'bkt:x ar:x top:e', ['shared-facts'], (v) =>
  `Everything lives in Google Cloud region ${v.arloc}: the bucket (location ${v.bloc}, ${v.bcls} class, name ending with ${v.bkt}) and the artifact registry repository, which holds ${v.fmt} packages and whose id ends with ${v.ar}. Also create a topic named ${v.top} retaining messages for ${v.ret}. ${S1} ${G}`, { bloc: 'US-EAST1', arloc: 'us-east1' });

// ===== artifact_delivery =====
add('artifact_delivery', 'ar:s top:e', ['rule-reference'], (v) =>
  `Google Cloud task. Make the artifact registry repository repository id start with ${v.ar}; set artifact registry repository location to ${v.arloc}; artifact registry repository format equals ${v.fmt}. Set pubsub topic name to ${v.top} and pubsub topic message retention duration to ${v.ret}. ${S2} ${G}`);
add('artifact_delivery', 'ar:x bkt:s obj', ['natural', 'content-type-omitted'], (v) =>
  `Please create an Artifact Registry repository for ${v.fmt} artifacts in ${v.arloc}, with an id that ends with ${v.ar}, on Google Cloud. Add a storage bucket whose name starts with ${v.bkt} in ${v.bloc} using ${v.bcls} storage, and upload one object called ${v.obj} into it containing the text ${v.content}. ${G} ${S1}`);
add('artifact_delivery', 'ar:s bkt:x top:s obj', ['per-resource', 'references-back'], (v) =>
  `Google Cloud delivery setup. The repository: Artifact Registry, format ${v.fmt}, location ${v.arloc}, repository id starting with ${v.ar}. The bucket: name ending with ${v.bkt}, ${v.bcls} class, located in ${v.bloc}. The object: ${v.obj}, stored in that bucket, content type text/plain, content ${v.content}. The topic: name starting with ${v.top}, message retention ${v.ret}. ${S3} ${G}`);
add('artifact_delivery', 'ar:x bkt:x', ['natural', 'values-before-cues'], (v) =>
  `In GCP, ${v.ar} should be the tail of the Artifact Registry repository id, so the id ends with ${v.ar}; it is a ${v.fmt} repo in ${v.arloc}. ${v.bkt} is likewise the ending of the storage bucket name, and that bucket is ${v.bcls} in ${v.bloc}. Keep it to these two resources. ${S2} ${G}`);

// ===== bucket_with_object =====
add('bucket_with_object', 'bkt:s obj', ['rule-reference'], (v) =>
  `In Google Cloud, use a storage bucket where name starts with ${v.bkt}. Set storage bucket location to ${v.bloc} and storage bucket storage class to ${v.bcls}. Set storage bucket object name to ${v.obj}, storage bucket object bucket to ${v.bkt}, storage bucket object content type to text/plain and storage bucket object content to ${v.content}. ${G} ${S3}`);
add('bucket_with_object', 'bkt:x obj top:e', ['natural'], (v) =>
  `Create a ${v.bcls} Cloud Storage bucket in ${v.bloc} on Google Cloud, with a name ending in ${v.bkt}. Drop a plain text file named ${v.obj} into it whose body is exactly ${v.content}. Also create a Pub/Sub topic called ${v.top} with a ${v.ret} message retention. ${S1} ${G}`);
add('bucket_with_object', 'bkt:x obj', ['per-resource', 'content-type-omitted', 'negation'], (v) =>
  `Google Cloud. Bucket: suffix ${v.bkt} (the name must end with it), location ${v.bloc}, storage class ${v.bcls}. Object: named ${v.obj}, inside the bucket, content ${v.content}. No other resources. ${S2} ${G}`);
add('bucket_with_object', 'bkt:s obj top:x', ['natural', 'values-after-cues'], (v) =>
  `On GCP, add a bucket whose name should start with ${v.bkt}, located in ${v.bloc} and set to ${v.bcls}. Put an object in that bucket with the name ${v.obj} and the content ${v.content}, content type text/plain. Create a topic as well, its name ending with ${v.top}, keeping messages for ${v.ret}. ${G} ${S3}`);

// ===== network_plus_storage =====
add('network_plus_storage', 'net:e sub:e fw:e:ssh vm:e:T2 bkt:s obj', ['per-resource', 'script-collapsed'], (v) =>
  `Google Cloud environment. VPC ${v.net}, auto create subnetworks false. Subnetwork ${v.sub} in ${v.region}, ${v.cidr}, on ${v.net}. Firewall ${v.fw} on ${v.net}: ingress, priority ${v.prio}, tcp ${v.port}, disabled false. VM ${v.vm}: ${v.mt}, ${v.zone}, subnetwork ${v.sub}, startup script ${sc(v.script)}. Bucket with a name starting with ${v.bkt}, ${v.bloc}, ${v.bcls}. Object ${v.obj} in that bucket with content ${v.content}, content type text/plain. ${S1} ${G}`);
add('network_plus_storage', 'net:s sub:x fw:e:icmp vm:s:T1 bkt:x ar:s', ['natural', 'script-literal-newline'], (v) =>
  `Set up a small app environment on Google Cloud. Create a VPC whose name starts with ${v.net} with auto create subnetworks false, and a subnetwork ending with ${v.sub} in ${v.region} on ${v.cidr}. Allow ping with an ingress ${v.proto} firewall rule called ${v.fw} at priority ${v.prio}, disabled false. Boot an ${v.mt} VM in ${v.zone} on that subnetwork, name starting with ${v.vm}, startup script ${scl(v.script)}. For storage, a bucket whose name ends with ${v.bkt} (${v.bcls}, ${v.bloc}) and a ${v.fmt} Artifact Registry repository in ${v.arloc} with an id starting with ${v.ar}. ${G} ${S2}`);
add('network_plus_storage', 'net:x sub:s fw:x:http vm:x:T3 bkt:s obj ar:x', ['shared-facts', 'script-lost-hash', 'content-type-omitted'], (v) =>
  `All regional resources go in ${v.region} on Google Cloud. VPC name ends with ${v.net}, auto create subnetworks false; subnetwork starts with ${v.sub}, ${v.cidr}; firewall ends with ${v.fw}, ingress, priority ${v.prio}, tcp ${v.port}, disabled false; VM ends with ${v.vm}, ${v.mt} in ${v.zone}, on the subnetwork, startup ${scb(v.script)}. Bucket starts with ${v.bkt}, ${v.bcls}, location ${v.bloc}; object ${v.obj} in it holding ${v.content}; ${v.fmt} repository, id ends with ${v.ar}, location ${v.arloc}. ${S3} ${G}`, { region: 'us-east1', bloc: 'US-EAST1', arloc: 'us-east1' });
add('network_plus_storage', 'net:e sub:s fw:s:ssh vm:e:T2 bkt:x ar:x', ['natural', 'script-template-unstated'], (v) =>
  `In our GCP project, build network ${v.net} (auto create subnetworks off) and a subnetwork prefixed with ${v.sub} in ${v.region} using ${v.cidr}. Open ssh with a firewall prefixed with ${v.fw}: tcp ${v.port}, ingress, priority ${v.prio}, disabled false. Launch VM ${v.vm}, an ${v.mt} in ${v.zone} on that subnetwork, whose startup script drops the token ${v.ntok} into /var/tmp/acore-token. Add a ${v.bcls} bucket in ${v.bloc} with a name ending in ${v.bkt}, and a ${v.fmt} Artifact Registry repo in ${v.arloc} whose id ends with ${v.ar}. ${G} ${S1}`);

// ===== network_plus_artifacts =====
add('network_plus_artifacts', 'net:e sub:e fw:e:http vm:s:T3 ar:x bkt:s', ['rule-reference', 'script-collapsed'], (v) =>
  `In Google Cloud: compute network name equals ${v.net}; compute network auto create subnetworks equals false. Compute subnetwork name equals ${v.sub}, region ${v.region}, ip cidr range ${v.cidr}, network ${v.net}. Compute firewall name equals ${v.fw}, network ${v.net}, direction ingress, priority ${v.prio}, protocol tcp, ports ${v.port}, disabled false. Make compute instance name start with ${v.vm}; zone ${v.zone}; machine type ${v.mt}; subnetwork ${v.sub}; metadata startup script ${sc(v.script)}. Artifact registry repository repository id ends with ${v.ar}, location ${v.arloc}, format ${v.fmt}. Storage bucket name starts with ${v.bkt}, location ${v.bloc}, storage class ${v.bcls}. ${S2} ${G}`);
add('network_plus_artifacts', 'net:x sub:e fw:s:icmp vm:e:T1 ar:s bkt:x obj', ['natural', 'script-described'], (v) =>
  `We want a build box on Google Cloud. Make a VPC ending with ${v.net}, auto subnet creation false, and a subnetwork ${v.sub} in ${v.region} (${v.cidr}). A firewall starting with ${v.fw} should allow ingress icmp at priority ${v.prio} and remain enabled, disabled false. The VM ${v.vm} is ${v.mt} in ${v.zone} on ${v.sub}; its bash startup script does set -euo pipefail then echo '${v.ntok}' > /var/tmp/acore-token. An Artifact Registry ${v.fmt} repository in ${v.arloc} starts with ${v.ar}. A bucket ending with ${v.bkt} in ${v.bloc}, ${v.bcls}, holds object ${v.obj} with content ${v.content}. ${S3} ${G}`);
add('network_plus_artifacts', 'net:s sub:s fw:x:ssh vm:x:T2 ar:x bkt:x', ['per-resource', 'script-lost-hash'], (v) =>
  `Google Cloud. Network: starts with ${v.net}, auto create subnetworks false. Subnet: starts with ${v.sub}, ${v.region}, ${v.cidr}. Firewall: ends with ${v.fw}, ingress, tcp/${v.port}, priority ${v.prio}, disabled false. Instance: ends with ${v.vm}, ${v.mt}, ${v.zone}, on the subnet, startup script ${scb(v.script)}. Registry: id ends with ${v.ar}, ${v.fmt}, ${v.arloc}. Bucket: ends with ${v.bkt}, ${v.bloc}, ${v.bcls}. ${G} ${S1}`);
add('network_plus_artifacts', 'net:e sub:x fw:e:ssh vm:e:T3 ar:s bkt:s', ['natural', 'script-template-unstated', 'values-before-cues'], (v) =>
  `Please provision, in Google Cloud, network ${v.net} with automatic subnetworks disabled (false) and a subnetwork in ${v.region} on ${v.cidr} whose name has ${v.sub} at the end. ${v.fw} is the ssh firewall on ${v.net}: ingress tcp ${v.port}, priority ${v.prio}, disabled false. ${v.vm} is an ${v.mt} VM in ${v.zone} on that subnet; at boot it just needs to write ${v.ntok} to /var/tmp/acore-token. Store images in a ${v.fmt} repository in ${v.arloc} with an id beginning with ${v.ar}, and keep logs in a bucket beginning with ${v.bkt} (${v.bloc}, ${v.bcls}). ${S2} ${G}`);

// ===== network_plus_pubsub =====
add('network_plus_pubsub', 'net:e sub:e fw:s:http vm:e:T1 top:x', ['per-resource', 'script-collapsed'], (v) =>
  `Google Cloud worker setup. The VPC is ${v.net} and does not auto-create subnetworks (false). The subnetwork is ${v.sub}, region ${v.region}, CIDR ${v.cidr}. The firewall rule name starts with ${v.fw}; ingress, tcp ${v.port}, priority ${v.prio}, disabled false. The worker VM is ${v.vm}, ${v.mt}, zone ${v.zone}, on subnetwork ${v.sub}, startup script ${sc(v.script)}. The Pub/Sub topic name ends with ${v.top} and retains messages for ${v.ret}. ${S3} ${G}`);
add('network_plus_pubsub', 'net:s sub:x fw:e:ssh vm:x:T2 top:e bkt:x obj', ['natural', 'script-literal-newline', 'content-type-omitted'], (v) =>
  `On GCP, create a VPC starting with ${v.net} (auto create subnetworks false) and a subnetwork ending with ${v.sub} in ${v.region} with ${v.cidr}. Add firewall ${v.fw}: ingress tcp ${v.port}, priority ${v.prio}, disabled false. Run a VM ending with ${v.vm} (${v.mt}, ${v.zone}) on the subnetwork with startup script '${scl(v.script)}'. Publish to topic ${v.top} (retention ${v.ret}). A bucket ending with ${v.bkt} in ${v.bloc} (${v.bcls}) holds ${v.obj} with content ${v.content}. ${G} ${S2}`);
add('network_plus_pubsub', 'net:x sub:s fw:x:icmp vm:s:T3 top:s', ['shared-rule', 'script-described'], (v) =>
  `Google Cloud again. For the network pieces, names use suffixes: the VPC ends with ${v.net} (auto create subnetworks false) and the firewall ends with ${v.fw} (ingress icmp, priority ${v.prio}, disabled false). The subnetwork and the VM use prefixes instead: the subnetwork starts with ${v.sub} (${v.region}, ${v.cidr}) and the VM starts with ${v.vm} (${v.mt}, ${v.zone}, on that subnetwork), with a startup script that calls /usr/bin/env echo '${v.ntok}' > /var/tmp/acore-token. The topic starts with ${v.top}, retention ${v.ret}. ${S1} ${G}`);
add('network_plus_pubsub', 'net:e sub:e fw:e:http vm:s:T2 top:e bkt:s', ['natural', 'duration-other-unit', 'script-collapsed'], (v) =>
  `Build this in Google Cloud: VPC ${v.net} with auto create subnetworks false; subnetwork ${v.sub} in ${v.region} covering ${v.cidr}; firewall ${v.fw} permitting ingress http (tcp ${v.port}) at priority ${v.prio}, disabled false; a VM with a name that starts with ${v.vm}, ${v.mt} in ${v.zone} on subnetwork ${v.sub}, running ${sc(v.script)}. Create topic ${v.top} with message retention of 1200 seconds (20 minutes), plus a ${v.bcls} bucket in ${v.bloc} whose name starts with ${v.bkt}. ${S3} ${G}`, { ret: '1200s' });

// ===== storage_with_pubsub =====
add('storage_with_pubsub', 'bkt:x top:s ar:x', ['rule-reference'], (v) =>
  `In Google Cloud, use a storage bucket where name ends with ${v.bkt}; storage bucket location equals ${v.bloc}; storage bucket storage class equals ${v.bcls}. Make pubsub topic name start with ${v.top}; pubsub topic message retention duration equals ${v.ret}. Artifact registry repository repository id ends with ${v.ar}; location ${v.arloc}; format ${v.fmt}. ${G} ${S1}`, undefined);
add('storage_with_pubsub', 'bkt:s top:e obj', ['natural', 'values-after-cues'], (v) =>
  `Create on Google Cloud a bucket with the prefix ${v.bkt} in ${v.bloc}, storage class ${v.bcls}, and put a text object named ${v.obj} into it with content ${v.content}. Add a Pub/Sub topic named ${v.top} with a message retention duration of ${v.ret}. ${S2} ${G}`);
add('storage_with_pubsub', 'bkt:x top:x ar:s obj', ['per-resource'], (v) =>
  `GCP resources. Bucket - name ending with ${v.bkt}, ${v.bcls}, location ${v.bloc}. Object - ${v.obj} in that bucket, content ${v.content}, content type text/plain. Topic - name ending with ${v.top}, retention ${v.ret}. Repository - Artifact Registry, ${v.fmt}, ${v.arloc}, id starting with ${v.ar}. ${S3} ${G}`);
add('storage_with_pubsub', 'bkt:s top:e ar:x', ['natural', 'negation', 'duration-other-unit'], (v) =>
  `On Google Cloud, we only need a bucket, a topic and a repository, nothing else. The bucket name should start with ${v.bkt}; keep it in ${v.bloc} as ${v.bcls}. The topic, called ${v.top}, keeps messages for ten minutes (600s). The ${v.fmt} repository goes in ${v.arloc}, its id ending with ${v.ar}. ${G} ${S1}`, { ret: '600s' });

// ===== dns_frontend =====
add('dns_frontend', 'dns:e bkt:s obj', ['rule-reference'], (v) =>
  `In Google Cloud, set dns managed zone name to ${v.dns} and dns managed zone dns name to ${v.dnsn} Use a storage bucket where name starts with ${v.bkt}, storage bucket location ${v.bloc}, storage bucket storage class ${v.bcls}. Set storage bucket object name to ${v.obj}, content ${v.content}, content type text/plain, in bucket ${v.bkt}. ${S2} ${G}`);
add('dns_frontend', 'dns:s bkt:x top:e', ['natural'], (v) =>
  `For a static frontend on GCP, create a Cloud DNS managed zone whose name begins with ${v.dns}, serving the domain ${v.dnsn} Store the site in a ${v.bcls} bucket in ${v.bloc} with a name that ends with ${v.bkt}. Also create a topic named ${v.top} with ${v.ret} retention for deploy events. ${S3} ${G}`);
add('dns_frontend', 'dns:x bkt:s obj top:s', ['per-resource', 'content-type-omitted'], (v) =>
  `Google Cloud. Zone: name ends with ${v.dns}, dns name ${v.dnsn} Bucket: name starts with ${v.bkt}, ${v.bloc}, ${v.bcls}. Object: ${v.obj}, in that bucket, content ${v.content}. Topic: name starts with ${v.top}, message retention ${v.ret}. ${G} ${S1}`);
add('dns_frontend', 'dns:e bkt:x top:x', ['natural', 'values-before-cues'], (v) =>
  `In Google Cloud, ${v.dns} is the DNS managed zone name and ${v.dnsn} is its DNS name. ${v.bkt} should appear at the end of the bucket name, and the bucket sits in ${v.bloc} with ${v.bcls} storage. ${v.top} should be the ending of the topic name; retention ${v.ret}. ${S2} ${G}`);
add('dns_frontend', 'dns:s bkt:s obj', ['shared-rule', 'negation'], (v) =>
  `On Google Cloud, use prefix naming for both the zone and the bucket: every name must begin with the given value. The managed zone starts with ${v.dns} and uses dns name ${v.dnsn} The bucket starts with ${v.bkt}, is ${v.bcls}, located in ${v.bloc}, and holds exactly one object named ${v.obj} whose content is ${v.content} (content type text/plain). No topics or other extras. ${S3} ${G}`);

// ===== dns_network_bridge =====
add('dns_network_bridge', 'dns:e net:e sub:e vm:e:T1 fw:e:ssh', ['rule-reference', 'script-collapsed'], (v) =>
  `Google Cloud. Set dns managed zone name to ${v.dns}; dns managed zone dns name equals ${v.dnsn} Set compute network name to ${v.net}, auto create subnetworks false. Set compute subnetwork name to ${v.sub}, network ${v.net}, region ${v.region}, ip cidr range ${v.cidr}. Set compute instance name to ${v.vm}, zone ${v.zone}, machine type ${v.mt}, subnetwork ${v.sub}, metadata startup script ${sc(v.script)}. Set compute firewall name to ${v.fw}, network ${v.net}, ingress, priority ${v.prio}, tcp, ports ${v.port}, disabled false. ${S1} ${G}`);
add('dns_network_bridge', 'dns:x net:s sub:e vm:x:T2 bkt:s', ['natural', 'script-lost-hash'], (v) =>
  `We are bridging DNS and a private network on Google Cloud. Create a managed zone whose name ends with ${v.dns}, for ${v.dnsn} Create a VPC that starts with ${v.net} without auto subnetworks (false), subnetwork ${v.sub} in ${v.region} with ${v.cidr}, and an ${v.mt} VM in ${v.zone} on ${v.sub} with a name ending with ${v.vm} and startup script ${scb(v.script)}. A bucket whose name starts with ${v.bkt} (${v.bloc}, ${v.bcls}) completes it. ${G} ${S2}`);
add('dns_network_bridge', 'dns:s net:x sub:s vm:s:T3 fw:s:icmp bkt:x', ['per-resource', 'script-literal-newline'], (v) =>
  `Google Cloud. DNS zone: starts with ${v.dns}, dns name ${v.dnsn} VPC: ends with ${v.net}, auto create subnetworks false. Subnetwork: starts with ${v.sub}, ${v.region}, ${v.cidr}. VM: starts with ${v.vm}, ${v.mt}, ${v.zone}, on the subnetwork, metadata startup script ${scl(v.script)}. Firewall: starts with ${v.fw}, ingress icmp, priority ${v.prio}, disabled false. Bucket: ends with ${v.bkt}, ${v.bloc}, ${v.bcls}. ${S3} ${G}`);
add('dns_network_bridge', 'dns:e net:e sub:x vm:e:T2 fw:x:http', ['natural', 'script-template-unstated'], (v) =>
  `In GCP, create the DNS zone ${v.dns} for ${v.dnsn} and a network ${v.net} that has auto create subnetworks set to false. Its only subnetwork lives in ${v.region} on ${v.cidr} and has a name ending in ${v.sub}. Put one ${v.mt} VM, ${v.vm}, in ${v.zone} on that subnetwork; the startup script only has to leave ${v.ntok} in /var/tmp/acore-token. A firewall ending with ${v.fw} lets in tcp ${v.port} (ingress, priority ${v.prio}, disabled false). ${S1} ${G}`);
add('dns_network_bridge', 'dns:x net:x sub:x vm:x:T1 bkt:x', ['shared-rule', 'shared-facts', 'script-described'], (v) =>
  `Google Cloud project, all names are suffix matches (each name ends with the value shown). Zone ${v.dns} with dns name ${v.dnsn} VPC ${v.net}, auto create subnetworks false. Subnetwork ${v.sub} in ${v.region}, ${v.cidr}. VM ${v.vm}, ${v.mt}, ${v.zone}, on that subnetwork, whose startup script is bash with set -euo pipefail and echo '${v.ntok}' > /var/tmp/acore-token. Bucket ${v.bkt}, ${v.bloc}, ${v.bcls}. ${G} ${S2}`);

// ===== topic_with_subscription =====
add('topic_with_subscription', 'top:e subs:x:true', ['rule-reference'], (v) =>
  `In Google Cloud, set pubsub topic name to ${v.top} and pubsub topic message retention duration to ${v.ret}. Use a pubsub subscription where name ends with ${v.subs}; pubsub subscription topic equals ${v.top}; ack deadline seconds equals ${v.ack}; retain acked messages equals true; ttl equals ${v.ttl}. ${S1} ${G}`);
add('topic_with_subscription', 'top:s subs:e:false', ['natural', 'numbers-in-words'], (v) =>
  `On Google Cloud, create a Pub/Sub topic whose name starts with ${v.top}, retaining messages for ${v.ret}. Subscribe to it with a subscription named ${v.subs}: an ack deadline of twenty seconds, acked messages are not retained (false), and the subscription expires after ${v.ttl} of inactivity. ${S3} ${G}`, { ack: 20 });
add('topic_with_subscription', 'top:x subs:s:true bkt:s', ['per-resource', 'duration-other-unit'], (v) =>
  `Google Cloud messaging. Topic: name ending with ${v.top}, retention ${v.ret}. Subscription: name starting with ${v.subs}, attached to that topic, ack deadline ${v.ack} seconds, retain acked messages yes, expiration ttl 2 days (172800s). Bucket: name starting with ${v.bkt}, ${v.bloc}, ${v.bcls}. ${G} ${S2}`, { ttl: '172800s' });
add('topic_with_subscription', 'top:e subs:e:false', ['natural', 'values-before-cues', 'negation'], (v) =>
  `In GCP, ${v.top} is the topic, with ${v.ret} of message retention. ${v.subs} is its only subscription; ack deadline ${v.ack}, retain acked messages false, expiration policy ttl ${v.ttl}. Nothing else should be created. ${S1} ${G}`);
add('topic_with_subscription', 'top:s subs:x:true', ['natural', 'numbers-in-words', 'duration-other-unit'], (v) =>
  `Please set up Pub/Sub on Google Cloud: a topic whose name starts with ${v.top} that holds messages for 15 minutes (900s), and a subscription on that same topic whose name ends with ${v.subs}. The subscription should give consumers ten seconds to ack, keep acknowledged messages (true), and expire after one day (86400s) without activity. ${S3} ${G}`, { ret: '900s', ack: 10, ttl: '86400s' });

// ===== a few more mixed cases =====
add('network_stack', 'net:x sub:x fw:e:icmp vm:x:T1', ['natural', 'references-back', 'script-template-unstated'], (v) =>
  `Here is what we need on Google Cloud. First a VPC, and its name has to end with ${v.net}; auto create subnetworks is false. Then a subnetwork in ${v.region}, range ${v.cidr}, whose name ends with ${v.sub}, inside the VPC just mentioned. A firewall named ${v.fw} on that same VPC should allow ingress icmp at priority ${v.prio}, disabled false. Lastly a VM whose name ends with ${v.vm}: ${v.mt}, ${v.zone}, on the subnetwork from before, and its startup script should write ${v.ntok} into /var/tmp/acore-token. ${G} ${S3}`);
add('bucket_with_object', 'bkt:s obj top:s', ['shared-rule'], (v) =>
  `In Google Cloud, both the bucket and the topic use prefix names, starting with the values given. Bucket ${v.bkt}, location ${v.bloc}, class ${v.bcls}; inside it the object ${v.obj} (exact name) with content ${v.content}, text/plain. Topic ${v.top}, retention ${v.ret}. ${S1} ${G}`);
add('storage_delivery', 'bkt:s top:s', ['natural', 'negation'], (v) =>
  `Only two things on Google Cloud and nothing else: a ${v.bcls} bucket in ${v.bloc} whose name starts with ${v.bkt}, and a Pub/Sub topic whose name starts with ${v.top}, with message retention ${v.ret}. No repositories, no VMs. ${S2} ${G}`);
add('artifact_delivery', 'ar:x top:x bkt:x', ['per-resource'], (v) =>
  `Google Cloud. Artifact Registry repository, format ${v.fmt}, location ${v.arloc}, the id ending with ${v.ar}. Pub/Sub topic whose name ends with ${v.top}, retaining messages ${v.ret}. Storage bucket whose name ends with ${v.bkt}, location ${v.bloc}, storage class ${v.bcls}. ${G} ${S3}`);
add('network_plus_pubsub', 'net:e sub:s fw:e:ssh vm:e:T3 top:x bkt:s', ['rule-reference', 'script-collapsed'], (v) =>
  `Google Cloud. Compute network name equals ${v.net}, auto create subnetworks equals false. Make compute subnetwork name start with ${v.sub}; region ${v.region}; ip cidr range ${v.cidr}; network ${v.net}. Compute firewall name equals ${v.fw}, network ${v.net}, ingress, priority ${v.prio}, tcp, ports ${v.port}, disabled false. Compute instance name equals ${v.vm}, zone ${v.zone}, machine type ${v.mt}, subnetwork ${v.sub}, metadata startup script ${sc(v.script)}. Make pubsub topic name end with ${v.top}, message retention duration ${v.ret}. Use a storage bucket where name starts with ${v.bkt}, location ${v.bloc}, storage class ${v.bcls}. ${S1} ${G}`);
add('network_without_instance', 'net:s sub:e fw:s:http vmb:s:T2', ['natural', 'script-literal-newline'], (v) =>
  `On Google Cloud, make a VPC beginning with ${v.net}, auto create subnetworks false, with subnetwork ${v.sub} in ${v.region} using ${v.cidr}. Add an ingress firewall beginning with ${v.fw} for tcp ${v.port} at priority ${v.prio}, disabled false. Also one VM on the default network (not the new VPC), name beginning with ${v.vmb}, ${v.bmt} in ${v.bzone}, with metadata startup script "${scl(v.bscript)}". ${S2} ${G}`);

// ---------- verification ----------
const NUMW = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const BOOLW = /\b(true|false|yes|no|not|enabled|disabled|on|off)\b/;
const PRE = /\b(start|starts|starting|begin|begins|beginning|prefix|prefixed|prefixes)\b/;
const SUF = /\b(end|ends|ending|suffix|suffixed|suffixes|tail)\b|\bat the end\b/;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const has = (p, s) => new RegExp(`(^|[^a-z0-9])${esc(s.toLowerCase())}($|[^a-z0-9])`).test(p);
function durAlts(d) {
  const n = parseInt(d, 10), out = [`${n}s`, `${n} s`, `${n} seconds`, `${n}-second`];
  const unit = (k, w) => { if (n % k === 0) { const m = n / k; out.push(`${m} ${w}`, `${m}-${w.replace(/s$/, '')}`); if (m <= 20) out.push(`${NUMW[m]} ${w}`); if (m === 1) out.push(`one ${w.replace(/s$/, '')}`, `a ${w.replace(/s$/, '')}`); } };
  unit(60, 'minutes'); unit(3600, 'hours'); unit(86400, 'days');
  return out;
}
const errs = [];
const rows = C.map((c, i) => realise(c, i));
const ids = new Set();
rows.forEach((t, i) => {
  const E = (m) => errs.push(`case ${i} (${t.family}): ${m}`);
  const p = t.prompt, lp = p.toLowerCase();
  if (ids.has(t.task_id)) E('dup task_id'); ids.add(t.task_id);
  if (!/^[\x20-\x7e]+$/.test(p)) E('non-ASCII or multi-line');
  const words = p.split(/\s+/).length; if (words >= 220) E(`too long: ${words} words`);
  if (!/\b(gcp|google cloud)\b/i.test(p)) E('no provider mention');
  if (!p.includes(G)) E('grant sentence missing');
  if (SUBS.filter((s) => p.includes(s)).length !== 1) E('need exactly one submission sentence');
  if (/readme|prerequisite|documentation|tutorial|guide|walkthrough|\*\*|`/i.test(p)) E('banned word/markdown');
  const fam = { network_stack: 4, network_without_instance: 3, storage_delivery: 1, artifact_delivery: 1, bucket_with_object: 2, network_plus_storage: 5, network_plus_artifacts: 5, network_plus_pubsub: 5, storage_with_pubsub: 2, dns_frontend: 2, dns_network_bridge: 4, topic_with_subscription: 2 };
  if (!(t.family in fam) || t.invariants.length < fam[t.family]) E('bad family/size');
  const tokens = [];
  for (const inv of t.invariants) {
    for (const [f, val] of Object.entries(inv.match)) {
      if (f === 'values.content_type') { if (val !== 'text/plain') E('content_type'); continue; }
      if (f === 'values.metadata_startup_script') {
        const m = val.match(/'([0-9a-f]{6}-[0-9a-f]{6}(-net)?)'/); const tk = m[1];
        const isNet = 'values.network_interface.0.subnetwork' in inv.match;
        if (isNet !== tk.endsWith('-net') || tk.slice(0, 6) !== t.task_id.slice(0, 6) || tk.slice(7, 13) !== t.nonce.slice(0, 6)) E('token shape');
        if (!has(lp, tk)) E(`script token ${tk} missing`);
        const T = val.includes('pipefail') ? 'pipefail' : val.includes('printf') ? 'printf' : '/usr/bin/env';
        const unstated = t.style.includes('script-template-unstated');
        if (!unstated && !lp.includes(T)) E(`script template cue ${T} missing`);
        if (unstated && /pipefail|printf|\/usr\/bin\/env|#!\/bin\/bash|!\/bin\/bash/.test(lp)) E('unstated template but template text present');
        if (!lp.includes('/var/tmp/acore-token')) E('script path missing');
        continue;
      }
      if (typeof val === 'boolean') { if (!BOOLW.test(lp)) E(`bool ${f}`); continue; }
      if (typeof val === 'number') {
        if (!has(lp, String(val)) && !(val <= 20 && has(lp, NUMW[val])) && !(f.endsWith('ack_deadline_seconds') && durAlts(val + 's').some((a) => lp.includes(a)))) E(`int ${f}=${val} missing`);
        continue;
      }
      if (/^\d+s$/.test(val)) { if (!durAlts(val).some((a) => lp.includes(a))) E(`duration ${val} missing`); continue; }
      if (f === 'values.dns_name') { if (!lp.includes(val.toLowerCase().replace(/\.$/, ''))) E('dns_name missing'); continue; }
      if (!lp.includes(val.toLowerCase())) E(`value ${f}=${val} missing`);
      if (['values.location', 'values.storage_class', 'values.format', 'values.direction'].includes(f) && inv.resource_type !== 'google_artifact_registry_repository' && val !== val.toUpperCase()) E(`enum case ${f}`);
      if (inv.resource_type === 'google_artifact_registry_repository' && f === 'values.format' && val !== val.toUpperCase()) E('format case');
      if (inv.resource_type === 'google_artifact_registry_repository' && f === 'values.location' && val !== val.toLowerCase()) E('ar loc case');
    }
    const nf = 'values.name' in inv.match ? 'values.name' : 'values.repository_id';
    const rule = inv.comparison_rule[nf];
    if (['google_storage_bucket', 'google_artifact_registry_repository'].includes(inv.resource_type) && rule === 'exact_match') E('bucket/repo must be flexible');
    if (inv.resource_type === 'google_storage_bucket_object' && rule !== 'exact_match') E('object must be exact');
    for (const [f, r] of Object.entries(inv.comparison_rule)) if (f !== nf) {
      const owner = t.invariants.find((o) => o.match[o.comparison_rule['values.name'] ? 'values.name' : 'values.repository_id'] === inv.match[f]);
      if (!owner || Object.values(owner.comparison_rule)[0] !== r) E(`bad propagation ${f}`);
    }
    tokens.push([inv.match[nf], rule, inv.resource_type]);
  }
  // qualifier wording consistency
  const shared = t.style.includes('shared-rule');
  const allToks = tokens.map((x) => x[0].toLowerCase());
  for (const [tokRaw, rule] of tokens) {
    const tok = tokRaw.toLowerCase();
    const re = new RegExp(`(^|[^a-z0-9])(${esc(tok)})(?=$|[^a-z0-9])`, 'g');
    let m, pos = false, neg = false, n = 0;
    while ((m = re.exec(lp))) {
      n++;
      const at = m.index + m[1].length;
      let before = lp.slice(Math.max(0, at - 70), at);
      const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';'), before.lastIndexOf(':'), ...allToks.filter((o) => o !== tok).map((o) => { const k = before.lastIndexOf(o); return k < 0 ? -1 : k + o.length; }));
      if (cut >= 0) before = before.slice(cut);
      let after = lp.slice(at + tok.length, at + tok.length + 45); const ac = after.search(/[.;,:]|\bwith\b/); if (ac >= 0) after = after.slice(0, ac);
      const w = before + ' | ' + after;
      const isP = PRE.test(w), isS = SUF.test(w);
      if (rule === 'starts_with') { if (isP) pos = true; if (isS && !isP) neg = true; }
      else if (rule === 'ends_with') { if (isS) pos = true; if (isP && !isS) neg = true; }
      else if (isP || isS) neg = true;
    }
    if (!n) E(`name ${tok} missing`);
    if (rule !== 'exact_match' && !pos && !(shared && (rule === 'starts_with' ? PRE : SUF).test(lp))) E(`no ${rule} cue near ${tok}`);
    if (neg) E(`conflicting qualifier near ${tok} (${rule})`);
  }
  // name shapes
  for (const inv of t.invariants) {
    const nm2 = inv.match['values.name'] || inv.match['values.repository_id'];
    if (!/^[a-z][a-z0-9]*$/.test(nm2)) E('bad name ' + nm2);
  }
});
const fams = new Set(rows.map((r) => r.family));
if (fams.size !== 12) errs.push(`only ${fams.size} families`);
if (rows.length < 50) errs.push(`only ${rows.length} cases`);
writeFileSync(OUT, rows.map((r) => JSON.stringify({ task_id: r.task_id, nonce: r.nonce, family: r.family, style: r.style, prompt: r.prompt, invariants: r.invariants })).join('\n') + '\n');
if (errs.length) { console.error(errs.join('\n')); console.error(`FAIL: ${errs.length} problem(s) in ${rows.length} cases`); process.exit(1); }
console.log(`ok: ${rows.length} cases, ${fams.size} families -> ${OUT}`);
