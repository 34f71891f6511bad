/* Base58 (Bitcoin alphabet) and SS58 addresses (blake2b-512 "SS58PRE" checksum). */
#ifndef MINER_SS58_H
#define MINER_SS58_H

#include <stddef.h>
#include <stdint.h>

/* Returns the encoded length (without NUL) or 0 if out is too small. */
size_t base58_encode(const uint8_t *in, size_t len, char *out, size_t outlen);
/* Returns decoded length, or (size_t)-1 on a bad character / too long. */
size_t base58_decode(const char *in, uint8_t *out, size_t outlen);

/* Encodes a 32-byte public key with prefix 0..16383. Returns 0, or -1. out needs 64 bytes. */
int ss58_encode(const uint8_t pub[32], unsigned prefix, char *out, size_t outlen);
/* Decodes; on error returns -1 and sets *err to a static message. */
int ss58_decode(const char *addr, uint8_t pub[32], unsigned *prefix, const char **err);

#endif
