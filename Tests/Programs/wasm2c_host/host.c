/* Binds every wasm2c import of `wasi_snapshot_preview1` to the wasmc WASI layer (runtime-c/wasi), and
 * provides main(): a test host that runs wasm2c-translated corpus programs on our WASI implementation,
 * so the layer is exercised by real C programs before the wasmc backend exists.
 * Usage: program [--dir HOST[::GUEST]]... [--env NAME=VALUE]... [--] [ARG...]
 * A trap prints "wasm trap: <spec wording>" on stderr and exits with 134. */
#include <stdio.h>
#include <stdlib.h>

#include "module.h"
#include "wasm-rt-exceptions.h"
#include "wasm-rt-impl.h"
#include "wasmc_wasi.h"

#ifndef PROGRAM_NAME
#define PROGRAM_NAME "program"
#endif

struct w2c_wasi__snapshot__preview1 {
    wasmc_wasi *wasi;
    wasm_rt_memory_t *memory;
};

#define HOST host->wasi, host->memory->data, host->memory->size

u32 w2c_wasi__snapshot__preview1_args_get(struct w2c_wasi__snapshot__preview1 *host, u32 argv, u32 argv_buf) {
    return (u32)wasmc_wasi_args_get(HOST, (int32_t)argv, (int32_t)argv_buf);
}

u32 w2c_wasi__snapshot__preview1_args_sizes_get(struct w2c_wasi__snapshot__preview1 *host, u32 argc_ptr, u32 argv_buf_size_ptr) {
    return (u32)wasmc_wasi_args_sizes_get(HOST, (int32_t)argc_ptr, (int32_t)argv_buf_size_ptr);
}

u32 w2c_wasi__snapshot__preview1_environ_get(struct w2c_wasi__snapshot__preview1 *host, u32 environ, u32 environ_buf) {
    return (u32)wasmc_wasi_environ_get(HOST, (int32_t)environ, (int32_t)environ_buf);
}

u32 w2c_wasi__snapshot__preview1_environ_sizes_get(struct w2c_wasi__snapshot__preview1 *host, u32 count_ptr, u32 buf_size_ptr) {
    return (u32)wasmc_wasi_environ_sizes_get(HOST, (int32_t)count_ptr, (int32_t)buf_size_ptr);
}

u32 w2c_wasi__snapshot__preview1_clock_res_get(struct w2c_wasi__snapshot__preview1 *host, u32 clock_id, u32 resolution_ptr) {
    return (u32)wasmc_wasi_clock_res_get(HOST, (int32_t)clock_id, (int32_t)resolution_ptr);
}

