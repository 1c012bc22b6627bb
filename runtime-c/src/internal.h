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
/** Whether a fault at `address` is a frame running off the end of this thread's stack. */
int wasmc_address_past_stack_end(const void *address);
/** The stack limit for an outermost wasmc_try entered from the caller's frame. */
uintptr_t wasmc_stack_limit_from_here(void);
/** Records the entry addresses and names of a module's functions (once per owner, the module's plan). */
void wasmc_register_code(const void *owner, size_t count, void *const *code, const char *const *names);
/** The name of the registered wasm function whose code holds `address`, or NULL. */
const char *wasmc_function_at(const void *address);
/** Traps, naming the wasm function at `code_address` (a fault's pc, or a helper's return address). */
_Noreturn void wasmc_trap_from(wasmc_trap_code code, const void *code_address);

typedef struct instantiation_step {
    const char *kind; /* "data segment", "element segment", "start function"; NULL outside instantiation */
    int64_t index;    /* the segment's index, or -1 */
} instantiation_step;
/** Names the instantiation step now running on this thread (kind NULL: none), which a trap records; returns
    the step it replaces (wasmc_try restores it too, as a trap skips the caller's reset). */
instantiation_step wasmc_set_instantiation_step(const char *kind, int64_t index);
/** Memories never hold more pages than this (4 GiB: the 32-bit address space). */
#define WASMC_MEMORY_MAX_PAGES 65536u
/** Tables never hold more elements than this (an implementation limit, as in other engines). */
#define WASMC_TABLE_MAX_ELEMENTS 10000000u
/** Records why instantiation cannot proceed (printf-style) and returns WASMC_TRAP_INSTANTIATION_FAILED. */
wasmc_trap_code wasmc_instantiation_failed(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
