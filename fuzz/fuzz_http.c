/* fuzz_http: the HTTP server core (runtime/http.c, llhttp) fed arbitrary bytes on a connection: parsing in
 * place, pipelining, early answers at the headers (with the body skipped or the connection closed), body
 * limits and the body budget, chunked bodies and trailers, 100-continue, answers given at once or on a later
 * loop turn. Requests: "/reject..." is answered at its headers, "/tiny..." allows 16 body bytes, "/later..."
 * is answered on the next loop turn, anything else at once with its body echoed. */
#include <stdio.h>
#include <string.h>

#include "fuzz_pipe.h"
#include "http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    uv_loop_t loop;
    uv_timer_t later_timer;
    http_server_t *server;
    http_request_t *later[64];
    int nlater;
} harness_t;

static void answer(http_request_t *req) {
    char headers[128];
    int n = snprintf(headers, sizeof headers, "x-path-length: %zu\r\n", strlen(req->path));
    http_respond(req, 200, "text/plain", headers, (size_t)n, req->body ? req->body : "", req->body_len);
}

static void on_later(uv_timer_t *t) {
    harness_t *h = t->data;
    int n = h->nlater;
    h->nlater = 0;
    for (int i = 0; i < n; i++) answer(h->later[i]);
}

static int on_headers(http_request_t *req, void *ud) {
    (void)ud;
    if (strncmp(req->path, "/reject", 7) == 0) {
        http_respond(req, 403, "application/json", NULL, 0, "{\"message\": \"no\"}", 17);
        return HTTP_ANSWERED;
    }
    if (strncmp(req->path, "/tiny", 5) == 0) req->body_limit = 16;
    req->app = req; /* something to give back in on_abandon */
    return HTTP_CONTINUE;
}

static void on_abandon(http_request_t *req, void *ud) {
    (void)ud;
    if (req->app != req) abort(); /* the application's state comes back intact */
}

static void on_request(http_request_t *req, void *ud) {
    harness_t *h = ud;
    if (strncmp(req->path, "/later", 6) == 0 && h->nlater < 64) {
        h->later[h->nlater++] = req;
        uv_timer_start(&h->later_timer, on_later, 0, 0);
        return;
    }
    answer(req);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static harness_t *h;
    if (!h) {
        h = calloc(1, sizeof *h);
        uv_loop_init(&h->loop);
        uv_timer_init(&h->loop, &h->later_timer);
        h->later_timer.data = h;
        http_config_t cfg = {
            .ip = "127.0.0.1",
            .port = 0,
            .max_body = 4096,
            .body_budget = 6000,
            .max_header_bytes = 2048,
            .max_headers = 20,
            .max_connections = 8,
            .first_byte_timeout = 5,
            .idle_timeout = 5,
            .read_timeout = 5,
            .write_timeout = 5,
            .on_headers = on_headers,
            .on_request = on_request,
            .on_abandon = on_abandon,
            .ud = h,
        };
        char err[256];
        h->server = http_server_start(&h->loop, &cfg, err, sizeof err);
        if (!h->server) {
            fprintf(stderr, "fuzz_http: %s\n", err);
            abort();
        }
    }
    fuzz_pipe_feed(&h->loop, h->server, data, size);
    /* answers still waiting for the timer go out (or are dropped) now */
    for (int i = 0; i < 4 && h->nlater; i++) uv_run(&h->loop, UV_RUN_NOWAIT);
    if (http_server_inflight(h->server) != (size_t)h->nlater) abort(); /* nothing else left in flight */
    return 0;
}
