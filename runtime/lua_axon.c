/* require "axon": the Bittensor v10 synapse server (spec bittensor-wire §1).
 * axon.serve{ip, port, hotkey, resolve, dispatch, blacklist, priority, limits, max_body, body_limits,
 *            body_budget, max_connections, max_connections_per_ip, first_byte_timeout, ...} -> server
 * C does the protocol in upstream's order, as stages (see "request stages" below). At headers-complete, before
 * any body byte is stored: route (404), header parsing (400), blacklist hook (403), nonce + sr25519
 * verification (401), concurrency cap and priority hook (503), body-hash check (500), and the synapse's body
 * limit (max_body, 1 MiB, or body_limits[name]; 413). Then, with the body: dispatch(handler, name, body, info) in a
 * task under the synapse's deadline (408), and the answer with lower-case bt_header_* headers. Memory and
 * connection limits: runtime/http.h; the nonce window and store bound: runtime/nonce.h. Lua decides who is
 * welcome (blacklist/priority) and what the answer is. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "log.h"
#include "nonce.h"
#include "rt.h"
#include "sr25519.h"
#include "ss58.h"
#include "strbuf.h"

#define AXON_MT "rt.axon"
#define EMPTY_BODY_HASH "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
#define AXON_VERSION 10002000 /* the v10.2.0 protocol we speak */

typedef struct axon_call axon_call_t;

typedef struct {
    rt_t *rt;
    http_server_t *http;
    char hotkey[64];
    uint8_t hotkey_pub[32];
    bool verify;
    double max_timeout;
    int default_max_concurrent;
    int resolve_ref, dispatch_ref, blacklist_ref, priority_ref, limits_ref, body_limits_ref;
    size_t max_body; /* default body limit of a synapse */
    nonce_store_t *nonces; /* see nonce.h for the window and the bound */
    axon_call_t *calls; /* in flight, for shutdown */
    bool closed;
    uint64_t requests;
    uint64_t verify_count, verify_ns, verify_refused; /* signature checks: how many, time spent, failures */
    int anchor_ref; /* keeps the userdata alive while serving: in-flight tasks point at this struct */
} axon_t;

typedef struct {
    rt_handle_owner_t owner;
    uv_timer_t timer;
    axon_t *axon;
} grace_t;

struct axon_call {
    rt_handle_owner_t owner; /* refs: the deadline timer + the task */
    uv_timer_t deadline;
    axon_call_t *prev, *next;
    axon_t *axon;
    http_request_t *req;
    bool answered;
    char name[128];
    char timeout_text[32];
    double timeout;
    int64_t nonce;
    int64_t version;
    bool has_version, have_nonce, hashed_fields;
    const char *dhotkey, *uuid, *signature, *body_hash, *dip; /* header values (owned by req) */
    int handler_ref; /* registry: the handler resolved at routing */
    int concurrency_slot; /* 1 while counted against the synapse's limit */
};

typedef struct {
    axon_t *axon;
} axon_ud_t;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* ---- helpers ---- */

static void uuid4(char out[37]) {
    uint8_t b[16];
    randombytes_buf(b, 16);
    b[6] = (uint8_t)((b[6] & 0x0f) | 0x40);
    b[8] = (uint8_t)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3],
             b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* Header numbers, strictly: surrounding blanks allowed; integers are [-]digits without leading zeros (a
 * different spelling of the same nonce is refused, not normalised), floats are plain decimals ([-]digits[.digits]
 * [e[-]digits]: no hex floats, inf, nan). Out of range is an error. */
static const char *trim_blanks(const char *s, size_t *len) {
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    *len = n;
    return s;
}

static bool parse_i64(const char *text, int64_t *out) {
    if (!text) return false;
    size_t n;
    const char *s = trim_blanks(text, &n);
    size_t i = s[0] == '-' ? 1 : 0;
    if (i >= n || n - i > 19) return false;
    if (s[i] == '0' && n - i > 1) return false; /* leading zero */
    for (size_t k = i; k < n; k++)
        if (s[k] < '0' || s[k] > '9') return false;
    char buf[24];
    memcpy(buf, s, n);
    buf[n] = 0;
    errno = 0;
    long long v = strtoll(buf, NULL, 10);
    if (errno) return false;
    *out = v;
    return true;
}

static bool parse_double(const char *text, double *out) {
    if (!text) return false;
    size_t n;
    const char *s = trim_blanks(text, &n);
    size_t i = 0, digits = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    }
    if (!digits) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) i++;
        size_t exp = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, exp++;
        if (!exp) return false;
    }
    if (i != n || n >= 64) return false;
    char buf[64];
    memcpy(buf, s, n);
    buf[n] = 0;
    errno = 0;
    double v = strtod(buf, NULL);
    if (errno || !isfinite(v)) return false;
    *out = v;
    return true;
}

/* Header values must not break the response: drop CR/LF and other controls. */
static void add_header(lua_State *L, strbuf_t *sb, const char *name, const char *value) {
    strbuf_adds(L, sb, name);
    strbuf_adds(L, sb, ": ");
    for (const char *p = value; *p; p++)
        if ((unsigned char)*p >= 0x20 && *p != 0x7f) strbuf_addc(L, sb, *p);
    strbuf_adds(L, sb, "\r\n");
}

