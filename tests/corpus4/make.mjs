#!/usr/bin/env node
// tests/corpus4/make.mjs -- hand-written held-out prompt corpus (LLM-style rewrites, spec sections 3.2-3.7, 4.5-4.7).
// Every prompt below was written by hand; only the two fixed sentences of spec 3.6 (grant + submission) are shared
// constants, because they must appear verbatim. Task definitions are compact resource lines (DSL below); the
// invariants are derived from them exactly as the generator writes them (key order, enum casing, naming-rule
// propagation). Run: node tests/corpus4/make.mjs  -> writes tests/corpus4/holdout.jsonl, exits 1 on any check failure.
//
// Resource DSL (one string per resource; a name is written =tok exact, ^tok starts_with, tok$ ends_with):
//   vpc NAME | snet NAME REGION CIDR | fw NAME ssh|http|icmp | vmn NAME ZONE MACHINE T1|T2|T3 (networked VM)
//   vm NAME ZONE MACHINE T1|T2|T3 (basic VM) | bkt NAME LOCATION CLASS | obj NAME CONTENT | repo NAME LOCATION FORMAT
//   topic NAME RETENTION | psub NAME ACK true|false TTL | dns NAME
// alt: { "<invariant value>": "<phrase used in the prompt instead>" } for deliberate rewordings (durations/numbers as
// words, 'inbound' for ingress, 'ping' for icmp ...). Booleans are checked against their own word sets.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SA = 'alphacore-validator@alphacore-478113.iam.gserviceaccount.com';
const G = `Grant ${SA} viewer access so they can verify the deployment.`;
const S1 = 'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.';
const S2 = 'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.';
const S3 = 'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.';
const SUBMISSIONS = [S1, S2, S3];

const TASKS = [];
const T = (o) => TASKS.push(o);

// ---------------------------------------------------------------------------------------------------------------
// Hand-written tasks.
T({ id: 'c568c9d9-6fa4-4bc9-8dae-0e3f799e22cd', n: 'd829ad1df1bc6bf8', f: 'network_stack',
  s: ['script-escaped-newlines', 'script-t1', 'qual-begins', 'names-called', 'fw-tcp-colon'],
  r: ['vpc l67qfehs4i8kdvnhmq$', 'snet =k3bksa us-east1 10.170.176.0/24', 'fw ^rcxjpk75x ssh', 'vmn =c4q8t3r5 us-east1-d e2-small T1'],
  prompt: `On Google Cloud, set up a small private network for a build agent. The VPC name must end with l67qfehs4i8kdvnhmq and automatic subnetwork creation has to be off. Add one subnetwork called k3bksa in us-east1 with the range 10.170.176.0/24 on that VPC. A firewall rule whose name begins with rcxjpk75x should allow ssh (tcp:22) inbound, direction ingress, priority 1000, and it must stay enabled. Finally run an e2-small instance named c4q8t3r5 in zone us-east1-d attached to k3bksa, with the metadata startup script #!/bin/bash\\nset -euo pipefail\\necho 'c568c9-d829ad-net' > /var/tmp/acore-token\\n and nothing else. ${G} ${S1}` });

T({ id: '47aaab16-316e-49a8-8f6d-afffd4141f6f', n: '85de16c0dd58b237', f: 'network_without_instance',
  s: ['script-lost-hash', 'script-collapsed', 'script-t2', 'names-after-colon', 'qual-suffix', 'fw-port-slash', 'basic-vm-default-net'],
  r: ['vpc ^kg6lz15fnfvsow', 'snet fyvusj91zx$ europe-west1 10.74.157.0/24', 'fw =wh8v4v5ehye5p4raw5 http', 'vm siwdpbaen$ us-central1-f e2-micro T2'],
  prompt: `Lightweight staging footprint in GCP, least privilege and no optional add-ons. Network first: a custom-mode VPC whose name starts with kg6lz15fnfvsow, auto create subnetworks set to false. Its only subnetwork should have a name ending in fyvusj91zx, sit in europe-west1 and use 10.74.157.0/24. Open web traffic with a firewall rule named wh8v4v5ehye5p4raw5: ingress, priority 1001, allow port 80/tcp, disabled = false. Separately, a standalone e2-micro VM on the default network (not the new VPC) in us-central1-f; its name should have the suffix siwdpbaen. Startup script: !/bin/bash printf '47aaab-85de16' > /var/tmp/acore-token. ${S2} ${G}` });

T({ id: '5e6519a7-d1b2-46db-9e59-3ac61fe4b6ad', n: '3c13899c11d1e6ac', f: 'storage_delivery',
  s: ['shared-location', 'qual-begins', 'name-appositive', 'enum-lowercase'],
  r: ['bkt ^vfo04lam2g1 US-WEST1 NEARLINE', 'repo nh33muq$ us-west1 PYTHON', 'topic =y4cemkj5pk79fkwb4th1 1200s'],
  prompt: `Everything here lives in Google Cloud and both the bucket and the Artifact Registry repository go in the same location, us-west1. The bucket name should begin with vfo04lam2g1 and use the nearline storage class. The repository holds python packages and its ID ends with nh33muq. Also add a Pub/Sub topic, y4cemkj5pk79fkwb4th1, retaining messages for 1200s. Nothing beyond those three. ${S3} ${G}` });

T({ id: '5bdf0b7d-8230-4bc5-8f7f-5de81c39476c', n: '4b474047bebcd9b3', f: 'artifact_delivery',
  s: ['grant-first', 'qual-prefix', 'qual-terminating', 'content-whose-text', 'duration-hyphenated', 'location-in-parens'],
  r: ['repo ^w2x6kc europe-west1 DOCKER', 'bkt ioccn6od1ccldh0sur$ EUROPE-WEST1 COLDLINE', 'obj wv82de8jxxbmumtxt du9ncbv3r3cm', 'topic at3va7dq4owl2urmsos1$ 600s'],
  prompt: `${G} Using Google Cloud, stand up a docker repository in Artifact Registry (location europe-west1) whose repository id has the prefix w2x6kc. Next to it, a coldline bucket in europe-west1 with a name terminating in ioccn6od1ccldh0sur, holding one object named wv82de8jxxbmumtxt whose text is du9ncbv3r3cm (plain text content type). Round it off with a Pub/Sub topic ending with at3va7dq4owl2urmsos1 that keeps messages for a 10-minute window (600s). ${S1}` });

T({ id: '2708af90-37e6-4f2c-934a-cb690f140c25', n: '66896a1566f98717', f: 'bucket_with_object',
  s: ['content-payload', 'class-before-noun', 'names-after-colon'],
  r: ['bkt qq2z0ybllixry$ ASIA-SOUTHEAST1 STANDARD', 'obj s4fgfm5edtxt 0h298xqzr4k5'],
  prompt: `Quick validation run on GCP, fast to apply and destroy. I need a standard-class Cloud Storage bucket in asia-southeast1; the bucket's name must end with qq2z0ybllixry. Put a single text/plain object inside it: object name s4fgfm5edtxt, payload 0h298xqzr4k5. No other resources. ${S2} ${G}` });

T({ id: '71ec5e8f-4ea6-4f47-b9de-6ac636d40808', n: '65721f7b0c8cafc4', f: 'network_plus_storage',
  s: ['shared-region', 'script-described', 'script-t3', 'qual-prefixed', 'fw-icmp', 'negation-not-disabled'],
  r: ['vpc =c86877v', 'snet ^pbzdw55o us-central1 10.97.183.0/24', 'fw ruyuf6s1hr194hs$ icmp', 'vmn p42ilopd1qpqgo$ us-central1-a e2-medium T3',
    'bkt ^n50mrrolj1m US-CENTRAL1 STANDARD', 'obj yeipi0tuck1ytxt s82r9v9od0bnf5', 'repo luo6g3mpuy08xq$ us-central1 DOCKER'],
  prompt: `Google Cloud, us-central1 for everything regional. VPC c86877v (no auto subnetworks), subnetwork prefixed with pbzdw55o on 10.97.183.0/24, and an ingress firewall rule on c86877v, its name ending in ruyuf6s1hr194hs, that allows icmp only at priority 1002, not disabled. The VM, an e2-medium in us-central1-a on that subnetwork, gets a name ending with p42ilopd1qpqgo and a startup script that uses /usr/bin/env echo to write 71ec5e-65721f-net into /var/tmp/acore-token. Storage: a standard bucket starting with n50mrrolj1m in us-central1 containing object yeipi0tuck1ytxt with content s82r9v9od0bnf5. Plus a docker repository in us-central1 whose id ends with luo6g3mpuy08xq. ${S3} ${G}` });

T({ id: '89846ee6-4aa7-4bfa-aad1-281fc6ed4655', n: '33734e829fd5b31b', f: 'network_plus_artifacts',
  s: ['names-double-quoted', 'names-single-quoted', 'script-escaped-newlines', 'script-t2', 'qual-begins'],
  r: ['vpc ^oo0dwox704pule5', 'snet =h3t3jl45uhwn europe-west1 10.122.135.0/24', 'fw ^t2po6qqw ssh', 'vmn =fhd96a europe-west1-c e2-micro T2',
    'repo ^e8oguz3y0 asia-southeast1 PYTHON', 'bkt y1vjp7c4kcvspcjk$ US-EAST1 NEARLINE'],
  prompt: `Small internal setup for a teammate in Google Cloud Platform. Create a network whose name begins with oo0dwox704pule5 with auto create subnetworks disabled, and a subnetwork named "h3t3jl45uhwn" in europe-west1 covering 10.122.135.0/24. Allow ssh: firewall rule name starts with t2po6qqw, tcp port 22, ingress, priority 1000, disabled false. Launch a VM called 'fhd96a' (e2-micro, europe-west1-c) on h3t3jl45uhwn with metadata startup script "#!/bin/bash\\nprintf '89846e-33734e-net' > /var/tmp/acore-token\\n". Add an Artifact Registry repository for python in asia-southeast1 with a repository id beginning with e8oguz3y0, and a nearline bucket located in us-east1 whose name ends with y1vjp7c4kcvspcjk. ${G} ${S1}` });

T({ id: '80526cc4-7a75-467a-91dc-f30a428b64c1', n: 'ba3c81b227f8da8a', f: 'network_plus_pubsub',
  s: ['script-template-unstated', 'priority-words', 'duration-words', 'names-after-colon', 'fw-port-over-tcp'],
  alt: { 1001: 'one thousand and one' },
  r: ['vpc ap2qizlpe$', 'snet doloyipz8d4p2$ us-east1 10.188.171.0/24', 'fw =lbtgogs http', 'vmn ^arr11gp us-east1-b e2-small T1', 'topic =qgtnyo7in 900s'],
  prompt: `We are on Google Cloud. Please provision a VPC with a name ending in ap2qizlpe (subnet auto-creation turned off) plus one regional subnetwork in us-east1, 10.188.171.0/24, whose name should likewise end with doloyipz8d4p2. Firewall: lbtgogs, letting http in on port 80 over tcp, ingress direction, priority one thousand and one, enabled. The compute instance (e2-small, us-east1-b) must have a name that starts with arr11gp, sit on the subnetwork above, and its startup script should simply write the token 80526c-ba3c81-net to /var/tmp/acore-token. Lastly a Pub/Sub topic named qgtnyo7in with a fifteen-minute retention, i.e. 900s. ${S2} ${G}` });

