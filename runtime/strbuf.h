/* A growable byte buffer owned by a Lua userdata (freed by __gc even when a Lua error unwinds), for emitters
 * that push and pop freely while appending (luaL_Buffer forbids that). */
#ifndef MINER_STRBUF_H
#define MINER_STRBUF_H

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;
    size_t len, cap;
} strbuf_t;

static int strbuf_gc(lua_State *L) {
    strbuf_t *sb = lua_touserdata(L, 1);
    free(sb->data);
    sb->data = NULL;
    return 0;
}

/* Pushes the owning userdata. */
static inline strbuf_t *strbuf_new(lua_State *L) {
    strbuf_t *sb = lua_newuserdatauv(L, sizeof *sb, 0);
    memset(sb, 0, sizeof *sb);
    if (luaL_newmetatable(L, "rt.strbuf")) {
        lua_pushcfunction(L, strbuf_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return sb;
}

static inline void strbuf_add(lua_State *L, strbuf_t *sb, const char *s, size_t n) {
    if (sb->cap - sb->len < n) {
        size_t cap = sb->cap ? sb->cap : 256;
        while (cap - sb->len < n) cap *= 2;
        char *bigger = realloc(sb->data, cap);
        if (!bigger) luaL_error(L, "out of memory");
        sb->data = bigger;
        sb->cap = cap;
    }
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
}

static inline void strbuf_adds(lua_State *L, strbuf_t *sb, const char *s) { strbuf_add(L, sb, s, strlen(s)); }
static inline void strbuf_addc(lua_State *L, strbuf_t *sb, char c) { strbuf_add(L, sb, &c, 1); }

#endif
