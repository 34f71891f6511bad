/* HTTP/1.1 server core (see http.h). Ownership: the server owns connections; a connection owns its parser state
 * and at most one in-flight request, which the application owns until http_respond. */
#include "http.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <llhttp.h>

#include "log.h"

#define READ_CHUNK 65536
#define LINGER_MS 2000
#define LINGER_MAX_BYTES (64 * 1024 * 1024) /* bound the reading; the time bound is what matters */

struct http_server {
    uv_loop_t *loop;
    uv_tcp_t listener;
    http_config_t cfg;
    char ip[64];
    http_conn_t *conns; /* doubly linked list, newest first */
    size_t nconns;      /* including connections whose handles are still closing */
    size_t nactive;     /* not closing */
    size_t inflight;
    size_t body_bytes;  /* request body bytes reserved or held */
    uint64_t evicted, refused;
    uint64_t last_limit_log; /* uv_now of the last "limit reached" warning (at most one per 10 s) */
    bool shutting_down;
    bool listener_closed;
    bool freed_pending;
    void (*on_drained)(void *ud);
    void *drained_ud;
    llhttp_settings_t settings;
    char discard[READ_CHUNK]; /* lingering connections read into this and drop it */
};

/* LINGER: the last answer is sent and our side shut down; what the peer still sends is read and dropped for a
 * moment, so that closing with unread input (which makes the kernel send a reset) cannot destroy the answer
 * before the peer read it. */
enum conn_state { CONN_IDLE, CONN_READING, CONN_PROCESSING, CONN_WRITING, CONN_LINGER, CONN_CLOSING };


struct http_conn {
    http_conn_t *prev, *next;
    http_server_t *server;
    uv_tcp_t tcp;
    uv_timer_t timer;
    uv_shutdown_t shutdown_req;
    int open_handles;
    size_t lingered; /* bytes dropped while lingering */
    llhttp_t parser;
    enum conn_state state;
    http_request_t *req;     /* request being parsed or processed (NULL while an answered one is skipped) */
    char *in;                /* received bytes; [in_off, in_len) not parsed yet */
    size_t in_off, in_len, in_cap;
    size_t header_bytes;
    bool in_header_value;
    bool in_trailers;        /* past the headers: chunked trailers are counted, never merged into headers */
    bool answered_early;     /* on_headers answered and the rest of the message is not wanted */
    bool close_after_write;
    bool reading;
    bool peer_eof;           /* the peer half-closed: answer what is buffered, then close */
    bool got_bytes;
    int error_status;        /* set by parser callbacks to answer with this status */
    uint64_t since;          /* uv_now when the current state began (eviction order) */
    char peer_ip[64];
    int peer_port;
};

typedef struct {
    uv_write_t req;
    http_conn_t *conn;
    char *buf;
    bool interim; /* "100 Continue": not the answer */
} write_req_t;

static void conn_close(http_conn_t *c);
static void conn_parse(http_conn_t *c);
static void conn_arm_timer(http_conn_t *c);
static void conn_fail(http_conn_t *c, int status, const char *message);
static void conn_linger(http_conn_t *c);

