/* require "wsrpc": a JSON-RPC-over-WebSocket client on libwebsockets, driven by the runtime's libuv loop
 * (lws foreign-loop mode), with TLS for wss://.
 *   local c = wsrpc.connect(url[, {max_bytes=}])  -- no I/O yet; connects on first request, reconnects with backoff
 *   c:request(id, json_text[, timeout])     -- yields; -> the response text whose "id" is id | nil, message
 *   c:close()
 * A dropped connection fails the requests in flight ("connection lost"); the next request reconnects after a
 * backoff that doubles from 0.5 s to 30 s while connections keep failing. Frames without a matching id
 * (notifications, garbage) are ignored. */
#include <libwebsockets.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "rt.h"

#define WSRPC_MT "rt.wsrpc"

typedef struct wsreq {
    rt_handle_owner_t owner; /* the timeout timer */
    uv_timer_t timer;
    struct wsreq *next;
    struct wsclient *client;
    long long id;
    lua_State *co;
    char *msg;
    size_t len;
    bool sent, done;
} wsreq_t;

typedef struct wsclient {
    rt_t *rt;
    struct lws_context *ctx;
    struct lws_context *ctx_alive; /* lws writes NULL here once destruction has really finished */
    struct lws *wsi;
    char url[512];
    char host[256], path[256];
    int port;
    bool ssl, connecting, open, closed;
    wsreq_t *reqs;
    char *rx;
    size_t rx_len, rx_cap;
    size_t max_bytes;
    bool rx_overflow;
    double backoff;
    uint64_t next_attempt; /* uv_now() ms before which no new connection is attempted */
    int anchor_ref;
} wsclient_t;

static void req_finish(wsreq_t *r, const char *text, size_t len, const char *err);

static void unlink_req(wsclient_t *c, wsreq_t *r) {
    for (wsreq_t **pp = &c->reqs; *pp; pp = &(*pp)->next) {
        if (*pp == r) {
            *pp = r->next;
            return;
        }
    }
}

static void fail_all(wsclient_t *c, const char *why) {
    while (c->reqs) req_finish(c->reqs, NULL, 0, why);
}

static void req_release(rt_handle_owner_t *o) {
    wsreq_t *r = (wsreq_t *)o;
    free(r->msg);
    free(r);
}

/* Resumes the waiting task with the answer (text) or nil, err, and releases the request. */
static void req_finish(wsreq_t *r, const char *text, size_t len, const char *err) {
    if (r->done) return;
    r->done = true;
    wsclient_t *c = r->client;
    unlink_req(c, r);
    lua_State *co = r->co;
    rt_t *rt = c->rt;
    rt_handle_close((uv_handle_t *)&r->timer);
    if (text) {
        lua_pushlstring(co, text, len);
        rt_resume(rt, co, 1);
    } else {
        lua_pushnil(co);
        lua_pushstring(co, err);
        rt_resume(rt, co, 2);
    }
}

static void on_req_timeout(uv_timer_t *t) {
    wsreq_t *r = t->data;
    req_finish(r, NULL, 0, "request timed out");
}

static void handle_message(wsclient_t *c, const char *text, size_t len) {
    /* the id of our requests is an integer: find "id": N without a full parse */
    const char *p = text, *end = text + len;
    long long id = -1;
    while ((p = memchr(p, '"', (size_t)(end - p))) != NULL && end - p > 5) {
        if (memcmp(p, "\"id\"", 4) == 0) {
            const char *q = p + 4;
            while (q < end && (*q == ' ' || *q == ':')) q++;
            char *stop;
            long long v = strtoll(q, &stop, 10);
            if (stop != q) id = v;
            break;
        }
        p++;
    }
    for (wsreq_t *r = c->reqs; r; r = r->next) {
        if (r->sent && r->id == id) {
            req_finish(r, text, len, NULL);
            return;
        }
    }
    log_write(LOG_DEBUG, "wsrpc", "%s: ignoring a frame without a pending id (%zu bytes)", c->url, len);
}

static void connection_lost(wsclient_t *c, const char *why) {
    if (c->rx_overflow) why = "an answer was larger than the size cap";
    c->rx_overflow = false;
    c->rx_len = 0;
    bool was_open = c->open;
    c->open = c->connecting = false;
    c->wsi = NULL;
    c->backoff = was_open ? 0.5 : (c->backoff <= 0 ? 0.5 : (c->backoff * 2 > 30 ? 30 : c->backoff * 2));
    c->next_attempt = uv_now(&c->rt->loop) + (uint64_t)(c->backoff * 1000);
    char msg[400];
    snprintf(msg, sizeof msg, "connection to %.200s lost: %.80s", c->url, why);
    log_write(LOG_WARN, "wsrpc", "%s (next attempt in %.1fs)", msg, c->backoff);
    fail_all(c, msg);
}

