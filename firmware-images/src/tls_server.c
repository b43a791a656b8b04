#include "tls_server.h"
#include "heap.h"
#include "httpd.h"
#include "log.h"

#include <mbedtls/net_sockets.h>

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define LISTEN_BACKLOG 16
/* A client that stops mid-handshake or mid-request must not hold a session forever. */
#define HANDSHAKE_TIMEOUT_MS 10000
#define SEND_TIMEOUT_S 10
/* partial_write_bug: a board's TCP send buffer (lwIP TCP_SND_BUF in a typical configuration). */
#define SEND_BUFFER_BYTES 32768
/* Where mbedtls_ssl_setup() reports a failed buffer allocation (ssl_tls.c of 2.28; nominal). */
#define SSL_SETUP_ALLOC_FILE "./library/ssl_tls.c"
#define SSL_SETUP_ALLOC_LINE 3834

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
/* Signalled when a soft reset starts, to release sessions that hang (hang_after_connections). */
static pthread_cond_t g_stop_cond = PTHREAD_COND_INITIALIZER;
static struct conn *g_conns;
static struct tls_server_settings g_settings = { .max_sessions = 8 };
static mbedtls_x509_crt *g_chain;
static mbedtls_pk_context *g_key;
static unsigned long g_connections;
static int g_listen_fd = -1;
static pthread_t g_accept_thread;
static int g_accepting;
static _Atomic int g_stopping;

void tls_server_reset(const struct tls_server_settings *settings)
{
    pthread_mutex_lock(&g_lock);
    g_settings = *settings;
    g_chain = NULL;
    g_key = NULL;
    g_connections = 0;
    g_stopping = 0;
    pthread_mutex_unlock(&g_lock);
    heap_reset(settings->max_sessions, settings->heap_bytes, settings->leak_bytes_per_connection);
}

void tls_server_set_credentials(mbedtls_x509_crt *chain, mbedtls_pk_context *key)
{
    pthread_mutex_lock(&g_lock);
    g_chain = chain;
    g_key = key;
    pthread_mutex_unlock(&g_lock);
}

void tls_server_get_stats(struct tls_server_stats *st)
{
    heap_get_sessions(&st->active_sessions, &st->max_sessions);
    pthread_mutex_lock(&g_lock);
    st->connections = g_connections;
    pthread_mutex_unlock(&g_lock);
}

/* The session's buffers do not fit the heap: log it the way mbedtls_ssl_setup() does. */
static void log_alloc_failed(struct conn *c, size_t bytes)
{
    char msg[96];

    if (g_settings.debug_threshold < 1)
        return;
    /* With THREADING_C mbedTLS starts every debug message with the ssl context's address. */
    snprintf(msg, sizeof msg, "%p: alloc(%zu bytes) failed\n", (void *)&c->ssl, bytes);
    log_mbedtls_debug(1, SSL_SETUP_ALLOC_FILE, SSL_SETUP_ALLOC_LINE, msg, c->cport);
}

/* Own BIO instead of mbedtls_net_*: keeps getaddrinfo (and its static-link warning) out. */
static int bio_send(void *ctx, const unsigned char *buf, size_t len)
{
    struct conn *c = ctx;
    ssize_t n;

    /* partial_write_bug models a board's small TCP send buffer: a response larger than it fills
     * the buffer and the network layer says "again later" (WANT_WRITE) until acknowledgements make
     * room. A host socket has megabytes of buffer, so the model is deterministic: the buffer counts
     * as drained right after the WANT_WRITE, and whenever the client sends (see bio_recv_timeout). */
    if (g_settings.partial_write_bug && c->unacked > 0 && c->unacked + len > SEND_BUFFER_BYTES) {
        c->unacked = 0;
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    }
    n = send(c->fd, buf, len, MSG_NOSIGNAL);
    if (n >= 0) {
        c->unacked += (size_t)n;
        return (int)n;
    }
    if (errno == EINTR)
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    /* EAGAIN on this blocking socket means SO_SNDTIMEO expired: the peer stopped reading. */
    if (errno == EAGAIN || errno == EWOULDBLOCK)
        return MBEDTLS_ERR_SSL_TIMEOUT;
    if (errno == EPIPE || errno == ECONNRESET)
        return MBEDTLS_ERR_NET_CONN_RESET;
    return MBEDTLS_ERR_NET_SEND_FAILED;
}

