/* Linear memories. Each reserves 8 GiB plus a guard of address space: any i32 address plus any u32
 * offset lands inside the reservation, so with guard pages compiled code needs no bounds compare. Pages
 * are committed (made read-write) on growth; `base` never moves. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "internal.h"

#define PAGE_SIZE 65536ull
#define MAX_PAGES WASMC_MEMORY_MAX_PAGES
#define RESERVATION ((8ull << 30) + PAGE_SIZE)

/* Live reservations, for the signal handler. Small and append-mostly; guarded for registration only:
   the handler reads a snapshot of pointers that are never freed while their memory is live. */
#define MAX_RESERVATIONS 4096
static wasmc_memory *reservations[MAX_RESERVATIONS];
static pthread_mutex_t reservations_lock = PTHREAD_MUTEX_INITIALIZER;

/* 0 on success; a memory the signal handler cannot recognise must not exist, so a full table is an error. */
static int register_memory(wasmc_memory *memory) {
    int registered = -1;
    pthread_mutex_lock(&reservations_lock);
    for (int i = 0; i < MAX_RESERVATIONS; i++) {
        if (!reservations[i]) {
            reservations[i] = memory;
            registered = 0;
            break;
        }
    }
    pthread_mutex_unlock(&reservations_lock);
    return registered;
}

static void unregister_memory(wasmc_memory *memory) {
    pthread_mutex_lock(&reservations_lock);
    for (int i = 0; i < MAX_RESERVATIONS; i++) {
        if (reservations[i] == memory) reservations[i] = NULL;
    }
    pthread_mutex_unlock(&reservations_lock);
}

int wasmc_address_in_reservation(const void *address) {
    uintptr_t a = (uintptr_t)address;
    for (int i = 0; i < MAX_RESERVATIONS; i++) {
        wasmc_memory *memory = reservations[i];
        if (memory && a >= (uintptr_t)memory->base && a < (uintptr_t)memory->base + memory->reserved_bytes) return 1;
    }
    return 0;
}

int wasmc_memory_init(wasmc_memory *memory, uint32_t min_pages, uint32_t max_pages, int has_max) {
    memset(memory, 0, sizeof *memory);
    if (min_pages > MAX_PAGES || (has_max && max_pages < min_pages)) return -1;
    void *base = mmap(NULL, RESERVATION, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) return -1;
    memory->base = base;
    memory->reserved_bytes = RESERVATION;
    memory->max_pages = has_max ? max_pages : MAX_PAGES;
    memory->has_max = has_max ? 1 : 0;
    if (min_pages && mprotect(base, min_pages * PAGE_SIZE, PROT_READ | PROT_WRITE) != 0) {
        munmap(base, RESERVATION);
        memory->base = NULL;
        return -1;
    }
    memory->pages = min_pages;
    memory->size_bytes = min_pages * PAGE_SIZE;
    if (register_memory(memory) != 0) {
        munmap(base, RESERVATION);
        memset(memory, 0, sizeof *memory);
        return -1;
    }
    return 0;
}

void wasmc_memory_release(wasmc_memory *memory) {
    if (!memory || !memory->base) return;
    unregister_memory(memory);
    munmap(memory->base, memory->reserved_bytes);
    memory->base = NULL;
    memory->size_bytes = 0;
    memory->pages = 0;
}

uint32_t wasmc_memory_grow(wasmc_memory *memory, uint32_t delta_pages) {
    uint32_t old_pages = memory->pages;
    uint64_t new_pages = (uint64_t)old_pages + delta_pages;
    uint32_t limit = memory->has_max && memory->max_pages < MAX_PAGES ? memory->max_pages : MAX_PAGES;
    if (new_pages > limit) return UINT32_MAX;
    if (delta_pages &&
        mprotect(memory->base + memory->size_bytes, (uint64_t)delta_pages * PAGE_SIZE, PROT_READ | PROT_WRITE) != 0) {
        return UINT32_MAX;
    }
    memory->pages = (uint32_t)new_pages;
    memory->size_bytes = new_pages * PAGE_SIZE;
    return old_pages;
}

/* `caller` is the helper's return address in compiled code, which names the wasm function in the report. */
static void check_range(const wasmc_memory *memory, uint64_t start, uint64_t count, const void *caller) {
    if (start > memory->size_bytes || count > memory->size_bytes - start) wasmc_trap_from(WASMC_TRAP_MEMORY_OUT_OF_BOUNDS, caller);
}

void wasmc_memory_fill(wasmc_memory *memory, uint64_t destination, uint32_t value, uint64_t count) {
    check_range(memory, destination, count, __builtin_return_address(0));
    memset(memory->base + destination, (int)(value & 0xFF), count);
}

void wasmc_memory_copy(wasmc_memory *destination_memory, wasmc_memory *source_memory, uint64_t destination,
                       uint64_t source, uint64_t count) {
    const void *caller = __builtin_return_address(0);
    check_range(destination_memory, destination, count, caller);
    check_range(source_memory, source, count, caller);
    memmove(destination_memory->base + destination, source_memory->base + source, count);
}

void wasmc_memory_init_data(wasmc_memory *memory, const uint8_t *segment, uint32_t segment_length,
                            uint64_t destination, uint32_t source, uint32_t count) {
    const void *caller = __builtin_return_address(0);
    if ((uint64_t)source + count > segment_length) wasmc_trap_from(WASMC_TRAP_MEMORY_OUT_OF_BOUNDS, caller);
    check_range(memory, destination, count, caller);
    if (count) memcpy(memory->base + destination, segment + source, count); /* a dropped segment is NULL */
}

wasmc_memory *wasmc_memory_new(uint32_t min_pages, uint32_t max_pages, int has_max) {
    wasmc_memory *memory = calloc(1, sizeof *memory);
    if (!memory) return NULL;
    if (wasmc_memory_init(memory, min_pages, max_pages, has_max) != 0) {
        free(memory);
        return NULL;
    }
    return memory;
}

void wasmc_memory_delete(wasmc_memory *memory) {
    if (!memory) return;
    wasmc_memory_release(memory);
    free(memory);
}
