/* require "hcl": Terraform native syntax (and .tf.json) from Lua values, laid out as `terraform fmt` would.
 *   hcl.block(type, labels, body)  a block; body = attributes (string keys) + nested blocks (array part, in order)
 *   hcl.ref("google_compute_network.net.id")  a bare traversal     hcl.raw("expr")  a verbatim expression
 *   hcl.encode(body_or_blocks) -> text | nil, message             hcl.encode_json(...) -> text | nil, message
 * Attribute order: body.__order (a list of keys) first, else count/for_each/provider/depends_on, then the rest
 * sorted; blocks keep their order, lifecycle last. Strings are escaped per the HCL spec ($${, %%{, \uNNNN); a
 * multi-line string ending in a newline becomes a <<EOT heredoc. Numbers never use exponents. Data errors
 * (invalid UTF-8, NaN, bad names) return nil, message. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "strbuf.h"

#define BLOCK_MT "hcl.block"
#define EXPR_MT "hcl.expr"

typedef struct {
    lua_State *L;
    strbuf_t *b;
    char err[256];
    bool failed;
} emit_t;

static void fail(emit_t *e, const char *fmt, const char *arg) {
    if (!e->failed) snprintf(e->err, sizeof e->err, fmt, arg);
    e->failed = true;
}

static bool is_ident(const char *s) {
    if (!s || !(isalpha((unsigned char)*s) || *s == '_')) return false;
    for (const char *p = s + 1; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-')) return false;
    return true;
}

static bool valid_utf8(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || i + len > n) return false;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xc0) != 0x80) return false;
        if (len == 2 && c < 0xc2) return false;
        if (len == 3) {
            unsigned cp = ((c & 0x0fu) << 12) | ((s[i + 1] & 0x3fu) << 6) | (s[i + 2] & 0x3fu);
            if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        }
        if (len == 4) {
            unsigned cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3fu) << 12) | ((s[i + 2] & 0x3fu) << 6) | (s[i + 3] & 0x3fu);
            if (cp < 0x10000 || cp > 0x10ffff) return false;
        }
        i += len;
    }
    return true;
}

static bool has_mt(lua_State *L, int idx, const char *mt) {
    if (!lua_getmetatable(L, idx)) return false;
    luaL_getmetatable(L, mt);
    bool r = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return r;
}

/* ---- scalars ---- */

/* Template escaping shared by quoted strings, heredocs and JSON strings: ${ -> $${, %{ -> %%{. */
static void add_template_char(emit_t *e, const char *s, size_t i, size_t n) {
    strbuf_addc(e->L, e->b, s[i]);
    if ((s[i] == '$' || s[i] == '%') && i + 1 < n && s[i + 1] == '{') strbuf_addc(e->L, e->b, s[i]);
}

static void add_quoted(emit_t *e, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    if (!valid_utf8((const unsigned char *)s, n)) {
        fail(e, "string is not valid UTF-8%s", "");
        return;
    }
    strbuf_addc(e->L, e->b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\n': strbuf_adds(e->L, e->b, "\\n"); break;
        case '\r': strbuf_adds(e->L, e->b, "\\r"); break;
        case '\t': strbuf_adds(e->L, e->b, "\\t"); break;
        case '"': strbuf_adds(e->L, e->b, "\\\""); break;
        case '\\': strbuf_adds(e->L, e->b, "\\\\"); break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
                strbuf_adds(e->L, e->b, u);
            } else {
                add_template_char(e, s, i, n);
            }
        }
    }
    strbuf_addc(e->L, e->b, '"');
}

/* A heredoc keeps the text verbatim (no backslash escapes): only for multi-line text ending in a newline
 * with no control characters other than tab. */
static bool heredoc_ok(const char *s, size_t n) {
    if (n < 2 || s[n - 1] != '\n' || !memchr(s, '\n', n - 1)) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return false;
    }
    return valid_utf8((const unsigned char *)s, n);
}

