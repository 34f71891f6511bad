-- Stage 1 of the free-text front end: one left-to-right pass turning a prompt into tokens with typed values.
--   lex.tokens(text) -> list of {kind=, text=, lower=, s=, e=, value=}
-- kinds: "word" (letters only), "ident" (letters+digits/hyphens: a possible name), "region", "zone", "machine",
-- "cidr", "number" (value = integer), "duration" (value = seconds; "600s", "10 minutes", "a quarter of an hour"
-- are folded by lex.fold), "quoted" (value = inner text), "email", "domain", "script" (value = token),
-- "punct" (".", ";", ",", "(", ")", ":", "!" , "?"), "other".
-- Every pattern is anchored at the current position, so the pass is linear in the prompt's length.
local gcp = require "alphacore.gcp"
local find, sub, lower = string.find, string.sub, string.lower

local M = {}

M.NUMBER_WORDS = { zero = 0, one = 1, two = 2, three = 3, four = 4, five = 5, six = 6, seven = 7, eight = 8,
  nine = 9, ten = 10, eleven = 11, twelve = 12, thirteen = 13, fourteen = 14, fifteen = 15, sixteen = 16,
  seventeen = 17, eighteen = 18, nineteen = 19, twenty = 20, thirty = 30, forty = 40, fifty = 50, sixty = 60,
  seventy = 70, eighty = 80, ninety = 90, hundred = 100, a = 1, an = 1, single = 1 }

M.MULTIPLIERS = { hundred = 100, thousand = 1000 }

M.UNITS = { s = 1, sec = 1, secs = 1, second = 1, seconds = 1, m = 60, min = 60, mins = 60, minute = 60, minutes = 60,
  h = 3600, hr = 3600, hrs = 3600, hour = 3600, hours = 3600, d = 86400, day = 86400, days = 86400,
  w = 604800, week = 604800, weeks = 604800 }

-- A token. The fields the reader adds later (index, sentence, mprev, boundary, used) are in the constructor so
-- its table is sized once: growing it by rehash afterwards cost a fifth of the parse time at 64 KiB.
local function token(kind, s, e, text, lower, value, word)
  return { kind = kind, s = s, e = e, text = text, lower = lower, value = value, word = word,
    index = 0, sentence = 0, mprev = 0, boundary = false, used = false }
end
M.token = token

