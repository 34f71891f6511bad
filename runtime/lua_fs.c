/* require "fs": file operations run on the libuv threadpool while the calling task waits.
 * fs.read(path) -> data          fs.write(path, data[, {mode=, atomic=}]) -> true (new files 0600 by default)
 * fs.mkdir(path[, mode]) -> true (with parents; 0700 by default)  fs.rm(path[, {recursive=true}]) -> true
 * fs.list(path) -> {names, sorted}            fs.stat(path) -> {type=, size=, mtime=, mode=}
 * fs.watch({dir, ...}) -> watcher: libuv directory events, as the hot reload watches (editors save by rename,
 *   so folders, not files); watcher:wait(timeout) -> {names changed since the last wait} ({} on timeout),
 *   yielding until a change; watcher:close().
 * Failures return nil, message. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rt.h"

enum fs_op { FS_READ, FS_WRITE, FS_MKDIR, FS_RM, FS_LIST, FS_STAT };

typedef struct {
    rt_work_t w;
    enum fs_op op;
    char *path;
    char *data; /* read result or write input */
    size_t len;
    int mode;
    bool flag; /* write: atomic; rm: recursive */
    char **names;
    size_t nnames;
    struct stat st;
    int err;
    const char *err_what;
} fs_req_t;

static int read_file(fs_req_t *r) {
    int fd = open(r->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) < 0) goto fail;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        goto fail;
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
    r->data = malloc(cap);
    if (!r->data) goto fail;
    for (;;) {
        if (r->len == cap) {
            char *bigger = realloc(r->data, cap * 2);
            if (!bigger) goto fail;
            r->data = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, r->data + r->len, cap - r->len);
        if (got < 0) {
            if (errno == EINTR) continue;
            goto fail;
        }
        if (got == 0) break;
        r->len += (size_t)got;
    }
    close(fd);
    return 0;
fail:;
    int e = errno;
    close(fd);
    errno = e;
    return -1;
}

static int write_all(int fd, const char *data, size_t len) {
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Atomic by default: write a temporary file beside the target, fsync, rename over it. */
static int write_file(fs_req_t *r) {
    if (!r->flag) {
        int fd = open(r->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, r->mode);
        if (fd < 0) return -1;
        int rc = write_all(fd, r->data, r->len);
        int e = errno;
        close(fd);
        errno = e;
        return rc;
    }
    size_t plen = strlen(r->path);
    char *tmp = malloc(plen + 16);
    if (!tmp) return -1;
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", r->path);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    int rc = fchmod(fd, (mode_t)r->mode);
    if (rc == 0) rc = write_all(fd, r->data, r->len);
    if (rc == 0) rc = fsync(fd);
    int e = errno;
    close(fd);
    if (rc == 0) rc = rename(tmp, r->path);
    if (rc != 0) {
        e = errno;
        unlink(tmp);
    }
    free(tmp);
    errno = e;
    return rc;
}

static int mkdir_p(char *path, int mode) {
    size_t len = strlen(path);
    for (size_t i = 1; i <= len; i++) {
        if (path[i] == '/' || path[i] == 0) {
            char saved = path[i];
            path[i] = 0;
            if (mkdir(path, (mode_t)mode) < 0 && errno != EEXIST) {
                path[i] = saved;
                return -1;
            }
            path[i] = saved;
        }
    }
    struct stat st;
    if (stat(path, &st) < 0) return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

static int rm_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw) {
    (void)sb;
    (void)ftw;
    return (type == FTW_DP ? rmdir(path) : unlink(path)) < 0 && errno != ENOENT ? -1 : 0;
}

static int rm_path(fs_req_t *r) {
    struct stat st;
    if (lstat(r->path, &st) < 0) return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode)) return unlink(r->path) < 0 && errno != ENOENT ? -1 : 0;
    if (!r->flag) return rmdir(r->path);
    return nftw(r->path, rm_entry, 32, FTW_DEPTH | FTW_PHYS);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int list_dir(fs_req_t *r) {
    DIR *d = opendir(r->path);
    if (!d) return -1;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (r->nnames == cap) {
            cap = cap ? cap * 2 : 16;
            char **bigger = realloc(r->names, cap * sizeof *bigger);
            if (!bigger) break;
            r->names = bigger;
        }
        r->names[r->nnames] = strdup(e->d_name);
        if (r->names[r->nnames]) r->nnames++;
    }
    closedir(d);
    if (r->nnames) qsort(r->names, r->nnames, sizeof *r->names, cmp_names);
    return 0;
}

