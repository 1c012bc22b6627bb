/* The report of a run's end on stderr, in the wasmtime CLI's terms: a trap names its reason, the wasm
 * function and, when instantiation was running, the segment or the start function; an instance that
 * cannot be created is an error, not a trap. */
#include "outcome.h"

#include <stdio.h>

int wasmc_host_outcome(wasmc_trap_code result) {
    if (result == 0) return 0;
    if (result == WASMC_TRAP_EXIT) return wasmc_last_exit_code();
    if (result == WASMC_TRAP_INSTANTIATION_FAILED) {
        fprintf(stderr, "Error: failed to instantiate the module: %s\n", wasmc_instantiation_error());
        return WASMC_HOST_INSTANTIATION_STATUS;
    }
    const char *function = wasmc_last_trap_function(), *step = wasmc_last_trap_instantiation_step();
    fprintf(stderr, "Error: wasm trap: %s\n", wasmc_trap_message(result));
    if (function) fprintf(stderr, "  in wasm function %s\n", function);
    if (step) fprintf(stderr, "  while instantiating the module: %s\n", step);
    return WASMC_HOST_TRAP_STATUS;
}
