/* CMSDK UART0, polled: QEMU connects it to the console pty. */
#ifndef QEMU_BOARD_UART_H
#define QEMU_BOARD_UART_H

#include <stddef.h>

void uart_init(void);
void uart_write(const char *p, size_t n);
/* The next received byte, or -1 when none is waiting. */
int uart_read(void);

#endif
