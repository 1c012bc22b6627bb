/* __builtin_trap() compiles to the wasm `unreachable` instruction. */
#include <stdio.h>

int main(int argc, char **argv) {
    (void)argv;
    printf("argc is %d\n", argc);
    fflush(stdout);
    if (argc < 100) __builtin_trap();
    return 0;
}
