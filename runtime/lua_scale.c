/* require "scale": the SCALE codec (parity-scale-codec) for chain data.
 * Decoding: local d = scale.decoder(bytes_or_0xhex[, "raw"|"hex"]); d:u8() d:u16() d:u32() d:u64() d:u128() (-> lo, hi)
 *   d:compact() d:bool() d:bytes(n) d:option() (-> present?) d:remaining() d:pos()
 *   Reading past the end raises "scale: truncated input ..." (decoders are composed; callers pcall).
 * Encoding: scale.compact(n) scale.u8(n) scale.u16(n) scale.u32(n) scale.u64(n) scale.u128(lo[, hi]) -> bytes */
#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "rt.h"

#define DECODER_MT "rt.scale.decoder"

typedef struct {
    const uint8_t *data; /* points into the Lua string kept in the userdata's user value */
    size_t len, pos;
} decoder_t;

static decoder_t *check_decoder(lua_State *L) { return luaL_checkudata(L, 1, DECODER_MT); }

static const uint8_t *take(lua_State *L, decoder_t *d, size_t n) {
    if (d->len - d->pos < n)
        luaL_error(L, "scale: truncated input (need %d bytes at offset %d of %d)", (int)n, (int)d->pos, (int)d->len);
    const uint8_t *p = d->data + d->pos;
    d->pos += n;
    return p;
}

