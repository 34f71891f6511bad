-- Run by hcl.test.mjs: `miner exec tests/js/hcl_cases.lua OUT.json`. Emits each document in native and JSON
-- syntax plus the structure @cdktf/hcl2json must parse the native text into (blocks as arrays of bodies,
-- template sequences kept escaped as $${ and %%{, references as "${...}").
local hcl = require "hcl"
local json = require "json"
local fs = require "fs"

local B, ref = hcl.block, hcl.ref

local function tmpl(s) return (s:gsub("%$%{", "$${"):gsub("%%%{", "%%%%{")) end

local function expect_value(v)
  if type(v) == "string" then return tmpl(v) end
  if type(v) == "table" then
    if getmetatable(v) and v.expr then return "${" .. v.expr .. "}" end
    local out = {}
    if json.is_array(v) or #v > 0 then
      for i, x in ipairs(v) do out[i] = expect_value(x) end
      return json.array(out)
    end
    for k, x in pairs(v) do out[k] = expect_value(x) end
    return out
  end
  return v
end

local function expect_body(body)
  local out = {}
  for k, v in pairs(body) do
    if type(k) == "string" and k ~= "__order" then out[k] = expect_value(v) end
  end
  for _, blk in ipairs(body) do
    local node = out
    local keys = { blk.type }
    for _, l in ipairs(blk.labels) do keys[#keys + 1] = l end
    for i = 1, #keys - 1 do
      node[keys[i]] = node[keys[i]] or {}
      node = node[keys[i]]
    end
    local last = keys[#keys]
    node[last] = node[last] or json.array()
    table.insert(node[last], expect_body(blk.body))
  end
  return out
end

local script = "#!/bin/bash\nset -euo pipefail\necho 'd7c95f-3771e6' > /var/tmp/acore-token\n"
local cases = {
  { name = "terraform block and providers", doc = {
    B("terraform", {}, { required_version = ">= 1.5.0",
      B("required_providers", {}, { google = { source = "hashicorp/google", version = "7.12.0" } }) }),
    B("provider", "google", { project = "miner-project-1", region = "us-central1" }) } },
  { name = "network stack with references", doc = {
    B("resource", { "google_compute_network", "net" }, { name = "tok-ab12-tok", auto_create_subnetworks = false }),
    B("resource", { "google_compute_subnetwork", "sub" }, { name = "n2s38d8u", region = "us-central1",
      ip_cidr_range = "10.154.213.0/24", network = ref("google_compute_network.net.id") }),
    B("resource", { "google_compute_firewall", "fw" }, { name = "s1u75p5s", network = ref("google_compute_network.net.id"),
      direction = "INGRESS", priority = 1001, disabled = false, source_ranges = { "0.0.0.0/0" },
      B("allow", {}, { protocol = "tcp", ports = { "80" } }) }),
    B("resource", { "google_compute_instance", "vm" }, { name = "j89pzao6maam", zone = "us-central1-c",
      machine_type = "e2-medium", metadata_startup_script = script,
      B("boot_disk", {}, { B("initialize_params", {}, { image = "debian-cloud/debian-12" }) }),
      B("network_interface", {}, { subnetwork = ref("google_compute_subnetwork.sub.id") }) }) } },
  { name = "escaping edge cases", doc = { B("locals", {}, {
    shell = "echo ${HOME} and %{ if x }y%{ endif } and $${already} $$plain $ % {",
    quotes = 'say "hi" \\ back\\slash',
    controls = "tab\there\rcr\1one\127del",
    unicode = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
    oneline_newline = "no trailing newline\nsecond line",
    heredoc_collision = "line\nEOT\nEOT1\n",
    heredoc_template = "x=${y}\n  indented %{z}\n\tTAB\n",
    empty = "", dollar_end = "cost $", percent_end = "100%",
    json_like = '{"a": [1, 2]}',
  }) } },
  { name = "numbers, bools, null, lists, maps", doc = { B("locals", {}, {
    int = 42, neg = -7, big = 9007199254740993, float = 0.1, tiny = 1e-7, huge = 1e21, whole = 3.0,
    yes = true, no = false, nothing = json.null,
    list = { "a", 1, true }, empty_list = json.array(), nested_list = { { "x" }, { "y", "z" } },
    map = { ["for"] = 1, ["x-y"] = 2, ["has space"] = "v", ["9starts"] = true, normal = { deep = { deeper = "d" } } },
    empty_map = {}, list_of_maps = { { a = 1, b = "two" }, { c = ref("var.x") } },
  }) } },
  { name = "empty block, labels needing escapes, order and meta-arguments", doc = {
    B("resource", { "google_pubsub_topic", "t" }, { name = "xyctzkz50c48k1", message_retention_duration = "900s",
      depends_on = { ref("google_pubsub_topic.other") }, count = 1, B("lifecycle", {}, {}) }),
    B("resource", { "google_pubsub_topic", "other" }, { name = "other", __order = { "name" } }),
    B("thing", { 'label "quoted"', "back\\slash" }, {}),
    B("resource", { "google_pubsub_subscription", "s" }, { name = "we20f44pv5herers", topic = ref("google_pubsub_topic.t.id"),
      ack_deadline_seconds = 30, retain_acked_messages = true, B("expiration_policy", {}, { ttl = "172800s" }) }) } },
  { name = "repeated nested blocks", doc = {
    B("resource", { "google_compute_firewall", "multi" }, { name = "m", network = "default",
      B("allow", {}, { protocol = "tcp", ports = { "22", "80" } }), B("allow", {}, { protocol = "icmp" }) }) } },
}

local out = {}
for i, c in ipairs(cases) do
  local text = assert(hcl.encode(c.doc))
  local jtext = assert(hcl.encode_json(c.doc))
  out[i] = { name = c.name, hcl = text, json = jtext, expected = expect_body(c.doc) }
end
assert(fs.write((...), json.encode(json.array(out))))
return 0
