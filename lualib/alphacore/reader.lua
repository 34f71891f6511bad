-- Stages 2-4 of the free-text front end: tokens (lex.lua) -> sentences and resource mentions -> values bound to
-- the mention whose clause holds them -> a plan in the shape build.lua reads.
--   reader.read(plan, norm) fills plan.resources and plan.ambiguities.
-- Rules, in order: a typed value binds to the nearest mention before it in its sentence that accepts that type
-- and has the slot free; else to the next one after it (value before its cue); a value stated before every
-- mention of a sentence, or in a sentence saying "both"/"each"/"all", goes to every accepting mention there;
-- else to the only accepting resource of the prompt. Anything left is an ambiguity, logged, never dropped
-- silently. Negated mentions ("no firewall", "without a subnet") and incidental ones ("the default network",
-- "auto-create subnetworks") create nothing. Each token is visited a bounded number of times: linear time.
local lex = require "alphacore.lex"
local words = require "alphacore.words"
local gcp = require "alphacore.gcp"
local find, byte = string.find, string.byte

local M = {}

local HEADS = {
  topic = "topic", topics = "topic", feed = "topic", subscription = "subscription", subscriptions = "subscription",
  subscribe = "subscription", subscriber = "subscription",
  bucket = "bucket", buckets = "bucket", object = "object", objects = "object", file = "object", blob = "object",
  repository = "repo", repo = "repo", registry = "repo",
  vpc = "vpc", network = "vpc", networks = "vpc", vnet = "vpc",
  subnet = "subnet", subnetwork = "subnet", subnets = "subnet", subnetworks = "subnet",
  firewall = "firewall", rule = "firewall",
  vm = "vm", vms = "vm", instance = "vm", server = "vm", machine = "vm", box = "vm", host = "vm",
  dns = "dns",
}

local NEGATORS = { no = true, ["not"] = true, without = true, never = true, skip = true, avoid = true, nor = true,
  neither = true, dont = true, don = true, zero = true, omit = true, exclude = true }

local STARTS = { start = true, starts = true, starting = true, begin = true, begins = true, beginning = true,
  prefix = true, prefixed = true, leading = true, prefixes = true, opens = true, opening = true, lead = true,
  leads = true, initial = true }
local ENDS = { ["end"] = true, ends = true, ending = true, suffix = true, suffixed = true, trailing = true,
  terminating = true, terminates = true, suffixes = true, finishes = true, finish = true, finishing = true,
  closes = true, closing = true, trails = true, tail = true, final = true }

local CONTENT_CUES = { content = true, contents = true, containing = true, contains = true, contain = true,
  carrying = true, carries = true,
  body = true, reads = true, read = true, says = true, say = true, payload = true, text = true, holding = true,
  holds = true }

local STRONG_CONTENT_CUES = { content = true, contents = true, body = true, payload = true, containing = true,
  contains = true, text = true }

-- the verbs of upstream's rule-reference shape "Use V for <resource> <field>"
local USE_VERBS = { use = true, using = true, uses = true, set = true, choose = true, pick = true }

local STORAGE_CLASSES = { standard = true, nearline = true, coldline = true, archive = true }
local FORMATS = { docker = true, python = true, maven = true, npm = true, apt = true, yum = true }
local BOOL_WORDS = { ["true"] = true, yes = true, enabled = true, on = true, ["false"] = false, no = false,
  disabled = false, off = false }

-- Which resource kinds accept a value of each slot.
local SLOT_KINDS = {
  region = { subnet = true, bucket = true, repo = true },
  zone = { vm = true }, machine = { vm = true }, script = { vm = true },
  cidr = { subnet = true }, source_cidr = { firewall = true },
  storage_class = { bucket = true }, format = { repo = true },
  retention = { topic = true, subscription = true }, ttl = { subscription = true }, ack = { subscription = true },
  priority = { firewall = true }, port = { firewall = true }, protocol = { firewall = true },
  content = { object = true }, dns_name = { dns = true },
}

