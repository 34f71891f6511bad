/* require "zip": in-memory ZIP archives with libzip.
 * zip.pack(files[, {store=bool, mtime=unix}]) -> bytes | nil, message
 *   files: an array of {name=, data=} (kept in order) or a map name -> data (sorted by name). Entries are
 *   deflated (or stored) with a fixed timestamp, so the same input always gives the same bytes.
 * zip.list(bytes) -> {{name=, size=, compressed_size=, method=}, ...} | nil, message
 * zip.unpack(bytes[, max_total]) -> {name -> data}, names_in_order | nil, message */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "rt.h"

#define DEFAULT_MTIME 315532800 /* 1980-01-01T00:00:00Z, the DOS epoch */

static int fail_zip(lua_State *L, const char *what, zip_error_t *ze) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", what, zip_error_strerror(ze));
    zip_error_fini(ze);
    return 2;
}

/* Collects the entries to add as (name, data) pairs on a new Lua array: {{name, data}, ...}. */
static void collect(lua_State *L, int files) {
    lua_newtable(L);
    int out = lua_gettop(L);
    lua_Integer n = 0;
    if (luaL_len(L, files) > 0) {
        lua_Integer len = luaL_len(L, files);
        for (lua_Integer i = 1; i <= len; i++) {
            lua_rawgeti(L, files, i);
            if (!lua_istable(L, -1)) luaL_error(L, "zip.pack: entry %d must be a table {name=, data=}", (int)i);
            lua_getfield(L, -1, "name");
            lua_getfield(L, -2, "data");
            if (!lua_isstring(L, -2) || !lua_isstring(L, -1))
                luaL_error(L, "zip.pack: entry %d needs string name and data", (int)i);
            lua_createtable(L, 2, 0);
            lua_insert(L, -3);
            lua_rawseti(L, -3, 2);
            lua_rawseti(L, -2, 1);
            lua_rawseti(L, out, ++n);
            lua_pop(L, 1);
        }
        return;
    }
    /* map: sort names */
    lua_newtable(L);
    int names = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, files)) {
        if (lua_type(L, -2) != LUA_TSTRING || !lua_isstring(L, -1))
            luaL_error(L, "zip.pack: map keys and values must be strings");
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, names, ++n);
    }
    lua_getglobal(L, "table");
    lua_getfield(L, -1, "sort");
    lua_pushvalue(L, names);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_createtable(L, 2, 0);
        lua_rawgeti(L, names, i);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, 1);
        lua_rawget(L, files);
        lua_rawseti(L, -2, 2);
        lua_rawseti(L, out, i);
    }
    lua_pop(L, 1);
}

static int l_pack(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    bool store = false;
    time_t mtime = DEFAULT_MTIME;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "store");
        store = lua_toboolean(L, -1);
        lua_getfield(L, 2, "mtime");
        mtime = (time_t)luaL_optinteger(L, -1, DEFAULT_MTIME);
        lua_pop(L, 2);
    }
    lua_settop(L, 1);
    collect(L, 1);
    int entries = lua_gettop(L);
    lua_Integer n = luaL_len(L, entries);

    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src) return fail_zip(L, "zip.pack", &ze);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!za) {
        zip_source_free(src);
        return fail_zip(L, "zip.pack", &ze);
    }
    zip_source_keep(src);
    const char *err = NULL;
    for (lua_Integer i = 1; i <= n && !err; i++) {
        lua_rawgeti(L, entries, i);
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        const char *name = lua_tostring(L, -2);
        size_t len;
        const char *data = lua_tolstring(L, -1, &len); /* alive until zip_close: it is in `entries` */
        lua_pop(L, 3);
        zip_source_t *fs = zip_source_buffer(za, data, len, 0);
        zip_int64_t idx = fs ? zip_file_add(za, name, fs, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            if (fs) zip_source_free(fs);
            err = lua_pushfstring(L, "cannot add '%s': %s", name, zip_strerror(za));
            break;
        }
        zip_set_file_compression(za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
        zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0);
    }
    if (err) {
        zip_discard(za);
        zip_source_free(src);
        return rt_fail(L, "zip.pack: %s", err);
    }
    if (zip_close(za) != 0) {
        const char *e = lua_pushstring(L, zip_strerror(za));
        zip_discard(za);
        zip_source_free(src);
        return rt_fail(L, "zip.pack: %s", e);
    }
    zip_stat_t st;
    if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) {
        zip_source_free(src);
        return rt_fail(L, "zip.pack: cannot read the archive back");
    }
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, (size_t)st.size);
    zip_int64_t got = zip_source_read(src, out, st.size);
    zip_source_close(src);
    zip_source_free(src);
    if (got < 0 || (zip_uint64_t)got != st.size) return rt_fail(L, "zip.pack: short read of the archive");
    luaL_pushresultsize(&b, (size_t)got);
    return 1;
}

static zip_t *open_bytes(lua_State *L, int idx, zip_error_t *ze) {
    size_t len;
    const char *data = luaL_checklstring(L, idx, &len);
    zip_error_init(ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, ze);
    if (!src) return NULL;
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, ze);
    if (!za) zip_source_free(src);
    return za;
}

