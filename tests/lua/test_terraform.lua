-- The terraform toolkit against tests/fake-terraform (a stand-in: real Terraform is not installable here).
local terraform = require "terraform"
local hcl = require "hcl"
local zip = require "zip"
local fs = require "fs"
local json = require "json"
local proc = require "proc"
local time = require "time"
local rt = require "rt"

local FAKE = rt.config.lualib_dir .. "/../tests/fake-terraform"
local tmp = os.getenv("TEST_TMPDIR") or "/tmp"

local function new_ws(extra)
  local dir = ("%s/ws-%d"):format(tmp, time.ns())
  local opts = { dir = dir, project = "miner-proj", bin = FAKE, plugin_cache = tmp .. "/plugin-cache",
    env = { GOOGLE_OAUTH_ACCESS_TOKEN = "ya29.secret-token-value" } }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return terraform.workspace(opts)
end

local function network_stack(ws)
  local net = ws:resource("google_compute_network", "net", { name = "tok-ab12-tok", auto_create_subnetworks = false })
  ws:resource("google_compute_subnetwork", "sub", { name = "n2s38d8u", region = "us-central1",
    ip_cidr_range = "10.154.213.0/24", network = hcl.ref("google_compute_network.net.id") })
  ws:resource("google_compute_firewall", "fw", { name = "fw1", network = hcl.ref("google_compute_network.net.id"),
    direction = "INGRESS", priority = 1000, disabled = false, source_ranges = { "0.0.0.0/0" },
    hcl.block("allow", {}, { protocol = "tcp", ports = { "22" } }) })
  return net
end

test("hcl data errors are nil, message", function()
  local s, err = hcl.encode({ hcl.block("locals", {}, { x = "\xff\xfe" }) })
  expect.eq(s, nil)
  expect.contains(err, "not valid UTF-8")
  s, err = hcl.encode({ hcl.block("locals", {}, { x = 0 / 0 }) })
  expect.contains(err, "NaN")
  s, err = hcl.encode({ hcl.block("locals", {}, { ["bad name"] = 1 }) })
  expect.contains(err, "attribute name 'bad name' is not an identifier")
  s, err = hcl.encode({ hcl.block("locals", {}, { "not a block" }) })
  expect.contains(err, "holds blocks only")
  expect.error(function() hcl.ref("not a traversal!") end, "not a traversal")
  expect.error(function() hcl.block("bad type", {}, {}) end, "identifier")
end)

