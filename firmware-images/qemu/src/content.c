/* The image's content files, linked into flash, served by lwIP's httpd through its custom-file hooks
 * (LWIP_HTTPD_CUSTOM_FILES), as the lwIP board serves its content folder. */
#include "access_log.h"
#include "image.h"

#include "lwip/apps/fs.h"

#include <string.h>

/* lwIP httpd hook: the whole file is in flash, so httpd sends it without fs_read. */
int fs_open_custom(struct fs_file *file, const char *name)
{
    for (const struct image_file *f = image_files; f->name != NULL; f++) {
        if (strcmp(f->name, name) == 0) {
            access_log_record(f->name);
            memset(file, 0, sizeof *file);
            file->data = f->data;
            file->len = (int)f->len;
            file->index = (int)f->len;
            /* no header in the data; its length is known, so httpd sends Content-Length */
            file->flags = FS_FILE_FLAGS_HEADER_PERSISTENT;
            return 1;
        }
    }
    return 0;
}

void fs_close_custom(struct fs_file *file)
{
    (void)file;
}
