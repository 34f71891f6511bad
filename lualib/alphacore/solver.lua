-- The AlphaCore task pipeline: prompt -> plan -> names -> validator grant -> Terraform -> apply (within a
-- budget) -> self-check -> ZIP; plus the task registry, cleanup on feedback/cleanup synapses and a TTL sweeper.
--   local s = solver.new(config_like)       -- {workdir, terraform_bin, project, hotkey, budget, task_ttl, ...}
--   s:solve(task_id, prompt, {deadline=mono, validator=hotkey}) -> result
--   s:cleanup(task_id, why) ; s:sweep() ; s:record_score(payload)
local fs = require "fs"
local json = require "json"
local log = require "log"
local time = require "time"
local crypto = require "crypto"
local proc = require "proc"
local terraform = require "terraform"
local parse = require "alphacore.parse"
local build = require "alphacore.build"
local validate = require "alphacore.validate"
local trust = require "alphacore.trust"
local check = require "alphacore.check"

local M = {}
local Solver = {}

-- Real prompts are under 2 KiB; a bigger one is refused before parsing (parse time is linear, ~1 ms/KiB).
M.MAX_PROMPT_BYTES = 16384
Solver.__index = Solver

function M.new(opts)
  local s = setmetatable({
    workdir = opts.workdir or "local/work",
    terraform_bin = opts.terraform_bin or "terraform",
    plugin_cache = opts.plugin_cache,
    cli_config = opts.cli_config,
    project = opts.project,
    hotkey = opts.hotkey or "miner",
    budget = opts.budget or 540,
    task_ttl = (opts.task_ttl or 60) * 60,
    grant = opts.grant ~= false,
    -- principals that may be granted read access or named as IAM members (default: the spec's validator)
    allowlist = type(opts.allowlist) == "table" and opts.allowlist or trust.allowlist(opts.allowlist
      or "alphacore-validator@alphacore-478113.iam.gserviceaccount.com"),
    second_tier = opts.second_tier == true,
    gcloud = opts.gcloud or "gcloud",
    env = opts.env or {},
    dry_run = opts.dry_run,
    tasks = nil, -- loaded lazily from workdir/tasks.json
    granted = nil,
  }, Solver)
  return s
end

-- A solver configured from the runtime config (rt.config), signing names with the miner's hotkey.
function M.from_config(cfg, hotkey, extra)
  local opts = {
    workdir = cfg.workdir, terraform_bin = cfg.terraform.bin, plugin_cache = cfg.terraform.plugin_cache,
    cli_config = cfg.terraform.cli_config, project = cfg.gcp.project, gcloud = cfg.gcp.gcloud,
    grant = cfg.solver.grant, budget = cfg.solver.budget, task_ttl = cfg.solver.task_ttl,
    allowlist = cfg.solver.grant_allowlist, second_tier = cfg.solver.second_tier,
    hotkey = hotkey or cfg.wallet.hotkey,
  }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return M.new(opts)
end

-- Dict fields of a synapse must go back as objects, never null: pydantic would reject the whole answer.
function M.ensure_dicts(syn, fields)
  for _, f in ipairs(fields) do
    if type(syn[f]) ~= "table" then syn[f] = {} end
  end
  return syn
end

local function now() return time.now() end

function Solver:path(name) return self.workdir .. "/" .. name end

function Solver:load_registry()
  if self.tasks then return self.tasks end
  local text = fs.read(self:path("tasks.json"))
  self.tasks = text and json.decode(text) or {}
  if type(self.tasks) ~= "table" then self.tasks = {} end
  local g = fs.read(self:path("granted.json"))
  self.granted = g and json.decode(g) or {}
  if type(self.granted) ~= "table" then self.granted = {} end
  return self.tasks
end

function Solver:save_registry()
  assert(fs.mkdir(self.workdir))
  assert(fs.write(self:path("tasks.json"), assert(json.encode(self.tasks, { pretty = true }))))
end

M.GRANT_ROLES = { "roles/viewer", "roles/storage.objectViewer" }

local function gcloud_binding(self, verb, member, role)
  return proc.run { argv = { self.gcloud, "projects", verb .. "-iam-policy-binding", self.project,
    "--member=" .. member, "--role=" .. role, "--condition=None", "--quiet" }, timeout = 60, env = self.env }
end

function Solver:save_grants()
  assert(fs.mkdir(self.workdir))
  assert(fs.write(self:path("granted.json"), assert(json.encode(self.granted))))
end

-- Project-level roles/viewer and roles/storage.objectViewer for a validator principal, once (cached on disk).
-- Only principals on the allow-list: any other address in a prompt gets nothing.
function Solver:ensure_grant(principal)
  if not principal or not self.grant or not self.project then return true end
  principal = principal:lower()
  if not self.allowlist[principal] then
    log.warn("not granting project access to %s: not on --solver.grant_allowlist", principal)
    return false
  end
  self:load_registry()
  if self.granted[principal] then return true end
  local member = trust.member_for(principal)
  for _, role in ipairs(M.GRANT_ROLES) do
    local r, err = gcloud_binding(self, "add", member, role)
    if not r or r.code ~= 0 then
      log.error("granting %s to %s failed: %s", role, member, err or (r.stderr ~= "" and r.stderr or r.stdout))
      return false
    end
  end
  self.granted[principal] = now()
  self:save_grants()
  log.info("granted viewer roles to %s", member)
  return true
end

-- The principals granted so far: {principal = unix time}.
function Solver:grants()
  self:load_registry()
  return self.granted
end

-- Removes both roles from a principal (granted by us or not) and forgets it. Returns true or nil, message.
function Solver:revoke(principal)
  if not self.project then return nil, "no GCP project configured (--gcp.project)" end
  principal = principal:lower()
  local member = trust.member_for(principal)
  for _, role in ipairs(M.GRANT_ROLES) do
    local r, err = gcloud_binding(self, "remove", member, role)
    local text = r and (r.stderr .. r.stdout) or ""
    -- a binding that is not there is already revoked
    if not r or (r.code ~= 0 and not text:find("not found", 1, true) and not text:find("does not exist", 1, true)) then
      return nil, ("revoking %s from %s failed: %s"):format(role, member, err or text)
    end
  end
  self:load_registry()
  self.granted[principal] = nil
  self:save_grants()
  log.info("revoked viewer roles from %s", member)
  return true
end

-- Builds the plan's resources into a fresh workspace from make_ws(), holds every block to the provider schema
-- and the API's rules (check.lua), and drops what fails (with what depends on it) until the rest passes.
-- Returns the workspace and the list of drops {kind, why}; plan.dropped lists them too.
function M.checked_build(plan, names, make_ws)
  plan.dropped = plan.dropped or {}
  while true do
    local ws = make_ws()
    build.add_resources(ws, plan, names)
    local failing = check.blocks(ws.blocks)
    if next(failing) == nil then return ws, plan.dropped end
    for i, problems in pairs(failing) do
      local kind = build.LABEL_KIND[ws.blocks[i].labels[2]]
      build.drop(plan, kind, ws.blocks[i].labels[1] .. ": " .. check.describe(problems), plan.dropped)
    end
  end
end

-- The whole front end without terraform: prompt -> plan -> trust -> names -> checked workspace -> the state
-- terraform would leave. For dry runs, `miner eval`, tests and benches.
--   opts: {task_id, hotkey, project, second_tier, allowlist (set)} -> {plan, names, ws, state, expected}
function M.offline(prompt, opts)
  opts = opts or {}
  local plan = parse.parse(prompt)
  local expected = build.invariants(plan)
  trust.enforce(plan, { second_tier = opts.second_tier, allowlist = opts.allowlist
    or trust.allowlist("alphacore-validator@alphacore-478113.iam.gserviceaccount.com") })
  local names = build.names(plan, build.tag(opts.hotkey or "hotkey", opts.task_id or "task"))
  local ws = M.checked_build(plan, names, function()
    return terraform.workspace { dir = "/nonexistent", project = opts.project or "miner-project" }
  end)
  local state = assert(terraform.parse_state(assert(json.encode(build.predict_state(plan, names, opts.project)))))
  return { plan = plan, names = names, ws = ws, state = state, expected = expected }
end

local function summarize(plan)
  local parts = {}
  for _, kind in ipairs(parse.KINDS) do
    local r = plan.resources[kind]
    if r then parts[#parts + 1] = ("%s=%s(%s)"):format(kind, tostring(r.token), r.rule) end
  end
  return table.concat(parts, " ")
end

-- Plans, writes and applies one task. Returns a result table:
-- {status=, zip=bytes|nil, self_score=, passed=, total=, names=, plan=, error=, seconds=}
function Solver:solve(task_id, prompt, opts)
  opts = opts or {}
  local t0 = time.mono()
  local deadline = math.min(opts.deadline or math.huge, t0 + self.budget)
  local result = { task_id = task_id, status = "error" }
  if #prompt > M.MAX_PROMPT_BYTES then
    result.error = ("prompt is %d bytes; this miner reads at most %d"):format(#prompt, M.MAX_PROMPT_BYTES)
    log.warn("task %s: %s", task_id, result.error)
    return result
  end
  local plan = parse.parse(prompt)
  result.plan = plan
  -- what the prompt asked for, before anything is refused or dropped: the self-score counts those as failures
  local expected = build.invariants(plan)
  for _, r in ipairs(trust.enforce(plan, { second_tier = self.second_tier, allowlist = self.allowlist })) do
    log.warn("task %s: refused %s: %s", task_id, r.kind, r.why)
  end
  log.info("task %s plan (%s): %s", task_id, plan.reader, summarize(plan))
  for _, a in ipairs(plan.ambiguities) do log.warn("task %s ambiguity: %s | prompt: %s", task_id, a, prompt) end
  if next(plan.resources) == nil then
    local why = {}
    for _, r in ipairs(plan.refused or {}) do why[#why + 1] = r.kind .. ": " .. r.why end
    result.error = #why > 0 and ("every resource was refused: " .. table.concat(why, "; "))
      or "no resources recognised in the prompt"
    return result
  end
  local names = build.names(plan, build.tag(self.hotkey, task_id))
  result.names = names

  local dir = self:path("tasks/" .. task_id:gsub("[^%w%-]", "_"))
  local ws = M.checked_build(plan, names, function()
    return terraform.workspace { dir = dir, project = self.project, bin = self.terraform_bin, env = self.env,
      plugin_cache = self.plugin_cache, cli_config = self.cli_config }
  end)
  for _, d in ipairs(plan.dropped) do log.warn("task %s: dropped %s: %s", task_id, d.kind, d.why) end
  if next(plan.resources) == nil then
    result.error = "no resource passed the plan check"
    return result
  end
  local _, werr = ws:write()
  if werr then
    result.error = werr
    return result
  end
  self:load_registry()
  self.tasks[task_id] = { dir = dir, validator = opts.validator, created = now(), names = names }
  self:save_registry()

  if self.dry_run then
    local state = terraform.parse_state(json.encode(build.predict_state(plan, names, self.project)))
    result.self_score, result.passed, result.total = validate.score(state, expected)
    result.status = "dry_run"
    result.seconds = time.mono() - t0
    return result
  end

  self:ensure_grant(plan.validator)
  local remaining = deadline - time.mono()
  local ok, err = ws:init { timeout = math.max(1, math.min(120, remaining - 5)) }
  if ok then
    remaining = deadline - time.mono()
    ok, err = ws:apply { timeout = math.max(1, remaining - 5), grace = 5 }
  end
  if not ok then
    result.error = err
    log.error("task %s: %s", task_id, err)
  end
  local state, serr = ws:state()
  if state then
    result.self_score, result.passed, result.total, result.details = validate.score(state, expected)
    for _, d in ipairs(result.details) do
      if not d.ok then log.warn("task %s self-check: %s", task_id, d.why) end
    end
  else
    result.error = result.error or serr
  end
  local bytes, perr = ws:pack()
  if bytes then
    result.zip = bytes
    result.status = ok and (result.self_score == 1 and "success" or "partial") or "partial"
  else
    result.error = result.error or perr
  end
  result.seconds = time.mono() - t0
  log.info("task %s: %s, self-score %s/%s in %.1fs", task_id, result.status, tostring(result.passed),
    tostring(result.total), result.seconds)
  return result
end

-- Fills a TaskSynapse table from a result (dict fields stay objects, never null).
function M.fill_synapse(syn, result)
  syn.result_summary = { task_id = syn.task_id, status = result.status, bundle_dir = json.null,
    resource_identifiers = result.names or {}, notes = result.error or json.null,
    self_score = result.self_score, passed_invariants = result.passed, total_invariants = result.total }
  syn.evidence_hint = { task_id = syn.task_id, bundle_dir = json.null, attachments = {} }
  if result.zip then
    syn.workspace_zip_b64 = crypto.base64(result.zip)
    syn.workspace_zip_filename = tostring(syn.task_id) .. ".zip"
    syn.workspace_zip_sha256 = crypto.hex(crypto.sha256(result.zip))
    syn.workspace_zip_size_bytes = #result.zip
  end
  syn.notes = ("handled_by=miney latency_s=%.3f self_score=%s/%s"):format(result.seconds or 0,
    tostring(result.passed), tostring(result.total))
  return syn
end

-- Destroys a task's resources (with retries) and forgets it.
function Solver:cleanup(task_id, why, opts)
  opts = opts or {}
  self:load_registry()
  local t = self.tasks[task_id]
  if not t or t.destroying then return false end
  t.destroying = true
  local attempts = opts.attempts or 3
  for attempt = 1, attempts do
    local ws = terraform.workspace { dir = t.dir, project = self.project, bin = self.terraform_bin, env = self.env,
      plugin_cache = self.plugin_cache, cli_config = self.cli_config }
    local ok, err = true, nil
    if not self.dry_run and fs.stat(t.dir .. "/terraform.tfstate") then ok, err = ws:destroy { timeout = 600 } end
    if ok then
      self.tasks[task_id] = nil
      self:save_registry()
      fs.rm(t.dir, { recursive = true })
      log.info("task %s destroyed (%s)", task_id, why)
      return true
    end
    log.warn("destroying task %s failed (attempt %d/%d): %s", task_id, attempt, attempts, err)
    if attempt < attempts then require("timer").sleep(opts.backoff or 30 * attempt) end
  end
  t.destroying = nil
  return false
end

-- Destroys every task older than the TTL.
function Solver:sweep()
  self:load_registry()
  local cutoff = now() - self.task_ttl
  local n = 0
  for id, t in pairs(self.tasks) do
    if (t.created or 0) < cutoff and not t.destroying then
      if self:cleanup(id, "ttl") then n = n + 1 end
    end
  end
  return n
end

-- Appends what a cleanup payload says about our score, for tuning.
function Solver:record_score(syn)
  local vr = type(syn.validation_response) == "table" and syn.validation_response or {}
  local result = type(vr.result) == "table" and vr.result or {}
  local summary = type(syn.summary) == "table" and syn.summary or {}
  local entry = { at = now(), task_id = syn.task_id, status = result.status, score = result.score,
    passed = result.passed_invariants, total = result.total_invariants, final_score = summary.final_score,
    winner_uid = summary.winner_uid, winner_latency_s = summary.winner_latency_s,
    miner_latency_s = summary.miner_latency_s }
  self:load_registry()
  local t = self.tasks[syn.task_id]
  if t then entry.names = t.names end
  assert(fs.mkdir(self.workdir))
  local old = fs.read(self:path("scores.jsonl")) or ""
  assert(fs.write(self:path("scores.jsonl"), old .. assert(json.encode(entry)) .. "\n"))
  return entry
end

return M
