/* require "proc": proc.run{argv, env, clear_env, cwd, stdin, timeout, grace, log_prefix, max_output}
 * Spawns argv[1] (PATH lookup) in a new process group, captures stdout/stderr, and returns when the process has
 * exited and its pipes are drained: {code=, signal=, stdout=, stderr=, timed_out=, elapsed=}.
 * At `timeout` seconds the whole group gets SIGTERM, then SIGKILL after `grace` seconds (default 0: SIGKILL
 * at once). When the leader exits, stragglers left in its group are killed so no pipe is held open.
 * With log_prefix, each output line is also logged (info) as it arrives; max_output caps what is captured (not
 * what is logged), `truncated` tells. The child never gets the wallet passwords (BT_PW_*) of this process unless
 * env names them explicitly. Spawn failure: nil, message. */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "rt.h"

extern char **environ;

#define PROC_READ_CHUNK 65536
#define PROC_LOG_LINE 4096 /* longer lines are logged in pieces of this size */

/* One output pipe: the captured bytes (at most max_output, the rest only counted as truncated), the line being
 * assembled for the log (log_prefix), and the buffer libuv reads into. Logging sees the whole stream; the
 * capture cap never touches it. */
typedef struct {
    char *data;
    size_t len, cap;
    bool truncated;
    size_t line_len;
    char line[PROC_LOG_LINE];
    char chunk[PROC_READ_CHUNK];
} outbuf_t;

typedef struct {
    rt_handle_owner_t owner;
    uv_process_t proc;
    uv_pipe_t out, err, in;
    uv_timer_t timer;
    uv_write_t write_req;
    rt_t *rt;
    lua_State *co;
    outbuf_t bufs[2];
    char *stdin_data;
    size_t stdin_len;
    char *log_prefix;
    size_t max_output;
    double grace;
    int pending; /* exit + two pipe EOFs */
    bool exited, timed_out, killed_hard, resumed;
    int64_t exit_status;
    int term_signal;
    uint64_t started;
    int pid;
} proc_t;

static void proc_release(rt_handle_owner_t *o) {
    proc_t *p = (proc_t *)o;
    if (p->pid && !p->exited) kill(-p->pid, SIGKILL); /* closed at shutdown while still running */
    free(p->bufs[0].data);
    free(p->bufs[1].data);
    free(p->stdin_data);
    free(p->log_prefix);
    free(p);
}

static void log_flush(proc_t *p, outbuf_t *b) {
    log_write(LOG_INFO, p->log_prefix, "%.*s", (int)b->line_len, b->line);
    b->line_len = 0;
}

/* Logs every complete line of data (n bytes just read); a partial line waits for the next read or EOF. */
static void log_feed(proc_t *p, outbuf_t *b, const char *data, size_t n) {
    if (!p->log_prefix) return;
    while (n > 0) {
        const char *nl = memchr(data, '\n', n);
        size_t seg = nl ? (size_t)(nl - data) : n;
        while (seg > 0) {
            if (b->line_len == sizeof b->line) log_flush(p, b);
            size_t k = sizeof b->line - b->line_len;
            if (k > seg) k = seg;
            memcpy(b->line + b->line_len, data, k);
            b->line_len += k;
            data += k;
            n -= k;
            seg -= k;
        }
        if (nl) {
            log_flush(p, b);
            data++;
            n--;
        }
    }
}

/* Keeps the first max_output bytes of a stream. */
static void capture(proc_t *p, outbuf_t *b, const char *data, size_t n) {
    size_t room = p->max_output - b->len;
    if (n > room) {
        b->truncated = true;
        n = room;
    }
    if (n == 0) return;
    if (b->cap - b->len < n) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap - b->len < n) cap *= 2;
        if (cap > p->max_output) cap = p->max_output;
        char *bigger = realloc(b->data, cap);
        if (!bigger) {
            b->truncated = true;
            return;
        }
        b->data = bigger;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
}

static void maybe_finish(proc_t *p) {
    if (p->pending > 0 || p->resumed) return;
    p->resumed = true;
    uv_timer_stop(&p->timer);
    lua_State *co = p->co;
    lua_createtable(co, 0, 7);
    if (p->term_signal) {
        lua_pushinteger(co, p->term_signal);
        lua_setfield(co, -2, "signal");
    } else {
        lua_pushinteger(co, (lua_Integer)p->exit_status);
        lua_setfield(co, -2, "code");
    }
    static const char *names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        lua_pushlstring(co, p->bufs[i].data ? p->bufs[i].data : "", p->bufs[i].len);
        lua_setfield(co, -2, names[i]);
    }
    lua_pushboolean(co, p->timed_out);
    lua_setfield(co, -2, "timed_out");
    lua_pushboolean(co, p->bufs[0].truncated || p->bufs[1].truncated);
    lua_setfield(co, -2, "truncated");
    lua_pushnumber(co, (double)(uv_hrtime() - p->started) / 1e9);
    lua_setfield(co, -2, "elapsed");
    lua_pushinteger(co, p->pid);
    lua_setfield(co, -2, "pid");
    rt_t *rt = p->rt;
    /* Close before resuming: the Lua side may stop the runtime. */
    rt_handle_close((uv_handle_t *)&p->timer);
    rt_handle_close((uv_handle_t *)&p->proc);
    rt_resume(rt, co, 1);
}