static uint64_t le(const uint8_t *p, int n) {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

/* Is s (len bytes) "0x" followed by an even number of hex digits? */
static bool is_hex_text(const char *s, size_t len) {
    if (len < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') || len % 2) return false;
    for (size_t i = 2; i < len; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F')))
            return false;
    return true;
}

/* scale.decoder(data[, mode]): mode "raw" (bytes as given), "hex" (must be 0x hex), or by default hex when the
 * whole text is 0x hex and raw otherwise (raw bytes that merely start with "0x" are raw: fuzz_scale found
 * scale.u16(0x7830) == "0x" read back as an empty hex string). */
static int l_decoder(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *mode = luaL_optstring(L, 2, "auto");
    bool hex;
    if (strcmp(mode, "raw") == 0) hex = false;
    else if (strcmp(mode, "hex") == 0) hex = true;
    else if (strcmp(mode, "auto") == 0) hex = is_hex_text(s, len);
    else return luaL_argerror(L, 2, "mode must be \"raw\", \"hex\" or \"auto\"");
    if (hex) {
        if (!is_hex_text(s, len)) return rt_fail(L, "scale.decoder: not a 0x hex string");
        size_t bin_len;
        uint8_t *buf = lua_newuserdatauv(L, len / 2 + 1, 0);
        if (sodium_hex2bin(buf, len / 2, s + 2, len - 2, NULL, &bin_len, NULL) != 0)
            return rt_fail(L, "scale.decoder: not a 0x hex string");
        lua_pushlstring(L, (const char *)buf, bin_len);
        lua_replace(L, 1);
        s = lua_tolstring(L, 1, &len);
    }
    lua_settop(L, 1);
    decoder_t *d = lua_newuserdatauv(L, sizeof *d, 1);
    d->data = (const uint8_t *)s;
    d->len = len;
    d->pos = 0;
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    luaL_setmetatable(L, DECODER_MT);
    return 1;
}

static int l_u8(lua_State *L) { decoder_t *d = check_decoder(L); lua_pushinteger(L, take(L, d, 1)[0]); return 1; }
static int l_u16(lua_State *L) { decoder_t *d = check_decoder(L); lua_pushinteger(L, (lua_Integer)le(take(L, d, 2), 2)); return 1; }
static int l_u32(lua_State *L) { decoder_t *d = check_decoder(L); lua_pushinteger(L, (lua_Integer)le(take(L, d, 4), 4)); return 1; }
static int l_u64(lua_State *L) { decoder_t *d = check_decoder(L); lua_pushinteger(L, (lua_Integer)le(take(L, d, 8), 8)); return 1; }

static int l_u128(lua_State *L) {
    decoder_t *d = check_decoder(L);
    const uint8_t *p = take(L, d, 16);
    lua_pushinteger(L, (lua_Integer)le(p, 8));
    lua_pushinteger(L, (lua_Integer)le(p + 8, 8));
    return 2;
}

static int l_bool(lua_State *L) {
    decoder_t *d = check_decoder(L);
    uint8_t b = take(L, d, 1)[0];
    if (b > 1) return luaL_error(L, "scale: invalid bool byte %d at offset %d", b, (int)d->pos - 1);
    lua_pushboolean(L, b);
    return 1;
}

static int l_option(lua_State *L) {
    decoder_t *d = check_decoder(L);
    uint8_t b = take(L, d, 1)[0];
    if (b > 1) return luaL_error(L, "scale: invalid option byte %d at offset %d", b, (int)d->pos - 1);
    lua_pushboolean(L, b);
    return 1;
}

static int l_compact(lua_State *L) {
    decoder_t *d = check_decoder(L);
    uint8_t first = take(L, d, 1)[0];
    uint64_t v;
    switch (first & 3) {
    case 0: v = first >> 2; break;
    case 1: v = (first | ((uint64_t)take(L, d, 1)[0] << 8)) >> 2; break;
    case 2: {
        const uint8_t *p = take(L, d, 3);
        v = (first | ((uint64_t)p[0] << 8) | ((uint64_t)p[1] << 16) | ((uint64_t)p[2] << 24)) >> 2;
        break;
    }
    default: {
        int n = (first >> 2) + 4;
        const uint8_t *p = take(L, d, (size_t)n);
        for (int i = 8; i < n; i++)
            if (p[i]) return luaL_error(L, "scale: compact integer wider than 64 bits at offset %d", (int)d->pos - n - 1);
        v = le(p, n > 8 ? 8 : n);
        if (v > (uint64_t)INT64_MAX) {
            lua_pushnumber(L, (double)v); /* rao amounts this large do not exist; keep a value anyway */
            return 1;
        }
    }
    }
    lua_pushinteger(L, (lua_Integer)v);
    return 1;
}

static int l_bytes(lua_State *L) {
    decoder_t *d = check_decoder(L);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_argcheck(L, n >= 0, 2, "non-negative length expected");
    lua_pushlstring(L, (const char *)take(L, d, (size_t)n), (size_t)n);
    return 1;
}

static int l_remaining(lua_State *L) { decoder_t *d = check_decoder(L); lua_pushinteger(L, (lua_Integer)(d->len - d->pos)); return 1; }
static int l_pos(lua_State *L) { decoder_t *d = check_decoder(L); lua_pushinteger(L, (lua_Integer)d->pos); return 1; }

/* ---- encoding ---- */

static void push_le(lua_State *L, uint64_t v, int n) {
    uint8_t b[8];
    for (int i = 0; i < n; i++) b[i] = (uint8_t)(v >> (8 * i));
    lua_pushlstring(L, (const char *)b, (size_t)n);
}

static uint64_t check_uint(lua_State *L, int idx, uint64_t max) {
    lua_Integer v = luaL_checkinteger(L, idx);
    if (v < 0 || (uint64_t)v > max) luaL_argerror(L, idx, "value out of range");
    return (uint64_t)v;
}

static int e_u8(lua_State *L) { push_le(L, check_uint(L, 1, 0xff), 1); return 1; }
static int e_u16(lua_State *L) { push_le(L, check_uint(L, 1, 0xffff), 2); return 1; }
static int e_u32(lua_State *L) { push_le(L, check_uint(L, 1, 0xffffffffu), 4); return 1; }
static int e_u64(lua_State *L) { push_le(L, (uint64_t)luaL_checkinteger(L, 1), 8); return 1; }

static int e_u128(lua_State *L) {
    uint8_t b[16];
    uint64_t lo = (uint64_t)luaL_checkinteger(L, 1), hi = (uint64_t)luaL_optinteger(L, 2, 0);
    for (int i = 0; i < 8; i++) {
        b[i] = (uint8_t)(lo >> (8 * i));
        b[8 + i] = (uint8_t)(hi >> (8 * i));
    }
    lua_pushlstring(L, (const char *)b, 16);
    return 1;
}

static int e_compact(lua_State *L) {
    lua_Integer sv = luaL_checkinteger(L, 1);
    luaL_argcheck(L, sv >= 0, 1, "compact integers are unsigned");
    uint64_t v = (uint64_t)sv;
    if (v < 64) push_le(L, v << 2, 1);
    else if (v < (1u << 14)) push_le(L, (v << 2) | 1, 2);
    else if (v < (1u << 30)) push_le(L, (v << 2) | 2, 4);
    else {
        int n = 8;
        while (n > 4 && ((v >> (8 * (n - 1))) & 0xff) == 0) n--;
        uint8_t b[9];
        b[0] = (uint8_t)(((n - 4) << 2) | 3);
        for (int i = 0; i < n; i++) b[1 + i] = (uint8_t)(v >> (8 * i));
        lua_pushlstring(L, (const char *)b, (size_t)n + 1);
    }
    return 1;
}

int luaopen_scale(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"u8", l_u8}, {"u16", l_u16}, {"u32", l_u32}, {"u64", l_u64}, {"u128", l_u128}, {"bool", l_bool},
        {"option", l_option}, {"compact", l_compact}, {"bytes", l_bytes}, {"remaining", l_remaining},
        {"pos", l_pos}, {NULL, NULL},
    };
    static const luaL_Reg funcs[] = {
        {"decoder", l_decoder}, {"compact", e_compact}, {"u8", e_u8}, {"u16", e_u16}, {"u32", e_u32},
        {"u64", e_u64}, {"u128", e_u128}, {NULL, NULL},
    };
    if (sodium_init() < 0) return luaL_error(L, "libsodium failed to initialise");
    rt_register_class(L, DECODER_MT, methods, NULL, NULL);
    luaL_newlib(L, funcs);
    return 1;
}
