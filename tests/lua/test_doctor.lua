-- `miner doctor` checks (lualib/rt/doctor.lua) against stand-ins: each missing prerequisite is reported with
-- its fix, and the fatal ones are counted.
local doctor = require "rt.doctor"
local fs = require "fs"
local time = require "time"
local rt = require "rt"

local ROOT = rt.config.lualib_dir .. "/.."
local tmp = os.getenv("TEST_TMPDIR") or "/tmp"
local APIS = "compute.googleapis.com storage.googleapis.com artifactregistry.googleapis.com pubsub.googleapis.com dns.googleapis.com"

local function config(extra)
  local dir = ("%s/doctor-%d"):format(tmp, time.ns())
  local cfg = { workdir = dir .. "/work", netuid = 66,
    terraform = { bin = ROOT .. "/tests/fake-terraform" }, gcp = { project = "proj-1", gcloud = ROOT .. "/tests/fake-gcloud" },
    wallet = { path = dir .. "/wallets", name = "w", hotkey = "h" },
    solver = { grant = true, grant_allowlist = "alphacore-validator@alphacore-478113.iam.gserviceaccount.com" } }
  for k, v in pairs(extra or {}) do cfg[k] = v end
  return cfg
end

local function by_name(results)
  local out = {}
  for _, r in ipairs(results) do out[r.name] = r end
  return out
end

test("a miner with nothing set up: every fatal prerequisite is named with its fix", function()
  local cfg = config { gcp = { gcloud = ROOT .. "/tests/fake-gcloud" } } -- no project
  local results, fatal = doctor.run(cfg, { chain = false, env = { FAKE_GCLOUD_ACCOUNT = "" } })
  local r = by_name(results)
  expect.eq(r["gcp project"].status, "fatal")
  expect.contains(r["gcp project"].fix, "--gcp.project")
  expect.eq(r.wallet.status, "fatal")
  expect.contains(r.wallet.fix, "btcli")
  expect.eq(r["gcloud credentials"].status, "fatal")
  expect.eq(r.terraform.status, "ok", "the stand-in reports 1.14.0")
  expect.eq(fatal, 3)
  expect.contains(doctor.format(results), "fix:")
end)

test("APIs, default VPC and a wrong terraform version are reported", function()
  local cfg = config()
  local results = doctor.run(cfg, { chain = false, env = { FAKE_GCLOUD_ACCOUNT = "miner@proj-1.iam.gserviceaccount.com",
    FAKE_GCLOUD_APIS = "compute.googleapis.com storage.googleapis.com", FAKE_GCLOUD_NO_DEFAULT_VPC = "1" } })
  local r = by_name(results)
  expect.eq(r.apis.status, "fatal")
  expect.contains(r.apis.detail, "pubsub.googleapis.com")
  expect.contains(r.apis.fix, "gcloud services enable")
  expect.eq(r["default vpc"].status, "fatal")
  expect.eq(r["gcloud credentials"].status, "ok")
  -- a terraform of another version: a warning, not fatal
  local fake = ("%s/tf-%d"):format(tmp, time.ns())
  assert(fs.write(fake, "#!/bin/sh\necho 'Terraform v1.11.4'\n", { mode = 493 }))
  cfg.terraform.bin = fake
  r = by_name((doctor.run(cfg, { chain = false, gcloud = false })))
  expect.eq(r.terraform.status, "warn")
  expect.contains(r.terraform.detail, "1.11.4")
  fs.rm(fake)
end)

test("a fully prepared miner passes every offline check", function()
  local cfg = config()
  local wallet = require "wallet"
  assert(wallet.create_hotkey { path = cfg.wallet.path, name = "w", hotkey = "h" })
  local terraform = require "terraform"
  assert(fs.mkdir(cfg.workdir, 448))
  assert(terraform.template { dir = cfg.workdir .. "/tf-template", bin = cfg.terraform.bin }:prepare())
  assert(fs.write(cfg.workdir .. "/granted.json", '{"alphacore-validator@alphacore-478113.iam.gserviceaccount.com":1}'))
  local results, fatal = doctor.run(cfg, { chain = false, env = { FAKE_GCLOUD_ACCOUNT = "miner@proj-1.iam.gserviceaccount.com",
    FAKE_GCLOUD_APIS = APIS } })
  for _, r in ipairs(results) do expect.eq(r.status, "ok", r.name .. ": " .. tostring(r.detail)) end
  expect.eq(fatal, 0)
end)

test("the axon port check: free, then taken", function()
  local httpd = require "httpd"
  local holder = assert(httpd.serve { ip = "127.0.0.1", port = 0, handler = function() return 200 end })
  local cfg = config { axon = { ip = "127.0.0.1", port = holder:port() } }
  local r = by_name((doctor.run(cfg, { chain = false, gcloud = false, port = true })))
  expect.eq(r["axon port"].status, "fatal")
  expect.contains(r["axon port"].fix, "--axon.port")
  holder:close()
  r = by_name((doctor.run(cfg, { chain = false, gcloud = false, port = true })))
  expect.eq(r["axon port"].status, "ok")
end)
