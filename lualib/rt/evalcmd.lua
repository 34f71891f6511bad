-- `miner eval FILE.jsonl...`: every task of the corpora through the entrypoint's solver offline (no terraform),
-- scored with the validator's rules: tables per family and per resource type, then each failure (invariant,
-- field, expected vs got, the prompt around the value, the parser's ambiguities).
--   --save NAME       compare with the last run saved as NAME (if any), then save this run as NAME
--   --baseline NAME   compare with NAME only (never written): for CI
--                     (NAME: a path with a '/' or ending in .json, else <workdir>/eval/NAME.json)
--                     A task that passed an invariant there and fails it now is a regression: exit code 1.
--   --watch           re-run whenever a file of the solver (the folders of every file it loaded) or a corpus
--                     changes; a file that does not load is shown with file:line and the last table stands
--   --json            one JSON document per run on stdout
--   --filter K=V      family=, id=, file=, resource=, style= (comma-separated values, '*' globs, ';' joins)
--   --only-failing    tables and JSON tasks only where something fails
-- Without FILE: the corpora the baseline (--baseline/--save NAME) was made from, else the real-traffic corpus
-- <workdir>/corpus.jsonl (and its rotated corpus.jsonl.1) that the miner writes from validators' cleanups.
local rt = require "rt"
local fs = require "fs"
local log = require "log"
local time = require "time"
local timer = require "timer"
local crypto = require "crypto"
local core = require "rt.evalcore"
local view = require "rt.evalview"

local M = {}

M.POLL_SECONDS = 0.05 -- how often --watch looks at the watched folders when directory events are unavailable
M.RESCAN_SECONDS = 2 -- with events: a rescan anyway this often

local function out(s)
  io.stdout:write(s)
  io.stdout:flush()
end

local function dirname(path) return path:match("^(.*)/[^/]*$") or "." end

-- ---------------------------------------------------------------------------------------------------------
-- Watching: the folders of every file the solver loaded (editors save by write-then-rename, so folders, not
-- open files) plus the corpora, looked at every POLL_SECONDS; a change waits for a quiet period
-- (--reload.debounce_ms), and a run happens only when the content actually changed.

local function scan(dirs, extra)
  local snap = {}
  for dir in pairs(dirs) do
    for _, name in ipairs(fs.list(dir) or {}) do
      if name:match("%.lua$") then
        local path = dir .. "/" .. name
        local st = fs.stat(path)
        if st then snap[path] = { mtime = st.mtime, size = st.size } end
      end
    end
  end
  for _, path in ipairs(extra) do
    local st = fs.stat(path)
    snap[path] = st and { mtime = st.mtime, size = st.size } or { mtime = 0, size = -1 }
  end
  return snap
end

