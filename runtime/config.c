#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const rt_option_t rt_options[] = {
    {"entrypoint", NULL, "MINER_ENTRYPOINT", OPT_STR, "miney.lua",
     "solver script: a path, or a name resolved in scripts/"},
    {"netuid", NULL, "ALPHACORE_NETUID,AC_NETUID", OPT_INT, "66", "subnet uid"},
    {"subtensor.network", "network", "ALPHACORE_NETWORK,BT_NETWORK", OPT_STR, "finney",
     "chain network: finney, test, local"},
    {"subtensor.chain_endpoint", "chain-endpoint", "ALPHACORE_CHAIN_ENDPOINT,BT_SUBTENSOR_CHAIN_ENDPOINT", OPT_STR, NULL,
     "chain websocket endpoint (overrides the network's)"},
    {"wallet.name", "wallet-name", "ALPHACORE_WALLET_NAME,AC_WALLET_NAME,BT_WALLET_NAME", OPT_STR, "default",
     "wallet (coldkey) name"},
    {"wallet.hotkey", "hotkey", "ALPHACORE_WALLET_HOTKEY,AC_WALLET_HOTKEY,BT_WALLET_HOTKEY", OPT_STR, "default",
     "hotkey name"},
    {"wallet.path", "wallet-path", "ALPHACORE_WALLET_PATH,BT_WALLET_PATH", OPT_STR, "~/.bittensor/wallets",
     "wallets folder"},
    {"axon.ip", "axon-ip", "ALPHACORE_AXON_IP,BT_AXON_IP", OPT_STR, "0.0.0.0", "address the axon binds to"},
    {"axon.port", "axon-port", "ALPHACORE_AXON_PORT,BT_AXON_PORT", OPT_INT, "8091", "port the axon binds to (0: any)"},
    {"axon.external_ip", "external-ip", "ALPHACORE_AXON_EXTERNAL_IP,BT_AXON_EXTERNAL_IP", OPT_STR, NULL,
     "public IP announced on chain"},
    {"axon.external_port", "external-port", "ALPHACORE_AXON_EXTERNAL_PORT,BT_AXON_EXTERNAL_PORT", OPT_INT, NULL,
     "public port announced on chain (default: axon.port)"},
    {"axon.max_body_bytes", NULL, "ALPHACORE_AXON_MAX_BODY_BYTES", OPT_INT, "1048576",
     "largest request body of a synapse (the entrypoint's max_body_bytes = {Name = bytes} overrides per synapse)"},
    {"axon.body_budget_bytes", NULL, "ALPHACORE_AXON_BODY_BUDGET_BYTES", OPT_INT, "67108864",
     "request body bytes held at once over all connections (503 beyond)"},
    {"axon.max_connections", NULL, "ALPHACORE_AXON_MAX_CONNECTIONS", OPT_INT, "1024",
     "open connections at most (when full, the longest idle one is closed for a new one)"},
    {"axon.max_connections_per_ip", NULL, "ALPHACORE_AXON_MAX_CONNECTIONS_PER_IP", OPT_INT, "64",
     "open connections per peer address at most (0: no cap)"},
    {"axon.first_byte_timeout", NULL, "ALPHACORE_AXON_FIRST_BYTE_TIMEOUT", OPT_FLOAT, "5",
     "seconds a new connection may stay silent"},
    {"axon.idle_timeout", NULL, "ALPHACORE_AXON_IDLE_TIMEOUT", OPT_FLOAT, "30", "seconds a connection may idle"},
    {"axon.read_timeout", NULL, "ALPHACORE_AXON_READ_TIMEOUT", OPT_FLOAT, "30",
     "seconds to receive a whole request once it started"},
    {"axon.shutdown_grace", NULL, "ALPHACORE_AXON_SHUTDOWN_GRACE", OPT_FLOAT, "10",
     "seconds in-flight requests get to finish on SIGINT/SIGTERM"},
    {"axon.verify", NULL, "ALPHACORE_AXON_VERIFY", OPT_BOOL, "true", "check sr25519 signatures and nonces"},
    {"blacklist.allow_non_registered", "allow-non-registered",
     "ALPHACORE_BLACKLIST_ALLOW_NON_REGISTERED,BT_BLACKLIST_ALLOW_NON_REGISTERED", OPT_BOOL, "false",
     "accept callers that are not registered on the subnet"},
    {"blacklist.force_validator_permit", NULL,
     "ALPHACORE_BLACKLIST_FORCE_VALIDATOR_PERMIT,BT_BLACKLIST_FORCE_VALIDATOR_PERMIT", OPT_BOOL, "true",
     "accept only callers holding a validator permit"},
    {"blacklist.minimum_stake_requirement", "min-stake",
     "ALPHACORE_BLACKLIST_MINIMUM_STAKE,BT_BLACKLIST_MINIMUM_STAKE", OPT_FLOAT, "10000",
     "least stake (TAO) a caller needs (upstream's default; ignored for allow-listed hotkeys)"},
    {"blacklist.allowlist_file", NULL, "ALPHACORE_BLACKLIST_ALLOWLIST_FILE", OPT_STR, NULL,
     "file of hotkeys (one per line) always accepted"},
    {"chain.serve_axon", NULL, "ALPHACORE_CHAIN_SERVE_AXON", OPT_BOOL, "true",
     "at start, serve the axon on chain (external ip/port) if the chain does not have it yet"},
    {"chain.sync_interval", NULL, "ALPHACORE_CHAIN_SYNC_INTERVAL", OPT_FLOAT, "1200",
     "seconds between metagraph syncs (0: never sync)"},
    {"logging.level", "bt-logging-level", "ALPHACORE_BT_LOGGING_LEVEL", OPT_STR, "info",
     "trace, debug, info, warn or error (also --logging.debug, --logging.trace, --logging.info)"},
    {"logging.format", "log-format", "ALPHACORE_LOGGING_FORMAT", OPT_STR, "text",
     "text, or json (one object per line: ts, level, where, msg) for log shippers"},
    {"metrics.enabled", NULL, "ALPHACORE_METRICS_ENABLED", OPT_BOOL, "true",
     "serve Prometheus text metrics (GET /metrics) on metrics.ip:metrics.port"},
    {"metrics.port", NULL, "ALPHACORE_METRICS_PORT", OPT_INT, "9101", "metrics port (0: any free port, logged)"},
    {"metrics.ip", NULL, "ALPHACORE_METRICS_IP", OPT_STR, "127.0.0.1", "address the metrics endpoint binds to"},
    {"reload.debounce_ms", NULL, "MINER_RELOAD_DEBOUNCE_MS", OPT_INT, "100", "quiet period before a hot reload"},
    {"lualib", NULL, "MINER_LUALIB", OPT_STR, NULL, "folder of the shipped Lua library (default: found beside the binary)"},
    {"workdir", NULL, "ALPHACORE_WORKDIR", OPT_STR, "local/work", "folder for per-task workspaces"},
    {"prompt", NULL, NULL, OPT_STR, NULL, "solve: the task prompt"},
    {"prompt_file", "prompt-file", NULL, OPT_STR, NULL, "solve: read the prompt from a file"},
    {"task_json", "task-json", NULL, OPT_STR, NULL, "solve: a validator task.json (prompt + invariants to self-score)"},
    {"dry_run", "dry-run", NULL, OPT_BOOL, "false", "solve: stop before terraform init/apply"},
    {"eval.save", "save", NULL, OPT_STR, NULL,
     "eval: compare with the run saved as NAME (if any), then save this one as NAME (a path, or <workdir>/eval/NAME.json)"},
    {"eval.baseline", "baseline", NULL, OPT_STR, NULL,
     "eval: compare with the baseline NAME without writing it; a regression exits 1"},
    {"eval.watch", "watch", NULL, OPT_BOOL, "false", "eval: re-run whenever a solver file or a corpus is saved"},
    {"eval.json", "json", NULL, OPT_BOOL, "false", "eval: print one JSON document per run"},
    {"eval.filter", "filter", NULL, OPT_STR, NULL,
     "eval: only tasks with KEY=VALUE[,VALUE...] (family, id, file, resource, style; '*' globs; ';' joins)"},
    {"eval.only_failing", "only-failing", NULL, OPT_BOOL, "false", "eval: show only what fails"},
    {"terraform.bin", NULL, "ALPHACORE_TERRAFORM_BIN", OPT_STR, "terraform", "terraform executable"},
    {"terraform.plugin_cache", NULL, "TF_PLUGIN_CACHE_DIR", OPT_STR, NULL, "provider plugin cache shared by task workspaces"},
    {"terraform.cli_config", NULL, "TF_CLI_CONFIG_FILE", OPT_STR, NULL, "terraform CLI config (e.g. a filesystem mirror)"},
    {"gcp.project", NULL, "ALPHACORE_GCP_PROJECT,GOOGLE_CLOUD_PROJECT", OPT_STR, NULL, "GCP project id"},
    {"gcp.gcloud", NULL, "ALPHACORE_GCLOUD_BIN", OPT_STR, "gcloud", "gcloud executable used to grant validators read access"},
    {"solver.grant", NULL, "ALPHACORE_SOLVER_GRANT", OPT_BOOL, "true",
     "grant viewer roles to a task's validator principal when it is on solver.grant_allowlist"},
    {"solver.grant_allowlist", NULL, "ALPHACORE_SOLVER_GRANT_ALLOWLIST", OPT_STR,
     "alphacore-validator@alphacore-478113.iam.gserviceaccount.com",
     "comma-separated principals that may be granted project read access (and be IAM members in tier-2 tasks)"},
    {"solver.hedge_scripts", NULL, "ALPHACORE_SOLVER_HEDGE_SCRIPTS", OPT_BOOL, "false",
     "when a prompt does not name the startup-script template, deploy one VM per plausible template (flexible VM "
     "names only; more cost, and resources the prompt did not ask for)"},
    {"solver.preflight", NULL, "ALPHACORE_SOLVER_PREFLIGHT", OPT_STR, "strict",
     "checks at start: strict (a fatal problem stops the miner), warn (log only) or off"},
    {"solver.second_tier", NULL, "ALPHACORE_SOLVER_SECOND_TIER", OPT_BOOL, "false",
     "also build the second-tier kinds (IAM members, secrets, scheduler jobs, custom roles, sinks, record sets)"},
    {"solver.budget", NULL, "ALPHACORE_SOLVER_BUDGET", OPT_FLOAT, "540", "seconds a task may spend before answering"},
    {"solver.task_ttl", NULL, "ALPHACORE_TASK_TTL_MINUTES", OPT_FLOAT, "60", "minutes before an unclaimed task is destroyed"},
};
const size_t rt_options_count = sizeof rt_options / sizeof rt_options[0];

