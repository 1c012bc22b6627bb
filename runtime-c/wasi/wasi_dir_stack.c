/*
 * The directories a path walk has entered, with a bounded number of fds open whatever the depth.
 *
 * Holding one fd per level would let a guest path of a few hundred components exhaust the process's
 * fds (EMFILE under `ulimit -n 256`), while Wasmtime resolves thousands. So every level keeps its
 * name, but only a sparse set keeps its fd: the top WASI_DIR_STACK_WINDOW levels and, for each power
 * of two 2^t, the latest level at an odd multiple of 2^t (at most one per t). Leaving a level whose
 * parent is closed reopens the parent from the nearest open ancestor, by name, one O_NOFOLLOW
 * component at a time; the sparse ancestors keep that cheap (a walk down and back up n levels
 * reopens O(n log n) directories). A reopened directory lies beneath the start exactly as the
 * original did: names are plain components, and a symlink swapped in meanwhile makes the open fail.
 */
#include "wasi_internal.h"
#include "wasi_dir_stack.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

void wasi_dir_stack_init(wasi_dir_stack *stack, int base) {
    memset(stack, 0, sizeof *stack);
    stack->base = base;
}

static int fd_at(const wasi_dir_stack *stack, size_t depth) {
    return depth == 0 ? stack->base : stack->levels[depth - 1].fd;
}

int wasi_dir_stack_top(const wasi_dir_stack *stack) { return fd_at(stack, stack->depth); }

/* Whether level k keeps its fd while the top is at depth d (k <= d). */
static int keeps_fd(size_t k, size_t d) {
    if (d - k < WASI_DIR_STACK_WINDOW) return 1;
    size_t scale = (size_t)1 << __builtin_ctzll((unsigned long long)k); /* k is an odd multiple of scale */
    return d - k < 2 * scale;
}

/* Records the fd just opened at the top level and closes those of levels no longer kept. */
static int32_t hold_top(wasi_dir_stack *stack) {
    size_t d = stack->depth, kept = 0;
    if (stack->open_count == WASI_DIR_STACK_MAX_OPEN) { /* cannot happen: see keeps_fd */
        close(stack->levels[d - 1].fd);
        stack->levels[d - 1].fd = -1;
        return WASMC_WASI_ERRNO_NOMEM;
    }
    stack->open[stack->open_count++] = d;
    for (size_t i = 0; i < stack->open_count; i++) {
        size_t k = stack->open[i];
        if (keeps_fd(k, d)) {
            stack->open[kept++] = k;
        } else {
            close(stack->levels[k - 1].fd);
            stack->levels[k - 1].fd = -1;
        }
    }
    stack->open_count = kept;
    return WASMC_WASI_ERRNO_SUCCESS;
}

/* Opens level `depth` from its parent (open) by its name. */
static int32_t open_level(wasi_dir_stack *stack, size_t depth) {
    int fd = openat(fd_at(stack, depth - 1), stack->levels[depth - 1].name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno == ELOOP ? WASMC_WASI_ERRNO_NOTDIR : wasi_errno_from_host(errno);
    stack->levels[depth - 1].fd = fd;
    return WASMC_WASI_ERRNO_SUCCESS;
}

int32_t wasi_dir_stack_enter(wasi_dir_stack *stack, const char *name) {
    if (stack->depth == stack->capacity) {
        size_t capacity = stack->capacity ? stack->capacity * 2 : 16;
        wasi_dir_level *levels = realloc(stack->levels, capacity * sizeof *levels);
        if (!levels) return WASMC_WASI_ERRNO_NOMEM;
        stack->levels = levels;
        stack->capacity = capacity;
    }
    char *copy = strdup(name);
    if (!copy) return WASMC_WASI_ERRNO_NOMEM;
    stack->levels[stack->depth] = (wasi_dir_level){copy, -1};
    int32_t err = open_level(stack, stack->depth + 1);
    if (err) {
        free(copy);
        return err;
    }
    stack->depth++;
    return hold_top(stack);
}

int32_t wasi_dir_stack_leave(wasi_dir_stack *stack) {
    if (stack->depth == 0) return WASI_ERRNO_ESCAPE; /* `..` above the start */
    wasi_dir_level *top = &stack->levels[stack->depth - 1];
    close(top->fd);
    free(top->name);
    stack->open_count--; /* the top is always the last open level */
    stack->depth--;
    if (stack->depth == 0 || stack->levels[stack->depth - 1].fd >= 0) return WASMC_WASI_ERRNO_SUCCESS;
    /* Reopen down from the deepest open ancestor, keeping fds as a walk down would. */
    size_t target = stack->depth;
    stack->depth = stack->open_count ? stack->open[stack->open_count - 1] : 0;
    while (stack->depth < target) {
        int32_t err = open_level(stack, stack->depth + 1);
        if (err) {
            /* Levels below the failure stay so that free() releases their names. */
            for (size_t k = stack->depth + 1; k <= target; k++) free(stack->levels[k - 1].name);
            return err;
        }
        stack->depth++;
        if ((err = hold_top(stack))) {
            for (size_t k = stack->depth + 1; k <= target; k++) free(stack->levels[k - 1].name);
            return err;
        }
    }
    return WASMC_WASI_ERRNO_SUCCESS;
}

int wasi_dir_stack_take_top(wasi_dir_stack *stack, int *owned) {
    int fd = wasi_dir_stack_top(stack);
    *owned = stack->depth > 0;
    if (*owned) {
        stack->levels[stack->depth - 1].fd = -1;
        stack->open_count--;
    }
    wasi_dir_stack_free(stack);
    return fd;
}

void wasi_dir_stack_free(wasi_dir_stack *stack) {
    for (size_t i = 0; i < stack->open_count; i++) close(stack->levels[stack->open[i] - 1].fd);
    for (size_t k = 0; k < stack->depth; k++) free(stack->levels[k].name);
    free(stack->levels);
    wasi_dir_stack_init(stack, stack->base);
}
