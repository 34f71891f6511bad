/* miner: entry point. Parses the configuration, then runs one of the commands (see rt_config_help). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include <sodium.h>

#include "rt.h"

#define MINER_VERSION "0.1.0"

static const char *env_lookup(const char *name, void *ud) {
    (void)ud;
    return getenv(name);
}

/* A script task (test runner, exec) ended: its result decides the exit code. */
static void script_done(rt_t *rt, lua_State *co, int status, int nres, void *ud) {
    (void)ud;
    int code = 0;
    if (status != LUA_OK) {
        log_write(LOG_ERROR, "main", "%s", lua_tostring(co, -1));
        code = 1;
    } else if (nres > 0 && lua_isinteger(co, -nres)) {
        code = (int)lua_tointeger(co, -nres);
    } else if (nres > 0 && lua_isboolean(co, -nres)) {
        code = lua_toboolean(co, -nres) ? 0 : 1;
    }
    rt_stop(rt, code);
}

/* Runs a Lua file (or the module `runner` with the given args) as one task until it finishes. */
static int run_script(rt_t *rt, const char *module, const char *file) {
    lua_State *L = rt->L;
    if (module) {
        lua_getglobal(L, "require");
        lua_pushstring(L, module);
        if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
            LOGE("%s", lua_tostring(L, -1));
            return 1;
        }
        lua_getfield(L, -1, "main");
        lua_remove(L, -2);
    } else if (luaL_loadfile(L, file) != LUA_OK) {
        LOGE("%s", lua_tostring(L, -1));
        return 1;
    }
    int skip = module ? 0 : 1;
    for (int i = skip; i < rt->cfg.nargs; i++) lua_pushstring(L, rt->cfg.args[i]);
    rt_spawn(rt, L, rt->cfg.nargs - skip, script_done, NULL);
    return rt_run(rt);
}

int main(int argc, char **argv) {
    signal(SIGPIPE, SIG_IGN);
    rt_config_t cfg;
    char err[512];
    if (rt_config_parse(&cfg, argc, argv, env_lookup, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "miner: %s\n", err);
        return 2;
    }
    if (cfg.help) {
        rt_config_help(stdout, argv[0]);
        return 0;
    }
    if (cfg.version) {
        printf("miner %s (%s, libuv %s, libsodium %s)\n", MINER_VERSION, LUA_RELEASE, uv_version_string(),
               sodium_version_string());
        return 0;
    }
    /* Commands implemented by a Lua module of the shipped library (rt.<module>.main). */
    static const char *const script_commands[][2] = {
        {"test", "rt.testrunner"}, {"chain", "rt.chaincmd"}, {"solve", "rt.solve"},
        {"grants", "rt.grantscmd"}, {"eval", "rt.evalcmd"}, {"doctor", "rt.doctorcmd"},
        {"tasks", "rt.taskscmd"}, {"destroy", "rt.taskscmd"},
    };
    const char *script_module = NULL;
    for (size_t i = 0; i < sizeof script_commands / sizeof script_commands[0]; i++)
        if (strcmp(cfg.command, script_commands[i][0]) == 0) script_module = script_commands[i][1];
    if (!script_module && strcmp(cfg.command, "run") != 0 && strcmp(cfg.command, "exec") != 0) {
        fprintf(stderr, "miner: unknown command '%s' (see --help)\n", cfg.command);
        return 2;
    }

    rt_t *rt = calloc(1, sizeof *rt);
    if (!rt) return 1;
    int code;
    if (rt_init(rt, &cfg, argv[0]) != 0) {
        code = 1;
    } else if (script_module) {
        code = run_script(rt, script_module, NULL);
    } else if (strcmp(cfg.command, "exec") == 0) {
        if (cfg.nargs < 1) {
            LOGE("exec needs a Lua file");
            code = 2;
        } else {
            code = run_script(rt, NULL, cfg.args[0]);
        }
    } else if (rt_load_generation(rt) != 0) {
        code = 1;
    } else {
        rt_start_watching(rt);
        lua_State *L = rt->L;
        lua_getglobal(L, "require");
        lua_pushliteral(L, "rt.serve");
        if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
            LOGE("%s", lua_tostring(L, -1));
            code = 1;
        } else {
            lua_getfield(L, -1, "start");
            lua_remove(L, -2);
            rt_spawn(rt, L, 0, NULL, NULL);
            code = rt_run(rt);
        }
    }
    rt_close(rt);
    free(rt);
    return code;
}
