/* STROBE-128 (the subset Merlin uses) and Merlin transcripts, as in dalek-cryptography/merlin v2. */
#ifndef MINER_STROBE_H
#define MINER_STROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STROBE_R 166

typedef struct {
    uint64_t st[25];
    uint8_t pos, pos_begin, cur_flags;
} strobe128_t;

void strobe128_init(strobe128_t *s, const void *label, size_t len);
void strobe128_meta_ad(strobe128_t *s, const void *data, size_t len, bool more);
void strobe128_ad(strobe128_t *s, const void *data, size_t len, bool more);
void strobe128_prf(strobe128_t *s, uint8_t *out, size_t len, bool more);
void strobe128_key(strobe128_t *s, const void *data, size_t len, bool more);

typedef struct {
    strobe128_t strobe;
} merlin_t;

void merlin_init(merlin_t *t, const char *label);
void merlin_append(merlin_t *t, const char *label, const void *msg, size_t len);
void merlin_challenge(merlin_t *t, const char *label, uint8_t *out, size_t len);

/* TranscriptRng: clone of the transcript rekeyed with witness bytes and 32 random bytes. */
typedef struct {
    strobe128_t strobe;
} merlin_rng_t;

void merlin_rng_init(merlin_rng_t *r, const merlin_t *t, const char *label, const void *witness, size_t wlen,
                     const uint8_t random32[32]);
void merlin_rng_fill(merlin_rng_t *r, uint8_t *out, size_t len);

#endif
