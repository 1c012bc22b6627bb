/* The import table: every wasi_snapshot_preview1 function with its wasm signature, and thunks in the
 * compiled-module calling convention (callee-instance pointer first) that find memory via a binding. */
#include "wasi_internal.h"

const char wasmc_wasi_module_name[] = "wasi_snapshot_preview1";

static uint8_t *binding_base(const wasmc_wasi_binding *b) { return b->memory_base ? *b->memory_base : NULL; }
static uint64_t binding_size(const wasmc_wasi_binding *b) {
    return b->memory_base && *b->memory_base && b->memory_size ? *b->memory_size : 0;
}

#define BOUND ((const wasmc_wasi_binding *)instance)->wasi, binding_base(instance), binding_size(instance)

static int32_t import_args_get(void *instance, int32_t argv, int32_t argv_buf) {
    return wasmc_wasi_args_get(BOUND, argv, argv_buf);
}

static int32_t import_args_sizes_get(void *instance, int32_t argc_ptr, int32_t argv_buf_size_ptr) {
    return wasmc_wasi_args_sizes_get(BOUND, argc_ptr, argv_buf_size_ptr);
}

static int32_t import_environ_get(void *instance, int32_t environ, int32_t environ_buf) {
    return wasmc_wasi_environ_get(BOUND, environ, environ_buf);
}

static int32_t import_environ_sizes_get(void *instance, int32_t count_ptr, int32_t buf_size_ptr) {
    return wasmc_wasi_environ_sizes_get(BOUND, count_ptr, buf_size_ptr);
}

static int32_t import_clock_res_get(void *instance, int32_t clock_id, int32_t resolution_ptr) {
    return wasmc_wasi_clock_res_get(BOUND, clock_id, resolution_ptr);
}

static int32_t import_clock_time_get(void *instance, int32_t clock_id, int64_t precision, int32_t time_ptr) {
    return wasmc_wasi_clock_time_get(BOUND, clock_id, precision, time_ptr);
}

static int32_t import_fd_advise(void *instance, int32_t fd, int64_t offset, int64_t len, int32_t advice) {
    return wasmc_wasi_fd_advise(BOUND, fd, offset, len, advice);
}

static int32_t import_fd_allocate(void *instance, int32_t fd, int64_t offset, int64_t len) {
    return wasmc_wasi_fd_allocate(BOUND, fd, offset, len);
}

static int32_t import_fd_close(void *instance, int32_t fd) {
    return wasmc_wasi_fd_close(BOUND, fd);
}

static int32_t import_fd_datasync(void *instance, int32_t fd) {
    return wasmc_wasi_fd_datasync(BOUND, fd);
}

static int32_t import_fd_fdstat_get(void *instance, int32_t fd, int32_t stat_ptr) {
    return wasmc_wasi_fd_fdstat_get(BOUND, fd, stat_ptr);
}

static int32_t import_fd_fdstat_set_flags(void *instance, int32_t fd, int32_t flags) {
    return wasmc_wasi_fd_fdstat_set_flags(BOUND, fd, flags);
}

static int32_t import_fd_fdstat_set_rights(void *instance, int32_t fd, int64_t rights_base, int64_t rights_inheriting) {
    return wasmc_wasi_fd_fdstat_set_rights(BOUND, fd, rights_base, rights_inheriting);
}

static int32_t import_fd_filestat_get(void *instance, int32_t fd, int32_t stat_ptr) {
    return wasmc_wasi_fd_filestat_get(BOUND, fd, stat_ptr);
}

static int32_t import_fd_filestat_set_size(void *instance, int32_t fd, int64_t size) {
    return wasmc_wasi_fd_filestat_set_size(BOUND, fd, size);
}

static int32_t import_fd_filestat_set_times(void *instance, int32_t fd, int64_t atim, int64_t mtim, int32_t fst_flags) {
    return wasmc_wasi_fd_filestat_set_times(BOUND, fd, atim, mtim, fst_flags);
}

