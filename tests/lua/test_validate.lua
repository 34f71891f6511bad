-- The validator's comparison vectors (spec §7.3) against our re-implementation.
local validate = require "alphacore.validate"
local terraform = require "terraform"
local json = require "json"

local S, E, X = "starts_with", "ends_with", "exact_match"

test("_apply_comparison_rule truth table", function()
  local rows = {
    { "my-bucket-user1-xyz", "my-bucket", S, true }, { "my-bucket", "my-bucket", S, false },
    { "user1-my-bucket", "my-bucket", E, true }, { "my-bucket", "my-bucket", E, false },
    { "projects/p/topics/topic-abc123", "topic-abc", S, true }, { "projects/p/topics/other-topic-abc", "topic-abc", S, false },
    { "projects/my-project/topics/my-topic", "my-topic", X, true },
    { "T-q7k2-T", "T", S, true }, { "T-q7k2-T", "T", E, true },
    { "https://www.googleapis.com/compute/v1/projects/p/regions/r/subnetworks/T-q7k2-T", "T", S, true },
    { "projects/p/topics/T-q7k2-T", "T", E, true },
    { nil, nil, X, true }, { nil, "value", X, false },
    { "projects/my-secret/secrets/my-secret-xyz", "xyz", E, true },
    { "MyName", "myname", X, true },
  }
  for i, r in ipairs(rows) do
    expect.eq(validate.apply_rule(r[1], r[2], r[3]), r[4], ("row %d (%s, %s, %s)"):format(i, tostring(r[1]), tostring(r[2]), r[3]))
  end
end)

