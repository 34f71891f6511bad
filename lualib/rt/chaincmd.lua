-- `miner chain`: syncs the metagraph for --netuid from the chain endpoint and prints it, with this hotkey's
-- registration (uid, validator permit, stake). Transport: JSON-RPC over HTTP(S) (see lualib/chain.lua).
local rt = require "rt"
local chain = require "chain"
local metagraph = require "metagraph"
local wallet = require "wallet"

local M = {}

function M.main()
  local cfg = rt.config
  local url = chain.endpoint(cfg)
  local snap, err = chain.sync_metagraph(url, cfg.netuid)
  if not snap then
    print(("cannot read the metagraph of netuid %d from %s: %s"):format(cfg.netuid, url, err))
    return 1
  end
  metagraph.set(snap)
  local validators = 0
  for _, permit in ipairs(snap.validator_permit) do if permit then validators = validators + 1 end end
  print(("netuid %d: %d neurons, %d with a validator permit (from %s)"):format(snap.netuid, #snap.hotkeys, validators, url))
  for uid, hk in ipairs(snap.hotkeys) do
    if snap.validator_permit[uid] then print(("  uid %4d  %s  permit  stake %.4f TAO"):format(uid - 1, hk, snap.stake[uid] or 0)) end
  end
  local kp = wallet.load_hotkey { path = cfg.wallet.path, name = cfg.wallet.name, hotkey = cfg.wallet.hotkey }
  if kp then
    local uid, permit, stake = metagraph.lookup(kp.ss58)
    if uid then
      print(("this hotkey %s: uid %d, validator permit %s, stake %.4f TAO"):format(kp.ss58, uid, tostring(permit), stake))
    else
      print(("this hotkey %s is not registered on netuid %d"):format(kp.ss58, cfg.netuid))
    end
  end
  return 0
end

return M
