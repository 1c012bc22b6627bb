/* Generic instantiation from a compiler-emitted plan (see wasmc_plan in wasmc_rt.h).
 *
 * Plan words, all uint64_t:
 *   [0] magic WASMC_PLAN_MAGIC
 *   [1..11]  counts: imported functions, tables, memories, globals; defined functions, tables,
 *            memories, globals; types; data segments; element segments
 *   [12..22] byte offsets in the instance of: memory pointers, table pointers, global pointers,
 *            function record pointers, type ids (8 bytes each), data segments and element segments
 *            (wasmc_segment each), own memories, tables,
 *            globals and function records (WASMC_*_SLOT bytes each)
 *   [23] start function index, or UINT64_MAX
 *   then: defined functions [code pointer index, type index, name pointer index, tail code pointer index or
 *   UINT64_MAX] each; defined tables [element type, min,
 *   max, has max, 64-bit]; defined memories [min, max, has max, 64-bit]; defined globals [type, mutable, constant
 *   expression]; element segments [mode, table, offset expression, count, count expressions];
 *   data segments [mode, memory, offset expression, length, bytes pointer index].
 *   A constant expression is [kind, index, low 64 bits, high 64 bits] with kind CONST_VALUE,
 *   CONST_GLOBAL_GET, CONST_REF_FUNC or CONST_REF_NULL; an extended constant expression (more than one
 *   instruction) is [CONST_SEQUENCE, n, 0, 0] followed by n such entries, evaluated on a stack, where
 *   the kinds CONST_I32_ADD … CONST_I64_MUL pop two operands and push the result (wrapping).
 *   Segment modes: 0 passive, 1 active, 2 declarative.
 *
 * The order follows the spec: globals, then element segments, then data segments (each active one
 * applied and dropped in turn, trapping at the first that does not fit), then the start function. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define WASMC_PLAN_MAGIC 0x57414D43504C414Eull
enum {
    CONST_VALUE = 0, CONST_GLOBAL_GET = 1, CONST_REF_FUNC = 2, CONST_REF_NULL = 3, CONST_SEQUENCE = 4,
    CONST_I32_ADD = 5, CONST_I32_SUB = 6, CONST_I32_MUL = 7, CONST_I64_ADD = 8, CONST_I64_SUB = 9, CONST_I64_MUL = 10
};
enum { SEGMENT_PASSIVE = 0, SEGMENT_ACTIVE = 1, SEGMENT_DECLARATIVE = 2 };

enum {
    IMPORTED_FUNCTIONS = 1, IMPORTED_TABLES, IMPORTED_MEMORIES, IMPORTED_GLOBALS,
    DEFINED_FUNCTIONS, DEFINED_TABLES, DEFINED_MEMORIES, DEFINED_GLOBALS,
    TYPE_COUNT, DATA_COUNT, ELEMENT_COUNT,
    AT_MEMORIES, AT_TABLES, AT_GLOBALS, AT_FUNCTIONS, AT_TYPE_IDS, AT_DATA, AT_ELEMENTS,
    AT_OWN_MEMORIES, AT_OWN_TABLES, AT_OWN_GLOBALS, AT_OWN_FUNCTIONS,
    START_FUNCTION, HEADER_WORDS
};

/* Slot strides and structure layouts are checked in wasmc_rt.h (WASMC_*_SLOT). */
typedef wasmc_segment segment;

#define SLOT(instance, plan, field, index, type) \
    ((type *)((char *)(instance) + (plan)->words[field]) + (index))

static void *own_at(void *instance, const wasmc_plan *plan, int field, uint64_t index, size_t stride) {
    return (char *)instance + plan->words[field] + index * stride;
}

typedef struct reader { const uint64_t *words; uint64_t position; } reader;
static uint64_t next(reader *r) { return r->words[r->position++]; }

/* A constant expression: `count` entries of 4 words each at `entries`. */
typedef struct constant { const uint64_t *entries; uint64_t count; } constant;
static constant next_constant(reader *r) {
    constant c = { r->words + r->position, 1 };
    if (c.entries[0] == CONST_SEQUENCE) {
        c.count = c.entries[1];
        c.entries += 4;
        r->position += 4;
    }
    r->position += 4 * c.count;
    return c;
}

/* Evaluates one instruction (not an operator) into 16 bytes at out. */
static void evaluate_one(const wasmc_plan *plan, void *instance, const uint64_t *entry, void *out) {
    struct { uint64_t kind, index, low, high; } c = { entry[0], entry[1], entry[2], entry[3] };
    memset(out, 0, 16);
    switch (c.kind) {
    case CONST_VALUE:
        memcpy(out, &c.low, 8);
        memcpy((char *)out + 8, &c.high, 8);
        break;
    case CONST_GLOBAL_GET: {
        wasmc_global *global = *SLOT(instance, plan, AT_GLOBALS, c.index, wasmc_global *);
        memcpy(out, global->value, 16);
        break;
    }
    case CONST_REF_FUNC: {
        wasmc_func *function = *SLOT(instance, plan, AT_FUNCTIONS, c.index, wasmc_func *);
        memcpy(out, &function, sizeof function);
        break;
    }
    default: break; /* ref.null: zero */
    }
}