const char *http_status_text(int status) {
    switch (status) {
    case 100: return "Continue";
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

void http_request_drop_body(http_request_t *r) {
    free(r->body);
    r->body = NULL;
    r->body_len = r->body_cap = 0;
    if (r->server) r->server->body_bytes -= r->reserved;
    r->reserved = 0;
}

static void request_free(http_request_t *r) {
    if (!r) return;
    for (size_t i = 0; i < r->nheaders; i++) {
        free(r->headers[i].name);
        free(r->headers[i].value);
    }
    free(r->headers);
    free(r->path);
    http_request_drop_body(r);
    free(r);
}

void http_request_discard(http_request_t *req) { request_free(req); }

/* Drops the request being read on c: the application is told if it had let the request in. */
static void conn_drop_request(http_conn_t *c) {
    http_request_t *r = c->req;
    if (!r) return;
    c->req = NULL;
    if (r->accepted && !r->delivered && c->server->cfg.on_abandon) c->server->cfg.on_abandon(r, c->server->cfg.ud);
    request_free(r);
}

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

static bool count_header_bytes(http_conn_t *c, size_t n) {
    c->header_bytes += n;
    if (c->header_bytes > c->server->cfg.max_header_bytes) {
        c->error_status = 431;
        return false;
    }
    return true;
}

static int on_message_begin(llhttp_t *p) {
    http_conn_t *c = p->data;
    c->req = calloc(1, sizeof *c->req);
    if (!c->req) return -1;
    c->req->server = c->server;
    c->header_bytes = 0;
    c->in_header_value = false;
    c->in_trailers = false;
    c->answered_early = false;
    if (c->state == CONN_IDLE) {
        c->state = CONN_READING;
        c->since = uv_now(c->server->loop);
        conn_arm_timer(c); /* the whole request must arrive within read_timeout (slowloris) */
    }
    return 0;
}

static int on_url(llhttp_t *p, const char *at, size_t n) {
    http_conn_t *c = p->data;
    if (!count_header_bytes(c, n)) return -1;
    size_t len = c->req->path ? strlen(c->req->path) : 0;
    return append(&c->req->path, &len, at, n);
}

static int on_header_field(llhttp_t *p, const char *at, size_t n) {
    http_conn_t *c = p->data;
    if (!count_header_bytes(c, n)) return -1;
    if (c->in_trailers || !c->req) return 0;
    http_request_t *r = c->req;
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
        if (!r->headers[r->nheaders - 1].value) return -1;
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
    if (!count_header_bytes(c, n)) return -1;
    if (c->in_trailers || !c->req) return 0;
    c->in_header_value = true;
    http_header_t *h = &c->req->headers[c->req->nheaders - 1];
    size_t len = strlen(h->value);
    return append(&h->value, &len, at, n);
}

static void send_continue(http_conn_t *c);

static int on_headers_complete(llhttp_t *p) {
    http_conn_t *c = p->data;
    http_server_t *s = c->server;
    http_request_t *r = c->req;
    c->in_trailers = true;
    snprintf(r->method, sizeof r->method, "%s", llhttp_method_name((llhttp_method_t)p->method));
    if (!r->path && !(r->path = calloc(1, 1))) return -1;
    r->keep_alive = llhttp_should_keep_alive(p);
    r->has_content_length = (p->flags & F_CONTENT_LENGTH) != 0;
    r->chunked = (p->flags & F_CHUNKED) != 0;
    r->content_length = r->has_content_length ? p->content_length : 0;
    r->conn = c;
    snprintf(r->peer_ip, sizeof r->peer_ip, "%s", c->peer_ip);
    r->peer_port = c->peer_port;
    r->received_ns = uv_hrtime();
    r->body_limit = s->cfg.max_body;
    if (s->cfg.on_headers) {
        if (s->cfg.on_headers(r, s->cfg.ud) == HTTP_ANSWERED) {
            /* http_respond ran (c->req is NULL): skip a small announced body, else stop here and close */
            if (c->close_after_write) {
                c->answered_early = true;
                return -1;
            }
            return 0;
        }
        r->accepted = true;
    }
    if (r->body_limit > s->cfg.max_body) r->body_limit = s->cfg.max_body;
    if (r->has_content_length && r->content_length > r->body_limit) {
        c->error_status = 413;
        return -1;
    }
    if (r->has_content_length && r->content_length > 0) {
        if (r->content_length > s->cfg.body_budget - s->body_bytes) {
            c->error_status = 503;
            return -1;
        }
        r->reserved = (size_t)r->content_length;
        s->body_bytes += r->reserved;
    }
    const char *expect = http_request_header(r, "expect");
    if (expect && strcasecmp(expect, "100-continue") == 0 && (r->chunked || r->content_length > 0)) send_continue(c);
    return 0;
}

static int on_body(llhttp_t *p, const char *at, size_t n) {
    http_conn_t *c = p->data;
    http_request_t *r = c->req;
    if (!r) return 0; /* answered at its headers: skipped */
    if (n > r->body_limit - r->body_len) {
        c->error_status = 413;
        return -1;
    }
    size_t need = r->body_len + n;
    if (need > r->reserved) { /* chunked, or more than announced (llhttp stops at Content-Length anyway) */
        http_server_t *s = c->server;
        if (need - r->reserved > s->cfg.body_budget - s->body_bytes) {
            c->error_status = 503;
            return -1;
        }
        s->body_bytes += need - r->reserved;
        r->reserved = need;
    }
    if (need + 1 > r->body_cap) {
        size_t cap = r->body_cap ? r->body_cap * 2 : (r->has_content_length ? (size_t)r->content_length + 1 : 4096);
        if (cap < need + 1) cap = need + 1;
        char *bigger = realloc(r->body, cap);
        if (!bigger) return -1;
        r->body = bigger;
        r->body_cap = cap;
    }
    memcpy(r->body + r->body_len, at, n);
    r->body_len = need;
    r->body[need] = 0;
    return 0;
}

static int on_message_complete(llhttp_t *p) {
    (void)p;
    return HPE_PAUSED; /* one request at a time: the rest waits in c->in */
}

/* ---- timers ---- */

static void on_conn_timeout(uv_timer_t *t) {
    http_conn_t *c = t->data;
    if (c->state == CONN_READING) {
        log_write(LOG_DEBUG, "http", "%s:%d: request not received in time, closing", c->peer_ip, c->peer_port);
    } else if (c->state == CONN_WRITING) {
        log_write(LOG_DEBUG, "http", "%s:%d: peer did not take the answer in time, closing", c->peer_ip, c->peer_port);
    } else if (c->state == CONN_IDLE && !c->got_bytes) {
        log_write(LOG_DEBUG, "http", "%s:%d: nothing sent within the first-byte timeout, closing", c->peer_ip,
                  c->peer_port);
    }
    conn_close(c);
}

static void conn_arm_timer(http_conn_t *c) {
    double secs = 0;
    switch (c->state) {
    case CONN_IDLE: secs = c->got_bytes ? c->server->cfg.idle_timeout : c->server->cfg.first_byte_timeout; break;
    case CONN_READING: secs = c->server->cfg.read_timeout; break;
    case CONN_WRITING: secs = c->server->cfg.write_timeout; break;
    case CONN_LINGER: secs = LINGER_MS / 1000.0; break;
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
    free(c->in);
    free(c);
    maybe_free_server(s);
}

static void conn_close(http_conn_t *c) {
    if (c->state == CONN_CLOSING) return;
    if (c->state == CONN_PROCESSING && c->req) {
        c->req->conn = NULL; /* the application still owns it; its answer will be dropped */
        c->req = NULL;
    }
    conn_drop_request(c); /* one being read */
    c->state = CONN_CLOSING;
    c->server->nactive--;
    uv_close((uv_handle_t *)&c->tcp, on_conn_handle_closed);
    uv_close((uv_handle_t *)&c->timer, on_conn_handle_closed);
}

static void conn_stop_reading(http_conn_t *c) {
    if (c->reading) {
        uv_read_stop((uv_stream_t *)&c->tcp);
        c->reading = false;
    }
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf);
static void on_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf);

static void conn_start_reading(http_conn_t *c) {
    if (!c->reading && !c->peer_eof && c->state != CONN_CLOSING &&
        uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read) == 0)
        c->reading = true;
}

/* The connection can take its next request: parse what is buffered, or wait for more. */
static void conn_ready(http_conn_t *c) {
    c->state = CONN_IDLE;
    c->since = uv_now(c->server->loop);
    conn_arm_timer(c);
    llhttp_resume(&c->parser); /* paused by on_message_complete (no-op otherwise) */
    conn_parse(c);
    if (c->state == CONN_IDLE || c->state == CONN_READING) {
        if (c->peer_eof) conn_close(c); /* half-closed: everything complete was answered */
        else conn_start_reading(c);
    }
}

static void on_shutdown_done(uv_shutdown_t *req, int status) {
    (void)req;
    (void)status; /* a failed shutdown ends with the close anyway */
}

/* The last answer is out: send FIN, then drop what the peer still sends until it closes, LINGER_MS pass or
 * LINGER_MAX_BYTES came (then close). */
static void conn_linger(http_conn_t *c) {
    conn_drop_request(c);
    free(c->in);
    c->in = NULL;
    c->in_off = c->in_len = c->in_cap = 0;
    if (c->peer_eof || uv_shutdown(&c->shutdown_req, (uv_stream_t *)&c->tcp, on_shutdown_done) != 0) {
        conn_close(c);
        return;
    }
    c->state = CONN_LINGER;
    c->since = uv_now(c->server->loop);
    conn_arm_timer(c);
    if (!c->reading && uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read) == 0) c->reading = true;
    if (!c->reading) conn_close(c);
}

