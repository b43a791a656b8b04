#include "fault.h"
#include "console.h"
#include "log.h"

#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FRAMES 16

void fault_assert_failed(const char *expr, const char *file, int line, const char *func, int cport)
{
    void *frames[MAX_FRAMES];
    char text[512];
    size_t used = 0;
    int n = backtrace(frames, MAX_FRAMES);

    if (cport > 0)
        log_emit(LOG_LVL_ERROR, file, line, "assertion \"%s\" failed: file \"%s\", line %d, function: %s, port %d",
                 expr, file, line, func, cport);
    else
        log_emit(LOG_LVL_ERROR, file, line, "assertion \"%s\" failed: file \"%s\", line %d, function: %s",
                 expr, file, line, func);
    /* Frame 0 is this function; the others are return addresses, moved back onto their call so that
     * addr2line names the calling line (ESP-IDF's panic handler prints its backtrace the same way). */
    for (int i = 0; i < n && used < sizeof text - 24; i++) {
        unsigned long pc = (unsigned long)frames[i] - (i > 0 ? 1 : 0);
        used += (size_t)snprintf(text + used, sizeof text - used, " 0x%lx", pc);
    }
    log_emit(LOG_LVL_ERROR, __FILE__, __LINE__, "Backtrace:%s", text);
    console_drain(2000);
    abort();
}
