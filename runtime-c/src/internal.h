/* Runtime internals shared between its files; not part of the ABI. */
#ifndef WASMC_RT_INTERNAL_H
#define WASMC_RT_INTERNAL_H
#include "wasmc_rt.h"

/** Whether `address` lies inside a live memory reservation (the signal handler's test). */
int wasmc_address_in_reservation(const void *address);
/** Whether this thread is inside wasmc_try (faults elsewhere are not ours). */
int wasmc_inside_try(void);
void wasmc_signals_install(void);
/** Gives the calling thread its own alternate signal stack once the handlers are installed. */
void wasmc_signals_prepare_thread(void);
/** The stack limit for an outermost wasmc_try entered from the caller's frame. */
uintptr_t wasmc_stack_limit_from_here(void);

#endif
