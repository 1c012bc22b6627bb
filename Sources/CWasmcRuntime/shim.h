// The runtime ABI shared by compiled modules, the runtime and every host.
#include "../../runtime-c/include/wasmc_rt.h"

/// A call of `uint32_t`-returning entry points (instantiate and friends) inside `wasmc_try`: code that may
/// trap must run with no Swift frames between the runtime's trap handler (which unwinds with siglongjmp)
/// and the wasm code, so the call happens here in C.
typedef struct wasmc_host_entry_call {
    uint32_t (*entry)(void *instance, void *argument);
    void *instance;
    void *argument;
    uint32_t result;
} wasmc_host_entry_call;

static inline void wasmc_host_entry_body(void *context) {
    wasmc_host_entry_call *call = (wasmc_host_entry_call *)context;
    call->result = call->entry(call->instance, call->argument);
}
