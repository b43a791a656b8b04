/* Boot count and reset cause, kept in RAM that a reset does not clear (.noinit). */
#ifndef QEMU_BOARD_BOOT_RECORD_H
#define QEMU_BOARD_BOOT_RECORD_H

/* Counts this boot and tells why it happened: "power-on" (RAM held no record: QEMU was (re)started,
 * boot 1), "software" (the previous boot asked for it: boot_record_software_reset), else "reset"
 * (QMP system_reset, a debugger's reset). */
const char *boot_record_start(unsigned long *boot_number);

/* Notes that the next boot is a software reset, then resets the system (SYSRESETREQ). */
void boot_record_software_reset(void) __attribute__((noreturn));

#endif