static void json_escape_into(lua_State *L, strbuf_t *sb, const char *s) {
    strbuf_addc(L, sb, '"');
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\') {
            strbuf_addc(L, sb, '\\');
            strbuf_addc(L, sb, (char)c);
        } else if (c < 0x20) {
            char u[8];
            snprintf(u, sizeof u, "\\u%04x", c);
            strbuf_adds(L, sb, u);
        } else {
            strbuf_addc(L, sb, (char)c);
        }
    }
    strbuf_addc(L, sb, '"');
}

/* Builds the bt_header_* block for an answer. call may be NULL (failure before the headers were parsed). */
static void build_headers(lua_State *L, strbuf_t *sb, axon_t *a, axon_call_t *call, const char *name, int status,
                          const char *message) {
    char num[64];
    add_header(L, sb, "name", name);
    add_header(L, sb, "timeout", call && call->timeout_text[0] ? call->timeout_text : "12.0");
    snprintf(num, sizeof num, "%d", status);
    add_header(L, sb, "bt_header_axon_status_code", num);
    add_header(L, sb, "bt_header_axon_status_message", message);
    double elapsed = call ? (double)(uv_hrtime() - call->req->received_ns) / 1e9 : 0.0;
    snprintf(num, sizeof num, "%.9f", elapsed);
    add_header(L, sb, "bt_header_axon_process_time", num);
    add_header(L, sb, "bt_header_axon_hotkey", a->hotkey);
    snprintf(num, sizeof num, "%d", AXON_VERSION);
    add_header(L, sb, "bt_header_axon_version", num);
    if (call) {
        if (call->dhotkey) add_header(L, sb, "bt_header_dendrite_hotkey", call->dhotkey);
        if (call->uuid) add_header(L, sb, "bt_header_dendrite_uuid", call->uuid);
        snprintf(num, sizeof num, "%" PRId64, call->nonce);
        add_header(L, sb, "bt_header_dendrite_nonce", num);
        if (call->has_version) {
            snprintf(num, sizeof num, "%" PRId64, call->version);
            add_header(L, sb, "bt_header_dendrite_version", num);
        }
        if (call->dip) add_header(L, sb, "bt_header_dendrite_ip", call->dip);
        if (call->signature) add_header(L, sb, "bt_header_dendrite_signature", call->signature);
    }
    add_header(L, sb, "computed_body_hash", call && call->body_hash && strlen(call->body_hash) == 64 ? call->body_hash : EMPTY_BODY_HASH);
}

/* Answers with {"message": ...}: every failure path of §1.8. */
static void respond_error(axon_t *a, http_request_t *req, axon_call_t *call, const char *name, int status,
                          const char *message) {
    lua_State *L = a->rt->L;
    int top = lua_gettop(L);
    strbuf_t *hb = strbuf_new(L);
    build_headers(L, hb, a, call, name, status, message);
    strbuf_t *bb = strbuf_new(L);
    strbuf_adds(L, bb, "{\"message\": ");
    json_escape_into(L, bb, message);
    strbuf_addc(L, bb, '}');
    log_write(status >= 500 ? LOG_WARN : LOG_DEBUG, "axon", "%s %s from %s: %d %s", req->method, req->path,
              req->peer_ip, status, message);
    http_respond(req, status, "application/json", hb->data, hb->len, bb->data, bb->len);
    lua_settop(L, top);
}

static void call_release(rt_handle_owner_t *o) {
    axon_call_t *c = (axon_call_t *)o;
    axon_t *a = c->axon;
    if (c->prev) c->prev->next = c->next;
    else if (a->calls == c) a->calls = c->next;
    if (c->next) c->next->prev = c->prev;
    if (!c->answered && c->req) http_request_discard(c->req);
    if (a->rt->L) luaL_unref(a->rt->L, LUA_REGISTRYINDEX, c->handler_ref);
    free(c);
}

static void call_unref(axon_call_t *c) {
    if (--c->owner.open_handles == 0) call_release(&c->owner);
}

/* Adjusts the in-flight count of a synapse name in the limits table (registry). */
static int concurrency_adjust(axon_t *a, const char *name, int delta) {
    lua_State *L = a->rt->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->limits_ref);
    lua_getfield(L, -1, name);
    int n = (int)lua_tointeger(L, -1) + delta;
    lua_pop(L, 1);
    lua_pushinteger(L, n);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
    return n;
}

static void call_answer_slot_release(axon_call_t *c) {
    if (c->concurrency_slot) {
        concurrency_adjust(c->axon, c->name, -1);
        c->concurrency_slot = 0;
    }
}

