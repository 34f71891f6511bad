-- Parse time of the free-text front end at 1, 4, 16 and 64 KiB (an LLM-style prompt repeated), median of N runs,
-- with a same-run reference: one pass of string.lower over the same text. Linear parsing keeps us/KiB flat.
local parse = require "alphacore.parse"
local time = require "time"

local BASE = "Provision a coldline Cloud Storage bucket in us-west1 whose name ends with x5s0j4u572jcbj; an Artifact Registry repository for docker packages in asia-southeast1 with repository id starting with zr8plnzf94. A Pub/Sub topic named hizxvme6667 keeps messages for 600s, and a subscription whose name ends with we20f44pv5 has a 30 second ack deadline, retained acked messages (true) and an expiration TTL of 172800s. "

-- median and minimum of n runs: on a busy host the minimum is the closer estimate of the parse's own cost
local function runs(f, n)
  local xs = {}
  for k = 1, n do
    local t0 = time.mono()
    f()
    xs[k] = time.mono() - t0
  end
  table.sort(xs)
  return xs[(n + 1) // 2], xs[1]
end

print(("%-8s %12s %10s %12s %10s %12s"):format("size", "parse ms", "min ms", "us/KiB", "lower ms", "ratio"))
for _, kib in ipairs { 1, 4, 16, 64 } do
  local text = BASE:rep(math.ceil(kib * 1024 / #BASE)):sub(1, kib * 1024)
  local n = kib >= 16 and 11 or 21
  local p, pmin = runs(function() parse.parse(text) end, n)
  local l = runs(function() for _ = 1, 100 do local _ = text:lower() end end, n) / 100
  print(("%-8s %12.2f %10.2f %12.1f %10.4f %12.0fx"):format(kib .. " KiB", p * 1e3, pmin * 1e3, p * 1e6 / kib,
    l * 1e3, p / l))
end
