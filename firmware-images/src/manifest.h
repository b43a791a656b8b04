/* The flashed image's manifest.yaml: a flat "key: value" subset of YAML. */
#ifndef REFBOARD_MANIFEST_H
#define REFBOARD_MANIFEST_H

#include "log.h"

#include <limits.h>
#include <stddef.h>

#define MANIFEST_VALUE_MAX 512

struct manifest {
    char name[MANIFEST_VALUE_MAX];
    char cert_chain[PATH_MAX];  /* resolved against the flash folder */
    char private_key[PATH_MAX];
    char content_dir[PATH_MAX];
    int port;
    enum log_format log_format;
    int debug_threshold;
    int max_sessions;
    int boot_delay_ms;
    /* Field-failure settings (README "Scenario settings"); 0 / false means off. */
    int cert_load_delay_ms_max;
    int heap_bytes;
    int leak_bytes_per_connection;
    int partial_write_bug;
    int hang_after_connections;
    int crash_after_connections;
};

/* Fills *m (defaults first, so keys read before an error still count). Returns 0, or -1 with a
 * "<file>:<line>: <what>" or "<file>: <what>" text in err. */
int manifest_load(const char *flash_dir, struct manifest *m, char *err, size_t errlen);

#endif