T({ id: 'c6645b66-8374-4ece-8a30-0d5210b12074', n: '71cbc9559f014f5d', f: 'storage_with_pubsub',
  s: ['qual-leading-characters', 'qual-opens-with', 'attributes-in-parens', 'content-double-quoted', 'duration-words'],
  r: ['bkt ^cbzuzbaerz9 EUROPE-WEST1 COLDLINE', 'obj s2cp5iuab6jtxt 6qgfia4n20nsnh4', 'topic ^v21l6vd5rt9rkav35y29 1200s'],
  prompt: `Set up in Google Cloud: a Cloud Storage bucket (leading characters cbzuzbaerz9, coldline, europe-west1) with one plain-text object called s2cp5iuab6jtxt containing "6qgfia4n20nsnh4", and a Pub/Sub topic whose name opens with v21l6vd5rt9rkav35y29 and retains messages for 1200s (twenty minutes). Keep it minimal, nothing extra. ${G} ${S3}` });

T({ id: '73e9d701-6faf-483c-883a-b0508fb1aa50', n: 'fbc3cabaaccdec51', f: 'dns_frontend',
  s: ['distractor-trailing-dot', 'qual-suffix', 'content-body'],
  r: ['dns =rp8kv7x55d', 'bkt lnlw8n6ux0qu8wajviqm$ US-CENTRAL1 STANDARD', 'obj wpordssoultxt 0wbrsjzvrct821j8m', 'topic q6h87hynee$ 600s'],
  prompt: `For a static frontend experiment on Google Cloud, create a Cloud DNS managed zone rp8kv7x55d serving the domain rp8kv7x55d.acore.example. (note the trailing dot). Content goes into a standard storage bucket in us-central1 whose name ends in lnlw8n6ux0qu8wajviqm; upload wpordssoultxt there with body 0wbrsjzvrct821j8m. Also create a Pub/Sub topic with the suffix q6h87hynee and message retention of 600s. ${S1} ${G}` });

T({ id: '002166a0-2d6d-496e-8cc6-f4cefe278813', n: '915ca4eb41aa0ffd', f: 'dns_network_bridge',
  s: ['fw-ping', 'qual-trailing-characters', 'script-escaped-newlines', 'script-t3', 'negation-must-not'],
  r: ['dns ^r0svu6injgdw', 'vpc =ciizy98gklasvec0ew', 'snet vgp0k6l4rod3s5u8y$ us-central1 10.133.10.0/24', 'vmn =omf2zm431e5 us-central1-b e2-micro T3',
    'fw f53tt84amuy9jrovj2$ icmp', 'bkt ^ogw3bcv7ttj ASIA-SOUTHEAST1 NEARLINE'],
  prompt: `In GCP, I want a DNS managed zone whose name starts with r0svu6injgdw, with dns name r0svu6injgdw.acore.example., bridged to a private network. The network is ciizy98gklasvec0ew and must not auto-create subnetworks. Its subnetwork, in us-central1 with CIDR 10.133.10.0/24, has a name that ends with vgp0k6l4rod3s5u8y. Permit ping (icmp) inbound via a firewall rule on ciizy98gklasvec0ew, priority 1002, direction ingress, enabled, named with the trailing characters f53tt84amuy9jrovj2. The VM omf2zm431e5 is an e2-micro in us-central1-b on that subnetwork; metadata startup script: #!/bin/bash\\n/usr/bin/env echo '002166-915ca4-net' > /var/tmp/acore-token\\n. Also one nearline bucket in asia-southeast1 beginning with ogw3bcv7ttj. ${S2} ${G}` });

T({ id: 'a9092e2e-7c59-4ebf-8cba-f2ae5c86ebaf', n: '1d2b9887818f0542', f: 'topic_with_subscription',
  s: ['names-after-colon', 'ack-words', 'bool-not-retained', 'duration-days-in-parens'],
  r: ['topic =umg64w 900s', 'psub ^weijq0 20 false 172800s', 'bkt nmq2dpwj04w9vh3kz$ US-EAST1 STANDARD'],
  prompt: `Messaging sandbox on Google Cloud. Topic: umg64w, message retention 900s. Subscription on that topic, name starting with weijq0, ack deadline of twenty seconds, acked messages not retained, and an expiration ttl of 172800s (two days). There is also a standard bucket in us-east1, name ending with nmq2dpwj04w9vh3kz. ${G} ${S1}` });

T({ id: '1b5f66ec-bbb5-4141-9de5-ef266890d189', n: '7ac4b1c35000194e', f: 'network_stack',
  s: ['vm-first', 'script-described', 'script-t2', 'qual-suffix', 'qual-begins', 'snake-case-field'],
  r: ['vpc ^n1qg2pyx', 'snet ^nxh4l12k5h8nn2 europe-west1 10.82.98.0/24', 'fw =vph3ewrb http', 'vmn y30f4gmz44ns$ europe-west1-b e2-medium T2'],
  prompt: `Run one e2-medium virtual machine in europe-west1-b on Google Cloud whose name has the suffix y30f4gmz44ns; its startup script should printf the string 1b5f66-7ac4b1-net into /var/tmp/acore-token under bash. It must attach to a dedicated subnetwork, not the default network: the subnetwork's name begins with nxh4l12k5h8nn2, region europe-west1, range 10.82.98.0/24, and it belongs to a VPC whose name begins with n1qg2pyx (auto_create_subnetworks false). For inbound web traffic add firewall vph3ewrb on the same VPC: ingress, tcp 80, priority 1001, disabled false. ${S3} ${G}` });

T({ id: '81733a50-8666-4e9c-9ed3-0b792b6b9577', n: '869d2cce58f4f020', f: 'network_without_instance',
  s: ['no-vm', 'bool-no', 'negation-not-disabled', 'fw-tcp-colon'],
  r: ['vpc =dch6be0ykj02', 'snet wccmsyni9b7pi0$ us-east1 10.168.199.0/24', 'fw ^a774adck7l9tn46 ssh'],
  prompt: `Network-only change in Google Cloud, no virtual machines. Build VPC dch6be0ykj02 with automatic subnet creation set to no. Add a subnetwork in region us-east1 using 10.168.199.0/24; call it anything as long as it ends with wccmsyni9b7pi0. Then add an ssh firewall rule on dch6be0ykj02 (ingress, tcp:22, priority 1000, not disabled) whose name starts with a774adck7l9tn46. ${S1} ${G}` });

T({ id: 'a707ea43-ca9a-411e-ae86-2a58c2d856c6', n: '4f5a3d6a2a64eab6', f: 'storage_delivery',
  s: ['enumerated-first-second', 'qual-terminating', 'qual-opening-characters'],
  r: ['bkt i0bfkzv7iu4h54qs$ US-CENTRAL1 NEARLINE', 'topic ^mk68oeqm2dnff78z0z 600s'],
  prompt: `Create two things in Google Cloud. First, a nearline-class storage bucket located in us-central1, its name terminating in i0bfkzv7iu4h54qs. Second, a Pub/Sub topic: give it a name whose opening characters are mk68oeqm2dnff78z0z and set the message retention duration to 600s. ${G} ${S2}` });

T({ id: '1293cf56-eed8-44e7-836c-3830af411307', n: '056c8d694414fa31', f: 'artifact_delivery',
  s: ['qual-suffix', 'qual-prefix', 'region-referred-back'],
  r: ['repo sjqsbjp1b6mkas84x$ us-east1 DOCKER', 'bkt ^e3ingoi73b7ey9 US-EAST1 COLDLINE'],
  prompt: `Artifact Registry on Google Cloud: a docker-format repository in us-east1, repository ID suffix sjqsbjp1b6mkas84x. Pair it with a coldline Cloud Storage bucket in the same region (us-east1) using the prefix e3ingoi73b7ey9 for its name. Nothing else. ${S3} ${G}` });

T({ id: '6389ec6a-4862-4e83-8608-3cbeef3485c2', n: '25ba7beb07e85980', f: 'bucket_with_object',
  s: ['grant-first', 'content-single-quoted', 'content-type-stated', 'qual-prefixed'],
  r: ['bkt ^leukz5wdsznfs5pa0 US-WEST1 STANDARD', 'obj kzloavj78f9ymhmtxt mb3m8b10nti33ujovgu', 'topic ^x62ofl88o215m 1200s'],
  prompt: `${G} Set up the following in Google Cloud. A us-west1 bucket, storage class standard, whose name begins with leukz5wdsznfs5pa0. Inside it, the object kzloavj78f9ymhmtxt with the content 'mb3m8b10nti33ujovgu' and content type text/plain. And a Pub/Sub topic, name prefixed x62ofl88o215m, with 1200s of retention. ${S1}` });

T({ id: '5f676462-bd57-4667-bcfa-21e5cb37f3e1', n: '856287cddcb6cede', f: 'network_plus_storage',
  s: ['section-labels', 'script-collapsed', 'script-t1', 'bool-colon'],
  r: ['vpc hj5uz43i1ipwh7f4k$', 'snet =esnyr0d us-central1 10.107.57.0/24', 'fw ^x1ow0a9djjk2 ssh', 'vmn ^lglgm3m6hq4jjafay6 us-central1-f e2-small T1',
    'bkt q9xhg3sfp1co525p$ EUROPE-WEST1 NEARLINE', 'obj xtn6o4jwwzbtxt e2idswqsz3hrxh1'],
  prompt: `Google Cloud task. Network: VPC ending with hj5uz43i1ipwh7f4k, no auto subnetworks; subnetwork esnyr0d in us-central1 with 10.107.57.0/24; firewall beginning with x1ow0a9djjk2 that admits ssh on tcp port 22, ingress, priority 1000, disabled: false. Compute: e2-small in us-central1-f, name starting with lglgm3m6hq4jjafay6, attached to esnyr0d, startup script #!/bin/bash set -euo pipefail echo '5f6764-856287-net' > /var/tmp/acore-token. Storage: a nearline bucket in europe-west1 with a name that ends with q9xhg3sfp1co525p, holding the object xtn6o4jwwzbtxt (content: e2idswqsz3hrxh1). ${S2} ${G}` });

T({ id: 'c707f717-9c42-4b49-a7b2-dc5377c43c7b', n: 'daa25dd77d7829cb', f: 'network_plus_pubsub',
  s: ['script-lost-hash', 'script-collapsed', 'script-t3', 'names-labelled', 'qual-final-characters', 'fw-port-80-tcp'],
  r: ['vpc =bah1mqq77o0fdvf', 'snet ppllzoqqtwjpgn$ us-east1 10.159.94.0/24', 'fw sfjsbxq7e$ http', 'vmn =zp1goh7kk us-east1-c e2-medium T3',
    'topic ^fd77vteyn7 600s', 'bkt ^ay7758fg8cn2pu0w US-EAST1 COLDLINE', 'obj berd6sggtxt prhtz1prg4ukid'],
  prompt: `A Google Cloud environment with a custom VPC labelled bah1mqq77o0fdvf (auto create subnetworks false), a us-east1 subnetwork at 10.159.94.0/24 whose final characters are ppllzoqqtwjpgn, and an http firewall rule on the VPC with a name ending in sfjsbxq7e (ingress, port 80/tcp, priority 1001, enabled). The instance zp1goh7kk is e2-medium in us-east1-c on that subnetwork with startup script !/bin/bash /usr/bin/env echo 'c707f7-daa25d-net' > /var/tmp/acore-token. Add a Pub/Sub topic starting with fd77vteyn7 and a 600s retention, and a coldline bucket in us-east1 whose name begins with ay7758fg8cn2pu0w containing an object berd6sggtxt with text prhtz1prg4ukid. ${S3} ${G}` });

T({ id: '62e00124-3e9c-44b8-83d2-015a2fbc7099', n: '0da540c7a86bc4e4', f: 'storage_with_pubsub',
  s: ['shared-location', 'names-identified-as', 'content-with-body', 'qual-suffix'],
  r: ['bkt yq5x91etxkktd5$ US-WEST1 STANDARD', 'topic =c8552p9cd23l1ys87 900s', 'repo ^nmg1ipclw7a408pms us-west1 PYTHON', 'obj wtq72c53cgid5txt keq69155ikjhe'],
  prompt: `${S1} The Google Cloud resources, all in us-west1 where a location applies: a standard bucket whose name carries the suffix yq5x91etxkktd5; an object identified as wtq72c53cgid5txt in that bucket with body keq69155ikjhe; a python Artifact Registry repository with a repository id that starts with nmg1ipclw7a408pms; and a Pub/Sub topic identified as c8552p9cd23l1ys87 keeping messages 900s. ${G}` });

