-- proc.run output capture and logging: max_output caps what is kept, log_prefix still logs the whole stream.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")
local H = dofile(here .. "/helpers.lua")
local proc = require "proc"
local fs = require "fs"

-- The binary running this test (the parent of the shell).
local function miner_bin()
  local r = assert(proc.run { argv = { "sh", "-c", "readlink /proc/$PPID/exe" } })
  return (r.stdout:gsub("%s+$", ""))
end

test("a child writing far more than max_output with log_prefix: capture capped, every line logged", function()
  -- 300 lines of 1000 digits (300 KB) then "tail" without a newline, on stdout; a few lines on stderr.
  local script = [[printf 'err-line\n' >&2; i=0; line=$(printf '%01000d' 0);
    while [ $i -lt 300 ]; do echo "$i:$line"; i=$((i+1)); done; printf 'tail']]
  local r = assert(proc.run { argv = { "sh", "-c", script }, log_prefix = "child", max_output = 1000 })
  expect.eq(r.code, 0)
  expect.eq(#r.stdout, 1000)
  expect.eq(r.truncated, true)
  expect.eq(r.stdout:sub(1, 3), "0:0")
  expect.eq(r.stderr, "err-line\n")
end)

test("the log sees whole lines past the cap, long lines in pieces, and the unterminated tail", function()
  local dir = H.tmpdir("proc")
  local inner = dir .. "/inner.lua"
  assert(fs.write(inner, [[
local proc = require "proc"
local script = "i=0; line=$(printf '%01000d' 0); while [ $i -lt 50 ]; do echo \"L$i:$line\"; i=$((i+1)); done;" ..
  " printf '%09000d\n' 7; printf 'tail'"
local r = assert(proc.run { argv = { "sh", "-c", script }, log_prefix = "kid", max_output = 100 })
return (#r.stdout == 100 and r.truncated) and 0 or 3
]]))
  local r = assert(proc.run { argv = { miner_bin(), "exec", inner }, timeout = 60 })
  expect.eq(r.code, 0, "inner exit code; stderr:\n" .. r.stderr:sub(1, 2000))
  expect.falsy(r.stderr:find("Sanitizer", 1, true), "sanitizer report:\n" .. r.stderr:sub(1, 4000))
  local lines = {}
  for l in r.stderr:gmatch("%[kid%] ([^\n]*)") do lines[#lines + 1] = l end
  -- 50 lines, the 9000-digit line in pieces of 4096 (3 pieces), the tail
  expect.eq(#lines, 50 + 3 + 1)
  for i = 0, 49 do expect.eq(lines[i + 1], ("L%d:%s"):format(i, ("0"):rep(1000))) end
  expect.eq(lines[51] .. lines[52] .. lines[53], ("0"):rep(8999) .. "7")
  expect.eq(#lines[51], 4096)
  expect.eq(lines[54], "tail")
  assert(fs.rm(dir, { recursive = true }))
end)
