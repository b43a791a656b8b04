/* refboard: reference firmware of an mbedTLS HTTPS board, run as a Linux process.
 * Process start is power-on; the "reboot" console command is a soft reset. */
#include "board.h"
#include "bootloader.h"
#include "console.h"
#include "log.h"
#include "manifest.h"
#include "nvram.h"
#include "tls_server.h"

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/debug.h>
#include <mbedtls/entropy.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509_crt.h>

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct options {
    const char *flash_dir;
    const char *board_dir;
    const char *bind_addr;
    const char *tee_path;
    int port; /* 0: take the manifest's */
};

/* Everything a boot allocates, so a soft reset can free all of it. */
struct credentials {
    mbedtls_x509_crt chain;
    mbedtls_pk_context key;
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
};

static pthread_mutex_t g_reset_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_reset_cond; /* on CLOCK_MONOTONIC, see init_reset_cond() */
static int g_reset_requested;
static unsigned long g_boot_number;
static unsigned long long g_reset_at_ms; /* CLOCK_MONOTONIC ms of the last reset, under g_reset_lock */

static unsigned long long monotonic_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000ULL + (unsigned long long)ts.tv_nsec / 1000000ULL;
}

unsigned long long board_ms_since_reset(void)
{
    unsigned long long at;

    pthread_mutex_lock(&g_reset_lock);
    at = g_reset_at_ms;
    pthread_mutex_unlock(&g_reset_lock);
    return monotonic_ms() - at;
}

unsigned long board_boot_number(void)
{
    unsigned long n;

    pthread_mutex_lock(&g_reset_lock);
    n = g_boot_number;
    pthread_mutex_unlock(&g_reset_lock);
    return n;
}

void board_request_reboot(void)
{
    pthread_mutex_lock(&g_reset_lock);
    if (!g_reset_requested)
        g_reset_at_ms = monotonic_ms();
    g_reset_requested = 1;
    pthread_cond_broadcast(&g_reset_cond);
    pthread_mutex_unlock(&g_reset_lock);
}

/* Sleeps up to ms (forever if ms < 0); returns 1 as soon as a reset is requested. */
static int wait_for_reset(long ms)
{
    struct timespec deadline;
    int requested;

    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += ms / 1000;
    deadline.tv_nsec += (ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&g_reset_lock);
    while (!g_reset_requested) {
        if (ms < 0)
            pthread_cond_wait(&g_reset_cond, &g_reset_lock);
        else if (pthread_cond_timedwait(&g_reset_cond, &g_reset_lock, &deadline) == ETIMEDOUT)
            break;
    }
    requested = g_reset_requested;
    pthread_mutex_unlock(&g_reset_lock);
    return requested;
}

static int count_certs(const mbedtls_x509_crt *crt)
{
    int n = 0;

    for (; crt != NULL && crt->raw.len > 0; crt = crt->next)
        n++;
    return n;
}