u32 w2c_wasi__snapshot__preview1_clock_time_get(struct w2c_wasi__snapshot__preview1 *host, u32 clock_id, u64 precision, u32 time_ptr) {
    return (u32)wasmc_wasi_clock_time_get(HOST, (int32_t)clock_id, (int64_t)precision, (int32_t)time_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_advise(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u64 offset, u64 len, u32 advice) {
    return (u32)wasmc_wasi_fd_advise(HOST, (int32_t)fd, (int64_t)offset, (int64_t)len, (int32_t)advice);
}

u32 w2c_wasi__snapshot__preview1_fd_allocate(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u64 offset, u64 len) {
    return (u32)wasmc_wasi_fd_allocate(HOST, (int32_t)fd, (int64_t)offset, (int64_t)len);
}

u32 w2c_wasi__snapshot__preview1_fd_close(struct w2c_wasi__snapshot__preview1 *host, u32 fd) {
    return (u32)wasmc_wasi_fd_close(HOST, (int32_t)fd);
}

u32 w2c_wasi__snapshot__preview1_fd_datasync(struct w2c_wasi__snapshot__preview1 *host, u32 fd) {
    return (u32)wasmc_wasi_fd_datasync(HOST, (int32_t)fd);
}

u32 w2c_wasi__snapshot__preview1_fd_fdstat_get(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 stat_ptr) {
    return (u32)wasmc_wasi_fd_fdstat_get(HOST, (int32_t)fd, (int32_t)stat_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_fdstat_set_flags(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 flags) {
    return (u32)wasmc_wasi_fd_fdstat_set_flags(HOST, (int32_t)fd, (int32_t)flags);
}

u32 w2c_wasi__snapshot__preview1_fd_fdstat_set_rights(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u64 rights_base, u64 rights_inheriting) {
    return (u32)wasmc_wasi_fd_fdstat_set_rights(HOST, (int32_t)fd, (int64_t)rights_base, (int64_t)rights_inheriting);
}

u32 w2c_wasi__snapshot__preview1_fd_filestat_get(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 stat_ptr) {
    return (u32)wasmc_wasi_fd_filestat_get(HOST, (int32_t)fd, (int32_t)stat_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_filestat_set_size(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u64 size) {
    return (u32)wasmc_wasi_fd_filestat_set_size(HOST, (int32_t)fd, (int64_t)size);
}

u32 w2c_wasi__snapshot__preview1_fd_filestat_set_times(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u64 atim, u64 mtim, u32 fst_flags) {
    return (u32)wasmc_wasi_fd_filestat_set_times(HOST, (int32_t)fd, (int64_t)atim, (int64_t)mtim, (int32_t)fst_flags);
}

u32 w2c_wasi__snapshot__preview1_fd_pread(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 iovs, u32 iovs_len, u64 offset, u32 nread_ptr) {
    return (u32)wasmc_wasi_fd_pread(HOST, (int32_t)fd, (int32_t)iovs, (int32_t)iovs_len, (int64_t)offset, (int32_t)nread_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_prestat_get(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 prestat_ptr) {
    return (u32)wasmc_wasi_fd_prestat_get(HOST, (int32_t)fd, (int32_t)prestat_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_prestat_dir_name(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 path, u32 path_len) {
    return (u32)wasmc_wasi_fd_prestat_dir_name(HOST, (int32_t)fd, (int32_t)path, (int32_t)path_len);
}

u32 w2c_wasi__snapshot__preview1_fd_pwrite(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 iovs, u32 iovs_len, u64 offset, u32 nwritten_ptr) {
    return (u32)wasmc_wasi_fd_pwrite(HOST, (int32_t)fd, (int32_t)iovs, (int32_t)iovs_len, (int64_t)offset, (int32_t)nwritten_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_read(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 iovs, u32 iovs_len, u32 nread_ptr) {
    return (u32)wasmc_wasi_fd_read(HOST, (int32_t)fd, (int32_t)iovs, (int32_t)iovs_len, (int32_t)nread_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_readdir(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 buf, u32 buf_len, u64 cookie, u32 bufused_ptr) {
    return (u32)wasmc_wasi_fd_readdir(HOST, (int32_t)fd, (int32_t)buf, (int32_t)buf_len, (int64_t)cookie, (int32_t)bufused_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_renumber(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 to) {
    return (u32)wasmc_wasi_fd_renumber(HOST, (int32_t)fd, (int32_t)to);
}

u32 w2c_wasi__snapshot__preview1_fd_seek(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u64 offset, u32 whence, u32 newoffset_ptr) {
    return (u32)wasmc_wasi_fd_seek(HOST, (int32_t)fd, (int64_t)offset, (int32_t)whence, (int32_t)newoffset_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_sync(struct w2c_wasi__snapshot__preview1 *host, u32 fd) {
    return (u32)wasmc_wasi_fd_sync(HOST, (int32_t)fd);
}

u32 w2c_wasi__snapshot__preview1_fd_tell(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 offset_ptr) {
    return (u32)wasmc_wasi_fd_tell(HOST, (int32_t)fd, (int32_t)offset_ptr);
}

u32 w2c_wasi__snapshot__preview1_fd_write(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 iovs, u32 iovs_len, u32 nwritten_ptr) {
    return (u32)wasmc_wasi_fd_write(HOST, (int32_t)fd, (int32_t)iovs, (int32_t)iovs_len, (int32_t)nwritten_ptr);
}

u32 w2c_wasi__snapshot__preview1_path_create_directory(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 path, u32 path_len) {
    return (u32)wasmc_wasi_path_create_directory(HOST, (int32_t)fd, (int32_t)path, (int32_t)path_len);
}

u32 w2c_wasi__snapshot__preview1_path_filestat_get(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 lookup_flags, u32 path, u32 path_len, u32 stat_ptr) {
    return (u32)wasmc_wasi_path_filestat_get(HOST, (int32_t)fd, (int32_t)lookup_flags, (int32_t)path, (int32_t)path_len, (int32_t)stat_ptr);
}

u32 w2c_wasi__snapshot__preview1_path_filestat_set_times(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 lookup_flags, u32 path, u32 path_len, u64 atim, u64 mtim, u32 fst_flags) {
    return (u32)wasmc_wasi_path_filestat_set_times(HOST, (int32_t)fd, (int32_t)lookup_flags, (int32_t)path, (int32_t)path_len, (int64_t)atim, (int64_t)mtim, (int32_t)fst_flags);
}

u32 w2c_wasi__snapshot__preview1_path_link(struct w2c_wasi__snapshot__preview1 *host, u32 old_fd, u32 old_flags, u32 old_path, u32 old_path_len, u32 new_fd, u32 new_path, u32 new_path_len) {
    return (u32)wasmc_wasi_path_link(HOST, (int32_t)old_fd, (int32_t)old_flags, (int32_t)old_path, (int32_t)old_path_len, (int32_t)new_fd, (int32_t)new_path, (int32_t)new_path_len);
}

u32 w2c_wasi__snapshot__preview1_path_open(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 dirflags, u32 path, u32 path_len, u32 oflags, u64 rights_base, u64 rights_inheriting, u32 fdflags, u32 opened_fd_ptr) {
    return (u32)wasmc_wasi_path_open(HOST, (int32_t)fd, (int32_t)dirflags, (int32_t)path, (int32_t)path_len, (int32_t)oflags, (int64_t)rights_base, (int64_t)rights_inheriting, (int32_t)fdflags, (int32_t)opened_fd_ptr);
}

u32 w2c_wasi__snapshot__preview1_path_readlink(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 path, u32 path_len, u32 buf, u32 buf_len, u32 bufused_ptr) {
    return (u32)wasmc_wasi_path_readlink(HOST, (int32_t)fd, (int32_t)path, (int32_t)path_len, (int32_t)buf, (int32_t)buf_len, (int32_t)bufused_ptr);
}

u32 w2c_wasi__snapshot__preview1_path_remove_directory(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 path, u32 path_len) {
    return (u32)wasmc_wasi_path_remove_directory(HOST, (int32_t)fd, (int32_t)path, (int32_t)path_len);
}

u32 w2c_wasi__snapshot__preview1_path_rename(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 old_path, u32 old_path_len, u32 new_fd, u32 new_path, u32 new_path_len) {
    return (u32)wasmc_wasi_path_rename(HOST, (int32_t)fd, (int32_t)old_path, (int32_t)old_path_len, (int32_t)new_fd, (int32_t)new_path, (int32_t)new_path_len);
}

u32 w2c_wasi__snapshot__preview1_path_symlink(struct w2c_wasi__snapshot__preview1 *host, u32 old_path, u32 old_path_len, u32 fd, u32 new_path, u32 new_path_len) {
    return (u32)wasmc_wasi_path_symlink(HOST, (int32_t)old_path, (int32_t)old_path_len, (int32_t)fd, (int32_t)new_path, (int32_t)new_path_len);
}

u32 w2c_wasi__snapshot__preview1_path_unlink_file(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 path, u32 path_len) {
    return (u32)wasmc_wasi_path_unlink_file(HOST, (int32_t)fd, (int32_t)path, (int32_t)path_len);
}

u32 w2c_wasi__snapshot__preview1_poll_oneoff(struct w2c_wasi__snapshot__preview1 *host, u32 in, u32 out, u32 nsubscriptions, u32 nevents_ptr) {
    return (u32)wasmc_wasi_poll_oneoff(HOST, (int32_t)in, (int32_t)out, (int32_t)nsubscriptions, (int32_t)nevents_ptr);
}

void w2c_wasi__snapshot__preview1_proc_exit(struct w2c_wasi__snapshot__preview1 *host, u32 exit_code) {
    wasmc_wasi_proc_exit(HOST, (int32_t)exit_code);
}

u32 w2c_wasi__snapshot__preview1_proc_raise(struct w2c_wasi__snapshot__preview1 *host, u32 signal) {
    return (u32)wasmc_wasi_proc_raise(HOST, (int32_t)signal);
}

u32 w2c_wasi__snapshot__preview1_sched_yield(struct w2c_wasi__snapshot__preview1 *host) {
    return (u32)wasmc_wasi_sched_yield(HOST);
}

u32 w2c_wasi__snapshot__preview1_random_get(struct w2c_wasi__snapshot__preview1 *host, u32 buf, u32 buf_len) {
    return (u32)wasmc_wasi_random_get(HOST, (int32_t)buf, (int32_t)buf_len);
}

u32 w2c_wasi__snapshot__preview1_sock_accept(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 flags, u32 fd_ptr) {
    return (u32)wasmc_wasi_sock_accept(HOST, (int32_t)fd, (int32_t)flags, (int32_t)fd_ptr);
}

u32 w2c_wasi__snapshot__preview1_sock_recv(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 ri_data, u32 ri_data_len, u32 ri_flags, u32 nread_ptr, u32 roflags_ptr) {
    return (u32)wasmc_wasi_sock_recv(HOST, (int32_t)fd, (int32_t)ri_data, (int32_t)ri_data_len, (int32_t)ri_flags, (int32_t)nread_ptr, (int32_t)roflags_ptr);
}

u32 w2c_wasi__snapshot__preview1_sock_send(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 si_data, u32 si_data_len, u32 si_flags, u32 nwritten_ptr) {
    return (u32)wasmc_wasi_sock_send(HOST, (int32_t)fd, (int32_t)si_data, (int32_t)si_data_len, (int32_t)si_flags, (int32_t)nwritten_ptr);
}

u32 w2c_wasi__snapshot__preview1_sock_shutdown(struct w2c_wasi__snapshot__preview1 *host, u32 fd, u32 how) {
    return (u32)wasmc_wasi_sock_shutdown(HOST, (int32_t)fd, (int32_t)how);
}

static const char *trap_wording(wasm_rt_trap_t trap) {
    switch (trap) {
    case WASM_RT_TRAP_OOB: return "out of bounds memory access";
    case WASM_RT_TRAP_INT_OVERFLOW: return "integer overflow";
    case WASM_RT_TRAP_DIV_BY_ZERO: return "integer divide by zero";
    case WASM_RT_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
    case WASM_RT_TRAP_UNREACHABLE: return "unreachable";
    case WASM_RT_TRAP_CALL_INDIRECT: return "indirect call type mismatch";
#if WASM_RT_TRAP_EXHAUSTION != WASM_RT_TRAP_OOB
    case WASM_RT_TRAP_EXHAUSTION: return "call stack exhausted";
#endif
    default: return wasm_rt_strerror(trap);
    }
}

int main(int argc, char **argv) {
    wasmc_wasi_options options;
    char error[256];
    if (wasmc_wasi_options_parse(&options, PROGRAM_NAME, argc, argv, error, sizeof error) != 0) {
        fprintf(stderr, "%s: %s\n", argv[0], error);
        return 2;
    }
    const char *create_error = NULL;
    struct w2c_wasi__snapshot__preview1 host = {wasmc_wasi_create(&options.config, &create_error), NULL};
    if (!host.wasi) {
        fprintf(stderr, "%s: %s\n", argv[0], create_error ? create_error : "cannot create the WASI context");
        return 2;
    }
    static w2c_program instance;
    wasm_rt_init();
    wasm2c_program_instantiate(&instance, &host);
    host.memory = w2c_program_memory(&instance);
    wasm_rt_trap_t trap = wasm_rt_impl_try();
    if (trap != WASM_RT_TRAP_NONE) {
        fprintf(stderr, "wasm trap: %s\n", trap_wording(trap));
        wasmc_wasi_destroy(host.wasi);
        wasmc_wasi_options_free(&options);
        return 134;
    }
    w2c_program_0x5Fstart(&instance);
    wasm2c_program_free(&instance);
    wasm_rt_free();
    wasmc_wasi_destroy(host.wasi);
    wasmc_wasi_options_free(&options);
    return 0;
}
