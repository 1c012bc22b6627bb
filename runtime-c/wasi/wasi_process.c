/* Arguments, environment, clocks, randomness, scheduling, process exit and the (unsupported) sockets. */
#include "wasi_internal.h"

#include <errno.h>
#include <inttypes.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

/* Sizes of a string list as the guest sees it: count and total bytes including NULs. */
static int32_t list_sizes(char **strings, size_t count, uint32_t *total) {
    uint64_t bytes = 0;
    for (size_t i = 0; i < count; i++) bytes += strlen(strings[i]) + 1;
    if (count > UINT32_MAX || bytes > UINT32_MAX) return WASMC_WASI_ERRNO_OVERFLOW;
    *total = (uint32_t)bytes;
    return WASMC_WASI_ERRNO_SUCCESS;
}

static int32_t list_get(char **strings, size_t count, uint8_t *mem, uint64_t mem_size, int32_t pointers, int32_t buffer) {
    uint32_t total;
    int32_t err = list_sizes(strings, count, &total);
    if (err) return err;
    if (!wasi_range_ok(mem_size, pointers, (uint64_t)count * 4) || !wasi_range_ok(mem_size, buffer, total))
        return WASMC_WASI_ERRNO_FAULT;
    uint32_t at = (uint32_t)buffer;
    for (size_t i = 0; i < count; i++) {
        size_t len = strlen(strings[i]) + 1;
        wasi_store_u32(mem, (uint32_t)pointers + 4 * (uint32_t)i, at);
        memcpy(mem + at, strings[i], len);
        at += (uint32_t)len;
    }
    return WASMC_WASI_ERRNO_SUCCESS;
}

