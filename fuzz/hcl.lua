-- fuzz_hcl: documents built from the input (strings with any bytes, lists, maps with any keys, numbers,
-- labels); the emitter must answer text or nil, message, never raise; every heredoc in the text must survive
-- HCL's own end-of-heredoc rule: no body line, trimmed of whitespace as Go's bytes.TrimSpace does (Unicode
-- spaces included), may equal the marker; the .tf.json twin must be JSON.
local hcl = require "hcl"
local json = require "json"

-- Go's unicode.IsSpace, as UTF-8
local SPACES = { " ", "\t", "\n", "\v", "\f", "\r", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}", "\u{2001}",
  "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}", "\u{2008}", "\u{2009}", "\u{200a}",
  "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}" }

local function trim(s)
  local changed = true
  while changed do
    changed = false
    for _, sp in ipairs(SPACES) do
      if s:sub(1, #sp) == sp then s, changed = s:sub(#sp + 1), true end
      if #s >= #sp and s:sub(-#sp) == sp then s, changed = s:sub(1, -#sp - 1), true end
    end
  end
  return s
end

local function check_heredocs(text)
  local pos = 1
  while true do
    local s, e, marker = text:find("<<(EOT%d*)\n", pos)
    if not s then return end
    local close_s, close_e = text:find("\n" .. marker .. "\n", e, true)
    if not close_s then close_s, close_e = text:find("\n" .. marker, e, true) end
    assert(close_s, "heredoc " .. marker .. " never closed:\n" .. text)
    local body = text:sub(e + 1, close_s)
    for line in body:gmatch("([^\n]*)\n") do
      assert(trim(line) ~= marker, ("a body line ends heredoc %s early: %q\n%s"):format(marker, line, text))
    end
    pos = close_e
  end
end

local KEYS = { "name", "description", "script", "labels", "tags", "v", "metadata_startup_script" }

-- The document an input stands for: a body of up to 12 attributes and a label (also used by
-- tests/js/hcl_heredoc.test.mjs, which parses the same documents with the real HCL parser).
local function build(input)
  local parts = {}
  for piece in (input .. "\0"):gmatch("([^\0]*)\0") do
    parts[#parts + 1] = piece
    if #parts >= 12 then break end
  end
  local body = {}
  for i, p in ipairs(parts) do
    local k = KEYS[(i - 1) % #KEYS + 1] .. (i > #KEYS and tostring(i) or "")
    local tag = (p:byte(1) or 0) % 6
    if tag == 0 then body[k] = { p, p:reverse() }
    elseif tag == 1 then body[k] = { inner = p, [p:sub(2, 9)] = #p }
    elseif tag == 2 then body[k] = #p * 1.5 - 7
    elseif tag == 3 then body[k] = (p .. "\n"):rep(2) -- multi-line: a heredoc candidate
    else body[k] = p end
  end
  return body, parts[2] or "x"
end

local function check(input)
  local body, label = build(input)
  local ok, blocks = pcall(function()
    return { hcl.block("locals", {}, body), hcl.block("resource", { "null_resource", label }, { triggers = body }) }
  end)
  if not ok then
    -- labels are data: a bad one must come back from encode as nil, message, not raise here
    error("hcl.block raised on data: " .. tostring(blocks))
  end
  local text, err = hcl.encode(blocks)
  if text then check_heredocs(text) else assert(type(err) == "string", "encode failed without a message") end
  local jt, jerr = hcl.encode_json(blocks)
  if jt then
    assert(json.decode(jt) ~= nil, "encode_json output is not JSON:\n" .. jt)
  else
    assert(type(jerr) == "string", "encode_json failed without a message")
  end
end

return check, build
