/* YMODEM receiver for the `bootloader` console command; see bootloader.h. */
#include "bootloader.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SOH 0x01
#define STX 0x02
#define EOT 0x04
#define ACK 0x06
#define NAK 0x15
#define CAN 0x18
#define CRC_MODE 'C'
#define START_TRIES 30      /* 'C' once a second: the sender has 30 s to begin */
#define BYTE_TIMEOUT_MS 1000
#define MAX_ERRORS 10

static const char *g_flash_dir = ".";

void bootloader_init(const char *flash_dir)
{
    g_flash_dir = flash_dir;
}

static void put(int fd, unsigned char c)
{
    struct pollfd pfd = { .fd = fd, .events = POLLOUT };
    while (write(fd, &c, 1) != 1) {
        if (errno != EAGAIN && errno != EINTR)
            return;
        poll(&pfd, 1, BYTE_TIMEOUT_MS);
    }
}

/* One byte, or -1 after timeout_ms of silence. */
static int get(int fd, int timeout_ms)
{
    unsigned char c;
    for (;;) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        int r = poll(&pfd, 1, timeout_ms);
        if (r == 0)
            return -1;
        if (r < 0 && errno == EINTR)
            continue;
        ssize_t n = read(fd, &c, 1);
        if (n == 1)
            return c;
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        return -1;
    }
}

static unsigned crc16(const unsigned char *p, size_t n)
{
    unsigned crc = 0;
    while (n--) {
        crc ^= (unsigned)*p++ << 8;
        for (int i = 0; i < 8; i++)
            crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
    }
    return crc & 0xFFFF;
}

/* Reads the rest of a block whose first byte was kind. Returns its payload size, or -1 if damaged. */
static int read_block(int fd, int kind, int *seq, unsigned char *data)
{
    int size = kind == STX ? 1024 : 128;
    unsigned char head[2], tail[2];
    for (int i = 0; i < 2; i++) {
        int c = get(fd, BYTE_TIMEOUT_MS);
        if (c < 0)
            return -1;
        head[i] = (unsigned char)c;
    }
    for (int i = 0; i < size; i++) {
        int c = get(fd, BYTE_TIMEOUT_MS);
        if (c < 0)
            return -1;
        data[i] = (unsigned char)c;
    }
    for (int i = 0; i < 2; i++) {
        int c = get(fd, BYTE_TIMEOUT_MS);
        if (c < 0)
            return -1;
        tail[i] = (unsigned char)c;
    }
    if ((head[0] ^ head[1]) != 0xFF || crc16(data, (size_t)size) != ((unsigned)tail[0] << 8 | tail[1]))
        return -1;
    *seq = head[0];
    return size;
}

/* A name from the sender must stay inside the image folder. */
static int safe_name(const char *name)
{
    return name[0] != '\0' && name[0] != '.' && strchr(name, '/') == NULL && strlen(name) < 200;
}

int bootloader_receive(int fd, char *msg, size_t msg_len)
{
    static unsigned char data[1024];
    char name[256] = "", tmp[512] = "", final_path[512];
    long long size = -1, written = 0;
    int out = -1, expected = 0, errors = 0, seq, c = -1;

    for (int tries = 0; tries < START_TRIES && c != SOH && c != STX; tries++) {
        put(fd, CRC_MODE);
        c = get(fd, BYTE_TIMEOUT_MS);
    }
    for (;;) {
        if (c == SOH || c == STX) {
            int n = read_block(fd, c, &seq, data);
            if (n < 0) {
                if (++errors > MAX_ERRORS)
                    goto fail_errors;
                put(fd, NAK);
            } else if (expected == 0 && seq == 0 && out < 0) {
                if (data[0] == '\0') {            /* empty header: end of batch */
                    put(fd, ACK);
                    break;
                }
                snprintf(name, sizeof name, "%.200s", (char *)data);
                size = atoll((char *)data + strlen((char *)data) + 1);
                if (!safe_name(name) || size < 0) {
                    put(fd, CAN);
                    put(fd, CAN);
                    snprintf(msg, msg_len, "refused file name '%s'", name);
                    return -1;
                }
                snprintf(tmp, sizeof tmp, "%s/.%s.ymodem", g_flash_dir, name);
                out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
                if (out < 0) {
                    put(fd, CAN);
                    put(fd, CAN);
                    snprintf(msg, msg_len, "cannot write %s: %s", tmp, strerror(errno));
                    return -1;
                }
                expected = 1;
                put(fd, ACK);
                put(fd, CRC_MODE);
            } else if (seq == (expected & 0xFF)) {
                long long keep = size - written < n ? size - written : n;
                if (keep > 0 && write(out, data, (size_t)keep) != keep) {
                    snprintf(msg, msg_len, "write failed: %s", strerror(errno));
                    goto fail;
                }
                written += keep;
                expected++;
                put(fd, ACK);
            } else if (seq == ((expected - 1) & 0xFF)) {
                put(fd, ACK);                     /* our ACK was lost: the sender repeats */
            } else {
                snprintf(msg, msg_len, "block %d out of order (expected %d)", seq, expected & 0xFF);
                goto fail;
            }
        } else if (c == EOT && out >= 0) {
            if (fsync(out) != 0 || close(out) != 0) {
                out = -1;
                snprintf(msg, msg_len, "cannot save %s: %s", tmp, strerror(errno));
                goto fail;
            }
            out = -1;
            snprintf(final_path, sizeof final_path, "%s/%s", g_flash_dir, name);
            if (rename(tmp, final_path) != 0) {
                snprintf(msg, msg_len, "cannot install %s: %s", final_path, strerror(errno));
                goto fail;
            }
            tmp[0] = '\0';
            put(fd, ACK);
            expected = 0;
            put(fd, CRC_MODE);
        } else if (c == CAN) {
            snprintf(msg, msg_len, "the sender cancelled");
            goto fail;
        } else if (c < 0) {
            if (++errors > MAX_ERRORS)
                goto fail_errors;
            put(fd, expected == 0 ? CRC_MODE : NAK);
        }
        c = get(fd, BYTE_TIMEOUT_MS);
    }
    if (name[0] == '\0') {
        snprintf(msg, msg_len, "nothing received");
        return -1;
    }
    snprintf(msg, msg_len, "installed %s (%lld bytes)", name, written);
    return 0;

fail_errors:
    snprintf(msg, msg_len, "too many errors or timeouts");
fail:
    put(fd, CAN);
    put(fd, CAN);
    if (out >= 0)
        close(out);
    if (tmp[0] != '\0')
        unlink(tmp);
    return -1;
}
