/* require "log": log.trace/debug/info/warn/error(fmt_or_msg, ...) and log.level([name]). */
#include <stdio.h>
#include <string.h>
#include "log.h"
#include "rt.h"

/* Where the message came from: "file:line" of the Lua caller. */
static void caller(lua_State *L, char *buf, size_t len) {
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
        const char *src = ar.short_src;
        const char *slash = strrchr(src, '/');
        snprintf(buf, len, "%s:%d", slash ? slash + 1 : src, ar.currentline);
    } else {
        snprintf(buf, len, "lua");
    }
}

static int emit(lua_State *L, int level) {
    if (level < log_get_level()) return 0;
    int n = lua_gettop(L);
    if (n > 1 && lua_type(L, 1) == LUA_TSTRING) {
        /* string.format(fmt, ...) */
        lua_getglobal(L, "string");
        lua_getfield(L, -1, "format");
        lua_remove(L, -2);
        lua_insert(L, 1);
        lua_call(L, n, 1);
    } else {
        luaL_tolstring(L, 1, NULL);
    }
    char where[128];
    caller(L, where, sizeof where);
    log_write(level, where, "%s", lua_tostring(L, -1));
    return 0;
}

static int l_trace(lua_State *L) { return emit(L, LOG_TRACE); }
static int l_debug(lua_State *L) { return emit(L, LOG_DEBUG); }
static int l_info(lua_State *L) { return emit(L, LOG_INFO); }
static int l_warn(lua_State *L) { return emit(L, LOG_WARN); }
static int l_error(lua_State *L) { return emit(L, LOG_ERROR); }

static int l_level(lua_State *L) {
    if (!lua_isnoneornil(L, 1)) {
        int lvl = log_level_from_name(luaL_checkstring(L, 1));
        if (lvl < 0) return luaL_argerror(L, 1, "trace, debug, info, warn or error expected");
        log_set_level(lvl);
    }
    lua_pushstring(L, log_level_name(log_get_level()));
    return 1;
}

static int l_enabled(lua_State *L) {
    int lvl = log_level_from_name(luaL_checkstring(L, 1));
    lua_pushboolean(L, lvl >= 0 && lvl >= log_get_level());
    return 1;
}

int luaopen_log(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"trace", l_trace}, {"debug", l_debug}, {"info", l_info},       {"warn", l_warn},
        {"error", l_error}, {"level", l_level}, {"enabled", l_enabled}, {NULL, NULL},
    };
    luaL_newlib(L, funcs);
    return 1;
}