/* The closing marker is the first of EOT, EOT1, ..., EOT15 that occurs nowhere in the text. HCL ends a heredoc
 * at a line equal to the marker once trimmed of whitespace, and its trim (Go's bytes.TrimSpace) knows Unicode
 * spaces (U+0085, U+00A0, U+2028, U+3000, ...): a value line "\u00a0EOT" would end the heredoc early and the
 * rest of the value would be parsed as HCL. A marker absent from the text cannot match any line, however
 * trimmed. When all 16 occur (a hostile value), the text is written as a quoted string with escapes. */
static bool heredoc_marker(const char *s, size_t n, char *delim, size_t cap) {
    for (int k = 0; k < 16; k++) {
        if (k == 0) snprintf(delim, cap, "EOT");
        else snprintf(delim, cap, "EOT%d", k);
        if (!memmem(s, n, delim, strlen(delim))) return true;
    }
    return false;
}

static void add_heredoc(emit_t *e, const char *s, size_t n) {
    char delim[16];
    if (!heredoc_marker(s, n, delim, sizeof delim)) {
        add_quoted(e, s, n);
        return;
    }
    strbuf_adds(e->L, e->b, "<<");
    strbuf_adds(e->L, e->b, delim);
    strbuf_addc(e->L, e->b, '\n');
    for (size_t i = 0; i < n; i++) add_template_char(e, s, i, n);
    strbuf_adds(e->L, e->b, delim);
}

/* Shortest round-trip decimal, never an exponent (hclwrite: big.Float.Text('f', -1)). */
static void format_number(double d, char *out, size_t outlen) {
    char g[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(g, sizeof g, "%.*g", prec, d);
        if (strtod(g, NULL) == d) break;
    }
    char *epos = strchr(g, 'e');
    if (!epos) {
        snprintf(out, outlen, "%s", g);
        return;
    }
    /* digits and exponent -> plain decimal */
    int exp10 = atoi(epos + 1);
    *epos = 0;
    bool neg = g[0] == '-';
    char digits[40];
    size_t nd = 0;
    int point = -1;
    for (const char *p = g + neg; *p; p++) {
        if (*p == '.') point = (int)nd;
        else digits[nd++] = *p;
    }
    if (point < 0) point = (int)nd;
    point += exp10;
    size_t o = 0;
    if (neg) out[o++] = '-';
    if (point <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -point && o < outlen - 2; i++) out[o++] = '0';
        for (size_t i = 0; i < nd && o < outlen - 1; i++) out[o++] = digits[i];
    } else {
        for (int i = 0; i < point && o < outlen - 2; i++) out[o++] = (size_t)i < nd ? digits[i] : '0';
        if ((size_t)point < nd) {
            out[o++] = '.';
            for (size_t i = (size_t)point; i < nd && o < outlen - 1; i++) out[o++] = digits[i];
        }
    }
    out[o] = 0;
}

static bool add_number(emit_t *e, int idx) {
    char buf[400];
    if (lua_isinteger(e->L, idx)) {
        snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(e->L, idx));
    } else {
        double d = lua_tonumber(e->L, idx);
        if (!isfinite(d)) {
            fail(e, "cannot write NaN or infinity%s", "");
            return false;
        }
        format_number(d, buf, sizeof buf);
    }
    strbuf_adds(e->L, e->b, buf);
    return true;
}

/* A traversal: root(.attr | [index])* with identifier steps. */
static bool valid_traversal(const char *s) {
    const char *p = s;
    if (!(isalpha((unsigned char)*p) || *p == '_')) return false;
    while (*p) {
        if (*p == '.') {
            p++;
            if (!(isalpha((unsigned char)*p) || *p == '_' || *p == '*')) return false;
            if (*p == '*') { p++; continue; }
        } else if (*p == '[') {
            const char *close = strchr(p, ']');
            if (!close || close == p + 1) return false;
            p = close + 1;
            continue;
        } else if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-')) {
            return false;
        }
        p++;
    }
    return true;
}

/* ---- composite values ---- */

static void indent(emit_t *e, int level) {
    for (int i = 0; i < level; i++) strbuf_adds(e->L, e->b, "  ");
}

