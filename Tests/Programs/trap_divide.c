/* Integer division by zero through a volatile, after flushed output: a trap, not a signal. */
#include <stdio.h>

int main(void) {
    volatile int zero = 0;
    printf("before the trap\n");
    fflush(stdout);
    int result = 100 / zero;
    printf("not reached: %d\n", result);
    return 0;
}
