/* Every crypto vector of spec bittensor-wire §8, plus STROBE/Merlin conformance, tampering and SS58 errors. */
#include <sodium.h>
#include <stdlib.h>

#include "bip39.h"
#include "check.h"
#include "keyfile.h"
#include "sr25519.h"
#include "ss58.h"
#include "strobe.h"

static void hex32(const uint8_t *b, char out[65]) { to_hex(b, 32, out); }

static void test_strobe_merlin(void) {
    strobe128_t s;
    strobe128_init(&s, "Conformance Test Protocol", 25);
    uint8_t msg[1024];
    memset(msg, 99, sizeof msg);
    strobe128_meta_ad(&s, "ms", 2, false);
    strobe128_meta_ad(&s, "g", 1, true);
    strobe128_ad(&s, msg, sizeof msg, false);
    uint8_t prf[32];
    char hex[129];
    strobe128_meta_ad(&s, "prf", 3, false);
    strobe128_prf(&s, prf, 32, false);
    hex32(prf, hex);
    CHECK_STR(hex, "b48e645ca17c667fd5206ba57a6a228d72d8e1903814d3f17f622996d7cfefb0");
    strobe128_meta_ad(&s, "key", 3, false);
    strobe128_key(&s, prf, 32, false);
    strobe128_meta_ad(&s, "prf", 3, false);
    strobe128_prf(&s, prf, 32, false);
    hex32(prf, hex);
    CHECK_STR(hex, "07e45cce8078cee259e3e375bb85d75610e2d1e1201c5f645045a194edd49ff8");

    merlin_t t;
    merlin_init(&t, "test protocol");
    merlin_append(&t, "some label", "some data", 9);
    merlin_challenge(&t, "challenge", prf, 32);
    hex32(prf, hex);
    CHECK_STR(hex, "d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
}

static void test_keys(void) {
    uint8_t mini[32], pub[32], raw[64];
    char hex[129];
    const char *err = NULL;
    CHECK(bip39_mini_secret("bottom drive obey lake curtain smoke basket hold race lonely fit walk", "", mini, &err) == 0);
    hex32(mini, hex);
    CHECK_STR(hex, "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    sr25519_secret_t sk;
    sr25519_keypair_from_seed(mini, &sk, pub);
    hex32(pub, hex);
    CHECK_STR(hex, "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    /* btwallet privateKey = scalar || nonce */
    from_hex("05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34", raw, 64);
    CHECK(memcmp(raw, sk.scalar, 32) == 0 && memcmp(raw + 32, sk.nonce, 32) == 0);
    sr25519_secret_t sk2;
    uint8_t pub2[32];
    CHECK(sr25519_secret_from_bytes(raw, &sk2, pub2) == 0);
    CHECK(memcmp(pub, pub2, 32) == 0);
    char addr[64];
    CHECK(ss58_encode(pub, 42, addr, sizeof addr) == 0);
    CHECK_STR(addr, "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV");

    /* deterministic signature with witness rng = 32 zero bytes */
    uint8_t zero[32] = {0}, sig[64];
    sr25519_sign(&sk, pub, "this is a message", 17, zero, sig);
    to_hex(sig, 64, hex);
    CHECK_STR(hex, "dc4831339346dc294d21dd6efa22c078b6eb6602a30fb9c67540c1fb4e20936e17489f36dbe14aec6d2b1e56d979f7b420ca34143aca1691db0bab9535c49a86");
    CHECK(sr25519_verify(pub, "this is a message", 17, sig));
    sr25519_sign(&sk, pub, "random witness", 14, NULL, sig);
    CHECK(sr25519_verify(pub, "random witness", 14, sig));

    from_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", mini, 32);
    sr25519_keypair_from_seed(mini, &sk, pub);
    hex32(pub, hex);
    CHECK_STR(hex, "44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f");
    sr25519_keypair_from_seed((const uint8_t *)"12345678901234567890123456789012", &sk, pub);
    hex32(pub, hex);
    CHECK_STR(hex, "741c08a06f41c596608f6774259bd9043304adfa5d3eea62760bd9be97634d63");

    /* bad mnemonics */
    CHECK(bip39_mini_secret("bottom drive obey lake curtain smoke basket hold race lonely fit fit", "", mini, &err) == -1);
    CHECK_STR(err, "mnemonic checksum does not match");
    CHECK(bip39_mini_secret("bottom drive obey lake curtain smoke basket hold race lonely fit wakl", "", mini, &err) == -1);
    CHECK_STR(err, "mnemonic has a word that is not in the BIP39 English list");
    CHECK(bip39_mini_secret("bottom drive obey", "", mini, &err) == -1);
    /* round trip through our encoder */
    uint8_t entropy[32];
    char phrase[300];
    for (size_t len = 16; len <= 32; len += 4) {
        randombytes_buf(entropy, len);
        CHECK(bip39_from_entropy(entropy, len, phrase, sizeof phrase) == 0);
        uint8_t back[32];
        CHECK(bip39_to_entropy(phrase, back, &err) == (int)len);
        CHECK(memcmp(back, entropy, len) == 0);
    }
    /* non-canonical scalar rejected */
    memset(raw, 0xff, 64);
    CHECK(sr25519_secret_from_bytes(raw, &sk2, pub2) == -1);
}

static void test_verify(void) {
    uint8_t pub[32], sig[64];
    from_hex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", pub, 32);
    from_hex("1037eb7e51613d0dcf5930ae518819c87d655056605764840d9280984e1b7063c4566b55bf292fcab07b369d01095879b50517beca4d26e6a65866e25fec0d83", sig, 64);
    const char *msg = "I hereby verify that I control 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    CHECK(sr25519_verify(pub, msg, strlen(msg), sig));
    char addr[64];
    CHECK(ss58_encode(pub, 42, addr, sizeof addr) == 0);
    CHECK_STR(addr, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    /* tampering: message, signature, key, marker bit */
    CHECK(!sr25519_verify(pub, msg, strlen(msg) - 1, sig));
    sig[5] ^= 1;
    CHECK(!sr25519_verify(pub, msg, strlen(msg), sig));
    sig[5] ^= 1;
    sig[63] &= 0x7f;
    CHECK(!sr25519_verify(pub, msg, strlen(msg), sig));
    sig[63] |= 0x80;
    pub[0] ^= 1;
    CHECK(!sr25519_verify(pub, msg, strlen(msg), sig));
    pub[0] ^= 1;
    uint8_t zero_pub[32] = {0};
    CHECK(!sr25519_verify(zero_pub, msg, strlen(msg), sig));

    /* <Bytes> wrapped */
    from_hex("f84d048da2ddae2d9d8fd6763f469566e8817a26114f39408de15547f6d47805", pub, 32);
    from_hex("48ce2c90e08651adfc8ecef84e916f6d1bb51ebebd16150ee12df247841a5437951ea0f9d632ca165e6ab391532e75e701be6a1caa88c8a6bcca3511f55b4183", sig, 64);
    CHECK(sr25519_verify(pub, "<Bytes>message to sign</Bytes>", 30, sig));
    CHECK(!sr25519_verify(pub, "message to sign", 15, sig));
    CHECK(sr25519_verify_any(pub, "message to sign", 15, sig));

    /* the axon request signature of spec §1.14 */
    from_hex("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", pub, 32);
    from_hex("f8c38e42c33b0ec30cfd966845fd6a676a718fbdf0824689755098c4628371403d90130de86c5b193bea5035b1c2963a3d6a6bcc5d08a9a3d727b58c693e9582", sig, 64);
    const char *axon_msg = "1742426400000000000.5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV."
                           "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.6f8b8f1e-0000-11f0-8000-0242ac120002."
                           "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
    CHECK(sr25519_verify(pub, axon_msg, strlen(axon_msg), sig));
}

static void test_ss58(void) {
    uint8_t pub[32], want[32];
    unsigned prefix;
    const char *err;
    CHECK(ss58_decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", pub, &prefix, &err) == 0);
    from_hex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", want, 32);
    CHECK(memcmp(pub, want, 32) == 0 && prefix == 42);
    CHECK(ss58_decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ", pub, &prefix, &err) == -1);
    CHECK_STR(err, "bad SS58 checksum");
    CHECK(ss58_decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut", pub, &prefix, &err) == -1);
    CHECK(ss58_decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut0Q", pub, &prefix, &err) == -1);
    CHECK_STR(err, "not base58");
    /* two-byte prefix round trip */
    char addr[64];
    for (unsigned p = 0; p < 16384; p += 997) {
        CHECK(ss58_encode(want, p, addr, sizeof addr) == 0);
        CHECK(ss58_decode(addr, pub, &prefix, &err) == 0 && prefix == p && memcmp(pub, want, 32) == 0);
    }
}

static void test_keyfile(void) {
    uint8_t key[32], nonce[24];
    char hex[256];
    for (int i = 0; i < 24; i++) nonce[i] = (uint8_t)i;
    CHECK(keyfile_nacl_key("password123", 11, key) == 0);
    hex32(key, hex);
    CHECK_STR(hex, "20e769bd06d5b72845d8c2a9d061242fecdc5aba5a281c3a617b895e18ce0d8b");
    const char *plain = "{\"secretPhrase\":\"x\"}";
    uint8_t sealed[128], opened[128];
    keyfile_nacl_seal((const uint8_t *)plain, strlen(plain), key, nonce, sealed);
    size_t sealed_len = strlen(plain) + KEYFILE_NACL_OVERHEAD;
    to_hex(sealed, sealed_len, hex);
    CHECK_STR(hex, "244e41434c000102030405060708090a0b0c0d0e0f101112131415161771fa2150fa6d4e64dd8f108e606c64666b4b28f360d965544bed1d12dfe4263b13a6d0b3");
    CHECK(keyfile_nacl_open(sealed, sealed_len, key, opened) == (long)strlen(plain));
    CHECK(memcmp(opened, plain, strlen(plain)) == 0);
    sealed[40] ^= 1;
    CHECK(keyfile_nacl_open(sealed, sealed_len, key, opened) == -1);

    char name[128], pw[64];
    keyfile_password_env_name("/home/me/.bittensor/wallets/w/coldkey", name, sizeof name);
    CHECK_STR(name, "BT_PW__HOME_ME__BITTENSOR_WALLETS_W_COLDKEY");
    /* value = base64(password XOR cycle(name)) */
    char xored[32], b64[64];
    const char *secret = "hunter2";
    for (size_t i = 0; i < strlen(secret); i++) xored[i] = secret[i] ^ name[i % strlen(name)];
    sodium_bin2base64(b64, sizeof b64, (const uint8_t *)xored, strlen(secret), sodium_base64_VARIANT_ORIGINAL);
    CHECK(keyfile_password_from_env_value(name, b64, pw, sizeof pw) == 7);
    CHECK_STR(pw, "hunter2");
}

int main(void) {
    CHECK(sr25519_init() == 0);
    test_strobe_merlin();
    test_keys();
    test_verify();
    test_ss58();
    test_keyfile();
    CHECK_DONE();
}
