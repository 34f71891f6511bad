-- Prompt -> TaskPlan for the AlphaCore task families (spec §3, §6.2 steps 3-4).
-- Two readers share one plan:
--  * the field list of generator prompts ("... (no extra resources). name ends with "x", ... Submit ...")
--    groups each invariant's fields (fields of one resource are joined by ", ", resources by a bare space);
--  * free text (LLM paraphrases): closed-domain values by pattern, names by the nearest resource keyword.
-- Every value in the plan occurs in the prompt; anything guessed is listed in plan.ambiguities.
local reader = require "alphacore.reader"

local M = {}

M.SCRIPT_TEMPLATES = reader.SCRIPT_TEMPLATES -- the generator's three startup scripts (spec §3.3)

M.KINDS = { "vpc", "subnet", "firewall", "vm", "bucket", "object", "repo", "topic", "subscription", "dns",
  -- second tier (spec §3.4: templates the live config does not dispatch yet)
  "service_account", "bucket_iam", "project_iam", "sa_iam", "secret", "secret_iam", "scheduler", "custom_role",
  "log_sink", "record_set" }

local NUMBER_WORDS = { zero = 0, one = 1, two = 2, three = 3, four = 4, five = 5, six = 6, seven = 7, eight = 8,
  nine = 9, ten = 10, eleven = 11, twelve = 12, thirteen = 13, fourteen = 14, fifteen = 15, sixteen = 16,
  seventeen = 17, eighteen = 18, nineteen = 19, twenty = 20, thirty = 30, sixty = 60 }

local TRUE_WORDS = { ["true"] = true, yes = true, enabled = true, on = true, enable = true }
local FALSE_WORDS = { ["false"] = true, no = true, disabled = true, off = true, disable = true }

local SUBNET_REGIONS = { "us-central1", "us-east1", "europe-west1" }
local LOCATIONS = { "us-central1", "us-east1", "us-west1", "europe-west1", "asia-southeast1" }

-- ---- text helpers ----

function M.normalize(prompt)
  local s = tostring(prompt or "")
  s = s:gsub("\\[nrt]", " ")
  s = s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
  s = s:gsub("#?!/bin/bash", "#!/bin/bash")
  return s
end

local function find_all(text, pattern, plain)
  local out, init = {}, 1
  while true do
    local s, e, c1, c2 = text:find(pattern, init, plain)
    if not s then return out end
    out[#out + 1] = { s = s, e = e, c1 = c1, c2 = c2 }
    init = e + 1
  end
end

-- Word-bounded search where '-' counts as part of a word (so "us-east1" does not hide "east1").
local function word_pattern(p) return "%f[%w%-]" .. p .. "%f[^%w%-]" end

local function first_value(lower, candidates)
  local best, best_pos
  for _, v in ipairs(candidates) do
    local s = lower:find(word_pattern(v:gsub("%-", "%%-")))
    if s and (not best_pos or s < best_pos) then best, best_pos = v, s end
  end
  return best, best_pos
end

-- The candidate value nearest to position pos (by distance), among those occurring in lower.
local function nearest_value(lower, candidates, pos, exclude)
  local best, dist
  for _, v in ipairs(candidates) do
    if not (exclude and exclude[v]) then
      for _, m in ipairs(find_all(lower, word_pattern(v:gsub("%-", "%%-")))) do
        local d = math.abs(m.s - pos)
        if not dist or d < dist then best, dist = v, d end
      end
    end
  end
  return best, dist
end

-- The value a resource's own words give: the first candidate after its name (within the same stretch of
-- text), else the nearest one to the name, else the nearest to the resource's keyword.
local function value_for(lower, candidates, token, keyword, exclude)
  local pos = token and lower:find(word_pattern(token:gsub("%-", "%%-")))
  if pos then
    local best, best_s
    for _, v in ipairs(candidates) do
      if not (exclude and exclude[v]) then
        local s = lower:find(word_pattern(v:gsub("%-", "%%-")), pos)
        if s and s - pos < 90 and (not best_s or s < best_s) then best, best_s = v, s end
      end
    end
    if best then return best end
    return (nearest_value(lower, candidates, pos, exclude))
  end
  return (nearest_value(lower, candidates, keyword and lower:find(keyword, 1, true) or 1, exclude))