local function state_of(resources)
  local list = {}
  for _, r in ipairs(resources) do
    list[#list + 1] = { mode = "managed", type = r[1], name = "x", instances = { { attributes = r[2] } } }
  end
  return assert(terraform.parse_state(json.encode { version = 4, resources = list }))
end

local API = "https://www.googleapis.com/compute/v1/projects/p/"

test("VPC ends_with: the sandwich scores 3/3, the bare token 2/3, a prefix 1/3", function()
  local function score(vpc_name)
    local st = state_of {
      { "google_compute_network", { name = vpc_name, auto_create_subnetworks = false } },
      { "google_compute_subnetwork", { name = "sub1", region = "us-central1", ip_cidr_range = "10.1.2.0/24", network = API .. "global/networks/" .. vpc_name } },
      { "google_compute_firewall", { name = "fw1", network = API .. "global/networks/" .. vpc_name, direction = "INGRESS", priority = 1000, disabled = false,
        allow = { { protocol = "tcp", ports = { "22" } } } } },
    }
    local invs = {
      { resource_type = "google_compute_network", match = { ["values.name"] = "TOKEN", ["values.auto_create_subnetworks"] = false }, comparison_rule = { ["values.name"] = E } },
      { resource_type = "google_compute_subnetwork", match = { ["values.name"] = "sub1", ["values.network"] = "TOKEN", ["values.region"] = "us-central1", ["values.ip_cidr_range"] = "10.1.2.0/24" }, comparison_rule = { ["values.name"] = X, ["values.network"] = E } },
      { resource_type = "google_compute_firewall", match = { ["values.name"] = "fw1", ["values.network"] = "TOKEN", ["values.direction"] = "INGRESS", ["values.priority"] = 1000, ["values.disabled"] = false, ["values.allow.0.protocol"] = "tcp", ["values.allow.0.ports.0"] = "22" }, comparison_rule = { ["values.name"] = X, ["values.network"] = E } },
    }
    local _, passed = validate.score(st, invs)
    return passed
  end
  expect.eq(score("TOKEN-q7k2-TOKEN"), 3)
  expect.eq(score("TOKEN"), 2)
  expect.eq(score("a-TOKEN"), 1)
  expect.eq(score("aTOKEN"), 1)
end)

test("startup script normalisation", function()
  local want = "#!/bin/bash\nset -euo pipefail\necho 'b3deea-2b877d-net' > /var/tmp/acore-token\n"
  local inv = { { resource_type = "google_compute_instance", match = { ["values.metadata_startup_script"] = want } } }
  local function ok(script)
    return validate.score(state_of { { "google_compute_instance", { metadata_startup_script = script } } }, inv) == 1
  end
  expect.truthy(ok(want), "identical")
  expect.truthy(ok(want:sub(1, -2)), "no trailing newline")
  expect.truthy(ok("#!/bin/bash  \r\nset -euo pipefail\r\necho 'b3deea-2b877d-net' > /var/tmp/acore-token\r\n\r\n"), "CRLF + spaces + blank line")
  expect.falsy(ok(want:gsub("\n", " ")), "newlines replaced by spaces")
  expect.falsy(ok(want:gsub("'", '"')), "double quotes")
end)

test("bucket object, subscription, DNS, AR and bucket vectors", function()
  local obj = { { resource_type = "google_storage_bucket_object", match = { ["values.name"] = "o1", ["values.content_type"] = "text/plain", ["values.content"] = "abc" } } }
  expect.eq(validate.score(state_of { { "google_storage_bucket_object", { name = "o1", content = "abc", content_type = "text/plain" } } }, obj), 1)
  expect.eq(validate.score(state_of { { "google_storage_bucket_object", { name = "o1", content = "abc", content_type = "text/plain; charset=utf-8" } } }, obj), 0)
  local sub = { { resource_type = "google_pubsub_subscription", match = { ["values.name"] = "s", ["values.topic"] = "TOPIC", ["values.expiration_policy.0.ttl"] = "86400s" },
    comparison_rule = { ["values.name"] = X, ["values.topic"] = E } } }
  expect.eq(validate.score(state_of { { "google_pubsub_subscription", { name = "s", topic = "projects/p1/topics/x-TOPIC", expiration_policy = { { ttl = "86400s" } } } } }, sub), 1)
  local dns = { { resource_type = "google_dns_managed_zone", match = { ["values.name"] = "zone12ab", ["values.dns_name"] = "zone12ab.acore.example." }, comparison_rule = { ["values.name"] = S } } }
  expect.eq(validate.score(state_of { { "google_dns_managed_zone", { name = "zone12ab-x", dns_name = "zone12ab.acore.example." } } }, dns), 1)
  local ar = { { resource_type = "google_artifact_registry_repository", match = { ["values.repository_id"] = "rid", ["values.location"] = "us-central1", ["values.format"] = "DOCKER" }, comparison_rule = { ["values.repository_id"] = E } } }
  expect.eq(validate.score(state_of { { "google_artifact_registry_repository", { repository_id = "x-rid", location = "us-central1", format = "DOCKER" } } }, ar), 1)
  local b = { { resource_type = "google_storage_bucket", match = { ["values.name"] = "name", ["values.location"] = "ASIA-SOUTHEAST1", ["values.storage_class"] = "COLDLINE" }, comparison_rule = { ["values.name"] = E } } }
  expect.eq(validate.score(state_of { { "google_storage_bucket", { name = "pfx-name", location = "ASIA-SOUTHEAST1", storage_class = "COLDLINE" } } }, b), 1)
  expect.eq(validate.score(state_of { { "google_storage_bucket", { name = "name", location = "ASIA-SOUTHEAST1", storage_class = "COLDLINE" } } }, b), 0)
  -- firewall protocol is case-sensitive; ports compare as strings
  local fw = { { resource_type = "google_compute_firewall", match = { ["values.allow.0.protocol"] = "tcp", ["values.allow.0.ports.0"] = "22" } } }
  expect.eq(validate.score(state_of { { "google_compute_firewall", { allow = { { protocol = "TCP", ports = { "22" } } } } } }, fw), 0)
  expect.eq(validate.score(state_of { { "google_compute_firewall", { allow = { { protocol = "icmp" }, { protocol = "tcp", ports = { "80", "22" } } } } } }, fw), 1)
  -- no resources of a type
  local s, _, _, details = validate.score(state_of {}, obj)
  expect.eq(s, 0)
  expect.contains(details[1].why, "No resources of type google_storage_bucket_object found")
end)
