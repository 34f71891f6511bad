-- `miner doctor`: every preflight check (lualib/rt/doctor.lua), each with its fix; exit 1 when any is fatal.
-- --doctor.offline skips the gcloud and chain checks.
local rt = require "rt"
local doctor = require "rt.doctor"

local M = {}

function M.main()
  local cfg = rt.config
  local results, fatal = doctor.run(cfg, { gcloud = true, chain = true, port = true })
  io.stdout:write(doctor.format(results), "\n")
  io.stdout:write(fatal > 0 and ("%d fatal problem(s): this miner cannot earn until they are fixed\n"):format(fatal)
    or "ready: nothing fatal\n")
  return fatal > 0 and 1 or 0
end

return M
