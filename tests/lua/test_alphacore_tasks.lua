-- Every one of the 48 real generator tasks (tests/data/generated-tasks.jsonl, copied from shared/data): the plan parsed from the
-- prompt, built into the state terraform would produce, scores 100% against the hidden invariants under the
-- validator's comparison rules.
local parse = require "alphacore.parse"
local build = require "alphacore.build"
local validate = require "alphacore.validate"
local terraform = require "terraform"
local json = require "json"
local fs = require "fs"
local rt = require "rt"

local DATA = os.getenv("ALPHACORE_TEST_DATA") or (rt.config.lualib_dir .. "/../tests/data")

test("all 48 generated tasks score 100% from their prompts", function()
  local text = assert(fs.read(DATA .. "/generated-tasks.jsonl"))
  local n, failures = 0, {}
  for line in text:gmatch("[^\n]+") do
    local task = assert(json.decode(line))
    n = n + 1
    local plan = parse.parse(task.prompt)
    local names = build.names(plan, build.tag("hotkey", task.task_id))
    local state = assert(terraform.parse_state(assert(json.encode(build.predict_state(plan, names, "p")))))
    local score, passed, total, details = validate.score(state, task.invariants)
    if score < 1 then
      local why = {}
      for _, d in ipairs(details) do if not d.ok then why[#why + 1] = d.why end end
      failures[#failures + 1] = ("%s (%s): %d/%d: %s"):format(task.task_id, task.family, passed, total, table.concat(why, "; "))
    end
  end
  expect.eq(n, 48, "tasks read")
  if #failures > 0 then error(#failures .. " tasks below 100%:\n" .. table.concat(failures, "\n"), 0) end
end)