T({ id: '7e755a0d-739c-452d-9711-53d4c102978d', n: '64f5303247fc643d', f: 'dns_frontend',
  s: ['qual-ending-in', 'content-payload-quoted', 'dns-name-before-zone'],
  r: ['dns x13esvc0k$', 'bkt ^jp1orbfwyfrs3cv ASIA-SOUTHEAST1 COLDLINE', 'obj hawek2o99y9d2txt zgx89qo8vnkv0xgk'],
  prompt: `Google Cloud DNS should answer for x13esvc0k.acore.example. through a managed zone whose name is ending in x13esvc0k. Behind it sits a coldline bucket in asia-southeast1, name beginning with jp1orbfwyfrs3cv, and in that bucket an object hawek2o99y9d2txt whose payload is "zgx89qo8vnkv0xgk". ${G} ${S2}` });

T({ id: 'b991736c-a0b9-4a7c-b75f-4f2f966a271e', n: 'e715f0e1f31ea2f3', f: 'dns_network_bridge',
  s: ['script-described', 'script-t1', 'names-in-parens', 'region-separate-sentence'],
  r: ['dns =pwv8lfdltqhqj0', 'vpc ^ehvh3f475qqkqtvzhs', 'snet =s1ox1sgklcg europe-west1 10.151.27.0/24', 'vmn ssdaw3$ europe-west1-d e2-small T1', 'fw =u2qq931fillox9a ssh'],
  prompt: `On Google Cloud create a DNS managed zone (pwv8lfdltqhqj0) for pwv8lfdltqhqj0.acore.example. and a VPC whose name begins with ehvh3f475qqkqtvzhs, auto-create subnetworks off. The subnetwork (s1ox1sgklcg) uses 10.151.27.0/24. Put it in europe-west1. A firewall rule (u2qq931fillox9a) on the VPC allows ssh over tcp 22, ingress, priority 1000, disabled false. The e2-small VM lives in europe-west1-d on s1ox1sgklcg, its name ends with ssdaw3, and its bash startup script runs set -euo pipefail and then echoes b99173-e715f0-net into /var/tmp/acore-token. ${G} ${S3}` });

T({ id: 'd2fab781-0d0d-4ddb-a149-7606a992b81b', n: 'ddc95ab29ce99f9b', f: 'topic_with_subscription',
  s: ['bool-enabled', 'duration-words', 'ack-digits', 'names-called'],
  alt: { '86400s': 'one day' },
  r: ['topic g5tbkps7sltdyojirbd$ 1200s', 'psub =kqpfbxk369mlzyz9933 60 true 86400s'],
  prompt: `Create a Google Cloud Pub/Sub topic ending with g5tbkps7sltdyojirbd that holds messages for 1200s, and a subscription called kqpfbxk369mlzyz9933 attached to it. The subscription needs a 60-second ack deadline, retain acked messages enabled, and should expire after one day of inactivity. ${S1} ${G}` });

T({ id: 'ab0d894e-bd93-4c2c-87c7-c85531e07691', n: '1f6d22ab5e25b4d8', f: 'network_stack',
  s: ['script-escaped-newlines', 'script-t2', 'fw-icmp', 'qual-tail', 'zone-then-region'],
  r: ['vpc =arg2mr5hya7tz', 'snet fndg960tjtc1vozng$ us-central1 10.73.125.0/24', 'fw t0qr9ai8beelfulum$ icmp', 'vmn ^jy82vhhfwsjvyu us-central1-c e2-micro T2'],
  prompt: `Google Cloud, please. I need an e2-micro VM in us-central1-c named with the leading part jy82vhhfwsjvyu and startup script #!/bin/bash\\nprintf 'ab0d89-1f6d22-net' > /var/tmp/acore-token\\n on a subnetwork in us-central1 (10.73.125.0/24) whose name ends with fndg960tjtc1vozng. The subnetwork belongs to VPC arg2mr5hya7tz, created with auto_create_subnetworks = false. Allow icmp in with an ingress rule, priority 1002, not disabled, on arg2mr5hya7tz; the rule's name should end with t0qr9ai8beelfulum. ${S2} ${G}` });

T({ id: 'ce42e7e5-92f0-4b8a-a8e9-6bee51e2f6ce', n: '94b6ceeaa0bba5a9', f: 'network_without_instance',
  s: ['script-template-unstated', 'basic-vm-default-net', 'names-trailing-appositive', 'bool-turned-off'],
  r: ['vpc jsztt08sehsmbpaet$', 'snet ^o88clnopsglep us-east1 10.188.231.0/24', 'fw ^iqmqvvnbmh7xh9p ssh', 'vm =wz4i0vlsv europe-west1-b e2-medium T3'],
  prompt: `Google Cloud work item. Create a VPC with auto subnet creation turned off whose name ends with jsztt08sehsmbpaet, then a subnetwork in us-east1 on 10.188.231.0/24 whose name starts with o88clnopsglep. Allow ssh ingress on tcp port 22 at priority 1000 through a rule that is enabled and whose name starts with iqmqvvnbmh7xh9p. Separately launch one e2-medium machine in europe-west1-b on the default network, wz4i0vlsv, whose startup script writes ce42e7-94b6ce into /var/tmp/acore-token. ${G} ${S1}` });

T({ id: '19490a7e-7d7f-4c25-8549-273ff854c531', n: '54bc064142c77bcb', f: 'storage_delivery',
  s: ['one-qualifier-two-resources', 'shared-location'],
  r: ['bkt ^y4656vqdlppklb9psd7 EUROPE-WEST1 STANDARD', 'repo ^tkm44sujzt8t35auip europe-west1 DOCKER'],
  prompt: `In Google Cloud, europe-west1 hosts both pieces: a standard storage bucket and a docker Artifact Registry repository. Their names start with y4656vqdlppklb9psd7 (bucket) and tkm44sujzt8t35auip (repository id) respectively. ${G} ${S3}` });

T({ id: '82465c30-77b1-4a56-9e23-1d6c70b067cb', n: '326fcbc7b1429115', f: 'artifact_delivery',
  s: ['names-equals', 'qual-suffixed'],
  r: ['repo etdcguuh46b$ asia-southeast1 PYTHON', 'topic =vwiqy9gcpo 1200s'],
  prompt: `Python package hosting on Google Cloud: an Artifact Registry repository in asia-southeast1, format python, repository id suffixed with etdcguuh46b. Alongside, a Pub/Sub topic whose name equals vwiqy9gcpo and whose message retention duration equals 1200s. ${S2} ${G}` });

T({ id: 'dc1f18c3-a9ab-49dc-b15f-84c5502fda8a', n: '1dfe297740c749ac', f: 'bucket_with_object',
  s: ['object-first', 'content-containing'],
  r: ['bkt ^tu67894rl0y US-CENTRAL1 COLDLINE', 'obj fo3m4bvg5uo7itxt 7g4czlw8uycw'],
  prompt: `Upload a plain text object fo3m4bvg5uo7itxt containing 7g4czlw8uycw to a Google Cloud Storage bucket. The bucket itself is coldline, located in us-central1, and its name must start with tu67894rl0y. ${G} ${S1}` });

T({ id: '191bc68c-a933-4f36-a2a0-6e4359d2674c', n: '4794e0df7c77583c', f: 'network_plus_storage',
  s: ['script-lost-hash', 'script-escaped-newlines', 'script-t2', 'the-latter', 'shared-region'],
  r: ['vpc ^b6lzfmheim0mt', 'snet ^c1dtjwdakhn us-east1 10.16.116.0/24', 'fw =p1o8a5v2j http', 'vmn kunae2098rni$ us-east1-d e2-small T2',
    'bkt y8b6gxeecde$ US-EAST1 STANDARD', 'repo ^nhbrxr5m11h8 us-east1 PYTHON'],
  prompt: `Set up in Google Cloud, region us-east1 throughout: a VPC and a subnetwork, the former prefixed b6lzfmheim0mt with auto create subnetworks disabled, the latter prefixed c1dtjwdakhn with range 10.16.116.0/24. Firewall rule p1o8a5v2j opens http (tcp 80) ingress at priority 1001, disabled false. VM: e2-small, zone us-east1-d, name ends with kunae2098rni, startup script !/bin/bash\\nprintf '191bc6-4794e0-net' > /var/tmp/acore-token\\n. Also a standard bucket ending in y8b6gxeecde and a python repository whose id starts with nhbrxr5m11h8. ${S3} ${G}` });

T({ id: '23affc54-c9c5-40ce-ab36-a1e2c13f9a3a', n: 'd592fa3eecb82d00', f: 'network_plus_artifacts',
  s: ['script-escaped-newlines', 'script-t1', 'names-double-quoted', 'qual-starting'],
  r: ['vpc ymhs5f9csy7bc61ym9$', 'snet =m9fc2x4 europe-west1 10.139.155.0/24', 'fw ^njhjjts2w6 ssh', 'vmn ^gkjsgf0mq8 europe-west1-d e2-micro T1',
    'repo vbir5azbx3j04$ us-central1 DOCKER', 'bkt ^px3g2188vvvoaz8d5 US-CENTRAL1 NEARLINE', 'obj cpeb06lfp0yttxt bmvw3dr8m2fwm'],
  prompt: `Google Cloud build lab. VPC name ends with ymhs5f9csy7bc61ym9, auto create subnetworks false. Subnetwork "m9fc2x4" in europe-west1, 10.139.155.0/24. Firewall starting with njhjjts2w6: ssh, tcp 22, ingress, priority 1000, enabled. VM starting with gkjsgf0mq8, e2-micro, europe-west1-d, on m9fc2x4, metadata startup script "#!/bin/bash\\nset -euo pipefail\\necho '23affc-d592fa-net' > /var/tmp/acore-token\\n". Docker repository in us-central1 with an id ending in vbir5azbx3j04. A nearline bucket in us-central1 starting with px3g2188vvvoaz8d5 that holds cpeb06lfp0yttxt with content bmvw3dr8m2fwm. ${G} ${S2}` });

T({ id: 'ef8a6193-b404-4e3a-97bd-dcb3e451d857', n: '9919c59643565ecb', f: 'network_plus_pubsub',
  s: ['script-described', 'script-t2', 'fw-icmp', 'duration-words', 'names-after-colon'],
  r: ['vpc ^r0vk8x4o8fz', 'snet =jke8zwdyczunig0w us-central1 10.159.176.0/24', 'fw =ufjtwqh60zmbh icmp', 'vmn boz6kzy8igaz$ us-central1-a e2-small T2',
    'topic w203dt8b9ym$ 1200s', 'bkt midk76qcsfl8n6r5x$ EUROPE-WEST1 STANDARD'],
  prompt: `Please build this on Google Cloud. A VPC whose name starts with r0vk8x4o8fz and does not auto create subnetworks. Subnetwork: jke8zwdyczunig0w, us-central1, 10.159.176.0/24. Firewall: ufjtwqh60zmbh, ingress icmp, priority 1002, disabled set to false. An e2-small VM in us-central1-a attached to jke8zwdyczunig0w, name ending in boz6kzy8igaz, whose startup script is a bash one-liner using printf to put ef8a61-9919c5-net into /var/tmp/acore-token. A Pub/Sub topic ending with w203dt8b9ym with twenty minutes (1200s) of retention, and a standard europe-west1 bucket ending with midk76qcsfl8n6r5x. ${S1} ${G}` });

