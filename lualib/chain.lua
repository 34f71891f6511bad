-- Subtensor chain client pieces (spec wire §6): JSON-RPC, SubnetState -> metagraph, serve_axon extrinsics.
-- Transport: ws:// and wss:// endpoints use a WebSocket client (libwebsockets on the runtime loop, one
-- connection per endpoint, reconnect with backoff); http(s):// endpoints use POST (libcurl).
local scale = require "scale"
local crypto = require "crypto"
local json = require "json"
local fs = require "fs"
local log = require "log"

local M = {}

M.ENDPOINTS = {
  finney = "wss://entrypoint-finney.opentensor.ai:443",
  test = "wss://test.finney.opentensor.ai:443",
  archive = "wss://archive.chain.opentensor.ai:443",
  ["local"] = "ws://127.0.0.1:9944",
  ["latent-lite"] = "wss://lite.sub.latent.to:443",
}

function M.endpoint(cfg)
  local ep = cfg.subtensor and cfg.subtensor.chain_endpoint
  if ep and ep ~= "" then return ep end
  local net = cfg.subtensor and cfg.subtensor.network or "finney"
  return M.ENDPOINTS[net] or net
end

-- ws(s):// -> http(s):// (same port).
function M.http_url(url)
  return (url:gsub("^wss://", "https://"):gsub("^ws://", "http://"))
end

local next_id = 0
local ws_clients = {}

local function ws_request(url, id, text, timeout)
  local c = ws_clients[url]
  if not c then
    local err
    c, err = require("wsrpc").connect(url)
    if not c then return nil, err end
    ws_clients[url] = c
  end
  return c:request(id, text, timeout)
end

-- JSON-RPC 2.0 call; returns result (json.null for a null result) | nil, message.
function M.rpc(url, method, params, timeout)
  next_id = next_id + 1
  local req = assert(json.encode { jsonrpc = "2.0", id = next_id, method = method, params = json.array(params or {}) })
  local body, err
  if url:match("^wss?://") then
    body, err = ws_request(url, next_id, req, timeout or 30)
    if not body then return nil, ("%s: %s"):format(method, err) end
  else
    local r, herr = require("httpc").request { url = M.http_url(url), method = "POST", body = req,
      timeout = timeout or 30, headers = { ["Content-Type"] = "application/json" } }
    if not r then return nil, herr end
    if r.status ~= 200 then return nil, ("%s: HTTP %d"):format(method, r.status) end
    body = r.body
  end
  local resp, jerr = json.decode(body)
  if type(resp) ~= "table" then return nil, method .. ": response is not JSON: " .. tostring(jerr) end
  if type(resp.error) == "table" then
    return nil, ("%s: error %s: %s"):format(method, tostring(resp.error.code), tostring(resp.error.message))
  end
  if resp.result == nil then return nil, method .. ": response has no result" end
  return resp.result
end

-- ---- SubnetInfoRuntimeApi_get_subnet_state ----

local function vec(d, item)
  local n = d:compact()
  local out = {}
  for i = 1, n do out[i] = item(d) end
  return out
end

local function account(d) return d:bytes(32) end
local function compact(d) return d:compact() end
local function bool(d) return d:bool() end

-- Option<SubnetState<AccountId32>> bytes (or 0x hex) -> table | nil (None) | nil, message
function M.decode_subnet_state(data)
  local d, derr = scale.decoder(data)
  if not d then return nil, derr end
  local ok, st = pcall(function()
    if not d:option() then return json.null end
    local s = { netuid = d:compact() }
    s.hotkeys = vec(d, account)
    s.coldkeys = vec(d, account)
    s.active = vec(d, bool)
    s.validator_permit = vec(d, bool)
    s.pruning_score = vec(d, compact)
    s.last_update = vec(d, compact)
    s.emission = vec(d, compact)
    s.dividends = vec(d, compact)
    s.incentives = vec(d, compact)
    s.consensus = vec(d, compact)
    s.trust = vec(d, compact)
    s.rank = vec(d, compact)
    s.block_at_registration = vec(d, compact)
    s.alpha_stake = vec(d, compact)
    s.tao_stake = vec(d, compact)
    s.total_stake = vec(d, compact)
    s.emission_history = vec(d, function(x) return vec(x, compact) end)
    if d:remaining() ~= 0 then error(("%d bytes left after SubnetState"):format(d:remaining()), 0) end
    return s
  end)
  if not ok then return nil, "cannot decode SubnetState: " .. tostring(st) end
  if st == json.null then return nil, "subnet does not exist" end
  return st
end

-- NeuronInfoRuntimeApi_get_neurons_lite result: Vec<NeuronInfoLite> (spec wire §6.2). Older runtimes wrap
-- it in a Vec<u8>; both are accepted (measured: the recorded netuid-23 answer is wrapped, netuid 1 is not).
function M.decode_neurons_lite(data)
  local list, err = M.decode_neurons_lite_raw(data)
  if list then return list end
  local d = scale.decoder(data)
  local ok, inner = pcall(function()
    local n = d:compact()
    if n ~= d:remaining() then error("not a Vec<u8> wrapper", 0) end
    return d:bytes(n)
  end)
  if ok then return M.decode_neurons_lite_raw(inner, "raw") end
  return nil, err
