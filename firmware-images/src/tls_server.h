/* TCP listener and per-connection TLS sessions (one thread per connection). */
#ifndef REFBOARD_TLS_SERVER_H
#define REFBOARD_TLS_SERVER_H

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include <netinet/in.h>
#include <pthread.h>
#include <stddef.h>

struct tls_server_config {
    const char *bind_addr;
    int port;
    const char *content_dir;
    /* Shared read-only by all sessions; the DRBG locks itself (MBEDTLS_THREADING_C). */
    mbedtls_x509_crt *chain;
    mbedtls_pk_context *key;
    mbedtls_ctr_drbg_context *drbg;
};

struct conn {
    int fd;
    int cport;
    char ip[INET6_ADDRSTRLEN];
    const struct tls_server_config *cfg;
    /* Per-connection config so the debug callback's context identifies the connection. */
    mbedtls_ssl_config conf;
    mbedtls_ssl_context ssl;
    pthread_t thread;
    int finished;
    struct conn *next;
};

struct tls_server_stats {
    int active_sessions;
    int max_sessions;
    unsigned long connections;
};

/* Per boot: forget the previous boot's counters and set the session budget ("heap"). */
void tls_server_reset(int max_sessions);

/* Bind, listen, announce readiness and accept in a thread. 0 on success (ERROR logged if not). */
int tls_server_start(const struct tls_server_config *cfg);

/* Soft reset: close the listener, cut every client, join every thread. */
void tls_server_stop(void);

void tls_server_get_stats(struct tls_server_stats *st);

/* Read application data: >0 bytes, or a negative mbedTLS code (EOF is MBEDTLS_ERR_SSL_CONN_EOF).
 * timeout_ms bounds the wait for the next bytes. */
int tls_read(struct conn *c, unsigned char *buf, size_t len, unsigned timeout_ms);

/* Write all of buf; *written grows by what was actually sent. 0 or a negative mbedTLS code. */
int tls_write_all(struct conn *c, const unsigned char *buf, size_t len, size_t *written);

#endif
