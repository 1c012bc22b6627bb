/* exit(256) after output: Wasmtime refuses statuses outside [0, 126) with an error and status 1,
   where the OS would keep 8 bits and report 0, success. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("exiting with status 256\n");
    exit(256);
}
