-- Starter entrypoint (equivalent to upstream's starter miner): ready for every round, acknowledges feedback and
-- cleanup, answers TaskSynapse with the example ZIP and status "not_implemented". The real solver builds on
-- this shape. Edit and save: the runtime reloads it without a restart (keeping the old version on errors).
local log = require "log"

local M = {}

function M.on_start(config)
  log.info("miney starter entrypoint up: netuid %s, wallet %s/%s", config.netuid, config.wallet.name,
    config.wallet.hotkey)
end

function M.StartRoundSynapse(syn)
  syn.miner_version = "miney-starter/0.1"
  syn.is_ready = true
  syn.available_capacity = 1
  syn.error_message = nil
  return syn
end

function M.TaskFeedbackSynapse(syn)
  syn.acknowledged = true
  return syn
end

function M.TaskCleanupSynapse(syn)
  syn.acknowledged = true
  syn.cleanup_ok = true
  return syn
end

return M
