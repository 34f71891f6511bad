-- `miner exec bench/gen_requests.lua OUT N AXON_HOTKEY PORT SYNAPSE`: writes N signed, distinct requests
-- (fresh uuid per request, like a validator's per-request Dendrite), each prefixed by its length in 8 hex digits.
local crypto = require "crypto"
local wallet = require "wallet"
local time = require "time"
local fs = require "fs"

local out, n, axon_hotkey, port, synapse = ...
n = tonumber(n)
synapse = synapse or "StartRoundSynapse"
local kp = wallet.from_seed(crypto.random(32))
local hash = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
local parts = {}
local nonce = time.ns()
for i = 1, n do
  nonce = nonce + 1
  local r = crypto.hex(crypto.random(16))
  local uuid = ("%s-%s-%s-%s-%s"):format(r:sub(1, 8), r:sub(9, 12), r:sub(13, 16), r:sub(17, 20), r:sub(21, 32))
  local sig = "0x" .. crypto.hex(kp.sign(("%d.%s.%s.%s.%s"):format(nonce, kp.ss58, axon_hotkey, uuid, hash)))
  local body = ('{"name": "%s", "timeout": 60.0, "total_size": 0, "header_size": 0, "dendrite": {"status_code": null, '
    .. '"status_message": null, "process_time": null, "ip": "127.0.0.1", "port": null, "version": 10002000, '
    .. '"nonce": %d, "uuid": "%s", "hotkey": "%s", "signature": "%s"}, "axon": {"status_code": null, '
    .. '"status_message": null, "process_time": null, "ip": "127.0.0.1", "port": %s, "version": null, "nonce": null, '
    .. '"uuid": null, "hotkey": "%s", "signature": null}, "computed_body_hash": "", "version": "alpha-core.v1", '
    .. '"round_id": "round-%d", "timestamp": 1773500000, "validator_version": "0.4.1-rc", "miner_version": "", '
    .. '"is_ready": false, "available_capacity": 0, "error_message": null}'):format(synapse, nonce, uuid, kp.ss58, sig,
    port, axon_hotkey, i)
  local req = ("POST /%s HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nname: %s\r\ntimeout: 60.0\r\n"
    .. "bt_header_axon_ip: 127.0.0.1\r\nbt_header_axon_port: %s\r\nbt_header_axon_hotkey: %s\r\n"
    .. "bt_header_dendrite_ip: 127.0.0.1\r\nbt_header_dendrite_version: 10002000\r\nbt_header_dendrite_nonce: %d\r\n"
    .. "bt_header_dendrite_uuid: %s\r\nbt_header_dendrite_hotkey: %s\r\nbt_header_dendrite_signature: %s\r\n"
    .. "header_size: 640\r\ntotal_size: 3210\r\ncomputed_body_hash: %s\r\ncontent-length: %d\r\n\r\n%s"):format(
    synapse, synapse, port, axon_hotkey, nonce, uuid, kp.ss58, sig, hash, #body, body)
  parts[#parts + 1] = ("%08x"):format(#req) .. req
end
assert(fs.write(out, table.concat(parts)))
print(kp.ss58)
return 0
