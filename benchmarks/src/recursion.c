/* Recursion-heavy kernels: naive Fibonacci, Ackermann and Takeuchi.
 * argv[1] = number of rounds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static uint32_t ack(uint32_t m, uint32_t n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static int tak(int x, int y, int z) {
    return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 250;
    if (rounds < 1) rounds = 1;
    uint32_t checksum = 0;
    /* Arguments depend on the round so no call can be hoisted out of the loop. */
    for (int r = 0; r < rounds; r++) {
        checksum = checksum * 31u + fib(30u + (uint32_t)(r & 1));
        checksum = checksum * 31u + ack(3u, 6u + (uint32_t)(r % 3));
        checksum = checksum * 31u + (uint32_t)tak(22 + r % 3, 16, 8);
    }
    printf("recursion %d rounds: checksum %u fib(30)=%u ack(3,8)=%u\n", rounds, checksum, fib(30), ack(3, 8));
    return 0;
}