local function push(out, kind, s, e, text, value)
  out[#out + 1] = token(kind, s, e, text, (kind == "word" or kind == "ident") and value or text:lower(), value)
end

-- "X-prefixed", "X-suffixed": a name glued to the word that qualifies it
local QUALIFIED_NAME = { prefixed = true, suffixed = true, prefix = true, suffix = true, named = true }
-- the characters that can follow a plain word on the fast path
local WORD_ENDS = { [","] = true, [";"] = true, [")"] = true, [":"] = true, ["?"] = true }
local SEPARATORS = { [","] = true, [";"] = true, ["("] = true, [")"] = true, [":"] = true, ["!"] = true, ["?"] = true }

-- One token starting at pos (never whitespace). Returns the position after it.
local function scan(text, pos, out)
  -- fast path: a plain word followed by space or punctuation (most of any prompt)
  local ws, we, t, nc = find(text, "^(%a+)(.?)", pos)
  if ws then
    we = ws + #t - 1
    if nc == "" or nc == " " or WORD_ENDS[nc] or (nc == "." and not find(text, "^%w", we + 2)) then
      local low = lower(t)
      out[#out + 1] = token("word", ws, we, t, low, low)
      return we + 1
    end
  end
  local c = sub(text, pos, pos)
  -- fast path: a separator (no other token starts with one) or a full stop before a space
  if SEPARATORS[c] or (c == "." and text:find("^%s", pos + 1)) or (c == "." and pos == #text) then
    push(out, "punct", pos, pos, c)
    return pos + 1
  end
  -- quoted strings ('x' or "x"), on one line and bounded
  -- an apostrophe inside a word (don't, bucket's) is not a quote
  if c == "'" and text:sub(pos - 1, pos - 1):match("%w") then
    push(out, "other", pos, pos, c)
    return pos + 1
  end
  if c == "'" or c == '"' then
    local close = text:find(c, pos + 1, true)
    while close and c == "'" and text:sub(close + 1, close + 1):match("%w") do close = text:find(c, close + 1, true) end
    if close and close - pos <= 400 then
      local inner = text:sub(pos + 1, close - 1)
      local script = inner:match("%f[%w](%x%x%x%x%x%x%-%x%x%x%x%x%x%-net)%f[^%w%-]")
        or inner:match("%f[%w](%x%x%x%x%x%x%-%x%x%x%x%x%x)%f[^%w%-]")
      if script then
        push(out, "script", pos, close, script, script:lower())
      elseif inner:match("^[%w][%w%-%_%.]*[%w]$") and #inner <= 63 and not inner:match("^%d+$") then
        -- a quoted single token ('j3fo22n7gfjkfi3j'): the word itself, a possible name or value
        local low = inner:lower()
        local kind = (gcp.is_zone(low) and "zone") or (gcp.is_region(low) and "region")
          or (gcp.is_machine_type(low) and "machine") or (low:match("^%a+$") and "word") or "ident"
        push(out, kind, pos + 1, close - 1, inner, low)
        out[#out].quoted = true
      else
        push(out, "quoted", pos, close, text:sub(pos, close), inner)
      end
      return close + 1
    end
    push(out, "punct", pos, pos, c)
    return pos + 1
  end
  -- the maximal run of name-ish characters decides which of the costlier patterns can apply at all
  local _, run_end = text:find("^[%w%.%_%%%+%-@/]+", pos)
  local run = run_end and text:sub(pos, run_end) or ""
  local s, e
  -- an email address
  if run:find("@", 1, true) then
    s, e = text:find("^[%w%.%_%%%+%-]+@[%w%.%-]+%.%a%a+", pos)
    if s then
      local t = text:sub(s, e):gsub("[%.%-]+$", "")
      push(out, "email", s, s + #t - 1, t)
      return s + #t
    end
  end
  local digit = c:match("%d") ~= nil
  -- an IPv4 CIDR or address
  if digit and run:find(".", 1, true) then
    s, e = text:find("^%d+%.%d+%.%d+%.%d+/%d+", pos)
    if s then push(out, "cidr", s, e, text:sub(s, e)) return e + 1 end
    s, e = text:find("^%d+%.%d+%.%d+%.%d+", pos)
    if s then push(out, "other", s, e, text:sub(s, e)) return e + 1 end
  end
  -- a startup-script token: 6 hex - 6 hex (-net)
  if c:match("%x") and run:sub(7, 7) == "-" then
    s, e = text:find("^%x%x%x%x%x%x%-%x%x%x%x%x%x%-net%f[^%w%-]", pos)
    if not s then s, e = text:find("^%x%x%x%x%x%x%-%x%x%x%x%x%x%f[^%w%-]", pos) end
    if s then
      local t = text:sub(s, e):lower()
      push(out, "script", s, e, t, t)
      return e + 1
    end
  end
  -- a number, possibly with a unit glued on ("600s", "20min", "2d")
  s, e = nil, nil
  if digit then s, e = text:find("^%d+", pos) end
  if s then
    local n = math.tointeger(tonumber(text:sub(s, e)))
    local us, ue = text:find("^%a+%f[^%w]", e + 1)
    local unit = us and M.UNITS[text:sub(us, ue):lower()]
    if unit and n then push(out, "duration", s, ue, text:sub(s, ue), n * unit) return ue + 1 end
    if not text:find("^[%a%-%_]", e + 1) then
      push(out, "number", s, e, text:sub(s, e), n)
      return e + 1
    end
    -- digits followed by letters: fall through to the identifier rule
  end
  -- identifiers, words, regions, zones, machine types, domains: [A-Za-z0-9][A-Za-z0-9-_.]*
  s, e = text:find("^[%w][%w%-%_]*", pos)
  if s then
    -- a domain such as zone1.acore.example. (labels joined by dots, ending with a dot or a TLD)
    local ds, de
    if run:find(".", 1, true) then ds, de = text:find("^[%w][%w%-]*%.[%w%-%.]*%a%.?", pos) end
    if ds and de > e and text:sub(ds, de):find("%.%a[%w%-]*%.?$") and not text:sub(ds, de):find("%.%.") then
      local dom = text:sub(ds, de)
      local ext = dom:lower():match("%.(%a+)$")
      if ext and (ext == "txt" or ext == "html" or ext == "json" or ext == "csv" or ext == "log" or ext == "md"
          or ext == "htm" or ext == "xml" or ext == "yaml" or ext == "sh") then
        push(out, "ident", ds, de, dom, dom:lower())
        return de + 1
      end
      -- a sentence end ("... example. Next") keeps its dot only when a word follows directly in a domain
      push(out, "domain", ds, de, dom, dom:lower())
      return de + 1
    end
    local t = text:sub(s, e):gsub("[%-%_]+$", "")
    e = s + #t - 1
    local low = t:lower()
    -- a snake_case field key ("machine_type=e2-medium", "ack_deadline_seconds=30") reads as its words
    if low:find("_", 1, true) and low:match("^%a+_[%a_]*%a$") then
      local at = s
      for part in t:gmatch("[^_]+") do
        local ps = text:find(part, at, true)
        push(out, "word", ps, ps + #part - 1, part, part:lower())
        at = ps + #part
      end
      return e + 1
    end
    local in_path = text:sub(s - 1, s - 1) == "/" or text:sub(e + 1, e + 1) == "/"
    if in_path and not (low == "tcp" or low == "udp" or low == "icmp" or low == "pub" or low == "sub") then
      push(out, "path", s, e, t, low)
    elseif not low:find("-", 1, true) then
      push(out, low:find("^%a+$") and "word" or "ident", s, e, t, low)
    elseif QUALIFIED_NAME[low:match("%-(%a+)$") or ""] and low:match("^[%w%-]*%d[%w%-]*%-%a+$") then
      -- "the same h6v4dqrl0eaf-prefixed bucket": the name, then the word that qualifies it
      local cut = #low - #low:match("%-(%a+)$")
      push(out, "ident", s, s + cut - 2, t:sub(1, cut - 1), low:sub(1, cut - 1))
      push(out, "word", s + cut, e, t:sub(cut + 1), low:sub(cut + 1))
    elseif gcp.is_zone(low) then push(out, "zone", s, e, t, low)
    elseif gcp.is_region(low) then push(out, "region", s, e, t, low)
    elseif gcp.is_machine_type(low) then push(out, "machine", s, e, t, low)
    elseif low:match("^%a+$") then push(out, "word", s, e, t, low)
    else push(out, "ident", s, e, t, low) end
    return e + 1
  end
  if c:match("[%.;,%(%):!%?]") then push(out, "punct", pos, pos, c) return pos + 1 end
  push(out, "other", pos, pos, c)
  return pos + 1
end

-- Number words ("twenty", "sixty-second" is split by the caller as "sixty" "second").
function M.word_number(w)
  if not w then return nil end
  local n = M.NUMBER_WORDS[w]
  if n then return n end
  local tens, ones = w:match("^(%a+)%-(%a+)$")
  if tens and M.NUMBER_WORDS[tens] and M.NUMBER_WORDS[ones] then return M.NUMBER_WORDS[tens] + M.NUMBER_WORDS[ones] end
  return nil
end

-- Folds number words and "N unit" pairs into numbers and durations ("ten minutes", "a quarter of an hour",
-- "sixty-second ack", "2 days", "half an hour"). Linear: each token is looked at a bounded number of times.
function M.fold(tokens)
  local out, i = {}, 1
  local n = #tokens
  while i <= n do
    local t = tokens[i]
    local nxt = tokens[i + 1]
    -- words are letters only, so only an ident can be "twenty-five"
    local value = t.kind == "number" and t.value or (t.kind == "word" and M.NUMBER_WORDS[t.lower])
      or (t.kind == "ident" and M.word_number(t.lower))
    -- "sixty-second" / "30-second" / "10-minute"
    if not value and t.kind == "ident" then
      local head, unit = t.lower:match("^(%w+)%-(%a+)$")
      local hv = head and (math.tointeger(tonumber(head)) or M.word_number(head))
      if hv and M.UNITS[unit] then
        out[#out + 1] = token("duration", t.s, t.e, t.text, t.lower, hv * M.UNITS[unit])
        i = i + 1
        goto continue
      end
    end
    if t.lower == "quarter" or t.lower == "half" then
      -- "a quarter of an hour", "half an hour", "half a day"
      local j = i + 1
      if tokens[j] and tokens[j].lower == "of" then j = j + 1 end
      if tokens[j] and (tokens[j].lower == "an" or tokens[j].lower == "a") then j = j + 1 end
      local unit = tokens[j] and M.UNITS[tokens[j].lower]
      if unit and tokens[j].kind == "word" then
        local f = t.lower == "quarter" and 0.25 or 0.5
        out[#out + 1] = token("duration", t.s, tokens[j].e, "", "", math.floor(unit * f))
        i = j + 1
        goto continue
      end
    end
    if value and nxt and nxt.kind == "word" and M.UNITS[nxt.lower] and (#nxt.lower > 1 or nxt.lower == "s") then
      out[#out + 1] = token("duration", t.s, nxt.e, t.text .. " " .. nxt.text, "", value * M.UNITS[nxt.lower])
      i = i + 2
      goto continue
    end
    -- "one thousand and two", "two hundred fifty"
    local nm = nxt and M.MULTIPLIERS[nxt.lower]
    if value and nm and t.kind ~= "number" then
      local total, j = value * nm, i + 2
      if tokens[j] and tokens[j].lower == "and" then j = j + 1 end
      local rest = tokens[j] and tokens[j].kind ~= "number" and M.word_number(tokens[j].lower)
      if rest and rest < nm and tokens[j].lower ~= "a" and tokens[j].lower ~= "an" then total, j = total + rest, j + 1
      else j = i + 2 end
      out[#out + 1] = token("number", t.s, tokens[j - 1].e, t.text, t.lower, total, true)
      i = j
      goto continue
    end
    if value and t.kind ~= "number" and not (t.lower == "a" or t.lower == "an" or t.lower == "single" or t.lower == "one") then
      out[#out + 1] = token("number", t.s, t.e, t.text, t.lower, value, true)
    else
      out[#out + 1] = t
    end
    i = i + 1
    ::continue::
  end
  return out
end

-- The value a number or number word stands for, or nil.
local function numeric(t)
  if not t then return nil end
  if t.kind == "number" then return t.value end
  if t.kind == "word" then return M.NUMBER_WORDS[t.lower] end
  if t.kind == "ident" then return M.word_number(t.lower) end
  return nil
end

-- Whether `echo` restates `v`: the same number, or a duration's count ("ten minutes (10)").
local function restates(v, echo, duration)
  if not (v and echo) then return false end
  if v == echo then return true end
  return duration and echo > 0 and v % echo == 0 and (v // echo == 60 or v // echo == 3600 or v // echo == 86400
    or v // echo == 604800)
end

-- Drops a bracketed echo of the value before it: "twenty seconds (20)", "20 (twenty)", "ten (10) seconds".
-- Upstream's prompt check wants small numbers both as digits and as words, so its LLM writes both; read twice,
-- the echo would be a second value for the next slot. Returns the list itself when there is none (the usual case).
local function drop_echoes(list, is_value)
  local out
  for i, t in ipairs(list) do
    local keep = true
    if t.text == "(" and t.kind == "punct" and list[i + 2] and list[i + 2].text == ")" then
      local prev, inner = list[i - 1], list[i + 1]
      local pv = prev and is_value(prev)
      if pv and restates(pv, numeric(inner) or (inner.kind == "duration" and inner.value), prev.kind == "duration") then
        out = out or table.move(list, 1, i - 1, 1, {})
        list[i + 1].echo, list[i + 2].echo = true, true
        keep = false
      end
    end
    if t.echo then keep = false end
    if out and keep then out[#out + 1] = t end
  end
  return out or list
end

function M.tokens(text)
  local out, pos, n = {}, 1, #text
  while pos <= n do
    local s = text:find("[^%s]", pos)
    if not s then break end
    pos = scan(text, s, out)
  end
  out = drop_echoes(out, numeric)
  return drop_echoes(M.fold(out), function(t) return t.kind == "duration" and t.value or numeric(t) end)
end

return M