static void fs_work(rt_work_t *w) {
    fs_req_t *r = (fs_req_t *)w;
    int rc = -1;
    static const char *what[] = {"read", "write", "mkdir", "rm", "list", "stat"};
    errno = 0;
    switch (r->op) {
    case FS_READ: rc = read_file(r); break;
    case FS_WRITE: rc = write_file(r); break;
    case FS_MKDIR: rc = mkdir_p(r->path, r->mode); break;
    case FS_RM: rc = rm_path(r); break;
    case FS_LIST: rc = list_dir(r); break;
    case FS_STAT: rc = stat(r->path, &r->st); break;
    }
    r->err = rc < 0 ? (errno ? errno : EIO) : 0;
    r->err_what = what[r->op];
}

static int fs_push(rt_work_t *w, lua_State *L) {
    fs_req_t *r = (fs_req_t *)w;
    if (r->err) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s %s: %s", r->err_what, r->path, strerror(r->err));
        return 2;
    }
    switch (r->op) {
    case FS_READ: lua_pushlstring(L, r->data ? r->data : "", r->len); break;
    case FS_LIST:
        lua_createtable(L, (int)r->nnames, 0);
        for (size_t i = 0; i < r->nnames; i++) {
            lua_pushstring(L, r->names[i]);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        break;
    case FS_STAT:
        lua_createtable(L, 0, 4);
        lua_pushstring(L, S_ISDIR(r->st.st_mode) ? "directory" : S_ISREG(r->st.st_mode) ? "file"
                          : S_ISLNK(r->st.st_mode)                                     ? "link"
                                                                                        : "other");
        lua_setfield(L, -2, "type");
        lua_pushinteger(L, (lua_Integer)r->st.st_size);
        lua_setfield(L, -2, "size");
        lua_pushnumber(L, (double)r->st.st_mtim.tv_sec + (double)r->st.st_mtim.tv_nsec / 1e9);
        lua_setfield(L, -2, "mtime");
        lua_pushinteger(L, r->st.st_mode & 07777);
        lua_setfield(L, -2, "mode");
        break;
    default: lua_pushboolean(L, 1); break;
    }
    return 1;
}

static void fs_destroy(rt_work_t *w) {
    fs_req_t *r = (fs_req_t *)w;
    for (size_t i = 0; i < r->nnames; i++) free(r->names[i]);
    free(r->names);
    free(r->data);
    free(r->path);
    free(r);
}

static fs_req_t *new_req(lua_State *L, enum fs_op op, const char *what) {
    const char *path = luaL_checkstring(L, 1);
    rt_check_yieldable(L, what);
    fs_req_t *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        free(r);
        luaL_error(L, "out of memory");
    }
    r->op = op;
    r->w.work = fs_work;
    r->w.push = fs_push;
    r->w.destroy = fs_destroy;
    return r;
}

static int l_read(lua_State *L) { return rt_work_start(L, &new_req(L, FS_READ, "fs.read")->w); }
static int l_list(lua_State *L) { return rt_work_start(L, &new_req(L, FS_LIST, "fs.list")->w); }
static int l_stat(lua_State *L) { return rt_work_start(L, &new_req(L, FS_STAT, "fs.stat")->w); }

