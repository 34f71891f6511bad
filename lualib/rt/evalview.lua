-- How `miner eval` shows a report (lualib/rt/evalcore.lua makes it): text tables and failures for people,
-- one JSON document for programs.
--   view.text(report, {only_failing, changes, baseline, header}) -> string
--   view.json(report, {only_failing, changes, baseline, ...})    -> string (one line)
local json = require "json"

local M = {}

local function pct(n, d)
  if d == 0 then return "-" end
  return ("%.1f"):format(100 * n / d)
end

-- In a table the percent column is 5 wide whatever the values, so the tables keep their shape between runs.
local function pct_cell(n, d) return ("%5s"):format(pct(n, d)) end

-- Left-aligned first column, the others right-aligned; widths from the widest cell.
local function table_text(header, rows)
  local widths = {}
  for _, row in ipairs { header, table.unpack(rows) } do
    for i, cell in ipairs(row) do widths[i] = math.max(widths[i] or 0, #cell) end
  end
  local lines = {}
  for _, row in ipairs { header, table.unpack(rows) } do
    local cells = {}
    for i, cell in ipairs(row) do
      cells[i] = i == 1 and cell .. (" "):rep(widths[i] - #cell) or (" "):rep(widths[i] - #cell) .. cell
    end
    lines[#lines + 1] = (table.concat(cells, "  "):gsub("%s+$", ""))
  end
  return table.concat(lines, "\n")
end

local function stat_row(b)
  return { b.name, ("%d/%d"):format(b.perfect, b.tasks), pct_cell(b.perfect, b.tasks),
    ("%d/%d"):format(b.passed, b.invariants), pct_cell(b.passed, b.invariants) }
end

-- The family and resource-type tables (with --only-failing, only rows with an imperfect task).
function M.tables(report, opts)
  opts = opts or {}
  local out = {}
  for _, spec in ipairs { { "family", report.families }, { "resource type", report.types } } do
    local rows = {}
    for _, b in ipairs(spec[2]) do
      if not opts.only_failing or b.perfect < b.tasks then rows[#rows + 1] = stat_row(b) end
    end
    if spec[1] == "family" then rows[#rows + 1] = stat_row(report.totals) end
    out[#out + 1] = table_text({ spec[1], "perfect/tasks", "%", "passed/invariants", "%" }, rows)
  end
  return table.concat(out, "\n\n")
end

-- A value as it reads in a failure line: strings quoted with \n visible, long values cut.
function M.show(v, max)
  max = max or 72
  local s
  if v == nil or v == json.null then return "nothing"
  elseif type(v) == "string" then
    s = ("%q"):format(v):gsub("\\\n", "\\n"):gsub("\\9", "\\t")
  elseif type(v) == "table" then
    s = json.encode(v) or "?"
  else
    s = tostring(v)
  end
  if #s > max then s = s:sub(1, max - 3) .. "..." end
  return s
end

-- Two long strings that differ late (startup scripts): both shown from a little before the first difference.
local function show_pair(expected, got)
  if type(expected) == "string" and type(got) == "string" then
    local p = 0
    while p < #expected and p < #got and expected:byte(p + 1) == got:byte(p + 1) do p = p + 1 end
    local e, g = M.show(expected), M.show(got)
    if p > 24 and (#e > 40 or #g > 40) then
      local from = p - 12
      return M.show("..." .. expected:sub(from)), M.show("..." .. got:sub(from))
    end
    -- a long reference (a self link): its end is what differs
    if #got > 68 and got:match("^%S+$") and got:find("/", 1, true) then g = M.show("..." .. got:sub(-56)) end
    return e, g
  end
  return M.show(expected), M.show(got)
end

local function expected_got(f)
  local e, g = show_pair(f.expected, f.got)
  if f.rule and f.rule ~= "exact_match" then e = f.rule .. " " .. e end
  return e, g
end

-- The failures: per task the failing invariants and fields, where the prompt states the value, and what the
-- solver logged (ambiguities, dropped and refused resources, errors).
function M.failures(report)
  local lines, ntasks, ninv = {}, 0, 0
  for _, r in ipairs(report.tasks) do
    if not r.perfect then
      ntasks = ntasks + 1
      ninv = ninv + #r.failed
      lines[#lines + 1] = ("%s [%s] %d/%d"):format(r.key, r.family, r.passed, r.total)
      if r.error then lines[#lines + 1] = "  error: " .. r.error end
      for _, f in ipairs(r.failures) do
        if #f.fields == 0 then
          lines[#lines + 1] = ("  #%d %s: %s"):format(f.index, f.resource_type, f.why or "failed")
        end
        for _, fd in ipairs(f.fields) do
          if fd.missing then
            lines[#lines + 1] = ("  #%d %s: none in the plan"):format(f.index, f.resource_type)
          else
            local e, g = expected_got(fd)
            lines[#lines + 1] = ("  #%d %s %s: expected %s, got %s"):format(f.index, f.resource_type, fd.field, e, g)
          end
          if fd.excerpt then lines[#lines + 1] = "      prompt: " .. fd.excerpt end
        end
      end
      for _, a in ipairs(r.ambiguities) do lines[#lines + 1] = "  ambiguity: " .. a end
      for _, d in ipairs(r.dropped) do lines[#lines + 1] = "  dropped: " .. d end
      for _, d in ipairs(r.refused) do lines[#lines + 1] = "  refused: " .. d end
    end
  end
  if ntasks == 0 then return "failures: none" end
  table.insert(lines, 1, ("failures: %d task%s, %d invariant%s"):format(ntasks, ntasks == 1 and "" or "s", ninv,
    ninv == 1 and "" or "s"))
  return table.concat(lines, "\n")
end

-- Fixed and broken tasks against a baseline (changes = evalcore.compare()).
function M.changes(changes, label)
  local lines = { ("changes vs %s: %d fixed, %d broken, %d new, %d missing"):format(label, #changes.fixed,
    #changes.broken, changes.new, changes.missing) }
  local function types_of(e, list)
    local inv = e.result.invariants
    local fields = {}
    for _, f in ipairs(e.result.failures) do
      local names = {}
      for _, fd in ipairs(f.fields) do names[#names + 1] = fd.missing and "none in the plan" or fd.field end
      if #names > 0 then fields[f.index] = " (" .. table.concat(names, ", ") .. ")" end
    end
    local out = {}
    for _, i in ipairs(list) do
      out[#out + 1] = ("#%d %s%s"):format(i, inv[i] and inv[i].resource_type or "?", fields[i] or "")
    end
    return table.concat(out, ", ")
  end
  for _, e in ipairs(changes.broken) do
    lines[#lines + 1] = ("  BROKEN %s [%s] %d/%d -> %d/%d%s"):format(e.key, e.family, e.before or 0,
      e.before_total or e.total, e.after, e.total, #e.newly_failing > 0 and (": " .. types_of(e, e.newly_failing)) or "")
  end
  for _, e in ipairs(changes.fixed) do
    lines[#lines + 1] = ("  fixed  %s [%s] %d/%d -> %d/%d%s"):format(e.key, e.family, e.before or 0,
      e.before_total or e.total, e.after, e.total, #e.newly_passing > 0 and (": " .. types_of(e, e.newly_passing)) or "")
  end
  return table.concat(lines, "\n")
end

local function signed(x) return (x >= 0 and "+" or "") .. ("%.1f"):format(x) end

-- Rounds won, score by family and the latency gap, for corpora from real traffic.
function M.traffic(t)
  local lines = { ("real traffic: %d round%s with validator results, %d won (%s%%)"):format(t.rounds,
    t.rounds == 1 and "" or "s", t.won, pct(t.won, t.rounds)) }
  local rows = {}
  for _, f in ipairs(t.families) do
    rows[#rows + 1] = { f.name, tostring(f.rounds), tostring(f.won),
      f.validator_score and ("%.3f"):format(f.validator_score) or "-", ("%.3f"):format(f.eval_score) }
  end
  lines[#lines + 1] = table_text({ "family", "rounds", "won", "validator score", "eval now" }, rows)
  local g = t.latency_gap
  if g then
    lines[#lines + 1] = ("latency gap to the round's winner: median %s s, mean %s s over %d round%s (%d at or under)")
      :format(signed(g.median), signed(g.mean), g.rounds, g.rounds == 1 and "" or "s", g.at_or_under)
  else
    lines[#lines + 1] = "latency gap to the round's winner: no round with both latencies"
  end
  return table.concat(lines, "\n")
end

function M.summary_line(report)
  local t = report.totals
  return ("%d task%s, %d perfect (%s%%), invariants %d/%d (%s%%) in %.3f s (+%.3f s loading the solver)"):format(
    t.tasks, t.tasks == 1 and "" or "s", t.perfect, pct(t.perfect, t.tasks), t.passed, t.invariants, pct(t.passed, t.invariants), report.seconds,
    report.load_seconds)
end

-- opts: {only_failing, changes, baseline (label), header (first line)}
function M.text(report, opts)
  opts = opts or {}
  local parts = {}
  if opts.header then parts[#parts + 1] = opts.header end
  parts[#parts + 1] = M.tables(report, opts)
  parts[#parts + 1] = M.failures(report)
  if report.traffic then parts[#parts + 1] = M.traffic(report.traffic) end
  if opts.changes then parts[#parts + 1] = M.changes(opts.changes, opts.baseline or "baseline") end
  parts[#parts + 1] = M.summary_line(report)
  return table.concat(parts, "\n\n") .. "\n"
end

local function arr(list) return json.array(list or {}) end

local function task_json(r)
  local failures = {}
  for _, f in ipairs(r.failures) do
    local fields = {}
    for _, fd in ipairs(f.fields) do
      fields[#fields + 1] = { field = fd.field, expected = fd.expected, got = fd.got, rule = fd.rule,
        excerpt = fd.excerpt, missing = fd.missing }
    end
    failures[#failures + 1] = { index = f.index, resource_type = f.resource_type, why = f.why, fields = arr(fields) }
  end
  return { key = r.key, file = r.file, line = r.line, task_id = r.task_id, family = r.family, passed = r.passed,
    total = r.total, score = r.score, perfect = r.perfect, failed = arr(r.failed), failures = arr(failures),
    ambiguities = arr(r.ambiguities), dropped = arr(r.dropped), refused = arr(r.refused), error = r.error,
    ms = math.floor(r.seconds * 1e6 + 0.5) / 1e3, traffic = r.traffic }
end

local function change_json(list)
  local out = {}
  for _, e in ipairs(list) do
    out[#out + 1] = { key = e.key, family = e.family, before = e.before, after = e.after, total = e.total,
      newly_failing = arr(e.newly_failing), newly_passing = arr(e.newly_passing) }
  end
  return arr(out)
end

-- One JSON document (one line): totals, families, resource types, tasks (with --only-failing only the
-- imperfect ones), changes against the baseline and the real-traffic summary when there is one.
function M.json(report, opts)
  opts = opts or {}
  local tasks = {}
  for _, r in ipairs(report.tasks) do
    if not opts.only_failing or not r.perfect then tasks[#tasks + 1] = task_json(r) end
  end
  local doc = {
    totals = report.totals, families = arr(report.families), resource_types = arr(report.types), tasks = arr(tasks),
    seconds = report.seconds, load_seconds = report.load_seconds, traffic = report.traffic,
    corpora = opts.corpora and arr(opts.corpora), entrypoint = opts.entrypoint, run = opts.run,
  }
  if opts.changes then
    doc.changes = { baseline = opts.baseline, fixed = change_json(opts.changes.fixed),
      broken = change_json(opts.changes.broken), new = opts.changes.new, missing = opts.changes.missing }
  end
  if report.traffic then
    doc.traffic = { rounds = report.traffic.rounds, won = report.traffic.won, scored = report.traffic.scored,
      families = arr(report.traffic.families), latency_gap = report.traffic.latency_gap }
  end
  return assert(json.encode(doc)) .. "\n"
end

-- A run that produced no report (the solver did not load, a corpus was unreadable).
function M.json_error(run, message)
  return assert(json.encode { run = run, error = tostring(message) }) .. "\n"
end

return M