/* Pushes the per-request info table given to hooks and handlers. */
static void push_info(lua_State *L, axon_call_t *c) {
    lua_createtable(L, 0, 12);
    lua_pushstring(L, c->name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, c->dhotkey);
    lua_setfield(L, -2, "hotkey");
    lua_pushstring(L, c->uuid ? c->uuid : "");
    lua_setfield(L, -2, "uuid");
    lua_pushinteger(L, c->nonce);
    lua_setfield(L, -2, "nonce");
    if (c->has_version) {
        lua_pushinteger(L, c->version);
        lua_setfield(L, -2, "version");
    }
    lua_pushnumber(L, c->timeout);
    lua_setfield(L, -2, "timeout");
    lua_pushnumber(L, (double)uv_hrtime() / 1e9 + c->timeout);
    lua_setfield(L, -2, "deadline"); /* on the time.mono() clock */
    lua_pushstring(L, c->req->peer_ip);
    lua_setfield(L, -2, "peer_ip");
    lua_pushinteger(L, c->req->peer_port);
    lua_setfield(L, -2, "peer_port");
    if (c->dip) {
        lua_pushstring(L, c->dip);
        lua_setfield(L, -2, "dendrite_ip");
    }
    if (c->body_hash) {
        lua_pushstring(L, c->body_hash);
        lua_setfield(L, -2, "body_hash");
    }
}

static void on_deadline(uv_timer_t *t) {
    axon_call_t *c = t->data;
    if (!c->answered && !c->axon->closed) {
        c->answered = true;
        char msg[96];
        snprintf(msg, sizeof msg, "Response timeout after: %ss", c->timeout_text);
        log_write(LOG_WARN, "axon", "%s from %s passed its %ss deadline: answering 408", c->name, c->dhotkey,
                  c->timeout_text);
        call_answer_slot_release(c);
        respond_error(c->axon, c->req, c, c->name, 408, msg);
    }
    rt_handle_close((uv_handle_t *)t);
}

/* dispatch(...) finished: results are status, status_message, body. */
static void on_dispatch_done(rt_t *rt, lua_State *co, int status, int nres, void *ud) {
    axon_call_t *c = ud;
    (void)rt;
    if (!c->answered && !c->axon->closed) {
        c->answered = true;
        call_answer_slot_release(c);
        uv_timer_stop(&c->deadline);
        if (status != LUA_OK || nres < 3 || !lua_isinteger(co, -nres) || !lua_isstring(co, -nres + 2)) {
            char id[37], msg[80];
            uuid4(id);
            snprintf(msg, sizeof msg, "Internal Server Error #%s", id);
            log_write(LOG_ERROR, "axon", "%s handler failed (%s): %s", c->name, msg,
                      status != LUA_OK ? lua_tostring(co, -1) : "dispatch returned no status/body");
            respond_error(c->axon, c->req, c, c->name, 500, msg);
        } else {
            int code = (int)lua_tointeger(co, -nres);
            const char *message = lua_isstring(co, -nres + 1) ? lua_tostring(co, -nres + 1) : "";
            size_t blen;
            const char *body = lua_tolstring(co, -nres + 2, &blen);
            lua_State *L = c->axon->rt->L;
            int top = lua_gettop(L);
            strbuf_t *hb = strbuf_new(L);
            build_headers(L, hb, c->axon, c, c->name, code, message);
            http_respond(c->req, code < 100 || code > 599 ? 500 : code, "application/json", hb->data, hb->len, body,
                         blen);
            lua_settop(L, top);
        }
    }
    rt_handle_close((uv_handle_t *)&c->deadline);
    call_unref(c); /* the task's reference */
}

/* Calls the hook at registry ref with the info table; leaves its results on the stack. Returns false if the
 * hook raised (error logged). */
static bool call_hook(lua_State *L, int ref, axon_call_t *c, int nres, const char *what) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    push_info(L, c);
    if (lua_pcall(L, 1, nres, 0) != LUA_OK) {
        log_write(LOG_ERROR, "axon", "%s hook failed: %s", what, lua_tostring(L, -1));
        lua_pop(L, 1);
        return false;
    }
    return true;
}

/* ---- request stages, in upstream's order ----
 * At headers-complete, before any body byte is stored: route (404), headers (400), access (403), verify (401),
 * admit (503), integrity (500; the body hash is a header) and the body limit. Then, with the body: handler
 * (a task under the deadline, 408) and answer (on_dispatch_done). Each stage returns true to go on, or answers
 * the request and returns false. */

/* Ends a call answered (or dropped) before its handler ran. */
static void call_end_early(axon_call_t *c) {
    c->answered = true;
    c->req = NULL;
    call_answer_slot_release(c);
    call_unref(c);
}

/* Answers with an error and ends the call; echo: with the dendrite's headers (after the headers parsed). */
static bool call_fail(axon_call_t *c, int status, const char *message, bool echo) {
    respond_error(c->axon, c->req, echo ? c : NULL, c->name, status, message);
    call_end_early(c);
    return false;
}

static bool call_fail_internal(axon_call_t *c) {
    char id[37], msg[80];
    uuid4(id);
    snprintf(msg, sizeof msg, "Internal Server Error #%s", id);
    return call_fail(c, 500, msg, true);
}

/* Route (404): POST|GET /<SynapseName>[?query] to a handler of the current generation. Returns the new call
 * (holding the handler and one reference for the request), or NULL once answered. */