test("init/apply through the stand-in: argv, environment, state, credentials only in the environment", function()
  local ws = new_ws()
  network_stack(ws)
  local text = assert(ws:write())
  expect.contains(text, 'source  = "hashicorp/google"')
  expect.contains(text, 'version = "7.12.0"')
  expect.contains(text, "network       = google_compute_network.net.id")
  assert(ws:init { timeout = 60 })
  local r = assert(ws:apply { timeout = 60 })
  expect.contains(r.stdout, "Apply complete")
  local calls = {}
  for line in assert(fs.read(ws.dir .. "/fake-terraform-calls.jsonl")):gmatch("[^\n]+") do calls[#calls + 1] = json.decode(line) end
  expect.eq(#calls, 2)
  expect.same(calls[1].argv, { "init", "-input=false", "-no-color" })
  expect.same(calls[2].argv, { "apply", "-auto-approve", "-input=false", "-no-color", "-lock=false", "-refresh=false",
    "-parallelism=30" })
  expect.eq(calls[2].tf_env.TF_IN_AUTOMATION, "1")
  expect.eq(calls[2].tf_env.TF_PLUGIN_CACHE_DIR, tmp .. "/plugin-cache")
  local has_token = false
  for _, name in ipairs(calls[2].env_names) do has_token = has_token or name == "GOOGLE_OAUTH_ACCESS_TOKEN" end
  expect.truthy(has_token, "credentials passed in the environment")

  local st = assert(ws:state())
  expect.eq(#st.by_type.google_compute_network, 1)
  local fw = st.by_type.google_compute_firewall[1]
  expect.eq(fw.flat["allow.0.ports.0"], "22")
  expect.eq(fw.flat["allow.0.protocol"], "tcp")
  expect.eq(terraform.get_path(fw.values, "allow.0.ports.0"), "22")
  expect.eq(fw.values.network, "https://www.googleapis.com/compute/v1/projects/miner-proj/global/networks/tok-ab12-tok")

  -- the ZIP: only config and state, never .terraform/, the lock file, logs or the token
  local bytes, report = assert(ws:pack())
  local names = {}
  for _, e in ipairs(zip.list(bytes)) do names[#names + 1] = e.name end
  table.sort(names)
  expect.same(names, { "main.tf", "terraform.tfstate" })
  local excluded = {}
  for _, x in ipairs(report.excluded) do excluded[x.name] = x.why end
  expect.contains(excluded[".terraform/"], ".terraform/ is never shipped")
  expect.contains(excluded[".terraform.lock.hcl"], "lock file")
  expect.contains(excluded["fake-terraform-calls.jsonl"], "not a Terraform config")
  local files = zip.unpack(bytes)
  for name, data in pairs(files) do expect.falsy(data:find("secret-token-value", 1, true), name .. " holds no token") end

  -- the archive is valid for unzip and Python's zipfile (the validator's reader)
  local zpath = ws.dir .. "/../check-" .. time.ns() .. ".zip"
  assert(fs.write(zpath, bytes))
  local u = assert(proc.run { argv = { "unzip", "-t", zpath } })
  expect.eq(u.code, 0, u.stdout .. u.stderr)
  local py = assert(proc.run { argv = { "python3", "-c",
    "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(sorted(z.namelist()))", zpath } })
  expect.eq(py.stdout, "['main.tf', 'terraform.tfstate']\n", py.stderr)
  fs.rm(zpath)
  assert(ws:destroy { timeout = 60 })
  expect.eq(#assert(ws:state()).resources, 0)
  fs.rm(ws.dir, { recursive = true })
end)

test("a terraform that hangs is killed at the deadline; a failing one is a clear error", function()
  local ws = new_ws({ env = { FAKE_TF_SLEEP = "30" } })
  network_stack(ws)
  assert(ws:write())
  assert(ws:init { timeout = 60 })
  local t0 = time.mono()
  local r, err = ws:apply { timeout = 0.5, grace = 0.5 }
  expect.eq(r, nil)
  expect.contains(err, "terraform apply passed its 0.5s deadline and was stopped")
  expect.truthy(time.mono() - t0 < 10, "did not wait for the 30 s sleep")
  local ws2 = new_ws({ env = { FAKE_TF_FAIL = "apply" } })
  network_stack(ws2)
  assert(ws2:write())
  local r2, err2, raw = ws2:apply { timeout = 30 }
  expect.eq(r2, nil)
  expect.contains(err2, "terraform apply failed (exit 1): Error: fake apply failure requested by FAKE_TF_FAIL")
  expect.eq(raw.code, 1)
  local ws3 = new_ws({ bin = "/nonexistent/terraform" })
  local r3, err3 = ws3:init {}
  expect.eq(r3, nil)
  expect.contains(err3, "cannot run /nonexistent/terraform")
  fs.rm(ws.dir, { recursive = true })
  fs.rm(ws2.dir, { recursive = true })
end)

test("packing enforces the validator's limits and explains exclusions", function()
  local ws = new_ws()
  assert(fs.mkdir(ws.dir))
  local bytes, err = ws:pack()
  expect.eq(bytes, nil)
  expect.contains(err, "no .tf or .tf.json file")
  assert(fs.write(ws.dir .. "/main.tf", "terraform {}\n"))
  assert(fs.write(ws.dir .. "/notes.txt", "x"))
  bytes, err = ws:pack()
  expect.eq(bytes, nil)
  expect.contains(err, "no terraform.tfstate at its root; excluded: notes.txt (not a Terraform config, tfvars or state file)")
  for i = 1, 100 do assert(fs.write(("%s/f%03d.tf"):format(ws.dir, i), "")) end
  assert(fs.write(ws.dir .. "/terraform.tfstate", "{}"))
  bytes, err = ws:pack()
  expect.eq(bytes, nil)
  expect.contains(err, "102 entries, the validator accepts at most 100")
  local kept, excluded = terraform.filter_entries {
    { name = "/etc/passwd.tf", data = "" }, { name = "a/../b.tf", data = "" }, { name = "link.tf", data = "", symlink = true },
    { name = "ok.tf.json", data = "{}" }, { name = "vars.tfvars", data = "" },
  }
  expect.eq(#kept, 2)
  local why = {}
  for _, x in ipairs(excluded) do why[x.name] = x.why end
  expect.eq(why["/etc/passwd.tf"], "absolute path")
  expect.eq(why["a/../b.tf"], "'..' in path")
  expect.eq(why["link.tf"], "symlink")
  fs.rm(ws.dir, { recursive = true })
end)

test("only the providers in use are declared, each with the validator's pin", function()
  local ws = new_ws()
  local text = assert(ws:render())
  expect.contains(text, 'google = {')
  expect.falsy(text:find("google-beta", 1, true), "google-beta not declared by default")
  local versions = { required_version = ">= 1.5.0", providers = terraform.versions.providers, use = { "google", "random" } }
  local ws2 = new_ws({ versions = versions })
  local text2 = assert(ws2:render())
  expect.contains(text2, 'source  = "hashicorp/random"')
  expect.contains(text2, 'version = "3.7.2"')
end)

test("main.tf.json workspaces apply the same way", function()
  local ws = new_ws({ format = "json" })
  network_stack(ws)
  local text = assert(ws:write())
  expect.contains(text, '"network": "${google_compute_network.net.id}"')
  assert(ws:init { timeout = 60 })
  assert(ws:apply { timeout = 60 })
  local st = assert(ws:state())
  expect.eq(st.by_type.google_compute_subnetwork[1].values.ip_cidr_range, "10.154.213.0/24")
  fs.rm(ws.dir, { recursive = true })
end)

test("state flattening matches the validator's dotted paths", function()
  local st = assert(terraform.parse_state(json.encode {
    version = 4, resources = {
      { mode = "data", type = "google_x", name = "d", instances = { { attributes = { a = 1 } } } },
      { mode = "managed", type = "google_pubsub_subscription", name = "s", instances = { { attributes = {
        name = "sub", expiration_policy = { { ttl = "86400s" } }, labels = {}, retain_acked_messages = false } } } },
    } }))
  expect.eq(st.by_type.google_x, nil, "data sources are ignored")
  local s = st.by_type.google_pubsub_subscription[1]
  expect.eq(s.flat["expiration_policy.0.ttl"], "86400s")
  expect.eq(s.flat["retain_acked_messages"], false)
  expect.eq(terraform.get_path(s.values, "expiration_policy.0.ttl"), "86400s")
  expect.eq(terraform.get_path(s.values, "missing.0.x"), nil)
end)

test("the CLI config pins provider installation to a filesystem mirror", function()
  local path = ("%s/tfrc-%d"):format(tmp, time.ns())
  assert(terraform.write_cli_config(path, "/opt/mirror"))
  local text = assert(fs.read(path))
  expect.contains(text, 'path    = "/opt/mirror"')
  expect.contains(text, 'exclude = ["registry.terraform.io/*/*"]')
  fs.rm(path)
end)