/* Evaluates into 16 bytes at out. An extended expression works on a stack of 64-bit integers: its
   operators are i32 and i64 arithmetic, and an i32 is kept zero-extended in the low half. */
static void evaluate(const wasmc_plan *plan, void *instance, constant c, void *out) {
    if (c.count == 1) {
        evaluate_one(plan, instance, c.entries, out);
        return;
    }
    uint64_t small[16] = {0};
    uint64_t *stack = c.count <= 16 ? small : malloc(c.count * sizeof *stack);
    if (!stack) abort();
    uint64_t depth = 0;
    for (uint64_t i = 0; i < c.count; i++) {
        const uint64_t *entry = c.entries + 4 * i;
        if (entry[0] < CONST_I32_ADD) {
            uint8_t value[16];
            evaluate_one(plan, instance, entry, value);
            memcpy(&stack[depth++], value, 8);
            continue;
        }
        uint64_t b = stack[--depth], a = stack[--depth], result;
        switch (entry[0]) {
        case CONST_I32_ADD: result = (uint32_t)((uint32_t)a + (uint32_t)b); break;
        case CONST_I32_SUB: result = (uint32_t)((uint32_t)a - (uint32_t)b); break;
        case CONST_I32_MUL: result = (uint32_t)((uint32_t)a * (uint32_t)b); break;
        case CONST_I64_ADD: result = a + b; break;
        case CONST_I64_SUB: result = a - b; break;
        default: result = a * b; break;
        }
        stack[depth++] = result;
    }
    memset(out, 0, 16);
    memcpy(out, &stack[0], 8);
    if (stack != small) free(stack);
}

/* A segment offset: an i32, or an i64 for a 64-bit memory or table. */
static uint64_t evaluate_address(const wasmc_plan *plan, void *instance, constant c, int address64) {
    uint8_t value[16];
    evaluate(plan, instance, c, value);
    if (address64) {
        uint64_t result;
        memcpy(&result, value, 8);
        return result;
    }
    uint32_t result;
    memcpy(&result, value, 4);
    return result;
}

/* Active segments are checked here rather than by the memory.init/table.init helpers: those name the
   wasm function at their caller's address, and this caller is the runtime, not wasm code. A trap names
   the segment instead (wasmc_last_trap_instantiation_step). */
static void apply_data(wasmc_memory *memory, const uint8_t *bytes, uint64_t length, uint64_t offset) {
    if (offset > memory->size_bytes || length > memory->size_bytes - offset) wasmc_trap_in(WASMC_TRAP_MEMORY_OUT_OF_BOUNDS, NULL);
    wasmc_memory_init_data(memory, bytes, (uint32_t)length, offset, 0, (uint32_t)length);
}

static void apply_elements(wasmc_table *table, const wasmc_ref *items, uint64_t count, uint64_t offset) {
    if (offset > table->size || count > table->size - offset) wasmc_trap_in(WASMC_TRAP_TABLE_OUT_OF_BOUNDS, NULL);
    wasmc_table_init_elements(table, items, (uint32_t)count, (uint32_t)offset, 0, (uint32_t)count);
}