static int l_list(lua_State *L) {
    zip_error_t ze;
    zip_t *za = open_bytes(L, 1, &ze);
    if (!za) return fail_zip(L, "not a valid ZIP archive", &ze);
    zip_int64_t n = zip_get_num_entries(za, 0);
    lua_createtable(L, (int)n, 0);
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0) continue;
        lua_createtable(L, 0, 4);
        lua_pushstring(L, st.name);
        lua_setfield(L, -2, "name");
        lua_pushinteger(L, (lua_Integer)st.size);
        lua_setfield(L, -2, "size");
        lua_pushinteger(L, (lua_Integer)st.comp_size);
        lua_setfield(L, -2, "compressed_size");
        lua_pushstring(L, st.comp_method == ZIP_CM_STORE ? "store" : st.comp_method == ZIP_CM_DEFLATE ? "deflate" : "other");
        lua_setfield(L, -2, "method");
        zip_uint8_t opsys;
        zip_uint32_t attr;
        if (zip_file_get_external_attributes(za, (zip_uint64_t)i, 0, &opsys, &attr) == 0 && opsys == ZIP_OPSYS_UNIX) {
            lua_pushboolean(L, ((attr >> 16) & 0170000) == 0120000);
            lua_setfield(L, -2, "symlink");
        }
        lua_rawseti(L, -2, i + 1);
    }
    zip_discard(za);
    return 1;
}

/* zip.unpack(bytes[, max_total]): the declared sizes of all entries are checked against max_total first, before
 * anything is decompressed, without overflow (sizes are unsigned 64-bit and may be anything the archive says).
 * Entries are then read in chunks, so memory follows the bytes that really come out; an entry that yields
 * anything but its declared size, or fails its CRC, is refused. Names are copied onto the Lua stack before
 * libzip's archive (which owns st.name) is discarded. */
static bool stat_entry(zip_t *za, zip_int64_t i, zip_stat_t *st) {
    zip_stat_init(st);
    return zip_stat_index(za, (zip_uint64_t)i, 0, st) == 0 && (st->valid & ZIP_STAT_NAME) &&
           (st->valid & ZIP_STAT_SIZE);
}

/* Pushes the entry's data; false (nothing pushed) when it is short, longer or damaged. */
static bool read_entry(lua_State *L, zip_file_t *f, zip_uint64_t size) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    zip_uint64_t left = size;
    zip_int64_t got = 0;
    while (left > 0) {
        size_t want = left < 65536 ? (size_t)left : 65536;
        char *p = luaL_prepbuffsize(&b, want);
        got = zip_fread(f, p, want);
        if (got <= 0) break;
        luaL_addsize(&b, (size_t)got);
        left -= (zip_uint64_t)got;
    }
    char extra;
    /* the end must follow (reading it also checks the CRC) */
    bool ok = left == 0 && got >= 0 && zip_fread(f, &extra, 1) == 0;
    luaL_pushresult(&b);
    if (!ok) lua_pop(L, 1);
    return ok;
}

static int l_unpack(lua_State *L) {
    lua_Integer max_total = luaL_optinteger(L, 2, 256LL * 1024 * 1024);
    luaL_argcheck(L, max_total >= 0, 2, "max_total must be >= 0");
    zip_error_t ze;
    zip_t *za = open_bytes(L, 1, &ze);
    if (!za) return fail_zip(L, "not a valid ZIP archive", &ze);
    zip_int64_t n = zip_get_num_entries(za, 0);
    zip_stat_t st;
    uint64_t total = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        if (!stat_entry(za, i, &st)) {
            const char *e = lua_pushstring(L, zip_strerror(za));
            zip_discard(za);
            return rt_fail(L, "cannot read entry %I: %s", (lua_Integer)i, e);
        }
        if (st.size > (uint64_t)max_total - total) {
            const char *name = lua_pushstring(L, st.name);
            zip_discard(za);
            return rt_fail(L, "archive expands beyond %I bytes (at '%s')", max_total, name);
        }
        total += st.size;
    }
    lua_newtable(L);
    lua_createtable(L, n > 0 && n < 4096 ? (int)n : 0, 0);
    int files = lua_gettop(L) - 1, names = lua_gettop(L);
    for (zip_int64_t i = 0; i < n; i++) {
        if (!stat_entry(za, i, &st)) {
            zip_discard(za);
            return rt_fail(L, "cannot read entry %I", (lua_Integer)i);
        }
        const char *name = lua_pushstring(L, st.name);
        zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
        if (!f) {
            const char *e = lua_pushstring(L, zip_strerror(za));
            zip_discard(za);
            return rt_fail(L, "cannot read '%s': %s", name, e);
        }
        bool ok = read_entry(L, f, st.size);
        zip_fclose(f);
        if (!ok) {
            zip_discard(za);
            return rt_fail(L, "cannot read '%s': corrupt entry", name);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_settable(L, files); /* files[name] = data */
        lua_rawseti(L, names, i + 1);
    }
    zip_discard(za);
    return 2;
}

int luaopen_zip(lua_State *L) {
    static const luaL_Reg funcs[] = {{"pack", l_pack}, {"list", l_list}, {"unpack", l_unpack}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    return 1;
}
