-- Runtime metadata V14 (state_getMetadata) decoding: the portable type registry, pallets with their calls,
-- storage entries and constants, and the extrinsic's signed-extension list. Enough to find
-- SubtensorModule.serve_axon's indices and to check that the transaction extensions are the ones
-- chain.signed_extrinsic knows how to fill.
--   local md = chain_metadata.decode(hex_or_bytes) -> md | nil, message
--   md.pallets_by_name[name] = {name, index, calls = {name -> {index, fields}}, storage = {...}, constants = {...}}
--   md.extrinsic = {version, signed_extensions = {{identifier, ty, additional_signed}, ...}}
local scale = require "scale"

local M = {}

local function str(d) return d:bytes(d:compact()) end
local function vec(d, item)
  local out = {}
  for i = 1, d:compact() do out[i] = item(d) end
  return out
end
local function opt(d, item) if d:option() then return item(d) end return nil end
local function docs(d) return vec(d, str) end

local function field(d)
  return { name = opt(d, str), ty = d:compact(), type_name = opt(d, str), docs = docs(d) }
end

local TYPEDEF = {
  [0] = function(d) return { kind = "composite", fields = vec(d, field) } end,
  [1] = function(d)
    return { kind = "variant", variants = vec(d, function(x)
      return { name = str(x), fields = vec(x, field), index = x:u8(), docs = docs(x) }
    end) }
  end,
  [2] = function(d) return { kind = "sequence", ty = d:compact() } end,
  [3] = function(d) return { kind = "array", len = d:u32(), ty = d:compact() } end,
  [4] = function(d) return { kind = "tuple", fields = vec(d, function(x) return x:compact() end) } end,
  [5] = function(d) return { kind = "primitive", primitive = d:u8() } end,
  [6] = function(d) return { kind = "compact", ty = d:compact() } end,
  [7] = function(d) return { kind = "bitsequence", store = d:compact(), order = d:compact() } end,
}

local function type_entry(d)
  local id = d:compact()
  local path = vec(d, str)
  local params = vec(d, function(x) return { name = str(x), ty = opt(x, function(y) return y:compact() end) } end)
  local tag = d:u8()
  local def_fn = TYPEDEF[tag]
  if not def_fn then error(("unknown TypeDef variant %d for type %d"):format(tag, id), 0) end
  local def = def_fn(d)
  return { id = id, path = path, params = params, def = def, docs = docs(d) }
end

local function storage_entry(d)
  local e = { name = str(d), modifier = d:u8() == 0 and "Optional" or "Default" }
  local kind = d:u8()
  if kind == 0 then
    e.plain = d:compact()
  elseif kind == 1 then
    local hashers = { [0] = "Blake2_128", "Blake2_256", "Blake2_128Concat", "Twox128", "Twox256", "Twox64Concat", "Identity" }
    e.map = { hashers = vec(d, function(x) return hashers[x:u8()] end), key = d:compact(), value = d:compact() }
  else
    error("unknown StorageEntryType " .. kind, 0)
  end
  e.default = str(d)
  e.docs = docs(d)
  return e
end

local function pallet(d)
  local p = { name = str(d) }
  p.storage = opt(d, function(x) return { prefix = str(x), entries = vec(x, storage_entry) } end)
  p.calls_ty = opt(d, function(x) return x:compact() end)
  p.event_ty = opt(d, function(x) return x:compact() end)
  p.constants = vec(d, function(x) return { name = str(x), ty = x:compact(), value = str(x), docs = docs(x) } end)
  p.error_ty = opt(d, function(x) return x:compact() end)
  p.index = d:u8()
  return p
end

function M.decode(data)
  local d, err = scale.decoder(data)
  if not d then return nil, err end
  local ok, md = pcall(function()
    if d:bytes(4) ~= "meta" then error("not runtime metadata (no 'meta' magic)", 0) end
    local version = d:u8()
    if version ~= 14 then error(("metadata version %d; only V14 is decoded"):format(version), 0) end
    local md = { version = version, types = {} }
    for _, t in ipairs(vec(d, type_entry)) do md.types[t.id] = t end
    md.pallets = vec(d, pallet)
    md.extrinsic = { ty = d:compact(), version = d:u8(), signed_extensions = vec(d, function(x)
      return { identifier = str(x), ty = x:compact(), additional_signed = x:compact() }
    end) }
    md.runtime_ty = d:compact()
    if d:remaining() ~= 0 then error(("%d bytes left after the metadata"):format(d:remaining()), 0) end
    md.pallets_by_name = {}
    for _, p in ipairs(md.pallets) do
      p.calls = {}
      local ct = p.calls_ty and md.types[p.calls_ty]
      if ct and ct.def.kind == "variant" then
        for _, v in ipairs(ct.def.variants) do p.calls[v.name] = { index = v.index, fields = v.fields } end
      end
      md.pallets_by_name[p.name] = p
    end
    return md
  end)
  if not ok then return nil, "cannot decode metadata: " .. tostring(md) end
  return md
end

-- The extensions chain.signed_extrinsic fills (spec wire §6.4). An unknown one with data would make every
-- signature wrong, so signing refuses instead.
M.KNOWN_EXTENSIONS = {
  CheckNonZeroSender = true, CheckSpecVersion = true, CheckTxVersion = true, CheckGenesis = true,
  CheckMortality = true, CheckEra = true, CheckNonce = true, CheckWeight = true, ChargeTransactionPayment = true,
  SudoTransactionExtension = true, CheckShieldedTxValidity = true, SubtensorTransactionExtension = true,
  DrandPriority = true, CheckMetadataHash = true,
}

function M.check_extensions(md)
  local unknown = {}
  for _, e in ipairs(md.extrinsic.signed_extensions) do
    if not M.KNOWN_EXTENSIONS[e.identifier] then unknown[#unknown + 1] = e.identifier end
  end
  if #unknown > 0 then return nil, "unknown transaction extensions: " .. table.concat(unknown, ", ") end
  return true
end

-- (pallet index, call index) of a call, e.g. call_index(md, "SubtensorModule", "serve_axon") -> 7, 4
function M.call_index(md, pallet_name, call_name)
  local p = md.pallets_by_name[pallet_name]
  if not p then return nil, "no pallet " .. pallet_name end
  local c = p.calls[call_name]
  if not c then return nil, ("no call %s.%s"):format(pallet_name, call_name) end
  return p.index, c.index
end

return M
