/* Written from the LAN9118 data sheet's register map as QEMU models it (hw/net/lan9118.c): 32-bit
 * register access, one TX buffer per frame, RX status and data FIFOs read word by word. */
#include "lan9118.h"

#include "mps2.h"

#include "lwip/etharp.h"
#include "lwip/pbuf.h"
#include "lwip/stats.h"

#include <string.h>

#define LAN_REG(off)        REG32(LAN9118_BASE + (off))
#define LAN_RX_DATA         LAN_REG(0x00)
#define LAN_TX_DATA         LAN_REG(0x20)
#define LAN_RX_STATUS       LAN_REG(0x40)
#define LAN_INT_STS         LAN_REG(0x58)
#define LAN_INT_EN          LAN_REG(0x5c)
#define LAN_BYTE_TEST       LAN_REG(0x64)
#define LAN_RX_CFG          LAN_REG(0x6c)
#define LAN_TX_CFG          LAN_REG(0x70)
#define LAN_HW_CFG          LAN_REG(0x74)
#define LAN_RX_FIFO_INF     LAN_REG(0x7c)
#define LAN_TX_FIFO_INF     LAN_REG(0x80)
#define LAN_PMT_CTRL        LAN_REG(0x84)
#define LAN_MAC_CSR_CMD     LAN_REG(0xa4)
#define LAN_MAC_CSR_DATA    LAN_REG(0xa8)

#define BYTE_TEST_VALUE     0x87654321u
#define HW_CFG_SRST         (1u << 0)
#define PMT_CTRL_READY      (1u << 0)
#define TX_CFG_TX_ON        (1u << 1)
#define TX_CFG_TXSAO        (1u << 2)   /* TX status may overflow: we never read it */
#define MAC_CSR_BUSY        (1u << 31)
#define MAC_CSR_READ        (1u << 30)
#define MAC_CR              1
#define MAC_ADDRH           2
#define MAC_ADDRL           3
#define MAC_CR_FDPX         (1u << 20)
#define MAC_CR_TXEN         (1u << 3)
#define MAC_CR_RXEN         (1u << 2)
#define TX_CMD_A_FIRST      (1u << 13)
#define TX_CMD_A_LAST       (1u << 12)
#define RX_STS_LENGTH(s)    (((s) >> 16) & 0x3fff)   /* frame length including the 4-byte FCS */
#define RX_STS_ERROR        (1u << 15)
#define RX_FIFO_FRAMES(inf) (((inf) >> 16) & 0xff)
#define TX_FIFO_FREE(inf)   ((inf) & 0xffff)
#define FCS_LEN             4
#define FRAME_MAX           1518
#define POLL_FRAMES_MAX     8        /* then let the console and lwIP's timers run */
#define WAIT_SPINS          100000

static uint32_t g_frame[(FRAME_MAX + FCS_LEN + 3) / 4];

static int wait_clear(volatile uint32_t *reg, uint32_t bits)
{
    for (int i = 0; i < WAIT_SPINS; i++)
        if ((*reg & bits) == 0)
            return 0;
    return -1;
}

static uint32_t mac_read(uint32_t index)
{
    LAN_MAC_CSR_CMD = MAC_CSR_BUSY | MAC_CSR_READ | index;
    wait_clear(&LAN_MAC_CSR_CMD, MAC_CSR_BUSY);
    return LAN_MAC_CSR_DATA;
}

static void mac_write(uint32_t index, uint32_t value)
{
    LAN_MAC_CSR_DATA = value;
    LAN_MAC_CSR_CMD = MAC_CSR_BUSY | index;
    wait_clear(&LAN_MAC_CSR_CMD, MAC_CSR_BUSY);
}

