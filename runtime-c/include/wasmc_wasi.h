/*
 * wasmc_wasi.h - WASI preview 1 (`wasi_snapshot_preview1`) host implementation.
 *
 * This layer is independent of the compiled-module ABI: every WASI call is a plain C
 * function that takes the WASI context, the guest linear memory as (base, size) and the
 * wasm-level arguments in wasm order (i32 -> int32_t, i64 -> int64_t). It returns the WASI
 * errno (0 = success). Every guest pointer and length is bounds-checked against the memory
 * size; an out-of-range access yields WASMC_WASI_ERRNO_FAULT, never a host fault.
 *
 * Filesystem access follows Wasmtime's capability model: nothing is reachable unless a host
 * directory is preopened, and no path (absolute, `..`, or through a symlink) can leave a
 * preopened directory (such attempts fail with PERM, as in Wasmtime). Rights are stored and
 * reported but, as in Wasmtime, advisory.
 */
#ifndef WASMC_WASI_H
#define WASMC_WASI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* WASI errno values used by this layer (numbers from the witx definition). */
#define WASMC_WASI_ERRNO_SUCCESS 0
#define WASMC_WASI_ERRNO_2BIG 1
#define WASMC_WASI_ERRNO_ACCES 2
#define WASMC_WASI_ERRNO_AGAIN 6
#define WASMC_WASI_ERRNO_BADF 8
#define WASMC_WASI_ERRNO_BUSY 10
#define WASMC_WASI_ERRNO_EXIST 20
#define WASMC_WASI_ERRNO_FAULT 21
#define WASMC_WASI_ERRNO_FBIG 22
#define WASMC_WASI_ERRNO_INTR 27
#define WASMC_WASI_ERRNO_INVAL 28
#define WASMC_WASI_ERRNO_IO 29
#define WASMC_WASI_ERRNO_ISDIR 31
#define WASMC_WASI_ERRNO_LOOP 32
#define WASMC_WASI_ERRNO_MFILE 33
#define WASMC_WASI_ERRNO_MLINK 34
#define WASMC_WASI_ERRNO_NAMETOOLONG 37
#define WASMC_WASI_ERRNO_NFILE 41
#define WASMC_WASI_ERRNO_NOENT 44
#define WASMC_WASI_ERRNO_NOMEM 48
#define WASMC_WASI_ERRNO_NOSPC 51
#define WASMC_WASI_ERRNO_NOSYS 52
#define WASMC_WASI_ERRNO_NOTDIR 54
#define WASMC_WASI_ERRNO_NOTEMPTY 55
#define WASMC_WASI_ERRNO_NOTSOCK 57
#define WASMC_WASI_ERRNO_NOTSUP 58
#define WASMC_WASI_ERRNO_NOTTY 59
#define WASMC_WASI_ERRNO_OVERFLOW 61
#define WASMC_WASI_ERRNO_PERM 63
#define WASMC_WASI_ERRNO_PIPE 64
#define WASMC_WASI_ERRNO_RANGE 68
#define WASMC_WASI_ERRNO_ROFS 69
#define WASMC_WASI_ERRNO_SPIPE 70
#define WASMC_WASI_ERRNO_XDEV 75
#define WASMC_WASI_ERRNO_NOTCAPABLE 76

/** A host directory made visible to the guest. */
typedef struct wasmc_wasi_preopen {
    /** Host directory to open (absolute or relative to the host's working directory). */
    const char *host_path;
    /** Name under which the guest sees it (e.g. "/data" or "."); NULL = host_path. */
    const char *guest_path;
} wasmc_wasi_preopen;

/** proc_exit accepts statuses below this one, as Wasmtime does. */
#define WASMC_WASI_MAX_EXIT_STATUS 126u
/** What proc_exit with any other status exits with, after printing Wasmtime's error to stderr. */
#define WASMC_WASI_INVALID_EXIT_STATUS 1

/** Called by proc_exit with a status below WASMC_WASI_MAX_EXIT_STATUS; expected not to return (e.g. it
    unwinds the running wasm code). */
typedef void (*wasmc_wasi_exit_hook)(void *context, int32_t exit_code);

