#include "nvram.h"
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long read_count(const char *path)
{
    char buf[32];
    ssize_t n;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return 0;
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return strtoul(buf, NULL, 10);
}

unsigned long nvram_bump_boot_count(const char *board_dir)
{
    char path[PATH_MAX], tmp[PATH_MAX], buf[32];
    unsigned long count;
    int fd, len;

    snprintf(path, sizeof path, "%s/nvram", board_dir);
    snprintf(tmp, sizeof tmp, "%s/.nvram.tmp", board_dir);
    count = read_count(path) + 1;
    len = snprintf(buf, sizeof buf, "%lu\n", count);

    /* Write-then-rename so a kill in the middle never leaves a torn counter. */
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, buf, (size_t)len) != len || fsync(fd) != 0 ||
        rename(tmp, path) != 0) {
        int err = errno;
        if (fd >= 0)
            unlink(tmp);
        fprintf(stderr, "refboard: cannot write %s: %s\n", path, strerror(err));
    }
    if (fd >= 0)
        close(fd);
    return count;
}
