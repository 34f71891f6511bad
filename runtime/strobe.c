/* STROBE-128/1600 subset and Merlin transcripts (see spec bittensor-wire §5.1-5.2). */
#include "strobe.h"

#include <string.h>

#include "keccak.h"

enum { FLAG_I = 1, FLAG_A = 2, FLAG_C = 4, FLAG_T = 8, FLAG_M = 16, FLAG_K = 32 };

static void run_f(strobe128_t *s) {
    uint8_t *b = keccak_bytes(s->st);
    b[s->pos] ^= s->pos_begin;
    b[s->pos + 1] ^= 0x04;
    b[STROBE_R + 1] ^= 0x80;
    keccak_f1600(s->st);
    s->pos = s->pos_begin = 0;
}

static void absorb(strobe128_t *s, const uint8_t *d, size_t n) {
    uint8_t *b = keccak_bytes(s->st);
    for (size_t i = 0; i < n; i++) {
        b[s->pos++] ^= d[i];
        if (s->pos == STROBE_R) run_f(s);
    }
}

static void overwrite(strobe128_t *s, const uint8_t *d, size_t n) {
    uint8_t *b = keccak_bytes(s->st);
    for (size_t i = 0; i < n; i++) {
        b[s->pos++] = d[i];
        if (s->pos == STROBE_R) run_f(s);
    }
}

static void squeeze(strobe128_t *s, uint8_t *out, size_t n) {
    uint8_t *b = keccak_bytes(s->st);
    for (size_t i = 0; i < n; i++) {
        out[i] = b[s->pos];
        b[s->pos++] = 0;
        if (s->pos == STROBE_R) run_f(s);
    }
}

static void begin_op(strobe128_t *s, uint8_t flags, bool more) {
    if (more) return; /* continuing the same operation: merlin only ever continues with identical flags */
    uint8_t old_begin[2] = {s->pos_begin, flags};
    s->pos_begin = (uint8_t)(s->pos + 1);
    s->cur_flags = flags;
    absorb(s, old_begin, 2);
    if ((flags & (FLAG_C | FLAG_K)) && s->pos != 0) run_f(s);
}

void strobe128_init(strobe128_t *s, const void *label, size_t len) {
    memset(s, 0, sizeof *s);
    uint8_t *b = keccak_bytes(s->st);
    const uint8_t head[6] = {1, STROBE_R + 2, 1, 0, 1, 96};
    memcpy(b, head, 6);
    memcpy(b + 6, "STROBEv1.0.2", 12);
    keccak_f1600(s->st);
    strobe128_meta_ad(s, label, len, false);
}

void strobe128_meta_ad(strobe128_t *s, const void *data, size_t len, bool more) {
    begin_op(s, FLAG_M | FLAG_A, more);
    absorb(s, data, len);
}

void strobe128_ad(strobe128_t *s, const void *data, size_t len, bool more) {
    begin_op(s, FLAG_A, more);
    absorb(s, data, len);
}

void strobe128_prf(strobe128_t *s, uint8_t *out, size_t len, bool more) {
    begin_op(s, FLAG_I | FLAG_A | FLAG_C, more);
    squeeze(s, out, len);
}

void strobe128_key(strobe128_t *s, const void *data, size_t len, bool more) {
    begin_op(s, FLAG_A | FLAG_C, more);
    overwrite(s, data, len);
}

static void le32(uint8_t out[4], size_t v) {
    for (int i = 0; i < 4; i++) out[i] = (uint8_t)(v >> (8 * i));
}

void merlin_init(merlin_t *t, const char *label) {
    strobe128_init(&t->strobe, "Merlin v1.0", 11);
    merlin_append(t, "dom-sep", label, strlen(label));
}

void merlin_append(merlin_t *t, const char *label, const void *msg, size_t len) {
    uint8_t n[4];
    le32(n, len);
    strobe128_meta_ad(&t->strobe, label, strlen(label), false);
    strobe128_meta_ad(&t->strobe, n, 4, true);
    strobe128_ad(&t->strobe, msg, len, false);
}

void merlin_challenge(merlin_t *t, const char *label, uint8_t *out, size_t len) {
    uint8_t n[4];
    le32(n, len);
    strobe128_meta_ad(&t->strobe, label, strlen(label), false);
    strobe128_meta_ad(&t->strobe, n, 4, true);
    strobe128_prf(&t->strobe, out, len, false);
}

void merlin_rng_init(merlin_rng_t *r, const merlin_t *t, const char *label, const void *witness, size_t wlen,
                     const uint8_t random32[32]) {
    uint8_t n[4];
    r->strobe = t->strobe;
    le32(n, wlen);
    strobe128_meta_ad(&r->strobe, label, strlen(label), false);
    strobe128_meta_ad(&r->strobe, n, 4, true);
    strobe128_key(&r->strobe, witness, wlen, false);
    strobe128_meta_ad(&r->strobe, "rng", 3, false);
    strobe128_key(&r->strobe, random32, 32, false);
}

void merlin_rng_fill(merlin_rng_t *r, uint8_t *out, size_t len) {
    uint8_t n[4];
    le32(n, len);
    strobe128_meta_ad(&r->strobe, n, 4, false);
    strobe128_prf(&r->strobe, out, len, false);
}
