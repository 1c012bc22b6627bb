/* wasmc runtime ABI: the single contract between compiled modules, this runtime and any host.
 *
 * A compiled module object defines `const wasmc_module_descriptor wasmc_module`. Every wasm function
 * has the natural C signature `R f(void *instance, P1, ..., Pn)` (i32/i64/f32/f64 as int32_t/int64_t/
 * float/double, references as void *, v128 as wasmc_v128; more than one result: returns void and takes a
 * trailing `void *results` pointer to 16-byte slots). Code that may trap runs inside wasmc_try. */
#ifndef WASMC_RT_H
#define WASMC_RT_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bumped whenever a structure below or the calling convention changes. */
#define WASMC_ABI_VERSION 4

typedef uint32_t wasmc_trap_code;

/** A v128 value as two little-endian halves. */
typedef struct { uint64_t lo, hi; } wasmc_v128;

/** A function reference: what table elements, imports, exports and `ref.func` point to. */
typedef struct wasmc_func {
    /** Entry point with the natural C signature, first parameter the callee instance. */
    void *code;
    /** Process-wide canonical signature id from wasmc_intern_signature. */
    uint32_t type_id;
    /** The instance `code` expects as its first argument. */
    void *instance;
    /** A wasm function's body in the `tailcc` convention, which `return_call_indirect` (and a
        `return_call` of an import) jumps to with `musttail`; NULL for host functions and for modules
        without tail calls, which such calls call normally instead. */
    void *tail_code;
} wasmc_func;
typedef const wasmc_func *wasmc_funcref;
/** A table element or reference value: a wasmc_func pointer (funcref) or an opaque host pointer (externref); NULL is null. */
typedef void *wasmc_ref;

/** A linear memory. `base` never moves: the whole 32-bit index range plus offsets is reserved up front. */
typedef struct wasmc_memory {
    /** Start of the reservation; byte i of the memory is base[i]. */
    uint8_t *base;
    /** Current size in bytes (pages * 65536). */
    uint64_t size_bytes;
    /** Current size in pages. */
    uint32_t pages;
    /** Declared maximum in pages, valid when has_max. */
    uint32_t max_pages;
    /** Whether max_pages is set. */
    uint8_t has_max;
    /** 1 for a 64-bit memory (memory64: i64 addresses, always bounds-checked explicitly; at most
        65536 pages here, like a 32-bit one). */
    uint8_t address64;
    /** Bytes of address space reserved at base (accessible or not). */
    uint64_t reserved_bytes;
} wasmc_memory;

/** A table of references. */
typedef struct wasmc_table {
    /** size elements; NULL entries are null references. */
    wasmc_ref *elements;
    /** Current size. */
    uint32_t size;
    /** Declared maximum, valid when has_max. */
    uint32_t max;
    /** 0x70 funcref or 0x6F externref. */
    uint8_t element_type;
    /** Whether max is set. */
    uint8_t has_max;
    /** 1 for a 64-bit table (table64: i64 indices). */
    uint8_t address64;
    /** Allocated element slots. */
    uint32_t capacity;
} wasmc_table;

/** A global cell; instances hold pointers to cells so imported globals are shared. */
typedef struct wasmc_global {
    /** The value, little-endian, in the first 4/8/16 bytes. */
    uint8_t value[16];
    /** Value type byte (0x7F i32, 0x7E i64, 0x7D f32, 0x7C f64, 0x7B v128, 0x70 funcref, 0x6F externref). */
    uint8_t type;
    /** 1 when mutable. */
    uint8_t mutable_;
} wasmc_global;

/** A passive data or element segment's slot in an instance: its items and their count (0 once dropped). */
typedef struct wasmc_segment {
    const void *items;
    uint64_t length;
} wasmc_segment;

/** Bytes per instance slot of each structure the instance holds by value (own memories, tables, globals,
    function records; data and element segments) and per result slot of a multi-result call. The compiler
    lays out instances with these numbers; a structure that outgrows its slot is an ABI break. */
#define WASMC_MEMORY_SLOT 48
#define WASMC_TABLE_SLOT 32
#define WASMC_GLOBAL_SLOT 32
#define WASMC_FUNC_SLOT 32
#define WASMC_SEGMENT_SLOT 16
#define WASMC_RESULT_SLOT 16

