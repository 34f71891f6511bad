-- fs.watch (runtime/lua_fs.c): directory events as the hot reload uses them, a save by write-then-rename wakes a
-- waiting task, a timeout answers {}, closing wakes a waiter, and nothing leaks (run under the sanitizers).
local fs = require "fs"
local rt = require "rt"
local time = require "time"

local tmp = os.getenv("TEST_TMPDIR") or "/tmp"

test("a save by write-then-rename wakes the waiting task with the file's name", function()
  local dir = ("%s/watch-%d"):format(tmp, time.ns())
  assert(fs.mkdir(dir))
  local w = assert(fs.watch { dir })
  rt.spawn(function() assert(fs.write(dir .. "/parse.lua", "return 1\n")) end) -- fs.write renames into place
  -- the temporary file shows first, then the rename: read events until parse.lua (or the deadline)
  local seen, all, deadline = false, {}, time.mono() + 10
  while not seen and time.mono() < deadline do
    for _, n in ipairs(w:wait(deadline - time.mono())) do
      all[#all + 1] = n
      seen = seen or n == "parse.lua"
    end
  end
  expect.truthy(seen, "parse.lua among " .. table.concat(all, ","))
  w:close()
  fs.rm(dir, { recursive = true })
end)

test("a quiet folder times out with an empty list; close wakes a waiter; bad folders are nil, message", function()
  local dir = ("%s/watch-%d"):format(tmp, time.ns())
  assert(fs.mkdir(dir))
  local w = assert(fs.watch { dir })
  local t0 = time.mono()
  expect.same(w:wait(0.05), {})
  expect.truthy(time.mono() - t0 < 5)
  local sync = require "rt.sync"
  local done, got = sync.event(), nil
  rt.spawn(function() got = w:wait(30) done:set() end)
  w:close()
  done:wait()
  expect.same(got, {}, "closing answers the waiter")
  local bad, err = fs.watch { dir .. "/missing" }
  expect.eq(bad, nil)
  expect.contains(err, "cannot watch")
  local kept = assert(fs.watch { dir }) -- left open: the runtime closes it at exit, the collector frees it
  expect.truthy(kept)
  fs.rm(dir, { recursive = true })
end)
