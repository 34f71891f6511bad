-- starter.lua: equivalent to upstream's starter miner (spec §1.8): ready for every round, acknowledges
-- feedback and cleanup, answers TaskSynapse with the example ZIP and status "not_implemented" (it scores 0;
-- miney.lua is the real solver). Useful to check wiring: --entrypoint starter.lua.
local log = require "log"
local json = require "json"
local zip = require "zip"
local crypto = require "crypto"
local time = require "time"

local M = {}

M.max_concurrent = { TaskSynapse = 4 }

local ensure_dicts = require("alphacore.solver").ensure_dicts

local function example_zip(task_id)
  return assert(zip.pack({
    ["main.tf"] = 'terraform {\n  required_version = ">= 1.5.0"\n}\n\noutput "miner" {\n  value = "miney-starter"\n}\n',
    ["README.md"] = "Example workspace from the miney starter entrypoint: no resources, scores 0.\n",
    ["alphacore_miner_meta.json"] = json.encode({ task_id = task_id, miner = "miney-starter" }),
  }))
end

function M.on_start(config)
  log.info("miney starter entrypoint up: netuid %s, wallet %s/%s", config.netuid, config.wallet.name,
    config.wallet.hotkey)
end

function M.StartRoundSynapse(syn)
  syn.miner_version = "starter"
  syn.is_ready = true
  syn.available_capacity = M.max_concurrent.TaskSynapse
  syn.error_message = json.null
  return syn
end

function M.TaskSynapse(syn, info)
  local started = time.mono()
  ensure_dicts(syn, { "task_spec", "result_summary", "evidence_hint" })
  local task_id = syn.task_id
  local prompt = (type(syn.prompt) == "string" and syn.prompt) or (type(syn.task_spec.prompt) == "string" and
    syn.task_spec.prompt) or ""
  log.info("task %s from %s: %d-char prompt", tostring(task_id), info.hotkey, #prompt)
  local raw = example_zip(task_id)
  syn.workspace_zip_b64 = crypto.base64(raw)
  syn.workspace_zip_filename = tostring(task_id) .. ".zip"
  syn.workspace_zip_sha256 = crypto.hex(crypto.sha256(raw))
  syn.workspace_zip_size_bytes = #raw
  syn.result_summary = { task_id = task_id, status = "not_implemented", bundle_dir = json.null,
    resource_identifiers = {}, notes = json.null }
  syn.evidence_hint = { task_id = task_id, bundle_dir = json.null,
    attachments = { kind = "starter", note = "example zip only" } }
  syn.notes = ("handled_by=miney-starter latency_s=%.3f"):format(time.mono() - started)
  return syn
end

function M.TaskFeedbackSynapse(syn)
  syn.acknowledged = true
  return syn
end

function M.TaskCleanupSynapse(syn)
  ensure_dicts(syn, { "validation_response" })
  syn.acknowledged = true
  syn.cleanup_ok = true
  syn.error_message = json.null
  return syn
end


return M
