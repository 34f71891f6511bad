-- Codecs against inputs the fuzzers found: json.decode refuses what it could not write back; scale.decoder modes.
local json = require "json"

test("non-finite and non-JSON numbers are refused with nil, message (found by fuzz_json)", function()
  for _, s in ipairs { "[1e392]", "NaN", "[Infinity]", "[-Infinity]", "[0x10]", "[" .. ("9"):rep(400) .. "]",
    '{"a": -1e400}' } do
    local v, err = json.decode(s)
    expect.eq(v, nil, s)
    expect.contains(err, "invalid JSON", s)
  end
  expect.eq(json.encode(json.decode("[1.5, 2, -3, 9223372036854775808]")), "[1.5,2,-3,9.223372036854776e+18]")
end)

test("scale.decoder: raw bytes starting with \"0x\" are raw unless the whole text is 0x hex (found by fuzz_scale)", function()
  local scale = require "scale"
  expect.eq(scale.decoder("0xzz\1\2"):remaining(), 6, "not hex: raw")
  expect.eq(scale.decoder("0x0102"):remaining(), 2, "hex text")
  expect.eq(scale.decoder("0x0102", "raw"):remaining(), 6, "raw on request")
  expect.eq(scale.decoder(scale.u16(0x7830), "raw"):u16(), 0x7830)
  local d, err = scale.decoder("0xzz", "hex")
  expect.eq(d, nil)
  expect.contains(err, "not a 0x hex string")
  expect.error(function() scale.decoder("x", "bogus") end, "mode must be")
end)

test("deeply nested JSON decodes without overflowing the Lua stack (found by fuzz_json)", function()
  local json = require "json"
  for _, depth in ipairs { 100, 500, 990 } do
    local text = ("[1,"):rep(depth) .. "[]" .. ("]"):rep(depth)
    local v = assert(json.decode(text))
    local n = 0
    while type(v) == "table" and v[2] do v, n = v[2], n + 1 end
    expect.eq(n, depth)
    expect.eq(math.type(json.decode(text)[1]), "integer")
  end
  collectgarbage()
end)
