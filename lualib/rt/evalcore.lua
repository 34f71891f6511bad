-- The engine of `miner eval` (lualib/rt/evalcmd.lua is the command): read task corpora, load the entrypoint's
-- solver as a fresh generation (rt.boot, like a hot reload), run every task offline (no terraform: the plan's
-- predicted state after the plan checker), score it with the validator's comparison semantics, explain each
-- failing field, sum per family and per resource type, and compare with a saved baseline.
--   local core = require "rt.evalcore"
--   local tasks, problems = core.read_corpora{ "a.jsonl" }
--   local solver = assert(core.load_solver(entrypoint, { lualib_dir = ... }))
--   local report = core.run(solver, tasks)            -- report.tasks, report.families, report.types, report.totals
--   core.compare(core.snapshot(report), report)       -- {fixed=, broken=, new=, missing=}
local fs = require "fs"
local json = require "json"
local time = require "time"
local boot = require "rt.boot"

local M = {}

M.BASELINE_VERSION = 1

local function basename(path) return (path:match("([^/]+)$")) or path end
local function dirname(path) return path:match("^(.*)/[^/]*$") or "." end


-- ---------------------------------------------------------------------------------------------------------
-- Corpora

-- Short names for resource types, used to name the family of a task that has none (real traffic).
local SHORT = {
  google_compute_network = "network", google_compute_subnetwork = "subnet", google_compute_firewall = "firewall",
  google_compute_instance = "vm", google_storage_bucket = "bucket", google_storage_bucket_object = "object",
  google_artifact_registry_repository = "repository", google_pubsub_topic = "topic",
  google_pubsub_subscription = "subscription", google_dns_managed_zone = "dns",
}