T({ id: '03ad34ee-6381-402d-828f-ed8c3f597934', n: 'c0b13ee7a4650b3a', f: 'storage_with_pubsub',
  s: ['qual-begins', 'duration-words', 'location-per-resource'],
  r: ['bkt ^a073qlzjg4gi49n3st ASIA-SOUTHEAST1 NEARLINE', 'topic ^ly192edqz56z2 900s', 'repo vqpmujbvhmfsm0bb$ us-east1 DOCKER'],
  prompt: `${G} On Google Cloud, provision a nearline bucket in asia-southeast1 beginning with a073qlzjg4gi49n3st, a Pub/Sub topic beginning with ly192edqz56z2 that retains messages for fifteen minutes (900s), and a docker repository in us-east1 whose repository id ends with vqpmujbvhmfsm0bb. ${S2}` });

T({ id: 'bad6610c-652e-4313-97f9-9cfbbc9220b3', n: 'cbd56864f466a547', f: 'dns_frontend',
  s: ['names-called', 'qual-starts', 'qual-ends'],
  r: ['dns ^a7cgg6gxp', 'bkt y0snb7kfxq3ytdnypjem$ US-WEST1 NEARLINE', 'topic =qs8y0rcr3xqxih1s 900s'],
  prompt: `Google Cloud request: a Cloud DNS managed zone whose name starts with a7cgg6gxp and whose DNS name is a7cgg6gxp.acore.example., a nearline bucket in us-west1 whose name ends with y0snb7kfxq3ytdnypjem, and a topic called qs8y0rcr3xqxih1s with message retention 900s. Create nothing else. ${S3} ${G}` });

T({ id: '752cf36d-d5ca-4629-a511-1f7e61cd5d13', n: 'd3b1e144fd887590', f: 'dns_network_bridge',
  s: ['script-collapsed', 'script-t3', 'qual-ending-in', 'no-firewall'],
  r: ['dns cz83g22o$', 'vpc enyu6tzvsgk8l$', 'snet ^fdfo7mtf4owlvp49ap us-east1 10.14.82.0/24', 'vmn =wzed5nv us-east1-b e2-medium T3', 'bkt ^ww2wpfmteomtlg US-CENTRAL1 STANDARD'],
  prompt: `In Google Cloud, a private DNS-fronted host. DNS managed zone ending in cz83g22o with dns name cz83g22o.acore.example.; VPC ending in enyu6tzvsgk8l with auto create subnetworks false; subnetwork beginning with fdfo7mtf4owlvp49ap in us-east1 on 10.14.82.0/24. The host is VM wzed5nv (e2-medium, us-east1-b) on that subnetwork, startup script #!/bin/bash /usr/bin/env echo '752cf3-d3b1e1-net' > /var/tmp/acore-token. A standard bucket in us-central1 starting with ww2wpfmteomtlg completes it; no firewall rules are needed. ${S1} ${G}` });

T({ id: 'f741bc1e-0d4d-4144-83f8-2a20296a7cd0', n: 'd563f90f0b753b6d', f: 'topic_with_subscription',
  s: ['duration-three-day', 'bool-yes', 'ack-words'],
  r: ['topic ^ivwub2 600s', 'psub zay3fudb$ 10 true 259200s'],
  prompt: `Google Cloud Pub/Sub only. The topic's name begins with ivwub2 and its retention is 600s. Its subscription's name ends with zay3fudb; ack deadline ten seconds; retain acked messages: yes; expiration policy ttl 259200s, a three-day window. ${G} ${S2}` });

T({ id: 'c1e432d2-2527-4bd2-bc4b-eb061f5bd4bd', n: '005be7cedd2f6356', f: 'network_stack',
  s: ['script-template-unstated', 'fw-ssh-word-only', 'the-latter', 'qual-prefix'],
  r: ['vpc ^lyci1gfjvpbmp5ra', 'snet g5tbprn4cg5$ europe-west1 10.63.46.0/24', 'fw ^delwy6euj3x ssh', 'vmn ^dwmzahdmt europe-west1-b e2-small T3'],
  prompt: `Google Cloud network stack for a bastion. VPC prefix lyci1gfjvpbmp5ra, auto-created subnetworks: off. One subnetwork in europe-west1 at 10.63.46.0/24 with the suffix g5tbprn4cg5. A firewall named with prefix delwy6euj3x letting ssh in on port 22 (tcp, ingress, priority 1000, enabled). The bastion itself is an e2-small in europe-west1-b with prefix dwmzahdmt, placed on the latter subnetwork, and its startup script stores c1e432-005be7-net in /var/tmp/acore-token. ${S3} ${G}` });

T({ id: '133b7f7b-99bf-4056-8243-8babf14e7ab0', n: '29d3430406799b12', f: 'network_without_instance',
  s: ['script-escaped-newlines', 'script-t1', 'basic-vm-default-net', 'fw-icmp-echo', 'names-set-to'],
  r: ['vpc =a225ld', 'snet =f9sq03m6p2uctf us-central1 10.86.23.0/24', 'fw f047o6qxsvmynex$ icmp', 'vm ^o6gga2ixbnjy70 us-east1-c e2-small T1'],
  prompt: `In Google Cloud, set the VPC name to a225ld and auto create subnetworks to false. Set the subnetwork name to f9sq03m6p2uctf, its region to us-central1 and its ip cidr range to 10.86.23.0/24. For icmp echo, add an ingress firewall rule on a225ld with priority 1002, disabled false, name ending with f047o6qxsvmynex. Independently, start an e2-small instance in us-east1-c on the default VPC whose name starts with o6gga2ixbnjy70, metadata startup script #!/bin/bash\\nset -euo pipefail\\necho '133b7f-29d343' > /var/tmp/acore-token\\n. ${G} ${S3}` });

T({ sharedQual: true, id: '9fad705d-9f12-45bf-a122-b8c6f009e8de', n: '1bd9177c0177b0bb', f: 'storage_delivery',
  s: ['one-qualifier-three-resources', 'location-per-resource'],
  r: ['bkt dafa7ij2bqs$ US-CENTRAL1 COLDLINE', 'repo c1sbpfe7q0onxgi74$ europe-west1 PYTHON', 'topic qeitekn1y2a2mds8rp3$ 600s'],
  prompt: `Google Cloud, three resources, and every name here must end with the token given: a coldline bucket in us-central1 (dafa7ij2bqs), a python Artifact Registry repository in europe-west1 (c1sbpfe7q0onxgi74), and a Pub/Sub topic (qeitekn1y2a2mds8rp3) that retains messages for 600s. ${S1} ${G}` });

T({ id: '509f8782-8e29-4cda-8cb0-c5fc44e89303', n: '5b9b4afe8c955b96', f: 'artifact_delivery',
  s: ['shared-location', 'content-with-text', 'it-reference'],
  r: ['repo ^ngim5sf5l us-west1 DOCKER', 'bkt kgsenojvl383$ US-WEST1 STANDARD', 'obj py31ljxhhrftxt vryd0918v6ps'],
  prompt: `Create a docker repository in Google Cloud Artifact Registry whose repository id begins with ngim5sf5l; put it in us-west1. Use that same location for a standard bucket whose name ends with kgsenojvl383, and drop a text file named py31ljxhhrftxt into it with the text vryd0918v6ps. ${S2} ${G}` });

T({ id: '478b28f7-5ade-4f40-ac9b-f08fab09e8e9', n: '028cc13f35f42911', f: 'bucket_with_object',
  s: ['names-named', 'duration-words', 'qual-ending'],
  r: ['bkt qdiisxkleafaittbfj$ EUROPE-WEST1 NEARLINE', 'obj l2cdkz6zooaoag9ztxt l8klycpn5lnfe7', 'topic =crc0if 900s'],
  prompt: `${S3} On Google Cloud I need a nearline bucket in europe-west1 with a name ending with qdiisxkleafaittbfj, an object named l2cdkz6zooaoag9ztxt inside it whose content is l8klycpn5lnfe7, and a Pub/Sub topic named crc0if with retention 900s (fifteen minutes). ${G}` });

T({ id: '44c931a1-82c6-4dc3-8386-c8a6eff5324c', n: 'abd94ae8fc92f149', f: 'network_plus_storage',
  s: ['script-template-unstated', 'names-called', 'qual-begins', 'fw-http-word'],
  r: ['vpc ^k82ahmu8iclb2', 'snet wbgkyyylhf01xrih$ us-east1 10.88.13.0/24', 'fw =ges40kitp http', 'vmn =ltpansxg0a5uezmg3c us-east1-c e2-micro T3',
    'bkt ^q1opf3dbmuxl ASIA-SOUTHEAST1 COLDLINE', 'obj lr0q2zaxfhwiptxt hvqw13i8sknks8s'],
  prompt: `Google Cloud setup: VPC beginning with k82ahmu8iclb2, no automatic subnetworks; a us-east1 subnetwork with range 10.88.13.0/24 whose name ends with wbgkyyylhf01xrih; a firewall rule called ges40kitp that lets http in (tcp port 80, ingress, priority 1001, enabled). A VM called ltpansxg0a5uezmg3c, e2-micro in us-east1-c on that subnetwork, whose startup script leaves the marker 44c931-abd94a-net in /var/tmp/acore-token. Plus a coldline asia-southeast1 bucket beginning with q1opf3dbmuxl holding lr0q2zaxfhwiptxt, whose content is hvqw13i8sknks8s. ${G} ${S1}` });

T({ sharedQual: true, id: 'ad0b116f-f779-4b89-aff4-b51728726b14', n: '5b572998ad346890', f: 'network_plus_artifacts',
  s: ['one-qualifier-all-resources', 'script-lost-hash', 'script-escaped-newlines', 'script-t1', 'fw-icmp'],
  r: ['vpc qfmbn4yszxv09q88$', 'snet u44k6kjkzzyvn0$ europe-west1 10.154.78.0/24', 'fw tzubvkgk3ls754r$ icmp', 'vmn d06gspi38jchkw399$ europe-west1-c e2-medium T1',
    'repo kak36emtilly$ europe-west1 PYTHON', 'bkt oib1u119onm8ff0g9j$ EUROPE-WEST1 COLDLINE'],
  prompt: `Everything in europe-west1 on Google Cloud, and each name must end with the token listed. VPC: qfmbn4yszxv09q88, auto create subnetworks false. Subnetwork: u44k6kjkzzyvn0, 10.154.78.0/24. Firewall: tzubvkgk3ls754r, ingress icmp, priority 1002, disabled false. VM: d06gspi38jchkw399, e2-medium, zone europe-west1-c, startup script !/bin/bash\\nset -euo pipefail\\necho 'ad0b11-5b5729-net' > /var/tmp/acore-token\\n. Python repository: kak36emtilly. Coldline bucket: oib1u119onm8ff0g9j. ${S2} ${G}` });

T({ id: '434fd717-1c37-4123-8334-09b2f9150233', n: '2ac34963d0d21fb3', f: 'network_plus_pubsub',
  s: ['all-exact', 'script-collapsed', 'script-t2', 'names-in-parens'],
  r: ['vpc =h6yy81iog1is3encd', 'snet =p1dczge us-central1 10.33.52.0/24', 'fw =qy1te34c5s735zcb ssh', 'vmn =dc6vtz0gnlj us-central1-f e2-medium T2', 'topic =bu5ylo 1200s'],
  prompt: `Please create on Google Cloud a VPC (h6yy81iog1is3encd) with auto create subnetworks false, a subnetwork (p1dczge) in us-central1 with 10.33.52.0/24, a firewall rule (qy1te34c5s735zcb) allowing tcp 22 for ssh, ingress, priority 1000, disabled false, an e2-medium instance (dc6vtz0gnlj) in us-central1-f on p1dczge with startup script #!/bin/bash printf '434fd7-2ac349-net' > /var/tmp/acore-token, and a Pub/Sub topic (bu5ylo) retaining messages 1200s. ${G} ${S3}` });

