-- Second-tier templates (spec §3.4, not dispatched by the live config): generator-style prompts for each,
-- planned, built and scored against invariants shaped like the generator's.
local parse = require "alphacore.parse"
local build = require "alphacore.build"
local validate = require "alphacore.validate"
local terraform = require "terraform"
local json = require "json"
local trust = require "alphacore.trust"

local SA = "alphacore-validator@alphacore-478113.iam.gserviceaccount.com"
local TAIL = " Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root. Grant " .. SA .. " viewer access so they can verify the deployment."
local HEAD = "Internal dev sandbox. We need the following set up in Google Cloud. Requested: %s. Please only create what's described below (no extra resources). "

local function inv(rtype, match, rules) return { resource_type = rtype, match = match, comparison_rule = rules or {} } end

local CASES = {
  { kind = "service account + project iam member", fields = 'account id equals "svcacct7q2", display name equals "alpha helper", description equals "runs nightly jobs" role equals "roles/viewer", member equals "serviceAccount:' .. SA .. '"',
    inv = { inv("google_service_account", { ["values.account_id"] = "svcacct7q2", ["values.display_name"] = "alpha helper", ["values.description"] = "runs nightly jobs" }),
      inv("google_project_iam_member", { ["values.role"] = "roles/viewer", ["values.member"] = "serviceAccount:" .. SA }) } },
  { kind = "storage bucket + bucket iam member", fields = 'name ends with "iambkt5x9", location equals "us-east1", storage class equals "standard" bucket ends with "iambkt5x9", role equals "roles/storage.objectViewer", member equals "serviceAccount:' .. SA .. '"',
    inv = { inv("google_storage_bucket", { ["values.name"] = "iambkt5x9", ["values.location"] = "US-EAST1", ["values.storage_class"] = "STANDARD" }, { ["values.name"] = "ends_with" }),
      inv("google_storage_bucket_iam_member", { ["values.bucket"] = "iambkt5x9", ["values.role"] = "roles/storage.objectViewer", ["values.member"] = "serviceAccount:" .. SA }, { ["values.bucket"] = "ends_with" }) } },
  { kind = "secret + version + secret iam", fields = 'secret id starts with "sekret7q" secret equals "sekret7q", secret data equals "t0psecretvalue123" secret id equals "sekret7q", role equals "roles/secretmanager.secretAccessor", member equals "serviceAccount:' .. SA .. '"',
    inv = { inv("google_secret_manager_secret", { ["values.secret_id"] = "sekret7q" }, { ["values.secret_id"] = "starts_with" }),
      inv("google_secret_manager_secret_version", { ["values.secret"] = "sekret7q", ["values.secret_data"] = "t0psecretvalue123" }),
      inv("google_secret_manager_secret_iam_member", { ["values.secret_id"] = "sekret7q", ["values.role"] = "roles/secretmanager.secretAccessor", ["values.member"] = "serviceAccount:" .. SA }) } },
  { kind = "pubsub topic + cloud scheduler job", fields = 'name equals "tick3topic", message retention duration equals "600s" name ends with "tick3job", schedule equals "*/5 * * * *", topic name equals "tick3topic"',
    inv = { inv("google_pubsub_topic", { ["values.name"] = "tick3topic", ["values.message_retention_duration"] = "600s" }, { ["values.name"] = "exact_match" }),
      inv("google_cloud_scheduler_job", { ["values.name"] = "tick3job", ["values.schedule"] = "*/5 * * * *", ["values.pubsub_target.0.topic_name"] = "tick3topic" }, { ["values.name"] = "ends_with" }) } },
  { kind = "http cloud scheduler job", fields = 'name equals "hook9job", schedule equals "0 * * * *", uri equals "https://example.com/webhook/ab12cd34"',
    inv = { inv("google_cloud_scheduler_job", { ["values.name"] = "hook9job", ["values.schedule"] = "0 * * * *", ["values.http_target.0.uri"] = "https://example.com/webhook/ab12cd34" }, { ["values.name"] = "exact_match" }) } },
  { kind = "custom iam role", fields = 'role id equals "acoreRole7x", permissions equals "storage.objects.get"',
    inv = { inv("google_project_iam_custom_role", { ["values.role_id"] = "acoreRole7x", ["values.permissions.0"] = "storage.objects.get" }) } },
  { kind = "bucket + logging sink", fields = 'name starts with "logsbkt4q", location equals "us-central1", storage class equals "nearline" name equals "sink4q", destination equals "storage.googleapis.com/logsbkt4q", filter equals "severity="ERROR""',
    inv = { inv("google_storage_bucket", { ["values.name"] = "logsbkt4q", ["values.location"] = "US-CENTRAL1", ["values.storage_class"] = "NEARLINE" }, { ["values.name"] = "starts_with" }),
      inv("google_logging_project_sink", { ["values.name"] = "sink4q", ["values.destination"] = "storage.googleapis.com/logsbkt4q", ["values.filter"] = 'severity="ERROR"' }, { ["values.name"] = "exact_match" }) } },
  { kind = "dns zone + record set", fields = 'name equals "recz0ne4", dns name equals "recz0ne4.acore.example." name equals "www.recz0ne4.acore.example.", type equals "a", ttl equals 300, managed zone equals "recz0ne4", rrdatas equals "192.0.2.10"',
    inv = { inv("google_dns_managed_zone", { ["values.name"] = "recz0ne4", ["values.dns_name"] = "recz0ne4.acore.example." }, { ["values.name"] = "exact_match" }),
      inv("google_dns_record_set", { ["values.name"] = "www.recz0ne4.acore.example.", ["values.type"] = "A", ["values.ttl"] = 300, ["values.managed_zone"] = "recz0ne4", ["values.rrdatas"] = { "192.0.2.10" } }) } },
}

