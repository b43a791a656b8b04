#include "status.h"

#include "lwip/memp.h"
#include "lwip/stats.h"
#include "lwip/tcpip.h"

#include <stdio.h>

#if NO_SYS /* one thread (a bare-metal main loop): nothing to lock */
#define LOCK_TCPIP_CORE()
#define UNLOCK_TCPIP_CORE()
#endif

void status_format(char *buf, size_t cap)
{
    size_t n;

    LOCK_TCPIP_CORE();
    n = (size_t)snprintf(buf, cap, "heap used %lu/%lu max %lu err %lu",
                         (unsigned long)lwip_stats.mem.used, (unsigned long)lwip_stats.mem.avail,
                         (unsigned long)lwip_stats.mem.max, (unsigned long)lwip_stats.mem.err);
    for (int i = 0; i < MEMP_MAX && n < cap; i++) {
        const struct stats_mem *p = lwip_stats.memp[i];
        n += (size_t)snprintf(buf + n, cap - n, ", %s %lu/%lu max %lu err %lu", p->name,
                              (unsigned long)p->used, (unsigned long)p->avail,
                              (unsigned long)p->max, (unsigned long)p->err);
    }
    UNLOCK_TCPIP_CORE();
}
