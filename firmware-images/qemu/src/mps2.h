/* The parts of QEMU's mps2-an385 (Cortex-M3) this firmware touches: register addresses and bits. */
#ifndef QEMU_BOARD_MPS2_H
#define QEMU_BOARD_MPS2_H

#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(addr))

/* System clock of the AN385 FPGA image: SysTick counts it (CLKSOURCE = processor clock). */
#define MPS2_SYSCLK_HZ 25000000u

/* CMSDK APB UART0 */
#define UART0_BASE      0x40004000u
#define UART_DATA       REG32(UART0_BASE + 0x00)
#define UART_STATE      REG32(UART0_BASE + 0x04)
#define UART_CTRL       REG32(UART0_BASE + 0x08)
#define UART_BAUDDIV    REG32(UART0_BASE + 0x10)
#define UART_STATE_TXFULL (1u << 0)
#define UART_STATE_RXFULL (1u << 1)
#define UART_CTRL_TXEN  (1u << 0)
#define UART_CTRL_RXEN  (1u << 1)

/* System control block, SysTick, MPU */
#define SCB_ICSR        REG32(0xE000ED04)
#define SCB_AIRCR       REG32(0xE000ED0C)
#define SCB_CCR         REG32(0xE000ED14)
#define SCB_SHCSR       REG32(0xE000ED24)
#define SCB_CFSR        REG32(0xE000ED28)
#define SCB_HFSR        REG32(0xE000ED2C)
#define SCB_DFSR        REG32(0xE000ED30)
#define SCB_MMFAR       REG32(0xE000ED34)
#define SCB_BFAR        REG32(0xE000ED38)
#define SCB_AFSR        REG32(0xE000ED3C)
#define SCB_AIRCR_VECTKEY (0x05FAu << 16)
#define SCB_AIRCR_SYSRESETREQ (1u << 2)

#define SYST_CSR        REG32(0xE000E010)
#define SYST_RVR        REG32(0xE000E014)
#define SYST_CVR        REG32(0xE000E018)
#define SYST_CSR_ENABLE (1u << 0)
#define SYST_CSR_TICKINT (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2)

#define MPU_CTRL        REG32(0xE000ED94)
#define MPU_RNR         REG32(0xE000ED98)
#define MPU_RBAR        REG32(0xE000ED9C)
#define MPU_RASR        REG32(0xE000EDA0)

/* SMSC LAN9118 Ethernet controller */
#define LAN9118_BASE    0x40200000u

#endif
