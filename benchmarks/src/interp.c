/* A stack-based bytecode interpreter (switch dispatch) running a small
 * program: a PRNG-driven loop with branches and a Collatz inner loop.
 * argv[1] = outer loop count of the interpreted program, in thousands. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum op {
    OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_AND, OP_XOR, OP_SHR, OP_SHL,
    OP_LT, OP_EQ, OP_JMP, OP_JZ, OP_JNZ, OP_DUP, OP_POP, OP_HALT
};

struct insn { uint8_t op; int32_t arg; };

static uint32_t run(const struct insn *code, uint32_t *vars) {
    uint32_t stack[64];
    int sp = 0;
    int pc = 0;
    for (;;) {
        const struct insn in = code[pc++];
        switch (in.op) {
        case OP_PUSH: stack[sp++] = (uint32_t)in.arg; break;
        case OP_LOAD: stack[sp++] = vars[in.arg]; break;
        case OP_STORE: vars[in.arg] = stack[--sp]; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_SHR: sp--; stack[sp - 1] >>= (stack[sp] & 31); break;
        case OP_SHL: sp--; stack[sp - 1] <<= (stack[sp] & 31); break;
        case OP_LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case OP_EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
        case OP_JMP: pc = in.arg; break;
        case OP_JZ: if (stack[--sp] == 0) pc = in.arg; break;
        case OP_JNZ: if (stack[--sp] != 0) pc = in.arg; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_POP: sp--; break;
        case OP_HALT: return vars[0];
        default: return 0xdeadbeefu;
        }
    }
}

/* Variables: 0 acc, 1 i, 2 n, 3 x (PRNG state), 4 c (Collatz value), 5 steps.
 * The numbers in comments are instruction indices, the jump targets. */
static const struct insn program[] = {
    /* 0 loop: while i < n */
    {OP_LOAD, 1}, {OP_LOAD, 2}, {OP_LT, 0}, {OP_JZ, 52},
    /* 4: x = x * 1664525 + 1013904223 */
    {OP_LOAD, 3}, {OP_PUSH, 1664525}, {OP_MUL, 0}, {OP_PUSH, 1013904223}, {OP_ADD, 0},
    /* 9 */ {OP_DUP, 0}, {OP_STORE, 3},
    /* 11: c = (x >> 24) + 1 */
    {OP_PUSH, 24}, {OP_SHR, 0}, {OP_PUSH, 1}, {OP_ADD, 0}, {OP_STORE, 4},
    /* 16: steps = 0 */
    {OP_PUSH, 0}, {OP_STORE, 5},
    /* 18 collatz: while c != 1 */
    {OP_LOAD, 4}, {OP_PUSH, 1}, {OP_EQ, 0}, {OP_JNZ, 41},
    /* 22: if c & 1 */
    {OP_LOAD, 4}, {OP_PUSH, 1}, {OP_AND, 0}, {OP_JZ, 32},
    /* 26: c * 3 + 1 */
    {OP_LOAD, 4}, {OP_PUSH, 3}, {OP_MUL, 0}, {OP_PUSH, 1}, {OP_ADD, 0},
    /* 31 */ {OP_JMP, 35},
    /* 32: c >> 1 */
    {OP_LOAD, 4}, {OP_PUSH, 1}, {OP_SHR, 0},
    /* 35: c = result; steps++ */
    {OP_STORE, 4}, {OP_LOAD, 5}, {OP_PUSH, 1}, {OP_ADD, 0}, {OP_STORE, 5},
    /* 40 */ {OP_JMP, 18},
    /* 41: acc = acc * 31 + steps */
    {OP_LOAD, 0}, {OP_PUSH, 31}, {OP_MUL, 0}, {OP_LOAD, 5}, {OP_ADD, 0}, {OP_STORE, 0},
    /* 47: i++ */
    {OP_LOAD, 1}, {OP_PUSH, 1}, {OP_ADD, 0}, {OP_STORE, 1},
    /* 51 */ {OP_JMP, 0},
    /* 52 */ {OP_HALT, 0},
};

int main(int argc, char **argv) {
    int thousands = argc > 1 ? atoi(argv[1]) : 1200;
    if (thousands < 1) thousands = 1;
    uint32_t vars[6] = {0, 0, (uint32_t)thousands * 1000u, 12345u, 0, 0};
    uint32_t acc = run(program, vars);
    printf("interp %d thousand iterations: acc %u x %u\n", thousands, acc, vars[3]);
    return 0;
}
