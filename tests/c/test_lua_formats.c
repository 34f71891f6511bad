/* Lint: every format given to lua_pushfstring / luaL_error / rt_fail (lua_pushvfstring underneath) in runtime/
 * uses only what Lua's formatter knows: %d %I %f %p %s %c %U %%. Anything else ("%.1f", "%u", "%zu", "%x",
 * "%02d", ...) makes Lua raise "invalid conversion" at run time, on the error path, where nobody looks.
 * A format must be a string literal (a variable format is a format-string bug), except inside the one wrapper
 * that forwards its own `fmt` (rt_fail in sched.c). Run with the source directory as argv[1]. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *const checked[] = {"lua_pushfstring", "luaL_error", "rt_fail", "lua_pushvfstring"};

static int is_ident(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* Skips a string or character literal starting at s[i] (the quote); returns the index after it. */
static size_t skip_literal(const char *s, size_t n, size_t i) {
    char q = s[i++];
    while (i < n && s[i] != q) i += s[i] == '\\' ? 2 : 1;
    return i + 1;
}

/* Checks the directives of a format; returns the first bad one (pointer into fmt) or NULL. */
static const char *bad_directive(const char *fmt) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') continue;
        if (!p[1] || !strchr("dIfpscU%", p[1])) return p;
        p++;
    }
    return NULL;
}

/* Scans one source text; reports each problem as "name:line: ..." and returns their count. */
static int scan(const char *name, const char *s, size_t n, int verbose) {
    int problems = 0;
    size_t i = 0;
    while (i < n) {
        if (s[i] == '/' && i + 1 < n && s[i + 1] == '/') {
            while (i < n && s[i] != '\n') i++;
        } else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
            const char *e = strstr(s + i + 2, "*/");
            i = e ? (size_t)(e - s) + 2 : n;
        } else if (s[i] == '"' || s[i] == '\'') {
            i = skip_literal(s, n, i);
        } else if (is_ident(s[i]) && (i == 0 || !is_ident(s[i - 1]))) {
            size_t start = i;
            while (i < n && is_ident(s[i])) i++;
            const char *fn = NULL;
            for (size_t k = 0; k < sizeof checked / sizeof checked[0]; k++)
                if (i - start == strlen(checked[k]) && memcmp(s + start, checked[k], i - start) == 0) fn = checked[k];
            size_t j = i;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n')) j++;
            if (!fn || j >= n || s[j] != '(') continue;
            int line = 1;
            for (size_t k = 0; k < start; k++) line += s[k] == '\n';
            /* the second argument: from after the first top-level comma to the next top-level comma or ')' */
            size_t k = j + 1, arg = 0, from = 0, to = 0;
            int depth = 1;
            while (k < n && depth > 0) {
                if (s[k] == '"' || s[k] == '\'') {
                    k = skip_literal(s, n, k);
                    continue;
                }
                if (s[k] == '(') depth++;
                if (s[k] == ')') depth--;
                if ((depth == 1 && s[k] == ',') || depth == 0) {
                    if (arg == 1) to = k;
                    arg++;
                    if (arg == 1) from = k + 1;
                    if (to) break;
                }
                k++;
            }
            if (!to) continue; /* fewer than two arguments: not a call we understand */
            char fmt[2048];
            size_t flen = 0;
            int literal_only = 1, any = 0;
            for (size_t p = from; p < to;) {
                if (s[p] == ' ' || s[p] == '\t' || s[p] == '\n') {
                    p++;
                } else if (s[p] == '"') {
                    size_t e = skip_literal(s, n, p);
                    for (size_t c = p + 1; c + 1 < e && flen + 1 < sizeof fmt; c++) fmt[flen++] = s[c];
                    p = e;
                    any = 1;
                } else {
                    literal_only = 0;
                    break;
                }
            }
            fmt[flen] = 0;
            if (!literal_only || !any) {
                char argtext[128];
                size_t alen = to - from < sizeof argtext - 1 ? to - from : sizeof argtext - 1;
                memcpy(argtext, s + from, alen);
                argtext[alen] = 0;
                char *a = argtext;
                while (*a == ' ' || *a == '\n' || *a == '\t') a++;
                /* the wrapper's own declaration/definition and its forwarding call */
                if (strcmp(a, "fmt") == 0 || strcmp(a, "const char *fmt") == 0) continue;
                if (verbose) fprintf(stderr, "%s:%d: %s with a non-literal format: %s\n", name, line, fn, a);
                problems++;
                continue;
            }
            const char *bad = bad_directive(fmt);
            if (bad) {
                if (verbose)
                    fprintf(stderr, "%s:%d: %s format \"%s\": '%.4s' is not supported by lua_pushfstring "
                                    "(only %%d %%I %%f %%p %%s %%c %%U %%%%; use snprintf first)\n",
                            name, line, fn, fmt, bad);
                problems++;
            }
        } else {
            i++;
        }
    }
    return problems;
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)sz + 1);
    if (buf && fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) buf[sz] = 0;
    *len = (size_t)sz;
    return buf;
}

int main(int argc, char **argv) {
    /* the scanner itself must catch what it is for */
    static const char *const bad_samples[] = {
        "x = rt_fail(L, \"%s is unreachable; next attempt in %.1fs\", url, t);",
        "luaL_error(L, \"size %zu\", n);",
        "lua_pushfstring(L, \"a\" \"%u\", n);",
        "luaL_error(L,\n  \"%02d\", n);",
        "lua_pushfstring(L, msg);",
        "lua_pushfstring(L, \"%s %x\", f(a, b), n);",
    };
    for (size_t k = 0; k < sizeof bad_samples / sizeof bad_samples[0]; k++)
        CHECK(scan("sample", bad_samples[k], strlen(bad_samples[k]), 0) == 1);
    static const char *const good_samples[] = {
        "lua_pushfstring(L, \"%s: %d%% of %I (%f, %p, %c, %U)\", a, b, c, d, e, f, g);",
        "/* lua_pushfstring(L, \"%.1f\") in a comment */ x = \"luaL_error(L, \\\"%u\\\")\";",
        "int rt_fail(lua_State *L, const char *fmt, ...) { lua_pushvfstring(L, fmt, ap); }",
        "luaL_error(L, \"%s\", g(\"%.2f\", x));",
    };
    for (size_t k = 0; k < sizeof good_samples / sizeof good_samples[0]; k++)
        CHECK(scan("sample", good_samples[k], strlen(good_samples[k]), 0) == 0);

    const char *root = argc > 1 ? argv[1] : MINER_SOURCE_DIR;
    char dirpath[4096];
    snprintf(dirpath, sizeof dirpath, "%s/runtime", root);
    DIR *d = opendir(dirpath);
    CHECK(d != NULL);
    if (!d) return 1;
    int files = 0, problems = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 3 || (strcmp(e->d_name + l - 2, ".c") != 0 && strcmp(e->d_name + l - 2, ".h") != 0)) continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dirpath, e->d_name);
        size_t len;
        char *text = slurp(path, &len);
        CHECK(text != NULL);
        if (!text) continue;
        problems += scan(path, text, len, 1);
        files++;
        free(text);
    }
    closedir(d);
    CHECK(files > 10);
    CHECK(problems == 0);
    CHECK_DONE();
}
