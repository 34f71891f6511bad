-- Run by chain.test.mjs: `miner exec tests/js/chain_sync.lua RPC_URL NETUID OUT.json`: syncs the metagraph
-- through JSON-RPC and writes the decoded SubnetState (hex keys) plus the snapshot.
local chain = require "chain"
local crypto = require "crypto"
local json = require "json"
local fs = require "fs"
local scale = require "scale"
local url, netuid, out = ...
netuid = tonumber(netuid)
local hex = assert(chain.rpc(url, "state_call", { "SubnetInfoRuntimeApi_get_subnet_state", "0x" .. crypto.hex(scale.u16(netuid)) }))
local st = assert(chain.decode_subnet_state(hex))
local hk = {}
for i, pub in ipairs(st.hotkeys) do hk[i] = crypto.hex(pub) end
local snap = assert(chain.sync_metagraph(url, netuid, out .. ".persisted"))
assert(fs.write(out, json.encode { netuid = st.netuid, hotkeys = hk, validator_permit = st.validator_permit,
  total_stake = st.total_stake, alpha_stake = st.alpha_stake, last_update = st.last_update,
  emission_history_len = #st.emission_history, snapshot_first_hotkey = snap.hotkeys[1], snapshot_stake = snap.stake }))
local ok, err = chain.rpc(url, "no_such_method", {})
print(json.encode { missing_method_error = err })
return 0
