/* A minimal runtime with the host-facing entry points of the real one (trap scope, signature
 * interning), so the driver's host layer can be tested without the compiler's runtime. */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "wasmc_rt.h"

static _Thread_local sigjmp_buf *current_scope;
static _Thread_local const char *trap_function;

wasmc_trap_code wasmc_try(void (*body)(void *context), void *context) {
    sigjmp_buf scope;
    sigjmp_buf *outer = current_scope;
    current_scope = &scope;
    int code = sigsetjmp(scope, 0);
    if (code == 0) body(context);
    current_scope = outer;
    return (wasmc_trap_code)code;
}

_Noreturn void wasmc_trap_in(wasmc_trap_code code, const char *function) {
    trap_function = function;
    if (!current_scope) abort();
    siglongjmp(*current_scope, (int)code);
}

const char *wasmc_last_trap_function(void) { return trap_function; }

void wasmc_runtime_init(uint32_t flags) { (void)flags; }

static char **signatures;
static uint32_t signature_count;

uint32_t wasmc_intern_signature(const char *signature) {
    for (uint32_t i = 0; i < signature_count; i++)
        if (strcmp(signatures[i], signature) == 0) return i + 1;
    char **grown = realloc(signatures, sizeof(char *) * (signature_count + 1));
    if (!grown) abort();
    signatures = grown;
    signatures[signature_count] = strdup(signature);
    return ++signature_count;
}

int wasmc_memory_init(wasmc_memory *memory, uint32_t pages, uint32_t max_pages, int has_max) {
    memset(memory, 0, sizeof *memory);
    memory->base = calloc(pages ? pages : 1, 65536);
    if (!memory->base) return -1;
    memory->pages = pages;
    memory->size_bytes = (uint64_t)pages * 65536;
    memory->max_pages = max_pages;
    memory->has_max = (uint8_t)(has_max != 0);
    return 0;
}

void wasmc_memory_release(wasmc_memory *memory) {
    free(memory->base);
    memory->base = NULL;
}

int wasmc_table_init(wasmc_table *table, uint8_t element_type, uint32_t size, uint32_t max, int has_max) {
    memset(table, 0, sizeof *table);
    table->elements = calloc(size ? size : 1, sizeof(wasmc_ref));
    if (!table->elements) return -1;
    table->size = size;
    table->max = max;
    table->has_max = (uint8_t)(has_max != 0);
    table->element_type = element_type;
    return 0;
}

void wasmc_table_release(wasmc_table *table) {
    free(table->elements);
    table->elements = NULL;
}
