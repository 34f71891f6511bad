-- The task pipeline against hostile ids, crashes and strangers (issue 13), and the real-traffic corpus (issue 16):
-- task ids, the workspace a cleanup may remove, the registry across a restart, who may destroy a task, typed and
-- rotated scores.jsonl/corpus.jsonl, the apply queue. Terraform is the stand-in (tests/fake-terraform); where a
-- test must hold terraform mid-way, the workspace's apply/destroy are wrapped to wait on an rt.sync event.
local solver_mod = require "alphacore.solver"
local terraform = require "terraform"
local fs = require "fs"
local json = require "json"
local time = require "time"
local rt = require "rt"
local sync = require "rt.sync"

local ROOT = rt.config.lualib_dir .. "/.."
local tmp = os.getenv("TEST_TMPDIR") or "/tmp"
local PROMPT = "Google Cloud: topic tws3top1 (900s retention), subscription tws3sub1 attached to it with ack deadline 20 seconds, retain acked messages false, ttl 172800s, and a bucket beginning with tws3bkt1 in us-east1 using coldline storage. Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment. Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root."
local Workspace = getmetatable(terraform.workspace { dir = "/nonexistent" })

local function new_solver(extra)
  local opts = { workdir = ("%s/pipeline-%d"):format(tmp, time.ns()), terraform_bin = ROOT .. "/tests/fake-terraform",
    project = "proj-1", hotkey = "5Fminer", grant = false, budget = 60, destroy_attempts = 1 }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return solver_mod.new(opts)
end

-- Another Solver over the same workdir, sharing nothing in memory: what a restarted miner sees.
local function restarted(s, extra)
  local opts = { workdir = s.workdir, terraform_bin = s.terraform_bin, project = s.project, hotkey = s.hotkey,
    grant = false, budget = 60, destroy_attempts = 1 }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return solver_mod.new(opts)
end

local function registry(s)
  local text = fs.read(s.workdir .. "/tasks.json")
  return text and json.decode(text) or {}
end

