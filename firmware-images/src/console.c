#include "console.h"
#include "pty_drain.h"
#include "board.h"
#include "log.h"
#include "tls_server.h"

#include <errno.h>
#include <fcntl.h>
#include "bootloader.h"
#include <limits.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* A UART at full FIFO does not stall the CPU for long: wait this much, then drop. Long enough that a
 * host reader descheduled for a moment on a loaded machine loses nothing (on real hardware the USB
 * serial adapter and the host's tty buffer absorb such pauses); short enough that a console nobody
 * reads costs the firmware one stall, not one per line. */
#define TX_STALL_MS 200
#define CMD_MAX 256
#define LINE_BYTES_MAX 256
/* flood: the largest request, and how long a full pty may stall it before it gives up. */
#define FLOOD_MAX_BYTES (4ULL << 30)
#define FLOOD_STALL_MS 10000

static int g_master = -1;
static int g_slave = -1;
static int g_tee = -1;
static char g_link[PATH_MAX];
static pthread_mutex_t g_tx_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long long g_dropped;
/* After a stall timed out nobody is draining the port; further lines are dropped at once
 * instead of costing every thread another stall, until a write gets through again. */
static int g_tx_jammed;
/* A line was cut after part of it went out: end that fragment before the next line, so the
 * next line is not glued onto it. */
static int g_tx_midline;

static int publish_link(const char *board_dir, const char *target)
{
    char tmp[PATH_MAX];

    if (snprintf(g_link, sizeof g_link, "%s/console", board_dir) >= (int)sizeof g_link ||
        snprintf(tmp, sizeof tmp, "%s/.console.%ld.tmp", board_dir, (long)getpid()) >=
            (int)sizeof tmp)
        return -1;
    unlink(tmp);
    if (symlink(target, tmp) != 0)
        return -1;
    /* rename() replaces a stale link from an earlier run in one step: a reader never sees
     * the port missing or half-made. */
    if (rename(tmp, g_link) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

int console_init(const char *board_dir, const char *tee_path)
{
    struct termios tio;
    const char *slave_name;

    g_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (g_master < 0 || grantpt(g_master) != 0 || unlockpt(g_master) != 0) {
        perror("refboard: posix_openpt");
        return -1;
    }
    slave_name = ptsname(g_master);
    if (slave_name == NULL) {
        perror("refboard: ptsname");
        return -1;
    }
    /* Holding the slave keeps output buffered until the harness opens the port, and keeps the
     * master from seeing EIO/hangup whenever the harness closes it. */
    g_slave = open(slave_name, O_RDWR | O_NOCTTY);
    if (g_slave < 0) {
        perror("refboard: open pty slave");
        return -1;
    }
    if (tcgetattr(g_slave, &tio) == 0) {
        cfmakeraw(&tio);
        tcsetattr(g_slave, TCSANOW, &tio);
    }
    fcntl(g_master, F_SETFL, fcntl(g_master, F_GETFL) | O_NONBLOCK);
    fcntl(g_master, F_SETFD, FD_CLOEXEC);
    fcntl(g_slave, F_SETFD, FD_CLOEXEC);

    if (tee_path != NULL) {
        g_tee = open(tee_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (g_tee < 0) {
            perror("refboard: open console tee");
            return -1;
        }
    }
    if (publish_link(board_dir, slave_name) != 0) {
        perror("refboard: publish console symlink");
        return -1;
    }
    return 0;
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

/* Caller holds g_tx_lock. Writes to the pty, waiting up to stall_ms whenever it is full and
 * makes no progress. Returns the number of bytes it did not take. */
static size_t tx_waiting(const char *p, size_t n, int stall_ms)
{
    while (n > 0) {
        ssize_t w = write(g_master, p, n);
        if (w > 0) {
            tee_bytes(p, (size_t)w);
            p += w;
            n -= (size_t)w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && stall_ms > 0) {
            struct pollfd pfd = { .fd = g_master, .events = POLLOUT };
            if (poll(&pfd, 1, stall_ms) > 0 && (pfd.revents & POLLOUT))
                continue;
        }
        return n;
    }
    return 0;
}

/* Caller holds g_tx_lock. Like a UART driver with a small FIFO: waits TX_STALL_MS for a stalled
 * reader, then drops; once jammed it drops at once until the reader takes bytes again, so a
 * detached console does not slow the firmware down. Returns the number of bytes dropped. */
static size_t tx_bytes(const char *p, size_t n)
{
    size_t lost = tx_waiting(p, n, g_tx_jammed ? 0 : TX_STALL_MS);
    if (lost > 0 && lost < n && g_tx_jammed) /* the reader is back: wait for it again */
        lost = tx_waiting(p + (n - lost), lost, TX_STALL_MS);
    g_tx_jammed = lost > 0;
    return lost;
}

void console_write_line(const char *line, size_t len)
{
    size_t lost;

    if (g_master < 0)
        return;
    pthread_mutex_lock(&g_tx_lock);
    if (g_tx_midline) {
        if (tx_bytes("\r\n", 2) != 0) {
            g_dropped += len + 2;
            pthread_mutex_unlock(&g_tx_lock);
            return;
        }
        g_tx_midline = 0;
    }
    lost = tx_bytes(line, len);
    /* Keep the terminator with its line: if the line itself was cut, the CRLF goes too. */
    if (lost == 0)
        lost = tx_bytes("\r\n", 2);
    else
        lost += 2;
    g_tx_midline = lost > 0 && lost < len + 2;
    g_dropped += lost;
    pthread_mutex_unlock(&g_tx_lock);
}

unsigned long long console_dropped_bytes(void)
{
    unsigned long long d;

    pthread_mutex_lock(&g_tx_lock);
    d = g_dropped;
    pthread_mutex_unlock(&g_tx_lock);
    return d;
}

/* Caller holds g_tx_lock. Writes all n bytes, waiting for the reader however long it takes, up to
 * FLOOD_STALL_MS without progress. Returns 0, or -1 when the port stalled (nothing dropped then:
 * the caller stops). */
static int tx_all(const char *p, size_t n)
{
    return tx_waiting(p, n, FLOOD_STALL_MS) == 0 ? 0 : -1;
}

static unsigned long long realtime_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (unsigned long long)ts.tv_sec * 1000000ULL + (unsigned long long)ts.tv_nsec / 1000ULL;
}

/* A log line shaped like an mbedTLS record dump, stamped with its sequence number and the wall
 * clock in microseconds right before it is written, so a reader on the same host can measure
 * each line's latency. Lines are written one by one (as a UART driver would) and never dropped:
 * the flood waits for the reader, so bytes written == bytes the reader must have. */
static void flood(unsigned long long bytes)
{
    static const char filler[] = "dumping 'input record from network' ssl_msg.c 16 03 03 00 c4 "
                                 "01 00 00 c0 03 03 5f 1e 9a";
    char line[LINE_BYTES_MAX];
    unsigned long long written = 0, lines = 0;
    int stalled = 0;

    LOG_INFO("flood: writing %llu bytes", bytes);
    pthread_mutex_lock(&g_tx_lock); /* nothing else may interleave: the count must be exact */
    while (written < bytes) {
        int n = log_prefix(line, sizeof line, __FILE__, __LINE__);
        n += snprintf(line + n, sizeof line - (size_t)n, "flood seq %llu t_us %llu %s\r\n",
                      lines + 1, realtime_us(), filler);
        if (tx_all(line, (size_t)n) != 0) {
            stalled = 1;
            break;
        }
        written += (unsigned long long)n;
        lines++;
    }
    if (!stalled) {
        /* Also waits for the reader: the one line the harness is waiting for must not be dropped. */
        int n = log_prefix(line, sizeof line, __FILE__, __LINE__);
        n += snprintf(line + n, sizeof line - (size_t)n, "flood done: %llu bytes in %llu lines\r\n",
                      written, lines);
        stalled = tx_all(line, (size_t)n) != 0;
    }
    pthread_mutex_unlock(&g_tx_lock);
    if (stalled)
        LOG_ERR("flood aborted: console stalled for %d ms after %llu bytes in %llu lines",
                FLOOD_STALL_MS, written, lines);
}

static void run_command(const char *cmd)
{
    if (strncmp(cmd, "flood ", 6) == 0) {
        char *end;
        unsigned long long bytes = strtoull(cmd + 6, &end, 10);
        if (end == cmd + 6 || *end != '\0' || bytes == 0 || bytes > FLOOD_MAX_BYTES)
            LOG_INFO("flood: expected a byte count from 1 to %llu, got '%s'", FLOOD_MAX_BYTES, cmd + 6);
        else
            flood(bytes);
    } else if (strcmp(cmd, "reboot") == 0) {
        LOG_INFO("reboot requested");
        board_request_reboot();
    } else if (strcmp(cmd, "status") == 0) {
        struct tls_server_stats st;
        tls_server_get_stats(&st);
        LOG_INFO("status: boot %lu, uptime %llu ms, sessions %d/%d, connections %lu, "
                 "console drops %llu",
                 board_boot_number(), log_uptime_ms(), st.active_sessions, st.max_sessions,
                 st.connections, console_dropped_bytes());
    } else if (strcmp(cmd, "bootloader") == 0) {
        char msg[300];
        pthread_mutex_lock(&g_tx_lock); /* no log line may cut into the transfer */
        int rc = bootloader_receive(g_master, msg, sizeof msg);
        pthread_mutex_unlock(&g_tx_lock);
        LOG_INFO("bootloader: %s%s", rc == 0 ? "" : "failed: ", msg);
    } else if (strcmp(cmd, "help") == 0) {
        LOG_INFO("commands: reboot (soft reset), status (one status line), "
                 "bootloader (receive one file by YMODEM), flood BYTES, help");
    } else {
        LOG_INFO("unknown command: %s", cmd);
    }
}

static void *input_thread(void *arg)
{
    char cmd[CMD_MAX];
    size_t len = 0;
    int overlong = 0;

    (void)arg;
    for (;;) {
        struct pollfd pfd = { .fd = g_master, .events = POLLIN };
        char buf[256];
        ssize_t n;

        if (poll(&pfd, 1, -1) < 0) {
            if (errno != EINTR)
                usleep(100 * 1000);
            continue;
        }
        n = read(g_master, buf, sizeof buf);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (n <= 0) {
            /* EIO/EOF: should not happen while we hold the slave; back off, never spin. */
            usleep(100 * 1000);
            continue;
        }
        for (ssize_t i = 0; i < n; i++) {
            char c = buf[i];
            if (c == '\r' || c == '\n') {
                if (len > 0 && !overlong) {
                    cmd[len] = '\0';
                    run_command(cmd);
                }
                len = 0;
                overlong = 0;
            } else if (len < sizeof cmd - 1) {
                cmd[len++] = c;
            } else {
                overlong = 1;
            }
        }
    }
    return NULL;
}

int console_start_input(void)
{
    pthread_t t;

    if (pthread_create(&t, NULL, input_thread, NULL) != 0)
        return -1;
    pthread_detach(t);
    return 0;
}

void console_drain(unsigned timeout_ms)
{
    pty_drain(g_slave, timeout_ms);
}
