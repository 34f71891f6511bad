-- `miner tasks` / `miner destroy` (lualib/rt/taskscmd.lua) over a registry made by the solver with the stand-in
-- terraform.
local taskscmd = require "rt.taskscmd"
local solver_mod = require "alphacore.solver"
local fs = require "fs"
local time = require "time"
local rt = require "rt"

local ROOT = rt.config.lualib_dir .. "/.."
local tmp = os.getenv("TEST_TMPDIR") or "/tmp"
local PROMPT = "Create a Pub/Sub topic named opstopic1 with 600s retention and a bucket whose name starts with opsbkt123 in us-east1, standard class. Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment."

local function capture(fn)
  local lines = {}
  local stdout = io.stdout
  local fake = setmetatable({ write = function(_, ...) for _, s in ipairs { ... } do lines[#lines + 1] = s end return stdout end },
    { __index = stdout })
  io.stdout = fake
  local ok, r = pcall(fn)
  io.stdout = stdout
  assert(ok, r)
  return table.concat(lines), r
end

test("tasks lists what the miner holds; destroy removes one, then all", function()
  local s = solver_mod.new { workdir = ("%s/tasks-%d"):format(tmp, time.ns()), terraform_bin = ROOT .. "/tests/fake-terraform",
    project = "proj-1", hotkey = "5Fhk", grant = false, budget = 60 }
  assert(s:solve("ops-task-1", PROMPT, { validator = "5Validator1" }).zip)
  assert(s:solve("ops-task-2", PROMPT, { validator = "5Validator2" }).zip)
  local text, code = capture(function() return taskscmd.list(s) end)
  expect.eq(code, 0)
  expect.contains(text, "ops-task-1")
  expect.contains(text, "5Validator1")
  expect.contains(text, "topic=opstopic1")
  expect.contains(text, "2 task(s)")
  text, code = capture(function() return taskscmd.destroy(s, { "ops-task-1" }) end)
  expect.eq(code, 0)
  expect.contains(text, "destroyed ops-task-1")
  expect.eq(fs.stat(s.workdir .. "/tasks/ops-task-1"), nil)
  text, code = capture(function() return taskscmd.destroy(s, { "no-such-task" }) end)
  expect.eq(code, 1)
  expect.contains(text, "unknown task")
  text = capture(function() return taskscmd.destroy(s, { "all" }) end)
  expect.contains(text, "destroyed ops-task-2")
  text = capture(function() return taskscmd.list(s) end)
  expect.contains(text, "0 task(s)")
  fs.rm(s.workdir, { recursive = true })
end)
