/* fd_* calls: I/O, seeking, metadata and the fd table operations. */
#include "wasi_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/uio.h>
#include <unistd.h>

#define LOOKUP(entry, fd)                                  \
    wasi_fd_entry *entry = wasi_fd_lookup(wasi, fd);       \
    if (!entry) return WASMC_WASI_ERRNO_BADF

typedef ssize_t (*vector_io)(int fd, const struct iovec *iov, int count, off_t offset, bool positioned);

static ssize_t do_read(int fd, const struct iovec *iov, int count, off_t offset, bool positioned) {
    return positioned ? preadv(fd, iov, count, offset) : readv(fd, iov, count);
}

static ssize_t do_write(int fd, const struct iovec *iov, int count, off_t offset, bool positioned) {
    return positioned ? pwritev(fd, iov, count, offset) : writev(fd, iov, count);
}

static int32_t vector_call(WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int64_t offset, bool positioned,
                           int32_t result_ptr, vector_io io) {
    LOOKUP(entry, fd);
    if (entry->filetype == WASI_FILETYPE_DIRECTORY) return WASMC_WASI_ERRNO_BADF; /* as Wasmtime: not a file */
    if (positioned && offset < 0) return WASMC_WASI_ERRNO_INVAL;
    if (!wasi_range_ok(mem_size, result_ptr, 4)) return WASMC_WASI_ERRNO_FAULT;
    struct iovec scratch[16], *host;
    int count;
    int32_t err = wasi_host_iovecs(mem, mem_size, iovs, iovs_len, scratch, 16, &host, &count);
    if (err) return err;
    ssize_t done;
    do {
        done = io(entry->host_fd, host, count, (off_t)offset, positioned);
    } while (done < 0 && errno == EINTR);
    int saved = errno;
    if (host != scratch) free(host);
    if (done < 0) return wasi_errno_from_host(saved);
    wasi_store_u32(mem, (uint32_t)result_ptr, (uint32_t)done);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_read(WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nread_ptr) {
    return vector_call(wasi, mem, mem_size, fd, iovs, iovs_len, 0, false, nread_ptr, do_read);
}

int32_t wasmc_wasi_fd_write(WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nwritten_ptr) {
    return vector_call(wasi, mem, mem_size, fd, iovs, iovs_len, 0, false, nwritten_ptr, do_write);
}

int32_t wasmc_wasi_fd_pread(WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int64_t offset, int32_t nread_ptr) {
    return vector_call(wasi, mem, mem_size, fd, iovs, iovs_len, offset, true, nread_ptr, do_read);
}

int32_t wasmc_wasi_fd_pwrite(WASI_MEM, int32_t fd, int32_t iovs, int32_t iovs_len, int64_t offset, int32_t nwritten_ptr) {
    return vector_call(wasi, mem, mem_size, fd, iovs, iovs_len, offset, true, nwritten_ptr, do_write);
}

int32_t wasmc_wasi_fd_seek(WASI_MEM, int32_t fd, int64_t offset, int32_t whence, int32_t newoffset_ptr) {
    LOOKUP(entry, fd);
    int host_whence;
    switch (whence) {
    case WASI_WHENCE_SET: host_whence = SEEK_SET; break;
    case WASI_WHENCE_CUR: host_whence = SEEK_CUR; break;
    case WASI_WHENCE_END: host_whence = SEEK_END; break;
    default: return WASMC_WASI_ERRNO_INVAL;
    }
    if (!wasi_range_ok(mem_size, newoffset_ptr, 8)) return WASMC_WASI_ERRNO_FAULT;
    if (entry->filetype == WASI_FILETYPE_DIRECTORY) return WASMC_WASI_ERRNO_BADF;
    off_t result = lseek(entry->host_fd, (off_t)offset, host_whence);
    if (result < 0) return wasi_errno_from_host(errno);
    wasi_store_u64(mem, (uint32_t)newoffset_ptr, (uint64_t)result);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_tell(WASI_MEM, int32_t fd, int32_t offset_ptr) {
    return wasmc_wasi_fd_seek(wasi, mem, mem_size, fd, 0, WASI_WHENCE_CUR, offset_ptr);
}

int32_t wasmc_wasi_fd_close(WASI_MEM, int32_t fd) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    (void)entry;
    wasi_fd_close_number(wasi, fd);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_renumber(WASI_MEM, int32_t fd, int32_t to) {
    (void)mem, (void)mem_size;
    LOOKUP(from_entry, fd);
    LOOKUP(to_entry, to);
    if (from_entry == to_entry) return WASMC_WASI_ERRNO_SUCCESS;
    wasi_fd_release(to_entry);
    *to_entry = *from_entry;
    memset(from_entry, 0, sizeof *from_entry);
    from_entry->host_fd = -1;
    /* The old number is free now and is reused first. Its entry is empty, so releasing is a no-op. */
    wasi_fd_close_number(wasi, fd);
    return WASMC_WASI_ERRNO_SUCCESS;
}

static uint16_t fdflags_from_host(int flags) {
    uint16_t out = 0;
    if (flags & O_APPEND) out |= WASI_FDFLAGS_APPEND;
    if (flags & O_NONBLOCK) out |= WASI_FDFLAGS_NONBLOCK;
    if ((flags & O_SYNC) == O_SYNC) out |= WASI_FDFLAGS_SYNC;
    else if (flags & O_DSYNC) out |= WASI_FDFLAGS_DSYNC;
#if defined(O_RSYNC) && O_RSYNC != O_SYNC
    if ((flags & O_RSYNC) == O_RSYNC) out |= WASI_FDFLAGS_RSYNC;
#endif
    return out;
}

int32_t wasmc_wasi_fd_fdstat_get(WASI_MEM, int32_t fd, int32_t stat_ptr) {
    LOOKUP(entry, fd);
    if (!wasi_range_ok(mem_size, stat_ptr, WASI_FDSTAT_SIZE)) return WASMC_WASI_ERRNO_FAULT;
    int flags = fcntl(entry->host_fd, F_GETFL);
    if (flags < 0) return wasi_errno_from_host(errno);
    uint32_t at = (uint32_t)stat_ptr;
    memset(mem + at, 0, WASI_FDSTAT_SIZE);
    /* Wasmtime reports its stdio streams as terminals or as of unknown type, never as files. */
    uint8_t type = entry->filetype;
    if (entry->is_stdio) type = isatty(entry->host_fd) ? WASI_FILETYPE_CHARACTER_DEVICE : WASI_FILETYPE_UNKNOWN;
    wasi_store_u8(mem, at, type);
    wasi_store_u16(mem, at + 2, fdflags_from_host(flags));
    wasi_store_u64(mem, at + 8, entry->rights_base);
    wasi_store_u64(mem, at + 16, entry->rights_inheriting);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_fdstat_set_flags(WASI_MEM, int32_t fd, int32_t flags) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    /* Like Wasmtime, only APPEND and NONBLOCK can change after opening. */
    if (flags & ~(WASI_FDFLAGS_APPEND | WASI_FDFLAGS_NONBLOCK | WASI_FDFLAGS_DSYNC | WASI_FDFLAGS_RSYNC | WASI_FDFLAGS_SYNC))
        return WASMC_WASI_ERRNO_INVAL;
    if (flags & (WASI_FDFLAGS_DSYNC | WASI_FDFLAGS_RSYNC | WASI_FDFLAGS_SYNC)) return WASMC_WASI_ERRNO_NOTSUP;
    int host = fcntl(entry->host_fd, F_GETFL);
    if (host < 0) return wasi_errno_from_host(errno);
    host &= ~(O_APPEND | O_NONBLOCK);
    if (flags & WASI_FDFLAGS_APPEND) host |= O_APPEND;
    if (flags & WASI_FDFLAGS_NONBLOCK) host |= O_NONBLOCK;
    if (fcntl(entry->host_fd, F_SETFL, host) != 0) return wasi_errno_from_host(errno);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_fdstat_set_rights(WASI_MEM, int32_t fd, int64_t rights_base, int64_t rights_inheriting) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    uint64_t base = (uint64_t)rights_base, inheriting = (uint64_t)rights_inheriting;
    /* Rights may only shrink. */
    if ((base & ~entry->rights_base) || (inheriting & ~entry->rights_inheriting)) return WASMC_WASI_ERRNO_NOTCAPABLE;
    entry->rights_base = base;
    entry->rights_inheriting = inheriting;
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_filestat_get(WASI_MEM, int32_t fd, int32_t stat_ptr) {
    LOOKUP(entry, fd);
    if (!wasi_range_ok(mem_size, stat_ptr, WASI_FILESTAT_SIZE)) return WASMC_WASI_ERRNO_FAULT;
    struct stat st;
    if (fstat(entry->host_fd, &st) != 0) return wasi_errno_from_host(errno);
    wasi_write_filestat(mem, (uint32_t)stat_ptr, &st);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_filestat_set_size(WASI_MEM, int32_t fd, int64_t size) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    if (size < 0) return WASMC_WASI_ERRNO_INVAL;
    if (ftruncate(entry->host_fd, (off_t)size) != 0) return wasi_errno_from_host(errno);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_filestat_set_times(WASI_MEM, int32_t fd, int64_t atim, int64_t mtim, int32_t fst_flags) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    struct timespec times[2];
    int32_t err = wasi_timespecs(atim, mtim, fst_flags, times);
    if (err) return err;
    if (futimens(entry->host_fd, times) != 0) return wasi_errno_from_host(errno);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_advise(WASI_MEM, int32_t fd, int64_t offset, int64_t len, int32_t advice) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    static const int host_advice[] = {POSIX_FADV_NORMAL,   POSIX_FADV_SEQUENTIAL, POSIX_FADV_RANDOM,
                                      POSIX_FADV_WILLNEED, POSIX_FADV_DONTNEED,   POSIX_FADV_NOREUSE};
    if (advice < 0 || advice > 5 || offset < 0 || len < 0) return WASMC_WASI_ERRNO_INVAL;
    if (entry->filetype == WASI_FILETYPE_DIRECTORY) return WASMC_WASI_ERRNO_BADF;
    int rc = posix_fadvise(entry->host_fd, (off_t)offset, (off_t)len, host_advice[advice]);
    return rc == 0 ? WASMC_WASI_ERRNO_SUCCESS : wasi_errno_from_host(rc);
}

int32_t wasmc_wasi_fd_allocate(WASI_MEM, int32_t fd, int64_t offset, int64_t len) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    if (offset < 0 || len <= 0 || offset > INT64_MAX - len) return WASMC_WASI_ERRNO_INVAL;
    if (entry->filetype == WASI_FILETYPE_DIRECTORY) return WASMC_WASI_ERRNO_BADF;
    int rc = posix_fallocate(entry->host_fd, (off_t)offset, (off_t)len);
    return rc == 0 ? WASMC_WASI_ERRNO_SUCCESS : wasi_errno_from_host(rc);
}

int32_t wasmc_wasi_fd_datasync(WASI_MEM, int32_t fd) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    return fdatasync(entry->host_fd) == 0 ? WASMC_WASI_ERRNO_SUCCESS : wasi_errno_from_host(errno);
}

int32_t wasmc_wasi_fd_sync(WASI_MEM, int32_t fd) {
    (void)mem, (void)mem_size;
    LOOKUP(entry, fd);
    return fsync(entry->host_fd) == 0 ? WASMC_WASI_ERRNO_SUCCESS : wasi_errno_from_host(errno);
}

int32_t wasmc_wasi_fd_prestat_get(WASI_MEM, int32_t fd, int32_t prestat_ptr) {
    LOOKUP(entry, fd);
    if (!entry->preopen_name) return WASMC_WASI_ERRNO_BADF;
    if (!wasi_range_ok(mem_size, prestat_ptr, 8)) return WASMC_WASI_ERRNO_FAULT;
    uint32_t at = (uint32_t)prestat_ptr;
    memset(mem + at, 0, 8);
    wasi_store_u8(mem, at, 0); /* preopentype dir */
    wasi_store_u32(mem, at + 4, (uint32_t)strlen(entry->preopen_name));
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_fd_prestat_dir_name(WASI_MEM, int32_t fd, int32_t path, int32_t path_len) {
    LOOKUP(entry, fd);
    if (!entry->preopen_name) return WASMC_WASI_ERRNO_BADF;
    size_t len = strlen(entry->preopen_name);
    if ((uint32_t)path_len < len) return WASMC_WASI_ERRNO_NAMETOOLONG;
    if (!wasi_range_ok(mem_size, path, len)) return WASMC_WASI_ERRNO_FAULT;
    memcpy(mem + (uint32_t)path, entry->preopen_name, len);
    return WASMC_WASI_ERRNO_SUCCESS;
}

static bool is_dot_or_dotdot(const char *name) {
    return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

/* Reads the next host entry other than "." and ".." (those are synthesised first, as Wasmtime does). */
static struct dirent *next_host_entry(DIR *dir, int32_t *err) {
    *err = WASMC_WASI_ERRNO_SUCCESS;
    for (;;) {
        errno = 0;
        struct dirent *d = readdir(dir);
        if (!d) {
            if (errno) *err = wasi_errno_from_host(errno);
            return NULL;
        }
        if (!is_dot_or_dotdot(d->d_name)) return d;
    }
}

/* Positions the directory stream so that the next host entry is number `index` (dots excluded). */
static int32_t seek_directory(wasi_fd_entry *entry, uint64_t index) {
    if (!entry->dir) {
        int copy = openat(entry->host_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (copy < 0) return wasi_errno_from_host(errno);
        entry->dir = fdopendir(copy);
        if (!entry->dir) {
            int saved = errno;
            close(copy);
            return wasi_errno_from_host(saved);
        }
        entry->dir_position = 0;
    }
    if (index == 0) {
        /* A listing from the start sees the directory as it is now, not a stream left at its old end. */
        rewinddir(entry->dir);
        entry->dir_position = 0;
    } else if (index < entry->dir_position) {
        if (entry->has_resume && index == entry->resume_index) {
            seekdir(entry->dir, entry->resume_offset);
            entry->dir_position = index;
        } else {
            rewinddir(entry->dir);
            entry->dir_position = 0;
        }
    }
    int32_t err = WASMC_WASI_ERRNO_SUCCESS;
    while (entry->dir_position < index && next_host_entry(entry->dir, &err)) entry->dir_position++;
    return err;
}

static uint8_t dirent_type(int dir_fd, const struct dirent *d) {
    switch (d->d_type) {
    case DT_BLK: return WASI_FILETYPE_BLOCK_DEVICE;
    case DT_CHR: return WASI_FILETYPE_CHARACTER_DEVICE;
    case DT_DIR: return WASI_FILETYPE_DIRECTORY;
    case DT_REG: return WASI_FILETYPE_REGULAR_FILE;
    case DT_SOCK: return WASI_FILETYPE_SOCKET_STREAM;
    case DT_LNK: return WASI_FILETYPE_SYMBOLIC_LINK;
    default: {
        struct stat st;
        if (fstatat(dir_fd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) return wasi_filetype_from_mode(st.st_mode);
        return WASI_FILETYPE_UNKNOWN;
    }
    }
}

/* Appends one dirent (header + name) to the guest buffer, truncated to what fits: a full buffer
   tells the guest to retry with a bigger one. Returns false once the buffer is full. */
static bool emit_dirent(uint8_t *out, uint32_t capacity, uint32_t *used, uint64_t next, uint64_t inode, uint8_t type,
                        const char *name) {
    size_t name_len = strlen(name);
    uint8_t header[WASI_DIRENT_SIZE];
    memset(header, 0, sizeof header);
    wasi_store_u64(header, 0, next);
    wasi_store_u64(header, 8, inode);
    wasi_store_u32(header, 16, (uint32_t)name_len);
    wasi_store_u8(header, 20, type);
    uint32_t room = capacity - *used;
    uint32_t part = room < WASI_DIRENT_SIZE ? room : WASI_DIRENT_SIZE;
    memcpy(out + *used, header, part);
    *used += part;
    room = capacity - *used;
    uint32_t name_part = room < name_len ? room : (uint32_t)name_len;
    memcpy(out + *used, name, name_part);
    *used += name_part;
    return *used < capacity;
}

int32_t wasmc_wasi_fd_readdir(WASI_MEM, int32_t fd, int32_t buf, int32_t buf_len, int64_t cookie, int32_t bufused_ptr) {
    LOOKUP(entry, fd);
    if (entry->filetype != WASI_FILETYPE_DIRECTORY) return WASMC_WASI_ERRNO_BADF; /* as Wasmtime */
    uint32_t capacity = (uint32_t)buf_len;
    if (!wasi_range_ok(mem_size, buf, capacity) || !wasi_range_ok(mem_size, bufused_ptr, 4)) return WASMC_WASI_ERRNO_FAULT;
    uint8_t *out = mem + (uint32_t)buf;
    uint32_t used = 0;
    uint64_t next = (uint64_t)cookie;
    bool room = capacity > 0;
    /* Cookies 0 and 1 are "." and ".."; cookie n >= 2 is host entry n - 2. */
    if (next < 2) {
        /* ".." gets the directory's own inode: the parent of a preopen is none of the guest's business. */
        struct stat st;
        uint64_t inode = fstat(entry->host_fd, &st) == 0 ? (uint64_t)st.st_ino : 0;
        for (; room && next < 2; next++)
            room = emit_dirent(out, capacity, &used, next + 1, inode, WASI_FILETYPE_DIRECTORY, next == 0 ? "." : "..");
    }
    if (room) {
        int32_t err = seek_directory(entry, next - 2);
        if (err) return err;
        while (room) {
            long before = telldir(entry->dir);
            struct dirent *d = next_host_entry(entry->dir, &err);
            if (err) return err;
            if (!d) break;
            if (before >= 0) {
                entry->resume_index = entry->dir_position;
                entry->resume_offset = before;
                entry->has_resume = true;
            }
            entry->dir_position++;
            next++;
            room = emit_dirent(out, capacity, &used, next, (uint64_t)d->d_ino, dirent_type(dirfd(entry->dir), d), d->d_name);
        }
    }
    wasi_store_u32(mem, (uint32_t)bufused_ptr, used);
    return WASMC_WASI_ERRNO_SUCCESS;
}
