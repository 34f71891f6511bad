-- Run by crypto.test.mjs: `miner exec tests/js/crosscheck.lua IN.json OUT.json`.
-- Verifies every signature the JS oracle made, signs every message with our implementation, and reports SS58.
local crypto = require "crypto"
local json = require "json"
local fs = require "fs"

local input, output = ...
local cases = assert(json.decode(assert(fs.read(input))))
local results = {}
for i, c in ipairs(cases) do
  local seed, msg = crypto.unhex(c.seed), crypto.unhex(c.message)
  local public, secret = crypto.sr25519_keypair(seed)
  local sig = crypto.unhex(c.signature)
  local tampered = sig:sub(1, 10) .. string.char(sig:byte(11) ~ 1) .. sig:sub(12)
  local addr = crypto.ss58_encode(public)
  local back = crypto.ss58_decode(c.address)
  results[i] = {
    public = crypto.hex(public),
    address = addr,
    address_decodes_to = back and crypto.hex(back) or json.null,
    theirs_verifies = crypto.sr25519_verify(public, msg, sig),
    tampered_sig_verifies = crypto.sr25519_verify(public, msg, tampered),
    tampered_msg_verifies = crypto.sr25519_verify(public, msg .. "x", sig),
    ours = crypto.hex(crypto.sr25519_sign(secret, msg, public)),
  }
end
assert(fs.write(output, json.encode(json.array(results))))
return 0
