/* A load far beyond linear memory: the wasm bounds check (or guard page) must trap. */
#include <stdint.h>
#include <stdio.h>

int main(void) {
    volatile uintptr_t address = 0xfffffff0u;
    printf("loading from %#lx\n", (unsigned long)address);
    fflush(stdout);
    int value = *(volatile int *)address;
    printf("not reached: %d\n", value);
    return 0;
}
