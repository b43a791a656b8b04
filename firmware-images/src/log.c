#include "log.h"
#include "console.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define LINE_MAX_BYTES 1200

static _Atomic int g_format = LOG_FORMAT_BOARD;
/* Stamp and send under one lock, so device time never runs backwards on the console. */
static pthread_mutex_t g_emit_lock = PTHREAD_MUTEX_INITIALIZER;
/* Monotonic ms at boot; atomic because connection threads of the previous boot may still log
 * while the main thread resets the clock. */
static _Atomic unsigned long long g_boot_ms;

static unsigned long long mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000ULL + (unsigned long long)ts.tv_nsec / 1000000ULL;
}

void log_set_format(enum log_format f) { g_format = f; }

void log_clock_reset(void) { g_boot_ms = mono_ms(); }

unsigned long long log_uptime_ms(void) { return mono_ms() - g_boot_ms; }

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static const char *severity_prefix(int level)
{
    if (level == LOG_LVL_ERROR)
        return "ERROR: ";
    if (level == LOG_LVL_WARN)
        return "WARNING: ";
    return "";
}

/* snprintf reports the would-be length; clamp so a cut line is still sent whole. */
static void emit_buffer(char *buf, int n)
{
    if (n < 0)
        return;
    if (n >= LINE_MAX_BYTES)
        n = LINE_MAX_BYTES - 1;
    /* One call is one console line: an embedded line break would split it for the framer. */
    for (int i = 0; i < n; i++)
        if (buf[i] == '\r' || buf[i] == '\n')
            buf[i] = ' ';
    console_write_line(buf, (size_t)n);
}

void log_emit(int level, const char *file, int line, const char *fmt, ...)
{
    char msg[LINE_MAX_BYTES];
    char buf[LINE_MAX_BYTES];
    va_list ap;
    int n;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);

    pthread_mutex_lock(&g_emit_lock);
    if (g_format == LOG_FORMAT_MBEDTLS)
        n = snprintf(buf, sizeof buf, "%s:%d: |%d| %s", base_name(file), line, level, msg);
    else
        n = snprintf(buf, sizeof buf, "%llu: %s%s %d: %s", log_uptime_ms(),
                     severity_prefix(level), base_name(file), line, msg);
    emit_buffer(buf, n);
    pthread_mutex_unlock(&g_emit_lock);
}

int log_prefix(char *buf, size_t cap, const char *file, int line)
{
    int n;

    if (g_format == LOG_FORMAT_MBEDTLS)
        n = snprintf(buf, cap, "%s:%d: |%d| ", base_name(file), line, LOG_LVL_INFO);
    else
        n = snprintf(buf, cap, "%llu: %s %d: ", log_uptime_ms(), base_name(file), line);
    if (n < 0)
        return 0;
    return (size_t)n >= cap ? (int)cap - 1 : n;
}

/* With THREADING_C mbedTLS prefixes every message with "%p: " (the ssl context). */
static const char *skip_context_pointer(const char *s)
{
    const char *p = s;

    if (strncmp(p, "(nil): ", 7) == 0)
        return p + 7;
    if (p[0] != '0' || p[1] != 'x')
        return s;
    p += 2;
    while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F'))
        p++;
    if (p[0] == ':' && p[1] == ' ')
        return p + 2;
    return s;
}

void log_mbedtls_debug(int level, const char *file, int line, const char *str, int cport)
{
    char buf[LINE_MAX_BYTES];
    const char *msg = str;
    int format = g_format;
    size_t len;
    int n;

    if (format == LOG_FORMAT_BOARD)
        msg = skip_context_pointer(str);
    len = strlen(msg);
    while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == '\r'))
        len--;

    pthread_mutex_lock(&g_emit_lock);
    if (format == LOG_FORMAT_MBEDTLS) {
        n = snprintf(buf, sizeof buf, "%s:%d: |%d| %.*s, port %d", file, line, level,
                     (int)len, msg, cport);
    } else {
        const char *sev = "";
        if (level == 1)
            sev = "ERROR: ";
        else if (memmem(msg, len, "alert", 5) != NULL)
            sev = "WARNING: ";
        n = snprintf(buf, sizeof buf, "%llu: %s%s %d: %.*s, port %d", log_uptime_ms(), sev,
                     base_name(file), line, (int)len, msg, cport);
    }
    emit_buffer(buf, n);
    pthread_mutex_unlock(&g_emit_lock);
}
