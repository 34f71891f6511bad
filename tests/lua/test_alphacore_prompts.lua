-- LLM-style prompts (spec §3.6-3.7 paraphrases) and the golden tasks of §7.2/§7.1: each prompt's plan, built
-- into the state terraform would write, must score 100% against its hidden invariants.
local parse = require "alphacore.parse"
local build = require "alphacore.build"
local validate = require "alphacore.validate"
local terraform = require "terraform"
local json = require "json"

local SA = "alphacore-validator@alphacore-478113.iam.gserviceaccount.com"
local GRANT = " Grant " .. SA .. " viewer access so they can verify the deployment."
local SUBMIT = { " Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.",
  " Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.",
  " Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root." }

local T1 = "#!/bin/bash\nset -euo pipefail\necho '%s' > /var/tmp/acore-token\n"
local T2 = "#!/bin/bash\nprintf '%s' > /var/tmp/acore-token\n"
local T3 = "#!/bin/bash\n/usr/bin/env echo '%s' > /var/tmp/acore-token\n"

-- invariant builders (rules default to exact_match; references inherit flexible rules like the generator)
local function inv(rtype, match, rules) return { resource_type = rtype, match = match, comparison_rule = rules or {} } end
local function flex(rules, path, rule) if rule == "starts_with" or rule == "ends_with" then rules[path] = rule end return rules end
local I = {}
function I.vpc(n, r) return inv("google_compute_network", { ["values.name"] = n, ["values.auto_create_subnetworks"] = false }, { ["values.name"] = r or "exact_match" }) end
function I.subnet(n, r, net, netr, region, cidr) return inv("google_compute_subnetwork", { ["values.name"] = n, ["values.network"] = net, ["values.region"] = region, ["values.ip_cidr_range"] = cidr }, flex({ ["values.name"] = r or "exact_match" }, "values.network", netr)) end
function I.fw(n, r, net, netr, prio, proto, port) return inv("google_compute_firewall", { ["values.name"] = n, ["values.network"] = net, ["values.direction"] = "INGRESS", ["values.priority"] = prio, ["values.disabled"] = false, ["values.allow.0.protocol"] = proto, ["values.allow.0.ports.0"] = port }, flex({ ["values.name"] = r or "exact_match" }, "values.network", netr)) end
function I.vm(n, r, zone, mt, script, sub, subr)
  local m = { ["values.name"] = n, ["values.zone"] = zone, ["values.machine_type"] = mt, ["values.metadata_startup_script"] = script }
  if sub then m["values.network_interface.0.subnetwork"] = sub end
  return inv("google_compute_instance", m, flex({ ["values.name"] = r or "exact_match" }, "values.network_interface.0.subnetwork", subr))
end
function I.bucket(n, r, loc, class) return inv("google_storage_bucket", { ["values.name"] = n, ["values.location"] = loc, ["values.storage_class"] = class }, { ["values.name"] = r }) end
function I.object(n, b, br, content) return inv("google_storage_bucket_object", { ["values.name"] = n, ["values.bucket"] = b, ["values.content_type"] = "text/plain", ["values.content"] = content }, flex({ ["values.name"] = "exact_match" }, "values.bucket", br)) end
function I.repo(id, r, loc, fmt) return inv("google_artifact_registry_repository", { ["values.repository_id"] = id, ["values.location"] = loc, ["values.format"] = fmt }, { ["values.repository_id"] = r }) end
function I.topic(n, r, ret) return inv("google_pubsub_topic", { ["values.name"] = n, ["values.message_retention_duration"] = ret }, { ["values.name"] = r or "exact_match" }) end
function I.sub(n, r, topic, topicr, ack, retain, ttl) return inv("google_pubsub_subscription", { ["values.name"] = n, ["values.topic"] = topic, ["values.ack_deadline_seconds"] = ack, ["values.retain_acked_messages"] = retain, ["values.expiration_policy.0.ttl"] = ttl }, flex({ ["values.name"] = r or "exact_match" }, "values.topic", topicr)) end
function I.dns(z, r) return inv("google_dns_managed_zone", { ["values.name"] = z, ["values.dns_name"] = z .. ".acore.example." }, { ["values.name"] = r or "exact_match" }) end

local S, E, X = "starts_with", "ends_with", "exact_match"

