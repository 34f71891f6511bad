/* require "json": JSON that round-trips 64-bit integers exactly.
 * Decoding is lua-cjson's (preloaded as "cjson"), wrapped: lua-cjson 2.1.0 turns every number into a double
 * (a 19-digit nanosecond nonce loses its last digits) and cannot tell [] from {}. Before decoding, integer
 * literals and empty arrays are rewritten into tagged strings that cjson passes through; after decoding they
 * become Lua integers and json.array() tables. Encoding is our own: integers exact, floats in shortest
 * round-trip form ("12.0" stays a float), object keys sorted (deterministic), json.array() tables and
 * non-empty sequences as arrays, other empty tables as {}.
 * json.decode(text) -> value | nil, message     json.encode(value[, {pretty=true}]) -> text | nil, message
 * json.null, json.array([t]), json.is_array(t) */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "strbuf.h"

#define TAG_LEN 8 /* random hex per decode: the input cannot forge a tag it never saw */

static const char array_mt_key = 0;

static void push_array_mt(lua_State *L) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &array_mt_key) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "json.array");
        lua_setfield(L, -2, "__name");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &array_mt_key);
    }
}

/* ---- decode ---- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Copies text into b, replacing integer literals and empty arrays outside strings with tagged strings.
 * Returns false when nothing needed rewriting (the caller then decodes the original text). */
static bool rewrite(lua_State *L, luaL_Buffer *b, const char *s, size_t n, const char *tag) {
    bool changed = false;
    size_t i = 0, copied = 0;
    while (i < n) {
        char c = s[i];
        if (c == '"') {
            for (i++; i < n && s[i] != '"'; i++)
                if (s[i] == '\\') i++;
            i++;
            continue;
        }
        if (c == '[') {
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) j++;
            if (j < n && s[j] == ']') {
                if (!changed) luaL_buffinit(L, b);
                changed = true;
                luaL_addlstring(b, s + copied, i - copied);
                luaL_addstring(b, "\"\\u0001");
                luaL_addlstring(b, tag, TAG_LEN);
                luaL_addstring(b, "A\"");
                i = copied = j + 1;
                continue;
            }
            i++;
            continue;
        }
        if (c == '-' || is_digit(c)) {
            size_t j = i + (c == '-');
            while (j < n && is_digit(s[j])) j++;
            bool integer = j > i + (c == '-') && (j >= n || (s[j] != '.' && s[j] != 'e' && s[j] != 'E'));
            if (integer) {
                if (!changed) luaL_buffinit(L, b);
                changed = true;
                luaL_addlstring(b, s + copied, i - copied);
                luaL_addstring(b, "\"\\u0001");
                luaL_addlstring(b, tag, TAG_LEN);
                luaL_addchar(b, 'I');
                luaL_addlstring(b, s + i, j - i);
                luaL_addchar(b, '"');
                copied = j;
            } else {
                while (j < n && (is_digit(s[j]) || s[j] == '.' || s[j] == 'e' || s[j] == 'E' || s[j] == '+' ||
                                 s[j] == '-'))
                    j++;
            }
            i = j;
            continue;
        }
        i++;
    }
    if (changed) luaL_addlstring(b, s + copied, n - copied);
    return changed;
}

/* Replaces tagged strings inside the value at idx (recursively). Returns with the fixed value on top; *finite
 * turns false when a number does not fit a double (1e400, or an integer literal past 2^1023). */
static void restore(lua_State *L, const char *tag, int depth, bool *finite) {
    if (depth > 1100) return;
    /* three slots per level: without this, deep nesting overflowed the Lua stack (fuzz_json) */
    luaL_checkstack(L, 4, "json.decode");
    int t = lua_type(L, -1);
    if (t == LUA_TNUMBER) {
        if (!isfinite(lua_tonumber(L, -1))) *finite = false;
        return;
    }
    if (t == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        if (len > TAG_LEN + 1 && s[0] == 1 && memcmp(s + 1, tag, TAG_LEN) == 0) {
            char kind = s[1 + TAG_LEN];
            if (kind == 'A' && len == TAG_LEN + 2) {
                lua_pop(L, 1);
                lua_newtable(L);
                push_array_mt(L);
                lua_setmetatable(L, -2);
            } else if (kind == 'I') {
                const char *digits = s + TAG_LEN + 2;
                lua_pop(L, 1);
                char *end;
                errno = 0;
                long long v = strtoll(digits, &end, 10);
                if (errno == ERANGE) {
                    double d = strtod(digits, NULL);
                    if (!isfinite(d)) *finite = false;
                    lua_pushnumber(L, d);
                } else {
                    lua_pushinteger(L, (lua_Integer)v);
                }
            }
        }
        return;
    }
    if (t != LUA_TTABLE) return;
    int idx = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TTABLE || lua_type(L, -1) == LUA_TNUMBER) {
            restore(L, tag, depth + 1, finite);
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, idx);
        } else {
            lua_pop(L, 1);
        }
    }
}