static long long file_size(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static int load_credentials(const struct manifest *m, struct credentials *cr)
{
    int ret;

    ret = mbedtls_x509_crt_parse_file(&cr->chain, m->cert_chain);
    if (ret < 0) {
        LOG_ERR("certificate load failed: %s: -0x%04x", m->cert_chain, (unsigned)-ret);
        return -1;
    }
    if (ret > 0) {
        LOG_ERR("certificate load failed: %s: %d certificates could not be parsed",
                m->cert_chain, ret);
        return -1;
    }
    LOG_INFO("loaded certificate chain (%d certs, %lld bytes) from %s", count_certs(&cr->chain),
             file_size(m->cert_chain), m->cert_chain);

    ret = mbedtls_pk_parse_keyfile(&cr->key, m->private_key, NULL);
    if (ret != 0) {
        LOG_ERR("private key load failed: %s: -0x%04x", m->private_key, (unsigned)-ret);
        return -1;
    }
    ret = mbedtls_pk_check_pair(&cr->chain.pk, &cr->key);
    if (ret != 0) {
        LOG_ERR("private key does not match certificate: %s: -0x%04x", m->private_key,
                (unsigned)-ret);
        return -1;
    }
    LOG_INFO("loaded private key from %s", m->private_key);
    return 0;
}

static int seed_drbg(struct credentials *cr)
{
    static const char pers[] = "refboard";
    int ret = mbedtls_ctr_drbg_seed(&cr->drbg, mbedtls_entropy_func, &cr->entropy,
                                    (const unsigned char *)pers, sizeof pers - 1);

    if (ret != 0)
        LOG_ERR("mbedtls_ctr_drbg_seed failed: -0x%04x", (unsigned)-ret);
    return ret == 0 ? 0 : -1;
}

/* A fresh delay at every boot, like SD card init time: uniform in [0, max_ms]. */
static int random_delay_ms(mbedtls_ctr_drbg_context *drbg, int max_ms)
{
    unsigned char r[4] = { 0 };

    mbedtls_ctr_drbg_random(drbg, r, sizeof r);
    return (int)((((uint32_t)r[0] << 24) | ((uint32_t)r[1] << 16) | ((uint32_t)r[2] << 8) | r[3]) %
                 ((uint32_t)max_ms + 1));
}

/* cert_load_delay_ms_max: the race of a board whose web server starts before the certificate has
 * been read from the SD card. It listens (and says it is ready) first; handshakes that arrive
 * before the load find no certificate and fail. Returns 1 when the listener was started. */
static int start_before_certificate(const struct manifest *m, struct credentials *cr,
                                    const struct tls_server_config *srv)
{
    int delay = random_delay_ms(&cr->drbg, m->cert_load_delay_ms_max);
    unsigned long long listening_at;

    if (tls_server_start(srv) != 0)
        return 0;
    listening_at = log_uptime_ms();
    if (!wait_for_reset(delay) && load_credentials(m, cr) == 0) {
        tls_server_set_credentials(&cr->chain, &cr->key);
        LOG_INFO("certificate loaded after %llu ms", log_uptime_ms() - listening_at);
    }
    return 1;
}

static void boot(const struct options *opt, const char *reset_cause)
{
    struct manifest m;
    struct credentials cr;
    struct tls_server_config srv;
    struct tls_server_settings settings;
    char err[PATH_MAX + 256];
    int manifest_ok, started = 0;
    unsigned long number = nvram_bump_boot_count(opt->board_dir);

    pthread_mutex_lock(&g_reset_lock);
    g_boot_number = number;
    g_reset_requested = 0;
    pthread_mutex_unlock(&g_reset_lock);

    /* Re-read at every boot: a new image may have been flashed before the reset. */
    manifest_ok = manifest_load(opt->flash_dir, &m, err, sizeof err) == 0;
    log_set_format(m.log_format);
    mbedtls_debug_set_threshold(m.debug_threshold);
    settings.max_sessions = m.max_sessions;
    settings.debug_threshold = m.debug_threshold;
    settings.heap_bytes = m.heap_bytes;
    settings.leak_bytes_per_connection = m.leak_bytes_per_connection;
    settings.partial_write_bug = m.partial_write_bug;
    settings.hang_after_connections = m.hang_after_connections;
    settings.crash_after_connections = m.crash_after_connections;
    tls_server_reset(&settings);

    log_clock_reset();
    LOG_INFO("boot %lu, reset cause: %s, image %s, firmware refboard %s", number, reset_cause,
             m.name, REFBOARD_VERSION);

    mbedtls_x509_crt_init(&cr.chain);
    mbedtls_pk_init(&cr.key);
    mbedtls_entropy_init(&cr.entropy);
    mbedtls_ctr_drbg_init(&cr.drbg);

    srv.bind_addr = opt->bind_addr;
    srv.port = opt->port ? opt->port : m.port;
    srv.content_dir = m.content_dir;
    srv.drbg = &cr.drbg;
    if (!manifest_ok) {
        LOG_ERR("manifest error: %s", err);
    } else if (seed_drbg(&cr) == 0 &&
               (m.cert_load_delay_ms_max > 0 || load_credentials(&m, &cr) == 0)) {
        struct stat st;
        if (stat(m.content_dir, &st) != 0 || !S_ISDIR(st.st_mode))
            LOG_WARN("content_dir %s is not a folder: every request will get 404", m.content_dir);
        if (m.heap_bytes > 0)
            LOG_INFO("free heap: %d bytes", m.heap_bytes);
        if (!wait_for_reset(m.boot_delay_ms)) {
            if (m.cert_load_delay_ms_max > 0) {
                started = start_before_certificate(&m, &cr, &srv);
            } else {
                tls_server_set_credentials(&cr.chain, &cr.key);
                started = tls_server_start(&srv) == 0;
            }
        }
    }

    /* A board without a working image still runs its console and waits for a reset. */
    wait_for_reset(-1);
    if (started)
        tls_server_stop();

    mbedtls_ctr_drbg_free(&cr.drbg);
    mbedtls_entropy_free(&cr.entropy);
    mbedtls_pk_free(&cr.key);
    mbedtls_x509_crt_free(&cr.chain);
}

/* Boot delays must not stretch or shrink when the host's wall clock is adjusted. */
static void init_reset_cond(void)
{
    pthread_condattr_t attr;

    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&g_reset_cond, &attr);
    pthread_condattr_destroy(&attr);
}