static axon_call_t *stage_route(axon_t *a, http_request_t *req) {
    lua_State *L = a->rt->L;
    int top = lua_gettop(L);
    char name[128];
    const char *p = req->path[0] == '/' ? req->path + 1 : req->path;
    size_t n = strcspn(p, "/?#");
    bool valid = n > 0 && n < sizeof name && (strcmp(req->method, "POST") == 0 || strcmp(req->method, "GET") == 0);
    for (size_t i = 0; valid && i < n; i++) valid = isalnum((unsigned char)p[i]) || p[i] == '_';
    snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), p);
    bool found = false, hashed_fields = false;
    if (valid) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, a->resolve_ref);
        lua_pushstring(L, name);
        if (lua_pcall(L, 1, 3, 0) == LUA_OK) {
            hashed_fields = lua_toboolean(L, -1);
            lua_pop(L, 1);
            found = lua_isfunction(L, -2);
        } else {
            log_write(LOG_ERROR, "axon", "resolve hook failed: %s", lua_tostring(L, -1));
            lua_pushnil(L);
        }
    } else {
        lua_pushnil(L);
        lua_pushnil(L);
    }
    if (!found) {
        char msg[512];
        const char *available = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "[]";
        snprintf(msg, sizeof msg, "Synapse name '%s' not found. Available synapses %s", name, available);
        respond_error(a, req, NULL, "Synapse", 404, msg);
        lua_settop(L, top);
        return NULL;
    }
    axon_call_t *c = calloc(1, sizeof *c);
    if (!c) {
        respond_error(a, req, NULL, name, 500, "Internal Server Error: out of memory");
        lua_settop(L, top);
        return NULL;
    }
    c->axon = a;
    c->req = req;
    snprintf(c->name, sizeof c->name, "%s", name);
    c->hashed_fields = hashed_fields;
    lua_pop(L, 1);                                      /* the available list */
    c->handler_ref = luaL_ref(L, LUA_REGISTRYINDEX);    /* the handler, kept until the body is in */
    c->owner.magic = RT_OWNER_MAGIC;
    c->owner.release = call_release;
    c->owner.open_handles = 1; /* the request's reference, until the handler starts or the request ends */
    c->next = a->calls;
    if (a->calls) a->calls->prev = c;
    a->calls = c;
    lua_settop(L, top);
    return c;
}

/* Headers (400): timeout, nonce, version and port must parse; the strings are kept for the stages after. */
static bool stage_headers(axon_call_t *c) {
    axon_t *a = c->axon;
    http_request_t *req = c->req;
    const char *timeout = http_request_header(req, "timeout");
    c->dhotkey = http_request_header(req, "bt_header_dendrite_hotkey");
    c->uuid = http_request_header(req, "bt_header_dendrite_uuid");
    c->signature = http_request_header(req, "bt_header_dendrite_signature");
    c->body_hash = http_request_header(req, "computed_body_hash");
    c->dip = http_request_header(req, "bt_header_dendrite_ip");
    const char *nonce_text = http_request_header(req, "bt_header_dendrite_nonce");
    const char *version_text = http_request_header(req, "bt_header_dendrite_version");
    c->timeout = 12.0;
    bool ok = true;
    if (timeout) ok = parse_double(timeout, &c->timeout) && c->timeout >= 0;
    if (c->timeout > a->max_timeout) c->timeout = a->max_timeout;
    snprintf(c->timeout_text, sizeof c->timeout_text, "%s", ok && timeout ? timeout : "12.0");
    if (version_text) ok = ok && (c->has_version = parse_i64(version_text, &c->version));
    c->have_nonce = nonce_text != NULL;
    if (c->have_nonce) ok = ok && parse_i64(nonce_text, &c->nonce);
    const char *port_text = http_request_header(req, "bt_header_axon_port");
    int64_t port;
    if (port_text) ok = ok && parse_i64(port_text, &port);
    if (ok) return true;
    char msg[256];
    snprintf(msg, sizeof msg, "Improperly formatted request. Could not parse headers into synapse of type %s.",
             c->name);
    c->has_version = false;
    return call_fail(c, 400, msg, false);
}

/* Access (403): a dendrite hotkey, and the blacklist hook's verdict. */
static bool stage_access(axon_call_t *c) {
    axon_t *a = c->axon;
    lua_State *L = a->rt->L;
    if (!c->dhotkey || !*c->dhotkey)
        return call_fail(c, 403, "Forbidden. Key is blacklisted: Missing dendrite or hotkey.", true);
    if (a->blacklist_ref == LUA_NOREF) return true;
    if (!call_hook(L, a->blacklist_ref, c, 2, "blacklist")) return call_fail_internal(c);
    bool refused = lua_toboolean(L, -2);
    char msg[512];
    if (refused)
        snprintf(msg, sizeof msg, "Forbidden. Key is blacklisted: %s.",
                 lua_isstring(L, -1) ? lua_tostring(L, -1) : "blacklisted");
    lua_pop(L, 2);
    return refused ? call_fail(c, 403, msg, true) : true;
}

