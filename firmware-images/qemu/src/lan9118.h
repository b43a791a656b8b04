/* A polled driver for the SMSC LAN9118 Ethernet controller (QEMU's model on mps2-an385) as an lwIP
 * netif: no interrupts, the main loop calls lan9118_poll. */
#ifndef QEMU_BOARD_LAN9118_H
#define QEMU_BOARD_LAN9118_H

#include "lwip/err.h"
#include "lwip/netif.h"

/* netif_add's init function: resets the controller, takes its MAC address, enables TX and RX. */
err_t lan9118_netif_init(struct netif *netif);

/* Passes the frames that have arrived (a few at most) to lwIP. Returns how many. */
int lan9118_poll(struct netif *netif);

#endif
