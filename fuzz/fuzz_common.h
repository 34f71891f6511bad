/* Shared by the fuzz targets: one runtime (Lua state + libuv loop) for the whole run, quiet logs, no signal
 * handlers (libFuzzer has its own), and Lua drivers that turn an input into calls on the module under test.
 * A driver is a Lua file returning function(input) ... end; it raises only when an invariant is broken,
 * which aborts the run (a crash for libFuzzer). */
#ifndef MINER_FUZZ_COMMON_H
#define MINER_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "rt.h"

static inline rt_t *fuzz_runtime(void) {
    static rt_t *rt; /* test harness state, not runtime state */
    if (rt) return rt;
    static char *argv[] = {"miner", "exec", "--logging.level", "error"};
    static rt_config_t cfg;
    char err[256];
    if (rt_config_parse(&cfg, 4, argv, NULL, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "fuzz: %s\n", err);
        abort();
    }
    rt = calloc(1, sizeof *rt);
    if (!rt || rt_init(rt, &cfg, "fuzz") != 0) abort();
    uv_signal_stop(&rt->sigint);
    uv_signal_stop(&rt->sigterm);
    uv_signal_stop(&rt->sighup);
    return rt;
}

/* Loads the driver file and runs it: its first result (a function) is kept in the registry. */
static inline int fuzz_load_driver(rt_t *rt, const char *path) {
    lua_State *L = rt->L;
    if (luaL_loadfile(L, path) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK || !lua_isfunction(L, -1)) {
        fprintf(stderr, "fuzz: driver %s: %s\n", path, lua_tostring(L, -1));
        abort();
    }
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

static inline int fuzz_traceback(lua_State *L) {
    luaL_traceback(L, L, lua_tostring(L, 1), 1);
    return 1;
}

/* Calls the driver with the input; an error is a broken invariant: report it and abort. */
static inline void fuzz_call(rt_t *rt, int ref, const uint8_t *data, size_t size) {
    lua_State *L = rt->L;
    int top = lua_gettop(L);
    lua_pushcfunction(L, fuzz_traceback);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_pushlstring(L, (const char *)data, size);
    if (lua_pcall(L, 1, 0, top + 1) != LUA_OK) {
        fprintf(stderr, "fuzz: invariant broken: %s\n", lua_tostring(L, -1));
        abort();
    }
    lua_settop(L, top);
    lua_gc(L, LUA_GCSTEP, 0);
}

#endif
