-- The plan checker (lualib/alphacore/check.lua) against deliberately broken resources, the drop/repair logic of
-- solver.checked_build, and the self-score counting what was dropped.
local hcl = require "hcl"
local check = require "alphacore.check"
local gcp = require "alphacore.gcp"
local build = require "alphacore.build"
local solver_mod = require "alphacore.solver"
local validate = require "alphacore.validate"
local json = require "json"
local fs = require "fs"
local rt = require "rt"

local B, ref = hcl.block, hcl.ref
local DATA = os.getenv("ALPHACORE_TEST_DATA") or (rt.config.lualib_dir .. "/../tests/data")

local function fw(body)
  local b = { name = "fw-ok", network = ref("google_compute_network.net.id"), priority = 1000,
    B("allow", {}, { protocol = "tcp", ports = { "22" } }) }
  for k, v in pairs(body or {}) do b[k] = v end
  return b
end

local function vm(body)
  local b = { name = "vm-ok", zone = "us-central1-a", machine_type = "e2-small",
    B("boot_disk", {}, { B("initialize_params", {}, { image = "debian-cloud/debian-12" }) }),
    B("network_interface", {}, { network = "default" }) }
  for k, v in pairs(body or {}) do b[k] = v end
  return b
end

local function expect_problem(rtype, body, fragment)
  local problems = check.resource(rtype, body)
  local text = check.describe(problems)
  expect.truthy(#problems > 0, rtype .. " should fail with " .. fragment)
  expect.contains(text, fragment)
end

test("valid resources pass", function()
  expect.same(check.resource("google_compute_firewall", fw()), {})
  expect.same(check.resource("google_compute_instance", vm()), {})
  expect.same(check.resource("google_storage_bucket_object", { name = "a.txt", bucket = "bkt-1", content = "x" }), {})
  expect.same(check.resource("google_pubsub_subscription", { name = "sub1", topic = "t", message_retention_duration = "86400s",
    B("expiration_policy", {}, { ttl = "86400s" }) }), {})
end)

test("schema: unknown type, unknown attribute, missing required", function()
  expect_problem("google_compute_networkk", { name = "x" }, "unknown resource type")
  expect_problem("google_compute_firewall", fw { colour = "red" }, "unknown attribute colour")
  expect_problem("google_compute_firewall", fw { name = false }, "expects a string")
  local nameless = fw()
  nameless.name = nil
  expect_problem("google_compute_firewall", nameless, "required attribute name is missing")
  expect_problem("google_artifact_registry_repository", { repository_id = "repo1", location = "us-east1" },
    "required attribute format is missing")
end)

test("schema: block written as attribute and attribute written as block", function()
  expect_problem("google_compute_firewall", fw { allow = { protocol = "tcp" } }, "allow is a block, written as an attribute")
  local b = vm()
  b[#b + 1] = B("machine_type", {}, {})
  expect_problem("google_compute_instance", b, "machine_type is an attribute, written as a block")
  local nested = fw()
  nested[1] = B("allow", {}, { protocol = "tcp", B("ports", {}, {}) })
  expect_problem("google_compute_firewall", nested, "allow.ports")
end)

test("schema: enums, ranges, block counts, exactly_one_of, computed", function()
  expect_problem("google_compute_firewall", fw { direction = "SIDEWAYS" }, "not one of INGRESS")
  expect_problem("google_compute_firewall", fw { priority = 70000 }, "not an integer in [0, 65535]")
  local none = fw()
  none[1] = nil
  expect_problem("google_compute_firewall", none, "exactly one of allow,deny")
  local both = fw()
  both[2] = B("deny", {}, { protocol = "udp" })
  expect_problem("google_compute_firewall", both, "exactly one of allow,deny")
  expect_problem("google_storage_bucket_object", { name = "a.txt", bucket = "b" }, "exactly one of content,source")
  expect_problem("google_storage_bucket_object", { name = "a.txt", bucket = "b", content = "x", source = "/etc/passwd" },
    "exactly one of content,source")
  local no_disk = vm()
  table.remove(no_disk, 1)
  expect_problem("google_compute_instance", no_disk, "needs at least 1 boot_disk")
  local two = vm()
  two[#two + 1] = B("boot_disk", {}, {})
  expect_problem("google_compute_instance", two, "at most 1 boot_disk")
  expect_problem("google_compute_network", { name = "net1", self_link = "x" }, "computed and cannot be set")
  expect_problem("google_compute_network", { name = "Bad_Name" }, "not a GCE name")
end)

test("API rules: names, regions, zones, machine types, CIDRs, durations", function()
  expect_problem("google_compute_instance", vm { zone = "us-central1-z" }, "not a GCP zone")
  expect_problem("google_compute_instance", vm { zone = "mars-north1-a" }, "not a GCP zone")
  expect_problem("google_compute_instance", vm { machine_type = "e2-galactic" }, "not a Compute Engine machine type")
  expect_problem("google_compute_instance", vm { zone = "me-west1-a", machine_type = "c3-standard-4" }, "not offered in me-west1")
  expect_problem("google_compute_subnetwork", { name = "s1", network = "n", region = "us-centrall", ip_cidr_range = "10.0.0.0/24" },
    "not a GCP region")
  expect_problem("google_compute_subnetwork", { name = "s1", network = "n", region = "us-east1", ip_cidr_range = "10.0.0.1/24" },
    "host bits")
  expect_problem("google_storage_bucket", { name = "goog-bucket", location = "US" }, "cannot start with goog")
  expect_problem("google_storage_bucket", { name = "my.google.bucket", location = "US" }, "a-z, 0-9")
  expect_problem("google_storage_bucket", { name = "ab", location = "US" }, "3-63")
  expect_problem("google_storage_bucket", { name = "fine-bucket", location = "MOON-1" }, "not a Cloud Storage location")
  expect_problem("google_artifact_registry_repository", { repository_id = "r1", location = "us-east1", format = "RPM" },
    "not a repository format")
  expect_problem("google_pubsub_topic", { name = "goog-topic" }, "cannot start with goog")
  expect_problem("google_pubsub_topic", { name = "topic1", message_retention_duration = "60s" }, "outside 10 minutes")
  expect_problem("google_pubsub_subscription", { name = "sub1", topic = "t", B("expiration_policy", {}, { ttl = "86400s" }) },
    "shorter than the message retention")
  expect_problem("google_pubsub_subscription", { name = "sub1", topic = "t", ack_deadline_seconds = 5 }, "outside 10-600")
  expect_problem("google_dns_managed_zone", { name = "zone1", dns_name = "zone1.example" }, "ending with a dot")
  expect.truthy(gcp.is_zone("asia-northeast1-b") and gcp.is_zone("us-central1-f") and not gcp.is_zone("us-east1-a"))
end)

test("every generator task builds a plan that passes the checker with nothing dropped", function()
  local n = 0
  for line in assert(fs.read(DATA .. "/generated-tasks.jsonl")):gmatch("[^\n]+") do
    local task = assert(json.decode(line))
    local r = solver_mod.offline(task.prompt, { task_id = task.task_id, project = "p" })
    expect.same(r.plan.dropped, {}, task.task_id)
    expect.same(check.blocks(r.ws.blocks), {}, task.task_id)
    n = n + 1
  end
  expect.eq(n, 48)
end)

local SUBMIT = " Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment. Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root."

test("subscription retention is repaired to the TTL; the topic's own retention is untouched", function()
  local r = solver_mod.offline("Create a Pub/Sub topic named rtop12345 with 900s retention and a subscription named rsub12345 on it with ack deadline 20 seconds, retain acked messages false and expiration ttl 86400s." .. SUBMIT, {})
  expect.same(r.plan.dropped, {})
  local text = assert(hcl.encode(r.ws.blocks))
  expect.truthy(text:find('message_retention_duration%s*=%s*"86400s"'), "subscription retention set to the TTL")
  expect.truthy(text:find('message_retention_duration%s*=%s*"900s"'), "topic retention kept")
end)

test("a resource missing a required value is dropped with its dependents; the rest is kept and scored truthfully", function()
  local plan = { resources = {
    vpc = { kind = "vpc", rule = "exact_match", auto_create = false },
    subnet = { kind = "subnet", token = "sub1abc", rule = "exact_match", region = "us-east1", cidr = "10.1.2.0/24" },
    firewall = { kind = "firewall", token = "fw1abcd", rule = "exact_match", priority = 1000, protocol = "tcp", port = "22" },
    vm = { kind = "vm", token = "vm1abcd", rule = "exact_match", zone = "us-east1-b", machine_type = "e2-micro", networked = true,
      script = "#!/bin/bash\necho hi\n" },
    topic = { kind = "topic", token = "keep1top", rule = "exact_match", retention = "600s" },
  }, ambiguities = {} }
  local expected = build.invariants(plan)
  local names = build.names(plan, "mtag01")
  local ws = solver_mod.checked_build(plan, names, function()
    return require("terraform").workspace { dir = "/nonexistent", project = "p" }
  end)
  local dropped = {}
  for _, d in ipairs(plan.dropped) do dropped[#dropped + 1] = d.kind end
  table.sort(dropped)
  expect.same(dropped, { "firewall", "subnet", "vm", "vpc" })
  expect.contains(plan.dropped[1].why, "name")
  expect.truthy(plan.resources.topic, "the independent topic is kept")
  expect.same(check.blocks(ws.blocks), {})
  local state = require("terraform").parse_state(json.encode(build.predict_state(plan, names, "p")))
  local score, passed, total = validate.score(state, expected)
  expect.eq(total, 5)
  expect.eq(passed, 1, "only the topic passes")
  expect.truthy(score < 1, "dropped resources count as failures")
end)
