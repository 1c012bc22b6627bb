/* Shared internals of the WASI layer: context layout, fd table, guest-memory access, errno mapping. */
#ifndef WASMC_WASI_INTERNAL_H
#define WASMC_WASI_INTERNAL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* openat/fdopendir/preadv/utimensat and the st_*tim fields */
#endif

#include "wasmc_wasi.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#define WASI_MEM wasmc_wasi *wasi, uint8_t *mem, uint64_t mem_size

/* Internal functions stay out of the runtime library's exported symbols (only wasmc_* is API). */
#define WASI_HIDDEN __attribute__((visibility("hidden")))

/* WASI constants the implementation needs (witx numbering). */
enum {
    WASI_FILETYPE_UNKNOWN = 0,
    WASI_FILETYPE_BLOCK_DEVICE = 1,
    WASI_FILETYPE_CHARACTER_DEVICE = 2,
    WASI_FILETYPE_DIRECTORY = 3,
    WASI_FILETYPE_REGULAR_FILE = 4,
    WASI_FILETYPE_SOCKET_DGRAM = 5,
    WASI_FILETYPE_SOCKET_STREAM = 6,
    WASI_FILETYPE_SYMBOLIC_LINK = 7,
};
enum { WASI_FDFLAGS_APPEND = 1, WASI_FDFLAGS_DSYNC = 2, WASI_FDFLAGS_NONBLOCK = 4, WASI_FDFLAGS_RSYNC = 8, WASI_FDFLAGS_SYNC = 16 };
enum { WASI_OFLAGS_CREAT = 1, WASI_OFLAGS_DIRECTORY = 2, WASI_OFLAGS_EXCL = 4, WASI_OFLAGS_TRUNC = 8 };
enum { WASI_LOOKUPFLAGS_SYMLINK_FOLLOW = 1 };
enum { WASI_FSTFLAGS_ATIM = 1, WASI_FSTFLAGS_ATIM_NOW = 2, WASI_FSTFLAGS_MTIM = 4, WASI_FSTFLAGS_MTIM_NOW = 8 };
enum { WASI_WHENCE_SET = 0, WASI_WHENCE_CUR = 1, WASI_WHENCE_END = 2 };
enum { WASI_EVENTTYPE_CLOCK = 0, WASI_EVENTTYPE_FD_READ = 1, WASI_EVENTTYPE_FD_WRITE = 2 };
enum { WASI_SUBCLOCKFLAGS_ABSTIME = 1 };
enum { WASI_EVENTRWFLAGS_HANGUP = 1 };

#define WASI_RIGHT_FD_READ (UINT64_C(1) << 1)
#define WASI_RIGHT_FD_SEEK (UINT64_C(1) << 2)
#define WASI_RIGHT_FD_TELL (UINT64_C(1) << 5)
#define WASI_RIGHT_FD_WRITE (UINT64_C(1) << 6)
#define WASI_RIGHT_FD_ALLOCATE (UINT64_C(1) << 8)
#define WASI_RIGHT_FD_READDIR (UINT64_C(1) << 14)
#define WASI_RIGHT_FD_FILESTAT_SET_SIZE (UINT64_C(1) << 22)
#define WASI_RIGHTS_ALL ((UINT64_C(1) << 30) - 1)
/* The rights Wasmtime 50 reports (advisory; wasi-libc reads FD_READ/FD_WRITE for F_GETFL and
   FD_SEEK/FD_TELL for isatty, and asks path_open for a preopen's inheriting rights). */
#define WASI_RIGHTS_PREOPEN_BASE UINT64_C(0x7b7fe00)
#define WASI_RIGHTS_PREOPEN_INHERITING UINT64_C(0xff7ffff)
#define WASI_RIGHTS_OPENED_DIRECTORY UINT64_C(0x3fb7ffbb)
#define WASI_RIGHTS_READ_SIDE (WASI_RIGHT_FD_READ | WASI_RIGHT_FD_READDIR)
#define WASI_RIGHTS_WRITE_SIDE (WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ALLOCATE | WASI_RIGHT_FD_FILESTAT_SET_SIZE)

