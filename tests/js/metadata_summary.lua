-- Run by chain.test.mjs: `miner exec tests/js/metadata_summary.lua METADATA_HEX_FILE`: prints pallets (index,
-- calls, storage names), the signed extensions and serve_axon's indices as JSON.
local cm = require "chain_metadata"
local json = require "json"
local fs = require "fs"
local hex = assert(fs.read((...))):gsub("%s", "")
local md = assert(cm.decode(hex))
local pallets = {}
for _, p in ipairs(md.pallets) do
  local calls = {}
  for name, c in pairs(p.calls) do calls[name] = c.index end
  local storage = json.array()
  for i, e in ipairs(p.storage and p.storage.entries or {}) do storage[i] = e.name end
  pallets[#pallets + 1] = { name = p.name, index = p.index, calls = calls, storage = storage }
end
local ext = json.array()
for i, e in ipairs(md.extrinsic.signed_extensions) do ext[i] = e.identifier end
local pi, ci = cm.call_index(md, "SubtensorModule", "serve_axon")
print(json.encode { pallets = pallets, extensions = ext, serve_axon = { pi, ci }, types = #md.types + 1,
  extensions_ok = (cm.check_extensions(md)) == true })
return 0
