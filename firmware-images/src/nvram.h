/* The board's non-volatile boot counter, kept in <board>/nvram. */
#ifndef REFBOARD_NVRAM_H
#define REFBOARD_NVRAM_H

/* Increment and persist the boot counter; returns the new value (1 when nvram was empty).
 * On a write error the new value is still returned: the board boots anyway. */
unsigned long nvram_bump_boot_count(const char *board_dir);

#endif