static int l_decode(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    unsigned char raw[TAG_LEN / 2];
    char tag[TAG_LEN + 1];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(tag, sizeof tag, raw, sizeof raw);
    lua_pushvalue(L, lua_upvalueindex(1)); /* pcall */
    lua_pushvalue(L, lua_upvalueindex(2)); /* cjson.decode */
    luaL_Buffer b;
    if (rewrite(L, &b, s, n, tag)) luaL_pushresult(&b);
    else lua_pushvalue(L, 1);
    lua_call(L, 2, 2);
    if (!lua_toboolean(L, -2)) {
        lua_pushnil(L);
        lua_pushfstring(L, "invalid JSON: %s", lua_tostring(L, -2));
        return 2;
    }
    bool finite = true;
    restore(L, tag, 0, &finite);
    if (!finite) return rt_fail(L, "invalid JSON: a number is out of range");
    return 1;
}

/* ---- encode ---- */

typedef struct {
    lua_State *L;
    strbuf_t *b;
    bool pretty;
    const char *err;
    char errbuf[64];
} enc_t;

static void add_string(enc_t *e, const char *s, size_t len) {
    lua_State *L = e->L;
    strbuf_t *b = e->b;
    static const char hex[] = "0123456789abcdef";
    strbuf_addc(L, b, '"');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        strbuf_add(L, b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': strbuf_adds(L, b, "\\\""); break;
        case '\\': strbuf_adds(L, b, "\\\\"); break;
        case '\n': strbuf_adds(L, b, "\\n"); break;
        case '\r': strbuf_adds(L, b, "\\r"); break;
        case '\t': strbuf_adds(L, b, "\\t"); break;
        case '\b': strbuf_adds(L, b, "\\b"); break;
        case '\f': strbuf_adds(L, b, "\\f"); break;
        default: {
            char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            strbuf_adds(L, b, u);
        }
        }
    }
    strbuf_add(L, b, s + run, len - run);
    strbuf_addc(L, b, '"');
}

/* Shortest of %.15g..%.17g that reads back to the same double; integral values keep a ".0". */
static void add_float(enc_t *e, double d) {
    char buf[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, NULL) == d) break;
    }
    strbuf_adds(e->L, e->b, buf);
    if (!strpbrk(buf, ".eEn")) strbuf_adds(e->L, e->b, ".0");
}

static void newline(enc_t *e, int depth) {
    if (!e->pretty) return;
    strbuf_addc(e->L, e->b, '\n');
    for (int i = 0; i < depth; i++) strbuf_adds(e->L, e->b, "  ");
}

static int cmp_keys(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool encode_value(lua_State *L, enc_t *e, int depth);

/* Is the table at top an array: json.array metatable, or keys exactly 1..n with n > 0. Returns n or -1. */
static lua_Integer array_length(lua_State *L) {
    if (lua_getmetatable(L, -1)) {
        push_array_mt(L);
        bool is_arr = lua_rawequal(L, -1, -2);
        lua_pop(L, 2);
        if (is_arr) return (lua_Integer)lua_rawlen(L, -1);
    }
    lua_Integer count = 0, max = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1) {
            lua_pop(L, 1);
            return -1;
        }
        lua_Integer k = lua_tointeger(L, -1);
        if (k > max) max = k;
        count++;
    }
    return count > 0 && count == max ? max : -1;
}

