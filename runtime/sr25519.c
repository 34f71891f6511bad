/* sr25519 sign/verify (spec bittensor-wire §5.3) on libsodium's ristretto255 group. */
#include "sr25519.h"

#include <decaf/point_255.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "strobe.h"

/* The group order l = 2^252 + 27742317777372353535851937790883648493, little-endian. */
static const uint8_t group_order[32] = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
};

int sr25519_init(void) { return sodium_init() < 0 ? -1 : 0; }

static bool scalar_is_canonical(const uint8_t s[32]) {
    for (int i = 31; i >= 0; i--) {
        if (s[i] < group_order[i]) return true;
        if (s[i] > group_order[i]) return false;
    }
    return false; /* equal to l */
}

static bool is_zero(const uint8_t *p, size_t n) {
    uint8_t acc = 0;
    for (size_t i = 0; i < n; i++) acc |= p[i];
    return acc == 0;
}

void sr25519_keypair_from_seed(const uint8_t seed[32], sr25519_secret_t *sk, uint8_t pub[32]) {
    uint8_t h[64];
    crypto_hash_sha512(h, seed, 32);
    h[0] &= 248;
    h[31] &= 63;
    h[31] |= 64;
    /* Divide the clamped 256-bit little-endian integer by the cofactor 8. */
    for (int i = 0; i < 32; i++) {
        uint8_t next = i < 31 ? h[i + 1] : 0;
        sk->scalar[i] = (uint8_t)((h[i] >> 3) | (next << 5));
    }
    memcpy(sk->nonce, h + 32, 32);
    crypto_scalarmult_ristretto255_base(pub, sk->scalar);
    sodium_memzero(h, sizeof h);
}

int sr25519_secret_from_bytes(const uint8_t bytes[64], sr25519_secret_t *sk, uint8_t pub[32]) {
    if (!scalar_is_canonical(bytes) || is_zero(bytes, 32)) return -1;
    memcpy(sk->scalar, bytes, 32);
    memcpy(sk->nonce, bytes + 32, 32);
    return crypto_scalarmult_ristretto255_base(pub, sk->scalar);
}

static void signing_transcript(merlin_t *t, const void *msg, size_t len) {
    merlin_init(t, "SigningContext");
    merlin_append(t, "", "substrate", 9);
    merlin_append(t, "sign-bytes", msg, len);
    merlin_append(t, "proto-name", "Schnorr-sig", 11);
}

void sr25519_sign(const sr25519_secret_t *sk, const uint8_t pub[32], const void *msg, size_t len,
                  const uint8_t *random32, uint8_t sig[64]) {
    merlin_t t;
    signing_transcript(&t, msg, len);
    merlin_append(&t, "sign:pk", pub, 32);

    uint8_t rnd[32], wide[64], r[32], k[32], kx[32];
    if (random32) memcpy(rnd, random32, 32);
    else randombytes_buf(rnd, 32);
    merlin_rng_t rng;
    merlin_rng_init(&rng, &t, "signing", sk->nonce, 32, rnd);
    merlin_rng_fill(&rng, wide, 64);
    crypto_core_ristretto255_scalar_reduce(r, wide);

    crypto_scalarmult_ristretto255_base(sig, r); /* R */
    merlin_append(&t, "sign:R", sig, 32);
    merlin_challenge(&t, "sign:c", wide, 64);
    crypto_core_ristretto255_scalar_reduce(k, wide);
    crypto_core_ristretto255_scalar_mul(kx, k, sk->scalar);
    crypto_core_ristretto255_scalar_add(sig + 32, kx, r);
    sig[63] |= 0x80; /* schnorrkel marker */
    sodium_memzero(&rng, sizeof rng);
    sodium_memzero(r, sizeof r);
    sodium_memzero(wide, sizeof wide);
}

bool sr25519_verify(const uint8_t pub[32], const void *msg, size_t len, const uint8_t sig[64]) {
    if (!(sig[63] & 0x80) || is_zero(pub, 32)) return false;
    uint8_t s[32];
    memcpy(s, sig + 32, 32);
    s[31] &= 0x7f;
    if (!scalar_is_canonical(s)) return false;

    merlin_t t;
    signing_transcript(&t, msg, len);
    merlin_append(&t, "sign:pk", pub, 32);
    merlin_append(&t, "sign:R", sig, 32);
    uint8_t wide[64];
    merlin_challenge(&t, "sign:c", wide, 64);
    /* Verification handles public data only, so libdecaf's variable-time double-scalar multiplication
     * (decaf_255 encodes exactly as ristretto255) replaces libsodium's two constant-time ones. */
    decaf_255_point_t A, R;
    decaf_255_scalar_t k, negk, sc;
    if (decaf_255_point_decode(A, pub, DECAF_FALSE) != DECAF_SUCCESS) return false;
    decaf_255_scalar_decode_long(k, wide, sizeof wide);
    decaf_255_scalar_sub(negk, decaf_255_scalar_zero, k);
    if (decaf_255_scalar_decode(sc, s) != DECAF_SUCCESS) return false;
    decaf_255_base_double_scalarmul_non_secret(R, sc, A, negk); /* s*B - k*A */
    uint8_t expect[32];
    decaf_255_point_encode(expect, R);
    return sodium_memcmp(expect, sig, 32) == 0;
}

bool sr25519_verify_any(const uint8_t pub[32], const void *msg, size_t len, const uint8_t sig[64]) {
    if (sr25519_verify(pub, msg, len, sig)) return true;
    size_t wlen = len + 15;
    uint8_t stackbuf[512];
    uint8_t *w = wlen <= sizeof stackbuf ? stackbuf : malloc(wlen);
    if (!w) return false;
    memcpy(w, "<Bytes>", 7);
    memcpy(w + 7, msg, len);
    memcpy(w + 7 + len, "</Bytes>", 8);
    bool ok = sr25519_verify(pub, w, wlen, sig);
    if (w != stackbuf) free(w);
    return ok;
}
