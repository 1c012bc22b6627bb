/* The `spectest` host module the WebAssembly spec scripts import from: print functions, one global of
 * each number type, a funcref table of 10..20 elements (and a 64-bit one, `table64`) and a memory of 1..2 pages.
 * Printing follows the reference interpreter: `42 : i32`. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "spectest.h"

enum { PRINT, PRINT_I32, PRINT_I64, PRINT_F32, PRINT_F64, PRINT_I32_F32, PRINT_F64_F64, FUNCTION_COUNT };

struct wasmc_spectest {
    wasmc_func functions[FUNCTION_COUNT];
    wasmc_global global_i32, global_i64, global_f32, global_f64;
    wasmc_table table, table64;
    wasmc_memory memory;
};

static void print(void *instance) {
    (void)instance;
    fflush(stdout);
}

static void print_i32(void *instance, int32_t value) {
    (void)instance;
    printf("%" PRId32 " : i32\n", value);
    fflush(stdout);
}

static void print_i64(void *instance, int64_t value) {
    (void)instance;
    printf("%" PRId64 " : i64\n", value);
    fflush(stdout);
}

static void print_f32(void *instance, float value) {
    (void)instance;
    printf("%.9g : f32\n", (double)value);
    fflush(stdout);
}

static void print_f64(void *instance, double value) {
    (void)instance;
    printf("%.17g : f64\n", value);
    fflush(stdout);
}

static void print_i32_f32(void *instance, int32_t first, float second) {
    (void)instance;
    printf("%" PRId32 " : i32\n%.9g : f32\n", first, (double)second);
    fflush(stdout);
}

static void print_f64_f64(void *instance, double first, double second) {
    (void)instance;
    printf("%.17g : f64\n%.17g : f64\n", first, second);
    fflush(stdout);
}

static const struct {
    const char *name;
    const char *signature;
    void *code;
} function_exports[FUNCTION_COUNT] = {
    [PRINT] = {"print", "()->()", (void *)print},
    [PRINT_I32] = {"print_i32", "(i32)->()", (void *)print_i32},
    [PRINT_I64] = {"print_i64", "(i64)->()", (void *)print_i64},
    [PRINT_F32] = {"print_f32", "(f32)->()", (void *)print_f32},
    [PRINT_F64] = {"print_f64", "(f64)->()", (void *)print_f64},
    [PRINT_I32_F32] = {"print_i32_f32", "(i32,f32)->()", (void *)print_i32_f32},
    [PRINT_F64_F64] = {"print_f64_f64", "(f64,f64)->()", (void *)print_f64_f64},
};

static void set_global(wasmc_global *global, uint8_t type, const void *value, size_t size) {
    memset(global, 0, sizeof *global);
    memcpy(global->value, value, size);
    global->type = type;
    global->mutable_ = 0;
}

wasmc_spectest *wasmc_spectest_create(void) {
    wasmc_spectest *spectest = calloc(1, sizeof *spectest);
    if (!spectest) return NULL;
    for (int i = 0; i < FUNCTION_COUNT; i++) {
        spectest->functions[i].code = function_exports[i].code;
        spectest->functions[i].type_id = wasmc_intern_signature(function_exports[i].signature);
        spectest->functions[i].instance = spectest;
    }
    int32_t i32 = 666;
    int64_t i64 = 666;
    float f32 = 666.6f;
    double f64 = 666.6;
    set_global(&spectest->global_i32, WASMC_SPECTEST_I32, &i32, sizeof i32);
    set_global(&spectest->global_i64, WASMC_SPECTEST_I64, &i64, sizeof i64);
    set_global(&spectest->global_f32, WASMC_SPECTEST_F32, &f32, sizeof f32);
    set_global(&spectest->global_f64, WASMC_SPECTEST_F64, &f64, sizeof f64);
    if (wasmc_table_init(&spectest->table, WASMC_SPECTEST_FUNCREF, 10, 20, 1) != 0) {
        free(spectest);
        return NULL;
    }
    if (wasmc_table_init(&spectest->table64, WASMC_SPECTEST_FUNCREF, 10, 20, 1) != 0) {
        wasmc_table_release(&spectest->table);
        free(spectest);
        return NULL;
    }
    spectest->table64.address64 = 1;
    if (wasmc_memory_init(&spectest->memory, 1, 2, 1) != 0) {
        wasmc_table_release(&spectest->table);
        wasmc_table_release(&spectest->table64);
        free(spectest);
        return NULL;
    }
    return spectest;
}

void wasmc_spectest_destroy(wasmc_spectest *spectest) {
    if (!spectest) return;
    wasmc_memory_release(&spectest->memory);
    wasmc_table_release(&spectest->table);
    wasmc_table_release(&spectest->table64);
    free(spectest);
}

int wasmc_spectest_lookup(wasmc_spectest *spectest, const char *name, uint8_t *kind, void **value, const char **signature) {
    if (!spectest || !name || !kind || !value) return 0;
    if (signature) *signature = NULL;
    for (int i = 0; i < FUNCTION_COUNT; i++) {
        if (strcmp(name, function_exports[i].name) == 0) {
            *kind = WASMC_EXTERN_FUNC;
            *value = &spectest->functions[i];
            if (signature) *signature = function_exports[i].signature;
            return 1;
        }
    }
    static const char *const global_names[] = {"global_i32", "global_i64", "global_f32", "global_f64"};
    wasmc_global *globals[] = {&spectest->global_i32, &spectest->global_i64, &spectest->global_f32, &spectest->global_f64};
    for (int i = 0; i < 4; i++) {
        if (strcmp(name, global_names[i]) == 0) {
            *kind = WASMC_EXTERN_GLOBAL;
            *value = globals[i];
            return 1;
        }
    }
    if (strcmp(name, "table") == 0 || strcmp(name, "table64") == 0) {
        *kind = WASMC_EXTERN_TABLE;
        *value = name[5] ? &spectest->table64 : &spectest->table;
        return 1;
    }
    if (strcmp(name, "memory") == 0) {
        *kind = WASMC_EXTERN_MEMORY;
        *value = &spectest->memory;
        return 1;
    }
    return 0;
}
