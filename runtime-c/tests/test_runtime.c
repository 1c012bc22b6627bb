/* Unit tests of the runtime core: traps, guard-page faults, memories, tables, signatures, stack budget.
 * Prints "N passed, M failed"; exits non-zero on any failure. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "wasmc_rt.h"

static int passed, failed;

#define CHECK(condition) check((condition), #condition, __FILE__, __LINE__)
static void check(int ok, const char *text, const char *file, int line) {
    if (ok) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "FAIL %s:%d: %s\n", file, line, text);
    }
}

#define PAGE 65536u

/* ---- bodies run inside wasmc_try ---- */

static void body_nothing(void *context) { (void)context; }
static void body_unreachable(void *context) { (void)context; wasmc_trap_in(WASMC_TRAP_UNREACHABLE, "f7"); }
static void body_exit(void *context) { (void)context; wasmc_exit(42); }

static void body_load(void *context) {
    volatile uint8_t *address = context;
    (void)*address;
}

static void body_store(void *context) {
    volatile uint8_t *address = context;
    *address = 1;
}

typedef struct { wasmc_memory *memory; uint32_t destination, value, count; } fill_args;
static void body_fill(void *context) {
    fill_args *a = context;
    wasmc_memory_fill(a->memory, a->destination, a->value, a->count);
}

typedef struct { wasmc_memory *destination_memory, *source_memory; uint32_t destination, source, count; } copy_args;
static void body_copy(void *context) {
    copy_args *a = context;
    wasmc_memory_copy(a->destination_memory, a->source_memory, a->destination, a->source, a->count);
}

typedef struct { wasmc_memory *memory; const uint8_t *segment; uint32_t length, destination, source, count; } init_args;
static void body_init(void *context) {
    init_args *a = context;
    wasmc_memory_init_data(a->memory, a->segment, a->length, a->destination, a->source, a->count);
}

typedef struct { wasmc_trap_code inner; int after_inner; } nested_args;
static void body_nested(void *context) {
    nested_args *a = context;
    a->inner = wasmc_try(body_unreachable, NULL);
    a->after_inner = 1;
    wasmc_trap(WASMC_TRAP_INTEGER_OVERFLOW);
}

typedef struct { uintptr_t outer_limit, inner_limit; } limit_args;
static void body_inner_limit(void *context) { ((limit_args *)context)->inner_limit = wasmc_stack_limit; }
static void body_limit(void *context) {
    limit_args *a = context;
    a->outer_limit = wasmc_stack_limit;
    wasmc_try(body_inner_limit, a);
}

/* Recursion that checks the budget the way compiled prologues do. */
static unsigned depth_reached;
__attribute__((noinline)) static void recurse(unsigned depth) {
    volatile char frame[256];
    frame[0] = (char)depth;
    if ((uintptr_t)__builtin_frame_address(0) < wasmc_stack_limit) wasmc_trap(WASMC_TRAP_CALL_STACK_EXHAUSTED);
    depth_reached = depth;
    if (depth != UINT32_MAX) recurse(depth + 1);
    frame[1] = frame[0];
}
static void body_recurse(void *context) { (void)context; recurse(0); }

typedef struct { wasmc_table *table; uint32_t destination; wasmc_ref value; uint32_t count; } table_fill_args;
static void body_table_fill(void *context) {
    table_fill_args *a = context;
    wasmc_table_fill(a->table, a->destination, a->value, a->count);
}
typedef struct { wasmc_table *destination_table, *source_table; uint32_t destination, source, count; } table_copy_args;
static void body_table_copy(void *context) {
    table_copy_args *a = context;
    wasmc_table_copy(a->destination_table, a->source_table, a->destination, a->source, a->count);
}
typedef struct { wasmc_table *table; const wasmc_ref *segment; uint32_t length, destination, source, count; } table_init_args;
static void body_table_init(void *context) {
    table_init_args *a = context;
    wasmc_table_init_elements(a->table, a->segment, a->length, a->destination, a->source, a->count);
}
typedef struct { wasmc_table *table; uint32_t index; wasmc_ref value; } table_get_args;
static void body_table_get(void *context) {
    table_get_args *a = context;
    a->value = wasmc_table_get(a->table, a->index);
}