_Static_assert(sizeof rt_options / sizeof rt_options[0] <= RT_CONFIG_MAX_OPTIONS, "raise RT_CONFIG_MAX_OPTIONS");

static const char *const log_level_flags[][2] = {
    {"logging.trace", "trace"}, {"logging.debug", "debug"}, {"logging.info", "info"},
};

int rt_config_index(const char *key) {
    for (size_t i = 0; i < rt_options_count; i++)
        if (strcmp(rt_options[i].key, key) == 0) return (int)i;
    return -1;
}

/* Does `name` equal one of the comma-separated names in `list`? */
static bool list_has(const char *list, const char *name, size_t namelen) {
    if (!list) return false;
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == namelen && strncmp(p, name, len) == 0) return true;
        if (!comma) break;
        p = comma + 1;
    }
    return false;
}

static int find_flag(const char *name, size_t len) {
    for (size_t i = 0; i < rt_options_count; i++) {
        if (strlen(rt_options[i].key) == len && strncmp(rt_options[i].key, name, len) == 0) return (int)i;
        if (list_has(rt_options[i].aliases, name, len)) return (int)i;
    }
    return -1;
}

int rt_parse_bool(const char *text, bool *out) {
    static const char *yes[] = {"1", "true", "yes", "y", "on"};
    static const char *no[] = {"0", "false", "no", "n", "off"};
    for (size_t i = 0; i < 5; i++) {
        if (strcasecmp(text, yes[i]) == 0) { *out = true; return 0; }
        if (strcasecmp(text, no[i]) == 0) { *out = false; return 0; }
    }
    return -1;
}

