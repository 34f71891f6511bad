/* require "timer": timer.sleep(seconds) suspends the calling task. */
#include <math.h>
#include <stdlib.h>

#include "rt.h"

typedef struct {
    rt_handle_owner_t owner;
    uv_timer_t timer;
    rt_t *rt;
    lua_State *co;
    bool fired;
} sleep_t;

static void sleep_release(rt_handle_owner_t *o) { free(o); }

static void on_sleep_done(uv_timer_t *t) {
    sleep_t *s = (sleep_t *)t->data;
    s->fired = true;
    rt_t *rt = s->rt;
    lua_State *co = s->co;
    rt_handle_close((uv_handle_t *)t);
    lua_pushboolean(co, 1);
    rt_resume(rt, co, 1);
}

static int l_sleep(lua_State *L) {
    double secs = luaL_checknumber(L, 1);
    luaL_argcheck(L, secs >= 0 && isfinite(secs), 1, "non-negative number of seconds expected");
    rt_check_yieldable(L, "timer.sleep");
    rt_t *rt = rt_get(L);
    sleep_t *s = calloc(1, sizeof *s);
    if (!s) return luaL_error(L, "out of memory");
    s->owner.open_handles = 1;
    s->owner.magic = RT_OWNER_MAGIC;
    s->owner.release = sleep_release;
    s->rt = rt;
    s->co = L;
    uv_timer_init(&rt->loop, &s->timer);
    s->timer.data = s;
    uv_timer_start(&s->timer, on_sleep_done, (uint64_t)llround(secs * 1000.0), 0);
    return lua_yield(L, 0);
}

int luaopen_timer(lua_State *L) {
    static const luaL_Reg funcs[] = {{"sleep", l_sleep}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    return 1;
}
