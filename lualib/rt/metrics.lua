-- Process metrics in the Prometheus text format (version 0.0.4): counters, gauges and histograms with labels.
--   local metrics = require "rt.metrics"
--   metrics.inc("miner_requests_total", {synapse = "TaskSynapse", status = "200"})
--   metrics.observe("miner_task_phase_seconds", {phase = "apply"}, 41.2)
--   metrics.set("miner_metagraph_age_seconds", nil, 12)
--   metrics.render() -> text
-- Series are declared with help text and type on first use (metrics.describe) and live for the process; label
-- values are bounded (each label value is cut to 64 bytes, and a metric keeps at most 200 series) because some
-- come from peers.
local M = {}

local families = {} -- name -> {help, type, buckets, series = {key -> {labels, value | {counts, sum, count}}}, order}
local MAX_SERIES = 200

M.DEFAULT_BUCKETS = { 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600 }

function M.describe(name, kind, help, buckets)
  local f = families[name]
  if not f then
    f = { series = {}, order = {} }
    families[name] = f
  end
  f.kind, f.help, f.buckets = kind, help, buckets or (kind == "histogram" and M.DEFAULT_BUCKETS or nil)
  return f
end

local function family(name, kind)
  return families[name] or M.describe(name, kind, name)
end

local function escape(v)
  return (tostring(v):sub(1, 64):gsub("\\", "\\\\"):gsub("\n", "\\n"):gsub('"', '\\"'))
end

local function key_of(labels)
  if not labels then return "" end
  local keys = {}
  for k in pairs(labels) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = ('%s="%s"'):format(k, escape(labels[k])) end
  return table.concat(parts, ",")
end

local function series(f, labels)
  local key = key_of(labels)
  local s = f.series[key]
  if not s then
    if #f.order >= MAX_SERIES then return nil end
    s = { key = key }
    f.series[key] = s
    f.order[#f.order + 1] = key
  end
  return s
end

function M.inc(name, labels, by)
  local s = series(family(name, "counter"), labels)
  if s then s.value = (s.value or 0) + (by or 1) end
end

function M.set(name, labels, value)
  local s = series(family(name, "gauge"), labels)
  if s then s.value = value end
end

function M.observe(name, labels, value)
  local f = family(name, "histogram")
  local s = series(f, labels)
  if not s or type(value) ~= "number" then return end
  s.counts = s.counts or {}
  for i, b in ipairs(f.buckets) do
    if value <= b then s.counts[i] = (s.counts[i] or 0) + 1 end
  end
  s.sum = (s.sum or 0) + value
  s.count = (s.count or 0) + 1
end

-- Gauges computed when scraped: fn() -> value (or a list of {labels, value}).
local collectors = {}
function M.collect(name, kind, help, fn)
  M.describe(name, kind, help)
  collectors[name] = fn
end

local function num(v)
  if v == math.huge then return "+Inf" end
  if math.type(v) == "integer" then return tostring(v) end
  return ("%.9g"):format(v)
end

function M.render()
  for name, fn in pairs(collectors) do
    local ok, v = pcall(fn)
    if ok and type(v) == "number" then M.set(name, nil, v)
    elseif ok and type(v) == "table" then
      for _, item in ipairs(v) do M.set(name, item[1], item[2]) end
    end
  end
  local names = {}
  for name in pairs(families) do names[#names + 1] = name end
  table.sort(names)
  local out = {}
  for _, name in ipairs(names) do
    local f = families[name]
    out[#out + 1] = ("# HELP %s %s"):format(name, f.help or name)
    out[#out + 1] = ("# TYPE %s %s"):format(name, f.kind or "untyped")
    for _, key in ipairs(f.order) do
      local s = f.series[key]
      local lb = key ~= "" and ("{" .. key .. "}") or ""
      if f.kind == "histogram" then
        local sep = key ~= "" and "," or ""
        for i, b in ipairs(f.buckets) do
          out[#out + 1] = ('%s_bucket{%s%sle="%s"} %d'):format(name, key, sep, num(b), (s.counts or {})[i] or 0)
        end
        out[#out + 1] = ('%s_bucket{%s%sle="+Inf"} %d'):format(name, key, sep, s.count or 0)
        out[#out + 1] = ("%s_sum%s %s"):format(name, lb, num(s.sum or 0))
        out[#out + 1] = ("%s_count%s %d"):format(name, lb, s.count or 0)
      elseif s.value ~= nil then
        out[#out + 1] = ("%s%s %s"):format(name, lb, num(s.value))
      end
    end
  end
  return table.concat(out, "\n") .. "\n"
end

-- Serves GET /metrics (and GET / with a pointer) on ip:port through require "httpd". Returns the server.
function M.serve(ip, port)
  local httpd = require "httpd"
  return httpd.serve { ip = ip, port = port, handler = function(_, path)
    if path == "/metrics" then return 200, "text/plain; version=0.0.4; charset=utf-8", M.render() end
    if path == "/" then return 200, "text/plain", "miner metrics: GET /metrics\n" end
    return 404, "text/plain", "not found\n"
  end }
end

function M.reset() families, collectors = {}, {} end

return M
