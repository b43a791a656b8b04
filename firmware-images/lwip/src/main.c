/* lwip-board: lwIP 2.2.1's httpd over altcp_tls (Mbed TLS 2.28) on lwIP's unix port, as a board's
 * main.c would set it up. See ../README.md. */
#include "console.h"
#include "content.h"
#include "manifest.h"
#include "nvram.h"
#include "status.h"

#include "lwip/altcp_tls.h"
#include "lwip/apps/httpd.h"
#include "lwip/init.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "lwip/tcpip.h"
#include "netif/tapif.h"

#include "mbedtls/debug.h"
#include "mbedtls/version.h"

#include <errno.h>
#include <getopt.h>
#include <linux/close_range.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef LWIP_BOARD_VERSION
#define LWIP_BOARD_VERSION "dev"
#endif
/* When the soft reset was asked for (CLOCK_MONOTONIC ns), so the ready line can say how long the
 * reset took; absent at power-on. */
#define RESET_AT_ENV "LWIP_BOARD_RESET_AT_NS"

struct options {
    const char *flash;
    const char *board;
    const char *tap;
    const char *address;
    const char *tee;
};

static pthread_mutex_t g_reboot_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_reboot_cond = PTHREAD_COND_INITIALIZER;
static int g_reboot_requested;
static unsigned long g_boot_number;

static unsigned long long monotonic_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (unsigned long long)t.tv_sec * 1000000000ULL + (unsigned long long)t.tv_nsec;
}

static void on_command(const char *cmd)
{
    if (strcmp(cmd, "reboot") == 0) {
        pthread_mutex_lock(&g_reboot_lock);
        g_reboot_requested = 1;
        pthread_cond_signal(&g_reboot_cond);
        pthread_mutex_unlock(&g_reboot_lock);
    } else if (strcmp(cmd, "status") == 0) {
        char stats[900];
        status_format(stats, sizeof stats);
        console_line("status: boot %lu, uptime %llu ms, %s", g_boot_number, console_uptime_ms(), stats);
    } else if (strcmp(cmd, "help") == 0) {
        console_line("commands: status, reboot, help");
    } else {
        console_line("unknown command: %s", cmd);
    }
}

/* Soft reset: the process image is replaced (all of lwIP's and mbedTLS's state starts afresh, as
 * after a CPU reset); only the console's pty survives, as a UART outlives a reset. */
static void soft_reset(char **argv)
{
    char at[32];

    snprintf(at, sizeof at, "%llu", monotonic_ns());
    setenv(RESET_AT_ENV, at, 1);
    close_range(3, ~0U, CLOSE_RANGE_CLOEXEC); /* the tap fd must go, or the next boot cannot attach */
    console_handover();
    execv("/proc/self/exe", argv);
    perror("lwip-board: reboot");
    _exit(1);
}

static void on_terminate(int sig)
{
    (void)sig;
    console_unpublish();
    _exit(0);
}

/* Reads a whole PEM file plus the terminating NUL mbedTLS's PEM parser wants. */
static unsigned char *read_pem(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    long size;

    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
        (buf = malloc((size_t)size + 1)) == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        snprintf(err, errlen, "%s: %s", path, errno ? strerror(errno) : "cannot read");
        free(buf);
        if (f != NULL)
            fclose(f);
        return NULL;
    }
    fclose(f);
    buf[size] = '\0';
    *len = (size_t)size + 1;
    return buf;
}

static void tcpip_ready(void *arg)
{
    sys_sem_signal((sys_sem_t *)arg);
}

static int parse_address(const char *text, ip4_addr_t *ip, ip4_addr_t *mask)
{
    char addr[32];
    const char *slash = strchr(text, '/');
    int bits;

    if (slash == NULL || (size_t)(slash - text) >= sizeof addr)
        return -1;
    memcpy(addr, text, (size_t)(slash - text));
    addr[slash - text] = '\0';
    bits = atoi(slash + 1);
    if (!ip4addr_aton(addr, ip) || bits < 1 || bits > 30)
        return -1;
    ip4_addr_set_u32(mask, lwip_htonl(0xffffffffUL << (32 - bits)));
    return 0;
}

/* The stack runs whatever the image holds, so `status` always has lwIP's counters to show. */
static void start_stack(void)
{
    sys_sem_t ready;

    sys_sem_new(&ready, 0);
    tcpip_init(tcpip_ready, &ready);
    sys_sem_wait(&ready);
    sys_sem_free(&ready);
}

