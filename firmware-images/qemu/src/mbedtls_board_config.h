/* The QEMU board's Mbed TLS settings: the lwIP board's (../../lwip/mbedtls_board_config.h: TLS 1.2
 * only, every allocation from lwIP's heap through MBEDTLS_PLATFORM_MEMORY) for one thread on bare
 * metal, trimmed as a small board's. Settings from the image's `build:` map come first. */
#ifndef QEMU_BOARD_MBEDTLS_CONFIG_H
#define QEMU_BOARD_MBEDTLS_CONFIG_H

#include "lwip_board_mbedtls.h"

/* TLS runs in the main loop alone: no mutexes (debug lines carry no "0x...: " context prefix). */
#undef BOARD_MBEDTLS_THREADING
#define BOARD_MBEDTLS_THREADING 0
#include "../../lwip/mbedtls_board_config.h"

/* No operating system: no files, sockets, calendar or OS entropy. time() counts seconds since boot
 * (syscalls.c; altcp_tls needs MBEDTLS_HAVE_TIME); without a date, certificates are not checked for
 * expiry (the server only presents its own chain). */
#undef MBEDTLS_FS_IO
#undef MBEDTLS_NET_C
#undef MBEDTLS_TIMING_C
#undef MBEDTLS_HAVE_TIME_DATE
#undef MBEDTLS_PSA_ITS_FILE_C
#undef MBEDTLS_PSA_CRYPTO_STORAGE_C
/* The only entropy source is entropy.c's mbedtls_hardware_poll: a TEST-ONLY one. */
#define MBEDTLS_NO_PLATFORM_ENTROPY
#define MBEDTLS_ENTROPY_HARDWARE_ALT

/* Small board: AES tables in flash rather than RAM, no self tests or feature strings, and none of
 * the client-only or legacy parts a TLS 1.2 server with an EC or RSA key does not use. */
#define MBEDTLS_AES_ROM_TABLES
#undef MBEDTLS_SELF_TEST
#undef MBEDTLS_VERSION_FEATURES
#undef MBEDTLS_SSL_CLI_C
#undef MBEDTLS_PSA_CRYPTO_C
#undef MBEDTLS_USE_PSA_CRYPTO
#undef MBEDTLS_LMS_C
#undef MBEDTLS_ARC4_C
#undef MBEDTLS_BLOWFISH_C
#undef MBEDTLS_CAMELLIA_C
#undef MBEDTLS_ARIA_C
#undef MBEDTLS_DES_C
#undef MBEDTLS_XTEA_C
#undef MBEDTLS_RIPEMD160_C
#undef MBEDTLS_MD4_C
#undef MBEDTLS_MD2_C
#undef MBEDTLS_PKCS12_C
#undef MBEDTLS_PKCS5_C
#undef MBEDTLS_X509_CRL_PARSE_C
#undef MBEDTLS_X509_CSR_PARSE_C
#undef MBEDTLS_X509_CREATE_C
#undef MBEDTLS_X509_CRT_WRITE_C
#undef MBEDTLS_X509_CSR_WRITE_C

#endif
