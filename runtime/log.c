#include "log.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The one piece of process-wide state outside the runtime struct: stderr itself is process-wide, and the level
 * must be readable from code that has no runtime at hand (crypto, config errors before the runtime exists). */
static int current_level = LOG_INFO;
static bool json_lines; /* --logging.format json: one JSON object per line, for log shippers */

static const char *const names[] = {"trace", "debug", "info", "warn", "error"};

int log_level_from_name(const char *name) {
    if (!name) return -1;
    if (strcasecmp(name, "warning") == 0) return LOG_WARN;
    for (int i = 0; i < 5; i++)
        if (strcasecmp(name, names[i]) == 0) return i;
    return -1;
}

const char *log_level_name(int level) { return level >= 0 && level < 5 ? names[level] : "?"; }
void log_set_level(int level) { current_level = level; }
int log_set_format(const char *name) {
    if (!name || strcasecmp(name, "text") == 0) json_lines = false;
    else if (strcasecmp(name, "json") == 0) json_lines = true;
    else return -1;
    return 0;
}

/* Appends s as a JSON string body (no quotes) to out[*n..cap), escaping quotes, backslashes and controls. */
static void json_escape(char *out, size_t cap, size_t *n, const char *s) {
    static const char hex[] = "0123456789abcdef";
    for (const unsigned char *p = (const unsigned char *)s; *p && *n + 7 < cap; p++) {
        if (*p == '"' || *p == '\\') {
            out[(*n)++] = '\\';
            out[(*n)++] = (char)*p;
        } else if (*p < 0x20) {
            out[(*n)++] = '\\';
            out[(*n)++] = 'u';
            out[(*n)++] = '0';
            out[(*n)++] = '0';
            out[(*n)++] = hex[*p >> 4];
            out[(*n)++] = hex[*p & 15];
        } else {
            out[(*n)++] = (char)*p;
        }
    }
}
int log_get_level(void) { return current_level; }

void log_write(int level, const char *where, const char *fmt, ...) {
    if (level < current_level) return;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char stamp[64];
    snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
    char msg[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char line[16384];
    size_t len;
    if (json_lines) {
        len = (size_t)snprintf(line, sizeof line, "{\"ts\":\"%s\",\"level\":\"%s\",\"where\":\"", stamp, names[level]);
        json_escape(line, sizeof line, &len, where);
        memcpy(line + len, "\",\"msg\":\"", 9);
        len += 9;
        json_escape(line, sizeof line, &len, msg);
        line[len++] = '"';
        line[len++] = '}';
    } else {
        int n = snprintf(line, sizeof line, "%s %-5s [%s] %s", stamp, names[level], where, msg);
        len = n < 0 ? 0 : (size_t)n;
        if (len > sizeof line - 2) len = sizeof line - 2;
    }
    line[len++] = '\n';
    fwrite(line, 1, len, stderr);
}