T({ id: 'f4081197-b701-48c4-847c-51960d3290ab', n: '035059ec27cb8ab7', f: 'storage_with_pubsub',
  s: ['object-first', 'content-payload', 'names-use-for'],
  r: ['bkt ^lnk8jqwve3n5 US-EAST1 STANDARD', 'topic =uyvwlb482v677po 600s', 'obj c09fnapgav1yatentxt fyrrttr8wdsh19'],
  prompt: `Google Cloud storage plus messaging. Use c09fnapgav1yatentxt for the object name and fyrrttr8wdsh19 as its payload, stored in a standard us-east1 bucket whose name starts with lnk8jqwve3n5. Use uyvwlb482v677po for the Pub/Sub topic name, with message retention duration 600s. ${S1} ${G}` });

T({ sharedQual: true, id: '039a435c-2c43-4931-bb84-311adf813f55', n: '3c96b75c403114c1', f: 'dns_frontend',
  s: ['one-qualifier-three-resources', 'duration-words'],
  r: ['dns ^o0sy3m6ixh', 'bkt ^wjair2o3c6 EUROPE-WEST1 STANDARD', 'obj sqggidhftxt pijepufyx5mqp8zroqn6', 'topic ^wdklmydap6dxz 1200s'],
  prompt: `Google Cloud frontend bits, with names that start with the given tokens: DNS managed zone o0sy3m6ixh (dns name o0sy3m6ixh.acore.example.), standard bucket wjair2o3c6 in europe-west1, and Pub/Sub topic wdklmydap6dxz keeping messages 1200s. The object sqggidhftxt, with content pijepufyx5mqp8zroqn6, goes into the bucket under exactly that name. ${G} ${S2}` });

T({ id: '3064044d-e23e-414e-a446-99f3369fcfb4', n: '90a5d05cf5f599b2', f: 'dns_network_bridge',
  s: ['script-escaped-newlines', 'script-t2', 'qual-prefixed', 'fw-http'],
  r: ['dns =lqtwx8s0', 'vpc ^cnj61zf44m', 'snet ^ocd7ke us-east1 10.22.88.0/24', 'vmn ^ji845zw3tto7l3 us-east1-d e2-micro T2', 'fw ^tvpggv9ja http', 'bkt zlnl8ygogoc$ US-EAST1 COLDLINE'],
  prompt: `Google Cloud: DNS managed zone lqtwx8s0 for lqtwx8s0.acore.example.; VPC prefixed cnj61zf44m, auto create subnetworks disabled; subnetwork prefixed ocd7ke in us-east1, 10.22.88.0/24; firewall prefixed tvpggv9ja allowing http on tcp port 80, ingress, priority 1001, enabled; e2-micro VM prefixed ji845zw3tto7l3 in us-east1-d on that subnetwork with startup script #!/bin/bash\\nprintf '306404-90a5d0-net' > /var/tmp/acore-token\\n; and a coldline bucket in us-east1 whose name ends in zlnl8ygogoc. ${S3} ${G}` });

T({ id: '22ac46d5-8eac-444b-bbc0-cd4a5c092119', n: '2499d8bd677eb3c3', f: 'topic_with_subscription',
  s: ['bool-discard', 'ack-digits', 'duration-three-day', 'names-named'],
  r: ['topic =ovovot 900s', 'psub =fpqrnihc 30 false 259200s', 'bkt dlgfwtqhkt$ ASIA-SOUTHEAST1 COLDLINE'],
  prompt: `Create a Pub/Sub topic named ovovot on Google Cloud with 900s message retention and a subscription named fpqrnihc on it: 30 second ack deadline, discard acked messages (retain acked messages false), expiration ttl 259200s. Add a coldline bucket in asia-southeast1 whose name ends with dlgfwtqhkt. ${G} ${S1}` });

T({ id: 'adf116ec-1da2-4b06-af64-f891164f95c7', n: '8b383d0c77e90435', f: 'network_stack',
  s: ['script-lost-hash', 'script-collapsed', 'script-t1', 'fw-ping', 'qual-begins'],
  alt: { icmp: 'ping' },
  r: ['vpc ^uajxzarqbt', 'snet =c3qkcumqe5phye us-east1 10.60.229.0/24', 'fw ^ukenlocr icmp', 'vmn o3x6dm$ us-east1-b e2-medium T1'],
  prompt: `Stand up a Google Cloud VPC beginning with uajxzarqbt with subnet auto-creation disabled, and a subnetwork c3qkcumqe5phye in us-east1 on 10.60.229.0/24. Allow ping from anywhere with an ingress firewall rule beginning with ukenlocr at priority 1002 that is enabled. The e2-medium VM goes in us-east1-b on c3qkcumqe5phye, its name ends with o3x6dm, and the startup script is !/bin/bash set -euo pipefail echo 'adf116-8b383d-net' > /var/tmp/acore-token. ${S2} ${G}` });

T({ id: '1f5978d8-f5de-4a3a-9151-534bf270b938', n: 'a156fcbd2262d8a9', f: 'network_without_instance',
  s: ['no-vm', 'fw-http', 'qual-suffix', 'negation-never'],
  r: ['vpc o97zghh0iaxjajww$', 'snet ^ulhokzfnd5iln1shb europe-west1 10.24.173.0/24', 'fw evri4s3tfhu0w$ http'],
  prompt: `Google Cloud networking only, no instances. The VPC carries the suffix o97zghh0iaxjajww and should never auto create subnetworks (false). Its europe-west1 subnetwork starts with ulhokzfnd5iln1shb and takes 10.24.173.0/24. Web ingress: a firewall rule with suffix evri4s3tfhu0w allowing tcp port 80, priority 1001, disabled false. ${G} ${S3}` });

T({ id: '66c7870f-c412-4773-bd62-94cdf3dd82f0', n: 'ac6e681e59d2e2b9', f: 'storage_delivery',
  s: ['location-per-resource', 'qual-prefix'],
  r: ['bkt t5jlp1e80k4$ US-EAST1 NEARLINE', 'repo ^whsq8kxefjxj07 us-central1 PYTHON'],
  prompt: `Two Google Cloud resources: a us-east1 nearline bucket, name ending in t5jlp1e80k4, and a python repository in Artifact Registry located in us-central1 whose repository id uses whsq8kxefjxj07 as its prefix. ${S2} ${G}` });

T({ id: '95d06987-5e9a-45cb-bc8d-32f39a674b1f', n: 'eb5143e2176a51af', f: 'artifact_delivery',
  s: ['grant-first', 'qual-begins', 'duration-words'],
  r: ['repo ^be8atou us-east1 DOCKER', 'topic g7boapgt13ho$ 900s', 'bkt ^enx9loq2w16sz151bq55 US-WEST1 COLDLINE'],
  prompt: `${G} Provision in Google Cloud a docker repository in us-east1 with an id beginning with be8atou, a Pub/Sub topic ending with g7boapgt13ho that retains messages for 900s, and a coldline bucket in us-west1 beginning with enx9loq2w16sz151bq55. ${S1}` });

T({ id: '20ea1e81-e7a0-48d0-8660-3716e35e1626', n: '0c8231292723d026', f: 'bucket_with_object',
  s: ['content-double-quoted', 'qual-final-characters'],
  r: ['bkt gskstlk7fsrq$ US-WEST1 NEARLINE', 'obj saigwj4vzyc2zcztxt edbe3e0wtfbm5zpiaji'],
  prompt: `Google Cloud Storage only: a nearline bucket in us-west1, the final characters of its name being gskstlk7fsrq, with an object "saigwj4vzyc2zcztxt" whose content is "edbe3e0wtfbm5zpiaji". ${S3} ${G}` });

T({ id: '13cf907c-cb0e-4c83-aed5-c6634ee33058', n: 'cdc45d3b8adc7bb6', f: 'network_plus_storage',
  s: ['script-described', 'script-t1', 'shared-region', 'qual-starting'],
  r: ['vpc =ogxsaqnpbkziojix', 'snet ^dj3rvj us-central1 10.169.59.0/24', 'fw ^yz7xyuqwj44m3jcdv ssh', 'vmn mma2y49rxpxf92e3$ us-central1-b e2-micro T1',
    'bkt bxdycmgkp6p71ghdnx$ US-CENTRAL1 COLDLINE', 'obj ng5spyth8atxt q0wihxbjlepxlkf4', 'repo ew178top7cx57$ asia-southeast1 DOCKER'],
  prompt: `Google Cloud, region us-central1 for the network and bucket. VPC ogxsaqnpbkziojix, auto create subnetworks off; subnetwork starting with dj3rvj at 10.169.59.0/24; ssh firewall starting with yz7xyuqwj44m3jcdv (tcp 22, ingress, priority 1000, enabled). VM ending with mma2y49rxpxf92e3, e2-micro, us-central1-b, whose bash startup script sets -euo pipefail and echoes 13cf90-cdc45d-net to /var/tmp/acore-token. Coldline bucket ending with bxdycmgkp6p71ghdnx holding ng5spyth8atxt (content q0wihxbjlepxlkf4). Docker repository in asia-southeast1 ending with ew178top7cx57. ${G} ${S2}` });

T({ id: 'f004cd75-a631-4e1e-9876-b8c3c009be71', n: '01cf4a90b7fe8206', f: 'network_plus_artifacts',
  s: ['script-escaped-newlines', 'script-t3', 'names-single-quoted', 'shared-location'],
  r: ['vpc ^fed557llwpfc0o5aj3', 'snet ycjcut9$ us-east1 10.72.58.0/24', 'fw =d10hltp3b0wm7 http', 'vmn ^w8mqwvoc2jikdj us-east1-c e2-small T3',
    'repo ^grz7cu1k us-west1 DOCKER', 'bkt yr0p6q3gdkdlcpgmv5z$ US-WEST1 STANDARD', 'obj w6zuv598ooyrgom8txt 2by7vi5nw8ybq'],
  prompt: `Google Cloud. VPC name begins with fed557llwpfc0o5aj3; auto create subnetworks false. Subnetwork in us-east1, 10.72.58.0/24, name ends with ycjcut9. Firewall 'd10hltp3b0wm7' allows tcp 80 ingress at priority 1001, disabled false. VM name begins with w8mqwvoc2jikdj: e2-small in us-east1-c on that subnetwork, startup script '#!/bin/bash\\n/usr/bin/env echo 'f004cd-01cf4a-net' > /var/tmp/acore-token\\n'. In us-west1: a docker repository whose id begins with grz7cu1k and a standard bucket whose name ends with yr0p6q3gdkdlcpgmv5z containing w6zuv598ooyrgom8txt with content 2by7vi5nw8ybq. ${S1} ${G}` });

T({ id: 'a6743220-62de-4dc1-b6e8-c41db101aa6c', n: '8c91543e5089a887', f: 'network_plus_pubsub',
  s: ['script-described', 'script-t2', 'names-labelled', 'duration-hyphenated'],
  r: ['vpc xdadad654fl$', 'snet =vdm2si0 europe-west1 10.17.239.0/24', 'fw nomadtsp$ ssh', 'vmn =r3ckx9famv936timg europe-west1-b e2-micro T2',
    'topic km3rkypn0l$ 600s', 'bkt ^vbprgwuos56vjiz1pt EUROPE-WEST1 NEARLINE', 'obj nmrdpg148txt d39cqawywqcxb6jvy'],
  prompt: `Google Cloud stack, all in europe-west1. VPC ending in xdadad654fl with auto create subnetworks false; subnetwork labelled vdm2si0 on 10.17.239.0/24; firewall ending in nomadtsp for ssh (tcp:22, ingress, priority 1000, disabled false); e2-micro VM labelled r3ckx9famv936timg in europe-west1-b on vdm2si0 whose startup script uses printf to write a67432-8c9154-net to /var/tmp/acore-token. Pub/Sub topic ending in km3rkypn0l with a ten-minute (600s) retention. Nearline bucket beginning with vbprgwuos56vjiz1pt holding nmrdpg148txt whose text is d39cqawywqcxb6jvy. ${S3} ${G}` });

