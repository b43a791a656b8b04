/* The board's serial console, modelled as a pseudo-terminal (like a USB CDC ACM port). */
#ifndef REFBOARD_CONSOLE_H
#define REFBOARD_CONSOLE_H

#include <stddef.h>

/* Power-on: create the pty, publish <board_dir>/console. tee_path may be NULL. 0 on success. */
int console_init(const char *board_dir, const char *tee_path);

/* Start the thread that reads commands from the console. */
int console_start_input(void);

/* Send one line (without terminator); "\r\n" is appended. Never blocks for long. */
void console_write_line(const char *line, size_t len);

unsigned long long console_dropped_bytes(void);

/* Waits until whoever has the console open has read everything sent so far, at most timeout_ms, as a
 * panic handler drains the UART before the chip resets: a dying board's last lines must not be lost
 * when its pty goes away. */
void console_drain(unsigned timeout_ms);

/* Async-signal-safe: remove the published console symlink. */
void console_unpublish(void);

#endif
