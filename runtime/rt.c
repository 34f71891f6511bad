/* Runtime lifecycle: loop and Lua state setup, module preloading, signals, shutdown. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lualib.h>

#include "log.h"
#include "rt.h"

#define rt_container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The shipped Lua library and scripts sit beside the binary's folder (build/miner -> ../lualib); a binary
 * run from elsewhere falls back to the source tree it was built from. */
static void find_home(rt_t *rt) {
    char exe[PATH_MAX];
    size_t len = sizeof exe;
    char home[PATH_MAX + 8] = MINER_SOURCE_DIR;
    if (uv_exepath(exe, &len) == 0) {
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            char candidate[PATH_MAX + 16];
            exe[PATH_MAX - 8] = 0;
            snprintf(candidate, sizeof candidate, "%s/../lualib", exe);
            if (is_dir(candidate)) snprintf(home, sizeof home, "%s/..", exe);
        }
    }
    char resolved[PATH_MAX];
    if (realpath(home, resolved)) snprintf(home, sizeof home, "%s", resolved);
    const char *lualib = rt_config_get(&rt->cfg, "lualib");
    if (lualib) snprintf(rt->lualib_dir, sizeof rt->lualib_dir, "%s", lualib);
    else snprintf(rt->lualib_dir, sizeof rt->lualib_dir, "%.4000s/lualib", home);
    snprintf(rt->scripts_dir, sizeof rt->scripts_dir, "%.4000s/scripts", home);
}

/* --entrypoint: an existing path as given, else a name inside scripts/. */
static int resolve_entrypoint(rt_t *rt) {
    const char *ep = rt_config_get(&rt->cfg, "entrypoint");
    char candidate[PATH_MAX + 8];
    if (is_file(ep)) snprintf(candidate, sizeof candidate, "%s", ep);
    else snprintf(candidate, sizeof candidate, "%s/%s", rt->scripts_dir, ep);
    char resolved[PATH_MAX];
    if (!realpath(candidate, resolved) || !is_file(resolved)) {
        log_write(LOG_ERROR, "rt", "entrypoint '%s' not found (looked at '%s' and '%s/%s')", ep, ep, rt->scripts_dir, ep);
        return -1;
    }
    snprintf(rt->entrypoint, sizeof rt->entrypoint, "%s", resolved);
    return 0;
}

static void preload(lua_State *L, const char *name, lua_CFunction open) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, open);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

static void on_signal(uv_signal_t *h, int signum) {
    if (signum == SIGHUP) {
        rt_t *rt = rt_container_of(h, rt_t, sighup);
        LOGI("SIGHUP: reloading the entrypoint");
        rt_request_reload(rt);
        return;
    }
    rt_t *rt = signum == SIGINT ? rt_container_of(h, rt_t, sigint) : rt_container_of(h, rt_t, sigterm);
    if (rt->stopping) {
        LOGW("second %s: stopping now", signum == SIGINT ? "SIGINT" : "SIGTERM");
        uv_stop(&rt->loop);
        return;
    }
    LOGI("%s: stopping gracefully", signum == SIGINT ? "SIGINT" : "SIGTERM");
    rt_stop(rt, 0);
}

int rt_init(rt_t *rt, const rt_config_t *cfg, const char *argv0) {
    memset(rt, 0, sizeof *rt);
    rt->cfg = *cfg;
    rt->gen_ref = LUA_NOREF;
    rt->argv0 = (char *)argv0;
    log_set_level(log_level_from_name(rt_config_get(cfg, "logging.level")));
    log_set_format(rt_config_get(cfg, "logging.format"));
    int r = uv_loop_init(&rt->loop);
    if (r) {
        LOGE("uv_loop_init: %s", uv_strerror(r));
        return -1;
    }
    find_home(rt);

    lua_State *L = luaL_newstate();
    if (!L) {
        LOGE("cannot create the Lua state: out of memory");
        uv_loop_close(&rt->loop);
        return -1;
    }
    rt->L = L;
    *(rt_t **)lua_getextraspace(L) = rt;
    luaL_openlibs(L);
    preload(L, "rt", luaopen_rt);
    preload(L, "log", luaopen_log);
    preload(L, "time", luaopen_time);
    preload(L, "timer", luaopen_timer);
    preload(L, "fs", luaopen_fs);
    preload(L, "proc", luaopen_proc);
    preload(L, "json", luaopen_json);
    preload(L, "cjson", luaopen_cjson);
    preload(L, "crypto", luaopen_crypto);
    preload(L, "axon", luaopen_axon);
    preload(L, "zip", luaopen_zip);
    preload(L, "hcl", luaopen_hcl);
    preload(L, "scale", luaopen_scale);
    preload(L, "httpc", luaopen_httpc);
    preload(L, "wsrpc", luaopen_wsrpc);
    preload(L, "httpd", luaopen_httpd);

    lua_getglobal(L, "package");
    lua_pushfstring(L, "%s/?.lua;%s/?/init.lua", rt->lualib_dir, rt->lualib_dir);
    lua_setfield(L, -2, "path");
    lua_pushstring(L, ""); /* C modules are linked in, never loaded from disk */
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);

    lua_newtable(L);
    rt->tasks_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    uv_signal_init(&rt->loop, &rt->sighup);
    uv_signal_init(&rt->loop, &rt->sigint);
    uv_signal_init(&rt->loop, &rt->sigterm);
    uv_signal_start(&rt->sighup, on_signal, SIGHUP);
    uv_signal_start(&rt->sigint, on_signal, SIGINT);
    uv_signal_start(&rt->sigterm, on_signal, SIGTERM);
    /* Signal handles must not keep the loop alive on their own. */
    uv_unref((uv_handle_t *)&rt->sighup);
    uv_unref((uv_handle_t *)&rt->sigint);
    uv_unref((uv_handle_t *)&rt->sigterm);
    uv_timer_init(&rt->loop, &rt->debounce);
    uv_unref((uv_handle_t *)&rt->debounce);

    if (strcmp(cfg->command, "run") == 0 && resolve_entrypoint(rt)) return -1;
    return 0;
}