/** Everything the guest may see. Initialise with wasmc_wasi_config_init, then fill in. */
typedef struct wasmc_wasi_config {
    /** Number of entries in argv (argv[0] is the program name the guest sees). */
    size_t argc;
    /** Guest arguments; copied by wasmc_wasi_create. */
    const char *const *argv;
    /** Number of entries in env. */
    size_t envc;
    /** Guest environment as "NAME=value" strings; copied. The host environment is never inherited. */
    const char *const *env;
    /** Number of entries in preopens. */
    size_t preopen_count;
    /** Preopened directories; they become guest fds 3, 4, ... in this order. */
    const wasmc_wasi_preopen *preopens;
    /** Host fds behind guest fds 0, 1, 2 (duplicated, so the guest closing them leaves the host's open); -1 = closed. */
    int stdin_fd;
    /** See stdin_fd. */
    int stdout_fd;
    /** See stdin_fd. */
    int stderr_fd;
    /** proc_exit handler; NULL = flush C stdio and exit(code). */
    wasmc_wasi_exit_hook exit_hook;
    /** Passed to exit_hook. */
    void *exit_context;
} wasmc_wasi_config;

/** Opaque WASI context: arguments, environment, fd table, preopens, exit hook. Not thread-safe: one thread at a time. */
typedef struct wasmc_wasi wasmc_wasi;

/** Empty argv/env, no preopens, stdio = host fds 0, 1, 2, default exit behaviour. */
void wasmc_wasi_config_init(wasmc_wasi_config *config);

/**
 * Creates a context. Returns NULL on failure and, when error is non-NULL, stores a static
 * or context-independent message there (e.g. a preopen that is not a readable directory).
 */
wasmc_wasi *wasmc_wasi_create(const wasmc_wasi_config *config, const char **error);

/** Closes every fd the context owns and frees it. NULL is ignored. */
void wasmc_wasi_destroy(wasmc_wasi *wasi);

/** Human-readable name of a WASI errno ("badf", "notcapable", ...). */
const char *wasmc_wasi_errno_name(int32_t errno_value);

/* ---- wasi_snapshot_preview1, one function per import, wasm-level arguments ---- */

#define WASMC_WASI_MEM wasmc_wasi *wasi, uint8_t *mem, uint64_t mem_size

int32_t wasmc_wasi_args_get(WASMC_WASI_MEM, int32_t argv, int32_t argv_buf);
int32_t wasmc_wasi_args_sizes_get(WASMC_WASI_MEM, int32_t argc_ptr, int32_t argv_buf_size_ptr);
int32_t wasmc_wasi_environ_get(WASMC_WASI_MEM, int32_t environ, int32_t environ_buf);
int32_t wasmc_wasi_environ_sizes_get(WASMC_WASI_MEM, int32_t count_ptr, int32_t buf_size_ptr);
int32_t wasmc_wasi_clock_res_get(WASMC_WASI_MEM, int32_t clock_id, int32_t resolution_ptr);
int32_t wasmc_wasi_clock_time_get(WASMC_WASI_MEM, int32_t clock_id, int64_t precision, int32_t time_ptr);
int32_t wasmc_wasi_fd_advise(WASMC_WASI_MEM, int32_t fd, int64_t offset, int64_t len, int32_t advice);
int32_t wasmc_wasi_fd_allocate(WASMC_WASI_MEM, int32_t fd, int64_t offset, int64_t len);
int32_t wasmc_wasi_fd_close(WASMC_WASI_MEM, int32_t fd);
int32_t wasmc_wasi_fd_datasync(WASMC_WASI_MEM, int32_t fd);
int32_t wasmc_wasi_fd_fdstat_get(WASMC_WASI_MEM, int32_t fd, int32_t stat_ptr);
int32_t wasmc_wasi_fd_fdstat_set_flags(WASMC_WASI_MEM, int32_t fd, int32_t flags);
int32_t wasmc_wasi_fd_fdstat_set_rights(WASMC_WASI_MEM, int32_t fd, int64_t rights_base, int64_t rights_inheriting);
int32_t wasmc_wasi_fd_filestat_get(WASMC_WASI_MEM, int32_t fd, int32_t stat_ptr);
int32_t wasmc_wasi_fd_filestat_set_size(WASMC_WASI_MEM, int32_t fd, int64_t size);
int32_t wasmc_wasi_fd_filestat_set_times(WASMC_WASI_MEM, int32_t fd, int64_t atim, int64_t mtim, int32_t fst_flags);
int32_t wasmc_wasi_fd_pread(WASMC_WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int64_t offset, int32_t nread_ptr);
int32_t wasmc_wasi_fd_prestat_get(WASMC_WASI_MEM, int32_t fd, int32_t prestat_ptr);
int32_t wasmc_wasi_fd_prestat_dir_name(WASMC_WASI_MEM, int32_t fd, int32_t path, int32_t path_len);
int32_t wasmc_wasi_fd_pwrite(WASMC_WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int64_t offset, int32_t nwritten_ptr);
int32_t wasmc_wasi_fd_read(WASMC_WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nread_ptr);
int32_t wasmc_wasi_fd_readdir(WASMC_WASI_MEM, int32_t fd, int32_t buf, int32_t buf_len, int64_t cookie, int32_t bufused_ptr);
int32_t wasmc_wasi_fd_renumber(WASMC_WASI_MEM, int32_t fd, int32_t to);
int32_t wasmc_wasi_fd_seek(WASMC_WASI_MEM, int32_t fd, int64_t offset, int32_t whence, int32_t newoffset_ptr);
int32_t wasmc_wasi_fd_sync(WASMC_WASI_MEM, int32_t fd);
int32_t wasmc_wasi_fd_tell(WASMC_WASI_MEM, int32_t fd, int32_t offset_ptr);
int32_t wasmc_wasi_fd_write(WASMC_WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nwritten_ptr);
int32_t wasmc_wasi_path_create_directory(WASMC_WASI_MEM, int32_t fd, int32_t path, int32_t path_len);
int32_t wasmc_wasi_path_filestat_get(WASMC_WASI_MEM, int32_t fd, int32_t lookup_flags, int32_t path, int32_t path_len, int32_t stat_ptr);
int32_t wasmc_wasi_path_filestat_set_times(WASMC_WASI_MEM, int32_t fd, int32_t lookup_flags, int32_t path, int32_t path_len,
                                           int64_t atim, int64_t mtim, int32_t fst_flags);