static int32_t import_fd_pread(void *instance, int32_t fd, int32_t iovs, int32_t iovs_len, int64_t offset, int32_t nread_ptr) {
    return wasmc_wasi_fd_pread(BOUND, fd, iovs, iovs_len, offset, nread_ptr);
}

static int32_t import_fd_prestat_get(void *instance, int32_t fd, int32_t prestat_ptr) {
    return wasmc_wasi_fd_prestat_get(BOUND, fd, prestat_ptr);
}

static int32_t import_fd_prestat_dir_name(void *instance, int32_t fd, int32_t path, int32_t path_len) {
    return wasmc_wasi_fd_prestat_dir_name(BOUND, fd, path, path_len);
}

static int32_t import_fd_pwrite(void *instance, int32_t fd, int32_t iovs, int32_t iovs_len, int64_t offset, int32_t nwritten_ptr) {
    return wasmc_wasi_fd_pwrite(BOUND, fd, iovs, iovs_len, offset, nwritten_ptr);
}

static int32_t import_fd_read(void *instance, int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nread_ptr) {
    return wasmc_wasi_fd_read(BOUND, fd, iovs, iovs_len, nread_ptr);
}

static int32_t import_fd_readdir(void *instance, int32_t fd, int32_t buf, int32_t buf_len, int64_t cookie, int32_t bufused_ptr) {
    return wasmc_wasi_fd_readdir(BOUND, fd, buf, buf_len, cookie, bufused_ptr);
}

static int32_t import_fd_renumber(void *instance, int32_t fd, int32_t to) {
    return wasmc_wasi_fd_renumber(BOUND, fd, to);
}

static int32_t import_fd_seek(void *instance, int32_t fd, int64_t offset, int32_t whence, int32_t newoffset_ptr) {
    return wasmc_wasi_fd_seek(BOUND, fd, offset, whence, newoffset_ptr);
}

static int32_t import_fd_sync(void *instance, int32_t fd) {
    return wasmc_wasi_fd_sync(BOUND, fd);
}

static int32_t import_fd_tell(void *instance, int32_t fd, int32_t offset_ptr) {
    return wasmc_wasi_fd_tell(BOUND, fd, offset_ptr);
}

static int32_t import_fd_write(void *instance, int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nwritten_ptr) {
    return wasmc_wasi_fd_write(BOUND, fd, iovs, iovs_len, nwritten_ptr);
}

static int32_t import_path_create_directory(void *instance, int32_t fd, int32_t path, int32_t path_len) {
    return wasmc_wasi_path_create_directory(BOUND, fd, path, path_len);
}

static int32_t import_path_filestat_get(void *instance, int32_t fd, int32_t lookup_flags, int32_t path, int32_t path_len, int32_t stat_ptr) {
    return wasmc_wasi_path_filestat_get(BOUND, fd, lookup_flags, path, path_len, stat_ptr);
}

static int32_t import_path_filestat_set_times(void *instance, int32_t fd, int32_t lookup_flags, int32_t path, int32_t path_len, int64_t atim, int64_t mtim, int32_t fst_flags) {
    return wasmc_wasi_path_filestat_set_times(BOUND, fd, lookup_flags, path, path_len, atim, mtim, fst_flags);
}

static int32_t import_path_link(void *instance, int32_t old_fd, int32_t old_flags, int32_t old_path, int32_t old_path_len, int32_t new_fd, int32_t new_path, int32_t new_path_len) {
    return wasmc_wasi_path_link(BOUND, old_fd, old_flags, old_path, old_path_len, new_fd, new_path, new_path_len);
}

static int32_t import_path_open(void *instance, int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags, int64_t rights_base, int64_t rights_inheriting, int32_t fdflags, int32_t opened_fd_ptr) {
    return wasmc_wasi_path_open(BOUND, fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, opened_fd_ptr);
}

