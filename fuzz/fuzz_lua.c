/* A fuzz target whose work is a Lua driver (FUZZ_DRIVER: json.lua, scale.lua, zip.lua, hcl.lua). */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ref = LUA_NOREF;
    rt_t *rt = fuzz_runtime();
    if (ref == LUA_NOREF) ref = fuzz_load_driver(rt, FUZZ_DRIVER);
    fuzz_call(rt, ref, data, size);
    return 0;
}
