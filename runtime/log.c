#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The one piece of process-wide state outside the runtime struct: stderr itself is process-wide, and the level
 * must be readable from code that has no runtime at hand (crypto, config errors before the runtime exists). */
static int current_level = LOG_INFO;

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
int log_get_level(void) { return current_level; }

void log_write(int level, const char *where, const char *fmt, ...) {
    if (level < current_level) return;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char line[8192];
    int n = snprintf(line, sizeof line, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ %-5s [%s] ", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000,
                     names[level], where);
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
    if (len > sizeof line - 2) len = sizeof line - 2;
    line[len++] = '\n';
    fwrite(line, 1, len, stderr);
}