for _, c in ipairs(CASES) do
  test(c.kind, function()
    local prompt = HEAD:format(c.kind) .. c.fields .. TAIL
    local plan = parse.parse(prompt)
    local refused = trust.enforce(plan, { second_tier = true, allowlist = trust.allowlist(SA) })
    expect.same(refused, {}, "the templates' own resources pass the trust boundary")
    local names = build.names(plan, build.tag("hk", c.kind))
    local ws = terraform.workspace { dir = "/unused", project = "proj" }
    build.add_resources(ws, plan, names)
    assert(ws:render(), "renders")
    local state = assert(terraform.parse_state(assert(json.encode(build.predict_state(plan, names, "proj")))))
    local score, passed, total, details = validate.score(state, c.inv)
    if score < 1 then
      local why = {}
      for _, d in ipairs(details) do if not d.ok then why[#why + 1] = tostring(d.why) end end
      error(("%d/%d: %s | %s"):format(passed, total, table.concat(why, "; "), table.concat(plan.ambiguities, " | ")), 0)
    end
  end)
end

-- The sink's destination is compared exactly while the bucket's name must be longer than its token: the sink
-- writes to a second bucket of this task named exactly the token, through a reference (so terraform creates the
-- sink only after that bucket is ours), never to a bucket named only in the prompt.
test("logging sink: a second bucket of this task, named exactly, receives the sink", function()
  local prompt = HEAD:format("bucket + logging sink") .. 'name ends with "sinkdst7q", location equals "us-east1", storage class equals "standard" name equals "sink7q", destination equals "storage.googleapis.com/sinkdst7q", filter equals "severity="ERROR""' .. TAIL
  local plan = parse.parse(prompt)
  expect.same(trust.enforce(plan, { second_tier = true, allowlist = trust.allowlist(SA) }), {})
  local names = build.names(plan, "mtag07")
  expect.eq(names.bucket, "sinkdst7q-mtag07-sinkdst7q")
  expect.eq(names.sink_bucket, "sinkdst7q")
  local ws = terraform.workspace { dir = "/unused", project = "proj" }
  build.add_resources(ws, plan, names)
  local hcl_text = assert(ws:render())
  expect.truthy(hcl_text:find('resource "google_storage_bucket" "sink_dest"', 1, true), hcl_text)
  expect.truthy(hcl_text:find('destination%s*=%s*"storage%.googleapis%.com/%${google_storage_bucket%.sink_dest%.name}"'), hcl_text)
  expect.same(require("alphacore.check").blocks(ws.blocks), {})
  -- a destination naming anything but this task's bucket gets no second bucket: the sink goes to the task's bucket
  local other = parse.parse((prompt:gsub("storage.googleapis.com/sinkdst7q", "storage.googleapis.com/theirbucket9")))
  trust.enforce(other, { second_tier = true, allowlist = trust.allowlist(SA) })
  local other_names = build.names(other, "mtag07")
  expect.eq(other_names.sink_bucket, nil)
  if other.resources.log_sink then
    local ws2 = terraform.workspace { dir = "/unused", project = "proj" }
    build.add_resources(ws2, other, other_names)
    local text2 = assert(ws2:render())
    expect.falsy(text2:find("theirbucket9", 1, true), text2)
  end
end)
