/* The board's serial console on UART0: lines out (CR LF), commands in (echoed), in the lwIP board's
 * text (lwip/src/console.c): debug lines carry the time since boot. */
#ifndef QEMU_BOARD_CONSOLE_H
#define QEMU_BOARD_CONSOLE_H

/* One whole line (terminator added). */
void console_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads what has arrived on the UART; each complete line is passed to handler (without terminator).
 * Returns 1 when a byte was read. Called from the main loop. */
int console_poll(void (*handler)(const char *cmd));

#endif
