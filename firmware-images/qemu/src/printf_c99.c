/* Debian's newlib for arm-none-eabi is built without C99 printf formats: "%zu" prints "zu". Mbed TLS
 * (MBEDTLS_PRINTF_SIZET) and lwIP print size_t that way, and their lines must read as on the lwIP
 * board ("alloc(16717 bytes) failed"). The link wraps vsnprintf (-Wl,--wrap=vsnprintf): the 'z'
 * length is dropped, since size_t is an unsigned int on this CPU. */
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

int __real_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap);
int __wrap_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap);

#define FORMAT_MAX 256

int __wrap_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
    char fixed[FORMAT_MAX];
    size_t n = 0;
    int in_spec = 0;

    for (const char *p = fmt; *p != '\0'; p++) {
        if (n >= sizeof fixed - 2)
            return __real_vsnprintf(buf, cap, fmt, ap); /* too long to rewrite: as newlib prints it */
        if (!in_spec) {
            if (*p == '%' && p[1] == '%')
                fixed[n++] = *p++;
            else if (*p == '%')
                in_spec = 1;
        } else if (*p == 'z') {
            continue;
        } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
            in_spec = strchr("hljtLq", *p) != NULL; /* a length modifier, else the conversion ends it */
        }
        fixed[n++] = *p;
    }
    fixed[n] = '\0';
    return __real_vsnprintf(buf, cap, fixed, ap);
}
