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
    /* Shared by all sessions; the DRBG locks itself (MBEDTLS_THREADING_C). */
    mbedtls_ctr_drbg_context *drbg;
};

/* Per-boot behaviour from the manifest, field faults included (0: off). See README.md. */
struct tls_server_settings {
    int max_sessions;
    int debug_threshold;
    long heap_bytes;
    long leak_bytes_per_connection;
    int partial_write_bug;
    int hang_after_connections;
    int crash_after_connections;
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
    unsigned long number; /* connections accepted this boot, this one included */
    size_t unacked;       /* partial_write_bug: bytes in the modelled TCP send buffer */
    int finished;
    struct conn *next;
};

struct tls_server_stats {
    int active_sessions;
    int max_sessions;
    unsigned long connections;
};

/* Per boot: forget the previous boot's counters, credentials and heap; take the new settings. */
void tls_server_reset(const struct tls_server_settings *settings);

/* Bind, listen, announce readiness and accept in a thread. 0 on success (ERROR logged if not).
 * Sessions that start before tls_server_set_credentials() have no certificate to offer. */
int tls_server_start(const struct tls_server_config *cfg);

/* The server certificate chain and key for sessions starting from now on; both stay owned by the
 * caller and must live until tls_server_stop() returns. */
void tls_server_set_credentials(mbedtls_x509_crt *chain, mbedtls_pk_context *key);

/* Soft reset: close the listener, cut every client, join every thread. */
void tls_server_stop(void);

void tls_server_get_stats(struct tls_server_stats *st);

/* crash_after_connections: whether connection c's request still finds a free slot in the request
 * table (the bug: slots are never given back, so connection N+1 finds none). */
int tls_server_request_slot_free(const struct conn *c);

/* Read application data: >0 bytes, or a negative mbedTLS code (EOF is MBEDTLS_ERR_SSL_CONN_EOF).
 * timeout_ms bounds the wait for the next bytes. */
int tls_read(struct conn *c, unsigned char *buf, size_t len, unsigned timeout_ms);

/* Write all of buf; *written grows by what was actually sent. 0 or a negative mbedTLS code. */
int tls_write_all(struct conn *c, const unsigned char *buf, size_t len, size_t *written);

#endif