/* Compile-time checks of the layout every field offset above pins (LP64). The compiler reads the offsets
   from this header (through Swift's C importer), so these checks catch a change that would silently move
   a field under hosts and modules built against an older header: bump WASMC_ABI_VERSION and the numbers. */
#ifdef __cplusplus
#define WASMC_ABI_CHECK(condition, message) static_assert(condition, message)
#else
#define WASMC_ABI_CHECK(condition, message) _Static_assert(condition, message)
#endif
WASMC_ABI_CHECK(sizeof(void *) == 8, "the wasmc ABI is defined for 64-bit targets");
WASMC_ABI_CHECK(sizeof(wasmc_v128) == 16 && offsetof(wasmc_v128, lo) == 0 && offsetof(wasmc_v128, hi) == 8, "wasmc_v128 layout");
WASMC_ABI_CHECK(offsetof(wasmc_func, code) == 0, "wasmc_func.code");
WASMC_ABI_CHECK(offsetof(wasmc_func, type_id) == 8, "wasmc_func.type_id");
WASMC_ABI_CHECK(offsetof(wasmc_func, instance) == 16, "wasmc_func.instance");
WASMC_ABI_CHECK(offsetof(wasmc_func, tail_code) == 24, "wasmc_func.tail_code");
WASMC_ABI_CHECK(sizeof(wasmc_func) <= WASMC_FUNC_SLOT, "wasmc_func must fit its instance slot");
WASMC_ABI_CHECK(offsetof(wasmc_memory, base) == 0, "wasmc_memory.base");
WASMC_ABI_CHECK(offsetof(wasmc_memory, size_bytes) == 8, "wasmc_memory.size_bytes");
WASMC_ABI_CHECK(offsetof(wasmc_memory, pages) == 16, "wasmc_memory.pages");
WASMC_ABI_CHECK(offsetof(wasmc_memory, max_pages) == 20, "wasmc_memory.max_pages");
WASMC_ABI_CHECK(offsetof(wasmc_memory, has_max) == 24, "wasmc_memory.has_max");
WASMC_ABI_CHECK(offsetof(wasmc_memory, address64) == 25, "wasmc_memory.address64");
WASMC_ABI_CHECK(offsetof(wasmc_memory, reserved_bytes) == 32, "wasmc_memory.reserved_bytes");
WASMC_ABI_CHECK(sizeof(wasmc_memory) <= WASMC_MEMORY_SLOT, "wasmc_memory must fit its instance slot");
WASMC_ABI_CHECK(offsetof(wasmc_table, elements) == 0, "wasmc_table.elements");
WASMC_ABI_CHECK(offsetof(wasmc_table, size) == 8, "wasmc_table.size");
WASMC_ABI_CHECK(offsetof(wasmc_table, max) == 12, "wasmc_table.max");
WASMC_ABI_CHECK(offsetof(wasmc_table, element_type) == 16, "wasmc_table.element_type");
WASMC_ABI_CHECK(offsetof(wasmc_table, has_max) == 17, "wasmc_table.has_max");
WASMC_ABI_CHECK(offsetof(wasmc_table, address64) == 18, "wasmc_table.address64");
WASMC_ABI_CHECK(offsetof(wasmc_table, capacity) == 20, "wasmc_table.capacity");
WASMC_ABI_CHECK(sizeof(wasmc_table) <= WASMC_TABLE_SLOT, "wasmc_table must fit its instance slot");
WASMC_ABI_CHECK(offsetof(wasmc_global, value) == 0, "wasmc_global.value");
WASMC_ABI_CHECK(offsetof(wasmc_global, type) == 16, "wasmc_global.type");
WASMC_ABI_CHECK(offsetof(wasmc_global, mutable_) == 17, "wasmc_global.mutable_");
WASMC_ABI_CHECK(sizeof(wasmc_global) <= WASMC_GLOBAL_SLOT, "wasmc_global must fit its instance slot");
WASMC_ABI_CHECK(offsetof(wasmc_segment, items) == 0, "wasmc_segment.items");
WASMC_ABI_CHECK(offsetof(wasmc_segment, length) == 8, "wasmc_segment.length");
WASMC_ABI_CHECK(sizeof(wasmc_segment) == WASMC_SEGMENT_SLOT, "wasmc_segment slot");

