/* require "rt": tasks, the read-only config, generations, stop. */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "rt.h"

static int l_spawn(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    rt_spawn(rt_get(L), L, lua_gettop(L) - 1, NULL, NULL);
    return 0;
}

static int readonly_newindex(lua_State *L) {
    return luaL_error(L, "config is read-only (tried to set '%s')", luaL_tolstring(L, 2, NULL));
}

static int next_of(lua_State *L) {
    lua_settop(L, 2);
    return lua_next(L, 1) ? 2 : (lua_pushnil(L), 1);
}

static int readonly_pairs(lua_State *L) {
    lua_pushcfunction(L, next_of);
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_remove(L, -2);
    lua_pushnil(L);
    return 3;
}

/* Replaces the table on top with a read-only proxy of it (recursively). */
static void freeze(lua_State *L) {
    int t = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_istable(L, -1)) {
            freeze(L);
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, t);
        } else {
            lua_pop(L, 1);
        }
    }
    lua_newtable(L);          /* proxy */
    lua_createtable(L, 0, 3); /* metatable */
    lua_pushvalue(L, t);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, readonly_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, readonly_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushliteral(L, "config");
    lua_setfield(L, -2, "__name");
    lua_setmetatable(L, -2);
    lua_replace(L, t);
}

/* Sets path "a.b.c" = value (on top) inside the table at idx, creating subtables. */
static void set_dotted(lua_State *L, int idx, const char *key) {
    idx = lua_absindex(L, idx);
    lua_pushvalue(L, idx);
    const char *p = key;
    const char *dot;
    while ((dot = strchr(p, '.')) != NULL) {
        lua_pushlstring(L, p, (size_t)(dot - p));
        if (lua_rawget(L, -2) != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushlstring(L, p, (size_t)(dot - p));
            lua_pushvalue(L, -2);
            lua_rawset(L, -4);
        }
        lua_remove(L, -2);
        p = dot + 1;
    }
    lua_pushstring(L, p);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 2);
}

static void push_config(lua_State *L, rt_t *rt) {
    lua_newtable(L);
    for (size_t i = 0; i < rt_options_count; i++) {
        const char *v = rt->cfg.values[i];
        if (!v) continue;
        switch (rt_options[i].type) {
        case OPT_INT: lua_pushinteger(L, strtoll(v, NULL, 10)); break;
        case OPT_FLOAT: lua_pushnumber(L, strtod(v, NULL)); break;
        case OPT_BOOL: {
            bool b = false;
            rt_parse_bool(v, &b);
            lua_pushboolean(L, b);
            break;
        }
        default: lua_pushstring(L, v); break;
        }
        set_dotted(L, -2, rt_options[i].key);
    }
    lua_pushstring(L, rt->cfg.command);
    lua_setfield(L, -2, "command");
    lua_createtable(L, rt->cfg.nargs, 0);
    for (int i = 0; i < rt->cfg.nargs; i++) {
        lua_pushstring(L, rt->cfg.args[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "args");
    lua_pushstring(L, rt->entrypoint);
    lua_setfield(L, -2, "entrypoint_path");
    lua_pushstring(L, rt->lualib_dir);
    lua_setfield(L, -2, "lualib_dir");
    lua_pushstring(L, rt->scripts_dir);
    lua_setfield(L, -2, "scripts_dir");
    freeze(L);
}

static int l_generation(lua_State *L) {
    rt_t *rt = rt_get(L);
    if (rt->gen_ref == LUA_NOREF) return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->gen_ref);
    lua_getfield(L, -1, "handlers");
    lua_pushinteger(L, rt->gen_id);
    return 2;
}

static int l_reload(lua_State *L) {
    rt_t *rt = rt_get(L);
    if (!rt->entrypoint[0]) return rt_fail(L, "no entrypoint loaded");
    lua_pushboolean(L, rt_load_generation(rt) == 0);
    return 1;
}

static int l_stop(lua_State *L) {
    rt_stop(rt_get(L), (int)luaL_optinteger(L, 1, 0));
    return 0;
}

/* rt.current() -> the running task's thread (errors outside a task). */
static int l_current(lua_State *L) {
    rt_check_yieldable(L, "rt.current");
    lua_pushthread(L);
    return 1;
}

/* rt.suspend() suspends the running task until rt.wake(thread, ...) resumes it; returns wake's values. */
static int l_suspend(lua_State *L) {
    rt_check_yieldable(L, "rt.suspend");
    return lua_yield(L, 0);
}

typedef struct {
    rt_handle_owner_t owner;
    uv_timer_t timer;
    rt_t *rt;
    lua_State *co;
    int args_ref; /* table of values to resume with */
} wake_t;

static void wake_release(rt_handle_owner_t *o) { free(o); }

static void on_wake(uv_timer_t *t) {
    wake_t *w = t->data;
    rt_t *rt = w->rt;
    lua_State *co = w->co;
    rt_handle_close((uv_handle_t *)t);
    lua_State *L = rt->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, w->args_ref);
    luaL_unref(L, LUA_REGISTRYINDEX, w->args_ref);
    lua_getfield(L, -1, "n");
    int n = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    luaL_checkstack(co, n + 1, "rt.wake");
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        lua_xmove(L, co, 1);
    }
    lua_pop(L, 1);
    if (lua_status(co) == LUA_YIELD) rt_resume(rt, co, n);
    else lua_pop(co, n);
}

/* rt.wake(thread, ...): resumes a task suspended by rt.suspend() on the next loop turn (never re-entrantly). */
static int l_wake(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTHREAD);
    rt_t *rt = rt_get(L);
    lua_State *co = lua_tothread(L, 1);
    int n = lua_gettop(L) - 1;
    wake_t *w = calloc(1, sizeof *w);
    if (!w) return luaL_error(L, "out of memory");
    lua_createtable(L, n, 1);
    for (int i = 1; i <= n; i++) {
        lua_pushvalue(L, i + 1);
        lua_rawseti(L, -2, i);
    }
    lua_pushinteger(L, n);
    lua_setfield(L, -2, "n");
    lua_pushvalue(L, 1); /* keep the thread alive until woken */
    lua_setfield(L, -2, "thread");
    w->args_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    w->owner.open_handles = 1;
    w->owner.magic = RT_OWNER_MAGIC;
    w->owner.release = wake_release;
    w->rt = rt;
    w->co = co;
    uv_timer_init(&rt->loop, &w->timer);
    w->timer.data = w;
    uv_timer_start(&w->timer, on_wake, 0, 0);
    return 0;
}

static int l_tasks(lua_State *L) {
    lua_pushinteger(L, rt_get(L)->running_tasks);
    return 1;
}

int luaopen_rt(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"spawn", l_spawn}, {"generation", l_generation}, {"reload", l_reload},
        {"stop", l_stop},   {"running_tasks", l_tasks},   {"current", l_current},
        {"suspend", l_suspend}, {"wake", l_wake}, {NULL, NULL},
    };
    luaL_newlib(L, funcs);
    push_config(L, rt_get(L));
    lua_setfield(L, -2, "config");
    return 1;
}
