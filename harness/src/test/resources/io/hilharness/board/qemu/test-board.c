/*
 * A few-line stand-in for the QEMU board firmware (mps2-an385), for the board's own tests: prints the
 * banner the real image prints (boot count, reset cause, image name) on CMSDK UART0 and obeys
 * "reboot" (SYSRESETREQ) and "crash" (a fault whose HardFault handler faults again: a lockup).
 * Built by the tests with: arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -nostdlib -T test-board.ld -DIMAGE_NAME=...
 */
#include <stdint.h>

#define REG(a) (*(volatile uint32_t *)(a))
#define UART_DATA REG(0x40004000)
#define UART_STATE REG(0x40004004)
#define UART_CTRL REG(0x40004008)
#define UART_BAUDDIV REG(0x40004010)
#define SCB_AIRCR REG(0xE000ED0C)
#define MAGIC 0x51E0B007u

/* Kept over resets (NOLOAD): how many boots, and whether the last one asked for its own reset. */
static struct { uint32_t magic, boots, software; } keep __attribute__((section(".noinit")));

extern uint32_t _stack_top;
void reset_handler(void);
void fault_handler(void);

__attribute__((section(".vectors"), used)) static const void *vectors[16] = {
    &_stack_top, reset_handler, fault_handler, fault_handler,
};

static void put(const char *s) {
    for (; *s; s++) {
        while (UART_STATE & 1u) {
        }
        UART_DATA = (uint8_t)*s;
    }
}

static void put_uint(uint32_t v) {
    char buf[11];
    int i = 10;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(&buf[i]);
}

static int same(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++, b++;
    }
    return *a == *b;
}

/* Jumping to unmapped memory faults; from the HardFault handler it locks the CPU up (QEMU aborts). */
void fault_handler(void) {
    ((void (*)(void))0x30000001u)();
}

void reset_handler(void) {
    const char *cause = "reset";
    if (keep.magic != MAGIC) {
        keep.magic = MAGIC, keep.boots = 0, cause = "power-on";
    } else if (keep.software == MAGIC) {
        cause = "software";
    }
    keep.software = 0;
    keep.boots++;
    UART_BAUDDIV = 16;
    UART_CTRL = 3; /* TX and RX enabled */
    put("boot "), put_uint(keep.boots), put(", reset cause: "), put(cause);
    put(", image " IMAGE_NAME ", firmware qemu-test-board 1\r\n");
    put("test board ready\r\n");
    char line[32];
    unsigned n = 0;
    for (;;) {
        if (!(UART_STATE & 2u)) {
            continue;
        }
        char c = (char)UART_DATA;
        if (c != '\r' && c != '\n') {
            line[n] = c, n = n < sizeof line - 1 ? n + 1 : n;
            continue;
        }
        line[n] = 0, n = 0;
        if (same(line, "reboot")) {
            keep.software = MAGIC;
            SCB_AIRCR = 0x05FA0004u; /* VECTKEY | SYSRESETREQ */
        } else if (same(line, "crash")) {
            fault_handler();
        }
    }
}