/** Kinds of imports and exports. */
enum { WASMC_EXTERN_FUNC = 0, WASMC_EXTERN_TABLE = 1, WASMC_EXTERN_MEMORY = 2, WASMC_EXTERN_GLOBAL = 3 };

/** One import, as the host needs it to resolve and type-check. */
typedef struct wasmc_import {
    /** Module and field name (NUL-terminated, but see module_length/name_length). */
    const char *module;
    const char *name;
    /** WASMC_EXTERN_*. */
    uint8_t kind;
    /** Table and memory imports: 1 for 64-bit addresses (table64, memory64). */
    uint8_t address64;
    /** Function imports: index into the descriptor's types. */
    uint32_t type_index;
    /** Table imports: element type byte. */
    uint8_t element_type;
    /** Global imports: value type byte. */
    uint8_t value_type;
    /** Global imports: 1 when mutable. */
    uint8_t mutable_;
    /** Table and memory imports: whether max is set. */
    uint8_t has_max;
    /** Table and memory imports: limits (a 64-bit one's clamped to UINT32_MAX, which no table or memory
        here reaches, so matching is unchanged). */
    uint32_t min;
    uint32_t max;
    /** Byte lengths of module and name: wasm names may contain NUL, so do not rely on the terminator. */
    uint32_t module_length;
    uint32_t name_length;
} wasmc_import;

/** One export, in the module's export order. */
typedef struct wasmc_export {
    /** Export name (NUL-terminated, but see name_length). */
    const char *name;
    /** WASMC_EXTERN_*. */
    uint8_t kind;
    /** Index in the kind's index space. */
    uint32_t index;
    /** Byte length of name (which may contain NUL). */
    uint32_t name_length;
} wasmc_export;

/** What a compiled module exports as `wasmc_module`. */
typedef struct wasmc_module_descriptor {
    /** WASMC_ABI_VERSION of the compiler that produced the module; hosts reject a mismatch. */
    uint32_t abi_version;
    /** Canonical signatures such as "(i32,i64)->(f32)", one per type-section entry. */
    uint32_t type_count;
    const char *const *types;
    uint32_t import_count;
    const wasmc_import *imports;
    uint32_t export_count;
    const wasmc_export *exports;
    /** Bytes the host allocates (zeroed) for an instance. */
    size_t instance_size;
    /** Resolves imports (resolved_imports[i] is a wasmc_func *, wasmc_table *, wasmc_memory * or wasmc_global *),
        creates memories and tables, initialises globals, applies segments, runs the start function. Call it
        inside wasmc_try; returns 0, a trap code, or WASMC_TRAP_INSTANTIATION_FAILED. */
    wasmc_trap_code (*instantiate)(void *instance, void *const *resolved_imports);
    wasmc_funcref (*get_export_function)(void *instance, uint32_t export_index);
    wasmc_memory *(*get_export_memory)(void *instance, uint32_t export_index);
    wasmc_table *(*get_export_table)(void *instance, uint32_t export_index);
    wasmc_global *(*get_export_global)(void *instance, uint32_t export_index);
    /** Releases what instantiate allocated (not the instance memory itself). */
    void (*destroy)(void *instance);
} wasmc_module_descriptor;