static int callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len) {
    (void)user;
    struct lws_context *ctx = lws_get_context(wsi);
    wsclient_t *c = ctx ? lws_context_user(ctx) : NULL;
    if (!c) return 0;
    switch (reason) {
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
        c->open = true;
        c->connecting = false;
        c->backoff = 0;
        log_write(LOG_INFO, "wsrpc", "connected to %s", c->url);
        lws_callback_on_writable(wsi);
        break;
    case LWS_CALLBACK_CLIENT_WRITEABLE:
        for (wsreq_t *r = c->reqs; r; r = r->next) {
            if (r->sent) continue;
            unsigned char *buf = malloc(LWS_PRE + r->len);
            if (!buf) return -1;
            memcpy(buf + LWS_PRE, r->msg, r->len);
            int n = lws_write(wsi, buf + LWS_PRE, r->len, LWS_WRITE_TEXT);
            free(buf);
            if (n < (int)r->len) return -1;
            r->sent = true;
            for (wsreq_t *more = r->next; more; more = more->next)
                if (!more->sent) {
                    lws_callback_on_writable(wsi);
                    break;
                }
            break;
        }
        break;
    case LWS_CALLBACK_CLIENT_RECEIVE:
        if (len > c->max_bytes - c->rx_len) {
            log_write(LOG_WARN, "wsrpc", "%s: an answer is larger than %zu bytes: dropping the connection", c->url,
                      c->max_bytes);
            c->rx_len = 0;
            c->rx_overflow = true;
            return -1;
        }
        if (c->rx_len + len + 1 > c->rx_cap) {
            size_t cap = c->rx_cap ? c->rx_cap : 65536;
            while (cap < c->rx_len + len + 1) cap *= 2;
            char *bigger = realloc(c->rx, cap);
            if (!bigger) return -1;
            c->rx = bigger;
            c->rx_cap = cap;
        }
        memcpy(c->rx + c->rx_len, in, len);
        c->rx_len += len;
        if (lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0) {
            size_t n = c->rx_len;
            c->rx_len = 0;
            c->rx[n] = 0; /* handle_message's strtoll must stop inside the frame */
            handle_message(c, c->rx, n);
        }
        break;
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
        connection_lost(c, in && len ? (const char *)in : "connection error");
        break;
    case LWS_CALLBACK_CLIENT_CLOSED:
        connection_lost(c, "closed by the server");
        break;
    case LWS_CALLBACK_WSI_DESTROY:
        if (c->wsi == wsi) c->wsi = NULL;
        break;
    default: break;
    }
    return 0;
}

