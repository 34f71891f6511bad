/* HTTP/1.1 server core (see http.h). Ownership: the server owns connections; a connection owns its parser state
 * and at most one in-flight request, which the application owns until http_respond. */
#include "http.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llhttp.h>

#include "log.h"

struct http_server {
    uv_loop_t *loop;
    uv_tcp_t listener;
    http_config_t cfg;
    char ip[64];
    http_conn_t *conns; /* doubly linked list */
    size_t nconns;
    size_t inflight;
    bool shutting_down;
    bool listener_closed;
    bool freed_pending;
    void (*on_drained)(void *ud);
    void *drained_ud;
    llhttp_settings_t settings;
};

enum conn_state { CONN_IDLE, CONN_READING, CONN_PROCESSING, CONN_WRITING, CONN_CLOSING };

struct http_conn {
    http_conn_t *prev, *next;
    http_server_t *server;
    uv_tcp_t tcp;
    uv_timer_t timer;
    int open_handles;
    llhttp_t parser;
    enum conn_state state;
    http_request_t *req;     /* request being parsed or processed */
    char *pending;           /* bytes received after a complete request (pipelining) */
    size_t pending_len;
    size_t header_bytes;
    bool in_header_value;
    bool close_after_write;
    bool reading;
    int error_status;        /* set by parser callbacks to answer with this status */
    char peer_ip[64];
    int peer_port;
};

typedef struct {
    uv_write_t req;
    http_conn_t *conn;
    char *buf;
} write_req_t;

static void conn_close(http_conn_t *c);
static void conn_process(http_conn_t *c, const char *data, size_t len);
static void conn_arm_timer(http_conn_t *c);

