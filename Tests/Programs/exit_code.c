/* exit(3) after buffered output and an atexit handler: both must be flushed/run. */
#include <stdio.h>
#include <stdlib.h>

static void goodbye(void) { printf("atexit handler ran\n"); }

int main(void) {
    atexit(goodbye);
    printf("about to exit with status 3");
    fprintf(stderr, "stderr before exit\n");
    exit(3);
}
