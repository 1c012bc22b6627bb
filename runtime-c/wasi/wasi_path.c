/* path_* calls: each resolves its guest path(s) inside the sandbox, then uses the *at() system call. */
#include "wasi_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h> /* renameat */
#include <stdlib.h>
#include <unistd.h>

#define RESOLVE(resolved, fd, path, path_len, follow)                                                   \
    wasi_resolved_path resolved;                                                                         \
    do {                                                                                                 \
        int32_t resolve_err = wasi_resolve_path(wasi, mem, mem_size, fd, path, path_len, follow, &resolved); \
        if (resolve_err) return resolve_err;                                                             \
    } while (0)

/*
 * The resolver strips a trailing slash (the kernel must never see "name/", which would follow a
 * symlink swapped in after resolution), so its meaning is enforced here: "name/" has to be a
 * directory when it exists. Returns NOTDIR, or SUCCESS (also when the entry does not exist).
 */
static int32_t require_directory_if_slashed(const wasi_resolved_path *resolved) {
    struct stat st;
    if (!resolved->trailing_slash || fstatat(resolved->dir_fd, resolved->name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return WASMC_WASI_ERRNO_SUCCESS;
    return S_ISDIR(st.st_mode) ? WASMC_WASI_ERRNO_SUCCESS : WASMC_WASI_ERRNO_NOTDIR;
}

static int32_t finish(wasi_resolved_path *resolved, int rc) {
    int saved = errno;
    wasi_resolved_path_free(resolved);
    return rc == 0 ? WASMC_WASI_ERRNO_SUCCESS : wasi_errno_from_host(saved);
}

int32_t wasmc_wasi_path_open(WASI_MEM, int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags,
                             int64_t rights_base, int64_t rights_inheriting, int32_t fdflags, int32_t opened_fd_ptr) {
    if (!wasi_range_ok(mem_size, opened_fd_ptr, 4)) return WASMC_WASI_ERRNO_FAULT;
    if (oflags & ~0xf) return WASMC_WASI_ERRNO_INVAL;
    /* Access as Wasmtime grants it: writable when write rights are asked for or the call may create
       or truncate; readable when read rights are asked for or no write rights are. */
    (void)rights_inheriting; /* advisory, as in Wasmtime */
    uint64_t base = (uint64_t)rights_base;
    bool write = (base & WASI_RIGHTS_WRITE_SIDE) || (oflags & (WASI_OFLAGS_CREAT | WASI_OFLAGS_TRUNC));
    bool read = (base & WASI_RIGHTS_READ_SIDE) || !(base & WASI_RIGHTS_WRITE_SIDE);
    int flags = O_CLOEXEC | O_NOFOLLOW; /* symlinks were already expanded inside the sandbox */
    if (oflags & WASI_OFLAGS_CREAT) flags |= O_CREAT;
    if (oflags & WASI_OFLAGS_EXCL) flags |= O_EXCL;
    if (oflags & WASI_OFLAGS_TRUNC) flags |= O_TRUNC;
    if (oflags & WASI_OFLAGS_DIRECTORY) flags |= O_DIRECTORY;
    if (fdflags & WASI_FDFLAGS_APPEND) flags |= O_APPEND;
    if (fdflags & WASI_FDFLAGS_NONBLOCK) flags |= O_NONBLOCK;
    if (fdflags & WASI_FDFLAGS_DSYNC) flags |= O_DSYNC;
    if (fdflags & WASI_FDFLAGS_SYNC) flags |= O_SYNC;
    if (fdflags & WASI_FDFLAGS_RSYNC) flags |= O_RSYNC;
    if ((flags & O_DIRECTORY) || !write) flags |= O_RDONLY;
    else flags |= read ? O_RDWR : O_WRONLY;
    if ((flags & O_DIRECTORY) && (oflags & (WASI_OFLAGS_CREAT | WASI_OFLAGS_TRUNC))) return WASMC_WASI_ERRNO_INVAL;

    /* A create never follows a final symlink when exclusive (the link exists: EXIST, as POSIX says)
       or when the path ends in a slash (refused below with ISDIR once the directories resolve). */
    bool slashed = wasi_range_ok(mem_size, path, (uint32_t)path_len) && path_len > 0 &&
                   mem[(uint32_t)path + (uint32_t)path_len - 1] == '/';
    int follow = (oflags & WASI_OFLAGS_CREAT) && ((oflags & WASI_OFLAGS_EXCL) || slashed) ? WASI_FOLLOW_NEVER
                 : (dirflags & WASI_LOOKUPFLAGS_SYMLINK_FOLLOW)                          ? WASI_FOLLOW_ALWAYS
                                                                                          : WASI_FOLLOW_IF_SLASHED;
    RESOLVE(resolved, fd, path, path_len, follow);
    if ((oflags & WASI_OFLAGS_CREAT) && (resolved.trailing_slash || strcmp(resolved.name, ".") == 0)) {
        /* Only a directory can match "name/" or ".", and open cannot create one: ISDIR (the kernel
           would say INVAL), except EXIST for an exclusive create of "." - Wasmtime's answers. */
        bool resolved_trailing = resolved.trailing_slash && strcmp(resolved.name, ".") != 0;
        struct stat st;
        bool exists = fstatat(resolved.dir_fd, resolved.name, &st, AT_SYMLINK_NOFOLLOW) == 0;
        wasi_resolved_path_free(&resolved);
        bool dot = !resolved_trailing && exists;
        return dot && (oflags & WASI_OFLAGS_EXCL) ? WASMC_WASI_ERRNO_EXIST : WASMC_WASI_ERRNO_ISDIR;
    }
    if (!(dirflags & WASI_LOOKUPFLAGS_SYMLINK_FOLLOW) && !resolved.trailing_slash && !(oflags & WASI_OFLAGS_EXCL)) {
        /* Opening a symlink itself is refused with LOOP whatever else is asked (O_DIRECTORY would say NOTDIR). */
        struct stat st;
        if (fstatat(resolved.dir_fd, resolved.name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
            wasi_resolved_path_free(&resolved);
            return WASMC_WASI_ERRNO_LOOP;
        }
    }
    if (resolved.trailing_slash) flags |= O_DIRECTORY;
    int host_fd = openat(resolved.dir_fd, resolved.name, flags, 0666);
    if (host_fd < 0) return finish(&resolved, -1);
    wasi_resolved_path_free(&resolved);
    struct stat st;
    if (fstat(host_fd, &st) != 0) {
        int saved = errno;
        close(host_fd);
        return wasi_errno_from_host(saved);
    }
    /* Reported rights follow Wasmtime: everything for the granted directions (advisory anyway). */
    uint8_t type = wasi_filetype_from_mode(st.st_mode);
    uint64_t granted = WASI_RIGHTS_ALL;
    if (type == WASI_FILETYPE_DIRECTORY) granted = WASI_RIGHTS_OPENED_DIRECTORY;
    else if (!(flags & O_DIRECTORY) && !write) granted &= ~WASI_RIGHT_FD_WRITE;
    else if (!(flags & O_DIRECTORY) && !read) granted &= ~WASI_RIGHTS_READ_SIDE;
    if (type == WASI_FILETYPE_CHARACTER_DEVICE) granted &= ~WASI_RIGHTS_TTY_EXCLUDED;
    int32_t guest = wasi_fd_insert(wasi, host_fd, type, granted, granted);
    if (guest < 0) return WASMC_WASI_ERRNO_NFILE;
    wasi_store_u32(mem, (uint32_t)opened_fd_ptr, (uint32_t)guest);
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasmc_wasi_path_create_directory(WASI_MEM, int32_t fd, int32_t path, int32_t path_len) {
    RESOLVE(resolved, fd, path, path_len, WASI_FOLLOW_NEVER); /* an existing "name/" of any kind: EXIST */
    return finish(&resolved, mkdirat(resolved.dir_fd, resolved.name, 0777));
}

int32_t wasmc_wasi_path_remove_directory(WASI_MEM, int32_t fd, int32_t path, int32_t path_len) {
    RESOLVE(resolved, fd, path, path_len, WASI_FOLLOW_IF_SLASHED);
    if (resolved.trailing_slash && strcmp(resolved.name, ".") != 0) {
        /* Wasmtime refuses an existing directory named "name/" (INVAL); doing the same keeps
           programs comparable. A missing name or a non-directory fails as usual. */
        struct stat st;
        int32_t err = fstatat(resolved.dir_fd, resolved.name, &st, AT_SYMLINK_NOFOLLOW) != 0 ? wasi_errno_from_host(errno)
                      : S_ISDIR(st.st_mode)                                                 ? WASMC_WASI_ERRNO_INVAL
                                                                                            : WASMC_WASI_ERRNO_NOTDIR;
        wasi_resolved_path_free(&resolved);
        return err;
    }
    return finish(&resolved, unlinkat(resolved.dir_fd, resolved.name, AT_REMOVEDIR));
}

int32_t wasmc_wasi_path_unlink_file(WASI_MEM, int32_t fd, int32_t path, int32_t path_len) {
    RESOLVE(resolved, fd, path, path_len, WASI_FOLLOW_IF_SLASHED);
    if (resolved.trailing_slash) {
        /* "name/" names a directory; unlinking must not remove a file of that name. */
        struct stat st;
        int32_t err = fstatat(resolved.dir_fd, resolved.name, &st, AT_SYMLINK_NOFOLLOW) != 0 ? wasi_errno_from_host(errno)
                      : S_ISDIR(st.st_mode)                                                 ? WASMC_WASI_ERRNO_ISDIR
                                                                                            : WASMC_WASI_ERRNO_NOTDIR;
        wasi_resolved_path_free(&resolved);
        return err;
    }
    return finish(&resolved, unlinkat(resolved.dir_fd, resolved.name, 0));
}

int32_t wasmc_wasi_path_filestat_get(WASI_MEM, int32_t fd, int32_t lookup_flags, int32_t path, int32_t path_len,
                                     int32_t stat_ptr) {
    if (!wasi_range_ok(mem_size, stat_ptr, WASI_FILESTAT_SIZE)) return WASMC_WASI_ERRNO_FAULT;
    RESOLVE(resolved, fd, path, path_len, lookup_flags & WASI_LOOKUPFLAGS_SYMLINK_FOLLOW);
    struct stat st;
    int rc = fstatat(resolved.dir_fd, resolved.name, &st, AT_SYMLINK_NOFOLLOW);
    if (rc == 0 && resolved.trailing_slash && !S_ISDIR(st.st_mode)) {
        wasi_resolved_path_free(&resolved);
        return WASMC_WASI_ERRNO_NOTDIR;
    }
    if (rc == 0) wasi_write_filestat(mem, (uint32_t)stat_ptr, &st);
    return finish(&resolved, rc);
}

int32_t wasmc_wasi_path_filestat_set_times(WASI_MEM, int32_t fd, int32_t lookup_flags, int32_t path, int32_t path_len,
                                           int64_t atim, int64_t mtim, int32_t fst_flags) {
    struct timespec times[2];
    int32_t err = wasi_timespecs(atim, mtim, fst_flags, times);
    if (err) return err;
    RESOLVE(resolved, fd, path, path_len, lookup_flags & WASI_LOOKUPFLAGS_SYMLINK_FOLLOW);
    if ((err = require_directory_if_slashed(&resolved))) {
        wasi_resolved_path_free(&resolved);
        return err;
    }
    return finish(&resolved, utimensat(resolved.dir_fd, resolved.name, times, AT_SYMLINK_NOFOLLOW));
}

int32_t wasmc_wasi_path_link(WASI_MEM, int32_t old_fd, int32_t old_flags, int32_t old_path, int32_t old_path_len,
                             int32_t new_fd, int32_t new_path, int32_t new_path_len) {
    RESOLVE(source, old_fd, old_path, old_path_len, old_flags & WASI_LOOKUPFLAGS_SYMLINK_FOLLOW);
    /* Checked before the new path, as Wasmtime does: "old/" must be an existing directory (which
       linkat then refuses): missing gives NOENT, anything else NOTDIR. */
    struct stat st;
    int32_t err = WASMC_WASI_ERRNO_SUCCESS;
    if (source.trailing_slash) {
        if (fstatat(source.dir_fd, source.name, &st, AT_SYMLINK_NOFOLLOW) != 0) err = wasi_errno_from_host(errno);
        else if (!S_ISDIR(st.st_mode)) err = WASMC_WASI_ERRNO_NOTDIR;
    }
    if (err) {
        wasi_resolved_path_free(&source);
        return err;
    }
    wasi_resolved_path target;
    err = wasi_resolve_path(wasi, mem, mem_size, new_fd, new_path, new_path_len, WASI_FOLLOW_IF_SLASHED, &target);
    if (err) {
        wasi_resolved_path_free(&source);
        return err;
    }
    /* "new/" (followed if a link) cannot be made: NOENT when missing, NOTDIR when a non-directory
       has the name; for a directory linkat answers (EXIST, or the source's own error). */
    if (target.trailing_slash) {
        if (fstatat(target.dir_fd, target.name, &st, AT_SYMLINK_NOFOLLOW) != 0) err = WASMC_WASI_ERRNO_NOENT;
        else if (!S_ISDIR(st.st_mode)) err = WASMC_WASI_ERRNO_NOTDIR;
    }
    if (err) {
        wasi_resolved_path_free(&source);
        wasi_resolved_path_free(&target);
        return err;
    }
    int rc = linkat(source.dir_fd, source.name, target.dir_fd, target.name, 0);
    int saved = errno;
    wasi_resolved_path_free(&source);
    wasi_resolved_path_free(&target);
    return rc == 0 ? WASMC_WASI_ERRNO_SUCCESS : wasi_errno_from_host(saved);
}

int32_t wasmc_wasi_path_rename(WASI_MEM, int32_t fd, int32_t old_path, int32_t old_path_len, int32_t new_fd,
                               int32_t new_path, int32_t new_path_len) {
    /* Both names mean the entries themselves, links included, even with a trailing slash (as Wasmtime). */
    RESOLVE(source, fd, old_path, old_path_len, WASI_FOLLOW_NEVER);
    wasi_resolved_path target;
    int32_t err = wasi_resolve_path(wasi, mem, mem_size, new_fd, new_path, new_path_len, WASI_FOLLOW_NEVER, &target);
    if (err) {
        wasi_resolved_path_free(&source);
        return err;
    }
    if (strcmp(target.name, ".") == 0) {
        err = WASMC_WASI_ERRNO_BUSY; /* a directory in use as the target, before any other check (Wasmtime's order) */
    } else {
        /* A slash on either side demands a directory source, as rename(2) does; "link/" is the link. */
        if (target.trailing_slash) source.trailing_slash = true;
        err = require_directory_if_slashed(&source);
    }
    if (err) {
        wasi_resolved_path_free(&source);
        wasi_resolved_path_free(&target);
        return err;
    }
    int rc = renameat(source.dir_fd, source.name, target.dir_fd, target.name);
    int saved = errno;
    wasi_resolved_path_free(&source);
    wasi_resolved_path_free(&target);
    return rc == 0 ? WASMC_WASI_ERRNO_SUCCESS : wasi_errno_from_host(saved);
}

int32_t wasmc_wasi_path_symlink(WASI_MEM, int32_t old_path, int32_t old_path_len, int32_t fd, int32_t new_path,
                                int32_t new_path_len) {
    uint32_t len = (uint32_t)old_path_len;
    if (!wasi_range_ok(mem_size, old_path, len)) return WASMC_WASI_ERRNO_FAULT;
    if (memchr(mem + (uint32_t)old_path, '\0', len)) return WASMC_WASI_ERRNO_INVAL;
    /* As in Wasmtime, a link may not point at an absolute path (resolution would refuse it anyway). */
    if (len > 0 && mem[(uint32_t)old_path] == '/') return WASI_ERRNO_ESCAPE;
    char *contents = malloc((size_t)len + 1);
    if (!contents) return WASMC_WASI_ERRNO_NOMEM;
    memcpy(contents, mem + (uint32_t)old_path, len);
    contents[len] = '\0';
    wasi_resolved_path resolved;
    int32_t err = wasi_resolve_path(wasi, mem, mem_size, fd, new_path, new_path_len, WASI_FOLLOW_IF_SLASHED, &resolved);
    if (err) {
        free(contents);
        return err;
    }
    if (resolved.trailing_slash) {
        /* A link named "name/" cannot be made: EXIST when a directory has the name, NOTDIR when
           something else has it, else NOENT (symlink(2) and Wasmtime agree). */
        struct stat st;
        int32_t err = fstatat(resolved.dir_fd, resolved.name, &st, AT_SYMLINK_NOFOLLOW) != 0 ? WASMC_WASI_ERRNO_NOENT
                      : S_ISDIR(st.st_mode)                                                 ? WASMC_WASI_ERRNO_EXIST
                                                                                            : WASMC_WASI_ERRNO_NOTDIR;
        free(contents);
        wasi_resolved_path_free(&resolved);
        return err;
    }
    int rc = symlinkat(contents, resolved.dir_fd, resolved.name);
    free(contents);
    return finish(&resolved, rc);
}

int32_t wasmc_wasi_path_readlink(WASI_MEM, int32_t fd, int32_t path, int32_t path_len, int32_t buf, int32_t buf_len,
                                 int32_t bufused_ptr) {
    uint32_t capacity = (uint32_t)buf_len;
    if (!wasi_range_ok(mem_size, buf, capacity) || !wasi_range_ok(mem_size, bufused_ptr, 4)) return WASMC_WASI_ERRNO_FAULT;
    RESOLVE(resolved, fd, path, path_len, WASI_FOLLOW_IF_SLASHED);
    int32_t slash_err = require_directory_if_slashed(&resolved); /* "link/" is its target, not a link */
    if (slash_err) {
        wasi_resolved_path_free(&resolved);
        return slash_err;
    }
    /* The whole target is read first: guest memory must never hold a host path, even truncated. */
    int32_t err;
    char *target = wasi_read_link(resolved.dir_fd, resolved.name, &err);
    wasi_resolved_path_free(&resolved);
    if (!target) return err ? err : WASMC_WASI_ERRNO_INVAL; /* not a symlink: readlink(2)'s EINVAL */
    /* An absolute target names a host path; Wasmtime answers PERM rather than reveal it. */
    if (target[0] == '/') {
        free(target);
        return WASI_ERRNO_ESCAPE;
    }
    size_t length = strlen(target), used = length < capacity ? length : capacity; /* truncated, as readlink(2) */
    memcpy(mem + (uint32_t)buf, target, used);
    free(target);
    wasi_store_u32(mem, (uint32_t)bufused_ptr, (uint32_t)used);
    return WASMC_WASI_ERRNO_SUCCESS;
}
