/* HTTP/1.1 (GET/HEAD of static files) on top of an established TLS session. */
#ifndef REFBOARD_HTTPD_H
#define REFBOARD_HTTPD_H

#include "tls_server.h"

void httpd_announce_ready(const char *addr, int port);

/* Serve requests until the connection should end. Returns 0 when the server chose to close
 * (Connection: close, bad request), else the mbedTLS code that ended the session. */
int httpd_serve(struct conn *c);

#endif
