-- Builds script generations for the runtime (called from runtime/reload.c).
-- A generation = the entrypoint's handler table + the modules it required, loaded into a fresh environment
-- whose globals fall back to _G. Modules found next to the entrypoint or in lualib/ are loaded per generation
-- (so editing them reloads too); C modules (json, fs, ...) are shared.
local log = require "log"

local M = {}

local function readable(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

local function find_module(name, dirs)
  local rel = name:gsub("%.", "/")
  for _, dir in ipairs(dirs) do
    for _, pattern in ipairs { "%s/%s.lua", "%s/%s/init.lua" } do
      local path = pattern:format(dir, rel)
      if readable(path) then return path end
    end
  end
end

-- Modules of the runtime itself are never reloaded per generation.
local function is_runtime_module(name)
  return name == "rt" or name:sub(1, 3) == "rt."
end

-- load(entrypoint, search_dirs, id, files) -> generation table; `files` collects every path read, even on error.
function M.load(entrypoint, dirs, id, files)
  local gen = { id = id, files = files, loaded = {}, entrypoint = entrypoint }
  local env = setmetatable({}, { __index = _G })
  env._G = env

  function env.require(name)
    local cached = gen.loaded[name]
    if cached ~= nil then return cached end
    local path = not is_runtime_module(name) and not package.preload[name] and find_module(name, dirs)
    if not path then return require(name) end
    files[#files + 1] = path
    local chunk, err = loadfile(path, "t", env)
    if not chunk then error(err, 0) end
    local result = chunk(name, path)
    if result == nil then result = true end
    gen.loaded[name] = result
    return result
  end

  files[#files + 1] = entrypoint
  local chunk, err = loadfile(entrypoint, "t", env)
  if not chunk then error(err, 0) end
  local handlers = chunk()
  if type(handlers) ~= "table" then
    error(("%s: the entrypoint must return a table of handlers, got %s"):format(entrypoint, type(handlers)), 0)
  end
  gen.handlers = handlers
  gen.env = env
  return gen
end

-- Runs in a task after the first generation is in place. An on_start that raises stops the process with exit
-- code 1: a miner left up without what on_start sets up (its sweeper, its workdir) would look healthy to PM2.
function M.start(gen)
  local on_start = gen.handlers.on_start
  if not on_start then return end
  local rt = require "rt"
  local ok, err = xpcall(on_start, debug.traceback, rt.config)
  if not ok then
    log.error("on_start of %s failed, stopping: %s", gen.entrypoint, tostring(err))
    rt.stop(1)
  end
end

-- Runs in a task after a reload: old.export() -> new.import(state), then new.on_reload().
function M.handover(gen, old)
  local state
  if old and type(old.handlers.export) == "function" then
    local ok, res = pcall(old.handlers.export)
    if ok then state = res else log.error("export() of generation " .. old.id .. " failed: " .. tostring(res)) end
  end
  if type(gen.handlers.import) == "function" then gen.handlers.import(state) end
  if type(gen.handlers.on_reload) == "function" then gen.handlers.on_reload(gen.id) end
end

return M
