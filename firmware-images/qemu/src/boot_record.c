#include "boot_record.h"

#include "mps2.h"

#include <stdint.h>

/* Random power-on RAM (on hardware) or zeros (QEMU) hold neither magic: that is a power-on. */
#define RECORD_MAGIC 0x8b00c0deu
#define SOFTWARE_RESET_MAGIC 0x50f7b007u

struct boot_record {
    uint32_t magic;
    uint32_t boot_number;
    uint32_t software_reset; /* SOFTWARE_RESET_MAGIC when the previous boot asked for the reset */
    uint32_t check;          /* ~(magic ^ boot_number): a half-written record counts as none */
};

__attribute__((section(".noinit"))) static volatile struct boot_record g_record;

const char *boot_record_start(unsigned long *boot_number)
{
    const char *cause;

    if (g_record.magic != RECORD_MAGIC || g_record.check != ~(RECORD_MAGIC ^ g_record.boot_number)) {
        g_record.boot_number = 0;
        cause = "power-on";
    } else if (g_record.software_reset == SOFTWARE_RESET_MAGIC) {
        cause = "software";
    } else {
        cause = "reset";
    }
    g_record.boot_number++;
    g_record.software_reset = 0;
    g_record.magic = RECORD_MAGIC;
    g_record.check = ~(RECORD_MAGIC ^ g_record.boot_number);
    *boot_number = g_record.boot_number;
    return cause;
}

void boot_record_software_reset(void)
{
    g_record.software_reset = SOFTWARE_RESET_MAGIC;
    __asm volatile("dsb" ::: "memory");
    SCB_AIRCR = SCB_AIRCR_VECTKEY | SCB_AIRCR_SYSRESETREQ;
    __asm volatile("dsb" ::: "memory");
    for (;;) {
    }
}
