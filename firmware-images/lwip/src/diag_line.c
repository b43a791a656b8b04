#include "diag_line.h"

#include <stdio.h>
#include <string.h>

void diag_line_vprintf(struct diag_line *d, unsigned long long uptime_ms, diag_write_fn write, const char *fmt,
                       va_list ap)
{
    char text[DIAG_LINE_MAX];
    int n = vsnprintf(text, sizeof text, fmt, ap);

    if (n < 0)
        return;
    if (n >= (int)sizeof text)
        n = sizeof text - 1;
    for (int i = 0; i < n; i++) {
        if (text[i] == '\n') {
            char prefix[32];
            int p = snprintf(prefix, sizeof prefix, "[%5llu.%03llu] ", uptime_ms / 1000, uptime_ms % 1000);

            write(prefix, (size_t)p);
            memcpy(d->text + d->len, "\r\n", 2);
            write(d->text, d->len + 2);
            d->len = 0;
        } else if (text[i] != '\r' && d->len < sizeof d->text - 2) {
            d->text[d->len++] = text[i];
        }
    }
}

int diag_line_format(char *out, const char *fmt, va_list ap)
{
    int n = vsnprintf(out, DIAG_LINE_MAX, fmt, ap);

    if (n < 0)
        return -1;
    if (n >= DIAG_LINE_MAX)
        n = DIAG_LINE_MAX - 1;
    memcpy(out + n, "\r\n", 2);
    return n + 2;
}
