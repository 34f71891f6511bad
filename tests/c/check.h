/* Minimal assertion helpers for the C unit tests: each failed check prints where and why; main returns
 * the failure count via CHECK_DONE(). */
#ifndef TEST_CHECK_H
#define TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures = 0;
static int check_count = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        check_count++;                                                               \
        if (!(cond)) {                                                               \
            check_failures++;                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_STR(got, want)                                                                              \
    do {                                                                                                  \
        check_count++;                                                                                    \
        const char *g_ = (got), *w_ = (want);                                                             \
        if (!g_ || !w_ || strcmp(g_, w_) != 0) {                                                          \
            check_failures++;                                                                             \
            fprintf(stderr, "%s:%d: %s: got '%s', want '%s'\n", __FILE__, __LINE__, #got, g_ ? g_ : "(null)", \
                    w_ ? w_ : "(null)");                                                                  \
        }                                                                                                 \
    } while (0)

static inline void to_hex(const unsigned char *in, size_t n, char *out) {
    static const char d[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = d[in[i] >> 4];
        out[2 * i + 1] = d[in[i] & 15];
    }
    out[2 * n] = 0;
}

static inline size_t from_hex(const char *hex, unsigned char *out, size_t max) {
    size_t n = 0;
    if (hex[0] == '0' && hex[1] == 'x') hex += 2;
    while (hex[0] && hex[1] && n < max) {
        unsigned v;
        sscanf(hex, "%2x", &v);
        out[n++] = (unsigned char)v;
        hex += 2;
    }
    return n;
}

#define CHECK_DONE()                                                                      \
    do {                                                                                  \
        printf("%s: %d checks, %d failed\n", __FILE__, check_count, check_failures);      \
        return check_failures ? 1 : 0;                                                    \
    } while (0)

#endif