local CASES = {
  -- golden A (§3.7a, deterministic fallback, network_without_instance)
  { name = "golden A", prompt = [[Small internal setup for a teammate. Prefer minimal surface area and predictable configuration. We need the following set up in Google Cloud. Requested: basic virtual machine + vpc network + subnetwork + firewall rule. Please only create what's described below (no extra resources). metadata startup script equals "#!/bin/bash\nprintf 'd7c95f-3771e6' > /var/tmp/acore-token\n", zone equals "us-east1-c", name ends with "l5wsg8fzbw5324ekj", machine type equals "e2-micro" auto create subnetworks equals false, name equals "o42jgllemi96p" network equals "o42jgllemi96p", ip cidr range equals "10.175.219.0/24", region equals "us-central1", name equals "r2cko1jti3" priority equals 1000, ports equals "22", protocol equals "tcp", network equals "o42jgllemi96p", name ends with "ihld12rw", disabled equals false, direction equals "ingress" Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root. Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment. Provision exactly one Compute Engine VM. Launch a lone VM in us-east1-c using machine type e2-micro and include the tokenised startup script. Use a dedicated VPC instead of default networks. Create a custom VPC named o42jgllemi96p with auto subnet creation disabled. Attach the subnetwork to the custom VPC. Carve CIDR 10.175.219.0/24 inside o42jgllemi96p and keep the subnetwork regional to us-central1. Restrict ingress on the bespoke VPC. Add a ingress firewall ihld12rw on o42jgllemi96p with priority 1000 allowing tcp/22.]],
    inv = { I.vm("l5wsg8fzbw5324ekj", E, "us-east1-c", "e2-micro", T2:format("d7c95f-3771e6")), I.vpc("o42jgllemi96p"),
      I.subnet("r2cko1jti3", X, "o42jgllemi96p", X, "us-central1", "10.175.219.0/24"), I.fw("ihld12rw", E, "o42jgllemi96p", X, 1000, "tcp", "22") } },
  -- golden B (§3.7b, storage_delivery)
  { name = "golden B", prompt = [[Internal dev sandbox. Keep it simple and cost-conscious; no extras beyond what is requested. We need the following set up in Google Cloud. Requested: pubsub topic + storage bucket + artifact registry repo. Please only create what's described below (no extra resources). message retention duration equals "600s", name starts with "hizxvme6667f0o2hc949" location equals "us-west1", name ends with "x5s0j4u572jcbj", storage class equals "coldline" location equals "asia-southeast1", format equals "docker", repository id ends with "zr8plnzf94grsyzrl" Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root. Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment. Keep the topic isolated with explicit retention. Ensure Pub/Sub topic hizxvme6667f0o2hc949 retains messages for 600s. Keep bucket configs minimal yet explicit. Provision a Cloud Storage bucket named x5s0j4u572jcbj in us-west1 with coldline storage class. Keep the repository minimal; ensure the package format matches the request. Create Artifact Registry repository zr8plnzf94grsyzrl in asia-southeast1 with docker packages.]],
    inv = { I.topic("hizxvme6667f0o2hc949", S, "600s"), I.bucket("x5s0j4u572jcbj", E, "US-WEST1", "COLDLINE"), I.repo("zr8plnzf94grsyzrl", E, "asia-southeast1", "DOCKER") } },
  -- golden C (§3.7d, LLM rewrite, topic_with_subscription)
  { name = "golden C", prompt = "For a small internal Google Cloud setup, create a Pub/Sub topic named xyctzkz50c48k1 that keeps messages for 900s. Attach a subscription to that same topic whose name ends with we20f44pv5herers, with a 30 second ack deadline, retained acked messages (true) and an expiration TTL of 172800s." .. GRANT .. SUBMIT[1],
    inv = { I.topic("xyctzkz50c48k1", X, "900s"), I.sub("we20f44pv5herers", E, "xyctzkz50c48k1", X, 30, true, "172800s") } },
  -- golden D (dns_frontend, LLM style)
  { name = "golden D", prompt = "On Google Cloud, set up a storage bucket whose name ends with iseyp83v2eu741i in us-east1 using the standard storage class, a Cloud DNS managed zone oz0bqcukq for the domain oz0bqcukq.acore.example., and upload a plaintext object called jw8lkpmir7xqhtxt into that bucket with content '8txbge6apvqw2g6pljit'." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("iseyp83v2eu741i", E, "US-EAST1", "STANDARD"), I.dns("oz0bqcukq"), I.object("jw8lkpmir7xqhtxt", "iseyp83v2eu741i", E, "8txbge6apvqw2g6pljit") } },
  -- golden E (§3.7c, network_stack)
  { name = "golden E", prompt = "Internal dev sandbox on Google Cloud, keep it lean with nothing beyond what is listed. Stand up a custom VPC whose name ends with mrx3vb250zl7pv and leave automatic subnet creation off (false). Inside it carve a regional subnetwork named n2s38d8u in us-central1 using 10.154.213.0/24, pointing at that same VPC. Add an ingress firewall rule called s1u75p5s on the VPC at priority 1001 allowing tcp on port 80, not disabled (false). Launch an e2-medium VM named j89pzao6maam in us-central1-c on subnetwork n2s38d8u with the startup script #!/bin/bash /usr/bin/env echo 'd54138-011503-net' > /var/tmp/acore-token." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("mrx3vb250zl7pv", E), I.fw("s1u75p5s", X, "mrx3vb250zl7pv", E, 1001, "tcp", "80"), I.subnet("n2s38d8u", X, "mrx3vb250zl7pv", E, "us-central1", "10.154.213.0/24"),
      I.vm("j89pzao6maam", X, "us-central1-c", "e2-medium", T3:format("d54138-011503-net"), "n2s38d8u", X) } },
  -- the sandbox fixture test/task.json (§7.1), hyphenated name, mangled script
  { name = "fixture test/task.json", prompt = "In a Google Cloud project, launch a basic VM named vm-0579b710 in us-central1-a with machine type e2-small and the startup script !/bin/bash printf '596ea7-0579b7' > /var/tmp/acore-token." .. GRANT .. SUBMIT[1],
    inv = { I.vm("vm-0579b710", nil, "us-central1-a", "e2-small", T2:format("596ea7-0579b7")) } },

  -- network_stack paraphrases
  { name = "network_stack prefix words", prompt = "Please build this in Google Cloud: a VPC network beginning with qk7vmz2pw1 with auto create subnetworks disabled; a subnetwork called bt0x4ne92 in europe-west1 with range 10.44.120.0/24 attached to that VPC; a firewall prefixed with fwz81kq0 that allows icmp at priority 1002 on the same network; and an e2-small instance ending in vmx5r2q8hd in europe-west1-d on subnetwork bt0x4ne92 running #!/bin/bash\\nset -euo pipefail\\necho 'a1b2c3-d4e5f6-net' > /var/tmp/acore-token\\n." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("qk7vmz2pw1", S), I.subnet("bt0x4ne92", X, "qk7vmz2pw1", S, "europe-west1", "10.44.120.0/24"), I.fw("fwz81kq0", S, "qk7vmz2pw1", S, 1002, "icmp"),
      I.vm("vmx5r2q8hd", E, "europe-west1-d", "e2-small", T1:format("a1b2c3-d4e5f6-net"), "bt0x4ne92", X) } },
  { name = "network_stack suffix + ssh", prompt = "Google Cloud request. Create a VPC named h3kd92msq0 (auto subnet creation off). Add a subnet whose name is suffixed with sn4t8v0qpz, region us-east1, CIDR 10.12.0.0/24. Open SSH: an ingress firewall w0pq8zt7 with priority 1000 for tcp port 22. Then a virtual machine zz9m3kq1r, e2-micro, zone us-east1-b, attached to the subnetwork ending with sn4t8v0qpz, startup script printf '0f0e0d-0c0b0a-net' > /var/tmp/acore-token." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("h3kd92msq0"), I.subnet("sn4t8v0qpz", E, "h3kd92msq0", X, "us-east1", "10.12.0.0/24"), I.fw("w0pq8zt7", X, "h3kd92msq0", X, 1000, "tcp", "22"),
      I.vm("zz9m3kq1r", X, "us-east1-b", "e2-micro", T2:format("0f0e0d-0c0b0a-net"), "sn4t8v0qpz", E) } },
  { name = "network_stack lowercase enums and http", prompt = "In google cloud, provision network pw03m8xq7 with auto create subnetworks set to false, then subnetwork m4kk0xv2 (ip cidr range 10.77.9.0/24, region us-central1) inside it. Firewall rule starting with allow80x9q lets tcp/80 in (direction ingress, priority 1001, disabled false). Finally a compute engine instance named inst9z8y7 in us-central1-f, machine type e2-medium, subnetwork m4kk0xv2, metadata startup script \"#!/bin/bash\\n/usr/bin/env echo 'beefed-cafe01-net' > /var/tmp/acore-token\\n\"." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("pw03m8xq7"), I.subnet("m4kk0xv2", X, "pw03m8xq7", X, "us-central1", "10.77.9.0/24"), I.fw("allow80x9q", S, "pw03m8xq7", X, 1001, "tcp", "80"),
      I.vm("inst9z8y7", X, "us-central1-f", "e2-medium", T3:format("beefed-cafe01-net"), "m4kk0xv2", X) } },
  { name = "network_stack all letters vpc", prompt = "Set up on Google Cloud a custom VPC called rqfmricfr with no automatic subnets, a subnetwork named fnos5x9amqgvm4oa in europe-west1 (10.114.2.0/24) on rqfmricfr, a firewall r599d13iemhl permitting tcp 80 at priority 1001, and a VM b4vlrc1p0 of type e2-micro in europe-west1-c using subnetwork fnos5x9amqgvm4oa with script #!/bin/bash set -euo pipefail echo '4d3920-67811e-net' > /var/tmp/acore-token." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("rqfmricfr"), I.subnet("fnos5x9amqgvm4oa", X, "rqfmricfr", X, "europe-west1", "10.114.2.0/24"), I.fw("r599d13iemhl", X, "rqfmricfr", X, 1001, "tcp", "80"),
      I.vm("b4vlrc1p0", X, "europe-west1-c", "e2-micro", T1:format("4d3920-67811e-net"), "fnos5x9amqgvm4oa", X) } },
  { name = "network_stack literal \\n script", prompt = "Google Cloud: VPC vnet0k2j4m, auto-create subnetworks false; subnetwork snet77qa01 in us-east1 with 10.200.240.0/24 on vnet0k2j4m; firewall rule fwicmp0q9 (icmp, priority 1002, ingress); VM appvm0x11 ending the name exactly as given, e2-small in us-east1-d on snet77qa01, script \"#!/bin/bash\\nprintf '123abc-456def-net' > /var/tmp/acore-token\\n\"." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("vnet0k2j4m"), I.subnet("snet77qa01", X, "vnet0k2j4m", X, "us-east1", "10.200.240.0/24"), I.fw("fwicmp0q9", X, "vnet0k2j4m", X, 1002, "icmp"),
      I.vm("appvm0x11", X, "us-east1-d", "e2-small", T2:format("123abc-456def-net"), "snet77qa01", X) } },

  -- network_without_instance
  { name = "network_without_instance minimal", prompt = "In Google Cloud create VPC named kq8z1mn3 with auto subnet creation disabled, a subnetwork z0xw9q1k in us-central1 using 10.10.10.0/24, and a firewall rule ending with gate77zq allowing ssh (tcp 22, priority 1000)." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("kq8z1mn3"), I.subnet("z0xw9q1k", X, "kq8z1mn3", X, "us-central1", "10.10.10.0/24"), I.fw("gate77zq", E, "kq8z1mn3", X, 1000, "tcp", "22") } },
  { name = "network_without_instance with basic VM", prompt = "Google Cloud setup: one VPC whose name starts with corenet5k, automatic subnetworks off; one subnetwork named edge0q7p2 regional to europe-west1 carving 10.61.33.0/24; one firewall called fw1002ic admitting icmp at priority 1002; plus a basic virtual machine named lone7vm2k in us-central1-b, e2-micro, with startup script #!/bin/bash printf 'c0ffee-123456' > /var/tmp/acore-token on the default network." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("corenet5k", S), I.subnet("edge0q7p2", X, "corenet5k", S, "europe-west1", "10.61.33.0/24"), I.fw("fw1002ic", X, "corenet5k", S, 1002, "icmp"),
      I.vm("lone7vm2k", X, "us-central1-b", "e2-micro", T2:format("c0ffee-123456")) } },
  { name = "network_without_instance number words", prompt = "Using Google Cloud, make a vpc network xnet4r8t2 (auto create subnetworks: no) with a subnetwork named ysub9q1w in us-east1 and cidr 10.90.1.0/24, and add an ingress firewall called http0rule9 opening port 80 over tcp with priority one thousand and one." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("xnet4r8t2"), I.subnet("ysub9q1w", X, "xnet4r8t2", X, "us-east1", "10.90.1.0/24"), I.fw("http0rule9", X, "xnet4r8t2", X, 1001, "tcp", "80") } },

  -- storage_delivery
  { name = "storage_delivery bucket + repo", prompt = "In Google Cloud, provision a Cloud Storage bucket ending in q9w8e7r6t5y4 located in europe-west1 with nearline storage, and an Artifact Registry repository prefixed with pkgrepo7x in us-central1 for python packages." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("q9w8e7r6t5y4", E, "EUROPE-WEST1", "NEARLINE"), I.repo("pkgrepo7x", S, "us-central1", "PYTHON") } },
  { name = "storage_delivery bucket + topic", prompt = "Google Cloud please: a bucket whose name begins with logs0k1j2h3 in asia-southeast1 (storage class standard) and a Pub/Sub topic named evt0q8w7e6 retaining messages for 1200s." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("logs0k1j2h3", S, "ASIA-SOUTHEAST1", "STANDARD"), I.topic("evt0q8w7e6", X, "1200s") } },
  { name = "storage_delivery all three", prompt = "Create on Google Cloud: topic tpc5m4n3b2 with a retention of 600s; storage bucket b0x9c8v7n6m5 in us-east1 using coldline; artifact registry repo ending with dock3rhub9 in us-west1, format docker." .. GRANT .. SUBMIT[3],
    inv = { I.topic("tpc5m4n3b2", X, "600s"), I.bucket("b0x9c8v7n6m5", S, "US-EAST1", "COLDLINE"), I.repo("dock3rhub9", E, "us-west1", "DOCKER") } },

  -- artifact_delivery
  { name = "artifact_delivery repo + object", prompt = "On Google Cloud set up an Artifact Registry repository named art1fct9z in europe-west1 with docker format, a storage bucket starting with drop5x4c3 in us-central1 (standard class), and upload the file rel0notes12txt into it containing \"x7c9v2b4n6m8q1w3\"." .. GRANT .. SUBMIT[1],
    inv = { I.repo("art1fct9z", S, "europe-west1", "DOCKER"), I.bucket("drop5x4c3", S, "US-CENTRAL1", "STANDARD"), I.object("rel0notes12txt", "drop5x4c3", S, "x7c9v2b4n6m8q1w3") } },
  { name = "artifact_delivery repo + topic", prompt = "Google Cloud: make a python Artifact Registry repo whose id ends with wheels0p9 in asia-southeast1, and a pubsub topic pubtopic77 keeping messages 900s." .. GRANT .. SUBMIT[2],
    inv = { I.repo("wheels0p9", E, "asia-southeast1", "PYTHON"), I.topic("pubtopic77", X, "900s") } },
  { name = "artifact_delivery repo + bucket + topic", prompt = "In Google Cloud, I need an artifact registry repository called imgrepo4k3 (us-east1, DOCKER), a Cloud Storage bucket named asset9store1 in US-WEST1 with COLDLINE storage, and a Pub/Sub topic whose name starts with notify5t retaining 600s of messages." .. GRANT .. SUBMIT[3],
    inv = { I.repo("imgrepo4k3", S, "us-east1", "DOCKER"), I.bucket("asset9store1", E, "US-WEST1", "COLDLINE"), I.topic("notify5t", S, "600s") } },

  -- bucket_with_object
  { name = "bucket_with_object basic", prompt = "Google Cloud Storage: create bucket data4k9j8h7 in us-central1, nearline class, and put a plaintext object named readme8x7c6txt in it with the content 'q1w2e3r4t5y6u7i8'." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("data4k9j8h7", S, "US-CENTRAL1", "NEARLINE"), I.object("readme8x7c6txt", "data4k9j8h7", S, "q1w2e3r4t5y6u7i8") } },
  { name = "bucket_with_object + topic", prompt = "On Google Cloud: a bucket ending with pub1ic9web in europe-west1 (standard storage), an object index77p0qtxt inside that bucket whose content equals z9y8x7w6v5u4t3s2, content type text/plain, and a topic named hook3r7q retaining messages for 1200s." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("pub1ic9web", E, "EUROPE-WEST1", "STANDARD"), I.object("index77p0qtxt", "pub1ic9web", E, "z9y8x7w6v5u4t3s2"), I.topic("hook3r7q", X, "1200s") } },
  { name = "bucket_with_object quoted double", prompt = "Please create, in Google Cloud, a storage bucket named cfgb0x8z7y6 located in asia-southeast1 with coldline storage class. Upload a file called settingsk9l8txt to it with content \"m1n2b3v4c5x6z7l8k9\"." .. GRANT .. SUBMIT[3],
    inv = { I.bucket("cfgb0x8z7y6", S, "ASIA-SOUTHEAST1", "COLDLINE"), I.object("settingsk9l8txt", "cfgb0x8z7y6", S, "m1n2b3v4c5x6z7l8k9") } },

  -- network_plus_storage
  { name = "network_plus_storage", prompt = "Google Cloud build: VPC named stor9net1 with auto create subnetworks false; subnetwork stor9sub2 in us-east1 covering 10.23.45.0/24 on that VPC; firewall stor9fw3 allowing tcp 22 at priority 1000; VM stor9vm4 (e2-small, us-east1-c) on subnetwork stor9sub2 with startup script #!/bin/bash printf 'aaaaaa-bbbbbb-net' > /var/tmp/acore-token; a bucket whose name ends with stor9bkt5 in us-west1, standard class; and an artifact registry repository stor9rep6 in us-central1 for docker." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("stor9net1"), I.subnet("stor9sub2", X, "stor9net1", X, "us-east1", "10.23.45.0/24"), I.fw("stor9fw3", X, "stor9net1", X, 1000, "tcp", "22"),
      I.vm("stor9vm4", X, "us-east1-c", "e2-small", T2:format("aaaaaa-bbbbbb-net"), "stor9sub2", X), I.bucket("stor9bkt5", E, "US-WEST1", "STANDARD"), I.repo("stor9rep6", S, "us-central1", "DOCKER") } },
  { name = "network_plus_storage with object", prompt = "Google Cloud: VPC whose name ends with np5vpc0z (auto subnetworks disabled), subnetwork np5sub0z in europe-west1 with 10.5.6.0/24, ingress firewall np5fw0z for icmp at 1002, instance np5vm0z e2-medium in europe-west1-b on np5sub0z with #!/bin/bash\\nset -euo pipefail\\necho '9a8b7c-6d5e4f-net' > /var/tmp/acore-token, bucket np5bkt0zq9 in asia-southeast1 nearline, and object np5obj0zq9txt in that bucket with content np5content0zq9." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("np5vpc0z", E), I.subnet("np5sub0z", X, "np5vpc0z", E, "europe-west1", "10.5.6.0/24"), I.fw("np5fw0z", X, "np5vpc0z", E, 1002, "icmp"),
      I.vm("np5vm0z", X, "europe-west1-b", "e2-medium", T1:format("9a8b7c-6d5e4f-net"), "np5sub0z", X), I.bucket("np5bkt0zq9", S, "ASIA-SOUTHEAST1", "NEARLINE"), I.object("np5obj0zq9txt", "np5bkt0zq9", S, "np5content0zq9") } },

  -- network_plus_artifacts
  { name = "network_plus_artifacts", prompt = "Create in Google Cloud a vpc beginning with artnet7q (no auto subnets), subnetwork artsub7q in us-central1 with 10.150.0.0/24, a firewall artfw7q1 on it permitting http on port 80 with priority 1001, an e2-micro VM artvm7q2 in us-central1-a attached to artsub7q whose startup script is /usr/bin/env echo 'fedcba-987654-net' > /var/tmp/acore-token, and an Artifact Registry repository ending with artrepo7q in europe-west1 holding python packages." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("artnet7q", S), I.subnet("artsub7q", X, "artnet7q", S, "us-central1", "10.150.0.0/24"), I.fw("artfw7q1", X, "artnet7q", S, 1001, "tcp", "80"),
      I.vm("artvm7q2", X, "us-central1-a", "e2-micro", T3:format("fedcba-987654-net"), "artsub7q", X), I.repo("artrepo7q", E, "europe-west1", "PYTHON") } },
  { name = "network_plus_artifacts with bucket", prompt = "Google Cloud: VPC npa0vpc9 with auto create subnetworks equals false, subnetwork npa0sub9 region us-east1 cidr 10.33.3.0/24, firewall npa0fw9 priority 1000 tcp 22, VM npa0vm9 e2-small us-east1-d on npa0sub9, startup script #!/bin/bash printf '111111-222222-net' > /var/tmp/acore-token, repository npa0rep9 in asia-southeast1 (docker), and bucket whose name starts with npa0bkt9 in us-east1 with coldline class." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("npa0vpc9"), I.subnet("npa0sub9", X, "npa0vpc9", X, "us-east1", "10.33.3.0/24"), I.fw("npa0fw9", X, "npa0vpc9", X, 1000, "tcp", "22"),
      I.vm("npa0vm9", X, "us-east1-d", "e2-small", T2:format("111111-222222-net"), "npa0sub9", X), I.repo("npa0rep9", S, "asia-southeast1", "DOCKER"), I.bucket("npa0bkt9", S, "US-EAST1", "COLDLINE") } },

  -- network_plus_pubsub
  { name = "network_plus_pubsub", prompt = "In Google Cloud deploy VPC pubnet4x (auto subnetworks off), subnetwork pubsub4x in europe-west1 using 10.99.99.0/24, firewall pubfw4x allowing icmp at priority 1002, VM pubvm4x (e2-micro, europe-west1-c) on subnetwork pubsub4x with script printf 'abcdef-012345-net' > /var/tmp/acore-token, and a Pub/Sub topic whose name ends with pubtop4x with 900s retention." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("pubnet4x"), I.subnet("pubsub4x", X, "pubnet4x", X, "europe-west1", "10.99.99.0/24"), I.fw("pubfw4x", X, "pubnet4x", X, 1002, "icmp"),
      I.vm("pubvm4x", X, "europe-west1-c", "e2-micro", T2:format("abcdef-012345-net"), "pubsub4x", X), I.topic("pubtop4x", E, "900s") } },
  { name = "network_plus_pubsub with storage", prompt = "Google Cloud: a VPC called nps1vpc8 with automatic subnet creation turned off, a subnet named nps1sub8 (us-central1, 10.1.2.0/24), a firewall nps1fw8 for tcp/80 at priority 1001, a VM nps1vm8 in us-central1-c, e2-medium, on subnetwork nps1sub8 running #!/bin/bash set -euo pipefail echo '0a0b0c-0d0e0f-net' > /var/tmp/acore-token, a topic named nps1top8 with 1200s retention, a bucket ending in nps1bkt8z in us-central1 (standard), and a text object nps1obj8ztxt in that bucket with content nps1data8zzz." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("nps1vpc8"), I.subnet("nps1sub8", X, "nps1vpc8", X, "us-central1", "10.1.2.0/24"), I.fw("nps1fw8", X, "nps1vpc8", X, 1001, "tcp", "80"),
      I.vm("nps1vm8", X, "us-central1-c", "e2-medium", T1:format("0a0b0c-0d0e0f-net"), "nps1sub8", X), I.topic("nps1top8", X, "1200s"),
      I.bucket("nps1bkt8z", E, "US-CENTRAL1", "STANDARD"), I.object("nps1obj8ztxt", "nps1bkt8z", E, "nps1data8zzz") } },

  -- storage_with_pubsub
  { name = "storage_with_pubsub + repo", prompt = "Google Cloud: storage bucket swp2bkt7q in europe-west1 with nearline class, a Pub/Sub topic beginning with swp2top7 retaining messages for 600s, and an artifact registry repo swp2rep7 in us-east1 (python)." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("swp2bkt7q", S, "EUROPE-WEST1", "NEARLINE"), I.topic("swp2top7", S, "600s"), I.repo("swp2rep7", S, "us-east1", "PYTHON") } },
  { name = "storage_with_pubsub + object", prompt = "On Google Cloud create a topic swp3top9 (retention 1200s), a bucket ending with swp3bkt9 in us-west1 using coldline, and upload object swp3obj9xtxt into the bucket with content swp3payload9x." .. GRANT .. SUBMIT[2],
    inv = { I.topic("swp3top9", X, "1200s"), I.bucket("swp3bkt9", E, "US-WEST1", "COLDLINE"), I.object("swp3obj9xtxt", "swp3bkt9", E, "swp3payload9x") } },

  -- dns_frontend
  { name = "dns_frontend + topic", prompt = "Google Cloud: Cloud DNS managed zone dnsz0ne7 serving dnsz0ne7.acore.example., a storage bucket starting with dnsbkt7q in us-central1 (standard), and a Pub/Sub topic dnstop7q retaining 600s." .. GRANT .. SUBMIT[3],
    inv = { I.dns("dnsz0ne7"), I.bucket("dnsbkt7q", S, "US-CENTRAL1", "STANDARD"), I.topic("dnstop7q", X, "600s") } },
  { name = "dns_frontend zone prefix", prompt = "In Google Cloud set up a DNS managed zone whose name starts with frontz9 for the domain frontz9.acore.example, a bucket frontbkt9x in asia-southeast1 with nearline class, and a plaintext file frontpage9xtxt in that bucket with content 'frontcontent9xyz'." .. GRANT .. SUBMIT[1],
    inv = { I.dns("frontz9", S), I.bucket("frontbkt9x", S, "ASIA-SOUTHEAST1", "NEARLINE"), I.object("frontpage9xtxt", "frontbkt9x", S, "frontcontent9xyz") } },

  -- dns_network_bridge
  { name = "dns_network_bridge", prompt = "Google Cloud: a managed DNS zone bridgez4 for bridgez4.acore.example., a VPC bridgenet4 with auto subnetworks disabled, subnetwork bridgesub4 in us-east1 (10.4.4.0/24), and a VM bridgevm4 e2-small in us-east1-b on subnetwork bridgesub4 with startup script #!/bin/bash printf '444444-555555-net' > /var/tmp/acore-token, plus a firewall bridgefw4 allowing tcp 22 at priority 1000." .. GRANT .. SUBMIT[2],
    inv = { I.dns("bridgez4"), I.vpc("bridgenet4"), I.subnet("bridgesub4", X, "bridgenet4", X, "us-east1", "10.4.4.0/24"),
      I.vm("bridgevm4", X, "us-east1-b", "e2-small", T2:format("444444-555555-net"), "bridgesub4", X), I.fw("bridgefw4", X, "bridgenet4", X, 1000, "tcp", "22") } },
  { name = "dns_network_bridge with bucket", prompt = "Create in Google Cloud: DNS zone ending with edgez7 for edgez7.acore.example.; VPC named edgenet7 (auto create subnetworks false); subnetwork edgesub7 region europe-west1 range 10.7.7.0/24; instance edgevm7 in europe-west1-d, e2-micro, subnetwork edgesub7, startup #!/bin/bash /usr/bin/env echo '777777-888888-net' > /var/tmp/acore-token; and a storage bucket edgebkt7q in europe-west1 with standard class." .. GRANT .. SUBMIT[3],
    inv = { I.dns("edgez7", E), I.vpc("edgenet7"), I.subnet("edgesub7", X, "edgenet7", X, "europe-west1", "10.7.7.0/24"),
      I.vm("edgevm7", X, "europe-west1-d", "e2-micro", T3:format("777777-888888-net"), "edgesub7", X), I.bucket("edgebkt7q", S, "EUROPE-WEST1", "STANDARD") } },

  -- topic_with_subscription
  { name = "topic_with_subscription discard", prompt = "Google Cloud Pub/Sub: topic tws1top0 with message retention duration 600s, and a subscription starting with tws1sub0 on that topic, ack deadline of ten seconds, discarding acked messages, expiration ttl 86400s." .. GRANT .. SUBMIT[1],
    inv = { I.topic("tws1top0", X, "600s"), I.sub("tws1sub0", S, "tws1top0", X, 10, false, "86400s") } },
  { name = "topic_with_subscription flexible topic", prompt = "In Google Cloud create a Pub/Sub topic whose name ends with tws2top0 retaining messages for 1200s, and a subscription named tws2sub0x to it with a sixty second ack deadline, retain acked messages enabled, and subscription expiration after 259200s." .. GRANT .. SUBMIT[2],
    inv = { I.topic("tws2top0", E, "1200s"), I.sub("tws2sub0x", X, "tws2top0", E, 60, true, "259200s") } },
  { name = "topic_with_subscription + bucket", prompt = "Google Cloud: topic tws3top1 (900s retention), subscription tws3sub1 attached to it with ack deadline 20 seconds, retain acked messages false, ttl 172800s, and a bucket beginning with tws3bkt1 in us-east1 using coldline storage." .. GRANT .. SUBMIT[3],
    inv = { I.topic("tws3top1", X, "900s"), I.sub("tws3sub1", X, "tws3top1", X, 20, false, "172800s"), I.bucket("tws3bkt1", S, "US-EAST1", "COLDLINE") } },

  -- extra paraphrase stress
  { name = "uppercase enums and equals", prompt = "GOOGLE CLOUD TASK: bucket name equals cap5bkt0q, location equals EUROPE-WEST1, storage class equals NEARLINE; repository id equals cap5rep0q, location us-central1, format PYTHON." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("cap5bkt0q", S, "EUROPE-WEST1", "NEARLINE"), I.repo("cap5rep0q", S, "us-central1", "PYTHON") } },
  { name = "topic before subscription wording", prompt = "Google Cloud messaging: first a Pub/Sub topic called ord3rs9q storing messages 600s, then a subscription that ends with ord3rsub9 pointing to ord3rs9q, ack 30 seconds, keep acked messages, ttl 86400s." .. GRANT .. SUBMIT[2],
    inv = { I.topic("ord3rs9q", X, "600s"), I.sub("ord3rsub9", E, "ord3rs9q", X, 30, true, "86400s") } },
  { name = "basic vm only, T1", prompt = "Google Cloud: spin up a lone compute engine VM whose name starts with solo4vm8 in europe-west1-b with machine type e2-medium; startup script #!/bin/bash set -euo pipefail echo 'abcabc-defdef' > /var/tmp/acore-token." .. GRANT .. SUBMIT[3],
    inv = { I.vm("solo4vm8", S, "europe-west1-b", "e2-medium", T1:format("abcabc-defdef")) } },
  { name = "firewall described by ssh only", prompt = "Google Cloud network: VPC sshnet2q (auto subnet creation disabled), subnetwork sshsub2q in us-central1 with 10.2.2.0/24, and a firewall sshfw2q that allows SSH from anywhere." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("sshnet2q"), I.subnet("sshsub2q", X, "sshnet2q", X, "us-central1", "10.2.2.0/24"), I.fw("sshfw2q", X, "sshnet2q", X, 1000, "tcp", "22") } },
  { name = "object content before name", prompt = "Google Cloud storage: a bucket starting with ordbkt4z in us-west1 (standard), and inside it upload content 'ordpayload4zq9' as the object ordfile4zqtxt." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("ordbkt4z", S, "US-WEST1", "STANDARD"), I.object("ordfile4zqtxt", "ordbkt4z", S, "ordpayload4zq9") } },
  { name = "subscription named before topic", prompt = "Google Cloud Pub/Sub please: a subscription named late5sub0 listening on the topic late5top0, with an ack deadline of twenty seconds, acked messages not retained, expiring after 259200s; the topic late5top0 itself keeps messages 900s." .. GRANT .. SUBMIT[3],
    inv = { I.topic("late5top0", X, "900s"), I.sub("late5sub0", X, "late5top0", X, 20, false, "259200s") } },
  { name = "suffixed repo and leading-name bucket", prompt = "In Google Cloud: an Artifact Registry repository suffixed with pyrepo9k2 hosting python packages in us-west1, and a Cloud Storage bucket with the leading name blob9k2x0 in us-central1 using nearline storage." .. GRANT .. SUBMIT[1],
    inv = { I.repo("pyrepo9k2", E, "us-west1", "PYTHON"), I.bucket("blob9k2x0", S, "US-CENTRAL1", "NEARLINE") } },
  { name = "vm zone stated before machine type, no script template words", prompt = "Google Cloud: in zone us-east1-c start an e2-small VM named quiet7vm1 whose startup script just writes 5a5a5a-6b6b6b to /var/tmp/acore-token." .. GRANT .. SUBMIT[2],
    inv = { I.vm("quiet7vm1", X, "us-east1-c", "e2-small", T1:format("5a5a5a-6b6b6b")) } },
  -- the generator's rule-reference phrasings (§3.6), as an LLM may copy them
  { name = "rule references: network stack", prompt = "In Google Cloud: Make compute network name end with mrx3vb250zl7pv. Set compute network auto create subnetworks to false. Use a compute firewall where network ends with mrx3vb250zl7pv. Set compute firewall name to s1u75p5s. Use 1001 for compute firewall priority. Use tcp for compute firewall protocol. Set compute firewall ports to 80. Set compute subnetwork name to n2s38d8u. Use 10.154.213.0/24 for compute subnetwork ip cidr range. Set compute subnetwork region to us-central1. Compute instance name equals j89pzao6maam. Use us-central1-c for compute instance zone. Set compute instance machine type to e2-medium. Use #!/bin/bash /usr/bin/env echo 'd54138-011503-net' > /var/tmp/acore-token for compute instance metadata startup script. Ensure these fields reference the identical token n2s38d8u: compute subnetwork name, compute instance subnetwork." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("mrx3vb250zl7pv", E), I.fw("s1u75p5s", X, "mrx3vb250zl7pv", E, 1001, "tcp", "80"), I.subnet("n2s38d8u", X, "mrx3vb250zl7pv", E, "us-central1", "10.154.213.0/24"),
      I.vm("j89pzao6maam", X, "us-central1-c", "e2-medium", T3:format("d54138-011503-net"), "n2s38d8u", X) } },
  { name = "rule references: bucket with object", prompt = "Google Cloud task. Use a storage bucket where name starts with q1bkt9zz. Storage bucket location equals europe-west1. Set storage bucket storage class to coldline. Storage bucket object name equals q1obj9zzkktxt. Use q1content9zzkk for storage bucket object content. Make storage bucket object bucket start with q1bkt9zz." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("q1bkt9zz", S, "EUROPE-WEST1", "COLDLINE"), I.object("q1obj9zzkktxt", "q1bkt9zz", S, "q1content9zzkk") } },
  { name = "rule references: pubsub, dns, artifact registry", prompt = "Google Cloud: Make pubsub subscription name end with sb7x2k9q. Set pubsub subscription ack deadline seconds to 20. Pubsub subscription retain acked messages equals true. Use 86400s for pubsub subscription ttl. Use a pubsub subscription where topic equals tp7x2k9q. Set pubsub topic name to tp7x2k9q. Pubsub topic message retention duration equals 900s. Use a dns managed zone where name starts with zn7x2k9q. Dns managed zone dns name equals zn7x2k9q.acore.example. Make artifact registry repository repository id end with ar7x2k9q. Artifact registry repository location equals us-west1. Set artifact registry repository format to docker." .. GRANT .. SUBMIT[3],
    inv = { I.sub("sb7x2k9q", E, "tp7x2k9q", X, 20, true, "86400s"), I.topic("tp7x2k9q", X, "900s"), I.dns("zn7x2k9q", S), I.repo("ar7x2k9q", E, "us-west1", "DOCKER") } },
  { name = "durations written with a space", prompt = "Google Cloud Pub/Sub: a topic named spc9top1 keeping messages for 1200 s, and a subscription spc9sub1 on it with a thirty-second ack deadline, discarding acked messages, expiring after 172800 s." .. GRANT .. SUBMIT[1],
    inv = { I.topic("spc9top1", X, "1200s"), I.sub("spc9sub1", X, "spc9top1", X, 30, false, "172800s") } },
  -- "Create subnetwork X" is an imperative, not the "auto create subnetworks" flag; "automatically." ends a sentence
  { name = "imperative create subnetwork after the auto-create flag", prompt = "In Google Cloud, VPC impnet3q must not create subnetworks automatically. Create subnetwork impsub3q in us-west1 with 10.33.3.0/24 inside that VPC, then a firewall impfw3q on it for tcp 443 at priority 1000." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("impnet3q"), I.subnet("impsub3q", X, "impnet3q", X, "us-west1", "10.33.3.0/24"), I.fw("impfw3q", X, "impnet3q", X, 1000, "tcp", "443") } },
  -- "X at the end" / "X at the front" qualify a name after it
  { name = "name has X at the end / at the front", prompt = "Google Cloud: network atnet4kq with automatic subnetworks off, a subnetwork in us-east1 on 10.44.4.0/24 whose name has atend4kq at the end, and an ingress firewall whose name has atfront4kq at the front, tcp 22, priority 1000." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("atnet4kq"), I.subnet("atend4kq", E, "atnet4kq", X, "us-east1", "10.44.4.0/24"), I.fw("atfront4kq", S, "atnet4kq", X, 1000, "tcp", "22") } },
  -- a rule stated for the kinds listed, before their names; the object keeps its exact name
  { name = "both kinds use suffix names", prompt = "On GCP the repository and the topic both use suffix names, ending with the values given. Repository repbth6q in europe-west1, docker format. Topic topbth6q, retention 900s." .. GRANT .. SUBMIT[3],
    inv = { I.repo("repbth6q", E, "europe-west1", "DOCKER"), I.topic("topbth6q", E, "900s") } },
  -- field fragments after semicolons belong to the resource that opened the chain; a default network names nothing
  { name = "semicolon field chain and a default-network aside", prompt = "GCP ticket. Repository: id starts with semrep2q; location: us-central1; format: npm. Bucket: name ends with sembkt2q; location: europe-west1; storage class: standard. Use a dedicated VPC instead of the default network: its name ends with semnet2q, auto subnet creation off." .. GRANT .. SUBMIT[1],
    inv = { I.repo("semrep2q", S, "us-central1", "NPM"), I.bucket("sembkt2q", E, "EUROPE-WEST1", "STANDARD"), I.vpc("semnet2q", E) } },
  -- a list of names matched in order to the nameless nouns before it, with the list's one qualifier
  { name = "names listed 'respectively' after their nouns", prompt = "Google Cloud please: a network called resnet5q (no auto subnets), then a subnetwork, a firewall and a VM whose names begin with ressub5q, resfw5q and resvm5q respectively. The subnetwork is in us-west1 with 10.55.5.0/24; the firewall lets tcp 22 in at priority 1000; the VM is an e2-small in us-west1-a on the subnetwork, startup script #!/bin/bash printf '5a5a5a-5b5b5b-net' > /var/tmp/acore-token." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("resnet5q"), I.subnet("ressub5q", S, "resnet5q", X, "us-west1", "10.55.5.0/24"), I.fw("resfw5q", S, "resnet5q", X, 1000, "tcp", "22"),
      I.vm("resvm5q", S, "us-west1-a", "e2-small", T2:format("5a5a5a-5b5b5b-net"), "ressub5q", S) } },
  { name = "a rule statement, then a colon list of names", prompt = "GCP ask. Suffix names for the topic, the DNS zone and the repository: lsttop6q, lstdns6q and lstrep6q. The topic retains messages 600s, the zone serves lstdns6q.acore.example. and the repository holds docker images in us-east1." .. GRANT .. SUBMIT[2],
    inv = { I.topic("lsttop6q", E, "600s"), I.dns("lstdns6q", E), I.repo("lstrep6q", E, "us-east1", "DOCKER") } },
  { name = "these names are prefixes, then noun-name pairs", prompt = "Google Cloud, small job. These two names are prefixes: the feed prs7topq and the GCS bucket prs7bktq. The Pub/Sub feed keeps messages 1200 seconds; the bucket is nearline in asia-southeast1 and holds a plain-text file named prs7obj1txt with content prs7body9q." .. GRANT .. SUBMIT[3],
    inv = { I.topic("prs7topq", S, "1200s"), I.bucket("prs7bktq", S, "ASIA-SOUTHEAST1", "NEARLINE"), I.object("prs7obj1txt", "prs7bktq", S, "prs7body9q") } },
  { name = "name stated as 'X is the suffix of its name' and after ', and'", prompt = "On Google Cloud we need an object storage bucket: us-central1 is its location, archive its class, and cop8bktq is the suffix of its name. A VPC named cop8netq without automatic subnets, with subnet cop8subq in us-central1 (10.8.8.0/24), and cop8vmq is the prefix of the VM, an e2-micro in us-central1-b on that subnet whose startup script uses set -euo pipefail and echoes 8c8c8c-9d9d9d-net to /var/tmp/acore-token." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("cop8bktq", E, "US-CENTRAL1", "ARCHIVE"), I.vpc("cop8netq"), I.subnet("cop8subq", X, "cop8netq", X, "us-central1", "10.8.8.0/24"),
      I.vm("cop8vmq", S, "us-central1-b", "e2-micro", T1:format("8c8c8c-9d9d9d-net"), "cop8subq", X) } },
  { name = "'zone X' names a DNS zone; 'X for the feed'", prompt = "Google Cloud: a managed DNS zone and a Pub/Sub topic, both prefix-named: zone dnz9zon1q with dns name dnz9zon1q.acore.example.; and fdn9top1q for the feed, retention 900s." .. GRANT .. SUBMIT[2],
    inv = { I.dns("dnz9zon1q", S), I.topic("fdn9top1q", S, "900s") } },
  -- a region alone in the opening sentence heads the prompt; "the archive bucket" is a purpose when a class is stated
  { name = "region heading and a purpose word before 'bucket'", prompt = "Google Cloud, europe-west1. An Artifact Registry repository hdg4repq for maven, and the archive bucket hdg4bktq, which is nearline." .. GRANT .. SUBMIT[3],
    inv = { I.repo("hdg4repq", S, "europe-west1", "MAVEN"), I.bucket("hdg4bktq", S, "EUROPE-WEST1", "NEARLINE") } },
  -- the retention state after its cue: "acknowledged messages are retained (true)" / "are not kept"
  { name = "acked-message retention stated after the cue", prompt = "Google Cloud Pub/Sub: topic ackst5top retaining messages 600s; subscription ackst5sub on it, 20 seconds to ack, acknowledged messages are retained (true), expiring after 86400s." .. GRANT .. SUBMIT[1],
    inv = { I.topic("ackst5top", X, "600s"), I.sub("ackst5sub", X, "ackst5top", X, 20, true, "86400s") } },
  -- "all in us-west1" is about the region, not a statement that every name is a suffix
  { name = "'all in REGION' with one suffix name is no rule for every name", prompt = "Two Google Cloud resources, all in us-west1: a nearline bucket whose name carries the suffix alr6bktq; and a Pub/Sub topic identified as alr6topq keeping messages 900s." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("alr6bktq", E, "US-WEST1", "NEARLINE"), I.topic("alr6topq", X, "900s") } },
  -- snake_case field keys read as their words, never as names
  { name = "snake_case key=value fragments", prompt = "GCP: in us-east1-c, machine_type=e2-small, create VM kvvm3q with a startup script that runs printf 'a1a1a1-b2b2b2' > /var/tmp/acore-token; topic kvtop3q with message_retention_duration=900s; subscription kvsub3q on it with ack_deadline_seconds=30, retain_acked_messages=true, ttl=86400s; storage_class=coldline, location=us-west1, create bucket - name must end in kvbkt3q -." .. GRANT .. SUBMIT[3],
    inv = { I.vm("kvvm3q", X, "us-east1-c", "e2-small", T2:format("a1a1a1-b2b2b2")), I.topic("kvtop3q", X, "900s"),
      I.sub("kvsub3q", X, "kvtop3q", X, 30, true, "86400s"), I.bucket("kvbkt3q", E, "US-WEST1", "COLDLINE") } },
  -- content stated before the object it goes into
  { name = "content before 'goes into object X'", prompt = "Google Cloud: a bucket whose name starts with gin4bktq, us-east1, standard class. gin4payload9z goes into object gin4note1txt in that bucket." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("gin4bktq", S, "US-EAST1", "STANDARD"), I.object("gin4note1txt", "gin4bktq", S, "gin4payload9z") } },
  -- an English word after a loose cue ("unless I say otherwise") is not the object's content
  { name = "'say otherwise' is not content", prompt = "Google Cloud: each name below is a suffix unless I say otherwise. A bucket whose name ends with sayo5bktq in us-west1, nearline; inside it an object named exactly sayo5obj1txt containing sayo5data9q as plain text." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("sayo5bktq", E, "US-WEST1", "NEARLINE"), I.object("sayo5obj1txt", "sayo5bktq", E, "sayo5data9q") } },
  -- retain_acked_messages never stated: upstream's content check passes a false value only with a false/disabled/off
  -- word in the prompt, so a validator prompt with none of them was written for true
  { name = "retain unstated, no false word: true", prompt = "Pub/Sub on Google Cloud for the ingest team: topic rtu1topq holding messages 900s, plus a subscription whose name starts with rtu1subq on it, ack within 30 seconds, expiring after 86400s." .. GRANT .. SUBMIT[1],
    inv = { I.topic("rtu1topq", X, "900s"), I.sub("rtu1subq", S, "rtu1topq", X, 30, true, "86400s") } },
  { name = "retain unstated beside a false word: stays false", prompt = "Google Cloud: VPC rtu2netq with auto create subnetworks off, a topic rtu2topq keeping messages for 600s and a subscription rtu2subq to it (ack 20 seconds, ttl 172800s)." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("rtu2netq", X), I.topic("rtu2topq", X, "600s"), I.sub("rtu2subq", X, "rtu2topq", X, 20, false, "172800s") } },
  { name = "acked messages get deleted instead of kept", prompt = "For a Google Cloud queue: topic rtu3topq with 1200s retention; subscription ending in rtu3subq attached to it, acked messages get deleted instead of kept, 10 seconds to ack, 259200s expiry." .. GRANT .. SUBMIT[3],
    inv = { I.topic("rtu3topq", X, "1200s"), I.sub("rtu3subq", E, "rtu3topq", X, 10, false, "259200s") } },
  -- a name phrase long after its resource, with a reference to another resource between them
  { name = "name phrase after a reference to another resource", prompt = "Google Cloud messaging: first a topic named npf1topq that retains messages for 600s. Next a subscription pointed at the topic npf1topq (same identifier as above), expiring after 86400s, acked messages retained (true), ack deadline 30 seconds, and finally give it a name beginning with npf1subq." .. GRANT .. SUBMIT[1],
    inv = { I.topic("npf1topq", X, "600s"), I.sub("npf1subq", S, "npf1topq", X, 30, true, "86400s") } },
  { name = "name phrase after a long script", prompt = "Google Cloud, one box only: a VM carrying the startup script #!/bin/bash\\nprintf 'abc123-def456' > /var/tmp/acore-token\\n, sized e2-micro, placed in zone us-west1-a, and a name that ends with npf2vmq." .. GRANT .. SUBMIT[2],
    inv = { I.vm("npf2vmq", E, "us-west1-a", "e2-micro", T2:format("abc123-def456")) } },
  { name = "firewall named after its network reference", prompt = "In Google Cloud set up VPC npf3netq, auto create subnetworks false. Open an ingress firewall rule for tcp port 80 on that same npf3netq network (it must reference the identical VPC), disabled false, priority 1001, and a name that starts with npf3fwq." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("npf3netq", X), I.fw("npf3fwq", S, "npf3netq", X, 1001, "tcp", "80") } },
  -- content before the object it goes into, with a verb: "put X into an object named Y"
  { name = "put X into an object", prompt = "Google Cloud: a bucket whose name begins with pxo4bktq in europe-west1, standard storage. Then put pxo4data9z into an object named pxo4file1txt inside that bucket." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("pxo4bktq", S, "EUROPE-WEST1", "STANDARD"), I.object("pxo4file1txt", "pxo4bktq", S, "pxo4data9z") } },
  -- the qualified name before its noun: "with a name starting with X, a subscription ..."
  { name = "qualified name before its noun", prompt = "On Google Cloud: a topic called qbn5topq holding messages 900s; then, with a name starting with qbn5subq, a subscription to it (ack 10 seconds, acked messages retained, ttl 172800s)." .. GRANT .. SUBMIT[2],
    inv = { I.topic("qbn5topq", X, "900s"), I.sub("qbn5subq", S, "qbn5topq", X, 10, true, "172800s") } },
  -- upstream wants small numbers as digits and words, so its LLM writes both: the bracketed echo is one value
  { name = "numbers echoed in brackets", prompt = "Google Cloud queue: topic ech6topq retaining messages for ten minutes (10); a subscription ech6subq on it with an ack deadline of twenty seconds (20), a ttl of 86400s and acked messages kept." .. GRANT .. SUBMIT[3],
    inv = { I.topic("ech6topq", X, "600s"), I.sub("ech6subq", X, "ech6topq", X, 20, true, "86400s") } },
  { name = "number word echoed before its unit", prompt = "Google Cloud: a topic ech7topq with 1200s of retention and, on it, a subscription whose name ends with ech7subq: ack within ten (10) seconds, ttl 604800s, acked messages not retained (false)." .. GRANT .. SUBMIT[1],
    inv = { I.topic("ech7topq", X, "1200s"), I.sub("ech7subq", E, "ech7topq", X, 10, false, "604800s") } },
  -- "named X" after a long startup script
  { name = "named after a long script", prompt = "Google Cloud: an e2-medium VM in europe-west1-b with startup script #!/bin/bash\\nset -euo pipefail\\necho '0a0b0c-1d1e1f' > /var/tmp/acore-token, named nas8vmq, nothing else." .. GRANT .. SUBMIT[2],
    inv = { I.vm("nas8vmq", X, "europe-west1-b", "e2-medium", T1:format("0a0b0c-1d1e1f")) } },
  -- a design cue's bare "named X" next to the rule stated for the same name
  { name = "named X, then the rule for X", prompt = "Google Cloud: use a dedicated network named rst9netq (its name ends with rst9netq), auto create subnetworks false, and a subnetwork rst9subq in us-west1 on 10.20.30.0/24 whose network ends with rst9netq." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("rst9netq", E), I.subnet("rst9subq", X, "rst9netq", E, "us-west1", "10.20.30.0/24") } },
  -- "drop X as an object named Y"
  { name = "drop X as an object", prompt = "GCP: a coldline bucket ending with dxo1bktq in us-central1; drop dxo1blob7q as an object named dxo1file2txt into that bucket, text/plain." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("dxo1bktq", E, "US-CENTRAL1", "COLDLINE"), I.object("dxo1file2txt", "dxo1bktq", E, "dxo1blob7q") } },
  -- a name glued to its qualifier: "the same X-prefixed bucket", "a X-suffixed topic"
  { name = "X-prefixed and X-suffixed", prompt = "Google Cloud: a nearline bucket, name prefix gqn2bktq, in europe-west1, and a gqn2topq-suffixed topic with 1200s retention. In the same gqn2bktq-prefixed bucket: object name equals gqn2file3txt, content gqn2text8q." .. GRANT .. SUBMIT[3],
    inv = { I.bucket("gqn2bktq", S, "EUROPE-WEST1", "NEARLINE"), I.topic("gqn2topq", E, "1200s"), I.object("gqn2file3txt", "gqn2bktq", S, "gqn2text8q") } },
  -- a hyphenated name ending in a resource word, right before that resource's noun, is a name
  { name = "the core-vpc network is a custom-mode VPC", prompt = "On Google Cloud, the firewall rule allow-web-http should let tcp 80 in at priority 1001 on the core-vpc network. That network is a custom-mode VPC (auto create subnetworks off) holding the subnet core-subnet-use1 in us-east1 on 10.30.0.0/24." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("core-vpc", X), I.subnet("core-subnet-use1", X, "core-vpc", X, "us-east1", "10.30.0.0/24"), I.fw("allow-web-http", X, "core-vpc", X, 1001, "tcp", "80") } },
  -- fields of one resource chained with semicolons, a reference to another resource among them
  { name = "semicolon field chain with a reference inside", prompt = "On Google Cloud build a VPC named scf1netq, auto create subnetworks false. The firewall: direction ingress; network scf1netq; priority 1002; name ending with scf1fwq; protocol icmp; disabled false. The VM: zone us-east1-d; machine type e2-micro; network scf1netq; startup script #!/bin/bash printf 'cafe01-beef02' > /var/tmp/acore-token; name scf1vmq." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("scf1netq", X), I.fw("scf1fwq", E, "scf1netq", X, 1002, "icmp", nil), I.vm("scf1vmq", X, "us-east1-d", "e2-micro", T2:format("cafe01-beef02")) } },
  -- a semicolon before a new resource still ends its sentence
  { name = "semicolon before a new resource", prompt = "Google Cloud: create a bucket whose name starts with scf2bktq in us-east1 with standard storage; add a topic named scf2topq keeping messages 600s; and an Artifact Registry docker repository with an id ending in scf2repq in europe-west1." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("scf2bktq", S, "US-EAST1", "STANDARD"), I.topic("scf2topq", X, "600s"), I.repo("scf2repq", E, "europe-west1", "DOCKER") } },
  -- "archive" and "standard" as English words beside the class actually stated
  { name = "archive as a word, nearline as the class", prompt = "We need a standard archive area on Google Cloud for old exports: a nearline storage bucket in asia-southeast1 whose name ends with arw3bktq." .. GRANT .. SUBMIT[3],
    inv = { I.bucket("arw3bktq", E, "ASIA-SOUTHEAST1", "NEARLINE") } },
  -- role first, name later: "a bucket that will hold one report file. ... its name should end with X"
  { name = "role first, the name in a later sentence", prompt = "On Google Cloud, first a bucket that will hold one report file. Put it in us-west1 on nearline storage; its name should end with rfl1bktq. Later comes the object itself: the object's content should be the literal string rfl1body9q, and it lives in the bucket ending with rfl1bktq. Name it rfl1doc2txt." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("rfl1bktq", E, "US-WEST1", "NEARLINE"), I.object("rfl1doc2txt", "rfl1bktq", E, "rfl1body9q") } },
  { name = "pronoun sentence past a named resource", prompt = "Google Cloud: create VPC pns2netq with auto create subnetworks false. Add a firewall on network pns2netq allowing tcp 22 at priority 1000, direction ingress. It stays enabled (disabled false, the same false as auto-create), its name ends with pns2fwq." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("pns2netq", X), I.fw("pns2fwq", E, "pns2netq", X, 1000, "tcp", "22") } },
  { name = "'Name it X' three sentences after the VM", prompt = "Google Cloud, network_stack-like but smaller: VPC nit3netq, auto create subnetworks false; subnet nit3subq on it in us-east1 with 10.66.77.0/24. Finally, the VM on top. Its subnetwork is nit3subq. The startup script is #!/bin/bash\\nprintf 'a0b1c2-d3e4f5-net' > /var/tmp/acore-token. Name it nit3vmq; it is an e2-small in us-east1-c." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("nit3netq", X), I.subnet("nit3subq", X, "nit3netq", X, "us-east1", "10.66.77.0/24"), I.vm("nit3vmq", X, "us-east1-c", "e2-small", T2:format("a0b1c2-d3e4f5-net"), "nit3subq", X) } },
  -- storytelling tickets: "Start with ...", "Call it X", "Name it X, put Y in it", archive as a word
  { name = "'Start with' is not a qualifier; 'call it X'", prompt = "Google Cloud, for the reporting team. Start with somewhere to keep exports: an archive-friendly coldline bucket in us-east1 whose name ends with stw4bktq. Then one small VM to run the job. Call it stw4vmq and give it the startup script #!/bin/bash\\n/usr/bin/env echo 'fe0011-aa2233' > /var/tmp/acore-token; it is an e2-micro in us-east1-b." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("stw4bktq", E, "US-EAST1", "COLDLINE"), I.vm("stw4vmq", X, "us-east1-b", "e2-micro", T3:format("fe0011-aa2233")) } },
  { name = "'Name it X, put Y in it'; archive storage beside coldline", prompt = "Google Cloud: archive storage comes first, a coldline bucket in europe-west1 whose name starts with nip5bktq. Then the file that goes into that bucket. Name it nip5rep1txt, put nip5data8q in it, and serve it as text/plain." .. GRANT .. SUBMIT[2],
    inv = { I.bucket("nip5bktq", S, "EUROPE-WEST1", "COLDLINE"), I.object("nip5rep1txt", "nip5bktq", S, "nip5data8q") } },
  { name = "a clause before 'keep acked messages' does not negate it", prompt = "Google Cloud queue: topic kam6topq holding messages 600s. A pull subscription on it whose name ends with kam6subq: let it expire after 86400s without activity, keep acked messages around, and give consumers a 30 second ack deadline." .. GRANT .. SUBMIT[3],
    inv = { I.topic("kam6topq", X, "600s"), I.sub("kam6subq", E, "kam6topq", X, 30, true, "86400s") } },
  { name = "a random-looking name right after its noun is not outbid", prompt = "Google Cloud: VPC rln7netq with auto create subnetworks false. In us-west1, create subnetwork qzxwtn with 10.70.80.0/24 on network rln7netq. Finally launch an e2-small VM with startup script #!/bin/bash printf 'ab12cd-ef34ab-net' > /var/tmp/acore-token, attached to subnetwork qzxwtn, in us-west1-a, named rln7vmq." .. GRANT .. SUBMIT[1],
    inv = { I.vpc("rln7netq", X), I.subnet("qzxwtn", X, "rln7netq", X, "us-west1", "10.70.80.0/24"), I.vm("rln7vmq", X, "us-west1-a", "e2-small", T2:format("ab12cd-ef34ab-net"), "qzxwtn", X) } },
  -- "the end result" is not a suffix qualifier
  { name = "'the end result' names nothing", prompt = "On Google Cloud, the end result should be a docker repository in Artifact Registry whose repository id starts with ter8repq, in us-central1, and beside it a nearline bucket in us-central1 whose name ends with ter8bktq." .. GRANT .. SUBMIT[3],
    inv = { I.repo("ter8repq", S, "us-central1", "DOCKER"), I.bucket("ter8bktq", E, "US-CENTRAL1", "NEARLINE") } },
  -- "a topic involved, and its name ...", "call it X" at the end of a long clause, "fill it with X"
  { name = "'topic involved', 'call it X', 'fill it with X'", prompt = "Google Cloud, for the nightly digest. There is a digest topic involved, and its name needs to end with civ9topq, with 900s of retention. The digests land in a standard bucket in us-west1 whose name starts with civ9bktq. One sample digest sits in it: call the object civ9dig1txt, keep it in the bucket starting with civ9bktq, fill it with civ9text5q, and mark it text/plain." .. GRANT .. SUBMIT[1],
    inv = { I.topic("civ9topq", E, "900s"), I.bucket("civ9bktq", S, "US-WEST1", "STANDARD"), I.object("civ9dig1txt", "civ9bktq", S, "civ9text5q") } },
  { name = "'and call it X' after a long firewall clause", prompt = "Google Cloud: VPC cit0netq, auto create subnetworks off. The firewall allows tcp, also on that cit0netq network, stays enabled with disabled at false (matching the network's false), ingress only on port 80, priority 1001, and call it cit0fwq." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("cit0netq", X), I.fw("cit0fwq", X, "cit0netq", X, 1001, "tcp", "80") } },
  -- "file drop-off" in passing makes no object
  { name = "'file drop-off' is not an object", prompt = "The team wants a place for file drop-off on Google Cloud: for cold file drop-off, add a nearline bucket in us-east1 whose name ends with fdo1bktq." .. GRANT .. SUBMIT[3],
    inv = { I.bucket("fdo1bktq", E, "US-EAST1", "NEARLINE") }, absent = { "object" } },
  -- verbose explanations: the flag stated outright wins; "its name is X" is exact; "the prefix shared by ..."
  { name = "retain stated outright after a looser wording", prompt = "Google Cloud messaging pair. A topic whose name ends with rso1topq keeps messages for 600s. The subscription reading from it is called rso1subq; it must not hold on to messages after they are acknowledged, so retain acked messages stays false. Ack deadline 30 seconds, ttl 86400s." .. GRANT .. SUBMIT[1],
    inv = { I.topic("rso1topq", E, "600s"), I.sub("rso1subq", X, "rso1topq", E, 30, false, "86400s") } },
  { name = "'its network ends with N and its name is X'", prompt = "Google Cloud: a VPC whose name ends with nis2netq, auto create subnetworks false. Restrict ingress with a firewall rule at priority 1002 allowing icmp, disabled false. Its network ends with nis2netq and its name is nis2fwq." .. GRANT .. SUBMIT[2],
    inv = { I.vpc("nis2netq", E), I.fw("nis2fwq", X, "nis2netq", E, 1002, "icmp", nil) } },
  { name = "'the prefix shared by' is prose", prompt = "Google Cloud: a VPC whose name starts with psb3netq, auto create subnetworks false. Add a subnetwork whose network also starts with psb3netq, the prefix shared by all the networking pieces, covering 10.33.44.0/24 in us-west1; the name starts with psb3subq." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("psb3netq", S), I.subnet("psb3subq", S, "psb3netq", S, "us-west1", "10.33.44.0/24") } },
  -- a content word in the opening description is not the object's content cue
  { name = "'a static content setup, kept cost-conscious'", prompt = "Our sandbox on Google Cloud needs a small static content setup, kept lean and cost-conscious. Create a storage bucket whose name starts with scs4bktq in us-east1 with standard storage, then add a file to it with content scs4body7q; the object name should be scs4page2txt." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("scs4bktq", S, "US-EAST1", "STANDARD"), I.object("scs4page2txt", "scs4bktq", S, "scs4body7q") } },
  -- upstream's rule-reference shape copied by a small model: "use V for <field>"
  { name = "'use false for retain acked messages'", prompt = "GCP, minimal. Set pubsub topic name to uvf5topq and use 900s for pubsub topic message retention duration. Then the subscription: use 259200s for pubsub subscription ttl, make pubsub subscription name start with uvf5subq, use false for retain acked messages, set ack deadline seconds to 30, and set pubsub subscription topic to uvf5topq." .. GRANT .. SUBMIT[2],
    inv = { I.topic("uvf5topq", X, "900s"), I.sub("uvf5subq", S, "uvf5topq", X, 30, false, "259200s") } },
  -- the content type right after the content: "X as text/plain"
  { name = "'X as text/plain' and 'carrying X'", prompt = "You'll want a bucket (us-west1, coldline, name ending with atp6bktq) on Google Cloud. Drop one object into it: atp6body3q as text/plain, named atp6file9txt. Also a topic atp6topq that retains messages for 600s." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("atp6bktq", E, "US-WEST1", "COLDLINE"), I.object("atp6file9txt", "atp6bktq", E, "atp6body3q"), I.topic("atp6topq", X, "600s") } },
  -- a list the model wrote anyway, flattened by upstream: no full stops between the items
  { name = "flattened label list", prompt = "Staging on Google Cloud. What to create: Bucket - coldline, europe-west1, name ends with fll7bktq Object - fll7note4txt in the bucket ending with fll7bktq, text/plain, content fll7data2q Topic - name starts with fll7topq, retention 1200s" .. GRANT .. SUBMIT[2],
    inv = { I.bucket("fll7bktq", E, "EUROPE-WEST1", "COLDLINE"), I.object("fll7note4txt", "fll7bktq", E, "fll7data2q"), I.topic("fll7topq", S, "1200s") } },
  { name = "flattened bullet list of imperatives", prompt = "Quick run on Google Cloud, three pieces: Stand up a nearline bucket in us-east1 whose name starts with fbl8bktq Create the DNS zone fbl8zone with DNS name fbl8zone.acore.example. Add a topic fbl8topq keeping messages 600s" .. GRANT .. SUBMIT[3],
    inv = { I.bucket("fbl8bktq", S, "US-EAST1", "NEARLINE"), I.dns("fbl8zone", X), I.topic("fbl8topq", X, "600s") } },
  -- a name said again beside "suffix" is never the content, whatever verb carries it
  { name = "'carries the identical X suffix' is not content", prompt = "A bucket on Google Cloud in us-west1 with a name ending in cis9bktq and standard storage. The object lives in that bucket (its bucket reference carries the identical cis9bktq suffix), holds the content cis9body4q, and should be named cis9file7txt." .. GRANT .. SUBMIT[1],
    inv = { I.bucket("cis9bktq", E, "US-WEST1", "STANDARD"), I.object("cis9file7txt", "cis9bktq", E, "cis9body4q") } },
  -- "Use N for <long field name>": a number before its field
  { name = "'use 10 for the pubsub subscription ack deadline seconds'", prompt = "Google Cloud, minimal. Set the pubsub topic name to ufn0topq and its message retention duration to 900s. The pubsub subscription topic equals ufn0topq. Use 10 for the pubsub subscription ack deadline seconds, set the subscription ttl to 86400s, use a pubsub subscription where name starts with ufn0subq, and set retain acked messages to true." .. GRANT .. SUBMIT[2],
    inv = { I.topic("ufn0topq", X, "900s"), I.sub("ufn0subq", S, "ufn0topq", X, 10, true, "86400s") } },
  -- "at priority 1000 for port 22": the number after "priority" is the priority
  { name = "'at priority 1000 for port 22'", prompt = "Google Cloud: VPC pfp1netq, auto create subnetworks false. The firewall rule is tcp, not disabled (false), named pfp1fwq, ingress at priority 1000 for port 22, attached to network pfp1netq." .. GRANT .. SUBMIT[3],
    inv = { I.vpc("pfp1netq", X), I.fw("pfp1fwq", X, "pfp1netq", X, 1000, "tcp", "22") } },
}

