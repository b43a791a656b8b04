/* The little newlib needs on bare metal: a heap for its own malloc (vsnprintf may use it) between the
 * end of .bss and the stack, a clock that counts from boot (time()), and no files. */
#include "clock.h"

#include <errno.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/time.h>

extern char __heap_start, __heap_end;

void *_sbrk(ptrdiff_t incr)
{
    static char *brk = &__heap_start;
    char *prev = brk;

    if (incr > &__heap_end - brk) {
        errno = ENOMEM;
        return (void *)-1;
    }
    brk += incr;
    return prev;
}

int _close(int fd) { (void)fd; return -1; }
int _fstat(int fd, struct stat *st) { (void)fd; st->st_mode = S_IFCHR; return 0; }
int _isatty(int fd) { (void)fd; return 1; }
int _lseek(int fd, int off, int whence) { (void)fd; (void)off; (void)whence; return 0; }
int _read(int fd, char *p, int n) { (void)fd; (void)p; (void)n; return 0; }
int _write(int fd, const char *p, int n) { (void)fd; (void)p; return n; }
int _getpid(void) { return 1; }
int _kill(int pid, int sig) { (void)pid; (void)sig; errno = EINVAL; return -1; }
void _exit(int code) { (void)code; for (;;) { } }

int _gettimeofday(struct timeval *tv, void *tz)
{
    uint32_t ms = clock_ms();

    (void)tz;
    tv->tv_sec = (time_t)(ms / 1000);
    tv->tv_usec = (suseconds_t)(ms % 1000) * 1000;
    return 0;
}
