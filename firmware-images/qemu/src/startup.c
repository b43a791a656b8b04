/* Vector table and reset: copy .data from flash, clear .bss, run main. The .noinit block is left as
 * the previous boot left it (boot_record.c). */
#include "fault.h"

#include <stdint.h>

extern uint32_t __data_start, __data_end, __data_load, __bss_start, __bss_end, __stack_top;
extern int main(void);
void reset_handler(void);
void systick_handler(void);

/* NMI, SVCall, PendSV and the external interrupts (none is enabled: UART and Ethernet are polled). */
static void unexpected_interrupt(void)
{
    for (;;) {
    }
}

__attribute__((section(".vectors"), used)) static void (*const g_vectors[16 + 32])(void) = {
    (void (*)(void))&__stack_top,
    reset_handler,
    unexpected_interrupt,   /* NMI */
    hard_fault_handler,
    hard_fault_handler,     /* MemManage, BusFault, UsageFault: disabled, so they escalate to HardFault */
    hard_fault_handler,
    hard_fault_handler,
    unexpected_interrupt, unexpected_interrupt, unexpected_interrupt, unexpected_interrupt, /* reserved */
    unexpected_interrupt,   /* SVCall */
    unexpected_interrupt, unexpected_interrupt, /* debug monitor, reserved */
    unexpected_interrupt,   /* PendSV */
    systick_handler,
    [16 ... 47] = unexpected_interrupt,
};

void reset_handler(void)
{
    uint32_t *src = &__data_load;

    for (uint32_t *dst = &__data_start; dst < &__data_end;)
        *dst++ = *src++;
    for (uint32_t *dst = &__bss_start; dst < &__bss_end;)
        *dst++ = 0;
    main();
    for (;;) {
    }
}