end

-- mode: "raw" for bytes cut out of another SCALE value (they may happen to read as 0x-hex text)
function M.decode_neurons_lite_raw(data, mode)
  local d, derr = scale.decoder(data, mode)
  if not d then return nil, derr end
  local ok, out = pcall(function()
    local function axon(x)
      local a = { block = x:u64(), version = x:u32() }
      a.ip = x:u128()
      a.port, a.ip_type, a.protocol, a.placeholder1, a.placeholder2 = x:u16(), x:u8(), x:u8(), x:u8(), x:u8()
      return a
    end
    local function prometheus(x)
      local p = { block = x:u64(), version = x:u32() }
      p.ip = x:u128()
      p.port, p.ip_type = x:u16(), x:u8()
      return p
    end
    local list = vec(d, function(x)
      local n = { hotkey = x:bytes(32), coldkey = x:bytes(32), uid = x:compact(), netuid = x:compact(), active = x:bool() }
      n.axon_info = axon(x)
      n.prometheus_info = prometheus(x)
      n.stake = vec(x, function(y) return { coldkey = y:bytes(32), amount = y:compact() } end)
      n.rank, n.emission, n.incentive, n.consensus = x:compact(), x:compact(), x:compact(), x:compact()
      n.trust, n.validator_trust, n.dividends, n.last_update = x:compact(), x:compact(), x:compact(), x:compact()
      n.validator_permit, n.pruning_score = x:bool(), x:compact()
      return n
    end)
    if d:remaining() ~= 0 then error(("%d bytes left after the neurons"):format(d:remaining()), 0) end
    return list
  end)
  if not ok then return nil, "cannot decode NeuronInfoLite list: " .. tostring(out) end
  return out
end

-- SubnetState -> metagraph snapshot (hotkeys as SS58, stake in TAO), as metagraph.set expects.
function M.metagraph_from_subnet_state(st, block)
  local hotkeys, stake = {}, {}
  for i, pub in ipairs(st.hotkeys) do hotkeys[i] = crypto.ss58_encode(pub) end
  for i, rao in ipairs(st.total_stake) do stake[i] = rao / 1e9 end
  return { netuid = st.netuid, block = block, hotkeys = hotkeys, validator_permit = st.validator_permit, stake = stake }
end

-- Fetches the subnet state, builds the snapshot, persists it (so a restart without the chain still has it).
function M.sync_metagraph(url, netuid, persist_path)
  local param = "0x" .. crypto.hex(scale.u16(netuid))
  local hex, err = M.rpc(url, "state_call", { "SubnetInfoRuntimeApi_get_subnet_state", param })
  if not hex then return nil, err end
  local st, derr = M.decode_subnet_state(hex)
  if not st then return nil, derr end
  local snap = M.metagraph_from_subnet_state(st)
  snap.synced_at = require("time").now() -- for the metagraph age in the heartbeat and metrics
  if persist_path then
    local ok, werr = fs.write(persist_path, assert(json.encode(snap)))
    if not ok then log.warn("cannot persist the metagraph: %s", werr) end
  end
  return snap
end

function M.load_persisted(path)
  local text = fs.read(path)
  if not text then return nil end
  local snap = json.decode(text)
  return type(snap) == "table" and snap or nil
end

-- ---- serve_axon (SubtensorModule pallet 7, call 4) ----

function M.ip_to_int(ip)
  local a, b, c, d = ip:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  if not a then return nil, "only IPv4 addresses are supported: " .. tostring(ip) end
  a, b, c, d = tonumber(a), tonumber(b), tonumber(c), tonumber(d)
  if a > 255 or b > 255 or c > 255 or d > 255 then return nil, "bad IPv4 address " .. ip end
  return ((a * 256 + b) * 256 + c) * 256 + d
end

-- p.metadata (chain_metadata.decode result), when given, supplies the pallet/call indices instead of 7/4.
function M.serve_axon_call(p)
  local ip, err = M.ip_to_int(p.ip)
  if not ip then return nil, err end
  local pallet, call = 7, 4
  if p.metadata then
    pallet, call = require("chain_metadata").call_index(p.metadata, "SubtensorModule", "serve_axon")
    if not pallet then return nil, call end
  end
  return string.char(pallet, call) .. scale.u16(p.netuid) .. scale.u32(p.version) .. scale.u128(ip, 0) .. scale.u16(p.port)
    .. scale.u8(p.ip_type or 4) .. scale.u8(p.protocol or 4) .. scale.u8(p.placeholder1 or 0) .. scale.u8(p.placeholder2 or 0)
end

-- ---- storage keys and serve_axon submission ----

local SUBTENSOR = "658faa385070e074c85bf6b568cf0555"
M.STORAGE = { Axons = SUBTENSOR .. "b4e0c7b1d5f74994fcd58c28ab601fec", Uids = SUBTENSOR .. "aab1b4e78e1ea8305462ee53b3686dc8" }
M.SERVING_RATE_LIMIT = 50 -- blocks (SubtensorInitialServingRateLimit); the chain's value may differ

