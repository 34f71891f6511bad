/* sr25519 (schnorrkel, signing context "substrate") over libsodium's ristretto255. */
#ifndef MINER_SR25519_H
#define MINER_SR25519_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Secret key as btwallet stores it: canonical scalar (32, little-endian) || nonce (32). */
typedef struct {
    uint8_t scalar[32];
    uint8_t nonce[32];
} sr25519_secret_t;

int sr25519_init(void); /* sodium_init; 0 on success */

/* Mini-secret (32 bytes) -> secret + public, schnorrkel ExpansionMode::Ed25519. */
void sr25519_keypair_from_seed(const uint8_t seed[32], sr25519_secret_t *sk, uint8_t pub[32]);
/* 64-byte secret (scalar || nonce) -> public. Returns -1 if the scalar is not canonical or zero. */
int sr25519_secret_from_bytes(const uint8_t bytes[64], sr25519_secret_t *sk, uint8_t pub[32]);

/* Signs msg with context "substrate". random32 NULL draws 32 random bytes (tests pass fixed bytes). */
void sr25519_sign(const sr25519_secret_t *sk, const uint8_t pub[32], const void *msg, size_t len,
                  const uint8_t *random32, uint8_t sig[64]);
/* Strict verify of a signature over exactly msg. */
bool sr25519_verify(const uint8_t pub[32], const void *msg, size_t len, const uint8_t sig[64]);
/* As btwallet: the raw message, else the message wrapped in <Bytes>...</Bytes>. */
bool sr25519_verify_any(const uint8_t pub[32], const void *msg, size_t len, const uint8_t sig[64]);

#endif