static wasmc_trap_code instantiate(const wasmc_plan *plan, void *instance, void *const *imports) {
    const uint64_t *w = plan->words;
    if (w[0] != WASMC_PLAN_MAGIC) return wasmc_instantiation_failed("the module's instantiation plan is damaged");
    const wasmc_module_descriptor *descriptor = plan->descriptor;

    /* Imports, in declaration order per kind. */
    uint64_t function_index = 0, table_index = 0, memory_index = 0, global_index = 0;
    for (uint32_t i = 0; i < descriptor->import_count; i++) {
        switch (descriptor->imports[i].kind) {
        case WASMC_EXTERN_FUNC: *SLOT(instance, plan, AT_FUNCTIONS, function_index++, void *) = imports[i]; break;
        case WASMC_EXTERN_TABLE: *SLOT(instance, plan, AT_TABLES, table_index++, void *) = imports[i]; break;
        case WASMC_EXTERN_MEMORY: *SLOT(instance, plan, AT_MEMORIES, memory_index++, void *) = imports[i]; break;
        default: *SLOT(instance, plan, AT_GLOBALS, global_index++, void *) = imports[i]; break;
        }
    }
    for (uint64_t i = 0; i < w[TYPE_COUNT]; i++) {
        *SLOT(instance, plan, AT_TYPE_IDS, i, uint64_t) = wasmc_intern_signature(descriptor->types[i]);
    }

    reader r = { w, HEADER_WORDS };
    uint64_t function_count = w[DEFINED_FUNCTIONS];
    /* Entry points (and tail-call bodies) with their names, for the code map. */
    void **code = malloc((function_count ? 2 * function_count : 1) * sizeof *code);
    const char **names = malloc((function_count ? 2 * function_count : 1) * sizeof *names);
    uint64_t entry_count = 0;
    for (uint64_t i = 0; i < function_count; i++) {
        wasmc_func *record = own_at(instance, plan, AT_OWN_FUNCTIONS, i, WASMC_FUNC_SLOT);
        record->code = (void *)plan->pointers[next(&r)];
        record->type_id = (uint32_t)*SLOT(instance, plan, AT_TYPE_IDS, next(&r), uint64_t);
        record->instance = instance;
        const char *name = (const char *)plan->pointers[next(&r)];
        uint64_t tail = next(&r);
        record->tail_code = tail == UINT64_MAX ? NULL : (void *)plan->pointers[tail];
        *SLOT(instance, plan, AT_FUNCTIONS, w[IMPORTED_FUNCTIONS] + i, wasmc_func *) = record;
        if (code && names) {
            code[entry_count] = record->code;
            names[entry_count++] = name;
            if (record->tail_code) {
                code[entry_count] = record->tail_code;
                names[entry_count++] = name;
            }
        }
    }
    /* Traps from signal handlers and runtime helpers find the wasm function by code address. */
    if (code && names) wasmc_register_code(plan, entry_count, code, names);
    free(code);
    free(names);
    for (uint64_t i = 0; i < w[DEFINED_TABLES]; i++) {
        wasmc_table *table = own_at(instance, plan, AT_OWN_TABLES, i, WASMC_TABLE_SLOT);
        uint8_t element_type = (uint8_t)next(&r);
        uint64_t min = next(&r), max = next(&r);
        int has_max = (int)next(&r), address64 = (int)next(&r);
        /* Checked before allocating anything; the wording is Wasmtime's. */
        if (min > WASMC_TABLE_MAX_ELEMENTS)
            return wasmc_instantiation_failed("table minimum size of %" PRIu64 " elements exceeds table limits", min);
        /* A table64 maximum beyond u32 is beyond the implementation limit too: growth stops there anyway. */
        if (wasmc_table_init(table, element_type, (uint32_t)min, max > UINT32_MAX ? UINT32_MAX : (uint32_t)max, has_max) != 0)
            return wasmc_instantiation_failed("cannot allocate table %" PRIu64 " (minimum %" PRIu64 " elements)", i, min);
        table->address64 = (uint8_t)address64;
        *SLOT(instance, plan, AT_TABLES, w[IMPORTED_TABLES] + i, wasmc_table *) = table;
    }
    for (uint64_t i = 0; i < w[DEFINED_MEMORIES]; i++) {
        wasmc_memory *memory = own_at(instance, plan, AT_OWN_MEMORIES, i, WASMC_MEMORY_SLOT);
        uint64_t min = next(&r), max = next(&r);
        int has_max = (int)next(&r), address64 = (int)next(&r);
        if (min > WASMC_MEMORY_MAX_PAGES)
            return wasmc_instantiation_failed("memory minimum size of %" PRIu64 " pages exceeds memory limits", min);
        /* A memory64 maximum beyond 65536 pages is beyond the implementation limit: growth stops there. */
        if (wasmc_memory_init(memory, (uint32_t)min, max > WASMC_MEMORY_MAX_PAGES ? WASMC_MEMORY_MAX_PAGES : (uint32_t)max, has_max) != 0)
            return wasmc_instantiation_failed("cannot reserve address space for memory %" PRIu64 " (minimum %" PRIu64 " pages)", i, min);
        memory->address64 = (uint8_t)address64;
        *SLOT(instance, plan, AT_MEMORIES, w[IMPORTED_MEMORIES] + i, wasmc_memory *) = memory;
    }
    for (uint64_t i = 0; i < w[DEFINED_GLOBALS]; i++) {
        wasmc_global *global = own_at(instance, plan, AT_OWN_GLOBALS, i, WASMC_GLOBAL_SLOT);
        global->type = (uint8_t)next(&r);
        global->mutable_ = (uint8_t)next(&r);
        evaluate(plan, instance, next_constant(&r), global->value);
        *SLOT(instance, plan, AT_GLOBALS, w[IMPORTED_GLOBALS] + i, wasmc_global *) = global;
    }

    /* Element segments: evaluate every item now; active ones are applied then dropped. */
    for (uint64_t i = 0; i < w[ELEMENT_COUNT]; i++) {
        uint64_t mode = next(&r), table_at = next(&r);
        constant offset = next_constant(&r);
        uint64_t count = next(&r);
        wasmc_ref *items = calloc(count ? count : 1, sizeof(wasmc_ref));
        if (!items)
            return wasmc_instantiation_failed("cannot allocate element segment %" PRIu64 " (%" PRIu64 " items)", i, count);
        for (uint64_t k = 0; k < count; k++) {
            uint8_t value[16];
            evaluate(plan, instance, next_constant(&r), value);
            memcpy(&items[k], value, sizeof(wasmc_ref));
        }
        segment *slot = SLOT(instance, plan, AT_ELEMENTS, i, segment);
        slot->items = items;
        slot->length = mode == SEGMENT_PASSIVE ? count : 0;
        if (mode == SEGMENT_ACTIVE) {
            wasmc_table *table = *SLOT(instance, plan, AT_TABLES, table_at, wasmc_table *);
            wasmc_set_instantiation_step("element segment", (int64_t)i);
            apply_elements(table, items, count, evaluate_address(plan, instance, offset, table->address64));
        }
    }
    for (uint64_t i = 0; i < w[DATA_COUNT]; i++) {
        uint64_t mode = next(&r), memory_at = next(&r);
        constant offset = next_constant(&r);
        uint64_t length = next(&r);
        const uint8_t *bytes = plan->pointers[next(&r)];
        segment *slot = SLOT(instance, plan, AT_DATA, i, segment);
        slot->items = bytes;
        slot->length = mode == SEGMENT_PASSIVE ? length : 0;
        if (mode == SEGMENT_ACTIVE) {
            wasmc_memory *memory = *SLOT(instance, plan, AT_MEMORIES, memory_at, wasmc_memory *);
            wasmc_set_instantiation_step("data segment", (int64_t)i);
            apply_data(memory, bytes, length, evaluate_address(plan, instance, offset, memory->address64));
        }
    }

    if (w[START_FUNCTION] != UINT64_MAX) {
        wasmc_func *start = *SLOT(instance, plan, AT_FUNCTIONS, w[START_FUNCTION], wasmc_func *);
        wasmc_set_instantiation_step("start function", -1);
        ((void (*)(void *))start->code)(start->instance);
    }
    return 0;
}

