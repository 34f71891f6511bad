/* require "httpd": a small read-only HTTP endpoint (GET/HEAD, no request body) for metrics and status pages.
 *   local srv = httpd.serve{ip=, port=, handler=function(method, path) return status, content_type, body end}
 *   srv:port()  srv:close()
 * The handler runs in the main Lua state and must not yield; an error in it answers 500 and is logged.
 * Same HTTP server as the axon (runtime/http.c): connection caps, timeouts, bounded memory. */
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "log.h"
#include "rt.h"

#define HTTPD_MT "miner.httpd"

typedef struct {
    rt_t *rt;
    http_server_t *http;
    int handler_ref;
    bool closed;
} httpd_t;

typedef struct {
    httpd_t *d;
} httpd_ud_t;

/* Headers complete: only body-less GET/HEAD requests are served. */
static int on_headers(http_request_t *req, void *ud) {
    (void)ud;
    if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) {
        const char *m = "only GET\n";
        http_respond(req, 405, "text/plain", "allow: GET, HEAD\r\n", 18, m, strlen(m));
        return HTTP_ANSWERED;
    }
    if ((req->has_content_length && req->content_length > 0) || req->chunked) {
        const char *m = "no request body\n";
        http_respond(req, 413, "text/plain", NULL, 0, m, strlen(m));
        return HTTP_ANSWERED;
    }
    req->body_limit = 0;
    return HTTP_CONTINUE;
}

static void on_request(http_request_t *req, void *ud) {
    httpd_t *d = ud;
    lua_State *L = d->rt->L;
    int top = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, d->handler_ref);
    lua_pushstring(L, req->method);
    lua_pushstring(L, req->path ? req->path : "/");
    if (lua_pcall(L, 2, 3, 0) != LUA_OK) {
        log_write(LOG_ERROR, "httpd", "handler for %s failed: %s", req->path ? req->path : "/", lua_tostring(L, -1));
        lua_settop(L, top);
        const char *m = "internal error\n";
        http_respond(req, 500, "text/plain", NULL, 0, m, strlen(m));
        return;
    }
    int status = (int)luaL_optinteger(L, top + 1, 200);
    const char *ctype = luaL_optstring(L, top + 2, "text/plain; charset=utf-8");
    size_t len = 0;
    const char *body = lua_isstring(L, top + 3) ? lua_tolstring(L, top + 3, &len) : "";
    if (status < 100 || status > 599) status = 500;
    bool head = strcmp(req->method, "HEAD") == 0;
    http_respond(req, status, ctype, NULL, 0, head ? "" : body, head ? 0 : len);
    lua_settop(L, top);
}

static void on_abandon(http_request_t *req, void *ud) {
    (void)req;
    (void)ud;
}

static void httpd_close_now(void *ud) {
    httpd_t *d = ud;
    if (d->closed) return;
    d->closed = true;
    http_server_close(d->http);
}

static int l_serve(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    rt_t *rt = rt_get(L);
    lua_getfield(L, 1, "handler");
    luaL_argcheck(L, lua_isfunction(L, -1), 1, "handler function expected");
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, 1, "ip");
    const char *ip = luaL_optstring(L, -1, "127.0.0.1");
    lua_getfield(L, 1, "port");
    lua_Integer port = luaL_optinteger(L, -1, 0);
    luaL_argcheck(L, port >= 0 && port <= 65535, 1, "port must be 0..65535");
    httpd_ud_t *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->d = NULL;
    luaL_setmetatable(L, HTTPD_MT);
    httpd_t *d = calloc(1, sizeof *d);
    if (!d) {
        luaL_unref(L, LUA_REGISTRYINDEX, ref);
        return luaL_error(L, "out of memory");
    }
    d->rt = rt;
    d->handler_ref = ref;
    http_config_t cfg = {
        .ip = ip, .port = (int)port, .max_body = 0, .body_budget = 1, .max_header_bytes = 16 * 1024,
        .max_headers = 64, .max_connections = 64, .max_connections_per_ip = 16, .first_byte_timeout = 5,
        .idle_timeout = 15, .read_timeout = 10, .write_timeout = 10,
        .on_headers = on_headers, .on_request = on_request, .on_abandon = on_abandon, .ud = d,
    };
    char err[256];
    d->http = http_server_start(&rt->loop, &cfg, err, sizeof err);
    if (!d->http) {
        luaL_unref(L, LUA_REGISTRYINDEX, ref);
        free(d);
        lua_pushnil(L);
        lua_pushstring(L, err);
        return 2;
    }
    u->d = d;
    rt_add_close_hook(rt, httpd_close_now, d);
    return 1;
}

static int l_gc(lua_State *L);

static httpd_t *check_open(lua_State *L) {
    httpd_ud_t *u = luaL_checkudata(L, 1, HTTPD_MT);
    if (!u->d || u->d->closed) luaL_error(L, "httpd: server is closed");
    return u->d;
}

static int l_port(lua_State *L) {
    lua_pushinteger(L, http_server_port(check_open(L)->http));
    return 1;
}

static int l_close(lua_State *L) {
    httpd_ud_t *u = luaL_checkudata(L, 1, HTTPD_MT);
    httpd_t *d = u->d;
    if (d && !d->closed) {
        rt_remove_close_hook(d->rt, d);
        httpd_close_now(d);
        luaL_unref(L, LUA_REGISTRYINDEX, d->handler_ref);
        d->handler_ref = LUA_NOREF;
    }
    return 0;
}

/* The userdata owns d: a collected (or process-end) server is closed, then d is freed. No callback reaches d
 * after http_server_close (in-flight answers are dropped; on_abandon ignores ud). */
static int l_gc(lua_State *L) {
    httpd_ud_t *u = luaL_checkudata(L, 1, HTTPD_MT);
    httpd_t *d = u->d;
    if (d) {
        if (!d->closed) {
            rt_remove_close_hook(d->rt, d);
            httpd_close_now(d);
        }
        free(d);
        u->d = NULL;
    }
    return 0;
}

int luaopen_httpd(lua_State *L) {
    static const luaL_Reg methods[] = {{"port", l_port}, {"close", l_close}, {NULL, NULL}};
    static const luaL_Reg funcs[] = {{"serve", l_serve}, {NULL, NULL}};
    rt_register_class(L, HTTPD_MT, methods, l_gc, l_close);
    luaL_newlib(L, funcs);
    return 1;
}
