-- The trust boundary between a prompt and the miner's GCP project. Prompts are hostile input: a task may ask
-- only for what the subnet's templates ask for (spec §3.3-3.4), and nothing that hands the project, its logs
-- or its traffic to a principal or endpoint outside it.
--   trust.enforce(plan, {second_tier=bool, allowlist={principal=true}}) -> refused (list of {kind, why});
--   refused resources are removed from the plan (and plan.refused lists them).
--   trust.allowlist(text) -> set of principals from a comma-separated list.
local M = {}

M.LIVE_KINDS = { vpc = true, subnet = true, firewall = true, vm = true, bucket = true, object = true, repo = true,
  topic = true, subscription = true, dns = true }

-- spec §3.4: the one role each IAM template grants.
M.IAM_ROLES = { bucket_iam = "roles/storage.objectViewer", project_iam = "roles/viewer",
  sa_iam = "roles/iam.serviceAccountViewer", secret_iam = "roles/secretmanager.secretAccessor" }

-- spec §3.4: the permissions a custom role template may hold.
M.CUSTOM_ROLE_PERMISSIONS = { ["storage.objects.get"] = true, ["storage.objects.list"] = true,
  ["compute.instances.get"] = true, ["pubsub.topics.list"] = true }

M.SINK_FILTERS_HINT = "a sink may only export to a bucket created by the same task"

function M.allowlist(text)
  local set = {}
  for p in tostring(text or ""):gmatch("[^,%s]+") do set[p:lower()] = true end
  return set
end

-- "serviceAccount:x@y" / "user:x@y" / "x@y" -> "x@y" (lower case), or nil for groups, domains, allUsers...
function M.principal_of(member)
  if type(member) ~= "string" then return nil end
  local kind, who = member:match("^(%a+):(.+)$")
  if kind then
    kind = kind:lower()
    if kind ~= "serviceaccount" and kind ~= "user" then return nil end
  else
    who = member
  end
  if not who:match("^[%w%.%_%%%+%-]+@[%w%.%-]+%.[%a]+$") then return nil end
  return who:lower()
end

-- The member string for an allowed principal, with the prefix the generator uses.
function M.member_for(principal)
  return (principal:match("gserviceaccount%.com$") and "serviceAccount:" or "user:") .. principal
end

local function check_iam(kind, r, plan, allow)
  if r.role ~= M.IAM_ROLES[kind] then
    return ("role %s is not the %s template's role %s"):format(tostring(r.role), kind, M.IAM_ROLES[kind])
  end
  local who = M.principal_of(r.member or (plan.validator and M.member_for(plan.validator)))
  if not who or not allow[who] then
    return ("member %s is not an allow-listed validator principal"):format(tostring(r.member or plan.validator))
  end
  if kind == "bucket_iam" and not plan.resources.bucket then return "bucket IAM only on a bucket this task creates" end
  if kind == "sa_iam" and not plan.resources.service_account then
    return "service-account IAM only on a service account this task creates"
  end
  if kind == "secret_iam" and not plan.resources.secret then return "secret IAM only on a secret this task creates" end
  return nil
end

local function check_scheduler(r, plan)
  if r.uri then
    -- only the template's reserved example domain (RFC 2606): the job must not call out to anyone real
    if not r.uri:match("^https://example%.com/webhook/[%w%-]+$") then
      return ("scheduler URI %s is not the template's https://example.com/webhook/<id>"):format(r.uri)
    end
  elseif r.topic_ref then
    if not plan.resources.topic then return "scheduler jobs may only publish to a topic this task creates" end
  end
  return nil
end

local function check_sink(r, plan)
  if not plan.resources.bucket then return M.SINK_FILTERS_HINT end
  local dest = r.destination
  if dest and not dest:match("^storage%.googleapis%.com/[%w%._%-]+$") then
    return ("sink destination %s is not a Cloud Storage bucket of this task"):format(dest)
  end
  return nil
end

local CHECKS = {
  bucket_iam = check_iam, project_iam = check_iam, sa_iam = check_iam, secret_iam = check_iam,
  scheduler = function(_, r, plan) return check_scheduler(r, plan) end,
  log_sink = function(_, r, plan) return check_sink(r, plan) end,
  custom_role = function(_, r)
    if not M.CUSTOM_ROLE_PERMISSIONS[r.permission or ""] then
      return ("permission %s is not one the custom-role template grants"):format(tostring(r.permission))
    end
  end,
}

function M.enforce(plan, opts)
  opts = opts or {}
  local allow = opts.allowlist or {}
  local refused = plan.refused or {}
  plan.refused = refused
  local function refuse(kind, why)
    if not plan.resources[kind] then return end
    plan.resources[kind] = nil
    refused[#refused + 1] = { kind = kind, why = why }
  end
  -- the grant principal itself must be allow-listed, or no IAM member may name it
  if plan.validator and not allow[plan.validator:lower()] then
    plan.untrusted_validator = plan.validator
  end
  local kinds = {}
  for kind in pairs(plan.resources) do kinds[#kinds + 1] = kind end
  table.sort(kinds)
  for _, kind in ipairs(kinds) do
    local r = plan.resources[kind]
    if r and not M.LIVE_KINDS[kind] then
      if not opts.second_tier then
        refuse(kind, "second-tier resource kinds are off (enable with --solver.second_tier)")
      else
        local check = CHECKS[kind]
        local why = check and check(kind, r, plan, allow)
        if why then refuse(kind, why) end
      end
    end
  end
  -- a refused parent takes the second-tier resources that hang on it
  for _, r in ipairs(refused) do
    for child, parents in pairs(require("alphacore.build").PARENTS) do
      for _, p in ipairs(parents) do
        if p == r.kind and plan.resources[child] and not M.LIVE_KINDS[child] then
          refuse(child, "depends on " .. p .. ", which is not built")
        end
      end
    end
  end
  return refused
end

return M
