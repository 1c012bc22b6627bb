/* Tables of references, growable up to their maximum. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define MAX_TABLE_SIZE WASMC_TABLE_MAX_ELEMENTS

int wasmc_table_init(wasmc_table *table, uint8_t element_type, uint32_t min, uint32_t max, int has_max) {
    memset(table, 0, sizeof *table);
    if (min > MAX_TABLE_SIZE) return -1;
    table->elements = calloc(min ? min : 1, sizeof(wasmc_ref));
    if (!table->elements) return -1;
    table->size = min;
    table->capacity = min ? min : 1;
    table->max = max;
    table->has_max = has_max ? 1 : 0;
    table->element_type = element_type;
    return 0;
}

void wasmc_table_release(wasmc_table *table) {
    if (!table) return;
    free(table->elements);
    table->elements = NULL;
    table->size = table->capacity = 0;
}

uint32_t wasmc_table_grow(wasmc_table *table, wasmc_ref initial, uint32_t delta) {
    uint32_t old_size = table->size;
    uint64_t new_size = (uint64_t)old_size + delta;
    uint64_t limit = table->has_max ? table->max : MAX_TABLE_SIZE;
    if (limit > MAX_TABLE_SIZE) limit = MAX_TABLE_SIZE;
    if (new_size > limit) return UINT32_MAX;
    if (new_size > table->capacity) {
        uint64_t capacity = table->capacity * 2ull > new_size ? table->capacity * 2ull : new_size;
        if (capacity > limit) capacity = limit;
        wasmc_ref *elements = realloc(table->elements, capacity * sizeof(wasmc_ref));
        if (!elements) return UINT32_MAX;
        table->elements = elements;
        table->capacity = (uint32_t)capacity;
    }
    for (uint64_t i = old_size; i < new_size; i++) table->elements[i] = initial;
    table->size = (uint32_t)new_size;
    return old_size;
}

/* `caller` is the helper's return address in compiled code, which names the wasm function in the report. */
static void check_range(const wasmc_table *table, uint32_t start, uint32_t count, const void *caller) {
    if ((uint64_t)start + count > table->size) wasmc_trap_from(WASMC_TRAP_TABLE_OUT_OF_BOUNDS, caller);
}

void wasmc_table_fill(wasmc_table *table, uint32_t destination, wasmc_ref value, uint32_t count) {
    check_range(table, destination, count, __builtin_return_address(0));
    for (uint32_t i = 0; i < count; i++) table->elements[destination + i] = value;
}

void wasmc_table_copy(wasmc_table *destination_table, wasmc_table *source_table, uint32_t destination,
                      uint32_t source, uint32_t count) {
    const void *caller = __builtin_return_address(0);
    check_range(destination_table, destination, count, caller);
    check_range(source_table, source, count, caller);
    memmove(destination_table->elements + destination, source_table->elements + source, count * sizeof(wasmc_ref));
}

void wasmc_table_init_elements(wasmc_table *table, const wasmc_ref *segment, uint32_t segment_length,
                               uint32_t destination, uint32_t source, uint32_t count) {
    const void *caller = __builtin_return_address(0);
    if ((uint64_t)source + count > segment_length) wasmc_trap_from(WASMC_TRAP_TABLE_OUT_OF_BOUNDS, caller);
    check_range(table, destination, count, caller);
    if (count) memcpy(table->elements + destination, segment + source, count * sizeof(wasmc_ref));
}

wasmc_ref wasmc_table_get(wasmc_table *table, uint32_t index) {
    if (index >= table->size) wasmc_trap_from(WASMC_TRAP_TABLE_OUT_OF_BOUNDS, __builtin_return_address(0));
    return table->elements[index];
}

void wasmc_table_set(wasmc_table *table, uint32_t index, wasmc_ref value) {
    if (index >= table->size) wasmc_trap_from(WASMC_TRAP_TABLE_OUT_OF_BOUNDS, __builtin_return_address(0));
    table->elements[index] = value;
}

wasmc_table *wasmc_table_new(uint8_t element_type, uint32_t min, uint32_t max, int has_max) {
    wasmc_table *table = calloc(1, sizeof *table);
    if (!table) return NULL;
    if (wasmc_table_init(table, element_type, min, max, has_max) != 0) {
        free(table);
        return NULL;
    }
    return table;
}

void wasmc_table_delete(wasmc_table *table) {
    if (!table) return;
    wasmc_table_release(table);
    free(table);
}