static const struct lws_protocols protocols[] = {
    {"wsrpc", callback, 0, 0, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

static int start_connect(wsclient_t *c) {
    if (!c->ctx) {
        struct lws_context_creation_info info;
        memset(&info, 0, sizeof info);
        void *loops[] = {&c->rt->loop};
        info.port = CONTEXT_PORT_NO_LISTEN;
        info.protocols = protocols;
        /* TLS only for wss:// (a plain context creates no SSL_CTX) */
        info.options = LWS_SERVER_OPTION_LIBUV | (c->ssl ? LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT : 0);
        info.foreign_loops = loops;
        info.user = c;
        info.pcontext = &c->ctx_alive;
        lws_set_log_level(LLL_ERR, NULL);
        c->ctx = lws_create_context(&info);
        if (!c->ctx) return -1;
        c->ctx_alive = c->ctx;
    }
    struct lws_client_connect_info ci;
    memset(&ci, 0, sizeof ci);
    ci.context = c->ctx;
    ci.address = c->host;
    ci.port = c->port;
    ci.path = c->path;
    ci.host = c->host;
    ci.origin = c->host;
    ci.ssl_connection = c->ssl ? LCCSCF_USE_SSL : 0;
    ci.local_protocol_name = "wsrpc";
    ci.pwsi = &c->wsi;
    c->connecting = true;
    if (!lws_client_connect_via_info(&ci)) {
        c->connecting = false;
        return -1;
    }
    return 0;
}

static wsclient_t *check_client(lua_State *L) {
    wsclient_t **u = luaL_checkudata(L, 1, WSRPC_MT);
    if (!*u || (*u)->closed) luaL_error(L, "wsrpc client is closed");
    return *u;
}

/* c:request(id, text[, timeout]) */
static int l_request(lua_State *L) {
    wsclient_t *c = check_client(L);
    lua_Integer id = luaL_checkinteger(L, 2);
    size_t len;
    const char *text = luaL_checklstring(L, 3, &len);
    double timeout = luaL_optnumber(L, 4, 30);
    rt_check_yieldable(L, "wsrpc request");
    if (!c->open && !c->connecting) {
        uint64_t now = uv_now(&c->rt->loop);
        if (now < c->next_attempt) {
            /* lua_pushfstring knows no precision ("%.1f" raises): format the number here */
            char wait[32];
            snprintf(wait, sizeof wait, "%.1f", (double)(c->next_attempt - now) / 1000);
            return rt_fail(L, "%s is unreachable; next attempt in %ss", c->url, wait);
        }
        if (start_connect(c) != 0) {
            c->backoff = c->backoff <= 0 ? 0.5 : (c->backoff * 2 > 30 ? 30 : c->backoff * 2);
            c->next_attempt = now + (uint64_t)(c->backoff * 1000);
            return rt_fail(L, "cannot connect to %s", c->url);
        }
    }
    wsreq_t *r = calloc(1, sizeof *r);
    if (!r || !(r->msg = malloc(len ? len : 1))) {
        free(r);
        return luaL_error(L, "out of memory");
    }
    memcpy(r->msg, text, len);
    r->len = len;
    r->id = id;
    r->co = L;
    r->client = c;
    r->owner.open_handles = 1;
    r->owner.magic = RT_OWNER_MAGIC;
    r->owner.release = req_release;
    uv_timer_init(&c->rt->loop, &r->timer);
    r->timer.data = r;
    uv_timer_start(&r->timer, on_req_timeout, (uint64_t)(timeout * 1000), 0);
    r->next = c->reqs;
    c->reqs = r;
    if (c->open && c->wsi) lws_callback_on_writable(c->wsi);
    return lua_yield(L, 0);
}

/* Stops everything: pending requests fail, lws closes its handles (the loop finishes that). */
static void client_close(wsclient_t *c) {
    if (c->closed) return;
    c->closed = true;
    fail_all(c, "client closed");
    if (c->ctx) {
        struct lws_context *ctx = c->ctx;
        c->ctx = NULL;
        lws_context_destroy(ctx);
    }
}

/* With a foreign loop lws finishes destroying its context only once its handles have closed; a second
 * destroy after the loop drained completes it (pcontext tells whether that is still needed). */
static void finalize(void *ud) {
    wsclient_t *c = ud;
    if (c->ctx_alive) lws_context_destroy(c->ctx_alive);
}

static void close_hook(void *ud) {
    wsclient_t *c = ud;
    c->rt->stopping = 1; /* requests failing here may still resume their tasks */
    client_close(c);
    c->rt->stopping = 2;
    rt_add_finalizer(c->rt, finalize, c);
}

static int l_close(lua_State *L) {
    wsclient_t **u = luaL_checkudata(L, 1, WSRPC_MT);
    if (*u && !(*u)->closed) {
        rt_remove_close_hook((*u)->rt, *u);
        client_close(*u);
        luaL_unref(L, LUA_REGISTRYINDEX, (*u)->anchor_ref);
        (*u)->anchor_ref = LUA_NOREF;
    }
    return 0;
}

static int l_gc(lua_State *L) {
    wsclient_t **u = luaL_checkudata(L, 1, WSRPC_MT);
    if (*u) {
        if (!(*u)->closed) {
            rt_remove_close_hook((*u)->rt, *u);
            client_close(*u);
        }
        if ((*u)->ctx_alive) lws_context_destroy((*u)->ctx_alive); /* finish a deferred destruction */
        free((*u)->rx);
        free(*u);
        *u = NULL;
    }
    return 0;
}

static int l_connect(lua_State *L) {
    const char *url = luaL_checkstring(L, 1);
    double max_bytes = 64.0 * 1024 * 1024;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "max_bytes");
        max_bytes = luaL_optnumber(L, -1, max_bytes);
        lua_pop(L, 1);
    }
    luaL_argcheck(L, max_bytes >= 1 && max_bytes <= 1e12, 2, "max_bytes must be 1..1e12");
    const char *prot, *address, *path;
    int port;
    char copy[512];
    snprintf(copy, sizeof copy, "%s", url);
    if (lws_parse_uri(copy, &prot, &address, &port, &path))
        return rt_fail(L, "not a ws:// or wss:// URL: %s", url);
    bool ssl = strcmp(prot, "wss") == 0 || strcmp(prot, "https") == 0;
    if (!ssl && strcmp(prot, "ws") != 0 && strcmp(prot, "http") != 0)
        return rt_fail(L, "not a ws:// or wss:// URL: %s", url);
    wsclient_t *c = calloc(1, sizeof *c);
    if (!c) return luaL_error(L, "out of memory");
    c->rt = rt_get(L);
    c->ssl = ssl;
    c->port = port;
    c->max_bytes = max_bytes;
    snprintf(c->url, sizeof c->url, "%s", url);
    snprintf(c->host, sizeof c->host, "%s", address);
    snprintf(c->path, sizeof c->path, "/%s", path ? path : "");
    wsclient_t **u = lua_newuserdatauv(L, sizeof *u, 0);
    *u = c;
    luaL_setmetatable(L, WSRPC_MT);
    lua_pushvalue(L, -1);
    c->anchor_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    rt_add_close_hook(c->rt, close_hook, c);
    return 1;
}

int luaopen_wsrpc(lua_State *L) {
    static const luaL_Reg methods[] = {{"request", l_request}, {"close", l_close}, {NULL, NULL}};
    static const luaL_Reg funcs[] = {{"connect", l_connect}, {NULL, NULL}};
    rt_register_class(L, WSRPC_MT, methods, l_gc, NULL);
    luaL_newlib(L, funcs);
    return 1;
}
