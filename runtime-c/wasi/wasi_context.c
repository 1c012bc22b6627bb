/* WASI context lifetime, the fd table and small shared helpers. */
#include "wasi_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

void wasmc_wasi_config_init(wasmc_wasi_config *config) {
    memset(config, 0, sizeof *config);
    config->stdin_fd = 0;
    config->stdout_fd = 1;
    config->stderr_fd = 2;
}

static char **copy_strings(const char *const *strings, size_t count) {
    char **copy = calloc(count + 1, sizeof *copy);
    if (!copy) return NULL;
    for (size_t i = 0; i < count; i++) {
        copy[i] = strdup(strings[i] ? strings[i] : "");
        if (!copy[i]) {
            for (size_t j = 0; j < i; j++) free(copy[j]);
            free(copy);
            return NULL;
        }
    }
    return copy;
}

static void free_strings(char **strings, size_t count) {
    if (!strings) return;
    for (size_t i = 0; i < count; i++) free(strings[i]);
    free(strings);
}

static bool grow_fd_table(wasmc_wasi *wasi, uint32_t minimum) {
    if (minimum <= wasi->fd_capacity) return true;
    uint32_t capacity = wasi->fd_capacity ? wasi->fd_capacity : 16;
    while (capacity < minimum) {
        if (capacity > UINT32_MAX / 2) return false;
        capacity *= 2;
    }
    wasi_fd_entry *fds = realloc(wasi->fds, (size_t)capacity * sizeof *fds);
    if (!fds) return false;
    memset(fds + wasi->fd_capacity, 0, (size_t)(capacity - wasi->fd_capacity) * sizeof *fds);
    wasi->fds = fds;
    wasi->fd_capacity = capacity;
    return true;
}

/* Installs `host_fd` (or a closed placeholder when -1) at exactly `slot`. */
static bool install_at(wasmc_wasi *wasi, uint32_t slot, int host_fd, uint8_t filetype, uint64_t base, uint64_t inheriting) {
    if (!grow_fd_table(wasi, slot + 1)) return false;
    wasi_fd_entry *entry = &wasi->fds[slot];
    memset(entry, 0, sizeof *entry);
    entry->in_use = host_fd >= 0;
    entry->host_fd = host_fd;
    entry->filetype = filetype;
    entry->rights_base = base;
    entry->rights_inheriting = inheriting;
    return true;
}

/* Stdin may only be read and stdout/stderr only written, with exactly the rights Wasmtime gives
   its streams (wasi-libc turns them into F_GETFL's access mode; no seek/tell lets isatty work). */
static bool install_stdio(wasmc_wasi *wasi, uint32_t slot, int host_fd) {
    if (host_fd < 0) return install_at(wasi, slot, -1, 0, 0, 0);
    int copy = fcntl(host_fd, F_DUPFD_CLOEXEC, 3);
    if (copy < 0) return false;
    struct stat st;
    uint8_t type = fstat(copy, &st) == 0 ? wasi_filetype_from_mode(st.st_mode) : WASI_FILETYPE_UNKNOWN;
    uint64_t rights = slot == 0 ? WASI_RIGHT_FD_READ : WASI_RIGHT_FD_WRITE;
    if (!install_at(wasi, slot, copy, type, rights, rights)) {
        close(copy);
        return false;
    }
    wasi->fds[slot].is_stdio = true;
    return true;
}

wasmc_wasi *wasmc_wasi_create(const wasmc_wasi_config *config, const char **error) {
    const char *unused;
    if (!error) error = &unused;
    *error = NULL;
    if ((config->argc && !config->argv) || (config->envc && !config->env) ||
        (config->preopen_count && !config->preopens)) {
        *error = "config has a count without its array";
        return NULL;
    }
    wasmc_wasi *wasi = calloc(1, sizeof *wasi);
    if (!wasi) {
        *error = "out of memory";
        return NULL;
    }
    wasi->argc = config->argc;
    wasi->envc = config->envc;
    wasi->argv = copy_strings(config->argv, config->argc);
    wasi->env = copy_strings(config->env, config->envc);
    wasi->exit_hook = config->exit_hook;
    wasi->exit_context = config->exit_context;
    if (!wasi->argv || !wasi->env) {
        *error = "out of memory";
        goto fail;
    }
    if (!install_stdio(wasi, 0, config->stdin_fd) || !install_stdio(wasi, 1, config->stdout_fd) ||
        !install_stdio(wasi, 2, config->stderr_fd)) {
        *error = "cannot duplicate a standard stream";
        goto fail;
    }
    wasi->next_fd = 3;
    for (size_t i = 0; i < config->preopen_count; i++) {
        const wasmc_wasi_preopen *preopen = &config->preopens[i];
        if (!preopen->host_path) {
            *error = "preopen without a host path";
            goto fail;
        }
        int dir = open(preopen->host_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0) {
            *error = "cannot open a preopened directory (missing or not a directory)";
            goto fail;
        }
        uint32_t slot = wasi->next_fd++;
        if (slot > (uint32_t)INT32_MAX - 1 ||
            !install_at(wasi, slot, dir, WASI_FILETYPE_DIRECTORY, WASI_RIGHTS_PREOPEN_BASE, WASI_RIGHTS_PREOPEN_INHERITING)) {
            close(dir);
            *error = "out of memory";
            goto fail;
        }
        const char *name = preopen->guest_path ? preopen->guest_path : preopen->host_path;
        wasi->fds[slot].preopen_name = strdup(name);
        if (!wasi->fds[slot].preopen_name) {
            *error = "out of memory";
            goto fail;
        }
    }
    return wasi;
fail:
    wasmc_wasi_destroy(wasi);
    return NULL;
}

