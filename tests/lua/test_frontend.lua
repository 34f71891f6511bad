-- The free-text front end (lex.lua + reader.lua) on plain operator prompts and the classes of issue 11:
-- each case states the plan it must produce (kinds present, and field values per kind).
local parse = require "alphacore.parse"
local lex = require "alphacore.lex"

local CASES = {
  { "a VPC acme-core-net with a subnet acme-app-subnet in us-central1 10.42.0.0/24",
    { vpc = { token = "acme-core-net", auto_create = false }, subnet = { token = "acme-app-subnet", region = "us-central1", cidr = "10.42.0.0/24" } } },
  { "In asia-southeast1, create a bucket whose name starts with logs7x2q and a docker-format repository named img4k2p9. No firewall rules.",
    { bucket = { token = "logs7x2q", rule = "starts_with", location = "ASIA-SOUTHEAST1" }, repo = { token = "img4k2p9", format = "DOCKER", location = "asia-southeast1" } } },
  { "Create a VM called web-01 in asia-northeast1-b, e2-medium, on the default network, startup script writes 1a2b3c-4d5e6f to /var/tmp/acore-token using printf.",
    { vm = { token = "web-01", zone = "asia-northeast1-b", machine_type = "e2-medium", networked = false, script_template = "T2" } } },
  { "Add a firewall rule named allow-iap9 on network core9net at priority 900 allowing tcp port 22 from 35.235.240.0/20. Network core9net has auto create subnetworks false.",
    { firewall = { token = "allow-iap9", priority = 900, protocol = "tcp", port = "22" }, vpc = { token = "core9net", auto_create = false } } },
  { "Topic evt7q1z keeps messages for 20 min; pull subscription sub7q1z on it: sixty-second ack deadline, retain acknowledged messages (yes), expires after 2 days.",
    { topic = { token = "evt7q1z", retention = "1200s" }, subscription = { token = "sub7q1z", ack = 60, retain = true, ttl = "172800s" } } },
  { "Put an object named note4k9qtxt in the GCS bucket with a name beginning mybk9q2z1 (us-west4, nearline); whose body is hello9world12345.",
    { object = { token = "note4k9qtxt", content = "hello9world12345" }, bucket = { token = "mybk9q2z1", rule = "starts_with", location = "US-WEST4", storage_class = "NEARLINE" } } },
  { "Every name below is a prefix. Bucket abcd1234xy in us-east1, standard class; topic top9x8q7 with 600s retention.",
    { bucket = { token = "abcd1234xy", rule = "starts_with", storage_class = "STANDARD" }, topic = { token = "top9x8q7", rule = "starts_with", retention = "600s" } } },
  { "us-east1 is where the coldline bucket bkt5q9z8w lives, while the python-format repository rp4q8z7x goes to europe-west4.",
    { bucket = { token = "bkt5q9z8w", location = "US-EAST1", storage_class = "COLDLINE" }, repo = { token = "rp4q8z7x", location = "europe-west4", format = "PYTHON" } } },
  { "Create a Pub/Sub topic qq7topic1 retaining messages for a quarter of an hour and a subscription qq7sub1 on it with a thirty second ack deadline that discards acked messages and expires after 72 hours.",
    { topic = { token = "qq7topic1", retention = "900s" }, subscription = { token = "qq7sub1", ack = 30, retain = false, ttl = "259200s" } } },
  { "Bring up a server named app7srv2 (n2-standard-4) in europe-west4-a. Do not create a VPC or any subnet.",
    { vm = { token = "app7srv2", machine_type = "n2-standard-4", zone = "europe-west4-a" } } },
  { "Stand up a network called netq81z with auto subnet creation disabled, and an ingress rule fwq81z allowing icmp echo at priority 1002.",
    { vpc = { token = "netq81z", auto_create = false }, firewall = { token = "fwq81z", protocol = "icmp", priority = 1002 } } },
  { "Both the bucket bb5kt9q1 and the docker repository rr5po9q1 should live in us-west1.",
    { bucket = { token = "bb5kt9q1", location = "US-WEST1" }, repo = { token = "rr5po9q1", location = "us-west1", format = "DOCKER" } } },
  { "Make a Cloud DNS zone dz4q9k1 for dz4q9k1.acore.example. and a bucket with the suffix sfx7q2b9k in europe-west1 using archive storage.",
    { dns = { token = "dz4q9k1", dns_name = "dz4q9k1.acore.example." }, bucket = { token = "sfx7q2b9k", rule = "ends_with", location = "EUROPE-WEST1", storage_class = "ARCHIVE" } } },
}