/* Brings up lwIP on the tap and starts httpd over TLS with the image's certificate chain and key.
 * Returns 0, or -1 with the reason in err (the board then stays up with its console only). */
static int start_network(const struct options *o, const struct manifest *m, char *err, size_t errlen)
{
    static struct netif netif;
    ip4_addr_t ip, mask, gw;
    unsigned char *chain, *key;
    size_t chain_len, key_len;
    struct altcp_tls_config *tls;

    if (parse_address(o->address, &ip, &mask) != 0) {
        snprintf(err, errlen, "--address %s: expected A.B.C.D/NN", o->address);
        return -1;
    }
    if (content_load(m->content_dir, err, errlen) < 0)
        return -1;
    chain = read_pem(m->cert_chain, &chain_len, err, errlen);
    key = chain ? read_pem(m->private_key, &key_len, err, errlen) : NULL;
    if (key == NULL) {
        free(chain);
        return -1;
    }

    setenv("PRECONFIGURED_TAPIF", o->tap, 1); /* tapif attaches to the tap the harness made */
    ip4_addr_set_zero(&gw);
    LOCK_TCPIP_CORE();
    netif_add(&netif, &ip, &mask, &gw, NULL, tapif_init, tcpip_input);
    netif_set_default(&netif);
    netif_set_up(&netif);
    tls = altcp_tls_create_config_server_privkey_cert(key, key_len, NULL, 0, chain, chain_len);
    if (tls != NULL) {
        mbedtls_debug_set_threshold(m->debug_threshold);
        httpd_inits(tls);
    }
    UNLOCK_TCPIP_CORE();
    free(chain);
    free(key);
    if (tls == NULL) {
        snprintf(err, errlen, "TLS server configuration failed (certificate chain or key)");
        return -1;
    }
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: lwip-board --flash DIR --board DIR --tap IFNAME --address A.B.C.D/NN "
                    "[--console-tee FILE]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "flash", required_argument, NULL, 'f' },       { "board", required_argument, NULL, 'b' },
        { "tap", required_argument, NULL, 't' },         { "address", required_argument, NULL, 'a' },
        { "console-tee", required_argument, NULL, 'c' }, { NULL, 0, NULL, 0 },
    };
    struct options o = { 0 };
    struct manifest m;
    char err[600];
    const char *reset_at = getenv(RESET_AT_ENV);
    unsigned long long reset_ns = reset_at ? strtoull(reset_at, NULL, 10) : monotonic_ns();
    int c;

    unsetenv(RESET_AT_ENV);
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': o.flash = optarg; break;
        case 'b': o.board = optarg; break;
        case 't': o.tap = optarg; break;
        case 'a': o.address = optarg; break;
        case 'c': o.tee = optarg; break;
        default: usage();
        }
    }
    if (optind != argc || !o.flash || !o.board || !o.tap || !o.address)
        usage();

    signal(SIGPIPE, SIG_IGN);
    signal(SIGTERM, on_terminate);
    signal(SIGINT, on_terminate);
    if (console_init(o.board, o.tee) != 0)
        return 1;
    g_boot_number = nvram_bump_boot_count(o.board);

    err[0] = '\0';
    if (manifest_load(o.flash, &m, err, sizeof err) != 0)
        strcpy(m.name, "unnamed");
    console_line("boot %lu, reset cause: %s, image %s, firmware lwip-board %s (lwIP %s, Mbed TLS %s)",
                 g_boot_number, console_inherited() ? "software" : "power-on", m.name,
                 LWIP_BOARD_VERSION, LWIP_VERSION_STRING, MBEDTLS_VERSION_STRING);
    start_stack();
    console_start_input(on_command);

    if (err[0] != '\0')
        console_line("image error: %s", err);
    else if (start_network(&o, &m, err, sizeof err) != 0)
        console_line("image error: %s", err);
    else
        console_line("httpd ready on %.*s:%d, %llu ms after reset", (int)strcspn(o.address, "/"), o.address,
                     HTTPD_SERVER_PORT_HTTPS, (monotonic_ns() - reset_ns) / 1000000ULL);

    pthread_mutex_lock(&g_reboot_lock);
    while (!g_reboot_requested)
        pthread_cond_wait(&g_reboot_cond, &g_reboot_lock);
    pthread_mutex_unlock(&g_reboot_lock);
    soft_reset(argv);
    return 1;
}
