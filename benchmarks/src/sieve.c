/* Sieve of Eratosthenes over a byte array, repeated with a moving upper bound.
 * argv[1] = number of sieves. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT (1u << 23)

static uint8_t composite[LIMIT + 1];

static uint32_t sieve(uint32_t limit, uint32_t *sum) {
    memset(composite, 0, limit + 1);
    uint32_t count = 0, s = 0;
    for (uint32_t i = 2; i <= limit; i++) {
        if (composite[i]) continue;
        count++;
        s += i;
        if ((uint64_t)i * i <= limit)
            for (uint32_t j = i * i; j <= limit; j += i) composite[j] = 1;
    }
    *sum = s;
    return count;
}

int main(int argc, char **argv) {
    int reps = argc > 1 ? atoi(argv[1]) : 130;
    if (reps < 1) reps = 1;
    uint32_t checksum = 0, last = 0;
    for (int r = 0; r < reps; r++) {
        uint32_t sum;
        last = sieve(LIMIT - (uint32_t)r * 1021u % 65536u, &sum);
        checksum = checksum * 31u + last + sum;
    }
    printf("sieve %d reps: last count %u checksum %u\n", reps, last, checksum);
    return 0;
}