static void on_exit_cb(uv_process_t *h, int64_t status, int sig) {
    proc_t *p = h->data;
    p->exited = true;
    p->exit_status = status;
    p->term_signal = sig;
    kill(-p->pid, SIGKILL); /* stragglers in the group would hold our pipes open */
    p->pending--;
    maybe_finish(p);
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    proc_t *p = h->data;
    outbuf_t *b = &p->bufs[(uv_pipe_t *)h == &p->out ? 0 : 1];
    buf->base = b->chunk;
    buf->len = sizeof b->chunk;
    (void)suggested;
}

static void read_cb(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
    proc_t *p = s->data;
    outbuf_t *b = &p->bufs[(uv_pipe_t *)s == &p->out ? 0 : 1];
    if (n > 0) {
        log_feed(p, b, buf->base, (size_t)n);
        capture(p, b, buf->base, (size_t)n);
        return;
    }
    if (n == 0) return;
    if (p->log_prefix && b->line_len) log_flush(p, b);
    rt_handle_close((uv_handle_t *)s); /* EOF or error */
    p->pending--;
    maybe_finish(p);
}

static void on_timeout(uv_timer_t *t) {
    proc_t *p = t->data;
    if (p->exited) return;
    if (!p->timed_out) {
        p->timed_out = true;
        log_write(LOG_WARN, "proc", "pid %d passed its deadline: %s", p->pid, p->grace > 0 ? "SIGTERM" : "SIGKILL");
        if (p->grace > 0) {
            kill(-p->pid, SIGTERM);
            uv_timer_start(&p->timer, on_timeout, (uint64_t)llround(p->grace * 1000), 0);
            return;
        }
    }
    p->killed_hard = true;
    kill(-p->pid, SIGKILL);
}

static void on_stdin_written(uv_write_t *req, int status) {
    proc_t *p = req->data;
    (void)status;
    rt_handle_close((uv_handle_t *)&p->in);
}

/* Collects a Lua array of strings into a NULL-terminated vector allocated as one block on the Lua stack. */
static char **string_vector(lua_State *L, int idx, const char *what) {
    lua_Integer n = luaL_len(L, idx);
    char **v = lua_newuserdatauv(L, sizeof(char *) * (size_t)(n + 1), 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "proc.run: %s[%d] must be a string", what, (int)i);
        v[i - 1] = (char *)lua_tostring(L, -1);
        lua_pop(L, 1); /* the string stays alive: it is in the table */
    }
    v[n] = NULL;
    return v;
}

/* Wallet passwords (BT_PW_<PATH>) are for this process only: never passed on to a child. */
static bool secret_name(const char *name, size_t len) { return len >= 6 && memcmp(name, "BT_PW_", 6) == 0; }

/* Builds the child's environment: the parent's (unless clear_env) without its secrets, overlaid with the env
 * table (false removes). Always an explicit vector: a child never inherits environ as is. */
static char **build_env(lua_State *L, int opts) {
    lua_getfield(L, opts, "env");
    if (!lua_isnil(L, -1)) luaL_checktype(L, -1, LUA_TTABLE);
    int env_idx = lua_istable(L, -1) ? lua_gettop(L) : 0;
    lua_getfield(L, opts, "clear_env");
    bool clear = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_newtable(L); /* merged name -> "name=value" */
    int merged = lua_gettop(L);
    for (char **e = environ; !clear && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || secret_name(*e, (size_t)(eq - *e))) continue;
        lua_pushlstring(L, *e, (size_t)(eq - *e));
        lua_pushstring(L, *e);
        lua_rawset(L, merged);
    }
    lua_pushnil(L);
    while (env_idx && lua_next(L, env_idx)) { /* key -2, value -1 */
        if (lua_type(L, -2) != LUA_TSTRING) luaL_error(L, "proc.run: env keys must be strings");
        if (lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1)) {
            lua_pushvalue(L, -2);
            lua_pushnil(L);
        } else {
            const char *value = luaL_tolstring(L, -1, NULL);
            lua_pushvalue(L, -3);
            lua_pushfstring(L, "%s=%s", lua_tostring(L, -1), value);
            lua_remove(L, -3); /* the tolstring copy */
        }
        lua_rawset(L, merged);
        lua_pop(L, 1);
    }
    lua_newtable(L);
    int arr = lua_gettop(L);
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, merged)) {
        lua_rawseti(L, arr, ++n);
    }
    char **v = string_vector(L, arr, "env");
    /* keep arr/merged alive below the vector until the spawn: leave them on the stack */
    return v;
}

