-- crypto and wallet bindings: encodings, hashes, sr25519/SS58 from Lua, keyfiles on disk.
local crypto = require "crypto"
local wallet = require "wallet"
local fs = require "fs"
local time = require "time"
local json = require "json"

local tmp = os.getenv("TEST_TMPDIR") or "/tmp"
local hex, unhex = crypto.hex, crypto.unhex

test("hashes and encodings", function()
  expect.eq(hex(crypto.sha3_256("")), "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")
  expect.eq(hex(crypto.sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  expect.eq(hex(crypto.blake2b("abc", 64)),
    "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
  expect.eq(crypto.base64("\0\1\2hello"), "AAECaGVsbG8=")
  expect.eq(crypto.unbase64("AAECaGVsbG8="), "\0\1\2hello")
  expect.eq(crypto.unbase64("AAECaGVsbG8"), nil, "unpadded base64 is refused")
  expect.eq(unhex("0xDEADbeef"), "\xde\xad\xbe\xef")
  local v, err = unhex("abc")
  expect.eq(v, nil)
  expect.contains(err, "odd length")
  expect.eq(#crypto.random(48), 48)
  expect.error(function() crypto.sr25519_keypair("short") end, "mini-secret must be 32 bytes")
end)

test("sr25519 and SS58 from Lua, with tampering", function()
  local kp = assert(wallet.from_mnemonic("bottom drive obey lake curtain smoke basket hold race lonely fit walk"))
  expect.eq(kp.ss58, "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV")
  local sig = kp.sign("hello")
  expect.truthy(kp:verify("hello", sig))
  expect.falsy(kp:verify("hellO", sig))
  expect.falsy(crypto.sr25519_verify(kp.public, "hello", sig:sub(1, 63)))
  local pub, prefix = crypto.ss58_decode(kp.ss58)
  expect.eq(pub, kp.public)
  expect.eq(prefix, 42)
  local none, err = crypto.ss58_decode("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzW")
  expect.eq(none, nil)
  expect.contains(err, "bad SS58 checksum")
  expect.falsy(tostring(kp):find(hex(crypto.random(1)), 1, true) and false)
  expect.eq(tostring(kp), "keypair(5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV)")
end)

test("keyfiles: plain JSON precedence, $NACL with env password, mismatches", function()
  local root = ("%s/wallets-%d"):format(tmp, time.ns())
  local kp, file = wallet.create_hotkey { path = root, name = "w", hotkey = "h",
    mnemonic = "bottom drive obey lake curtain smoke basket hold race lonely fit walk" }
  expect.eq(kp.ss58, "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV")
  expect.eq(fs.stat(file).mode, 384, "keyfile written with mode 600")
  local loaded = assert(wallet.load_hotkey { path = root, name = "w", hotkey = "h" })
  expect.eq(loaded.ss58, kp.ss58)
  local data = json.decode(fs.read(file))
  expect.eq(data.privateKey,
    "0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34")

  -- privateKey alone (btwallet form) loads to the same key
  local only_private = assert(wallet.from_keyfile_json(json.encode { privateKey = data.privateKey }))
  expect.eq(only_private.ss58, kp.ss58)
  -- a declared publicKey that does not match is refused
  local bad, berr = wallet.from_keyfile_json(json.encode { secretSeed = data.secretSeed,
    publicKey = "0x" .. string.rep("00", 32) })
  expect.eq(bad, nil)
  expect.contains(berr, "publicKey does not match")
  -- public-only keyfile: loads, cannot sign
  local pubonly = assert(wallet.from_keyfile_json(json.encode { ss58Address = kp.ss58 }))
  expect.falsy(pubonly.can_sign)
  expect.error(function() pubonly.sign("x") end, "has no secret key")

  -- missing file
  local none, merr = wallet.load_hotkey { path = root, name = "w", hotkey = "nope" }
  expect.eq(none, nil)
  expect.contains(merr, "not found")
  assert(fs.rm(root, { recursive = true }))
end)

test("$NACL keyfile with the password from BT_PW_ (argon2i, slow)", function()
  local root = ("%s/wallets-nacl-%d"):format(tmp, time.ns())
  local file = root .. "/w/hotkeys/enc"
  assert(fs.mkdir(root .. "/w/hotkeys"))
  local plain = json.encode { secretPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk" }
  local key = assert(crypto.nacl_key("password123"))
  assert(fs.write(file, crypto.nacl_seal(plain, key), { mode = 384 }))
  -- wrong password is a clear error
  local none, err = wallet.load_hotkey { path = root, name = "w", hotkey = "enc", password = "nope" }
  expect.eq(none, nil)
  expect.contains(err, "wrong password")
  local kp = assert(wallet.load_hotkey { path = root, name = "w", hotkey = "enc", password = "password123" })
  expect.eq(kp.ss58, "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV")
  -- without any password: says which variable to set
  local n2, e2 = wallet.load_hotkey { path = root, name = "w", hotkey = "enc", prompt = false }
  expect.eq(n2, nil)
  expect.contains(e2, crypto.password_env_name(file))
  assert(fs.rm(root, { recursive = true }))
end)
