-- What GCP itself accepts at create time, beyond the provider schema: real regions and zones, machine types,
-- and the name rules of each resource type. Used by the prompt parser (to recognise any real region or zone)
-- and by the plan checker (to refuse what the API would refuse).
local M = {}

-- Compute regions and their zones (suffixes). Public GCP regions as of 2025.
M.REGIONS = {
  ["us-central1"] = "abcf", ["us-east1"] = "bcd", ["us-east4"] = "abc", ["us-east5"] = "abc", ["us-south1"] = "abc",
  ["us-west1"] = "abc", ["us-west2"] = "abc", ["us-west3"] = "abc", ["us-west4"] = "abc",
  ["northamerica-northeast1"] = "abc", ["northamerica-northeast2"] = "abc", ["northamerica-south1"] = "abc",
  ["southamerica-east1"] = "abc", ["southamerica-west1"] = "abc",
  ["europe-central2"] = "abc", ["europe-north1"] = "abc", ["europe-north2"] = "abc", ["europe-southwest1"] = "abc",
  ["europe-west1"] = "bcd", ["europe-west2"] = "abc", ["europe-west3"] = "abc", ["europe-west4"] = "abc",
  ["europe-west6"] = "abc", ["europe-west8"] = "abc", ["europe-west9"] = "abc", ["europe-west10"] = "abc",
  ["europe-west12"] = "abc", ["me-central1"] = "abc", ["me-central2"] = "abc", ["me-west1"] = "abc",
  ["africa-south1"] = "abc", ["asia-east1"] = "abc", ["asia-east2"] = "abc", ["asia-northeast1"] = "abc",
  ["asia-northeast2"] = "abc", ["asia-northeast3"] = "abc", ["asia-south1"] = "abc", ["asia-south2"] = "abc",
  ["asia-southeast1"] = "abc", ["asia-southeast2"] = "abc", ["australia-southeast1"] = "abc",
  ["australia-southeast2"] = "abc",
}

-- Multi-region locations: Cloud Storage (upper case) and Artifact Registry (lower case).
M.BUCKET_MULTI = { US = true, EU = true, ASIA = true, NAM4 = true, EUR4 = true, ASIA1 = true, EUR5 = true, EUR7 = true,
  EUR8 = true }
M.REPO_MULTI = { us = true, europe = true, asia = true }

function M.is_region(s) return M.REGIONS[s] ~= nil end

function M.is_zone(s)
  local region, z = tostring(s):match("^(.+)%-(%l)$")
  local zones = region and M.REGIONS[region]
  return zones ~= nil and zones:find(z, 1, true) ~= nil
end

function M.region_of_zone(zone) return (tostring(zone):match("^(.+)%-%l$")) end

-- Machine types by series: predefined shapes (vCPU counts) per kind.
local SHAPES = {
  e2 = { standard = { 2, 4, 8, 16, 32 }, highmem = { 2, 4, 8, 16 }, highcpu = { 2, 4, 8, 16, 32 } },
  n1 = { standard = { 1, 2, 4, 8, 16, 32, 64, 96 }, highmem = { 2, 4, 8, 16, 32, 64, 96 }, highcpu = { 2, 4, 8, 16, 32, 64, 96 } },
  n2 = { standard = { 2, 4, 8, 16, 32, 48, 64, 80, 96, 128 }, highmem = { 2, 4, 8, 16, 32, 48, 64, 80, 96, 128 },
    highcpu = { 2, 4, 8, 16, 32, 48, 64, 80, 96 } },
  n2d = { standard = { 2, 4, 8, 16, 32, 48, 64, 80, 96, 128, 224 }, highmem = { 2, 4, 8, 16, 32, 48, 64, 80, 96 },
    highcpu = { 2, 4, 8, 16, 32, 48, 64, 80, 96, 128, 224 } },
  t2d = { standard = { 1, 2, 4, 8, 16, 32, 48, 60 } },
  c2 = { standard = { 4, 8, 16, 30, 60 } },
  c3 = { standard = { 4, 8, 22, 44, 88, 176 }, highmem = { 4, 8, 22, 44, 88, 176 }, highcpu = { 4, 8, 22, 44, 88, 176 } },
}
local SHARED_CORE = { ["e2-micro"] = true, ["e2-small"] = true, ["e2-medium"] = true, ["f1-micro"] = true, ["g1-small"] = true }
-- Series offered in every region above; the others only where listed (a conservative subset).
local SERIES_EVERYWHERE = { e2 = true, n1 = true, n2 = true }
local SERIES_REGIONS = {
  n2d = { "us-central1", "us-east1", "us-east4", "us-west1", "us-west2", "us-west4", "europe-west1", "europe-west2",
    "europe-west3", "europe-west4", "asia-east1", "asia-northeast1", "asia-south1", "asia-southeast1",
    "southamerica-east1", "northamerica-northeast1", "australia-southeast1" },
  t2d = { "us-central1", "us-east1", "us-west1", "europe-west1", "europe-west4", "asia-southeast1" },
  c2 = { "us-central1", "us-east1", "us-east4", "us-west1", "europe-west1", "europe-west4", "asia-east1",
    "asia-northeast1", "asia-southeast1" },
  c3 = { "us-central1", "us-east1", "us-east4", "us-west1", "europe-west1", "europe-west4", "asia-southeast1",
    "asia-northeast1" },
}

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end
for series, regions in pairs(SERIES_REGIONS) do SERIES_REGIONS[series] = set_of(regions) end