static void on_write_done(uv_write_t *w, int status) {
    write_req_t *wr = (write_req_t *)w;
    http_conn_t *c = wr->conn;
    bool interim = wr->interim;
    free(wr->buf);
    free(wr);
    if (c->state == CONN_CLOSING) return;
    if (status < 0) {
        conn_close(c);
        return;
    }
    if (interim) return;
    if (c->close_after_write || c->server->shutting_down) {
        conn_linger(c);
        return;
    }
    conn_ready(c);
}

static bool write_buf(http_conn_t *c, char *buf, size_t len, bool interim) {
    write_req_t *wr = calloc(1, sizeof *wr);
    if (!wr) {
        free(buf);
        return false;
    }
    wr->conn = c;
    wr->buf = buf;
    wr->interim = interim;
    uv_buf_t b = uv_buf_init(buf, (unsigned)len);
    if (uv_write(&wr->req, (uv_stream_t *)&c->tcp, &b, 1, on_write_done) != 0) {
        free(buf);
        free(wr);
        return false;
    }
    return true;
}

static void send_raw(http_conn_t *c, char *buf, size_t len) {
    c->state = CONN_WRITING;
    c->since = uv_now(c->server->loop);
    conn_arm_timer(c);
    if (!write_buf(c, buf, len, false)) conn_close(c);
}