T({ id: '55fea321-8252-4aad-9492-a65c3d17e05a', n: 'ab109a182ff0ab7f', f: 'storage_with_pubsub',
  s: ['shared-location', 'content-payload', 'qual-suffix'],
  r: ['bkt nsiitjtbkob$ US-CENTRAL1 COLDLINE', 'topic ^ftqdjw2jyc3xl0y8 1200s', 'repo ^sjl6cq3flv us-central1 PYTHON', 'obj sphyresykgtxt 9mjb2wfwdbq2vpd6gfi5'],
  prompt: `In Google Cloud (us-central1 wherever a location is needed) create a coldline bucket with the suffix nsiitjtbkob, upload sphyresykgtxt to it with payload 9mjb2wfwdbq2vpd6gfi5, add a python repository whose id starts with sjl6cq3flv, and a Pub/Sub topic starting with ftqdjw2jyc3xl0y8 with 1200s retention. ${G} ${S2}` });

T({ id: 'b5bff069-9972-4600-bae8-48fb73b4f7d9', n: 'beac9951c01195dd', f: 'dns_frontend',
  s: ['names-identified-as', 'content-whose-text', 'dns-name-after'],
  r: ['dns =rq5ka8pa', 'bkt ^jnntgu22ug02 US-EAST1 NEARLINE', 'obj ksk9bkw9i377txt l4xmwrqkbgrva1po'],
  prompt: `${S2} In Google Cloud, add a DNS managed zone identified as rq5ka8pa; its dns name is rq5ka8pa.acore.example. Then a nearline bucket in us-east1 whose name starts with jnntgu22ug02, holding ksk9bkw9i377txt whose text is l4xmwrqkbgrva1po. ${G}` });

T({ id: '7d206a69-268e-4bf4-aeb2-3c4eb36834a2', n: 'a9d220eede5aee9f', f: 'dns_network_bridge',
  s: ['script-template-unstated', 'fw-icmp', 'names-called', 'that-one-reference'],
  r: ['dns mir56ec$', 'vpc =vfjlqddt8sr3h', 'snet =k21xun us-central1 10.77.89.0/24', 'vmn ^csg3jw1ji us-central1-a e2-small T2', 'fw =q202n363kn0x icmp'],
  prompt: `On Google Cloud, create a DNS managed zone whose name ends with mir56ec (dns name mir56ec.acore.example.), a VPC called vfjlqddt8sr3h without automatic subnetworks, and a subnetwork called k21xun in us-central1 using 10.77.89.0/24. Attach a firewall rule called q202n363kn0x to that one VPC allowing icmp ingress, priority 1002, disabled false. Run an e2-small VM in us-central1-a on k21xun whose name starts with csg3jw1ji; at boot it should drop the string 7d206a-a9d220-net into /var/tmp/acore-token. ${G} ${S1}` });

T({ id: '779c0c65-91dd-470a-9d94-944aea772c17', n: '579eb671652b65fc', f: 'topic_with_subscription',
  s: ['bool-turned-off', 'duration-words', 'ack-sixty'],
  r: ['topic ^wbuxfacy216z0ag3swdb 1200s', 'psub n488rqkfu0$ 60 false 86400s'],
  prompt: `Google Cloud Pub/Sub: a topic whose name begins with wbuxfacy216z0ag3swdb, message retention 1200s, and a subscription to it whose name ends with n488rqkfu0. For the subscription, the ack deadline is 60 seconds, retaining acked messages is turned off, and the expiration ttl is 86400s (one day). ${S3} ${G}` });

T({ id: 'c5b66c6a-85a0-4329-914d-aa61f9886df0', n: '5928d9463f02d624', f: 'network_plus_artifacts',
  s: ['script-described', 'script-t3', 'names-named', 'location-per-resource'],
  r: ['vpc =ypuqqimck', 'snet ^pzioiequykhmky6 us-east1 10.113.209.0/24', 'fw ll97oyr5yspvo$ ssh', 'vmn =nqg8hzipcexfil7jo us-east1-d e2-micro T3',
    'repo wo2ls5audrfo$ europe-west1 DOCKER', 'bkt ^novorj9rux EUROPE-WEST1 STANDARD'],
  prompt: `Google Cloud request. A VPC named ypuqqimck (auto create subnetworks false) with a us-east1 subnetwork starting with pzioiequykhmky6 on 10.113.209.0/24, and an ssh firewall rule whose name ends with ll97oyr5yspvo (tcp 22, ingress, priority 1000, enabled). A VM named nqg8hzipcexfil7jo, e2-micro, us-east1-d, on that subnetwork; its startup script calls /usr/bin/env echo to put c5b66c-5928d9-net into /var/tmp/acore-token. In europe-west1, a docker repository ending with wo2ls5audrfo and a standard bucket starting with novorj9rux. ${S2} ${G}` });

T({ id: '1e47f141-81e4-4b09-9e5c-b0b584f0f8eb', n: '17c1a6a3e8b9482a', f: 'dns_frontend',
  s: ['grant-first', 'qual-suffix', 'names-equals', 'content-containing'],
  r: ['dns b5avu1aul08$', 'bkt waswmkofkjanm3xy$ US-CENTRAL1 COLDLINE', 'obj mkgnbk355m4xltxt 8q34vgm2mbys1lqdf3jw', 'topic =v40vz52 600s'],
  prompt: `${G} Google Cloud DNS zone with the suffix b5avu1aul08, dns name b5avu1aul08.acore.example. A coldline bucket in us-central1 with the suffix waswmkofkjanm3xy, containing an object mkgnbk355m4xltxt containing 8q34vgm2mbys1lqdf3jw. A topic whose name equals v40vz52, retention 600s. ${S3}` });

T({ id: '42cc12a3-a598-4f64-8330-0c6c92d68b2b', n: 'e42e744b4e5e27c9', f: 'dns_network_bridge',
  s: ['script-escaped-newlines', 'script-t1', 'mixed-qualifiers', 'fw-tcp-colon'],
  r: ['dns ^v9ribb8w', 'vpc nsa99exxvo0i340i$', 'snet xf4u0eifj0pj$ europe-west1 10.158.228.0/24', 'vmn mp1k73lillxge$ europe-west1-c e2-medium T1',
    'fw ^jr4a5pv ssh', 'bkt ^lxrm3cnds5gxpif22 US-WEST1 STANDARD'],
  prompt: `Google Cloud. DNS managed zone beginning with v9ribb8w, dns name v9ribb8w.acore.example.; VPC ending with nsa99exxvo0i340i, auto create subnetworks false; subnetwork ending with xf4u0eifj0pj in europe-west1 at 10.158.228.0/24; firewall beginning with jr4a5pv, tcp:22 ingress, priority 1000, disabled false; VM ending with mp1k73lillxge, e2-medium, europe-west1-c, startup script #!/bin/bash\\nset -euo pipefail\\necho '42cc12-e42e74-net' > /var/tmp/acore-token\\n; standard bucket in us-west1 beginning with lxrm3cnds5gxpif22. ${S1} ${G}` });

T({ id: 'fae0a734-cd7e-4e7d-8a70-77f4df87f4e3', n: '3827d9ea28ee0261', f: 'topic_with_subscription',
  s: ['bool-true', 'ack-words', 'duration-two-day', 'names-quoted'],
  r: ['topic =l4ngwfbckb6l7spzymg8 600s', 'psub ^r99b04qeashz 10 true 172800s', 'bkt ^hqlwkvrkrlt737muvdjw ASIA-SOUTHEAST1 NEARLINE'],
  prompt: `Set up Google Cloud Pub/Sub topic "l4ngwfbckb6l7spzymg8" with 600s retention. Its subscription should start with r99b04qeashz, use a ten second ack deadline, retain acked messages = true, and expire after 172800s, a two-day ttl. Also add a nearline asia-southeast1 bucket whose name starts with hqlwkvrkrlt737muvdjw. ${G} ${S2}` });

T({ id: '2470c7e7-5c46-499f-8b0f-70efa6724ddc', n: '049253a12641e359', f: 'network_plus_artifacts',
  s: ['script-lost-hash', 'script-collapsed', 'script-t1', 'fw-http', 'qual-begins'],
  r: ['vpc ^gtu9pjl9268qnfi', 'snet =pxsvow8knl4g us-central1 10.43.231.0/24', 'fw ^khngp5vbwjck http', 'vmn bnpk2sydw$ us-central1-c e2-small T1',
    'repo ^rk4wun2j us-east1 PYTHON', 'bkt wyzxk8hxxkusz$ US-EAST1 STANDARD'],
  prompt: `We need, on Google Cloud, a VPC beginning with gtu9pjl9268qnfi (auto subnetworks disabled), subnetwork pxsvow8knl4g in us-central1 with 10.43.231.0/24, and an http firewall beginning with khngp5vbwjck (ingress, tcp 80, priority 1001, enabled). The VM is e2-small in us-central1-c on pxsvow8knl4g, named so it ends with bnpk2sydw, startup script !/bin/bash set -euo pipefail echo '2470c7-049253-net' > /var/tmp/acore-token. In us-east1, a python repository beginning with rk4wun2j and a standard bucket ending with wyzxk8hxxkusz. ${S3} ${G}` });

T({ id: '54ecdbcf-8d28-4128-86c6-e8ed6b2b49be', n: 'fa8ca213b17d6dab', f: 'topic_with_subscription',
  s: ['subscription-first', 'bool-on', 'duration-three-day'],
  r: ['topic yea1krxbiwpbmcy2$ 900s', 'psub =zs2cstq 20 true 259200s'],
  prompt: `Create a Google Cloud Pub/Sub subscription zs2cstq with ack deadline 20, retain acked messages on, and expiration ttl 259200s (three days). It subscribes to a topic whose name ends with yea1krxbiwpbmcy2 and which keeps messages 900s. ${S1} ${G}` });

T({ id: '44b1779b-4869-4b74-b602-22cc49e5bbef', n: '846f483df45faf68', f: 'dns_frontend',
  s: ['names-after-colon', 'content-single-quoted', 'duration-words'],
  r: ['dns =cvuiunz3p47h', 'bkt ^xf3d8wmrx5 US-WEST1 COLDLINE', 'obj sam8yzq4gghuftxt 0v8ysj3jv55rh4i1rc1', 'topic iau8ezqszhn23$ 900s'],
  prompt: `Google Cloud frontend. Zone: cvuiunz3p47h, DNS name cvuiunz3p47h.acore.example. Bucket: coldline, us-west1, name starting with xf3d8wmrx5. Object: sam8yzq4gghuftxt with content '0v8ysj3jv55rh4i1rc1'. Topic: name ending with iau8ezqszhn23, fifteen minutes of retention (900s). ${G} ${S3}` });

