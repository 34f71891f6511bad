/* Feeds one fuzz input to an HTTP server through a socketpair (http_server_adopt): the input is written in
 * slices (the first byte picks the slice size, so request boundaries fall anywhere), the loop runs between
 * slices, then the writing side is shut down and the loop runs until the server closed its end (answers are
 * read and dropped so it never blocks on a full socket). */
#ifndef MINER_FUZZ_PIPE_H
#define MINER_FUZZ_PIPE_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include "http.h"

/* Reads what the server sent; returns 1 at end of stream (the server closed), 0 otherwise. */
static inline int fuzz_pipe_drain(int fd) {
    char buf[65536];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0) continue;
        if (n == 0) return 1;
        return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : 1;
    }
}

static inline void fuzz_pipe_feed(uv_loop_t *loop, http_server_t *server, const uint8_t *data, size_t size) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) abort();
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    if (http_server_adopt(server, sv[1]) != 0) {
        close(sv[0]);
        close(sv[1]);
        return;
    }
    size_t slice = size ? (size_t)(data[0] % 97) + 1 : 1;
    size_t off = size ? 1 : 0;
    int stuck = 0, closed = 0;
    while (off < size && !closed && stuck < 1000) {
        size_t n = size - off < slice ? size - off : slice;
        ssize_t w = write(sv[0], data + off, n);
        if (w > 0) {
            off += (size_t)w;
            stuck = 0;
        } else if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            break; /* the server closed: the rest is not wanted */
        } else {
            stuck++;
        }
        uv_run(loop, UV_RUN_NOWAIT);
        closed = fuzz_pipe_drain(sv[0]);
    }
    shutdown(sv[0], SHUT_WR);
    for (int i = 0; i < 10000 && !closed; i++) {
        uv_run(loop, UV_RUN_NOWAIT);
        closed = fuzz_pipe_drain(sv[0]);
    }
    close(sv[0]);
    for (int i = 0; i < 8; i++) uv_run(loop, UV_RUN_NOWAIT); /* let the server see it and close */
}

#endif
