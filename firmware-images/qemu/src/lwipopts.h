/* The QEMU board's lwIP settings: bare metal, one main loop (NO_SYS), then the lwIP board's
 * application settings (../../lwip/lwipopts_app.h). The image's `build:` map comes first. */
#ifndef QEMU_BOARD_LWIPOPTS_H
#define QEMU_BOARD_LWIPOPTS_H

#include "lwip_board_config.h"

/* ---- system: no OS, the main loop polls the Ethernet controller and runs lwIP's timers ---- */
#define NO_SYS                      1
#define SYS_LIGHTWEIGHT_PROT        0
#define LWIP_SOCKET                 0
#define LWIP_NETCONN                0
#define LWIP_IPV4                   1
#define LWIP_IPV6                   0
#define LWIP_ARP                    1
#define LWIP_ETHERNET               1
#define LWIP_ICMP                   1
#define LWIP_RAW                    0
#define LWIP_UDP                    1
#define LWIP_DHCP                   0
#define LWIP_NETIF_LOOPBACK         0

#include "lwipopts_app.h"

#endif