/* What a path that would leave its preopen gets: Wasmtime answers PERM (not the older NOTCAPABLE). */
#define WASI_ERRNO_ESCAPE WASMC_WASI_ERRNO_PERM

/* A terminal has no position: wasi-libc's isatty() requires a character device without these rights. */
#define WASI_RIGHTS_TTY_EXCLUDED (WASI_RIGHT_FD_SEEK | WASI_RIGHT_FD_TELL)

/* Sizes of the guest structs (wasm32 layout). */
enum { WASI_FDSTAT_SIZE = 24, WASI_FILESTAT_SIZE = 64, WASI_DIRENT_SIZE = 24, WASI_EVENT_SIZE = 32, WASI_SUBSCRIPTION_SIZE = 48 };

typedef struct wasi_fd_entry {
    bool in_use;
    bool is_stdio;          /* fds 0-2: fdstat reports them as Wasmtime reports its streams */
    int host_fd;
    uint8_t filetype;
    uint64_t rights_base;
    uint64_t rights_inheriting;
    char *preopen_name;     /* guest path of a preopened directory, else NULL */
    DIR *dir;               /* readdir stream, opened lazily on a dup of host_fd */
    uint64_t dir_position;  /* index (dots excluded) of the next host entry `dir` will return */
    uint64_t resume_index;  /* index of the last entry handed out, and the telldir() before it: */
    long resume_offset;     /* guests re-read that entry when it did not fit, so seek straight back */
    bool has_resume;
} wasi_fd_entry;

struct wasmc_wasi {
    char **argv;
    size_t argc;
    char **env;
    size_t envc;
    wasi_fd_entry *fds;
    uint32_t fd_capacity;
    /* Numbering as in Wasmtime: the highest closed number is reused first, else next_fd. */
    uint32_t *free_fds;
    uint32_t free_count;
    uint32_t free_capacity;
    uint32_t next_fd;
    wasmc_wasi_exit_hook exit_hook;
    void *exit_context;
};

/* ---- guest memory: all accesses go through these, which check bounds first ---- */

static inline bool wasi_range_ok(uint64_t mem_size, int32_t ptr, uint64_t len) {
    /* ptr is an unsigned 32-bit wasm address; the sum cannot overflow 64 bits for len < 2^63. */
    uint64_t start = (uint32_t)ptr;
    return len <= mem_size && start <= mem_size - len;
}

static inline void wasi_store_u8(uint8_t *mem, uint32_t at, uint8_t v) { mem[at] = v; }
static inline void wasi_store_u16(uint8_t *mem, uint32_t at, uint16_t v) {
    mem[at] = (uint8_t)v;
    mem[at + 1] = (uint8_t)(v >> 8);
}
static inline void wasi_store_u32(uint8_t *mem, uint32_t at, uint32_t v) {
    for (int i = 0; i < 4; i++) mem[at + (uint32_t)i] = (uint8_t)(v >> (8 * i));
}
static inline void wasi_store_u64(uint8_t *mem, uint32_t at, uint64_t v) {
    for (int i = 0; i < 8; i++) mem[at + (uint32_t)i] = (uint8_t)(v >> (8 * i));
}
static inline uint16_t wasi_load_u16(const uint8_t *mem, uint32_t at) {
    return (uint16_t)(mem[at] | (mem[at + 1] << 8));
}
static inline uint32_t wasi_load_u32(const uint8_t *mem, uint32_t at) {
    uint32_t v = 0;
    for (int i = 3; i >= 0; i--) v = (v << 8) | mem[at + (uint32_t)i];
    return v;
}
static inline uint64_t wasi_load_u64(const uint8_t *mem, uint32_t at) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | mem[at + (uint32_t)i];
    return v;
}

