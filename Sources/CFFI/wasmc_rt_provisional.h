/* The host's provisional copy of the runtime ABI (runtime-c/include/wasmc_rt.h is the contract and
 * replaces this file as soon as it exists): the shapes the ABI description fixes, so the host side builds. */
#ifndef WASMC_RT_H
#define WASMC_RT_H
#include <stdint.h>
#include <stddef.h>
#define WASMC_ABI_VERSION 1
typedef uint32_t wasmc_trap_code;
typedef struct { uint64_t lo, hi; } wasmc_v128;
typedef struct wasmc_func { void *code; uint32_t type_id; void *instance; } wasmc_func;
typedef const wasmc_func *wasmc_funcref;
typedef void *wasmc_ref;
typedef struct wasmc_memory { uint8_t *base; uint64_t size_bytes; uint32_t pages; uint32_t max_pages; uint8_t has_max; } wasmc_memory;
typedef struct wasmc_table { wasmc_ref *elements; uint32_t size; uint32_t max; uint8_t element_type; uint8_t has_max; } wasmc_table;
typedef struct wasmc_global { uint8_t value[16]; uint8_t type; uint8_t mutable_; } wasmc_global;
enum { WASMC_EXTERN_FUNC = 0, WASMC_EXTERN_TABLE = 1, WASMC_EXTERN_MEMORY = 2, WASMC_EXTERN_GLOBAL = 3 };
typedef struct wasmc_import { const char *module; const char *name; uint8_t kind; uint32_t type_index; uint8_t element_type; uint8_t value_type; uint8_t mutable_; uint8_t has_max; uint32_t min; uint32_t max; } wasmc_import;
typedef struct wasmc_export { const char *name; uint8_t kind; uint32_t index; } wasmc_export;
typedef struct wasmc_module_descriptor {
  uint32_t abi_version;
  uint32_t type_count; const char *const *types;
  uint32_t import_count; const wasmc_import *imports;
  uint32_t export_count; const wasmc_export *exports;
  size_t instance_size;
  wasmc_trap_code (*instantiate)(void *instance, void *const *resolved_imports);
  wasmc_funcref (*get_export_function)(void *instance, uint32_t export_index);
  wasmc_memory *(*get_export_memory)(void *instance, uint32_t export_index);
  wasmc_table *(*get_export_table)(void *instance, uint32_t export_index);
  wasmc_global *(*get_export_global)(void *instance, uint32_t export_index);
  void (*destroy)(void *instance);
} wasmc_module_descriptor;
/* Runtime services for hosts that create memories and tables themselves (host modules). */
int wasmc_memory_init(wasmc_memory *memory, uint32_t pages, uint32_t max_pages, int has_max);
void wasmc_memory_release(wasmc_memory *memory);
int wasmc_table_init(wasmc_table *table, uint8_t element_type, uint32_t size, uint32_t max, int has_max);
void wasmc_table_release(wasmc_table *table);
uint32_t wasmc_intern_signature(const char *signature);
#endif
