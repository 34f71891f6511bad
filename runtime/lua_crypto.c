/* require "crypto": hashes, encodings, random bytes, sr25519, SS58, BIP39, $NACL keyfile crypto.
 * Keys, signatures and digests are raw byte strings; crypto.hex/unhex convert. Bad input that a caller may
 * legitimately receive (an address, a hex string, a ciphertext) returns nil, message; wrong argument types and
 * sizes are programmer errors and raise. */
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "bip39.h"
#include "keccak.h"
#include "keyfile.h"
#include "rt.h"
#include "sr25519.h"
#include "ss58.h"

static const uint8_t *check_bytes(lua_State *L, int idx, size_t want, const char *what) {
    size_t len;
    const char *s = luaL_checklstring(L, idx, &len);
    if (len != want) luaL_error(L, "%s must be %d bytes, got %d", what, (int)want, (int)len);
    return (const uint8_t *)s;
}

static int l_sha256(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    uint8_t h[32];
    crypto_hash_sha256(h, (const uint8_t *)s, len);
    lua_pushlstring(L, (const char *)h, 32);
    return 1;
}

static int l_sha512(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    uint8_t h[64];
    crypto_hash_sha512(h, (const uint8_t *)s, len);
    lua_pushlstring(L, (const char *)h, 64);
    return 1;
}

static int l_sha3_256(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    uint8_t h[32];
    sha3_256(s, len, h);
    lua_pushlstring(L, (const char *)h, 32);
    return 1;
}

/* blake2b(data[, outlen=32[, key]]) */
static int l_blake2b(lua_State *L) {
    size_t len, klen = 0;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer outlen = luaL_optinteger(L, 2, 32);
    const char *key = luaL_optlstring(L, 3, NULL, &klen);
    luaL_argcheck(L, outlen >= crypto_generichash_BYTES_MIN && outlen <= crypto_generichash_BYTES_MAX, 2,
                  "output length must be 16..64");
    luaL_argcheck(L, !key || klen <= crypto_generichash_KEYBYTES_MAX, 3, "key longer than 64 bytes");
    uint8_t h[64];
    crypto_generichash(h, (size_t)outlen, (const uint8_t *)s, len, (const uint8_t *)key, klen);
    lua_pushlstring(L, (const char *)h, (size_t)outlen);
    return 1;
}

static int l_hex(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    char *out = lua_newuserdatauv(L, len * 2 + 1, 0);
    sodium_bin2hex(out, len * 2 + 1, (const uint8_t *)s, len);
    lua_pushlstring(L, out, len * 2);
    return 1;
}

