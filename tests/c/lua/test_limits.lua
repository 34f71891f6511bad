-- Private files by default, wallet passwords kept from children, RPC answers capped.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")
local H = dofile(here .. "/helpers.lua")
local fs = require "fs"
local proc = require "proc"
local axon = require "axon"
local httpc = require "httpc"

test("fs.write and fs.mkdir create private files and folders unless a mode is given", function()
  local dir = H.tmpdir("modes")
  assert(fs.mkdir(dir .. "/a/b"))
  expect.eq(fs.stat(dir .. "/a").mode, 448, "0700")
  expect.eq(fs.stat(dir .. "/a/b").mode, 448, "0700")
  assert(fs.write(dir .. "/a/state.json", "{}"))
  expect.eq(fs.stat(dir .. "/a/state.json").mode, 384, "0600")
  assert(fs.write(dir .. "/a/plain.txt", "x", { atomic = false }))
  expect.eq(fs.stat(dir .. "/a/plain.txt").mode & 511 & ~384, 0, "non-atomic: no group/other bits")
  assert(fs.write(dir .. "/a/shared.txt", "x", { mode = 420 }))
  expect.eq(fs.stat(dir .. "/a/shared.txt").mode, 420, "an explicit 0644 is kept")
  assert(fs.mkdir(dir .. "/open", 493))
  expect.eq(fs.stat(dir .. "/open").mode & 448, 448)
  assert(fs.rm(dir, { recursive = true }))
end)

test("children never inherit BT_PW_* (with or without an env table); an explicit one passes", function()
  local dir = H.tmpdir("env")
  local inner = dir .. "/inner.lua"
  assert(fs.write(inner, [[
local proc = require "proc"
local a = assert(proc.run { argv = { "env" } })
local b = assert(proc.run { argv = { "env" }, env = { EXTRA = "1" } })
local c = assert(proc.run { argv = { "env" }, env = { BT_PW_GIVEN = "on-purpose" } })
io.stdout:write(a.stdout, "--\n", b.stdout, "--\n", c.stdout)
return 0
]]))
  local me = assert(proc.run { argv = { "sh", "-c", "readlink /proc/$PPID/exe" } }).stdout:gsub("%s+$", "")
  local r = assert(proc.run { argv = { me, "exec", inner }, env = { BT_PW_HOME_ME_WALLETS_W_COLDKEY = "hunter2" } })
  expect.eq(r.code, 0, r.stderr)
  local a, b, c = r.stdout:match("^(.-)%-%-\n(.-)%-%-\n(.*)$")
  expect.truthy(a and a:find("PATH=", 1, true), "the rest of the environment is passed on")
  expect.falsy(a:find("hunter2", 1, true), "inherited password")
  expect.falsy(b:find("hunter2", 1, true), "inherited password with an env table")
  expect.truthy(b:find("EXTRA=1", 1, true))
  expect.falsy(c:find("hunter2", 1, true))
  expect.truthy(c:find("BT_PW_GIVEN=on-purpose", 1, true), "named explicitly")
  assert(fs.rm(dir, { recursive = true }))
end)

test("httpc: an answer larger than max_bytes fails with nil, message", function()
  local big = ("x"):rep(200000)
  local s = assert(axon.serve { ip = "127.0.0.1", port = 0, hotkey = H.hotkey(), verify = false,
    resolve = function() return function() end end,
    dispatch = function() return 200, "Success", big end })
  local url = ("http://127.0.0.1:%d/Big"):format(s:port())
  local headers = { bt_header_dendrite_hotkey = "x",
    computed_body_hash = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a" }
  local ok = assert(httpc.request { url = url, method = "POST", body = "{}", headers = headers })
  expect.eq(ok.status, 200)
  expect.eq(#ok.body, 200000)
  local r, err = httpc.request { url = url, method = "POST", body = "{}", headers = headers, max_bytes = 1000 }
  expect.eq(r, nil)
  expect.contains(err, "the answer is larger than 1000 bytes")
  local r2, err2 = httpc.request { url = "file:///etc/passwd" }
  expect.eq(r2, nil)
  expect.truthy(err2, "only http(s)")
  s:close()
end)