static void send_continue(http_conn_t *c) {
    static const char line[] = "HTTP/1.1 100 Continue\r\n\r\n";
    char *buf = malloc(sizeof line - 1);
    if (!buf) return;
    memcpy(buf, line, sizeof line - 1);
    if (!write_buf(c, buf, sizeof line - 1, true)) c->error_status = 500;
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

/* Protocol-level error from the parser (or a limit): answer and close. */
static void conn_fail(http_conn_t *c, int status, const char *message) {
    conn_drop_request(c);
    char body[256];
    int n = snprintf(body, sizeof body, "{\"message\": \"%s\"}", message);
    size_t len;
    char *buf = build_response(status, "application/json", NULL, 0, body, (size_t)n, false, &len);
    c->close_after_write = true;
    if (!buf) {
        conn_close(c);
        return;
    }
    conn_stop_reading(c);
    send_raw(c, buf, len);
}

static void conn_deliver(http_conn_t *c) {
    http_request_t *r = c->req;
    http_server_t *s = c->server;
    c->state = CONN_PROCESSING;
    uv_timer_stop(&c->timer);
    r->delivered = true;
    s->inflight++;
    s->cfg.on_request(r, s->cfg.ud);
}

/* Parses buffered input in place while the connection can take a request; stops at each complete request. */
static void conn_parse(http_conn_t *c) {
    while (c->in_off < c->in_len && (c->state == CONN_IDLE || c->state == CONN_READING)) {
        const char *data = c->in + c->in_off;
        size_t len = c->in_len - c->in_off;
        llhttp_errno_t err = llhttp_execute(&c->parser, data, len);
        if (err == HPE_OK) {
            c->in_off = c->in_len;
            break;
        }
        if (err == HPE_PAUSED) {
            const char *pos = llhttp_get_error_pos(&c->parser);
            c->in_off += pos && pos >= data && pos <= data + len ? (size_t)(pos - data) : len;
            if (!c->req) { /* the end of a message answered at its headers */
                llhttp_resume(&c->parser);
                continue;
            }
            conn_deliver(c);
            break;
        }
        c->in_off = c->in_len; /* nothing after an error is used */
        if (c->answered_early) break; /* answered at the headers; closes after the answer */
        int status = c->error_status ? c->error_status : 400;
        const char *why = status == 413   ? "Request body too large"
                          : status == 431 ? "Request headers too large"
                          : status == 503 ? "Server busy: request body budget exhausted"
                                          : llhttp_errno_name(err);
        log_write(LOG_DEBUG, "http", "%s:%d: bad request (%s): %s", c->peer_ip, c->peer_port, llhttp_errno_name(err),
                  llhttp_get_error_reason(&c->parser) ? llhttp_get_error_reason(&c->parser) : "");
        if (c->state != CONN_CLOSING) conn_fail(c, status, why);
        break;
    }
    if (c->in && c->in_off >= c->in_len) {
        free(c->in);
        c->in = NULL;
        c->in_off = c->in_len = c->in_cap = 0;
    }
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    http_conn_t *c = h->data;
    (void)suggested;
    if (c->state == CONN_LINGER || c->state == CONN_CLOSING) {
        buf->base = c->server->discard;
        buf->len = sizeof c->server->discard;
        return;
    }
    if (c->in_cap - c->in_len < READ_CHUNK) {
        if (c->in_off > 0) { /* only unparsed bytes move, at most HTTP_PENDING_MAX + READ_CHUNK */
            memmove(c->in, c->in + c->in_off, c->in_len - c->in_off);
            c->in_len -= c->in_off;
            c->in_off = 0;
        }
        if (c->in_cap - c->in_len < READ_CHUNK) {
            char *bigger = realloc(c->in, c->in_len + READ_CHUNK);
            if (!bigger) {
                buf->base = NULL;
                buf->len = 0;
                return;
            }
            c->in = bigger;
            c->in_cap = c->in_len + READ_CHUNK;
        }
    }
    buf->base = c->in + c->in_len;
    buf->len = c->in_cap - c->in_len;
}

static void on_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
    http_conn_t *c = stream->data;
    (void)buf;
    if (c->state == CONN_CLOSING) return;
    if (c->state == CONN_LINGER) {
        if (n < 0 || (c->lingered += (size_t)n) > LINGER_MAX_BYTES) conn_close(c);
        return;
    }
    if (n > 0) {
        c->in_len += (size_t)n;
        c->got_bytes = true;
        if (c->state == CONN_IDLE || c->state == CONN_READING) {
            conn_parse(c);
        } else if (c->in_len - c->in_off >= HTTP_PENDING_MAX) {
            conn_stop_reading(c); /* pipelined input while busy: let TCP hold the rest */
        }
    } else if (n < 0) {
        conn_stop_reading(c);
        if (n != UV_EOF || c->state == CONN_IDLE || c->state == CONN_READING) {
            conn_close(c); /* an error, or a half-closed peer with no complete request waiting */
            return;
        }
        c->peer_eof = true; /* answer the request in flight and the complete ones buffered, then close */
    }
    if (c->in && c->in_off >= c->in_len) {
        free(c->in);
        c->in = NULL;
        c->in_off = c->in_len = c->in_cap = 0;
    }
}

