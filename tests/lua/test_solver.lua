-- The task pipeline with the stand-in terraform: success, a hung apply answered within the budget with what
-- exists, cleanup and the TTL sweeper, score records, grant caching.
local solver_mod = require "alphacore.solver"
local fs = require "fs"
local json = require "json"
local zip = require "zip"
local time = require "time"
local rt = require "rt"

local ROOT = rt.config.lualib_dir .. "/.."
local tmp = os.getenv("TEST_TMPDIR") or "/tmp"
local PROMPT = "Google Cloud: topic tws3top1 (900s retention), subscription tws3sub1 attached to it with ack deadline 20 seconds, retain acked messages false, ttl 172800s, and a bucket beginning with tws3bkt1 in us-east1 using coldline storage. Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment. Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root."

local function new_solver(extra)
  local opts = { workdir = ("%s/solver-%d"):format(tmp, time.ns()), terraform_bin = ROOT .. "/tests/fake-terraform",
    project = "proj-1", hotkey = "5Fhotkey", gcloud = ROOT .. "/tests/fake-gcloud", budget = 60 }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return solver_mod.new(opts)
end

test("solve: success, ZIP with config and state, self-score 1, registry entry", function()
  local log_file = tmp .. "/gcloud-" .. time.ns() .. ".log"
  local s = new_solver { env = { FAKE_GCLOUD_LOG = log_file } }
  local r = s:solve("task-1", PROMPT, {})
  expect.eq(r.status, "success", r.error)
  expect.eq(r.self_score, 1)
  expect.eq(r.total, 3)
  local names = {}
  for _, e in ipairs(zip.list(r.zip)) do names[#names + 1] = e.name end
  table.sort(names)
  expect.same(names, { "main.tf", "terraform.tfstate" })
  expect.truthy(r.names.bucket:match("^tws3bkt1%-m%x+%-tws3bkt1$"), "sandwiched bucket name " .. r.names.bucket)
  local reg = json.decode(assert(fs.read(s.workdir .. "/tasks.json")))
  expect.truthy(reg["task-1"], "task recorded for cleanup")
  -- the grant ran once per role (beside the task, not before it) and is cached
  s:grant_settled("alphacore-validator@alphacore-478113.iam.gserviceaccount.com")
  local grants = assert(fs.read(log_file))
  expect.eq(select(2, grants:gsub("\n", "")), 2)
  s:solve("task-2", PROMPT, {})
  expect.eq(select(2, assert(fs.read(log_file)):gsub("\n", "")), 2, "cached: no second grant")
  -- synapse fields
  local syn = solver_mod.fill_synapse({ task_id = "task-1" }, r)
  expect.eq(syn.workspace_zip_filename, "task-1.zip")
  expect.eq(syn.result_summary.status, "success")
  expect.eq(#syn.workspace_zip_b64 % 4, 0)
  -- cleanup destroys and forgets
  expect.truthy(s:cleanup("task-1", "test"))
  expect.eq(fs.stat(s.workdir .. "/tasks/task-1"), nil)
  expect.falsy(s:cleanup("task-1", "again"), "unknown task")
  fs.rm(s.workdir, { recursive = true })
  fs.rm(log_file)
end)

test("a hung terraform is stopped inside the budget and the answer says so", function()
  local s = new_solver { budget = 8, grant = false, env = { FAKE_TF_SLEEP = "60" } }
  local t0 = time.mono()
  local r = s:solve("task-slow", PROMPT, {})
  expect.truthy(time.mono() - t0 < 20, "answered within the budget")
  expect.contains(r.error, "passed its")
  expect.eq(r.zip, nil, "no state, no ZIP")
  local syn = solver_mod.fill_synapse({ task_id = "task-slow" }, r)
  expect.eq(syn.result_summary.status, "error")
  expect.eq(type(syn.evidence_hint), "table")
  -- an apply stopped at its deadline may have created resources it never recorded: not forgotten as destroyed
  local ok, why = s:cleanup("task-slow", "test", { attempts = 1 })
  expect.falsy(ok)
  expect.contains(why, "unknown")
  local reg = json.decode(assert(fs.read(s.workdir .. "/tasks.json")))
  expect.eq(reg["task-slow"].apply_exit, "timeout")
  expect.truthy(reg["task-slow"].unknown_since, "kept for the sweeper")
  fs.rm(s.workdir, { recursive = true })
end)

test("TTL sweeper destroys old tasks; score records append JSONL", function()
  local s = new_solver { grant = false, task_ttl = 0 }
  assert(s:solve("task-old", PROMPT, {}).zip)
  local e = s:record_score { task_id = "task-old", validation_response = { result = { status = "pass", score = 1.0,
    passed_invariants = 3, total_invariants = 3 } }, summary = { final_score = 0.98, winner_uid = 7, winner_latency_s = 41.5 } }
  expect.eq(e.passed, 3)
  local line = json.decode((assert(fs.read(s.workdir .. "/scores.jsonl")):match("[^\n]+")))
  expect.eq(line.winner_uid, 7)
  expect.eq(line.status, "pass")
  expect.eq(s:sweep(), 1)
  expect.same(json.decode(assert(fs.read(s.workdir .. "/tasks.json"))), {})
  fs.rm(s.workdir, { recursive = true })
end)

test("a prompt with no resources is an error result, not a crash", function()
  local s = new_solver { grant = false }
  local r = s:solve("task-empty", "Hello there, nothing to build.", {})
  expect.eq(r.status, "error")
  expect.contains(r.error, "no resources recognised")
end)

test("a prompt over the cap is refused with a clear error, before parsing", function()
  local s = new_solver { grant = false }
  local r = s:solve("task-huge", ("create a bucket named abc123xyz in us-east1. "):rep(400), {})
  expect.eq(r.status, "error")
  expect.contains(r.error, "at most 16384")
  expect.eq(fs.stat(s.workdir .. "/tasks/task-huge"), nil, "nothing written")
end)

test("warm template: no terraform init per task; every phase timed; destroy through the template", function()
  local s = new_solver { grant = false }
  assert(s:warm())
  local r = s:solve("task-warm", PROMPT, {})
  expect.eq(r.status, "success", r.error)
  local calls = {}
  for line in assert(fs.read(s.workdir .. "/tasks/task-warm/fake-terraform-calls.jsonl")):gmatch("[^\n]+") do
    calls[#calls + 1] = json.decode(line).argv[1]
  end
  expect.same(calls, { "apply" }, "no init in the task's own folder")
  for _, phase in ipairs(solver_mod.PHASES) do expect.truthy(r.phases[phase], "phase " .. phase .. " timed") end
  local syn = solver_mod.fill_synapse({ task_id = "task-warm" }, r)
  expect.truthy(syn.result_summary.phase_seconds.apply, "phases in result_summary")
  expect.truthy(s:cleanup("task-warm", "test"))
  expect.eq(fs.stat(s.workdir .. "/tasks/task-warm"), nil, "destroyed")
  fs.rm(s.workdir, { recursive = true })
end)

test("without a ready template a task runs init itself and still succeeds", function()
  local s = new_solver { grant = false }
  local r = s:solve("task-cold", PROMPT, {})
  expect.eq(r.status, "success", r.error)
  expect.truthy(fs.stat(s.workdir .. "/tasks/task-cold/.terraform"), "its own data dir from init")
  fs.rm(s.workdir, { recursive = true })
end)

test("without a GCP project a task is planned and written, never applied", function()
  local s = new_solver { grant = false, project = false }
  s.project = nil
  local r = s:solve("task-noproj", PROMPT, {})
  expect.eq(r.status, "error")
  expect.contains(r.error, "no GCP project")
  expect.truthy(fs.read(s.workdir .. "/tasks/task-noproj/main.tf"), "main.tf written")
  expect.eq(fs.read(s.workdir .. "/tasks/task-noproj/fake-terraform-calls.jsonl"), nil, "terraform never ran")
  fs.rm(s.workdir, { recursive = true })
end)
