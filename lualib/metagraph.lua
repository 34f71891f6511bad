-- The subnet's metagraph as the miner knows it: who is registered, who holds a validator permit, their stake.
-- Filled by the chain client (or by tests/operators via metagraph.set); read by the axon's default policy.
-- A snapshot: { block = n, netuid = n, hotkeys = {ss58...}, validator_permit = {bool...}, stake = {tao...} }
-- (arrays indexed by uid + 1), plus uid_of[hotkey] = uid built by set().
local M = { current = nil }

function M.set(snapshot)
  local uid_of = {}
  for i, hk in ipairs(snapshot.hotkeys or {}) do uid_of[hk] = i - 1 end
  snapshot.uid_of = uid_of
  M.current = snapshot
  return snapshot
end

function M.get() return M.current end

-- uid, permit, stake of a hotkey (nil if unknown or no metagraph yet).
function M.lookup(hotkey)
  local mg = M.current
  if not mg then return nil end
  local uid = mg.uid_of[hotkey]
  if not uid then return nil end
  return uid, mg.validator_permit and mg.validator_permit[uid + 1] or false, mg.stake and mg.stake[uid + 1] or 0
end

return M