int32_t wasmc_wasi_path_link(WASMC_WASI_MEM, int32_t old_fd, int32_t old_flags, int32_t old_path, int32_t old_path_len,
                             int32_t new_fd, int32_t new_path, int32_t new_path_len);
int32_t wasmc_wasi_path_open(WASMC_WASI_MEM, int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags,
                             int64_t rights_base, int64_t rights_inheriting, int32_t fdflags, int32_t opened_fd_ptr);
int32_t wasmc_wasi_path_readlink(WASMC_WASI_MEM, int32_t fd, int32_t path, int32_t path_len, int32_t buf, int32_t buf_len,
                                 int32_t bufused_ptr);
int32_t wasmc_wasi_path_remove_directory(WASMC_WASI_MEM, int32_t fd, int32_t path, int32_t path_len);
int32_t wasmc_wasi_path_rename(WASMC_WASI_MEM, int32_t fd, int32_t old_path, int32_t old_path_len, int32_t new_fd,
                               int32_t new_path, int32_t new_path_len);
int32_t wasmc_wasi_path_symlink(WASMC_WASI_MEM, int32_t old_path, int32_t old_path_len, int32_t fd, int32_t new_path,
                                int32_t new_path_len);
int32_t wasmc_wasi_path_unlink_file(WASMC_WASI_MEM, int32_t fd, int32_t path, int32_t path_len);
int32_t wasmc_wasi_poll_oneoff(WASMC_WASI_MEM, int32_t in, int32_t out, int32_t nsubscriptions, int32_t nevents_ptr);
/** Calls the exit hook; without one (or if it returns) flushes C stdio and exits the process. */
void wasmc_wasi_proc_exit(WASMC_WASI_MEM, int32_t exit_code);
int32_t wasmc_wasi_proc_raise(WASMC_WASI_MEM, int32_t signal);
int32_t wasmc_wasi_sched_yield(WASMC_WASI_MEM);
int32_t wasmc_wasi_random_get(WASMC_WASI_MEM, int32_t buf, int32_t buf_len);
int32_t wasmc_wasi_sock_accept(WASMC_WASI_MEM, int32_t fd, int32_t flags, int32_t fd_ptr);
int32_t wasmc_wasi_sock_recv(WASMC_WASI_MEM, int32_t fd, int32_t ri_data, int32_t ri_data_len, int32_t ri_flags,
                             int32_t nread_ptr, int32_t roflags_ptr);
int32_t wasmc_wasi_sock_send(WASMC_WASI_MEM, int32_t fd, int32_t si_data, int32_t si_data_len, int32_t si_flags,
                             int32_t nwritten_ptr);
int32_t wasmc_wasi_sock_shutdown(WASMC_WASI_MEM, int32_t fd, int32_t how);

#undef WASMC_WASI_MEM

/* ---- Command-line options of a WASI host (optional helper) ---- */

