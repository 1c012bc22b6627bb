// The bundled example: a small WASI program that exercises stdio, argv, integer and float code.
#include <stdio.h>
#include <stdlib.h>

static unsigned count_primes(unsigned limit) {
    unsigned count = 0;
    for (unsigned n = 2; n < limit; n++) {
        int prime = 1;
        for (unsigned d = 2; d * d <= n; d++) {
            if (n % d == 0) { prime = 0; break; }
        }
        count += prime;
    }
    return count;
}

static double leibniz_pi(int terms) {
    double sum = 0.0;
    for (int k = 0; k < terms; k++) sum += (k % 2 ? -4.0 : 4.0) / (2.0 * k + 1.0);
    return sum;
}

int main(int argc, char **argv) {
    printf("Hello from WebAssembly, compiled ahead of time by wasmc!\n");
    for (int i = 1; i < argc; i++) printf("argv[%d] = %s\n", i, argv[i]);
    printf("primes below 100000: %u\n", count_primes(100000));
    printf("pi ~= %.10f\n", leibniz_pi(10000000));
    return 0;
}
