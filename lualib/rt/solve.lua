-- `miner solve`: the offline developer loop for solvers. Prints the plan, the generated Terraform and, with
-- --task-json, the self-score of the plan against the task's real invariants; without --dry-run it also runs
-- terraform (--terraform.bin) and packs the ZIP like a TaskSynapse would.
local rt = require "rt"
local fs = require "fs"
local json = require "json"
local terraform = require "terraform"
local parse = require "alphacore.parse"
local build = require "alphacore.build"
local validate = require "alphacore.validate"
local solver_mod = require "alphacore.solver"
local trust = require "alphacore.trust"

local M = {}

local function out(fmt, ...) io.stdout:write(fmt:format(...), "\n") end

local function plan_view(plan)
  local view = { reader = plan.reader, validator = plan.validator, resources = {}, ambiguities = plan.ambiguities,
    refused = plan.refused }
  for kind, r in pairs(plan.resources) do
    local copy = {}
    for k, v in pairs(r) do if k ~= "kind" then copy[k] = v end end
    view.resources[kind] = copy
  end
  return view
end

function M.main()
  local cfg = rt.config
  local task
  local prompt = cfg.prompt
  if cfg.prompt_file then prompt = assert(fs.read(cfg.prompt_file)) end
  if cfg.task_json then
    local text, err = fs.read(cfg.task_json)
    if not text then out("cannot read %s: %s", cfg.task_json, err) return 2 end
    task = json.decode(text)
    if type(task) ~= "table" then out("%s is not JSON", cfg.task_json) return 2 end
    task = task.task or task
    prompt = prompt or task.prompt
  end
  if not prompt or prompt == "" then
    out("miner solve needs --prompt TEXT, --prompt-file FILE or --task-json FILE")
    return 2
  end
  local task_id = (task and task.task_id) or "local-task"
  local plan = parse.parse(prompt)
  trust.enforce(plan, { second_tier = cfg.solver.second_tier, allowlist = trust.allowlist(cfg.solver.grant_allowlist) })
  out("== plan\n%s", json.encode(plan_view(plan), { pretty = true }))
  local names = build.names(plan, build.tag(cfg.wallet.hotkey, task_id))
  local ws = terraform.workspace { dir = "/nonexistent", project = cfg.gcp.project or "YOUR_PROJECT" }
  build.add_resources(ws, plan, names)
  out("== main.tf\n%s", assert(ws:render()))
  local code = 0
  if task and task.invariants then
    local state = terraform.parse_state(json.encode(build.predict_state(plan, names, cfg.gcp.project)))
    local score, passed, total, details = validate.score(state, task.invariants)
    out("== self-score against %s: %d/%d (%.3f)", cfg.task_json, passed, total, score)
    for _, d in ipairs(details) do
      out("  %s %s%s", d.ok and "pass" or "FAIL", d.resource_type, d.ok and "" or (": " .. tostring(d.why)))
    end
    if score < 1 then code = 1 end
  end
  if cfg.dry_run then return code end
  local solver = solver_mod.from_config(cfg)
  local result = solver:solve(task_id, prompt, {})
  out("== apply: status %s, self-score %s/%s, %.1fs%s", result.status, tostring(result.passed), tostring(result.total),
    result.seconds or 0, result.error and (", error: " .. result.error) or "")
  if result.zip then out("== zip: %d bytes in %s/tasks/%s", #result.zip, cfg.workdir, task_id) end
  return (result.status == "success" and code == 0) and 0 or 1
end

return M
