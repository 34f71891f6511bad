-- Run by chain.test.mjs: `miner exec tests/js/serve_axon.lua RPC_URL`: serve_axon_if_needed for a fixed key.
local chain = require "chain"
local wallet = require "wallet"
local crypto = require "crypto"
local json = require "json"
local kp = wallet.from_seed(crypto.unhex("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e"))
local status, detail = chain.serve_axon_if_needed { url = (...), netuid = 1, ss58 = kp.ss58, public = kp.public,
  secret = kp.secret(), ip = "203.0.113.7", port = 8091 }
print(json.encode { status = status or json.null, detail = detail })
return 0
