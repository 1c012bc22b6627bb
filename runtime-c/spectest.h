/* The `spectest` host module of the WebAssembly spec test suite, built on the runtime ABI. */
#ifndef WASMC_SPECTEST_H
#define WASMC_SPECTEST_H

#include "wasmc_rt.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Value type codes of the binary format, as stored in `wasmc_global.type` and table element types. */
enum {
    WASMC_SPECTEST_I32 = 0x7F,
    WASMC_SPECTEST_I64 = 0x7E,
    WASMC_SPECTEST_F32 = 0x7D,
    WASMC_SPECTEST_F64 = 0x7C,
    WASMC_SPECTEST_FUNCREF = 0x70,
};

/** One instance of the module: its functions, globals, table and memory. */
typedef struct wasmc_spectest wasmc_spectest;

/** A fresh instance (the spec harness uses one per script); NULL when memory or table allocation fails. */
wasmc_spectest *wasmc_spectest_create(void);

/** Releases the instance's memory and table. No compiled instance may still use them. */
void wasmc_spectest_destroy(wasmc_spectest *spectest);

/** Looks up an export: 1 and its kind (`WASMC_EXTERN_*`) and object (`wasmc_func *`, `wasmc_table *`,
 *  `wasmc_memory *` or `wasmc_global *`), plus the canonical signature of a function; 0 when absent. */
int wasmc_spectest_lookup(wasmc_spectest *spectest, const char *name, uint8_t *kind, void **value, const char **signature);

#ifdef __cplusplus
}
#endif

#endif
