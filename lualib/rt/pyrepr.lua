-- Python's str()/repr() of JSON-decoded values, for bittensor body hashes (spec wire §1.5):
-- body_hash = sha3(concat(sha3(str(value_of_field)) for each required hash field)).
-- str of a str is the raw text; inside containers values use repr: 'single' quotes (double when the text has
-- ' and no "), True/False/None, floats in shortest round-trip form ('1.0', '1e-05', '1e+16').
-- Limitation: dict key order is not preserved by JSON decoding, so a hashed dict with several keys may differ.
local json = require "json"
local crypto = require "crypto"

local M = {}

local function float_repr(x)
  if x ~= x then return "nan" end
  if x == math.huge then return "inf" end
  if x == -math.huge then return "-inf" end
  local s
  for p = 1, 17 do
    s = ("%." .. p .. "e"):format(x)
    if tonumber(s) == x then break end
  end
  local sign, mant, exp = s:match("^(%-?)([%d%.]+)e([%-+]%d+)$")
  exp = tonumber(exp)
  local digits = mant:gsub("%.", ""):gsub("0+$", "")
  if digits == "" then digits = "0" end
  if exp < -4 or exp >= 16 then
    local m = digits:sub(1, 1) .. (#digits > 1 and ("." .. digits:sub(2)) or "")
    return ("%s%se%s%02d"):format(sign, m, exp < 0 and "-" or "+", math.abs(exp))
  end
  local out
  if exp < 0 then
    out = "0." .. string.rep("0", -exp - 1) .. digits
  elseif #digits <= exp + 1 then
    out = digits .. string.rep("0", exp + 1 - #digits) .. ".0"
  else
    out = digits:sub(1, exp + 1) .. "." .. digits:sub(exp + 2)
  end
  return sign .. out
end

local function str_repr(s)
  local q = (s:find("'", 1, true) and not s:find('"', 1, true)) and '"' or "'"
  local out = s:gsub("[%c\\" .. q .. "]", function(c)
    if c == "\\" then return "\\\\" end
    if c == q then return "\\" .. q end
    if c == "\n" then return "\\n" end
    if c == "\r" then return "\\r" end
    if c == "\t" then return "\\t" end
    return ("\\x%02x"):format(c:byte())
  end)
  return q .. out .. q
end

function M.repr(v)
  if v == nil or v == json.null then return "None" end
  local t = type(v)
  if t == "boolean" then return v and "True" or "False" end
  if t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return float_repr(v)
  end
  if t == "string" then return str_repr(v) end
  if t == "table" then
    if json.is_array(v) or #v > 0 then
      local parts = {}
      for i, x in ipairs(v) do parts[i] = M.repr(x) end
      return "[" .. table.concat(parts, ", ") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local parts = {}
    for i, k in ipairs(keys) do parts[i] = M.repr(k) .. ": " .. M.repr(v[k]) end
    return "{" .. table.concat(parts, ", ") .. "}"
  end
  error("cannot repr a " .. t)
end

function M.str(v)
  if type(v) == "string" then return v end
  return M.repr(v)
end

-- Synapse.body_hash for the given required_hash_fields.
function M.body_hash(syn, fields)
  local parts = {}
  for i, f in ipairs(fields) do parts[i] = crypto.hex(crypto.sha3_256(M.str(syn[f]))) end
  return crypto.hex(crypto.sha3_256(table.concat(parts)))
end

M.float_repr = float_repr
return M
