-- TaskPlan -> names, Terraform resources, the invariants the validator will check, and a predicted state.
local hcl = require "hcl"
local crypto = require "crypto"
local json = require "json"

local M = {}

local B, ref = hcl.block, hcl.ref

-- The resource label each plan kind is written under (google_<type>.<label>), and back.
M.LABEL_KIND = { net = "vpc", sub = "subnet", fw = "firewall", vm = "vm", vm_t1 = "vm", vm_t2 = "vm", vm_t3 = "vm", b = "bucket", o = "object", ar = "repo",
  t = "topic", s = "subscription", z = "dns", sa = "service_account", bucket_member = "bucket_iam",
  project_member = "project_iam", sa_member = "sa_iam", secret = "secret", secret_version = "secret",
  secret_member = "secret_iam", job = "scheduler", role = "custom_role", sink = "log_sink", record = "record_set" }

-- What each kind references in the plan: without its parent a resource would land somewhere the task did not
-- ask for (a subnet on the default network, an object with no bucket), so it goes with its parent.
M.PARENTS = { subnet = { "vpc" }, firewall = { "vpc" }, object = { "bucket" }, subscription = { "topic" },
  bucket_iam = { "bucket" }, sa_iam = { "service_account" }, secret_iam = { "secret" }, record_set = { "dns" },
  log_sink = { "bucket" } }

