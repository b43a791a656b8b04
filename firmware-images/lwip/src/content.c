#include "content.h"

#include "lwip/apps/fs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CONTENT_FILES_MAX 64
#define CONTENT_NAME_MAX 128

struct content_file {
    char name[CONTENT_NAME_MAX]; /* as requested: "/dashboard.html" */
    char *data;
    size_t len;
};

static struct content_file g_files[CONTENT_FILES_MAX];
static int g_count;

static int load_file(const char *path, struct content_file *f, char *err, size_t errlen)
{
    FILE *in = fopen(path, "rb");
    struct stat st;

    if (in == NULL || fstat(fileno(in), &st) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        if (in != NULL)
            fclose(in);
        return -1;
    }
    f->len = (size_t)st.st_size;
    f->data = malloc(f->len + 1);
    if (f->data == NULL || fread(f->data, 1, f->len, in) != f->len) {
        snprintf(err, errlen, "%s: cannot read", path);
        fclose(in);
        return -1;
    }
    fclose(in);
    return 0;
}

int content_load(const char *dir, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (d == NULL) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        char path[4096];
        struct stat st;

        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (g_count == CONTENT_FILES_MAX || strlen(e->d_name) + 2 > CONTENT_NAME_MAX) {
            snprintf(err, errlen, "%s: too many files or name too long (%s)", dir, e->d_name);
            closedir(d);
            return -1;
        }
        snprintf(g_files[g_count].name, CONTENT_NAME_MAX, "/%s", e->d_name);
        if (load_file(path, &g_files[g_count], err, errlen) != 0) {
            closedir(d);
            return -1;
        }
        g_count++;
    }
    closedir(d);
    return g_count;
}

/* lwIP httpd hook: the whole file is in memory, so httpd sends it without fs_read. */
int fs_open_custom(struct fs_file *file, const char *name)
{
    for (int i = 0; i < g_count; i++) {
        if (strcmp(g_files[i].name, name) == 0) {
            memset(file, 0, sizeof *file);
            file->data = g_files[i].data;
            file->len = (int)g_files[i].len;
            file->index = (int)g_files[i].len;
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
