#include "httpd.h"
#include "board.h"
#include "fault.h"
#include "log.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER_MAX 8192
#define REQUEST_TIMEOUT_MS 10000
#define KEEPALIVE_IDLE_MS 5000
#define CHUNK 16384
#define INDEX_PATH "/dashboard.html"

struct request {
    char *method;
    char *target; /* as sent, for the log */
    char path[1024];
    int keep_alive;
    int has_body;
};

void httpd_announce_ready(const char *addr, int port)
{
    LOG_INFO("httpd ready, listening on %s:%d, %llu ms after reset", addr, port, board_ms_since_reset());
}

static const char *content_type(const char *path)
{
    static const struct { const char *ext, *type; } types[] = {
        { ".html", "text/html; charset=utf-8" },
        { ".css", "text/css" },
        { ".js", "application/javascript" },
        { ".png", "image/png" },
        { ".txt", "text/plain; charset=utf-8" },
    };
    const char *dot = strrchr(path, '.');

    for (size_t i = 0; dot != NULL && i < sizeof types / sizeof types[0]; i++)
        if (strcasecmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

/* Client bytes end up on the console; keep control characters and non-ASCII off the UART. */
static void sanitize(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
            *s = '?';
}

static size_t header_end(const char *buf, size_t len)
{
    for (size_t i = 0; i + 3 < len; i++)
        if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n')
            return i + 4;
    return 0;
}

static int has_token(const char *value, const char *token)
{
    size_t n = strlen(token);

    for (const char *p = value; *p;) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (strncasecmp(p, token, n) == 0 && (p[n] == '\0' || p[n] == ',' || p[n] == ' ' ||
                                               p[n] == '\t'))
            return 1;
        while (*p && *p != ',')
            p++;
    }
    return 0;
}

/* Parses the header block in place (NUL-terminated, without the final CRLF). 0 or -1. */
static int parse_request(char *hdr, struct request *rq)
{
    char *line = hdr, *next, *version, *q;

    next = strstr(line, "\r\n");
    if (next != NULL) {
        *next = '\0';
        next += 2;
    }
    rq->method = strtok_r(line, " ", &q);
    rq->target = strtok_r(NULL, " ", &q);
    version = strtok_r(NULL, " ", &q);
    if (rq->method == NULL || rq->target == NULL || version == NULL ||
        strtok_r(NULL, " ", &q) != NULL || strncmp(version, "HTTP/1.", 7) != 0)
        return -1;
    rq->keep_alive = strcmp(version, "HTTP/1.0") != 0;
    rq->has_body = 0;

    for (line = next; line != NULL && *line; line = next) {
        char *colon, *value;

        next = strstr(line, "\r\n");
        if (next != NULL) {
            *next = '\0';
            next += 2;
        }
        colon = strchr(line, ':');
        if (colon == NULL)
            return -1;
        *colon = '\0';
        value = colon + 1;
        if (strcasecmp(line, "Connection") == 0) {
            if (has_token(value, "close"))
                rq->keep_alive = 0;
            else if (has_token(value, "keep-alive"))
                rq->keep_alive = 1;
        } else if (strcasecmp(line, "Transfer-Encoding") == 0 ||
                   (strcasecmp(line, "Content-Length") == 0 && strspn(value, " \t0") !=
                    strlen(value))) {
            rq->has_body = 1;
        }
    }

    if (rq->target[0] != '/')
        return -1;
    snprintf(rq->path, sizeof rq->path, "%.*s", (int)strcspn(rq->target, "?#"), rq->target);
    if (strcmp(rq->path, "/") == 0)
        snprintf(rq->path, sizeof rq->path, "%s", INDEX_PATH);
    sanitize(rq->method);
    sanitize(rq->target);
    sanitize(rq->path);
    return 0;
}

static int send_head(struct conn *c, int status, const char *reason, const char *type,
                     long long length, int keep_alive, const char *extra)
{
    char head[512];
    size_t sent = 0;
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 %d %s\r\n"
                     "Server: refboard\r\n"
                     "Content-Type: %s\r\n"
                     "Content-Length: %lld\r\n"
                     "Connection: %s\r\n"
                     "%s"
                     "\r\n",
                     status, reason, type, length, keep_alive ? "keep-alive" : "close",
                     extra ? extra : "");

    return tls_write_all(c, (const unsigned char *)head, (size_t)n, &sent);
}