/* Does the table carry json.array's metatable (an explicitly marked, possibly empty, array)? */
static bool has_json_array_mt(lua_State *L, int idx) {
    if (!lua_getmetatable(L, idx)) return false;
    lua_getfield(L, -1, "__name");
    bool arr = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "json.array") == 0;
    lua_pop(L, 2);
    return arr;
}

static bool is_array(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    if (has_json_array_mt(L, idx)) return true;
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    if (n == 0) return false;
    lua_Integer count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
    }
    return count == n;
}

static void emit_value(emit_t *e, int idx, int level, bool inline_only);

/* Collects sorted attribute keys of a map/body at idx into a new Lua array on top (string keys only). */
static int sorted_keys(emit_t *e, int idx, bool body) {
    lua_State *L = e->L;
    idx = lua_absindex(L, idx);
    lua_newtable(L);
    int out = lua_gettop(L);
    lua_Integer n = 0;
    static const char *meta[] = {"count", "for_each", "provider", "depends_on"};
    lua_getfield(L, idx, "__order");
    int order = lua_istable(L, -1) ? lua_gettop(L) : 0;
    lua_newtable(L); /* used */
    int used = lua_gettop(L);
    if (order) {
        lua_Integer on = (lua_Integer)lua_rawlen(L, order);
        for (lua_Integer i = 1; i <= on; i++) {
            lua_rawgeti(L, order, i);
            lua_pushvalue(L, -1);
            if (lua_rawget(L, idx) != LUA_TNIL) {
                lua_pop(L, 1);
                lua_pushvalue(L, -1);
                lua_pushboolean(L, 1);
                lua_rawset(L, used);
                lua_rawseti(L, out, ++n);
            } else {
                lua_pop(L, 2);
            }
        }
    } else if (body) {
        for (size_t i = 0; i < 4; i++) {
            lua_getfield(L, idx, meta[i]);
            if (!lua_isnil(L, -1)) {
                lua_pushstring(L, meta[i]);
                lua_pushboolean(L, 1);
                lua_rawset(L, used);
                lua_pushstring(L, meta[i]);
                lua_rawseti(L, out, ++n);
            }
            lua_pop(L, 1);
        }
    }
    lua_newtable(L); /* the rest, to sort */
    int rest = lua_gettop(L);
    lua_Integer rn = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            lua_pushvalue(L, -1);
            bool skip = strcmp(k, "__order") == 0 || lua_rawget(L, used) != LUA_TNIL;
            lua_pop(L, 1);
            if (!skip) {
                lua_pushvalue(L, -1);
                lua_rawseti(L, rest, ++rn);
            }
        } else if (!body || !lua_isinteger(L, -1)) {
            fail(e, "keys must be strings%s", "");
        }
    }
    lua_getglobal(L, "table");
    lua_getfield(L, -1, "sort");
    lua_pushvalue(L, rest);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
    for (lua_Integer i = 1; i <= rn; i++) {
        lua_rawgeti(L, rest, i);
        lua_rawseti(L, out, ++n);
    }
    lua_settop(L, out);
    return out;
}

/* A non-empty object value spans lines and ends an alignment run (a heredoc does not: hclwrite keeps its
 * `key = <<EOT` line in the run). */
static bool is_multiline(emit_t *e, int idx) {
    lua_State *L = e->L;
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE || has_mt(L, idx, EXPR_MT) || is_array(L, idx)) return false;
    lua_pushnil(L);
    bool nonempty = lua_next(L, idx) != 0;
    if (nonempty) lua_pop(L, 2);
    return nonempty;
}

static void emit_key(emit_t *e, const char *k) {
    static const char *reserved[] = {"for", "in", "if", "null", "true", "false"};
    bool quote = !is_ident(k);
    for (size_t i = 0; !quote && i < sizeof reserved / sizeof reserved[0]; i++) quote = strcmp(k, reserved[i]) == 0;
    if (quote) add_quoted(e, k, strlen(k));
    else strbuf_adds(e->L, e->b, k);
}

static size_t key_width(const char *k) {
    /* code points, as an approximation of hclwrite's grapheme count */
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)k; *p; p++) w += (*p & 0xc0) != 0x80;
    return w;
}

