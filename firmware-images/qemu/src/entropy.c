/* TEST-ONLY entropy for Mbed TLS (MBEDTLS_ENTROPY_HARDWARE_ALT): QEMU's mps2-an385 has no random
 * number generator, so this mixes timer readings (SysTick's counter, the millisecond clock and the
 * LAN9118's free-running counter). They are predictable: keys and nonces made from them are NOT
 * secret. Good enough to run TLS in an emulator for tests; never on a product. */
#include "clock.h"
#include "mps2.h"

#include <stddef.h>
#include <stdint.h>

#define LAN_FREE_RUN REG32(LAN9118_BASE + 0x9c)

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len, size_t *olen)
{
    static uint32_t state = 0x9e3779b9u;

    (void)data;
    for (size_t i = 0; i < len; i++) {
        state ^= SYST_CVR ^ (LAN_FREE_RUN << 7) ^ clock_ms();
        state ^= state << 13; /* xorshift32: spreads the timer bits over every byte */
        state ^= state >> 17;
        state ^= state << 5;
        output[i] = (unsigned char)(state >> 24);
    }
    *olen = len;
    return 0;
}
