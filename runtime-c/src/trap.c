/* Traps: a thread-local chain of sigjmp_buf frames, one per active wasmc_try. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include "internal.h"

typedef struct try_frame {
    sigjmp_buf jump;
    struct try_frame *outer;
} try_frame;

static _Thread_local try_frame *current_frame;
static _Thread_local const char *last_trap_function;
static _Thread_local int32_t last_exit_code;
/* The instantiation step running now and the one the last trap happened in; kind NULL = none. */
static _Thread_local instantiation_step current_step, last_trap_step;
static _Thread_local char step_text[64];
static _Thread_local char instantiation_error[256];

instantiation_step wasmc_set_instantiation_step(const char *kind, int64_t index) {
    instantiation_step previous = current_step;
    current_step.kind = kind;
    current_step.index = index;
    return previous;
}

const char *wasmc_last_trap_instantiation_step(void) {
    if (!last_trap_step.kind) return NULL;
    if (last_trap_step.index < 0) return last_trap_step.kind;
    snprintf(step_text, sizeof step_text, "%s %lld", last_trap_step.kind, (long long)last_trap_step.index);
    return step_text;
}

wasmc_trap_code wasmc_instantiation_failed(const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(instantiation_error, sizeof instantiation_error, format, arguments);
    va_end(arguments);
    return WASMC_TRAP_INSTANTIATION_FAILED;
}

const char *wasmc_instantiation_error(void) { return instantiation_error; }

int wasmc_inside_try(void) { return current_frame != NULL; }

_Noreturn void wasmc_trap_in(wasmc_trap_code code, const char *function_name) {
    last_trap_function = function_name;
    last_trap_step = current_step;
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
    instantiation_step saved_step = current_step; /* a trap skips the step's own reset */
    if (!frame.outer) {
        wasmc_signals_prepare_thread();
        wasmc_stack_limit = wasmc_stack_limit_from_here();
    }
    current_frame = &frame;
    int code = sigsetjmp(frame.jump, 1);
    if (code == 0) {
        last_trap_function = NULL;
        last_trap_step = (instantiation_step){NULL, 0};
        body(context);
    }
    current_frame = frame.outer;
    wasmc_stack_limit = saved_limit;
    current_step = saved_step;
    return (wasmc_trap_code)code;
}

const char *wasmc_trap_message(wasmc_trap_code code) {
    return wasmc_trap_wording(code);
}