static double opt_number(lua_State *L, int opts, const char *field, double def) {
    lua_getfield(L, opts, field);
    double v = luaL_optnumber(L, -1, def);
    lua_pop(L, 1);
    return v;
}

static int l_run(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "argv");
    luaL_argcheck(L, lua_istable(L, -1) && luaL_len(L, -1) > 0, 1, "argv must be a non-empty list");
    int argv_idx = lua_gettop(L);
    rt_check_yieldable(L, "proc.run");
    rt_t *rt = rt_get(L);
    char **args = string_vector(L, argv_idx, "argv");
    char **env = build_env(L, 1);
    lua_getfield(L, 1, "cwd");
    const char *cwd = luaL_optstring(L, -1, NULL);
    double timeout = opt_number(L, 1, "timeout", 0);
    double grace = opt_number(L, 1, "grace", 0);
    double max_output = opt_number(L, 1, "max_output", 64.0 * 1024 * 1024);
    luaL_argcheck(L, timeout >= 0 && grace >= 0 && max_output > 0, 1, "timeout, grace and max_output must be >= 0");
    lua_getfield(L, 1, "stdin");
    size_t stdin_len = 0;
    const char *stdin_data = luaL_optlstring(L, -1, NULL, &stdin_len);
    lua_getfield(L, 1, "log_prefix");
    const char *log_prefix = luaL_optstring(L, -1, NULL);

    proc_t *p = calloc(1, sizeof *p);
    if (!p) return luaL_error(L, "out of memory");
    p->owner.magic = RT_OWNER_MAGIC;
    p->owner.release = proc_release;
    p->rt = rt;
    p->co = L;
    p->grace = grace;
    p->max_output = (size_t)max_output;
    p->started = uv_hrtime();
    if (log_prefix) p->log_prefix = strdup(log_prefix);
    if (stdin_data) {
        p->stdin_data = malloc(stdin_len ? stdin_len : 1);
        memcpy(p->stdin_data, stdin_data, stdin_len);
        p->stdin_len = stdin_len;
    }
    uv_pipe_init(&rt->loop, &p->out, 0);
    uv_pipe_init(&rt->loop, &p->err, 0);
    uv_pipe_init(&rt->loop, &p->in, 0);
    uv_timer_init(&rt->loop, &p->timer);
    p->out.data = p->err.data = p->in.data = p->timer.data = p->proc.data = p;
    p->owner.open_handles = 5;

    uv_stdio_container_t stdio[3];
    stdio[0].flags = stdin_data ? UV_CREATE_PIPE | UV_READABLE_PIPE : UV_IGNORE;
    stdio[0].data.stream = (uv_stream_t *)&p->in;
    stdio[1].flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE;
    stdio[1].data.stream = (uv_stream_t *)&p->out;
    stdio[2].flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE;
    stdio[2].data.stream = (uv_stream_t *)&p->err;
    uv_process_options_t opts = {
        .exit_cb = on_exit_cb, .file = args[0], .args = args, .env = env, .cwd = cwd,
        .flags = UV_PROCESS_DETACHED, .stdio_count = 3, .stdio = stdio,
    };
    p->proc.data = p;
    int r = uv_spawn(&rt->loop, &p->proc, &opts);
    if (r) {
        rt_handle_close((uv_handle_t *)&p->proc);
        rt_handle_close((uv_handle_t *)&p->out);
        rt_handle_close((uv_handle_t *)&p->err);
        rt_handle_close((uv_handle_t *)&p->in);
        rt_handle_close((uv_handle_t *)&p->timer);
        return rt_fail(L, "cannot run %s: %s", args[0], uv_strerror(r));
    }
    p->pid = p->proc.pid;
    log_write(LOG_DEBUG, "proc", "started pid %d: %s", p->pid, args[0]);
    p->pending = 3;
    uv_read_start((uv_stream_t *)&p->out, alloc_cb, read_cb);
    uv_read_start((uv_stream_t *)&p->err, alloc_cb, read_cb);
    if (stdin_data) {
        uv_buf_t buf = uv_buf_init(p->stdin_data, (unsigned)p->stdin_len);
        p->write_req.data = p;
        if (uv_write(&p->write_req, (uv_stream_t *)&p->in, &buf, 1, on_stdin_written))
            rt_handle_close((uv_handle_t *)&p->in);
    } else {
        rt_handle_close((uv_handle_t *)&p->in);
    }
    if (timeout > 0) uv_timer_start(&p->timer, on_timeout, (uint64_t)llround(timeout * 1000), 0);
    return lua_yield(L, 0);
}

int luaopen_proc(lua_State *L) {
    static const luaL_Reg funcs[] = {{"run", l_run}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    return 1;
}
