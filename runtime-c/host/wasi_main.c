/* main() of a standalone executable built by `wasmc compile`: instantiates the linked module with
 * WASI preview 1 imports, runs `_start`, and turns traps into a report on stderr and exit status 134
 * (as Wasmtime does), proc_exit into the program's exit code.
 *
 * Grants (directories, environment variables) are structured data, never option text: those baked in
 * by the compiler as string pairs, and, only in the executables `wasmc run` caches, flags in front of
 * a mandatory `--` (see wasmc_wasi_options_for_executable). Nothing is read from the environment, and
 * the argv of a `wasmc compile` executable is entirely the program's. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wasmc_rt.h"
#include "wasmc_wasi.h"
#include "outcome.h"

extern const wasmc_module_descriptor wasmc_module;
/** Grants compiled into the executable: (host, guest) and (name, value) pairs, each list NULL-ended. */
extern const char *const wasmc_baked_dirs[];
extern const char *const wasmc_baked_env[];
/** Nonzero in the executables `wasmc run` caches: argv starts with grant flags and a `--`. */
extern const int wasmc_takes_grant_flags;

typedef struct run_state {
    void *instance;
    void **imports;
    wasmc_funcref start;
    wasmc_trap_code instantiate_result;
} run_state;

static void instantiate_body(void *context) {
    run_state *state = context;
    state->instantiate_result = wasmc_module.instantiate(state->instance, (void *const *)state->imports);
}

static void start_body(void *context) {
    run_state *state = context;
    ((void (*)(void *))state->start->code)(state->start->instance);
}

static void exit_hook(void *context, int32_t code) {
    (void)context;
    fflush(stdout);
    wasmc_exit(code);
}

int main(int argc, char **argv) {
    wasmc_runtime_init(0);
    char error[512] = {0};
    wasmc_wasi_options options;
    const wasmc_wasi_grants baked = {wasmc_baked_dirs, wasmc_baked_env};
    if (wasmc_wasi_options_for_executable(&options, &baked, wasmc_takes_grant_flags != 0, argc, argv, error,
                                          sizeof error) != 0) {
        fprintf(stderr, "error: %s\n", error[0] ? error : "cannot set up the WASI grants");
        return 2;
    }
    options.config.exit_hook = exit_hook;
    const char *create_error = NULL;
    wasmc_wasi *wasi = wasmc_wasi_create(&options.config, &create_error);
    if (!wasi) {
        fprintf(stderr, "error: %s\n", create_error ? create_error : "cannot create the WASI context");
        return 2;
    }

    run_state state = {0};
    state.instance = calloc(1, wasmc_module.instance_size);
    state.imports = calloc(wasmc_module.import_count + 1, sizeof(void *));
    wasmc_wasi_binding binding = {wasi, NULL, NULL};
    wasmc_func *records = calloc(wasmc_module.import_count + 1, sizeof(wasmc_func));
    if (!state.instance || !state.imports || !records) return 2;
    for (uint32_t i = 0; i < wasmc_module.import_count; i++) {
        const wasmc_import *import = &wasmc_module.imports[i];
        const wasmc_wasi_function_info *function =
            import->kind == WASMC_EXTERN_FUNC && import->module_length == strlen(wasmc_wasi_module_name) &&
            strcmp(import->module, wasmc_wasi_module_name) == 0 && import->name_length == strlen(import->name)
                ? wasmc_wasi_find_function(import->name) : NULL;
        if (!function || strcmp(function->signature, wasmc_module.types[import->type_index]) != 0) {
            fprintf(stderr, "error: unknown import %s::%s (only wasi_snapshot_preview1 functions can be provided)\n",
                    import->module, import->name);
            return 2;
        }
        records[i].code = (void *)function->import_function;
        records[i].type_id = wasmc_intern_signature(function->signature);
        records[i].instance = &binding;
        state.imports[i] = &records[i];
    }

    int status = 0;
    wasmc_trap_code trap = wasmc_try(instantiate_body, &state);
    if (trap == 0 && state.instantiate_result != 0) trap = state.instantiate_result;
    if (trap == 0) {
        wasmc_memory *memory = NULL;
        for (uint32_t i = 0; i < wasmc_module.export_count && !memory; i++) {
            if (wasmc_module.exports[i].kind == WASMC_EXTERN_MEMORY && strcmp(wasmc_module.exports[i].name, "memory") == 0) {
                memory = wasmc_module.get_export_memory(state.instance, i);
            }
        }
        if (memory) {
            binding.memory_base = &memory->base;
            binding.memory_size = &memory->size_bytes;
        }
        for (uint32_t i = 0; i < wasmc_module.export_count && !state.start; i++) {
            if (wasmc_module.exports[i].kind == WASMC_EXTERN_FUNC && strcmp(wasmc_module.exports[i].name, "_start") == 0) {
                state.start = wasmc_module.get_export_function(state.instance, i);
            }
        }
        if (!state.start) {
            fprintf(stderr, "error: the module exports no _start function\n");
            return 2;
        }
        trap = wasmc_try(start_body, &state);
    }
    fflush(stdout);
    status = wasmc_host_outcome(trap);
    wasmc_module.destroy(state.instance);
    wasmc_wasi_destroy(wasi);
    return status;
}