-- "(bucket+object)" for a task without a family: the set of resource types it asks for.
function M.inferred_family(invariants)
  local seen, names = {}, {}
  for _, inv in ipairs(invariants) do
    local rtype = tostring(inv.resource_type)
    local short = SHORT[rtype] or rtype:gsub("^google_", "")
    if not seen[short] then seen[short] = true names[#names + 1] = short end
  end
  table.sort(names)
  return "(" .. table.concat(names, "+") .. ")"
end

local function number_or_nil(v) return type(v) == "number" and v or nil end

-- The optional real-traffic fields of a corpus line (written by the miner from TaskCleanupSynapse), typed.
local function traffic_fields(obj)
  local summary = type(obj.summary) == "table" and obj.summary or {}
  local t = {
    validator_score = number_or_nil(obj.validator_score),
    winner_latency_s = number_or_nil(obj.winner_latency_s) or number_or_nil(summary.winner_latency_s),
    miner_latency_s = number_or_nil(obj.miner_latency_s) or number_or_nil(summary.miner_latency_s),
    winner_uid = number_or_nil(obj.winner_uid) or number_or_nil(summary.winner_uid),
    miner_uid = number_or_nil(obj.miner_uid) or number_or_nil(summary.miner_uid),
    won = type(obj.won) == "boolean" and obj.won or nil,
  }
  if next(t) == nil then return nil end
  return t
end

-- One corpus line -> task, or nil + why. A line may hold the task itself or {task = {...}}.
local function task_of(obj, file, line)
  if type(obj) ~= "table" then return nil, "not a JSON object" end
  local t = type(obj.task) == "table" and obj.task or obj
  if type(t.prompt) ~= "string" then return nil, "no prompt" end
  if type(t.invariants) ~= "table" or #t.invariants == 0 then return nil, "no invariants" end
  for i, inv in ipairs(t.invariants) do
    if type(inv) ~= "table" or type(inv.resource_type) ~= "string" or type(inv.match) ~= "table" then
      return nil, ("invariant %d has no resource_type/match"):format(i)
    end
  end
  local style = {}
  if type(t.style) == "table" then for _, s in ipairs(t.style) do style[#style + 1] = tostring(s) end end
  return {
    file = file, line = line,
    task_id = type(t.task_id) == "string" and t.task_id or nil,
    family = (type(t.family) == "string" and t.family ~= "" and t.family) or M.inferred_family(t.invariants),
    style = style, prompt = t.prompt, invariants = t.invariants,
    traffic = traffic_fields(obj) or (obj ~= t and traffic_fields(t)) or nil,
  }
end

-- Reads JSONL corpora. Returns tasks (in file order, each with a unique key "<file name>:<task id>") and a list
-- of problems ("file:line: why") for lines that are not tasks. An unreadable file is an error (nil, message).
function M.read_corpora(paths)
  local tasks, problems, keys = {}, {}, {}
  for _, path in ipairs(paths) do
    local text, err = fs.read(path)
    if not text then return nil, err end
    local n = 0
    for line in (text .. "\n"):gmatch("([^\n]*)\n") do
      n = n + 1
      if line:match("%S") then
        local obj, jerr = json.decode(line)
        local task, why
        if obj == nil then why = "not JSON: " .. tostring(jerr) else task, why = task_of(obj, path, n) end
        if task then
          local key = basename(path) .. ":" .. (task.task_id or ("line" .. n))
          if keys[key] then key = key .. "@" .. n end
          keys[key] = true
          task.key = key
          tasks[#tasks + 1] = task
        else
          problems[#problems + 1] = ("%s:%d: %s"):format(path, n, why)
        end
      end
    end
  end
  return tasks, problems
end

-- ---------------------------------------------------------------------------------------------------------
-- Filters: "family=a,b", "id=PREFIX*", "file=NAME", "resource=google_x", "style=TAG"; values match exactly or
-- as globs with '*'. Several filters may be joined with ';' or ' ' (all must hold).

local function glob_matcher(values)
  local pats = {}
  for v in values:gmatch("[^,]+") do
    local p = "^" .. v:gsub("[%^%$%(%)%%%.%[%]%+%-%?]", "%%%0"):gsub("%*", ".*") .. "$"
    pats[#pats + 1] = p
  end
  return function(s)
    if s == nil then return false end
    for _, p in ipairs(pats) do if s:match(p) then return true end end
    return false
  end
end

local FILTER_KEYS = {
  family = function(t, m) return m(t.family) end,
  id = function(t, m) return m(t.task_id) or m(t.key) end,
  file = function(t, m) return m(t.file) or m(basename(t.file)) end,
  resource = function(t, m)
    for _, inv in ipairs(t.invariants) do if m(inv.resource_type) then return true end end
    return false
  end,
  style = function(t, m)
    for _, s in ipairs(t.style) do if m(s) then return true end end
    return false
  end,
}
FILTER_KEYS.task_id = FILTER_KEYS.id
FILTER_KEYS.resource_type = FILTER_KEYS.resource

-- Returns a predicate over tasks, or nil + message.
function M.parse_filter(spec)
  if spec == nil or spec == "" then return function() return true end end
  local preds = {}
  for part in spec:gmatch("[^;%s]+") do
    local key, values = part:match("^([%w_]+)=(.+)$")
    if not key then return nil, ("filter '%s' is not KEY=VALUE[,VALUE...]"):format(part) end
    local test = FILTER_KEYS[key]
    if not test then
      return nil, ("unknown filter key '%s' (family, id, file, resource, style)"):format(key)
    end
    local m = glob_matcher(values)
    preds[#preds + 1] = function(t) return test(t, m) end
  end
  return function(t)
    for _, p in ipairs(preds) do if not p(t) then return false end end
    return true
  end
end

function M.filter(tasks, pred)
  local out = {}
  for _, t in ipairs(tasks) do if pred(t) then out[#out + 1] = t end end
  return out
end

-- ---------------------------------------------------------------------------------------------------------
-- The solver under test

local function exists(path)
  local st = fs.stat(path)
  return st and st.type == "file"
end

-- --entrypoint as `miner run` resolves it: an existing path as given, else a name inside scripts/.
function M.resolve_entrypoint(name, scripts_dir)
  if exists(name) then return name end
  local candidate = scripts_dir .. "/" .. name
  if exists(candidate) then return candidate end
  return nil, ("entrypoint '%s' not found (looked at '%s' and '%s')"):format(name, name, candidate)
end

-- Loads the entrypoint and every module it requires as a fresh generation (rt.boot.load: the hot reload's
-- loader), so each call sees the files as they are now. The offline solver is the entrypoint's `offline`
-- handler if it has one, else `offline` of its alphacore.solver module; scores come from alphacore.validate
-- loaded the same way. opts: {lualib_dir, id}. Returns the solver, or nil + message (with file:line for a
-- syntax or load error); `files` lists every file read, even on failure.
function M.load_solver(entrypoint, opts)
  opts = opts or {}
  local files = {}
  local dirs = { dirname(entrypoint), opts.lualib_dir }
  local t0 = time.mono()
  local ok, gen = xpcall(boot.load, debug.traceback, entrypoint, dirs, opts.id or 1, files)
  if not ok then return nil, (tostring(gen):gsub("\nstack traceback:.*$", "")), files end
  local function req(name)
    local rok, mod = xpcall(gen.env.require, debug.traceback, name)
    if not rok then return nil, (tostring(mod):gsub("\nstack traceback:.*$", "")) end
    return mod
  end
  local offline = type(gen.handlers.offline) == "function" and gen.handlers.offline or nil
  local solver_mod, err
  if not offline then
    solver_mod, err = gen.loaded["alphacore.solver"], nil
    if solver_mod == nil then solver_mod, err = req("alphacore.solver") end
    if type(solver_mod) ~= "table" or type(solver_mod.offline) ~= "function" then
      return nil, err or (entrypoint .. ": no offline solver (neither handler offline() nor alphacore.solver.offline)"),
        files
    end
    offline = solver_mod.offline
  end
  local validate, verr = req("alphacore.validate")
  if type(validate) ~= "table" or type(validate.score) ~= "function" then
    return nil, verr or "alphacore.validate has no score()", files
  end
  local trust = gen.loaded["alphacore.trust"]
  return {
    entrypoint = entrypoint, files = files, gen = gen, offline = offline, validate = validate,
    trust = type(trust) == "table" and trust or nil,
    max_prompt = type(solver_mod) == "table" and tonumber(solver_mod.MAX_PROMPT_BYTES) or nil,
    load_seconds = time.mono() - t0,
  }
end

-- ---------------------------------------------------------------------------------------------------------
-- Explaining a failing invariant

local get_path = require("terraform").get_path -- the validator's path reading

-- Where `needle` (lower case) stands in `lower` as a word of its own: first an occurrence with no letter,
-- digit, '-' or '_' beside it, else one with no letter or digit beside it; with `any`, else any occurrence.
local function find_word(lower, needle, any)
  local loose, first
  local init = 1
  while true do
    local s, e = lower:find(needle, init, true)
    if not s then break end
    first = first or s
    local before, after = lower:sub(s - 1, s - 1), lower:sub(e + 1, e + 1)
    if not before:match("[%w_%-]") and not after:match("[%w_%-]") then return s, e end
    if not loose and not before:match("%w") and not after:match("%w") then loose = s end
    init = s + 1
  end
  local s = loose or (any and first)
  if s then return s, s + #needle - 1 end
end

-- The prompt around where `value` is stated: the value itself, else its longest word found in the prompt.
-- Returns the excerpt with the value in [brackets], or nil.
function M.excerpt(prompt, value, width)
  width = width or 45
  if type(value) ~= "string" and type(value) ~= "number" then return nil end
  value = tostring(value)
  local lower = prompt:lower()
  local s, e = find_word(lower, value:lower(), true)
  if not s then
    local words = {}
    for w in value:gmatch("[%w%-_%.]+") do if #w >= 3 and w ~= value then words[#words + 1] = w end end
    table.sort(words, function(a, b) if #a ~= #b then return #a > #b end return a < b end)
    for _, w in ipairs(words) do
      s, e = find_word(lower, w:lower(), false)
      if s then break end
    end
  end
  if not s then return nil end
  local a, b = math.max(1, s - width), math.min(#prompt, e + width)
  local text = (a > 1 and "..." or "") .. prompt:sub(a, s - 1) .. "[" .. prompt:sub(s, e) .. "]"
    .. prompt:sub(e + 1, b) .. (b < #prompt and "..." or "")
  return (text:gsub("%s+", " "))
end

-- Per field of one failing invariant: which fields the closest candidate of its type gets wrong.
-- Returns a list of {field, expected, got, rule} (field nil when no resource of the type exists).
local function explain(validate, state, inv)
  local rtype = inv.resource_type
  local candidates = state and state.by_type and state.by_type[rtype] or {}
  if #candidates == 0 then
    local named = inv.match["values.name"] or inv.match["values.repository_id"] or inv.match["values.secret_id"]
    return { { expected = rtype, got = nil, missing = true, excerpt_value = named } }
  end
  local rules = inv.comparison_rule or {}
  -- field groups: each path alone, except a firewall's allow.* paths, checked together like the validator does
  local groups, allow = {}, nil
  local paths = {}
  for path in pairs(inv.match) do paths[#paths + 1] = path end
  table.sort(paths)
  for _, path in ipairs(paths) do
    if rtype == "google_compute_firewall" and path:match("^values%.allow%.") then
      if not allow then allow = { field = "values.allow", paths = {} } groups[#groups + 1] = allow end
      allow.paths[#allow.paths + 1] = path
    else
      groups[#groups + 1] = { field = path, paths = { path } }
    end
  end
  if type(validate.check_resource) ~= "function" then return {} end
  local best, best_ok
  for _, cand in ipairs(candidates) do
    local wrong, nok = {}, 0
    for _, g in ipairs(groups) do
      local sub = { resource_type = rtype, match = {}, comparison_rule = {} }
      for _, p in ipairs(g.paths) do sub.match[p] = inv.match[p] sub.comparison_rule[p] = rules[p] end
      local ok = validate.check_resource(rtype, cand.values or {}, sub)
      if ok then nok = nok + 1 else wrong[#wrong + 1] = g end
    end
    if not best_ok or nok > best_ok then best, best_ok = { cand = cand, wrong = wrong }, nok end
  end
  local out = {}
  for _, g in ipairs(best.wrong) do
    local values = best.cand.values or {}
    if g.field == "values.allow" then
      local want = {}
      for _, p in ipairs(g.paths) do want[#want + 1] = p:gsub("^values%.", "") .. "=" .. tostring(inv.match[p]) end
      local shown = g.paths[#g.paths] -- the port says more about where the rule is stated than the protocol
      for _, p in ipairs(g.paths) do if p:match("ports") then shown = p end end
      out[#out + 1] = { field = g.field, expected = table.concat(want, " "), got = values.allow,
        excerpt_value = inv.match[shown] }
    else
      local p = g.field:gsub("^values%.", "")
      local got = get_path(values, p)
      if got == nil and p:match("^expiration_policy%.0%.") then got = get_path(values, (p:gsub("%.0%.", ".", 1))) end
      out[#out + 1] = { field = g.field, expected = inv.match[g.field], got = got, rule = rules[g.field],
        resource = best.cand.name }
    end
  end
  return out
end

-- ---------------------------------------------------------------------------------------------------------
-- Running a corpus

local function list_of(v)
  local out = {}
  if type(v) ~= "table" then return out end
  for _, x in ipairs(v) do
    if type(x) == "table" then out[#out + 1] = ("%s: %s"):format(tostring(x.kind), tostring(x.why))
    else out[#out + 1] = tostring(x) end
  end
  return out
end

local function first_line(s) return (tostring(s):match("^[^\n]*")) end

-- Runs one task. Returns the per-task result (see M.run).
function M.run_task(solver, task, opts)
  opts = opts or {}
  local t0 = time.mono()
  local r = { key = task.key, file = task.file, line = task.line, task_id = task.task_id, family = task.family,
    style = task.style, prompt = task.prompt, total = #task.invariants, passed = 0, failed = {}, failures = {},
    ambiguities = {}, dropped = {}, refused = {}, traffic = task.traffic, invariants = task.invariants }
  local out, err
  if solver.max_prompt and #task.prompt > solver.max_prompt then
    err = ("prompt is %d bytes; the solver reads at most %d"):format(#task.prompt, solver.max_prompt)
  else
    local ok, res = xpcall(solver.offline, debug.traceback, task.prompt, {
      task_id = task.task_id or task.key, hotkey = opts.hotkey or "eval", project = opts.project,
      second_tier = opts.second_tier, allowlist = opts.allowlist })
    if ok and type(res) == "table" then out = res
    elseif ok then err = "offline() returned " .. type(res)
    else err = first_line(res) end
  end
  local details
  if out then
    local plan = out.plan or {}
    r.ambiguities = list_of(plan.ambiguities)
    r.dropped = list_of(plan.dropped)
    r.refused = list_of(plan.refused)
    local ok, score, passed, total, d = xpcall(solver.validate.score, debug.traceback, out.state or { by_type = {} },
      task.invariants)
    if ok then r.passed, details = passed, d
    else err = "scoring failed: " .. first_line(score) end
  end
  r.error = err
  for i, inv in ipairs(task.invariants) do
    local det = details and details[i]
    if not (det and det.ok) then
      r.failed[#r.failed + 1] = i
      local f = { index = i, resource_type = inv.resource_type, why = det and det.why or err, fields = {} }
      if out and not err then
        local ok, fields = pcall(explain, solver.validate, out.state, inv)
        if ok then f.fields = fields end
        for _, fd in ipairs(f.fields) do
          fd.excerpt = M.excerpt(task.prompt, fd.excerpt_value or (not fd.missing and fd.expected) or nil)
          fd.excerpt_value = nil
        end
      end
      r.failures[#r.failures + 1] = f
    end
  end
  if err then r.passed = 0 end
  r.perfect = #r.failed == 0
  r.score = r.total > 0 and r.passed / r.total or 0
  r.seconds = time.mono() - t0
  return r
end

local function bucket(tbl, name)
  local b = tbl[name]
  if not b then
    b = { name = name, tasks = 0, perfect = 0, invariants = 0, passed = 0 }
    tbl[name] = b
  end
  return b
end

local function sorted_rows(tbl)
  local rows = {}
  for _, b in pairs(tbl) do rows[#rows + 1] = b end
  table.sort(rows, function(a, b) return a.name < b.name end)
  return rows
end

-- Sums results per family and per resource type. For a resource type, "tasks" counts the tasks that ask for
-- it and "perfect" those whose invariants of that type all pass.
function M.aggregate(results)
  local fam, types, totals = {}, {}, { name = "all", tasks = 0, perfect = 0, invariants = 0, passed = 0 }
  for _, r in ipairs(results) do
    local failed = {}
    for _, i in ipairs(r.failed) do failed[i] = true end
    local b = bucket(fam, r.family)
    for _, x in ipairs { b, totals } do
      x.tasks = x.tasks + 1
      x.perfect = x.perfect + (r.perfect and 1 or 0)
      x.invariants = x.invariants + r.total
      x.passed = x.passed + r.passed
    end
    local per = {}
    for i, inv in ipairs(r.invariants) do
      local p = per[inv.resource_type] or { n = 0, ok = 0 }
      per[inv.resource_type] = p
      p.n = p.n + 1
      if not failed[i] then p.ok = p.ok + 1 end
    end
    for rtype, p in pairs(per) do
      local t = bucket(types, rtype)
      t.tasks = t.tasks + 1
      t.perfect = t.perfect + (p.ok == p.n and 1 or 0)
      t.invariants = t.invariants + p.n
      t.passed = t.passed + p.ok
    end
  end
  return sorted_rows(fam), sorted_rows(types), totals
end

-- Real-traffic summary over the results whose lines carried validator fields, or nil when none did.
-- A round is won when the line says so (`won`), else when winner_uid == miner_uid, else when our score was
-- positive and our latency was the winner's latency or less.
function M.traffic(results)
  local rounds, won, scored, lat = 0, 0, 0, {}
  local fam = {}
  for _, r in ipairs(results) do
    local t = r.traffic
    if t then
      rounds = rounds + 1
      local w = t.won
      if w == nil and t.winner_uid and t.miner_uid then w = t.winner_uid == t.miner_uid end
      if w == nil and t.validator_score and t.miner_latency_s and t.winner_latency_s then
        w = t.validator_score > 0 and t.miner_latency_s <= t.winner_latency_s
      end
      if w then won = won + 1 end
      local f = fam[r.family] or { name = r.family, rounds = 0, won = 0, scored = 0, score_sum = 0, eval_sum = 0 }
      fam[r.family] = f
      f.rounds = f.rounds + 1
      if w then f.won = f.won + 1 end
      if t.validator_score then
        scored = scored + 1
        f.scored = f.scored + 1
        f.score_sum = f.score_sum + t.validator_score
      end
      f.eval_sum = f.eval_sum + r.score
      if t.miner_latency_s and t.winner_latency_s then lat[#lat + 1] = t.miner_latency_s - t.winner_latency_s end
    end
  end
  if rounds == 0 then return nil end
  local families = sorted_rows(fam)
  for _, f in ipairs(families) do
    f.validator_score = f.scored > 0 and f.score_sum / f.scored or nil
    f.eval_score = f.eval_sum / f.rounds
    f.score_sum, f.eval_sum = nil, nil
  end
  local gap
  if #lat > 0 then
    table.sort(lat)
    local sum, under = 0, 0
    for _, d in ipairs(lat) do sum = sum + d if d <= 0 then under = under + 1 end end
    local mid = #lat // 2
    gap = { rounds = #lat, mean = sum / #lat, at_or_under = under,
      median = #lat % 2 == 1 and lat[mid + 1] or (lat[mid] + lat[mid + 1]) / 2 }
  end
  return { rounds = rounds, won = won, scored = scored, families = families, latency_gap = gap }
end

-- Runs the tasks through the solver. opts: {hotkey, project, second_tier, allowlist}. Returns a report:
-- {tasks = {result...}, families, types, totals, traffic, seconds, load_seconds}, each result
-- {key, file, line, task_id, family, prompt, passed, total, score, perfect, failed = {invariant index...},
--  failures = {{index, resource_type, why, fields = {{field, expected, got, rule, excerpt, missing}}}},
--  ambiguities, dropped, refused, error, seconds, traffic}.
function M.run(solver, tasks, opts)
  local t0 = time.mono()
  local results = {}
  for i, task in ipairs(tasks) do results[i] = M.run_task(solver, task, opts) end
  local report = { tasks = results, load_seconds = solver.load_seconds or 0 }
  report.families, report.types, report.totals = M.aggregate(results)
  report.traffic = M.traffic(results)
  report.seconds = time.mono() - t0
  return report
end

-- ---------------------------------------------------------------------------------------------------------
-- Baselines

-- The per-task results worth keeping: {version, corpora, summary, tasks = {key = {family, passed, total, failed}}}.
-- `corpora` (the files of the run) lets a later `miner eval --baseline NAME` without files run the same ones.
function M.snapshot(report, previous, corpora)
  local tasks = {}
  -- tasks of an earlier snapshot that this run did not include (a filter) are kept
  if previous and type(previous.tasks) == "table" then for k, v in pairs(previous.tasks) do tasks[k] = v end end
  for _, r in ipairs(report.tasks) do
    tasks[r.key] = { family = r.family, passed = r.passed, total = r.total, failed = json.array { table.unpack(r.failed) } }
  end
  local s = { tasks = 0, perfect = 0, invariants = 0, passed = 0 }
  for _, t in pairs(tasks) do
    s.tasks = s.tasks + 1
    s.perfect = s.perfect + (#t.failed == 0 and 1 or 0)
    s.invariants = s.invariants + t.total
    s.passed = s.passed + t.passed
  end
  local files = corpora or (previous and previous.corpora)
  return { version = M.BASELINE_VERSION, summary = s, tasks = tasks,
    corpora = type(files) == "table" and json.array { table.unpack(files) } or nil }
end

-- What changed per task against a snapshot: an invariant that passed there and fails now breaks the task
-- (a regression), one that failed there and passes now fixes it. Tasks only on one side are new/missing.
-- Returns {fixed = {...}, broken = {...}, new = n, missing = n}, each entry {key, family, before, after, total,
-- newly_failing = {index...}, newly_passing = {index...}, result}.
function M.compare(snapshot, report)
  local out = { fixed = {}, broken = {}, new = 0, missing = 0 }
  local base = type(snapshot) == "table" and type(snapshot.tasks) == "table" and snapshot.tasks or {}
  local seen = {}
  for _, r in ipairs(report.tasks) do
    seen[r.key] = true
    local b = base[r.key]
    if type(b) ~= "table" then
      out.new = out.new + 1
    else
      local was, now = {}, {}
      for _, i in ipairs(b.failed or {}) do was[i] = true end
      for _, i in ipairs(r.failed) do now[i] = true end
      local nf, np = {}, {}
      local broken, fixed
      if b.total == r.total then
        for _, i in ipairs(r.failed) do if not was[i] then nf[#nf + 1] = i end end
        for _, i in ipairs(b.failed or {}) do if not now[i] then np[#np + 1] = i end end
        broken, fixed = #nf > 0, #np > 0
      else -- the task's invariants changed since the snapshot: compare the counts
        broken, fixed = r.passed < (b.passed or 0), r.passed > (b.passed or 0)
      end
      local entry = { key = r.key, family = r.family, before = b.passed, after = r.passed, total = r.total,
        before_total = b.total, newly_failing = nf, newly_passing = np, result = r }
      if broken then out.broken[#out.broken + 1] = entry
      elseif fixed then out.fixed[#out.fixed + 1] = entry end
    end
  end
  for k in pairs(base) do if not seen[k] then out.missing = out.missing + 1 end end
  return out
end

-- A baseline name: a path (has a '/' or ends in .json) or a name kept as <workdir>/eval/<name>.json.
function M.baseline_path(name, workdir)
  if name:find("/", 1, true) or name:match("%.json$") then return name end
  return (workdir or "local/work") .. "/eval/" .. name .. ".json"
end

-- Reads a snapshot: the table, or nil when the file does not exist, or nil + message when it is unusable.
function M.read_baseline(path)
  local text = fs.read(path)
  if not text then return nil end
  local t = json.decode(text)
  if type(t) ~= "table" or type(t.tasks) ~= "table" then return nil, path .. ": not a miner eval baseline" end
  return t
end

-- A snapshot as text: one line per task, sorted, so a diff of a committed baseline shows the tasks that moved.
function M.encode_baseline(snapshot)
  local keys = {}
  for k in pairs(snapshot.tasks) do keys[#keys + 1] = k end
  table.sort(keys)
  local lines = { "{", ('  "version": %d,'):format(snapshot.version or M.BASELINE_VERSION) }
  if snapshot.corpora then lines[#lines + 1] = '  "corpora": ' .. assert(json.encode(snapshot.corpora)) .. "," end
  lines[#lines + 1] = '  "summary": ' .. assert(json.encode(snapshot.summary)) .. ","
  lines[#lines + 1] = '  "tasks": {' 
  for i, k in ipairs(keys) do
    lines[#lines + 1] = "    " .. assert(json.encode(k)) .. ": " .. assert(json.encode(snapshot.tasks[k]))
      .. (i < #keys and "," or "")
  end
  lines[#lines + 1] = "  }"
  lines[#lines + 1] = "}"
  return table.concat(lines, "\n") .. "\n"
end

function M.write_baseline(path, snapshot)
  local ok, err = fs.mkdir(dirname(path), 493)
  if not ok then return nil, err end
  return fs.write(path, M.encode_baseline(snapshot), { mode = 420 })
end

return M
