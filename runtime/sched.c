/* Task coroutines: spawn, resume from libuv callbacks, error isolation with tracebacks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "rt.h"

#if LUA_VERSION_RELEASE_NUM >= 50406
#define rt_closethread(co, from) lua_closethread(co, from)
#else
#define rt_closethread(co, from) lua_resetthread(co)
#endif

typedef struct {
    rt_task_done_fn done;
    void *ud;
} task_record_t;

rt_t *rt_get(lua_State *L) { return *(rt_t **)lua_getextraspace(L); }

int rt_fail(lua_State *L, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    lua_pushnil(L);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    return 2;
}

void rt_report_error(rt_t *rt, const char *where, const char *msg) {
    (void)rt;
    log_write(LOG_ERROR, where, "%s", msg);
}

/* Pushes tasks[co] (a task_record_t userdata or nil) on L. */
static task_record_t *task_record(rt_t *rt, lua_State *L, lua_State *co) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->tasks_ref);
    lua_pushthread(co);
    lua_xmove(co, L, 1);
    lua_rawget(L, -2);
    task_record_t *rec = lua_touserdata(L, -1);
    lua_pop(L, 2);
    return rec;
}

void rt_check_yieldable(lua_State *L, const char *what) {
    rt_t *rt = rt_get(L);
    if (!lua_isyieldable(L) || !task_record(rt, L, L))
        luaL_error(L, "%s must be called from a runtime task (a handler, rt.spawn or a test), not from the main "
                      "chunk, a metamethod or a coroutine of your own", what);
}

/* L is the running thread that resumed co (the main thread when called from a loop callback): scratch stack. */
static void finish(rt_t *rt, lua_State *L, lua_State *co, int status, int nres) {
    task_record_t *rec = task_record(rt, L, co);
    if (status != LUA_OK) {
        const char *msg = lua_type(co, -1) == LUA_TSTRING || lua_type(co, -1) == LUA_TNUMBER
                              ? lua_tostring(co, -1)
                              : lua_pushfstring(co, "(error object is a %s value)", luaL_typename(co, -1));
        luaL_traceback(L, co, msg, 0);
        const char *tb = lua_tostring(L, -1);
        if (!rec || !rec->done) rt_report_error(rt, "task", tb);
        lua_pushstring(co, tb); /* done callbacks see the message with its traceback */
        lua_pop(L, 1);
        nres = 1;
    }
    if (rec && rec->done) rec->done(rt, co, status, nres, rec->ud);
    /* Unanchor: tasks[co] = nil. */
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->tasks_ref);
    lua_pushthread(co);
    lua_xmove(co, L, 1);
    lua_pushnil(L);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    if (status != LUA_OK) rt_closethread(co, L); /* runs pending to-be-closed variables */
    rt->running_tasks--;
}

static void resume_from(rt_t *rt, lua_State *from, lua_State *co, int nargs) {
    int nres = 0;
    int status = lua_resume(co, from, nargs, &nres);
    if (status == LUA_YIELD) {
        if (nres > 0) lua_pop(co, nres); /* values yielded to us are not used */
        return;
    }
    finish(rt, from, co, status, nres);
}

void rt_resume(rt_t *rt, lua_State *co, int nargs) {
    if (rt->stopping == 2) { /* closing: nothing may run Lua any more */
        lua_pop(co, nargs);
        return;
    }
    resume_from(rt, rt->L, co, nargs);
}

int rt_spawn(rt_t *rt, lua_State *L, int nargs, rt_task_done_fn done, void *ud) {
    lua_State *co = lua_newthread(L); /* stack: fn args... co */
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->tasks_ref);
    lua_pushvalue(L, -2);
    task_record_t *rec = lua_newuserdatauv(L, sizeof *rec, 0);
    rec->done = done;
    rec->ud = ud;
    lua_rawset(L, -3);
    lua_pop(L, 2); /* tasks table, thread (anchored in tasks now) */
    lua_xmove(L, co, nargs + 1);
    rt->running_tasks++;
    resume_from(rt, L, co, nargs);
    return 0;
}

/* ---- handles owned by heap objects ---- */

static void owner_close_cb(uv_handle_t *h) {
    rt_handle_owner_t *o = h->data;
    if (o && --o->open_handles == 0 && o->release) o->release(o);
}

void rt_handle_close(uv_handle_t *h) {
    if (!uv_is_closing(h)) uv_close(h, owner_close_cb);
}

static bool owned_by_runtime(uv_handle_t *h) {
    uint32_t magic = 0;
    if (!h->data) return false;
    memcpy(&magic, h->data, sizeof magic);
    return magic == RT_OWNER_MAGIC;
}

static void walk_close(uv_handle_t *h, void *arg) {
    (void)arg;
    if (!uv_is_closing(h) && owned_by_runtime(h)) uv_close(h, owner_close_cb);
}

void rt_close_all_handles(rt_t *rt) { uv_walk(&rt->loop, walk_close, NULL); }

/* ---- threadpool work ---- */

static void work_cb(uv_work_t *req) {
    rt_work_t *w = (rt_work_t *)req;
    w->work(w);
}

static void after_work_cb(uv_work_t *req, int status) {
    rt_work_t *w = (rt_work_t *)req;
    rt_t *rt = w->rt;
    lua_State *co = w->co;
    if (status == UV_ECANCELED || rt->L == NULL) {
        if (w->destroy) w->destroy(w);
        return;
    }
    int n = w->push(w, co);
    if (w->destroy) w->destroy(w);
    rt_resume(rt, co, n);
}

int rt_work_start(lua_State *L, rt_work_t *w) {
    w->rt = rt_get(L);
    w->co = L;
    int r = uv_queue_work(&w->rt->loop, &w->req, work_cb, after_work_cb);
    if (r) {
        if (w->destroy) w->destroy(w);
        return rt_fail(L, "cannot queue work: %s", uv_strerror(r));
    }
    return lua_yield(L, 0);
}