WASMC_ABI_CHECK(offsetof(wasmc_import, module) == 0, "wasmc_import.module");
WASMC_ABI_CHECK(offsetof(wasmc_import, name) == 8, "wasmc_import.name");
WASMC_ABI_CHECK(offsetof(wasmc_import, kind) == 16, "wasmc_import.kind");
WASMC_ABI_CHECK(offsetof(wasmc_import, address64) == 17, "wasmc_import.address64");
WASMC_ABI_CHECK(offsetof(wasmc_import, type_index) == 20, "wasmc_import.type_index");
WASMC_ABI_CHECK(offsetof(wasmc_import, element_type) == 24, "wasmc_import.element_type");
WASMC_ABI_CHECK(offsetof(wasmc_import, value_type) == 25, "wasmc_import.value_type");
WASMC_ABI_CHECK(offsetof(wasmc_import, mutable_) == 26, "wasmc_import.mutable_");
WASMC_ABI_CHECK(offsetof(wasmc_import, has_max) == 27, "wasmc_import.has_max");
WASMC_ABI_CHECK(offsetof(wasmc_import, min) == 28, "wasmc_import.min");
WASMC_ABI_CHECK(offsetof(wasmc_import, max) == 32, "wasmc_import.max");
WASMC_ABI_CHECK(offsetof(wasmc_import, module_length) == 36, "wasmc_import.module_length");
WASMC_ABI_CHECK(offsetof(wasmc_import, name_length) == 40, "wasmc_import.name_length");
WASMC_ABI_CHECK(offsetof(wasmc_export, name) == 0, "wasmc_export.name");
WASMC_ABI_CHECK(offsetof(wasmc_export, kind) == 8, "wasmc_export.kind");
WASMC_ABI_CHECK(offsetof(wasmc_export, index) == 12, "wasmc_export.index");
WASMC_ABI_CHECK(offsetof(wasmc_export, name_length) == 16, "wasmc_export.name_length");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, abi_version) == 0, "wasmc_module_descriptor.abi_version");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, type_count) == 4, "wasmc_module_descriptor.type_count");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, types) == 8, "wasmc_module_descriptor.types");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, import_count) == 16, "wasmc_module_descriptor.import_count");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, imports) == 24, "wasmc_module_descriptor.imports");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, export_count) == 32, "wasmc_module_descriptor.export_count");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, exports) == 40, "wasmc_module_descriptor.exports");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, instance_size) == 48, "wasmc_module_descriptor.instance_size");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, instantiate) == 56, "wasmc_module_descriptor.instantiate");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, get_export_function) == 64, "wasmc_module_descriptor.get_export_function");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, get_export_memory) == 72, "wasmc_module_descriptor.get_export_memory");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, get_export_table) == 80, "wasmc_module_descriptor.get_export_table");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, get_export_global) == 88, "wasmc_module_descriptor.get_export_global");
WASMC_ABI_CHECK(offsetof(wasmc_module_descriptor, destroy) == 96, "wasmc_module_descriptor.destroy");
WASMC_ABI_CHECK(sizeof(wasmc_module_descriptor) == 104, "wasmc_module_descriptor size");

/* ---- traps ---- */

enum {
    WASMC_TRAP_NONE = 0,
    WASMC_TRAP_UNREACHABLE = 1,
    WASMC_TRAP_MEMORY_OUT_OF_BOUNDS = 2,
    WASMC_TRAP_TABLE_OUT_OF_BOUNDS = 3,
    WASMC_TRAP_INDIRECT_CALL_TYPE_MISMATCH = 4,
    WASMC_TRAP_NULL_REFERENCE = 5,
    WASMC_TRAP_INTEGER_DIVIDE_BY_ZERO = 6,
    WASMC_TRAP_INTEGER_OVERFLOW = 7,
    WASMC_TRAP_INVALID_CONVERSION = 8,
    WASMC_TRAP_CALL_STACK_EXHAUSTED = 9,
    WASMC_TRAP_UNINITIALIZED_ELEMENT = 10,
    WASMC_TRAP_NULL_FUNCTION_REFERENCE = 11,
    /** Not a trap: proc_exit unwinding to the host (see wasmc_last_exit_code). */
    WASMC_TRAP_EXIT = 12,
    /** Not a trap: instantiate could not create the instance (a table or memory cannot be allocated);
        wasmc_instantiation_error() says why. */
    WASMC_TRAP_INSTANTIATION_FAILED = 13
};

/** The spec suite's wording for a trap code (Wasmtime's for table accesses: "undefined element"): the one
    table the runtime's reports and every host's messages use. */
static inline const char *wasmc_trap_wording(wasmc_trap_code code) {
    switch (code) {
    case WASMC_TRAP_NONE: return "no trap";
    case WASMC_TRAP_UNREACHABLE: return "unreachable";
    case WASMC_TRAP_MEMORY_OUT_OF_BOUNDS: return "out of bounds memory access";
    case WASMC_TRAP_TABLE_OUT_OF_BOUNDS: return "undefined element";
    case WASMC_TRAP_INDIRECT_CALL_TYPE_MISMATCH: return "indirect call type mismatch";
    case WASMC_TRAP_NULL_REFERENCE: return "null reference";
    case WASMC_TRAP_INTEGER_DIVIDE_BY_ZERO: return "integer divide by zero";
    case WASMC_TRAP_INTEGER_OVERFLOW: return "integer overflow";
    case WASMC_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
    case WASMC_TRAP_CALL_STACK_EXHAUSTED: return "call stack exhausted";
    case WASMC_TRAP_UNINITIALIZED_ELEMENT: return "uninitialized element";
    case WASMC_TRAP_NULL_FUNCTION_REFERENCE: return "null function reference";
    case WASMC_TRAP_EXIT: return "exit";
    case WASMC_TRAP_INSTANTIATION_FAILED: return "instantiation failed";
    default: return "unknown trap";
    }
}

