-- The validator's scoring, re-implemented (spec §4.5-4.6, vectors §7.3): a state scores passed/total over the
-- task's invariants; an invariant passes if ANY managed instance of its type passes all its fields.
-- validate.score(state, invariants) -> score, passed, total, details
local json = require "json"
local terraform = require "terraform"

local M = {}

local function is_empty(v) return v == nil or v == json.null or v == "" end
local function str(v) if v == nil or v == json.null then return nil end return tostring(v) end
local function basename(s) return s:match("([^/]*)$") end

-- _matches_ref: equal; {project_id} placeholder; last segments equal (case-insensitive); "/"+expected inside.
function M.matches_ref(actual, expected)
  actual, expected = str(actual), str(expected)
  if actual == nil or expected == nil then return actual == expected end
  if actual == expected then return true end
  local pre, post = expected:match("^(.-){project_id}(.*)$")
  if pre and actual:sub(1, #pre) == pre and actual:sub(-#post) == post then return true end
  if basename(actual):lower() == basename(expected):lower() then return true end
  if actual:sub(-(#expected + 1)) == "/" .. expected or actual:find("/" .. expected, 1, true) then return true end
  if expected:sub(-(#actual + 1)) == "/" .. actual or expected:find("/" .. actual, 1, true) then return true end
  return false
end

-- _apply_comparison_rule
function M.apply_rule(actual, expected, rule)
  if is_empty(actual) or is_empty(expected) then
    return (actual == json.null and nil or actual) == (expected == json.null and nil or expected)
  end
  actual, expected = tostring(actual), tostring(expected)
  if rule == "starts_with" then
    if actual:sub(1, #expected) == expected and #actual > #expected then return true end
    local b = basename(actual)
    return b ~= actual and b:sub(1, #expected) == expected and #b > #expected
  elseif rule == "ends_with" then
    if actual:sub(-#expected) == expected and #actual > #expected then return true end
    local b = basename(actual)
    return b ~= actual and b:sub(-#expected) == expected and #b > #expected
  end
  return actual == expected or actual:lower() == expected:lower() or M.matches_ref(actual, expected)
end

-- _matches_name (used when a name field has no rule)
local function matches_name(actual, expected)
  actual, expected = str(actual), str(expected)
  if actual == nil or expected == nil then return actual == expected end
  if actual == expected or actual:lower() == expected:lower() then return true end
  if #expected < #actual and actual:sub(1, #expected) == expected then return true end
  if basename(actual):lower() == expected:lower() then return true end
  return M.matches_ref(actual, expected)
end

local function ieq(a, b)
  a, b = str(a), str(b)
  if a == nil or b == nil then return a == b end
  return a:lower() == b:lower()
end

local function plain_eq(a, b)
  if a == json.null then a = nil end
  if b == json.null then b = nil end
  if type(a) == "number" and type(b) == "number" then return a == b end
  return a == b
end

local function normalise_script(s)
  s = tostring(s or ""):gsub("\r\n", "\n"):gsub("\r", "\n")
  local lines = {}
  for line in (s .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = (line:gsub("%s+$", "")) end
  return (table.concat(lines, "\n"):gsub("%s+$", ""))
end

local function name_check(values, path, expected, rule)
  local actual = terraform.get_path(values, path)
  if rule then return M.apply_rule(actual, expected, rule) end
  return matches_name(actual, expected)
end

-- Field check for one resource type; returns true/false.
local function check_field(rtype, values, path, expected, rule)
  local get = function(p) return terraform.get_path(values, p) end
  local field = path:match("([^.]+)$")
  if path == "name" or path == "repository_id" or path == "secret_id" then
    return name_check(values, path, expected, rule)
  end
  if rtype == "google_compute_subnetwork" then
    if path == "network" then return M.matches_ref(get(path), expected) end
    if path == "region" then return ieq(get(path), expected) end
  elseif rtype == "google_compute_firewall" then
    if path == "network" then return M.matches_ref(get(path), expected) end
    if path == "direction" then return ieq(get(path), expected) end
    local want_port = path:match("^allow%.%d+%.ports%.%d+$")
    if path:match("^allow%.%d+%.protocol$") or want_port then return nil end -- handled as a group below
  elseif rtype == "google_compute_instance" then
    if path == "machine_type" then return M.matches_ref(get(path), expected) or ieq(get(path), expected) end
    if field == "subnetwork" or field == "network" then
      local actual = get(path)
      if is_empty(actual) then actual = get("network_interface.0." .. field) end
      if rule then return M.apply_rule(actual, expected, rule) end
      return M.matches_ref(actual, expected)
    end
    if path == "metadata_startup_script" then return normalise_script(get(path)) == normalise_script(expected) end
  elseif rtype == "google_storage_bucket" then
    if path == "storage_class" or path == "location" then return ieq(get(path), expected) end
  elseif rtype == "google_storage_bucket_object" then
    -- (the validator also accepts md5hash == base64(md5(content)); our states always carry content)
    if path == "content" then return plain_eq(get(path), expected) end
    if path == "bucket" then
      if rule then return M.apply_rule(get(path), expected, rule) end
      return M.matches_ref(get(path), expected)
    end
  elseif rtype == "google_artifact_registry_repository" then
    if path == "format" or path == "location" then return ieq(get(path), expected) end
  elseif rtype == "google_pubsub_subscription" then
    if path == "topic" then
      if rule then return M.apply_rule(get(path), expected, rule) end
      return M.matches_ref(get(path), expected)
    end
    if field == "ttl" then
      local actual = get("expiration_policy.ttl")
      if actual == nil then actual = get("expiration_policy.0.ttl") end
      return plain_eq(actual, expected)
    end
    if path == "retain_acked_messages" then
      local a = get(path)
      if a == nil or a == json.null then a = false end
      return a == expected
    end
  elseif rtype == "google_dns_managed_zone" then
    if path == "dns_name" then
      local a, e = str(get(path)), str(expected)
      if a == nil or e == nil then return a == e end
      return a:lower():gsub("%.$", "") == e:lower():gsub("%.$", "")
    end
    if path == "visibility" then return ieq(get(path), expected) end
  elseif rtype == "google_pubsub_topic" then
    if path == "retain_acked_messages" and get(path) == nil then return true end
  elseif rtype:match("_iam_member$") then
    if path == "member" then
      local a, e = str(get(path)), str(expected)
      return a ~= nil and e ~= nil and a:lower():find(e:lower(), 1, true) ~= nil
    end
    if path == "service_account_id" then
      local a, e = str(get(path)), str(expected)
      return (a ~= nil and e ~= nil and a:find(e, 1, true) ~= nil) or M.matches_ref(a, e)
    end
  elseif rtype == "google_dns_record_set" and path == "rrdatas" then
    local function sorted(list)
      local out = {}
      for i, v in ipairs(type(list) == "table" and list or {}) do out[i] = tostring(v) end
      table.sort(out)
      return table.concat(out, "\0")
    end
    return sorted(get(path)) == sorted(expected)
  elseif rtype == "google_cloud_scheduler_job" and field == "topic_name" then
    return M.matches_ref(get(path), expected)
  elseif rtype == "google_secret_manager_secret_version" then
    if path == "secret" then return M.matches_ref(get(path), expected) end
    if path == "secret_data" then
      local a = get(path)
      return plain_eq(a, expected) or (a ~= nil and require("crypto").base64(tostring(expected)) == a)
    end
  elseif rtype == "google_project_iam_custom_role" and path:match("^permissions%.%d+$") then
    for _, p in ipairs(get("permissions") or {}) do if p == expected then return true end end
    return false
  end
  if rtype:match("_iam_member$") or (not rtype:match("^google_compute_") and not rtype:match("^google_storage_")
    and not rtype:match("^google_pubsub_") and not rtype:match("^google_dns_managed_zone$") and not rtype:match("^google_artifact_")) then
    return M.apply_rule(get(path), expected, rule or "exact_match")
  end
  if rule then return M.apply_rule(get(path), expected, rule) end
  return plain_eq(get(path), expected)
end

-- Firewall allow: any allow[] block with protocol == expected (case-sensitive) and, if a port is expected,
-- str(port) in that block's ports.
local function firewall_allow_ok(values, match)
  local protocol, port
  for path, v in pairs(match) do
    local p = path:gsub("^values%.", "")
    if p:match("^allow%.%d+%.protocol$") then protocol = v end
    if p:match("^allow%.%d+%.ports%.%d+$") then port = tostring(v) end
  end
  if protocol == nil then return true end
  for _, blk in ipairs(values.allow or {}) do
    if blk.protocol == protocol then
      if not port then return true end
      for _, p in ipairs(blk.ports or {}) do if tostring(p) == port then return true end end
    end
  end
  return false
end

-- One candidate against one invariant: true, or false + the first failing path.
function M.check_resource(rtype, values, inv)
  local rules = inv.comparison_rule or {}
  for path, expected in pairs(inv.match or {}) do
    local p = path:gsub("^values%.", "")
    local ok = check_field(rtype, values, p, expected, rules[path])
    if ok == false then return false, path end
  end
  if rtype == "google_compute_firewall" and not firewall_allow_ok(values, inv.match or {}) then
    return false, "values.allow"
  end
  return true
end

-- state: terraform.parse_state() result. Returns score, passed, total, details.
function M.score(state, invariants)
  local passed, details = 0, {}
  for i, inv in ipairs(invariants) do
    local candidates = state.by_type[inv.resource_type] or {}
    local ok, why = false, #candidates == 0 and ("No resources of type " .. inv.resource_type .. " found") or nil
    for _, cand in ipairs(candidates) do
      local good, path = M.check_resource(inv.resource_type, cand.values, inv)
      if good then ok, why = true, nil break end
      why = ("%s.%s: %s mismatch"):format(inv.resource_type, cand.name, path)
    end
    if ok then passed = passed + 1 end
    details[i] = { resource_type = inv.resource_type, ok = ok, why = why }
  end
  local total = #invariants
  return total > 0 and passed / total or 0, passed, total, details
end

return M