static void limit_log(http_server_t *s, const char *what) {
    uint64_t now = uv_now(s->loop);
    if (s->last_limit_log && now - s->last_limit_log < 10000) return;
    s->last_limit_log = now;
    log_write(LOG_WARN, "http", "%s (%zu connections; %" PRIu64 " evicted, %" PRIu64 " refused so far)", what,
              s->nactive, s->evicted, s->refused);
}

/* The connection to give up for a new one: idle the longest, else reading its headers the longest; ip: only
 * that peer's. NULL when every connection is busy with a request that was let in. */
static http_conn_t *eviction_victim(http_server_t *s, const http_conn_t *except, const char *ip) {
    http_conn_t *idle = NULL, *headers = NULL;
    for (http_conn_t *c = s->conns; c; c = c->next) {
        if (c == except || c->state == CONN_CLOSING || (ip && strcmp(c->peer_ip, ip) != 0)) continue;
        if (c->state == CONN_LINGER) return c; /* finished anyway */
        /* the list is newest first: on equal times the later (older) one wins */
        if (c->state == CONN_IDLE && (!idle || c->since <= idle->since)) idle = c;
        if (c->state == CONN_READING && c->req && !c->in_trailers && (!headers || c->since <= headers->since))
            headers = c;
    }
    return idle ? idle : headers;
}

static http_conn_t *conn_new(http_server_t *s) {
    http_conn_t *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->server = s;
    uv_tcp_init(s->loop, &c->tcp);
    uv_timer_init(s->loop, &c->timer);
    c->tcp.data = c->timer.data = c;
    c->open_handles = 2;
    c->next = s->conns;
    if (s->conns) s->conns->prev = c;
    s->conns = c;
    s->nconns++;
    s->nactive++;
    c->state = CONN_IDLE;
    c->since = uv_now(s->loop);
    return c;
}

