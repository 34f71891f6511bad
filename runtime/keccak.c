/* Keccak-f[1600] (FIPS 202 §3) and SHA3-256. The byte view of the state assumes a little-endian host. */
#include "keccak.h"

#include <string.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "keccak byte view assumes little-endian lanes");

static const uint64_t round_constants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

/* rho offsets and pi lane order, walked along the (x, y) -> (y, 2x + 3y) cycle starting at lane 1. */
static const unsigned rho[24] = {1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44};
static const unsigned pi[24] = {10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1};

static inline uint64_t rotl(uint64_t x, unsigned n) { return (x << n) | (x >> (64 - n)); }

void keccak_f1600(uint64_t a[25]) {
    uint64_t c[5];
    for (int round = 0; round < 24; round++) {
        /* theta */
        for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++) {
            uint64_t d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5) a[y + x] ^= d;
        }
        /* rho and pi */
        uint64_t t = a[1];
        for (int i = 0; i < 24; i++) {
            unsigned j = pi[i];
            uint64_t next = a[j];
            a[j] = rotl(t, rho[i]);
            t = next;
        }
        /* chi */
        for (int y = 0; y < 25; y += 5) {
            for (int x = 0; x < 5; x++) c[x] = a[y + x];
            for (int x = 0; x < 5; x++) a[y + x] = c[x] ^ (~c[(x + 1) % 5] & c[(x + 2) % 5]);
        }
        /* iota */
        a[0] ^= round_constants[round];
    }
}

#define SHA3_256_RATE 136

void sha3_256_init(sha3_256_ctx *c) { memset(c, 0, sizeof *c); }

void sha3_256_update(sha3_256_ctx *c, const void *data, size_t len) {
    const uint8_t *p = data;
    uint8_t *st = keccak_bytes(c->st);
    while (len--) {
        st[c->pos++] ^= *p++;
        if (c->pos == SHA3_256_RATE) {
            keccak_f1600(c->st);
            c->pos = 0;
        }
    }
}

void sha3_256_final(sha3_256_ctx *c, uint8_t out[32]) {
    uint8_t *st = keccak_bytes(c->st);
    st[c->pos] ^= 0x06; /* SHA-3 domain bits 01 + first pad bit */
    st[SHA3_256_RATE - 1] ^= 0x80;
    keccak_f1600(c->st);
    memcpy(out, st, 32);
    memset(c, 0, sizeof *c);
}

void sha3_256(const void *data, size_t len, uint8_t out[32]) {
    sha3_256_ctx c;
    sha3_256_init(&c);
    sha3_256_update(&c, data, len);
    sha3_256_final(&c, out);
}