static int l_mkdir(lua_State *L) {
    int mode = (int)luaL_optinteger(L, 2, 0700); /* private unless asked: task state, credentials nearby */
    fs_req_t *r = new_req(L, FS_MKDIR, "fs.mkdir");
    r->mode = mode;
    return rt_work_start(L, &r->w);
}

static bool opt_flag(lua_State *L, int idx, const char *field, bool def) {
    if (lua_type(L, idx) == LUA_TBOOLEAN) return lua_toboolean(L, idx);
    if (!lua_istable(L, idx)) return def;
    lua_getfield(L, idx, field);
    bool v = lua_isnil(L, -1) ? def : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

static int l_rm(lua_State *L) {
    bool recursive = opt_flag(L, 2, "recursive", false);
    fs_req_t *r = new_req(L, FS_RM, "fs.rm");
    r->flag = recursive;
    return rt_work_start(L, &r->w);
}

static int l_write(lua_State *L) {
    size_t len;
    const char *data = luaL_checklstring(L, 2, &len);
    int mode = 0600; /* private unless asked: state files hold task data */
    if (lua_istable(L, 3)) {
        lua_getfield(L, 3, "mode");
        mode = (int)luaL_optinteger(L, -1, 0600);
        lua_pop(L, 1);
    }
    bool atomic = opt_flag(L, 3, "atomic", true);
    fs_req_t *r = new_req(L, FS_WRITE, "fs.write");
    r->data = malloc(len ? len : 1);
    if (!r->data) {
        fs_destroy(&r->w);
        return luaL_error(L, "out of memory");
    }
    memcpy(r->data, data, len);
    r->len = len;
    r->mode = mode;
    r->flag = atomic;
    return rt_work_start(L, &r->w);
}


/* ---- fs.watch ---- */

#define WATCH_MT "miner.fs.watch"
#define WATCH_MAX_DIRS 64
#define WATCH_MAX_NAMES 64

typedef struct {
    rt_handle_owner_t owner; /* handles: one fs event per folder + the wait timer */
    rt_t *rt;
    int ndirs;
    uv_fs_event_t ev[WATCH_MAX_DIRS];
    uv_timer_t timer;
    lua_State *co; /* the task in wait(), if any */
    char names[WATCH_MAX_NAMES][256];
    int nnames;
    bool changed, closed;
    bool ud_alive, handles_gone; /* freed by whichever of the userdata and the handles goes last */
} watch_t;

typedef struct {
    watch_t *w;
} watch_ud_t;

static void watch_release(rt_handle_owner_t *o) {
    watch_t *w = (watch_t *)o;
    w->handles_gone = true;
    if (!w->ud_alive) free(w);
}

static void push_names(lua_State *co, watch_t *w) {
    lua_createtable(co, w->nnames, 0);
    for (int i = 0; i < w->nnames; i++) {
        lua_pushstring(co, w->names[i]);
        lua_rawseti(co, -2, i + 1);
    }
    w->nnames = 0;
    w->changed = false;
}

static void watch_wake(watch_t *w) {
    lua_State *co = w->co;
    if (!co) return;
    w->co = NULL;
    uv_timer_stop(&w->timer);
    push_names(co, w);
    rt_resume(w->rt, co, 1);
}

static void on_watch_event(uv_fs_event_t *h, const char *filename, int events, int status) {
    (void)events;
    watch_t *w = (watch_t *)h->data;
    if (status < 0 || w->closed) return;
    w->changed = true;
    const char *name = filename ? filename : "";
    bool seen = false;
    for (int i = 0; i < w->nnames && !seen; i++) seen = strcmp(w->names[i], name) == 0;
    if (!seen && w->nnames < WATCH_MAX_NAMES) snprintf(w->names[w->nnames++], sizeof w->names[0], "%s", name);
    watch_wake(w);
}

static void on_watch_timeout(uv_timer_t *t) { watch_wake((watch_t *)t->data); }

static int l_watch(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    rt_t *rt = rt_get(L);
    lua_Integer n = luaL_len(L, 1);
    if (n < 1 || n > WATCH_MAX_DIRS) return luaL_argerror(L, 1, "1 to 64 folders expected");
    watch_t *w = calloc(1, sizeof *w);
    if (!w) return luaL_error(L, "out of memory");
    w->owner.magic = RT_OWNER_MAGIC;
    w->owner.release = watch_release;
    w->rt = rt;
    uv_timer_init(&rt->loop, &w->timer);
    w->timer.data = w;
    w->owner.open_handles = 1;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, i);
        const char *dir = lua_tostring(L, -1);
        uv_fs_event_t *ev = &w->ev[w->ndirs];
        uv_fs_event_init(&rt->loop, ev);
        ev->data = w;
        w->owner.open_handles++;
        w->ndirs++;
        int r = dir ? uv_fs_event_start(ev, on_watch_event, dir, 0) : UV_EINVAL;
        if (r != 0) {
            lua_pushfstring(L, "cannot watch %s: %s", dir ? dir : "(not a string)", uv_strerror(r));
            w->closed = true;
            rt_handle_close((uv_handle_t *)&w->timer);
            for (int k = 0; k < w->ndirs; k++) rt_handle_close((uv_handle_t *)&w->ev[k]);
            lua_pushnil(L);
            lua_insert(L, -2);
            return 2;
        }
        lua_pop(L, 1);
    }
    watch_ud_t *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->w = w;
    w->ud_alive = true;
    luaL_setmetatable(L, WATCH_MT);
    return 1;
}

