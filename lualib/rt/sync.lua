-- Task synchronisation on top of rt.suspend/rt.wake.
-- ev = sync.event(); ev:set(value) wakes every task blocked in ev:wait() (and later waits return at once).
-- sync.all(fns) runs each function in its own task and returns their results in order.
local rt = require "rt"
local time = require "time"
local timer = require "timer"

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

-- A FIFO counting semaphore for tasks, as plain data (so it can be handed to the next script generation):
-- g = sync.gate_new(limit); sync.gate_acquire(g, deadline) -> true | nil, "timeout"; sync.gate_release(g).

function M.gate_new(limit)
  return { limit = limit, active = 0, waiting = 0, queue = {}, head = 1, tail = 0 }
end

local function gate_pump(g)
  while g.active < g.limit and g.head <= g.tail do
    local w = g.queue[g.head]
    g.queue[g.head] = nil
    g.head = g.head + 1
    if w.state == "waiting" then
      w.state = "granted"
      g.waiting = g.waiting - 1
      g.active = g.active + 1
      rt.wake(w.co)
    end
  end
end

-- Takes a slot in arrival order, waiting until `deadline` (time.mono(); nil waits for ever).
-- Returns true, or nil, "timeout".
function M.gate_acquire(g, deadline)
  if g.active < g.limit and g.waiting == 0 then
    g.active = g.active + 1
    return true
  end
  local w = { co = rt.current(), state = "waiting" }
  g.tail = g.tail + 1
  g.queue[g.tail] = w
  g.waiting = g.waiting + 1
  if deadline and deadline < math.huge then
    rt.spawn(function()
      timer.sleep(math.max(0, deadline - time.mono()))
      if w.state == "waiting" then
        w.state = "timeout"
        g.waiting = g.waiting - 1
        rt.wake(w.co)
      end
    end)
  end
  repeat rt.suspend() until w.state ~= "waiting"
  if w.state == "timeout" then return nil, "timeout" end
  return true
end

function M.gate_release(g)
  g.active = g.active - 1
  gate_pump(g)
end

function M.gate_resize(g, limit)
  g.limit = limit
  gate_pump(g)
end

return M