local function note(plan, fmt, ...) plan.ambiguities[#plan.ambiguities + 1] = fmt:format(...) end

local function is_boundary(t, toks, i)
  -- "... zone1.acore.example. Grant ...": the domain kept the sentence's full stop
  if t.kind == "domain" and t.text:sub(-1) == "." then
    local nxt = toks[i + 1]
    return nxt == nil or nxt.text:match("^%u") ~= nil
  end
  if t.kind ~= "punct" then return false end
  if t.text == "." or t.text == ";" or t.text == "?" then return true end
  if t.text == "!" then
    local nxt = toks[i + 1]
    return not (nxt and nxt.s == t.e + 1)
  end
  return false
end

-- ---- stage 2: sentences and mentions ----

local VM_NOUNS = { vm = true, vms = true, instance = true, machine = true, server = true, box = true, host = true }

-- The words other than HEADS that can still name a kind (see mention_kind).
local NON_HEAD_CUES = { net = true, fw = true, zone = true, zones = true, cloud = true, range = true, ranges = true }

local function mention_kind(toks, i)
  local t = toks[i]
  -- "Compute: e2-small in us-central1-f, name starting with X", "the bastion is an e2-small in ...": a machine
  -- type used as the noun names the VM
  if t.kind == "machine" then
    local p, n = toks[i - 1], toks[i + 1]
    local pw, nw = p and p.lower or "", n and n.lower or ""
    if not VM_NOUNS[nw] and nw ~= "machine" and pw ~= "type" and pw ~= "types" and pw ~= "size" and pw ~= "as"
        and pw ~= "runs" and pw ~= "sized" and pw ~= "shape" and nw ~= "-" then
      return "vm"
    end
    return nil
  end
  if t.kind ~= "word" and t.kind ~= "ident" then return nil end
  local w = t.lower
  local kind = HEADS[w]
  if not kind and t.kind == "word" and not NON_HEAD_CUES[w] then return nil end -- most words: decided at once
  local prev, nxt = toks[i - 1], toks[i + 1]
  local pw, nw = prev and prev.lower or "", nxt and nxt.lower or ""
  if not kind then
    -- ticket labels: "net: name starts with X", "fw: ..."
    if (w == "net" or w == "fw") and nw == ":" then return w == "net" and "vpc" or "firewall" end
    if (w == "zone" or w == "zones") and (pw == "dns" or pw == "managed") then return "dns" end
    local compute_zone = pw == "in" or pw == "availability" or pw == "compute"
    -- "zone s1gh9vf1468bg": a name-like word after a bare "zone" (a compute zone is lexed as a zone value)
    if w == "zone" and not compute_zone and nxt and nxt.kind == "ident" and nxt.lower:find("%d")
        and nxt.lower:find("%a") and not nxt.lower:find("[%.%-]") then
      return "dns"
    end
    -- a bare "zone" is a DNS zone only with a domain close by ("a zone ending with X (dns name X.acore.example.)")
    if w == "zone" and not compute_zone and pw ~= "its" then
      for j = math.max(1, i - 12), math.min(#toks, i + 12) do
        if toks[j].kind == "domain" and toks[j].lower:find("%a%.?$") and not toks[j].lower:find("tfstate", 1, true) then
          return "dns"
        end
      end
    end
    -- "allow-rule", "sub-network", "pubsub-topic": the last part names the kind
    if w == "sub-network" or w == "sub-net" or w == "sub-networks" then return "subnet" end
    local last = t.kind == "ident" and w:match("%-(%a+)$")
    -- (but "the data-vpc network": a name right before the noun of its own kind)
    if last and HEADS[last] and not w:find("%d") and HEADS[nw] ~= HEADS[last] then return HEADS[last] end
    if w == "cloud" and pw == "private" then return "vpc" end -- "virtual private cloud"
    if (w == "range" or w == "ranges") and pw == "ip" and not (nxt and nxt.kind == "cidr") then return "subnet" end
    return nil
  end
  if kind == "bucket" and (nw == "object" or nw == "file" or nw == "objects" or nw == "blob") then return nil end
  if kind == "object" and (nw == "storage" or nw == "store") then return nil end -- "an object storage bucket"
  if kind == "vm" and w == "machine" and (nw == "type" or nw == "types" or not (pw == "virtual" or pw == "engine"
      or pw == "the" or pw == "a" or pw == "one" or pw == "this" or pw == "that" or pw == "lone" or pw == "single"
      or (prev and prev.kind == "machine"))) then
    return nil
  end
  if kind == "vm" and w == "instance" and (pw == "cloud" or nw == "template") then return nil end
  if kind == "vm" and w == "host" and not (pw == "gce" or pw == "compute" or pw == "vm" or pw == "linux"
      or pw == "a" or pw == "one" or pw == "the" or pw == "single" or nw == ":") then
    return nil
  end
  if kind == "vpc" and (nw == "interface" or nw == "tags" or nw == "tag") then return nil end
  if kind == "subnet" then
    -- "auto create subnetworks", "automatic subnet creation", "subnet mode"
    local p2 = prev and prev.kind ~= "punct" and toks[i - 2] and toks[i - 2].lower or ""
    -- a singular noun after a bare "create" is an imperative: "Create subnetwork x in ..."
    local imperative = pw == "create" and not w:match("s$") and not HEADS[p2] and p2 ~= "not" and p2 ~= "to"
    if pw:match("^auto") or (pw == "create" and not imperative) or pw == "created" or p2:match("^auto") or nw == "creation" or nw == "mode"
      or nw:match("^auto") then
      return nil
    end
  end
  if kind == "dns" and (nw == "name" and HEADS[pw]) then return nil end
  if kind == "repo" and w == "registry" and nw == "repository" then return nil end
  if kind == "firewall" and w == "rule" and pw == "firewall" then return nil end
  if kind == "firewall" and w == "rule" and (STARTS[pw] or ENDS[pw] or pw == "naming" or pw == "same") then return nil end
  return kind
end

-- The tokens after which a new clause starts (a negation before them does not reach past them).
local CLAUSE_STARTERS = { [","] = true, [":"] = true, [";"] = true, ["("] = true, [")"] = true, ["and"] = true,
  but = true, plus = true, ["then"] = true }

-- "Add a firewall: direction ingress; network starting with X; priority 1001; name ending with Y": a semicolon
-- before one more field of the same resource (a field word, a value, or a resource word that only refers, "network
-- starting with X", "network x1y2z3") joins clauses of one sentence; before anything else it ends the sentence.
local FIELD_WORDS = { direction = true, priority = true, name = true, protocol = true, ports = true, port = true,
  disabled = true, enabled = true, region = true, zone = true, location = true, storage = true, class = true,
  content = true, machine = true, metadata = true, ip = true, cidr = true, ack = true, ttl = true, message = true,
  retention = true, retain = true, acked = true, expiration = true, expiry = true, format = true, auto = true,
  type = true, startup = true, id = true, allow = true, allowing = true, tcp = true, udp = true, icmp = true,
  ingress = true, egress = true, its = true }
local VALUE_KINDS = { region = true, zone = true, machine = true, cidr = true, duration = true, number = true,
  script = true, quoted = true }
local function field_fragment(toks, j)
  local t = toks[j]
  if not t then return false end
  if VALUE_KINDS[t.kind] then return true end
  local w = t.lower
  if FIELD_WORDS[w] then return true end -- ("machine type", not the VM noun)
  if HEADS[w] then
    local n = toks[j + 1]
    local nw = n and n.lower
    return nw ~= nil and (STARTS[nw] or ENDS[nw] or nw == "equals" or nw == ":" or nw == "is"
      or (n.kind == "ident" and find(nw, "%d") ~= nil)) or false
  end
  return false
end

-- The mention token i makes (of kind), negated when a negator of its clause comes before it ("no firewall rules")
-- or it goes on a negated list ("do not create a VPC or any subnet").
local function new_mention(toks, i, kind, clause_start, cur, sentence_no)
  local negated, default = false, false
  for j = i - 1, math.max(clause_start, i - 5), -1 do
    local w = toks[j].lower
    -- "not disabled E2-micro instance": the negator belongs to the state word right after it
    local nw2 = toks[j + 1] and toks[j + 1].lower
    if NEGATORS[w] and not (nw2 == "disabled" or nw2 == "enabled" or nw2 == "active" or nw2 == "public"
        or nw2 == "private" or nw2 == "exposed") then
      negated = true
    end
    if w == "default" or w == "existing" then default = true end
    if toks[j].kind == "ident" or toks[j].kind == "email" then break end
  end
  local last = cur.mentions[#cur.mentions]
  if not negated and last and last.negated and i - last.i <= 4 then
    local joined = true
    for j = last.i + 1, i - 1 do
      local w = toks[j].lower
      if not (w == "or" or w == "nor" or w == "and" or w == "any" or w == "a" or w == "an" or w == "the" or w == ",") then
        joined = false
      end
    end
    negated = joined
  end
  return { kind = kind, i = i, negated = negated, default = default and kind == "vpc", sentence = sentence_no }
end

-- A list the model wrote despite "no lists" reaches us flattened: upstream strips "- " and "1. " and joins the
-- lines, so "... docker Bucket - nearline, us-west1 ..." or "... starts with X Create the DNS zone ..." has no
-- full stop between items. A capitalised resource label ("Bucket -", "VPC:") or a capitalised imperative after a
-- word that ends no sentence starts a new one.
local ITEM_VERBS = { create = true, add = true, stand = true, set = true, provision = true, deploy = true,
  upload = true, launch = true, put = true, make = true, build = true, configure = true, attach = true, spin = true,
  allow = true, open = true, restrict = true, use = true, also = true, ["then"] = true, finally = true, next = true,
  place = true, drop = true, give = true, point = true, keep = true, carve = true, define = true, run = true }
local DETERMINERS = { the = true, a = true, an = true, is = true, its = true, this = true, that = true, our = true,
  your = true, one = true, each = true, every = true, same = true, of = true, ["for"] = true, to = true, ["and"] = true }
local function item_start(toks, i)
  local t, p = toks[i], toks[i - 1]
  if not p or p.kind == "punct" or p.boundary or t.kind ~= "word" then return false end
  local b = byte(t.text, 1)
  if not (b and b >= 65 and b <= 90) then return false end -- capitalised as the model wrote it
  if DETERMINERS[p.lower] then return false end -- "X is the VM: e2-small, ..." is one sentence
  local n = toks[i + 1]
  if HEADS[t.lower] and n and (n.text == "-" or n.text == ":") then return true end
  return ITEM_VERBS[t.lower] ~= nil and n ~= nil and n.kind ~= "punct"
end

-- Sentences (token index ranges) and the mentions in each, with negation and the default-network reference.
local function structure(toks)
  local sentences, mentions = {}, {}
  local cur = { first = 1, mentions = {}, kinds = {} }
  local clause_start = 1
  local depth = 0
  local sentence_no, n_cur = 1, 0 -- the sentence being read, and its mentions so far
  for i, t in ipairs(toks) do
    local tk = t.kind
    t.index = i
    if tk == "word" and t.text ~= t.lower and item_start(toks, i) then -- (only a capitalised word can start one)
      toks[i - 1].boundary = true
      cur.last = i - 1
      sentences[sentence_no] = cur
      sentence_no, n_cur = sentence_no + 1, 0
      cur = { first = i, mentions = {}, kinds = {} }
      clause_start = i
    end
    if CLAUSE_STARTERS[t.lower] and (tk == "punct" or tk == "word") then clause_start = i + 1 end
    local kind = mention_kind(toks, i)
    if kind then
      local m = new_mention(toks, i, kind, clause_start, cur, sentence_no)
      mentions[#mentions + 1] = m
      n_cur = n_cur + 1
      cur.mentions[n_cur] = m
    end
    t.sentence = sentence_no
    local kinds = cur.kinds
    kinds[tk] = (kinds[tk] or 0) + 1
    t.mprev = kind and n_cur - 1 or n_cur
    if tk == "word" then
      if t.lower == "respectively" then cur.respectively = true end
    elseif tk == "punct" or tk == "domain" then
      local tx = t.text
      if tx == "(" then depth = depth + 1 elseif tx == ")" and depth > 0 then depth = depth - 1 end
      -- "VPC (suffix: X; auto create subnetworks: false)": a semicolon inside parentheses is not a sentence end
      t.boundary = is_boundary(t, toks, i) and not (tx == ";" and (depth > 0 or field_fragment(toks, i + 1)))
      if t.boundary then
        cur.last = i
        sentences[sentence_no] = cur
        sentence_no, n_cur = sentence_no + 1, 0
        cur = { first = i + 1, mentions = {}, kinds = {} }
        clause_start = i + 1
      end
    end
  end
  cur.last = #toks
  sentences[sentence_no] = cur
  return sentences, mentions
end

-- ---- stage 3: binding ----

local Binder = {}
Binder.__index = Binder

function Binder:res(kind)
  local r = self.plan.resources[kind]
  if not r then
    r = { kind = kind }
    self.plan.resources[kind] = r
  end
  return r
end

-- The mention of a sentence nearest before token i (and the one nearest after), skipping negated ones.
function Binder:around(i)
  local t = self.toks[i]
  local sent = self.sentences[t.sentence]
  return sent.mentions[t.mprev], sent.mentions[t.mprev + 1], sent
end

local function usable(self, m, kinds)
  return m and not m.negated and not m.default and kinds[m.kind] and self.created[m.kind]
end

-- Binds slot=value on the best resource for token i; `free(kind)` tells whether that kind's slot is open.
function Binder:bind(i, slot, value, set)
  local kinds = SLOT_KINDS[slot]
  local before, after, sent = self:around(i)
  local function free(kind) return self.plan.resources[kind] and self.plan.resources[kind][set.field or slot] == nil end
  local targets = {}
  -- shared: stated before every mention of its sentence, or in a "both/each/all" sentence
  local first = sent.mentions[1]
  -- shared only when this is the sentence's one value of its kind ("in X, a bucket and a repo"), not when each
  -- resource gets its own ("X is where the bucket lives, while the repository goes to Y")
  local alone = (sent.kinds[self.toks[i].kind] or 0) <= 1
  if ((first and first.i > i) or sent.shared) and alone then
    for k = 1, math.min(#sent.mentions, 16) do
      local m = sent.mentions[k]
      if usable(self, m, kinds) and free(m.kind) then targets[m.kind] = true end
    end
    local n = 0
    for _ in pairs(targets) do n = n + 1 end
    if n > 1 or (n == 1 and sent.shared) then
      for kind in pairs(targets) do set.fn(self:res(kind), value) end
      return true
    end
    targets = {}
  end
  -- nearest before, walking back over at most 8 mentions of the sentence
  local idx = self.toks[i].mprev
  for k = idx, math.max(1, idx - 7), -1 do
    local m = sent.mentions[k]
    if m and usable(self, m, kinds) and free(m.kind) then set.fn(self:res(m.kind), value) return true end
  end
  -- value before its cue: the next mention of the sentence
  for k = idx + 1, math.min(#sent.mentions, idx + 8) do
    local m = sent.mentions[k]
    if usable(self, m, kinds) and free(m.kind) then set.fn(self:res(m.kind), value) return true end
  end
  -- "... repository whose id begins with X; put it in us-west1.": a sentence with no noun of its own and a
  -- pronoun refers to the last fitting resource of the sentences before it
  if #sent.mentions == 0 then
    local pronoun = false
    for j = sent.first, sent.last do
      local w = self.toks[j].lower
      if w == "it" or w == "its" or w == "them" or w == "they" then pronoun = true break end
    end
    if pronoun then
      for si = self.toks[i].sentence - 1, math.max(1, self.toks[i].sentence - 2), -1 do
        local ms = self.sentences[si].mentions
        for k = #ms, math.max(1, #ms - 5), -1 do
          if usable(self, ms[k], kinds) and free(ms[k].kind) then set.fn(self:res(ms[k].kind), value) return true end
        end
      end
    end
    -- "Bucket: name ends with X; location: us-east1; storage class: nearline.": fields after semicolons belong
    -- to the resource that opened the semicolon chain
    local si = self.toks[i].sentence - 1
    while si >= 1 and self.toks[self.sentences[si].last].text == ";" do
      local ms = self.sentences[si].mentions
      if #ms > 0 then
        local m = ms[#ms]
        if usable(self, m, kinds) and free(m.kind) then set.fn(self:res(m.kind), value) return true end
        break
      end
      si = si - 1
    end
  end
  -- the only resource of the prompt that takes it
  local only
  for kind in pairs(kinds) do
    if self.created[kind] and free(kind) then
      if only then only = false break end
      only = kind
    end
  end
  if only then set.fn(self:res(only), value) return true end
  return false
end

local function setter(field, transform)
  return { field = field, fn = function(r, v) r[field] = transform and transform(v) or v end }
end

-- Window helpers (bounded, within the sentence).
-- Up to n tokens from token i in direction step (-1 back, 1 forward), nearest first, not past the sentence.
function Binder:window(i, n, step)
  local out, s = {}, self.toks[i].sentence
  local last = step < 0 and math.max(1, i - n) or math.min(#self.toks, i + n)
  for j = i + step, last, step do
    local t = self.toks[j]
    if t.sentence ~= s or t.boundary then break end
    out[#out + 1] = t
  end
  return out
end

function Binder:words_back(i, n) return self:window(i, n, -1) end
function Binder:words_fwd(i, n) return self:window(i, n, 1) end

-- Which Pub/Sub slot a duration or number near token i fills, by the nearest cue word.
local ACK = { ack = true, acks = true, acknowledge = true, acknowledgement = true, acknowledgment = true, deadline = true }
local TTL = { ttl = true, expiration = true, expire = true, expires = true, expiry = true, inactivity = true,
  inactive = true, idle = true, expiring = true }
local RET = { retention = true, retain = true, retains = true, keep = true, keeps = true, kept = true, hold = true,
  holds = true, store = true, stores = true, retained = true, retaining = true, persist = true, keeping = true }
function Binder:duration_cue(i)
  local best, dist
  local function look(list, sign)
    for k, t in ipairs(list) do
      local w = t.lower
      local cue = ACK[w] and "ack" or TTL[w] and "ttl" or RET[w] and "retention" or nil
      if cue == "retention" then
        -- "retain acked messages" is the boolean, not a duration
        local j = t.index
        local n1 = self.toks[j + 1] and self.toks[j + 1].lower or ""
        local n2 = self.toks[j + 2] and self.toks[j + 2].lower or ""
        if n1 == "acked" or n1 == "acknowledged" or n2 == "acked" or n2 == "acknowledged" then cue = nil end
      end
      if cue and (not dist or k < dist) then best, dist = cue, k end
      if t.kind == "duration" or (t.kind == "number" and k > 1) then break end
      -- looking back, a cue belongs to this value only within its clause: "TTL 259200s and thirty seconds the ack"
      if sign < 0 and (w == "and" or w == "," or w == ";" or w == "while" or w == "plus") then break end
    end
  end
  look(self:words_back(i, 7), -1)
  local back_best, back_dist = best, dist
  best, dist = nil, nil
  -- "Use 10 for the pubsub subscription ack deadline seconds": upstream's rule-reference shape puts the value
  -- before a long field name
  local p, n = self.toks[i - 1], self.toks[i + 1]
  local use_for = p and USE_VERBS[p.lower] and n and n.lower == "for"
  look(self:words_fwd(i, use_for and 8 or 4), 1)
  if back_best and (not best or back_dist <= dist + 1) then return back_best end
  return best
end

local function seconds(n) return ("%ds"):format(n) end

function Binder:durations()
  for i, t in ipairs(self.toks) do
    if t.kind == "duration" or (t.kind == "number" and not t.used) then
      local cue = self:duration_cue(i)
      local v = t.value
      if t.kind == "number" and cue ~= "ack" and cue ~= "ttl" then cue = nil end
      if cue == "ack" then
        if not self:bind(i, "ack", v, setter("ack")) then note(self.plan, "ack deadline %ds has no subscription", v) end
        t.used = true
      elseif cue == "ttl" then
        if not self:bind(i, "ttl", v, setter("ttl", seconds)) then note(self.plan, "ttl %ds has no subscription", v) end
        t.used = true
      elseif cue == "retention" and t.kind == "duration" then
        local before = self:around(i)
        local target = (before and before.kind == "subscription" and self.created.subscription) and "subscription" or "topic"
        if self.created[target] and self.plan.resources[target].retention == nil then
          self.plan.resources[target].retention = seconds(v)
        elseif not self:bind(i, "retention", v, setter("retention", seconds)) then
          note(self.plan, "retention %ds could not be bound", v)
        end
        t.used = true
      elseif t.kind == "duration" then
        -- no cue: the mention's own reading, then the value's magnitude
        local before = self:around(i)
        local kind = before and before.kind
        if kind == "topic" then self:bind(i, "retention", v, setter("retention", seconds))
        elseif self.created.subscription and v <= 600 and self:bind(i, "ack", v, setter("ack")) then
          note(self.plan, "duration %ds read as the ack deadline (no cue word)", v)
        elseif self.created.subscription and v >= 86400 and self:bind(i, "ttl", v, setter("ttl", seconds)) then
          note(self.plan, "duration %ds read as the expiration ttl (no cue word)", v)
        elseif self.created.topic and self:bind(i, "retention", v, setter("retention", seconds)) then
          note(self.plan, "duration %ds read as the topic retention (no cue word)", v)
        else
          note(self.plan, "duration %ds could not be bound", v)
        end
        t.used = true
      end
    end
  end
end

-- Firewall numbers and protocols, by their cue words.
function Binder:firewall()
  local fw = self.plan.resources.firewall
  if not fw then return end
  for i, t in ipairs(self.toks) do
    local w = t.lower
    if t.kind == "number" and not t.used then
      local back = self:words_back(i, 4)
      local fwd = self:words_fwd(i, 4)
      local prev = back[1] and back[1].lower or ""
      local prev2 = back[2] and back[2].lower or ""
      local is_priority, is_port = false, false
      for k, b in ipairs(back) do
        if b.lower == "priority" then is_priority = true break end
        if b.kind == "number" or b.kind == "duration" or k > 3 then break end
      end
      -- "priority 900", "900 priority", "use 1000 for the priority", "use 22 for the ports"
      for _, f in ipairs(fwd) do
        local fl = f.lower
        if fl == "priority" then is_priority = true break end
        if fl == "port" or fl == "ports" then is_port = true break end
        if not (fl == "for" or fl == "the" or fl == "its" or fl == "as") then break end
      end
      if prev == "port" or prev == "ports" or prev == "tcp" or prev == "udp" or (prev == "/" and (prev2 == "tcp" or prev2 == "udp")) or prev == ":"
        and (prev2 == "tcp" or prev2 == "udp") or prev2 == "port" or prev2 == "ports" then is_port = true end
      if fwd[1] and fwd[1].text == "/" and fwd[2] and (fwd[2].lower == "tcp" or fwd[2].lower == "udp") then is_port = true end
      -- "at priority 1000 for port 22": a number right after "priority" is the priority, whatever follows it
      if prev == "priority" or ((prev == "of" or prev == "=" or prev == "is") and prev2 == "priority") then
        is_priority, is_port = true, false
      end
      if is_priority and not is_port then
        if fw.priority and fw.priority ~= t.value then note(self.plan, "second firewall priority %d ignored", t.value)
        else fw.priority = t.value end
        t.used = true
      elseif is_port then
        if not fw.port then fw.port = tostring(t.value) end
        t.used = true
      end
    elseif (t.kind == "word" or t.kind == "path") and (w == "tcp" or w == "udp" or w == "icmp") then
      if not fw.protocol then fw.protocol = w end
    elseif t.kind == "word" and (w == "ssh" or w == "http" or w == "https" or w == "rdp") then
      fw.service = fw.service or w
    elseif t.kind == "word" and w == "egress" then
      fw.direction = "EGRESS"
    elseif t.kind == "cidr" and not t.used then
      local back = self:words_back(i, 4)
      local src, from = false, false
      for _, b in ipairs(back) do
        if b.lower == "source" or b.lower == "sources" then src = true end
        if b.lower == "from" then from = true end
      end
      local before = self:around(i)
      if src or (before and before.kind == "firewall" and (from or not self.created.subnet)) then
        fw.source_ranges = fw.source_ranges or {}
        fw.source_ranges[#fw.source_ranges + 1] = t.text
        t.used = true
      end
    end
  end
end

-- Booleans: retain acked messages, auto-create subnetworks, firewall disabled.
function Binder:bool_near(i, fwd_n)
  for _, t in ipairs(self:words_fwd(i, fwd_n)) do
    local b = BOOL_WORDS[t.lower]
    if b ~= nil and t.kind == "word" then return b end
    if HEADS[t.lower] and t.lower ~= "rule" then break end
  end
  return nil
end

-- "use false for retain acked messages", "set true for compute firewall disabled": upstream's rule-reference
-- shape ("Use V for <resource> <field>"), the value before its field; the field words between are only names
function Binder:value_before_field(i)
  for j = i - 1, math.max(3, i - 6), -1 do
    local t = self.toks[j]
    if t.lower == "for" then
      local b, verb = self.toks[j - 1], self.toks[j - 2]
      local v = b.kind == "word" and BOOL_WORDS[b.lower]
      if v ~= nil and USE_VERBS[verb.lower] then return v end
      return nil
    end
    if t.kind == "punct" or BOOL_WORDS[t.lower] ~= nil then return nil end
  end
  return nil
end

local BOOL_CUE_START = { [string.byte("a")] = true, [string.byte("d")] = true } -- acked/acknowledged/auto..., disabled: the only cue words here

-- the words that say acked messages are not kept
local DISCARD = { discard = true, discards = true, discarded = true, discarding = true, drop = true, drops = true,
  dropped = true, dropping = true, delete = true, deleted = true, purge = true, purged = true }

function Binder:booleans()
  local R = self.plan.resources
  if not (R.subscription or R.vpc or R.firewall) then return end
  for i, t in ipairs(self.toks) do
    local w = t.lower
    if not BOOL_CUE_START[byte(w)] then goto next_token end
    -- (a value stated outright, "retain acked messages stays false", beats one read from wording earlier:
    -- "it should not hold on to messages after they are acknowledged")
    if (w == "acked" or w == "acknowledged" or w:match("^acked%-") or w:match("^acknowledged%-"))
        and R.subscription and not self.retain_stated then
      -- "acknowledged messages are retained (true)", "acked messages are not kept": the state word after the cue
      local neg, pos, discarded = false, false, false
      for _, f in ipairs(self:words_fwd(i, 4)) do
        -- "acked messages should be discarded rather than retained": the first state word decides, unless a
        -- true/false follows, which is the flag's own value ("acked messages dropped (false)")
        if DISCARD[f.lower] then discarded = not pos break end
        if RET[f.lower] or f.lower == "preserved" then pos = true end
        if NEGATORS[f.lower] then neg = true end
      end
      local before = self:value_before_field(i)
      local v = before
      if v == nil then v = self:bool_near(i, pos and 6 or 4) end
      if before == nil then -- (a value before its field stands alone: the words before it are other clauses)
        for _, b in ipairs(self:words_back(i, 4)) do
          local bw = b.lower
          if b.kind == "punct" and b.text ~= "(" then break end -- "(...) without activity, keep acked messages"
          if NEGATORS[bw] or DISCARD[bw] then neg = true end
          if RET[bw] or bw == "preserve" or bw == "preserved" or bw == "retaining" then pos = true end
        end
      end
      if v ~= nil then
        if neg and not pos then v = not v end
        R.subscription.retain = v
        self.retain_stated = true
      elseif R.subscription.retain ~= nil then -- already read from wording: keep the first
      elseif neg or discarded then R.subscription.retain = false
      elseif pos then R.subscription.retain = true end
    elseif (w == "auto" or w == "automatic" or w == "auto-create" or w == "autocreate") and R.vpc and R.vpc.auto_create == nil then
      local v = self:value_before_field(i)
      local neg = false
      if v == nil then
        v = self:bool_near(i, 5)
        for _, b in ipairs(self:words_back(i, 3)) do if NEGATORS[b.lower] then neg = true end end
      end
      if v ~= nil then R.vpc.auto_create = (neg and not v) or (not neg and v) end
    elseif w == "disabled" and R.firewall and R.firewall.disabled == nil and (self.toks[i - 1] or {}).lower == "not" then
      R.firewall.disabled = false -- "active, not disabled"
    elseif w == "disabled" and R.firewall and R.firewall.disabled == nil then
      local nxt = self.toks[i + 1]
      local nxt2 = self.toks[i + 2]
      local explicit = nxt and BOOL_WORDS[nxt.lower]
      if explicit == nil and nxt and (nxt.text == "(" or nxt.text == ":" or nxt.lower == "set" or nxt.lower == "to"
          or nxt.lower == "is" or nxt.lower == "=") and nxt2 then
        explicit = BOOL_WORDS[nxt2.lower]
        if explicit == nil and self.toks[i + 3] then explicit = BOOL_WORDS[self.toks[i + 3].lower] end
      end
      -- on/off would be "On GCP, ..." after a missing full stop; only true/false/yes/no state the flag
      local said
      if explicit ~= nil then
        for j = i + 1, math.min(#self.toks, i + 3) do
          local tw = self.toks[j].lower
          if tw == "true" or tw == "false" or tw == "yes" or tw == "no" then said = (tw == "true" or tw == "yes") break end
        end
      end
      if said == nil then said = self:value_before_field(i) end
      if said ~= nil then R.firewall.disabled = said end
    end
    ::next_token::
  end
end

-- ---- names ----

-- "whose opening characters are X", "the leading segment X": the nouns of a qualifier, never names
local QUALIFIER_NOUNS = { characters = true, chars = true, letters = true, part = true, portion = true, segment = true,
  piece = true, section = true, token = true, tokens = true, string = true, subscribes = true, subscribed = true }

local function common(w)
  return words[w] or lex.NUMBER_WORDS[w] or HEADS[w] or STORAGE_CLASSES[w] or FORMATS[w] or STARTS[w] or ENDS[w]
    or QUALIFIER_NOUNS[w]
end

local function name_like(t)
  if t.kind == "ident" then
    local s = t.lower
    if #s < 3 or #s > 63 or s:match("^%d+$") or not s:match("^[a-z0-9]") then return false end
    if s:match("^%d+st$") or s:match("^%d+nd$") or s:match("^%d+rd$") or s:match("^%d+th$") then return false end -- "5th"
    -- digits, hyphens or dots: a possible name; prose compounds ("auto-created", "cost-conscious") are told apart
    -- by where they stand (name_owner wants a naming cue or the noun right before them)
    return true
  end
  -- letters only: generated names have 6+ characters; shorter words are prose
  if t.kind == "word" then return #t.lower >= 6 and #t.lower <= 63 and not common(t.lower) end
  return false
end

local NAME_CUES = { named = true, called = true, name = true, id = true, ["with"] = true, exactly = true, equals = true,
  is = true, as = true, titled = true, labelled = true, labeled = true, identifier = true }

-- The rule a qualifier word states ("starts", "suffix", "prefix-named", "suffix-style"), or nil; the second
-- result tells a compound, which also speaks of names.
local function rule_word(w)
  if STARTS[w] then return "starts_with", false end
  if ENDS[w] then return "ends_with", false end
  if not find(w, "-", 1, true) then return nil end
  local head = w:match("^(%a+)%-%a")
  if head and STARTS[head] then return "starts_with", true end
  if head and ENDS[head] then return "ends_with", true end
  return nil
end

-- The qualifier words that can follow a name ("a f8q27fbt7x-prefixed VPC", "the identical X suffix").
local AFTER_QUALIFIERS = { prefixed = true, suffixed = true, prefix = true, suffix = true }

-- The qualifier a name carries: from the words between its owner and it, then the words right after it.
function Binder:qualifier(i, from)
  local rule
  for j = i - 1, math.max(from or 1, i - 8), -1 do
    local w = self.toks[j].lower
    rule = not self:imperative_start(j) and rule_word(w) or nil
    if rule then break end
    if w == "named" or w == "called" or w == "exactly" or w == "equals" or w == "equal" then rule = "exact_match" break end
    -- "its network ends with N and its name is X": another name ends the search; "name is X" is exact
    if j < i - 1 and self.toks[j].kind == "ident" and find(w, "%d") then break end
    if j == i - 1 and w == "is" and self.toks[j - 1] and (self.toks[j - 1].lower == "name" or self.toks[j - 1].lower == "id") then
      rule = "exact_match" break
    end
    if self.toks[j].kind == "punct" and self.toks[j].text ~= "(" and self.toks[j].text ~= ":" then break end
  end
  if not rule then
    -- "X as its prefix", "X is the suffix", "X should be the prefix of the ... name", "X is the trailing part"
    local fwd = self:words_fwd(i, 6)
    local w1 = fwd[1] and fwd[1].lower
    -- "a f8q27fbt7x-prefixed VPC" (the lexer splits the compound): the word right after
    if AFTER_QUALIFIERS[w1] then return rule_word(w1) end
    -- "whose name has X at the end", "X at the front"
    if w1 == "at" and fwd[2] and fwd[2].lower == "the" and fwd[3] and fwd[3].lower == "front" then return "starts_with" end
    if w1 == "as" or w1 == "is" or w1 == "should" or w1 == "must" or w1 == "will" or w1 == "at" or w1 == "the" then
      for _, t in ipairs(fwd) do
        if STARTS[t.lower] then rule = "starts_with" break end
        if ENDS[t.lower] then rule = "ends_with" break end
        if HEADS[t.lower] or t.kind == "punct" then break end -- "X as the name prefix" reads on past "name"
      end
    end
  end
  return rule
end

-- The qualifier right before token i ("starts with X", "(name ends with X)", "prefixed by X", "suffix: X"), with
-- only a linking word between; nil if there is none.
local QUALIFIER_LINKS = { with = true, by = true, ["in"] = true, of = true, [":"] = true, is = true }
function Binder:adjacent_qualifier(i)
  for j = i - 1, math.max(1, i - 3), -1 do
    local w = self.toks[j].lower
    local rule = rule_word(w)
    if rule then return rule end
    if not QUALIFIER_LINKS[w] then return nil end
  end
  return nil
end

-- "Start with somewhere to keep notes", "Begin with the network": an imperative at the head of its clause, not a
-- qualifier
function Binder:imperative_start(j)
  local w = self.toks[j] and self.toks[j].lower
  if not (w == "start" or w == "begin") then return false end
  local p = self.toks[j - 1]
  return p == nil or p.boundary or p.kind == "punct" or p.lower == "let's" or p.lower == "first"
end

-- "Call it X", "Name it X": the two words right before token i
function Binder:call_it(i)
  local p1, p2 = self.toks[i - 1], self.toks[i - 2]
  return p1 ~= nil and p2 ~= nil and p1.lower == "it" and (p2.lower == "call" or p2.lower == "name")
end

-- "named X", "called X", "call it X", "ends with X": a cue that can only introduce a name (unlike "the prefix X",
-- which also opens "the prefix shared by all three")
function Binder:verb_name_cue(i)
  local p1 = self.toks[i - 1] and self.toks[i - 1].lower or ""
  local p2 = self.toks[i - 2] and self.toks[i - 2].lower or ""
  if p1 == "named" or p1 == "called" or p1 == "equals" or p1 == "exactly" or self:call_it(i) then return true end
  if self:imperative_start(i - 2) then return false end -- "Start with somewhere to keep ..."
  return (p1 == "with" or p1 == "by" or p1 == "in" or p1 == "to") and (STARTS[p2] or ENDS[p2]) or false
end

-- "named X", "called X", "call it X", "ends with X", "prefixed by X", "X as its suffix": the word right before (or
-- after) says name.
function Binder:direct_name_cue(i)
  if self:verb_name_cue(i) then return true end
  if self:imperative_start(i - 2) then return false end
  local p1 = self.toks[i - 1] and self.toks[i - 1].lower or ""
  local p2 = self.toks[i - 2] and self.toks[i - 2].lower or ""
  -- the nouns need their article: "with the suffix X", not "every name is a prefix except ..."
  local noun = p1 == "prefix" or p1 == "suffix" or p1 == "prefixes" or p1 == "suffixes" or p1 == "end"
  -- ("the end result should be a topic ...": "end" there is no qualifier)
  if (STARTS[p1] or ENDS[p1]) and (not noun or p2 == "with" or (p2 == "the" and p1 ~= "end")) then return true end
  local n1, n2 = self.toks[i + 1], self.toks[i + 2]
  if n1 and n1.lower == "as" then
    for _, t in ipairs(self:words_fwd(i, 3)) do if t.lower == "prefix" or t.lower == "suffix" then return true end end
  end
  return false
end

-- The most frequent English letter pairs: a word made of them reads as English.
local COMMON_BIGRAMS = {}
for b in ([[th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de
  hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut
  ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi
  pl ig tu ev ld ry mp fe bl ab gh ty op wo sa ay ex ke fr oo av ag if ap gr od bo sp rd do uc bu ei ov by rm ep tt
  oc fa ef cu rn sc gi da yo cr cl du ga qu ue ff ba ey ls va um pp ua up lu go ht ru ug ds lt pi rc rr eg au ck ew
  mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye ud mb ip ub]]):gmatch("%a%a") do
  COMMON_BIGRAMS[b] = true
end

-- Is token i the first word of its sentence or clause?
function Binder:opens_clause(i)
  local p = self.toks[i - 1]
  -- after a startup script's path the sentence has no full stop: "... > /var/tmp/acore-token X is ..."
  return p == nil or p.boundary or (p.kind == "punct" and (p.text == ";" or p.text == ":" or p.text == ","))
    or p.kind == "path"
    or (p.lower == "and" and self.toks[i - 2] ~= nil and self.toks[i - 2].text == ",") -- "..., and X is the prefix of"
end

-- Does token i follow mention m with only noun words between ("firewall rule X", "Cloud DNS zone X")?
function Binder:right_after(m, i)
  if not m or i - m.i > 3 then return false end
  for j = m.i + 1, i - 1 do
    local w = self.toks[j].lower
    if not (HEADS[w] or w == "zone" or w == "id" or w == ",") then return false end -- "one VM, initech-jumpbox"
  end
  return true
end

-- Random [a-z] strings have few vowels (5 of 26 letters), long consonant runs and rare letter pairs.
function M.looks_random(w)
  local vowels = select(2, w:gsub("[aeiou]", ""))
  if vowels / #w < 0.25 then return true end
  for run in w:gmatch("[^aeiou]+") do if #run >= 5 then return true end end
  local rare = 0
  for k = 1, #w - 1 do if not COMMON_BIGRAMS[w:sub(k, k + 1)] then rare = rare + 1 end end
  return rare / (#w - 1) >= 0.3
end

-- Is the token at i introduced as a name ("named X", "whose name ends with X", "X as its prefix")?
function Binder:name_cued(i)
  for j = i - 1, math.max(1, i - 8), -1 do
    local t = self.toks[j]
    local w = t.lower
    if (STARTS[w] and not self:imperative_start(j)) or ENDS[w] or w == "name" or w == "named" or w == "called"
        or w == "id" or w == "titled" or (w == "call" and self.toks[j + 1].lower == "it") then
      return true
    end
    -- another name stands between: "named sildnpk with auto-create" does not name "auto-create"
    if (t.kind == "punct" and t.text ~= "(") or t.kind == "ident" or HEADS[w] or t.used then break end
  end
  local fwd = self:words_fwd(i, 3)
  if fwd[1] and fwd[1].lower == "as" then
    for _, f in ipairs(fwd) do if f.lower == "prefix" or f.lower == "suffix" or f.lower == "name" then return true end end
  end
  -- "X is the suffix of its name", "X the prefix for its name"
  local toks, s = self.toks, self.toks[i].sentence
  for j = i + 1, math.min(#toks - 1, i + 6) do
    local f = toks[j]
    -- (a clause break ends it: "(the same false as auto-create), its name ends with Y" is about Y)
    if f.sentence ~= s or f.boundary or HEADS[f.lower] or f.kind == "ident" or f.kind == "punct" then break end
    if f.lower == "its" and (toks[j + 1].lower == "name" or toks[j + 1].lower == "id") then return true end
  end
  return false
end

-- "a name ending with X", "with a name that starts with X", "name: X", "named X": the word name (id, named,
-- called) just before the token, with only qualifier words between
function Binder:name_phrase(i)
  for j = i - 1, math.max(1, i - 6), -1 do
    local t = self.toks[j]
    local w = t.lower
    if w == "name" or w == "id" or w == "named" or w == "called" or (j == i - 1 and self:call_it(i)) then
      return true
    end
    if (t.kind == "punct" and t.text ~= ":") or t.kind ~= "word" and t.kind ~= "punct" or HEADS[w] then return false end
  end
  return false
end

local function open_for_name(R, m)
  return m and not m.negated and not m.default and R[m.kind] and not R[m.kind].token and not R[m.kind].reserved
end

-- The mention a name token belongs to, or nil.
function Binder:name_owner(i, t)
  local R = self.plan.resources
  local before, after, sent = self:around(i)
  local prev = self.toks[i - 1]
  local cued = self:name_cued(i)
  local letters_only = t.kind == "word"
  -- letters only: an English word unless it reads like the generator's random strings or is introduced as a name
  -- "VPC libmily (auto ...)": a word right after its noun and before a break is a name; "VPC rather than" is not
  local follows = self.toks[i + 1]
  local fw = follows and follows.lower
  local appositive = before and i - before.i == 1 and (follows == nil or follows.kind == "punct" or fw == "with"
    or fw == "in" or fw == "on" or fw == "at" or fw == "for" or fw == "and")
  local w = t.lower
  local inflected = letters_only and (w:match("ed$") or w:match("ing$") or w:match("tion$") or w:match("ment$")
    or w:match("able$") or w:match("ness$"))
  -- "a notification topic involved, and its name ...": an inflected English word is prose unless introduced as a
  -- name, however random its letters look
  if inflected and not self:verb_name_cue(i) then return nil end
  if letters_only and not M.looks_random(w) and not self:direct_name_cue(i) then
    -- only if nothing else names it ("network layout." / "DNS bridge," are prose, "VPC libmily (...)" is not)
    if appositive and open_for_name(R, before) then return before, true end
    return nil
  end
  if letters_only and not M.looks_random(t.lower) then
    local nt = self.toks[i + 1]
    if nt and nt.kind == "ident" and nt.lower:find("%d") then return nil end -- "the leading segment v5h5ran"
  end
  -- "acme-core-net" right after its noun or introduced as a name; "auto-created" in passing is prose
  local nxt1 = self.toks[i + 1]
  local copula = nxt1 and (nxt1.lower == "is" or nxt1.lower == "should" or nxt1.lower == "must" or nxt1.lower == "will"
    or nxt1.lower == "=") and self:opens_clause(i)
  if t.kind == "ident" and not t.lower:find("[%d%.]") and not self:right_after(before, i) and not cued
    and not self:direct_name_cue(i) and not copula then
    if after and after.i == i + 1 and open_for_name(R, after) then return after, true end
    return nil
  end
  local reach = cued and 24 or 10
  -- the generator's object names end in "txt"
  if R.object and not R.object.token and (t.lower:match("^[a-z0-9]+txt$") and #t.lower >= 8 or t.lower:match("^[%w%-%_]+%.txt$")) then
    for _, m in ipairs(self.mentions) do if m.kind == "object" and not m.negated then return m end end
    return { kind = "object", i = i } -- created from the name itself (see read)
  end
  -- "a VPC and a subnetwork, the former prefixed X, the latter prefixed Y"; "the former's name ends with X"
  for j = i - 1, math.max(1, i - 12), -1 do
    local w = self.toks[j].lower
    if self.toks[j].boundary or (self.toks[j].kind == "punct" and self.toks[j].text ~= "'") then break end
    if w == "former" or w == "latter" then
      local seen, pair = {}, {}
      for k = #self.mentions, 1, -1 do
        local m = self.mentions[k]
        if m.i < j and not m.negated and not seen[m.kind] then
          seen[m.kind] = true
          table.insert(pair, 1, m)
          if #pair == 2 then break end
        end
      end
      local m = w == "former" and pair[1] or pair[2]
      if #pair == 2 and open_for_name(R, m) then return m end
      break
    end
  end
  -- "X for the feed and Y for the subscription": the noun right after "for" is the owner
  local nf = self.toks[i + 1]
  -- (not "a subscription whose name is X for the topic ...": a name cued from before stays there)
  if nf and nf.lower == "for" and not cued and open_for_name(R, after) and after.i - i <= 3 then return after end
  if open_for_name(R, before) and i - before.i <= reach then return before end
  -- past mentions that already have their names ("a subscription to that same topic whose name ends with X") or
  -- that name nothing ("a dedicated VPC instead of default networks: its name ends with X")
  local passed = before and (before.default or before.negated or (R[before.kind] and R[before.kind].token))
  for k = t.mprev - 1, math.max(1, t.mprev - 3), -1 do
    local m = sent.mentions[k]
    if open_for_name(R, m) and i - m.i <= reach + 6 and passed then return m end
  end
  -- "Add an icmp firewall rule, disabled false, on that network (...), direction ingress, with a name that starts
  -- with X": a name phrase names the sentence's last mention still without a name, however much comes between
  if self:name_phrase(i) then
    for k = t.mprev, math.max(1, t.mprev - 7), -1 do
      local m = sent.mentions[k]
      if open_for_name(R, m) then return m end
    end
  end
  -- "X bucket", "use X as the repository id", "use X for the Pub/Sub topic name": the mention right after it
  local nx = self.toks[i + 1]
  local reach_after = (cued or (nx and (nx.lower == "for" or nx.lower == "as"))) and 8 or 4
  if open_for_name(R, after) and after.i - i <= reach_after then return after end
  -- "X is the Google Cloud VPC", "X should be the prefix of the firewall rule name", "X is the suffix of the
  -- name of an e2-medium VM": a name opening its sentence, then a copula, then the thing it names
  local nxt = self.toks[i + 1]
  if nxt and (nxt.lower == "is" or nxt.lower == "should" or nxt.lower == "must" or nxt.lower == "will"
      or nxt.lower == "=") and self:opens_clause(i) then
    for k = t.mprev + 1, math.min(#sent.mentions, t.mprev + 3) do
      local m = sent.mentions[k]
      if m.i - i <= 14 and open_for_name(R, m) then return m end
    end
  end
  -- "... the nearline bucket goes; its name ends with X": the last open mention of the sentences before (also
  -- past mentions that already have names: "It stays enabled (same as the VPC flag), its name ends with X")
  if (not before or passed) and cued then
    for si = t.sentence - 1, math.max(1, t.sentence - 3), -1 do
      local ms = self.sentences[si].mentions
      for k = #ms, math.max(1, #ms - 3), -1 do
        if open_for_name(R, ms[k]) then return ms[k] end
      end
    end
  end
  return nil
end

-- The one generator-style object name of the prompt ("luedatgrzemd67ktxt": letters and digits ending in txt), or
-- false.
function Binder:generator_object_name()
  if self.object_name_found == nil then
    self.object_name_found = false
    for _, t in ipairs(self.toks) do
      local w = t.lower
      if (t.kind == "ident" or t.kind == "word") and #w >= 8 and byte(w, -1) == 116 and w:match("^[a-z0-9]+txt$")
          and find(w, "%d") then
        if self.object_name_found and self.object_name_found ~= w then self.object_name_found = false break end
        self.object_name_found = w
      end
    end
  end
  return self.object_name_found
end

-- A letters-only word that was not introduced as a name ("... (that's Belgium, europe-west1), with a repository id
-- that ends with k161gfrdzo") names its resource only if nothing better does.
function Binder:name_owner_weighed(i, t)
  -- the generator names objects "<random>txt": in a prompt with one such name the object takes that name only
  -- ("First, a bucket to hold a single file. ... its name should end with X" is the bucket's)
  local o = self.plan.resources.object
  local object_name = o and not o.token and self:generator_object_name()
  if object_name and t.lower ~= object_name then o.reserved = true end
  local target, weak = self:name_owner(i, t)
  if o then o.reserved = nil end
  -- (a random-looking word right after its noun, "create subnetwork uzxwtn", is as good as a cued one)
  if target and not weak and t.kind == "word" and not self:direct_name_cue(i)
      and not (target.i == i - 1 and M.looks_random(t.lower)) then
    weak = true
  end
  return target, weak
end

function Binder:names()
  local R = self.plan.resources
  local owner_of = {}
  local deferred = {}
  local function bind_name(i, t, target)
    local r = R[target.kind]
    local rule = self:qualifier(i, target.i < i and target.i or nil) -- a name before its noun: the words before it
    r.token = t.lower
    r.rule = rule or (self.kind_rule and self.kind_rule[target.kind]) or self.default_rule or "exact_match"
    r.rule_stated = rule ~= nil
    owner_of[t.lower] = target.kind
    t.used = true
  end
  for _, sent in ipairs(self.sentences) do self:respective_names(sent, bind_name) end
  for i, t in ipairs(self.toks) do
    -- a name already bound is a reference ("on the VPC with a name ending with X")
    if name_like(t) and not t.used and not owner_of[t.lower] then
      local target, weak = self:name_owner_weighed(i, t)
      if target and weak then deferred[#deferred + 1] = { i, t, target }
      elseif target then bind_name(i, t, target) end
    elseif owner_of[t.lower] and not t.used then
      -- "a custom VPC named X (name starts with X)": a design cue's bare "named" gives way to the rule stated with
      -- the same name elsewhere (the generator gives a name and its references one rule)
      local r = R[owner_of[t.lower]]
      local rule = r and r.token == t.lower and r.rule == "exact_match" and self:adjacent_qualifier(i)
      if rule == "starts_with" or rule == "ends_with" then
        r.rule, r.rule_stated = rule, true
        note(self.plan, "%s read as %s: stated so where it occurs again", t.lower, rule)
      end
    end
  end
  -- "the data-vpc network": a compound right before its noun names it only if nothing else did
  -- ("custom-mode network globex-vpc", "object-storage bucket ... its name starts with X")
  for _, d in ipairs(deferred) do
    local i, t, target = d[1], d[2], d[3]
    if R[target.kind] and not R[target.kind].token and not owner_of[t.lower] then bind_name(i, t, target) end
  end
end

-- "a subnetwork, a firewall rule and a VM whose names start with A, B and C respectively", "Suffix names for the
-- zone, the VPC and the bucket: A, B and C.": a list of names goes, in order, to the nameless mentions before it;
-- the list's qualifier (or the sentence's one prefix/suffix word before it) covers all.
local LIST_GLUE = { ["and"] = true, [","] = true, ["or"] = true }
function Binder:respective_names(sent, bind_name)
  local R = self.plan.resources
  local function is_name(t)
    return name_like(t) and not t.used and ((t.kind == "ident" and t.lower:find("%d") ~= nil) or M.looks_random(t.lower))
  end
  -- the list ends right before "respectively", or at the end of a sentence whose tail after a colon is only names
  local stop, colon
  for j = sent.first, sent.last do
    local t = self.toks[j]
    if t.lower == "respectively" then stop = j - 1 break end
    if t.text == ":" then colon = j end
  end
  if not stop then
    if not colon then return end
    stop = sent.last
    while stop > colon and self.toks[stop].kind == "punct" and self.toks[stop].text ~= "," do stop = stop - 1 end
    for j = colon + 1, stop do
      local t = self.toks[j]
      if not (is_name(t) or LIST_GLUE[t.lower]) then return end
    end
  end
  local list = {}
  local j = stop
  while j >= sent.first do
    local t = self.toks[j]
    if is_name(t) then table.insert(list, 1, j)
    elseif not LIST_GLUE[t.lower] then break end
    j = j - 1
  end
  if #list < 2 then return end
  local targets, seen = {}, {}
  for k = #sent.mentions, 1, -1 do
    local m = sent.mentions[k]
    if #targets == #list then break end
    if m.i < list[1] and open_for_name(R, m) and not seen[m.kind] then
      seen[m.kind] = true
      table.insert(targets, 1, m)
    end
  end
  if #targets ~= #list then
    note(self.plan, "a list of %d names for %d nameless resources: read one by one", #list, #targets)
    return
  end
  local rule = self:qualifier(list[1], sent.first)
  if not rule then
    local starts, ends = false, false
    for k = sent.first, list[1] - 1 do
      local said = rule_word(self.toks[k].lower)
      if said == "starts_with" then starts = true elseif said == "ends_with" then ends = true end
    end
    if starts ~= ends then rule = starts and "starts_with" or "ends_with" end
  end
  for n, k in ipairs(list) do
    bind_name(k, self.toks[k], targets[n])
    if rule then
      local r = R[targets[n].kind]
      r.rule, r.rule_stated = rule, true
    end
  end
  local kinds = {}
  for n, m in ipairs(targets) do kinds[n] = m.kind end
  note(self.plan, "a list of %d names read in order for %s", #list, table.concat(kinds, ", "))
end

local NAMING_WORDS = { name = true, names = true, naming = true, named = true, rule = true }
local function speaks_of_names(w) return NAMING_WORDS[w] or w == "identifiers" or w == "ids" end

-- Every word global_rule's first pass reacts to; the rest of a sentence is skipped with one lookup.
local GLOBAL_RULE_WORDS = { both = true, these = true, three = true, two = true, every = true, all = true, each = true,
  given = true, below = true, here = true, listed = true, unless = true, except = true, but = true,
  identifiers = true, ids = true }
for _, set in ipairs { NAMING_WORDS, HEADS, STARTS, ENDS } do
  for w in pairs(set) do GLOBAL_RULE_WORDS[w] = true end
end
-- the words of its second pass ("both", "each", "all of them"; "everything", "every regional resource")
local SHARED_WORDS = { both = true, each = true, share = true, shared = true, all = true, everything = true, every = true }

-- A statement about every name ("every name below is a prefix", "all names given are suffixes").
function Binder:global_rule()
  for _, sent in ipairs(self.sentences) do
    local all, name, starts, ends, exception = false, false, false, false, false
    local specific = false -- a qualifier after a resource noun is that resource's, not a statement about all
    local both = false
    -- "Suffix naming for the VPC, the firewall and the VM ...", "Prefix rule for these three: ..."
    local first_word = self.toks[sent.first] and self.toks[sent.first].lower or ""
    local leading = (STARTS[first_word] or ENDS[first_word]) and self.toks[sent.first + 1] ~= nil
      and NAMING_WORDS[self.toks[sent.first + 1].lower] or false
    for j = sent.first, sent.last do
      local t = self.toks[j]
      local w = t.lower
      if t.kind == "ident" then
        if find(w, "%d") then break end -- the statement comes before the names it covers
      elseif not GLOBAL_RULE_WORDS[w] then
        goto next_word
      end
      if HEADS[w] and not (starts or ends) and not all then specific = true end
      if w == "both" or w == "these" or w == "three" or w == "two" then both = true end
      -- "all names", "every name", "all three names", "each of the names"; not "all in us-west1"
      if w == "every" or w == "all" or w == "each" then
        for k = j + 1, math.min(sent.last, j + 4) do
          if speaks_of_names(self.toks[k].lower) then all = true break end
        end
      end
      if w == "given" or w == "below" or w == "here" or w == "listed" then all = all or name end
      if speaks_of_names(w) then name = true end
      -- "all names are suffixes unless a prefix is stated": the exception's words are not the rule
      if w == "unless" or w == "except" or w == "but" then exception = true end
      local said, compound = rule_word(w)
      if said == "starts_with" and not exception then starts = true end
      if said == "ends_with" and not exception then ends = true end
      if compound then name = true end -- "prefix-named"
      ::next_word::
    end
    local kinds, seen = {}, {}
    for _, m in ipairs(sent.mentions) do
      if not m.negated and not m.default and not seen[m.kind] then seen[m.kind] = true kinds[#kinds + 1] = m.kind end
    end
    if all and name and not specific and (starts ~= ends) then
      self.default_rule = starts and "starts_with" or "ends_with"
      note(self.plan, "all names read as %s (a statement about every name)", self.default_rule)
    end
    -- "both the bucket and the topic use prefix names": a rule for the kinds listed, before their names
    if (both or all or leading) and name and #kinds >= 2 and starts ~= ends then
      self.kind_rule = self.kind_rule or {}
      for _, kind in ipairs(kinds) do self.kind_rule[kind] = starts and "starts_with" or "ends_with" end
      note(self.plan, "names of %s read as %s (a statement about those kinds)", table.concat(kinds, ", "),
        starts and "starts_with" or "ends_with")
    end
    for j = sent.first, sent.last do
      local w = self.toks[j].lower
      if not SHARED_WORDS[w] then goto next_shared end
      if w == "both" or w == "each" or w == "share" or w == "shared" or (w == "all" and not name) then sent.shared = true end
      if w == "everything" or ((w == "every" or w == "all") and self.toks[j + 1]
          and (self.toks[j + 1].lower == "regional" or self.toks[j + 1].lower == "of" or self.toks[j + 1].lower == "resources"
            or self.toks[j + 1].lower == "resource")) then
        sent.everything = true
      end
      ::next_shared::
    end
  end
end

-- "The archive bucket is coldline": a class word right before "bucket" names its purpose when the prompt states
-- a class elsewhere too
function Binder:class_adjective(i)
  local nt = self.toks[i + 1]
  if not (nt and HEADS[nt.lower] == "bucket") then return false end
  -- another class word that is itself a class, not an English word in passing
  local classes = self:class_words()
  if classes.real == nil then
    classes.real = 0
    for _, j in ipairs(classes) do
      if not self:class_in_passing(j) then classes.real = classes.real + 1 end
    end
  end
  local own = STORAGE_CLASSES[self.toks[i].lower] and not self:class_in_passing(i)
  return classes.real - (own and 1 or 0) > 0
end

-- The storage-class words of the prompt, read once: their token indexes in order, and `first[word]` for each
-- distinct word (so the checks below stay linear in the prompt however many class words it holds).
function Binder:class_words()
  if not self.classes then
    local classes, first = {}, {}
    for j, t in ipairs(self.toks) do
      if t.kind == "word" and STORAGE_CLASSES[t.lower] then
        classes[#classes + 1] = j
        first[t.lower] = first[t.lower] or j
      end
    end
    classes.first = first
    self.classes = classes
  end
  return self.classes
end

-- "Setting up a cold archive drop ... a coldline storage bucket": "archive" and "standard" are English words too;
-- with another class word in the prompt, one of them counts only next to a class, storage or bucket word
local CLASS_CONTEXT = { class = true, storage = true, tier = true, ["storage-class"] = true }
-- Returns the other class word that makes token i a word in passing, or false.
function Binder:class_in_passing(i)
  self.passing = self.passing or {}
  if self.passing[i] == nil then self.passing[i] = self:read_class_in_passing(i) end
  return self.passing[i]
end

-- class_in_passing for the value pass, which says so when it skips the word
function Binder:skip_class_in_passing(i)
  local other = self:class_in_passing(i)
  if other then note(self.plan, "%s read as a word, not a storage class: %s is stated too", self.toks[i].lower, other) end
  return other
end

function Binder:read_class_in_passing(i)
  local w = self.toks[i].lower
  if w ~= "archive" and w ~= "standard" then return false end
  -- the other class word stated: the first one that is never English, else the other English one
  local first = self:class_words().first
  local other
  for _, c in ipairs { "nearline", "coldline" } do
    if first[c] and (not other or first[c] < first[other]) then other = c end
  end
  if not other then
    local rest = w == "archive" and "standard" or "archive"
    other = first[rest] and rest
  end
  if not other then return false end
  local p, n, n2 = self.toks[i - 1], self.toks[i + 1], self.toks[i + 2]
  local pw, nw = p and p.lower, n and n.lower
  -- beside a class word that is never English ("Archive storage comes first: a coldline bucket"), only
  -- "class"/"tier" next to it makes it the class
  local strict = other == "nearline" or other == "coldline"
  if pw == "class" or pw == "tier" or nw == "class" or nw == "tier"
      or (nw == "storage" and n2 and n2.lower == "class") then
    return false
  end
  if not strict and ((pw and CLASS_CONTEXT[pw]) or (nw and (CLASS_CONTEXT[nw] or HEADS[nw] == "bucket"))) then
    return false
  end
  return other
end

-- "Google Cloud, us-central1. ...": a region alone in the prompt's first sentence, with no resource, heads it
function Binder:region_heading(i)
  local t = self.toks[i]
  if t.sentence ~= 1 or #self.sentences[1].mentions > 0 then return false end
  for j = self.sentences[1].first, self.sentences[1].last do
    local k = self.toks[j].kind
    if k ~= "region" and k ~= "punct" and k ~= "word" then return false end
    if k == "region" and j ~= i then return false end
  end
  return true
end

-- "all in us-west1", "region us-east1 throughout", "everything in europe-west1": a region for every resource
function Binder:region_for_all(i)
  for _, b in ipairs(self:words_back(i, 3)) do
    if b.lower == "all" or b.lower == "everything" or b.lower == "everywhere" or b.lower == "throughout" then return true end
    if b.kind ~= "word" then break end
  end
  for _, f in ipairs(self:words_fwd(i, 2)) do
    if f.lower == "throughout" or f.lower == "everywhere" then return true end
  end
  return false
end

-- ---- typed values ----

local FILL_VERBS = { fill = true, fills = true, populate = true, populates = true, load = true, loads = true }
local PUT_VERBS = { put = true, write = true, place = true, store = true, upload = true, drop = true, save = true,
  puts = true, writes = true, places = true, stores = true, uploads = true }

-- A name with its qualifier right before or after it ("ends with X", "the same X-prefixed bucket", "the identical
-- X suffix"), here or where the same word occurs elsewhere in the prompt: never content.
function Binder:qualified_name(i)
  if not self.qualified_words then -- one pass, so the check stays linear in the prompt
    self.qualified_words = {}
    for j, t in ipairs(self.toks) do
      local n = self.toks[j + 1]
      if (t.kind == "ident" or t.kind == "word") and (self:adjacent_qualifier(j) ~= nil
          or (n ~= nil and AFTER_QUALIFIERS[n.lower])) then
        self.qualified_words[t.lower] = true
      end
    end
  end
  return self.qualified_words[self.toks[i].lower] == true
end

function Binder:content()
  local o = self.plan.resources.object
  if not o then return end
  for i, t in ipairs(self.toks) do
    if o.content then return end
    local object_name = t.lower:match("^[a-z0-9]+txt$") or t.lower:match("%.txt$")
    if t.kind == "quoted" or ((t.kind == "ident" or t.kind == "word") and not t.used and name_like(t) and not object_name
        and not self:qualified_name(i)) then
      -- "containing X", "whose body is X", "content is exactly X"; or "X as its content"
      local cued = false
      -- ("content should be the literal string X": a strong cue reaches six words, within its clause: not
      -- "a static content setup, kept simple and cost-conscious")
      local clause_break = false
      for k, b in ipairs(self:words_back(i, 6)) do
        if CONTENT_CUES[b.lower] and (k <= 4 or (STRONG_CONTENT_CUES[b.lower] and not clause_break)) then
          cued = true
          break
        end
        if b.kind == "punct" and b.text ~= ":" then clause_break = true end
        if b.kind == "ident" or b.kind == "quoted" or HEADS[b.lower] then break end
      end
      local fwd = self:words_fwd(i, 6)
      -- "X as text/plain", "X in text/plain": the content type follows its content
      if fwd[1] and (fwd[1].lower == "as" or fwd[1].lower == "in") and fwd[2] and fwd[2].lower == "text"
          and fwd[3] and fwd[3].text == "/" then
        cued = true
      end
      if fwd[1] and (fwd[1].lower == "as" or fwd[1].lower == "for" or fwd[1].lower == "is") then
        for _, f in ipairs(fwd) do
          if f.lower == "content" or f.lower == "contents" or f.lower == "body" or f.lower == "payload" then cued = true end
        end
      end
      -- "X goes into object Y", "X is written into the file Y"
      local f1, f2 = fwd[1] and fwd[1].lower, fwd[2] and fwd[2].lower
      if (f1 == "goes" or f1 == "go" or f1 == "written" or f1 == "gets" or f1 == "is") and fwd[2] then
        local k0 = (f2 == "written" or f2 == "put" or f2 == "stored") and 3 or 2
        local into = fwd[k0] and fwd[k0].lower
        if into == "into" or into == "in" or into == "inside" then
          for k = k0 + 1, math.min(#fwd, k0 + 2) do
            if HEADS[fwd[k].lower] == "object" then cued = true break end
          end
        end
      end
      -- "fill it with X", "populate the file with X"
      local b1, b2, b3 = self.toks[i - 1], self.toks[i - 2], self.toks[i - 3]
      if b1 and b1.lower == "with" and b2 and b3 and (FILL_VERBS[b2.lower] or (FILL_VERBS[b3.lower]
          and (b2.lower == "it" or HEADS[b2.lower] == "object"))) then
        cued = true
      end
      -- "put X into an object named Y", "write X in the file Y"
      local pw = self.toks[i - 1] and self.toks[i - 1].lower
      if PUT_VERBS[pw] and (f1 == "into" or f1 == "in" or f1 == "inside" or f1 == "to" or f1 == "as") then
        for k = 2, math.min(#fwd, 3) do
          -- ("Name it X.txt, put Y in it": the object just named)
          if HEADS[fwd[k].lower] == "object" or (k == 2 and fwd[k].lower == "it") then cued = true break end
        end
      end
      -- "holds a plain-text object": a word right before a resource noun describes it
      local nt = self.toks[i + 1]
      if nt and HEADS[nt.lower] and t.kind ~= "quoted" and not t.boundary then cued = false end
      -- an English word is content only right after a content noun ("unless I say otherwise" is not)
      local pt = self.toks[i - 1]
      if t.kind == "word" and not M.looks_random(t.lower) and not (pt and STRONG_CONTENT_CUES[pt.lower]) then
        cued = false
      end
      local value = t.kind == "quoted" and t.value or t.lower
      if cued and value ~= o.token and value ~= "" and not value:find("[\n]") then
        o.content = value
        t.used = true
      end
    end
  end
end

-- "a bucket and a repository in us-west1 and europe-west1 respectively": regions in order, to the region-taking
-- mentions of the sentence in order.
function Binder:respectively()
  for _, sent in ipairs(self.sentences) do
    if sent.respectively then
      local regions, targets, seen = {}, {}, {}
      for j = sent.first, sent.last do
        if self.toks[j].kind == "region" then regions[#regions + 1] = j end
      end
      for _, m in ipairs(sent.mentions) do
        if usable(self, m, SLOT_KINDS.region) and not seen[m.kind] then
          seen[m.kind] = true
          targets[#targets + 1] = m
        end
      end
      if #regions >= 2 and #regions == #targets then
        for n, j in ipairs(regions) do
          self:res(targets[n].kind).__region = self.toks[j].value
          self.toks[j].used = true
        end
      elseif #regions > 0 then
        note(self.plan, "'respectively' with %d regions and %d resources: read one by one", #regions, #targets)
      end
    end
  end
end

local CLASS_SUFFIXES = { class = true, tier = true, storage = true, type = true }

function Binder:values()
  local R = self.plan.resources
  self:respectively()
  for i, t in ipairs(self.toks) do
    local k, w = t.kind, t.lower
    if t.used and (k == "region" or k == "zone") then goto next_token end
    if k == "zone" then
      self:bind(i, "zone", t.value, setter("zone"))
    elseif k == "machine" then
      self:bind(i, "machine", t.value, setter("machine_type"))
    elseif k == "region" and (self.sentences[t.sentence].everything or self:region_for_all(i)
        or self:region_heading(i)) then
      -- "everything lives in X", "every regional resource goes in X": a default for all that take a region
      self.global_region = self.global_region or t.value
    elseif k == "region" then
      if not self:bind(i, "region", t.value, { field = "__region", fn = function(r, v) r.__region = v end }) then
        note(self.plan, "region %s could not be bound to a resource", t.value)
      end
    elseif k == "cidr" and not t.used then
      if not self:bind(i, "cidr", t.text, setter("cidr")) then note(self.plan, "CIDR %s could not be bound", t.text) end
    elseif k == "word" and STORAGE_CLASSES[w] and R.bucket and not self:class_adjective(i)
        and not self:skip_class_in_passing(i) then
      self:bind(i, "storage_class", w:upper(), setter("storage_class"))
    elseif (k == "word" or k == "ident") and R.repo and (FORMATS[w] or (k == "ident" and FORMATS[w:match("^(%a+)%-") or ""])) then
      self:bind(i, "format", (FORMATS[w] and w or w:match("^(%a+)")):upper(), setter("format"))
      t.used = true -- "a docker-format repository": a value, not a name
    elseif k == "ident" and R.bucket and find(w, "-", 1, true) and STORAGE_CLASSES[w:match("^(%a+)%-") or ""]
        and CLASS_SUFFIXES[w:match("%-(%a+)$") or ""] then -- "coldline-class", not "archive-friendly"
      self:bind(i, "storage_class", w:match("^(%a+)"):upper(), setter("storage_class"))
      t.used = true
    elseif k == "script" then
      if R.vm and not R.vm.script_token then R.vm.script_token = t.value end
    elseif k == "domain" and R.dns and not R.dns.dns_name and w:find("%.") and not w:find("tfstate") then
      R.dns.dns_name = w:match("%.$") and w or (w .. ".")
      t.used = true
    end
    ::next_token::
  end
end

-- ---- boilerplate ----

M.BOILERPLATE = {
  "submit a single zip archive of the repository; keep the terraform config at the repository root and include terraform.tfstate at the repository root.",
  "bundle the repository into one zip archive for submission; keep terraform at the repository root and include terraform.tfstate at the repository root.",
  "deliver one zip archive containing the repository with the terraform config at the repository root and terraform.tfstate at the repository root.",
}

-- The prompt with the fixed submission sentences and the grant sentence replaced by a sentence break.
function M.strip_boilerplate(norm)
  local lower = norm:lower()
  local cuts = {}
  for _, sentence in ipairs(M.BOILERPLATE) do
    local body = sentence:sub(1, -2) -- an LLM may drop the final full stop
    local init = 1
    while true do
      local s, e = lower:find(body, init, true)
      if not s then break end
      if lower:sub(e + 1, e + 1) == "." then e = e + 1 end
      cuts[#cuts + 1] = { s, e }
      init = e + 1
    end
  end
  local init = 1
  while true do
    local s, e = lower:find("grant %S+@%S+ viewer access so they can verify the deployment%.?", init)
    if not s then break end
    cuts[#cuts + 1] = { s, e }
    init = e + 1
  end
  if #cuts == 0 then return norm end
  table.sort(cuts, function(a, b) return a[1] < b[1] end)
  local out, pos = {}, 1
  for _, c in ipairs(cuts) do
    if c[1] >= pos then
      out[#out + 1] = norm:sub(pos, c[1] - 1)
      out[#out + 1] = " . "
      pos = c[2] + 1
    end
  end
  out[#out + 1] = norm:sub(pos)
  return table.concat(out)
end

-- ---- stage 4: finish the plan ----

M.SCRIPT_TEMPLATES = {
  T1 = "#!/bin/bash\nset -euo pipefail\necho '%s' > /var/tmp/acore-token\n",
  T2 = "#!/bin/bash\nprintf '%s' > /var/tmp/acore-token\n",
  T3 = "#!/bin/bash\n/usr/bin/env echo '%s' > /var/tmp/acore-token\n",
}

function M.script_template(lower)
  if lower:find("pipefail", 1, true) or lower:find("set -e", 1, true) then return "T1" end
  if lower:find("printf", 1, true) then return "T2" end
  if lower:find("/usr/bin/env", 1, true) or lower:find("env echo", 1, true) then return "T3" end
  return nil
end

-- Whether the prompt has a word upstream's content check accepts for a false boolean (modules/generation/
-- instructions.py _contains_required_detail: "false" anywhere, or disabled/disable/disabling/off as words).
local function states_false(lower)
  if find(lower, "false", 1, true) then return true end
  for _, w in ipairs { "disabled", "disable", "disabling", "off" } do
    if find(lower, "%f[%w]" .. w .. "%f[^%w]") then return true end
  end
  return false
end

function Binder:finish(lower)
  local R, plan = self.plan.resources, self.plan
  -- "a Docker repository ..., same region": the one region stated for another resource
  if not self.global_region and (lower:find("same region", 1, true) or lower:find("same location", 1, true)) then
    local known
    for _, kind in ipairs { "subnet", "bucket", "repo" } do known = known or (R[kind] and R[kind].__region) end
    if known then
      self.global_region = known
      note(plan, "'same region' read as %s", known)
    end
  end
  if self.global_region then
    for _, kind in ipairs { "subnet", "bucket", "repo" } do
      if R[kind] and not R[kind].__region then R[kind].__region = self.global_region end
    end
  end
  for kind, r in pairs(R) do
    if r.__region then
      if kind == "bucket" then r.location = r.__region:upper()
      elseif kind == "repo" then r.location = r.__region
      elseif kind == "subnet" then r.region = r.__region end
      r.__region = nil
    end
  end
  local vm = R.vm
  if vm then
    if vm.script_token then
      local tpl = M.script_template(lower)
      if not tpl then
        -- the templates the wording allows: "echo" rules out printf (T2); "printf" would have named T2
        vm.script_candidates = lower:find("echo", 1, true) and { "T1", "T3" } or { "T1", "T2", "T3" }
        tpl = "T1"
        note(plan, "startup script template not stated; guessed T1 (set -euo pipefail) for token %s, plausible: %s",
          vm.script_token, table.concat(vm.script_candidates, ","))
        vm.script_guess = true
      end
      vm.script_template = tpl
      vm.script = M.SCRIPT_TEMPLATES[tpl]:format(vm.script_token)
    else
      note(plan, "no startup-script token found for the VM")
    end
    if vm.networked == nil then
      vm.networked = R.subnet ~= nil and ((vm.script_token or ""):sub(-4) == "-net" or self.vm_mentions_subnet == true)
    end
    if vm.networked and R.subnet and not R.subnet.region and vm.zone then R.subnet.region = gcp.region_of_zone(vm.zone) end
    if not vm.zone then note(plan, "no zone stated for the VM") end
  end
  if R.vpc and R.vpc.auto_create == nil then R.vpc.auto_create = false end
  local f = R.firewall
  if f then
    if f.service and not f.protocol then f.protocol = "tcp" end
    local service_port = { ssh = "22", http = "80", https = "443", rdp = "3389" }
    if not f.port and f.service and f.protocol ~= "icmp" then f.port = service_port[f.service] end
    -- the generator's three profiles: a missing value follows from the stated ones (logged)
    local profiles = { [1000] = { "tcp", "22" }, [1001] = { "tcp", "80" }, [1002] = { "icmp" } }
    if not f.priority then
      local p = (f.protocol == "icmp" and 1002) or (f.port == "22" and 1000) or (f.port == "80" and 1001) or nil
      if p then note(plan, "firewall priority not stated; %d follows from %s", p, f.port or f.protocol) end
      f.priority = p
    end
    local prof = profiles[f.priority or 0]
    if prof then
      if not f.protocol then f.protocol = prof[1] note(plan, "firewall protocol not stated; %s from priority", prof[1]) end
      if prof[2] and not f.port and f.protocol == prof[1] then f.port = prof[2] end
    end
    if f.protocol == "icmp" then f.port = nil end
    f.direction = f.direction or "INGRESS"
    if f.disabled == nil then f.disabled = false end
  end
  if R.subscription and R.subscription.retain == nil then
    -- a validator's prompt passed upstream's content check, which holds a false value only with one of these
    -- words in the prompt, while "on" (in nearly every prompt) satisfies a true one
    local true_only = plan.validator and not states_false(lower)
    R.subscription.retain = true_only
    note(plan, true_only and "retain_acked_messages not stated; true: a validator prompt with no false/disabled/off"
      .. " word in it can only be for true" or "retain_acked_messages not stated; using false")
  end
  if R.dns and R.dns.token and not R.dns.dns_name then R.dns.dns_name = R.dns.token .. ".acore.example." end
  -- "For cold file drop-off, add a bucket ...": an object with neither content nor a file-like name is a word in
  -- passing, not a resource (the generator's objects always have both)
  local o = R.object
  if o and plan.validator and not o.content and not (o.token and (o.token:match("txt$") or o.token:find(".", 1, true))) then
    note(plan, "object mention%s with no content read as prose: nothing created", o.token and (" " .. o.token) or "")
    R.object = nil
  end
  if R.object then R.object.content_type = "text/plain" R.object.rule = "exact_match" end
  -- buckets and repositories: the generator only gives them prefix/suffix rules, so in a validator's task
  -- (one with the grant sentence) an unqualified name is a token to wrap; an operator's exact name is kept
  if plan.validator then
    if R.bucket and R.bucket.rule == "exact_match" then R.bucket.rule = "flexible" end
    if R.repo and R.repo.rule == "exact_match" then R.repo.rule = "flexible" end
  end
  for kind, r in pairs(R) do
    if not r.token then note(plan, "no name found for %s", kind) end
  end
end

function M.read(plan, norm)
  local lower = norm:lower()
  -- the grant and submission sentences are fixed texts (spec §3.6): cut out verbatim, so their words
  -- ("repository", "zip") are never mentions, even when a sentence before them lacks its full stop
  local text = M.strip_boilerplate(norm)
  local toks = lex.tokens(text)
  local sentences, mentions = structure(toks)
  local self = setmetatable({ plan = plan, toks = toks, sentences = sentences, mentions = mentions, created = {} }, Binder)
  for _, m in ipairs(mentions) do
    if not m.negated and not m.default then self.created[m.kind] = true end
  end
  for _, m in ipairs(mentions) do
    if m.negated and not m.boilerplate and not self.created[m.kind] then
      note(plan, "negated mention of %s: nothing created", m.kind)
    end
  end
  -- "a bucket ... stores abc123txt": the generator's object names end in txt, so such a name is an object
  if not self.created.object and self.created.bucket then
    for _, t in ipairs(toks) do
      local lw = t.lower
      if (t.kind == "ident" or t.kind == "word") and byte(lw, -1) == 116 and not t.used and #lw >= 5
          and lw:find("txt", #lw - 2, true)
          and (lw:match("^[a-z0-9]+txt$") and #lw >= 11 or lw:match("^[%w%-%_]+%.txt$")) then
        self.created.object = true
        note(plan, "%s read as a bucket object (a generator object name) with no object word", t.lower)
        break
      end
    end
  end
  for kind, on in pairs(self.created) do if on then self:res(kind) end end
  -- does the VM's sentence name the subnet ("attached to the subnetwork ...")?
  for _, m in ipairs(mentions) do
    if m.kind == "vm" and not m.negated then
      for _, other in ipairs(sentences[m.sentence].mentions) do
        if other.kind == "subnet" then self.vm_mentions_subnet = true end
      end
    end
  end
  self:global_rule()
  self:firewall()
  self:values()
  self:durations()
  self:booleans()
  self:content()
  self:names()
  self:finish(lower)
  return plan
end

return M
