/* A hand-written module with the shape compiled modules have (a `wasmc_module` descriptor and
 * functions under the runtime's calling convention), to test the host layer on its own:
 *   (import "spectest" "print_i32" (func (param i32)))
 *   (import "spectest" "global_i32" (global i32))
 *   exports: add, div_s (traps on a zero divisor), multi, swap (v128), twice (f32),
 *            call_print, imported_global, counter (mutable global), memory, table */
#include <stdlib.h>
#include <string.h>
#include "wasmc_rt.h"

static const char *const types[] = {
    "(i32,i32)->(i32)", "(i32)->()", "()->(i32,i64,f32)", "(v128)->(v128)", "(f32)->(f32)", "()->(i32)",
};

/* Names are counted byte strings in the descriptor. */
static const wasmc_import imports[] = {
    {.module = "spectest", .module_length = 8, .name = "print_i32", .name_length = 9, .kind = WASMC_EXTERN_FUNC, .type_index = 1},
    {.module = "spectest", .module_length = 8, .name = "global_i32", .name_length = 10, .kind = WASMC_EXTERN_GLOBAL, .value_type = 0x7F},
};

#define EXPORT(text, export_kind, export_index) {.name = text, .name_length = sizeof text - 1, .kind = export_kind, .index = export_index}
static const wasmc_export exports[] = {
    EXPORT("add", WASMC_EXTERN_FUNC, 2),        EXPORT("div_s", WASMC_EXTERN_FUNC, 3),
    EXPORT("multi", WASMC_EXTERN_FUNC, 4),      EXPORT("swap", WASMC_EXTERN_FUNC, 5),
    EXPORT("twice", WASMC_EXTERN_FUNC, 6),      EXPORT("call_print", WASMC_EXTERN_FUNC, 7),
    EXPORT("imported_global", WASMC_EXTERN_FUNC, 8), EXPORT("counter", WASMC_EXTERN_GLOBAL, 1),
    EXPORT("memory", WASMC_EXTERN_MEMORY, 0),   EXPORT("table", WASMC_EXTERN_TABLE, 0),
    EXPORT("print", WASMC_EXTERN_FUNC, 0),
};
#undef EXPORT

typedef struct instance {
    const wasmc_func *print_i32;
    wasmc_global *imported_global;
    wasmc_global counter;
    wasmc_memory memory;
    wasmc_table table;
    wasmc_func functions[7];
} instance;

static int32_t add(instance *self, int32_t a, int32_t b) {
    (void)self;
    return (int32_t)((uint32_t)a + (uint32_t)b);
}

static int32_t div_s(instance *self, int32_t a, int32_t b) {
    (void)self;
    if (b == 0) wasmc_trap_in(6, "div_s");
    if (a == INT32_MIN && b == -1) wasmc_trap_in(7, "div_s");
    return a / b;
}

static void multi(instance *self, void *results) {
    int32_t first = 7;
    int64_t second = -2;
    float third = 1.5f;
    memcpy((char *)results, &first, sizeof first);
    memcpy((char *)results + 16, &second, sizeof second);
    memcpy((char *)results + 32, &third, sizeof third);
    (void)self;
}

static wasmc_v128 swap(instance *self, wasmc_v128 value) {
    (void)self;
    return (wasmc_v128){.lo = value.hi, .hi = value.lo};
}

static float twice(instance *self, float value) {
    (void)self;
    return value * 2;
}

static void call_print(instance *self, int32_t value) {
    ((void (*)(void *, int32_t))self->print_i32->code)(self->print_i32->instance, value);
    int32_t count;
    memcpy(&count, self->counter.value, sizeof count);
    count += 1;
    memcpy(self->counter.value, &count, sizeof count);
}

static int32_t imported_global(instance *self) {
    int32_t value;
    memcpy(&value, self->imported_global->value, sizeof value);
    return value;
}

static void *const codes[] = {(void *)add, (void *)div_s, (void *)multi, (void *)swap, (void *)twice, (void *)call_print, (void *)imported_global};
static const uint32_t code_types[] = {0, 0, 2, 3, 4, 1, 5};

static wasmc_trap_code instantiate(void *state, void *const *resolved) {
    instance *self = state;
    self->print_i32 = resolved[0];
    self->imported_global = resolved[1];
    self->counter.type = 0x7F;
    self->counter.mutable_ = 1;
    for (int i = 0; i < 7; i++) {
        self->functions[i].code = codes[i];
        self->functions[i].type_id = wasmc_intern_signature(types[code_types[i]]);
        self->functions[i].instance = self;
    }
    if (wasmc_memory_init(&self->memory, 1, 0, 0) != 0) return 2;
    if (wasmc_table_init(&self->table, 0x70, 2, 2, 1) != 0) return 3;
    /* A start function that traps when the imported global says so. */
    if (imported_global(self) == 13) wasmc_trap_in(1, "start");
    return 0;
}

static wasmc_funcref get_export_function(void *state, uint32_t index) {
    instance *self = state;
    if (index == 10) return self->print_i32; /* a re-exported import */
    return index < 7 ? &self->functions[index] : NULL;
}

static wasmc_memory *get_export_memory(void *state, uint32_t index) {
    return index == 8 ? &((instance *)state)->memory : NULL;
}

static wasmc_table *get_export_table(void *state, uint32_t index) {
    return index == 9 ? &((instance *)state)->table : NULL;
}

static wasmc_global *get_export_global(void *state, uint32_t index) {
    return index == 7 ? &((instance *)state)->counter : NULL;
}

static void destroy(void *state) {
    instance *self = state;
    wasmc_memory_release(&self->memory);
    wasmc_table_release(&self->table);
}

const wasmc_module_descriptor wasmc_module = {
    .abi_version = WASMC_ABI_VERSION,
    .type_count = sizeof types / sizeof *types,
    .types = types,
    .import_count = sizeof imports / sizeof *imports,
    .imports = imports,
    .export_count = sizeof exports / sizeof *exports,
    .exports = exports,
    .instance_size = sizeof(instance),
    .instantiate = instantiate,
    .get_export_function = get_export_function,
    .get_export_memory = get_export_memory,
    .get_export_table = get_export_table,
    .get_export_global = get_export_global,
    .destroy = destroy,
};
