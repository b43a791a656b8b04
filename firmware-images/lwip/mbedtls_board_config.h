/* The board's Mbed TLS settings, on top of Mbed TLS 2.28's default config.h (MBEDTLS_USER_CONFIG_FILE).
 * Settings from the image's `build:` map come first (build.sh extracts its MBEDTLS_* lines). */
#ifndef LWIP_BOARD_MBEDTLS_CONFIG_H
#define LWIP_BOARD_MBEDTLS_CONFIG_H

#include "lwip_board_mbedtls.h"

/* Every allocation through mbedtls_calloc/free, which altcp_tls points at lwIP's heap: MEM_SIZE
 * bounds TLS as on a board. */
#define MBEDTLS_PLATFORM_MEMORY

/* lwIP's unix port runs on pthreads; with THREADING_C mbedTLS prefixes each debug line with its ssl
 * context ("0x...: "), one identity a log reader can key sessions by. BOARD_MBEDTLS_THREADING 0 turns
 * it off, as on a board whose TLS runs on the tcpip thread alone. (lwIP 2.2.1's altcp_tls never calls
 * mbedtls_ssl_cache_init(), so with THREADING_C its session cache's mutex is invalid and the cache
 * stores nothing: "cache did not store session".) */
#ifndef BOARD_MBEDTLS_THREADING
#define BOARD_MBEDTLS_THREADING 1
#endif
#if BOARD_MBEDTLS_THREADING
#define MBEDTLS_THREADING_C
#define MBEDTLS_THREADING_PTHREAD
#endif

/* A board serves TLS 1.2 only (altcp_tls_mbedtls supports nothing newer); no DTLS. */
#undef MBEDTLS_SSL_PROTO_TLS1
#undef MBEDTLS_SSL_PROTO_TLS1_1
#undef MBEDTLS_SSL_CBC_RECORD_SPLITTING
#undef MBEDTLS_SSL_PROTO_DTLS
#undef MBEDTLS_SSL_DTLS_ANTI_REPLAY
#undef MBEDTLS_SSL_DTLS_HELLO_VERIFY
#undef MBEDTLS_SSL_DTLS_CLIENT_PORT_REUSE
#undef MBEDTLS_SSL_DTLS_BADMAC_LIMIT
#undef MBEDTLS_SSL_DTLS_CONNECTION_ID
#undef MBEDTLS_SSL_DTLS_SRTP
#undef MBEDTLS_SSL_COOKIE_C

#endif
