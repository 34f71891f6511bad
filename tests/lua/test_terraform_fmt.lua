-- Generated main.tf for every generator task and every LLM-style rewrite is what `terraform fmt` would write,
-- checked with a real terraform binary when one is on the machine (skipped with a notice otherwise).
local proc = require "proc"
local fs = require "fs"
local json = require "json"
local rt = require "rt"
local solver_mod = require "alphacore.solver"

local DATA = os.getenv("ALPHACORE_TEST_DATA") or (rt.config.lualib_dir .. "/../tests/data")


test("terraform fmt leaves every generated main.tf unchanged", function()
  local bin = require("terraform").find_binary()
  if not bin then
    print("# SKIP: no terraform binary on this machine; terraform fmt not checked")
    return
  end
  local n = 0
  for _, file in ipairs { "/generated-tasks.jsonl", "/llm-rewrites-48.jsonl" } do
    for line in assert(fs.read(DATA .. file)):gmatch("[^\n]+") do
      local task = assert(json.decode(line))
      local r = solver_mod.offline(task.prompt, { task_id = task.task_id, project = "p" })
      local text = assert(r.ws:render())
      local out = assert(proc.run { argv = { bin, "fmt", "-" }, stdin = text, timeout = 30 })
      expect.eq(out.code, 0, task.task_id .. ": " .. tostring(out.stderr))
      expect.eq(out.stdout, text, task.task_id .. ": terraform fmt would change main.tf")
      n = n + 1
    end
  end
  expect.eq(n, 96)
end)
