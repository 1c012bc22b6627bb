/* The call-depth budget compiled code checks in every prologue (see wasmc_stack_limit). */
#define _GNU_SOURCE
#include <pthread.h>
#include "internal.h"

uintptr_t wasmc_stack_limit;

/* The lowest address of this thread's stack, recorded with the limit, so the fault handler can tell a
 * frame that ran off the end of the stack (a larger frame than the spare space below the limit) from
 * other faults without calling anything that is not async-signal-safe. */
static _Thread_local uintptr_t stack_low;

int wasmc_address_past_stack_end(const void *address) {
    uintptr_t value = (uintptr_t)address;
    /* The spare space above the end, and the kernel's guard gap below it (256 pages by default); the
     * functions are compiled with stack probes, so a large frame faults within the gap. */
    return stack_low != 0 && value < stack_low + 64 * 1024 && value + 4 * 1024 * 1024 >= stack_low;
}

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
            stack_low = (uintptr_t)low;
            uintptr_t floor = (uintptr_t)low + 64 * 1024;
            if (limit < floor) limit = floor;
        }
        pthread_attr_destroy(&attributes);
    }
    return limit;
}