void wasmc_wasi_destroy(wasmc_wasi *wasi) {
    if (!wasi) return;
    for (uint32_t i = 0; i < wasi->fd_capacity; i++) wasi_fd_release(&wasi->fds[i]);
    free(wasi->fds);
    free(wasi->free_fds);
    free_strings(wasi->argv, wasi->argc);
    free_strings(wasi->env, wasi->envc);
    free(wasi);
}

wasi_fd_entry *wasi_fd_lookup(wasmc_wasi *wasi, int32_t fd) {
    if (fd < 0 || (uint32_t)fd >= wasi->fd_capacity) return NULL;
    wasi_fd_entry *entry = &wasi->fds[fd];
    return entry->in_use ? entry : NULL;
}

int32_t wasi_fd_insert(wasmc_wasi *wasi, int host_fd, uint8_t filetype, uint64_t base, uint64_t inheriting) {
    /* The highest closed number is reused first (Wasmtime keeps them in an ordered set). */
    uint32_t highest = 0;
    for (uint32_t i = 1; i < wasi->free_count; i++)
        if (wasi->free_fds[i] > wasi->free_fds[highest]) highest = i;
    bool reused = wasi->free_count > 0;
    uint32_t slot = reused ? wasi->free_fds[highest] : wasi->next_fd;
    if (slot > (uint32_t)INT32_MAX - 1 || !install_at(wasi, slot, host_fd, filetype, base, inheriting)) {
        close(host_fd);
        return -1;
    }
    if (reused) wasi->free_fds[highest] = wasi->free_fds[--wasi->free_count];
    else wasi->next_fd++;
    return (int32_t)slot;
}

void wasi_fd_close_number(wasmc_wasi *wasi, int32_t fd) {
    wasi_fd_release(&wasi->fds[fd]);
    if (wasi->free_count == wasi->free_capacity) {
        uint32_t capacity = wasi->free_capacity ? wasi->free_capacity * 2 : 16;
        uint32_t *grown = capacity > wasi->free_capacity ? realloc(wasi->free_fds, capacity * sizeof *grown) : NULL;
        if (!grown) return; /* the number is simply not reused */
        wasi->free_fds = grown;
        wasi->free_capacity = capacity;
    }
    wasi->free_fds[wasi->free_count++] = (uint32_t)fd;
}

void wasi_fd_release(wasi_fd_entry *entry) {
    if (entry->dir) closedir(entry->dir);
    if (entry->in_use && entry->host_fd >= 0) close(entry->host_fd);
    free(entry->preopen_name);
    memset(entry, 0, sizeof *entry);
    entry->host_fd = -1;
}