/* ---- tests ---- */

static void test_traps(void) {
    CHECK(wasmc_try(body_nothing, NULL) == WASMC_TRAP_NONE);
    CHECK(wasmc_try(body_unreachable, NULL) == WASMC_TRAP_UNREACHABLE);
    CHECK(wasmc_last_trap_function() && strcmp(wasmc_last_trap_function(), "f7") == 0);
    CHECK(wasmc_try(body_exit, NULL) == WASMC_TRAP_EXIT);
    CHECK(wasmc_last_exit_code() == 42);
    CHECK(strcmp(wasmc_trap_message(WASMC_TRAP_MEMORY_OUT_OF_BOUNDS), "out of bounds memory access") == 0);
    CHECK(strcmp(wasmc_trap_message(WASMC_TRAP_INTEGER_DIVIDE_BY_ZERO), "integer divide by zero") == 0);
    CHECK(strcmp(wasmc_trap_message(WASMC_TRAP_INVALID_CONVERSION), "invalid conversion to integer") == 0);
    CHECK(strcmp(wasmc_trap_message(WASMC_TRAP_CALL_STACK_EXHAUSTED), "call stack exhausted") == 0);
    CHECK(strcmp(wasmc_trap_message(WASMC_TRAP_INDIRECT_CALL_TYPE_MISMATCH), "indirect call type mismatch") == 0);
}

static void test_nested_try(void) {
    nested_args a = {0, 0};
    CHECK(wasmc_try(body_nested, &a) == WASMC_TRAP_INTEGER_OVERFLOW);
    CHECK(a.inner == WASMC_TRAP_UNREACHABLE);
    CHECK(a.after_inner == 1);
    /* The frame chain is unwound: a later trap still lands in its own try. */
    CHECK(wasmc_try(body_unreachable, NULL) == WASMC_TRAP_UNREACHABLE);
}