/* Verify (401): SS58 hotkey, nonce (window on first sight of hotkey:uuid, then strictly newer), sr25519 over
 * "{nonce}.{dendrite}.{own hotkey}.{uuid}.{body hash}". The nonce is recorded only once everything passed. */
static bool stage_verify(axon_call_t *c) {
    axon_t *a = c->axon;
    if (!a->verify) return true;
    lua_State *L = a->rt->L;
    char msg[1024];
    uint8_t pub[32];
    unsigned prefix;
    const char *err;
    uint8_t sig[64];
    size_t siglen = 0;
    const char *sig_hex = c->signature && strncmp(c->signature, "0x", 2) == 0 ? c->signature + 2 : NULL;
    char key[NONCE_KEY_MAX + 1];
    snprintf(key, sizeof key, "%s:%s", c->dhotkey, c->uuid ? c->uuid : "");
    int64_t now = (int64_t)now_ns();
    nonce_verdict_t nv = c->have_nonce ? nonce_check(a->nonces, key, c->nonce, c->timeout, now) : NONCE_OK;
    if (ss58_decode(c->dhotkey, pub, &prefix, &err) != 0) {
        snprintf(msg, sizeof msg, "Not Verified with error: No SS58 formatted address or public key provided.");
    } else if (!c->have_nonce) {
        snprintf(msg, sizeof msg, "Not Verified with error: Missing Nonce");
    } else if (nv == NONCE_TOO_OLD) {
        snprintf(msg, sizeof msg,
                 "Not Verified with error: Nonce is too old: acceptable delta is %.2f seconds but request was "
                 "%.2f seconds old",
                 (double)nonce_window_ns(c->timeout) / 1e9, ((double)now - (double)c->nonce) / 1e9);
    } else if (nv == NONCE_NOT_NEWER) {
        snprintf(msg, sizeof msg, "Not Verified with error: Nonce is too old, a newer one was last processed");
    } else if (!sig_hex || !*sig_hex) {
        snprintf(msg, sizeof msg, "Not Verified with error: Missing signature");
    } else if (!c->body_hash) {
        snprintf(msg, sizeof msg, "Not Verified with error: Missing computed_body_hash");
    } else {
        msg[0] = 0;
        const char *end;
        if (strlen(sig_hex) != 128 || sodium_hex2bin(sig, 64, sig_hex, 128, NULL, &siglen, &end) != 0 ||
            siglen != 64) {
            snprintf(msg, sizeof msg, "Not Verified with error: Signature is not 64 hex bytes");
        } else {
            strbuf_t *m = strbuf_new(L);
            char nonce_dec[32];
            snprintf(nonce_dec, sizeof nonce_dec, "%" PRId64, c->nonce);
            strbuf_adds(L, m, nonce_dec);
            strbuf_addc(L, m, '.');
            strbuf_adds(L, m, c->dhotkey);
            strbuf_addc(L, m, '.');
            strbuf_adds(L, m, a->hotkey);
            strbuf_addc(L, m, '.');
            strbuf_adds(L, m, c->uuid ? c->uuid : "None");
            strbuf_addc(L, m, '.');
            strbuf_adds(L, m, c->body_hash);
            uint64_t t0 = now_ns();
            bool good = sr25519_verify_any(pub, m->data, m->len, sig);
            a->verify_ns += now_ns() - t0;
            a->verify_count++;
            if (!good)
                snprintf(msg, sizeof msg, "Not Verified with error: Signature mismatch with %.*s and %s",
                         (int)(m->len > 400 ? 400 : m->len), m->data, c->signature);
            lua_pop(L, 1);
        }
    }
    if (msg[0]) {
        a->verify_refused++;
        return call_fail(c, 401, msg, true);
    }
    if (!nonce_commit(a->nonces, key, c->nonce, (int64_t)now_ns())) {
        log_write(LOG_WARN, "axon", "nonce store full (%d entries): refusing a new caller", NONCE_DEFAULT_MAX_ENTRIES);
        return call_fail(c, 503, "Service unavailable: too many recent callers, retry later", true);
    }
    return true;
}

/* Admit (503): the synapse's concurrency cap, then the priority hook. */
static bool stage_admit(axon_call_t *c) {
    axon_t *a = c->axon;
    lua_State *L = a->rt->L;
    int limit = a->default_max_concurrent;
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->limits_ref);
    lua_getfield(L, -1, "__max");
    if (lua_istable(L, -1)) {
        lua_getfield(L, -1, c->name);
        if (lua_isinteger(L, -1)) limit = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
    if (concurrency_adjust(a, c->name, 1) > limit) {
        concurrency_adjust(a, c->name, -1);
        char msg[256];
        snprintf(msg, sizeof msg, "Service unavailable: %s is at its concurrency limit (%d)", c->name, limit);
        return call_fail(c, 503, msg, true);
    }
    c->concurrency_slot = 1;
    if (a->priority_ref == LUA_NOREF) return true;
    bool ok = call_hook(L, a->priority_ref, c, 1, "priority");
    if (ok) {
        ok = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    return ok ? true : call_fail(c, 503, "Service unavailable: request refused by priority", true);
}

/* Integrity (500): without required_hash_fields the body hash is the constant sha3(""), a header; with them
 * the entrypoint's dispatch recomputes it from the body (Python str() rules). */
static bool stage_integrity(axon_call_t *c) {
    if (c->hashed_fields || (c->body_hash && strcmp(c->body_hash, EMPTY_BODY_HASH) == 0)) return true;
    log_write(LOG_WARN, "axon", "%s: computed_body_hash %s does not match the body", c->name,
              c->body_hash ? c->body_hash : "(missing)");
    return call_fail_internal(c);
}

/* The body limit of a synapse: body_limits[name], else the default. */
static size_t body_limit(axon_t *a, const char *name) {
    size_t limit = a->max_body;
    if (a->body_limits_ref == LUA_NOREF) return limit;
    lua_State *L = a->rt->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->body_limits_ref);
    lua_getfield(L, -1, name);
    if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 0) limit = (size_t)lua_tointeger(L, -1);
    lua_pop(L, 2);
    return limit;
}

