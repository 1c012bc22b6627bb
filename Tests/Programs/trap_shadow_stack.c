/* Unbounded recursion with a 64-byte local array: the C shadow stack in linear memory runs out first,
   so the store below address 0 traps as an out-of-bounds access (not a host crash). */
#include <stdio.h>

static int depth(volatile int n) {
    volatile char frame[64];
    frame[n & 63] = (char)n;
    return depth(n + 1) + frame[(n + 1) & 63];
}

int main(void) {
    printf("recursing\n");
    fflush(stdout);
    printf("not reached: %d\n", depth(0));
    return 0;
}
