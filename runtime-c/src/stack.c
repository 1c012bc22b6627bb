/* The call-depth budget compiled code checks in every prologue (see wasmc_stack_limit). */
#define _GNU_SOURCE
#include <pthread.h>
#include "internal.h"

uintptr_t wasmc_stack_limit;

/* The budget is measured from the outermost wasmc_try, so recursion depth does not depend on how much
 * stack the host used before; on a thread whose stack is smaller than the budget, keep 64 KiB spare
 * below the limit for the trap path and the host. */
__attribute__((noinline)) uintptr_t wasmc_stack_limit_from_here(void) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    uintptr_t limit = here > WASMC_STACK_BUDGET ? here - WASMC_STACK_BUDGET : 0;
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
        void *low;
        size_t size;
        if (pthread_attr_getstack(&attributes, &low, &size) == 0) {
            uintptr_t floor = (uintptr_t)low + 64 * 1024;
            if (limit < floor) limit = floor;
        }
        pthread_attr_destroy(&attributes);
    }
    return limit;
}
