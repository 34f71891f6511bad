-- Typed synapse bodies: the fields of bittensor's base Synapse (and its TerminalInfo) and of the four AlphaCore
-- synapses (subnet/protocol.py; alphacore-miner-spec §1.2-1.5), checked the way the validator's pydantic models
-- would check them.
--   synapses.validate(syn, fields)      -> true | nil, problems   coerces in place like pydantic's lax mode
--   synapses.check_answer(syn, fields)  -> true | nil, problems   the validator's view of an answer (no changes)
--   synapses.fields_for(name, handlers) -> the subclass fields of a synapse (handlers.synapse_fields[name] wins)
-- A field type is one of: str, int, float, bool, dict, list_str, terminal, cast_int, cast_float (the base model's
-- int(x)/float(x) "before" validators), with a "?" suffix for Optional[...] (null allowed) and a "!" suffix for a
-- required field without a default. Extra fields are allowed (AlphaCore synapses keep them) and left alone.
local json = require "json"

local M = {}

-- bittensor v10 Synapse: every base field is Optional; ints and floats go through int()/float() casts.
M.BASE = {
  name = "str?", timeout = "cast_float?", total_size = "cast_int?", header_size = "cast_int?",
  dendrite = "terminal?", axon = "terminal?", computed_body_hash = "str?",
}

M.TERMINAL = {
  status_code = "cast_int?", status_message = "str?", process_time = "cast_float?", ip = "str?", port = "cast_int?",
  version = "cast_int?", nonce = "cast_int?", uuid = "str?", hotkey = "str?", signature = "str?",
}

-- The AlphaCore synapse classes (spec §1.2-1.5). Non-Optional fields with a default may be absent but not null.
M.ALPHACORE = {
  StartRoundSynapse = {
    version = "str", round_id = "str", timestamp = "int", validator_version = "str", miner_version = "str",
    is_ready = "bool", available_capacity = "int", error_message = "str?",
  },
  TaskSynapse = {
    version = "str", task_id = "str!", prompt = "str?", task_spec = "dict", notes = "str?", result_summary = "dict",
    evidence_hint = "dict", workspace_zip_b64 = "str?", workspace_zip_filename = "str?",
    workspace_zip_sha256 = "str?", workspace_zip_size_bytes = "int?",
  },
  TaskFeedbackSynapse = {
    version = "str", round_id = "str", task_id = "str", miner_uid = "int", score = "float", feedback_text = "str?",
    suggestions = "list_str?", latency_seconds = "float", acknowledged = "bool",
  },
  TaskCleanupSynapse = {
    version = "str", task_id = "str!", validation_response = "dict", acknowledged = "bool", cleanup_ok = "bool",
    error_message = "str?",
  },
}

-- Subclass fields of synapse `name`: the entrypoint's `synapse_fields[name]` if it declares one, else the
-- AlphaCore class of that name, else none (only the base fields are checked).
function M.fields_for(name, handlers)
  local declared = type(handlers) == "table" and type(handlers.synapse_fields) == "table"
    and handlers.synapse_fields[name]
  if type(declared) == "table" then return declared end
  return M.ALPHACORE[name]
end

-- A decoded JSON array: an empty one carries json.array's marker, a non-empty one is a sequence (object keys
-- are always strings).
function M.is_list(v)
  return type(v) == "table" and (json.is_array(v) or rawget(v, 1) ~= nil)
end

function M.is_dict(v)
  return type(v) == "table" and not M.is_list(v)
end

local function is_null(v) return v == nil or v == json.null end

local function finite(n) return n == n and n ~= math.huge and n ~= -math.huge end

