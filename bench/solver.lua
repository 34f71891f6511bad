-- `miner exec bench/solver.lua [N] [TASKS_JSONL]`: prompt -> plan -> main.tf -> (predicted) state -> ZIP ->
-- base64, everything a TaskSynapse costs except terraform itself; median microseconds per family over N runs.
-- Reference in the same run: one sr25519 verify.
local parse = require "alphacore.parse"
local build = require "alphacore.build"
local terraform = require "terraform"
local zip = require "zip"
local crypto = require "crypto"
local json = require "json"
local fs = require "fs"
local time = require "time"
local rt = require "rt"

local n = tonumber((...)) or 1000
local path = select(2, ...) or (rt.config.lualib_dir .. "/../tests/data/generated-tasks.jsonl")
local by_family = {}
for line in assert(fs.read(path)):gmatch("[^\n]+") do
  local t = json.decode(line)
  by_family[t.family] = by_family[t.family] or t
end

local function median(t) table.sort(t) return t[math.floor(#t / 2) + 1] end
local function once(task)
  local plan = parse.parse(task.prompt)
  local names = build.names(plan, build.tag("5Fhotkey", task.task_id))
  local ws = terraform.workspace { dir = "/unused", project = "miner-project" }
  build.add_resources(ws, plan, names)
  local tf = assert(ws:render())
  local state = assert(json.encode(build.predict_state(plan, names, "miner-project")))
  local bytes = assert(zip.pack({ { name = "main.tf", data = tf }, { name = "terraform.tfstate", data = state } }))
  return crypto.base64(bytes)
end

local public, secret = crypto.sr25519_keypair(crypto.random(32))
local sig = crypto.sr25519_sign(secret, "m", public)
local verify = {}
for i = 1, 200 do
  local t0 = time.mono()
  crypto.sr25519_verify(public, "m", sig)
  verify[i] = (time.mono() - t0) * 1e6
end
local ref = median(verify)

local families = {}
for f in pairs(by_family) do families[#families + 1] = f end
table.sort(families)
for _, f in ipairs(families) do
  local samples = {}
  for i = 1, n do
    local t0 = time.mono()
    once(by_family[f])
    samples[i] = (time.mono() - t0) * 1e6
  end
  local m = median(samples)
  print(("%-26s median %6.0f us  (%.1f sr25519 verifies)"):format(f, m, m / ref))
end
print(("reference: sr25519 verify median %.0f us; N=%d per family"):format(ref, n))
return 0
