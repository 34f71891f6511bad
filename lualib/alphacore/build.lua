-- TaskPlan -> names, Terraform resources, the invariants the validator will check, and a predicted state.
local hcl = require "hcl"
local crypto = require "crypto"
local json = require "json"

local M = {}

local B, ref = hcl.block, hcl.ref

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
  return n
end

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
      source_ranges = { "0.0.0.0/0" },
      B("allow", {}, { protocol = f.protocol, ports = f.port and { tostring(f.port) } or nil }) })
  end
  if R.vm then
    local v = R.vm
    local nic = (v.networked and R.subnet) and { subnetwork = ref("google_compute_subnetwork.sub.id") }
      or { network = "default" }
    ws:resource("google_compute_instance", "vm", { name = names.vm, zone = v.zone, machine_type = v.machine_type,
      metadata_startup_script = v.script,
      B("boot_disk", {}, { B("initialize_params", {}, { image = "debian-cloud/debian-12" }) }),
      B("network_interface", {}, nic) })
  end
  if R.bucket then
    ws:resource("google_storage_bucket", "b", { name = names.bucket, location = R.bucket.location,
      storage_class = R.bucket.storage_class, force_destroy = true, uniform_bucket_level_access = true })
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
    ws:resource("google_pubsub_subscription", "s", { name = names.subscription,
      topic = R.topic and ref("google_pubsub_topic.t.id") or nil, ack_deadline_seconds = s.ack,
      retain_acked_messages = s.retain == true, B("expiration_policy", {}, { ttl = s.ttl }) })
  end
  if R.dns then
    ws:resource("google_dns_managed_zone", "z", { name = names.dns, dns_name = R.dns.dns_name, force_destroy = true })
  end
end

local function rule_of(r)
  if r.rule == "flexible" then return "starts_with" end
  return r.rule or "exact_match"
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
  end
  if R.bucket then add("google_storage_bucket", { name = names.bucket, location = (R.bucket.location or ""):upper(), storage_class = R.bucket.storage_class }) end
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
  return { version = 4, terraform_version = "1.14.0", resources = list }
end

return M