static void conn_start(http_conn_t *c) {
    uv_tcp_nodelay(&c->tcp, 1);
    llhttp_init(&c->parser, HTTP_REQUEST, &c->server->settings);
    c->parser.data = c;
    conn_arm_timer(c);
    conn_start_reading(c);
}

int http_server_adopt(http_server_t *s, uv_os_sock_t fd) {
    if (s->shutting_down) return UV_ECANCELED;
    http_conn_t *c = conn_new(s);
    if (!c) return UV_ENOMEM;
    int r = uv_tcp_open(&c->tcp, fd);
    if (r) {
        conn_close(c);
        return r;
    }
    snprintf(c->peer_ip, sizeof c->peer_ip, "adopted");
    conn_start(c);
    return 0;
}

static void on_connection(uv_stream_t *listener, int status) {
    http_server_t *s = listener->data;
    if (status < 0) {
        log_write(LOG_WARN, "http", "accept error: %s", uv_strerror(status));
        return;
    }
    http_conn_t *c = conn_new(s);
    if (!c) return;
    if (uv_accept(listener, (uv_stream_t *)&c->tcp) != 0 || s->shutting_down) {
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
    if (s->cfg.max_connections_per_ip > 0) {
        int same = 0;
        for (http_conn_t *o = s->conns; o; o = o->next)
            if (o != c && o->state != CONN_CLOSING && strcmp(o->peer_ip, c->peer_ip) == 0) same++;
        if (same >= s->cfg.max_connections_per_ip) {
            http_conn_t *victim = eviction_victim(s, c, c->peer_ip);
            if (!victim) {
                s->refused++;
                log_write(LOG_DEBUG, "http", "%s: per-address connection limit (%d) reached: refusing", c->peer_ip,
                          s->cfg.max_connections_per_ip);
                limit_log(s, "per-address connection limit reached: refusing connections");
                conn_close(c);
                return;
            }
            s->evicted++;
            conn_close(victim);
        }
    }
    if ((int)s->nactive > s->cfg.max_connections) {
        http_conn_t *victim = eviction_victim(s, c, NULL);
        char what[96];
        if (!victim) {
            s->refused++;
            snprintf(what, sizeof what, "connection limit (%d) reached: refusing a connection", s->cfg.max_connections);
            limit_log(s, what);
            conn_close(c);
            return;
        }
        s->evicted++;
        snprintf(what, sizeof what, "connection limit (%d) reached: evicting idle connections", s->cfg.max_connections);
        limit_log(s, what);
        conn_close(victim);
    }
    conn_start(c);
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
    if (!s->cfg.body_budget) s->cfg.body_budget = s->cfg.max_body * 64;
    if (s->cfg.body_budget < s->cfg.max_body) s->cfg.body_budget = s->cfg.max_body;
    if (s->cfg.first_byte_timeout <= 0) s->cfg.first_byte_timeout = s->cfg.read_timeout;
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

size_t http_server_connections(http_server_t *s) { return s->nactive; }

void http_server_stats(http_server_t *s, http_stats_t *out) {
    out->connections = s->nactive;
    out->inflight = s->inflight;
    out->body_bytes = s->body_bytes;
    out->evicted = s->evicted;
    out->refused = s->refused;
}
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
        if (c->state == CONN_IDLE || c->state == CONN_READING || c->state == CONN_LINGER) conn_close(c);
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
    if (req->delivered) s->inflight--;
    if (c && c->req == req && (c->state == CONN_PROCESSING || c->state == CONN_READING)) {
        bool early = c->state == CONN_READING; /* from on_headers: the body was not read */
        bool keep = req->keep_alive && !c->close_after_write && !s->shutting_down;
        if (early && (req->chunked || req->content_length > HTTP_SKIP_BODY_MAX)) keep = false;
        size_t len;
        char *buf = build_response(status, content_type, headers, headers_len, body, body_len, keep, &len);
        c->req = NULL;
        if (!keep) {
            c->close_after_write = true;
            conn_stop_reading(c);
        }
        if (buf) send_raw(c, buf, len);
        else conn_close(c);
    }
    request_free(req);
    maybe_drained(s);
}
