-- Bittensor wallets (btwallet 4.x layout): <path>/<name>/hotkeys/<hotkey> keyfiles, plain JSON or $NACL.
-- wallet.load_hotkey{path=, name=, hotkey=, password=} -> keypair | nil, message   (call from a task)
-- wallet.from_mnemonic(phrase[, password]) / wallet.from_seed(seed32) / wallet.from_private(secret64) -> keypair
-- wallet.create_hotkey{path=, name=, hotkey=[, mnemonic=]} -> keypair, file (plain JSON, mode 600; for dev keys)
-- A keypair: { public = 32 bytes, ss58 = "5...", sign = function(msg) -> 64-byte sig, can_sign = bool }.
-- The secret never appears as a field (so logging a keypair cannot leak it).
local crypto = require "crypto"
local json = require "json"
local fs = require "fs"
local log = require "log"

local M = {}

local Keypair = {}
Keypair.__index = Keypair
Keypair.__tostring = function(kp) return "keypair(" .. kp.ss58 .. ")" end

local function make(public, secret)
  local kp = setmetatable({ public = public, ss58 = crypto.ss58_encode(public), can_sign = secret ~= nil }, Keypair)
  function kp.sign(msg)
    if not secret then error("keypair " .. kp.ss58 .. " has no secret key", 2) end
    return crypto.sr25519_sign(secret, msg, public)
  end
  -- for code that signs chain extrinsics (chain.signed_extrinsic needs the raw secret); never log it
  function kp.secret() return secret end
  return kp
end

function Keypair.verify(kp, msg, sig) return crypto.sr25519_verify(kp.public, msg, sig) end

function M.from_seed(seed)
  local public, secret = crypto.sr25519_keypair(seed)
  return make(public, secret)
end

function M.from_mnemonic(phrase, password)
  local seed, err = crypto.mnemonic_to_mini_secret(phrase, password)
  if not seed then return nil, err end
  return M.from_seed(seed)
end

function M.from_private(secret)
  local public, err = crypto.sr25519_public(secret)
  if not public then return nil, err end
  return make(public, secret)
end

function M.from_ss58(address)
  local public, err = crypto.ss58_decode(address)
  if not public then return nil, err end
  return make(public, nil)
end

local function expand(path)
  if path:sub(1, 2) == "~/" or path == "~" then return (os.getenv("HOME") or "") .. path:sub(2) end
  return path
end

function M.hotkey_path(opts)
  return ("%s/%s/hotkeys/%s"):format(expand(opts.path or "~/.bittensor/wallets"), opts.name or "default",
    opts.hotkey or "default")
end

local function unhex_field(data, field, len)
  local v = data[field]
  if type(v) ~= "string" then return nil end
  local raw = crypto.unhex(v)
  if not raw or #raw ~= len then error(("keyfile field %s is not %d hex bytes"):format(field, len), 0) end
  return raw
end

-- Keyfile JSON -> keypair, with btwallet's precedence: secretPhrase, secretSeed, privateKey, ss58Address.
function M.from_keyfile_json(text)
  local data, err = json.decode(text)
  if type(data) ~= "table" then return nil, "keyfile is not JSON: " .. tostring(err) end
  local ok, kp = pcall(function()
    if type(data.secretPhrase) == "string" then return assert(M.from_mnemonic(data.secretPhrase)) end
    local seed = unhex_field(data, "secretSeed", 32)
    if seed then return M.from_seed(seed) end
    local private = unhex_field(data, "privateKey", 64)
    if private then return assert(M.from_private(private)) end
    if type(data.ss58Address) == "string" then return assert(M.from_ss58(data.ss58Address)) end
    error("keyfile has none of secretPhrase, secretSeed, privateKey, ss58Address", 0)
  end)
  if not ok then return nil, kp end
  local declared = unhex_field(data, "publicKey", 32)
  if declared and declared ~= kp.public then
    return nil, "keyfile publicKey does not match its secret (" .. kp.ss58 .. ")"
  end
  return kp
end

local function password_for(file, opts)
  if opts.password then return opts.password end
  local name = crypto.password_env_name(file)
  local value = os.getenv(name)
  if value then return crypto.password_from_env(name, value) end
  if opts.prompt ~= false then
    local pw = crypto.prompt_password(("Password for %s: "):format(file))
    if pw and pw ~= "" then return pw end
  end
  return nil, ("keyfile %s is encrypted: set %s (btwallet's obfuscated form), run on a terminal to be asked, or pass a password"):format(file, name)
end

function M.load_hotkey(opts)
  opts = opts or {}
  local file = M.hotkey_path(opts)
  local st = fs.stat(file)
  if not st then return nil, ("hotkey file %s not found (wallet %s, hotkey %s)"):format(file, opts.name or "default",
    opts.hotkey or "default") end
  if st.mode & 0x4 ~= 0 then
    log.warn("hotkey file %s is world-readable (mode %o): chmod 600 it", file, st.mode)
  end
  local data, err = fs.read(file)
  if not data then return nil, err end
  if data:sub(1, 5) == "$NACL" then
    local password, perr = password_for(file, opts)
    if not password then return nil, perr end
    local key = assert(crypto.nacl_key(password))
    local plain, derr = crypto.nacl_open(data, key)
    if not plain then return nil, file .. ": " .. derr end
    data = plain
  elseif data:sub(1, 14) == "$ANSIBLE_VAULT" or data:sub(1, 6) == "gAAAAA" then
    return nil, file .. ": legacy encrypted keyfile (Ansible Vault/Fernet) is not supported; re-encrypt it with btcli"
  end
  local kp, kerr = M.from_keyfile_json(data)
  if not kp then return nil, file .. ": " .. kerr end
  return kp, file
end

function M.create_hotkey(opts)
  local phrase = opts.mnemonic or crypto.mnemonic_generate(12)
  local kp = assert(M.from_mnemonic(phrase))
  local seed = crypto.mnemonic_to_mini_secret(phrase)
  local file = M.hotkey_path(opts)
  assert(fs.mkdir(file:match("^(.*)/[^/]*$"), 448)) -- 0700
  local public_hex = "0x" .. crypto.hex(kp.public)
  local _, secret = crypto.sr25519_keypair(seed)
  local doc = json.encode({ accountId = public_hex, publicKey = public_hex, ss58Address = kp.ss58,
    secretPhrase = phrase, secretSeed = "0x" .. crypto.hex(seed), privateKey = "0x" .. crypto.hex(secret) })
  assert(fs.write(file, doc, { mode = 384 })) -- 0600
  assert(fs.write(file .. "pub.txt", json.encode({ accountId = public_hex, publicKey = public_hex,
    ss58Address = kp.ss58 }), { mode = 420 }))
  return kp, file
end

return M
