-- The AlphaCore task pipeline: prompt -> plan -> names -> validator grant -> Terraform -> apply (within a
-- budget) -> self-check -> ZIP; plus the task registry, cleanup on feedback/cleanup synapses and a TTL sweeper.
--   local s = solver.new(config_like)       -- {workdir, terraform_bin, project, hotkey, budget, task_ttl, ...}
--   s:solve(task_id, prompt, {deadline=mono, validator=hotkey}) -> result
--   s:cleanup(task_id, why, {caller=hotkey}) ; s:sweep() ; s:record_score(payload, caller) ; s:capacity()
--
-- Tasks. A task id becomes its workspace folder, <workdir>/tasks/<id>, so it must be a safe folder name (see
-- M.valid_task_id); anything else is refused before anything is written. The registry (<workdir>/tasks.json)
-- records each task before its workspace is written: who sent it (the validator's hotkey, the only caller whose
-- Feedback/Cleanup may destroy it), its prompt (for the real-traffic corpus), its names and its phase:
--   planned   workspace written, nothing applied: no state file means nothing exists
--   applying  terraform apply started (a miner that stopped here leaves resources it cannot see)
--   applied   apply returned; apply_exit = ok | error | timeout (a stopped apply may leave resources)
-- plus `cleanup` (a destroy was asked for: kept on disk, so a crash during the destroy is retried at start),
-- `destroyed` (resources gone, entry kept until the validator's cleanup payload is recorded or the TTL passes),
-- `unknown_since` (no state file where resources may exist: kept, retried by every sweep, never assumed gone).
-- What only this process knows (a destroy or a solve in progress) is in memory only and never saved.
--
-- Concurrency: at most `max_applying` tasks run terraform init + apply at once; the others wait in a FIFO queue
-- (M.gate_*) until a slot frees or their deadline passes (then they answer an error without applying).
local fs = require "fs"
local json = require "json"
local log = require "log"
local time = require "time"
local timer = require "timer"
local crypto = require "crypto"
local proc = require "proc"
local rt = require "rt"
local sync = require "rt.sync"
local metrics = require "rt.metrics"
local terraform = require "terraform"
local parse = require "alphacore.parse"
local build = require "alphacore.build"
local validate = require "alphacore.validate"
local trust = require "alphacore.trust"
local records = require "alphacore.records"
local check = require "alphacore.check"

local M = {}
local Solver = {}

-- Real prompts are under 2 KiB; a bigger one is refused before parsing (parse time is linear, ~1 ms/KiB).
M.MAX_PROMPT_BYTES = 16384
-- Validators send UUID4s (36 bytes).
M.MAX_TASK_ID_BYTES = 128
-- terraform init + apply running at once; the rest queue. Each apply is a terraform process plus the google
-- provider (~150-250 MB resident), so the default keeps a busy miner within a few GB.
M.DEFAULT_MAX_APPLYING = 16
-- scores.jsonl and corpus.jsonl rotate to <name>.1 past these sizes (so at most twice the cap on disk).
M.MAX_SCORES_BYTES = 1024 * 1024
M.MAX_CORPUS_BYTES = 16 * 1024 * 1024
Solver.__index = Solver

local function now() return time.now() end

-- A printable form of an untrusted id for the log.
local function show_id(id)
  if type(id) ~= "string" then return "<" .. (id == json.null and "null" or type(id)) .. ">" end
  return (("%q"):format(id:sub(1, 80)):gsub("\n", "n"))
end

-- A task id is a folder name under <workdir>/tasks/: non-empty, at most MAX_TASK_ID_BYTES of [A-Za-z0-9._-],
-- not "." or "..". Returns the id, or nil and why.
function M.valid_task_id(id)
  if type(id) ~= "string" then
    return nil, ("task_id must be a string, got %s"):format(id == json.null and "null" or type(id))
  end
  if id == "" then return nil, "task_id is empty" end
  if #id > M.MAX_TASK_ID_BYTES then
    return nil, ("task_id is %d bytes; at most %d"):format(#id, M.MAX_TASK_ID_BYTES)
  end
  if id:find("[^A-Za-z0-9._-]") then return nil, "task_id may only hold A-Z, a-z, 0-9, '.', '_' and '-'" end
  if id == "." or id == ".." then return nil, "task_id may not be '.' or '..'" end
  return id
end

-- The FIFO apply queue is rt.sync's gate (plain data, shared by later generations after a reload); the
-- aliases keep one place to stub it in tests.
M.gate_new, M.gate_acquire, M.gate_release, M.gate_resize = sync.gate_new, sync.gate_acquire, sync.gate_release,
  sync.gate_resize

-- What a Solver shares with the solvers of later generations (plain data plus rt.sync events).
function M.new_state(max_applying)
  return {
    tasks = nil, granted = nil, loading = nil, -- the registry, loaded once (load_registry)
    destroying = {},                          -- id -> true while its destroy runs (memory only)
    busy = {},                                -- id -> rt.sync event, set when its solve ends (memory only)
    granting = {},                            -- principal -> rt.sync event of a grant running beside a task
    gate = M.gate_new(max_applying or M.DEFAULT_MAX_APPLYING),
    save = { lock = M.gate_new(1), wanted = 0, done = 0 },
    append_lock = M.gate_new(1),
  }
end

function M.new(opts)
  local max_applying = math.max(1, math.tointeger(opts.max_applying) or M.DEFAULT_MAX_APPLYING)
  local state = opts.state or M.new_state(max_applying)
  if opts.state and state.gate.limit ~= max_applying then M.gate_resize(state.gate, max_applying) end
  local s = setmetatable({
    workdir = opts.workdir or "local/work",
    terraform_bin = opts.terraform_bin or "terraform",
    plugin_cache = opts.plugin_cache,
    cli_config = opts.cli_config,
    project = opts.project,
    hotkey = opts.hotkey or "miner",
    budget = opts.budget or 540,
    task_ttl = (opts.task_ttl or 60) * 60,
    -- destroyed tasks stay in the registry this long (seconds) waiting for their validator's cleanup payload
    keep_destroyed = opts.keep_destroyed or (opts.task_ttl or 60) * 60,
    grant = opts.grant ~= false,
    -- principals that may be granted read access or named as IAM members (default: the spec's validator)
    allowlist = type(opts.allowlist) == "table" and opts.allowlist or trust.allowlist(opts.allowlist
      or "alphacore-validator@alphacore-478113.iam.gserviceaccount.com"),
    second_tier = opts.second_tier == true,
    gcloud = opts.gcloud or "gcloud",
    env = opts.env or {},
    dry_run = opts.dry_run,
    max_scores_bytes = opts.max_scores_bytes or M.MAX_SCORES_BYTES,
    max_corpus_bytes = opts.max_corpus_bytes or M.MAX_CORPUS_BYTES,
    destroy_attempts = opts.destroy_attempts or 3,
    destroy_backoff = opts.destroy_backoff, -- seconds between attempts (default 30 * attempt)
    hedge_scripts = opts.hedge_scripts == true,
    state = state,
  }, Solver)
  -- one initialised provider template for every task (terraform.template): no per-task init
  s.template = opts.template ~= false and terraform.template { dir = s.workdir .. "/tf-template", bin = s.terraform_bin,
    env = s.env, plugin_cache = s.plugin_cache, cli_config = s.cli_config } or nil
  return s
end

-- Builds the provider template unless it is ready (at start, and from the sweeper when the pins change).
function Solver:warm()
  -- without a project no task can apply: nothing to prepare (and no provider download for a local trial run)
  if not self.template or self.dry_run or not self.project then return true end
  local why = self.template:problem()
  if not why then return true end
  local t0 = time.mono()
  local ok, err = self.template:prepare { timeout = 300 }
  if ok then
    log.info("terraform template ready in %.1fs (%s): tasks apply without their own init", time.mono() - t0, why)
  else
    log.warn("terraform template not ready, tasks will run init themselves: %s", tostring(err))
  end
  return ok, err
end

-- Grants every allow-listed principal at start (and from the sweeper), so no task waits for gcloud.
function Solver:grant_allowlisted()
  if not self.grant or not self.project then return end
  for principal in pairs(self.allowlist) do self:ensure_grant(principal) end
end

-- A solver configured from the runtime config (rt.config), signing names with the miner's hotkey.
function M.from_config(cfg, hotkey, extra)
  local opts = {
    workdir = cfg.workdir, terraform_bin = cfg.terraform.bin, plugin_cache = cfg.terraform.plugin_cache,
    cli_config = cfg.terraform.cli_config, project = cfg.gcp.project, gcloud = cfg.gcp.gcloud,
    grant = cfg.solver.grant, budget = cfg.solver.budget, task_ttl = cfg.solver.task_ttl,
    allowlist = cfg.solver.grant_allowlist, second_tier = cfg.solver.second_tier,
    hedge_scripts = cfg.solver.hedge_scripts, hotkey = hotkey or cfg.wallet.hotkey,
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

function Solver:path(name) return self.workdir .. "/" .. name end

function Solver:tasks_root() return self.workdir .. "/tasks/" end

-- The workspace folder of a (valid) task id.
function Solver:task_dir(id) return self:tasks_root() .. id end

-- The folder a cleanup of this registry entry may remove: always a direct child of <workdir>/tasks/ named like a
-- task id (entries written before ids were checked carry their own `dir`; it is held to the same rule).
-- Returns the path, or nil and why.
function Solver:own_dir(id, t)
  local root = self:tasks_root()
  local dir = type(t) == "table" and t.dir or nil
  if dir == nil then
    if not M.valid_task_id(id) then return nil, "task id " .. show_id(id) .. " is not a folder name" end
    dir = root .. id
  end
  if type(dir) ~= "string" or dir:sub(1, #root) ~= root or not M.valid_task_id(dir:sub(#root + 1)) then
    return nil, ("workspace %s is not a folder directly under %s"):format(show_id(dir), root)
  end
  return dir
end

---------------------------------------------------------------------------------------------------------------
-- The registry

-- Fields of a registry entry that only this process knows; never written to tasks.json (older versions wrote
-- `destroying`, which left a task being destroyed at a crash undestroyed for ever).
local TRANSIENT = { destroying = true }

local function read_json_file(path)
  local text = fs.read(path)
  if not text then return nil end
  local v, err = json.decode(text)
  if type(v) ~= "table" or (next(v) ~= nil and rawget(v, 1) ~= nil) or json.is_array(v) then
    local aside = ("%s.corrupt-%d"):format(path, time.ns())
    fs.write(aside, text)
    log.error("%s is not a JSON object (%s): kept as %s, starting from what the workspaces show", path,
      tostring(err or type(v)), aside)
    return nil
  end
  return v
end

local function load_from_disk(self)
  local tasks = {}
  local changed = false
  for id, t in pairs(read_json_file(self:path("tasks.json")) or {}) do
    if type(t) == "table" and type(id) == "string" then
      for k in pairs(TRANSIENT) do
        if t[k] ~= nil then t[k], changed = nil, true end
      end
      tasks[id] = t
    else
      changed = true
    end
  end
  -- a workspace folder the registry does not know (lost registry, or a crash between the two) is adopted: its
  -- resources are unknown, so the sweeper destroys it after the TTL
  local names = fs.list(self:tasks_root():sub(1, -2)) or {}
  for _, name in ipairs(names) do
    local known = tasks[name] ~= nil
    if not known then
      for _, t in pairs(tasks) do
        if t.dir == self:tasks_root() .. name then known = true break end
      end
    end
    local st = not known and M.valid_task_id(name) and fs.stat(self:task_dir(name))
    if st and st.type == "directory" then
      tasks[name] = { created = st.mtime or now(), adopted = now() }
      changed = true
      log.warn("task %s: workspace found without a registry entry; adopted (destroyed after the TTL)", name)
    end
  end
  local granted = read_json_file(self:path("granted.json")) or {}
  return tasks, granted, changed
end

-- Loads tasks.json and granted.json once (concurrent callers wait for the first); returns the task table.
function Solver:load_registry()
  local st = self.state
  if st.tasks then return st.tasks end
  if st.loading then
    st.loading:wait()
    if st.tasks then return st.tasks end
    error("the task registry could not be loaded", 0)
  end
  st.loading = sync.event()
  local ok, tasks, granted, changed = pcall(load_from_disk, self)
  if ok then st.tasks, st.granted = tasks, granted end
  local ev = st.loading
  st.loading = nil
  ev:set()
  if not ok then error(tasks, 0) end
  if changed then self:save_registry() end
  return st.tasks
end

local function persisted(tasks)
  local out = {}
  for id, t in pairs(tasks) do
    local copy = {}
    for k, v in pairs(t) do
      if not TRANSIENT[k] then copy[k] = v end
    end
    out[id] = copy
  end
  return out
end

-- Writes tasks.json (atomically). Concurrent callers are serialised and a write that already holds a caller's
-- change satisfies it, so every change is on disk when save_registry returns.
function Solver:save_registry()
  local st = self.state
  if not st.tasks then return true end
  local sv = st.save
  sv.wanted = sv.wanted + 1
  local mine = sv.wanted
  M.gate_acquire(sv.lock)
  local ok, err = true, nil
  if sv.done < mine then
    local upto = sv.wanted
    ok, err = pcall(function()
      assert(fs.mkdir(self.workdir))
      assert(fs.write(self:path("tasks.json"), assert(json.encode(persisted(st.tasks), { pretty = true }))))
    end)
    if ok then sv.done = upto end
  end
  M.gate_release(sv.lock)
  if not ok then error(err, 0) end
  return true
end

M.GRANT_ROLES = { "roles/viewer", "roles/storage.objectViewer" }

local function gcloud_binding(self, verb, member, role)
  return proc.run { argv = { self.gcloud, "projects", verb .. "-iam-policy-binding", self.project,
    "--member=" .. member, "--role=" .. role, "--condition=None", "--quiet" }, timeout = 60, env = self.env }
end

function Solver:save_grants()
  assert(fs.mkdir(self.workdir))
  assert(fs.write(self:path("granted.json"), assert(json.encode(self.state.granted))))
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
  if self.state.granted[principal] then return true end
  local member = trust.member_for(principal)
  for _, role in ipairs(M.GRANT_ROLES) do
    local r, err = gcloud_binding(self, "add", member, role)
    if not r or r.code ~= 0 then
      log.error("granting %s to %s failed: %s", role, member, err or (r.stderr ~= "" and r.stderr or r.stdout))
      return false
    end
  end
  self.state.granted[principal] = now()
  self:save_grants()
  log.info("granted viewer roles to %s", member)
  return true
end

-- Waits for a grant that a task started beside itself (tests, and a clean shutdown).
function Solver:grant_settled(principal)
  local ev = self.state.granting[principal:lower()]
  if ev then ev:wait() end
end

-- The principals granted so far: {principal = unix time}.
function Solver:grants()
  self:load_registry()
  return self.state.granted
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
  self.state.granted[principal] = nil
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
  local expected = build.expected(plan)
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
  local _, iderr = M.valid_task_id(task_id)
  if iderr then
    result.error = iderr .. "; nothing was built"
    log.warn("task %s refused: %s", show_id(task_id), iderr)
    return result
  end
  if type(prompt) ~= "string" then prompt = "" end
  if #prompt > M.MAX_PROMPT_BYTES then
    result.error = ("prompt is %d bytes; this miner reads at most %d"):format(#prompt, M.MAX_PROMPT_BYTES)
    log.warn("task %s: %s", task_id, result.error)
    return result
  end
  local phases = {}
  result.phases = phases
  self.state.last_task_at = now()
  local plan = parse.parse(prompt)
  result.plan = plan
  if plan.resources.vm then plan.resources.vm.hedge = self.hedge_scripts end
  phases.parse = time.mono() - t0
  local tc = time.mono()
  -- what the prompt asked for, before anything is refused or dropped: the self-score counts those as failures
  local expected = build.expected(plan)
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

  local dir = self:task_dir(task_id)
  local ws = M.checked_build(plan, names, function()
    return terraform.workspace { dir = dir, project = self.project, bin = self.terraform_bin, env = self.env,
      plugin_cache = self.plugin_cache, cli_config = self.cli_config, tag = "task " .. task_id }
  end)
  for _, d in ipairs(plan.dropped) do log.warn("task %s: dropped %s: %s", task_id, d.kind, d.why) end
  phases.check = time.mono() - tc
  if next(plan.resources) == nil then
    result.error = "no resource passed the plan check"
    return result
  end
  -- recorded before anything is written, so a crash at any later point leaves the task to the sweeper
  local claimed, cerr = self:claim(task_id, { validator = opts.validator, names = names, prompt = prompt })
  if not claimed then
    result.error = cerr
    log.warn("task %s refused: %s", task_id, cerr)
    return result
  end
  local ok, err = pcall(self.run_task, self, task_id, ws, plan, names, expected, result, t0, deadline)
  self:unclaim(task_id)
  if not ok then error(err, 0) end
  return result
end

-- Records a new task (phase "planned") and marks it busy. Returns true, or nil and why: a task id may not be
-- reused while its task runs or is being destroyed, nor by another requester while its resources exist.
function Solver:claim(task_id, entry)
  local tasks = self:load_registry()
  local st = self.state
  local old = tasks[task_id]
  if st.busy[task_id] or st.destroying[task_id] then
    return nil, "task_id " .. task_id .. " is already being worked on"
  end
  if old and not old.destroyed and old.validator ~= entry.validator then
    return nil, "task_id " .. task_id .. " belongs to another requester's task"
  end
  st.busy[task_id] = sync.event()
  entry.created = now()
  -- the same requester running a task again reuses its workspace; what the earlier run may have left stays known
  entry.phase = (old and not old.destroyed and M.may_hold_resources(old)) and old.phase or "planned"
  if entry.phase ~= "planned" then entry.apply_exit, entry.unknown_since = old.apply_exit, old.unknown_since end
  tasks[task_id] = entry
  local ok, err = pcall(self.save_registry, self)
  if not ok then
    self:unclaim(task_id)
    return nil, "cannot record the task: " .. tostring(err)
  end
  return true
end

function Solver:unclaim(task_id)
  local ev = self.state.busy[task_id]
  self.state.busy[task_id] = nil
  if ev then ev:set() end
end

function Solver:set_phase(task_id, phase, extra)
  local t = self.state.tasks[task_id]
  if not t then return end
  t.phase = phase
  for k, v in pairs(extra or {}) do t[k] = v end
  self:save_registry()
end

-- Applying tasks, queued tasks and free slots (what StartRoundSynapse.available_capacity reports).
function Solver:capacity()
  local g = self.state.gate
  return { limit = g.limit, applying = g.active, queued = g.waiting,
    free = math.max(0, g.limit - g.active - g.waiting) }
end

function Solver:run_task(task_id, ws, plan, names, expected, result, t0, deadline)
  local phases = result.phases or {}
  result.phases = phases
  local tw = time.mono()
  local _, werr = ws:write()
  phases.write = time.mono() - tw
  if werr then
    result.error = werr
    return result
  end

  if self.dry_run then
    local state = terraform.parse_state(json.encode(build.predict_state(plan, names, self.project)))
    result.self_score, result.passed, result.total = validate.score(state, expected)
    result.status = "dry_run"
    result.seconds = time.mono() - t0
    return result
  end

  -- no project, nothing to apply into (and no provider download for a local trial run): the plan is written
  if not self.project then
    result.error = "no GCP project configured (--gcp.project): main.tf written, nothing applied"
    result.seconds = time.mono() - t0
    log.warn("task %s: %s", task_id, result.error)
    return result
  end
  -- the validator reads the project after the answer: a grant not yet made runs beside the task, not before it
  local principal = plan.validator and plan.validator:lower()
  local granting = self.state.granting
  if principal and self.grant and self.project and self.allowlist[principal] and not (self.granted or {})[principal]
      and not granting[principal] then
    local done = sync.event()
    granting[principal] = done
    rt.spawn(function()
      local ok, err = pcall(self.ensure_grant, self, principal)
      if not ok then log.error("granting %s failed: %s", principal, tostring(err)) end
      granting[principal] = nil
      done:set()
    end)
  elseif principal and not self.allowlist[principal] then
    log.warn("task %s: %s is not on --solver.grant_allowlist: not granted", task_id, principal)
  end
  local gate = self.state.gate
  local tq = time.mono()
  if gate.active >= gate.limit or gate.waiting > 0 then
    log.info("task %s queued: %d applying (limit %d), %d ahead of it", task_id, gate.active, gate.limit, gate.waiting)
  end
  -- give up waiting with a little time left to answer; nothing is applied then
  local slot = M.gate_acquire(gate, deadline - 10)
  phases.queue = time.mono() - tq
  if not slot then
    result.error = ("waited %.0fs for one of %d apply slots until the deadline; nothing was applied"):format(
      time.mono() - t0, gate.limit)
    result.seconds = time.mono() - t0
    log.error("task %s: %s", task_id, result.error)
    return result
  end
  local ok, err = pcall(self.apply_task, self, task_id, ws, expected, result, t0, deadline)
  M.gate_release(gate)
  if not ok then error(err, 0) end
  return result
end

function Solver:apply_task(task_id, ws, expected, result, t0, deadline)
  local phases = result.phases
  local remaining = deadline - time.mono()
  local tp = time.mono()
  local prep, err = ws:prepare { template = self.template, timeout = math.max(1, math.min(120, remaining - 5)) }
  phases.init = time.mono() - tp
  if prep and not prep.warm then log.warn("task %s: ran terraform init itself: %s", task_id, tostring(prep.why)) end
  local ok = prep ~= nil
  if ok then
    self:set_phase(task_id, "applying")
    remaining = deadline - time.mono()
    local r
    local ta = time.mono()
    ok, err, r = ws:apply { timeout = math.max(1, remaining - 5), grace = 5 }
    phases.apply = time.mono() - ta
    self:set_phase(task_id, "applied", { apply_exit = ok and "ok" or (r and r.timed_out) and "timeout" or "error" })
  end
  if not ok then
    result.error = err
    log.error("task %s: %s", task_id, err)
  end
  local ts = time.mono()
  local state, serr = ws:state()
  if state then
    result.self_score, result.passed, result.total, result.details = validate.score(state, expected)
    for _, d in ipairs(result.details) do
      if not d.ok then log.warn("task %s self-check: %s", task_id, d.why) end
    end
  else
    result.error = result.error or serr
  end
  phases.state = time.mono() - ts
  local tk = time.mono()
  local bytes, perr = ws:pack()
  phases.pack = time.mono() - tk
  if bytes then
    result.zip = bytes
    result.status = ok and (result.self_score == 1 and "success" or "partial") or "partial"
  else
    result.error = result.error or perr
  end
  result.seconds = time.mono() - t0
  log.info("task %s: %s, self-score %s/%s in %.1fs (%s)", task_id, result.status, tostring(result.passed),
    tostring(result.total), result.seconds, M.format_phases(phases))
  M.record_metrics(result)
  return result
end

M.PHASES = { "parse", "check", "write", "queue", "init", "apply", "state", "pack" }

metrics.describe("miner_task_phase_seconds", "histogram", "seconds per task phase (parse, check, write, queue, init, apply, state, pack)")
metrics.describe("miner_tasks_total", "counter", "tasks answered, by status")
metrics.describe("miner_task_self_score", "histogram", "self-score of each applied task (1 = every invariant)",
  { 0, 0.25, 0.5, 0.75, 0.99, 1 })
metrics.describe("miner_cleanups_total", "counter", "task destroys, by reason and outcome")

function M.record_metrics(result)
  for name, v in pairs(result.phases or {}) do metrics.observe("miner_task_phase_seconds", { phase = name }, v) end
  metrics.inc("miner_tasks_total", { status = tostring(result.status) })
  if result.self_score then metrics.observe("miner_task_self_score", nil, result.self_score) end
end

-- "parse 1ms check 2ms ... apply 41.2s"
function M.format_phases(phases)
  local parts = {}
  for _, name in ipairs(M.PHASES) do
    local v = phases and phases[name]
    if v then parts[#parts + 1] = v < 1 and ("%s %.0fms"):format(name, v * 1e3) or ("%s %.1fs"):format(name, v) end
  end
  return table.concat(parts, " ")
end

-- Fills a TaskSynapse table from a result (dict fields stay objects, never null).
function M.fill_synapse(syn, result)
  syn.result_summary = { task_id = syn.task_id, status = result.status, bundle_dir = json.null,
    resource_identifiers = result.names or {}, notes = result.error or json.null,
    self_score = result.self_score, passed_invariants = result.passed, total_invariants = result.total,
    phase_seconds = result.phases or {} }
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

---------------------------------------------------------------------------------------------------------------
-- Cleanup

-- Whether a task without a state file may still have resources: yes once an apply started, unless that apply
-- ended by itself (terraform writes the state of whatever it created, even when it fails).
function M.may_hold_resources(t)
  if t.phase == "planned" then return false end
  if t.phase == "applied" then return t.apply_exit == "timeout" end
  return true -- "applying" (the miner stopped during the apply), adopted folders, entries from older versions
end

local function list_names(names)
  local parts = {}
  for k, v in pairs(type(names) == "table" and names or {}) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(parts)
  return #parts > 0 and table.concat(parts, " ") or "none recorded"
end

-- Destroys a task's resources (with retries) on behalf of `opts.caller`, the hotkey asking (nil: the miner
-- itself, i.e. the sweeper or the command line). Only the validator that sent the task may have it destroyed;
-- anyone else is logged and refused. Returns true once destroyed, or nil and why ("unknown task",
-- "not this task's validator", "already destroyed", "unknown: ..." when there is no state to destroy from).
function Solver:cleanup(task_id, why, opts)
  opts = opts or {}
  local tasks = self:load_registry()
  local t = tasks[task_id]
  if type(task_id) ~= "string" or not t then return nil, "unknown task" end
  if opts.caller ~= nil and opts.caller ~= t.validator then
    log.warn("task %s: %s asked by %s, but the task came from %s: acknowledged, nothing destroyed", task_id, why,
      tostring(opts.caller), tostring(t.validator))
    return nil, "not this task's validator"
  end
  if t.destroyed then return nil, "already destroyed" end
  local st = self.state
  if st.destroying[task_id] then return nil, "already being destroyed" end
  st.destroying[task_id] = true
  local ok, res, err = pcall(self.destroy_task, self, task_id, t, why, opts)
  st.destroying[task_id] = nil
  if not ok then
    log.error("destroying task %s raised: %s", task_id, tostring(res))
    return nil, tostring(res)
  end
  return res, err
end

function Solver:destroy_task(task_id, t, why, opts)
  local tasks = self.state.tasks
  local dir, derr = self:own_dir(task_id, t)
  if not dir then
    log.error("task %s: not destroying and forgetting it: %s (check the project for: %s)", show_id(task_id), derr,
      list_names(t.names))
    tasks[task_id] = nil
    self:save_registry()
    return nil, derr
  end
  if not t.cleanup then -- the intent is saved: a destroy cut short by a crash is retried at start
    t.cleanup = { why = why, at = now() }
    self:save_registry()
  end
  local busy = self.state.busy[task_id]
  if busy then
    log.info("task %s: destroy (%s) waits for its apply to end", task_id, why)
    busy:wait()
    t = tasks[task_id]
    if not t or t.destroyed then return nil, "already destroyed" end
  end
  local attempts = opts.attempts or self.destroy_attempts
  local err
  for attempt = 1, attempts do
    local ok = true
    err = nil
    if fs.stat(dir .. "/terraform.tfstate") then
      if not self.dry_run then
        local ws = terraform.workspace { dir = dir, project = self.project, bin = self.terraform_bin, env = self.env,
          plugin_cache = self.plugin_cache, cli_config = self.cli_config, tag = "task " .. task_id }
        -- a task applied through the template has no data dir of its own: the same template serves destroy
        if not fs.stat(dir .. "/.terraform") then ok, err = ws:prepare { template = self.template, timeout = 120 } end
        if ok then ok, err = ws:destroy { timeout = 600 } end
      end
    elseif M.may_hold_resources(t) then
      if not t.unknown_since then
        t.unknown_since = now()
        self:save_registry()
        log.error("task %s: no terraform.tfstate after its apply (%s): its resources are unknown; kept, retried by " ..
          "every sweep (names: %s)", task_id, t.phase == "applied" and "stopped at its deadline" or "cut short",
          list_names(t.names))
      else
        log.info("task %s: still no terraform.tfstate; kept", task_id)
      end
      return nil, "unknown: no state file"
    end
    if ok then
      fs.rm(dir, { recursive = true })
      if t.scored or opts.forget then
        tasks[task_id] = nil
      else
        t.destroyed = now() -- kept until its validator's cleanup payload is recorded (or keep_destroyed passes)
        t.unknown_since = nil
      end
      self:save_registry()
      log.info("task %s destroyed (%s)", task_id, why)
      metrics.inc("miner_cleanups_total", { why = tostring(why):match("^%a+") or "other", outcome = "destroyed" })
      return true
    end
    log.warn("destroying task %s failed (attempt %d/%d): %s", task_id, attempt, attempts, tostring(err))
    metrics.inc("miner_cleanups_total", { why = tostring(why):match("^%a+") or "other", outcome = "failed" })
    if attempt < attempts then timer.sleep(opts.backoff or self.destroy_backoff or 30 * attempt) end
  end
  return nil, err
end

-- Destroys every task past the TTL or whose destroy was asked for and did not finish (a crash, failures, no
-- state yet), and forgets destroyed tasks kept longer than keep_destroyed. Returns how many were destroyed.
function Solver:sweep()
  local tasks = self:load_registry()
  local st = self.state
  local cutoff = now() - self.task_ttl
  local ids = {}
  for id in pairs(tasks) do ids[#ids + 1] = id end
  table.sort(ids)
  local n = 0
  for _, id in ipairs(ids) do
    local t = tasks[id]
    if t and not t.destroyed and not st.destroying[id] and not st.busy[id]
        and (t.cleanup or (tonumber(t.created) or 0) <= cutoff) then
      if self:cleanup(id, type(t.cleanup) == "table" and tostring(t.cleanup.why) .. ", retried" or "ttl") then
        n = n + 1
      end
    end
  end
  local forget_before = now() - self.keep_destroyed
  local changed = false
  for _, id in ipairs(ids) do
    local t = tasks[id]
    if t and t.destroyed and (tonumber(t.destroyed) or 0) <= forget_before then
      tasks[id] = nil
      changed = true
    end
  end
  if changed then self:save_registry() end
  return n
end

---------------------------------------------------------------------------------------------------------------
-- Scores and the real-traffic corpus (JSONL, typed bounded fields, rotated): the entries are built by
-- alphacore.records.

M.bounded_string, M.clean_invariants = records.bounded_string, records.clean_invariants
function M.score_entry(syn, t, task_id) return records.score_entry(syn, t, task_id, now()) end
function M.corpus_entry(syn, t, task_id) return records.corpus_entry(syn, t, task_id, now(), M.MAX_PROMPT_BYTES) end

-- Appends one JSON line to <workdir>/<name>; past `cap` bytes the file first moves to <name>.1 (replacing the
-- previous one). Appends are serialised and never rewrite the file; a new file is created 0600.
function Solver:append_jsonl(name, entry, cap)
  local line = assert(json.encode(entry)) .. "\n"
  local path = self:path(name)
  local lock = self.state.append_lock
  M.gate_acquire(lock)
  local ok, err = pcall(function()
    assert(fs.mkdir(self.workdir))
    local st = fs.stat(path)
    if st and st.size > 0 and st.size + #line > cap then
      assert(os.rename(path, path .. ".1"))
      st = nil
    end
    if not st then
      assert(fs.write(path, line))
    else
      local f = assert(io.open(path, "ab"))
      local wok, werr = f:write(line)
      f:close()
      assert(wok, werr)
    end
  end)
  M.gate_release(lock)
  if not ok then error(err, 0) end
  return true
end

-- Records a TaskCleanupSynapse payload from `caller` (nil: trusted, e.g. tests): the score line in scores.jsonl
-- and, when it carries the task's invariants, a corpus line in corpus.jsonl. Only for a task this miner holds,
-- once, and only from the validator that sent it. Returns the score entry and the corpus entry (or nil), or
-- nil and why.
function Solver:record_score(syn, caller)
  local task_id = type(syn) == "table" and syn.task_id
  if not M.valid_task_id(task_id) then return nil, "bad task_id" end
  local tasks = self:load_registry()
  local t = tasks[task_id]
  if not t then
    log.info("cleanup payload for task %s, which this miner does not hold: not recorded", task_id)
    return nil, "unknown task"
  end
  if caller ~= nil and caller ~= t.validator then
    log.warn("task %s: cleanup payload from %s, but the task came from %s: not recorded", task_id, tostring(caller),
      tostring(t.validator))
    return nil, "not this task's validator"
  end
  if t.scored then return nil, "already recorded" end
  local entry = M.score_entry(syn, t, task_id)
  self:append_jsonl("scores.jsonl", entry, self.max_scores_bytes)
  local corpus = M.corpus_entry(syn, t, task_id)
  if corpus then self:append_jsonl("corpus.jsonl", corpus, self.max_corpus_bytes) end
  t.scored = now()
  if t.destroyed then tasks[task_id] = nil end
  self:save_registry()
  log.info("task %s: score recorded (%s %s)%s", task_id, tostring(entry.status), tostring(entry.score),
    corpus and (", added to the corpus with " .. #corpus.invariants .. " invariants") or "")
  return entry, corpus
end

return M