static bool encode_table(lua_State *L, enc_t *e, int depth) {
    if (depth > 1000) {
        e->err = "nesting too deep (a cycle?)";
        return false;
    }
    luaL_checkstack(L, 8, "json.encode");
    int t = lua_gettop(L);
    lua_Integer n = array_length(L);
    if (n >= 0) {
        strbuf_addc(e->L, e->b, '[');
        for (lua_Integer i = 1; i <= n; i++) {
            if (i > 1) strbuf_addc(e->L, e->b, ',');
            newline(e, depth + 1);
            lua_rawgeti(L, t, i);
            if (!encode_value(L, e, depth + 1)) return false;
        }
        if (n > 0) newline(e, depth);
        strbuf_addc(e->L, e->b, ']');
        return true;
    }
    /* Object: collect the keys as strings (numbers converted), sort, emit. */
    lua_newtable(L); /* key string -> original key */
    int keymap = lua_gettop(L);
    size_t nkeys = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        int kt = lua_type(L, -1);
        if (kt != LUA_TSTRING && kt != LUA_TNUMBER) {
            e->err = "object keys must be strings or numbers";
            return false;
        }
        lua_pushvalue(L, -1);
        if (kt == LUA_TNUMBER) {
            lua_pushstring(L, lua_tostring(L, -1)); /* converts the copy, not the iteration key */
            lua_remove(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_rawset(L, keymap);
        nkeys++;
    }
    const char **keys = lua_newuserdatauv(L, (nkeys ? nkeys : 1) * sizeof *keys, 0);
    size_t k = 0;
    lua_pushnil(L);
    while (lua_next(L, keymap)) {
        lua_pop(L, 1);
        keys[k++] = lua_tostring(L, -1); /* alive: the string is a key of keymap */
    }
    qsort(keys, nkeys, sizeof *keys, cmp_keys);
    strbuf_addc(e->L, e->b, '{');
    for (size_t i = 0; i < nkeys; i++) {
        if (i) strbuf_addc(e->L, e->b, ',');
        newline(e, depth + 1);
        add_string(e, keys[i], strlen(keys[i]));
        strbuf_adds(e->L, e->b, e->pretty ? ": " : ":");
        lua_pushstring(L, keys[i]);
        lua_rawget(L, keymap);
        lua_rawget(L, t);
        if (!encode_value(L, e, depth + 1)) return false;
    }
    if (nkeys) newline(e, depth);
    strbuf_addc(e->L, e->b, '}');
    lua_pop(L, 2); /* keys, keymap */
    return true;
}

/* Encodes the value on top and pops it (on failure it is left and e->err set). */
static bool encode_value(lua_State *L, enc_t *e, int depth) {
    bool ok = true;
    switch (lua_type(L, -1)) {
    case LUA_TNIL: strbuf_adds(e->L, e->b, "null"); break;
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, -1) == NULL) strbuf_adds(e->L, e->b, "null");
        else { e->err = "cannot encode a light userdata"; ok = false; }
        break;
    case LUA_TBOOLEAN: strbuf_adds(e->L, e->b, lua_toboolean(L, -1) ? "true" : "false"); break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, -1)) {
            char buf[32];
            snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, -1));
            strbuf_adds(e->L, e->b, buf);
        } else {
            double d = lua_tonumber(L, -1);
            if (!isfinite(d)) { e->err = "cannot encode NaN or infinity"; ok = false; }
            else add_float(e, d);
        }
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        add_string(e, s, len);
        break;
    }
    case LUA_TTABLE: ok = encode_table(L, e, depth); break;
    default:
        snprintf(e->errbuf, sizeof e->errbuf, "cannot encode a %s", luaL_typename(L, -1));
        e->err = e->errbuf;
        ok = false;
    }
    if (ok) lua_pop(L, 1);
    return ok;
}

static int l_encode(lua_State *L) {
    luaL_checkany(L, 1);
    bool pretty = false;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "pretty");
        pretty = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    lua_settop(L, 1);
    enc_t e = {.L = L, .b = strbuf_new(L), .pretty = pretty};
    lua_pushvalue(L, 1);
    if (!encode_value(L, &e, 0)) return rt_fail(L, "json.encode: %s", e.err);
    lua_pushlstring(L, e.b->data ? e.b->data : "", e.b->len);
    return 1;
}

static int l_array(lua_State *L) {
    if (lua_isnoneornil(L, 1)) {
        lua_settop(L, 0);
        lua_newtable(L);
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    push_array_mt(L);
    lua_setmetatable(L, 1);
    return 1;
}

static int l_is_array(lua_State *L) {
    bool r = false;
    if (lua_istable(L, 1) && lua_getmetatable(L, 1)) {
        push_array_mt(L);
        r = lua_rawequal(L, -1, -2);
    }
    lua_pushboolean(L, r);
    return 1;
}

int luaopen_json(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"encode", l_encode}, {"array", l_array}, {"is_array", l_is_array}, {NULL, NULL},
    };
    if (sodium_init() < 0) return luaL_error(L, "libsodium failed to initialise");
    luaL_newlib(L, funcs);
    lua_getglobal(L, "pcall");
    /* a private cjson instance that refuses NaN, Infinity and hex numbers (cjson accepts them by default) */
    luaL_requiref(L, "cjson", luaopen_cjson, 0);
    lua_getfield(L, -1, "new");
    lua_call(L, 0, 1);
    lua_remove(L, -2);
    lua_getfield(L, -1, "decode_invalid_numbers");
    lua_pushboolean(L, 0);
    lua_call(L, 1, 0);
    lua_getfield(L, -1, "decode");
    lua_remove(L, -2);
    lua_pushcclosure(L, l_decode, 2);
    lua_setfield(L, -2, "decode");
    lua_pushlightuserdata(L, NULL);
    lua_setfield(L, -2, "null");
    return 1;
}
