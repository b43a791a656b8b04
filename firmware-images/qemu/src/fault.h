/* The HardFault handler: prints the classic register dump on the UART and halts (no watchdog: the
 * harness power-cycles the board). MemManage, BusFault and UsageFault are left disabled, so they
 * escalate to HardFault (HFSR FORCED) with their cause in CFSR. */
#ifndef QEMU_BOARD_FAULT_H
#define QEMU_BOARD_FAULT_H

void hard_fault_handler(void);

#endif
