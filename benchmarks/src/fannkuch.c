/* Fannkuch-redux (Benchmarks Game) over permutations of 12 elements, visited
 * in the standard order starting at index 0. argv[1] = millions of
 * permutations to visit (at most 12! / 1e6). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 12

static int32_t fact[N + 1];
static int p[N], pp[N], count[N];

/* Position the generator at permutation number idx (factorial number system). */
static void first_permutation(int32_t idx) {
    for (int i = 0; i < N; i++) p[i] = i;
    for (int i = N - 1; i > 0; i--) {
        int d = (int)(idx / fact[i]);
        count[i] = d;
        idx %= fact[i];
        for (int j = 0; j <= i; j++) pp[j] = p[j];
        for (int j = 0; j <= i; j++) p[j] = j + d <= i ? pp[j + d] : pp[j + d - i - 1];
    }
}

static void next_permutation(void) {
    int first = p[1];
    p[1] = p[0];
    p[0] = first;
    int i = 1;
    while (++count[i] > i) {
        count[i++] = 0;
        int next = p[0] = p[1];
        for (int j = 1; j < i; j++) p[j] = p[j + 1];
        p[i] = first;
        first = next;
    }
}

static int count_flips(void) {
    int flips = 1;
    int first = p[0];
    if (p[first] != 0) {
        for (int i = 0; i < N; i++) pp[i] = p[i];
        do {
            flips++;
            for (int lo = 1, hi = first - 1; lo < hi; lo++, hi--) {
                int t = pp[lo];
                pp[lo] = pp[hi];
                pp[hi] = t;
            }
            int t = pp[first];
            pp[first] = first;
            first = t;
        } while (pp[first] != 0);
    }
    return flips;
}

int main(int argc, char **argv) {
    fact[0] = 1;
    for (int i = 1; i <= N; i++) fact[i] = fact[i - 1] * i;
    int millions = argc > 1 ? atoi(argv[1]) : 40;
    if (millions < 1) millions = 1;
    if (millions > fact[N] / 1000000) millions = fact[N] / 1000000;
    int32_t total = millions * 1000000;
    int32_t checksum = 0;
    int maxflips = 0;
    first_permutation(0);
    for (int32_t i = 0;;) {
        if (p[0] != 0) {
            int flips = count_flips();
            if (flips > maxflips) maxflips = flips;
            checksum += (i & 1) == 0 ? flips : -flips;
        }
        if (++i == total) break;
        next_permutation();
    }
    printf("fannkuch %d million permutations: checksum %d max flips %d\n", millions, (int)checksum,
           maxflips);
    return 0;
}
