-- `miner eval`'s engine (lualib/rt/evalcore.lua, evalview.lua) on its own small corpus and a fake solver,
-- so the numbers here do not move when the real parser changes. Scores come from the real
-- alphacore.validate (the validator's comparison semantics), loaded through the fake entrypoint like a
-- generation. Process-level behaviour (exit codes, --watch) is in tests/js/eval.test.mjs.
local fs = require "fs"
local json = require "json"
local rt = require "rt"
local crypto = require "crypto"
local core = require "rt.evalcore"
local view = require "rt.evalview"

-- The fake solver: "+TYPE k=v k=v;" makes one resource of TYPE with those values; "maybe X" logs an
-- ambiguity; "-KIND why;" a dropped resource. `extra` is appended to the module (a v2 with a bug, ...).
local FAKE = [[
local M = {}
function M.offline(prompt, opts)
  local plan = { ambiguities = {}, dropped = {}, refused = {} }
  local state = { by_type = {} }
  for rtype, body in prompt:gmatch("%+([%w_]+)([^;]*)") do
    local values = {}
    for k, v in body:gmatch("([%w_]+)=(%S+)") do
      if v == "true" then v = true elseif v == "false" then v = false
      elseif v:match("^%d+$") then v = math.tointeger(tonumber(v)) end
      values[k] = v
    end
    if M.transform then M.transform(rtype, values) end
    local list = state.by_type[rtype] or {}
    list[#list + 1] = { name = "r" .. (#list + 1), values = values }
    state.by_type[rtype] = list
  end
  for what in prompt:gmatch("maybe (%w+)") do plan.ambiguities[#plan.ambiguities + 1] = "guessed the " .. what end
  for kind, why in prompt:gmatch("%-(%a+) ([^;]*);") do plan.dropped[#plan.dropped + 1] = { kind = kind, why = why } end
  return { plan = plan, state = state }
end
]]

local function inv(rtype, match, rules) return { resource_type = rtype, match = match, comparison_rule = rules or {} } end
local B, T, S = "google_storage_bucket", "google_pubsub_topic", "google_pubsub_subscription"

-- 5 tasks: t1 perfect; t2 wrong bucket location; t3 no subscription (and a dropped one); t4 perfect;
-- t5 (no family: named from its resource types) a topic whose name misses the prefix rule.
local CORPUS = {
  { task_id = "t1", family = "storage", prompt = "Make +google_storage_bucket name=logs-a1 location=US-EAST1; done.",
    invariants = { inv(B, { ["values.name"] = "logs-a1", ["values.location"] = "US-EAST1" }) } },
  { task_id = "t2", family = "storage", prompt = "A bucket called logs-b2 in us-east1, please. +google_storage_bucket name=logs-b2 location=US-WEST1; maybe region",
    invariants = { inv(B, { ["values.name"] = "logs-b2", ["values.location"] = "US-EAST1" }) } },
  { task_id = "t3", family = "messaging", prompt = "Topic evt-c3 with subscription sub-c3 (ack 20 s). +google_pubsub_topic name=evt-c3; -subscription ack deadline out of range;",
    invariants = { inv(T, { ["values.name"] = "evt-c3" }), inv(S, { ["values.name"] = "sub-c3", ["values.ack_deadline_seconds"] = 20 }) } },
  { task_id = "t4", family = "messaging", prompt = "+google_pubsub_topic name=evt-d4; +google_pubsub_subscription name=sub-d4 ack_deadline_seconds=30;",
    invariants = { inv(T, { ["values.name"] = "evt-d4" }), inv(S, { ["values.name"] = "sub-d4", ["values.ack_deadline_seconds"] = 30 }) } },
  { task_id = "t5", prompt = "A topic whose name starts with pfx9 +google_pubsub_topic name=other-pfx9;",
    invariants = { inv(T, { ["values.name"] = "pfx9" }, { ["values.name"] = "starts_with" }) } },
}

local function tmpdir()
  local dir = (os.getenv("TEST_TMPDIR") or "/tmp") .. "/eval-" .. crypto.hex(crypto.random(6))
  assert(fs.mkdir(dir .. "/alphacore"))
  return dir
end

-- A solver folder: entry.lua requiring alphacore.solver, which is the fake (found beside the entrypoint
-- before lualib/, like any module of a generation).
local function make_solver(dir, extra)
  assert(fs.write(dir .. "/entry.lua", 'local solver = require "alphacore.solver"\nreturn {}\n'))
  assert(fs.write(dir .. "/alphacore/solver.lua", FAKE .. (extra or "") .. "\nreturn M\n"))
  return dir .. "/entry.lua"
end

local function write_corpus(dir, tasks)
  local lines = {}
  for _, t in ipairs(tasks) do lines[#lines + 1] = assert(json.encode(t)) end
  assert(fs.write(dir .. "/fixture.jsonl", table.concat(lines, "\n") .. "\n"))
  return dir .. "/fixture.jsonl"
end

local function evaluate(dir, extra, filter)
  local entry = make_solver(dir, extra)
  local tasks, problems = core.read_corpora { dir .. "/fixture.jsonl" }
  expect.eq(#problems, 0, "corpus problems")
  if filter then tasks = core.filter(tasks, assert(core.parse_filter(filter))) end
  local solver = assert(core.load_solver(entry, { lualib_dir = rt.config.lualib_dir }))
  return core.run(solver, tasks), solver
end

test("a corpus with a known mix of passes and failures gives the exact tables", function()
  local dir = tmpdir()
  write_corpus(dir, CORPUS)
  local report = evaluate(dir)
  expect.eq(view.tables(report), table.concat({
    "family     perfect/tasks      %  passed/invariants      %",
    "(topic)              0/1    0.0                0/1    0.0",
    "messaging            1/2   50.0                3/4   75.0",
    "storage              1/2   50.0                1/2   50.0",
    "all                  2/5   40.0                4/7   57.1",
    "",
    "resource type               perfect/tasks      %  passed/invariants      %",
    "google_pubsub_subscription            1/2   50.0                1/2   50.0",
    "google_pubsub_topic                   2/3   66.7                2/3   66.7",
    "google_storage_bucket                 1/2   50.0                1/2   50.0",
  }, "\n"))
  expect.same({ report.totals.tasks, report.totals.perfect, report.totals.invariants, report.totals.passed }, { 5, 2, 7, 4 })
  -- --only-failing: rows without a failing task go; the total stays
  expect.eq(view.tables(report, { only_failing = true }):match("^[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n"),
    "family     perfect/tasks      %  passed/invariants      %\n" ..
    "(topic)              0/1    0.0                0/1    0.0\n" ..
    "messaging            1/2   50.0                3/4   75.0\n" ..
    "storage              1/2   50.0                1/2   50.0\n" ..
    "all                  2/5   40.0                4/7   57.1\n")
  fs.rm(dir, { recursive = true })
end)

test("failures name the invariant, the field, expected vs got, the prompt around the value and the log", function()
  local dir = tmpdir()
  write_corpus(dir, CORPUS)
  local report = evaluate(dir)
  expect.eq(view.failures(report), table.concat({
    "failures: 3 tasks, 3 invariants",
    "fixture.jsonl:t2 [storage] 0/1",
    '  #1 google_storage_bucket values.location: expected "US-EAST1", got "US-WEST1"',
    "      prompt: A bucket called logs-b2 in [us-east1], please. +google_storage_bucket name=logs-b2...",
    "  ambiguity: guessed the region",
    "fixture.jsonl:t3 [messaging] 1/2",
    "  #2 google_pubsub_subscription: none in the plan",
    "      prompt: Topic evt-c3 with subscription [sub-c3] (ack 20 s). +google_pubsub_topic name=evt-c3...",
    "  dropped: subscription: ack deadline out of range",
    "fixture.jsonl:t5 [(topic)] 0/1",
    '  #1 google_pubsub_topic values.name: expected starts_with "pfx9", got "other-pfx9"',
    "      prompt: A topic whose name starts with [pfx9] +google_pubsub_topic name=other-pfx9;",
  }, "\n"))
  local t2 = report.tasks[2]
  expect.same(t2.failed, { 1 })
  expect.eq(t2.failures[1].fields[1].field, "values.location")
  expect.eq(t2.failures[1].fields[1].got, "US-WEST1")
  fs.rm(dir, { recursive = true })
end)

test("a deliberate regression is reported as broken against the snapshot; a fix as fixed", function()
  local dir = tmpdir()
  write_corpus(dir, CORPUS)
  local before = core.snapshot(evaluate(dir))
  -- v2: every bucket lands in US-WEST1 (breaks t1, t2 stays broken), topics get the prefix right (fixes t5)
  local after = evaluate(dir, [[
function M.transform(rtype, v)
  if rtype == "google_storage_bucket" then v.location = "US-WEST1" end
  if rtype == "google_pubsub_topic" and v.name == "other-pfx9" then v.name = "pfx9-x1" end
end
]])
  local changes = core.compare(before, after)
  expect.eq(#changes.broken, 1, "broken")
  expect.eq(changes.broken[1].key, "fixture.jsonl:t1")
  expect.same(changes.broken[1].newly_failing, { 1 })
  expect.eq(#changes.fixed, 1, "fixed")
  expect.eq(changes.fixed[1].key, "fixture.jsonl:t5")
  expect.same({ changes.new, changes.missing }, { 0, 0 })
  expect.eq(view.changes(changes, "base"), table.concat({
    "changes vs base: 1 fixed, 1 broken, 0 new, 0 missing",
    "  BROKEN fixture.jsonl:t1 [storage] 1/1 -> 0/1: #1 google_storage_bucket (values.location)",
    "  fixed  fixture.jsonl:t5 [(topic)] 0/1 -> 1/1: #1 google_pubsub_topic",
  }, "\n"))
  -- the snapshot round-trips through its file format; a filtered run keeps the other tasks of the snapshot
  local path = dir .. "/eval/base.json"
  assert(core.write_baseline(path, before))
  expect.same(core.read_baseline(path), json.decode(core.encode_baseline(before)))
  expect.eq(#core.compare(core.read_baseline(path), after).broken, 1)
  local partial = evaluate(dir, nil, "family=storage")
  local merged = core.snapshot(partial, before)
  expect.eq(merged.summary.tasks, 5)
  expect.eq(core.compare(before, partial).missing, 3)
  fs.rm(dir, { recursive = true })
end)

test("filters: family, id, resource, style, globs; bad filters are errors", function()
  local dir = tmpdir()
  write_corpus(dir, CORPUS)
  local tasks = core.read_corpora { dir .. "/fixture.jsonl" }
  local function ids(spec)
    local out = {}
    for _, t in ipairs(core.filter(tasks, assert(core.parse_filter(spec)))) do out[#out + 1] = t.task_id end
    return table.concat(out, ",")
  end
  expect.eq(ids("family=storage"), "t1,t2")
  expect.eq(ids("family=storage,messaging"), "t1,t2,t3,t4")
  expect.eq(ids("family=(topic)"), "t5")
  expect.eq(ids("id=t[1]"), "") -- no patterns, only '*'
  expect.eq(ids("id=t*;family=messaging"), "t3,t4")
  expect.eq(ids("resource=google_pubsub_subscription"), "t3,t4")
  expect.eq(ids("file=fixture.jsonl"), "t1,t2,t3,t4,t5")
  expect.truthy(not core.parse_filter("family"), "no '='")
  local _, err = core.parse_filter("colour=red")
  expect.contains(err, "unknown filter key 'colour'")
  fs.rm(dir, { recursive = true })
end)

test("corpus lines that are not tasks are reported with file:line; duplicate ids get distinct keys", function()
  local dir = tmpdir()
  assert(fs.write(dir .. "/c.jsonl", table.concat({
    json.encode(CORPUS[1]), "", "not json", '{"prompt": "x"}', json.encode(CORPUS[1]),
    json.encode { task = CORPUS[4], validator_score = 0.5 },
  }, "\n")))
  local tasks, problems = core.read_corpora { dir .. "/c.jsonl" }
  expect.eq(#tasks, 3)
  expect.eq(tasks[1].key, "c.jsonl:t1")
  expect.eq(tasks[2].key, "c.jsonl:t1@5")
  expect.eq(tasks[3].traffic.validator_score, 0.5)
  expect.eq(#problems, 2)
  expect.contains(problems[1], "c.jsonl:3: not JSON")
  expect.contains(problems[2], "c.jsonl:4: no invariants")
  expect.eq(select(2, core.read_corpora { dir .. "/missing.jsonl" }):match("read"), "read")
  fs.rm(dir, { recursive = true })
end)

test("a solver that does not load gives file:line; a solver error fails only its task", function()
  local dir = tmpdir()
  write_corpus(dir, CORPUS)
  local entry = make_solver(dir)
  assert(fs.write(dir .. "/alphacore/solver.lua", "local M = {}\nfunction M.offline(\nreturn M\n"))
  local solver, err, files = core.load_solver(entry, { lualib_dir = rt.config.lualib_dir })
  expect.falsy(solver)
  expect.contains(err, dir .. "/alphacore/solver.lua:3:")
  expect.eq(files[#files], dir .. "/alphacore/solver.lua")
  local report = evaluate(dir, [[
local offline = M.offline
function M.offline(prompt, opts)
  if prompt:find("evt%-d4") then error("boom in the parser") end
  return offline(prompt, opts)
end
]])
  local t4 = report.tasks[4]
  expect.contains(t4.error, "boom in the parser")
  expect.same(t4.failed, { 1, 2 })
  expect.eq(report.totals.passed, 2)
  expect.contains(view.failures(report), "fixture.jsonl:t4 [messaging] 0/2\n  error: ")
  fs.rm(dir, { recursive = true })
end)

test("real traffic: rounds won, validator score by family, latency gap", function()
  local dir = tmpdir()
  local lines = {}
  local extra = {
    { validator_score = 1.0, miner_latency_s = 50.0, winner_latency_s = 50.0 },           -- won (latency is the winner's)
    { validator_score = 0.0, miner_latency_s = 70.0, winner_latency_s = 40.0 },           -- lost
    { validator_score = 0.5, summary = { miner_latency_s = 90.0, winner_latency_s = 60.0, miner_uid = 3, winner_uid = 7 } },
    { validator_score = 1.0, won = true },                                                -- no latencies
  }
  for i, t in ipairs { CORPUS[1], CORPUS[2], CORPUS[3], CORPUS[4] } do
    local line = {}
    for k, v in pairs(t) do line[k] = v end
    for k, v in pairs(extra[i]) do line[k] = v end
    lines[#lines + 1] = line
  end
  write_corpus(dir, lines)
  local report = evaluate(dir)
  local tr = report.traffic
  expect.same({ tr.rounds, tr.won, tr.scored }, { 4, 2, 4 })
  expect.same({ tr.latency_gap.rounds, tr.latency_gap.median, tr.latency_gap.mean, tr.latency_gap.at_or_under },
    { 3, 30.0, 20.0, 1 })
  expect.eq(view.traffic(tr), table.concat({
    "real traffic: 4 rounds with validator results, 2 won (50.0%)",
    "family     rounds  won  validator score  eval now",
    "messaging       2    1            0.750     0.750",
    "storage         2    1            0.500     0.500",
    "latency gap to the round's winner: median +30.0 s, mean +20.0 s over 3 rounds (1 at or under)",
  }, "\n"))
  -- a corpus without those fields has no traffic section
  write_corpus(dir, CORPUS)
  expect.falsy(evaluate(dir).traffic)
  fs.rm(dir, { recursive = true })
end)

test("--json: one document with totals, tasks (only the failing ones with only_failing) and changes", function()
  local dir = tmpdir()
  write_corpus(dir, CORPUS)
  local report = evaluate(dir)
  local doc = json.decode(view.json(report, { only_failing = true, changes = core.compare(core.snapshot(report), report),
    baseline = "b" }))
  expect.same(doc.totals, { name = "all", tasks = 5, perfect = 2, invariants = 7, passed = 4 })
  expect.eq(#doc.tasks, 3)
  expect.eq(doc.tasks[1].key, "fixture.jsonl:t2")
  expect.eq(doc.tasks[1].failures[1].fields[1].expected, "US-EAST1")
  expect.same(doc.tasks[1].ambiguities, { "guessed the region" })
  expect.eq(#doc.changes.broken, 0)
  expect.eq(#json.decode(view.json(report)).tasks, 5)
  fs.rm(dir, { recursive = true })
end)

test("excerpts prefer the value standing alone; a script is found by its token", function()
  expect.eq(core.excerpt("firewall allow-8080 for tcp 8080 at priority 950", 8080, 10),
    "...0 for tcp [8080] at priori...")
  expect.eq(core.excerpt("the VM boots with printf 'ab12-cd34' into the token file", "#!/bin/bash\nprintf 'ab12-cd34' > /var/tmp/acore-token\n", 8),
    "...printf '[ab12-cd34]' into t...")
  expect.falsy(core.excerpt("nothing here", "zzz-yyy"))
  expect.falsy(core.excerpt("true story", true))
end)
