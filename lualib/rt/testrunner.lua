-- `miner test FILE|DIR...`: runs Lua test files inside the runtime, each test in the same task so tests may
-- call async primitives (fs, proc, timer). A file registers tests with test(name, fn); assertions come from
-- expect (see below). Prints TAP-like lines and ends with "N passed, N failed".
local fs = require "fs"

local M = {}

local expect = {}

local function fail(msg, level)
  error(msg, (level or 1) + 2)
end

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

function expect.eq(got, want, what)
  if got ~= want then
    fail(("%sexpected %s, got %s"):format(what and (what .. ": ") or "", show(want), show(got)))
  end
end

function expect.truthy(v, what)
  if not v then fail((what or "value") .. " expected truthy, got " .. show(v)) end
end

function expect.falsy(v, what)
  if v then fail((what or "value") .. " expected falsy, got " .. show(v)) end
end

-- Deep equality for tables (metatables ignored).
local function deep_eq(a, b, path)
  if type(a) ~= "table" or type(b) ~= "table" then
    if a == b then return true end
    return false, ("%s: %s ~= %s"):format(path, show(a), show(b))
  end
  for k, v in pairs(a) do
    local ok, why = deep_eq(v, b[k], path .. "." .. tostring(k))
    if not ok then return false, why end
  end
  for k in pairs(b) do
    if a[k] == nil then return false, ("%s.%s: missing on the left"):format(path, tostring(k)) end
  end
  return true
end

function expect.same(got, want, what)
  local ok, why = deep_eq(got, want, what or "value")
  if not ok then fail(why) end
end

-- expect.error(fn, pattern): fn must raise an error whose message matches (plain substring) pattern.
function expect.error(fn, needle)
  local ok, err = pcall(fn)
  if ok then fail("expected an error" .. (needle and (" containing " .. show(needle)) or "")) end
  if needle and not tostring(err):find(needle, 1, true) then
    fail(("error %s does not contain %s"):format(show(tostring(err)), show(needle)))
  end
  return err
end

-- expect.contains(haystack, needle): plain substring.
function expect.contains(s, needle, what)
  if type(s) ~= "string" or not s:find(needle, 1, true) then
    fail(("%s%s does not contain %s"):format(what and (what .. ": ") or "", show(s), show(needle)))
  end
end

M.expect = expect

local function collect(paths)
  local files = {}
  for _, path in ipairs(paths) do
    local st, err = fs.stat(path)
    if not st then error("test path " .. path .. ": " .. err, 0) end
    if st.type == "directory" then
      for _, name in ipairs(assert(fs.list(path))) do
        if name:match("^test_.*%.lua$") then files[#files + 1] = path .. "/" .. name end
      end
    else
      files[#files + 1] = path
    end
  end
  return files
end

function M.main(...)
  local paths = { ... }
  if #paths == 0 then paths = { "tests/lua" } end
  local files = collect(paths)
  local passed, failed, n = 0, 0, 0
  for _, file in ipairs(files) do
    local tests = {}
    local env = setmetatable({
      test = function(name, fn) tests[#tests + 1] = { name = name, fn = fn } end,
      expect = expect,
    }, { __index = _G })
    local chunk, err = loadfile(file, "t", env)
    if chunk then
      local ok, lerr = xpcall(chunk, debug.traceback)
      if not ok then chunk, err = nil, lerr end
    end
    if not chunk then
      n = n + 1
      failed = failed + 1
      print(("not ok %d - %s: cannot load\n  # %s"):format(n, file, tostring(err):gsub("\n", "\n  # ")))
    end
    for _, t in ipairs(tests) do
      n = n + 1
      local ok, terr = xpcall(t.fn, debug.traceback)
      if ok then
        passed = passed + 1
        print(("ok %d - %s: %s"):format(n, file, t.name))
      else
        failed = failed + 1
        print(("not ok %d - %s: %s\n  # %s"):format(n, file, t.name, tostring(terr):gsub("\n", "\n  # ")))
      end
    end
  end
  print(("%d passed, %d failed"):format(passed, failed))
  return failed == 0 and 0 or 1
end

return M
