-- Task latency around terraform: a 7-resource task (network_plus_storage) through the solver with the stand-in
-- terraform, which models a realistic init and apply (FAKE_TF_INIT_DELAY, FAKE_TF_SLEEP seconds), warm template
-- vs cold per-task init, same run. Prints per-phase medians and the overhead outside terraform itself
-- (total - init - apply), which is what this runtime adds to GCP's own latency.
--   build/miner exec bench/task.lua [N] [INIT_DELAY] [APPLY_DELAY]
local solver_mod = require "alphacore.solver"
local time = require "time"
local fs = require "fs"
local rt = require "rt"

local n = tonumber((select(1, ...))) or 5
local init_delay = (select(2, ...)) or "2"
local apply_delay = (select(3, ...)) or "3"
local ROOT = rt.config.lualib_dir .. "/.."
local tmp = os.getenv("TMPDIR") or "/tmp"
local PROMPT = "Google Cloud: VPC benchnet01 with auto create subnetworks false; subnetwork benchsub01 in us-central1 with 10.12.34.0/24 on it; firewall rule benchfw01 on benchnet01 allowing tcp port 22 at priority 1000, ingress; e2-small VM benchvm01 in us-central1-a on benchsub01 with startup script #!/bin/bash printf 'abc123-def456-net' > /var/tmp/acore-token; a nearline bucket whose name starts with benchbkt01 in us-east1 holding object benchobj01txt with content benchcontent0123; a docker repository whose id starts with benchrepo01 in us-east1. Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment."

local function median(xs)
  table.sort(xs)
  return xs[(#xs + 1) // 2]
end

local function run(warm)
  local s = solver_mod.new { workdir = ("%s/bench-task-%d"):format(tmp, time.ns()), terraform_bin = ROOT .. "/tests/fake-terraform",
    project = "bench-project", hotkey = "5Fbench", grant = false, budget = 120,
    env = { FAKE_TF_INIT_DELAY = init_delay, FAKE_TF_SLEEP = apply_delay } }
  if warm then assert(s:warm()) end
  local totals, overheads, phases = {}, {}, {}
  for i = 1, n do
    local t0 = time.mono()
    local r = s:solve(("bench-%s-%d"):format(warm and "warm" or "cold", i), PROMPT, {})
    assert(r.status == "success", r.error)
    local total = time.mono() - t0
    totals[#totals + 1] = total
    overheads[#overheads + 1] = total - (r.phases.init or 0) - (r.phases.apply or 0)
    for k, v in pairs(r.phases) do phases[k] = phases[k] or {} table.insert(phases[k], v) end
  end
  fs.rm(s.workdir, { recursive = true })
  local med = {}
  for k, v in pairs(phases) do med[k] = median(v) end
  return median(totals), median(overheads), med
end

log = require "log"
local cold_total, cold_over, cold_ph = run(false)
local warm_total, warm_over, warm_ph = run(true)
print(("stand-in terraform: init %ss, apply %ss; %d tasks each, medians"):format(init_delay, apply_delay, n))
print(("%-6s %9s %9s %9s %12s"):format("", "total s", "init s", "apply s", "overhead ms"))
print(("%-6s %9.3f %9.3f %9.3f %12.1f"):format("cold", cold_total, cold_ph.init, cold_ph.apply, cold_over * 1e3))
print(("%-6s %9.3f %9.3f %9.3f %12.1f"):format("warm", warm_total, warm_ph.init, warm_ph.apply, warm_over * 1e3))
print(("warm/cold total: %.2fx; phases (warm, ms): parse %.2f check %.2f write %.2f queue %.2f state %.2f pack %.2f"):format(
  warm_total / cold_total, warm_ph.parse * 1e3, warm_ph.check * 1e3, warm_ph.write * 1e3, warm_ph.queue * 1e3,
  warm_ph.state * 1e3, warm_ph.pack * 1e3))

-- With a real terraform on the machine: what one per-task `init` costs (provider package installed from a local
-- filesystem mirror holding a stand-in google provider of typical size), i.e. what the warm template removes.
local terraform = require "terraform"
local bin = terraform.find_binary()
if bin then
  local root = ("%s/bench-tfinit-%d"):format(tmp, time.ns())
  local pkg = root .. "/mirror/registry.terraform.io/hashicorp/google/7.12.0/linux_amd64"
  assert(fs.mkdir(pkg))
  -- the real provider binary is ~130 MB; a 64 MB stand-in keeps the copy/checksum cost in the same range
  assert(fs.write(pkg .. "/terraform-provider-google_v7.12.0_x5", ("x"):rep(64 * 1024 * 1024), { mode = 493 }))
  local cli = assert(terraform.write_cli_config(root .. "/cli.tfrc", root .. "/mirror"))
  local times = {}
  for i = 1, 3 do
    local tpl = terraform.template { dir = ("%s/t%d"):format(root, i), bin = bin, cli_config = cli, env = { HOME = root } }
    local t0 = time.mono()
    assert(tpl:prepare { timeout = 300 })
    times[#times + 1] = time.mono() - t0
  end
  fs.rm(root, { recursive = true })
  print(("real %s: terraform init from a filesystem mirror (64 MB stand-in provider): median %.2fs per task "
    .. "without the warm template"):format(bin, median(times)))
else
  print("no terraform binary on this machine: the real init cost was not measured")
end
