/* Unbounded recursion without locals in memory: the wasm call stack itself must run out and trap
   ("call stack exhausted") instead of overflowing the host stack. */
#include <stdio.h>

volatile int deepest;

static int recurse(int n) {
    deepest = n;
    int below = recurse(n + 1);
    deepest = below;
    return below + 1;
}

int main(void) {
    printf("recursing\n");
    fflush(stdout);
    printf("not reached: %d\n", recurse(0));
    return 0;
}
