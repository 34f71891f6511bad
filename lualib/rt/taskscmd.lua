-- `miner tasks`: the tasks this miner holds (id, validator, age, state, resources).
-- `miner destroy TASK...` / `miner destroy all`: destroys their resources now (terraform destroy in each task's
-- workspace) and forgets them. Run it against the same --workdir as the miner; a running miner's registry is
-- re-read by its next sweep.
local rt = require "rt"
local time = require "time"
local solver_mod = require "alphacore.solver"

local M = {}

local function out(fmt, ...) io.stdout:write(fmt:format(...), "\n") end

local function age(t)
  local s = time.now() - (tonumber(t.created) or time.now())
  if s < 120 then return ("%.0fs"):format(s) end
  if s < 7200 then return ("%.0fm"):format(s // 60) end
  return ("%.1fh"):format(s / 3600)
end

local function state_of(t)
  if t.destroyed then return "destroyed" end
  if t.cleanup then return "destroy pending (" .. tostring(t.cleanup.why) .. ")" end
  if t.unknown_since then return "unknown (no state)" end
  return tostring(t.phase or "?")
end

local function resources(t)
  local parts = {}
  for kind, name in pairs(t.names or {}) do
    if type(name) == "string" then parts[#parts + 1] = kind .. "=" .. name end
  end
  table.sort(parts)
  return table.concat(parts, " ")
end

function M.list(s)
  local tasks = s:load_registry()
  local ids = {}
  for id in pairs(tasks) do ids[#ids + 1] = id end
  table.sort(ids, function(a, b) return (tonumber(tasks[a].created) or 0) < (tonumber(tasks[b].created) or 0) end)
  out("%-38s %-12s %6s  %-24s %s", "task", "validator", "age", "state", "resources")
  for _, id in ipairs(ids) do
    local t = tasks[id]
    out("%-38s %-12s %6s  %-24s %s", id, tostring(t.validator or "-"):sub(1, 12), age(t), state_of(t), resources(t))
  end
  out("%d task(s) in %s", #ids, s.workdir)
  return 0
end

function M.destroy(s, targets)
  local tasks = s:load_registry()
  if targets[1] == "all" then
    targets = {}
    for id, t in pairs(tasks) do if not t.destroyed then targets[#targets + 1] = id end end
    table.sort(targets)
  end
  if #targets == 0 then out("nothing to destroy") return 0 end
  local code = 0
  for _, id in ipairs(targets) do
    local ok, err = s:cleanup(id, "operator", { forget = true, attempts = 1 })
    if ok then out("destroyed %s", id) else out("%s: %s", id, tostring(err)) code = 1 end
  end
  return code
end

function M.main()
  local cfg = rt.config
  local s = solver_mod.from_config(cfg)
  if cfg.command == "destroy" then
    if #(cfg.args or {}) == 0 then out("miner destroy TASK... | miner destroy all") return 2 end
    return M.destroy(s, cfg.args)
  end
  return M.list(s)
end

return M