static int32_t list_sizes_get(char **strings, size_t count, uint8_t *mem, uint64_t mem_size, int32_t count_ptr,
                              int32_t size_ptr) {
    uint32_t total;
    int32_t err = list_sizes(strings, count, &total);
    if (err) return err;
    if (!wasi_range_ok(mem_size, count_ptr, 4) || !wasi_range_ok(mem_size, size_ptr, 4)) return WASMC_WASI_ERRNO_FAULT;
    wasi_store_u32(mem, (uint32_t)count_ptr, (uint32_t)count);
    wasi_store_u32(mem, (uint32_t)size_ptr, total);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_args_get(WASI_MEM, int32_t argv, int32_t argv_buf) {
    return list_get(wasi->argv, wasi->argc, mem, mem_size, argv, argv_buf);
}

int32_t wasmc_wasi_args_sizes_get(WASI_MEM, int32_t argc_ptr, int32_t argv_buf_size_ptr) {
    return list_sizes_get(wasi->argv, wasi->argc, mem, mem_size, argc_ptr, argv_buf_size_ptr);
}

int32_t wasmc_wasi_environ_get(WASI_MEM, int32_t environ, int32_t environ_buf) {
    return list_get(wasi->env, wasi->envc, mem, mem_size, environ, environ_buf);
}

int32_t wasmc_wasi_environ_sizes_get(WASI_MEM, int32_t count_ptr, int32_t buf_size_ptr) {
    return list_sizes_get(wasi->env, wasi->envc, mem, mem_size, count_ptr, buf_size_ptr);
}

/*
 * Maps a WASI clock id; returns the WASI errno for ids we refuse. The CPU-time clocks answer BADF,
 * exactly as Wasmtime does (it offers no process or thread CPU clocks), so programs behave alike.
 */
static int32_t host_clock(int32_t clock_id, clockid_t *out) {
    switch (clock_id) {
    case 0: *out = CLOCK_REALTIME; return WASMC_WASI_ERRNO_SUCCESS;
    case 1: *out = CLOCK_MONOTONIC; return WASMC_WASI_ERRNO_SUCCESS;
    case 2:
    case 3: return WASMC_WASI_ERRNO_BADF;
    default: return WASMC_WASI_ERRNO_INVAL;
    }
}

int32_t wasmc_wasi_clock_res_get(WASI_MEM, int32_t clock_id, int32_t resolution_ptr) {
    (void)wasi;
    clockid_t clock;
    int32_t err = host_clock(clock_id, &clock);
    if (err) return err;
    struct timespec ts;
    if (clock_getres(clock, &ts) != 0) return wasi_errno_from_host(errno);
    return wasi_put_u64(mem, mem_size, resolution_ptr, (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec);
}

int32_t wasmc_wasi_clock_time_get(WASI_MEM, int32_t clock_id, int64_t precision, int32_t time_ptr) {
    (void)wasi;
    (void)precision; /* a hint; the host clock is always read at full precision */
    clockid_t clock;
    int32_t err = host_clock(clock_id, &clock);
    if (err) return err;
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) return wasi_errno_from_host(errno);
    return wasi_put_u64(mem, mem_size, time_ptr, (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec);
}

int32_t wasmc_wasi_random_get(WASI_MEM, int32_t buf, int32_t buf_len) {
    (void)wasi;
    uint32_t len = (uint32_t)buf_len;
    if (!wasi_range_ok(mem_size, buf, len)) return WASMC_WASI_ERRNO_FAULT;
    uint8_t *out = mem + (uint32_t)buf;
    while (len > 0) {
        ssize_t got = getrandom(out, len, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            return wasi_errno_from_host(errno);
        }
        out += got;
        len -= (uint32_t)got;
    }
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_sched_yield(WASI_MEM) {
    (void)wasi;
    (void)mem;
    (void)mem_size;
    sched_yield();
    return WASMC_WASI_ERRNO_SUCCESS;
}

/*
 * A status outside [0, 126) is an error, as in Wasmtime: the OS keeps only 8 bits (256 would read as
 * success) and 126..255 mean "not executable", "not found" and "killed by a signal" to shells.
 */
void wasmc_wasi_proc_exit(WASI_MEM, int32_t exit_code) {
    (void)mem;
    (void)mem_size;
    if ((uint32_t)exit_code >= WASMC_WASI_MAX_EXIT_STATUS) {
        fflush(stdout);
        fprintf(stderr, "Error: exit with invalid exit status outside of [0..126): %" PRIu32 "\n", (uint32_t)exit_code);
        exit_code = WASMC_WASI_INVALID_EXIT_STATUS;
    }
    if (wasi->exit_hook) wasi->exit_hook(wasi->exit_context, exit_code);
    fflush(NULL);
    exit(exit_code);
}

int32_t wasmc_wasi_proc_raise(WASI_MEM, int32_t signal) {
    (void)wasi;
    (void)mem;
    (void)mem_size;
    (void)signal;
    /* Removed from later WASI versions; Wasmtime does not support it either. */
    return WASMC_WASI_ERRNO_NOSYS;
}

/* Sockets cannot be created through preview 1, and no host socket is ever handed to the guest. */
static int32_t socket_call(wasmc_wasi *wasi, int32_t fd) {
    wasi_fd_entry *entry = wasi_fd_lookup(wasi, fd);
    if (!entry) return WASMC_WASI_ERRNO_BADF;
    if (entry->filetype != WASI_FILETYPE_SOCKET_STREAM && entry->filetype != WASI_FILETYPE_SOCKET_DGRAM)
        return WASMC_WASI_ERRNO_NOTSOCK;
    return WASMC_WASI_ERRNO_NOTSUP;
}

int32_t wasmc_wasi_sock_accept(WASI_MEM, int32_t fd, int32_t flags, int32_t fd_ptr) {
    (void)mem, (void)mem_size, (void)flags, (void)fd_ptr;
    return socket_call(wasi, fd);
}

int32_t wasmc_wasi_sock_recv(WASI_MEM, int32_t fd, int32_t ri_data, int32_t ri_data_len, int32_t ri_flags,
                             int32_t nread_ptr, int32_t roflags_ptr) {
    (void)mem, (void)mem_size, (void)ri_data, (void)ri_data_len, (void)ri_flags, (void)nread_ptr, (void)roflags_ptr;
    return socket_call(wasi, fd);
}

int32_t wasmc_wasi_sock_send(WASI_MEM, int32_t fd, int32_t si_data, int32_t si_data_len, int32_t si_flags,
                             int32_t nwritten_ptr) {
    (void)mem, (void)mem_size, (void)si_data, (void)si_data_len, (void)si_flags, (void)nwritten_ptr;
    return socket_call(wasi, fd);
}

int32_t wasmc_wasi_sock_shutdown(WASI_MEM, int32_t fd, int32_t how) {
    (void)mem, (void)mem_size, (void)how;
    return socket_call(wasi, fd);
}
