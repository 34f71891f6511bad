/* Nonce store (see nonce.h). */
#include "nonce.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

typedef struct nonce_entry {
    struct nonce_entry *next;
    int64_t nonce;
    int64_t seen_ns; /* when last accepted */
    char key[];
} nonce_entry_t;

struct nonce_store {
    nonce_entry_t **buckets;
    size_t nbuckets, count, max_entries;
    size_t prune_at; /* prune when the count reaches this (amortised O(1) per insert) */
    int64_t last_prune;
    unsigned char hash_key[crypto_shorthash_KEYBYTES];
};

_Static_assert(crypto_shorthash_KEYBYTES == 16, "SipHash key size");

nonce_store_t *nonce_store_new(const unsigned char hash_key[16], size_t max_entries) {
    nonce_store_t *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->nbuckets = 256;
    s->buckets = calloc(s->nbuckets, sizeof *s->buckets);
    if (!s->buckets) {
        free(s);
        return NULL;
    }
    s->max_entries = max_entries;
    s->prune_at = 1024;
    memcpy(s->hash_key, hash_key, sizeof s->hash_key);
    return s;
}

void nonce_store_free(nonce_store_t *s) {
    if (!s) return;
    for (size_t b = 0; b < s->nbuckets; b++) {
        for (nonce_entry_t *e = s->buckets[b], *next; e; e = next) {
            next = e->next;
            free(e);
        }
    }
    free(s->buckets);
    free(s);
}

size_t nonce_store_count(const nonce_store_t *s) { return s->count; }

static size_t key_len(const char *key) {
    size_t n = strlen(key);
    return n > NONCE_KEY_MAX ? NONCE_KEY_MAX : n;
}

static uint64_t hash(const nonce_store_t *s, const char *key, size_t len) {
    unsigned char h[crypto_shorthash_BYTES];
    crypto_shorthash(h, (const unsigned char *)key, len, s->hash_key);
    uint64_t v;
    memcpy(&v, h, sizeof v);
    return v;
}

static nonce_entry_t *find(const nonce_store_t *s, const char *key) {
    size_t len = key_len(key);
    for (nonce_entry_t *e = s->buckets[hash(s, key, len) % s->nbuckets]; e; e = e->next)
        if (strlen(e->key) == len && memcmp(e->key, key, len) == 0) return e;
    return NULL;
}

int64_t nonce_window_ns(double timeout) {
    int64_t t = NONCE_MAX_TIMEOUT_NS;
    if (timeout >= 0 && timeout * 1e9 < (double)NONCE_MAX_TIMEOUT_NS) t = (int64_t)(timeout * 1e9);
    return NONCE_ALLOWED_DELTA_NS + t;
}

nonce_verdict_t nonce_check(nonce_store_t *s, const char *key, int64_t nonce, double timeout, int64_t now) {
    nonce_entry_t *e = find(s, key);
    if (e) return nonce > e->nonce ? NONCE_OK : NONCE_NOT_NEWER;
    /* now - nonce may overflow for hostile nonces: compare nonce against now - window instead */
    return nonce > now - nonce_window_ns(timeout) ? NONCE_OK : NONCE_TOO_OLD;
}

static bool expired(const nonce_entry_t *e, int64_t now) {
    /* signed and overflow-free: a nonce (or time) in the future is never expired */
    return e->seen_ns < now - NONCE_HORIZON_NS && e->nonce < now - NONCE_HORIZON_NS;
}

void nonce_store_prune(nonce_store_t *s, int64_t now) {
    for (size_t b = 0; b < s->nbuckets; b++) {
        nonce_entry_t **pp = &s->buckets[b];
        while (*pp) {
            nonce_entry_t *e = *pp;
            if (expired(e, now)) {
                *pp = e->next;
                free(e);
                s->count--;
            } else {
                pp = &e->next;
            }
        }
    }
    s->last_prune = now;
    s->prune_at = s->count * 2 > 1024 ? s->count * 2 : 1024;
}

static void grow(nonce_store_t *s) {
    size_t nb = s->nbuckets * 2;
    nonce_entry_t **bigger = calloc(nb, sizeof *bigger);
    if (!bigger) return; /* longer chains, still correct */
    for (size_t i = 0; i < s->nbuckets; i++) {
        for (nonce_entry_t *x = s->buckets[i], *nx; x; x = nx) {
            nx = x->next;
            size_t j = hash(s, x->key, strlen(x->key)) % nb;
            x->next = bigger[j];
            bigger[j] = x;
        }
    }
    free(s->buckets);
    s->buckets = bigger;
    s->nbuckets = nb;
}

bool nonce_commit(nonce_store_t *s, const char *key, int64_t nonce, int64_t now) {
    nonce_entry_t *e = find(s, key);
    if (!e) {
        /* when full, prune at most once a second (or after the wall clock went back): a full store must not
         * cost a scan per request */
        if (s->count >= s->prune_at ||
            (s->count >= s->max_entries && (now - s->last_prune > 1000000000LL || now < s->last_prune)))
            nonce_store_prune(s, now);
        if (s->count >= s->max_entries) return false;
        size_t len = key_len(key);
        e = malloc(sizeof *e + len + 1);
        if (!e) return false;
        memcpy(e->key, key, len);
        e->key[len] = 0;
        size_t b = hash(s, e->key, len) % s->nbuckets;
        e->next = s->buckets[b];
        s->buckets[b] = e;
        s->count++;
        if (s->count > s->nbuckets * 2) grow(s);
    }
    e->nonce = nonce;
    e->seen_ns = now;
    return true;
}
