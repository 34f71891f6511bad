-- Task synchronisation on top of rt.suspend/rt.wake.
-- ev = sync.event(); ev:set(value) wakes every task blocked in ev:wait() (and later waits return at once).
-- sync.all(fns) runs each function in its own task and returns their results in order.
local rt = require "rt"

local M = {}

local Event = {}
Event.__index = Event

function M.event()
  return setmetatable({ done = false, waiters = {} }, Event)
end

function Event:set(value)
  if self.done then return end
  self.done, self.value = true, value
  for _, co in ipairs(self.waiters) do rt.wake(co) end
  self.waiters = {}
end

function Event:wait()
  if not self.done then
    self.waiters[#self.waiters + 1] = rt.current()
    repeat rt.suspend() until self.done
  end
  return self.value
end

function M.all(fns)
  local results, events = {}, {}
  for i, fn in ipairs(fns) do
    events[i] = M.event()
    rt.spawn(function()
      local out = table.pack(pcall(fn))
      results[i] = out
      events[i]:set()
    end)
  end
  for i = 1, #fns do events[i]:wait() end
  local values = {}
  for i, out in ipairs(results) do
    if not out[1] then error(out[2], 0) end
    values[i] = out[2]
  end
  return values
end

return M
