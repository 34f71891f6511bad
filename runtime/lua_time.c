/* require "time": time.now() float seconds since the epoch, time.ns() integer nanoseconds since the epoch,
 * time.mono() float seconds of a monotonic clock (for measuring durations). */
#include <time.h>

#include "rt.h"

static int l_now(lua_State *L) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    lua_pushnumber(L, (double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
    return 1;
}

static int l_ns(lua_State *L) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    lua_pushinteger(L, (lua_Integer)ts.tv_sec * 1000000000 + ts.tv_nsec);
    return 1;
}

static int l_mono(lua_State *L) {
    lua_pushnumber(L, (double)uv_hrtime() / 1e9);
    return 1;
}

int luaopen_time(lua_State *L) {
    static const luaL_Reg funcs[] = {{"now", l_now}, {"ns", l_ns}, {"mono", l_mono}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    return 1;
}
