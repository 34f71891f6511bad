-- zip.unpack against hostile archives: names used after the archive is gone, sizes that overflow, the cap.
local zip = require "zip"

local function crc32(s)
  local crc = 0xFFFFFFFF
  for i = 1, #s do
    crc = crc ~ s:byte(i)
    for _ = 1, 8 do crc = (crc >> 1) ~ (0xEDB88320 & -(crc & 1)) end
  end
  return crc ~ 0xFFFFFFFF
end

-- A hand-built archive. entries: {name=, data=, method=0|8|99, size=declared size (zip64 when >= 2^32-1),
-- crc=}; data is written as is (stored bytes, or a deflate stream for method 8).
local function craft(entries)
  local out, cd = {}, {}
  local offset = 0
  for _, e in ipairs(entries) do
    local size = e.size or #e.data
    local method = e.method or 0
    local crc = e.crc or crc32(e.data)
    local z64 = size >= 0xFFFFFFFF or size < 0 -- negative: a 64-bit size >= 2^63
    local extra = z64 and string.pack("<I2I2i8I8", 1, 16, size, #e.data) or ""
    local s32, c32 = z64 and 0xFFFFFFFF or size, z64 and 0xFFFFFFFF or #e.data
    local ver = z64 and 45 or 20
    local lh = string.pack("<I4I2I2I2I2I2I4I4I4I2I2", 0x04034b50, ver, e.flags or 0, method, 0, 0x21, crc, c32, s32,
      #e.name, #extra) .. e.name .. extra
    out[#out + 1] = lh .. e.data
    cd[#cd + 1] = string.pack("<I4I2I2I2I2I2I2I4I4I4I2I2I2I2I2I4I4", 0x02014b50, ver, ver, e.flags or 0, method, 0, 0x21,
      crc, c32, s32, #e.name, #extra, 0, 0, 0, 0, offset) .. e.name .. extra
    offset = offset + #lh + #e.data
  end
  local cds = table.concat(cd)
  return table.concat(out) .. cds ..
    string.pack("<I4I2I2I2I2I4I4I2", 0x06054b50, 0, 0, #entries, #entries, #cds, offset, 0)
end

test("a hand-built archive unpacks (the builder is right)", function()
  local files, names = zip.unpack(craft { { name = "a.txt", data = "hello" }, { name = "b/c.tf", data = "" } })
  expect.same(names, { "a.txt", "b/c.tf" })
  expect.eq(files["a.txt"], "hello")
  expect.eq(files["b/c.tf"], "")
end)

test("an entry libzip cannot open: the message names it (no use after zip_discard)", function()
  local files, err = zip.unpack(craft { { name = "ok.txt", data = "x" }, { name = "encrypted.tf", data = "abc", flags = 1 } })
  expect.eq(files, nil)
  expect.contains(err, "cannot read 'encrypted.tf': ")
end)

test("a damaged entry (CRC mismatch) is refused and named", function()
  local files, err = zip.unpack(craft { { name = "main.tf", data = "resource {}", crc = 12345 } })
  expect.eq(files, nil)
  expect.eq(err, "cannot read 'main.tf': corrupt entry")
end)

test("a declared size of 2^64-1 does not wrap the total below the cap", function()
  local files, err = zip.unpack(craft { { name = "bomb", data = "\3\0", method = 8, size = -1 } })
  expect.eq(files, nil)
  expect.contains(err, "archive expands beyond 268435456 bytes (at 'bomb')")
end)

test("sizes summing past 2^63 do not overflow the total", function()
  local big = math.maxinteger -- 2^63 - 1
  local files, err = zip.unpack(craft { { name = "one", data = "\3\0", method = 8, size = big - 1 },
    { name = "two", data = "\3\0", method = 8, size = 2 } }, big)
  expect.eq(files, nil)
  expect.contains(err, "archive expands beyond 9223372036854775807 bytes")
end)

test("the cap counts every entry: exactly at the cap passes, one byte more fails", function()
  local z = craft { { name = "a", data = ("x"):rep(600) }, { name = "b", data = ("y"):rep(400) } }
  local files = zip.unpack(z, 1000)
  expect.eq(#files.a + #files.b, 1000)
  local none, err = zip.unpack(z, 999)
  expect.eq(none, nil)
  expect.eq(err, "archive expands beyond 999 bytes (at 'b')")
  expect.error(function() zip.unpack(z, -1) end, "max_total must be >= 0")
end)

test("an entry longer than its declared size is refused", function()
  -- declared 3 bytes, stored data of 5: libzip's consistency check or our end-of-entry check refuses it
  local files, err = zip.unpack(craft { { name = "lie", data = "12345", size = 3, crc = crc32("123") } })
  expect.eq(files, nil)
  expect.truthy(err, "an error message")
end)

test("pack -> unpack round trip", function()
  local z = assert(zip.pack { { name = "main.tf", data = ("resource\n"):rep(1000) }, { name = "x.tfstate", data = "{}" } })
  local files, names = zip.unpack(z)
  expect.same(names, { "main.tf", "x.tfstate" })
  expect.eq(files["main.tf"], ("resource\n"):rep(1000))
end)
