/* The part of a board's heap that TLS sessions use, modelled: Debian's mbedTLS cannot be given a
 * custom allocator (no MBEDTLS_PLATFORM_MEMORY), so the firmware keeps the books itself. */
#ifndef REFBOARD_HEAP_H
#define REFBOARD_HEAP_H

#include <stddef.h>

/* Per boot: a board heap starts empty at every reset (leaks do not survive it).
 * heap_bytes 0: only max_sessions limits sessions. */
void heap_reset(int max_sessions, long heap_bytes, long leak_per_session);

/* What mbedtls_ssl_setup() allocates for one session (its input and output record buffers).
 * 0 when they fit; else the size of the allocation that failed, as mbedtls_ssl_setup logs it. */
size_t heap_take_session(void);

/* The session is freed; with a leak configured, some of it never comes back. */
void heap_release_session(void);

int heap_is_modelled(void);
long heap_free_bytes(void);
void heap_get_sessions(int *active, int *max);

#endif