-- Key of a (netuid, hotkey) double map: Identity(netuid u16) ++ Blake2_128Concat(hotkey).
function M.netuid_hotkey_key(prefix_hex, netuid, public)
  return "0x" .. prefix_hex .. crypto.hex(scale.u16(netuid)) .. crypto.hex(crypto.blake2b(public, 16)) .. crypto.hex(public)
end

function M.decode_axon_info(hex)
  local d = assert(scale.decoder(hex))
  local info = { block = d:u64(), version = d:u32() }
  local lo, hi = d:u128()
  info.ip_int, info.ip_hi = lo, hi
  info.port, info.ip_type, info.protocol, info.placeholder1, info.placeholder2 = d:u16(), d:u8(), d:u8(), d:u8(), d:u8()
  if hi == 0 and info.ip_type == 4 then
    info.ip = ("%d.%d.%d.%d"):format((lo >> 24) & 255, (lo >> 16) & 255, (lo >> 8) & 255, lo & 255)
  end
  return info
end

-- Serves the axon on chain unless the chain already has these ip/port, the hotkey is unregistered, or the
-- serving rate limit has not passed. opts: url, netuid, keypair ({public, ss58}), secret (64 bytes), ip, port,
-- version. Returns status ("served", "unchanged", "not_registered", "rate_limited"), detail | nil, message.
function M.serve_axon_if_needed(opts)
  local url, netuid = opts.url, opts.netuid
  local uid_hex, err = M.rpc(url, "state_getStorage", { M.netuid_hotkey_key(M.STORAGE.Uids, netuid, opts.public) })
  if err then return nil, err end
  if uid_hex == json.null then
    return "not_registered", ("hotkey %s is not registered on netuid %d: register it first (btcli subnet register)"):format(opts.ss58, netuid)
  end
  local axon_hex, aerr = M.rpc(url, "state_getStorage", { M.netuid_hotkey_key(M.STORAGE.Axons, netuid, opts.public) })
  if aerr then return nil, aerr end
  local current = axon_hex ~= json.null and M.decode_axon_info(axon_hex) or nil
  if current and current.ip == opts.ip and current.port == opts.port and current.ip_type == 4 and current.protocol == 4 then
    return "unchanged", ("axon already served at %s:%d (block %d)"):format(opts.ip, opts.port, current.block)
  end
  local header, herr = M.rpc(url, "chain_getHeader", {})
  if herr then return nil, herr end
  local block = tonumber(header.number)
  if current and block and block - current.block < M.SERVING_RATE_LIMIT then
    return "rate_limited", ("served at block %d, the rate limit allows a new serve at block %d (now %d)"):format(
      current.block, current.block + M.SERVING_RATE_LIMIT, block)
  end
  local version, verr = M.rpc(url, "state_getRuntimeVersion", {})
  if verr then return nil, verr end
  local genesis, gerr = M.rpc(url, "chain_getBlockHash", { 0 })
  if gerr then return nil, gerr end
  local md_hex, merr = M.rpc(url, "state_getMetadata", {})
  if merr then return nil, merr end
  local md, mderr = require("chain_metadata").decode(md_hex)
  if not md then return nil, mderr end
  local ok, xerr = require("chain_metadata").check_extensions(md)
  if not ok then return nil, xerr end
  local nonce, nerr = M.rpc(url, "account_nextIndex", { opts.ss58 })
  if nerr then return nil, nerr end
  local call, cerr = M.serve_axon_call { metadata = md, netuid = netuid, version = opts.version or 10002000,
    ip = opts.ip, port = opts.port }
  if not call then return nil, cerr end
  local xt = M.signed_extrinsic { call = call, secret = opts.secret, public = opts.public, nonce = math.tointeger(nonce),
    spec_version = version.specVersion, tx_version = version.transactionVersion, genesis = crypto.unhex(genesis) }
  local hash, serr = M.rpc(url, "author_submitExtrinsic", { "0x" .. crypto.hex(xt) })
  if serr then return nil, "serve_axon rejected: " .. serr end
  return "served", ("serve_axon %s:%d submitted in %s"):format(opts.ip, opts.port, tostring(hash))
end

-- Signed extrinsic v4 for subtensor's extension list (spec wire §6.4): immortal era, CheckMetadataHash off.
-- opts: call, secret (64 bytes), public (32), nonce, tip, spec_version, tx_version, genesis (32 bytes)
-- Returns extrinsic bytes and the signed payload.
function M.signed_extrinsic(opts)
  local era = "\0"
  local extra = era .. scale.compact(opts.nonce) .. scale.compact(opts.tip or 0) .. "\0"
  local implicit = scale.u32(opts.spec_version) .. scale.u32(opts.tx_version) .. opts.genesis .. opts.genesis .. "\0"
  local payload = opts.call .. extra .. implicit
  local to_sign = #payload > 256 and crypto.blake2b(payload, 32) or payload
  local sig = crypto.sr25519_sign(opts.secret, to_sign, opts.public)
  local body = "\132" .. "\0" .. opts.public .. "\1" .. sig .. extra .. opts.call
  return scale.compact(#body) .. body, payload
end

return M
