/* Differential fuzzing of the filesystem calls: for a fixed set of seeds, a deterministic random
   sequence of direct WASI calls (open, close, read, write, seek, mkdir, rmdir, unlink, rename,
   link, symlink, readlink, stat, readdir, renumber) on awkward paths (.., ., links, trailing
   slashes) inside a per-seed directory. Every result is printed, so any difference from Wasmtime
   in errno, data or directory contents shows up as a diff. Left out: values that legitimately
   differ (inodes, times, directory sizes) and arguments Wasmtime traps on (bad enum values). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

enum { SEEDS = 24, OPS = 150, MAX_FDS = 16 };
/* Every defined right; Wasmtime traps on undefined bits. */
#define ALL_RIGHTS ((__wasi_rights_t)((UINT64_C(1) << 30) - 1))

static uint32_t state;
static uint32_t next(void) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}
static uint32_t below(uint32_t n) { return next() % n; }

static const char *random_path(char *buffer, size_t size) {
    static const char *parts[] = {"a", "b", "c", "d", "..", ".", "l1", "l2", "a", "b"};
    buffer[0] = '\0';
    int depth = 1 + (int)below(3);
    for (int i = 0; i < depth; i++) {
        if (i) strncat(buffer, "/", size - strlen(buffer) - 1);
        strncat(buffer, parts[below(sizeof parts / sizeof parts[0])], size - strlen(buffer) - 1);
    }
    if (below(8) == 0) strncat(buffer, "/", size - strlen(buffer) - 1);
    return buffer;
}

static __wasi_fd_t fds[MAX_FDS];
static int fd_count;

static __wasi_fd_t some_fd(void) {
    if (fd_count == 0 || below(10) == 0) return (__wasi_fd_t)(40 + below(3)); /* never opened */
    return fds[below((uint32_t)fd_count)];
}

