/* Which wasm function a code address lies in, so that traps raised outside compiled code (guard-page
 * faults, runtime helpers such as memory.fill) still name the wasm function; compiled code names itself
 * when it traps directly.
 *
 * Instantiation registers each module's function entry addresses once. A lookup takes the nearest entry
 * at or below the address, within the loaded segment that holds the module's code. Maps are only ever
 * added, under a lock, and published with a release store; lookups take no lock because the signal
 * handler must not block. Names are copied, so a map outlives an unloaded module harmlessly. */
#define _GNU_SOURCE
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

typedef struct {
    uintptr_t start;
    const char *name;
} code_entry;

typedef struct code_map {
    const void *owner;
    uintptr_t segment_low, segment_high;
    size_t count;
    code_entry *entries; /* sorted by start */
    struct code_map *next;
} code_map;

static _Atomic(code_map *) maps;
static pthread_mutex_t registering = PTHREAD_MUTEX_INITIALIZER;

static int by_start(const void *a, const void *b) {
    uintptr_t x = ((const code_entry *)a)->start, y = ((const code_entry *)b)->start;
    return (x > y) - (x < y);
}

typedef struct {
    uintptr_t address, low, high;
} segment_search;

static int find_segment(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    segment_search *search = data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        if (header->p_type != PT_LOAD) continue;
        uintptr_t low = info->dlpi_addr + header->p_vaddr, high = low + header->p_memsz;
        if (search->address >= low && search->address < high) {
            search->low = low;
            search->high = high;
            return 1;
        }
    }
    return 0;
}

void wasmc_register_code(const void *owner, size_t count, void *const *code, const char *const *names) {
    if (count == 0) return;
    pthread_mutex_lock(&registering);
    for (code_map *map = atomic_load_explicit(&maps, memory_order_acquire); map; map = map->next) {
        if (map->owner == owner) {
            pthread_mutex_unlock(&registering);
            return;
        }
    }
    code_map *map = calloc(1, sizeof *map);
    code_entry *entries = calloc(count, sizeof *entries);
    segment_search search = {(uintptr_t)code[0], 0, 0};
    if (!map || !entries || !dl_iterate_phdr(find_segment, &search)) {
        /* Without a map traps still report their kind, only not the function. */
        free(map);
        free(entries);
        pthread_mutex_unlock(&registering);
        return;
    }
    for (size_t i = 0; i < count; i++) {
        entries[i].start = (uintptr_t)code[i];
        entries[i].name = names[i] ? strdup(names[i]) : NULL;
    }
    qsort(entries, count, sizeof *entries, by_start);
    map->owner = owner;
    map->segment_low = search.low;
    map->segment_high = search.high;
    map->count = count;
    map->entries = entries;
    map->next = atomic_load_explicit(&maps, memory_order_relaxed);
    atomic_store_explicit(&maps, map, memory_order_release);
    pthread_mutex_unlock(&registering);
}

const char *wasmc_function_at(const void *address) {
    uintptr_t pc = (uintptr_t)address;
    for (code_map *map = atomic_load_explicit(&maps, memory_order_acquire); map; map = map->next) {
        if (pc < map->segment_low || pc >= map->segment_high || pc < map->entries[0].start) continue;
        size_t low = 0, high = map->count; /* the last entry with start <= pc */
        while (high - low > 1) {
            size_t middle = low + (high - low) / 2;
            if (map->entries[middle].start <= pc) low = middle; else high = middle;
        }
        return map->entries[low].name;
    }
    return NULL;
}

_Noreturn void wasmc_trap_from(wasmc_trap_code code, const void *code_address) {
    wasmc_trap_in(code, wasmc_function_at(code_address));
}