/* Numeric options with a meaningful range: a value outside it is refused at start, with its range. */
static const struct {
    const char *key;
    double min, max;
} ranges[] = {
    {"netuid", 0, 65535},
    {"axon.port", 0, 65535},
    {"metrics.port", 0, 65535},
    {"axon.external_port", 1, 65535},
    {"axon.max_body_bytes", 0, 1e12},
    {"axon.body_budget_bytes", 1, 1e12},
    {"axon.max_connections", 1, 1000000},
    {"axon.max_connections_per_ip", 0, 1000000},
    {"axon.first_byte_timeout", 0.001, 86400},
    {"axon.idle_timeout", 0.001, 86400},
    {"axon.read_timeout", 0.001, 86400},
    {"axon.shutdown_grace", 0, 86400},
    {"chain.sync_interval", 0, 1e9},
    {"reload.debounce_ms", 0, 3600000},
};

static int check_range(const rt_option_t *opt, double v, const char *where, const char *value, char *err,
                       size_t errlen) {
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        if (strcmp(ranges[i].key, opt->key) != 0) continue;
        if (v >= ranges[i].min && v <= ranges[i].max) return 0;
        snprintf(err, errlen, "%s: %s must be between %g and %g, got '%s'", where, opt->key, ranges[i].min,
                 ranges[i].max, value);
        return -1;
    }
    return 0;
}

