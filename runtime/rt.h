/* The runtime: one libuv loop, one Lua state, the scheduler of task coroutines, the script generations.
 * Everything mutable lives in rt_t; C functions called from Lua find it with rt_get(L). */
#ifndef MINER_RT_H
#define MINER_RT_H

#include <lauxlib.h>
#include <lua.h>
#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "config.h"

typedef struct rt rt_t;

/* Called when a task coroutine ends. On success its results are on co's stack (nres of them); on error the
 * message with traceback is on top (status != LUA_OK). The coroutine is released after the call. */
typedef void (*rt_task_done_fn)(rt_t *rt, lua_State *co, int status, int nres, void *ud);

/* Heap objects that own libuv handles embed this first and point every handle's data at it; the object is
 * released once all its handles have closed, whether closed by their owner or at shutdown. The magic tells
 * the shutdown walk which handles are ours: handles of libraries on the same loop (libwebsockets) carry
 * their own data and are closed by their library. */
#define RT_OWNER_MAGIC 0x52544f57u /* "RTOW" */
typedef struct rt_handle_owner {
    uint32_t magic;
    int open_handles;
    void (*release)(struct rt_handle_owner *owner);
} rt_handle_owner_t;

struct rt {
    uv_loop_t loop;
    lua_State *L;
    rt_config_t cfg;
    char *argv0;
    char lualib_dir[4096];
    char scripts_dir[4096];
    char entrypoint[4096]; /* resolved path of the entrypoint script */

    int gen_ref;           /* registry ref of the current generation table, LUA_NOREF before the first load */
    unsigned gen_id;
    int tasks_ref;         /* registry table: thread -> true, anchors running task coroutines */
    int running_tasks;

    uv_fs_event_t watchers[8];
    int nwatchers;
    uv_timer_t debounce;
    uv_signal_t sighup, sigint, sigterm;
    int stopping;
    int exit_code;
    void (*on_stop)(rt_t *rt, void *ud); /* graceful shutdown (the axon drains, then calls uv_stop) */
    void *on_stop_ud;
    struct {
        void (*fn)(void *ud); /* closes handles whose data is not an rt_handle_owner_t, before the final walk */
        void *ud;
    } close_hooks[8], finalizers[8]; /* finalizers run after the loop has drained, before the Lua state closes */
    int nclose_hooks, nfinalizers;
};

rt_t *rt_get(lua_State *L);
int rt_init(rt_t *rt, const rt_config_t *cfg, const char *argv0);
void rt_close(rt_t *rt);
int rt_run(rt_t *rt);
void rt_stop(rt_t *rt, int exit_code);

/* Scheduler (sched.c). rt_spawn pops a function and nargs arguments from L and runs them in a new coroutine.
 * Returns 0, or -1 if the coroutine could not be created. */
int rt_spawn(rt_t *rt, lua_State *L, int nargs, rt_task_done_fn done, void *ud);
/* Resumes a suspended task coroutine with nargs values already pushed on co. */
void rt_resume(rt_t *rt, lua_State *co, int nargs);
/* For async C functions: errors unless called from a task coroutine that can yield. */
void rt_check_yieldable(lua_State *L, const char *what);
/* Anchors/unanchors a coroutine so C may keep its lua_State* while it waits. */
void rt_report_error(rt_t *rt, const char *where, const char *msg);

/* Registers a userdata metatable `name` with `methods` as __index and, when not NULL, __gc and __close
 * (binding.c). Leaves the stack as it was. */
void rt_register_class(lua_State *L, const char *name, const luaL_Reg *methods, lua_CFunction gc,
                       lua_CFunction close);

/* Handles owned by heap objects (see rt_handle_owner_t). */
void rt_handle_close(uv_handle_t *h);
void rt_close_all_handles(rt_t *rt);
void rt_add_close_hook(rt_t *rt, void (*fn)(void *ud), void *ud);
void rt_remove_close_hook(rt_t *rt, void *ud);
void rt_add_finalizer(rt_t *rt, void (*fn)(void *ud), void *ud);

/* Offload blocking C work to the libuv threadpool while the calling coroutine yields.
 * work runs on a pool thread (no Lua!); push runs on the loop thread and pushes results on co, returning their count. */
typedef struct rt_work {
    uv_work_t req;
    rt_t *rt;
    lua_State *co;
    void (*work)(struct rt_work *w);
    int (*push)(struct rt_work *w, lua_State *co);
    void (*destroy)(struct rt_work *w);
} rt_work_t;
int rt_work_start(lua_State *L, rt_work_t *w);

/* Hot reload (reload.c). */
int rt_load_generation(rt_t *rt);          /* 0 on success; on failure the old generation stays */
int rt_start_watching(rt_t *rt);
void rt_request_reload(rt_t *rt);

/* Lua modules. */
int luaopen_rt(lua_State *L);
int luaopen_log(lua_State *L);
int luaopen_time(lua_State *L);
int luaopen_timer(lua_State *L);
int luaopen_fs(lua_State *L);
int luaopen_proc(lua_State *L);
int luaopen_json(lua_State *L);
int luaopen_crypto(lua_State *L);
int luaopen_wallet(lua_State *L);
int luaopen_cjson(lua_State *L);
int luaopen_axon(lua_State *L);
int luaopen_zip(lua_State *L);
int luaopen_hcl(lua_State *L);
int luaopen_scale(lua_State *L);
int luaopen_httpc(lua_State *L);
int luaopen_wsrpc(lua_State *L);
int luaopen_httpd(lua_State *L);
/* The HTTP server of an axon userdata (NULL once closed): for tests and fuzzing (http_server_adopt). */
struct http_server *rt_axon_http(lua_State *L, int idx);

/* Shared helper: the `nil, message` failure tuple. */
int rt_fail(lua_State *L, const char *fmt, ...);

#endif