local function show(plan)
  local parts = {}
  for kind, r in pairs(plan.resources) do parts[#parts + 1] = kind .. "=" .. tostring(r.token) end
  table.sort(parts)
  return table.concat(parts, " ") .. " | " .. table.concat(plan.ambiguities, " | ")
end

for n, c in ipairs(CASES) do
  test(("operator prompt %d: %s"):format(n, c[1]:sub(1, 60)), function()
    local plan = parse.parse(c[1])
    local want, got = {}, {}
    for kind in pairs(c[2]) do want[#want + 1] = kind end
    for kind in pairs(plan.resources) do got[#got + 1] = kind end
    table.sort(want)
    table.sort(got)
    expect.same(got, want, "kinds: " .. show(plan))
    for kind, fields in pairs(c[2]) do
      for field, value in pairs(fields) do
        expect.eq(plan.resources[kind][field], value, kind .. "." .. field .. " | " .. show(plan))
      end
    end
  end)
end

test("lexer: typed values and durations in several units", function()
  local toks = lex.tokens("zone us-east1-c, region asia-south2, e2-micro, 10.1.2.0/24, 600s, 20 min, two days, half an hour, 'abc123-def456-net'")
  local kinds = {}
  for _, t in ipairs(toks) do
    if t.kind ~= "punct" and t.kind ~= "word" then kinds[#kinds + 1] = t.kind .. ":" .. tostring(t.value or t.text) end
  end
  expect.same(kinds, { "zone:us-east1-c", "region:asia-south2", "machine:e2-micro", "cidr:10.1.2.0/24", "duration:600",
    "duration:1200", "duration:172800", "duration:1800", "script:abc123-def456-net" })
end)

test("lexer: a bracketed echo of the value before it is dropped, other brackets stay", function()
  local function values(text)
    local out = {}
    for _, t in ipairs(lex.tokens(text)) do
      if t.kind == "number" or t.kind == "duration" then out[#out + 1] = t.kind .. ":" .. t.value
      elseif t.kind == "punct" then out[#out + 1] = t.text end
    end
    return table.concat(out, " ")
  end
  expect.eq(values("twenty seconds (20)"), "duration:20")
  expect.eq(values("20 seconds (twenty)"), "duration:20")
  expect.eq(values("ten (10) seconds"), "duration:10")
  expect.eq(values("ten minutes (10), 1000 (one thousand)"), "duration:600 , number:1000")
  expect.eq(values("20 (twenty seconds) 5"), "number:20 number:5")
  -- not an echo: a different value
  expect.eq(values("30 seconds (20)"), "duration:30 ( number:20 )")
  expect.eq(values("20 (thirty seconds)"), "number:20 ( duration:30 )")
end)

test("parse time is linear: 64 KiB takes under 64 times the 1 KiB time, times 3", function()
  -- not a timing assertion against the clock: a ratio of two runs in the same process, with a wide margin
  local time = require "time"
  local base = "Provision a coldline bucket in us-west1 whose name ends with x5s0j4u572jcbj and a topic named hizxvme6667 keeping messages for 600s. "
  local function cost(kib)
    local text = base:rep(math.ceil(kib * 1024 / #base)):sub(1, kib * 1024)
    local best = math.huge
    for _ = 1, 3 do
      local t0 = time.mono()
      parse.parse(text)
      best = math.min(best, time.mono() - t0)
    end
    return best
  end
  local small, big = cost(1), cost(64)
  expect.truthy(big < small * 64 * 3, ("64 KiB %.1f ms vs 1 KiB %.2f ms: superlinear"):format(big * 1e3, small * 1e3))
end)

test("many storage-class words cost linear work: VM instructions for 4x the text stay under 6x", function()
  -- counted, not timed: "the standard bucket, " over and over with one never-English class word at the end made
  -- every class-word check scan the whole prompt (quadratic: 16x for 4x the text)
  local function instructions(n)
    local text = "Google Cloud: a bucket whose name ends with abc123xyz; " .. ("the standard bucket, "):rep(n) .. "nearline."
    local count = 0
    debug.sethook(function() count = count + 1 end, "", 1000)
    parse.parse(text)
    debug.sethook()
    return count
  end
  local small, big = instructions(200), instructions(800)
  expect.truthy(big < small * 6, ("%d vs %d thousand instructions: superlinear"):format(big, small))
end)

test("hedged startup scripts: one VM per plausible template for a flexible name, none for an exact one", function()
  local build = require "alphacore.build"
  local check = require "alphacore.check"
  local validate = require "alphacore.validate"
  local terraform = require "terraform"
  local json = require "json"
  local prompt = "Launch an e2-small VM whose name starts with hedge7vm2 in us-east1-b whose startup script writes 0a1b2c-3d4e5f to /var/tmp/acore-token."
  local plan = parse.parse(prompt)
  local vm = plan.resources.vm
  expect.same(vm.script_candidates, { "T1", "T2", "T3" })
  vm.hedge = true
  local names = build.names(plan, "mtag01")
  local ws = terraform.workspace { dir = "/nonexistent", project = "p" }
  build.add_resources(ws, plan, names)
  local scripts = {}
  for _, b in ipairs(ws.blocks) do scripts[#scripts + 1] = b.body.metadata_startup_script end
  expect.eq(#scripts, 3)
  expect.same(check.blocks(ws.blocks), {})
  -- whichever template the validator holds, one VM matches it
  for _, tpl in ipairs { "T1", "T2", "T3" } do
    local inv = { { resource_type = "google_compute_instance", comparison_rule = { ["values.name"] = "starts_with" },
      match = { ["values.name"] = "hedge7vm2", ["values.zone"] = "us-east1-b", ["values.machine_type"] = "e2-small",
        ["values.metadata_startup_script"] = build.SCRIPT_TEMPLATES[tpl]:format("0a1b2c-3d4e5f") } } }
    local state = terraform.parse_state(json.encode(build.predict_state(plan, names, "p")))
    expect.eq((validate.score(state, inv)), 1, tpl)
  end
  -- an exact name cannot be hedged (one instance of that name per zone); "echo" rules out printf
  local exact = parse.parse("Launch an e2-small VM named exact7vm2 in us-east1-b whose startup script uses echo to write 0a1b2c-3d4e5f to /var/tmp/acore-token.")
  expect.same(exact.resources.vm.script_candidates, { "T1", "T3" })
  exact.resources.vm.hedge = true
  expect.eq(build.names(exact, "mtag01").vm_hedge, nil)
end)
