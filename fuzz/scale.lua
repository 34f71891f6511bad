-- fuzz_scale: the first bytes choose decoder operations run over the rest; truncated input must raise the
-- documented "scale: ..." error, nothing else; integers round-trip through the encoders.
local scale = require "scale"

local ops = { "u8", "u16", "u32", "u64", "u128", "compact", "bool", "option", "bytes", "remaining", "pos" }

return function(input)
  if #input < 2 then return end
  local nops = input:byte(1) % 16 + 1
  local program = input:sub(2, 1 + nops)
  local data = input:sub(2 + nops)
  local d = scale.decoder(data, "raw")
  for i = 1, #program do
    local op = ops[program:byte(i) % #ops + 1]
    local ok, a, b = pcall(function()
      if op == "bytes" then return d:bytes(program:byte(i) % 40) end
      return d[op](d)
    end)
    if not ok then
      assert(type(a) == "string" and a:find("scale: ", 1, true), "unexpected error from " .. op .. ": " .. tostring(a))
      return
    end
    if op == "compact" and math.type(a) == "integer" and a >= 0 then
      local again = scale.decoder(scale.compact(a), "raw"):compact()
      assert(again == a, ("compact %d round-trips to %s"):format(a, tostring(again)))
    elseif (op == "u64" or op == "u32" or op == "u16" or op == "u8") and math.type(a) == "integer" and a >= 0 then
      local e = scale[op](a)
      assert(scale.decoder(e, "raw")[op](scale.decoder(e, "raw")) == a, op .. " round trip")
      -- the default mode reads raw bytes as raw, even when they start with "0x", unless the whole string is
      -- 0x hex text (inherently ambiguous: callers holding raw bytes pass "raw")
      if not (e:match("^0[xX]%x*$") and #e % 2 == 0) then
        local auto = scale.decoder(e)
        assert(auto and auto:remaining() == #e, op .. " bytes " .. e .. " misread as hex")
      end
    end
    assert(d:pos() + d:remaining() == #data, "position and remaining disagree")
  end
  -- hex input is accepted too
  if #data < 64 then pcall(scale.decoder, "0x" .. data:gsub(".", function(c) return ("%02x"):format(c:byte()) end)) end
end
