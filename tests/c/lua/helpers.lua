-- Shared by the tests/c/lua runtime tests: loaded with dofile(<this folder>/helpers.lua).
local crypto = require "crypto"
local axon = require "axon"

local H = {}

H.tmp = os.getenv("TEST_TMPDIR") or "/tmp"

-- A throwaway ss58 hotkey.
function H.hotkey()
  local public = crypto.sr25519_keypair(crypto.random(32))
  return crypto.ss58_encode(public)
end

-- A 127.0.0.1 port nobody listens on: bound by the OS (port 0), then closed.
function H.closed_port()
  local s = assert(axon.serve { ip = "127.0.0.1", port = 0, hotkey = H.hotkey(),
    resolve = function() end, dispatch = function() end })
  local port = s:port()
  s:close()
  return port
end

-- A fresh temporary folder.
function H.tmpdir(tag)
  local dir = ("%s/miner-ctest-%s-%d-%s"):format(H.tmp, tag, require("time").ns(), crypto.hex(crypto.random(4)))
  assert(require("fs").mkdir(dir))
  return dir
end

return H