static int l_watch_wait(lua_State *L) {
    watch_ud_t *u = luaL_checkudata(L, 1, WATCH_MT);
    double timeout = luaL_optnumber(L, 2, -1);
    watch_t *w = u->w;
    if (!w || w->closed) return luaL_error(L, "fs.watch: watcher is closed");
    if (w->co) return luaL_error(L, "fs.watch: another task is already waiting");
    if (w->changed) {
        push_names(L, w);
        return 1;
    }
    rt_check_yieldable(L, "watcher:wait");
    w->co = L;
    if (timeout >= 0) uv_timer_start(&w->timer, on_watch_timeout, (uint64_t)(timeout * 1000.0), 0);
    return lua_yield(L, 0);
}

static void watch_close(watch_t *w) {
    if (w->closed) return;
    w->closed = true;
    if (w->co) { /* a waiting task gets an empty list rather than hanging */
        lua_State *co = w->co;
        w->co = NULL;
        lua_newtable(co);
        rt_resume(w->rt, co, 1);
    }
    if (w->handles_gone) return; /* the runtime's shutdown walk closed them already */
    rt_handle_close((uv_handle_t *)&w->timer);
    for (int k = 0; k < w->ndirs; k++) rt_handle_close((uv_handle_t *)&w->ev[k]);
}

static int l_watch_close(lua_State *L) {
    watch_ud_t *u = luaL_checkudata(L, 1, WATCH_MT);
    if (u->w) watch_close(u->w);
    return 0;
}

static int l_watch_gc(lua_State *L) {
    watch_ud_t *u = luaL_checkudata(L, 1, WATCH_MT);
    watch_t *w = u->w;
    if (!w) return 0;
    u->w = NULL;
    w->ud_alive = false;
    w->co = NULL; /* collected with the state: nothing to resume */
    if (w->handles_gone) free(w);
    else watch_close(w); /* frees it once the handles have closed */
    return 0;
}

int luaopen_fs(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"read", l_read}, {"write", l_write}, {"mkdir", l_mkdir}, {"rm", l_rm},
        {"list", l_list}, {"stat", l_stat},   {"watch", l_watch}, {NULL, NULL},
    };
    static const luaL_Reg watch_methods[] = {{"wait", l_watch_wait}, {"close", l_watch_close}, {NULL, NULL}};
    rt_register_class(L, WATCH_MT, watch_methods, l_watch_gc, l_watch_close);
    luaL_newlib(L, funcs);
    return 1;
}
