#include "clock.h"

#include "mps2.h"

#include "lwip/sys.h"

static volatile uint32_t g_ms;

void systick_handler(void)
{
    g_ms++;
}

void clock_init(void)
{
    SYST_RVR = MPS2_SYSCLK_HZ / 1000 - 1;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
}

uint32_t clock_ms(void)
{
    return g_ms;
}

u32_t sys_now(void)
{
    return g_ms;
}
