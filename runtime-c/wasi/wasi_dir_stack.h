/* The directories a sandboxed path walk has entered below its starting directory (see wasi_dir_stack.c). */
#ifndef WASMC_WASI_DIR_STACK_H
#define WASMC_WASI_DIR_STACK_H

#include <stddef.h>
#include <stdint.h>

/* Levels entered within this many of the top always keep their fd. */
#define WASI_DIR_STACK_WINDOW 8
/* The most fds a stack ever holds: the window plus one ancestor per power of two of the depth. */
#define WASI_DIR_STACK_MAX_OPEN (WASI_DIR_STACK_WINDOW + 8 * sizeof(size_t) + 1)

typedef struct wasi_dir_level {
    char *name; /* the name it was entered by: one plain component, never a symlink */
    int fd;     /* O_PATH directory fd, or -1 while closed */
} wasi_dir_level;

typedef struct wasi_dir_stack {
    int base;               /* depth 0: the starting directory, not owned */
    wasi_dir_level *levels; /* levels[i] is depth i + 1 */
    size_t depth, capacity;
    size_t open[WASI_DIR_STACK_MAX_OPEN]; /* depths holding an fd, ascending; the top is always one */
    size_t open_count;
} wasi_dir_stack;

void wasi_dir_stack_init(wasi_dir_stack *stack, int base);
/* The directory at the top (the base at depth 0). */
int wasi_dir_stack_top(const wasi_dir_stack *stack);
/* Enters the directory `name` of the top (never following a symlink). 0 or a WASI errno. */
int32_t wasi_dir_stack_enter(wasi_dir_stack *stack, const char *name);
/* `..`: back to the parent level; PERM at depth 0 (that would leave the start). 0 or a WASI errno. */
int32_t wasi_dir_stack_leave(wasi_dir_stack *stack);
/* Hands the top fd to the caller (owned when *owned; the base is not) and releases the rest. */
int wasi_dir_stack_take_top(wasi_dir_stack *stack, int *owned);
/* Closes every fd and frees the stack. */
void wasi_dir_stack_free(wasi_dir_stack *stack);

#endif
