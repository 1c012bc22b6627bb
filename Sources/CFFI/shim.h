// libffi (Debian libffi-dev), used to call compiled exports of any signature. Code that may trap must
// run with no Swift frames between the runtime's trap handler (which unwinds with siglongjmp) and the
// wasm code, so the libffi call happens here in C.
#include <ffi.h>
#include <stdint.h>

/// One libffi call, run by `wasmc_host_ffi_body` inside the runtime's `wasmc_try`.
typedef struct wasmc_host_ffi_call {
    ffi_cif *cif;
    void (*function)(void);
    void *result;
    void **arguments;
} wasmc_host_ffi_call;

static inline void wasmc_host_ffi_body(void *context) {
    wasmc_host_ffi_call *call = (wasmc_host_ffi_call *)context;
    ffi_call(call->cif, call->function, call->result, call->arguments);
}

// libffi's type descriptors are C globals; accessors give Swift stable pointers to them.
static inline ffi_type *wasmc_ffi_type_void(void) { return &ffi_type_void; }
static inline ffi_type *wasmc_ffi_type_sint32(void) { return &ffi_type_sint32; }
static inline ffi_type *wasmc_ffi_type_sint64(void) { return &ffi_type_sint64; }
static inline ffi_type *wasmc_ffi_type_uint64(void) { return &ffi_type_uint64; }
static inline ffi_type *wasmc_ffi_type_float(void) { return &ffi_type_float; }
static inline ffi_type *wasmc_ffi_type_double(void) { return &ffi_type_double; }
static inline ffi_type *wasmc_ffi_type_pointer(void) { return &ffi_type_pointer; }