/* One `key = value` line for keys[k] of the table at t, padding the key to `width` columns. */
static void emit_attribute(emit_t *e, int t, int keys_idx, lua_Integer k, int level, bool object_keys, size_t width) {
    lua_State *L = e->L;
    lua_rawgeti(L, keys_idx, k);
    const char *key = lua_tostring(L, -1);
    if (!object_keys && !is_ident(key)) {
        fail(e, "attribute name '%s' is not an identifier", key);
        lua_pop(L, 1);
        return;
    }
    indent(e, level);
    size_t before = e->b->len;
    emit_key(e, key);
    size_t written = e->b->len - before;
    size_t w = key_width(key) + (written - strlen(key)); /* quotes and escapes of a quoted key count too */
    for (size_t s = w; s < width; s++) strbuf_addc(L, e->b, ' ');
    strbuf_adds(L, e->b, " = ");
    lua_rawget(L, t);
    emit_value(e, lua_gettop(L), level, false);
    lua_pop(L, 1);
    strbuf_addc(L, e->b, '\n');
}

/* Emits `key = value` lines for the keys array at keys_idx of the table at t, aligning `=` within runs of
 * single-line attributes (a multi-line value ends the run, as in hclwrite's formatCells). */
static void emit_attributes(emit_t *e, int t, int keys_idx, int level, bool object_keys) {
    lua_State *L = e->L;
    lua_Integer n = (lua_Integer)lua_rawlen(L, keys_idx);
    lua_Integer i = 1;
    while (i <= n && !e->failed) {
        /* find the run [i, j) of single-line attributes */
        lua_Integer j = i;
        size_t width = 0;
        while (j <= n) {
            lua_rawgeti(L, keys_idx, j);
            lua_pushvalue(L, -1);
            lua_rawget(L, t);
            bool multi = is_multiline(e, -1);
            size_t w = key_width(lua_tostring(L, -2));
            if (object_keys) {
                const char *k = lua_tostring(L, -2);
                if (!is_ident(k)) w += 2; /* quotes; escapes are rare in keys */
            }
            lua_pop(L, 2);
            if (multi) break;
            if (w > width) width = w;
            j++;
        }
        for (lua_Integer k = i; k < j && !e->failed; k++) emit_attribute(e, t, keys_idx, k, level, object_keys, width);
        if (j <= n && !e->failed) { /* the multi-line attribute that ended the run: not aligned */
            emit_attribute(e, t, keys_idx, j, level, object_keys, 0);
            j++;
        }
        i = j;
    }
}

static void emit_object_inline(emit_t *e, int idx) {
    lua_State *L = e->L;
    int keys = sorted_keys(e, idx, false);
    lua_Integer n = (lua_Integer)lua_rawlen(L, keys);
    if (n == 0) {
        strbuf_adds(L, e->b, "{}");
        lua_pop(L, 1);
        return;
    }
    strbuf_adds(L, e->b, "{ ");
    for (lua_Integer i = 1; i <= n && !e->failed; i++) {
        if (i > 1) strbuf_adds(L, e->b, ", ");
        lua_rawgeti(L, keys, i);
        emit_key(e, lua_tostring(L, -1));
        strbuf_adds(L, e->b, " = ");
        lua_rawget(L, idx);
        emit_value(e, lua_gettop(L), 0, true);
        lua_pop(L, 1);
    }
    strbuf_adds(L, e->b, " }");
    lua_pop(L, 1);
}

