/* The import table: every wasi_snapshot_preview1 function with its wasm signature. */
#include "wasi_internal.h"

const char wasmc_wasi_module_name[] = "wasi_snapshot_preview1";

#define ENTRY(name, signature) {#name, signature, (void (*)(void))wasmc_wasi_##name}

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
