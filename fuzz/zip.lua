-- fuzz_zip: list and unpack anything under a small cap; what unpacks must pack and unpack to the same files.
local zip = require "zip"

return function(input)
  local list = zip.list(input)
  local files, names = zip.unpack(input, 1 << 20)
  if not files then
    assert(type(names) == "string", "unpack failed without a message")
    return
  end
  assert(list, "unpack worked where list did not")
  local total = 0
  for _, name in ipairs(names) do total = total + #files[name] end
  assert(total <= 1 << 20, "the cap was passed")
  local entries = {}
  local seen = {}
  for _, name in ipairs(names) do
    if not seen[name] then
      seen[name] = true
      entries[#entries + 1] = { name = name, data = files[name] }
    end
  end
  local packed, perr = zip.pack(entries)
  if not packed then return end -- names libzip will not write (e.g. empty) are refused with a message
  local again = assert(zip.unpack(packed, 1 << 20))
  for _, e in ipairs(entries) do assert(again[e.name] == e.data, "round trip changed " .. e.name) end
  assert(perr == nil)
end