static void emit_value(emit_t *e, int idx, int level, bool inline_only) {
    lua_State *L = e->L;
    luaL_checkstack(L, 16, "hcl");
    if (e->failed) return;
    switch (lua_type(L, idx)) {
    case LUA_TNIL: strbuf_adds(L, e->b, "null"); return;
    case LUA_TLIGHTUSERDATA: strbuf_adds(L, e->b, "null"); return; /* json.null */
    case LUA_TBOOLEAN: strbuf_adds(L, e->b, lua_toboolean(L, idx) ? "true" : "false"); return;
    case LUA_TNUMBER: add_number(e, idx); return;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        if (!inline_only && heredoc_ok(s, n)) add_heredoc(e, s, n);
        else add_quoted(e, s, n);
        return;
    }
    case LUA_TTABLE: break;
    default: fail(e, "cannot write a %s value", luaL_typename(L, idx)); return;
    }
    if (has_mt(L, idx, EXPR_MT)) {
        lua_getfield(L, idx, "expr");
        strbuf_adds(L, e->b, lua_tostring(L, -1));
        lua_pop(L, 1);
        return;
    }
    if (has_mt(L, idx, BLOCK_MT)) {
        fail(e, "a block cannot be an attribute value%s", "");
        return;
    }
    if (is_array(L, idx)) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
        strbuf_addc(L, e->b, '[');
        for (lua_Integer i = 1; i <= n && !e->failed; i++) {
            if (i > 1) strbuf_adds(L, e->b, ", ");
            lua_rawgeti(L, idx, i);
            emit_value(e, lua_gettop(L), level, true);
            lua_pop(L, 1);
        }
        strbuf_addc(L, e->b, ']');
        return;
    }
    if (inline_only || !is_multiline(e, idx)) {
        emit_object_inline(e, idx);
        return;
    }
    strbuf_adds(L, e->b, "{\n");
    int keys = sorted_keys(e, idx, false);
    emit_attributes(e, idx, keys, level + 1, true);
    lua_pop(L, 1);
    indent(e, level);
    strbuf_addc(L, e->b, '}');
}

static void emit_body(emit_t *e, int body, int level);

static void emit_block(emit_t *e, int blk, int level) {
    lua_State *L = e->L;
    lua_getfield(L, blk, "type");
    const char *type = lua_tostring(L, -1);
    indent(e, level);
    strbuf_adds(L, e->b, type);
    lua_pop(L, 1);
    lua_getfield(L, blk, "labels");
    lua_Integer nl = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= nl && !e->failed; i++) {
        lua_rawgeti(L, -1, i);
        size_t n;
        const char *label = lua_tolstring(L, -1, &n);
        strbuf_addc(L, e->b, ' ');
        add_quoted(e, label, n);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, blk, "body");
    int body = lua_gettop(L);
    lua_pushnil(L);
    bool empty = lua_next(L, body) == 0;
    if (!empty) lua_pop(L, 2);
    if (empty) {
        strbuf_adds(L, e->b, " {}\n");
    } else {
        strbuf_adds(L, e->b, " {\n");
        emit_body(e, body, level + 1);
        indent(e, level);
        strbuf_adds(L, e->b, "}\n");
    }
    lua_pop(L, 1);
}

/* Attributes, a blank line, then blocks (separated by blank lines, lifecycle last). */
static void emit_body(emit_t *e, int body, int level) {
    lua_State *L = e->L;
    body = lua_absindex(L, body);
    int keys = sorted_keys(e, body, true);
    lua_Integer nattrs = (lua_Integer)lua_rawlen(L, keys);
    emit_attributes(e, body, keys, level, false);
    lua_pop(L, 1);
    lua_Integer nblocks = (lua_Integer)lua_rawlen(L, body);
    bool first = true;
    for (int pass = 0; pass < 2 && !e->failed; pass++) {
        for (lua_Integer i = 1; i <= nblocks && !e->failed; i++) {
            lua_rawgeti(L, body, i);
            if (!has_mt(L, -1, BLOCK_MT)) {
                fail(e, "the array part of a body holds blocks only (use hcl.block)%s", "");
                lua_pop(L, 1);
                return;
            }
            lua_getfield(L, -1, "type");
            bool lifecycle = strcmp(lua_tostring(L, -1), "lifecycle") == 0;
            lua_pop(L, 1);
            if (lifecycle == (pass == 1)) {
                if (!first || nattrs > 0) strbuf_addc(L, e->b, '\n');
                first = false;
                emit_block(e, lua_gettop(L), level);
            }
            lua_pop(L, 1);
        }
    }
}

/* ---- JSON syntax: build a Lua table, encode with the json module ---- */