int rt_run(rt_t *rt) {
    uv_run(&rt->loop, UV_RUN_DEFAULT);
    return rt->exit_code;
}

void rt_stop(rt_t *rt, int exit_code) {
    if (rt->stopping) return;
    rt->stopping = 1;
    rt->exit_code = exit_code;
    for (int i = 0; i < rt->nwatchers; i++) uv_fs_event_stop(&rt->watchers[i]);
    uv_timer_stop(&rt->debounce);
    if (rt->on_stop) rt->on_stop(rt, rt->on_stop_ud); /* drains, then calls uv_stop itself */
    else uv_stop(&rt->loop);
}

void rt_add_close_hook(rt_t *rt, void (*fn)(void *ud), void *ud) {
    if (rt->nclose_hooks < (int)(sizeof rt->close_hooks / sizeof rt->close_hooks[0])) {
        rt->close_hooks[rt->nclose_hooks].fn = fn;
        rt->close_hooks[rt->nclose_hooks].ud = ud;
        rt->nclose_hooks++;
    } else {
        LOGE("too many close hooks");
    }
}

void rt_add_finalizer(rt_t *rt, void (*fn)(void *ud), void *ud) {
    if (rt->nfinalizers < (int)(sizeof rt->finalizers / sizeof rt->finalizers[0])) {
        rt->finalizers[rt->nfinalizers].fn = fn;
        rt->finalizers[rt->nfinalizers].ud = ud;
        rt->nfinalizers++;
    }
}

void rt_remove_close_hook(rt_t *rt, void *ud) {
    for (int i = 0; i < rt->nclose_hooks; i++) {
        if (rt->close_hooks[i].ud == ud) {
            rt->close_hooks[i] = rt->close_hooks[--rt->nclose_hooks];
            return;
        }
    }
}

void rt_close(rt_t *rt) {
    rt->stopping = 2;
    if (rt->L) {
        /* Handles embedded in rt first (their data is not an rt_handle_owner_t), then everything else. */
        uv_handle_t *embedded[] = {(uv_handle_t *)&rt->debounce, (uv_handle_t *)&rt->sighup,
                                   (uv_handle_t *)&rt->sigint, (uv_handle_t *)&rt->sigterm};
        for (size_t i = 0; i < sizeof embedded / sizeof embedded[0]; i++)
            if (!uv_is_closing(embedded[i])) uv_close(embedded[i], NULL);
        for (int i = 0; i < rt->nwatchers; i++)
            if (!uv_is_closing((uv_handle_t *)&rt->watchers[i])) uv_close((uv_handle_t *)&rt->watchers[i], NULL);
        for (int i = rt->nclose_hooks - 1; i >= 0; i--) rt->close_hooks[i].fn(rt->close_hooks[i].ud);
        rt->nclose_hooks = 0;
        rt_close_all_handles(rt);
        /* Let close callbacks, cancelled threadpool work and other libraries on the loop (libwebsockets closes
         * its own handles) finish; never hang the exit on a handle nobody closes. */
        uint64_t give_up = uv_hrtime() + 5000000000ULL;
        while (uv_loop_alive(&rt->loop) && uv_hrtime() < give_up) {
            uv_run(&rt->loop, UV_RUN_NOWAIT);
            if (uv_loop_alive(&rt->loop)) uv_sleep(1);
        }
        for (int i = 0; i < rt->nfinalizers; i++) rt->finalizers[i].fn(rt->finalizers[i].ud);
        rt->nfinalizers = 0;
        for (int i = 0; i < 100 && uv_loop_alive(&rt->loop); i++) uv_run(&rt->loop, UV_RUN_NOWAIT);
        if (uv_loop_alive(&rt->loop)) LOGW("shutdown: handles still open after 5 s; exiting anyway");
        lua_close(rt->L);
        rt->L = NULL;
    }
    if (uv_loop_alive(&rt->loop)) return;
    int r = uv_loop_close(&rt->loop);
    if (r) LOGW("uv_loop_close: %s", uv_strerror(r));
}
