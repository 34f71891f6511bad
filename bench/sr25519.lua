-- `miner exec bench/sr25519.lua N`: sr25519 sign and verify throughput of our C implementation.
local crypto = require "crypto"
local time = require "time"
local n = tonumber((...)) or 2000
local public, secret = crypto.sr25519_keypair(crypto.random(32))
local msg = "1742426400000000000.5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.6f8b8f1e-0000-11f0-8000-0242ac120002.a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
local sig
local t0 = time.mono()
for _ = 1, n do sig = crypto.sr25519_sign(secret, msg, public) end
local t1 = time.mono()
for _ = 1, n do assert(crypto.sr25519_verify(public, msg, sig, true)) end
local t2 = time.mono()
print(("ours sign_per_s=%.0f verify_per_s=%.0f"):format(n / (t1 - t0), n / (t2 - t1)))
return 0