/* http on_headers: every stage that needs no body. */
static int on_headers(http_request_t *req, void *ud) {
    axon_t *a = ud;
    lua_State *L = a->rt->L;
    int top = lua_gettop(L);
    a->requests++;
    axon_call_t *c = stage_route(a, req);
    bool go = c && stage_headers(c) && stage_access(c) && stage_verify(c) && stage_admit(c) && stage_integrity(c);
    lua_settop(L, top);
    if (!go) return HTTP_ANSWERED;
    req->app = c;
    req->body_limit = body_limit(a, c->name);
    return HTTP_CONTINUE;
}

/* http on_abandon: the request died while its body was read (peer gone, too large, timeout, shutdown). */
static void on_abandon(http_request_t *req, void *ud) {
    (void)ud;
    axon_call_t *c = req->app;
    c->req = NULL;
    call_answer_slot_release(c);
    call_unref(c);
}

/* Handler: the body (a Lua string from here on) goes to dispatch(handler, name, body, info) in a task under the
 * request's deadline; on_dispatch_done (or on_deadline) answers. */
static void on_request(http_request_t *req, void *ud) {
    axon_t *a = ud;
    axon_call_t *c = req->app;
    lua_State *L = a->rt->L;
    int top = lua_gettop(L);
    uv_timer_init(&a->rt->loop, &c->deadline);
    c->deadline.data = c;
    c->owner.open_handles++; /* the timer */
    c->owner.open_handles++; /* the task */
    uv_timer_start(&c->deadline, on_deadline, (uint64_t)(c->timeout * 1000), 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->dispatch_ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->handler_ref);
    lua_pushstring(L, c->name);
    lua_pushlstring(L, req->body ? req->body : "", req->body_len);
    http_request_drop_body(req); /* the handler sees the Lua copy; the bytes go back to the body budget */
    push_info(L, c);
    if (rt_spawn(a->rt, L, 4, on_dispatch_done, c) != 0) {
        c->owner.open_handles--; /* no task */
        if (!c->answered) {
            c->answered = true;
            call_answer_slot_release(c);
            uv_timer_stop(&c->deadline);
            respond_error(a, req, c, c->name, 500, "Internal Server Error: cannot start the handler");
        }
        rt_handle_close((uv_handle_t *)&c->deadline);
    }
    lua_settop(L, top);
    call_unref(c); /* the request's reference: the timer and the task hold the call now */
}

/* ---- Lua API ---- */

static axon_t *check_axon(lua_State *L) {
    axon_ud_t *u = luaL_checkudata(L, 1, AXON_MT);
    if (!u->axon || u->axon->closed) luaL_error(L, "axon is closed");
    return u->axon;
}

static void unref_all(lua_State *L, axon_t *a) {
    int *refs[] = {&a->resolve_ref, &a->dispatch_ref, &a->blacklist_ref, &a->priority_ref, &a->limits_ref,
                   &a->body_limits_ref};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        luaL_unref(L, LUA_REGISTRYINDEX, *refs[i]);
        *refs[i] = LUA_NOREF;
    }
}

/* Close hook (runs before the runtime's final handle walk): stop the server, drop in-flight calls. */
static void axon_close_now(void *ud) {
    axon_t *a = ud;
    if (a->closed) return;
    a->closed = true;
    http_server_close(a->http);
    for (axon_call_t *c = a->calls; c; c = c->next) {
        if (c->owner.open_handles > 0 && uv_is_active((uv_handle_t *)&c->deadline)) uv_timer_stop(&c->deadline);
    }
}

static void axon_free(lua_State *L, axon_t *a) {
    /* Calls whose tasks never finished: release what they own. */
    for (axon_call_t *c = a->calls, *next; c; c = next) {
        next = c->next;
        if (!c->answered && c->req) http_request_discard(c->req);
        free(c);
    }
    a->calls = NULL;
    nonce_store_free(a->nonces);
    if (L) unref_all(L, a);
    free(a);
}

static int l_gc(lua_State *L) {
    axon_ud_t *u = luaL_checkudata(L, 1, AXON_MT);
    if (u->axon) {
        axon_t *a = u->axon;
        if (!a->closed) {
            rt_remove_close_hook(a->rt, a);
            axon_close_now(a);
        }
        axon_free(a->rt->L ? L : NULL, a);
        u->axon = NULL;
    }
    return 0;
}