int32_t wasi_put_u32(uint8_t *mem, uint64_t mem_size, int32_t ptr, uint32_t value) {
    if (!wasi_range_ok(mem_size, ptr, 4)) return WASMC_WASI_ERRNO_FAULT;
    wasi_store_u32(mem, (uint32_t)ptr, value);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasi_put_u64(uint8_t *mem, uint64_t mem_size, int32_t ptr, uint64_t value) {
    if (!wasi_range_ok(mem_size, ptr, 8)) return WASMC_WASI_ERRNO_FAULT;
    wasi_store_u64(mem, (uint32_t)ptr, value);
    return WASMC_WASI_ERRNO_SUCCESS;
}

uint8_t wasi_filetype_from_mode(mode_t mode) {
    switch (mode & S_IFMT) {
    case S_IFBLK: return WASI_FILETYPE_BLOCK_DEVICE;
    case S_IFCHR: return WASI_FILETYPE_CHARACTER_DEVICE;
    case S_IFDIR: return WASI_FILETYPE_DIRECTORY;
    case S_IFREG: return WASI_FILETYPE_REGULAR_FILE;
    case S_IFSOCK: return WASI_FILETYPE_SOCKET_STREAM;
    case S_IFLNK: return WASI_FILETYPE_SYMBOLIC_LINK;
    default: return WASI_FILETYPE_UNKNOWN;
    }
}

static uint64_t timespec_nanos(struct timespec ts) {
    return (uint64_t)ts.tv_sec * UINT64_C(1000000000) + (uint64_t)ts.tv_nsec;
}

void wasi_write_filestat(uint8_t *mem, uint32_t at, const struct stat *st) {
    memset(mem + at, 0, WASI_FILESTAT_SIZE);
    wasi_store_u64(mem, at + 0, (uint64_t)st->st_dev);
    wasi_store_u64(mem, at + 8, (uint64_t)st->st_ino);
    wasi_store_u8(mem, at + 16, wasi_filetype_from_mode(st->st_mode));
    wasi_store_u64(mem, at + 24, (uint64_t)st->st_nlink);
    wasi_store_u64(mem, at + 32, (uint64_t)st->st_size);
    wasi_store_u64(mem, at + 40, timespec_nanos(st->st_atim));
    wasi_store_u64(mem, at + 48, timespec_nanos(st->st_mtim));
    wasi_store_u64(mem, at + 56, timespec_nanos(st->st_ctim));
}

int32_t wasi_host_iovecs(uint8_t *mem, uint64_t mem_size, int32_t iovs, int32_t iovs_len, struct iovec *scratch,
                         size_t scratch_count, struct iovec **out, int *count) {
    *out = NULL;
    *count = 0;
    uint32_t n = (uint32_t)iovs_len;
    if (n > 1024) return WASMC_WASI_ERRNO_INVAL; /* IOV_MAX, as the host would answer */
    if (!wasi_range_ok(mem_size, iovs, (uint64_t)n * 8)) return WASMC_WASI_ERRNO_FAULT;
    /* stdio issues many small writes: avoid the allocation for the common few-iovec case. */
    struct iovec *host = n <= scratch_count ? scratch : calloc(n, sizeof *host);
    if (!host) return WASMC_WASI_ERRNO_NOMEM;
    uint64_t total = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t at = (uint32_t)iovs + 8 * i;
        uint32_t buf = wasi_load_u32(mem, at);
        uint32_t len = wasi_load_u32(mem, at + 4);
        total += len;
        /* The result count is a u32; refuse totals it cannot report. */
        if (!wasi_range_ok(mem_size, (int32_t)buf, len) || total > UINT32_MAX) {
            if (host != scratch) free(host);
            return wasi_range_ok(mem_size, (int32_t)buf, len) ? WASMC_WASI_ERRNO_INVAL : WASMC_WASI_ERRNO_FAULT;
        }
        host[i].iov_base = mem + buf;
        host[i].iov_len = len;
    }
    *out = host;
    *count = (int)n;
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasi_timespecs(int64_t atim, int64_t mtim, int32_t fst_flags, struct timespec times[2]) {
    if ((fst_flags & WASI_FSTFLAGS_ATIM) && (fst_flags & WASI_FSTFLAGS_ATIM_NOW)) return WASMC_WASI_ERRNO_INVAL;
    if ((fst_flags & WASI_FSTFLAGS_MTIM) && (fst_flags & WASI_FSTFLAGS_MTIM_NOW)) return WASMC_WASI_ERRNO_INVAL;
    if (fst_flags & ~0xf) return WASMC_WASI_ERRNO_INVAL;
    const int64_t values[2] = {atim, mtim};
    const int32_t set[2] = {WASI_FSTFLAGS_ATIM, WASI_FSTFLAGS_MTIM};
    const int32_t now[2] = {WASI_FSTFLAGS_ATIM_NOW, WASI_FSTFLAGS_MTIM_NOW};
    for (int i = 0; i < 2; i++) {
        if (fst_flags & now[i]) {
            times[i].tv_sec = 0;
            times[i].tv_nsec = UTIME_NOW;
        } else if (fst_flags & set[i]) {
            uint64_t nanos = (uint64_t)values[i];
            times[i].tv_sec = (time_t)(nanos / 1000000000u);
            times[i].tv_nsec = (long)(nanos % 1000000000u);
        } else {
            times[i].tv_sec = 0;
            times[i].tv_nsec = UTIME_OMIT;
        }
    }
    return WASMC_WASI_ERRNO_SUCCESS;
}