-- Is `mt` a real machine type? (predefined shapes, shared-core types, and e2/n1/n2/n2d custom shapes)
function M.is_machine_type(mt)
  mt = tostring(mt)
  if SHARED_CORE[mt] then return true end
  local series, kind, cpus = mt:match("^(%w+)%-(%a+)%-(%d+)$")
  if series and SHAPES[series] and SHAPES[series][kind] then
    for _, n in ipairs(SHAPES[series][kind]) do if tostring(n) == cpus then return true end end
    return false
  end
  local cseries = mt:match("^(%w+)%-custom%-%d+%-%d+$") or (mt:match("^custom%-%d+%-%d+$") and "n1")
  return cseries ~= nil and SHAPES[cseries] ~= nil
end

function M.series_of(mt)
  mt = tostring(mt)
  if mt:match("^custom%-") or mt == "f1-micro" or mt == "g1-small" then return "n1" end
  return (mt:match("^(%w+)%-"))
end

-- nil when the machine type exists in the zone's region, else the reason.
function M.machine_type_problem(mt, zone)
  if not M.is_machine_type(mt) then return ("%s is not a Compute Engine machine type"):format(tostring(mt)) end
  local region = M.region_of_zone(zone)
  local series = M.series_of(mt)
  if region and not SERIES_EVERYWHERE[series] and not (SERIES_REGIONS[series] or {})[region] then
    return ("%s machine types are not offered in %s"):format(series, region)
  end
  return nil
end

-- ---- names ----

-- RFC 1035 label as the Compute API checks it: [a-z]([-a-z0-9]*[a-z0-9])?, at most `max` characters.
function M.rfc1035(name, max)
  name = tostring(name)
  if #name < 1 or #name > (max or 63) then return false end
  return name:match("^[a-z]$") ~= nil or name:match("^[a-z][%-a-z0-9]*[a-z0-9]$") ~= nil
end

-- Cloud Storage bucket names (dotless form): 3-63 of [a-z0-9_-], starting and ending with a letter or digit,
-- not starting with "goog", not containing "google" (or close misspellings).
function M.bucket_name_problem(name)
  name = tostring(name)
  if #name < 3 or #name > 63 then return "bucket names are 3-63 characters" end
  if not name:match("^[a-z0-9][a-z0-9_%-]*[a-z0-9]$") then
    return "bucket names use a-z, 0-9, - and _ and start and end with a letter or digit"
  end
  if name:match("^goog") then return "bucket names cannot start with goog" end
  if name:find("google", 1, true) or name:find("g00gle", 1, true) then return "bucket names cannot contain google" end
  return nil
end

-- Pub/Sub topic and subscription ids: 3-255, start with a letter, [A-Za-z0-9-_.~+%], not starting with goog.
function M.pubsub_name_problem(name)
  name = tostring(name)
  if #name < 3 or #name > 255 then return "Pub/Sub names are 3-255 characters" end
  if not name:match("^%a[%w%-%_%.~%+%%]*$") then return "Pub/Sub names start with a letter and use [A-Za-z0-9-_.~+%]" end
  if name:lower():match("^goog") then return "Pub/Sub names cannot start with goog" end
  return nil
end

-- Durations as Google APIs write them: "600s", "3.5s".
function M.duration_seconds(s)
  local n = tostring(s):match("^(%d+%.?%d*)s$")
  return n and tonumber(n) or nil
end

-- A private-use or public IPv4 CIDR with no host bits set, prefix 8..29 (what a subnetwork accepts).
function M.cidr_problem(cidr)
  local a, b, c, d, p = tostring(cidr):match("^(%d+)%.(%d+)%.(%d+)%.(%d+)/(%d+)$")
  if not a then return "not an IPv4 CIDR range" end
  local octets = { tonumber(a), tonumber(b), tonumber(c), tonumber(d) }
  for _, o in ipairs(octets) do if o > 255 then return "octet out of range" end end
  p = tonumber(p)
  if p < 8 or p > 29 then return "subnetwork prefixes are /8 to /29" end
  local ip = ((octets[1] * 256 + octets[2]) * 256 + octets[3]) * 256 + octets[4]
  local host = 2 ^ (32 - p)
  if ip % host ~= 0 then return "host bits set in " .. cidr end
  return nil
end

return M
