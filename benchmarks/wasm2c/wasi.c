/* Minimal WASI (preview 1) host for wasm2c-translated benchmarks, plus main().
 * wasm2c ships no WASI implementation, so this provides exactly the imports
 * wasi-libc pulls into these programs: arguments, writes to stdout/stderr,
 * fd queries that let stdio initialise, and exit. Every guest pointer is
 * bounds-checked against the linear memory.
 * Build: wasm2c x.wasm -n bench -o module.c; clang -O2 module.c wasi.c
 *        wasm-rt-impl.c wasm-rt-mem-impl.c wasm-rt-exceptions-impl.c
 *        -I<wasm2c runtime> -I<simde include dir>. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "module.h"
#include "wasm-rt-exceptions.h" /* wasm_rt_impl_try needs its unwind target */
#include "wasm-rt-impl.h"

struct w2c_wasi__snapshot__preview1 {
    wasm_rt_memory_t *memory;
    int argc;
    char **argv;
};

/* WASI errno values. */
enum { WASI_SUCCESS = 0, WASI_EBADF = 8, WASI_EFAULT = 21, WASI_EINVAL = 28, WASI_ESPIPE = 70 };

static uint8_t *guest(struct w2c_wasi__snapshot__preview1 *wasi, uint32_t address, uint64_t length) {
    if ((uint64_t)address + length > wasi->memory->size) return NULL;
    return wasi->memory->data + address;
}

static int store_u32(struct w2c_wasi__snapshot__preview1 *wasi, uint32_t address, uint32_t value) {
    uint8_t *p = guest(wasi, address, 4);
    if (!p) return 0;
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(value >> (8 * i)); /* wasm is little-endian */
    return 1;
}

static int store_u64(struct w2c_wasi__snapshot__preview1 *wasi, uint32_t address, uint64_t value) {
    uint8_t *p = guest(wasi, address, 8);
    if (!p) return 0;
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(value >> (8 * i));
    return 1;
}

static uint32_t load_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

u32 w2c_wasi__snapshot__preview1_args_sizes_get(struct w2c_wasi__snapshot__preview1 *wasi, u32 argc_out,
                                                u32 size_out) {
    uint32_t size = 0;
    for (int i = 0; i < wasi->argc; i++) size += (uint32_t)strlen(wasi->argv[i]) + 1u;
    if (!store_u32(wasi, argc_out, (uint32_t)wasi->argc) || !store_u32(wasi, size_out, size)) return WASI_EFAULT;
    return WASI_SUCCESS;
}

u32 w2c_wasi__snapshot__preview1_args_get(struct w2c_wasi__snapshot__preview1 *wasi, u32 argv_out, u32 buf_out) {
    for (int i = 0; i < wasi->argc; i++) {
        uint32_t length = (uint32_t)strlen(wasi->argv[i]) + 1u;
        uint8_t *dst = guest(wasi, buf_out, length);
        if (!dst || !store_u32(wasi, argv_out + 4u * (uint32_t)i, buf_out)) return WASI_EFAULT;
        memcpy(dst, wasi->argv[i], length);
        buf_out += length;
    }
    return WASI_SUCCESS;
}

u32 w2c_wasi__snapshot__preview1_fd_write(struct w2c_wasi__snapshot__preview1 *wasi, u32 fd, u32 iovs, u32 count,
                                          u32 written_out) {
    FILE *stream = fd == 1 ? stdout : fd == 2 ? stderr : NULL;
    if (!stream) return WASI_EBADF;
    uint32_t total = 0;
    for (uint32_t i = 0; i < count; i++) {
        const uint8_t *iov = guest(wasi, iovs + 8u * i, 8);
        if (!iov) return WASI_EFAULT;
        uint32_t length = load_u32(iov + 4);
        const uint8_t *data = guest(wasi, load_u32(iov), length);
        if (!data) return WASI_EFAULT;
        total += (uint32_t)fwrite(data, 1, length, stream);
    }
    return store_u32(wasi, written_out, total) ? WASI_SUCCESS : WASI_EFAULT;
}

u32 w2c_wasi__snapshot__preview1_fd_fdstat_get(struct w2c_wasi__snapshot__preview1 *wasi, u32 fd, u32 stat_out) {
    if (fd > 2) return WASI_EBADF;
    uint8_t *stat = guest(wasi, stat_out, 24);
    if (!stat) return WASI_EFAULT;
    memset(stat, 0, 24);
    stat[0] = 2; /* filetype: character device */
    /* Rights: everything except seek (bit 2) and tell (bit 5), like a terminal. */
    uint64_t rights = ~((1ull << 2) | (1ull << 5));
    return store_u64(wasi, stat_out + 8u, rights) && store_u64(wasi, stat_out + 16u, rights) ? WASI_SUCCESS
                                                                                           : WASI_EFAULT;
}

u32 w2c_wasi__snapshot__preview1_fd_seek(struct w2c_wasi__snapshot__preview1 *wasi, u32 fd, u64 offset, u32 whence,
                                         u32 position_out) {
    (void)wasi, (void)offset, (void)whence, (void)position_out;
    return fd <= 2 ? WASI_ESPIPE : WASI_EBADF;
}

u32 w2c_wasi__snapshot__preview1_fd_close(struct w2c_wasi__snapshot__preview1 *wasi, u32 fd) {
    (void)wasi;
    return fd <= 2 ? WASI_SUCCESS : WASI_EBADF;
}

void w2c_wasi__snapshot__preview1_proc_exit(struct w2c_wasi__snapshot__preview1 *wasi, u32 code) {
    (void)wasi;
    fflush(stdout);
    exit((int)code);
}

int main(int argc, char **argv) {
    static w2c_bench instance;
    struct w2c_wasi__snapshot__preview1 wasi = {NULL, argc, argv};
    wasm_rt_init();
    wasm2c_bench_instantiate(&instance, &wasi);
    wasi.memory = w2c_bench_memory(&instance);
    wasm_rt_trap_t trap = wasm_rt_impl_try();
    if (trap != WASM_RT_TRAP_NONE) {
        fflush(stdout);
        fprintf(stderr, "wasm trap: %s\n", wasm_rt_strerror(trap));
        return 134;
    }
    w2c_bench_0x5Fstart(&instance);
    wasm2c_bench_free(&instance);
    wasm_rt_free();
    return 0;
}