static int32_t import_path_readlink(void *instance, int32_t fd, int32_t path, int32_t path_len, int32_t buf, int32_t buf_len, int32_t bufused_ptr) {
    return wasmc_wasi_path_readlink(BOUND, fd, path, path_len, buf, buf_len, bufused_ptr);
}

static int32_t import_path_remove_directory(void *instance, int32_t fd, int32_t path, int32_t path_len) {
    return wasmc_wasi_path_remove_directory(BOUND, fd, path, path_len);
}

static int32_t import_path_rename(void *instance, int32_t fd, int32_t old_path, int32_t old_path_len, int32_t new_fd, int32_t new_path, int32_t new_path_len) {
    return wasmc_wasi_path_rename(BOUND, fd, old_path, old_path_len, new_fd, new_path, new_path_len);
}

static int32_t import_path_symlink(void *instance, int32_t old_path, int32_t old_path_len, int32_t fd, int32_t new_path, int32_t new_path_len) {
    return wasmc_wasi_path_symlink(BOUND, old_path, old_path_len, fd, new_path, new_path_len);
}

static int32_t import_path_unlink_file(void *instance, int32_t fd, int32_t path, int32_t path_len) {
    return wasmc_wasi_path_unlink_file(BOUND, fd, path, path_len);
}

static int32_t import_poll_oneoff(void *instance, int32_t in, int32_t out, int32_t nsubscriptions, int32_t nevents_ptr) {
    return wasmc_wasi_poll_oneoff(BOUND, in, out, nsubscriptions, nevents_ptr);
}

static void import_proc_exit(void *instance, int32_t exit_code) {
    wasmc_wasi_proc_exit(BOUND, exit_code);
}

static int32_t import_proc_raise(void *instance, int32_t signal) {
    return wasmc_wasi_proc_raise(BOUND, signal);
}

static int32_t import_sched_yield(void *instance) {
    return wasmc_wasi_sched_yield(BOUND);
}

static int32_t import_random_get(void *instance, int32_t buf, int32_t buf_len) {
    return wasmc_wasi_random_get(BOUND, buf, buf_len);
}

static int32_t import_sock_accept(void *instance, int32_t fd, int32_t flags, int32_t fd_ptr) {
    return wasmc_wasi_sock_accept(BOUND, fd, flags, fd_ptr);
}

static int32_t import_sock_recv(void *instance, int32_t fd, int32_t ri_data, int32_t ri_data_len, int32_t ri_flags, int32_t nread_ptr, int32_t roflags_ptr) {
    return wasmc_wasi_sock_recv(BOUND, fd, ri_data, ri_data_len, ri_flags, nread_ptr, roflags_ptr);
}

static int32_t import_sock_send(void *instance, int32_t fd, int32_t si_data, int32_t si_data_len, int32_t si_flags, int32_t nwritten_ptr) {
    return wasmc_wasi_sock_send(BOUND, fd, si_data, si_data_len, si_flags, nwritten_ptr);
}

static int32_t import_sock_shutdown(void *instance, int32_t fd, int32_t how) {
    return wasmc_wasi_sock_shutdown(BOUND, fd, how);
}

#define ENTRY(name, signature) {#name, signature, (void (*)(void))wasmc_wasi_##name, (void (*)(void))import_##name}

