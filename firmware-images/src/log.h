/* Console log lines in the two formats the harness parses (see README.md). */
#ifndef REFBOARD_LOG_H
#define REFBOARD_LOG_H

#include <stddef.h>

enum log_format { LOG_FORMAT_BOARD, LOG_FORMAT_MBEDTLS };

/* Firmware's own levels, chosen to match mbedTLS's debug levels in the mbedtls format. */
enum { LOG_LVL_ERROR = 1, LOG_LVL_WARN = 2, LOG_LVL_INFO = 3 };

void log_set_format(enum log_format f);
void log_clock_reset(void);
unsigned long long log_uptime_ms(void);

void log_emit(int level, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Writes the prefix an info line from file:line gets in the current format (e.g. "812: console.c 40: ")
 * into buf; returns its length (clamped to cap - 1). For output that bypasses log_emit (flood). */
int log_prefix(char *buf, size_t cap, const char *file, int line);

/* One mbedTLS debug callback line, tagged with the connection's client port. */
void log_mbedtls_debug(int level, const char *file, int line, const char *str, int cport);

#define LOG_INFO(...) log_emit(LOG_LVL_INFO, __FILE__, __LINE__, __VA_ARGS__)
#define LOG_WARN(...) log_emit(LOG_LVL_WARN, __FILE__, __LINE__, __VA_ARGS__)
#define LOG_ERR(...)  log_emit(LOG_LVL_ERROR, __FILE__, __LINE__, __VA_ARGS__)

#endif