const char *http_status_text(int status) {
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

static void request_free(http_request_t *r) {
    if (!r) return;
    for (size_t i = 0; i < r->nheaders; i++) {
        free(r->headers[i].name);
        free(r->headers[i].value);
    }
    free(r->headers);
    free(r->path);
    free(r->body);
    free(r);
}

void http_request_discard(http_request_t *req) { request_free(req); }

const char *http_request_header(const http_request_t *req, const char *lower_name) {
    for (size_t i = 0; i < req->nheaders; i++)
        if (strcmp(req->headers[i].name, lower_name) == 0) return req->headers[i].value;
    return NULL;
}

/* ---- parser callbacks ---- */

static int append(char **dst, size_t *len, const char *at, size_t n) {
    char *bigger = realloc(*dst, *len + n + 1);
    if (!bigger) return -1;
    memcpy(bigger + *len, at, n);
    *len += n;
    bigger[*len] = 0;
    *dst = bigger;
    return 0;
}

static int on_message_begin(llhttp_t *p) {
    http_conn_t *c = p->data;
    c->req = calloc(1, sizeof *c->req);
    if (!c->req) return -1;
    c->req->server = c->server;
    c->header_bytes = 0;
    c->in_header_value = false;
    if (c->state == CONN_IDLE) {
        c->state = CONN_READING;
        conn_arm_timer(c); /* the whole request must arrive within read_timeout (slowloris) */
    }
    return 0;
}

static int on_url(llhttp_t *p, const char *at, size_t n) {
    http_conn_t *c = p->data;
    size_t len = c->req->path ? strlen(c->req->path) : 0;
    c->header_bytes += n;
    if (c->header_bytes > c->server->cfg.max_header_bytes) {
        c->error_status = 431;
        return -1;
    }
    return append(&c->req->path, &len, at, n);
}

static int on_header_field(llhttp_t *p, const char *at, size_t n) {
    http_conn_t *c = p->data;
    http_request_t *r = c->req;
    c->header_bytes += n;
    if (c->header_bytes > c->server->cfg.max_header_bytes) {
        c->error_status = 431;
        return -1;
    }
    if (c->in_header_value || r->nheaders == 0) {
        if (r->nheaders >= c->server->cfg.max_headers) {
            c->error_status = 431;
            return -1;
        }
        http_header_t *bigger = realloc(r->headers, (r->nheaders + 1) * sizeof *bigger);
        if (!bigger) return -1;
        r->headers = bigger;
        r->headers[r->nheaders].name = NULL;
        r->headers[r->nheaders].value = calloc(1, 1);
        r->nheaders++;
        c->in_header_value = false;
    }
    http_header_t *h = &r->headers[r->nheaders - 1];
    size_t len = h->name ? strlen(h->name) : 0;
    if (append(&h->name, &len, at, n)) return -1;
    for (size_t i = len - n; i < len; i++) h->name[i] = (char)tolower((unsigned char)h->name[i]);
    return 0;
}

static int on_header_value(llhttp_t *p, const char *at, size_t n) {
    http_conn_t *c = p->data;
    c->header_bytes += n;
    if (c->header_bytes > c->server->cfg.max_header_bytes) {
        c->error_status = 431;
        return -1;
    }
    c->in_header_value = true;
    http_header_t *h = &c->req->headers[c->req->nheaders - 1];
    size_t len = strlen(h->value);
    return append(&h->value, &len, at, n);
}

static int on_headers_complete(llhttp_t *p) {
    http_conn_t *c = p->data;
    snprintf(c->req->method, sizeof c->req->method, "%s", llhttp_method_name((llhttp_method_t)p->method));
    if ((p->flags & F_CONTENT_LENGTH) && p->content_length > c->server->cfg.max_body) {
        c->error_status = 413;
        return -1;
    }
    return 0;
}

static int on_body(llhttp_t *p, const char *at, size_t n) {
    http_conn_t *c = p->data;
    if (c->req->body_len + n > c->server->cfg.max_body) {
        c->error_status = 413;
        return -1;
    }
    return append(&c->req->body, &c->req->body_len, at, n);
}

static int on_message_complete(llhttp_t *p) {
    http_conn_t *c = p->data;
    c->req->keep_alive = llhttp_should_keep_alive(p);
    return HPE_PAUSED; /* one request at a time: the rest waits in c->pending */
}

/* ---- timers ---- */

static void on_conn_timeout(uv_timer_t *t) {
    http_conn_t *c = t->data;
    if (c->state == CONN_READING) {
        log_write(LOG_DEBUG, "http", "%s:%d: request not received in time, closing", c->peer_ip, c->peer_port);
    } else if (c->state == CONN_WRITING) {
        log_write(LOG_DEBUG, "http", "%s:%d: peer did not take the answer in time, closing", c->peer_ip, c->peer_port);
    }
    conn_close(c);
}

static void conn_arm_timer(http_conn_t *c) {
    double secs = 0;
    switch (c->state) {
    case CONN_IDLE: secs = c->server->cfg.idle_timeout; break;
    case CONN_READING: secs = c->server->cfg.read_timeout; break;
    case CONN_WRITING: secs = c->server->cfg.write_timeout; break;
    default: uv_timer_stop(&c->timer); return;
    }
    uv_timer_start(&c->timer, on_conn_timeout, (uint64_t)(secs * 1000), 0);
}

/* ---- connection lifecycle ---- */

static void maybe_drained(http_server_t *s) {
    if (s->shutting_down && s->inflight == 0 && s->on_drained) {
        void (*cb)(void *) = s->on_drained;
        s->on_drained = NULL;
        cb(s->drained_ud);
    }
}

static void maybe_free_server(http_server_t *s) {
    if (s->freed_pending && s->listener_closed && s->nconns == 0) free(s);
}

static void on_conn_handle_closed(uv_handle_t *h) {
    http_conn_t *c = h->data;
    if (--c->open_handles > 0) return;
    http_server_t *s = c->server;
    if (c->prev) c->prev->next = c->next;
    else s->conns = c->next;
    if (c->next) c->next->prev = c->prev;
    s->nconns--;
    request_free(c->req);
    free(c->pending);
    free(c);
    maybe_free_server(s);
}

static void conn_close(http_conn_t *c) {
    if (c->state == CONN_CLOSING) return;
    if (c->state == CONN_PROCESSING && c->req) {
        c->req->conn = NULL; /* the application still owns it; its answer will be dropped */
        c->req = NULL;
    }
    c->state = CONN_CLOSING;
    uv_close((uv_handle_t *)&c->tcp, on_conn_handle_closed);
    uv_close((uv_handle_t *)&c->timer, on_conn_handle_closed);
}

static void on_write_done(uv_write_t *w, int status) {
    write_req_t *wr = (write_req_t *)w;
    http_conn_t *c = wr->conn;
    free(wr->buf);
    free(wr);
    if (c->state == CONN_CLOSING) return;
    if (status < 0 || c->close_after_write || (c->server->shutting_down)) {
        conn_close(c);
        return;
    }
    c->state = CONN_IDLE;
    conn_arm_timer(c);
    llhttp_resume(&c->parser); /* paused by on_message_complete */
    if (c->pending_len) {
        char *data = c->pending;
        size_t len = c->pending_len;
        c->pending = NULL;
        c->pending_len = 0;
        conn_process(c, data, len);
        free(data);
    }
}

static void send_raw(http_conn_t *c, char *buf, size_t len) {
    write_req_t *wr = calloc(1, sizeof *wr);
    if (!wr) {
        free(buf);
        conn_close(c);
        return;
    }
    wr->conn = c;
    wr->buf = buf;
    c->state = CONN_WRITING;
    conn_arm_timer(c);
    uv_buf_t b = uv_buf_init(buf, (unsigned)len);
    if (uv_write(&wr->req, (uv_stream_t *)&c->tcp, &b, 1, on_write_done) != 0) {
        free(buf);
        free(wr);
        conn_close(c);
    }
}

static char *build_response(int status, const char *content_type, const char *headers, size_t headers_len,
                            const char *body, size_t body_len, bool keep_alive, size_t *out_len) {
    char head[256];
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 %d %s\r\ncontent-type: %s\r\ncontent-length: %zu\r\nconnection: %s\r\n", status,
                     http_status_text(status), content_type ? content_type : "application/json", body_len,
                     keep_alive ? "keep-alive" : "close");
    size_t total = (size_t)n + headers_len + 2 + body_len;
    char *buf = malloc(total);
    if (!buf) return NULL;
    memcpy(buf, head, (size_t)n);
    if (headers_len) memcpy(buf + n, headers, headers_len);
    memcpy(buf + n + headers_len, "\r\n", 2);
    if (body_len) memcpy(buf + n + headers_len + 2, body, body_len);
    *out_len = total;
    return buf;
}

