-- Preflight checks for a miner that is meant to earn: each check says what it found, how bad a failure is
-- (fatal: the miner cannot score; warn: it can, but something costs points or safety) and the fix in one line.
--   doctor.run(cfg, {chain=bool, gcloud=bool}) -> results, fatal_count
--   results: list of {name=, status="ok"|"warn"|"fatal", detail=, fix=}
-- Used by `miner doctor` (all checks) and at start by the entrypoint (fatal ones stop the miner).
local fs = require "fs"
local proc = require "proc"
local wallet = require "wallet"

local M = {}

M.TERRAFORM_VERSION = "1.14" -- the validator sandbox runs 1.14.0 and may refuse state written by a newer one
-- The APIs the live task families use (spec §3.2).
M.APIS = { "compute.googleapis.com", "storage.googleapis.com", "artifactregistry.googleapis.com",
  "pubsub.googleapis.com", "dns.googleapis.com" }

local extra_env -- set by M.run (tests point gcloud/terraform stand-ins at their answers)

local function run(argv, timeout)
  local r, err = proc.run { argv = argv, timeout = timeout or 30, env = extra_env }
  if not r then return nil, err end
  if r.timed_out then return nil, ("%s timed out"):format(argv[1]) end
  return r
end

local checks = {}

checks[#checks + 1] = function(cfg, add)
  local bin = cfg.terraform.bin
  local r, err = run({ bin, "version", "-json" }, 20)
  if not r or r.code ~= 0 then
    return add("terraform", "fatal", ("%s does not run: %s"):format(bin, err or (r and r.stderr) or "?"),
      "install Terraform 1.14.0 (scripts/install-terraform.sh) or set --terraform.bin")
  end
  local version = r.stdout:match('"terraform_version"%s*:%s*"([^"]+)"') or r.stdout:match("v(%d+%.%d+%.%d+)") or "?"
  if version:sub(1, #M.TERRAFORM_VERSION + 1) ~= M.TERRAFORM_VERSION .. "." then
    return add("terraform", "warn", ("%s is Terraform %s; the validator runs 1.14.0"):format(bin, version),
      "install Terraform 1.14.0 (scripts/install-terraform.sh) so state files match the validator's")
  end
  add("terraform", "ok", ("%s is Terraform %s"):format(bin, version))
end

checks[#checks + 1] = function(cfg, add)
  local terraform = require "terraform"
  local tpl = terraform.template { dir = cfg.workdir .. "/tf-template", bin = cfg.terraform.bin,
    plugin_cache = cfg.terraform.plugin_cache, cli_config = cfg.terraform.cli_config }
  local why = tpl:problem()
  if why then
    return add("providers warm", "warn", why .. " (each task would run terraform init)",
      "the miner prepares it at start; or run: miner doctor after a start, check the terraform init log")
  end
  add("providers warm", "ok", "provider template ready in " .. tpl.dir)
end

checks[#checks + 1] = function(cfg, add)
  local dir = cfg.workdir
  local ok, err = fs.mkdir(dir)
  if not ok then return add("workdir", "fatal", ("%s: %s"):format(dir, err), "set --workdir to a writable folder") end
  local probe = dir .. "/.doctor-probe"
  ok, err = fs.write(probe, "x")
  if not ok then return add("workdir", "fatal", ("%s is not writable: %s"):format(dir, err), "fix the folder's owner/permissions") end
  fs.rm(probe)
  local st = fs.stat(dir)
  if st and st.mode and (st.mode & 0x3f) ~= 0 then
    return add("workdir", "warn", ("%s is readable by others (mode %o): task state holds resource ids"):format(dir, st.mode & 0x1ff),
      "chmod 700 " .. dir)
  end
  add("workdir", "ok", dir .. " writable and private")
end

checks[#checks + 1] = function(cfg, add)
  local kp, err = wallet.load_hotkey { path = cfg.wallet.path, name = cfg.wallet.name, hotkey = cfg.wallet.hotkey }
  if not kp then
    return add("wallet", "fatal", ("hotkey %s/%s: %s"):format(cfg.wallet.name, cfg.wallet.hotkey, tostring(err)),
      "btcli wallet new_hotkey, or set --wallet.name/--wallet.hotkey/--wallet.path")
  end
  add("wallet", "ok", "hotkey " .. kp.ss58)
  return kp
end

checks[#checks + 1] = function(cfg, add)
  if not cfg.gcp.project then
    return add("gcp project", "fatal", "no GCP project configured", "set --gcp.project or ALPHACORE_GCP_PROJECT")
  end
  add("gcp project", "ok", cfg.gcp.project)
end

local function gcloud_checks(cfg, add)
  local gcloud = cfg.gcp.gcloud
  local r = run({ gcloud, "auth", "list", "--filter=status:ACTIVE", "--format=value(account)" }, 30)
  if not r or r.code ~= 0 then
    return add("gcloud", "warn", gcloud .. " does not run; validator grants and these checks need it",
      "install the Google Cloud CLI and run: gcloud auth activate-service-account --key-file=KEY.json")
  end
  local account = r.stdout:match("%S+")
  if not account then
    return add("gcloud credentials", "fatal", "gcloud has no active account", "gcloud auth activate-service-account --key-file=KEY.json")
  end
  add("gcloud credentials", "ok", account)
  if not cfg.gcp.project then return end
  r = run({ gcloud, "services", "list", "--enabled", "--project", cfg.gcp.project, "--format=value(config.name)" }, 60)
  if r and r.code == 0 then
    local missing = {}
    for _, api in ipairs(M.APIS) do if not r.stdout:find(api, 1, true) then missing[#missing + 1] = api end end
    if #missing > 0 then
      add("apis", "fatal", "not enabled: " .. table.concat(missing, ", "),
        ("gcloud services enable %s --project %s"):format(table.concat(missing, " "), cfg.gcp.project))
    else
      add("apis", "ok", "all live task families' APIs enabled")
    end
  else
    add("apis", "warn", "could not list enabled APIs", "grant the miner's account roles/serviceusage.serviceUsageViewer")
  end
  r = run({ gcloud, "compute", "networks", "describe", "default", "--project", cfg.gcp.project, "--format=value(name)" }, 60)
  if not r or r.code ~= 0 then
    add("default vpc", "fatal", "the project has no 'default' VPC; basic-VM tasks use it",
      ("gcloud compute networks create default --subnet-mode=auto --project %s"):format(cfg.gcp.project))
  else
    add("default vpc", "ok", "default network present")
  end
end

local function chain_checks(cfg, add, kp)
  local chain = require "chain"
  local metagraph = require "metagraph"
  local url = chain.endpoint(cfg)
  local snap, err = chain.sync_metagraph(url, cfg.netuid)
  if not snap then
    return add("chain", "warn", ("%s: %s"):format(url, tostring(err)), "check --subtensor.network / --subtensor.chain_endpoint")
  end
  add("chain", "ok", ("%s: netuid %d, %d neurons"):format(url, cfg.netuid, #snap.hotkeys))
  if kp then
    metagraph.set(snap)
    local uid = metagraph.lookup(kp.ss58)
    if not uid then
      add("registration", "fatal", ("hotkey %s is not registered on netuid %d"):format(kp.ss58, cfg.netuid),
        ("btcli subnet register --netuid %d --wallet.name %s --wallet.hotkey %s"):format(cfg.netuid, cfg.wallet.name, cfg.wallet.hotkey))
    else
      add("registration", "ok", ("uid %d"):format(uid))
    end
  end
end

-- The axon's port can be bound (only from `miner doctor`: a running miner holds it itself).
local function port_check(cfg, add)
  local httpd = require "httpd"
  local srv, err = httpd.serve { ip = cfg.axon.ip, port = cfg.axon.port, handler = function() return 404 end }
  if not srv then
    return add("axon port", "fatal", ("%s:%s cannot be bound: %s"):format(tostring(cfg.axon.ip), tostring(cfg.axon.port), tostring(err)),
      "stop whatever listens there (ss -ltnp) or choose another --axon.port")
  end
  srv:close()
  add("axon port", "ok", ("%s:%s is free"):format(tostring(cfg.axon.ip), tostring(cfg.axon.port)))
end

local function grant_check(cfg, add)
  local text = fs.read(cfg.workdir .. "/granted.json")
  local allow = tostring(cfg.solver.grant_allowlist or "")
  local missing = {}
  for p in allow:gmatch("[^,%s]+") do
    if not (text and text:find(p:lower(), 1, true)) then missing[#missing + 1] = p end
  end
  if #missing > 0 and cfg.solver.grant then
    add("validator access", "warn", "not granted yet: " .. table.concat(missing, ", "),
      "granted at start when gcloud works; the validator cannot read the deployment without it")
  else
    add("validator access", "ok", "allow-listed validator principals granted")
  end
end

-- Runs the checks; opts.gcloud / opts.chain turn the slower groups on (both default on).
function M.run(cfg, opts)
  opts = opts or {}
  extra_env = opts.env
  local results, fatal = {}, 0
  local function add(name, status, detail, fix)
    results[#results + 1] = { name = name, status = status, detail = detail, fix = fix }
    if status == "fatal" then fatal = fatal + 1 end
  end
  local kp
  for _, check in ipairs(checks) do
    local ok, r = pcall(check, cfg, add)
    if not ok then add("doctor", "warn", "a check failed to run: " .. tostring(r)) end
    if type(r) == "table" and r.ss58 then kp = r end
  end
  if opts.port and cfg.axon then port_check(cfg, add) end
  if opts.gcloud ~= false then gcloud_checks(cfg, add) end
  if opts.chain ~= false then chain_checks(cfg, add, kp) end
  grant_check(cfg, add)
  return results, fatal
end

function M.format(results)
  local lines = {}
  for _, r in ipairs(results) do
    lines[#lines + 1] = ("%-5s %-18s %s"):format(r.status == "ok" and "ok" or r.status:upper(), r.name, r.detail or "")
    if r.status ~= "ok" and r.fix then lines[#lines + 1] = ("      %-18s fix: %s"):format("", r.fix) end
  end
  return table.concat(lines, "\n")
end

return M
