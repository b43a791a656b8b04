/* Included by lwIP's fs.c (HTTPD_FSDATA_FILE): no compiled-in files, every file is the image's
 * (fs_open_custom in content.c). */
#define FS_ROOT     NULL
#define FS_NUMFILES 0
