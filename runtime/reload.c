/* Script generations and hot reload.
 * A generation is the entrypoint's handler table plus the modules it required, all loaded into a fresh
 * environment by lualib/rt/boot.lua. A new generation is built completely and swapped in only on success;
 * tasks already running keep the closures of the generation they started with. Triggers: a change in a
 * watched directory (debounced, then confirmed by a content hash of the files the last attempt read) or SIGHUP. */
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "rt.h"

#define rt_container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

/* Registry keys (light userdata addresses) for the reload bookkeeping that lives in Lua. */
static const char last_files_key = 1; /* table: paths read by the last attempt */
static const char last_hash_key = 2;  /* string: their content hash */

/* Hash the files listed in the table at index idx (missing files hash as their name alone). Pushes the hash. */
static void push_files_hash(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, 32);
    lua_Integer n = luaL_len(L, idx);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        size_t plen;
        const char *path = lua_tolstring(L, -1, &plen);
        if (path) {
            crypto_generichash_update(&st, (const unsigned char *)path, plen + 1);
            FILE *f = fopen(path, "rb");
            if (f) {
                unsigned char buf[16384];
                size_t got;
                while ((got = fread(buf, 1, sizeof buf, f)) > 0) crypto_generichash_update(&st, buf, got);
                fclose(f);
            }
        }
        lua_pop(L, 1);
    }
    unsigned char out[32];
    crypto_generichash_final(&st, out, sizeof out);
    lua_pushlstring(L, (const char *)out, sizeof out);
}

static int traceback_handler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (!msg) msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static void run_hook(rt_t *rt, const char *hook_fn_name, int old_gen_ref) {
    lua_State *L = rt->L;
    /* rt.boot[hook](new_gen, old_gen) in its own task: hooks may do async work. */
    if (luaL_dostring(L, "return (require 'rt.boot')") != LUA_OK) {
        LOGE("%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        return;
    }
    lua_getfield(L, -1, hook_fn_name);
    lua_remove(L, -2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->gen_ref);
    if (old_gen_ref != LUA_NOREF) lua_rawgeti(L, LUA_REGISTRYINDEX, old_gen_ref);
    else lua_pushnil(L);
    rt_spawn(rt, L, 2, NULL, NULL);
}

int rt_load_generation(rt_t *rt) {
    lua_State *L = rt->L;
    int top = lua_gettop(L);
    lua_pushcfunction(L, traceback_handler);
    int handler = lua_gettop(L);
    if (luaL_dostring(L, "return (require 'rt.boot')") != LUA_OK) {
        LOGE("cannot load the runtime's boot module: %s", lua_tostring(L, -1));
        lua_settop(L, top);
        return -1;
    }
    lua_getfield(L, -1, "load");
    lua_pushstring(L, rt->entrypoint);
    lua_newtable(L); /* search dirs */
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", rt->entrypoint);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0;
    lua_pushstring(L, dir);
    lua_rawseti(L, -2, 1);
    lua_pushstring(L, rt->lualib_dir);
    lua_rawseti(L, -2, 2);
    lua_pushinteger(L, (lua_Integer)rt->gen_id + 1);
    lua_newtable(L); /* files read, filled even when loading fails */
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &last_files_key);
    int status = lua_pcall(L, 4, 1, handler);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &last_files_key);
    push_files_hash(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &last_hash_key);
    lua_pop(L, 1);
    if (status != LUA_OK) {
        LOGE("entrypoint not loaded, %s: %s", rt->gen_ref == LUA_NOREF ? "no generation running" : "keeping generation",
             lua_tostring(L, -1));
        if (rt->gen_ref != LUA_NOREF) LOGE("still running generation %u", rt->gen_id);
        lua_settop(L, top);
        return -1;
    }
    int old_ref = rt->gen_ref;
    rt->gen_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    rt->gen_id++;
    LOGI("generation %u loaded from %s", rt->gen_id, rt->entrypoint);
    lua_settop(L, top);
    run_hook(rt, old_ref == LUA_NOREF ? "start" : "handover", old_ref);
    if (old_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, old_ref);
    rt_start_watching(rt); /* the new generation may read files in new folders */
    return 0;
}

/* After the quiet period: reload only if the files the last attempt read have changed. */
static void on_debounce(uv_timer_t *t) {
    rt_t *rt = rt_container_of(t, rt_t, debounce);
    lua_State *L = rt->L;
    if (rt->stopping) return;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &last_files_key);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    push_files_hash(L, -1);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &last_hash_key);
    bool same = lua_rawequal(L, -1, -2);
    lua_pop(L, 3);
    if (same) {
        LOGD("files unchanged, no reload");
        return;
    }
    rt_load_generation(rt);
}

static void on_fs_event(uv_fs_event_t *h, const char *filename, int events, int status) {
    rt_t *rt = h->data;
    if (status < 0) {
        LOGW("file watch error: %s", uv_strerror(status));
        return;
    }
    if (filename) {
        size_t n = strlen(filename);
        if (n < 4 || strcmp(filename + n - 4, ".lua") != 0) return;
    }
    LOGT("change: %s (%d)", filename ? filename : "?", events);
    uv_timer_start(&rt->debounce, on_debounce, (uint64_t)rt_config_int(&rt->cfg, "reload.debounce_ms", 100), 0);
}

static void add_watch(rt_t *rt, const char *dir) {
    char path[PATH_MAX];
    size_t len;
    for (int i = 0; i < rt->nwatchers; i++) {
        len = sizeof path;
        if (uv_fs_event_getpath(&rt->watchers[i], path, &len) == 0 && strcmp(path, dir) == 0) return;
    }
    if (rt->nwatchers >= (int)(sizeof rt->watchers / sizeof rt->watchers[0])) {
        LOGW("too many folders to watch; not watching %s", dir);
        return;
    }
    uv_fs_event_t *w = &rt->watchers[rt->nwatchers];
    uv_fs_event_init(&rt->loop, w);
    w->data = NULL;
    int r = uv_fs_event_start(w, on_fs_event, dir, 0);
    if (r) {
        LOGW("cannot watch %s: %s", dir, uv_strerror(r));
        uv_close((uv_handle_t *)w, NULL);
        return;
    }
    w->data = rt;
    /* Watchers are embedded in rt: the shutdown walk must not treat data as an owner. */
    rt->nwatchers++;
    LOGD("watching %s", dir);
}

int rt_start_watching(rt_t *rt) {
    if (rt->stopping) return 0;
    lua_State *L = rt->L;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &last_files_key);
    lua_Integer n = lua_istable(L, -1) ? luaL_len(L, -1) : 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        char *slash = strrchr(dir, '/');
        if (!slash) continue;
        *slash = 0;
        add_watch(rt, dir);
    }
    lua_pop(L, 1);
    return 0;
}

void rt_request_reload(rt_t *rt) {
    if (!rt->stopping && rt->entrypoint[0]) rt_load_generation(rt);
}