/** Ends the current invocation with `code`, unwinding to the innermost wasmc_try (siglongjmp, so no C
    cleanup runs in the frames skipped). Outside any wasmc_try it aborts the process: that is a host bug. */
_Noreturn void wasmc_trap(wasmc_trap_code code);
/** Same, recording the wasm function it happened in (for reports). */
_Noreturn void wasmc_trap_in(wasmc_trap_code code, const char *function_name);
/** Runs body(context); returns 0, or the code of the trap that ended it. Nestable, thread-local. The outermost
    try on a thread sets wasmc_stack_limit (restored on return) and that thread's alternate signal stack. */
wasmc_trap_code wasmc_try(void (*body)(void *), void *context);
/** The spec suite's wording for a trap code. */
const char *wasmc_trap_message(wasmc_trap_code code);
/** The wasm function of the last trap on this thread, or NULL. */
const char *wasmc_last_trap_function(void);
/** When the last trap on this thread happened while instantiate applied a segment or ran the start function:
    "data segment N", "element segment N" or "start function"; else NULL. Valid until the next call. */
const char *wasmc_last_trap_instantiation_step(void);
/** Why the last instantiate on this thread returned WASMC_TRAP_INSTANTIATION_FAILED, in Wasmtime's words
    where it has them (e.g. "table minimum size of N elements exceeds table limits"). */
const char *wasmc_instantiation_error(void);
/** Unwinds to wasmc_try with WASMC_TRAP_EXIT, recording `code` (WASI proc_exit). */
_Noreturn void wasmc_exit(int32_t code);
/** The code of the last wasmc_exit on this thread (meaningful after wasmc_try returned WASMC_TRAP_EXIT). */
int32_t wasmc_last_exit_code(void);

/** Flags for wasmc_runtime_init. */
enum { WASMC_RUNTIME_NO_SIGNALS = 1 };
/** Installs the SIGSEGV/SIGBUS handlers (on a sigaltstack) that turn guard-page faults into traps,
    unless flags has WASMC_RUNTIME_NO_SIGNALS (hosts that own their signals compile with explicit checks). */
void wasmc_runtime_init(uint32_t flags);

/** Compiled code compares its frame address with this in every prologue and traps with
    WASMC_TRAP_CALL_STACK_EXHAUSTED below it. The outermost wasmc_try sets it to its entry stack pointer
    minus WASMC_STACK_BUDGET, so recursion depth is the same on every machine. One thread runs wasm at a time. */
extern uintptr_t wasmc_stack_limit;
#define WASMC_STACK_BUDGET (1u << 20)

/* ---- memories ---- */

/** Initialises a memory in place: reserves 8 GiB + 64 KiB of PROT_NONE address space (any i32 address plus
    any u32 offset stays inside it), commits min_pages read-write, and registers it with the fault handler.
    0 on success; -1 for min above 65536 pages or max below min, or when address space runs out. */
int wasmc_memory_init(wasmc_memory *memory, uint32_t min_pages, uint32_t max_pages, int has_max);
/** Unmaps a memory initialised by wasmc_memory_init (the struct itself stays the caller's). */
void wasmc_memory_release(wasmc_memory *memory);
/** Allocates and initialises a memory; NULL on failure (bad limits or no address space). */
wasmc_memory *wasmc_memory_new(uint32_t min_pages, uint32_t max_pages, int has_max);
/** Releases and frees a memory from wasmc_memory_new. */
void wasmc_memory_delete(wasmc_memory *memory);
/** memory.grow: the old page count, or 0xFFFFFFFF when the maximum or the 4 GiB limit is exceeded (or the
    pages cannot be committed). `base` never moves. */