/* Protocol-level error from the parser: answer and close. */
static void conn_fail(http_conn_t *c, int status, const char *message) {
    if (c->req) {
        request_free(c->req);
        c->req = NULL;
    }
    char body[256];
    int n = snprintf(body, sizeof body, "{\"message\": \"%s\"}", message);
    size_t len;
    char *buf = build_response(status, "application/json", NULL, 0, body, (size_t)n, false, &len);
    c->close_after_write = true;
    if (!buf) {
        conn_close(c);
        return;
    }
    if (c->reading) {
        uv_read_stop((uv_stream_t *)&c->tcp);
        c->reading = false;
    }
    send_raw(c, buf, len);
}

static void conn_process(http_conn_t *c, const char *data, size_t len) {
    llhttp_errno_t err = llhttp_execute(&c->parser, data, len);
    if (err == HPE_OK) return;
    if (err == HPE_PAUSED) {
        const char *pos = llhttp_get_error_pos(&c->parser);
        size_t used = pos ? (size_t)(pos - data) : len;
        if (used < len) {
            size_t rest = len - used;
            char *keep = realloc(c->pending, c->pending_len + rest);
            if (!keep) {
                conn_close(c);
                return;
            }
            memcpy(keep + c->pending_len, data + used, rest);
            c->pending = keep;
            c->pending_len += rest;
        }
        http_request_t *r = c->req; /* stays attached while processing */
        if (!r) {
            conn_close(c);
            return;
        }
        r->conn = c;
        snprintf(r->peer_ip, sizeof r->peer_ip, "%s", c->peer_ip);
        r->peer_port = c->peer_port;
        r->received_ns = uv_hrtime();
        if (!r->path) r->path = calloc(1, 1);
        c->state = CONN_PROCESSING;
        uv_timer_stop(&c->timer);
        c->server->inflight++;
        c->server->cfg.on_request(r, c->server->cfg.ud);
        return;
    }
    int status = c->error_status ? c->error_status : 400;
    const char *why = status == 413 ? "Request body too large" : status == 431 ? "Request headers too large"
                                                                              : llhttp_errno_name(err);
    log_write(LOG_DEBUG, "http", "%s:%d: bad request (%s): %s", c->peer_ip, c->peer_port, llhttp_errno_name(err),
              llhttp_get_error_reason(&c->parser) ? llhttp_get_error_reason(&c->parser) : "");
    conn_fail(c, status, why);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
    http_conn_t *c = stream->data;
    if (n > 0 && c->state != CONN_CLOSING) {
        if (c->state == CONN_PROCESSING || c->state == CONN_WRITING) {
            /* Pipelined bytes while a request is in flight: keep them for later, bounded. */
            if (c->pending_len + (size_t)n > c->server->cfg.max_body + c->server->cfg.max_header_bytes) {
                conn_close(c);
            } else {
                char *keep = realloc(c->pending, c->pending_len + (size_t)n);
                if (keep) {
                    memcpy(keep + c->pending_len, buf->base, (size_t)n);
                    c->pending = keep;
                    c->pending_len += (size_t)n;
                } else {
                    conn_close(c);
                }
            }
        } else {
            conn_process(c, buf->base, (size_t)n);
        }
    } else if (n < 0 && c->state != CONN_CLOSING) {
        if (c->state == CONN_PROCESSING) {
            /* Peer half-closed or vanished mid-request: the answer will be dropped. */
            uv_read_stop(stream);
            c->reading = false;
            c->close_after_write = true;
            if (n != UV_EOF) conn_close(c);
        } else {
            conn_close(c);
        }
    }
    free(buf->base);
}