/* One frame from the pbuf chain: command A and B, then the data in whole words. */
static err_t lan9118_output(struct netif *netif, struct pbuf *p)
{
    uint32_t len = p->tot_len;
    uint32_t words = (len + 3) / 4;

    (void)netif;
    if (len > FRAME_MAX) {
        LINK_STATS_INC(link.lenerr);
        return ERR_BUF;
    }
    for (int i = 0; TX_FIFO_FREE(LAN_TX_FIFO_INF) < words * 4 + 8; i++)
        if (i == WAIT_SPINS) {
            LINK_STATS_INC(link.memerr);
            return ERR_MEM;
        }
    pbuf_copy_partial(p, g_frame, (u16_t)len, 0);
    LAN_TX_DATA = TX_CMD_A_FIRST | TX_CMD_A_LAST | len;
    LAN_TX_DATA = (len << 16) | len; /* packet tag (unused), length */
    for (uint32_t i = 0; i < words; i++)
        LAN_TX_DATA = g_frame[i];
    LINK_STATS_INC(link.xmit);
    return ERR_OK;
}

err_t lan9118_netif_init(struct netif *netif)
{
    uint32_t lo, hi;

    if (LAN_BYTE_TEST != BYTE_TEST_VALUE)
        return ERR_IF;
    LAN_HW_CFG = HW_CFG_SRST;
    if (wait_clear(&LAN_HW_CFG, HW_CFG_SRST) != 0)
        return ERR_IF;
    for (int i = 0; (LAN_PMT_CTRL & PMT_CTRL_READY) == 0; i++)
        if (i == WAIT_SPINS)
            return ERR_IF;
    LAN_INT_EN = 0;
    LAN_INT_STS = 0xffffffffu;
    LAN_RX_CFG = 0; /* no offset or end padding around frame data */
    LAN_TX_CFG = TX_CFG_TX_ON | TX_CFG_TXSAO;
    /* Our address and broadcast only (reset leaves the MAC promiscuous). */
    mac_write(MAC_CR, MAC_CR_FDPX | MAC_CR_TXEN | MAC_CR_RXEN);

    lo = mac_read(MAC_ADDRL);
    hi = mac_read(MAC_ADDRH);
    netif->hwaddr_len = ETH_HWADDR_LEN;
    netif->hwaddr[0] = (u8_t)lo;
    netif->hwaddr[1] = (u8_t)(lo >> 8);
    netif->hwaddr[2] = (u8_t)(lo >> 16);
    netif->hwaddr[3] = (u8_t)(lo >> 24);
    netif->hwaddr[4] = (u8_t)hi;
    netif->hwaddr[5] = (u8_t)(hi >> 8);
    netif->name[0] = 'e';
    netif->name[1] = 'n';
    netif->mtu = 1500;
    netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET | NETIF_FLAG_LINK_UP;
    netif->output = etharp_output;
    netif->linkoutput = lan9118_output;
    return ERR_OK;
}

int lan9118_poll(struct netif *netif)
{
    int frames = 0;

    while (frames < POLL_FRAMES_MAX && RX_FIFO_FRAMES(LAN_RX_FIFO_INF) > 0) {
        uint32_t status = LAN_RX_STATUS;
        uint32_t len = RX_STS_LENGTH(status);
        uint32_t words = (len + 3) / 4;
        struct pbuf *p = NULL;

        frames++;
        if (words > sizeof g_frame / 4) { /* cannot happen with QEMU's model: drop it word by word */
            while (words-- > 0)
                (void)LAN_RX_DATA;
            LINK_STATS_INC(link.lenerr);
            continue;
        }
        for (uint32_t i = 0; i < words; i++)
            g_frame[i] = LAN_RX_DATA;
        if ((status & RX_STS_ERROR) == 0 && len > FCS_LEN)
            p = pbuf_alloc(PBUF_RAW, (u16_t)(len - FCS_LEN), PBUF_POOL);
        if (p == NULL) {
            LINK_STATS_INC(link.drop);
            continue;
        }
        pbuf_take(p, g_frame, (u16_t)(len - FCS_LEN));
        LINK_STATS_INC(link.recv);
        if (netif->input(p, netif) != ERR_OK)
            pbuf_free(p);
    }
    return frames;
}
