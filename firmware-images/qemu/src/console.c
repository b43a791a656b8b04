#include "console.h"
#include "diag_line.h"

#include "clock.h"
#include "mps2.h"
#include "uart.h"

#include <stdarg.h>
#include <stdio.h>

#define CMD_MAX 256

static struct diag_line g_diag;
static char g_cmd[CMD_MAX];
static unsigned g_cmd_len;

void console_line(const char *fmt, ...)
{
    char line[DIAG_LINE_MAX + 2];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = diag_line_format(line, fmt, ap);
    va_end(ap);
    if (n >= 0)
        uart_write(line, (size_t)n);
}

void lwip_board_diag(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    diag_line_vprintf(&g_diag, clock_ms(), uart_write, fmt, ap);
    va_end(ap);
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