static int check_value(const rt_option_t *opt, const char *value, const char *where, char *err, size_t errlen) {
    char *end;
    bool b;
    switch (opt->type) {
    case OPT_STR:
        return 0;
    case OPT_INT: {
        errno = 0;
        long long v = strtoll(value, &end, 10);
        if (errno || end == value || *end) break;
        return check_range(opt, (double)v, where, value, err, errlen);
    }
    case OPT_FLOAT: {
        errno = 0;
        double d = strtod(value, &end);
        if (errno || end == value || *end || !isfinite(d)) break;
        return check_range(opt, d, where, value, err, errlen);
    }
    case OPT_BOOL:
        if (rt_parse_bool(value, &b) == 0) return 0;
        break;
    }
    static const char *type_names[] = {"text", "an integer", "a number", "a boolean (true/false/1/0/yes/no/on/off)"};
    snprintf(err, errlen, "%s: %s must be %s, got '%s'", where, opt->key, type_names[opt->type], value);
    return -1;
}

static int check_level(const char *value, char *err, size_t errlen) {
    static const char *levels[] = {"trace", "debug", "info", "warn", "warning", "error"};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
        if (strcasecmp(value, levels[i]) == 0) return 0;
    snprintf(err, errlen, "logging.level must be trace, debug, info, warn or error, got '%s'", value);
    return -1;
}

