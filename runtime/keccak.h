/* Keccak-f[1600] and SHA3-256 (FIPS 202). */
#ifndef MINER_KECCAK_H
#define MINER_KECCAK_H

#include <stddef.h>
#include <stdint.h>

void keccak_f1600(uint64_t state[25]);

typedef struct {
    uint64_t st[25];
    size_t pos; /* bytes absorbed into the current block */
} sha3_256_ctx;

void sha3_256_init(sha3_256_ctx *c);
void sha3_256_update(sha3_256_ctx *c, const void *data, size_t len);
void sha3_256_final(sha3_256_ctx *c, uint8_t out[32]);
void sha3_256(const void *data, size_t len, uint8_t out[32]);

/* Byte view of the state (little-endian lanes, as FIPS 202 and STROBE expect). */
static inline uint8_t *keccak_bytes(uint64_t st[25]) { return (uint8_t *)st; }

#endif
