#include "bip39.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char *const bip39_english[2048];

static int word_index(const char *w, size_t len) {
    int lo = 0, hi = 2047;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strncmp(bip39_english[mid], w, len);
        if (c == 0 && bip39_english[mid][len] != 0) c = 1;
        if (c == 0) return mid;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

int bip39_to_entropy(const char *phrase, uint8_t entropy[32], const char **err) {
    uint8_t bits[33] = {0}; /* up to 24 words * 11 bits = 264 bits */
    int nwords = 0;
    const char *p = phrase;
    for (;;) {
        while (*p && isspace((unsigned char)*p)) p++;
        if (!*p) break;
        const char *start = p;
        while (*p && !isspace((unsigned char)*p)) p++;
        if (nwords == 24) {
            *err = "mnemonic has more than 24 words";
            return -1;
        }
        int idx = word_index(start, (size_t)(p - start));
        if (idx < 0) {
            *err = "mnemonic has a word that is not in the BIP39 English list";
            return -1;
        }
        for (int b = 0; b < 11; b++) {
            int bit = nwords * 11 + b;
            if (idx & (1 << (10 - b))) bits[bit / 8] |= (uint8_t)(0x80 >> (bit % 8));
        }
        nwords++;
    }
    if (nwords < 12 || nwords % 3 != 0) {
        *err = "mnemonic must have 12, 15, 18, 21 or 24 words";
        return -1;
    }
    int total_bits = nwords * 11;
    int cs_bits = total_bits / 33;
    int ent_len = (total_bits - cs_bits) / 8;
    uint8_t hash[32];
    crypto_hash_sha256(hash, bits, (unsigned long long)ent_len);
    for (int i = 0; i < cs_bits; i++) {
        int bit = ent_len * 8 + i;
        int got = (bits[bit / 8] >> (7 - bit % 8)) & 1;
        int want = (hash[i / 8] >> (7 - i % 8)) & 1;
        if (got != want) {
            *err = "mnemonic checksum does not match";
            return -1;
        }
    }
    memcpy(entropy, bits, (size_t)ent_len);
    sodium_memzero(bits, sizeof bits);
    return ent_len;
}

/* PBKDF2-HMAC-SHA512, one 64-byte block (libsodium has HMAC but no PBKDF2). */
static void pbkdf2_sha512_block(const uint8_t *pw, size_t pwlen, const uint8_t *salt, size_t saltlen,
                                unsigned iterations, uint8_t out[64]) {
    crypto_auth_hmacsha512_state st;
    uint8_t u[64];
    const uint8_t block_index[4] = {0, 0, 0, 1};
    crypto_auth_hmacsha512_init(&st, pw, pwlen);
    crypto_auth_hmacsha512_update(&st, salt, saltlen);
    crypto_auth_hmacsha512_update(&st, block_index, 4);
    crypto_auth_hmacsha512_final(&st, u);
    memcpy(out, u, 64);
    for (unsigned i = 1; i < iterations; i++) {
        crypto_auth_hmacsha512_init(&st, pw, pwlen);
        crypto_auth_hmacsha512_update(&st, u, 64);
        crypto_auth_hmacsha512_final(&st, u);
        for (int j = 0; j < 64; j++) out[j] ^= u[j];
    }
    sodium_memzero(u, sizeof u);
    sodium_memzero(&st, sizeof st);
}

int bip39_mini_secret(const char *phrase, const char *password, uint8_t mini_secret[32], const char **err) {
    uint8_t entropy[32];
    int n = bip39_to_entropy(phrase, entropy, err);
    if (n < 0) return -1;
    size_t pwlen = password ? strlen(password) : 0;
    uint8_t *salt = malloc(8 + pwlen);
    if (!salt) {
        *err = "out of memory";
        return -1;
    }
    memcpy(salt, "mnemonic", 8);
    if (pwlen) memcpy(salt + 8, password, pwlen);
    uint8_t seed[64];
    pbkdf2_sha512_block(entropy, (size_t)n, salt, 8 + pwlen, 2048, seed);
    memcpy(mini_secret, seed, 32);
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(entropy, sizeof entropy);
    free(salt);
    return 0;
}

int bip39_from_entropy(const uint8_t *entropy, size_t len, char *out, size_t outlen) {
    if (len < 16 || len > 32 || len % 4) return -1;
    uint8_t bits[33] = {0};
    memcpy(bits, entropy, len);
    uint8_t hash[32];
    crypto_hash_sha256(hash, entropy, len);
    bits[len] = hash[0];
    int nwords = (int)(len * 8 + len / 4) / 11;
    size_t used = 0;
    for (int w = 0; w < nwords; w++) {
        int idx = 0;
        for (int b = 0; b < 11; b++) {
            int bit = w * 11 + b;
            idx = (idx << 1) | ((bits[bit / 8] >> (7 - bit % 8)) & 1);
        }
        int n = snprintf(out + used, outlen - used, "%s%s", w ? " " : "", bip39_english[idx]);
        if (n < 0 || (size_t)n >= outlen - used) return -1;
        used += (size_t)n;
    }
    return 0;
}
