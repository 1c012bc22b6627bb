/* Guard-page faults inside wasm become WASMC_TRAP_MEMORY_OUT_OF_BOUNDS. A fault outside any memory
 * reservation, or outside wasmc_try, is not ours: it goes to the handler installed before us. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include "internal.h"

static struct sigaction previous_segv, previous_bus;
static int installed;
static _Thread_local int alternate_stack_ready;

static void ensure_alternate_stack(void) {
    if (alternate_stack_ready) return;
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_size = 64 * 1024;
    stack.ss_sp = malloc(stack.ss_size);
    if (stack.ss_sp && sigaltstack(&stack, NULL) == 0) alternate_stack_ready = 1;
}

static void chain(int signal, siginfo_t *info, void *context) {
    struct sigaction *previous = signal == SIGSEGV ? &previous_segv : &previous_bus;
    if (previous->sa_flags & SA_SIGINFO) {
        previous->sa_sigaction(signal, info, context);
    } else if (previous->sa_handler == SIG_IGN) {
        return;
    } else if (previous->sa_handler != SIG_DFL) {
        previous->sa_handler(signal);
    } else {
        /* Default action: restore it and return, so the faulting instruction re-raises and kills us. */
        sigaction(signal, previous, NULL);
    }
}

/* The faulting instruction's address, to name the wasm function in the report. */
static const void *fault_pc(void *context) {
#if defined(__x86_64__)
    return (const void *)((ucontext_t *)context)->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    return (const void *)((ucontext_t *)context)->uc_mcontext.pc;
#else
    (void)context;
    return NULL;
#endif
}

static void handle_fault(int signal, siginfo_t *info, void *context) {
    if (wasmc_inside_try() && wasmc_address_in_reservation(info->si_addr)) {
        wasmc_trap_from(WASMC_TRAP_MEMORY_OUT_OF_BOUNDS, fault_pc(context));
    }
    if (signal == SIGSEGV && wasmc_inside_try() && wasmc_address_past_stack_end(info->si_addr)) {
        wasmc_trap_from(WASMC_TRAP_CALL_STACK_EXHAUSTED, fault_pc(context));
    }
    chain(signal, info, context);
}

void wasmc_signals_prepare_thread(void) {
    if (installed) ensure_alternate_stack();
}

void wasmc_signals_install(void) {
    ensure_alternate_stack();
    if (installed) return;
    installed = 1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handle_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, &previous_segv);
    sigaction(SIGBUS, &action, &previous_bus);
}

void wasmc_runtime_init(uint32_t flags) {
    if (!(flags & WASMC_RUNTIME_NO_SIGNALS)) wasmc_signals_install();
}