static int opt_ref(lua_State *L, int t, const char *field, bool required) {
    lua_getfield(L, t, field);
    if (lua_isnil(L, -1) && !required) {
        lua_pop(L, 1);
        return LUA_NOREF;
    }
    if (!lua_isfunction(L, -1)) luaL_error(L, "axon.serve: %s must be a function", field);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

static double opt_num(lua_State *L, int t, const char *field, double def) {
    lua_getfield(L, t, field);
    double v = luaL_optnumber(L, -1, def);
    lua_pop(L, 1);
    return v;
}

static void on_grace_expired(uv_timer_t *t) {
    grace_t *g = t->data;
    log_write(LOG_WARN, "axon", "shutdown grace period over with %zu requests in flight: stopping",
              g->axon->closed ? (size_t)0 : http_server_inflight(g->axon->http));
    rt_handle_close((uv_handle_t *)t);
    uv_stop(&g->axon->rt->loop);
}

static void grace_release(rt_handle_owner_t *o) { free(o); }

static void on_drained(void *ud) {
    axon_t *a = ud;
    log_write(LOG_INFO, "axon", "drained: all in-flight requests answered");
    uv_stop(&a->rt->loop);
}

/* Graceful stop (SIGINT/SIGTERM): stop accepting, let in-flight requests answer within the grace period. */
static void axon_on_stop(rt_t *rt, void *ud) {
    axon_t *a = ud;
    if (a->closed) {
        uv_stop(&rt->loop);
        return;
    }
    size_t inflight = http_server_inflight(a->http);
    log_write(LOG_INFO, "axon", "stopping: no new connections, %zu requests in flight", inflight);
    grace_t *g = calloc(1, sizeof *g);
    if (g) {
        g->axon = a;
        g->owner.open_handles = 1;
        g->owner.magic = RT_OWNER_MAGIC;
        g->owner.release = grace_release;
        uv_timer_init(&rt->loop, &g->timer);
        g->timer.data = g;
        uv_timer_start(&g->timer, on_grace_expired, (uint64_t)(rt_config_float(&rt->cfg, "axon.shutdown_grace", 10) * 1000), 0);
        uv_unref((uv_handle_t *)&g->timer);
    }
    http_server_shutdown(a->http, on_drained, a);
}

static int l_serve(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    rt_t *rt = rt_get(L);
    lua_getfield(L, 1, "hotkey");
    const char *hotkey = luaL_checkstring(L, -1);
    uint8_t pub[32];
    unsigned prefix;
    const char *err;
    if (ss58_decode(hotkey, pub, &prefix, &err)) return luaL_error(L, "axon.serve: hotkey: %s", err);
    lua_getfield(L, 1, "ip");
    const char *ip = luaL_optstring(L, -1, "0.0.0.0");
    lua_getfield(L, 1, "port");
    lua_Integer port = luaL_optinteger(L, -1, 8091);
    luaL_argcheck(L, port >= 0 && port < 65536, 1, "port must be 0..65535");
    lua_getfield(L, 1, "body_limits");
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) != LUA_TSTRING || !lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0 ||
                lua_tointeger(L, -1) > (lua_Integer)1e12)
                luaL_error(L, "axon.serve: body_limits must map synapse names to byte counts (0..1e12)");
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    double max_body = opt_num(L, 1, "max_body", 1024.0 * 1024);
    luaL_argcheck(L, max_body >= 0 && max_body <= 1e12, 1, "max_body must be 0..1e12");

    axon_t *a = calloc(1, sizeof *a);
    if (!a) return luaL_error(L, "out of memory");
    a->rt = rt;
    snprintf(a->hotkey, sizeof a->hotkey, "%s", hotkey);
    memcpy(a->hotkey_pub, pub, 32);
    lua_getfield(L, 1, "verify");
    a->verify = lua_isnil(L, -1) ? true : lua_toboolean(L, -1);
    a->max_timeout = opt_num(L, 1, "max_timeout", 3600);
    a->default_max_concurrent = (int)opt_num(L, 1, "max_concurrent", 256);
    a->anchor_ref = LUA_NOREF;
    unsigned char hash_key[crypto_shorthash_KEYBYTES];
    randombytes_buf(hash_key, sizeof hash_key);
    a->nonces = nonce_store_new(hash_key, NONCE_DEFAULT_MAX_ENTRIES);
    if (!a->nonces) {
        free(a);
        return luaL_error(L, "out of memory");
    }
    a->resolve_ref = opt_ref(L, 1, "resolve", true);
    a->dispatch_ref = opt_ref(L, 1, "dispatch", true);
    a->blacklist_ref = opt_ref(L, 1, "blacklist", false);
    a->priority_ref = opt_ref(L, 1, "priority", false);
    lua_newtable(L); /* in-flight counts per name; __max = per-name limits */
    lua_getfield(L, 1, "limits");
    if (lua_istable(L, -1)) lua_setfield(L, -2, "__max");
    else lua_pop(L, 1);
    a->limits_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    /* Body limits: max_body for every synapse (1 MiB), body_limits = {Name = bytes} per synapse; the server's
     * ceiling is the largest of them. */
    a->max_body = (size_t)max_body;
    size_t ceiling = a->max_body;
    a->body_limits_ref = LUA_NOREF;
    lua_getfield(L, 1, "body_limits");
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) { /* validated before anything was allocated */
            if ((size_t)lua_tointeger(L, -1) > ceiling) ceiling = (size_t)lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
        a->body_limits_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    } else {
        lua_pop(L, 1);
    }

    http_config_t hc = {
        .ip = ip,
        .port = (int)port,
        .max_body = ceiling,
        .body_budget = (size_t)opt_num(L, 1, "body_budget", 64.0 * 1024 * 1024),
        .max_header_bytes = (size_t)opt_num(L, 1, "max_header_bytes", 64 * 1024),
        .max_headers = (size_t)opt_num(L, 1, "max_headers", 100),
        .max_connections = (int)opt_num(L, 1, "max_connections", 1024),
        .max_connections_per_ip = (int)opt_num(L, 1, "max_connections_per_ip", 64),
        .first_byte_timeout = opt_num(L, 1, "first_byte_timeout", 5),
        .idle_timeout = opt_num(L, 1, "idle_timeout", 30),
        .read_timeout = opt_num(L, 1, "read_timeout", 30),
        .write_timeout = opt_num(L, 1, "write_timeout", 60),
        .on_headers = on_headers,
        .on_request = on_request,
        .on_abandon = on_abandon,
        .ud = a,
    };
    char errbuf[256];
    a->http = http_server_start(&rt->loop, &hc, errbuf, sizeof errbuf);
    if (!a->http) {
        a->closed = true;
        axon_free(L, a);
        return rt_fail(L, "%s", errbuf);
    }
    axon_ud_t *u = lua_newuserdatauv(L, sizeof *u, 1);
    u->axon = a;
    luaL_setmetatable(L, AXON_MT);
    lua_pushvalue(L, -1);
    a->anchor_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    rt_add_close_hook(rt, axon_close_now, a);
    rt->on_stop = axon_on_stop;
    rt->on_stop_ud = a;
    return 1;
}

