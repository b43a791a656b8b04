/*
 * bootloader: the reference board's serial bootloader, as U-Boot's `loady`: the console command
 * `bootloader` receives one file by YMODEM (1K or 128-byte blocks, CRC-16) and installs it into the
 * flashed image folder under the name the sender gave, atomically (a temporary file, then rename).
 * A following `reboot` boots what was installed.
 */
#ifndef REFBOARD_BOOTLOADER_H
#define REFBOARD_BOOTLOADER_H

#include <stddef.h>

/* The folder files are installed into (the --flash image folder). */
void bootloader_init(const char *flash_dir);

/*
 * Runs one YMODEM batch on fd (the console, non-blocking). Returns 0 and describes what was
 * installed in msg, or -1 with the reason in msg.
 */
int bootloader_receive(int fd, char *msg, size_t msg_len);

#endif
