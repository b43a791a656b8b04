/* SysTick as a 1 ms clock: lwIP's sys_now() and the console's time prefix. */
#ifndef QEMU_BOARD_CLOCK_H
#define QEMU_BOARD_CLOCK_H

#include <stdint.h>

void clock_init(void);
/* Milliseconds since this boot started (wraps after 49 days). */
uint32_t clock_ms(void);

#endif
