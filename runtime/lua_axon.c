/* require "axon": the Bittensor v10 synapse server (spec bittensor-wire §1).
 * axon.serve{ip, port, hotkey, resolve, dispatch, blacklist, priority, ...} -> server
 * C does the protocol: route (404), header parsing (400), blacklist hook (403), nonce + sr25519 verification
 * (401), concurrency cap and priority hook (503), body-hash check (500), then runs
 * dispatch(handler, name, body, info) in a task under the synapse's deadline (408) and writes the answer with
 * lower-case bt_header_* headers. Lua decides who is welcome (blacklist/priority) and what the answer is. */
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
#include "rt.h"
#include "sr25519.h"
#include "ss58.h"
#include "strbuf.h"

#define AXON_MT "rt.axon"
#define EMPTY_BODY_HASH "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
#define NONCE_ALLOWED_DELTA_NS 4000000000LL
#define AXON_VERSION 10002000 /* the v10.2.0 protocol we speak */

typedef struct nonce_entry {
    struct nonce_entry *next;
    int64_t nonce;
    uint64_t seen_ns; /* loop time when recorded, for pruning */
    char key[];       /* "hotkey:uuid" */
} nonce_entry_t;

typedef struct axon_call axon_call_t;

typedef struct {
    rt_t *rt;
    http_server_t *http;
    char hotkey[64];
    uint8_t hotkey_pub[32];
    bool verify;
    double max_timeout;
    int default_max_concurrent;
    int resolve_ref, dispatch_ref, blacklist_ref, priority_ref, limits_ref;
    nonce_entry_t **nonces;
    size_t nonce_buckets, nonce_count;
    size_t prune_at; /* prune expired entries when the count reaches this (amortised O(1) per insert) */
    axon_call_t *calls; /* in flight, for shutdown */
    bool closed;
    uint64_t requests;
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
    bool has_version;
    const char *dhotkey, *uuid, *signature, *body_hash, *dip;
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

/* ---- nonce store: last accepted nonce per "hotkey:uuid", pruned once older than any acceptable window ---- */

static uint64_t fnv1a(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    while (*s) h = (h ^ (uint8_t)*s++) * 1099511628211ULL;
    return h;
}

static nonce_entry_t *nonce_find(axon_t *a, const char *key) {
    for (nonce_entry_t *e = a->nonces[fnv1a(key) % a->nonce_buckets]; e; e = e->next)
        if (strcmp(e->key, key) == 0) return e;
    return NULL;
}

static void nonce_prune(axon_t *a, uint64_t now) {
    uint64_t horizon = (uint64_t)NONCE_ALLOWED_DELTA_NS + (uint64_t)(a->max_timeout * 1e9);
    for (size_t b = 0; b < a->nonce_buckets; b++) {
        nonce_entry_t **pp = &a->nonces[b];
        while (*pp) {
            nonce_entry_t *e = *pp;
            if (now - e->seen_ns > horizon && now - (uint64_t)e->nonce > horizon) {
                *pp = e->next;
                free(e);
                a->nonce_count--;
            } else {
                pp = &e->next;
            }
        }
    }
}

static void nonce_record(axon_t *a, const char *key, int64_t nonce) {
    uint64_t now = now_ns();
    nonce_entry_t *e = nonce_find(a, key);
    if (!e) {
        if (a->nonce_count >= a->prune_at) {
            nonce_prune(a, now);
            a->prune_at = a->nonce_count * 2 > 1024 ? a->nonce_count * 2 : 1024;
        }
        size_t klen = strlen(key);
        e = malloc(sizeof *e + klen + 1);
        if (!e) return;
        memcpy(e->key, key, klen + 1);
        size_t b = fnv1a(key) % a->nonce_buckets;
        e->next = a->nonces[b];
        a->nonces[b] = e;
        a->nonce_count++;
        if (a->nonce_count > a->nonce_buckets * 2) {
            /* grow so lookups stay short when many validators call */
            size_t nb = a->nonce_buckets * 2;
            nonce_entry_t **bigger = calloc(nb, sizeof *bigger);
            if (bigger) {
                for (size_t i = 0; i < a->nonce_buckets; i++) {
                    for (nonce_entry_t *x = a->nonces[i], *nx; x; x = nx) {
                        nx = x->next;
                        size_t j = fnv1a(x->key) % nb;
                        x->next = bigger[j];
                        bigger[j] = x;
                    }
                }
                free(a->nonces);
                a->nonces = bigger;
                a->nonce_buckets = nb;
            }
        }
    }
    e->nonce = nonce;
    e->seen_ns = now;
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

static bool parse_i64(const char *s, int64_t *out) {
    if (!s || !*s) return false;
    while (isspace((unsigned char)*s)) s++;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    while (*end && isspace((unsigned char)*end)) end++;
    if (errno || end == s || *end) return false;
    *out = v;
    return true;
}

static bool parse_double(const char *s, double *out) {
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v)) return false;
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

static void handle_request(http_request_t *req, void *ud) {
    axon_t *a = ud;
    lua_State *L = a->rt->L;
    int top = lua_gettop(L);
    a->requests++;

    /* Route: /<SynapseName>[?query] */
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
        return;
    }
    int handler_idx = lua_gettop(L) - 1;

    axon_call_t *c = calloc(1, sizeof *c);
    if (!c) {
        respond_error(a, req, NULL, name, 500, "Internal Server Error: out of memory");
        lua_settop(L, top);
        return;
    }
    c->axon = a;
    c->req = req;
    snprintf(c->name, sizeof c->name, "%s", name);
    c->owner.magic = RT_OWNER_MAGIC;
    c->owner.release = call_release;
    c->owner.open_handles = 1; /* this function's reference until the task starts */
    c->next = a->calls;
    if (a->calls) a->calls->prev = c;
    a->calls = c;

    /* Headers (400). */
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
    bool have_nonce = nonce_text != NULL;
    if (have_nonce) ok = ok && parse_i64(nonce_text, &c->nonce);
    const char *port_text = http_request_header(req, "bt_header_axon_port");
    int64_t port;
    if (port_text) ok = ok && parse_i64(port_text, &port);
    if (!ok) {
        char msg[256];
        snprintf(msg, sizeof msg, "Improperly formatted request. Could not parse headers into synapse of type %s.",
                 name);
        c->has_version = false;
        respond_error(a, req, NULL, name, 400, msg);
        c->answered = true;
        c->req = NULL;
        call_unref(c);
        lua_settop(L, top);
        return;
    }

    /* Blacklist (403). */
    if (!c->dhotkey || !*c->dhotkey) {
        respond_error(a, req, c, name, 403, "Forbidden. Key is blacklisted: Missing dendrite or hotkey.");
        goto answered;
    }
    if (a->blacklist_ref != LUA_NOREF) {
        if (!call_hook(L, a->blacklist_ref, c, 2, "blacklist")) {
            char msg[80], id[37];
            uuid4(id);
            snprintf(msg, sizeof msg, "Internal Server Error #%s", id);
            respond_error(a, req, c, name, 500, msg);
            goto answered;
        }
        if (lua_toboolean(L, -2)) {
            char msg[512];
            snprintf(msg, sizeof msg, "Forbidden. Key is blacklisted: %s.",
                     lua_isstring(L, -1) ? lua_tostring(L, -1) : "blacklisted");
            respond_error(a, req, c, name, 403, msg);
            goto answered;
        }
        lua_pop(L, 2);
    }

    /* Verify (401): signature over the header values, nonce window then strictly newer. */
    if (a->verify) {
        char msg[1024];
        uint8_t pub[32];
        unsigned prefix;
        const char *err;
        uint8_t sig[64];
        size_t siglen = 0;
        const char *sig_hex = c->signature && strncmp(c->signature, "0x", 2) == 0 ? c->signature + 2 : NULL;
        char key[256];
        snprintf(key, sizeof key, "%s:%s", c->dhotkey, c->uuid ? c->uuid : "");
        nonce_entry_t *seen = nonce_find(a, key);
        int64_t now = (int64_t)now_ns();
        int64_t window = now - NONCE_ALLOWED_DELTA_NS - (int64_t)(c->timeout * 1e9);
        if (ss58_decode(c->dhotkey, pub, &prefix, &err) != 0) {
            snprintf(msg, sizeof msg, "Not Verified with error: No SS58 formatted address or public key provided.");
        } else if (!have_nonce) {
            snprintf(msg, sizeof msg, "Not Verified with error: Missing Nonce");
        } else if (!seen && c->nonce <= window) {
            snprintf(msg, sizeof msg,
                     "Not Verified with error: Nonce is too old: acceptable delta is %.2f seconds but request was "
                     "%.2f seconds old",
                     (double)(NONCE_ALLOWED_DELTA_NS + (int64_t)(c->timeout * 1e9)) / 1e9,
                     (double)(now - c->nonce) / 1e9);
        } else if (seen && c->nonce <= seen->nonce) {
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
                if (!sr25519_verify_any(pub, m->data, m->len, sig))
                    snprintf(msg, sizeof msg, "Not Verified with error: Signature mismatch with %.*s and %s",
                             (int)(m->len > 400 ? 400 : m->len), m->data, c->signature);
                lua_pop(L, 1);
            }
        }
        if (msg[0]) {
            respond_error(a, req, c, name, 401, msg);
            goto answered;
        }
        nonce_record(a, key, c->nonce);
    }

    /* Concurrency cap and priority (503). */
    {
        int limit = a->default_max_concurrent;
        lua_rawgeti(L, LUA_REGISTRYINDEX, a->limits_ref);
        lua_getfield(L, -1, "__max");
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, name);
            if (lua_isinteger(L, -1)) limit = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
        if (concurrency_adjust(a, name, 1) > limit) {
            concurrency_adjust(a, name, -1);
            char msg[256];
            snprintf(msg, sizeof msg, "Service unavailable: %s is at its concurrency limit (%d)", name, limit);
            respond_error(a, req, c, name, 503, msg);
            goto answered;
        }
        c->concurrency_slot = 1;
        if (a->priority_ref != LUA_NOREF) {
            if (!call_hook(L, a->priority_ref, c, 1, "priority") || lua_toboolean(L, -1) == 0) {
                call_answer_slot_release(c);
                respond_error(a, req, c, name, 503, "Service unavailable: request refused by priority");
                goto answered;
            }
            lua_pop(L, 1);
        }
    }

    /* Body hash (500): no AlphaCore synapse declares required_hash_fields, so the hash is sha3(""). */
    /* With hashed fields the entrypoint's dispatch recomputes the hash from the body (Python str() rules). */
    if (!hashed_fields && (!c->body_hash || strcmp(c->body_hash, EMPTY_BODY_HASH) != 0)) {
        char id[37], msg[80];
        uuid4(id);
        snprintf(msg, sizeof msg, "Internal Server Error #%s", id);
        log_write(LOG_WARN, "axon", "%s: computed_body_hash %s does not match the body (%s)", name,
                  c->body_hash ? c->body_hash : "(missing)", msg);
        call_answer_slot_release(c);
        respond_error(a, req, c, name, 500, msg);
        goto answered;
    }

    /* Dispatch in a task, under the deadline. */
    uv_timer_init(&a->rt->loop, &c->deadline);
    c->deadline.data = c;
    c->owner.open_handles++; /* the timer */
    c->owner.open_handles++; /* the task */
    uv_timer_start(&c->deadline, on_deadline, (uint64_t)(c->timeout * 1000), 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->dispatch_ref);
    lua_pushvalue(L, handler_idx);
    lua_pushstring(L, name);
    lua_pushlstring(L, req->body ? req->body : "", req->body_len);
    push_info(L, c);
    rt_spawn(a->rt, L, 4, on_dispatch_done, c);
    lua_settop(L, top);
    call_unref(c); /* this function's reference */
    return;

