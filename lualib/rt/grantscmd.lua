-- `miner grants [list]` prints the validator principals this miner granted project read access to;
-- `miner grants revoke PRINCIPAL...` / `miner grants revoke all` removes those roles again.
local rt = require "rt"
local solver_mod = require "alphacore.solver"

local M = {}

local function out(fmt, ...) io.stdout:write(fmt:format(...), "\n") end

function M.main()
  local cfg = rt.config
  local args = cfg.args or {}
  local verb, rest = args[1], {}
  for i = 2, #args do rest[#rest + 1] = args[i] end
  verb = verb or "list"
  local s = solver_mod.from_config(cfg)
  local granted = s:grants()
  if verb == "list" then
    local n = 0
    for principal, at in pairs(granted) do
      out("%s\tgranted %s", principal, os.date("!%Y-%m-%dT%H:%M:%SZ", math.floor(tonumber(at) or 0)))
      n = n + 1
    end
    out("%d principal(s) granted; allow-list: %s", n, tostring(cfg.solver.grant_allowlist))
    return 0
  elseif verb == "revoke" then
    local targets = {}
    if rest[1] == "all" then
      for principal in pairs(granted) do targets[#targets + 1] = principal end
    else
      targets = rest
    end
    if #targets == 0 then out("miner grants revoke needs PRINCIPAL... or --all") return 2 end
    local code = 0
    for _, principal in ipairs(targets) do
      local ok, err = s:revoke(principal)
      if ok then out("revoked %s", principal) else out("%s", err) code = 1 end
    end
    return code
  end
  out("miner grants: unknown action '%s' (list, revoke PRINCIPAL..., revoke all)", tostring(verb))
  return 2
end

return M