T({ id: '371088be-8f2d-48d4-88df-86ebe370c5ed', n: 'fed355cf8acc90ed', f: 'dns_network_bridge',
  s: ['script-lost-hash', 'script-escaped-newlines', 'script-t3', 'no-firewall', 'region-separate-sentence'],
  r: ['dns ^z7nsop0o', 'vpc ^ys1dwj1', 'snet =oi0b3dhpgcb9p7xibc europe-west1 10.154.28.0/24', 'vmn xujef0q6f3qd21t1$ europe-west1-d e2-small T3', 'bkt vvi4ow7f344$ EUROPE-WEST1 NEARLINE'],
  prompt: `Google Cloud DNS plus a small host. The zone name starts with z7nsop0o and its dns name is z7nsop0o.acore.example. The VPC name starts with ys1dwj1 and auto create subnetworks is false. The subnetwork is oi0b3dhpgcb9p7xibc with 10.154.28.0/24. It lives in europe-west1. The e2-small VM sits in europe-west1-d on oi0b3dhpgcb9p7xibc, its name ends with xujef0q6f3qd21t1, and its startup script is !/bin/bash\\n/usr/bin/env echo '371088-fed355-net' > /var/tmp/acore-token\\n. A nearline europe-west1 bucket ending with vvi4ow7f344 rounds it out. ${S2} ${G}` });

T({ id: 'f3f6732d-d881-4037-bfb1-4db633cdb594', n: 'c7a6e2b328b0731f', f: 'network_stack',
  s: ['script-escaped-newlines', 'script-t2', 'firewall-first', 'priority-words'],
  alt: { 1001: 'one thousand one' },
  r: ['vpc o1k2uikx6ffqnscy0h$', 'snet zxdq6grd$ us-east1 10.117.115.0/24', 'fw =hj077f2nmujvahbemf http', 'vmn =ak71gl us-east1-c e2-micro T2'],
  prompt: `Start with the firewall: hj077f2nmujvahbemf, ingress, allowing http on port 80/tcp, priority one thousand one, enabled, on a Google Cloud VPC whose name ends with o1k2uikx6ffqnscy0h (auto create subnetworks false). The VPC gets one subnetwork in us-east1, 10.117.115.0/24, name ending with zxdq6grd. On it, VM ak71gl: e2-micro, zone us-east1-c, metadata startup script #!/bin/bash\\nprintf 'f3f673-c7a6e2-net' > /var/tmp/acore-token\\n. ${G} ${S1}` });

T({ sharedQual: true, id: '01501241-e3d7-487b-adc7-4dc44a9f65b2', n: 'a7a8c6a32099de5c', f: 'network_plus_pubsub',
  s: ['one-qualifier-all-resources', 'script-collapsed', 'script-t3', 'fw-icmp', 'shared-region'],
  r: ['vpc ^byi4cuo99rc6g', 'snet ^ruenux66q64 us-central1 10.125.191.0/24', 'fw ^u46p7jo5n0 icmp', 'vmn ^zi3gdvec7kdssx09iz us-central1-f e2-medium T3',
    'topic ^s5fwdmltz5we 900s', 'bkt ^fbgr6x8tqncls1dyttrd US-CENTRAL1 STANDARD'],
  prompt: `Google Cloud, us-central1. All names below are prefixes: VPC byi4cuo99rc6g (auto create subnetworks false), subnetwork ruenux66q64 on 10.125.191.0/24, icmp ingress firewall u46p7jo5n0 at priority 1002 and not disabled, e2-medium VM zi3gdvec7kdssx09iz in us-central1-f with startup script #!/bin/bash /usr/bin/env echo '015012-a7a8c6-net' > /var/tmp/acore-token, Pub/Sub topic s5fwdmltz5we with 900s retention, and standard bucket fbgr6x8tqncls1dyttrd. ${S2} ${G}` });

T({ id: '3c443f41-819e-48dc-b777-d93e18570a00', n: 'ea0d0b4953181951', f: 'topic_with_subscription',
  s: ['bool-no', 'ack-digits', 'duration-two-day', 'qual-ending-in'],
  r: ['topic z2o6g7tkbn60xdd5o6sq$ 1200s', 'psub ztqm8go2n8ammp$ 30 false 172800s', 'bkt ymb95kdnd1fd6fy2gmf$ US-CENTRAL1 STANDARD'],
  prompt: `Google Cloud messaging with a bucket on the side. Topic name ending in z2o6g7tkbn60xdd5o6sq, retention 1200s. Subscription name ending in ztqm8go2n8ammp, on that topic, ack deadline 30, retain acked messages: no, ttl 172800s (two days). Standard us-central1 bucket ending in ymb95kdnd1fd6fy2gmf. ${S3} ${G}` });

// ---------------------------------------------------------------------------------------------------------------
// Builder: compact definitions -> generator-shaped invariants.
const REGION_TO_ZONES = { 'us-central1': ['a', 'b', 'c', 'f'], 'us-east1': ['b', 'c', 'd'], 'europe-west1': ['b', 'c', 'd'] };
const ZONES = Object.entries(REGION_TO_ZONES).flatMap(([r, zs]) => zs.map((z) => `${r}-${z}`));
const MACHINES = ['e2-micro', 'e2-small', 'e2-medium'];
const BUCKET_LOCS = ['US-CENTRAL1', 'US-EAST1', 'US-WEST1', 'EUROPE-WEST1', 'ASIA-SOUTHEAST1'];
const CLASSES = ['STANDARD', 'NEARLINE', 'COLDLINE'];
const AR_LOCS = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'asia-southeast1'];
const FORMATS = ['DOCKER', 'PYTHON'];
const RETENTIONS = ['600s', '900s', '1200s'];
const ACKS = [10, 20, 30, 60];
const TTLS = ['86400s', '172800s', '259200s'];
const FW = { ssh: [1000, 'tcp', '22'], http: [1001, 'tcp', '80'], icmp: [1002, 'icmp', null] };
const SCRIPT = {
  T1: (t) => `#!/bin/bash\nset -euo pipefail\necho '${t}' > /var/tmp/acore-token\n`,
  T2: (t) => `#!/bin/bash\nprintf '${t}' > /var/tmp/acore-token\n`,
  T3: (t) => `#!/bin/bash\n/usr/bin/env echo '${t}' > /var/tmp/acore-token\n`,
};
const LEN = { vpc: [6, 18], snet: [6, 18], fw: [6, 18], vmn: [6, 18], vm: [6, 18], bkt: [10, 20], repo: [6, 18],
  topic: [6, 20], psub: [6, 20], dns: [6, 14] };
const KIND = { vpc: 'vpc_network', snet: 'subnetwork', fw: 'firewall_rule', vmn: 'compute_instance_networked',
  vm: 'compute_instance_basic', bkt: 'storage_bucket', obj: 'storage_bucket_object', repo: 'artifact_repository',
  topic: 'pubsub_topic', psub: 'pubsub_subscription', dns: 'dns_managed_zone' };
const FAMILIES = {
  network_stack: { must: ['vpc', 'snet', 'fw', 'vmn'], opt: [], min: 0, max: 0 },
  network_without_instance: { must: ['vpc', 'snet', 'fw'], opt: ['vm'], min: 0, max: 1 },
  storage_delivery: { must: ['bkt'], opt: ['repo', 'topic'], min: 1, max: 2 },
  artifact_delivery: { must: ['repo'], opt: ['bkt', 'topic', 'obj'], min: 1, max: 3 },
  bucket_with_object: { must: ['bkt', 'obj'], opt: ['topic'], min: 0, max: 1 },
  network_plus_storage: { must: ['vpc', 'snet', 'fw', 'vmn', 'bkt'], opt: ['obj', 'repo'], min: 1, max: 2 },
  network_plus_artifacts: { must: ['vpc', 'snet', 'fw', 'vmn', 'repo'], opt: ['bkt', 'obj'], min: 1, max: 1 },
  network_plus_pubsub: { must: ['vpc', 'snet', 'fw', 'vmn', 'topic'], opt: ['bkt', 'obj'], min: 0, max: 2 },
  storage_with_pubsub: { must: ['bkt', 'topic'], opt: ['repo', 'obj'], min: 1, max: 2 },
  dns_frontend: { must: ['dns', 'bkt'], opt: ['obj', 'topic'], min: 1, max: 2 },
  dns_network_bridge: { must: ['dns', 'vpc', 'snet', 'vmn'], opt: ['fw', 'bkt'], min: 1, max: 2 },
  topic_with_subscription: { must: ['topic', 'psub'], opt: ['bkt'], min: 0, max: 1 },
};

function parseName(s) {
  if (s.startsWith('=')) return [s.slice(1), 'exact_match'];
  if (s.startsWith('^')) return [s.slice(1), 'starts_with'];
  if (s.endsWith('$')) return [s.slice(0, -1), 'ends_with'];
  throw new Error(`name without rule marker: ${s}`);
}

