-- wsrpc when the chain is unreachable: every call answers nil, message (never raises), the backoff path included.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")
local H = dofile(here .. "/helpers.lua")
local wsrpc = require "wsrpc"
local chain = require "chain"

test("a refused connection, then the backoff window: nil, message both times", function()
  local url = ("ws://127.0.0.1:%d"):format(H.closed_port())
  local c = assert(wsrpc.connect(url))
  local r, err = c:request(1, '{"jsonrpc":"2.0","id":1,"method":"system_chain","params":[]}', 5)
  expect.eq(r, nil)
  expect.contains(err, "connection to " .. url .. " lost")
  -- within the 0.5 s backoff: formerly "%.1f" through lua_pushfstring raised "invalid conversion"
  local ok, r2, err2 = pcall(c.request, c, 2, '{"jsonrpc":"2.0","id":2,"method":"system_chain","params":[]}', 5)
  expect.truthy(ok, "request must not raise: " .. tostring(r2))
  expect.eq(r2, nil)
  expect.contains(err2, url .. " is unreachable; next attempt in 0.")
  expect.truthy(err2:match("next attempt in %d+%.%ds$"), "one decimal: " .. err2)
  c:close()
end)

test("chain.sync_metagraph against a closed port keeps answering nil, message", function()
  local url = ("ws://127.0.0.1:%d"):format(H.closed_port())
  for i = 1, 3 do
    local ok, snap, err = pcall(chain.sync_metagraph, url, 66)
    expect.truthy(ok, "sync must not raise (attempt " .. i .. "): " .. tostring(snap))
    expect.eq(snap, nil)
    expect.contains(err, "state_call: ")
  end
end)