int rt_config_parse(rt_config_t *cfg, int argc, char **argv, rt_getenv_fn getenv_fn, void *ud,
                    char *err, size_t errlen) {
    memset(cfg, 0, sizeof *cfg);
    cfg->command = "run";
    for (size_t i = 0; i < rt_options_count; i++) {
        cfg->values[i] = rt_options[i].def;
        cfg->sources[i] = "default";
    }
    /* Environment: the first variable in each option's list that is set wins. */
    for (size_t i = 0; getenv_fn && i < rt_options_count; i++) {
        const char *list = rt_options[i].env;
        while (list && *list) {
            const char *comma = strchr(list, ',');
            size_t len = comma ? (size_t)(comma - list) : strlen(list);
            char name[128];
            if (len >= sizeof name) len = sizeof name - 1;
            memcpy(name, list, len);
            name[len] = 0;
            const char *v = getenv_fn(name, ud);
            if (v && *v) {
                char where[160];
                snprintf(where, sizeof where, "environment variable %s", name);
                if (check_value(&rt_options[i], v, where, err, errlen)) return -1;
                cfg->values[i] = v;
                cfg->sources[i] = rt_options[i].env; /* the list; exact name is not needed by callers */
                break;
            }
            list = comma ? comma + 1 : NULL;
        }
    }
    bool have_command = false;
    for (int a = 1; a < argc; a++) {
        const char *arg = argv[a];
        if (strcmp(arg, "--") == 0) {
            for (a++; a < argc && cfg->nargs < RT_CONFIG_MAX_ARGS; a++) cfg->args[cfg->nargs++] = argv[a];
            break;
        }
        if (strncmp(arg, "--", 2) != 0 || arg[2] == 0) {
            if (!have_command && arg[0] != '-') {
                cfg->command = arg;
                have_command = true;
                continue;
            }
            if (arg[0] == '-' && arg[1] != 0) {
                if (strcmp(arg, "-h") == 0) { cfg->help = true; continue; }
                snprintf(err, errlen, "unknown option '%s' (see --help)", arg);
                return -1;
            }
            if (cfg->nargs >= RT_CONFIG_MAX_ARGS) {
                snprintf(err, errlen, "too many arguments");
                return -1;
            }
            cfg->args[cfg->nargs++] = arg;
            continue;
        }
        const char *name = arg + 2;
        const char *eq = strchr(name, '=');
        size_t namelen = eq ? (size_t)(eq - name) : strlen(name);
        if (namelen == 4 && strncmp(name, "help", 4) == 0) { cfg->help = true; continue; }
        if (namelen == 7 && strncmp(name, "version", 7) == 0) { cfg->version = true; continue; }

        bool level_flag = false;
        for (size_t l = 0; l < 3; l++) {
            if (strlen(log_level_flags[l][0]) == namelen && strncmp(name, log_level_flags[l][0], namelen) == 0) {
                int li = rt_config_index("logging.level");
                cfg->values[li] = log_level_flags[l][1];
                cfg->sources[li] = "flag";
                level_flag = true;
            }
        }
        if (level_flag) continue;

        bool negated = false;
        int idx = find_flag(name, namelen);
        if (idx < 0 && namelen > 3 && strncmp(name, "no-", 3) == 0) {
            idx = find_flag(name + 3, namelen - 3);
            if (idx >= 0 && rt_options[idx].type != OPT_BOOL) idx = -1;
            negated = idx >= 0;
        }
        if (idx < 0) {
            snprintf(err, errlen, "unknown option '--%.*s' (see --help)", (int)namelen, name);
            return -1;
        }
        const rt_option_t *opt = &rt_options[idx];
        const char *value;
        if (negated) {
            if (eq) {
                snprintf(err, errlen, "option '--%.*s' takes no value", (int)namelen, name);
                return -1;
            }
            value = "false";
        } else if (eq) {
            value = eq + 1;
        } else if (opt->type == OPT_BOOL) {
            /* A bare boolean flag means true; an explicit next word that parses as a boolean is taken too. */
            bool b;
            if (a + 1 < argc && rt_parse_bool(argv[a + 1], &b) == 0) value = argv[++a];
            else value = "true";
        } else {
            if (a + 1 >= argc) {
                snprintf(err, errlen, "option '--%s' needs a value", opt->key);
                return -1;
            }
            value = argv[++a];
        }
        char where[160];
        snprintf(where, sizeof where, "option --%.*s", (int)namelen, name);
        if (check_value(opt, value, where, err, errlen)) return -1;
        cfg->values[idx] = value;
        cfg->sources[idx] = "flag";
    }
    if (check_level(rt_config_get(cfg, "logging.level"), err, errlen)) return -1;
    const char *format = rt_config_get(cfg, "logging.format");
    if (format && strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
        snprintf(err, errlen, "logging.format must be text or json, got '%s'", format);
        return -1;
    }
    return 0;
}