function build(task, errs) {
  const token = `${task.id.slice(0, 6)}-${task.n.slice(0, 6)}`;
  const res = {};
  for (const line of task.r) {
    const [k, ...a] = line.trim().split(/\s+/);
    if (!KIND[k]) { errs.push(`unknown resource kind ${k}`); continue; }
    if (res[k]) errs.push(`duplicate resource ${k}`);
    res[k] = a;
  }
  const inv = [];
  const nameOf = (k) => res[k] && parseName(res[k][0])[0];
  const push = (type, match, field, rule) => inv.push({ resource_type: type, match, comparison_rule: { [field]: rule } });
  for (const line of task.r) {
    const k = line.trim().split(/\s+/)[0];
    const a = res[k];
    if (k === 'obj') {
      if (!res.bkt) errs.push('object without bucket');
      if (!/^[a-z][a-z0-9]{7,15}txt$/.test(a[0])) errs.push(`bad object name ${a[0]}`);
      if (!/^[a-z0-9]{12,20}$/.test(a[1])) errs.push(`bad content ${a[1]}`);
      push('google_storage_bucket_object', { 'values.name': a[0], 'values.bucket': nameOf('bkt'),
        'values.content_type': 'text/plain', 'values.content': a[1] }, 'values.name', 'exact_match');
      continue;
    }
    const [nm, rule] = parseName(a[0]);
    const [lo, hi] = LEN[k];
    if (!/^[a-z][a-z0-9]*$/.test(nm) || nm.length < lo || nm.length > hi) errs.push(`bad ${k} name ${nm}`);
    if ((k === 'bkt' || k === 'repo') && rule === 'exact_match') errs.push(`${k} must be starts_with/ends_with`);
    if ((k === 'topic' || k === 'psub') && nm.startsWith('goog')) errs.push(`${k} starts with goog`);
    const chk = (ok, what) => { if (!ok) errs.push(`${k}: bad ${what}`); };
    switch (k) {
      case 'vpc': push('google_compute_network', { 'values.name': nm, 'values.auto_create_subnetworks': false }, 'values.name', rule); break;
      case 'snet': {
        chk(REGION_TO_ZONES[a[1]], 'region');
        const m = /^10\.(\d+)\.(\d+)\.0\/24$/.exec(a[2] || '');
        chk(m && +m[1] >= 10 && +m[1] <= 200 && +m[2] <= 240, 'cidr');
        push('google_compute_subnetwork', { 'values.name': nm, 'values.network': nameOf('vpc'), 'values.region': a[1],
          'values.ip_cidr_range': a[2] }, 'values.name', rule); break;
      }
      case 'fw': {
        const p = FW[a[1]]; chk(p, 'profile'); if (!p) break;
        const m = { 'values.name': nm, 'values.network': nameOf('vpc'), 'values.direction': 'INGRESS', 'values.priority': p[0],
          'values.disabled': false, 'values.allow.0.protocol': p[1] };
        if (p[2]) m['values.allow.0.ports.0'] = p[2];
        push('google_compute_firewall', m, 'values.name', rule); break;
      }
      case 'vmn': case 'vm': {
        chk(ZONES.includes(a[1]), 'zone'); chk(MACHINES.includes(a[2]), 'machine'); chk(SCRIPT[a[3]], 'script template');
        if (k === 'vmn') chk(res.snet && a[1].startsWith(res.snet[1] + '-'), 'zone outside subnet region');
        const m = { 'values.name': nm, 'values.zone': a[1], 'values.machine_type': a[2] };
        if (k === 'vmn') m['values.network_interface.0.subnetwork'] = nameOf('snet');
        m['values.metadata_startup_script'] = (SCRIPT[a[3]] || SCRIPT.T1)(k === 'vmn' ? `${token}-net` : token);
        push('google_compute_instance', m, 'values.name', rule); break;
      }
      case 'bkt':
        chk(BUCKET_LOCS.includes(a[1].toUpperCase()), 'location'); chk(CLASSES.includes(a[2].toUpperCase()), 'class');
        push('google_storage_bucket', { 'values.name': nm, 'values.location': a[1].toUpperCase(),
          'values.storage_class': a[2].toUpperCase() }, 'values.name', rule); break;
      case 'repo':
        chk(AR_LOCS.includes(a[1]), 'location'); chk(FORMATS.includes(a[2].toUpperCase()), 'format');
        push('google_artifact_registry_repository', { 'values.repository_id': nm, 'values.location': a[1],
          'values.format': a[2].toUpperCase() }, 'values.repository_id', rule); break;
      case 'topic':
        chk(RETENTIONS.includes(a[1]), 'retention');
        push('google_pubsub_topic', { 'values.name': nm, 'values.message_retention_duration': a[1] }, 'values.name', rule); break;
      case 'psub':
        chk(ACKS.includes(+a[1]), 'ack'); chk(a[2] === 'true' || a[2] === 'false', 'retain'); chk(TTLS.includes(a[3]), 'ttl');
        chk(res.topic, 'topic missing');
        push('google_pubsub_subscription', { 'values.name': nm, 'values.topic': nameOf('topic'), 'values.ack_deadline_seconds': +a[1],
          'values.retain_acked_messages': a[2] === 'true', 'values.expiration_policy.0.ttl': a[3] }, 'values.name', rule); break;
      case 'dns':
        push('google_dns_managed_zone', { 'values.name': nm, 'values.dns_name': `${nm}.acore.example.` }, 'values.name', rule); break;
    }
  }
  // Naming-rule propagation (spec 3.5): any other string field equal to a flexible-rule token inherits that rule.
  const flex = new Map();
  for (const i of inv) for (const [f, r] of Object.entries(i.comparison_rule)) if (r !== 'exact_match') flex.set(i.match[f], r);
  for (const i of inv) for (const [f, v] of Object.entries(i.match)) {
    if (f in i.comparison_rule || typeof v !== 'string') continue;
    if (flex.has(v)) i.comparison_rule[f] = flex.get(v);
  }
  // Family composition (spec 3.2).
  const fam = FAMILIES[task.f];
  if (!fam) errs.push(`unknown family ${task.f}`);
  else {
    const kinds = Object.keys(res);
    for (const m of fam.must) if (!kinds.includes(m)) errs.push(`family ${task.f} lacks ${m}`);
    const extra = kinds.filter((x) => !fam.must.includes(x));
    for (const x of extra) if (!fam.opt.includes(x)) errs.push(`family ${task.f} cannot hold ${x}`);
    let n = extra.length;
    if (task.f === 'network_plus_artifacts' && extra.includes('obj')) n -= 1; // the object pulls the bucket in
    if (n < fam.min || n > fam.max) errs.push(`family ${task.f}: ${n} optional resources`);
  }
  return { token, inv, res };
}

// ---------------------------------------------------------------------------------------------------------------
// Verifier.
const NUMWORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const Q_START = /\b(starts? with|starting with|begins? with|beginning with|prefix(?:e[sd])?|leading|opening characters|opens with|leads? with|first characters|lead-in)\b/g;
const Q_END = /\b(ends? with|ending with|ending in|ends? in|suffix(?:e[sd])?|trailing|final characters|terminat(?:es|ing|e) (?:in|with)|closes with|last characters|tail)\b/g;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function hits(re, text) { const out = []; re.lastIndex = 0; let m; while ((m = re.exec(text))) out.push([m.index, m.index + m[0].length]); return out; }

function qualifierAt(lp, at, tok) {
  // nearest qualifier phrase to one occurrence of the token (same sentence, -70..+45 chars)
  const end = at + tok.length;
  let best = null;
  for (const [kind, re] of [['starts_with', Q_START], ['ends_with', Q_END]]) {
    for (const [s, e] of hits(re, lp)) {
      let d;
      if (e <= at) { d = at - e; if (/[.;]\s/.test(lp.slice(e, at))) continue; if (d > 70) continue; }
      else if (s >= end) { d = s - end; if (/[.;]\s/.test(lp.slice(end, s))) continue; if (d > 45) continue; }
      else continue;
      if (!best || d < best.d) best = { kind, d, before: e <= at };
    }
  }
  return best;
}

function qualifiersAround(lp, tok) {
  const re = new RegExp(`\\b${esc(tok)}\\b`, 'g');
  const out = [];
  let m;
  while ((m = re.exec(lp))) out.push(qualifierAt(lp, m.index, tok));
  return out;
}

const BOOL_WORDS = {
  auto_false: /\b(false|no|disabled|off|turned off|not? auto|without auto|do not|don't|never|manual|custom[- ]mode)\b/,
  fw_enabled: /\b(false|enabled|not disabled|active|no|on)\b/,
  retain_true: /\b(true|yes|enabled|on|retain(?:ed|s|ing)? acked|keep(?:s|ing)? acked|kept)\b/,
  retain_false: /\b(false|no|disabled|off|not retained|discard(?:ed|s|ing)?|drop(?:ped|s)?|do not retain|don't retain)\b/,
};

// A task flagged sharedQual states one qualifier for several names at once ("every name here must end with ...").
// Accept that only when every rule-bearing name in the task has that same rule and the prompt states it somewhere.
function sharedOk(task, built, lp, rule) {
  if (!task.sharedQual) return false;
  const rules = built.inv.filter((i) => i.resource_type !== 'google_storage_bucket_object')
    .map((i) => i.comparison_rule['values.name'] || i.comparison_rule['values.repository_id']);
  return rules.every((r) => r === rule) && hits(rule === 'starts_with' ? Q_START : Q_END, lp).length > 0;
}

function verify(task, built) {
  const errs = [];
  const p = task.prompt;
  const lp = p.toLowerCase();
  const alt = task.alt || {};
  const usedAlt = [];
  if (/[\r\n]/.test(p)) errs.push('prompt is not one line');
  if (/[^\x20-\x7e]/.test(p)) errs.push('prompt is not plain ASCII');
  if (/[`*#]{2,}|^\s*[-*] /.test(p)) errs.push('markdown-ish formatting');
  const words = p.trim().split(/\s+/).length;
  if (words >= 220) errs.push(`${words} words`);
  if (!p.includes(G)) errs.push('grant sentence missing');
  const subs = SUBMISSIONS.filter((s) => p.includes(s)).length;
  if (subs !== 1) errs.push(`${subs} submission sentences`);
  if (!/\b(gcp|google cloud)\b/.test(lp)) errs.push('no provider mention');
  if (/\b(readme|prerequisite|documentation|tutorial|guide|walkthrough)\b/.test(lp)) errs.push('forbidden word');
  const present = (v) => {
    const s = String(v).toLowerCase();
    if (lp.includes(s) || squash(lp).includes(squash(s))) return true;
    if (alt[v] !== undefined && lp.includes(String(alt[v]).toLowerCase())) { usedAlt.push(String(v)); return true; }
    return false;
  };
  for (const i of built.inv) {
    const t = i.resource_type.replace('google_', '');
    for (const [f, v] of Object.entries(i.match)) {
      const where = `${t}.${f.replace('values.', '')}=${JSON.stringify(v)}`;
      if (f === 'values.content_type') continue; // text/plain is not guaranteed (spec 3.6)
      if (f === 'values.metadata_startup_script') {
        const tok = /'([^']+)'/.exec(v)[1];
        if (!new RegExp(`\\b${esc(tok)}\\b`).test(lp)) errs.push(`${where}: script token ${tok} missing`);
        const stated = /bin\/bash|printf|\/usr\/bin\/env|set -euo|echo/.test(lp);
        if (!stated && !(task.s || []).includes('script-template-unstated')) errs.push('script template not stated but not tagged');
        continue;
      }
      if (f === 'values.auto_create_subnetworks') { if (!BOOL_WORDS.auto_false.test(lp)) errs.push(`${where}: no false-ish wording`); continue; }
      if (f === 'values.disabled') { if (!BOOL_WORDS.fw_enabled.test(lp)) errs.push(`${where}: no enabled wording`); continue; }
      if (f === 'values.retain_acked_messages') {
        if (!(v ? BOOL_WORDS.retain_true : BOOL_WORDS.retain_false).test(lp)) errs.push(`${where}: bool wording missing`);
        continue;
      }
      if (typeof v === 'number') {
        const ok = new RegExp(`\\b${v}\\b`).test(lp) || (v <= 20 && new RegExp(`\\b${NUMWORDS[v]}\\b`).test(lp))
          || (alt[v] !== undefined && lp.includes(String(alt[v]).toLowerCase()) && usedAlt.push(String(v)));
        if (!ok) errs.push(`${where}: number missing`);
        continue;
      }
      if (f === 'values.dns_name') { if (!present(v.replace(/\.$/, ''))) errs.push(`${where}: missing`); continue; }
      if (!present(v)) errs.push(`${where}: missing`);
    }
    // qualifier wording near the rule-bearing name
    for (const [f, rule] of Object.entries(i.comparison_rule)) {
      if (f !== 'values.name' && f !== 'values.repository_id') continue;
      if (i.resource_type === 'google_storage_bucket_object') continue;
      const tok = i.match[f];
      const occ = qualifiersAround(lp, tok);
      if (!occ.length) { errs.push(`${t} name ${tok} not found as a word`); continue; }
      if (rule === 'exact_match') {
        const near = occ.find((b) => b && ((b.before && b.d <= 12) || (!b.before && b.d <= 6)));
        if (near) errs.push(`${t} ${tok} is exact but sits next to a ${near.kind} qualifier`);
      } else if (!occ.some((b) => b && b.kind === rule) && !sharedOk(task, built, lp, rule)) errs.push(`${t} ${tok} is ${rule} but no occurrence has that qualifier nearest`);
    }
  }
  return { errs, usedAlt };
}

function main() {
  let bad = 0;
  const out = [];
  const ids = new Set();
  const famCount = {};
  for (const task of TASKS) {
    const errs = [];
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(task.id)) errs.push('bad task_id');
    if (!/^[0-9a-f]{16}$/.test(task.n)) errs.push('bad nonce');
    if (ids.has(task.id)) errs.push('duplicate task_id');
    ids.add(task.id);
    const built = build(task, errs);
    const v = verify(task, built);
    errs.push(...v.errs);
    if (errs.length) { bad += 1; console.error(`FAIL ${task.id.slice(0, 8)} (${task.f}):\n  ${errs.join('\n  ')}`); }
    const style = [...new Set([...(task.s || []), ...(v.usedAlt.length ? ['value-reworded'] : [])])];
    famCount[task.f] = (famCount[task.f] || 0) + 1;
    out.push(JSON.stringify({ task_id: task.id, nonce: task.n, family: task.f, style, prompt: task.prompt, invariants: built.inv }));
  }
  writeFileSync(join(HERE, 'holdout.jsonl'), out.join('\n') + '\n');
  for (const f of Object.keys(FAMILIES)) if (!famCount[f]) { bad += 1; console.error(`family ${f} not covered`); }
  console.log(`${out.length} tasks, ${bad} failing; per family: ${JSON.stringify(famCount)}`);
  process.exit(bad ? 1 : 0);
}
main();
