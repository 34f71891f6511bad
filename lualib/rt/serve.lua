-- `miner run`: load the hotkey, serve the axon, route synapses to the current script generation.
-- Every request looks the handler up in the generation current when it arrives, so a reload applies to the
-- next request while in-flight ones finish on the code they started with.
local rt = require "rt"
local axon = require "axon"
local json = require "json"
local log = require "log"
local time = require "time"
local wallet = require "wallet"
local policy = require "rt.policy"
local synapses = require "rt.synapses"
local metrics = require "rt.metrics"
local metagraph = require "metagraph"

local M = {}

-- Synapse routes are handler fields whose names start with an upper-case letter (class names).
local function is_route(name) return type(name) == "string" and name:match("^%u") ~= nil end

local function available(handlers)
  local names = { "'Synapse'" }
  for k, v in pairs(handlers or {}) do
    if is_route(k) and type(v) == "function" then names[#names + 1] = "'" .. k .. "'" end
  end
  table.sort(names)
  return "[" .. table.concat(names, ", ") .. "]"
end

local function ping(syn) return syn end

-- required_hash_fields of a synapse, declared by the entrypoint as hash_fields = {Name = {"a", "b"}}.
local function hash_fields(name)
  local handlers = rt.generation()
  local hf = handlers and type(handlers.hash_fields) == "table" and handlers.hash_fields[name]
  return type(hf) == "table" and #hf > 0 and hf or nil
end

-- handler, available-list (when unknown), and whether the body hash is checked in dispatch (hashed fields)
-- rather than against the constant sha3("") in C.
function M.resolve(name)
  local handlers = rt.generation()
  if name == "Synapse" then return (handlers and handlers.Synapse) or ping end
  local h = handlers and is_route(name) and handlers[name]
  if type(h) == "function" then return h, nil, hash_fields(name) ~= nil end
  return nil, available(handlers)
end

local function is_null(v) return v == nil or v == json.null end

local function uuid4()
  local b = { require("crypto").random(16):byte(1, 16) }
  b[7] = (b[7] & 0x0f) | 0x40
  b[9] = (b[9] & 0x3f) | 0x80
  local hex = ("%02x"):rep(16):format(table.unpack(b))
  return ("%s-%s-%s-%s-%s"):format(hex:sub(1, 8), hex:sub(9, 12), hex:sub(13, 16), hex:sub(17, 20), hex:sub(21, 32))
end

-- A body the synapse's pydantic model rejects: upstream builds the model from the body inside its body-integrity
-- dependency, so the ValidationError ends in the middleware's generic handler as 500 "Internal Server Error #<uuid>"
-- (bittensor-wire §1.4, §1.8). The same answer here, with the reasons in our log under the same id.
M.INVALID_BODY_STATUS = 500

local function refuse_body(name, info, problems)
  local msg = "Internal Server Error #" .. uuid4()
  log.warn("%s from %s refused (%s): the body does not fit the synapse's fields: %s", name, tostring(info.hotkey),
    msg, table.concat(problems, "; "))
  return M.INVALID_BODY_STATUS, msg, assert(json.encode({ message = msg }))
end

-- Runs in the request's task: decode, check the body against the synapse's fields (rt.synapses), call the
-- handler, check its answer the way the validator's model will, echo the synapse with the axon status filled in.
function M.dispatch(handler, name, body, info)
  local syn, err = json.decode(body)
  if type(syn) ~= "table" or synapses.is_list(syn) then
    error("request body is not a JSON object: " .. tostring(err or "got " .. (type(syn) == "table" and "a list"
      or type(syn))), 0)
  end
  syn.name = name
  local fields = synapses.fields_for(name, rt.generation())
  local valid, problems = synapses.validate(syn, fields)
  if not valid then return refuse_body(name, info, problems) end
  local hf = hash_fields(name)
  if hf then
    local want = require("rt.pyrepr").body_hash(syn, hf)
    if want ~= info.body_hash then
      error(("computed_body_hash %s does not match the body (%s)"):format(tostring(info.body_hash), want), 0)
    end
  end
  if type(syn.axon) ~= "table" then syn.axon = {} end
  if type(syn.dendrite) ~= "table" then syn.dendrite = {} end
  M.log_in(name, syn, info)
  local res = handler(syn, info)
  if type(res) == "table" and res ~= syn then
    for k, v in pairs(res) do syn[k] = v end
  end
  local ax = syn.axon
  if type(ax) ~= "table" then ax = {} syn.axon = ax end
  local code = is_null(ax.status_code) and 200 or math.tointeger(ax.status_code) or 500
  local msg = ax.status_message
  if is_null(msg) or msg == "" then msg = code == 200 and "Success" or "" end
  ax.status_code, ax.status_message = code, msg
  ax.process_time = time.mono() - (info.deadline - info.timeout)
  if is_null(syn.computed_body_hash) then syn.computed_body_hash = "" end
  local fits, why = synapses.check_answer(syn, fields)
  if not fits then
    log.error("%s answer to %s would be rejected by the validator's model (its dendrite reports 422 and drops it): %s",
      name, tostring(info.hotkey), table.concat(why, "; "))
  end
  M.log_out(name, syn, info, code, ax.process_time)
  return code, msg, assert(json.encode(syn))
end

-- The caller as upstream's miner logs it: uid (from the metagraph), short hotkey, ip.
local function who(info)
  local uid = metagraph.lookup(info.hotkey or "")
  local hk = tostring(info.hotkey or "?")
  return ("uid=%s hotkey=%s ip=%s"):format(uid and tostring(uid) or "-", hk:sub(1, 10), tostring(info.peer_ip or "?"))
end

local function str(v, max) return (type(v) == "string" or type(v) == "number") and tostring(v):sub(1, max or 64) or "-" end

-- One line per synapse in, one out, at info (upstream's fields: uid, hotkey, ip, round, task, status, latency,
-- zip size, score).
function M.log_in(name, syn, info)
  if name == "Synapse" then return end
  log.info("in  %s %s round=%s task=%s", name, who(info), str(syn.round_id), str(syn.task_id))
end

function M.log_out(name, syn, info, code, seconds)
  metrics.inc("miner_requests_total", { synapse = name, status = tostring(code) })
  metrics.observe("miner_request_seconds", { synapse = name }, seconds)
  if name == "Synapse" then return end
  local extra = ""
  if name == "TaskSynapse" then
    local rs = type(syn.result_summary) == "table" and syn.result_summary or {}
    extra = (" result=%s zip=%sB self_score=%s/%s"):format(str(rs.status), str(syn.workspace_zip_size_bytes),
      str(rs.passed_invariants), str(rs.total_invariants))
  elseif name == "TaskFeedbackSynapse" or name == "TaskCleanupSynapse" then
    local vr = type(syn.validation_response) == "table" and syn.validation_response or {}
    local r = type(vr.result) == "table" and vr.result or {}
    local fs = type(syn.summary) == "table" and syn.summary or {}
    extra = (" score=%s final=%s"):format(str(r.score or syn.score), str(fs.final_score))
  end
  log.info("out %s %s round=%s task=%s status=%d latency=%.3fs%s", name, who(info), str(syn.round_id),
    str(syn.task_id), code, seconds or 0, extra)
end

-- Blacklist decisions are logged with their reason (at most once a minute per caller and reason: a refused peer
-- can call as often as it likes) and counted.
local refusals_logged = {}
local function note_refusal(info, reason)
  reason = tostring(reason or "blacklisted")
  metrics.inc("miner_blacklisted_total", { reason = (reason:match("^(%a[%a ]*%a)") or "other") })
  local key = tostring(info.hotkey):sub(1, 64) .. "|" .. reason:sub(1, 40)
  local now = time.mono()
  if (refusals_logged[key] or -math.huge) + 60 <= now then
    if refusals_logged.n and refusals_logged.n > 10000 then refusals_logged = {} end -- bounded: peers choose the keys
    refusals_logged.n = (refusals_logged.n or 0) + 1
    refusals_logged[key] = now
    log.info("blacklisted %s %s: %s", tostring(info.name or "?"), who(info), reason)
  end
end

function M.blacklist(info)
  local handlers = rt.generation()
  local bad, reason
  if handlers and type(handlers.blacklist) == "function" then bad, reason = handlers.blacklist(info)
  else bad, reason = policy.blacklist(info, rt.config) end
  if bad then note_refusal(info, reason) end
  return bad, reason
end

function M.priority(info)
  local handlers = rt.generation()
  if handlers and type(handlers.priority) == "function" then return handlers.priority(info) end
  return policy.priority(info)
end

function M.start()
  local cfg = rt.config
  local kp, err = wallet.load_hotkey { path = cfg.wallet.path, name = cfg.wallet.name, hotkey = cfg.wallet.hotkey }
  if not kp then
    log.error("cannot load the hotkey: %s", err)
    rt.stop(1)
    return
  end
  local n = policy.load_allowlist(cfg.blacklist.allowlist_file)
  if n > 0 then log.info("allow-list: %d hotkeys from %s", n, cfg.blacklist.allowlist_file) end
  local handlers = rt.generation() or {}
  -- a raise here (a bad option or entrypoint table) must stop the process, not leave it up without an axon
  local ok, server, serr = pcall(axon.serve, {
    ip = cfg.axon.ip, port = cfg.axon.port, hotkey = kp.ss58, verify = cfg.axon.verify,
    max_body = cfg.axon.max_body_bytes, body_limits = handlers.max_body_bytes,
    body_budget = cfg.axon.body_budget_bytes, max_connections = cfg.axon.max_connections,
    max_connections_per_ip = cfg.axon.max_connections_per_ip, first_byte_timeout = cfg.axon.first_byte_timeout,
    idle_timeout = cfg.axon.idle_timeout, read_timeout = cfg.axon.read_timeout,
    limits = handlers.max_concurrent,
    resolve = M.resolve, dispatch = M.dispatch, blacklist = M.blacklist, priority = M.priority,
  })
  if not ok then server, serr = nil, server end
  if not server then
    log.error("cannot start the axon: %s", serr)
    rt.stop(1)
    return
  end
  M.server, M.keypair = server, kp
  log.info("axon listening on %s:%d as %s (netuid %d)", cfg.axon.ip, server:port(), kp.ss58, cfg.netuid)
  M.warn_insecure(cfg)
  M.start_metrics(cfg)
  M.start_heartbeat(cfg)
  M.start_metagraph_sync(cfg)
  if cfg.axon.external_ip and cfg.chain.serve_axon then
    rt.spawn(M.serve_on_chain, cfg, kp, cfg.axon.external_port or server:port())
  end
end

-- Settings that let strangers in or skip checks are said out loud at start.
function M.warn_insecure(cfg)
  if not cfg.axon.verify then log.warn("INSECURE: --axon.verify false: signatures and nonces are not checked") end
  if cfg.blacklist.allow_non_registered then
    log.warn("INSECURE: --allow-non-registered: callers that are not registered on netuid %d are served", cfg.netuid)
  end
  if not cfg.blacklist.force_validator_permit then
    log.warn("INSECURE: --blacklist.force_validator_permit false: callers without a validator permit are served")
  end
  if (cfg.blacklist.minimum_stake_requirement or 0) <= 0 then
    log.warn("--min-stake 0: any registered caller with a permit is served (upstream's default is 10000)")
  end
end

-- Prometheus text on --metrics.ip:--metrics.port (loopback by default; --metrics.enabled false turns it off).
function M.start_metrics(cfg)
  local mc = cfg.metrics or {}
  local port = mc.port or 0
  metrics.describe("miner_requests_total", "counter", "synapses answered, by synapse and HTTP status")
  metrics.describe("miner_request_seconds", "histogram", "handler time per synapse")
  metrics.describe("miner_blacklisted_total", "counter", "callers refused by the blacklist, by reason")
  metrics.collect("miner_axon_connections", "gauge", "open axon connections",
    function() return M.server and M.server:stats().connections end)
  metrics.collect("miner_verify_seconds_total", "counter", "time spent verifying sr25519 signatures",
    function() return M.server and M.server:stats().verify_seconds end)
  metrics.collect("miner_verify_total", "counter", "sr25519 signatures verified",
    function() return M.server and M.server:stats().verify_count end)
  metrics.collect("miner_metagraph_age_seconds", "gauge", "seconds since the metagraph snapshot was taken",
    function() local snap = metagraph.get() return snap and snap.synced_at and (time.now() - snap.synced_at) or nil end)
  if mc.enabled == false then return end
  local srv, err = metrics.serve(mc.ip, port)
  if not srv then
    log.warn("metrics endpoint on %s:%d not started: %s", tostring(cfg.metrics.ip), port, err)
    return
  end
  M.metrics_server = srv
  log.info("metrics on http://%s:%d/metrics", cfg.metrics.ip, srv:port())
end

-- Every 60 s: chain block and metagraph age, tasks in flight, age of the last task.
M.heartbeat_interval = 60
function M.start_heartbeat(cfg)
  local timer = require "timer"
  rt.spawn(function()
    while true do
      timer.sleep(M.heartbeat_interval)
      local snap = metagraph.get()
      local handlers = rt.generation()
      local status = handlers and type(handlers.status) == "function" and select(2, pcall(handlers.status)) or nil
      status = type(status) == "table" and status or {}
      log.info("heartbeat: block=%s metagraph_age=%s inflight=%s queued=%s last_task_age=%s requests=%s",
        tostring(snap and snap.block or "-"),
        snap and snap.synced_at and ("%.0fs"):format(time.now() - snap.synced_at) or "-",
        tostring(status.applying or "-"), tostring(status.queued or "-"),
        status.last_task_at and ("%.0fs"):format(time.now() - status.last_task_at) or "-",
        tostring(M.server and M.server:stats().requests or 0))
    end
  end)
end

-- serve_axon at start when the chain's axon info for this hotkey differs from --axon.external_ip/port.
function M.serve_on_chain(cfg, kp, port)
  local chain = require "chain"
  local ip = cfg.axon.external_ip
  if ip:match("^127%.") or ip == "0.0.0.0" or ip == "localhost" then
    log.warn("serve_axon skipped: %s is not a public address validators can reach", ip)
    return "skipped"
  end
  local url = chain.endpoint(cfg)
  local status, detail = chain.serve_axon_if_needed { url = url, netuid = cfg.netuid, ss58 = kp.ss58,
    public = kp.public, secret = kp.secret(), ip = cfg.axon.external_ip, port = port }
  if not status then
    log.error("serve_axon on %s failed: %s", url, detail)
  elseif status == "served" or status == "unchanged" then
    log.info("serve_axon: %s", detail)
  else
    log.warn("serve_axon not submitted (%s): %s", status, detail)
  end
  return status, detail
end

-- Keeps the metagraph fresh for the blacklist: the last snapshot on disk is loaded first (so a restart without
-- the chain still knows the validators), then synced every chain.sync_interval seconds; failures keep the old
-- snapshot and retry sooner.
function M.start_metagraph_sync(cfg)
  local chain = require "chain"
  local metagraph = require "metagraph"
  local timer = require "timer"
  local path = ("%s/metagraph-%d.json"):format(cfg.workdir, cfg.netuid)
  local saved = chain.load_persisted(path)
  if saved and saved.hotkeys then
    metagraph.set(saved)
    log.info("metagraph: %d hotkeys loaded from %s", #saved.hotkeys, path)
  end
  local interval = cfg.chain.sync_interval
  if not interval or interval <= 0 then return end
  local url = chain.endpoint(cfg)
  rt.spawn(function()
    require("fs").mkdir(cfg.workdir)
    local wait = 0
    while true do
      if wait > 0 then timer.sleep(wait) end
      local snap, err = chain.sync_metagraph(url, cfg.netuid, path)
      if snap then
        metagraph.set(snap)
        log.info("metagraph: %d hotkeys for netuid %d from %s", #snap.hotkeys, cfg.netuid, url)
        wait = interval
      else
        log.warn("metagraph sync from %s failed (keeping the last snapshot): %s", url, err)
        wait = math.min(interval, 60)
      end
    end
  end)
end

return M
