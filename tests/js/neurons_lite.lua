-- Run by chain.test.mjs: `miner exec tests/js/neurons_lite.lua RECORDED_RPC_JSON`: decodes every recorded
-- get_neurons_lite answer and prints the fields as JSON.
local chain = require "chain"
local crypto = require "crypto"
local json = require "json"
local fs = require "fs"
local rec = assert(json.decode(assert(fs.read((...)))))
local out = {}
for _, query in ipairs { "metagraph", "neurons_lite" } do
  for params, r in pairs(rec[query].state_call) do
    if params:find("get_neurons_lite", 1, true) then
      local list = assert(chain.decode_neurons_lite(r.result))
      local rows = json.array()
      for i, n in ipairs(list) do
        local stake = json.array()
        for j, s in ipairs(n.stake) do stake[j] = { crypto.hex(s.coldkey), s.amount } end
        rows[i] = { hotkey = crypto.hex(n.hotkey), coldkey = crypto.hex(n.coldkey), uid = n.uid, netuid = n.netuid,
          active = n.active, axon = { n.axon_info.block, n.axon_info.version, n.axon_info.ip, n.axon_info.port,
          n.axon_info.ip_type, n.axon_info.protocol }, stake = stake, emission = n.emission, incentive = n.incentive,
          consensus = n.consensus, dividends = n.dividends, last_update = n.last_update,
          validator_permit = n.validator_permit, pruning_score = n.pruning_score, validator_trust = n.validator_trust }
      end
      out[#out + 1] = { query = query, params = params, neurons = rows }
    end
  end
end
print(json.encode(json.array(out)))
return 0
