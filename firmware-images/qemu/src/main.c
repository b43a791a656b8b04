/* qemu-board: lwIP 2.2.1's httpd over altcp_tls (Mbed TLS 2.28) on QEMU's mps2-an385 (Cortex-M3),
 * bare metal: one main loop polls the Ethernet controller and the UART and runs lwIP's timers
 * (NO_SYS). See ../README.md. */
#include "boot_record.h"
#include "clock.h"
#include "console.h"
#include "image.h"
#include "lan9118.h"
#include "mps2.h"
#include "status.h"
#include "uart.h"

#include "lwip/altcp_tls.h"
#include "lwip/apps/httpd.h"
#include "lwip/etharp.h"
#include "lwip/init.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "lwip/timeouts.h"
#include "netif/ethernet.h"

#include "mbedtls/debug.h"
#include "mbedtls/version.h"

#include <stdio.h>
#include <string.h>

#ifndef QEMU_BOARD_VERSION
#define QEMU_BOARD_VERSION "dev"
#endif
/* QEMU's user-mode network: the guest's address, its gateway (the host) on 10.0.2.0/24. */
#define BOARD_IP "10.0.2.15"
#define BOARD_GW "10.0.2.2"
#define BOARD_MASK "255.255.255.0"

static unsigned long g_boot_number;
static struct netif g_netif;
static int g_network_up;

static void on_command(const char *cmd)
{
    if (strcmp(cmd, "reboot") == 0) {
        boot_record_software_reset();
    } else if (strcmp(cmd, "status") == 0) {
        char stats[900];
        status_format(stats, sizeof stats);
        console_line("status: boot %lu, uptime %lu ms, %s", g_boot_number, (unsigned long)clock_ms(), stats);
    } else if (strcmp(cmd, "help") == 0) {
        console_line("commands: status, reboot, help");
    } else {
        console_line("unknown command: %s", cmd);
    }
}

/* Writes through a NULL pointer fault instead of silently overwriting the vector table (QEMU's flash
 * is RAM): the MPU makes 0x0-0xff read-only; the rest of the memory map stays as it is (PRIVDEFENA). */
static void mpu_guard_vectors(void)
{
    MPU_RNR = 0;
    MPU_RBAR = 0x00000000u;
    MPU_RASR = (6u << 24)      /* AP: read-only */
               | (7u << 1)     /* SIZE: 2^(7+1) = 256 bytes */
               | 1u;           /* ENABLE */
    MPU_CTRL = (1u << 2) | 1u; /* PRIVDEFENA, ENABLE */
    __asm volatile("dsb\n isb" ::: "memory");
}

/* Brings up lwIP on the LAN9118 and starts httpd over TLS with the image's chain and key. Returns 0,
 * or -1 with the reason in err (the board then stays up with its console only). */
static int start_network(char *err, size_t errlen)
{
    ip4_addr_t ip, mask, gw;
    struct altcp_tls_config *tls;

    ip4addr_aton(BOARD_IP, &ip);
    ip4addr_aton(BOARD_MASK, &mask);
    ip4addr_aton(BOARD_GW, &gw);
    if (netif_add(&g_netif, &ip, &mask, &gw, NULL, lan9118_netif_init, ethernet_input) == NULL) {
        snprintf(err, errlen, "LAN9118 Ethernet controller not found");
        return -1;
    }
    netif_set_default(&g_netif);
    netif_set_up(&g_netif);
    tls = altcp_tls_create_config_server_privkey_cert(image_key_pem, image_key_pem_len, NULL, 0,
                                                      image_chain_pem, image_chain_pem_len);
    if (tls == NULL) {
        snprintf(err, errlen, "TLS server configuration failed (certificate chain or key)");
        return -1;
    }
    mbedtls_debug_set_threshold(image_debug_threshold);
    httpd_inits(tls);
    return 0;
}

int main(void)
{
    char err[200];
    const char *cause;

    uart_init();
    clock_init();
    mpu_guard_vectors();
    cause = boot_record_start(&g_boot_number);
    console_line("boot %lu, reset cause: %s, image %s, firmware qemu-board %s (lwIP %s, Mbed TLS %s)",
                 g_boot_number, cause, image_name, QEMU_BOARD_VERSION, LWIP_VERSION_STRING,
                 MBEDTLS_VERSION_STRING);
    lwip_init();
    if (start_network(err, sizeof err) != 0)
        console_line("image error: %s", err);
    else
        g_network_up = 1;
    if (g_network_up)
        console_line("httpd ready on %s:%d, %lu ms after reset", BOARD_IP, HTTPD_SERVER_PORT_HTTPS,
                     (unsigned long)clock_ms());

    for (;;) {
        int busy = g_network_up ? lan9118_poll(&g_netif) : 0;

        busy += console_poll(on_command);
        sys_check_timeouts();
        if (!busy)
            __asm volatile("wfi"); /* until the next SysTick: at most 1 ms of latency, no host CPU burnt */
    }
}