static int l_unhex(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    if (len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2, len -= 2;
    if (len % 2) return rt_fail(L, "hex string has an odd length");
    uint8_t *out = lua_newuserdatauv(L, len / 2 + 1, 0);
    size_t bin_len;
    const char *end;
    if (sodium_hex2bin(out, len / 2, s, len, NULL, &bin_len, &end) != 0 || end != s + len)
        return rt_fail(L, "not a hex string");
    lua_pushlstring(L, (const char *)out, bin_len);
    return 1;
}

static int l_base64(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    size_t outlen = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
    char *out = lua_newuserdatauv(L, outlen, 0);
    sodium_bin2base64(out, outlen, (const uint8_t *)s, len, sodium_base64_VARIANT_ORIGINAL);
    lua_pushlstring(L, out, outlen - 1);
    return 1;
}

static int l_unbase64(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    uint8_t *out = lua_newuserdatauv(L, len / 4 * 3 + 3, 0);
    size_t bin_len;
    const char *end;
    if (sodium_base642bin(out, len / 4 * 3 + 3, s, len, NULL, &bin_len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != s + len)
        return rt_fail(L, "not standard padded base64");
    lua_pushlstring(L, (const char *)out, bin_len);
    return 1;
}

static int l_random(lua_State *L) {
    lua_Integer n = luaL_checkinteger(L, 1);
    luaL_argcheck(L, n >= 0 && n <= 1 << 20, 1, "0..1048576 bytes");
    uint8_t *out = lua_newuserdatauv(L, (size_t)n + 1, 0);
    randombytes_buf(out, (size_t)n);
    lua_pushlstring(L, (const char *)out, (size_t)n);
    return 1;
}

static void push_secret(lua_State *L, const sr25519_secret_t *sk) {
    uint8_t raw[64];
    memcpy(raw, sk->scalar, 32);
    memcpy(raw + 32, sk->nonce, 32);
    lua_pushlstring(L, (const char *)raw, 64);
    sodium_memzero(raw, sizeof raw);
}

/* sr25519_keypair(mini_secret32) -> public32, secret64 */
static int l_sr_keypair(lua_State *L) {
    const uint8_t *seed = check_bytes(L, 1, 32, "mini-secret");
    sr25519_secret_t sk;
    uint8_t pub[32];
    sr25519_keypair_from_seed(seed, &sk, pub);
    lua_pushlstring(L, (const char *)pub, 32);
    push_secret(L, &sk);
    sodium_memzero(&sk, sizeof sk);
    return 2;
}

/* sr25519_public(secret64) -> public32 | nil, message */
static int l_sr_public(lua_State *L) {
    const uint8_t *raw = check_bytes(L, 1, 64, "secret key");
    sr25519_secret_t sk;
    uint8_t pub[32];
    int r = sr25519_secret_from_bytes(raw, &sk, pub);
    sodium_memzero(&sk, sizeof sk);
    if (r) return rt_fail(L, "secret key scalar is not canonical");
    lua_pushlstring(L, (const char *)pub, 32);
    return 1;
}

/* sr25519_sign(secret64, message[, public32[, random32]]) -> signature64 */
static int l_sr_sign(lua_State *L) {
    const uint8_t *raw = check_bytes(L, 1, 64, "secret key");
    size_t len;
    const char *msg = luaL_checklstring(L, 2, &len);
    sr25519_secret_t sk;
    uint8_t pub[32];
    if (sr25519_secret_from_bytes(raw, &sk, pub)) return luaL_error(L, "secret key scalar is not canonical");
    if (!lua_isnoneornil(L, 3) && memcmp(check_bytes(L, 3, 32, "public key"), pub, 32) != 0)
        return luaL_error(L, "public key does not belong to the secret key");
    const uint8_t *rnd = lua_isnoneornil(L, 4) ? NULL : check_bytes(L, 4, 32, "random bytes");
    uint8_t sig[64];
    sr25519_sign(&sk, pub, msg, len, rnd, sig);
    sodium_memzero(&sk, sizeof sk);
    lua_pushlstring(L, (const char *)sig, 64);
    return 1;
}

/* sr25519_verify(public32, message, signature64[, strict]) -> boolean; not strict also accepts <Bytes>-wrapped. */
static int l_sr_verify(lua_State *L) {
    size_t plen, slen, len;
    const char *pub = luaL_checklstring(L, 1, &plen);
    const char *msg = luaL_checklstring(L, 2, &len);
    const char *sig = luaL_checklstring(L, 3, &slen);
    bool strict = lua_toboolean(L, 4);
    if (plen != 32 || slen != 64) {
        lua_pushboolean(L, 0);
        return 1;
    }
    bool ok = strict ? sr25519_verify((const uint8_t *)pub, msg, len, (const uint8_t *)sig)
                     : sr25519_verify_any((const uint8_t *)pub, msg, len, (const uint8_t *)sig);
    lua_pushboolean(L, ok);
    return 1;
}

static int l_ss58_encode(lua_State *L) {
    const uint8_t *pub = check_bytes(L, 1, 32, "public key");
    lua_Integer prefix = luaL_optinteger(L, 2, 42);
    luaL_argcheck(L, prefix >= 0 && prefix < 16384, 2, "prefix must be 0..16383");
    char out[64];
    if (ss58_encode(pub, (unsigned)prefix, out, sizeof out)) return luaL_error(L, "ss58 encoding failed");
    lua_pushstring(L, out);
    return 1;
}

/* ss58_decode(address) -> public32, prefix | nil, message */
static int l_ss58_decode(lua_State *L) {
    const char *addr = luaL_checkstring(L, 1);
    uint8_t pub[32];
    unsigned prefix;
    const char *err;
    if (ss58_decode(addr, pub, &prefix, &err)) return rt_fail(L, "invalid SS58 address '%s': %s", addr, err);
    lua_pushlstring(L, (const char *)pub, 32);
    lua_pushinteger(L, prefix);
    return 2;
}

/* mnemonic_to_mini_secret(phrase[, password]) -> mini32 | nil, message */
static int l_mnemonic_seed(lua_State *L) {
    const char *phrase = luaL_checkstring(L, 1);
    const char *password = luaL_optstring(L, 2, "");
    uint8_t seed[32];
    const char *err;
    if (bip39_mini_secret(phrase, password, seed, &err)) return rt_fail(L, "%s", err);
    lua_pushlstring(L, (const char *)seed, 32);
    sodium_memzero(seed, sizeof seed);
    return 1;
}

/* mnemonic_generate([words=12]) -> phrase */
static int l_mnemonic_generate(lua_State *L) {
    lua_Integer words = luaL_optinteger(L, 1, 12);
    luaL_argcheck(L, words >= 12 && words <= 24 && words % 3 == 0, 1, "12, 15, 18, 21 or 24 words");
    uint8_t entropy[32];
    size_t len = (size_t)(words / 3 * 4);
    randombytes_buf(entropy, len);
    char out[24 * 9 + 1];
    bip39_from_entropy(entropy, len, out, sizeof out);
    sodium_memzero(entropy, sizeof entropy);
    lua_pushstring(L, out);
    return 1;
}

/* nacl_key(password) -> key32 (argon2i, ~3.5 s, 512 MiB) | nil, message */
static int l_nacl_key(lua_State *L) {
    size_t len;
    const char *pw = luaL_checklstring(L, 1, &len);
    uint8_t key[32];
    if (keyfile_nacl_key(pw, len, key)) return rt_fail(L, "argon2i key derivation failed (out of memory?)");
    lua_pushlstring(L, (const char *)key, 32);
    sodium_memzero(key, sizeof key);
    return 1;
}

/* nacl_open(keyfile_bytes, key32) -> plaintext | nil, message */
static int l_nacl_open(lua_State *L) {
    size_t len;
    const uint8_t *in = (const uint8_t *)luaL_checklstring(L, 1, &len);
    const uint8_t *key = check_bytes(L, 2, 32, "key");
    if (len < KEYFILE_NACL_OVERHEAD) return rt_fail(L, "not a $NACL keyfile (too short)");
    uint8_t *out = lua_newuserdatauv(L, len, 0);
    long n = keyfile_nacl_open(in, len, key, out);
    if (n < 0) return rt_fail(L, "cannot decrypt the keyfile: wrong password or corrupted file");
    lua_pushlstring(L, (const char *)out, (size_t)n);
    sodium_memzero(out, len);
    return 1;
}

/* nacl_seal(plaintext, key32[, nonce24]) -> keyfile bytes */
static int l_nacl_seal(lua_State *L) {
    size_t len;
    const uint8_t *in = (const uint8_t *)luaL_checklstring(L, 1, &len);
    const uint8_t *key = check_bytes(L, 2, 32, "key");
    const uint8_t *nonce = lua_isnoneornil(L, 3) ? NULL : check_bytes(L, 3, 24, "nonce");
    uint8_t *out = lua_newuserdatauv(L, len + KEYFILE_NACL_OVERHEAD, 0);
    keyfile_nacl_seal(in, len, key, nonce, out);
    lua_pushlstring(L, (const char *)out, len + KEYFILE_NACL_OVERHEAD);
    return 1;
}

/* password_env_name(keyfile_path) -> "BT_PW_..." */
static int l_pw_env_name(lua_State *L) {
    char name[4200];
    keyfile_password_env_name(luaL_checkstring(L, 1), name, sizeof name);
    lua_pushstring(L, name);
    return 1;
}

/* password_from_env(name, value) -> password | nil, message */
static int l_pw_from_env(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    size_t vlen;
    const char *value = luaL_checklstring(L, 2, &vlen);
    char *out = lua_newuserdatauv(L, vlen + 1, 0);
    long n = keyfile_password_from_env_value(name, value, out, vlen + 1);
    if (n < 0) return rt_fail(L, "%s is not valid base64", name);
    lua_pushlstring(L, out, (size_t)n);
    return 1;
}

/* prompt_password(prompt) -> password | nil, message. Reads a line from the controlling terminal with echo
 * off; without a terminal (pm2, CI) it fails so the caller can say which environment variable to set. */
static int l_prompt_password(lua_State *L) {
    const char *prompt = luaL_optstring(L, 1, "Password: ");
    int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) return rt_fail(L, "no terminal to ask for a password");
    struct termios old, quiet;
    bool restore = tcgetattr(fd, &old) == 0;
    if (restore) {
        quiet = old;
        quiet.c_lflag &= (tcflag_t) ~ECHO;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    if (write(fd, prompt, strlen(prompt)) < 0) { /* best effort */ }
    char buf[1024];
    size_t n = 0;
    char c;
    while (n < sizeof buf - 1 && read(fd, &c, 1) == 1 && c != '\n') buf[n++] = c;
    if (write(fd, "\n", 1) < 0) { /* best effort */ }
    if (restore) tcsetattr(fd, TCSAFLUSH, &old);
    close(fd);
    lua_pushlstring(L, buf, n);
    sodium_memzero(buf, sizeof buf);
    return 1;
}

int luaopen_crypto(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"sha256", l_sha256},
        {"sha512", l_sha512},
        {"sha3_256", l_sha3_256},
        {"blake2b", l_blake2b},
        {"hex", l_hex},
        {"unhex", l_unhex},
        {"base64", l_base64},
        {"unbase64", l_unbase64},
        {"random", l_random},
        {"sr25519_keypair", l_sr_keypair},
        {"sr25519_public", l_sr_public},
        {"sr25519_sign", l_sr_sign},
        {"sr25519_verify", l_sr_verify},
        {"ss58_encode", l_ss58_encode},
        {"ss58_decode", l_ss58_decode},
        {"mnemonic_to_mini_secret", l_mnemonic_seed},
        {"mnemonic_generate", l_mnemonic_generate},
        {"nacl_key", l_nacl_key},
        {"nacl_open", l_nacl_open},
        {"nacl_seal", l_nacl_seal},
        {"password_env_name", l_pw_env_name},
        {"password_from_env", l_pw_from_env},
        {"prompt_password", l_prompt_password},
        {NULL, NULL},
    };
    if (sr25519_init()) return luaL_error(L, "libsodium failed to initialise");
    luaL_newlib(L, funcs);
    return 1;
}
