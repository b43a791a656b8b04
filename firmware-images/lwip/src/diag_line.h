/* lwIP's debug output (LWIP_PLATFORM_DIAG) as whole console lines, shared by the lwIP board and the QEMU
 * board: one LWIP_DEBUGF may print half a line, so pieces are collected until '\n' and each line goes
 * out with its "[    s.mmm] " uptime prefix, which the harness's lwIP log reader expects. */
#ifndef DIAG_LINE_H
#define DIAG_LINE_H

#include <stdarg.h>
#include <stddef.h>

#define DIAG_LINE_MAX 1024

struct diag_line {
    char text[DIAG_LINE_MAX];
    size_t len;
};

/* Writes bytes to the console; the caller serialises calls where the board has threads. */
typedef void (*diag_write_fn)(const char *bytes, size_t len);

/* Formats debug text (printf-style) and adds it; each completed line is written with the uptime ms as prefix. */
void diag_line_vprintf(struct diag_line *d, unsigned long long uptime_ms, diag_write_fn write, const char *fmt,
                       va_list ap);

/* Formats a console line (cut at DIAG_LINE_MAX) into out and ends it with CR LF; returns its length, or
 * -1 when nothing could be formatted. out must hold DIAG_LINE_MAX + 2 bytes. */
int diag_line_format(char *out, const char *fmt, va_list ap);

#endif