static void forget_fd(__wasi_fd_t fd) {
    for (int i = 0; i < fd_count; i++)
        if (fds[i] == fd) fds[i--] = fds[--fd_count];
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list_directory(__wasi_fd_t fd) {
    static uint8_t buffer[4096];
    char *names[128];
    int count = 0;
    __wasi_dircookie_t cookie = 0;
    __wasi_size_t used;
    __wasi_errno_t err;
    for (;;) {
        err = __wasi_fd_readdir(fd, buffer, sizeof buffer, cookie, &used);
        if (err) break;
        size_t at = 0;
        while (at + sizeof(__wasi_dirent_t) <= used) {
            __wasi_dirent_t entry;
            memcpy(&entry, buffer + at, sizeof entry);
            if (at + sizeof entry + entry.d_namlen > used) break;
            if (count < 128) {
                char *name = malloc(entry.d_namlen + 3);
                memcpy(name, buffer + at + sizeof entry, entry.d_namlen);
                name[entry.d_namlen] = '\0';
                if (entry.d_type == __WASI_FILETYPE_DIRECTORY) strcat(name, "/");
                if (entry.d_type == __WASI_FILETYPE_SYMBOLIC_LINK) strcat(name, "@");
                names[count++] = name;
            }
            cookie = entry.d_next;
            at += sizeof entry + entry.d_namlen;
        }
        if (used < sizeof buffer) break;
    }
    printf("readdir %u -> %d:", fd, err);
    qsort(names, (size_t)count, sizeof names[0], compare_names);
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void operation(__wasi_fd_t base) {
    char path[64], other[64];
    uint8_t data[32];
    __wasi_size_t n = 0;
    __wasi_errno_t err;
    switch (below(15)) {
    case 0:
    case 1: {
        static const __wasi_oflags_t choices[] = {0, __WASI_OFLAGS_CREAT, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL,
                                                  __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, __WASI_OFLAGS_DIRECTORY};
        __wasi_oflags_t oflags = choices[below(5)];
        __wasi_rights_t rights = below(2) ? __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL
                                          : __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK |
                                                __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_READDIR;
        if (oflags & __WASI_OFLAGS_DIRECTORY) rights = __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_FD_READ;
        __wasi_lookupflags_t follow = below(2) ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0;
        __wasi_fd_t fd = 0;
        random_path(path, sizeof path);
        err = __wasi_path_open(base, follow, path, oflags, rights, rights, 0, &fd);
        printf("open %s oflags %d follow %d -> %d fd %d\n", path, oflags, follow, err, err ? -1 : (int)fd);
        if (!err) {
            if (fd_count < MAX_FDS) fds[fd_count++] = fd;
            else (void)__wasi_fd_close(fd);
        }
        break;
    }
    case 2: {
        __wasi_fd_t fd = some_fd();
        err = __wasi_fd_close(fd);
        printf("close %u -> %d\n", fd, err);
        if (!err) forget_fd(fd);
        break;
    }
    case 3: {
        int length = (int)below(20);
        for (int i = 0; i < length; i++) data[i] = (uint8_t)('a' + below(26));
        __wasi_ciovec_t iov = {data, (size_t)length};
        __wasi_fd_t fd = some_fd();
        err = __wasi_fd_write(fd, &iov, 1, &n);
        printf("write %u %d -> %d (%u)\n", fd, length, err, err ? 0u : (unsigned)n);
        break;
    }
    case 4: {
        __wasi_iovec_t iov = {data, 1 + below(20)};
        __wasi_fd_t fd = some_fd();
        err = __wasi_fd_read(fd, &iov, 1, &n);
        printf("read %u -> %d [%.*s]\n", fd, err, err ? 0 : (int)n, (const char *)data);
        break;
    }
    case 5: {
        __wasi_filesize_t position = 0;
        __wasi_filedelta_t offset = (__wasi_filedelta_t)below(30) - 10;
        __wasi_whence_t whence = (__wasi_whence_t)below(3);
        __wasi_fd_t fd = some_fd();
        err = __wasi_fd_seek(fd, offset, whence, &position);
        printf("seek %u %lld whence %d -> %d (%llu)\n", fd, (long long)offset, whence, err,
               err ? 0ull : (unsigned long long)position);
        break;
    }
    case 6:
        err = __wasi_path_create_directory(base, random_path(path, sizeof path));
        printf("mkdir %s -> %d\n", path, err);
        break;
    case 7:
        err = __wasi_path_remove_directory(base, random_path(path, sizeof path));
        printf("rmdir %s -> %d\n", path, err);
        break;
    case 8:
        err = __wasi_path_unlink_file(base, random_path(path, sizeof path));
        printf("unlink %s -> %d\n", path, err);
        break;
    case 9:
        random_path(path, sizeof path);
        err = __wasi_path_rename(base, path, base, random_path(other, sizeof other));
        printf("rename %s %s -> %d\n", path, other, err);
        break;
    case 10:
        random_path(path, sizeof path);
        if (below(2)) {
            err = __wasi_path_symlink(path, base, random_path(other, sizeof other));
            printf("symlink %s %s -> %d\n", path, other, err);
        } else {
            err = __wasi_path_link(base, 0, path, base, random_path(other, sizeof other));
            printf("link %s %s -> %d\n", path, other, err);
        }
        break;
    case 11: {
        char target[64] = {0};
        err = __wasi_path_readlink(base, random_path(path, sizeof path), (uint8_t *)target, sizeof target - 1, &n);
        printf("readlink %s -> %d [%s]\n", path, err, err ? "" : target);
        break;
    }
    case 12: {
        __wasi_filestat_t stat;
        __wasi_lookupflags_t follow = below(2) ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0;
        err = __wasi_path_filestat_get(base, follow, random_path(path, sizeof path), &stat);
        printf("stat %s follow %d -> %d", path, follow, err);
        if (!err) {
            printf(" type %d", stat.filetype);
            if (stat.filetype == __WASI_FILETYPE_REGULAR_FILE) printf(" size %llu links %llu", (unsigned long long)stat.size,
                                                                      (unsigned long long)stat.nlink);
        }
        printf("\n");
        break;
    }
    case 13:
        list_directory(below(4) ? base : some_fd());
        break;
    default: {
        __wasi_fd_t from = some_fd(), to = some_fd();
        err = __wasi_fd_renumber(from, to);
        printf("renumber %u %u -> %d\n", from, to, err);
        if (!err && from != to) forget_fd(from);
        break;
    }
    }
}

static __wasi_fd_t find_preopen(void) {
    for (__wasi_fd_t fd = 3; fd < 64; fd++) {
        __wasi_prestat_t prestat;
        if (__wasi_fd_prestat_get(fd, &prestat) == 0) return fd;
    }
    return 3;
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    __wasi_fd_t root = find_preopen();
    for (uint32_t seed = 1; seed <= SEEDS; seed++) {
        char name[16];
        snprintf(name, sizeof name, "s%u", seed);
        __wasi_fd_t base;
        if (__wasi_path_create_directory(root, name) != 0 ||
            __wasi_path_open(root, 0, name, __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR, ALL_RIGHTS, 0,
                             &base) != 0) {
            printf("seed %u: cannot set up\n", seed);
            return 1;
        }
        printf("== seed %u\n", seed);
        state = seed * 2654435761u;
        fd_count = 0;
        for (int i = 0; i < OPS; i++) operation(base);
        list_directory(base);
        for (int i = 0; i < fd_count; i++) (void)__wasi_fd_close(fds[i]);
        (void)__wasi_fd_close(base);
    }
    return 0;
}
