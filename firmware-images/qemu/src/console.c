#include "console.h"

#include "clock.h"
#include "mps2.h"
#include "uart.h"

#include <stdarg.h>
#include <stdio.h>

#define LINE_MAX_BYTES 1024
#define CMD_MAX 256

/* lwIP's debug output arrives in pieces (one LWIP_DEBUGF may print half a line): collect until '\n'. */
static char g_diag[LINE_MAX_BYTES];
static unsigned g_diag_len;
static char g_cmd[CMD_MAX];
static unsigned g_cmd_len;

void console_line(const char *fmt, ...)
{
    char line[LINE_MAX_BYTES + 2];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(line, LINE_MAX_BYTES, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (n >= LINE_MAX_BYTES)
        n = LINE_MAX_BYTES - 1;
    line[n] = '\r';
    line[n + 1] = '\n';
    uart_write(line, (unsigned)n + 2);
}

static void diag_flush(void)
{
    char prefix[32];
    uint32_t ms = clock_ms();
    int n = snprintf(prefix, sizeof prefix, "[%5lu.%03lu] ", (unsigned long)(ms / 1000),
                     (unsigned long)(ms % 1000));

    uart_write(prefix, (unsigned)n);
    g_diag[g_diag_len++] = '\r';
    g_diag[g_diag_len++] = '\n';
    uart_write(g_diag, g_diag_len);
    g_diag_len = 0;
}

void lwip_board_diag(const char *fmt, ...)
{
    char text[LINE_MAX_BYTES];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (n >= (int)sizeof text)
        n = sizeof text - 1;
    for (int i = 0; i < n; i++) {
        if (text[i] == '\n')
            diag_flush();
        else if (text[i] != '\r' && g_diag_len < sizeof g_diag - 2)
            g_diag[g_diag_len++] = text[i];
    }
}

/* lwIP's assertion text, then the board halts (the harness power-cycles it). */
void lwip_board_assert(const char *msg, int line, const char *file)
{
    lwip_board_diag("Assertion \"%s\" failed at line %d in %s\n", msg, line, file);
    SYST_CSR = 0; /* nothing runs any more */
    __asm volatile("cpsid i");
    for (;;)
        __asm volatile("wfi");
}

/* Echoes what is typed, as a board's shell does. */
int console_poll(void (*handler)(const char *cmd))
{
    int c = uart_read();

    if (c < 0)
        return 0;
    if (c == '\r' || c == '\n') {
        if (c == '\n' && g_cmd_len == 0)
            return 1; /* the LF of a CR LF */
        uart_write("\r\n", 2);
        g_cmd[g_cmd_len] = '\0';
        g_cmd_len = 0;
        if (g_cmd[0] != '\0')
            handler(g_cmd);
    } else if ((c == '\b' || c == 0x7f) && g_cmd_len > 0) {
        g_cmd_len--;
        uart_write("\b \b", 3);
    } else if (c >= ' ' && c < 0x7f && g_cmd_len < sizeof g_cmd - 1) {
        char ch = (char)c;
        g_cmd[g_cmd_len++] = ch;
        uart_write(&ch, 1);
    }
    return 1;
}
