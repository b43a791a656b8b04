#include "uart.h"

#include "mps2.h"

void uart_init(void)
{
    UART_BAUDDIV = MPS2_SYSCLK_HZ / 115200; /* QEMU ignores the rate; a real UART needs it */
    UART_CTRL = UART_CTRL_TXEN | UART_CTRL_RXEN;
}

/* Waits while the transmitter is full: QEMU holds TXFULL while the pty's buffer is full, and drops
 * the output while nobody has the pty open. */
void uart_write(const char *p, size_t n)
{
    while (n-- > 0) {
        while (UART_STATE & UART_STATE_TXFULL) {
        }
        UART_DATA = (unsigned char)*p++;
    }
}

int uart_read(void)
{
    return (UART_STATE & UART_STATE_RXFULL) ? (int)(UART_DATA & 0xff) : -1;
}
