-- Default axon blacklist/priority policy over the metagraph and the allow-list.
local policy = require "rt.policy"
local metagraph = require "metagraph"
local time = require "time"
local fs = require "fs"

local V, M, S = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
  "5HWXNoreYhBdsPYwACGvdzTm1RkqMvoNrfLsGLpCcGwt4Wqt"
local function cfg(bl) return { blacklist = bl } end
local base = { allow_non_registered = false, force_validator_permit = true, minimum_stake_requirement = 1000 }

test("without a metagraph only allow-listed callers (or allow_non_registered) pass", function()
  metagraph.current = nil
  policy.load_allowlist(nil)
  local blocked, why = policy.blacklist({ hotkey = V }, cfg(base))
  expect.eq(blocked, true)
  expect.contains(why, "no metagraph loaded")
  expect.eq(policy.blacklist({ hotkey = V }, cfg { allow_non_registered = true }), false)
  local path = (os.getenv("TEST_TMPDIR") or "/tmp") .. "/allow-" .. time.ns()
  assert(fs.write(path, "# comment\n  " .. V .. "  \n\nnot a hotkey!\n"))
  expect.eq(policy.load_allowlist(path), 1)
  expect.eq(policy.blacklist({ hotkey = V }, cfg(base)), false)
  policy.load_allowlist(nil)
  fs.rm(path)
end)

test("with a metagraph: registration, validator permit and stake decide", function()
  metagraph.set { hotkeys = { M, V }, validator_permit = { false, true }, stake = { 5, 2000 } }
  expect.eq(policy.blacklist({ hotkey = V }, cfg(base)), false)
  local b1, w1 = policy.blacklist({ hotkey = M }, cfg(base))
  expect.eq(b1, true)
  expect.contains(w1, "Non-validator hotkey")
  local b2, w2 = policy.blacklist({ hotkey = S }, cfg(base))
  expect.eq(b2, true)
  expect.contains(w2, "Unrecognized hotkey")
  expect.eq(policy.blacklist({ hotkey = S }, cfg { allow_non_registered = true, minimum_stake_requirement = 0 }), false)
  local b3, w3 = policy.blacklist({ hotkey = M }, cfg { force_validator_permit = false, minimum_stake_requirement = 10 })
  expect.eq(b3, true)
  expect.contains(w3, "Insufficient stake")
  expect.eq(policy.priority({ hotkey = V }), 2000)
  expect.eq(policy.priority({ hotkey = S }), 0.0)
  metagraph.current = nil
end)

test("serve_axon is never attempted for a loopback or unspecified external address", function()
  local serve = require "rt.serve"
  for _, ip in ipairs { "127.0.0.1", "0.0.0.0", "localhost" } do
    expect.eq(serve.serve_on_chain({ axon = { external_ip = ip } }, {}, 8091), "skipped", ip)
  end
end)
