/* A small HTTP/1.1 server on libuv + llhttp, for the axon. Keep-alive and pipelining (one request at a time
 * per connection; pipelined bytes wait in the connection's input buffer, parsed in place, never re-copied).
 *
 * Two application stages per request: on_headers runs once the headers are complete, before any body byte is
 * stored, and either answers at once (the body is then never stored; a small announced body is skipped so
 * the connection stays usable, anything else closes it) or lets the body in under a per-request limit; then
 * on_request gets the complete request. A request let in and then lost (peer gone, body over its limit,
 * timeout, shutdown) is handed to on_abandon instead.
 *
 * Memory bound (documented, and tested by tests/js/hardening.test.mjs): at most max_connections connections
 * (at most max_connections_per_ip per peer address), each holding at most max_header_bytes of parsed
 * headers plus one 64 KiB read buffer and HTTP_PENDING_MAX bytes of pipelined input (reading pauses beyond
 * it); request bodies only once their request was let in, all together at most body_budget bytes (reserved
 * from Content-Length before the first body byte, or counted as chunks arrive).
 *
 * Connection slots: when the server is full, a new connection evicts the connection idle the longest (then
 * the one reading its headers the longest); a peer at its per-address cap evicts its own idle connections
 * only. A new connection must send its first byte within first_byte_timeout, a request must arrive whole
 * within read_timeout, a keep-alive connection may idle for idle_timeout. */
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
    size_t body_limit;     /* set by on_headers (defaults to the server's max_body, never above it) */
    uint64_t content_length;
    bool has_content_length, chunked;
    char peer_ip[64];
    int peer_port;
    uint64_t received_ns; /* uv_hrtime when the headers were complete */
    bool keep_alive;
    void *app; /* for the application */
    /* server bookkeeping */
    size_t body_cap, reserved; /* body buffer capacity; bytes counted against the body budget */
    bool accepted;             /* on_headers let it in: on_abandon owes the application its state */
    bool delivered;            /* on_request has it (counted in flight) */
} http_request_t;

enum { HTTP_CONTINUE = 0, HTTP_ANSWERED = 1 };

/* Pipelined input kept while a request is processed; reading from the socket pauses beyond it. */
#define HTTP_PENDING_MAX (64 * 1024)
/* An early answer skips (reads and drops) an announced body up to this size to keep the connection. */
#define HTTP_SKIP_BODY_MAX (64 * 1024)

typedef struct {
    const char *ip;
    int port; /* 0: any */
    size_t max_body;          /* ceiling for any request body; on_headers may lower it per request */
    size_t body_budget;       /* request body bytes held at once, all connections together (0: max_body * 64) */
    size_t max_header_bytes;
    size_t max_headers;
    int max_connections;
    int max_connections_per_ip; /* 0: no per-address cap */
    double first_byte_timeout;  /* seconds a new connection may stay silent */
    double idle_timeout;  /* seconds a keep-alive connection may wait for the next request */
    double read_timeout;  /* seconds to receive one whole request once it started */
    double write_timeout; /* seconds for the peer to take our answer */
    /* Headers complete, no body byte stored yet: return HTTP_CONTINUE to read the body (req->body_limit,
     * req->app as needed), or answer with http_respond and return HTTP_ANSWERED. NULL: always continue. */
    int (*on_headers)(http_request_t *req, void *ud);
    /* The request is complete (headers and body). The application answers it exactly once. */
    void (*on_request)(http_request_t *req, void *ud);
    /* A request on_headers let in was dropped before on_request: release req->app (req is freed after). */
    void (*on_abandon)(http_request_t *req, void *ud);
    void *ud;
} http_config_t;

typedef struct {
    size_t connections, inflight, body_bytes;
    uint64_t evicted, refused;
} http_stats_t;

/* Starts listening; returns NULL and fills err on failure. */
http_server_t *http_server_start(uv_loop_t *loop, const http_config_t *cfg, char *err, size_t errlen);
int http_server_port(http_server_t *s);
/* Serves an already connected stream socket (tests and fuzzing: a socketpair end); no per-address cap. */
int http_server_adopt(http_server_t *s, uv_os_sock_t fd);
/* Stops accepting, closes idle connections, lets in-flight requests answer; on_drained runs when none are left
 * (or at once if none). */
void http_server_shutdown(http_server_t *s, void (*on_drained)(void *ud), void *ud);
/* Closes everything now; in-flight requests' answers are dropped. Frees the server once handles are closed. */
void http_server_close(http_server_t *s);
size_t http_server_connections(http_server_t *s);
size_t http_server_inflight(http_server_t *s);
void http_server_stats(http_server_t *s, http_stats_t *out);

const char *http_request_header(const http_request_t *req, const char *lower_name);
/* Frees the body once the application has taken a copy, returning its bytes to the budget early. */
void http_request_drop_body(http_request_t *req);

/* Sends the answer and frees req (from on_headers, on_request or later). headers: "name: value\r\n" lines
 * (may be NULL); Content-Length and Connection are added. */
void http_respond(http_request_t *req, int status, const char *content_type, const char *headers, size_t headers_len,
                  const char *body, size_t body_len);

const char *http_status_text(int status);
/* Frees a request without answering (only when its server is already closed). */
void http_request_discard(http_request_t *req);

#endif