static int bio_recv_timeout(void *ctx, unsigned char *buf, size_t len, uint32_t timeout)
{
    struct conn *c = ctx;
    struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
    ssize_t n;
    int r = poll(&pfd, 1, timeout == 0 ? -1 : (int)timeout);

    if (r == 0)
        return MBEDTLS_ERR_SSL_TIMEOUT;
    if (r < 0)
        return errno == EINTR ? MBEDTLS_ERR_SSL_WANT_READ : MBEDTLS_ERR_NET_RECV_FAILED;
    n = recv(c->fd, buf, len, 0);
    if (n > 0)
        c->unacked = 0;
    if (n >= 0)
        return (int)n;
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
        return MBEDTLS_ERR_SSL_WANT_READ;
    if (errno == ECONNRESET || errno == EPIPE)
        return MBEDTLS_ERR_NET_CONN_RESET;
    return MBEDTLS_ERR_NET_RECV_FAILED;
}

static void debug_cb(void *ctx, int level, const char *file, int line, const char *str)
{
    const struct conn *c = ctx;

    log_mbedtls_debug(level, file, line, str, c->cport);
}

int tls_read(struct conn *c, unsigned char *buf, size_t len, unsigned timeout_ms)
{
    int ret;

    mbedtls_ssl_conf_read_timeout(&c->conf, timeout_ms);
    do {
        ret = mbedtls_ssl_read(&c->ssl, buf, len);
    } while (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE);
    if (ret == 0)
        ret = MBEDTLS_ERR_SSL_CONN_EOF;
    if (ret < 0 && ret != MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY && ret != MBEDTLS_ERR_SSL_CONN_EOF &&
        ret != MBEDTLS_ERR_SSL_TIMEOUT && !g_stopping)
        LOG_ERR("mbedtls_ssl_read failed: -0x%04x, port %d", (unsigned)-ret, c->cport);
    return ret;
}

/*
 * partial_write_bug: the write call as a hurried port ships it. mbedtls_ssl_write() may take fewer
 * bytes than asked (at most one record) or return WANT_WRITE when the TCP send buffer is full; the
 * caller must then call again with the rest (after WANT_WRITE: with the same data). This code takes
 * both as "sent": the remainder of a short write is forgotten, and after a WANT_WRITE the next call
 * (with the next chunk) only flushes the pending record and reports the new chunk as written
 * without ever encrypting it. Small responses never fill the send buffer, so they arrive whole;
 * large files arrive shorter than their Content-Length, while the log claims every byte was sent.
 */
static int write_forgetting_partial(struct conn *c, const unsigned char *buf, size_t len,
                                    size_t *written)
{
    int ret = mbedtls_ssl_write(&c->ssl, buf, len);

    if (ret >= 0 || ret == MBEDTLS_ERR_SSL_WANT_WRITE || ret == MBEDTLS_ERR_SSL_WANT_READ) {
        *written += len;
        return 0;
    }
    if (!g_stopping)
        LOG_ERR("mbedtls_ssl_write failed: -0x%04x, port %d", (unsigned)-ret, c->cport);
    return ret;
}

/* The one place that knows mbedtls_ssl_write may take less than asked, or ask to be retried. */
int tls_write_all(struct conn *c, const unsigned char *buf, size_t len, size_t *written)
{
    size_t off = 0;
    int ret = 0;

    if (g_settings.partial_write_bug)
        return write_forgetting_partial(c, buf, len, written);

    while (off < len) {
        ret = mbedtls_ssl_write(&c->ssl, buf + off, len - off);
        if (ret > 0)
            off += (size_t)ret;
        else if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE)
            break;
    }
    *written += off;
    if (off == len)
        return 0;
    if (ret == 0)
        ret = MBEDTLS_ERR_SSL_INTERNAL_ERROR;
    if (!g_stopping)
        LOG_ERR("mbedtls_ssl_write failed: -0x%04x, port %d", (unsigned)-ret, c->cport);
    return ret;
}

static void send_close_notify(struct conn *c)
{
    int ret;

    do {
        ret = mbedtls_ssl_close_notify(&c->ssl);
    } while (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE);
}

static const char *close_reason(int ret, char *buf, size_t buflen)
{
    if (ret == 0)
        return "done";
    if (g_stopping)
        return "reboot";
    if (ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY)
        return "close notify";
    if (ret == MBEDTLS_ERR_SSL_CONN_EOF)
        return "eof";
    if (ret == MBEDTLS_ERR_SSL_TIMEOUT)
        return "timeout";
    snprintf(buf, buflen, "error -0x%04x", (unsigned)-ret);
    return buf;
}