local function diff(a, b)
  local changed = {}
  for k, v in pairs(b) do
    local o = a[k]
    if not o or o.mtime ~= v.mtime or o.size ~= v.size then changed[#changed + 1] = k end
  end
  for k in pairs(a) do if b[k] == nil then changed[#changed + 1] = k end end
  table.sort(changed)
  return changed
end

local function content_hash(paths)
  local parts = {}
  for _, p in ipairs(paths) do parts[#parts + 1] = p .. "\0" .. (fs.read(p) or "") .. "\0" end
  return crypto.blake2b(table.concat(parts))
end

-- Directory events (fs.watch: libuv's, as the hot reload uses) for the watched folders and the corpora's
-- folders; rebuilt when the set of folders grows. nil when events are not available (then: polling).
local watcher, watcher_key
local function events_for(dirs, extra)
  local set = {}
  for d in pairs(dirs) do set[d] = true end
  for _, f in ipairs(extra or {}) do set[dirname(f)] = true end
  local list = {}
  for d in pairs(set) do list[#list + 1] = d end
  table.sort(list)
  local key = table.concat(list, "\0")
  if key ~= watcher_key then
    if watcher then watcher:close() end
    local w, err = fs.watch(list)
    if not w then log.warn("eval: no directory events (%s): polling every %.2fs", tostring(err), M.POLL_SECONDS) end
    watcher, watcher_key = w, key
  end
  return watcher
end

-- Blocks until a watched file changed and stayed quiet for `quiet` seconds; returns the changed paths and
-- the last scan. Woken by directory events; a slow rescan runs anyway, in case an event was missed.
local function wait_for_change(dirs, extra, snap, quiet)
  while true do
    local w = events_for(dirs, extra)
    if w then w:wait(M.RESCAN_SECONDS) else timer.sleep(M.POLL_SECONDS) end
    local now = scan(dirs, extra)
    local changed = diff(snap, now)
    if #changed > 0 then
      local all = {}
      for _, p in ipairs(changed) do all[p] = true end
      while true do -- debounce: wait until nothing moves for the quiet period
        timer.sleep(quiet)
        local later = scan(dirs, extra)
        local more = diff(now, later)
        now = later
        if #more == 0 then break end
        for _, p in ipairs(more) do all[p] = true end
      end
      local list = {}
      for p in pairs(all) do list[#list + 1] = p end
      table.sort(list)
      return list, now
    end
  end
end

-- ---------------------------------------------------------------------------------------------------------

local function usage(msg)
  io.stderr:write("miner eval: ", msg, "\n",
    "usage: miner eval [FILE.jsonl...] [--save NAME] [--baseline NAME] [--watch] [--json] [--filter K=V] [--only-failing]\n")
  return 2
end

function M.main(...)
  local cfg = rt.config
  local opts = cfg.eval or {}
  local entrypoint, eerr = core.resolve_entrypoint(cfg.entrypoint, cfg.scripts_dir)
  if not entrypoint then return usage(eerr) end
  local pred, ferr = core.parse_filter(opts.filter)
  if not pred then return usage(ferr) end

  -- the reference: --baseline NAME, else the last --save NAME; in --watch mode without either, the first run
  local ref_label, reference, save_path
  if opts.save then save_path = core.baseline_path(opts.save, cfg.workdir) end
  if opts.baseline then
    ref_label = core.baseline_path(opts.baseline, cfg.workdir)
    local b, err = core.read_baseline(ref_label)
    if not b then
      return usage(err or ("baseline %s does not exist (write it with --save %s)"):format(ref_label, opts.baseline))
    end
    reference = b
  elseif save_path then
    local b, err = core.read_baseline(save_path)
    if err then return usage(err) end
    reference, ref_label = b, b and save_path
  end

  -- the corpora: as given, else those the baseline was made from, else the real traffic (with its rotation)
  local files = { ... }
  if #files == 0 and reference and type(reference.corpora) == "table" then
    for _, f in ipairs(reference.corpora) do files[#files + 1] = tostring(f) end
  end
  if #files == 0 then
    local traffic = cfg.workdir .. "/corpus.jsonl"
    if fs.stat(traffic .. ".1") then files[#files + 1] = traffic .. ".1" end
    if fs.stat(traffic) then files[#files + 1] = traffic end
    if #files == 0 then return usage("no corpus given and no real-traffic corpus at " .. traffic) end
  end

  collectgarbage("generational") -- a run allocates a lot of short-lived tables: ~20% faster
  local run_opts = { hotkey = "eval", project = cfg.gcp and cfg.gcp.project, second_tier = cfg.solver.second_tier }
  local last_ok, last_summary -- run number and summary of the last table shown

  -- One run: returns the exit code it would end with, and the files the solver loaded (even on failure).
  local function run(n, why)
    local stamp = os.date("%H:%M:%S")
    local tasks, problems = core.read_corpora(files)
    if not tasks then
      if opts.json then out(view.json_error(n, problems))
      elseif opts.watch then out(("== run %d at %s\ncorpus not read: %s\n\n"):format(n, stamp, problems))
      else io.stderr:write("miner eval: corpus not read: ", problems, "\n") end
      return 2, {}
    end
    for _, p in ipairs(problems) do log.warn("skipped %s", p) end
    tasks = core.filter(tasks, pred)
    local solver, err, loaded = core.load_solver(entrypoint, { lualib_dir = cfg.lualib_dir, id = n })
    if not solver then
      local msg = ("solver not loaded: %s"):format(err)
      if opts.json then
        out(view.json_error(n, msg))
      elseif opts.watch then
        out(("== run %d at %s%s\n%s\n%s\n\n"):format(n, stamp, why and (": " .. why) or "", msg,
          last_ok and ("keeping the last table (run %d: %s); fix the file and save again"):format(last_ok, last_summary)
          or "no table yet; fix the file and save again"))
      else
        io.stderr:write("miner eval: ", msg, "\n")
      end
      return 1, loaded
    end
    if #tasks == 0 then
      if not opts.watch then return usage("no tasks (check the files and --filter)"), solver.files end
    end
    if solver.trust and solver.trust.allowlist then
      run_opts.allowlist = solver.trust.allowlist(cfg.solver.grant_allowlist)
    end
    local report = core.run(solver, tasks, run_opts)
    if opts.watch and not reference then
      reference, ref_label = core.snapshot(report), ("run %d (the first table of --watch)"):format(n)
    end
    local changes = reference and core.compare(reference, report)
    local broken = changes and #changes.broken or 0
    if opts.json then
      out(view.json(report, { only_failing = opts.only_failing, changes = changes, baseline = ref_label,
        corpora = files, entrypoint = entrypoint, run = n }))
    else
      local header = ("miner eval: %d task%s from %s, solver %s%s"):format(#tasks, #tasks == 1 and "" or "s",
        table.concat(files, ", "), entrypoint, opts.filter and (", filter " .. opts.filter) or "")
      if opts.watch then header = ("== run %d at %s%s\n"):format(n, stamp, why and (": " .. why) or "") .. header end
      out(view.text(report, { only_failing = opts.only_failing, changes = changes, baseline = ref_label,
        header = header }) .. (broken > 0 and ("REGRESSION: %d task%s broken vs %s\n"):format(broken,
        broken == 1 and "" or "s", ref_label) or "") .. (opts.watch and "\n" or ""))
    end
    last_ok, last_summary = n, view.summary_line(report)
    local code = broken > 0 and 1 or 0
    if save_path then
      local ok, werr = core.write_baseline(save_path, core.snapshot(report, core.read_baseline(save_path), files))
      if not ok then
        log.error("cannot save %s: %s", save_path, werr)
        code = math.max(code, 1)
      elseif not opts.json and not opts.watch then
        out(("saved %s\n"):format(save_path))
      end
    end
    return code, solver.files
  end

  local t_first = time.now()
  local code, loaded = run(1)
  if not opts.watch then return code end

  -- --watch: the folders of every file any run loaded, and the corpora themselves
  local dirs, ndirs = {}, 0
  local function add_dirs(list) -- true when a folder is new
    local added = false
    for _, p in ipairs(list or {}) do
      local d = dirname(p)
      if not dirs[d] then dirs[d], ndirs, added = true, ndirs + 1, true end
    end
    return added
  end
  -- The content of every watched file (taken after the scan it belongs to, so a change between the two is
  -- seen again by the next scan and compared with content that already includes it).
  local function fingerprint(snap)
    local paths = {}
    for p in pairs(snap) do paths[#paths + 1] = p end
    table.sort(paths)
    return content_hash(paths)
  end
  -- After a run that started at t_start in folders not scanned before it: a file modified since the run
  -- started may have been read before or after the change, so it counts as changed (runs again).
  local function settle(t_start)
    local snap = scan(dirs, files)
    local hash = fingerprint(snap)
    local t_end = time.now()
    for path, st in pairs(snap) do
      if st.mtime >= t_start - 0.02 and st.mtime <= t_end + 0.02 then -- (mtimes come from a coarse clock)
        snap[path] = { mtime = -1, size = -1 }
        hash = nil
      end
    end
    return snap, hash
  end
  add_dirs(loaded)
  add_dirs { entrypoint }
  local snap, last_hash = settle(t_first)
  local last_failed = last_ok ~= 1
  local quiet = (cfg.reload and cfg.reload.debounce_ms or 100) / 1000
  log.info("eval: watching %d folder%s and %d corpus file%s", ndirs, ndirs == 1 and "" or "s", #files,
    #files == 1 and "" or "s")
  local n = 1
  while true do
    local changed, now = wait_for_change(dirs, files, snap, quiet)
    -- like the hot reload: run only when a file really changed (a touch does nothing); after a failed
    -- load any change runs (the fix may be a new file)
    local h = fingerprint(now)
    if h ~= last_hash or last_failed then
      n = n + 1
      local names = {}
      for i, p in ipairs(changed) do if i <= 3 then names[#names + 1] = p end end
      local why = table.concat(names, ", ") .. (#changed > 3 and (" and %d more"):format(#changed - 3) or "")
        .. " changed"
      local t0, m0 = time.now(), time.mono()
      code, loaded = run(n, why)
      log.debug("eval: run %d took %.3f s", n, time.mono() - m0)
      last_failed = last_ok ~= n
      -- the state the run started from; a change since then shows in the next scan
      if add_dirs(loaded) then snap, last_hash = settle(t0) else snap, last_hash = now, h end
    else
      snap = now
      log.debug("eval: files unchanged, no run")
    end
  end
end

return M