local function lines(path)
  local out = {}
  for line in (fs.read(path) or ""):gmatch("[^\n]+") do out[#out + 1] = json.decode(line) end
  return out
end

-- Wraps Workspace[method] so that a call for a workspace whose folder ends in `id` signals `started` and waits
-- for `release` (whose value, if a table {nil, err}, is returned instead of running terraform). Returns a restore
-- function.
local function hold(method, id, started, release)
  local orig = Workspace[method]
  Workspace[method] = function(ws, o)
    if ws.dir:sub(-#id - 1) == "/" .. id then
      started:set(true)
      local v = release:wait()
      if type(v) == "table" then return table.unpack(v, 1, 2) end
    end
    return orig(ws, o)
  end
  return function() Workspace[method] = orig end
end

test("task ids: empty, dot, path, too long or odd ids are refused and nothing is written", function()
  local s = new_solver { dry_run = true }
  local bad = { "", ".", "..", "../x", "a/b", "/etc", ("a"):rep(129), "t\195\165sk", "a b", "x\0y", "id\n" }
  for _, id in ipairs(bad) do
    local r = s:solve(id, PROMPT, {})
    expect.eq(r.status, "error", ("id %q"):format(id))
    expect.contains(r.error, "task_id", ("id %q"):format(id))
    local syn = solver_mod.fill_synapse({ task_id = id }, r)
    expect.eq(syn.result_summary.status, "error")
    expect.contains(syn.result_summary.notes, "nothing was built")
  end
  for _, id in ipairs { json.null, 5, true } do
    expect.eq(s:solve(id, PROMPT, {}).status, "error", "a " .. type(id) .. " id")
  end
  expect.eq(fs.stat(s.workdir .. "/tasks"), nil, "no workspace created for any of them")
  expect.eq(fs.stat(s.workdir .. "/tasks.json"), nil, "nothing recorded")
  -- the longest and the oddest valid ids are folders of their own, directly under tasks/
  for _, id in ipairs { ("a"):rep(128), "A.b_c-9", "..." } do
    expect.eq(s:solve(id, PROMPT, {}).status, "dry_run", id)
    expect.eq(fs.stat(s.workdir .. "/tasks/" .. id).type, "directory", id)
  end
  expect.same(assert(fs.list(s.workdir .. "/tasks")), { "...", "A.b_c-9", ("a"):rep(128) })
  fs.rm(s.workdir, { recursive = true })
end)

test("cleanup removes only the task's own folder, even for a registry entry pointing elsewhere", function()
  local s = new_solver { dry_run = true }
  expect.eq(s:solve("keep-me", PROMPT, {}).status, "dry_run")
  -- entries as an older version (or a tampered file) could hold them: the empty id made tasks/ the workspace
  local reg = registry(s)
  reg[""] = { dir = s.workdir .. "/tasks", created = 0 }
  reg["other"] = { dir = s.workdir, created = 0 }
  reg["up"] = { dir = s.workdir .. "/tasks/../..", created = 0 }
  assert(fs.write(s.workdir .. "/tasks.json", json.encode(reg)))
  local s2 = restarted(s, { dry_run = true })
  for _, id in ipairs { "", "other", "up" } do
    local ok, why = s2:cleanup(id, "test")
    expect.falsy(ok, id)
    expect.contains(why, "not a folder directly under", id)
  end
  s2:sweep()
  expect.eq(fs.stat(s.workdir .. "/tasks/keep-me").type, "directory", "the other task's workspace is intact")
  expect.truthy(fs.stat(s.workdir .. "/tasks.json"), "workdir intact")
  local after = registry(s)
  expect.truthy(after["keep-me"], "the real task is still known")
  expect.eq(after[""], nil, "the bogus entries are dropped (with an error in the log)")
  expect.truthy(s2:cleanup("keep-me", "test"), "its own cleanup works")
  expect.eq(fs.stat(s.workdir .. "/tasks/keep-me"), nil)
  fs.rm(s.workdir, { recursive = true })
end)

test("a task being destroyed when the miner stops is destroyed after a restart; destroying is never saved", function()
  local s = new_solver()
  expect.eq(s:solve("t-crash", PROMPT, { validator = "5Vali" }).status, "success")
  expect.eq(s:solve("t-old", PROMPT, { validator = "5Vali" }).status, "success")
  local started, release = sync.event(), sync.event()
  local restore = hold("destroy", "t-crash", started, release)
  rt.spawn(function() s:cleanup("t-crash", "feedback", { caller = "5Vali" }) end)
  started:wait()
  restore()
  -- the miner "crashes" here, its destroy in flight
  local text = assert(fs.read(s.workdir .. "/tasks.json"))
  expect.falsy(text:find("destroying", 1, true), "in-memory flag not persisted")
  expect.eq(json.decode(text)["t-crash"].cleanup.why, "feedback", "the intent is persisted")
  local s2 = restarted(s)
  expect.eq(s2:sweep(), 1, "the restarted miner finishes the destroy without waiting for the TTL")
  expect.eq(fs.stat(s.workdir .. "/tasks/t-crash"), nil)
  expect.truthy(registry(s)["t-crash"].destroyed)
  release:set({ nil, "the old process is gone" })
  -- a registry written by an older version, with the flag saved, is retried too
  assert(fs.write(s.workdir .. "/tasks.json", json.encode({ ["t-old"] = { dir = s.workdir .. "/tasks/t-old",
    created = 0, destroying = true } })))
  local s3 = restarted(s)
  expect.eq(s3:sweep(), 1)
  expect.eq(fs.stat(s.workdir .. "/tasks/t-old"), nil)
  expect.falsy(assert(fs.read(s.workdir .. "/tasks.json")):find("destroying", 1, true))
  fs.rm(s.workdir, { recursive = true })
end)

test("no state file where an apply ran is 'unknown': kept and retried by the sweeper, never forgotten", function()
  local s = new_solver()
  local started, release = sync.event(), sync.event()
  local restore = hold("apply", "t-unknown", started, release)
  local done = sync.event()
  rt.spawn(function() done:set(s:solve("t-unknown", PROMPT, { validator = "5Vali" })) end)
  started:wait()
  restore()
  -- the miner stops during the apply: a restarted one finds no state file
  expect.eq(registry(s)["t-unknown"].phase, "applying")
  local s2 = restarted(s, { task_ttl = 0 })
  local ok, why = s2:cleanup("t-unknown", "feedback", { caller = "5Vali" })
  expect.falsy(ok)
  expect.contains(why, "unknown")
  expect.truthy(registry(s)["t-unknown"], "kept")
  expect.truthy(registry(s)["t-unknown"].unknown_since)
  expect.eq(fs.stat(s.workdir .. "/tasks/t-unknown").type, "directory", "workspace kept")
  expect.eq(s2:sweep(), 0, "still unknown")
  expect.truthy(registry(s)["t-unknown"], "still kept")
  -- the state shows up (the orphaned terraform finished): the next sweep destroys it
  assert(fs.write(s.workdir .. "/tasks/t-unknown/terraform.tfstate", '{"version":4,"serial":1,"resources":[]}'))
  expect.eq(s2:sweep(), 1)
  expect.eq(fs.stat(s.workdir .. "/tasks/t-unknown"), nil)
  release:set({ nil, "stopped" })
  done:wait()
  -- a task whose init failed never applied anything: without a state it is simply gone
  local s3 = new_solver { env = { FAKE_TF_FAIL = "init" } }
  expect.eq(s3:solve("t-noinit", PROMPT, {}).status, "error")
  expect.eq(registry(s3)["t-noinit"].phase, "planned")
  expect.truthy(s3:cleanup("t-noinit", "test"))
  fs.rm(s.workdir, { recursive = true })
  fs.rm(s3.workdir, { recursive = true })
end)

test("a workspace the registry lost is adopted after a restart, not orphaned", function()
  local s = new_solver()
  expect.eq(s:solve("t-lost", PROMPT, { validator = "5Vali" }).status, "success")
  fs.rm(s.workdir .. "/tasks.json")
  local s2 = restarted(s, { task_ttl = 0 })
  expect.truthy(s2:load_registry()["t-lost"], "adopted from its folder")
  expect.eq(s2:sweep(), 1, "and destroyed after the TTL")
  expect.eq(fs.stat(s.workdir .. "/tasks/t-lost"), nil)
  fs.rm(s.workdir, { recursive = true })
end)

test("feedback and cleanup destroy only for the validator that sent the task", function()
  local s = new_solver()
  expect.eq(s:solve("t-owned", PROMPT, { validator = "5Vali" }).status, "success")
  local ok, why = s:cleanup("t-owned", "feedback", { caller = "5Stranger" })
  expect.falsy(ok)
  expect.eq(why, "not this task's validator")
  expect.eq(fs.stat(s.workdir .. "/tasks/t-owned").type, "directory", "nothing destroyed")
  expect.falsy(s:record_score({ task_id = "t-owned", validation_response = { result = { score = 1 } } }, "5Stranger"))
  expect.eq(fs.stat(s.workdir .. "/scores.jsonl"), nil, "a stranger's payload is not recorded")
  expect.falsy(registry(s)["t-owned"].destroyed)
  expect.truthy(s:cleanup("t-owned", "feedback", { caller = "5Vali" }))
  expect.eq(fs.stat(s.workdir .. "/tasks/t-owned"), nil)
  -- the entry stays (without its workspace) for the validator's cleanup payload, which then forgets it
  expect.truthy(registry(s)["t-owned"].destroyed)
  expect.truthy(s:record_score({ task_id = "t-owned" }, "5Vali"))
  expect.eq(registry(s)["t-owned"], nil)
  fs.rm(s.workdir, { recursive = true })
end)

test("scores.jsonl: typed bounded fields, appended in place, rotated past its cap", function()
  local s = new_solver { dry_run = true, max_scores_bytes = 2048 }
  for i = 1, 8 do expect.eq(s:solve("t-s" .. i, PROMPT, { validator = "5Vali" }).status, "dry_run") end
  local hostile = { task_id = "t-s1", round_id = ("r"):rep(1000), evil = { deep = { deeper = "x" } },
    validation_response = { result = { status = { nested = true }, score = "1; rm -rf /", passed_invariants = 2.5,
      total_invariants = 3, msg = ("m"):rep(100000) } },
    summary = { winner_uid = "7", winner_latency_s = 41.5, final_score = 0.98, miner_uid = 12 } }
  local e = assert(s:record_score(hostile, "5Vali"))
  expect.eq(e.status, nil, "a table is not a status")
  expect.eq(e.score, nil, "a string is not a score")
  expect.eq(e.passed, nil, "2.5 is not a count")
  expect.eq(e.total, 3)
  expect.eq(e.winner_uid, nil, "a string is not a uid")
  expect.eq(e.winner_latency_s, 41.5)
  expect.eq(e.miner_uid, 12)
  expect.eq(#e.msg, 512)
  expect.eq(#e.round_id, 128)
  expect.eq(e.evil, nil)
  local path = s.workdir .. "/scores.jsonl"
  expect.truthy(#assert(fs.read(path)) < 1500, "one bounded line")
  expect.falsy(s:record_score(hostile, "5Vali"), "recorded once per task")
  -- appends go to the same file: a reader opened before the append sees the new line
  local reader = assert(io.open(path, "rb"))
  assert(s:record_score({ task_id = "t-s2", validation_response = { result = { status = "pass", score = 1.0 } } },
    "5Vali"))
  local seen = reader:read("a")
  reader:close()
  expect.eq(select(2, seen:gsub("\n", "")), 2, "appended, not rewritten")
  for i = 3, 8 do
    assert(s:record_score({ task_id = "t-s" .. i, round_id = ("r"):rep(100),
      validation_response = { result = { status = "pass", score = 1.0, msg = ("m"):rep(400) } } }, "5Vali"))
  end
  local now_size = fs.stat(path).size
  expect.truthy(now_size <= 2048, "the live file stays under its cap: " .. now_size)
  expect.truthy(fs.stat(path .. ".1"), "the older lines moved to scores.jsonl.1")
  local live = lines(path)
  expect.eq(live[#live].task_id, "t-s8", "the newest line is in the live file")
  expect.truthy(#lines(path .. ".1") >= 1, "whole lines in the rotated file")
  fs.rm(s.workdir, { recursive = true })
end)

test("corpus.jsonl: the validator's invariants with the prompt it sent, typed, in the task-file format", function()
  local s = new_solver { dry_run = true }
  expect.eq(s:solve("t-c1", PROMPT, { validator = "5Vali" }).status, "dry_run")
  expect.eq(s:solve("t-c2", PROMPT, { validator = "5Vali" }).status, "dry_run")
  local invariants = {
    { resource_type = "google_pubsub_topic", match = { ["values.name"] = "tws3top1",
      ["values.message_retention_duration"] = "900s" }, comparison_rule = { ["values.name"] = "exact_match" } },
    { resource_type = "google_storage_bucket", match = { ["values.name"] = "tws3bkt1", ["values.force_destroy"] = true,
      ["values.x"] = 3, ["values.bad"] = { nested = 1 } }, comparison_rule = { ["values.name"] = "starts_with" },
      extra = "dropped" },
    { resource_type = 5, match = {}, comparison_rule = {} },
    { resource_type = "google_x", match = "not a table", comparison_rule = {} },
    { resource_type = "google_y", match = { a = { 1 } }, comparison_rule = {} },
    "junk",
  }
  local payload = { task_id = "t-c1", round_id = "round-9",
    validation_response = { result = { status = "pass", score = 0.5, passed_invariants = 1, total_invariants = 2 } },
    validation_attempt = { status = "validated", score = 0.5, invariants = invariants },
    summary = { miner_uid = 12, winner_uid = 3, winner_latency_s = 40.25, miner_latency_s = 71.5, final_score = 0.4 } }
  local _, c = assert(s:record_score(payload, "5Vali"))
  expect.truthy(c, "a corpus entry")
  local got = lines(s.workdir .. "/corpus.jsonl")
  expect.eq(#got, 1)
  local line = got[1]
  expect.eq(line.task_id, "t-c1")
  expect.eq(line.prompt, PROMPT, "the prompt the validator sent, kept with the task")
  expect.eq(line.validator_score, 0.5)
  expect.eq(line.winner_latency_s, 40.25)
  expect.eq(line.miner_latency_s, 71.5)
  expect.eq(line.winner_uid, 3)
  expect.eq(line.miner_uid, 12)
  expect.eq(line.won, false, "uid 3 won the round")
  expect.same(line.invariants, {
    invariants[1],
    { resource_type = "google_storage_bucket", match = { ["values.name"] = "tws3bkt1", ["values.force_destroy"] = true,
      ["values.x"] = 3 }, comparison_rule = { ["values.name"] = "starts_with" } },
  })
  -- the same keys as the generator's task files, so `miner eval` reads it like any corpus
  local sample = json.decode(assert(fs.read(ROOT .. "/tests/data/generated-tasks.jsonl")):match("[^\n]+"))
  for _, k in ipairs { "task_id", "prompt", "invariants" } do
    expect.eq(type(line[k]), type(sample[k]), k)
  end
  -- no invariants, no corpus line (the score line is still written)
  local _, none = assert(s:record_score({ task_id = "t-c2", validation_attempt = { status = "timeout" } }, "5Vali"))
  expect.eq(none, nil)
  expect.eq(#lines(s.workdir .. "/corpus.jsonl"), 1)
  expect.eq(#lines(s.workdir .. "/scores.jsonl"), 2)
  fs.rm(s.workdir, { recursive = true })
end)

test("corpus.jsonl rotates past its cap", function()
  local s = new_solver { dry_run = true, max_corpus_bytes = 1500 }
  local inv = { { resource_type = "google_pubsub_topic", match = { ["values.name"] = "tws3top1" },
    comparison_rule = {} } }
  for i = 1, 4 do
    expect.eq(s:solve("t-r" .. i, PROMPT, { validator = "5Vali" }).status, "dry_run")
    assert(s:record_score({ task_id = "t-r" .. i, validation_attempt = { invariants = inv } }, "5Vali"))
  end
  expect.truthy(fs.stat(s.workdir .. "/corpus.jsonl").size <= 1500)
  expect.truthy(fs.stat(s.workdir .. "/corpus.jsonl.1"))
  expect.truthy(assert(fs.read(s.workdir .. "/corpus.jsonl")):find('"comparison_rule":{}', 1, true))
  fs.rm(s.workdir, { recursive = true })
end)

test("applies beyond max_applying wait in FIFO order; a queued task gives up at its deadline", function()
  local s = new_solver { max_applying = 1 }
  expect.eq(type(s.capacity), "function", "the solver has an apply queue")
  local ids = { "q-1", "q-2", "q-3" }
  local started, release, done, restores = {}, {}, {}, {}
  local order = {}
  for _, id in ipairs(ids) do
    started[id], release[id], done[id] = sync.event(), sync.event(), sync.event()
    restores[#restores + 1] = hold("apply", id, started[id], release[id])
  end
  local orig_init = Workspace.init
  Workspace.init = function(ws, o)
    order[#order + 1] = ws.dir:match("[^/]+$")
    return orig_init(ws, o)
  end
  -- q-1 takes the slot; q-2 then q-3 arrive at the queue in that order (the wrapper signals each arrival just
  -- before the queue records it, with no yield in between)
  local orig_acquire = solver_mod.gate_acquire
  local arrival
  solver_mod.gate_acquire = function(g, deadline)
    if g == s.state.gate and arrival then arrival:set(true) end
    return orig_acquire(g, deadline)
  end
  for _, id in ipairs(ids) do
    arrival = sync.event()
    rt.spawn(function() done[id]:set(s:solve(id, PROMPT, { validator = "5Vali" })) end)
    arrival:wait()
    if id == "q-1" then started["q-1"]:wait() end
  end
  solver_mod.gate_acquire = orig_acquire
  expect.same(s:capacity(), { limit = 1, applying = 1, queued = 2, free = 0 })
  expect.same(order, { "q-1" }, "the others wait before init")
  release["q-1"]:set(true)
  expect.eq(done["q-1"]:wait().status, "success")
  started["q-2"]:wait()
  expect.same(order, { "q-1", "q-2" })
  release["q-2"]:set(true)
  started["q-3"]:wait()
  release["q-3"]:set(true)
  expect.eq(done["q-3"]:wait().status, "success")
  expect.same(order, { "q-1", "q-2", "q-3" }, "first come, first applied")
  expect.same(s:capacity(), { limit = 1, applying = 0, queued = 0, free = 1 })
  -- a task queued behind a held one gives up near its deadline without applying anything
  local hs, hr = sync.event(), sync.event()
  restores[#restores + 1] = hold("apply", "q-held", hs, hr)
  local held = sync.event()
  rt.spawn(function() held:set(s:solve("q-held", PROMPT, {})) end)
  hs:wait()
  local r = s:solve("q-late", PROMPT, { deadline = time.mono() + 10.3 })
  expect.eq(r.status, "error")
  expect.contains(r.error, "apply slots")
  expect.eq(registry(s)["q-late"].phase, "planned", "nothing applied")
  expect.eq(fs.stat(s.workdir .. "/tasks/q-late/terraform.tfstate"), nil)
  hr:set(true)
  expect.eq(held:wait().status, "success")
  Workspace.init = orig_init
  for i = #restores, 1, -1 do restores[i]() end
  expect.same(s:capacity(), { limit = 1, applying = 0, queued = 0, free = 1 })
  fs.rm(s.workdir, { recursive = true })
end)

test("a task id in use by another validator's task is refused; the same requester may run it again", function()
  local s = new_solver { dry_run = true }
  expect.eq(s:solve("t-dup", PROMPT, { validator = "5Vali" }).status, "dry_run")
  local r = s:solve("t-dup", PROMPT, { validator = "5Other" })
  expect.eq(r.status, "error")
  expect.contains(r.error, "another requester")
  expect.eq(registry(s)["t-dup"].validator, "5Vali")
  expect.eq(s:solve("t-dup", PROMPT, { validator = "5Vali" }).status, "dry_run")
  fs.rm(s.workdir, { recursive = true })
end)

test("a reload hands the registry and the apply queue to the new miney generation", function()
  local function load_miney()
    local env = setmetatable({}, { __index = _G })
    return assert(loadfile(ROOT .. "/scripts/miney.lua", "t", env))()
  end
  local old = load_miney()
  local first = old.StartRoundSynapse({}).available_capacity
  expect.eq(first, solver_mod.DEFAULT_MAX_APPLYING)
  local state = old.export().solver_state
  expect.truthy(state and state.gate, "the old generation exports its solver state")
  state.gate.active = 3 -- three applies in flight in the old generation
  local newer = load_miney()
  newer.import(old.export())
  expect.eq(newer.StartRoundSynapse({}).available_capacity, first - 3, "the same queue, not a second one")
  expect.eq(newer.export().solver_state, state)
  state.gate.active = 0
end)
