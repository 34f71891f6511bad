-- The warm template (terraform.template / Workspace:prepare): tasks apply without their own `terraform init`,
-- fall back to init when the template is gone, and concurrent tasks keep their own state. Against
-- tests/fake-terraform (a stand-in); the template's init is also driven with a real terraform binary when one
-- is installed, from a local filesystem mirror holding a stand-in provider package.
local terraform = require "terraform"
local fs = require "fs"
local json = require "json"
local time = require "time"
local zip = require "zip"
local sync = require "rt.sync"
local rt = require "rt"

local FAKE = rt.config.lualib_dir .. "/../tests/fake-terraform"
local tmp = os.getenv("TEST_TMPDIR") or "/tmp"

local function calls(dir)
  local out = {}
  for line in (fs.read(dir .. "/fake-terraform-calls.jsonl") or ""):gmatch("[^\n]+") do
    out[#out + 1] = json.decode(line).argv[1]
  end
  return out
end

local function task_ws(root, name)
  local ws = terraform.workspace { dir = root .. "/" .. name, project = "p", bin = FAKE }
  ws:resource("google_pubsub_topic", "t", { name = name })
  assert(ws:write())
  return ws
end

test("warm path: tasks apply with no init of their own", function()
  local root = ("%s/warm-%d"):format(tmp, time.ns())
  local tpl = terraform.template { dir = root .. "/template", bin = FAKE }
  expect.contains(tpl:problem(), "missing")
  assert(tpl:prepare())
  expect.eq(tpl:problem(), nil)
  local ws = task_ws(root, "topic1")
  local r = assert(ws:prepare { template = tpl })
  expect.eq(r.warm, true, r.why)
  assert(ws:apply { timeout = 60 })
  expect.same(calls(ws.dir), { "apply" }, "no init in the task")
  expect.truthy(fs.read(ws.dir .. "/terraform.tfstate"), "state in the task folder")
  expect.eq(fs.stat(ws.dir .. "/.terraform"), nil, "no data dir of its own")
  -- the ZIP carries neither the lock file nor any data dir
  local names = {}
  for _, e in ipairs(zip.list(assert(ws:pack()))) do names[#names + 1] = e.name end
  table.sort(names)
  expect.same(names, { "main.tf", "terraform.tfstate" })
  fs.rm(root, { recursive = true })
end)

test("a removed or stale template falls back to a normal init and says why", function()
  local root = ("%s/warm-%d"):format(tmp, time.ns())
  local tpl = terraform.template { dir = root .. "/template", bin = FAKE }
  assert(tpl:prepare())
  fs.rm(tpl.dir, { recursive = true })
  local ws = task_ws(root, "topic2")
  local r = assert(ws:prepare { template = tpl })
  expect.eq(r.warm, false)
  expect.contains(r.why, "template")
  assert(ws:apply { timeout = 60 })
  expect.same(calls(ws.dir), { "init", "apply" })
  -- other pins: the stamp no longer matches, so the template is rebuilt by prepare()
  assert(tpl:prepare())
  local pins = { terraform = "1.14.0", required_version = ">= 1.5.0", use = { "google" },
    providers = { google = { source = "hashicorp/google", version = "7.13.0" } } }
  local tpl2 = terraform.template { dir = tpl.dir, bin = FAKE, versions = pins }
  expect.contains(tpl2:problem(), "other pins")
  fs.rm(root, { recursive = true })
end)

test("two concurrent warm tasks each get their own state", function()
  local root = ("%s/warm-%d"):format(tmp, time.ns())
  local tpl = terraform.template { dir = root .. "/template", bin = FAKE }
  assert(tpl:prepare())
  local a, b = task_ws(root, "topica"), task_ws(root, "topicb")
  local results = sync.all {
    function() assert(a:prepare { template = tpl }) return assert(a:apply { timeout = 60 }) end,
    function() assert(b:prepare { template = tpl }) return assert(b:apply { timeout = 60 }) end,
  }
  expect.eq(#results, 2)
  local sa, sb = assert(a:state()), assert(b:state())
  expect.eq(sa.resources[1].values.name, "topica")
  expect.eq(sb.resources[1].values.name, "topicb")
  fs.rm(root, { recursive = true })
end)


test("real terraform builds the template from a filesystem mirror (stand-in provider package)", function()
  local bin = require("terraform").find_binary()
  if not bin then
    print("# SKIP: no terraform binary on this machine; the template was only tested with the stand-in")
    return
  end
  local root = ("%s/warm-real-%d"):format(tmp, time.ns())
  -- a provider package terraform can install (it does not run providers during init)
  local pkg = root .. "/mirror/registry.terraform.io/hashicorp/google/7.12.0/linux_amd64"
  assert(fs.mkdir(pkg))
  assert(fs.write(pkg .. "/terraform-provider-google_v7.12.0_x5", "#!/bin/sh\nexit 1\n", { mode = 493 }))
  local cli = assert(terraform.write_cli_config(root .. "/cli.tfrc", root .. "/mirror"))
  local tpl = terraform.template { dir = root .. "/template", bin = bin, cli_config = cli,
    env = { HOME = root, TF_PLUGIN_CACHE_DIR = "" } }
  local ok, err = tpl:prepare { timeout = 120 }
  expect.truthy(ok, err)
  expect.eq(tpl:problem(), nil)
  local lock = assert(fs.read(tpl.dir .. "/.terraform.lock.hcl"))
  expect.contains(lock, 'provider "registry.terraform.io/hashicorp/google"')
  expect.contains(lock, '"7.12.0"')
  expect.truthy(fs.stat(tpl:data_dir() .. "/providers/registry.terraform.io/hashicorp/google/7.12.0/linux_amd64"),
    "provider installed into the template's data dir")
  fs.rm(root, { recursive = true })
end)
