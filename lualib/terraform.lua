-- Terraform workspaces for solver scripts: build the config with the HCL emitter, run terraform through
-- proc.run with deadlines, read the state back, and pack the ZIP the validator accepts.
--   local ws = terraform.workspace{dir=, project=, bin=, versions=, env=}
--   ws:resource("google_compute_network", "net", {name = "x", auto_create_subnetworks = false})
--   ws:write()                 -- main.tf (+ nothing else); returns the text
--   ws:init{timeout=} ws:apply{timeout=} ws:destroy{timeout=}  -> result table | nil, message
--   ws:state()                 -- parsed terraform.tfstate (or nil, message)
--   ws:pack()                  -- ZIP bytes of the workspace under the validator's limits, plus a report
-- Credentials reach terraform only through the environment (env= or the miner's own), never a file in the ZIP.
local hcl = require "hcl"
local fs = require "fs"
local json = require "json"
local zip = require "zip"
local proc = require "proc"
local log = require "log"
local time = require "time"

local M = {}

-- The validator's pins (spec §0.9): Terraform 1.14.0 and these providers from its offline mirror. Only the
-- providers named in `use` are declared (google: the others are allowed but every extra one is an init cost).
M.versions = {
  terraform = "1.14.0",
  required_version = ">= 1.5.0",
  providers = {
    google = { source = "hashicorp/google", version = "7.12.0" },
    ["google-beta"] = { source = "hashicorp/google-beta", version = "7.12.0" },
    random = { source = "hashicorp/random", version = "3.7.2" },
  },
  use = { "google" },
}

-- The validator sandbox's ZIP rules (spec §4.1).
M.limits = { max_entries = 100, max_total = 50 * 1024 * 1024, max_entry = 100 * 1024 * 1024 }

local ALLOWED_SUFFIXES = { ".tf", ".tf.json", ".tfvars", ".tfvars.json", ".tfstate" }
local ALLOWED_NAMES = { ["task.json"] = true, ["miner.json"] = true, ["terraform.tfstate.backup"] = true }

local Workspace = {}
Workspace.__index = Workspace

function M.workspace(opts)
  assert(type(opts) == "table" and opts.dir, "terraform.workspace needs {dir=...}")
  local ws = setmetatable({
    dir = opts.dir,
    project = opts.project,
    region = opts.region,
    bin = opts.bin or "terraform",
    versions = opts.versions or M.versions,
    env = opts.env or {},
    plugin_cache = opts.plugin_cache,
    cli_config = opts.cli_config,
    blocks = {},
    format = opts.format or "hcl", -- or "json" for main.tf.json
    tag = opts.tag, -- prefixed to every terraform output line (the task id: concurrent tasks interleave)
  }, Workspace)
  return ws
end

function Workspace:resource(rtype, name, attrs)
  local b = hcl.block("resource", { rtype, name }, attrs)
  self.blocks[#self.blocks + 1] = b
  return hcl.ref(rtype .. "." .. name)
end

function Workspace:block(btype, labels, body)
  local b = hcl.block(btype, labels, body)
  self.blocks[#self.blocks + 1] = b
  return b
end

function Workspace:document()
  local v = self.versions
  local providers = {}
  for _, name in ipairs(v.use or { "google" }) do
    local p = assert(v.providers[name], "no version pin for provider " .. name)
    providers[name] = { source = p.source, version = p.version }
  end
  local doc = {
    hcl.block("terraform", {}, { required_version = v.required_version,
      hcl.block("required_providers", {}, providers) }),
  }
  if self.project then
    doc[#doc + 1] = hcl.block("provider", "google", { project = self.project, region = self.region })
  end
  for _, b in ipairs(self.blocks) do doc[#doc + 1] = b end
  return doc
end

function Workspace:render()
  local doc = self:document()
  if self.format == "json" then return hcl.encode_json(doc) end
  return hcl.encode(doc)
end

function Workspace:write()
  local text, err = self:render()
  if not text then return nil, err end
  local ok, merr = fs.mkdir(self.dir)
  if not ok then return nil, merr end
  local name = self.format == "json" and "main.tf.json" or "main.tf"
  local wok, werr = fs.write(self.dir .. "/" .. name, text)
  if not wok then return nil, werr end
  return text
end

-- The environment terraform runs with: the miner's own, plus automation flags, the plugin cache and the
-- CLI config (so per-task init reads a local mirror instead of downloading), plus credentials from opts.env.
function Workspace:environment(extra)
  local env = { TF_IN_AUTOMATION = "1", TF_INPUT = "0", CHECKPOINT_DISABLE = "1" }
  if self.plugin_cache then env.TF_PLUGIN_CACHE_DIR = self.plugin_cache end
  if self.cli_config then env.TF_CLI_CONFIG_FILE = self.cli_config end
  if self.data_dir then env.TF_DATA_DIR = self.data_dir end
  for k, v in pairs(self.env) do env[k] = v end
  for k, v in pairs(extra or {}) do env[k] = v end
  return env
end

-- Runs terraform with args; returns the proc result, or nil + message (spawn failure, timeout, non-zero exit).
function Workspace:run(args, opts)
  opts = opts or {}
  local argv = { self.bin }
  for _, a in ipairs(args) do argv[#argv + 1] = a end
  local t0 = time.mono()
  local r, err = proc.run { argv = argv, cwd = self.dir, env = self:environment(opts.env), timeout = opts.timeout,
    grace = opts.grace or 5,
    log_prefix = not opts.quiet and ("terraform %s%s"):format(args[1], self.tag and (" " .. self.tag) or "") or nil }
  if not r then return nil, err end
  r.seconds = time.mono() - t0
  if r.timed_out then
    return nil, ("terraform %s passed its %gs deadline and was stopped"):format(args[1], opts.timeout), r
  end
  if r.code ~= 0 then
    local tail = (r.stderr ~= "" and r.stderr or r.stdout):sub(-800)
    return nil, ("terraform %s failed (exit %s): %s"):format(args[1], tostring(r.code or ("signal " .. tostring(r.signal))),
      tail), r
  end
  return r
end

function Workspace:init(opts)
  return self:run({ "init", "-input=false", "-no-color" }, opts)
end

-- ---- warm template: one initialised data dir shared by every task workspace ----
-- `terraform init` installs the pinned providers into a template folder once (at start, and again when the
-- pins change); each task then runs plan/apply with TF_DATA_DIR pointing at the template's .terraform and a
-- copy of its lock file, so no task pays for init. Tasks only read the data dir (state stays in the task's
-- own folder, applies run with -lock=false), so concurrent tasks do not interfere.
local Template = {}
Template.__index = Template

function M.template(opts)
  assert(type(opts) == "table" and opts.dir, "terraform.template needs {dir=...}")
  return setmetatable({ dir = opts.dir, bin = opts.bin or "terraform", versions = opts.versions or M.versions,
    env = opts.env or {}, plugin_cache = opts.plugin_cache, cli_config = opts.cli_config }, Template)
end

-- The pins the template was made for, as text: a change means the template must be rebuilt.
function Template:stamp()
  local v, parts = self.versions, {}
  for _, name in ipairs(v.use or { "google" }) do
    local p = v.providers[name]
    parts[#parts + 1] = ("%s=%s@%s"):format(name, p.source, p.version)
  end
  return table.concat(parts, ";") .. ";tf=" .. tostring(v.required_version) .. ";bin=" .. tostring(self.bin)
end

function Template:data_dir() return self.dir .. "/.terraform" end

-- nil when the template can serve tasks, else why not.
function Template:problem()
  if fs.read(self.dir .. "/template.stamp") ~= self:stamp() then return "template missing or made for other pins" end
  local st = fs.stat(self:data_dir() .. "/providers")
  if not st or st.type ~= "directory" then return "template has no installed providers" end
  if not fs.read(self.dir .. "/.terraform.lock.hcl") then return "template has no lock file" end
  return nil
end

-- Builds the template (init -backend=false) unless it is ready. Returns true or nil, message.
function Template:prepare(opts)
  if not self:problem() then return true end
  opts = opts or {}
  local ws = M.workspace { dir = self.dir, bin = self.bin, versions = self.versions, env = self.env,
    plugin_cache = self.plugin_cache, cli_config = self.cli_config }
  local ok, err = ws:write()
  if not ok then return nil, err end
  fs.rm(self.dir .. "/template.stamp")
  local r, rerr = ws:run({ "init", "-backend=false", "-input=false", "-no-color" }, { timeout = opts.timeout or 300 })
  if not r then return nil, rerr end
  assert(fs.write(self.dir .. "/template.stamp", self:stamp()))
  local why = self:problem()
  if why then return nil, "terraform init did not produce a usable template: " .. why end
  return true
end

-- Makes the workspace ready for apply/destroy: through the template when it is ready (no init), else a
-- normal init. Returns {warm=bool, why=string|nil, seconds=} or nil, message.
function Workspace:prepare(opts)
  opts = opts or {}
  local t0 = time.mono()
  local tpl = opts.template
  local why = "no template configured"
  if tpl then why = tpl:problem() end
  if not why then
    local lock = fs.read(tpl.dir .. "/.terraform.lock.hcl")
    local ok, err = fs.write(self.dir .. "/.terraform.lock.hcl", lock)
    if ok then
      self.data_dir = tpl:data_dir()
      return { warm = true, seconds = time.mono() - t0 }
    end
    why = "copying the template's lock file failed: " .. tostring(err)
  end
  local r, err = self:init(opts)
  if not r then return nil, err end
  return { warm = false, why = why, seconds = time.mono() - t0 }
end

function Workspace:apply(opts)
  return self:run({ "apply", "-auto-approve", "-input=false", "-no-color", "-lock=false", "-refresh=false",
    "-parallelism=" .. tostring((opts and opts.parallelism) or 30) }, opts)
end

function Workspace:destroy(opts)
  return self:run({ "destroy", "-auto-approve", "-input=false", "-no-color", "-lock=false",
    "-parallelism=" .. tostring((opts and opts.parallelism) or 30) }, opts)
end

function Workspace:state()
  local text, err = fs.read(self.dir .. "/terraform.tfstate")
  if not text then return nil, err end
  return M.parse_state(text)
end

local function allowed(name)
  if ALLOWED_NAMES[name] then return true end
  for _, suffix in ipairs(ALLOWED_SUFFIXES) do
    if #name > #suffix and name:sub(-#suffix) == suffix then return true end
  end
  return false
end

-- Checks a list of {name=, data=} against the validator's rules; returns kept, excluded({name, why}).
function M.filter_entries(entries)
  local kept, excluded, total = {}, {}, 0
  for _, e in ipairs(entries) do
    local name, why = e.name, nil
    if name:sub(1, 1) == "/" then why = "absolute path"
    elseif ("/" .. name .. "/"):find("/../", 1, true) then why = "'..' in path"
    elseif e.symlink then why = "symlink"
    elseif ("/" .. name):find("/.terraform/", 1, true) or name == ".terraform" then why = ".terraform/ is never shipped"
    elseif name:match("%.terraform%.lock%.hcl$") then why = "lock file (the validator deletes it)"
    elseif not allowed(name:match("[^/]+$") or name) then why = "not a Terraform config, tfvars or state file"
    elseif #e.data > M.limits.max_entry then why = "larger than 100 MiB"
    end
    if why then
      excluded[#excluded + 1] = { name = name, why = why }
    else
      total = total + #e.data
      kept[#kept + 1] = e
    end
  end
  return kept, excluded, total
end

-- Packs the workspace root (not subfolders: the validator reads the root) into ZIP bytes.
-- Returns bytes, report{files=, excluded=, total=} | nil, message (the message lists what was excluded and why).
function Workspace:pack(opts)
  opts = opts or {}
  local names, err = fs.list(self.dir)
  if not names then return nil, err end
  local entries = {}
  for _, name in ipairs(names) do
    local path = self.dir .. "/" .. name
    local st = fs.stat(path)
    if st and st.type == "file" then
      entries[#entries + 1] = { name = name, data = assert(fs.read(path)) }
    elseif st and st.type == "directory" then
      entries[#entries + 1] = { name = name .. "/", data = "", dir = true }
    end
  end
  for name, data in pairs(opts.extra or {}) do entries[#entries + 1] = { name = name, data = data } end
  local kept, excluded, total = M.filter_entries(entries)
  local report = { files = {}, excluded = excluded, total = total }
  for _, e in ipairs(kept) do report.files[#report.files + 1] = e.name end
  local function describe()
    local parts = {}
    for _, x in ipairs(excluded) do parts[#parts + 1] = x.name .. " (" .. x.why .. ")" end
    return #parts > 0 and ("; excluded: " .. table.concat(parts, ", ")) or ""
  end
  if #excluded > 0 then log.info("workspace %s: %s", self.dir, describe():sub(3)) end
  local has_state, has_config = false, false
  for _, e in ipairs(kept) do
    if e.name == "terraform.tfstate" then has_state = true end
    if e.name:match("%.tf$") or e.name:match("%.tf%.json$") then has_config = true end
  end
  if not has_config then return nil, "workspace has no .tf or .tf.json file at its root" .. describe(), report end
  if not has_state and not opts.allow_missing_state then
    return nil, "workspace has no terraform.tfstate at its root" .. describe(), report
  end
  if #kept > M.limits.max_entries then
    return nil, ("%d entries, the validator accepts at most %d"):format(#kept, M.limits.max_entries), report
  end
  if total > M.limits.max_total then
    return nil, ("%d bytes uncompressed, the validator accepts at most %d"):format(total, M.limits.max_total), report
  end
  local bytes, zerr = zip.pack(kept)
  if not bytes then return nil, zerr, report end
  return bytes, report
end

-- A terraform CLI config that installs providers only from a local filesystem mirror (as the validator's
-- sandbox does), so per-task `init` never downloads. Returns the path written.
function M.write_cli_config(path, mirror_dir)
  local text = ('provider_installation {\n  filesystem_mirror {\n    path    = "%s"\n    include = ["hashicorp/*"]\n  }\n'
    .. '  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n'):format(mirror_dir)
  local ok, err = fs.write(path, text, { mode = 420 })
  if not ok then return nil, err end
  return path
end

-- The terraform on PATH (or nil): tests, benches and doctor use a real binary only where one is installed.
function M.find_binary()
  local r = proc.run { argv = { "sh", "-c", "command -v terraform" }, timeout = 10 }
  if r and r.code == 0 and r.stdout:match("%S") then return (r.stdout:gsub("%s+$", "")) end
  return nil
end

-- ---- state ----

-- Flattens a JSON value into validator paths: {"allow.0.ports.0" = "22", ...} (lists indexed from 0).
function M.flatten(value, prefix, out)
  out = out or {}
  if type(value) == "table" then
    if json.is_array(value) or (#value > 0) then
      for i, v in ipairs(value) do M.flatten(v, (prefix and prefix .. "." or "") .. (i - 1), out) end
      if prefix and #value == 0 then out[prefix] = value end
    else
      local empty = true
      for k, v in pairs(value) do
        empty = false
        M.flatten(v, (prefix and prefix .. "." or "") .. tostring(k), out)
      end
      if empty and prefix then out[prefix] = value end
    end
  elseif prefix then
    out[prefix] = value
  end
  return out
end

-- Reads a path like "allow.0.ports.0" out of nested values, as the validator's state parser does.
function M.get_path(values, path)
  local cur = values
  for seg in path:gmatch("[^.]+") do
    if type(cur) ~= "table" then return nil end
    local idx = tonumber(seg)
    if idx and (json.is_array(cur) or #cur > 0) then cur = cur[idx + 1] else cur = cur[seg] end
    if cur == json.null then return nil end
  end
  return cur
end

-- terraform.tfstate (v4) text -> { by_type = {type -> {{name=, values=, flat=}}}, resources = {...} }
function M.parse_state(text)
  local st, err = json.decode(text)
  if type(st) ~= "table" then return nil, "terraform.tfstate is not JSON: " .. tostring(err) end
  local out = { version = st.version, terraform_version = st.terraform_version, by_type = {}, resources = {} }
  for _, res in ipairs(st.resources or {}) do
    if res.mode == "managed" then
      for _, inst in ipairs(res.instances or {}) do
        local values = inst.attributes or {}
        local r = { type = res.type, name = res.name, provider = res.provider, values = values,
          flat = M.flatten(values) }
        out.resources[#out.resources + 1] = r
        local list = out.by_type[res.type] or {}
        list[#list + 1] = r
        out.by_type[res.type] = list
      end
    end
  end
  return out
end

return M
