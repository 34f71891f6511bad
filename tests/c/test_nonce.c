/* The nonce store (runtime/nonce.c): window clamp, replays, signed pruning of future nonces, the entry cap. */
#include <sodium.h>

#include "check.h"
#include "nonce.h"

#define S 1000000000LL /* one second in ns */

int main(void) {
    if (sodium_init() < 0) return 1;
    unsigned char key[16] = {1, 2, 3};
    int64_t now = 1773500000LL * S;

    /* the window: 4 s + timeout, the timeout's share clamped to 60 s whatever the header says */
    CHECK(nonce_window_ns(12) == 16 * S);
    CHECK(nonce_window_ns(0) == 4 * S);
    CHECK(nonce_window_ns(60) == 64 * S);
    CHECK(nonce_window_ns(3600) == 64 * S);
    CHECK(nonce_window_ns(1e300) == 64 * S);
    CHECK(nonce_window_ns(-1) == 64 * S);

    nonce_store_t *s = nonce_store_new(key, 8);
    CHECK(s != NULL);
    /* first sight: inside the window or not */
    CHECK(nonce_check(s, "hk:a", now - 15 * S, 12, now) == NONCE_OK);
    CHECK(nonce_check(s, "hk:a", now - 17 * S, 12, now) == NONCE_TOO_OLD);
    CHECK(nonce_check(s, "hk:a", now - 100 * S, 3600, now) == NONCE_TOO_OLD); /* was accepted with 3600 s */
    CHECK(nonce_check(s, "hk:a", now - 63 * S, 3600, now) == NONCE_OK);
    CHECK(nonce_check(s, "hk:a", INT64_MIN, 12, now) == NONCE_TOO_OLD); /* no overflow */
    CHECK(nonce_check(s, "hk:a", INT64_MAX, 12, now) == NONCE_OK);
    /* then strictly newer */
    CHECK(nonce_commit(s, "hk:a", now, now));
    CHECK(nonce_check(s, "hk:a", now, 12, now) == NONCE_NOT_NEWER);
    CHECK(nonce_check(s, "hk:a", now - 1, 12, now) == NONCE_NOT_NEWER);
    CHECK(nonce_check(s, "hk:a", now + 1, 12, now) == NONCE_OK);
    CHECK(nonce_check(s, "hk:b", now, 12, now) == NONCE_OK); /* another key */

    /* a future nonce is remembered until it is in the past by the horizon, however old its entry is */
    int64_t future = now + 3600 * S;
    CHECK(nonce_commit(s, "hk:future", future, now));
    int64_t later = now + 2 * NONCE_HORIZON_NS; /* both entries were last used long ago */
    nonce_store_prune(s, later);
    CHECK(nonce_store_count(s) == 1); /* hk:a expired; hk:future not */
    CHECK(nonce_check(s, "hk:future", future, 12, later) == NONCE_NOT_NEWER); /* the replay fails */
    CHECK(nonce_check(s, "hk:a", now, 12, later) == NONCE_TOO_OLD);           /* forgotten, but out of window */
    nonce_store_prune(s, future + NONCE_HORIZON_NS + 1);
    CHECK(nonce_store_count(s) == 0);

    /* the cap: new keys are refused when full of live entries, known keys still work, room comes back */
    char k[32];
    for (int i = 0; i < 8; i++) {
        snprintf(k, sizeof k, "hk:%d", i);
        CHECK(nonce_commit(s, k, now + i, now));
    }
    CHECK(nonce_store_count(s) == 8);
    CHECK(!nonce_commit(s, "hk:new", now, now + S));
    CHECK(nonce_commit(s, "hk:3", now + 100, now + S));
    CHECK(nonce_commit(s, "hk:new", now + 10 * S, now + 10 * S + NONCE_HORIZON_NS + 2 * S));
    CHECK(nonce_store_count(s) == 1);

    /* keys are cut at NONCE_KEY_MAX bytes; long keys work */
    char longkey[600];
    memset(longkey, 'x', sizeof longkey - 1);
    longkey[sizeof longkey - 1] = 0;
    CHECK(nonce_commit(s, longkey, now, now));
    CHECK(nonce_check(s, longkey, now, 12, now) == NONCE_NOT_NEWER);
    nonce_store_free(s);

    /* many keys: the table grows and every key is found */
    nonce_store_t *big = nonce_store_new(key, NONCE_DEFAULT_MAX_ENTRIES);
    for (int i = 0; i < 5000; i++) {
        snprintf(k, sizeof k, "hotkey:%d", i);
        CHECK(nonce_commit(big, k, now + i, now));
    }
    int found = 0;
    for (int i = 0; i < 5000; i++) {
        snprintf(k, sizeof k, "hotkey:%d", i);
        found += nonce_check(big, k, now + i, 12, now) == NONCE_NOT_NEWER;
    }
    CHECK(found == 5000);
    nonce_store_free(big);
    CHECK_DONE();
}