static void test_guard_faults(void) {
    wasmc_memory *memory = wasmc_memory_new(1, 2, 1);
    CHECK(memory != NULL);
    if (!memory) return;
    CHECK(wasmc_try(body_store, memory->base + PAGE - 1) == WASMC_TRAP_NONE);
    CHECK(memory->base[PAGE - 1] == 1);
    CHECK(wasmc_try(body_load, memory->base + PAGE) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    CHECK(wasmc_try(body_store, memory->base + PAGE) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    /* The farthest address compiled code can form: 0xFFFFFFFF + 0xFFFFFFFF (+ access size). */
    CHECK(wasmc_try(body_load, memory->base + 0xFFFFFFFFull + 0xFFFFFFFFull + 15) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    /* Repeated faults keep working (the handler stays installed, the signal is not left blocked). */
    for (int i = 0; i < 3; i++) CHECK(wasmc_try(body_load, memory->base + 3 * PAGE) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    wasmc_memory_delete(memory);
}

/* Runs fn in a child; returns the signal that killed it, or 0. */
static int child_signal(void (*fn)(void)) {
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        fn();
        _exit(0);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) return -1;
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static void fault_outside_try(void) {
    wasmc_memory *memory = wasmc_memory_new(1, 1, 1);
    volatile uint8_t *p = memory->base + PAGE; /* a wasm guard page, but no wasmc_try active */
    (void)*p;
}

static void fault_host_address(void *context) {
    (void)context;
    volatile uint8_t *p = (volatile uint8_t *)16; /* not in any reservation */
    (void)*p;
}
static void fault_host_inside_try(void) { wasmc_try(fault_host_address, NULL); }

/* Exit status of a fresh copy of this program run in `mode` (so the handler order is set up from scratch). */
static int exit_status_of_mode(const char *mode) {
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/proc/self/exe", "test_runtime", mode, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void previous_handler(int signal) {
    (void)signal;
    _exit(77);
}

/* A host handler installed before the runtime still gets the faults that are not wasm's. */
static int run_previous_handler_mode(void) {
    signal(SIGSEGV, previous_handler);
    wasmc_runtime_init(0);
    wasmc_memory *memory = wasmc_memory_new(1, 1, 1);
    if (!memory || wasmc_try(body_load, memory->base + PAGE) != WASMC_TRAP_MEMORY_OUT_OF_BOUNDS) return 1;
    wasmc_try(fault_host_address, NULL);
    return 2; /* not reached when chaining works */
}

static void test_chaining(void) {
    CHECK(child_signal(fault_outside_try) == SIGSEGV);
    CHECK(child_signal(fault_host_inside_try) == SIGSEGV);
    CHECK(exit_status_of_mode("previous-handler") == 77);
}

static void *fault_on_thread(void *context) {
    wasmc_memory *memory = context;
    uintptr_t code = wasmc_try(body_load, memory->base + memory->size_bytes);
    return (void *)code;
}

/* Another thread gets its own try chain and alternate signal stack. */
static void test_thread(void) {
    wasmc_memory *memory = wasmc_memory_new(1, 1, 1);
    pthread_t thread;
    void *result = NULL;
    CHECK(memory && pthread_create(&thread, NULL, fault_on_thread, memory) == 0 && pthread_join(thread, &result) == 0);
    CHECK((uintptr_t)result == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    wasmc_memory_delete(memory);
}

static void test_memory_grow(void) {
    wasmc_memory *memory = wasmc_memory_new(1, 3, 1);
    CHECK(memory && memory->pages == 1 && memory->size_bytes == PAGE);
    if (!memory) return;
    uint8_t *base = memory->base;
    CHECK(wasmc_memory_grow(memory, 0) == 1);
    CHECK(wasmc_memory_grow(memory, 2) == 1);
    CHECK(memory->pages == 3 && memory->size_bytes == 3ull * PAGE && memory->base == base);
    CHECK(wasmc_try(body_store, memory->base + 3 * PAGE - 1) == WASMC_TRAP_NONE);
    CHECK(wasmc_memory_grow(memory, 1) == UINT32_MAX);
    CHECK(wasmc_memory_grow(memory, UINT32_MAX) == UINT32_MAX);
    CHECK(memory->pages == 3);
    wasmc_memory_delete(memory);

    wasmc_memory *unbounded = wasmc_memory_new(0, 0, 0);
    CHECK(unbounded && unbounded->pages == 0);
    if (!unbounded) return;
    CHECK(wasmc_try(body_load, unbounded->base) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    CHECK(wasmc_memory_grow(unbounded, 65537) == UINT32_MAX);
    CHECK(wasmc_memory_grow(unbounded, 16) == 0);
    CHECK(wasmc_try(body_store, unbounded->base + 16 * PAGE - 1) == WASMC_TRAP_NONE);
    wasmc_memory_delete(unbounded);

    CHECK(wasmc_memory_new(2, 1, 1) == NULL);
    CHECK(wasmc_memory_new(65537, 0, 0) == NULL);
}

static void test_memory_bulk(void) {
    wasmc_memory *memory = wasmc_memory_new(1, 1, 1);
    CHECK(memory != NULL);
    if (!memory) return;
    fill_args fill = {memory, 10, 0x1AB, 4};
    CHECK(wasmc_try(body_fill, &fill) == WASMC_TRAP_NONE);
    CHECK(memory->base[9] == 0 && memory->base[10] == 0xAB && memory->base[13] == 0xAB && memory->base[14] == 0);
    fill = (fill_args){memory, PAGE, 7, 0}; /* zero length at the exact end */
    CHECK(wasmc_try(body_fill, &fill) == WASMC_TRAP_NONE);
    fill = (fill_args){memory, PAGE + 1, 7, 0};
    CHECK(wasmc_try(body_fill, &fill) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    fill = (fill_args){memory, PAGE - 2, 7, 3}; /* partly out: nothing written */
    CHECK(wasmc_try(body_fill, &fill) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    CHECK(memory->base[PAGE - 2] == 0);
    fill = (fill_args){memory, UINT32_MAX, 7, 2};
    CHECK(wasmc_try(body_fill, &fill) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);

    for (int i = 0; i < 8; i++) memory->base[100 + i] = (uint8_t)(i + 1);
    copy_args copy = {memory, memory, 102, 100, 6}; /* overlapping forward */
    CHECK(wasmc_try(body_copy, &copy) == WASMC_TRAP_NONE);
    CHECK(memory->base[102] == 1 && memory->base[107] == 6);
    copy = (copy_args){memory, memory, 100, 102, 6}; /* overlapping backward */
    CHECK(wasmc_try(body_copy, &copy) == WASMC_TRAP_NONE);
    CHECK(memory->base[100] == 1 && memory->base[105] == 6);
    copy = (copy_args){memory, memory, PAGE, 0, 0};
    CHECK(wasmc_try(body_copy, &copy) == WASMC_TRAP_NONE);
    copy = (copy_args){memory, memory, 0, PAGE - 1, 2};
    CHECK(wasmc_try(body_copy, &copy) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    copy = (copy_args){memory, memory, PAGE - 1, 200, 2};
    CHECK(wasmc_try(body_copy, &copy) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    CHECK(memory->base[PAGE - 1] == 0);

    const uint8_t segment[4] = {9, 8, 7, 6};
    init_args init = {memory, segment, 4, 500, 1, 3};
    CHECK(wasmc_try(body_init, &init) == WASMC_TRAP_NONE);
    CHECK(memory->base[500] == 8 && memory->base[502] == 6);
    init = (init_args){memory, segment, 4, 500, 2, 3};
    CHECK(wasmc_try(body_init, &init) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    init = (init_args){memory, segment, 4, 500, 4, 0}; /* zero length at the segment's end */
    CHECK(wasmc_try(body_init, &init) == WASMC_TRAP_NONE);
    init = (init_args){memory, NULL, 0, 0, 0, 0}; /* a dropped segment, count 0 */
    CHECK(wasmc_try(body_init, &init) == WASMC_TRAP_NONE);
    init = (init_args){memory, NULL, 0, 0, 0, 1}; /* a dropped segment */
    CHECK(wasmc_try(body_init, &init) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    init = (init_args){memory, segment, 4, PAGE - 1, 0, 2};
    CHECK(wasmc_try(body_init, &init) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    CHECK(memory->base[PAGE - 1] == 0);
    wasmc_memory_delete(memory);
}

static void test_two_memories(void) {
    wasmc_memory *a = wasmc_memory_new(1, 0, 0), *b = wasmc_memory_new(2, 0, 0);
    CHECK(a && b && a->base != b->base);
    if (!a || !b) return;
    a->base[0] = 11;
    b->base[0] = 22;
    CHECK(a->base[0] == 11 && b->base[0] == 22);
    CHECK(wasmc_try(body_load, a->base + PAGE) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    CHECK(wasmc_try(body_load, b->base + PAGE) == WASMC_TRAP_NONE);
    copy_args copy = {b, a, PAGE + 5, 0, 1}; /* across memories */
    CHECK(wasmc_try(body_copy, &copy) == WASMC_TRAP_NONE);
    CHECK(b->base[PAGE + 5] == 11);
    copy = (copy_args){a, b, 0, PAGE + 5, 1}; /* source fits b; destination fits a */
    CHECK(wasmc_try(body_copy, &copy) == WASMC_TRAP_NONE);
    copy = (copy_args){a, b, PAGE, 0, 1}; /* destination past a's end */
    CHECK(wasmc_try(body_copy, &copy) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    CHECK(wasmc_memory_grow(a, 1) == 1 && b->pages == 2);
    wasmc_memory_delete(a);
    /* b still faults as a wasm access after a is gone, and a's range no longer counts as wasm. */
    CHECK(wasmc_try(body_load, b->base + 2 * PAGE) == WASMC_TRAP_MEMORY_OUT_OF_BOUNDS);
    wasmc_memory_delete(b);
}

static void test_tables(void) {
    wasmc_table *table = wasmc_table_new(0x70, 2, 4, 1);
    CHECK(table && table->size == 2 && table->elements[0] == NULL && table->elements[1] == NULL);
    if (!table) return;
    int x, y;
    CHECK(wasmc_table_grow(table, &x, 1) == 2);
    CHECK(table->size == 3 && table->elements[2] == &x);
    CHECK(wasmc_table_grow(table, NULL, 2) == UINT32_MAX);
    CHECK(wasmc_table_grow(table, NULL, UINT32_MAX) == UINT32_MAX);
    CHECK(table->size == 3);

    table_fill_args fill = {table, 0, &y, 2};
    CHECK(wasmc_try(body_table_fill, &fill) == WASMC_TRAP_NONE);
    CHECK(table->elements[0] == &y && table->elements[1] == &y && table->elements[2] == &x);
    fill = (table_fill_args){table, 3, &x, 0};
    CHECK(wasmc_try(body_table_fill, &fill) == WASMC_TRAP_NONE);
    fill = (table_fill_args){table, 2, NULL, 2};
    CHECK(wasmc_try(body_table_fill, &fill) == WASMC_TRAP_TABLE_OUT_OF_BOUNDS);
    CHECK(table->elements[2] == &x);

    table_copy_args copy = {table, table, 1, 2, 1};
    CHECK(wasmc_try(body_table_copy, &copy) == WASMC_TRAP_NONE);
    CHECK(table->elements[1] == &x);
    copy = (table_copy_args){table, table, 0, 1, 3};
    CHECK(wasmc_try(body_table_copy, &copy) == WASMC_TRAP_TABLE_OUT_OF_BOUNDS);
    CHECK(table->elements[0] == &y);

    wasmc_ref segment[2] = {&x, NULL};
    table_init_args init = {table, segment, 2, 0, 0, 2};
    CHECK(wasmc_try(body_table_init, &init) == WASMC_TRAP_NONE);
    CHECK(table->elements[0] == &x && table->elements[1] == NULL);
    init = (table_init_args){table, segment, 2, 2, 1, 2};
    CHECK(wasmc_try(body_table_init, &init) == WASMC_TRAP_TABLE_OUT_OF_BOUNDS);
    init = (table_init_args){table, NULL, 0, 3, 0, 0};
    CHECK(wasmc_try(body_table_init, &init) == WASMC_TRAP_NONE);

    table_get_args get = {table, 0, NULL};
    CHECK(wasmc_try(body_table_get, &get) == WASMC_TRAP_NONE && get.value == &x);
    get = (table_get_args){table, 3, NULL};
    CHECK(wasmc_try(body_table_get, &get) == WASMC_TRAP_TABLE_OUT_OF_BOUNDS);
    wasmc_table_delete(table);

    wasmc_table *unbounded = wasmc_table_new(0x6F, 0, 0, 0);
    CHECK(unbounded && unbounded->size == 0);
    if (!unbounded) return;
    CHECK(wasmc_table_grow(unbounded, &x, 1000) == 0);
    CHECK(unbounded->size == 1000 && unbounded->elements[999] == &x);
    wasmc_table_delete(unbounded);
}

static void test_signatures(void) {
    uint32_t a = wasmc_intern_signature("(i32,i64)->(f32)");
    uint32_t b = wasmc_intern_signature("()->()");
    char copy[] = "(i32,i64)->(f32)";
    CHECK(a != 0 && b != 0 && a != b);
    CHECK(wasmc_intern_signature(copy) == a);
    CHECK(wasmc_intern_signature("()->()") == b);
}

static void test_stack_limit(void) {
    uintptr_t before = wasmc_stack_limit;
    limit_args limits = {0, 0};
    CHECK(wasmc_try(body_limit, &limits) == WASMC_TRAP_NONE);
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    CHECK(limits.outer_limit != 0 && limits.outer_limit < here && here - limits.outer_limit <= WASMC_STACK_BUDGET + 4096);
    CHECK(limits.inner_limit == limits.outer_limit); /* nested tries keep the outermost budget */
    CHECK(wasmc_stack_limit == before);
    CHECK(wasmc_try(body_recurse, NULL) == WASMC_TRAP_CALL_STACK_EXHAUSTED);
    CHECK(depth_reached > 1000);
    CHECK(wasmc_stack_limit == before);
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "previous-handler") == 0) return run_previous_handler_mode();
    wasmc_runtime_init(0);
    test_traps();
    test_nested_try();
    test_guard_faults();
    test_chaining();
    test_thread();
    test_memory_grow();
    test_memory_bulk();
    test_two_memories();
    test_tables();
    test_signatures();
    test_stack_limit();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
