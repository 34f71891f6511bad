-- The plan checker: every resource block is held, before anything is written, to the google provider's
-- schema at the validator's version (provider/google-7.12.0-schema.json: what `terraform validate`/`plan`
-- enforce) and to the rules the GCP API applies at create (gcp.lua). A resource that fails either would sink
-- the whole `terraform plan` or fail at apply, so the solver drops it rather than ship it.
--   check.resource(rtype, body) -> list of problems {path=, why=} (empty: fine)
--   check.blocks(blocks) -> {[i] = problems} for a workspace's resource blocks
local hcl = require "hcl"
local json = require "json"
local fs = require "fs"
local gcp = require "alphacore.gcp"

local M = {}

M.SCHEMA_FILE = "provider/google-7.12.0-schema.json"

local schema_cache

-- The schema, loaded once per generation from beside this file.
function M.schema()
  if schema_cache then return schema_cache end
  local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
  local text = assert(fs.read(here .. M.SCHEMA_FILE), "provider schema missing: " .. here .. M.SCHEMA_FILE)
  schema_cache = assert(json.decode(text))
  return schema_cache
end

local function is_expr(v)
  return type(v) == "table" and not hcl.is_block(v) and type(rawget(v, "expr")) == "string"
end

local function problem(out, path, fmt, ...) out[#out + 1] = { path = path, why = fmt:format(...) } end

-- ---- value types ----

local function check_type(out, path, a, v)
  if is_expr(v) then return end -- a reference: its type is the referenced attribute's, known at plan
  local t = a.type
  if t == "string" then
    if type(v) ~= "string" then problem(out, path, "expects a string, got %s", type(v)) end
  elseif t == "number" then
    if type(v) ~= "number" then problem(out, path, "expects a number, got %s", type(v)) end
  elseif t == "bool" then
    if type(v) ~= "boolean" then problem(out, path, "expects a bool, got %s", type(v)) end
  elseif t == "list" or t == "set" then
    if type(v) ~= "table" or hcl.is_block(v) then problem(out, path, "expects a %s", t) return end
    for i, e in ipairs(v) do check_type(out, ("%s.%d"):format(path, i - 1), { type = a.elem_type }, e) end
    if a.max_items and a.max_items > 0 and #v > a.max_items then
      problem(out, path, "at most %d items", a.max_items)
    end
  elseif t == "map" then
    if type(v) ~= "table" or hcl.is_block(v) then problem(out, path, "expects a map") end
  end
end

-- ---- the provider's validators that matter for what a task can set ----

local function in_list(v, list)
  for _, x in ipairs(list) do if x == v then return true end end
  return false
end

local function check_validator(out, path, a, v)
  if is_expr(v) or v == nil then return end
  if a.enum and type(v) == "string" and not in_list(v, a.enum) then
    problem(out, path, "%q is not one of %s", v, table.concat(a.enum, ", "))
  end
  local val = a.validate
  if type(val) ~= "string" then return end
  if val == "verify.ValidateGCEName" then
    if not gcp.rfc1035(v, 63) then problem(out, path, "%q is not a GCE name ([a-z]([-a-z0-9]*[a-z0-9])?, <= 63)", tostring(v)) end
  elseif val:match("^verify%.ValidateRFC1035Name") then
    local lo, hi = val:match("%((%d+),%s*(%d+)%)")
    lo, hi = tonumber(lo), tonumber(hi)
    local s = tostring(v)
    if not (gcp.rfc1035(s, hi) and #s >= lo) then problem(out, path, "%q is not an RFC 1035 name of %d-%d characters", s, lo, hi) end
  elseif val:match("^validation%.IntBetween") then
    local lo, hi = val:match("%((%-?%d+),%s*(%-?%d+)%)")
    if type(v) ~= "number" or v < tonumber(lo) or v > tonumber(hi) or math.type(v) ~= "integer" then
      problem(out, path, "%s is not an integer in [%s, %s]", tostring(v), lo, hi)
    end
  elseif val:match("^validation%.IntAtLeast") then
    local lo = tonumber(val:match("%((%-?%d+)%)"))
    if type(v) ~= "number" or v < lo then problem(out, path, "%s is below %d", tostring(v), lo) end
  elseif val:match("^validation%.StringInSlice") or val:match("^verify%.ValidateEnum") then
    local list = {}
    for s in val:gmatch('"([^"]*)"') do list[#list + 1] = s end
    local ci = val:match(",%s*true%)%s*$") ~= nil
    local probe = ci and tostring(v):lower() or tostring(v)
    local ok = false
    for _, s in ipairs(list) do ok = ok or (ci and s:lower() or s) == probe end
    if not ok then problem(out, path, "%q is not one of %s", tostring(v), table.concat(list, ", ")) end
  elseif val:match("^validation%.StringLenBetween") then
    local lo, hi = val:match("%((%d+),%s*(%d+)%)")
    if #tostring(v) < tonumber(lo) or #tostring(v) > tonumber(hi) then
      problem(out, path, "length must be %s-%s", lo, hi)
    end
  elseif val == "validation.StringIsNotEmpty" then
    if v == "" then problem(out, path, "must not be empty") end
  elseif val == "verify.ValidateIpCidrRange" then
    if not tostring(v):match("^%d+%.%d+%.%d+%.%d+/%d+$") and not tostring(v):find(":", 1, true) then
      problem(out, path, "%q is not a CIDR range", tostring(v))
    end
  elseif val == "verify.ValidateIAMCustomRoleID" then
    if not tostring(v):match("^[%w%_%.]+$") or #tostring(v) < 3 or #tostring(v) > 64 then
      problem(out, path, "%q is not a custom role id ([a-zA-Z0-9_.]{3,64})", tostring(v))
    end
  elseif val == "verify.ValidateNonNegativeDuration()" then
    if not gcp.duration_seconds(v) then problem(out, path, "%q is not a duration like 600s", tostring(v)) end
  end
end

-- ---- bodies ----

-- Is the attribute or block named by a constraint path ("allow", "boot_disk.0.source") set?
local function present(root, name)
  local node = root
  for seg in name:gmatch("[^%.]+") do
    if not seg:match("^%d+$") then
      if type(node) ~= "table" then return false end
      local found = node[seg]
      if found == nil then
        for _, child in ipairs(node) do
          if hcl.is_block(child) and child.type == seg then found = child.body break end
        end
      end
      if found == nil then return false end
      node = found
    end
  end
  return true
end

local check_body

local function check_constraints(out, path, spec, name, root)
  for _, other in ipairs(spec.conflicts_with or {}) do
    if present(root, other) then problem(out, path, "conflicts with %s", other) end
  end
end

function check_body(out, path, block_schema, body, root)
  local attrs, blocks = block_schema.attributes or {}, block_schema.blocks or {}
  -- attributes
  for k, v in pairs(body) do
    if type(k) == "string" and k ~= "__order" then
      local p = path == "" and k or (path .. "." .. k)
      local a = attrs[k]
      if not a then
        if blocks[k] then problem(out, p, "%s is a block, written as an attribute", k)
        else problem(out, p, "unknown attribute %s", k) end
      elseif a.computed and not a.optional and not a.required then
        problem(out, p, "%s is computed and cannot be set", k)
      else
        check_type(out, p, a, v)
        check_validator(out, p, a, v)
        check_constraints(out, p, a, k, root)
      end
    end
  end
  for k, a in pairs(attrs) do
    if a.required and body[k] == nil then
      problem(out, path == "" and k or (path .. "." .. k), "required attribute %s is missing", k)
    end
  end
  -- nested blocks
  local counts = {}
  for _, child in ipairs(body) do
    if hcl.is_block(child) then
      local name = child.type
      local p = path == "" and name or (path .. "." .. name)
      local bs = blocks[name]
      if not bs then
        if attrs[name] then problem(out, p, "%s is an attribute, written as a block", name)
        else problem(out, p, "unknown block %s", name) end
      else
        counts[name] = (counts[name] or 0) + 1
        check_body(out, p, bs.block or {}, child.body or {}, root)
        check_constraints(out, p, bs, name, root)
      end
    end
  end
  for name, bs in pairs(blocks) do
    local n = counts[name] or 0
    local p = path == "" and name or (path .. "." .. name)
    if (bs.min_items or 0) > 0 and n < bs.min_items then problem(out, p, "needs at least %d %s block(s)", bs.min_items, name) end
    if (bs.max_items or 0) > 0 and n > bs.max_items then problem(out, p, "at most %d %s block(s)", bs.max_items, name) end
    if bs.nesting == "single" and n > 1 then problem(out, p, "at most one %s block", name) end
  end
  -- exactly_one_of groups (declared on each member; checked once per group)
  -- (the provider lists the group on each member, with or without the member itself; checked once per group)
  local seen = {}
  local function one_of(name, spec)
    if not spec.exactly_one_of then return end
    local group, has = {}, {}
    for _, g in ipairs(spec.exactly_one_of) do
      local short = g:gsub("^.*%.", "")
      if not has[short] then group[#group + 1], has[short] = g, true end
    end
    if not has[name] then group[#group + 1] = (path == "" and name or (path .. ".0." .. name)) has[name] = true end
    local keys = {}
    for k in pairs(has) do keys[#keys + 1] = k end
    table.sort(keys)
    local key = table.concat(keys, ",")
    if seen[key] then return end
    seen[key] = true
    local n = 0
    for _, g in ipairs(group) do if present(root, g) then n = n + 1 end end
    if n ~= 1 then problem(out, path == "" and key or path, "exactly one of %s must be set (%d are)", key, n) end
  end
  for name, a in pairs(attrs) do one_of(name, a) end
  for name, b in pairs(blocks) do one_of(name, b) end
end

-- ---- the API's own rules, per resource type ----

local API = {}

-- A string attribute held to one of gcp.lua's rules (a function returning nil or why).
local function gcp_rule(out, body, key, rule)
  if type(body[key]) ~= "string" then return end
  local why = rule(body[key])
  if why then problem(out, key, "%s", why) end
end

local function name_rule(out, body, key, max)
  local v = body[key]
  if type(v) == "string" and not gcp.rfc1035(v, max) then
    problem(out, key, "%q is not a valid name ([a-z]([-a-z0-9]*[a-z0-9])?, <= %d)", v, max)
  end
end

API.google_compute_network = function(out, b) name_rule(out, b, "name", 63) end
API.google_compute_firewall = function(out, b)
  name_rule(out, b, "name", 63)
  for _, child in ipairs(b) do
    if hcl.is_block(child) and (child.type == "allow" or child.type == "deny") then
      local proto = child.body.protocol
      if type(proto) == "string" and not (proto:match("^%d+$") or in_list(proto:lower(),
          { "tcp", "udp", "icmp", "esp", "ah", "sctp", "ipip", "all" })) then
        problem(out, child.type .. ".protocol", "%q is not an IP protocol", proto)
      end
      for _, port in ipairs(type(child.body.ports) == "table" and child.body.ports or {}) do
        local lo, hi = tostring(port):match("^(%d+)%-?(%d*)$")
        if not lo or tonumber(lo) > 65535 or (hi ~= "" and tonumber(hi) > 65535) then
          problem(out, child.type .. ".ports", "%q is not a port or range", tostring(port))
        end
      end
      if proto == "icmp" and child.body.ports then problem(out, child.type .. ".ports", "icmp takes no ports") end
    end
  end
end
API.google_compute_subnetwork = function(out, b)
  name_rule(out, b, "name", 63)
  if type(b.region) == "string" and not gcp.is_region(b.region) then problem(out, "region", "%q is not a GCP region", b.region) end
  gcp_rule(out, b, "ip_cidr_range", gcp.cidr_problem)
end
API.google_compute_instance = function(out, b)
  name_rule(out, b, "name", 63)
  if type(b.zone) == "string" and not gcp.is_zone(b.zone) then problem(out, "zone", "%q is not a GCP zone", b.zone) end
  if b.zone == nil then problem(out, "zone", "an instance needs a zone (the provider has no default here)") end
  if type(b.machine_type) == "string" then
    local why = gcp.machine_type_problem(b.machine_type, b.zone)
    if why then problem(out, "machine_type", "%s", why) end
  end
end
API.google_storage_bucket = function(out, b)
  gcp_rule(out, b, "name", gcp.bucket_name_problem)
  local loc = b.location
  if type(loc) == "string" and not (gcp.is_region(loc:lower()) or gcp.BUCKET_MULTI[loc:upper()]) then
    problem(out, "location", "%q is not a Cloud Storage location", loc)
  end
  local sc = b.storage_class
  if type(sc) == "string" and not in_list(sc:upper(), { "STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE", "MULTI_REGIONAL",
      "REGIONAL", "DURABLE_REDUCED_AVAILABILITY" }) then
    problem(out, "storage_class", "%q is not a storage class", sc)
  end
end
API.google_storage_bucket_object = function(out, b)
  if type(b.name) == "string" and (#b.name < 1 or #b.name > 1024) then problem(out, "name", "object names are 1-1024 bytes") end
end
API.google_artifact_registry_repository = function(out, b)
  name_rule(out, b, "repository_id", 63)
  local loc = b.location
  if type(loc) == "string" and not (gcp.is_region(loc) or gcp.REPO_MULTI[loc]) then
    problem(out, "location", "%q is not an Artifact Registry location", loc)
  end
  if type(b.format) == "string" and not in_list(b.format:upper(), { "DOCKER", "MAVEN", "NPM", "PYTHON", "APT", "YUM", "GO",
      "KFP", "GENERIC" }) then
    problem(out, "format", "%q is not a repository format", b.format)
  end
end
local function retention_rule(out, key, v)
  if v == nil or is_expr(v) then return end
  local s = gcp.duration_seconds(v)
  if not s then problem(out, key, "%q is not a duration like 600s", tostring(v))
  elseif s < 600 or s > 31 * 86400 then problem(out, key, "%s is outside 10 minutes to 31 days", tostring(v)) end
end
API.google_pubsub_topic = function(out, b)
  gcp_rule(out, b, "name", gcp.pubsub_name_problem)
  retention_rule(out, "message_retention_duration", b.message_retention_duration)
end
API.google_pubsub_subscription = function(out, b)
  gcp_rule(out, b, "name", gcp.pubsub_name_problem)
  local ack = b.ack_deadline_seconds
  if type(ack) == "number" and (ack < 10 or ack > 600) then problem(out, "ack_deadline_seconds", "%d is outside 10-600", ack) end
  local retention = b.message_retention_duration
  if retention ~= nil then
    local s = gcp.duration_seconds(retention)
    if not s or s < 600 or s > 7 * 86400 then problem(out, "message_retention_duration", "%s is outside 10 minutes to 7 days", tostring(retention)) end
  end
  for _, child in ipairs(b) do
    if hcl.is_block(child) and child.type == "expiration_policy" and child.body.ttl and child.body.ttl ~= "" then
      local ttl = gcp.duration_seconds(child.body.ttl)
      local keep = gcp.duration_seconds(retention or "604800s")
      if not ttl then problem(out, "expiration_policy.ttl", "%q is not a duration", tostring(child.body.ttl))
      elseif ttl < 86400 then problem(out, "expiration_policy.ttl", "must be at least 1 day")
      elseif keep and ttl < keep then problem(out, "expiration_policy.ttl", "shorter than the message retention (%s)", tostring(retention or "604800s")) end
    end
  end
end
API.google_dns_managed_zone = function(out, b)
  name_rule(out, b, "name", 63)
  if type(b.dns_name) == "string" and not b.dns_name:match("^[%w%-%.]+%.$") then
    problem(out, "dns_name", "%q must be a domain ending with a dot", b.dns_name)
  end
end

-- Problems of one resource: schema first (what `terraform plan` refuses), then the API's rules.
function M.resource(rtype, body)
  local out = {}
  local spec = M.schema()[rtype]
  if not spec then
    problem(out, "", "unknown resource type %s", tostring(rtype))
    return out
  end
  check_body(out, "", spec.block, body, body)
  if API[rtype] then API[rtype](out, body) end
  return out
end

-- Problems of every resource block in a list (a workspace's blocks): {[index] = problems} for the failing ones.
function M.blocks(blocks)
  local failing = {}
  for i, b in ipairs(blocks) do
    if b.type == "resource" then
      local problems = M.resource(b.labels[1], b.body)
      if #problems > 0 then failing[i] = problems end
    end
  end
  return failing
end

function M.describe(problems)
  local parts = {}
  for _, p in ipairs(problems) do parts[#parts + 1] = (p.path ~= "" and (p.path .. ": ") or "") .. p.why end
  return table.concat(parts, "; ")
end

return M
