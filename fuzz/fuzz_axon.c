/* fuzz_axon: the axon request path (runtime/lua_axon.c over http.c): route, header parsing, access hook,
 * nonce and signature verification, admission, integrity, body limit, then the Lua handler (which decodes
 * the body as JSON) and the answer. The first input byte picks the axon: signatures verified (every request
 * stops at 401 or before, exercising header parsing and verification) or not verified (requests reach the
 * handler). Driver: axon.lua. */
#include "fuzz_common.h"
#include "fuzz_pipe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static struct http_server *servers[2];
    rt_t *rt = fuzz_runtime();
    if (!servers[0]) {
        lua_State *L = rt->L;
        int ref = fuzz_load_driver(rt, FUZZ_DRIVER); /* returns a function giving the two axons */
        lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
        if (lua_pcall(L, 0, 2, 0) != LUA_OK) {
            fprintf(stderr, "fuzz_axon: %s\n", lua_tostring(L, -1));
            abort();
        }
        servers[0] = rt_axon_http(L, -2);
        servers[1] = rt_axon_http(L, -1);
        lua_pop(L, 2); /* the axons stay anchored by the runtime */
        if (!servers[0] || !servers[1]) abort();
    }
    if (size == 0) return 0;
    fuzz_pipe_feed(&rt->loop, servers[data[0] & 1], data + 1, size - 1);
    return 0;
}
