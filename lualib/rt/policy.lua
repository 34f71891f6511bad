-- Default blacklist and priority for the axon (upstream _common_blacklist semantics, configurable):
-- allow-list file first; then, with a metagraph: registered (unless allow_non_registered), validator permit
-- (if force_validator_permit), stake >= minimum. Without a metagraph only the allow-list (or
-- allow_non_registered) lets callers in. An entrypoint may define its own blacklist(info)/priority(info).
local metagraph = require "metagraph"
local log = require "log"

local M = {}

local allowlist = {}

function M.load_allowlist(path)
  allowlist = {}
  if not path then return 0 end
  local f, err = io.open(path, "r")
  if not f then
    log.error("cannot read the allow-list %s: %s", path, err)
    return 0
  end
  local n = 0
  for line in f:lines() do
    local hk = line:match("^%s*([1-9A-HJ-NP-Za-km-z]+)%s*$")
    if hk then allowlist[hk] = true n = n + 1 end
  end
  f:close()
  return n
end

function M.blacklist(info, config)
  local hk = info.hotkey
  if allowlist[hk] then return false end
  local bl = config.blacklist
  if not metagraph.get() then
    if bl.allow_non_registered then return false end
    return true, "Unrecognized hotkey " .. hk .. " (no metagraph loaded and not in the allow-list)"
  end
  local uid, permit, stake = metagraph.lookup(hk)
  if not uid then
    if bl.allow_non_registered then return false end
    return true, "Unrecognized hotkey " .. hk
  end
  if bl.force_validator_permit and not permit then return true, "Non-validator hotkey " .. hk end
  if (stake or 0) < (bl.minimum_stake_requirement or 0) then
    return true, ("Insufficient stake %.4f < %.4f"):format(stake or 0, bl.minimum_stake_requirement)
  end
  return false
end

function M.priority(info)
  local _, _, stake = metagraph.lookup(info.hotkey)
  return stake or 0.0
end

return M
