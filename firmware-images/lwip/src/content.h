/* The image's content folder as the board's read-only file system, served by lwIP's httpd through
 * its custom-file hooks (LWIP_HTTPD_CUSTOM_FILES). */
#ifndef LWIP_BOARD_CONTENT_H
#define LWIP_BOARD_CONTENT_H

#include <stddef.h>

/* Loads the regular files of dir (not recursive), as flashing puts them into flash. Returns the
 * number of files, or -1 with a reason in err. */
int content_load(const char *dir, char *err, size_t errlen);

#endif
