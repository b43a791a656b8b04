/* State shared between the boot loop (main.c) and the console commands. */
#ifndef REFBOARD_BOARD_H
#define REFBOARD_BOARD_H

#ifndef REFBOARD_VERSION
#define REFBOARD_VERSION "dev"
#endif

/* Boot number of the running boot, as stored in nvram. */
unsigned long board_boot_number(void);

/* Ask the boot loop for a soft reset; returns at once, the reset runs in the main thread. */
void board_request_reboot(void);

/* Milliseconds since the last reset: since the soft reset was requested, or since power-on (process
 * start). Unlike the log's device time it includes the shutdown of the previous boot and the work
 * before the banner, so it is the board's own "reset to ready" figure. */
unsigned long long board_ms_since_reset(void);

#endif
