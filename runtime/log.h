/* Leveled, timestamped logging to stderr. */
#ifndef MINER_LOG_H
#define MINER_LOG_H

enum { LOG_TRACE, LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

int log_level_from_name(const char *name); /* -1 when unknown */
const char *log_level_name(int level);
void log_set_level(int level);
int log_set_format(const char *name); /* "text" (default) or "json"; -1 when unknown */
int log_get_level(void);
void log_write(int level, const char *where, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define LOGT(...) log_write(LOG_TRACE, "rt", __VA_ARGS__)
#define LOGD(...) log_write(LOG_DEBUG, "rt", __VA_ARGS__)
#define LOGI(...) log_write(LOG_INFO, "rt", __VA_ARGS__)
#define LOGW(...) log_write(LOG_WARN, "rt", __VA_ARGS__)
#define LOGE(...) log_write(LOG_ERROR, "rt", __VA_ARGS__)

#endif