static void push_json_string(emit_t *e, const char *s, size_t n) {
    lua_State *L = e->L;
    if (!valid_utf8((const unsigned char *)s, n)) {
        fail(e, "string is not valid UTF-8%s", "");
        lua_pushliteral(L, "");
        return;
    }
    strbuf_t *saved = e->b;
    e->b = strbuf_new(L);
    for (size_t i = 0; i < n; i++) add_template_char(e, s, i, n);
    lua_pushlstring(L, e->b->data ? e->b->data : "", e->b->len);
    lua_remove(L, -2);
    e->b = saved;
}

static void push_json_body(emit_t *e, int body);

static void push_json_value(emit_t *e, int idx);

/* Sets json.array's metatable on the table at idx, so json.encode writes it as an array even when empty. */
static void mark_json_array(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_getglobal(L, "require");
    lua_pushliteral(L, "json");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "array");
    lua_pushvalue(L, idx);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
}

/* Copies the attributes (string keys except __order) of the table at src into out, as JSON values. */
static void push_json_fields(emit_t *e, int src, int out) {
    lua_State *L = e->L;
    lua_pushnil(L);
    while (lua_next(L, src)) {
        if (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), "__order") != 0) {
            push_json_value(e, -1);
            lua_pushvalue(L, -3);
            lua_insert(L, -2);
            lua_rawset(L, out);
        }
        lua_pop(L, 1);
    }
}

static void push_json_value(emit_t *e, int idx) {
    lua_State *L = e->L;
    luaL_checkstack(L, 16, "hcl");
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        push_json_string(e, s, n);
        return;
    }
    case LUA_TTABLE: break;
    case LUA_TNUMBER:
        if (!lua_isinteger(L, idx) && !isfinite(lua_tonumber(L, idx))) fail(e, "cannot write NaN or infinity%s", "");
        lua_pushvalue(L, idx);
        return;
    default: lua_pushvalue(L, idx); return;
    }
    if (has_mt(L, idx, EXPR_MT)) {
        lua_getfield(L, idx, "expr");
        lua_pushfstring(L, "${%s}", lua_tostring(L, -1));
        lua_remove(L, -2);
        return;
    }
    lua_newtable(L);
    int out = lua_gettop(L);
    if (is_array(L, idx)) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            push_json_value(e, -1);
            lua_rawseti(L, out, i);
            lua_pop(L, 1);
        }
        mark_json_array(L, out);
        return;
    }
    push_json_fields(e, idx, out);
}

/* Block (type, labels, body) into the JSON object at `into`: into[type][label1]...[labelN] = body; a block
 * repeated under the same keys becomes an array. */
static void json_add_block(emit_t *e, int into, int blk) {
    lua_State *L = e->L;
    int top = lua_gettop(L);
    const char *keys[16];
    int nkeys = 0;
    lua_getfield(L, blk, "type");
    keys[nkeys++] = lua_tostring(L, -1);
    lua_getfield(L, blk, "labels");
    int labels = lua_gettop(L);
    lua_Integer nl = (lua_Integer)lua_rawlen(L, labels);
    for (lua_Integer i = 1; i <= nl && nkeys < 16; i++) {
        lua_rawgeti(L, labels, i);
        keys[nkeys++] = lua_tostring(L, -1); /* stays on the stack until settop */
    }
    lua_pushvalue(L, into); /* cur */
    for (int i = 0; i < nkeys - 1; i++) {
        if (lua_getfield(L, -1, keys[i]) != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_setfield(L, -3, keys[i]);
        }
        lua_remove(L, -2);
    }
    int cur = lua_gettop(L);
    const char *last = keys[nkeys - 1];
    lua_getfield(L, blk, "body");
    push_json_body(e, lua_gettop(L));
    int value = lua_gettop(L);
    lua_getfield(L, cur, last);
    if (lua_isnil(L, -1)) {
        lua_pushvalue(L, value);
        lua_setfield(L, cur, last);
    } else if (has_json_array_mt(L, -1)) {
        lua_pushvalue(L, value);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    } else {
        lua_createtable(L, 2, 0);
        lua_pushvalue(L, -2);
        lua_rawseti(L, -2, 1);
        lua_pushvalue(L, value);
        lua_rawseti(L, -2, 2);
        mark_json_array(L, -1);
        lua_setfield(L, cur, last);
    }
    lua_settop(L, top);
}