/* Returns 0 once the peer goes away cleanly, else the mbedTLS code that ended the session. */
static int run_session(struct conn *c)
{
    const struct tls_server_config *cfg = c->cfg;
    mbedtls_x509_crt *chain;
    mbedtls_pk_context *key;
    int ret;

    ret = mbedtls_ssl_config_defaults(&c->conf, MBEDTLS_SSL_IS_SERVER, MBEDTLS_SSL_TRANSPORT_STREAM,
                                      MBEDTLS_SSL_PRESET_DEFAULT);
    if (ret != 0) {
        LOG_ERR("mbedtls_ssl_config_defaults failed: -0x%04x, port %d", (unsigned)-ret, c->cport);
        return ret;
    }
    mbedtls_ssl_conf_rng(&c->conf, mbedtls_ctr_drbg_random, cfg->drbg);
    mbedtls_ssl_conf_dbg(&c->conf, debug_cb, c);
    mbedtls_ssl_conf_read_timeout(&c->conf, HANDSHAKE_TIMEOUT_MS);
    pthread_mutex_lock(&g_lock);
    chain = g_chain;
    key = g_key;
    pthread_mutex_unlock(&g_lock);
    /* Before the certificate is loaded (cert_load_delay_ms_max) there is none to configure; mbedTLS
     * then finds no usable ciphersuite and fails the handshake with a handshake_failure alert. */
    ret = chain != NULL ? mbedtls_ssl_conf_own_cert(&c->conf, chain, key) : 0;
    if (ret == 0)
        ret = mbedtls_ssl_setup(&c->ssl, &c->conf);
    if (ret != 0) {
        LOG_ERR("mbedtls_ssl_setup failed: -0x%04x, port %d", (unsigned)-ret, c->cport);
        return ret;
    }
    mbedtls_ssl_set_bio(&c->ssl, c, bio_send, NULL, bio_recv_timeout);

    while ((ret = mbedtls_ssl_handshake(&c->ssl)) != 0) {
        if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE)
            continue;
        if (!g_stopping)
            LOG_ERR("mbedtls_ssl_handshake failed: -0x%04x, port %d", (unsigned)-ret, c->cport);
        return ret;
    }
    LOG_INFO("handshake done: %s %s, port %d", mbedtls_ssl_get_version(&c->ssl),
             mbedtls_ssl_get_ciphersuite(&c->ssl), c->cport);

    ret = httpd_serve(c);
    if (!g_stopping && (ret == 0 || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY ||
                        ret == MBEDTLS_ERR_SSL_CONN_EOF || ret == MBEDTLS_ERR_SSL_TIMEOUT))
        send_close_notify(c);
    return ret;
}

int tls_server_request_slot_free(const struct conn *c)
{
    return g_settings.crash_after_connections == 0 ||
           c->number <= (unsigned long)g_settings.crash_after_connections;
}

/* hang_after_connections: the web server task has deadlocked. The network stack still accepts
 * connections (and the accept is logged), but nothing reads or answers them until a reset. */
static void hang_until_reboot(void)
{
    pthread_mutex_lock(&g_lock);
    while (!g_stopping)
        pthread_cond_wait(&g_stop_cond, &g_lock);
    pthread_mutex_unlock(&g_lock);
}

static void *conn_thread(void *arg)
{
    struct conn *c = arg;
    char buf[32];
    size_t failed_alloc;
    int ret;

    if (g_settings.hang_after_connections > 0 &&
        c->number > (unsigned long)g_settings.hang_after_connections) {
        hang_until_reboot();
        LOG_INFO("connection closed (reboot), port %d", c->cport);
    } else if ((failed_alloc = heap_take_session()) == 0) {
        mbedtls_ssl_config_init(&c->conf);
        mbedtls_ssl_init(&c->ssl);
        ret = run_session(c);
        /* Free before reporting, so a "status" right after the closed line counts it gone. */
        mbedtls_ssl_free(&c->ssl);
        mbedtls_ssl_config_free(&c->conf);
        heap_release_session();
        LOG_INFO("connection closed (%s), port %d", close_reason(ret, buf, sizeof buf), c->cport);
        if (heap_is_modelled())
            LOG_INFO("free heap: %ld bytes, port %d", heap_free_bytes(), c->cport);
    } else {
        ret = MBEDTLS_ERR_SSL_ALLOC_FAILED;
        log_alloc_failed(c, failed_alloc);
        LOG_ERR("mbedtls_ssl_setup failed: -0x%04x, port %d", (unsigned)-ret, c->cport);
        LOG_INFO("connection closed (%s), port %d", close_reason(ret, buf, sizeof buf), c->cport);
    }

    /* Close under the lock: tls_server_stop() shuts sockets down by fd and must not hit a
     * number the kernel has already handed to someone else. */
    pthread_mutex_lock(&g_lock);
    close(c->fd);
    c->fd = -1;
    c->finished = 1;
    pthread_mutex_unlock(&g_lock);
    return NULL;
}

