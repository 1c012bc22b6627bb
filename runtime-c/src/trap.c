/* Traps: a thread-local chain of sigjmp_buf frames, one per active wasmc_try. */
#include <setjmp.h>
#include <stddef.h>
#include "internal.h"

typedef struct try_frame {
    sigjmp_buf jump;
    struct try_frame *outer;
} try_frame;

static _Thread_local try_frame *current_frame;
static _Thread_local const char *last_trap_function;
static _Thread_local int32_t last_exit_code;

int wasmc_inside_try(void) { return current_frame != NULL; }

_Noreturn void wasmc_trap_in(wasmc_trap_code code, const char *function_name) {
    last_trap_function = function_name;
    try_frame *frame = current_frame;
    if (!frame) __builtin_trap(); /* a trap outside wasmc_try is a host bug */
    siglongjmp(frame->jump, (int)code);
}

_Noreturn void wasmc_trap(wasmc_trap_code code) { wasmc_trap_in(code, NULL); }

_Noreturn void wasmc_exit(int32_t code) {
    last_exit_code = code;
    wasmc_trap_in(WASMC_TRAP_EXIT, NULL);
}

int32_t wasmc_last_exit_code(void) { return last_exit_code; }
const char *wasmc_last_trap_function(void) { return last_trap_function; }

wasmc_trap_code wasmc_try(void (*body)(void *), void *context) {
    try_frame frame;
    frame.outer = current_frame;
    uintptr_t saved_limit = wasmc_stack_limit;
    if (!frame.outer) {
        wasmc_signals_prepare_thread();
        wasmc_stack_limit = wasmc_stack_limit_from_here();
    }
    current_frame = &frame;
    int code = sigsetjmp(frame.jump, 1);
    if (code == 0) {
        last_trap_function = NULL;
        body(context);
    }
    current_frame = frame.outer;
    wasmc_stack_limit = saved_limit;
    return (wasmc_trap_code)code;
}

const char *wasmc_trap_message(wasmc_trap_code code) {
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
    default: return "unknown trap";
    }
}
