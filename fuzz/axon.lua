-- fuzz_axon driver: two axons on 127.0.0.1 (signatures verified / not), with the hooks a real entrypoint has.
local axon = require "axon"
local crypto = require "crypto"
local json = require "json"

return function()
  local hotkey = crypto.ss58_encode((crypto.sr25519_keypair(("\7"):rep(32))))
  local function resolve(name)
    if name == "Echo" or name == "Synapse" or name == "Capped" then return function(syn) return syn end end
    if name == "Hashed" then return function(syn) return syn end, nil, true end
    return nil, "['Capped', 'Echo', 'Hashed', 'Synapse']"
  end
  local function dispatch(handler, name, body, info)
    assert(type(info.hotkey) == "string" and info.timeout >= 0, "info is filled")
    local syn = json.decode(body)
    if type(syn) ~= "table" then error("not a JSON object", 0) end
    local res = handler(syn, info)
    return 200, "Success", assert(json.encode(res))
  end
  local function blacklist(info) return info.hotkey:sub(1, 3) == "bad", "bad prefix" end
  local function priority(info) return info.name ~= "Deprioritised" end
  local common = { ip = "127.0.0.1", port = 0, hotkey = hotkey, resolve = resolve, dispatch = dispatch,
    blacklist = blacklist, priority = priority, limits = { Capped = 0 }, max_body = 2048,
    body_limits = { Echo = 4096 }, body_budget = 8192, max_header_bytes = 4096, max_headers = 40,
    max_connections = 16 }
  local verified = assert(axon.serve(setmetatable({ verify = true }, { __index = common })))
  local open = assert(axon.serve(setmetatable({ verify = false }, { __index = common })))
  return verified, open
end