static void on_connection(uv_stream_t *listener, int status) {
    http_server_t *s = listener->data;
    if (status < 0) {
        log_write(LOG_WARN, "http", "accept error: %s", uv_strerror(status));
        return;
    }
    http_conn_t *c = calloc(1, sizeof *c);
    if (!c) return;
    c->server = s;
    uv_tcp_init(s->loop, &c->tcp);
    uv_timer_init(s->loop, &c->timer);
    c->tcp.data = c->timer.data = c;
    c->open_handles = 2;
    c->next = s->conns;
    if (s->conns) s->conns->prev = c;
    s->conns = c;
    s->nconns++;
    if (uv_accept(listener, (uv_stream_t *)&c->tcp) != 0) {
        conn_close(c);
        return;
    }
    if (s->shutting_down || (int)s->nconns > s->cfg.max_connections) {
        log_write(LOG_WARN, "http", "connection limit (%d) reached: refusing a connection", s->cfg.max_connections);
        conn_close(c);
        return;
    }
    struct sockaddr_storage addr;
    int alen = sizeof addr;
    if (uv_tcp_getpeername(&c->tcp, (struct sockaddr *)&addr, &alen) == 0) {
        if (addr.ss_family == AF_INET) {
            uv_ip4_name((struct sockaddr_in *)&addr, c->peer_ip, sizeof c->peer_ip);
            c->peer_port = ntohs(((struct sockaddr_in *)&addr)->sin_port);
        } else if (addr.ss_family == AF_INET6) {
            uv_ip6_name((struct sockaddr_in6 *)&addr, c->peer_ip, sizeof c->peer_ip);
            c->peer_port = ntohs(((struct sockaddr_in6 *)&addr)->sin6_port);
        }
    }
    uv_tcp_nodelay(&c->tcp, 1);
    llhttp_init(&c->parser, HTTP_REQUEST, &s->settings);
    c->parser.data = c;
    c->state = CONN_IDLE;
    conn_arm_timer(c);
    c->reading = true;
    uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
}

