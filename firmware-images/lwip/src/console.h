/* The board's serial console on a pseudo-terminal: lines out (CR LF), commands in (echoed). */
#ifndef LWIP_BOARD_CONSOLE_H
#define LWIP_BOARD_CONSOLE_H

#include <stddef.h>

/* Power-on: create the pty and publish <board_dir>/console. After a soft reset: take over the pty
 * the previous boot handed down (console_handover). tee_path may be NULL. 0 on success. */
int console_init(const char *board_dir, const char *tee_path);

/* Before re-executing for a soft reset: keep the pty open across exec and tell the next boot. */
void console_handover(void);

/* 1 when this boot took over the console from a soft reset, 0 at power-on. */
int console_inherited(void);

/* One whole line (terminator added). */
void console_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Start reading commands; each complete line is passed to handler (without terminator). */
int console_start_input(void (*handler)(const char *cmd));

/* Milliseconds since this boot started (the time prefix of debug lines). */
unsigned long long console_uptime_ms(void);

/* Async-signal-safe: remove the published console symlink. */
void console_unpublish(void);

#endif