/* Small fixed HTML body for errors. */
static int send_error(struct conn *c, const struct request *rq, int status, const char *reason,
                      int head_only, int keep_alive, const char *extra)
{
    char body[256];
    size_t sent = 0;
    int n = snprintf(body, sizeof body,
                     "<!DOCTYPE html>\n<html><head><title>%d %s</title></head>"
                     "<body><h1>%d %s</h1></body></html>\n",
                     status, reason, status, reason);
    int ret = send_head(c, status, reason, "text/html; charset=utf-8", n, keep_alive, extra);

    if (ret == 0 && !head_only)
        ret = tls_write_all(c, (const unsigned char *)body, (size_t)n, &sent);
    LOG_INFO("sent %zu bytes of %s, status %d, port %d", sent, rq && rq->path[0] ? rq->path : "-",
             status, c->cport);
    return ret;
}

static int send_file(struct conn *c, const struct request *rq, int head_only)
{
    char fspath[4096 + 1024];
    unsigned char chunk[CHUNK];
    struct stat st;
    size_t sent = 0;
    int fd, ret;

    LOG_INFO("Opening %s, port %d", rq->path, c->cport);
    snprintf(fspath, sizeof fspath, "%s%s", c->cfg->content_dir, rq->path);
    fd = open(fspath, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        LOG_WARN("not found: %s, port %d", rq->path, c->cport);
        return send_error(c, rq, 404, "Not Found", head_only, rq->keep_alive, NULL);
    }

    ret = send_head(c, 200, "OK", content_type(rq->path), (long long)st.st_size, rq->keep_alive,
                    NULL);
    while (ret == 0 && !head_only) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n <= 0)
            break;
        ret = tls_write_all(c, chunk, (size_t)n, &sent);
    }
    close(fd);
    LOG_INFO("sent %zu bytes of %s, status 200, port %d", sent, rq->path, c->cport);
    return ret;
}

static int handle(struct conn *c, struct request *rq)
{
    int head_only = strcmp(rq->method, "HEAD") == 0;

    LOG_INFO("%s %s, port %d", rq->method, rq->target, c->cport);
    BOARD_ASSERT(tls_server_request_slot_free(c), c->cport);
    /* Request bodies are never expected; rather than parse one, answer and close. */
    if (rq->has_body)
        rq->keep_alive = 0;
    if (!head_only && strcmp(rq->method, "GET") != 0)
        return send_error(c, rq, 405, "Method Not Allowed", 0, 0, "Allow: GET, HEAD\r\n");
    if (strstr(rq->path, "..") != NULL) {
        LOG_WARN("forbidden: %s, port %d", rq->path, c->cport);
        return send_error(c, rq, 403, "Forbidden", head_only, rq->keep_alive, NULL);
    }
    return send_file(c, rq, head_only);
}

int httpd_serve(struct conn *c)
{
    char buf[HEADER_MAX + 1];
    size_t have = 0;
    unsigned served = 0;

    for (;;) {
        struct request rq;
        size_t end;
        int ret;

        while ((end = header_end(buf, have)) == 0) {
            if (have >= HEADER_MAX) {
                LOG_WARN("request header too large, port %d", c->cport);
                send_error(c, NULL, 431, "Request Header Fields Too Large", 0, 0, NULL);
                return 0;
            }
            ret = tls_read(c, (unsigned char *)buf + have, HEADER_MAX - have,
                           have == 0 && served > 0 ? KEEPALIVE_IDLE_MS : REQUEST_TIMEOUT_MS);
            if (ret < 0)
                return ret;
            have += (size_t)ret;
        }

        buf[end - 2] = '\0';
        memset(&rq, 0, sizeof rq);
        if (parse_request(buf, &rq) != 0) {
            LOG_WARN("bad request, port %d", c->cport);
            send_error(c, NULL, 400, "Bad Request", 0, 0, NULL);
            return 0;
        }
        ret = handle(c, &rq);
        served++;
        if (ret != 0)
            return ret;
        if (!rq.keep_alive)
            return 0;
        /* Pipelined requests may already be in the buffer. */
        memmove(buf, buf + end, have - end);
        have -= end;
    }
}
