/* require "httpc": an HTTP(S) client on libcurl; each request runs on the libuv threadpool while the task waits.
 * httpc.request{url=, method="POST"|"GET", body=, headers={["Name"]="value"}, timeout=seconds, max_bytes=}
 *   -> {status=, body=} | nil, message
 * The answer (decoded) is capped at max_bytes (default 64 MiB): a larger one fails instead of filling memory.
 * Only http:// and https:// URLs are fetched, redirects are not followed. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"

typedef struct {
    rt_work_t w;
    char *url, *method, *body;
    size_t body_len;
    struct curl_slist *headers;
    long timeout_ms;
    char *resp;
    size_t resp_len, resp_cap, max_bytes;
    bool too_big;
    long status;
    CURLcode code;
    char errbuf[CURL_ERROR_SIZE];
} httpc_req_t;

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *ud) {
    httpc_req_t *r = ud;
    size_t n = size * nmemb;
    if (n > r->max_bytes - r->resp_len) {
        r->too_big = true;
        return 0; /* curl stops with CURLE_WRITE_ERROR */
    }
    if (r->resp_len + n + 1 > r->resp_cap) {
        size_t cap = r->resp_cap ? r->resp_cap * 2 : 16384;
        while (cap < r->resp_len + n + 1) cap *= 2;
        char *bigger = realloc(r->resp, cap);
        if (!bigger) return 0;
        r->resp = bigger;
        r->resp_cap = cap;
    }
    memcpy(r->resp + r->resp_len, ptr, n);
    r->resp_len += n;
    return n;
}

static void httpc_work(rt_work_t *w) {
    httpc_req_t *r = (httpc_req_t *)w;
    CURL *c = curl_easy_init();
    if (!c) {
        r->code = CURLE_FAILED_INIT;
        return;
    }
    curl_easy_setopt(c, CURLOPT_URL, r->url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r->method);
    if (r->body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, r->body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->body_len);
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, r->headers);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, r->timeout_ms);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, r->errbuf);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)r->max_bytes); /* early, from Content-Length */
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    r->code = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    curl_easy_cleanup(c);
}

static int httpc_push(rt_work_t *w, lua_State *L) {
    httpc_req_t *r = (httpc_req_t *)w;
    if (r->too_big || r->code == CURLE_FILESIZE_EXCEEDED) {
        char limit[32];
        snprintf(limit, sizeof limit, "%zu", r->max_bytes);
        return rt_fail(L, "%s %s: the answer is larger than %s bytes", r->method, r->url, limit);
    }
    if (r->code != CURLE_OK) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s %s: %s", r->method, r->url, r->errbuf[0] ? r->errbuf : curl_easy_strerror(r->code));
        return 2;
    }
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, r->status);
    lua_setfield(L, -2, "status");
    lua_pushlstring(L, r->resp ? r->resp : "", r->resp_len);
    lua_setfield(L, -2, "body");
    return 1;
}

static void httpc_destroy(rt_work_t *w) {
    httpc_req_t *r = (httpc_req_t *)w;
    free(r->url);
    free(r->method);
    free(r->body);
    free(r->resp);
    curl_slist_free_all(r->headers);
    free(r);
}

static int l_request(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "url");
    const char *url = luaL_checkstring(L, -1);
    lua_getfield(L, 1, "method");
    const char *method = luaL_optstring(L, -1, "GET");
    lua_getfield(L, 1, "body");
    size_t body_len = 0;
    const char *body = luaL_optlstring(L, -1, NULL, &body_len);
    lua_getfield(L, 1, "timeout");
    double timeout = luaL_optnumber(L, -1, 30);
    lua_getfield(L, 1, "max_bytes");
    double max_bytes = luaL_optnumber(L, -1, 64.0 * 1024 * 1024);
    luaL_argcheck(L, max_bytes >= 0 && max_bytes <= 1e12, 1, "max_bytes must be 0..1e12");
    rt_check_yieldable(L, "httpc.request");
    httpc_req_t *r = calloc(1, sizeof *r);
    if (!r) return luaL_error(L, "out of memory");
    r->max_bytes = (size_t)max_bytes;
    r->url = strdup(url);
    r->method = strdup(method);
    if (body) r->body = malloc(body_len + 1);
    if (!r->url || !r->method || (body && !r->body)) {
        free(r->url);
        free(r->method);
        free(r->body);
        free(r);
        return luaL_error(L, "out of memory");
    }
    if (body) {
        memcpy(r->body, body, body_len);
        r->body[body_len] = 0;
        r->body_len = body_len;
    }
    r->timeout_ms = (long)(timeout * 1000);
    lua_getfield(L, 1, "headers");
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING) {
                const char *name = lua_tostring(L, -2);
                const char *value = luaL_tolstring(L, -1, NULL); /* pushed: evaluate apart from the key */
                lua_pushfstring(L, "%s: %s", name, value);
                r->headers = curl_slist_append(r->headers, lua_tostring(L, -1));
                lua_pop(L, 2);
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    r->w.work = httpc_work;
    r->w.push = httpc_push;
    r->w.destroy = httpc_destroy;
    return rt_work_start(L, &r->w);
}

int luaopen_httpc(lua_State *L) {
    static const luaL_Reg funcs[] = {{"request", l_request}, {NULL, NULL}};
    curl_global_init(CURL_GLOBAL_DEFAULT);
    luaL_newlib(L, funcs);
    return 1;
}
