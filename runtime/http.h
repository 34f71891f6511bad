/* A small HTTP/1.1 server on libuv + llhttp, for the axon: keep-alive, one request at a time per connection
 * (pipelined requests wait in the buffer), body/header limits, read and idle timeouts, a connection cap,
 * graceful shutdown. The application gets complete requests and answers each exactly once. */
#ifndef MINER_HTTP_H
#define MINER_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

typedef struct http_server http_server_t;
typedef struct http_conn http_conn_t;

typedef struct {
    char *name; /* lower-cased */
    char *value;
} http_header_t;

typedef struct http_request {
    http_server_t *server;
    http_conn_t *conn; /* NULL once the connection is gone: the answer is then dropped */
    char method[16];
    char *path;
    http_header_t *headers;
    size_t nheaders;
    char *body;
    size_t body_len;
    char peer_ip[64];
    int peer_port;
    uint64_t received_ns; /* uv_hrtime when the request was complete */
    bool keep_alive;
    void *app; /* for the application */
} http_request_t;

typedef struct {
    const char *ip;
    int port; /* 0: any */
    size_t max_body;
    size_t max_header_bytes;
    size_t max_headers;
    int max_connections;
    double idle_timeout;  /* seconds a keep-alive connection may wait for the next request */
    double read_timeout;  /* seconds to receive one whole request once it started */
    double write_timeout; /* seconds for the peer to take our answer */
    void (*on_request)(http_request_t *req, void *ud);
    void *ud;
} http_config_t;

/* Starts listening; returns NULL and fills err on failure. */
http_server_t *http_server_start(uv_loop_t *loop, const http_config_t *cfg, char *err, size_t errlen);
int http_server_port(http_server_t *s);
/* Stops accepting, closes idle connections, lets in-flight requests answer; on_drained runs when none are left
 * (or at once if none). */
void http_server_shutdown(http_server_t *s, void (*on_drained)(void *ud), void *ud);
/* Closes everything now; in-flight requests' answers are dropped. Frees the server once handles are closed. */
void http_server_close(http_server_t *s);
size_t http_server_connections(http_server_t *s);
size_t http_server_inflight(http_server_t *s);

const char *http_request_header(const http_request_t *req, const char *lower_name);

/* Sends the answer and frees req. headers: "name: value\r\n" lines (may be NULL); Content-Length and
 * Connection are added. */
void http_respond(http_request_t *req, int status, const char *content_type, const char *headers, size_t headers_len,
                  const char *body, size_t body_len);

const char *http_status_text(int status);
/* Frees a request without answering (only when its server is already closed). */
void http_request_discard(http_request_t *req);

#endif
