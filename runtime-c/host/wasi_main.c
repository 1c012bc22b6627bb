/* main() of a standalone executable built by `wasmc compile`: instantiates the linked module with
 * WASI preview 1 imports, runs `_start`, and turns traps into a report on stderr and exit status 134
 * (as Wasmtime does), proc_exit into the program's exit code.
 *
 * Host options come from two places, both in Wasmtime's syntax (`--dir HOST[::GUEST]`, `--env NAME[=VALUE]`):
 * those baked in at compile time (wasmc_host_options, emitted by the compiler) and, for `wasmc run`,
 * the newline-separated WASMC_HOST_OPTIONS environment variable. The program's own argv is never parsed. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wasmc_rt.h"
#include "wasmc_wasi.h"
#include "outcome.h"

extern const wasmc_module_descriptor wasmc_module;
/** NULL-terminated list of host options compiled into the executable. */
extern const char *const wasmc_host_options[];

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

/* argv for the options parser: program name, baked-in options, WASMC_HOST_OPTIONS lines, "--", program args. */
static char **host_argv(int argc, char **argv, int *out_count) {
    size_t count = 1;
    for (const char *const *option = wasmc_host_options; *option; option++) count++;
    char *environment = getenv("WASMC_HOST_OPTIONS");
    char *copy = environment ? strdup(environment) : NULL;
    for (char *c = copy; c && *c; c++) count += *c == '\n';
    count += (copy ? 1 : 0) + 1 + (size_t)argc;
    char **result = calloc(count + 1, sizeof(char *));
    if (!result) return NULL;
    int n = 0;
    result[n++] = argv[0];
    for (const char *const *option = wasmc_host_options; *option; option++) result[n++] = (char *)*option;
    for (char *line = copy ? strtok(copy, "\n") : NULL; line; line = strtok(NULL, "\n")) result[n++] = line;
    result[n++] = "--";
    for (int i = 1; i < argc; i++) result[n++] = argv[i];
    *out_count = n;
    return result;
}

int main(int argc, char **argv) {
    wasmc_runtime_init(0);
    int host_argc = 0;
    char **host_args = host_argv(argc, argv, &host_argc);
    char error[512] = {0};
    wasmc_wasi_options options;
    if (!host_args || wasmc_wasi_options_parse(&options, argv[0], host_argc, host_args, error, sizeof error) != 0) {
        fprintf(stderr, "error: %s\n", error[0] ? error : "cannot parse host options");
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
