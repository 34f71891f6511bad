-- Core runtime primitives: tasks, errors, timers, fs, proc, json, config.
local rt = require "rt"
local fs = require "fs"
local proc = require "proc"
local timer = require "timer"
local json = require "json"
local time = require "time"
local sync = require "rt.sync"

local tmp = os.getenv("TEST_TMPDIR") or "/tmp"

test("tasks run concurrently and resume in timer order", function()
  local order = {}
  local slow, fast = sync.event(), sync.event()
  rt.spawn(function() timer.sleep(0.03) order[#order + 1] = "slow" slow:set() end)
  rt.spawn(function() timer.sleep(0.01) order[#order + 1] = "fast" fast:set() end)
  expect.eq(#order, 0, "nothing ran before the first yield")
  slow:wait()
  fast:wait()
  expect.same(order, { "fast", "slow" })
end)

test("an error in one task is isolated, other tasks and the loop go on", function()
  local survived = sync.event()
  rt.spawn(function() timer.sleep(0) error("boom in a task") end)
  rt.spawn(function() timer.sleep(0.01) survived:set(true) end)
  expect.eq(survived:wait(), true)
end)

test("sync.all returns results in order and re-raises errors", function()
  local r = sync.all { function() timer.sleep(0.02) return "a" end, function() return "b" end }
  expect.same(r, { "a", "b" })
  expect.error(function() sync.all { function() error("inner failure", 0) end } end, "inner failure")
end)

test("async primitives refuse to run outside a task", function()
  local co = coroutine.create(function() return timer.sleep(0) end)
  local ok, err = coroutine.resume(co)
  expect.falsy(ok)
  expect.contains(err, "must be called from a runtime task")
end)

test("fs write/read/list/stat/rm round trip", function()
  local dir = ("%s/miner-test-%d"):format(tmp, time.ns())
  assert(fs.mkdir(dir .. "/a/b"))
  assert(fs.write(dir .. "/a/b/x.txt", "hello\0world"))
  expect.eq(fs.read(dir .. "/a/b/x.txt"), "hello\0world")
  expect.same(fs.list(dir .. "/a"), { "b" })
  local st = fs.stat(dir .. "/a/b/x.txt")
  expect.eq(st.type, "file")
  expect.eq(st.size, 11)
  local data, err = fs.read(dir .. "/missing")
  expect.eq(data, nil)
  expect.contains(err, "No such file or directory")
  assert(fs.rm(dir, { recursive = true }))
  expect.eq(fs.stat(dir), nil)
  expect.truthy(fs.rm(dir), "removing a missing path is fine")
end)

test("proc.run captures output, exit code, stdin and env", function()
  local r = assert(proc.run { argv = { "sh", "-c", "cat; echo err >&2; echo $FOO; exit 3" }, stdin = "in\n",
    env = { FOO = "bar" } })
  expect.eq(r.code, 3)
  expect.eq(r.stdout, "in\nbar\n")
  expect.eq(r.stderr, "err\n")
  expect.eq(r.timed_out, false)
end)

test("proc.run reports a missing executable as nil, message", function()
  local r, err = proc.run { argv = { "/nonexistent/terraform-stand-in" } }
  expect.eq(r, nil)
  expect.contains(err, "cannot run /nonexistent/terraform-stand-in")
end)

test("proc.run kills the whole process group at the deadline", function()
  local t0 = time.mono()
  -- The child backgrounds a grandchild that holds stdout open; only a group kill ends both.
  local r = assert(proc.run { argv = { "sh", "-c", "sleep 30 & echo $!; wait" }, timeout = 0.2 })
  expect.eq(r.timed_out, true)
  expect.eq(r.signal, 9)
  expect.truthy(time.mono() - t0 < 10, "returned long before the 30 s sleep")
  local grandchild = tonumber(r.stdout:match("%d+"))
  expect.truthy(grandchild, "grandchild pid printed")
  -- Dead, or a zombie waiting for a reaper (PID 1 in containers may never reap it).
  local check = assert(proc.run { argv = { "sh", "-c",
    "s=$(ps -o stat= -p " .. grandchild .. "); case \"$s\" in ''|Z*) echo gone;; *) echo alive;; esac" } })
  expect.eq(check.stdout, "gone\n")
end)

test("proc.run with grace sends SIGTERM first", function()
  local r = assert(proc.run { argv = { "sh", "-c", "trap 'echo term; exit 7' TERM; sleep 30 & wait" }, timeout = 0.2,
    grace = 5 })
  expect.eq(r.timed_out, true)
  expect.eq(r.code, 7)
  expect.eq(r.stdout, "term\n")
end)

test("json round-trips 64-bit integers and keeps [] apart from {}", function()
  local text = '{"nonce":1742426400000000000,"neg":-9223372036854775807,"f":12.0,"e":[],"o":{},"s":"a\\u00e9\\n","n":null,"l":[1,2.5,"x"]}'
  local v = assert(json.decode(text))
  expect.eq(math.type(v.nonce), "integer")
  expect.eq(v.nonce, 1742426400000000000)
  expect.eq(v.neg, -9223372036854775807)
  expect.eq(math.type(v.f), "float")
  expect.truthy(json.is_array(v.e), "[] decodes to a json.array")
  expect.falsy(json.is_array(v.o))
  expect.eq(v.s, "a\xc3\xa9\n")
  expect.eq(v.n, json.null)
  expect.eq(json.encode(v),
    '{"e":[],"f":12.0,"l":[1,2.5,"x"],"n":null,"neg":-9223372036854775807,"nonce":1742426400000000000,"o":{},"s":"a\xc3\xa9\\n"}')
end)

test("json numbers inside strings are left alone", function()
  local v = assert(json.decode('{"a":"12345678901234567890","b":"[]","c":[ ]}'))
  expect.eq(v.a, "12345678901234567890")
  expect.eq(v.b, "[]")
  expect.truthy(json.is_array(v.c))
end)

test("json errors are nil, message", function()
  local v, err = json.decode('{"a":')
  expect.eq(v, nil)
  expect.contains(err, "invalid JSON")
  local s, eerr = json.encode({ f = function() end })
  expect.eq(s, nil)
  expect.contains(eerr, "cannot encode a function")
  local _, nerr = json.encode(0 / 0)
  expect.contains(nerr, "NaN")
end)

test("json floats are shortest round-trip", function()
  expect.eq(json.encode(0.1), "0.1")
  expect.eq(json.encode(1e-05), "1e-05")
  expect.eq(json.encode(0.0032787322998046875), "0.0032787322998046875")
  expect.eq(json.encode(600.0), "600.0")
end)

test("config is a read-only table with typed values", function()
  local cfg = rt.config
  expect.eq(math.type(cfg.axon.port), "integer")
  expect.eq(type(cfg.blacklist.force_validator_permit), "boolean")
  expect.eq(cfg.wallet.name, "default")
  expect.error(function() cfg.netuid = 5 end, "config is read-only")
  expect.error(function() cfg.wallet.name = "x" end, "config is read-only")
  local keys = {}
  for k in pairs(cfg.wallet) do keys[#keys + 1] = k end
  table.sort(keys)
  expect.same(keys, { "hotkey", "name", "path" })
end)
