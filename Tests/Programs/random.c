/* Randomness: getentropy must deliver different, non-trivial bytes; rand() is seeded and deterministic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    unsigned char first[32], second[32], zeros[32] = {0};
    int ok = getentropy(first, sizeof first) == 0 && getentropy(second, sizeof second) == 0;
    printf("getentropy succeeded: %s\n", ok ? "yes" : "no");
    printf("two draws differ: %s\n", memcmp(first, second, sizeof first) ? "yes" : "no");
    printf("draw is not all zero: %s\n", memcmp(first, zeros, sizeof first) ? "yes" : "no");
    int histogram[4] = {0};
    for (int i = 0; i < 100; i++) {
        unsigned char byte;
        if (getentropy(&byte, 1) == 0) histogram[byte >> 6]++;
    }
    int spread = 1;
    for (int i = 0; i < 4; i++)
        if (histogram[i] == 0) spread = 0;
    printf("100 bytes hit every quarter of the range: %s\n", spread ? "yes" : "no");
    return 0;
}