struct http_server *rt_axon_http(lua_State *L, int idx) {
    axon_ud_t *u = luaL_checkudata(L, idx, AXON_MT);
    return u->axon && !u->axon->closed ? u->axon->http : NULL;
}

static int l_port(lua_State *L) {
    lua_pushinteger(L, http_server_port(check_axon(L)->http));
    return 1;
}

static int l_stats(lua_State *L) {
    axon_t *a = check_axon(L);
    lua_createtable(L, 0, 7);
    lua_pushinteger(L, (lua_Integer)a->requests);
    lua_setfield(L, -2, "requests");
    lua_pushinteger(L, (lua_Integer)http_server_connections(a->http));
    lua_setfield(L, -2, "connections");
    lua_pushinteger(L, (lua_Integer)http_server_inflight(a->http));
    lua_setfield(L, -2, "inflight");
    lua_pushinteger(L, (lua_Integer)nonce_store_count(a->nonces));
    lua_setfield(L, -2, "nonces");
    lua_pushinteger(L, (lua_Integer)a->verify_count);
    lua_setfield(L, -2, "verify_count");
    lua_pushnumber(L, (double)a->verify_ns / 1e9);
    lua_setfield(L, -2, "verify_seconds");
    lua_pushinteger(L, (lua_Integer)a->verify_refused);
    lua_setfield(L, -2, "verify_refused");
    http_stats_t hs;
    http_server_stats(a->http, &hs);
    lua_pushinteger(L, (lua_Integer)hs.body_bytes);
    lua_setfield(L, -2, "body_bytes");
    lua_pushinteger(L, (lua_Integer)hs.evicted);
    lua_setfield(L, -2, "evicted");
    lua_pushinteger(L, (lua_Integer)hs.refused);
    lua_setfield(L, -2, "refused");
    return 1;
}

static int l_close(lua_State *L) {
    axon_ud_t *u = luaL_checkudata(L, 1, AXON_MT);
    if (u->axon && !u->axon->closed) {
        rt_t *rt = u->axon->rt;
        rt_remove_close_hook(rt, u->axon);
        if (rt->on_stop_ud == u->axon) {
            rt->on_stop = NULL;
            rt->on_stop_ud = NULL;
        }
        axon_close_now(u->axon);
        luaL_unref(L, LUA_REGISTRYINDEX, u->axon->anchor_ref);
        u->axon->anchor_ref = LUA_NOREF;
    }
    return 0;
}

int luaopen_axon(lua_State *L) {
    static const luaL_Reg methods[] = {{"port", l_port}, {"stats", l_stats}, {"close", l_close}, {NULL, NULL}};
    static const luaL_Reg funcs[] = {{"serve", l_serve}, {NULL, NULL}};
    rt_register_class(L, AXON_MT, methods, l_gc, l_gc);
    luaL_newlib(L, funcs);
    return 1;
}
