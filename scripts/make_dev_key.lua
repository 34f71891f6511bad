-- `build/miner exec scripts/make_dev_key.lua WALLET_PATH WALLET_NAME HOTKEY`: creates a development hotkey
-- (plain btwallet-style keyfile, mode 600) unless one exists, and prints its SS58 address.
local wallet = require "wallet"
local fs = require "fs"
local path, name, hotkey = ...
assert(path and name and hotkey, "usage: make_dev_key.lua WALLET_PATH WALLET_NAME HOTKEY")
local opts = { path = path, name = name, hotkey = hotkey }
if fs.stat(wallet.hotkey_path(opts)) then
  local kp = assert(wallet.load_hotkey(opts))
  print(kp.ss58)
  return 0
end
local kp = wallet.create_hotkey(opts)
print(kp.ss58)
return 0
