/* How an executable reports the end of its run (see outcome.c). */
#ifndef WASMC_HOST_OUTCOME_H
#define WASMC_HOST_OUTCOME_H
#include "wasmc_rt.h"

/** Exit status of a trap, as the wasmtime CLI (128 + SIGABRT). */
#define WASMC_HOST_TRAP_STATUS 134
/** Exit status when the module cannot be instantiated, as the wasmtime CLI. */
#define WASMC_HOST_INSTANTIATION_STATUS 1

/** Reports how instantiation or `_start` ended (`result` from wasmc_try, or the instantiate result)
    on stderr and returns the process's exit status: the proc_exit code, or one of the above. */
int wasmc_host_outcome(wasmc_trap_code result);

#endif
