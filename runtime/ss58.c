/* SS58 (sp-core crypto.rs to_ss58check_with_version / from_ss58check_with_version). */
#include "ss58.h"

#include <sodium.h>
#include <string.h>

static const char alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

size_t base58_encode(const uint8_t *in, size_t len, char *out, size_t outlen) {
    size_t zeros = 0;
    while (zeros < len && in[zeros] == 0) zeros++;
    uint8_t digits[256]; /* base-58 digits, least significant first */
    size_t ndigits = 0;
    if (len > 180) return 0;
    for (size_t i = zeros; i < len; i++) {
        unsigned carry = in[i];
        for (size_t j = 0; j < ndigits; j++) {
            carry += (unsigned)digits[j] << 8;
            digits[j] = (uint8_t)(carry % 58);
            carry /= 58;
        }
        while (carry) {
            digits[ndigits++] = (uint8_t)(carry % 58);
            carry /= 58;
        }
    }
    size_t total = zeros + ndigits;
    if (total + 1 > outlen) return 0;
    for (size_t i = 0; i < zeros; i++) out[i] = '1';
    for (size_t i = 0; i < ndigits; i++) out[zeros + i] = alphabet[digits[ndigits - 1 - i]];
    out[total] = 0;
    return total;
}

size_t base58_decode(const char *in, uint8_t *out, size_t outlen) {
    size_t len = strlen(in);
    if (len > 250) return (size_t)-1;
    size_t zeros = 0;
    while (zeros < len && in[zeros] == '1') zeros++;
    uint8_t bytes[256]; /* base-256, least significant first */
    size_t nbytes = 0;
    for (size_t i = zeros; i < len; i++) {
        const char *p = strchr(alphabet, in[i]);
        if (!p || !in[i]) return (size_t)-1;
        unsigned carry = (unsigned)(p - alphabet);
        for (size_t j = 0; j < nbytes; j++) {
            carry += (unsigned)bytes[j] * 58;
            bytes[j] = (uint8_t)(carry & 0xff);
            carry >>= 8;
        }
        while (carry) {
            bytes[nbytes++] = (uint8_t)(carry & 0xff);
            carry >>= 8;
        }
    }
    size_t total = zeros + nbytes;
    if (total > outlen) return (size_t)-1;
    memset(out, 0, zeros);
    for (size_t i = 0; i < nbytes; i++) out[zeros + i] = bytes[nbytes - 1 - i];
    return total;
}

static void checksum(const uint8_t *payload, size_t len, uint8_t out[64]) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, 64);
    crypto_generichash_update(&st, (const uint8_t *)"SS58PRE", 7);
    crypto_generichash_update(&st, payload, len);
    crypto_generichash_final(&st, out, 64);
}

int ss58_encode(const uint8_t pub[32], unsigned prefix, char *out, size_t outlen) {
    uint8_t buf[36];
    size_t n;
    if (prefix < 64) {
        buf[0] = (uint8_t)prefix;
        n = 1;
    } else if (prefix < 16384) {
        /* sp-core's two-byte form */
        buf[0] = (uint8_t)(((prefix & 0xfc) >> 2) | 0x40);
        buf[1] = (uint8_t)((prefix >> 8) | ((prefix & 0x03) << 6));
        n = 2;
    } else {
        return -1;
    }
    memcpy(buf + n, pub, 32);
    uint8_t h[64];
    checksum(buf, n + 32, h);
    buf[n + 32] = h[0];
    buf[n + 33] = h[1];
    return base58_encode(buf, n + 34, out, outlen) ? 0 : -1;
}

int ss58_decode(const char *addr, uint8_t pub[32], unsigned *prefix, const char **err) {
    uint8_t buf[64];
    size_t n = base58_decode(addr, buf, sizeof buf);
    if (n == (size_t)-1) {
        *err = "not base58";
        return -1;
    }
    size_t plen;
    if (n >= 1 && buf[0] < 64) {
        plen = 1;
        *prefix = buf[0];
    } else if (n >= 2 && buf[0] < 128) {
        plen = 2;
        *prefix = (unsigned)(((buf[0] & 0x3f) << 2) | (buf[1] >> 6) | ((buf[1] & 0x3f) << 8));
    } else {
        *err = "invalid address prefix";
        return -1;
    }
    if (n != plen + 34) {
        *err = "wrong length for an SS58 address of a 32-byte key";
        return -1;
    }
    uint8_t h[64];
    checksum(buf, plen + 32, h);
    if (h[0] != buf[plen + 32] || h[1] != buf[plen + 33]) {
        *err = "bad SS58 checksum";
        return -1;
    }
    memcpy(pub, buf + plen, 32);
    return 0;
}
