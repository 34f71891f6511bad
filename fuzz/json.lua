-- fuzz_json: decode anything; whatever decodes must encode, and encode -> decode -> encode must be stable.
local json = require "json"

return function(input)
  local v, err = json.decode(input)
  if v == nil then
    assert(type(err) == "string", "decode failed without a message")
    return
  end
  local e1, eerr = json.encode(v)
  if not e1 then
    -- the one documented refusal: a value cjson decodes but we cannot write (none known); report it
    error("cannot encode a decoded value: " .. tostring(eerr))
  end
  local v2, derr = json.decode(e1)
  assert(v2 ~= nil, "our own output does not decode: " .. tostring(derr) .. "\n" .. e1)
  local e2 = assert(json.encode(v2))
  assert(e1 == e2, "encode(decode(encode(x))) differs:\n" .. e1 .. "\n" .. e2)
end