const wasmc_wasi_function_info wasmc_wasi_functions[] = {
    ENTRY(args_get, "(i32,i32)->(i32)"),
    ENTRY(args_sizes_get, "(i32,i32)->(i32)"),
    ENTRY(environ_get, "(i32,i32)->(i32)"),
    ENTRY(environ_sizes_get, "(i32,i32)->(i32)"),
    ENTRY(clock_res_get, "(i32,i32)->(i32)"),
    ENTRY(clock_time_get, "(i32,i64,i32)->(i32)"),
    ENTRY(fd_advise, "(i32,i64,i64,i32)->(i32)"),
    ENTRY(fd_allocate, "(i32,i64,i64)->(i32)"),
    ENTRY(fd_close, "(i32)->(i32)"),
    ENTRY(fd_datasync, "(i32)->(i32)"),
    ENTRY(fd_fdstat_get, "(i32,i32)->(i32)"),
    ENTRY(fd_fdstat_set_flags, "(i32,i32)->(i32)"),
    ENTRY(fd_fdstat_set_rights, "(i32,i64,i64)->(i32)"),
    ENTRY(fd_filestat_get, "(i32,i32)->(i32)"),
    ENTRY(fd_filestat_set_size, "(i32,i64)->(i32)"),
    ENTRY(fd_filestat_set_times, "(i32,i64,i64,i32)->(i32)"),
    ENTRY(fd_pread, "(i32,i32,i32,i64,i32)->(i32)"),
    ENTRY(fd_prestat_get, "(i32,i32)->(i32)"),
    ENTRY(fd_prestat_dir_name, "(i32,i32,i32)->(i32)"),
    ENTRY(fd_pwrite, "(i32,i32,i32,i64,i32)->(i32)"),
    ENTRY(fd_read, "(i32,i32,i32,i32)->(i32)"),
    ENTRY(fd_readdir, "(i32,i32,i32,i64,i32)->(i32)"),
    ENTRY(fd_renumber, "(i32,i32)->(i32)"),
    ENTRY(fd_seek, "(i32,i64,i32,i32)->(i32)"),
    ENTRY(fd_sync, "(i32)->(i32)"),
    ENTRY(fd_tell, "(i32,i32)->(i32)"),
    ENTRY(fd_write, "(i32,i32,i32,i32)->(i32)"),
    ENTRY(path_create_directory, "(i32,i32,i32)->(i32)"),
    ENTRY(path_filestat_get, "(i32,i32,i32,i32,i32)->(i32)"),
    ENTRY(path_filestat_set_times, "(i32,i32,i32,i32,i64,i64,i32)->(i32)"),
    ENTRY(path_link, "(i32,i32,i32,i32,i32,i32,i32)->(i32)"),
    ENTRY(path_open, "(i32,i32,i32,i32,i32,i64,i64,i32,i32)->(i32)"),
    ENTRY(path_readlink, "(i32,i32,i32,i32,i32,i32)->(i32)"),
    ENTRY(path_remove_directory, "(i32,i32,i32)->(i32)"),
    ENTRY(path_rename, "(i32,i32,i32,i32,i32,i32)->(i32)"),
    ENTRY(path_symlink, "(i32,i32,i32,i32,i32)->(i32)"),
    ENTRY(path_unlink_file, "(i32,i32,i32)->(i32)"),
    ENTRY(poll_oneoff, "(i32,i32,i32,i32)->(i32)"),
    ENTRY(proc_exit, "(i32)->()"),
    ENTRY(proc_raise, "(i32)->(i32)"),
    ENTRY(sched_yield, "()->(i32)"),
    ENTRY(random_get, "(i32,i32)->(i32)"),
    ENTRY(sock_accept, "(i32,i32,i32)->(i32)"),
    ENTRY(sock_recv, "(i32,i32,i32,i32,i32,i32)->(i32)"),
    ENTRY(sock_send, "(i32,i32,i32,i32,i32)->(i32)"),
    ENTRY(sock_shutdown, "(i32,i32)->(i32)"),
};

const size_t wasmc_wasi_function_count = sizeof wasmc_wasi_functions / sizeof wasmc_wasi_functions[0];

const wasmc_wasi_function_info *wasmc_wasi_find_function(const char *name) {
    for (size_t i = 0; i < wasmc_wasi_function_count; i++)
        if (strcmp(wasmc_wasi_functions[i].name, name) == 0) return &wasmc_wasi_functions[i];
    return NULL;
}