end

local function parse_bool(v)
  v = tostring(v):lower()
  if TRUE_WORDS[v] then return true end
  if FALSE_WORDS[v] then return false end
  return nil
end

local function parse_int(v)
  v = tostring(v):lower():gsub("s$", "")
  return math.tointeger(tonumber(v)) or NUMBER_WORDS[v]
end

-- ---- the plan ----

local function new_plan(prompt)
  return { prompt = prompt, resources = {}, ambiguities = {}, validator = nil }
end

local function res(plan, kind)
  local r = plan.resources[kind]
  if not r then
    r = { kind = kind }
    plan.resources[kind] = r
  end
  return r
end

local function note(plan, fmt, ...) plan.ambiguities[#plan.ambiguities + 1] = fmt:format(...) end

-- ---- closed-domain values found anywhere ----

local function script_info(plan, norm, lower)
  local token = lower:match("%f[%w](%x%x%x%x%x%x%-%x%x%x%x%x%x%-net)%f[^%w%-]")
    or lower:match("%f[%w](%x%x%x%x%x%x%-%x%x%x%x%x%x)%f[^%w%-]")
  if not token then return nil end
  local template
  if lower:find("pipefail", 1, true) then template = "T1"
  elseif lower:find("printf", 1, true) then template = "T2"
  elseif lower:find("/usr/bin/env", 1, true) then template = "T3"
  else
    template = "T1"
    note(plan, "startup script template not stated; using T1 (set -euo pipefail) for token %s", token)
  end
  return token, template
end

-- The grant sentence's principal, else the first address in the prompt. Linear: an unanchored pattern with a
-- leading character class would retry at every position of a long prompt.
local function validator_principal(norm)
  if not norm:find("@", 1, true) then return nil end
  local email = norm:match("[Gg]rant (%S+@%S+) viewer access")
  local pos = 1
  while not email do
    local at = norm:find("@", pos, true)
    if not at then break end
    local s = at
    while s > 1 and s > at - 128 and norm:sub(s - 1, s - 1):match("[%w%._%%+%-]") do s = s - 1 end
    local _, e = norm:find("^[%w%.%-]+%.[%a][%a]+", at + 1)
    if s < at and e then email = norm:sub(s, e) end
    pos = at + 1
  end
  if email then email = email:gsub("[%.,;:]+$", "") end
  return email
end

-- ---- reader 1: the generator's field list ----

local FIELD_KIND = {
  ["repository id"] = "repo", format = "repo",
  ["auto create subnetworks"] = "vpc",
  ["storage class"] = "bucket",
  ["ip cidr range"] = "subnet",
  direction = "firewall", priority = "firewall", protocol = "firewall", ports = "firewall", disabled = "firewall",
  content = "object", ["content type"] = "object", bucket = "object",
  ["machine type"] = "vm", zone = "vm", ["metadata startup script"] = "vm", subnetwork = "vm",
  ["message retention duration"] = "topic",
  ["ack deadline seconds"] = "subscription", ["retain acked messages"] = "subscription", ttl = "subscription",
  topic = "subscription",
  ["dns name"] = "dns", visibility = "dns",
}

local QUALIFIERS = { { " equals ", "exact_match" }, { " starts with ", "starts_with" }, { " ends with ", "ends_with" } }

-- Values are sliced from the original-case text (same offsets as the lower-case copy): roles, members and
-- filters are case-sensitive.
local function field_list(lower, norm)
  local start = lower:find("(no extra resources).", 1, true)
  if not start then return nil end
  start = start + #"(no extra resources)."
  local stop = #lower
  for _, marker in ipairs { "submit a single zip", "bundle the repository", "deliver one zip archive", "grant " } do
    local s = lower:find(marker, start, true)
    if s and s < stop then stop = s - 1 end
  end
  local seg = lower:sub(start, stop)
  local orig = norm:sub(start, stop)
  local groups, cur, pos = {}, nil, 1
  while pos <= #seg do
    while seg:sub(pos, pos) == " " do pos = pos + 1 end
    if pos > #seg then break end
    local bs, be, rule
    for _, q in ipairs(QUALIFIERS) do
      local s, e = seg:find(q[1], pos, true)
      if s and (not bs or s < bs) then bs, be, rule = s, e, q[2] end
    end
    if not bs then break end
    local field = seg:sub(pos, bs - 1)
    if not field:match("^[a-z][a-z ]*$") then break end
    local value, after
    if seg:sub(be + 1, be + 1) == '"' then
      -- the closing quote is the first one followed by a separator: values may hold quotes themselves
      -- (a logging filter renders as "severity="error"")
      local close = be + 1
      repeat
        close = seg:find('"', close + 1, true)
      until not close or close == #seg or seg:sub(close + 1, close + 1):match("[ ,]")
      if not close then break end
      value, after = orig:sub(be + 2, close - 1), close + 1
    else
      value = seg:match("^[^%s,]+", be + 1)
      if not value then break end
      after = be + 1 + #value
      value = orig:sub(be + 1, after - 1)
    end
    cur = cur or {}
    cur[#cur + 1] = { field = field, rule = rule, value = value }
    if seg:sub(after, after + 1) == ", " then
      pos = after + 2
    else
      groups[#groups + 1] = cur
      cur = nil
      pos = after + 1
    end
  end
  if cur then groups[#groups + 1] = cur end
  return #groups > 0 and groups or nil
end

local SECOND_TIER_FIELDS = {
  ["account id"] = "service_account", ["display name"] = "service_account", description = "service_account",
  ["secret data"] = "secret", schedule = "scheduler", ["topic name"] = "scheduler", uri = "scheduler",
  ["role id"] = "custom_role", permissions = "custom_role", destination = "log_sink", filter = "log_sink",
  rrdatas = "record_set", ["managed zone"] = "record_set",
}

local function group_kind(group)
  local has = {}
  for _, f in ipairs(group) do has[f.field] = true end
  if has.role or has.member then
    if has.bucket then return "bucket_iam" end
    if has["service account id"] then return "sa_iam" end
    if has["secret id"] then return "secret_iam" end
    return "project_iam"
  end
  for _, f in ipairs(group) do
    local k = SECOND_TIER_FIELDS[f.field]
    if k then return k end
  end
  if has["secret id"] or has.secret then return "secret" end
  for _, f in ipairs(group) do
    local k = FIELD_KIND[f.field]
    if k then return k end
  end
  -- only "name"/"location"/"region"/"network": decide by what is there
  for _, f in ipairs(group) do
    if f.field == "region" then return "subnet" end
  end
  return nil
end

local function apply_group(plan, group, lower)
  local kind = group_kind(group)
  if not kind then
    note(plan, "field group without a known resource: %s", group[1].field)
    return
  end
  local r = res(plan, kind)
  for _, f in ipairs(group) do
    local v, field = f.value, f.field
    if field == "name" or field == "repository id" then
      r.token, r.rule = (kind == "record_set") and v or v:lower(), f.rule
    elseif kind == "vpc" and field == "auto create subnetworks" then r.auto_create = parse_bool(v)
    elseif kind == "subnet" and field == "region" then r.region = v:lower()
    elseif kind == "subnet" and field == "ip cidr range" then r.cidr = v
    elseif kind == "subnet" and field == "network" then r.network_ref = v
    elseif kind == "firewall" and field == "priority" then r.priority = parse_int(v)
    elseif kind == "firewall" and field == "protocol" then r.protocol = v:lower()
    elseif kind == "firewall" and field == "ports" then r.port = v
    elseif kind == "firewall" and field == "direction" then r.direction = v:upper()
    elseif kind == "firewall" and field == "disabled" then r.disabled = parse_bool(v)
    elseif kind == "firewall" and field == "network" then r.network_ref = v
    elseif kind == "vm" and field == "zone" then r.zone = v:lower()
    elseif kind == "vm" and field == "machine type" then r.machine_type = v:lower()
    elseif kind == "vm" and field == "subnetwork" then r.networked, r.subnet_ref = true, v
    elseif kind == "vm" and field == "metadata startup script" then r.script_text = v
    elseif kind == "bucket" and field == "location" then r.location = v:upper()
    elseif kind == "bucket" and field == "storage class" then r.storage_class = v:upper()
    elseif kind == "object" and field == "content" then r.content = v
    elseif kind == "object" and field == "content type" then r.content_type = v
    elseif kind == "object" and field == "bucket" then r.bucket_ref = v
    elseif kind == "repo" and field == "location" then r.location = v:lower()
    elseif kind == "repo" and field == "format" then r.format = v:upper()
    elseif kind == "topic" and field == "message retention duration" then r.retention = v
    elseif kind == "subscription" and field == "topic" then r.topic_ref = v
    elseif kind == "subscription" and field == "ack deadline seconds" then r.ack = parse_int(v)
    elseif kind == "subscription" and field == "retain acked messages" then r.retain = parse_bool(v)
    elseif kind == "subscription" and field == "ttl" then r.ttl = v
    elseif kind == "dns" and field == "dns name" then r.dns_name = v
    elseif kind == "service_account" and field == "account id" then r.token, r.rule = v, "exact_match"
    elseif kind == "service_account" and field == "display name" then r.display_name = v
    elseif kind == "service_account" and field == "description" then r.description = v
    elseif (kind == "bucket_iam" or kind == "project_iam" or kind == "sa_iam" or kind == "secret_iam") and field == "role" then r.role = v
    elseif (kind == "bucket_iam" or kind == "project_iam" or kind == "sa_iam" or kind == "secret_iam") and field == "member" then
      r.member = v:gsub("^[Ss][Ee][Rr][Vv][Ii][Cc][Ee][Aa][Cc][Cc][Oo][Uu][Nn][Tt]:", "serviceAccount:")
    elseif kind == "bucket_iam" and field == "bucket" then r.bucket_ref, r.bucket_rule = v, f.rule
    elseif kind == "sa_iam" and field == "service account id" then r.sa_ref = v
    elseif (kind == "secret" or kind == "secret_iam") and field == "secret id" then r.token, r.rule = v, f.rule
    elseif kind == "secret" and field == "secret" then r.secret_ref = v
    elseif kind == "secret" and field == "secret data" then r.secret_data = v
    elseif kind == "scheduler" and field == "schedule" then r.schedule = v
    elseif kind == "scheduler" and field == "topic name" then r.topic_ref = v
    elseif kind == "scheduler" and field == "uri" then r.uri = v
    elseif kind == "custom_role" and field == "role id" then r.token, r.rule = v, "exact_match"
    elseif kind == "custom_role" and field == "permissions" then r.permission = v
    elseif kind == "log_sink" and field == "destination" then r.destination = v
    elseif kind == "log_sink" and field == "filter" then r.filter = v
    elseif kind == "record_set" and field == "type" then r.type = v:upper()
    elseif kind == "record_set" and field == "ttl" then r.ttl = parse_int(v)
    elseif kind == "record_set" and field == "managed zone" then r.zone_ref = v
    elseif kind == "record_set" and field == "rrdatas" then r.rrdatas = r.rrdatas or {} r.rrdatas[#r.rrdatas + 1] = v
    else note(plan, "unused field '%s' for %s", field, kind) end
  end
end

-- ---- fill the closed-domain values every reader may have left open ----

local function fill_values(plan, norm, lower)
  local R = plan.resources
  local token, template = script_info(plan, norm, lower)
  if R.vm then
    local vm = R.vm
    if vm.script_text then
      local t = vm.script_text:lower()
      local tok = t:match("%x%x%x%x%x%x%-%x%x%x%x%x%x%-net") or t:match("%x%x%x%x%x%x%-%x%x%x%x%x%x")
      local tpl = t:find("pipefail", 1, true) and "T1" or t:find("printf", 1, true) and "T2"
        or t:find("/usr/bin/env", 1, true) and "T3" or template
      token, template = tok or token, tpl or template
    end
    if token then
      vm.script_token, vm.script_template = token, template
      vm.script = M.SCRIPT_TEMPLATES[template]:format(token)
      if vm.networked == nil then vm.networked = token:sub(-4) == "-net" and R.subnet ~= nil end
    else
      note(plan, "no startup-script token found for the VM")
    end
    if vm.networked == nil then vm.networked = R.subnet ~= nil end
    vm.zone = vm.zone or lower:match("%f[%w%-](us%-central1%-[abcf])%f[^%w%-]") or lower:match("%f[%w%-](us%-east1%-[bcd])%f[^%w%-]")
      or lower:match("%f[%w%-](europe%-west1%-[bcd])%f[^%w%-]")
    vm.machine_type = vm.machine_type or lower:match("%f[%w%-](e2%-micro)%f[^%w%-]") or lower:match("%f[%w%-](e2%-small)%f[^%w%-]")
      or lower:match("%f[%w%-](e2%-medium)%f[^%w%-]")
  end
  if R.subnet then
    local s = R.subnet
    s.cidr = s.cidr or lower:match("%f[%d](10%.%d+%.%d+%.0/24)")
    if not s.region then
      s.region = value_for(lower, SUBNET_REGIONS, s.token, "subnet")
      if R.vm and R.vm.networked and R.vm.zone then s.region = R.vm.zone:match("^(.*)%-%a$") end
    end
  end
  if R.vpc and R.vpc.auto_create == nil then R.vpc.auto_create = false end
  if R.firewall then
    local f = R.firewall
    f.priority = f.priority or parse_int(lower:match("%f[%d](100[012])%f[^%d]") or "")
    if not f.protocol then
      if lower:find("%f[%w]icmp%f[^%w]") then f.protocol = "icmp"
      elseif lower:find("%f[%w]tcp%f[^%w]") or lower:find("ssh") or lower:find("http") then f.protocol = "tcp" end
    end
    if not f.port and f.protocol ~= "icmp" then
      f.port = lower:match("tcp[/: ]+(%d+)") or lower:match("port (%d+)") or lower:match("ports? (%d+)")
      if not f.port and not f.priority then
        if lower:find("%f[%w]ssh%f[^%w]") then f.port = "22" elseif lower:find("%f[%w]http%f[^%w]") then f.port = "80" end
      end
    end
    -- the three profiles: any one clue implies the rest
    local profiles = { [1000] = { "tcp", "22" }, [1001] = { "tcp", "80" }, [1002] = { "icmp" } }
    if not f.priority then
      if f.protocol == "icmp" then f.priority = 1002
      elseif f.port == "22" then f.priority = 1000
      elseif f.port == "80" then f.priority = 1001 end
    end
    local p = profiles[f.priority or 0]
    if p then
      f.protocol = f.protocol or p[1]
      if p[2] and not f.port then f.port = p[2] end
    end
    if f.protocol == "icmp" then f.port = nil end
    f.direction = f.direction or "INGRESS"
    if f.disabled == nil then f.disabled = false end
  end
  if R.bucket then
    local b = R.bucket
    b.location = b.location or (value_for(lower, LOCATIONS, b.token, "bucket") or ""):upper()
    if b.location == "" then b.location = nil end
    b.storage_class = b.storage_class or (value_for(lower, { "standard", "nearline", "coldline" }, b.token, "bucket") or ""):upper()
    if b.storage_class == "" then b.storage_class = nil end
  end
  if R.repo then
    local r = R.repo
    r.location = r.location or value_for(lower, LOCATIONS, r.token, "repositor")
    r.format = r.format or (value_for(lower, { "docker", "python" }, r.token, "repositor") or ""):upper()
    if r.format == "" then r.format = nil end
  end
  if R.topic then
    R.topic.retention = R.topic.retention or lower:match("%f[%d](1200s)") or lower:match("%f[%d](900s)")
      or lower:match("%f[%d](600s)")
    if not R.topic.retention then
      -- "1200 s", "1200 seconds", or the bare number (no other AlphaCore value uses 600/900/1200)
      local n = lower:match("%f[%w](1200)%f[^%w]") or lower:match("%f[%w](900)%f[^%w]") or lower:match("%f[%w](600)%f[^%w]")
      if n then R.topic.retention = n .. "s" end
    end
  end
  if R.subscription then
    local s = R.subscription
    s.ttl = s.ttl or lower:match("%f[%d](86400s)") or lower:match("%f[%d](172800s)") or lower:match("%f[%d](259200s)")
    if not s.ttl then
      local n = lower:match("%f[%d](86400)") or lower:match("%f[%d](172800)") or lower:match("%f[%d](259200)")
      if n then s.ttl = n .. "s" end
    end
    if not s.ack then
      local ack_pos = lower:find("ack")
      if ack_pos then
        local window = lower:sub(math.max(1, ack_pos - 40), ack_pos + 40)
        for w in window:gmatch("%w+") do
          local n = parse_int(w)
          if n == 10 or n == 20 or n == 30 or n == 60 then s.ack = n break end
        end
      end
    end
    if s.retain == nil then
      local i = lower:find("acked")
      if i then
        local window = lower:sub(math.max(1, i - 40), i + 40)
        if window:find("discard") or window:find("not retain") or window:find("%f[%w]false%f[^%w]")
          or window:find("%f[%w]off%f[^%w]") or window:find("disabled") or window:find("%f[%w]no%f[^%w]") then
          s.retain = false
        elseif window:find("retain") or window:find("keep") or window:find("true") or window:find("enabled")
          or window:find("%f[%w]on%f[^%w]") or window:find("yes") then
          s.retain = true
        end
      end
      if s.retain == nil then
        s.retain = false
        note(plan, "retain_acked_messages not stated; using false")
      end
    end
  end
  if R.dns and R.dns.token and not R.dns.dns_name then R.dns.dns_name = R.dns.token .. ".acore.example." end
  if R.dns and R.dns.dns_name and not R.dns.dns_name:match("%.$") then R.dns.dns_name = R.dns.dns_name .. "." end
  if R.object then R.object.content_type = "text/plain" R.object.rule = "exact_match" end
  -- buckets and repositories are always flexible names (global namespaces)
  if R.bucket and R.bucket.rule == "exact_match" then R.bucket.rule = "flexible" end
  if R.repo and R.repo.rule == "exact_match" then R.repo.rule = "flexible" end
end

function M.parse(prompt)
  local norm = M.normalize(prompt)
  local lower = norm:lower()
  local plan = new_plan(prompt)
  plan.normalized = norm
  plan.validator = validator_principal(norm)
  local groups = field_list(lower, norm)
  if groups then
    plan.reader = "field-list"
    for _, g in ipairs(groups) do apply_group(plan, g, lower) end
    fill_values(plan, norm, lower)
  else
    plan.reader = "free-text"
    reader.read(plan, norm)
  end
  for kind, r in pairs(plan.resources) do
    if r.role and not r.member and plan.validator then
      r.member = (plan.validator:match("gserviceaccount%.com$") and "serviceAccount:" or "user:") .. plan.validator
    end
    local nameless = kind == "bucket_iam" or kind == "project_iam" or kind == "sa_iam" or kind == "secret_iam"
      or kind == "record_set"
    if not r.token and not nameless then note(plan, "no name found for %s", kind) end
    if r.token and not lower:find(r.token, 1, true) then note(plan, "name %s does not occur in the prompt", r.token) end
    r.rule = r.rule or "exact_match"
  end
  return plan
end

return M