static void on_listener_closed(uv_handle_t *h) {
    http_server_t *s = h->data;
    s->listener_closed = true;
    maybe_free_server(s);
}

http_server_t *http_server_start(uv_loop_t *loop, const http_config_t *cfg, char *err, size_t errlen) {
    http_server_t *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->loop = loop;
    s->cfg = *cfg;
    snprintf(s->ip, sizeof s->ip, "%s", cfg->ip ? cfg->ip : "0.0.0.0");
    s->cfg.ip = s->ip;
    llhttp_settings_init(&s->settings);
    s->settings.on_message_begin = on_message_begin;
    s->settings.on_url = on_url;
    s->settings.on_header_field = on_header_field;
    s->settings.on_header_value = on_header_value;
    s->settings.on_headers_complete = on_headers_complete;
    s->settings.on_body = on_body;
    s->settings.on_message_complete = on_message_complete;

    struct sockaddr_storage addr;
    int r = strchr(s->ip, ':') ? uv_ip6_addr(s->ip, cfg->port, (struct sockaddr_in6 *)&addr)
                               : uv_ip4_addr(s->ip, cfg->port, (struct sockaddr_in *)&addr);
    if (r) {
        snprintf(err, errlen, "bad listen address '%s': %s", s->ip, uv_strerror(r));
        free(s);
        return NULL;
    }
    uv_tcp_init(loop, &s->listener);
    s->listener.data = s;
    r = uv_tcp_bind(&s->listener, (struct sockaddr *)&addr, 0);
    if (!r) r = uv_listen((uv_stream_t *)&s->listener, 511, on_connection);
    if (r) {
        snprintf(err, errlen, "cannot listen on %s:%d: %s", s->ip, cfg->port, uv_strerror(r));
        s->freed_pending = true; /* freed by the close callback */
        s->shutting_down = true;
        uv_close((uv_handle_t *)&s->listener, on_listener_closed);
        return NULL;
    }
    return s;
}

int http_server_port(http_server_t *s) {
    struct sockaddr_storage addr;
    int len = sizeof addr;
    if (uv_tcp_getsockname(&s->listener, (struct sockaddr *)&addr, &len)) return -1;
    return addr.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *)&addr)->sin6_port)
                                      : ntohs(((struct sockaddr_in *)&addr)->sin_port);
}

size_t http_server_connections(http_server_t *s) { return s->nconns; }
size_t http_server_inflight(http_server_t *s) { return s->inflight; }

void http_server_shutdown(http_server_t *s, void (*on_drained)(void *ud), void *ud) {
    if (!s->shutting_down) {
        s->shutting_down = true;
        uv_close((uv_handle_t *)&s->listener, on_listener_closed);
    }
    s->on_drained = on_drained;
    s->drained_ud = ud;
    for (http_conn_t *c = s->conns, *next; c; c = next) {
        next = c->next;
        if (c->state == CONN_IDLE || c->state == CONN_READING) conn_close(c);
        else c->close_after_write = true;
    }
    maybe_drained(s);
}

void http_server_close(http_server_t *s) {
    if (!s->shutting_down) {
        s->shutting_down = true;
        uv_close((uv_handle_t *)&s->listener, on_listener_closed);
    }
    s->on_drained = NULL;
    for (http_conn_t *c = s->conns, *next; c; c = next) {
        next = c->next;
        conn_close(c);
    }
    s->freed_pending = true;
    maybe_free_server(s);
}

void http_respond(http_request_t *req, int status, const char *content_type, const char *headers, size_t headers_len,
                  const char *body, size_t body_len) {
    http_server_t *s = req->server;
    http_conn_t *c = req->conn;
    s->inflight--;
    if (c && c->state == CONN_PROCESSING) {
        bool keep = req->keep_alive && !c->close_after_write && !s->shutting_down;
        size_t len;
        char *buf = build_response(status, content_type, headers, headers_len, body, body_len, keep, &len);
        c->req = NULL;
        if (!keep) c->close_after_write = true;
        if (buf) send_raw(c, buf, len);
        else conn_close(c);
    }
    request_free(req);
    maybe_drained(s);
}
