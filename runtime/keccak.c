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

static inline uint64_t rotl(uint64_t x, unsigned n) { return (x << n) | (x >> (64 - n)); }

/* Unrolled over the 25 lanes (generated from the FIPS 202 tables: rho offsets and the pi permutation); one loop
 * over the 24 rounds. About twice as fast as the indexed form, which matters to sr25519's STROBE transcripts. */
void keccak_f1600(uint64_t s[25]) {
    uint64_t a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], a4 = s[4], a5 = s[5], a6 = s[6], a7 = s[7], a8 = s[8], a9 = s[9], a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14], a15 = s[15], a16 = s[16], a17 = s[17], a18 = s[18], a19 = s[19], a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24];
    for (int round = 0; round < 24; round++) {
        uint64_t c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
        uint64_t c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
        uint64_t c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
        uint64_t c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
        uint64_t c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
        uint64_t d0 = c4 ^ rotl(c1, 1);
        uint64_t d1 = c0 ^ rotl(c2, 1);
        uint64_t d2 = c1 ^ rotl(c3, 1);
        uint64_t d3 = c2 ^ rotl(c4, 1);
        uint64_t d4 = c3 ^ rotl(c0, 1);
        uint64_t b0 = (a0 ^ d0);
        uint64_t b1 = rotl(a6 ^ d1, 44);
        uint64_t b2 = rotl(a12 ^ d2, 43);
        uint64_t b3 = rotl(a18 ^ d3, 21);
        uint64_t b4 = rotl(a24 ^ d4, 14);
        uint64_t b5 = rotl(a3 ^ d3, 28);
        uint64_t b6 = rotl(a9 ^ d4, 20);
        uint64_t b7 = rotl(a10 ^ d0, 3);
        uint64_t b8 = rotl(a16 ^ d1, 45);
        uint64_t b9 = rotl(a22 ^ d2, 61);
        uint64_t b10 = rotl(a1 ^ d1, 1);
        uint64_t b11 = rotl(a7 ^ d2, 6);
        uint64_t b12 = rotl(a13 ^ d3, 25);
        uint64_t b13 = rotl(a19 ^ d4, 8);
        uint64_t b14 = rotl(a20 ^ d0, 18);
        uint64_t b15 = rotl(a4 ^ d4, 27);
        uint64_t b16 = rotl(a5 ^ d0, 36);
        uint64_t b17 = rotl(a11 ^ d1, 10);
        uint64_t b18 = rotl(a17 ^ d2, 15);
        uint64_t b19 = rotl(a23 ^ d3, 56);
        uint64_t b20 = rotl(a2 ^ d2, 62);
        uint64_t b21 = rotl(a8 ^ d3, 55);
        uint64_t b22 = rotl(a14 ^ d4, 39);
        uint64_t b23 = rotl(a15 ^ d0, 41);
        uint64_t b24 = rotl(a21 ^ d1, 2);
        a0 = b0 ^ (~b1 & b2);
        a1 = b1 ^ (~b2 & b3);
        a2 = b2 ^ (~b3 & b4);
        a3 = b3 ^ (~b4 & b0);
        a4 = b4 ^ (~b0 & b1);
        a5 = b5 ^ (~b6 & b7);
        a6 = b6 ^ (~b7 & b8);
        a7 = b7 ^ (~b8 & b9);
        a8 = b8 ^ (~b9 & b5);
        a9 = b9 ^ (~b5 & b6);
        a10 = b10 ^ (~b11 & b12);
        a11 = b11 ^ (~b12 & b13);
        a12 = b12 ^ (~b13 & b14);
        a13 = b13 ^ (~b14 & b10);
        a14 = b14 ^ (~b10 & b11);
        a15 = b15 ^ (~b16 & b17);
        a16 = b16 ^ (~b17 & b18);
        a17 = b17 ^ (~b18 & b19);
        a18 = b18 ^ (~b19 & b15);
        a19 = b19 ^ (~b15 & b16);
        a20 = b20 ^ (~b21 & b22);
        a21 = b21 ^ (~b22 & b23);
        a22 = b22 ^ (~b23 & b24);
        a23 = b23 ^ (~b24 & b20);
        a24 = b24 ^ (~b20 & b21);
        a0 ^= round_constants[round];
    }
    s[0] = a0; s[1] = a1; s[2] = a2; s[3] = a3; s[4] = a4; s[5] = a5; s[6] = a6; s[7] = a7; s[8] = a8; s[9] = a9; s[10] = a10; s[11] = a11; s[12] = a12; s[13] = a13; s[14] = a14; s[15] = a15; s[16] = a16; s[17] = a17; s[18] = a18; s[19] = a19; s[20] = a20; s[21] = a21; s[22] = a22; s[23] = a23; s[24] = a24;
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