/* Checked result stores: FAULT when the slot is outside guest memory. */
WASI_HIDDEN int32_t wasi_put_u32(uint8_t *mem, uint64_t mem_size, int32_t ptr, uint32_t value);
WASI_HIDDEN int32_t wasi_put_u64(uint8_t *mem, uint64_t mem_size, int32_t ptr, uint64_t value);

/* ---- errno, fd table, stat conversion ---- */

WASI_HIDDEN int32_t wasi_errno_from_host(int host_errno);
/* Returns the entry for a guest fd, or NULL (then the caller answers BADF). */
WASI_HIDDEN wasi_fd_entry *wasi_fd_lookup(wasmc_wasi *wasi, int32_t fd);
/* Installs host_fd in the lowest free slot; returns the guest fd or -1 (host_fd is then closed). */
WASI_HIDDEN int32_t wasi_fd_insert(wasmc_wasi *wasi, int host_fd, uint8_t filetype, uint64_t base, uint64_t inheriting);
/* Closes the host fd, the directory stream and frees the slot. */
WASI_HIDDEN void wasi_fd_release(wasi_fd_entry *entry);
/* Releases guest fd `fd` (which must be in use) and makes its number available again. */
WASI_HIDDEN void wasi_fd_close_number(wasmc_wasi *wasi, int32_t fd);
WASI_HIDDEN uint8_t wasi_filetype_from_mode(mode_t mode);
WASI_HIDDEN void wasi_write_filestat(uint8_t *mem, uint32_t at, const struct stat *st);
/* Host iovec array for guest iovs (ciovec and iovec share a layout); FAULT/INVAL on bad input. Uses
   `scratch` when it is big enough, else allocates: free *out only when it differs from scratch. */
struct iovec;
WASI_HIDDEN int32_t wasi_host_iovecs(uint8_t *mem, uint64_t mem_size, int32_t iovs, int32_t iovs_len, struct iovec *scratch,
                         size_t scratch_count, struct iovec **out, int *count);
/* Converts WASI fst_flags/times into the two timespecs of futimens/utimensat. */
WASI_HIDDEN int32_t wasi_timespecs(int64_t atim, int64_t mtim, int32_t fst_flags, struct timespec times[2]);

/* ---- sandboxed path resolution (wasi_path_resolve.c) ---- */

typedef struct wasi_resolved_path {
    int dir_fd;         /* directory to use with the *at() call */
    bool owns_dir_fd;   /* dir_fd was opened during resolution and must be closed */
    bool trailing_slash;
    char *name;         /* final component ("." for the directory itself) */
} wasi_resolved_path;

/* How the final component's symlink is treated: only when the path ends in a slash (the default
   for calls that act on a link itself), always, or never (the link itself even as "link/"). */
enum { WASI_FOLLOW_IF_SLASHED = 0, WASI_FOLLOW_ALWAYS = 1, WASI_FOLLOW_NEVER = 2 };

/*
 * Resolves a guest path relative to the directory guest fd `fd`, never leaving it. Symlinks in
 * intermediate components are always followed (staying inside); the final one as `follow_final`
 * (a WASI_FOLLOW_* value) says. On success fill `out` (release with wasi_resolved_path_free).
 */
WASI_HIDDEN int32_t wasi_resolve_path(wasmc_wasi *wasi, uint8_t *mem, uint64_t mem_size, int32_t fd, int32_t path, int32_t path_len,
                          int follow_final, wasi_resolved_path *out);
WASI_HIDDEN void wasi_resolved_path_free(wasi_resolved_path *resolved);

/* The whole target of the symlink `name` in `dir` (malloc'd). NULL with *err = SUCCESS when `name`
   exists but is not a symlink, NULL with the WASI errno otherwise. */
WASI_HIDDEN char *wasi_read_link(int dir, const char *name, int32_t *err);

#endif