const char *rt_config_get(const rt_config_t *cfg, const char *key) {
    int i = rt_config_index(key);
    return i < 0 ? NULL : cfg->values[i];
}

long long rt_config_int(const rt_config_t *cfg, const char *key, long long fallback) {
    const char *v = rt_config_get(cfg, key);
    return v ? strtoll(v, NULL, 10) : fallback;
}

double rt_config_float(const rt_config_t *cfg, const char *key, double fallback) {
    const char *v = rt_config_get(cfg, key);
    return v ? strtod(v, NULL) : fallback;
}

bool rt_config_bool(const rt_config_t *cfg, const char *key, bool fallback) {
    const char *v = rt_config_get(cfg, key);
    bool b;
    return v && rt_parse_bool(v, &b) == 0 ? b : fallback;
}

void rt_config_help(FILE *out, const char *argv0) {
    fprintf(out,
            "usage: %s [COMMAND] [OPTIONS]\n\n"
            "commands:\n"
            "  run                 serve the axon and run the entrypoint (default)\n"
            "  test FILE|DIR...    run Lua test files (tests/lua/test_*.lua) inside the runtime\n"
            "  exec FILE [ARGS]    run a Lua script inside the runtime, then exit\n"
            "  chain               sync and print the metagraph and this hotkey's registration\n"
            "  solve               plan (and with terraform, apply) one AlphaCore task: --prompt TEXT |\n"
            "                      --prompt-file F | --task-json F, optionally --dry-run\n"
            "  doctor              check every prerequisite of an earning miner (terraform 1.14, providers,\n"
            "                      gcloud credentials, project APIs, default VPC, wallet, chain, grants)\n"
            "  tasks               list the tasks this miner holds (validator, age, state, resources)\n"
            "  destroy TASK...|all destroy tasks' resources now and forget them\n"
            "  grants [list|revoke PRINCIPAL...|revoke all]\n"
            "                      list or revoke the project roles granted to validator principals\n"
            "  eval [FILE.jsonl...]\n"
            "                      score task corpora offline with the validator's rules (default: the\n"
            "                      real-traffic corpus <workdir>/corpus.jsonl): tables per family and resource\n"
            "                      type, then each failure; --save/--baseline NAME, --watch, --json,\n"
            "                      --filter K=V, --only-failing\n\n"
            "options (flag > environment variable > default):\n",
            argv0);
    for (size_t i = 0; i < rt_options_count; i++) {
        const rt_option_t *o = &rt_options[i];
        char names[160];
        snprintf(names, sizeof names, "--%s%s%s", o->key, o->aliases ? ", --" : "", o->aliases ? o->aliases : "");
        fprintf(out, "  %-52s %s", names, o->help);
        if (o->def) fprintf(out, " [%s]", o->def);
        fputc('\n', out);
        if (o->env) fprintf(out, "  %-52s env: %s\n", "", o->env);
    }
    fprintf(out, "  %-52s %s\n", "--no-<boolean option>", "set a boolean option to false");
    fprintf(out, "  %-52s %s\n", "--logging.trace|--logging.debug|--logging.info", "shorthand for --logging.level");
    fprintf(out, "  %-52s %s\n", "--help, --version", "this text; the version");
}