static void on_terminate(int sig)
{
    (void)sig;
    console_unpublish();
    _exit(0);
}

static void usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s --flash <dir> --board <dir> [--port <n>] [--bind <addr>] "
            "[--console-tee <file>]\n",
            argv0);
    exit(2);
}

static void parse_args(int argc, char **argv, struct options *opt)
{
    static const struct option longopts[] = {
        { "flash", required_argument, NULL, 'f' },
        { "board", required_argument, NULL, 'b' },
        { "port", required_argument, NULL, 'p' },
        { "bind", required_argument, NULL, 'a' },
        { "console-tee", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    struct in_addr addr;
    char *end;
    int c;

    memset(opt, 0, sizeof *opt);
    opt->bind_addr = "127.0.0.1";
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': opt->flash_dir = optarg; break;
        case 'b': opt->board_dir = optarg; break;
        case 'a': opt->bind_addr = optarg; break;
        case 't': opt->tee_path = optarg; break;
        case 'p':
            opt->port = (int)strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || opt->port < 1 || opt->port > 65535) {
                fprintf(stderr, "refboard: bad --port %s\n", optarg);
                exit(2);
            }
            break;
        default: usage(argv[0]);
        }
    }
    if (optind != argc || opt->flash_dir == NULL || opt->board_dir == NULL)
        usage(argv[0]);
    /* Loopback-only policy: the board must never be reachable from outside this host. */
    if (inet_pton(AF_INET, opt->bind_addr, &addr) != 1 ||
        (ntohl(addr.s_addr) >> 24) != 127) {
        fprintf(stderr, "refboard: refusing --bind %s: only 127.0.0.0/8 is allowed\n",
                opt->bind_addr);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    struct options opt;
    struct sigaction sa;
    const char *cause = "power-on";

    g_reset_at_ms = monotonic_ms(); /* power-on: the process starts */
    /* The harness that powered this board is its power supply: if it dies (even by SIGKILL, when no
     * shutdown hook runs) the power is gone, so the board must not live on as an orphan. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    parse_args(argc, argv, &opt);
    bootloader_init(opt.flash_dir);
    init_reset_cond();

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    sa.sa_handler = on_terminate;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    if (console_init(opt.board_dir, opt.tee_path) != 0 || console_start_input() != 0) {
        console_unpublish();
        return 1;
    }
    for (;;) {
        boot(&opt, cause);
        cause = "soft";
    }
}
