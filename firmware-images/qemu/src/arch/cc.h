/* lwIP's port header for this board: newlib provides the C types; only a random source is ours. */
#ifndef QEMU_BOARD_ARCH_CC_H
#define QEMU_BOARD_ARCH_CC_H

#include <stdlib.h>

/* Initial local ports and ISNs: needs no secrecy on a test board. */
#define LWIP_RAND() ((u32_t)rand())

#endif
