#include "keyfile.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const uint8_t nacl_salt[16] = {0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc,
                                      0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1};

int keyfile_nacl_key(const char *password, size_t pwlen, uint8_t key[32]) {
    return crypto_pwhash(key, 32, password, pwlen, nacl_salt, crypto_pwhash_argon2i_OPSLIMIT_SENSITIVE,
                         crypto_pwhash_argon2i_MEMLIMIT_SENSITIVE, crypto_pwhash_ALG_ARGON2I13);
}

long keyfile_nacl_open(const uint8_t *in, size_t len, const uint8_t key[32], uint8_t *out) {
    if (len < KEYFILE_NACL_OVERHEAD || memcmp(in, KEYFILE_NACL_PREFIX, 5) != 0) return -1;
    if (crypto_secretbox_open_easy(out, in + 29, len - 29, in + 5, key) != 0) return -1;
    return (long)(len - KEYFILE_NACL_OVERHEAD);
}

void keyfile_nacl_seal(const uint8_t *in, size_t len, const uint8_t key[32], const uint8_t *nonce24, uint8_t *out) {
    memcpy(out, KEYFILE_NACL_PREFIX, 5);
    if (nonce24) memcpy(out + 5, nonce24, 24);
    else randombytes_buf(out + 5, 24);
    crypto_secretbox_easy(out + 29, in, len, out + 5, key);
}

void keyfile_password_env_name(const char *path, char *out, size_t outlen) {
    size_t n = (size_t)snprintf(out, outlen, "BT_PW_%s", path);
    if (n >= outlen) n = outlen - 1;
    for (size_t i = 6; i < n; i++) {
        char c = out[i];
        out[i] = (c == '/' || c == '.') ? '_' : (char)toupper((unsigned char)c);
    }
}

long keyfile_password_from_env_value(const char *name, const char *value, char *out, size_t outlen) {
    size_t len;
    if (sodium_base642bin((unsigned char *)out, outlen - 1, value, strlen(value), NULL, &len, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return -1;
    size_t nlen = strlen(name);
    for (size_t i = 0; i < len; i++) out[i] ^= name[i % nlen];
    out[len] = 0;
    return (long)len;
}
