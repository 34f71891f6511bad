-- miney: the AlphaCore solver entrypoint. TaskSynapse: prompt -> plan -> Terraform -> apply -> self-check ->
-- ZIP (lualib/alphacore). Feedback and cleanup acknowledge at once and, when they come from the validator that
-- sent the task, destroy its resources in the background (a cleanup payload's score goes to scores.jsonl and,
-- with the task's invariants, its prompt to corpus.jsonl); a sweeper destroys anything older than
-- --solver.task_ttl minutes and retries destroys a crash or a failure cut short. Edit and save: the runtime
-- reloads this file (and lualib/alphacore/*) without a restart and keeps the old version if the new one fails;
-- the task registry and the apply queue carry over to the new version (export/import).
local rt = require "rt"
local fs = require "fs"
local log = require "log"
local json = require "json"
local timer = require "timer"
local solver_mod = require "alphacore.solver"

local M = {}

-- TaskSynapse concurrency. The axon admits up to max_concurrent.TaskSynapse tasks at once and answers 503 past
-- that: 64 is every validator a subnet can have (64 validator permits), each with its task in flight together.
-- Admitted tasks are parsed at once; at most max_applying of them run terraform init + apply at the same time
-- and the others wait in a FIFO queue, each giving up (an error answer, nothing applied) when its deadline is
-- near. StartRoundSynapse.available_capacity reports the free apply slots (max_applying - applying - queued).
M.max_concurrent = { TaskSynapse = 64 }
M.max_applying = solver_mod.DEFAULT_MAX_APPLYING

-- seconds between sweeps (the first runs at start, to resume destroys a restart interrupted)
M.sweep_interval = 300

local solver
local inherited -- the previous generation's solver state (registry, queue), from import()

local function get_solver()
  local serve = package.loaded["rt.serve"]
  local ss58 = serve and serve.keypair and serve.keypair.ss58
  if not solver then
    solver = solver_mod.from_config(rt.config, ss58, { state = inherited, max_applying = M.max_applying })
  elseif ss58 and solver.hotkey ~= ss58 then
    solver.hotkey = ss58 -- created before the hotkey was loaded (the first sweep): names are signed with it
  end
  return solver
end

local ensure_dicts = solver_mod.ensure_dicts

-- Raising here stops `miner run` with exit code 1 (rt.boot): an unusable workdir is reported at start.
function M.on_start(config)
  log.info("miney up: netuid %s, workdir %s, terraform %s, project %s", config.netuid, config.workdir,
    config.terraform.bin, tostring(config.gcp.project))
  local ok, err = fs.mkdir(config.workdir)
  if not ok then error(("workdir %s is not usable: %s"):format(config.workdir, tostring(err)), 0) end
  M.preflight(config)
  -- off the request path: the provider template and the validators' grants, before the first task needs them
  rt.spawn(function()
    local s = get_solver()
    s:warm()
    s:grant_allowlisted()
  end)
  -- The sweeper always calls the current generation's sweep(), so reloads apply to it too.
  rt.spawn(function()
    while true do
      local handlers = rt.generation()
      if handlers and handlers.sweep then
        local sok, serr = pcall(handlers.sweep)
        if not sok then log.error("sweep failed: %s", serr) end
      end
      timer.sleep(tonumber(handlers and handlers.sweep_interval) or 300)
    end
  end)
end

-- The doctor's checks at start (--solver.preflight: strict stops on a fatal problem, warn only logs, off skips).
function M.preflight(config)
  local mode = config.solver.preflight or "strict"
  if mode == "off" then return end
  local doctor = require "rt.doctor"
  local results, fatal = doctor.run(config, { chain = false, gcloud = config.gcp.project ~= nil })
  for _, r in ipairs(results) do
    if r.status ~= "ok" then
      local line = ("preflight %s: %s%s"):format(r.name, tostring(r.detail), r.fix and (" | fix: " .. r.fix) or "")
      if r.status == "fatal" then log.error("%s", line) else log.warn("%s", line) end
    end
  end
  if fatal > 0 and mode == "strict" then
    error(("%d fatal preflight problem(s) (see above; 'miner doctor' lists them): this miner cannot earn. "
      .. "--solver.preflight warn starts it anyway"):format(fatal), 0)
  end
end

-- For the runtime's heartbeat: apply slots in use, queued tasks, when the last task arrived.
function M.status()
  local s = get_solver()
  local c = s:capacity()
  return { applying = c.applying, queued = c.queued, last_task_at = s.state.last_task_at }
end

function M.sweep()
  local s = get_solver()
  s:warm() -- rebuilt when the provider pins changed
  return s:sweep()
end

function M.export() return { solver_state = solver and solver.state or inherited } end

function M.import(state)
  if type(state) == "table" and type(state.solver_state) == "table" then inherited = state.solver_state end
end

function M.StartRoundSynapse(syn)
  syn.miner_version = "miney/0.2"
  syn.is_ready = true
  syn.available_capacity = get_solver():capacity().free
  syn.error_message = json.null
  return syn
end

function M.TaskSynapse(syn, info)
  ensure_dicts(syn, { "task_spec", "result_summary", "evidence_hint" })
  local prompt = (type(syn.prompt) == "string" and syn.prompt ~= "" and syn.prompt)
    or (type(syn.task_spec.prompt) == "string" and syn.task_spec.prompt) or ""
  -- task_id is a string here (rt.synapses checked the body); the solver refuses one that is not a safe folder name
  local task_id = syn.task_id
  log.info("task %s from %s: %s", solver_mod.valid_task_id(task_id) or "(refused id)", info.hotkey,
    prompt:sub(1, 2500))
  -- leave time to encode and send the answer before the validator's timeout
  local result = get_solver():solve(task_id, prompt, { deadline = info.deadline - 20, validator = info.hotkey })
  return solver_mod.fill_synapse(syn, result)
end

function M.TaskFeedbackSynapse(syn, info)
  syn.acknowledged = true
  local task_id, caller = syn.task_id, info.hotkey
  if solver_mod.valid_task_id(task_id) then
    rt.spawn(function() get_solver():cleanup(task_id, "feedback", { caller = caller }) end)
  end
  return syn
end

function M.TaskCleanupSynapse(syn, info)
  ensure_dicts(syn, { "validation_response" })
  syn.acknowledged = true
  syn.cleanup_ok = true
  syn.error_message = json.null
  local task_id, caller = syn.task_id, info.hotkey
  if solver_mod.valid_task_id(task_id) then
    local payload = {
      task_id = task_id, round_id = syn.round_id, miner_uid = syn.miner_uid, family = syn.family,
      validation_response = syn.validation_response, validation_attempt = syn.validation_attempt,
      summary = syn.summary,
    }
    rt.spawn(function()
      local s = get_solver()
      local ok, err = pcall(s.record_score, s, payload, caller)
      if not ok then log.error("recording the score of task %s failed: %s", task_id, err) end
      s:cleanup(task_id, "cleanup", { caller = caller })
    end)
  end
  return syn
end

return M
