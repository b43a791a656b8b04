#include "console.h"
#include "diag_line.h"
#include "pty_drain.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* A UART with a full FIFO does not stall the CPU for long: wait this much, then drop the rest. */
#define TX_STALL_MS 200
#define CMD_MAX 256
/* How a soft reset hands the pty to the next boot: "MASTER,SLAVE" file descriptors. */
#define HANDOVER_ENV "LWIP_BOARD_CONSOLE_FDS"

static int g_master = -1;
static int g_slave = -1;
static int g_tee = -1;
static int g_inherited;
static char g_link[PATH_MAX];
static struct timespec g_boot;
static pthread_mutex_t g_tx_lock = PTHREAD_MUTEX_INITIALIZER;
/* lwIP's debug output arrives in pieces (one LWIP_DEBUGF may print half a line): collect until '\n'. */
static struct diag_line g_diag;

unsigned long long console_uptime_ms(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (unsigned long long)(now.tv_sec - g_boot.tv_sec) * 1000ULL +
           (unsigned long long)((now.tv_nsec - g_boot.tv_nsec) / 1000000L);
}

static int publish_link(const char *board_dir, const char *target)
{
    char tmp[PATH_MAX];

    if (snprintf(g_link, sizeof g_link, "%s/console", board_dir) >= (int)sizeof g_link ||
        snprintf(tmp, sizeof tmp, "%s/.console.%ld.tmp", board_dir, (long)getpid()) >= (int)sizeof tmp)
        return -1;
    unlink(tmp);
    if (symlink(target, tmp) != 0)
        return -1;
    /* rename() replaces a stale link in one step: a reader never sees a half-made port. */
    if (rename(tmp, g_link) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

static int open_pty(void)
{
    struct termios tio;
    const char *slave_name;

    g_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (g_master < 0 || grantpt(g_master) != 0 || unlockpt(g_master) != 0 ||
        (slave_name = ptsname(g_master)) == NULL)
        return -1;
    /* Holding the slave keeps output buffered until the harness opens the port, and keeps the
     * master from seeing a hangup whenever the harness closes it. */
    g_slave = open(slave_name, O_RDWR | O_NOCTTY);
    if (g_slave < 0)
        return -1;
    if (tcgetattr(g_slave, &tio) == 0) {
        cfmakeraw(&tio);
        tcsetattr(g_slave, TCSANOW, &tio);
    }
    return 0;
}

int console_init(const char *board_dir, const char *tee_path)
{
    const char *fds = getenv(HANDOVER_ENV);
    char link_target[PATH_MAX];

    clock_gettime(CLOCK_MONOTONIC, &g_boot);
    if (snprintf(g_link, sizeof g_link, "%s/console", board_dir) >= (int)sizeof g_link)
        return -1;
    if (fds != NULL && sscanf(fds, "%d,%d", &g_master, &g_slave) == 2 && fcntl(g_master, F_GETFD) >= 0) {
        g_inherited = 1;
        unsetenv(HANDOVER_ENV);
    } else {
        if (open_pty() != 0 || (ptsname_r(g_master, link_target, sizeof link_target) != 0) ||
            publish_link(board_dir, link_target) != 0) {
            perror("lwip-board: console");
            return -1;
        }
    }
    fcntl(g_master, F_SETFL, fcntl(g_master, F_GETFL) | O_NONBLOCK);
    fcntl(g_master, F_SETFD, FD_CLOEXEC);
    fcntl(g_slave, F_SETFD, FD_CLOEXEC);
    if (tee_path != NULL) {
        g_tee = open(tee_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (g_tee < 0) {
            perror("lwip-board: console tee");
            return -1;
        }
    }
    return 0;
}

int console_inherited(void)
{
    return g_inherited;
}

void console_handover(void)
{
    char fds[32];

    pthread_mutex_lock(&g_tx_lock); /* no half-written line across the reset */
    fcntl(g_master, F_SETFD, 0);
    fcntl(g_slave, F_SETFD, 0);
    snprintf(fds, sizeof fds, "%d,%d", g_master, g_slave);
    setenv(HANDOVER_ENV, fds, 1);
}

void console_unpublish(void)
{
    if (g_link[0] != '\0')
        unlink(g_link);
}

static void tee_bytes(const char *p, size_t n)
{
    while (g_tee >= 0 && n > 0) {
        ssize_t w = write(g_tee, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

/* Caller holds g_tx_lock. Like a UART: waits while the pty is full, drops what is left after
 * TX_STALL_MS without progress. */
static void tx(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(g_master, p, n);
        if (w > 0) {
            tee_bytes(p, (size_t)w);
            p += w;
            n -= (size_t)w;
        } else if (w < 0 && errno == EINTR) {
            continue;
        } else if (w < 0 && errno == EAGAIN) {
            struct pollfd pfd = { .fd = g_master, .events = POLLOUT };
            if (poll(&pfd, 1, TX_STALL_MS) <= 0)
                return;
        } else {
            return;
        }
    }
}

void console_line(const char *fmt, ...)
{
    char line[DIAG_LINE_MAX + 2];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = diag_line_format(line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    pthread_mutex_lock(&g_tx_lock);
    tx(line, (size_t)n);
    pthread_mutex_unlock(&g_tx_lock);
}

void lwip_board_diag(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    pthread_mutex_lock(&g_tx_lock);
    diag_line_vprintf(&g_diag, console_uptime_ms(), tx, fmt, ap);
    pthread_mutex_unlock(&g_tx_lock);
    va_end(ap);
}

void lwip_board_assert(const char *msg, int line, const char *file)
{
    lwip_board_diag("Assertion \"%s\" failed at line %d in %s\n", msg, line, file);
    pty_drain(g_slave, 2000); /* a board's assert handler flushes its UART before it halts */
    abort();
}

static void echo(const char *p, size_t n)
{
    pthread_mutex_lock(&g_tx_lock);
    tx(p, n);
    pthread_mutex_unlock(&g_tx_lock);
}

static void (*g_handler)(const char *cmd);

/* Echoes what is typed, as a board's shell does, and runs each line. */
static void *input_thread(void *arg)
{
    char cmd[CMD_MAX];
    size_t len = 0;

    (void)arg;
    for (;;) {
        struct pollfd pfd = { .fd = g_master, .events = POLLIN };
        char buf[64];
        ssize_t n;

        if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
            return NULL;
        n = read(g_master, buf, sizeof buf);
        if (n <= 0)
            continue;
        for (ssize_t i = 0; i < n; i++) {
            char c = buf[i];
            if (c == '\r' || c == '\n') {
                if (c == '\n' && len == 0)
                    continue; /* the LF of a CR LF */
                echo("\r\n", 2);
                cmd[len] = '\0';
                len = 0;
                if (cmd[0] != '\0')
                    g_handler(cmd);
            } else if ((c == '\b' || c == 0x7f) && len > 0) {
                len--;
                echo("\b \b", 3);
            } else if (c >= ' ' && c < 0x7f && len < sizeof cmd - 1) {
                cmd[len++] = c;
                echo(&c, 1);
            }
        }
    }
}

int console_start_input(void (*handler)(const char *cmd))
{
    pthread_t t;

    g_handler = handler;
    if (pthread_create(&t, NULL, input_thread, NULL) != 0)
        return -1;
    pthread_detach(t);
    return 0;
}
