/* Flag/environment parsing: precedence, aliases, types, booleans, errors. */
#include <stdlib.h>

#include "check.h"
#include "config.h"

typedef struct {
    const char *pairs[16][2];
} fake_env_t;

static const char *fake_getenv(const char *name, void *ud) {
    fake_env_t *e = ud;
    for (int i = 0; i < 16 && e->pairs[i][0]; i++)
        if (strcmp(e->pairs[i][0], name) == 0) return e->pairs[i][1];
    return NULL;
}

static int parse(rt_config_t *cfg, fake_env_t *env, char *err, int argc, char **argv) {
    return rt_config_parse(cfg, argc, argv, fake_getenv, env, err, 256);
}


int main(void) {
    rt_config_t cfg;
    char err[256];
    fake_env_t none = {{{NULL, NULL}}};

    /* defaults */
    char *argv0[] = {"miner"};
    CHECK(parse(&cfg, &none, err, 1, argv0) == 0);
    CHECK_STR(cfg.command, "run");
    CHECK_STR(rt_config_get(&cfg, "wallet.name"), "default");
    CHECK(rt_config_int(&cfg, "axon.port", 0) == 8091);
    CHECK(rt_config_bool(&cfg, "blacklist.force_validator_permit", false) == true);
    CHECK(rt_config_get(&cfg, "axon.external_ip") == NULL);

    /* flags, both spellings, = and space forms */
    char *a1[] = {"miner", "--wallet.name", "w1", "--hotkey=h1", "--axon-port", "9000", "--netuid=12",
                  "--no-blacklist.force_validator_permit", "--allow-non-registered", "--logging.debug"};
    CHECK(parse(&cfg, &none, err, 10, a1) == 0);
    CHECK_STR(rt_config_get(&cfg, "wallet.name"), "w1");
    CHECK_STR(rt_config_get(&cfg, "wallet.hotkey"), "h1");
    CHECK(rt_config_int(&cfg, "axon.port", 0) == 9000);
    CHECK(rt_config_int(&cfg, "netuid", 0) == 12);
    CHECK(rt_config_bool(&cfg, "blacklist.force_validator_permit", true) == false);
    CHECK(rt_config_bool(&cfg, "blacklist.allow_non_registered", false) == true);
    CHECK_STR(rt_config_get(&cfg, "logging.level"), "debug");

    /* environment: first listed variable wins; a flag beats the environment */
    fake_env_t env = {{{"AC_WALLET_NAME", "second"}, {"ALPHACORE_WALLET_NAME", "first"}, {"BT_AXON_PORT", "7000"},
                       {"ALPHACORE_BLACKLIST_ALLOW_NON_REGISTERED", "yes"}, {NULL, NULL}}};
    CHECK(parse(&cfg, &env, err, 1, argv0) == 0);
    CHECK_STR(rt_config_get(&cfg, "wallet.name"), "first");
    CHECK(rt_config_int(&cfg, "axon.port", 0) == 7000);
    CHECK(rt_config_bool(&cfg, "blacklist.allow_non_registered", false) == true);
    char *a2[] = {"miner", "--axon.port", "7001"};
    CHECK(parse(&cfg, &env, err, 3, a2) == 0);
    CHECK(rt_config_int(&cfg, "axon.port", 0) == 7001);

    /* explicit boolean values */
    char *a3[] = {"miner", "--blacklist.allow_non_registered", "off", "--blacklist.force_validator_permit=ON"};
    CHECK(parse(&cfg, &none, err, 4, a3) == 0);
    CHECK(rt_config_bool(&cfg, "blacklist.allow_non_registered", true) == false);
    CHECK(rt_config_bool(&cfg, "blacklist.force_validator_permit", false) == true);

    /* subcommand and positional args */
    char *a4[] = {"miner", "test", "tests/lua", "--netuid", "3", "x.lua"};
    CHECK(parse(&cfg, &none, err, 6, a4) == 0);
    CHECK_STR(cfg.command, "test");
    CHECK(cfg.nargs == 2);
    CHECK_STR(cfg.args[0], "tests/lua");
    CHECK_STR(cfg.args[1], "x.lua");

    /* errors, with exact messages */
    char *e1[] = {"miner", "--bogus"};
    CHECK(parse(&cfg, &none, err, 2, e1) == -1);
    CHECK_STR(err, "unknown option '--bogus' (see --help)");
    char *e2[] = {"miner", "--axon.port", "80x"};
    CHECK(parse(&cfg, &none, err, 3, e2) == -1);
    CHECK_STR(err, "option --axon.port: axon.port must be an integer, got '80x'");
    char *e3[] = {"miner", "--wallet.name"};
    CHECK(parse(&cfg, &none, err, 2, e3) == -1);
    CHECK_STR(err, "option '--wallet.name' needs a value");
    char *e4[] = {"miner", "--no-netuid"};
    CHECK(parse(&cfg, &none, err, 2, e4) == -1);
    CHECK_STR(err, "unknown option '--no-netuid' (see --help)");
    fake_env_t bad = {{{"ALPHACORE_NETUID", "sixty"}, {NULL, NULL}}};
    CHECK(parse(&cfg, &bad, err, 1, argv0) == -1);
    CHECK_STR(err, "environment variable ALPHACORE_NETUID: netuid must be an integer, got 'sixty'");
    char *e5[] = {"miner", "--bt-logging-level", "loud"};
    CHECK(parse(&cfg, &none, err, 3, e5) == -1);
    CHECK_STR(err, "logging.level must be trace, debug, info, warn or error, got 'loud'");
    char *e6[] = {"miner", "-x"};
    CHECK(parse(&cfg, &none, err, 2, e6) == -1);
    CHECK_STR(err, "unknown option '-x' (see --help)");
    fake_env_t badbool = {{{"ALPHACORE_BLACKLIST_ALLOW_NON_REGISTERED", "maybe"}, {NULL, NULL}}};
    CHECK(parse(&cfg, &badbool, err, 1, argv0) == -1);

    char *h[] = {"miner", "--help"};
    CHECK(parse(&cfg, &none, err, 2, h) == 0 && cfg.help);
    /* numeric ranges: an invalid port (or other out-of-range number) is refused at start, from a flag or the
     * environment, with the option's range in the message */
    char *bad_port[] = {"miner", "--axon.port", "70000"};
    CHECK(parse(&cfg, &none, err, 3, bad_port) == -1);
    CHECK(strstr(err, "axon.port must be between 0 and 65535, got '70000'") != NULL);
    char *neg_port[] = {"miner", "--axon-port=-1"};
    CHECK(parse(&cfg, &none, err, 2, neg_port) == -1);
    fake_env_t env_port = {{{"BT_AXON_PORT", "65536"}, {NULL, NULL}}};
    CHECK(parse(&cfg, &env_port, err, 1, argv0) == -1);
    CHECK(strstr(err, "environment variable BT_AXON_PORT") != NULL);
    char *max_port[] = {"miner", "--axon.port", "65535", "--axon.max_connections", "1"};
    CHECK(parse(&cfg, &none, err, 5, max_port) == 0);
    char *no_conns[] = {"miner", "--axon.max_connections", "0"};
    CHECK(parse(&cfg, &none, err, 3, no_conns) == -1);
    char *zero_timeout[] = {"miner", "--axon.read_timeout", "0"};
    CHECK(parse(&cfg, &none, err, 3, zero_timeout) == -1);
    CHECK(rt_config_int(&cfg, "axon.max_body_bytes", 0) == 1048576);

    CHECK_DONE();
}
