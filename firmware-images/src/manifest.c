#include "manifest.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void defaults(struct manifest *m)
{
    memset(m, 0, sizeof *m);
    strcpy(m->name, "unnamed");
    m->port = 8443;
    m->log_format = LOG_FORMAT_BOARD;
    m->debug_threshold = 2;
    m->max_sessions = 8;
    m->boot_delay_ms = 0;
}

static char *trim(char *s)
{
    char *end;

    while (*s == ' ' || *s == '\t')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
        *--end = '\0';
    return s;
}

/* Unquote a value in place, or cut a trailing " # comment". NULL if a quote is unterminated. */
static char *parse_value(char *v)
{
    if (*v == '"' || *v == '\'') {
        char q = *v;
        char *close = strchr(v + 1, q);
        if (close == NULL)
            return NULL;
        *close = '\0';
        return v + 1;
    }
    for (char *p = v; *p; p++) {
        if (*p == '#' && (p == v || p[-1] == ' ' || p[-1] == '\t')) {
            *p = '\0';
            break;
        }
    }
    return trim(v);
}

static int parse_int(const char *v, int lo, int hi, int *out)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(v, &end, 10);
    if (errno != 0 || end == v || *end != '\0' || n < lo || n > hi)
        return -1;
    *out = (int)n;
    return 0;
}

static int parse_bool(const char *v, int *out)
{
    if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "1") == 0)
        *out = 1;
    else if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0 || strcmp(v, "0") == 0)
        *out = 0;
    else
        return -1;
    return 0;
}

static int set_path(char *dst, const char *flash_dir, const char *v)
{
    int n = v[0] == '/' ? snprintf(dst, PATH_MAX, "%s", v)
                        : snprintf(dst, PATH_MAX, "%s/%s", flash_dir, v);
    return (n < 0 || n >= PATH_MAX) ? -1 : 0;
}

/* Returns NULL when the key was accepted (or is unknown), else what is wrong with the value. */
static const char *apply(struct manifest *m, const char *flash_dir, const char *k, const char *v)
{
    if (strcmp(k, "name") == 0) {
        if (snprintf(m->name, sizeof m->name, "%s", v) >= (int)sizeof m->name)
            return "name too long";
    } else if (strcmp(k, "cert_chain") == 0) {
        if (*v == '\0' || set_path(m->cert_chain, flash_dir, v) != 0)
            return "bad cert_chain path";
    } else if (strcmp(k, "private_key") == 0) {
        if (*v == '\0' || set_path(m->private_key, flash_dir, v) != 0)
            return "bad private_key path";
    } else if (strcmp(k, "content_dir") == 0) {
        if (*v == '\0' || set_path(m->content_dir, flash_dir, v) != 0)
            return "bad content_dir path";
    } else if (strcmp(k, "port") == 0) {
        if (parse_int(v, 1, 65535, &m->port) != 0)
            return "port must be 1-65535";
    } else if (strcmp(k, "log_format") == 0) {
        if (strcmp(v, "board") == 0)
            m->log_format = LOG_FORMAT_BOARD;
        else if (strcmp(v, "mbedtls") == 0)
            m->log_format = LOG_FORMAT_MBEDTLS;
        else
            return "log_format must be board or mbedtls";
    } else if (strcmp(k, "debug_threshold") == 0) {
        if (parse_int(v, 0, 4, &m->debug_threshold) != 0)
            return "debug_threshold must be 0-4";
    } else if (strcmp(k, "max_sessions") == 0) {
        if (parse_int(v, 1, 1024, &m->max_sessions) != 0)
            return "max_sessions must be 1-1024";
    } else if (strcmp(k, "boot_delay_ms") == 0) {
        if (parse_int(v, 0, 600000, &m->boot_delay_ms) != 0)
            return "boot_delay_ms must be 0-600000";
    } else if (strcmp(k, "cert_load_delay_ms_max") == 0) {
        if (parse_int(v, 0, 600000, &m->cert_load_delay_ms_max) != 0)
            return "cert_load_delay_ms_max must be 0-600000";
    } else if (strcmp(k, "heap_bytes") == 0) {
        if (parse_int(v, 0, 1 << 30, &m->heap_bytes) != 0)
            return "heap_bytes must be 0-1073741824";
    } else if (strcmp(k, "leak_bytes_per_connection") == 0) {
        if (parse_int(v, 0, 1 << 30, &m->leak_bytes_per_connection) != 0)
            return "leak_bytes_per_connection must be 0-1073741824";
    } else if (strcmp(k, "partial_write_bug") == 0) {
        if (parse_bool(v, &m->partial_write_bug) != 0)
            return "partial_write_bug must be true or false";
    } else if (strcmp(k, "hang_after_connections") == 0) {
        if (parse_int(v, 0, 1000000000, &m->hang_after_connections) != 0)
            return "hang_after_connections must be 0-1000000000";
    } else if (strcmp(k, "crash_after_connections") == 0) {
        if (parse_int(v, 0, 1000000000, &m->crash_after_connections) != 0)
            return "crash_after_connections must be 0-1000000000";
    }
    /* Unknown keys belong to the harness (e.g. a pki: section); they are not ours to judge. */
    return NULL;
}

int manifest_load(const char *flash_dir, struct manifest *m, char *err, size_t errlen)
{
    char path[PATH_MAX];
    char line[4096];
    int lineno = 0;
    FILE *f;

    defaults(m);
    snprintf(path, sizeof path, "%s/manifest.yaml", flash_dir);
    f = fopen(path, "re");
    if (f == NULL) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        char *k, *v, *colon;
        const char *what;

        lineno++;
        if (strchr(line, '\n') == NULL && !feof(f)) {
            snprintf(err, errlen, "%s:%d: line too long", path, lineno);
            goto fail;
        }
        /* Indented lines are children of sections the firmware does not read. */
        if (line[0] == ' ' || line[0] == '\t')
            continue;
        k = trim(line);
        /* Comments, blank lines, document markers and top-level list items carry no key. */
        if (*k == '\0' || *k == '#' || *k == '-' || strcmp(k, "...") == 0)
            continue;
        /* YAML needs ": " (or ':' at end of line) as separator; "a:b" alone is a scalar. */
        colon = k;
        while ((colon = strchr(colon, ':')) != NULL &&
               colon[1] != '\0' && colon[1] != ' ' && colon[1] != '\t')
            colon++;
        if (colon == NULL || colon == k) {
            snprintf(err, errlen, "%s:%d: expected 'key: value'", path, lineno);
            goto fail;
        }
        *colon = '\0';
        k = trim(k);
        v = parse_value(trim(colon + 1));
        if (v == NULL) {
            snprintf(err, errlen, "%s:%d: unterminated quoted value", path, lineno);
            goto fail;
        }
        what = apply(m, flash_dir, k, v);
        if (what != NULL) {
            snprintf(err, errlen, "%s:%d: %s", path, lineno, what);
            goto fail;
        }
    }
    fclose(f);
    if (m->cert_chain[0] == '\0' || m->private_key[0] == '\0' || m->content_dir[0] == '\0') {
        snprintf(err, errlen, "%s: missing key %s", path,
                 m->cert_chain[0] == '\0' ? "cert_chain"
                 : m->private_key[0] == '\0' ? "private_key" : "content_dir");
        return -1;
    }
    return 0;
fail:
    fclose(f);
    return -1;
}
