/* The lwIP board application's settings (memory, TCP, httpd over altcp_tls, statistics, debug switches),
 * shared by every board that runs it: each board's lwipopts.h sets its system part (threads or NO_SYS),
 * then includes this. The image's `build:` map (lwip_board_config.h) has been included first. */
#ifndef LWIP_BOARD_LWIPOPTS_APP_H
#define LWIP_BOARD_LWIPOPTS_APP_H

/* ---- memory: lwIP's own heap (MEM_SIZE) holds TX data and every mbedTLS allocation ---- */
#ifndef MEM_SIZE
#define MEM_SIZE                    400000
#endif
#define MEM_LIBC_MALLOC             0
#define MEMP_MEM_MALLOC             0
#define MEM_ALIGNMENT               8
#ifndef MEMP_NUM_TCP_PCB
#define MEMP_NUM_TCP_PCB            16
#endif
#ifndef MEMP_NUM_TCP_PCB_LISTEN
#define MEMP_NUM_TCP_PCB_LISTEN     2
#endif
#ifndef MEMP_NUM_ALTCP_PCB
#define MEMP_NUM_ALTCP_PCB          MEMP_NUM_TCP_PCB
#endif
#ifndef MEMP_NUM_TCP_SEG
#define MEMP_NUM_TCP_SEG            256
#endif
#ifndef MEMP_NUM_PBUF
#define MEMP_NUM_PBUF               64
#endif
#ifndef PBUF_POOL_SIZE
#define PBUF_POOL_SIZE              64
#endif
#ifndef MEMP_NUM_SYS_TIMEOUT
#define MEMP_NUM_SYS_TIMEOUT        (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 4)
#endif

/* ---- TCP ---- */
#ifndef TCP_MSS
#define TCP_MSS                     1460
#endif
#ifndef TCP_WND
#define TCP_WND                     (16 * 1024)
#endif
#ifndef TCP_SND_BUF
#define TCP_SND_BUF                 (16 * 1024)
#endif
#ifndef TCP_SND_QUEUELEN
#define TCP_SND_QUEUELEN            (4 * TCP_SND_BUF / TCP_MSS)
#endif
#define LWIP_TCP_KEEPALIVE          0

/* ---- applications: httpd over altcp_tls (mbedTLS) ---- */
#define LWIP_ALTCP                  1
#define LWIP_ALTCP_TLS              1
#define LWIP_ALTCP_TLS_MBEDTLS      1
#define HTTPD_ENABLE_HTTPS          1
/* Files come from the image's content folder (src/content.c), not from a compiled-in fsdata. */
#define LWIP_HTTPD_CUSTOM_FILES     1
#define HTTPD_FSDATA_FILE           "board_fsdata.h"
/* makefsdata predefines these two: keep them overridable. */
#ifndef LWIP_HTTPD_DYNAMIC_HEADERS
#define LWIP_HTTPD_DYNAMIC_HEADERS  1
#endif
#ifndef LWIP_HTTPD_SSI
#define LWIP_HTTPD_SSI              0
#endif
#ifndef ALTCP_MBEDTLS_USE_SESSION_CACHE
#define ALTCP_MBEDTLS_USE_SESSION_CACHE 0
#endif

/* ---- statistics for the console's `status` ---- */
#define LWIP_STATS                  1
#define LWIP_STATS_DISPLAY          0
#define MEM_STATS                   1
#define MEMP_STATS                  1
#define SYS_STATS                   0
#define LINK_STATS                  0
#define ETHARP_STATS                0
#define IP_STATS                    0
#define IPFRAG_STATS                0
#define ICMP_STATS                  0
#define UDP_STATS                   0
#define TCP_STATS                   0

/* ---- debug output: lwIP's own switches, all off unless the image turns them on ---- */
#define LWIP_DEBUG                  1
#define LWIP_DBG_MIN_LEVEL          LWIP_DBG_LEVEL_ALL
#define LWIP_DBG_TYPES_ON           LWIP_DBG_ON
#ifndef TCP_DEBUG
#define TCP_DEBUG                   LWIP_DBG_OFF
#endif
#ifndef ALTCP_MBEDTLS_DEBUG
#define ALTCP_MBEDTLS_DEBUG         LWIP_DBG_OFF
#endif
/* The mbedTLS debug callback is installed; the image's debug_threshold decides what it prints. */
#ifndef ALTCP_MBEDTLS_LIB_DEBUG
#define ALTCP_MBEDTLS_LIB_DEBUG     LWIP_DBG_ON
#endif
#ifndef HTTPD_DEBUG
#define HTTPD_DEBUG                 LWIP_DBG_OFF
#endif
#ifndef MEM_DEBUG
#define MEM_DEBUG                   LWIP_DBG_OFF
#endif
#ifndef MEMP_DEBUG
#define MEMP_DEBUG                  LWIP_DBG_OFF
#endif

/* The board's printf: one console line per '\n', each with the time since boot (src/console.c).
 * An assertion prints lwIP's usual text and halts once the console has been read (a board's handler
 * flushes its UART before it halts). */
void lwip_board_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void lwip_board_assert(const char *msg, int line, const char *file) __attribute__((noreturn));
#define LWIP_PLATFORM_DIAG(x)       do { lwip_board_diag x; } while (0)
#define LWIP_PLATFORM_ASSERT(x)     lwip_board_assert((x), __LINE__, __FILE__)

#endif
