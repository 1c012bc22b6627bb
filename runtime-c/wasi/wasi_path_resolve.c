/*
 * Sandboxed path resolution. A guest path is walked component by component from a directory fd
 * with openat(O_NOFOLLOW); `..` pops the walk and may never pop past the starting directory;
 * symlinks are expanded here (never by the kernel) and an absolute target is refused. Every
 * directory handed back therefore lies inside the starting directory, whatever the guest or a
 * concurrent process does to the tree (a swapped-in symlink makes the open fail, not escape).
 * The directories entered are a wasi_dir_stack, which keeps few fds open however deep the path.
 */
#include "wasi_internal.h"
#include "wasi_dir_stack.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

enum { MAX_SYMLINK_EXPANSIONS = 40, MAX_PATH_BYTES = 65536 };

char *wasi_read_link(int dir, const char *name, int32_t *err) {
    *err = WASMC_WASI_ERRNO_SUCCESS;
    size_t size = 256;
    for (;;) {
        char *buffer = malloc(size);
        if (!buffer) {
            *err = WASMC_WASI_ERRNO_NOMEM;
            return NULL;
        }
        ssize_t n = readlinkat(dir, name, buffer, size);
        if (n < 0) {
            int saved = errno;
            free(buffer);
            if (saved != EINVAL) *err = wasi_errno_from_host(saved); /* EINVAL = exists, not a link */
            return NULL;
        }
        if ((size_t)n < size) {
            buffer[n] = '\0';
            return buffer;
        }
        free(buffer);
        if (size >= MAX_PATH_BYTES) {
            *err = WASMC_WASI_ERRNO_NAMETOOLONG;
            return NULL;
        }
        size *= 2;
    }
}

/* Replaces the pending path with `target` + ("/" + rest when rest is non-empty). */
static int32_t splice_link(char **pending, const char *target, const char *rest, unsigned *expansions) {
    if (++*expansions > MAX_SYMLINK_EXPANSIONS) return WASMC_WASI_ERRNO_LOOP;
    if (target[0] == '/') return WASI_ERRNO_ESCAPE;
    if (target[0] == '\0') return WASMC_WASI_ERRNO_NOENT;
    size_t target_len = strlen(target), rest_len = strlen(rest);
    if (target_len + rest_len + 2 > MAX_PATH_BYTES) return WASMC_WASI_ERRNO_NAMETOOLONG;
    char *joined = malloc(target_len + rest_len + 2);
    if (!joined) return WASMC_WASI_ERRNO_NOMEM;
    memcpy(joined, target, target_len);
    size_t at = target_len;
    if (rest_len) {
        joined[at++] = '/';
        memcpy(joined + at, rest, rest_len);
        at += rest_len;
    }
    joined[at] = '\0';
    free(*pending);
    *pending = joined;
    return WASMC_WASI_ERRNO_SUCCESS;
}

static int32_t resolve(wasi_dir_stack *w, char *path, int follow_final, wasi_resolved_path *out) {
    unsigned expansions = 0;
    char *pending = path; /* owned */
    size_t at = 0;        /* where the next component starts (no memmove per component: paths are long) */
    int32_t err = WASMC_WASI_ERRNO_SUCCESS;
    for (;;) {
        char *cursor = pending + at;
        while (*cursor == '/') cursor++;
        char *end = cursor;
        while (*end && *end != '/') end++;
        char *rest = end;
        while (*rest == '/') rest++;
        bool last = *rest == '\0';
        bool slash_after = *end == '/';
        char saved = *end;
        *end = '\0';
        const char *component = *cursor ? cursor : ".";
        bool dot = strcmp(component, ".") == 0, dotdot = strcmp(component, "..") == 0;

        if (dotdot) {
            if ((err = wasi_dir_stack_leave(w))) break;
        } else if (!dot) {
            char *target = NULL;
            /* A trailing slash means the target ("link/" is what the link names), as in POSIX and
               Wasmtime, unless the caller asked for the link itself whatever the path says. */
            bool follow = follow_final == WASI_FOLLOW_ALWAYS || (slash_after && follow_final != WASI_FOLLOW_NEVER);
            if (!last || follow) {
                target = wasi_read_link(wasi_dir_stack_top(w), component, &err);
                if (err && !(last && err == WASMC_WASI_ERRNO_NOENT)) break; /* a missing last name may be created */
                err = WASMC_WASI_ERRNO_SUCCESS;
                if (target) {
                    char *rest_copy = strdup(slash_after && last ? "." : rest);
                    if (!rest_copy) err = WASMC_WASI_ERRNO_NOMEM;
                    else err = splice_link(&pending, target, rest_copy, &expansions);
                    free(rest_copy);
                    free(target);
                    if (err) break;
                    at = 0;
                    continue; /* `pending` now starts with the link target */
                }
            }
            if (last) {
                out->name = strdup(component);
                out->trailing_slash = slash_after;
                if (!out->name) err = WASMC_WASI_ERRNO_NOMEM;
                break;
            }
            if ((err = wasi_dir_stack_enter(w, component))) break;
        }
        if (last) {
            out->name = strdup(".");
            out->trailing_slash = slash_after;
            if (!out->name) err = WASMC_WASI_ERRNO_NOMEM;
            break;
        }
        *end = saved;
        at = (size_t)(rest - pending);
    }
    free(pending);
    return err;
}

int32_t wasi_resolve_path(wasmc_wasi *wasi, uint8_t *mem, uint64_t mem_size, int32_t fd, int32_t path, int32_t path_len,
                          int follow_final, wasi_resolved_path *out) {
    memset(out, 0, sizeof *out);
    out->dir_fd = -1;
    wasi_fd_entry *entry = wasi_fd_lookup(wasi, fd);
    if (!entry) return WASMC_WASI_ERRNO_BADF;
    if (entry->filetype != WASI_FILETYPE_DIRECTORY) return WASMC_WASI_ERRNO_BADF; /* as Wasmtime: not a dir fd */
    uint32_t len = (uint32_t)path_len;
    if (!wasi_range_ok(mem_size, path, len)) return WASMC_WASI_ERRNO_FAULT;
    if (len == 0) return WASMC_WASI_ERRNO_NOENT;
    if (len > MAX_PATH_BYTES) return WASMC_WASI_ERRNO_NAMETOOLONG;
    const uint8_t *bytes = mem + (uint32_t)path;
    if (memchr(bytes, '\0', len)) return WASMC_WASI_ERRNO_INVAL;
    if (bytes[0] == '/') return WASI_ERRNO_ESCAPE;
    char *copy = malloc((size_t)len + 1);
    if (!copy) return WASMC_WASI_ERRNO_NOMEM;
    memcpy(copy, bytes, len);
    copy[len] = '\0';

    wasi_dir_stack stack;
    wasi_dir_stack_init(&stack, entry->host_fd);
    int32_t err = resolve(&stack, copy, follow_final, out);
    if (err) {
        wasi_dir_stack_free(&stack);
        free(out->name);
        out->name = NULL;
        return err;
    }
    int owned;
    out->dir_fd = wasi_dir_stack_take_top(&stack, &owned); /* only the innermost directory stays open */
    out->owns_dir_fd = owned;
    return WASMC_WASI_ERRNO_SUCCESS;
}

void wasi_resolved_path_free(wasi_resolved_path *resolved) {
    if (resolved->owns_dir_fd && resolved->dir_fd >= 0) close(resolved->dir_fd);
    free(resolved->name);
    memset(resolved, 0, sizeof *resolved);
    resolved->dir_fd = -1;
}
