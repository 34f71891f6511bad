-- Typed, bounded records of what validators send back (spec §1.3): a scores.jsonl line per cleanup payload and,
-- when the payload carries the task's invariants, a corpus.jsonl line in the format of
-- tests/data/generated-tasks.jsonl for `miner eval`. Peers choose these values: only numbers, booleans and
-- strings cut to a length survive, invariants only in their exact shape.
local json = require "json"

local M = {}

local function finite(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end
local function num(v) return finite(v) and v or nil end
local function int(v)
  if math.type(v) == "integer" then return v end
  if finite(v) and v == math.floor(v) and math.abs(v) < 2 ^ 53 then return math.tointeger(v) end
  return nil
end
local function bool(v) return type(v) == "boolean" and v or nil end

-- A string cut to at most max bytes on a UTF-8 character boundary; anything else is nil.
function M.bounded_string(v, max)
  if type(v) ~= "string" then return nil end
  if #v <= max then return v end
  local cut = max
  while cut > 0 and ((v:byte(cut + 1) or 0) & 0xC0) == 0x80 do cut = cut - 1 end
  return v:sub(1, cut)
end
local str = M.bounded_string

local function dict(v)
  if type(v) == "table" and not json.is_array(v) and rawget(v, 1) == nil then return v end
  return {}
end

local function is_list(v) return type(v) == "table" and (json.is_array(v) or rawget(v, 1) ~= nil) end

-- {string = scalar} with at most 64 keys of at most 256 bytes; values kept by `keep(value)` (nil drops).
local function clean_map(v, keep)
  if type(v) ~= "table" or is_list(v) then return nil end
  local keys = {}
  for k in pairs(v) do
    if type(k) == "string" and #k <= 256 then keys[#keys + 1] = k end
  end
  table.sort(keys)
  local out, n = {}, 0
  for _, k in ipairs(keys) do
    local x = keep(v[k])
    if x ~= nil and n < 64 then
      out[k] = x
      n = n + 1
    end
  end
  return out
end

local function match_value(v)
  if type(v) == "string" then return str(v, 4096) end
  if type(v) == "boolean" then return v end
  return num(v)
end

local function rule_value(v) return type(v) == "string" and #v <= 64 and v or nil end

-- The validator's invariants, typed: a list (at most 64) of {resource_type = string, match = {path = scalar},
-- comparison_rule = {path = string}}; anything else is dropped.
function M.clean_invariants(list)
  local out = {}
  if not is_list(list) then return out end
  for i = 1, math.min(#list, 64) do
    local inv = list[i]
    if type(inv) == "table" and not is_list(inv) and type(inv.resource_type) == "string"
        and #inv.resource_type <= 128 and inv.resource_type ~= "" then
      local match = clean_map(inv.match, match_value)
      local rule = clean_map(inv.comparison_rule, rule_value)
      if match and next(match) ~= nil and rule then
        out[#out + 1] = { resource_type = inv.resource_type, match = match, comparison_rule = rule }
      end
    end
  end
  return out
end

local function names_copy(names)
  return clean_map(names, function(v) return str(v, 256) end) or {}
end

-- scores.jsonl entry: what a TaskCleanupSynapse says about our score (spec §1.3), typed and bounded.
function M.score_entry(syn, t, task_id, at)
  local vr = dict(syn.validation_response)
  local result = dict(vr.result)
  local attempt = dict(syn.validation_attempt)
  local summary = dict(syn.summary)
  return {
    at = at, task_id = task_id, validator = str(t and t.validator, 64), round_id = str(syn.round_id, 128),
    status = str(result.status, 32), score = num(result.score), passed = int(result.passed_invariants),
    total = int(result.total_invariants), msg = str(result.msg, 512), attempt_status = str(attempt.status, 32),
    final_score = num(summary.final_score), miner_uid = int(summary.miner_uid) or int(syn.miner_uid),
    miner_api_score = num(summary.miner_api_score), miner_latency_s = num(summary.miner_latency_s),
    winner_uid = int(summary.winner_uid), winner_api_score = num(summary.winner_api_score),
    winner_latency_s = num(summary.winner_latency_s), winner_final_score = num(summary.winner_final_score),
    latency_mode = str(summary.latency_mode, 32), names = t and names_copy(t.names) or nil,
  }
end

-- corpus.jsonl entry, in the format of tests/data/generated-tasks.jsonl (task_id, prompt, invariants, family)
-- plus what the validator said: only when the cleanup carries invariants and the task's prompt is known.
function M.corpus_entry(syn, t, task_id, at, max_prompt)
  if type(t) ~= "table" or type(t.prompt) ~= "string" or t.prompt == "" then return nil end
  local vr = dict(syn.validation_response)
  local attempt = dict(syn.validation_attempt)
  local result = dict(vr.result)
  local summary = dict(syn.summary)
  local invariants = M.clean_invariants(attempt.invariants)
  if #invariants == 0 then invariants = M.clean_invariants(vr.invariants) end
  if #invariants == 0 then return nil end
  local miner_uid, winner_uid = int(summary.miner_uid) or int(syn.miner_uid), int(summary.winner_uid)
  local won
  if miner_uid and winner_uid then won = miner_uid == winner_uid end
  return {
    task_id = task_id, prompt = str(t.prompt, max_prompt or 16384), invariants = invariants,
    family = str(attempt.family, 64) or str(vr.family, 64) or str(syn.family, 64),
    validator_score = num(result.score) or num(attempt.score), passed = int(result.passed_invariants),
    total = int(result.total_invariants), final_score = num(summary.final_score),
    miner_uid = miner_uid, winner_uid = winner_uid, won = won,
    winner_latency_s = num(summary.winner_latency_s), miner_latency_s = num(summary.miner_latency_s),
    validator = str(t.validator, 64), round_id = str(syn.round_id, 128), at = at,
  }
end

return M
