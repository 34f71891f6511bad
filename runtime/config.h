/* Miner configuration: one table of options, filled from defaults, environment variables and flags.
 * Precedence: command-line flag > environment variable > default. Pure C, no Lua, unit-tested. */
#ifndef MINER_CONFIG_H
#define MINER_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { OPT_STR, OPT_INT, OPT_FLOAT, OPT_BOOL } rt_opt_type;

typedef struct {
    const char *key;     /* canonical dotted name: "wallet.name" -> --wallet.name, Lua config.wallet.name */
    const char *aliases; /* comma-separated extra flag names (launcher style), or NULL */
    const char *env;     /* comma-separated environment variables, the first one set wins, or NULL */
    rt_opt_type type;
    const char *def;     /* default as text, or NULL for unset */
    const char *help;
} rt_option_t;

extern const rt_option_t rt_options[];
extern const size_t rt_options_count;

#define RT_CONFIG_MAX_OPTIONS 96
#define RT_CONFIG_MAX_ARGS 64

typedef struct {
    const char *values[RT_CONFIG_MAX_OPTIONS];  /* text value per option (points into argv, env or defaults) */
    const char *sources[RT_CONFIG_MAX_OPTIONS]; /* "default", "flag" or the environment variable's name */
    const char *command;                        /* subcommand: "run" (default), "test", "solve", ... */
    const char *args[RT_CONFIG_MAX_ARGS];       /* positional arguments after the subcommand */
    int nargs;
    bool help;
    bool version;
} rt_config_t;

/* Returns 0 on success, -1 on error with a message in err. `getenv_fn` lets tests supply an environment. */
typedef const char *(*rt_getenv_fn)(const char *name, void *ud);
int rt_config_parse(rt_config_t *cfg, int argc, char **argv, rt_getenv_fn getenv_fn, void *ud,
                    char *err, size_t errlen);

int rt_config_index(const char *key);
const char *rt_config_get(const rt_config_t *cfg, const char *key);
long long rt_config_int(const rt_config_t *cfg, const char *key, long long fallback);
double rt_config_float(const rt_config_t *cfg, const char *key, double fallback);
bool rt_config_bool(const rt_config_t *cfg, const char *key, bool fallback);
/* Parses "1|true|yes|y|on" / "0|false|no|n|off" (any case). Returns 0 and sets *out, or -1. */
int rt_parse_bool(const char *text, bool *out);
void rt_config_help(FILE *out, const char *argv0);

#endif