local function show(v)
  if v == json.null then return "None" end
  if type(v) == "string" then
    local s = v:sub(1, 40):gsub("[%c\128-\255]", "?")
    return ("'%s'%s"):format(s, #v > 40 and "..." or "")
  end
  if type(v) == "table" then return M.is_list(v) and "a list" or "a dict" end
  return tostring(v)
end

-- pydantic v2 lax int: ints, floats without a fraction, bools, strings of an integer.
local function lax_int(v)
  local t = math.type(v)
  if t == "integer" then return v end
  if t == "float" then
    if finite(v) and v == math.floor(v) then return math.tointeger(v) end
    return nil, "fractional or non-finite"
  end
  if type(v) == "boolean" then return v and 1 or 0 end
  if type(v) == "string" then
    local digits = v:match("^%s*([+-]?%d+)%s*$")
    local n = digits and math.tointeger(tonumber(digits))
    if n then return n end
  end
  return nil
end

-- Python int(x): as above, but floats are truncated toward zero.
local function cast_int(v)
  if math.type(v) == "float" then
    if not finite(v) then return nil end
    return math.tointeger(v >= 0 and math.floor(v) or math.ceil(v))
  end
  return lax_int(v)
end

-- float: numbers, bools and numeric strings (finite only: the answer must encode as JSON).
local function lax_float(v)
  if type(v) == "number" then
    if finite(v) then return v + 0.0 end
    return nil
  end
  if type(v) == "boolean" then return v and 1.0 or 0.0 end
  if type(v) == "string" and v:match("^%s*[+-]?[%d.]+[eE]?[+-]?%d*%s*$") then
    local n = tonumber(v)
    if n and finite(n) then return n + 0.0 end
  end
  return nil
end

local TRUE = { ["1"] = true, on = true, t = true, ["true"] = true, y = true, yes = true }
local FALSE = { ["0"] = true, off = true, f = true, ["false"] = true, n = true, no = true }

local function lax_bool(v)
  if type(v) == "boolean" then return v end
  if v == 0 or v == 1 then return v == 1 end
  if type(v) == "string" then
    local s = v:lower()
    if TRUE[s] then return true end
    if FALSE[s] then return false end
  end
  return nil
end

local validate_fields

-- Checks one value against a type; returns ok, coerced value, problem.
local function check(v, ty, path, problems, coerce)
  if ty == "str" then
    if type(v) == "string" then return true, v end
    return false, nil, "Input should be a valid string"
  elseif ty == "int" then
    local n = lax_int(v)
    if n then return true, n end
    return false, nil, "Input should be a valid integer"
  elseif ty == "cast_int" then
    local n = cast_int(v)
    if n then return true, n end
    return false, nil, "Input should be a valid integer (int() failed)"
  elseif ty == "float" or ty == "cast_float" then
    local n = lax_float(v)
    if n then return true, n end
    return false, nil, "Input should be a valid number"
  elseif ty == "bool" then
    local b = lax_bool(v)
    if b ~= nil then return true, b end
    return false, nil, "Input should be a valid boolean"
  elseif ty == "dict" then
    if M.is_dict(v) then return true, v end
    return false, nil, "Input should be a valid dictionary"
  elseif ty == "list_str" then
    if not M.is_list(v) then return false, nil, "Input should be a valid list" end
    for i = 1, #v do
      if type(v[i]) ~= "string" then
        return false, nil, ("item %d: Input should be a valid string, got %s"):format(i - 1, show(v[i]))
      end
    end
    return true, v
  elseif ty == "terminal" then
    if not M.is_dict(v) then return false, nil, "Input should be a valid dictionary or instance of TerminalInfo" end
    local before = #problems
    validate_fields(v, M.TERMINAL, path .. ".", problems, coerce)
    return #problems == before, v
  end
  error("rt.synapses: unknown field type " .. tostring(ty))
end

-- Checks the fields of `syn` listed in `fields`; coerces when `coerce`. Appends problem strings.
function validate_fields(syn, fields, prefix, problems, coerce)
  local names = {}
  for name in pairs(fields) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local spec = fields[name]
    local ty, suffix = spec:match("^([%w_]+)([?!]?)$")
    if not ty then error("rt.synapses: bad field spec " .. tostring(spec) .. " for " .. name) end
    local v = syn[name]
    local path = prefix .. name
    if v == nil then
      if suffix == "!" then problems[#problems + 1] = path .. ": Field required" end
    elseif v == json.null then
      if suffix ~= "?" then problems[#problems + 1] = path .. ": Input should not be None" end
    else
      local ok, coerced, why = check(v, ty, path, problems, coerce)
      if ok then
        if coerce then syn[name] = coerced end
      elseif why then
        problems[#problems + 1] = ("%s: %s, got %s"):format(path, why, show(v))
      end
    end
  end
end

local function run(syn, fields, coerce)
  local problems = {}
  if not M.is_dict(syn) then return nil, { "body: Input should be a valid dictionary (a JSON object)" } end
  validate_fields(syn, M.BASE, "", problems, coerce)
  if fields then validate_fields(syn, fields, "", problems, coerce) end
  if #problems > 0 then return nil, problems end
  return true
end

-- Validates a decoded request body like the axon's pydantic model would, coercing lax values in place
-- ("5" -> 5 for an int, 1 -> 1.0 for a float). Returns true, or nil and the list of problems.
function M.validate(syn, fields)
  return run(syn, fields, true)
end

-- The validator's dendrite rebuilds the answer with its own class: the same rules, plus axon and dendrite must
-- be objects (it updates their __dict__). Nothing is changed. Returns true, or nil and the list of problems.
function M.check_answer(syn, fields)
  local ok, problems = run(syn, fields, false)
  problems = problems or {}
  if M.is_dict(syn) then
    for _, k in ipairs { "axon", "dendrite" } do
      if is_null(syn[k]) then problems[#problems + 1] = k .. ": must be an object for the dendrite, got None" end
    end
  end
  if #problems > 0 then return nil, problems end
  return ok
end

return M