-- Removes a kind from the plan with its reason, and every kind that depends on it. Returns the removals.
function M.drop(plan, kind, why, out)
  out = out or {}
  local R = plan.resources
  if not R[kind] then return out end
  local named = R[kind].token ~= nil
  R[kind] = nil
  out[#out + 1] = { kind = kind, why = why, named = named }
  for child, parents in pairs(M.PARENTS) do
    for _, p in ipairs(parents) do
      if p == kind and R[child] then M.drop(plan, child, "depends on the dropped " .. kind, out) end
    end
  end
  if kind == "subnet" and R.vm and R.vm.networked then M.drop(plan, "vm", "its subnetwork was dropped", out) end
  return out
end
local add_second_tier -- defined below, after the live types

-- A tag matching [a-z][a-z0-9]{3,7}, unique to this miner and task (bucket names are global).
function M.tag(hotkey, task_id)
  local h = crypto.hex(crypto.blake2b(tostring(hotkey) .. ":" .. tostring(task_id), 16))
  return "m" .. h:sub(1, 6)
end

-- exact -> TOKEN; anything flexible -> TOKEN-tag-TOKEN, which passes starts_with and ends_with for every type
-- and every propagated reference (spec §4.7 Q1-Q2).
function M.name(r, tag)
  if not r or not r.token then return nil end
  if r.rule == "exact_match" then return r.token end
  return ("%s-%s-%s"):format(r.token, tag, r.token)
end

function M.names(plan, tag)
  local n = {}
  for kind, r in pairs(plan.resources) do n[kind] = M.name(r, tag) end
  n.sink_bucket = M.sink_bucket(plan)
  if n.sink_bucket and plan.ambiguities then
    plan.ambiguities[#plan.ambiguities + 1] = ("a second bucket named exactly %s receives the logging sink (its "
      .. "destination is compared exactly; the task's bucket needs a longer name)"):format(n.sink_bucket)
  end
  -- hedged startup scripts: one more VM per other plausible template, each with its own flexible name
  local vm = plan.resources.vm
  if vm and vm.token and M.hedged(vm) then
    n.vm_hedge = {}
    for k, tpl in ipairs(vm.script_candidates) do
      if tpl ~= vm.script_template then
        n.vm_hedge[tpl] = ("%s-%s%s-%s"):format(vm.token, tag, string.char(96 + k), vm.token)
      end
    end
  end
  return n
end

-- The validator compares a logging sink's destination exactly (storage.googleapis.com/<token>), while a flexible
-- bucket name must be strictly longer than its token (spec §3.5): the sink then gets a second bucket of this task
-- named exactly the token. The sink references it, so terraform creates the sink only once that bucket is ours (a
-- global name clash fails both, never exporting to a bucket someone else owns). nil when not needed.
function M.sink_bucket(plan)
  local b, k = plan.resources.bucket, plan.resources.log_sink
  if not (b and k and b.token and b.rule ~= "exact_match") then return nil end
  if k.destination ~= "storage.googleapis.com/" .. b.token then return nil end
  return b.token
end

-- Does this VM get one copy per plausible startup-script template? Only when asked (--solver.hedge_scripts),
-- when the prompt did not name the template, and when the name is flexible (an exact name exists once per zone).
function M.hedged(vm)
  return vm.hedge == true and vm.script_guess == true and type(vm.script_candidates) == "table"
    and #vm.script_candidates > 1 and vm.rule ~= "exact_match" and vm.script_token ~= nil
end

M.SCRIPT_TEMPLATES = require("alphacore.reader").SCRIPT_TEMPLATES

-- Adds the plan's resources to a terraform workspace (terraform.lua).
function M.add_resources(ws, plan, names)
  local R = plan.resources
  if R.vpc then
    ws:resource("google_compute_network", "net", { name = names.vpc, auto_create_subnetworks = R.vpc.auto_create == true })
  end
  local network = R.vpc and ref("google_compute_network.net.id") or "default"
  if R.subnet then
    ws:resource("google_compute_subnetwork", "sub", { name = names.subnet, region = R.subnet.region,
      ip_cidr_range = R.subnet.cidr, network = network })
  end
  if R.firewall then
    local f = R.firewall
    ws:resource("google_compute_firewall", "fw", { name = names.firewall, network = network,
      direction = f.direction or "INGRESS", priority = f.priority, disabled = f.disabled == true,
      source_ranges = f.source_ranges or { "0.0.0.0/0" },
      B("allow", {}, { protocol = f.protocol, ports = f.port and { tostring(f.port) } or nil }) })
  end
  if R.vm then
    local v = R.vm
    local nic = (v.networked and R.subnet) and { subnetwork = ref("google_compute_subnetwork.sub.id") }
      or { network = "default" }
    local function instance(label, name, script)
      ws:resource("google_compute_instance", label, { name = name, zone = v.zone, machine_type = v.machine_type,
        metadata_startup_script = script,
        B("boot_disk", {}, { B("initialize_params", {}, { image = "debian-cloud/debian-12" }) }),
        B("network_interface", {}, nic) })
    end
    instance("vm", names.vm, v.script)
    for tpl, name in pairs(names.vm_hedge or {}) do
      instance("vm_" .. tpl:lower(), name, M.SCRIPT_TEMPLATES[tpl]:format(v.script_token))
    end
  end
  if R.bucket then
    local function bucket(label, name)
      ws:resource("google_storage_bucket", label, { name = name, location = R.bucket.location,
        storage_class = R.bucket.storage_class, force_destroy = true, uniform_bucket_level_access = true })
    end
    bucket("b", names.bucket)
    if names.sink_bucket then bucket("sink_dest", names.sink_bucket) end
  end
  if R.object then
    ws:resource("google_storage_bucket_object", "o", { name = names.object,
      bucket = R.bucket and ref("google_storage_bucket.b.name") or nil, content = R.object.content,
      content_type = "text/plain" })
  end
  if R.repo then
    ws:resource("google_artifact_registry_repository", "ar", { repository_id = names.repo,
      location = R.repo.location, format = R.repo.format })
  end
  if R.topic then
    ws:resource("google_pubsub_topic", "t", { name = names.topic, message_retention_duration = R.topic.retention })
  end
  if R.subscription then
    local s = R.subscription
    -- GCP refuses an expiration TTL shorter than the message retention (default 7 days): unless the prompt
    -- set one, keep messages no longer than the TTL (no invariant reads a subscription's retention)
    local retention = s.retention
    if not retention and s.ttl and (tonumber(tostring(s.ttl):match("^(%d+)s$")) or math.huge) < 604800 then
      retention = s.ttl
    end
    ws:resource("google_pubsub_subscription", "s", { name = names.subscription,
      topic = R.topic and ref("google_pubsub_topic.t.id") or nil, ack_deadline_seconds = s.ack,
      message_retention_duration = retention,
      retain_acked_messages = s.retain == true, B("expiration_policy", {}, { ttl = s.ttl }) })
  end
  if R.dns then
    ws:resource("google_dns_managed_zone", "z", { name = names.dns, dns_name = R.dns.dns_name, force_destroy = true })
  end
  add_second_tier(ws, plan, names)
end

local function rule_of(r)
  if r.rule == "flexible" then return "starts_with" end
  return r.rule or "exact_match"
end

-- Second tier (spec §3.4): IAM members, service account, secrets, scheduler, custom role, sink, record set.
local function member_of(r, plan)
  if r.member then return r.member end
  local v = plan.validator or ""
  return (v:match("gserviceaccount%.com$") and "serviceAccount:" or "user:") .. v
end

function add_second_tier(ws, plan, names)
  local R = plan.resources
  if R.service_account then
    local a = R.service_account
    ws:resource("google_service_account", "sa", { account_id = names.service_account, display_name = a.display_name,
      description = a.description })
  end
  if R.bucket_iam then
    local m = R.bucket_iam
    ws:resource("google_storage_bucket_iam_member", "bucket_member", { bucket = R.bucket and ref("google_storage_bucket.b.name")
      or m.bucket_ref, role = m.role, member = member_of(m, plan) })
  end
  if R.project_iam then
    ws:resource("google_project_iam_member", "project_member", { project = ws.project, role = R.project_iam.role,
      member = member_of(R.project_iam, plan) })
  end
  if R.sa_iam then
    ws:resource("google_service_account_iam_member", "sa_member", { service_account_id = R.service_account
      and ref("google_service_account.sa.name") or R.sa_iam.sa_ref, role = R.sa_iam.role, member = member_of(R.sa_iam, plan) })
  end
  if R.secret then
    ws:resource("google_secret_manager_secret", "secret", { secret_id = names.secret,
      B("replication", {}, { B("auto", {}, {}) }) })
    if R.secret.secret_data then
      ws:resource("google_secret_manager_secret_version", "secret_version", { secret = ref("google_secret_manager_secret.secret.id"),
        secret_data = R.secret.secret_data })
    end
  end
  if R.secret_iam then
    ws:resource("google_secret_manager_secret_iam_member", "secret_member", { secret_id = R.secret
      and ref("google_secret_manager_secret.secret.secret_id") or R.secret_iam.token, role = R.secret_iam.role,
      member = member_of(R.secret_iam, plan) })
  end
  if R.scheduler then
    local j = R.scheduler
    local body = { name = names.scheduler, schedule = j.schedule, region = "us-central1" }
    if j.topic_ref or (R.topic and not j.uri) then
      body[#body + 1] = B("pubsub_target", {}, { topic_name = R.topic and ref("google_pubsub_topic.t.id") or j.topic_ref,
        data = "YWxwaGFjb3Jl" })
    else
      body[#body + 1] = B("http_target", {}, { uri = j.uri, http_method = "GET" })
    end
    ws:resource("google_cloud_scheduler_job", "job", body)
  end
  if R.custom_role then
    ws:resource("google_project_iam_custom_role", "role", { role_id = names.custom_role, title = names.custom_role,
      permissions = { R.custom_role.permission } })
  end
  if R.log_sink then
    local k = R.log_sink
    local dest = k.destination
    if names.sink_bucket then dest = hcl.raw('"storage.googleapis.com/${google_storage_bucket.sink_dest.name}"')
    elseif R.bucket and names.bucket then dest = "storage.googleapis.com/" .. names.bucket end
    ws:resource("google_logging_project_sink", "sink", { name = names.log_sink, destination = dest, filter = k.filter,
      unique_writer_identity = true })
  end
  if R.record_set then
    local rs = R.record_set
    ws:resource("google_dns_record_set", "record", { name = rs.token, type = rs.type, ttl = rs.ttl,
      managed_zone = R.dns and ref("google_dns_managed_zone.z.name") or rs.zone_ref, rrdatas = rs.rrdatas })
  end
end

-- What the prompt asked for, as invariants: every resource it named. A resource the parser saw but found no name
-- for was not asked for (a phantom mention); it is dropped later and does not count against the self-score,
-- while one dropped for any other reason (a missing format, a refused role) does.
local NAMELESS_KINDS = { bucket_iam = true, project_iam = true, sa_iam = true, secret_iam = true, record_set = true }
function M.expected(plan)
  local named = {}
  for kind, r in pairs(plan.resources) do
    if r.token or NAMELESS_KINDS[kind] then named[kind] = r end
  end
  return M.invariants(setmetatable({ resources = named }, { __index = plan }))
end

-- The invariants the validator would hold for this plan (comparison rules propagated as the generator does).
function M.invariants(plan)
  local R, out = plan.resources, {}
  local function add(rtype, match, rules) out[#out + 1] = { resource_type = rtype, match = match, comparison_rule = rules } end
  local function inherit(rules, path, r)
    local rr = r and rule_of(r)
    if rr == "starts_with" or rr == "ends_with" then rules[path] = rr end
  end
  if R.vpc then
    add("google_compute_network", { ["values.name"] = R.vpc.token, ["values.auto_create_subnetworks"] = false },
      { ["values.name"] = rule_of(R.vpc) })
  end
  if R.subnet then
    local rules = { ["values.name"] = rule_of(R.subnet) }
    inherit(rules, "values.network", R.vpc)
    add("google_compute_subnetwork", { ["values.name"] = R.subnet.token, ["values.network"] = R.vpc and R.vpc.token,
      ["values.region"] = R.subnet.region, ["values.ip_cidr_range"] = R.subnet.cidr }, rules)
  end
  if R.firewall then
    local f = R.firewall
    local rules = { ["values.name"] = rule_of(f) }
    inherit(rules, "values.network", R.vpc)
    add("google_compute_firewall", { ["values.name"] = f.token, ["values.network"] = R.vpc and R.vpc.token,
      ["values.direction"] = "INGRESS", ["values.priority"] = f.priority, ["values.disabled"] = false,
      ["values.allow.0.protocol"] = f.protocol, ["values.allow.0.ports.0"] = f.port }, rules)
  end
  if R.vm then
    local v = R.vm
    local rules = { ["values.name"] = rule_of(v) }
    local match = { ["values.name"] = v.token, ["values.zone"] = v.zone, ["values.machine_type"] = v.machine_type,
      ["values.metadata_startup_script"] = v.script }
    if v.networked and R.subnet then
      match["values.network_interface.0.subnetwork"] = R.subnet.token
      inherit(rules, "values.network_interface.0.subnetwork", R.subnet)
    end
    add("google_compute_instance", match, rules)
  end
  if R.bucket then
    add("google_storage_bucket", { ["values.name"] = R.bucket.token, ["values.location"] = R.bucket.location,
      ["values.storage_class"] = R.bucket.storage_class }, { ["values.name"] = rule_of(R.bucket) })
  end
  if R.object then
    local rules = { ["values.name"] = "exact_match" }
    inherit(rules, "values.bucket", R.bucket)
    add("google_storage_bucket_object", { ["values.name"] = R.object.token, ["values.bucket"] = R.bucket and R.bucket.token,
      ["values.content_type"] = "text/plain", ["values.content"] = R.object.content }, rules)
  end
  if R.repo then
    add("google_artifact_registry_repository", { ["values.repository_id"] = R.repo.token,
      ["values.location"] = R.repo.location, ["values.format"] = R.repo.format }, { ["values.repository_id"] = rule_of(R.repo) })
  end
  if R.topic then
    add("google_pubsub_topic", { ["values.name"] = R.topic.token, ["values.message_retention_duration"] = R.topic.retention },
      { ["values.name"] = rule_of(R.topic) })
  end
  if R.subscription then
    local s = R.subscription
    local rules = { ["values.name"] = rule_of(s) }
    inherit(rules, "values.topic", R.topic)
    add("google_pubsub_subscription", { ["values.name"] = s.token, ["values.topic"] = R.topic and R.topic.token,
      ["values.ack_deadline_seconds"] = s.ack, ["values.retain_acked_messages"] = s.retain == true,
      ["values.expiration_policy.0.ttl"] = s.ttl }, rules)
  end
  if R.dns then
    add("google_dns_managed_zone", { ["values.name"] = R.dns.token, ["values.dns_name"] = R.dns.dns_name },
      { ["values.name"] = rule_of(R.dns) })
  end
  if R.service_account then
    local a = R.service_account
    add("google_service_account", { ["values.account_id"] = a.token, ["values.display_name"] = a.display_name,
      ["values.description"] = a.description })
  end
  for kind, rtype in pairs { bucket_iam = "google_storage_bucket_iam_member", project_iam = "google_project_iam_member",
      sa_iam = "google_service_account_iam_member", secret_iam = "google_secret_manager_secret_iam_member" } do
    local m = R[kind]
    if m then
      local match = { ["values.role"] = m.role, ["values.member"] = member_of(m, plan) }
      if kind == "bucket_iam" then match["values.bucket"] = m.bucket_ref or (R.bucket and R.bucket.token) end
      if kind == "sa_iam" then match["values.service_account_id"] = m.sa_ref or (R.service_account and R.service_account.token) end
      if kind == "secret_iam" then match["values.secret_id"] = m.token end
      local rules = {}
      if kind == "bucket_iam" then inherit(rules, "values.bucket", R.bucket) end
      add(rtype, match, rules)
    end
  end
  if R.secret then
    add("google_secret_manager_secret", { ["values.secret_id"] = R.secret.token }, { ["values.secret_id"] = rule_of(R.secret) })
    if R.secret.secret_data then
      add("google_secret_manager_secret_version", { ["values.secret"] = R.secret.secret_ref or R.secret.token,
        ["values.secret_data"] = R.secret.secret_data }, {})
    end
  end
  if R.scheduler then
    local j = R.scheduler
    local match = { ["values.name"] = j.token, ["values.schedule"] = j.schedule }
    if j.topic_ref then match["values.pubsub_target.0.topic_name"] = j.topic_ref end
    if j.uri then match["values.http_target.0.uri"] = j.uri end
    add("google_cloud_scheduler_job", match, { ["values.name"] = rule_of(j) })
  end
  if R.custom_role then
    add("google_project_iam_custom_role", { ["values.role_id"] = R.custom_role.token,
      ["values.permissions.0"] = R.custom_role.permission }, {})
  end
  if R.log_sink then
    local k = R.log_sink
    add("google_logging_project_sink", { ["values.name"] = k.token, ["values.destination"] = k.destination,
      ["values.filter"] = k.filter }, { ["values.name"] = rule_of(k) })
  end
  if R.record_set then
    local rs = R.record_set
    add("google_dns_record_set", { ["values.name"] = rs.token, ["values.type"] = rs.type, ["values.ttl"] = rs.ttl,
      ["values.managed_zone"] = rs.zone_ref or (R.dns and R.dns.token), ["values.rrdatas"] = rs.rrdatas }, {})
  end
  return out
end

-- What `terraform apply` would leave in the state for this plan (the provider's computed self-links and ids
-- included), as terraform.parse_state() returns it. For dry runs and the self-score before apply.
function M.predict_state(plan, names, project)
  local R, p = plan.resources, project or "miner-project"
  local api = "https://www.googleapis.com/compute/v1/projects/" .. p
  local list = {}
  local function add(rtype, values) list[#list + 1] = { mode = "managed", type = rtype, name = rtype, instances = { { attributes = values } } } end
  local net_link = R.vpc and (api .. "/global/networks/" .. names.vpc) or (api .. "/global/networks/default")
  if R.vpc then add("google_compute_network", { name = names.vpc, auto_create_subnetworks = R.vpc.auto_create == true, self_link = net_link }) end
  local sub_link = R.subnet and ("%s/regions/%s/subnetworks/%s"):format(api, R.subnet.region, names.subnet)
  if R.subnet then add("google_compute_subnetwork", { name = names.subnet, region = R.subnet.region, ip_cidr_range = R.subnet.cidr, network = net_link, self_link = sub_link }) end
  if R.firewall then
    local f = R.firewall
    add("google_compute_firewall", { name = names.firewall, network = net_link, direction = "INGRESS", priority = f.priority,
      disabled = f.disabled == true, allow = json.array { { protocol = f.protocol, ports = json.array(f.port and { tostring(f.port) } or {}) } } })
  end
  if R.vm then
    local v = R.vm
    local nic = (v.networked and R.subnet) and { network = net_link, subnetwork = sub_link } or { network = api .. "/global/networks/default", subnetwork = "" }
    add("google_compute_instance", { name = names.vm, zone = v.zone, machine_type = v.machine_type,
      metadata_startup_script = v.script, network_interface = json.array { nic } })
    for tpl, name in pairs(names.vm_hedge or {}) do
      add("google_compute_instance", { name = name, zone = v.zone, machine_type = v.machine_type,
        metadata_startup_script = M.SCRIPT_TEMPLATES[tpl]:format(v.script_token), network_interface = json.array { nic } })
    end
  end
  if R.bucket then
    local function bucket(name)
      add("google_storage_bucket", { name = name, location = (R.bucket.location or ""):upper(), storage_class = R.bucket.storage_class })
    end
    bucket(names.bucket)
    if names.sink_bucket then bucket(names.sink_bucket) end
  end
  if R.object then add("google_storage_bucket_object", { name = names.object, bucket = names.bucket, content = R.object.content, content_type = "text/plain" }) end
  if R.repo then add("google_artifact_registry_repository", { repository_id = names.repo, location = R.repo.location, format = R.repo.format,
    name = ("projects/%s/locations/%s/repositories/%s"):format(p, R.repo.location, names.repo) }) end
  if R.topic then add("google_pubsub_topic", { name = names.topic, message_retention_duration = R.topic.retention }) end
  if R.subscription then
    local s = R.subscription
    add("google_pubsub_subscription", { name = names.subscription, topic = ("projects/%s/topics/%s"):format(p, names.topic or ""),
      ack_deadline_seconds = s.ack, retain_acked_messages = s.retain == true, expiration_policy = json.array { { ttl = s.ttl } } })
  end
  if R.dns then add("google_dns_managed_zone", { name = names.dns, dns_name = R.dns.dns_name }) end
  local sa_email = names.service_account and ("%s@%s.iam.gserviceaccount.com"):format(names.service_account, p)
  if R.service_account then
    add("google_service_account", { account_id = names.service_account, display_name = R.service_account.display_name,
      description = R.service_account.description, email = sa_email, name = "projects/" .. p .. "/serviceAccounts/" .. tostring(sa_email) })
  end
  if R.bucket_iam then add("google_storage_bucket_iam_member", { bucket = "b/" .. (names.bucket or R.bucket_iam.bucket_ref or ""),
    role = R.bucket_iam.role, member = member_of(R.bucket_iam, plan) }) end
  if R.project_iam then add("google_project_iam_member", { project = p, role = R.project_iam.role, member = member_of(R.project_iam, plan) }) end
  if R.sa_iam then add("google_service_account_iam_member", { service_account_id = "projects/" .. p .. "/serviceAccounts/" .. tostring(sa_email or R.sa_iam.sa_ref),
    role = R.sa_iam.role, member = member_of(R.sa_iam, plan) }) end
  if R.secret then
    add("google_secret_manager_secret", { secret_id = names.secret, name = ("projects/%s/secrets/%s"):format(p, names.secret) })
    if R.secret.secret_data then add("google_secret_manager_secret_version", { secret = ("projects/%s/secrets/%s"):format(p, names.secret),
      secret_data = R.secret.secret_data }) end
  end
  if R.secret_iam then add("google_secret_manager_secret_iam_member", { secret_id = ("projects/%s/secrets/%s"):format(p, names.secret or R.secret_iam.token),
    role = R.secret_iam.role, member = member_of(R.secret_iam, plan) }) end
  if R.scheduler then
    local j = R.scheduler
    local v = { name = names.scheduler, schedule = j.schedule }
    if j.topic_ref or (R.topic and not j.uri) then v.pubsub_target = json.array { { topic_name = ("projects/%s/topics/%s"):format(p, names.topic or j.topic_ref) } }
    else v.http_target = json.array { { uri = j.uri } } end
    add("google_cloud_scheduler_job", v)
  end
  if R.custom_role then add("google_project_iam_custom_role", { role_id = names.custom_role, permissions = json.array { R.custom_role.permission } }) end
  if R.log_sink then
    local own_sink_bucket = names.sink_bucket or names.bucket
    add("google_logging_project_sink", { name = names.log_sink, filter = R.log_sink.filter,
      destination = R.bucket and own_sink_bucket and ("storage.googleapis.com/" .. own_sink_bucket) or R.log_sink.destination })
  end
  if R.record_set then
    local rs = R.record_set
    add("google_dns_record_set", { name = rs.token, type = rs.type, ttl = rs.ttl, managed_zone = names.dns or rs.zone_ref,
      rrdatas = json.array(rs.rrdatas or {}) })
  end
  return { version = 4, terraform_version = "1.14.0", resources = list }
end

return M
