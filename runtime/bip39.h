/* BIP39 English mnemonics -> substrate mini-secret (substrate-bip39: PBKDF2 over the entropy, not the phrase). */
#ifndef MINER_BIP39_H
#define MINER_BIP39_H

#include <stddef.h>
#include <stdint.h>

/* Returns entropy length (16..32) or -1 with *err set. */
int bip39_to_entropy(const char *phrase, uint8_t entropy[32], const char **err);
/* Returns 0 or -1 with *err set. */
int bip39_mini_secret(const char *phrase, const char *password, uint8_t mini_secret[32], const char **err);
/* Encodes 16..32 bytes of entropy (multiple of 4) as a phrase; returns 0 or -1. */
int bip39_from_entropy(const uint8_t *entropy, size_t len, char *out, size_t outlen);

#endif