test("at least 40 LLM-style prompts plus the golden tasks", function()
  expect.truthy(#CASES - 6 >= 40, "LLM-style case count " .. (#CASES - 6))
end)

for _, c in ipairs(CASES) do
  test(c.name, function()
    local plan = parse.parse(c.prompt)
    local names = build.names(plan, build.tag("hk", c.name))
    local state = assert(terraform.parse_state(assert(json.encode(build.predict_state(plan, names, "proj")))))
    local score, passed, total, details = validate.score(state, c.inv)
    if score < 1 then
      local why = {}
      for _, d in ipairs(details) do if not d.ok then why[#why + 1] = d.why end end
      local summary = {}
      for kind, r in pairs(plan.resources) do summary[#summary + 1] = kind .. "=" .. tostring(r.token) .. "/" .. tostring(r.rule) end
      table.sort(summary)
      error(("%d/%d: %s\nplan: %s\nambiguities: %s"):format(passed, total, table.concat(why, "; "),
        table.concat(summary, " "), table.concat(plan.ambiguities, " | ")), 0)
    end
    expect.eq(plan.validator, SA, "validator principal")
    -- resources the prompt only mentions in passing must not be planned at all
    for _, kind in ipairs(c.absent or {}) do
      expect.truthy(plan.resources[kind] == nil, kind .. " planned: " .. table.concat(plan.ambiguities, " | "))
    end
  end)
end