uint32_t wasmc_memory_grow(wasmc_memory *memory, uint32_t delta_pages);
/** memory.fill / memory.copy / memory.init; trap with WASMC_TRAP_MEMORY_OUT_OF_BOUNDS when a range does not fit
    (checked whole before anything is written; a zero-length range at the exact end fits; copies have memmove
    semantics). A dropped data segment is passed as length 0 (segment may be NULL). Addresses and counts are
    64-bit for memory64; compiled code zero-extends a 32-bit memory's. */
void wasmc_memory_fill(wasmc_memory *memory, uint64_t destination, uint32_t value, uint64_t count);
void wasmc_memory_copy(wasmc_memory *destination_memory, wasmc_memory *source_memory, uint64_t destination, uint64_t source, uint64_t count);
void wasmc_memory_init_data(wasmc_memory *memory, const uint8_t *segment, uint32_t segment_length, uint64_t destination, uint32_t source, uint32_t count);

/* ---- tables ---- */

/** Initialises a table in place with min null elements. 0 on success. */
int wasmc_table_init(wasmc_table *table, uint8_t element_type, uint32_t min, uint32_t max, int has_max);
/** Frees the elements of a table initialised by wasmc_table_init (the struct itself stays the caller's). */
void wasmc_table_release(wasmc_table *table);
/** Allocates and initialises a table; NULL on failure. */
wasmc_table *wasmc_table_new(uint8_t element_type, uint32_t min, uint32_t max, int has_max);
/** Releases and frees a table from wasmc_table_new. */
void wasmc_table_delete(wasmc_table *table);
/** table.grow: the old size, or 0xFFFFFFFF past the maximum (or the 10,000,000-element implementation limit). */
uint32_t wasmc_table_grow(wasmc_table *table, wasmc_ref initial, uint32_t delta);
/** table.fill / table.copy / table.init; trap with WASMC_TRAP_TABLE_OUT_OF_BOUNDS when a range does not fit
    (checked whole before anything is written; copies have memmove semantics). A dropped segment has length 0. */
void wasmc_table_fill(wasmc_table *table, uint32_t destination, wasmc_ref value, uint32_t count);
void wasmc_table_copy(wasmc_table *destination_table, wasmc_table *source_table, uint32_t destination, uint32_t source, uint32_t count);
void wasmc_table_init_elements(wasmc_table *table, const wasmc_ref *segment, uint32_t segment_length, uint32_t destination, uint32_t source, uint32_t count);

/** table.get / table.set; trap with WASMC_TRAP_TABLE_OUT_OF_BOUNDS past the end. */
wasmc_ref wasmc_table_get(wasmc_table *table, uint32_t index);
void wasmc_table_set(wasmc_table *table, uint32_t index, wasmc_ref value);

/* ---- generic instantiation ---- */

/** What the compiler emits besides code: the module's shape as a flat stream of 64-bit words (format in
    src/instantiate.c) plus the code and data pointers the words refer to. The descriptor's entry points are
    thin thunks over the wasmc_plan_* functions, so instantiation logic lives here once, in C. */
typedef struct wasmc_plan {
    const wasmc_module_descriptor *descriptor;
    const uint64_t *words;
    const void *const *pointers;
} wasmc_plan;

/** The descriptor entry points, implemented once over a plan: instantiate (returns 0, a trap code or
    WASMC_TRAP_INSTANTIATION_FAILED; call it
    inside wasmc_try), the export getters (NULL for an index of another kind), destroy (frees what instantiate
    allocated). */
wasmc_trap_code wasmc_plan_instantiate(const wasmc_plan *plan, void *instance, void *const *resolved_imports);
wasmc_funcref wasmc_plan_export_function(const wasmc_plan *plan, void *instance, uint32_t export_index);
wasmc_memory *wasmc_plan_export_memory(const wasmc_plan *plan, void *instance, uint32_t export_index);
wasmc_table *wasmc_plan_export_table(const wasmc_plan *plan, void *instance, uint32_t export_index);
wasmc_global *wasmc_plan_export_global(const wasmc_plan *plan, void *instance, uint32_t export_index);
void wasmc_plan_destroy(const wasmc_plan *plan, void *instance);

/* ---- signatures ---- */

/** Process-wide id of a canonical signature string, so call_indirect can compare types across modules. */
uint32_t wasmc_intern_signature(const char *signature);

#ifdef __cplusplus
}
#endif
#endif
