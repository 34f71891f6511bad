-- `miner exec bench/toolkit.lua [N]`: emit main.tf + zip with its state + base64 for a 7-resource workspace,
-- median microseconds per stage over N runs. Reference in the same run: one sr25519 verify (what every
-- request already pays), so the figure reads as "costs X verifies".
local hcl = require "hcl"
local zip = require "zip"
local crypto = require "crypto"
local json = require "json"
local time = require "time"

local n = tonumber((...)) or 2000
local B, ref = hcl.block, hcl.ref
local script = "#!/bin/bash\nset -euo pipefail\necho 'd7c95f-3771e6-net' > /var/tmp/acore-token\n"

local function document()
  return {
    B("terraform", {}, { required_version = ">= 1.5.0",
      B("required_providers", {}, { google = { source = "hashicorp/google", version = "7.12.0" } }) }),
    B("provider", "google", { project = "miner-project" }),
    B("resource", { "google_compute_network", "net" }, { name = "mrx3vb250zl7pv-k2p9-mrx3vb250zl7pv", auto_create_subnetworks = false }),
    B("resource", { "google_compute_subnetwork", "sub" }, { name = "n2s38d8u", region = "us-central1",
      ip_cidr_range = "10.154.213.0/24", network = ref("google_compute_network.net.id") }),
    B("resource", { "google_compute_firewall", "fw" }, { name = "s1u75p5s", network = ref("google_compute_network.net.id"),
      direction = "INGRESS", priority = 1001, disabled = false, source_ranges = { "0.0.0.0/0" },
      B("allow", {}, { protocol = "tcp", ports = { "80" } }) }),
    B("resource", { "google_compute_instance", "vm" }, { name = "j89pzao6maam", zone = "us-central1-c",
      machine_type = "e2-medium", metadata_startup_script = script,
      B("boot_disk", {}, { B("initialize_params", {}, { image = "debian-cloud/debian-12" }) }),
      B("network_interface", {}, { subnetwork = ref("google_compute_subnetwork.sub.id") }) }),
    B("resource", { "google_storage_bucket", "b" }, { name = "x5s0j4u572jcbj-q7k2-x5s0j4u572jcbj", location = "US-WEST1",
      storage_class = "COLDLINE", force_destroy = true, uniform_bucket_level_access = true }),
    B("resource", { "google_storage_bucket_object", "o" }, { name = "jw8lkpmir7xqhtxt", bucket = ref("google_storage_bucket.b.name"),
      content = "a1b2c3d4e5f6g7h8", content_type = "text/plain" }),
    B("resource", { "google_pubsub_topic", "t" }, { name = "hizxvme6667f0o2hc949", message_retention_duration = "600s" }),
  }
end

-- A state of realistic size: 7 resources with provider-like attribute sets (~25 KB).
local resources = {}
for i = 1, 7 do
  local attrs = { id = ("projects/miner-project/things/r%d"):format(i), name = "resource-" .. i, labels = {},
    self_link = "https://www.googleapis.com/compute/v1/projects/miner-project/global/things/r" .. i }
  for k = 1, 60 do attrs["attribute_" .. k] = ("value-%d-%d-%s"):format(i, k, string.rep("x", 30)) end
  resources[i] = { mode = "managed", type = "google_thing", name = "r" .. i, instances = { { attributes = attrs } } }
end
local state = json.encode({ version = 4, terraform_version = "1.14.0", serial = 1, resources = resources })

local function median(t) table.sort(t) return t[math.floor(#t / 2) + 1] end
local emit_t, zip_t, b64_t, total_t, verify_t = {}, {}, {}, {}, {}
local public, secret = crypto.sr25519_keypair(crypto.random(32))
local sig = crypto.sr25519_sign(secret, "message", public)
local size
for i = 1, n do
  local t0 = time.mono()
  local text = assert(hcl.encode(document()))
  local t1 = time.mono()
  local bytes = assert(zip.pack({ { name = "main.tf", data = text }, { name = "terraform.tfstate", data = state } }))
  local t2 = time.mono()
  local b64 = crypto.base64(bytes)
  local t3 = time.mono()
  size = #b64
  emit_t[i], zip_t[i], b64_t[i], total_t[i] = (t1 - t0) * 1e6, (t2 - t1) * 1e6, (t3 - t2) * 1e6, (t3 - t0) * 1e6
  local v0 = time.mono()
  crypto.sr25519_verify(public, "message", sig)
  verify_t[i] = (time.mono() - v0) * 1e6
end
print(("emit %.0f us, zip %.0f us, base64 %.0f us, total %.0f us (median of %d; %d-byte base64 with a %d-byte state)")
  :format(median(emit_t), median(zip_t), median(b64_t), median(total_t), n, size, #state))
print(("reference: one sr25519 verify %.0f us; total = %.1f verifies"):format(median(verify_t),
  median(total_t) / median(verify_t)))
return 0
