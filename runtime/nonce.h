/* The axon's nonce store: the last accepted nonce per "hotkey:uuid" key. Pure C (libsodium for SipHash), with
 * the clock passed in, so it is unit-tested on its own (tests/c/test_nonce.c).
 *
 * Window: on first sight of a key, a nonce may be at most 4 s + min(timeout, 60 s) old (upstream: 4 s +
 * timeout; the timeout header must not widen it up to the 3600 s timeout cap). After that, a key's nonces must
 * be strictly newer. An entry is pruned once its nonce and its last use are both older than the widest window
 * plus a second (65 s), compared signed: a nonce in the future stays until it is that much in the past, so
 * no nonce still inside a window is ever forgotten and replayable.
 *
 * Bound: at most max_entries entries (the axon uses NONCE_DEFAULT_MAX_ENTRIES = 65536) of at most
 * sizeof(entry) + 256 bytes (keys are cut to 255 bytes): about 20 MB at worst, typically ~8 MB (hotkey + uuid
 * keys are ~85 bytes). When full even after pruning, new keys are refused (nonce_commit returns false) until
 * entries expire; known keys keep working. Buckets are hashed with SipHash under a random per-store key, so
 * chosen keys cannot pile into one bucket. */
#ifndef MINER_NONCE_H
#define MINER_NONCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NONCE_ALLOWED_DELTA_NS 4000000000LL
#define NONCE_MAX_TIMEOUT_NS 60000000000LL
#define NONCE_HORIZON_NS (NONCE_ALLOWED_DELTA_NS + NONCE_MAX_TIMEOUT_NS + 1000000000LL)
#define NONCE_DEFAULT_MAX_ENTRIES 65536
#define NONCE_KEY_MAX 255

typedef struct nonce_store nonce_store_t;

typedef enum { NONCE_OK, NONCE_TOO_OLD, NONCE_NOT_NEWER } nonce_verdict_t;

/* hash_key: 16 random bytes (crypto_shorthash_KEYBYTES). Returns NULL when out of memory. */
nonce_store_t *nonce_store_new(const unsigned char hash_key[16], size_t max_entries);
void nonce_store_free(nonce_store_t *s);
size_t nonce_store_count(const nonce_store_t *s);

/* The first-sight window (ns) for a request timeout (s): 4 s + min(timeout, 60 s). */
int64_t nonce_window_ns(double timeout);

/* Would this nonce be accepted now (ns, wall clock)? Records nothing. */
nonce_verdict_t nonce_check(nonce_store_t *s, const char *key, int64_t nonce, double timeout, int64_t now);

/* Records an accepted nonce (after the signature verified). False when the store is full of live entries (or
 * out of memory): the request must then be refused. */
bool nonce_commit(nonce_store_t *s, const char *key, int64_t nonce, int64_t now);

/* Drops the entries past the horizon (also done automatically as the store grows). */
void nonce_store_prune(nonce_store_t *s, int64_t now);

#endif
