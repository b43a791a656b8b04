/* The requests served since boot, kept in RAM for a debugger to read after the fact (an image turns it
 * on with BOARD_ACCESS_LOG_SLOTS). Its table-full path is the qemu-hardfault scenario's defect. */
#ifndef QEMU_BOARD_ACCESS_LOG_H
#define QEMU_BOARD_ACCESS_LOG_H

void access_log_record(const char *name);

#endif
