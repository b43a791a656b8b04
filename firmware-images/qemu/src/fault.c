#include "fault.h"

#include "mps2.h"
#include "uart.h"

#include <stdint.h>
#include <string.h>

/* No printf here: the heap or newlib's state may be what broke. */
static void put_reg(const char *name, uint32_t value, const char *note)
{
    static const char hex[] = "0123456789abcdef";
    char digits[10] = "0x";

    for (int i = 0; i < 8; i++)
        digits[2 + i] = hex[(value >> (28 - 4 * i)) & 0xf];
    uart_write(name, strlen(name));
    uart_write(" = ", 3);
    uart_write(digits, sizeof digits);
    if (note[0] != '\0') {
        uart_write("  ", 2);
        uart_write(note, strlen(note));
    }
    uart_write("\r\n", 2);
}

/* frame: what the CPU stacked on exception entry (R0-R3, R12, LR, PC, xPSR). */
__attribute__((used, noreturn)) static void hard_fault_report(const uint32_t *frame)
{
    static const char title[] = "\r\nHardFault handler - all numbers in hex\r\n";

    SYST_CSR = 0; /* nothing runs any more */
    uart_write(title, sizeof title - 1);
    put_reg("R0", frame[0], "");
    put_reg("R1", frame[1], "");
    put_reg("R2", frame[2], "");
    put_reg("R3", frame[3], "");
    put_reg("R12", frame[4], "");
    put_reg("LR [R14]", frame[5], "subroutine call return address");
    put_reg("PC [R15]", frame[6], "program counter");
    put_reg("PSR", frame[7], "");
    put_reg("BFAR", SCB_BFAR, "");
    put_reg("CFSR", SCB_CFSR, "");
    put_reg("HFSR", SCB_HFSR, "");
    put_reg("DFSR", SCB_DFSR, "");
    put_reg("AFSR", SCB_AFSR, "");
    put_reg("MMFAR", SCB_MMFAR, "");
    put_reg("SCB_SHCSR", SCB_SHCSR, "");
    for (;;)
        __asm volatile("wfi");
}

/* Finds the stacked frame (main or process stack, EXC_RETURN bit 2) and reports it. */
__attribute__((naked)) void hard_fault_handler(void)
{
    __asm volatile("tst lr, #4\n"
                   "ite eq\n"
                   "mrseq r0, msp\n"
                   "mrsne r0, psp\n"
                   "b hard_fault_report\n");
}