/** A config built from host options; owns the arrays the config points to. */
typedef struct wasmc_wasi_options {
    /** Ready for wasmc_wasi_create (argv[0] = the program name given to the parser). */
    wasmc_wasi_config config;
    /** Storage behind config.preopens. */
    wasmc_wasi_preopen *preopen_storage;
    /** Storage behind config.env. */
    const char **env_storage;
    /** Storage behind config.argv. */
    const char **argv_storage;
    /** NULL-terminated list of strings the config points into that the options allocated. */
    char **owned_strings;
} wasmc_wasi_options;

/**
 * Parses Wasmtime-style host options from the front of argv (argv[0] excluded):
 * `--dir HOST[::GUEST]`, `--dir=HOST[::GUEST]`, `--env NAME=VALUE`, `--env=NAME=VALUE`; the first
 * other argument, or `--` (which is dropped), ends them and the rest becomes the guest's argv[1..].
 * Strings are borrowed from argv. Returns 0, or -1 with a message in error[0..error_size).
 */
int wasmc_wasi_options_parse(wasmc_wasi_options *options, const char *program_name, int argc, char *const *argv,
                             char *error, size_t error_size);
/** Frees what wasmc_wasi_options_parse or wasmc_wasi_options_for_executable allocated. */
void wasmc_wasi_options_free(wasmc_wasi_options *options);

/** Grants as string pairs, each string used as is: `dirs` is host, guest, host, guest, ... and `env` is
 *  name, value, name, value, ...; both end with NULL where the next pair would start (NULL = none). */
typedef struct wasmc_wasi_grants {
    const char *const *dirs;
    const char *const *env;
} wasmc_wasi_grants;

/**
 * The config of a wasmc executable, which never parses option text and never reads its environment:
 * the `baked` grants and then, only if `takes_grant_flags` (the executables `wasmc run` caches), grants
 * given in front of the program's arguments as
 *     argv[0] [--dir HOST GUEST | --env NAME VALUE]... -- ARGS...
 * Each path, name and value is one whole argv element taken byte for byte (so a newline or a leading
 * `--` inside it is just data), and the `--` is mandatory. Without flags argv is the program's argv
 * unchanged. argv[0] becomes the guest's argv[0]. Empty paths and names, and names holding '=', are
 * refused. Returns 0, or -1 with a message in error[0..error_size).
 */
int wasmc_wasi_options_for_executable(wasmc_wasi_options *options, const wasmc_wasi_grants *baked,
                                      bool takes_grant_flags, int argc, char *const *argv, char *error,
                                      size_t error_size);

/* ---- Import table: lets a host bind imports by name without a hand-written list ---- */

/**
 * What an import needs at run time when called from compiled wasm: the callee-instance pointer of
 * a WASI import points at one of these. The memory is reached through pointers because it only
 * exists after instantiation and may grow: point them at the instance's memory base and size
 * fields once it exists. While they are NULL every guest pointer is out of bounds (FAULT).
 */
typedef struct wasmc_wasi_binding {
    /** The context every call of this instance uses. */
    wasmc_wasi *wasi;
    /** Address of the memory's current base pointer (e.g. &memory->base); NULL until bound. */
    uint8_t *const *memory_base;
    /** Address of the memory's current size in bytes (e.g. &memory->size_bytes); NULL until bound. */
    const uint64_t *memory_size;
} wasmc_wasi_binding;

/** One `wasi_snapshot_preview1` import. */
typedef struct wasmc_wasi_function_info {
    /** Import field name, e.g. "fd_write". */
    const char *name;
    /** Wasm signature in the runtime ABI's canonical form, e.g. "(i32,i32,i32,i32)->(i32)". */
    const char *signature;
    /** The wasmc_wasi_<name> function above (cast to its real prototype before calling). */
    void (*function)(void);
    /**
     * The same call in the compiled-module calling convention, `R f(void *callee_instance, P1, ...)`
     * with i32 -> int32_t, i64 -> int64_t, where callee_instance is a wasmc_wasi_binding *. Use it as
     * the code pointer of the import's function reference.
     */
    void (*import_function)(void);
} wasmc_wasi_function_info;

/** Module name of every import in the table: "wasi_snapshot_preview1". */
extern const char wasmc_wasi_module_name[];
/** All WASI preview 1 functions, in witx order. */
extern const wasmc_wasi_function_info wasmc_wasi_functions[];
/** Number of entries in wasmc_wasi_functions. */
extern const size_t wasmc_wasi_function_count;
/** Looks a function up by import name; NULL when unknown. */
const wasmc_wasi_function_info *wasmc_wasi_find_function(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* WASMC_WASI_H */