static void push_json_body(emit_t *e, int body) {
    lua_State *L = e->L;
    body = lua_absindex(L, body);
    lua_newtable(L);
    int out = lua_gettop(L);
    push_json_fields(e, body, out);
    lua_Integer n = (lua_Integer)lua_rawlen(L, body);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, body, i);
        if (has_mt(L, -1, BLOCK_MT)) json_add_block(e, out, lua_gettop(L));
        else fail(e, "the array part of a body holds blocks only (use hcl.block)%s", "");
        lua_pop(L, 1);
    }
}

/* ---- Lua API ---- */

static int l_block(lua_State *L) {
    const char *type = luaL_checkstring(L, 1);
    if (!is_ident(type)) return luaL_argerror(L, 1, "block type must be an identifier");
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "type");
    if (lua_istable(L, 2)) lua_pushvalue(L, 2);
    else if (lua_isstring(L, 2)) {
        lua_createtable(L, 1, 0);
        lua_pushvalue(L, 2);
        lua_rawseti(L, -2, 1);
    } else lua_newtable(L);
    lua_Integer nl = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= nl; i++) {
        lua_rawgeti(L, -1, i);
        if (!lua_isstring(L, -1)) return luaL_error(L, "hcl.block: label %d must be a string", (int)i);
        lua_pop(L, 1);
    }
    lua_setfield(L, -2, "labels");
    if (lua_istable(L, 3)) lua_pushvalue(L, 3);
    else lua_newtable(L);
    lua_setfield(L, -2, "body");
    luaL_setmetatable(L, BLOCK_MT);
    return 1;
}

static int l_raw(lua_State *L) {
    luaL_checkstring(L, 1);
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "expr");
    luaL_setmetatable(L, EXPR_MT);
    return 1;
}

/* A reference is a raw expression that must be a traversal. */
static int l_ref(lua_State *L) {
    if (!valid_traversal(luaL_checkstring(L, 1))) return luaL_argerror(L, 1, "not a traversal like a.b.c or a.b[0]");
    return l_raw(L);
}

/* The document at index 1: a body, or a single block (wrapped into a one-block body). */
static void as_document(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    if (has_mt(L, 1, BLOCK_MT)) {
        lua_createtable(L, 1, 0);
        lua_pushvalue(L, 1);
        lua_rawseti(L, -2, 1);
        lua_replace(L, 1);
    }
}

/* The document: a body, or a list of blocks. */
static int l_encode(lua_State *L) {
    as_document(L);
    emit_t e = {.L = L, .b = strbuf_new(L)};
    emit_body(&e, 1, 0);
    if (e.failed) return rt_fail(L, "hcl.encode: %s", e.err);
    lua_pushlstring(L, e.b->data ? e.b->data : "", e.b->len);
    return 1;
}

static int l_encode_json(lua_State *L) {
    as_document(L);
    emit_t e = {.L = L, .b = NULL};
    push_json_body(&e, 1);
    if (e.failed) return rt_fail(L, "hcl.encode_json: %s", e.err);
    lua_getglobal(L, "require");
    lua_pushliteral(L, "json");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "encode");
    lua_pushvalue(L, -3);
    lua_createtable(L, 0, 1);
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "pretty");
    lua_call(L, 2, 2);
    return 2;
}

static int l_is_block(lua_State *L) {
    lua_pushboolean(L, lua_istable(L, 1) && has_mt(L, 1, BLOCK_MT));
    return 1;
}

int luaopen_hcl(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"block", l_block}, {"ref", l_ref}, {"raw", l_raw}, {"encode", l_encode},
        {"encode_json", l_encode_json}, {"is_block", l_is_block}, {NULL, NULL},
    };
    luaL_newmetatable(L, BLOCK_MT);
    lua_pop(L, 1);
    luaL_newmetatable(L, EXPR_MT);
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}
