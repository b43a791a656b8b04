#include "pty_drain.h"

#include <poll.h>
#include <stddef.h>
#include <sys/ioctl.h>

/* Written bytes reach the slave's input queue through the kernel's flip buffer a moment later, so one
 * empty reading proves nothing: the queue counts as read once it has stayed empty this long. */
#define SETTLED_MS 100
#define STEP_MS 10

void pty_drain(int slave_fd, unsigned timeout_ms)
{
    unsigned empty_for = 0;

    for (unsigned waited = 0; slave_fd >= 0 && waited < timeout_ms && empty_for < SETTLED_MS; waited += STEP_MS) {
        int unread = 0;
        poll(NULL, 0, STEP_MS);
        if (ioctl(slave_fd, FIONREAD, &unread) != 0)
            return;
        empty_for = unread == 0 ? empty_for + STEP_MS : 0;
    }
}
