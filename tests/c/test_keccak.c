/* SHA3-256 against FIPS 202 / NIST example vectors, incremental vs one-shot, and the bittensor body hash. */
#include <stdlib.h>

#include "check.h"
#include "keccak.h"

static void sha3_hex(const void *data, size_t len, char out[65]) {
    uint8_t h[32];
    sha3_256(data, len, h);
    to_hex(h, 32, out);
}

int main(void) {
    char hex[65];
    sha3_hex("", 0, hex);
    CHECK_STR(hex, "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
    sha3_hex("abc", 3, hex);
    CHECK_STR(hex, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
    const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha3_hex(two_blocks, strlen(two_blocks), hex);
    CHECK_STR(hex, "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376");
    const char *long_msg =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    sha3_hex(long_msg, strlen(long_msg), hex);
    CHECK_STR(hex, "916f6061fe879741ca6469b43971dfdb28b1a32dc36cb3254e812be27aad1d18");

    /* One million 'a' (FIPS 202 example), fed in odd-sized pieces to exercise block boundaries. */
    sha3_256_ctx c;
    sha3_256_init(&c);
    char chunk[997];
    memset(chunk, 'a', sizeof chunk);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof chunk ? left : sizeof chunk;
        sha3_256_update(&c, chunk, n);
        left -= n;
    }
    uint8_t h[32];
    sha3_256_final(&c, h);
    to_hex(h, 32, hex);
    CHECK_STR(hex, "5c8875ae474a3634ba4fd55ec85bffd661f32aca75c6d699d0cdcb6c115891c1");

    /* Exactly one rate-sized block (136 bytes) and one byte short of it: padding edge cases agree with
     * byte-at-a-time absorption. */
    for (size_t len = 134; len <= 138; len++) {
        unsigned char *msg = malloc(len);
        for (size_t i = 0; i < len; i++) msg[i] = (unsigned char)(i * 7 + 3);
        uint8_t one[32], two[32];
        sha3_256(msg, len, one);
        sha3_256_init(&c);
        for (size_t i = 0; i < len; i++) sha3_256_update(&c, msg + i, 1);
        sha3_256_final(&c, two);
        CHECK(memcmp(one, two, 32) == 0);
        free(msg);
    }

    /* bittensor body hash: sha3(sha3("1") || sha3("2") || sha3("['foobar']")) over hex digests. */
    char cat[3 * 64 + 1] = "";
    const char *fields[] = {"1", "2", "['foobar']"};
    for (int i = 0; i < 3; i++) {
        sha3_hex(fields[i], strlen(fields[i]), hex);
        strcat(cat, hex);
    }
    sha3_hex(cat, strlen(cat), hex);
    CHECK_STR(hex, "ae06397d08f30f75c91395c59f05c62ac3b62b88250eb78b109213258e6ced0c");
    CHECK_DONE();
}
