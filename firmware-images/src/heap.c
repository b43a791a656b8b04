#include "heap.h"

#include <mbedtls/ssl_internal.h>

#include <pthread.h>

/* mbedtls_ssl_setup() allocates the input buffer first, then the output buffer. */
#define SESSION_IN_BYTES ((long)MBEDTLS_SSL_IN_BUFFER_LEN)
#define SESSION_OUT_BYTES ((long)MBEDTLS_SSL_OUT_BUFFER_LEN)

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static int g_active;
static int g_max_sessions = 8;
static long g_heap_bytes;
static long g_leak_per_session;
static long g_leaked;

void heap_reset(int max_sessions, long heap_bytes, long leak_per_session)
{
    pthread_mutex_lock(&g_lock);
    g_max_sessions = max_sessions;
    g_heap_bytes = heap_bytes;
    g_leak_per_session = leak_per_session;
    g_leaked = 0;
    /* Sessions of the previous boot are all gone: tls_server_stop() joined them. */
    g_active = 0;
    pthread_mutex_unlock(&g_lock);
}

static long free_locked(void)
{
    return g_heap_bytes - g_leaked - (long)g_active * (SESSION_IN_BYTES + SESSION_OUT_BYTES);
}

size_t heap_take_session(void)
{
    size_t failed = 0;

    pthread_mutex_lock(&g_lock);
    if (g_active >= g_max_sessions) {
        /* max_sessions is "the heap holds this many contexts": the next one's first buffer fails. */
        failed = (size_t)SESSION_IN_BYTES;
    } else if (g_heap_bytes > 0) {
        long avail = free_locked();
        if (avail < SESSION_IN_BYTES)
            failed = (size_t)SESSION_IN_BYTES;
        else if (avail < SESSION_IN_BYTES + SESSION_OUT_BYTES)
            failed = (size_t)SESSION_OUT_BYTES;
    }
    if (failed == 0)
        g_active++;
    pthread_mutex_unlock(&g_lock);
    return failed;
}

void heap_release_session(void)
{
    pthread_mutex_lock(&g_lock);
    g_active--;
    g_leaked += g_leak_per_session;
    pthread_mutex_unlock(&g_lock);
}

int heap_is_modelled(void)
{
    int modelled;

    pthread_mutex_lock(&g_lock);
    modelled = g_heap_bytes > 0;
    pthread_mutex_unlock(&g_lock);
    return modelled;
}

long heap_free_bytes(void)
{
    long avail;

    pthread_mutex_lock(&g_lock);
    avail = free_locked();
    pthread_mutex_unlock(&g_lock);
    return avail;
}

void heap_get_sessions(int *active, int *max)
{
    pthread_mutex_lock(&g_lock);
    *active = g_active;
    *max = g_max_sessions;
    pthread_mutex_unlock(&g_lock);
}
