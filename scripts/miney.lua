-- miney: the AlphaCore solver entrypoint. TaskSynapse: prompt -> plan -> Terraform -> apply -> self-check ->
-- ZIP (lualib/alphacore). Feedback and cleanup acknowledge at once and destroy the task's resources in the
-- background; a sweeper destroys anything older than --solver.task_ttl minutes. Edit and save: the runtime
-- reloads this file (and lualib/alphacore/*) without a restart and keeps the old version if the new one fails.
local rt = require "rt"
local log = require "log"
local json = require "json"
local timer = require "timer"
local solver_mod = require "alphacore.solver"

local M = {}

M.max_concurrent = { TaskSynapse = 4 }

local solver

local function get_solver()
  if solver then return solver end
  local serve = package.loaded["rt.serve"]
  solver = solver_mod.from_config(rt.config, serve and serve.keypair and serve.keypair.ss58)
  return solver
end

local ensure_dicts = solver_mod.ensure_dicts

function M.on_start(config)
  log.info("miney up: netuid %s, workdir %s, terraform %s, project %s", config.netuid, config.workdir,
    config.terraform.bin, tostring(config.gcp.project))
  -- The sweeper always calls the current generation's sweep(), so reloads apply to it too.
  rt.spawn(function()
    while true do
      timer.sleep(300)
      local handlers = rt.generation()
      if handlers and handlers.sweep then
        local ok, err = pcall(handlers.sweep)
        if not ok then log.error("sweep failed: %s", err) end
      end
    end
  end)
end

function M.sweep() return get_solver():sweep() end

function M.StartRoundSynapse(syn)
  syn.miner_version = "miney/0.2"
  syn.is_ready = true
  syn.available_capacity = M.max_concurrent.TaskSynapse
  syn.error_message = json.null
  return syn
end

function M.TaskSynapse(syn, info)
  ensure_dicts(syn, { "task_spec", "result_summary", "evidence_hint" })
  local prompt = (type(syn.prompt) == "string" and syn.prompt ~= "" and syn.prompt)
    or (type(syn.task_spec.prompt) == "string" and syn.task_spec.prompt) or ""
  local task_id = tostring(syn.task_id)
  log.info("task %s from %s: %s", task_id, info.hotkey, prompt:sub(1, 2500))
  -- leave time to encode and send the answer before the validator's timeout
  local result = get_solver():solve(task_id, prompt, { deadline = info.deadline - 20, validator = info.hotkey })
  return solver_mod.fill_synapse(syn, result)
end

function M.TaskFeedbackSynapse(syn)
  syn.acknowledged = true
  local task_id = syn.task_id
  if type(task_id) == "string" and task_id ~= "" then
    rt.spawn(function() get_solver():cleanup(task_id, "feedback") end)
  end
  return syn
end

function M.TaskCleanupSynapse(syn)
  ensure_dicts(syn, { "validation_response" })
  syn.acknowledged = true
  syn.cleanup_ok = true
  syn.error_message = json.null
  local ok, err = pcall(function() return get_solver():record_score(syn) end)
  if not ok then log.error("recording the score failed: %s", err) end
  local task_id = syn.task_id
  if type(task_id) == "string" and task_id ~= "" then
    rt.spawn(function() get_solver():cleanup(task_id, "cleanup") end)
  end
  return syn
end

return M
