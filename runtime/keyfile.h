/* btwallet keyfile encryption ($NACL: argon2i13 + XSalsa20-Poly1305 secretbox) and the BT_PW_ password env. */
#ifndef MINER_KEYFILE_H
#define MINER_KEYFILE_H

#include <stddef.h>
#include <stdint.h>

#define KEYFILE_NACL_PREFIX "$NACL"
#define KEYFILE_NACL_OVERHEAD (5 + 24 + 16)

/* Derives the secretbox key from a password (about 3.5 s and 512 MiB). Returns 0 or -1 (out of memory). */
int keyfile_nacl_key(const char *password, size_t pwlen, uint8_t key[32]);
/* in = "$NACL" || nonce || box. out must hold len - KEYFILE_NACL_OVERHEAD bytes. Returns plaintext length or -1. */
long keyfile_nacl_open(const uint8_t *in, size_t len, const uint8_t key[32], uint8_t *out);
/* out must hold len + KEYFILE_NACL_OVERHEAD bytes; nonce NULL draws a random one. */
void keyfile_nacl_seal(const uint8_t *in, size_t len, const uint8_t key[32], const uint8_t *nonce24, uint8_t *out);

/* BT_PW_<PATH> naming and the XOR obfuscation btwallet uses for passwords in the environment. */
void keyfile_password_env_name(const char *path, char *out, size_t outlen);
/* value is base64(password XOR cycle(name)); returns password length or -1. */
long keyfile_password_from_env_value(const char *name, const char *value, char *out, size_t outlen);

#endif
