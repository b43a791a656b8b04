/* The firmware's assertion: what a board's assert() does when it fails. */
#ifndef REFBOARD_FAULT_H
#define REFBOARD_FAULT_H

/* Logs the failed assertion in newlib's __assert_func format (as Cortex-M toolchains print it), then
 * "Backtrace: 0x... 0x..." with the call sites, and aborts: the process dies by SIGABRT, as a board's
 * assert() ends in abort(). cport tags the line with the connection being served (0: none). */
void fault_assert_failed(const char *expr, const char *file, int line, const char *func, int cport)
    __attribute__((noreturn, noinline));

#define BOARD_ASSERT(cond, cport) \
    do { \
        if (!(cond)) \
            fault_assert_failed(#cond, __FILE__, __LINE__, __func__, (cport)); \
    } while (0)

#endif