/* Join threads that have ended, so a long-running boot does not pile up dead threads. */
static void reap_finished(int all)
{
    for (;;) {
        struct conn **pp, *victim = NULL;

        pthread_mutex_lock(&g_lock);
        for (pp = &g_conns; *pp != NULL; pp = &(*pp)->next) {
            if (all || (*pp)->finished) {
                victim = *pp;
                *pp = victim->next;
                break;
            }
        }
        pthread_mutex_unlock(&g_lock);
        if (victim == NULL)
            return;
        pthread_join(victim->thread, NULL);
        free(victim);
    }
}

static void *accept_thread(void *arg)
{
    while (!g_stopping) {
        struct sockaddr_in peer;
        socklen_t plen = sizeof peer;
        struct timeval tv = { .tv_sec = SEND_TIMEOUT_S };
        struct conn *c;
        int fd = accept4(g_listen_fd, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);

        if (fd < 0) {
            if (g_stopping)
                break;
            if (errno != EINTR && errno != ECONNABORTED)
                usleep(100 * 1000); /* EMFILE and friends: back off instead of spinning */
            continue;
        }
        reap_finished(0);
        c = calloc(1, sizeof *c);
        if (c == NULL) {
            close(fd);
            continue;
        }
        c->fd = fd;
        c->cfg = arg;
        c->cport = ntohs(peer.sin_port);
        inet_ntop(AF_INET, &peer.sin_addr, c->ip, sizeof c->ip);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);

        pthread_mutex_lock(&g_lock);
        c->number = ++g_connections;
        pthread_mutex_unlock(&g_lock);
        LOG_INFO("accepted connection from %s, port %d", c->ip, c->cport);

        pthread_mutex_lock(&g_lock);
        if (pthread_create(&c->thread, NULL, conn_thread, c) != 0) {
            pthread_mutex_unlock(&g_lock);
            LOG_ERR("cannot start connection thread, port %d", c->cport);
            close(fd);
            free(c);
            continue;
        }
        c->next = g_conns;
        g_conns = c;
        pthread_mutex_unlock(&g_lock);
    }
    return NULL;
}

int tls_server_start(const struct tls_server_config *cfg)
{
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port) };
    int one = 1;
    int fd;

    g_stopping = 0;
    if (inet_pton(AF_INET, cfg->bind_addr, &sa.sin_addr) != 1) {
        LOG_ERR("bad bind address %s", cfg->bind_addr);
        return -1;
    }
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        LOG_ERR("socket failed: %s", strerror(errno));
        return -1;
    }
    /* A soft reset rebinds at once; old connections may still be in TIME_WAIT. */
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, LISTEN_BACKLOG) != 0) {
        LOG_ERR("cannot listen on %s:%d: %s", cfg->bind_addr, cfg->port, strerror(errno));
        close(fd);
        return -1;
    }
    g_listen_fd = fd;
    httpd_announce_ready(cfg->bind_addr, cfg->port);
    if (pthread_create(&g_accept_thread, NULL, accept_thread, (void *)cfg) != 0) {
        LOG_ERR("cannot start accept thread");
        close(fd);
        g_listen_fd = -1;
        return -1;
    }
    g_accepting = 1;
    return 0;
}

void tls_server_stop(void)
{
    struct conn *c;

    pthread_mutex_lock(&g_lock);
    g_stopping = 1;
    pthread_cond_broadcast(&g_stop_cond);
    pthread_mutex_unlock(&g_lock);
    if (g_accepting) {
        /* shutdown() wakes a thread blocked in accept(); close() alone would not. */
        shutdown(g_listen_fd, SHUT_RDWR);
        pthread_join(g_accept_thread, NULL);
        g_accepting = 0;
    }
    if (g_listen_fd >= 0) {
        close(g_listen_fd);
        g_listen_fd = -1;
    }
    pthread_mutex_lock(&g_lock);
    for (c = g_conns; c != NULL; c = c->next)
        if (c->fd >= 0)
            shutdown(c->fd, SHUT_RDWR);
    pthread_mutex_unlock(&g_lock);
    reap_finished(1);
}
