-- Python str()/repr() for body hashes with required_hash_fields (spec wire §1.5).
local pyrepr = require "rt.pyrepr"
local json = require "json"

test("the spec's body-hash vector: a=1, b=2, d=['foobar']", function()
  local syn = assert(json.decode('{"a": 1, "b": 2, "d": ["foobar"]}'))
  expect.eq(pyrepr.body_hash(syn, { "a", "b", "d" }), "ae06397d08f30f75c91395c59f05c62ac3b62b88250eb78b109213258e6ced0c")
  expect.eq(pyrepr.body_hash(syn, {}), "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")
end)

test("repr of scalars, strings and containers matches Python", function()
  local cases = {
    { 0.1, "0.1" }, { 1e-05, "1e-05" }, { 1.0, "1.0" }, { 1e16, "1e+16" }, { 123.456, "123.456" }, { -2.5, "-2.5" },
    { 0.0001, "0.0001" }, { 1234567890123456.0, "1234567890123456.0" }, { 12345678901234567.0, "1.2345678901234568e+16" },
    { 5, "5" }, { true, "True" }, { false, "False" }, { json.null, "None" },
    { "it's", "\"it's\"" }, { 'a"b', "'a\"b'" }, { "tab\tnl\n", "'tab\\tnl\\n'" }, { "back\\slash", "'back\\\\slash'" },
  }
  for _, c in ipairs(cases) do expect.eq(pyrepr.repr(c[1]), c[2], tostring(c[1])) end
  expect.eq(pyrepr.repr(json.decode('["a", 1, true, null, [2.5]]')), "['a', 1, True, None, [2.5]]")
  expect.eq(pyrepr.repr(json.decode('{"k": 1}')), "{'k': 1}")
  expect.eq(pyrepr.str("raw text"), "raw text")
end)
