/* The console's `status` reply: lwIP's own heap and pool counters (MEM_STATS, MEMP_STATS). */
#ifndef LWIP_BOARD_STATUS_H
#define LWIP_BOARD_STATUS_H

#include <stddef.h>

/* Formats "heap used U/SIZE max M err E, TCP_PCB u/avail max m err e, ..." into buf. Takes the
 * tcpip core lock for a consistent snapshot. */
void status_format(char *buf, size_t cap);

#endif
