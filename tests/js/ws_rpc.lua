-- Run by chain.test.mjs: `miner exec tests/js/ws_rpc.lua WS_URL OUT.json`: the metagraph over WebSocket,
-- a call the server answers by dropping the connection, then a call after the reconnect backoff.
local chain = require "chain"
local json = require "json"
local fs = require "fs"
local timer = require "timer"
local url, out = ...
local snap, err = chain.sync_metagraph(url, 1)
local result = { hotkeys = snap and #snap.hotkeys, sync_error = err }
local ok, derr = chain.rpc(url, "test_dropConnection", {})
result.drop_error = derr
timer.sleep(0.6) -- the documented first reconnect backoff (0.5 s), not a synchronisation
local again, aerr = chain.rpc(url, "system_chain", {})
result.after_reconnect = again or aerr
local t, terr = chain.rpc(url, "test_neverAnswer", {}, 0.3)
result.timeout_error = terr
assert(fs.write(out, json.encode(result)))
return 0