answered:
    c->answered = true;
    c->req = NULL;
    lua_settop(L, top);
    call_unref(c);
}

/* ---- Lua API ---- */

static axon_t *check_axon(lua_State *L) {
    axon_ud_t *u = luaL_checkudata(L, 1, AXON_MT);
    if (!u->axon || u->axon->closed) luaL_error(L, "axon is closed");
    return u->axon;
}

static void unref_all(lua_State *L, axon_t *a) {
    int *refs[] = {&a->resolve_ref, &a->dispatch_ref, &a->blacklist_ref, &a->priority_ref, &a->limits_ref};
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
    for (size_t b = 0; b < a->nonce_buckets; b++) {
        for (nonce_entry_t *e = a->nonces[b], *next; e; e = next) {
            next = e->next;
            free(e);
        }
    }
    free(a->nonces);
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
    a->nonce_buckets = 256;
    a->prune_at = 1024;
    a->nonces = calloc(a->nonce_buckets, sizeof *a->nonces);
    a->resolve_ref = opt_ref(L, 1, "resolve", true);
    a->dispatch_ref = opt_ref(L, 1, "dispatch", true);
    a->blacklist_ref = opt_ref(L, 1, "blacklist", false);
    a->priority_ref = opt_ref(L, 1, "priority", false);
    lua_newtable(L); /* in-flight counts per name; __max = per-name limits */
    lua_getfield(L, 1, "limits");
    if (lua_istable(L, -1)) lua_setfield(L, -2, "__max");
    else lua_pop(L, 1);
    a->limits_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    http_config_t hc = {
        .ip = ip,
        .port = (int)port,
        .max_body = (size_t)opt_num(L, 1, "max_body", 64.0 * 1024 * 1024),
        .max_header_bytes = (size_t)opt_num(L, 1, "max_header_bytes", 64 * 1024),
        .max_headers = (size_t)opt_num(L, 1, "max_headers", 100),
        .max_connections = (int)opt_num(L, 1, "max_connections", 1024),
        .idle_timeout = opt_num(L, 1, "idle_timeout", 30),
        .read_timeout = opt_num(L, 1, "read_timeout", 30),
        .write_timeout = opt_num(L, 1, "write_timeout", 60),
        .on_request = handle_request,
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

static int l_port(lua_State *L) {
    lua_pushinteger(L, http_server_port(check_axon(L)->http));
    return 1;
}

static int l_stats(lua_State *L) {
    axon_t *a = check_axon(L);
    lua_createtable(L, 0, 4);
    lua_pushinteger(L, (lua_Integer)a->requests);
    lua_setfield(L, -2, "requests");
    lua_pushinteger(L, (lua_Integer)http_server_connections(a->http));
    lua_setfield(L, -2, "connections");
    lua_pushinteger(L, (lua_Integer)http_server_inflight(a->http));
    lua_setfield(L, -2, "inflight");
    lua_pushinteger(L, (lua_Integer)a->nonce_count);
    lua_setfield(L, -2, "nonces");
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
    luaL_newmetatable(L, AXON_MT);
    luaL_newlib(L, methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, l_gc);
    lua_setfield(L, -2, "__close");
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}