wasmc_trap_code wasmc_plan_instantiate(const wasmc_plan *plan, void *instance, void *const *imports) {
    instantiation_step outer = wasmc_set_instantiation_step(NULL, 0); /* a start function may instantiate */
    wasmc_trap_code result = instantiate(plan, instance, imports);
    wasmc_set_instantiation_step(outer.kind, outer.index);
    return result;
}

/* The pointer an export refers to (function record, memory, table or global cell), or NULL when the
 * export index is out of range or names another kind. */
static void *exported(const wasmc_plan *plan, void *instance, uint32_t export_index, uint8_t kind, int slots) {
    const wasmc_module_descriptor *descriptor = plan->descriptor;
    if (export_index >= descriptor->export_count || descriptor->exports[export_index].kind != kind) return NULL;
    return *SLOT(instance, plan, slots, descriptor->exports[export_index].index, void *);
}

wasmc_funcref wasmc_plan_export_function(const wasmc_plan *plan, void *instance, uint32_t i) {
    return exported(plan, instance, i, WASMC_EXTERN_FUNC, AT_FUNCTIONS);
}

wasmc_memory *wasmc_plan_export_memory(const wasmc_plan *plan, void *instance, uint32_t i) {
    return exported(plan, instance, i, WASMC_EXTERN_MEMORY, AT_MEMORIES);
}

wasmc_table *wasmc_plan_export_table(const wasmc_plan *plan, void *instance, uint32_t i) {
    return exported(plan, instance, i, WASMC_EXTERN_TABLE, AT_TABLES);
}

wasmc_global *wasmc_plan_export_global(const wasmc_plan *plan, void *instance, uint32_t i) {
    return exported(plan, instance, i, WASMC_EXTERN_GLOBAL, AT_GLOBALS);
}

void wasmc_plan_destroy(const wasmc_plan *plan, void *instance) {
    const uint64_t *w = plan->words;
    for (uint64_t i = 0; i < w[DEFINED_MEMORIES]; i++) wasmc_memory_release(own_at(instance, plan, AT_OWN_MEMORIES, i, WASMC_MEMORY_SLOT));
    for (uint64_t i = 0; i < w[DEFINED_TABLES]; i++) wasmc_table_release(own_at(instance, plan, AT_OWN_TABLES, i, WASMC_TABLE_SLOT));
    for (uint64_t i = 0; i < w[ELEMENT_COUNT]; i++) {
        segment *slot = SLOT(instance, plan, AT_ELEMENTS, i, segment);
        free((void *)slot->items);
        slot->items = NULL;
        slot->length = 0;
    }
}
