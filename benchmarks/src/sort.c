/* Quicksort and top-down mergesort of pseudo-random 32-bit keys.
 * argv[1] = number of rounds (each sorts the array twice). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000000

static uint32_t rng_state = 2463534242u;
static uint32_t xorshift32(void) {
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return rng_state = x;
}

static void insertion_sort(uint32_t *a, int n) {
    for (int i = 1; i < n; i++) {
        uint32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void quicksort(uint32_t *a, int n) {
    while (n > 16) {
        uint32_t x = a[0], y = a[n / 2], z = a[n - 1];
        uint32_t pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        int i = 0, j = n - 1;
        for (;;) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i >= j) break;
            uint32_t t = a[i];
            a[i] = a[j];
            a[j] = t;
            i++;
            j--;
        }
        /* Recurse into the smaller side to bound the stack depth. */
        int left = j + 1;
        if (left < n - left) {
            quicksort(a, left);
            a += left;
            n -= left;
        } else {
            quicksort(a + left, n - left);
            n = left;
        }
    }
    insertion_sort(a, n);
}

static void merge_sort(uint32_t *a, uint32_t *tmp, int n) {
    if (n <= 16) {
        insertion_sort(a, n);
        return;
    }
    int mid = n / 2;
    merge_sort(a, tmp, mid);
    merge_sort(a + mid, tmp, n - mid);
    int i = 0, j = mid, k = 0;
    while (i < mid && j < n) tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    for (k = 0; k < n; k++) a[k] = tmp[k];
}

static uint32_t digest(const uint32_t *a, int n) {
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++) {
        if (i > 0 && a[i - 1] > a[i]) {
            printf("sort: NOT SORTED at index %d\n", i);
            exit(1);
        }
        h = (h ^ a[i]) * 16777619u;
    }
    return h;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 18;
    if (rounds < 1) rounds = 1;
    uint32_t *a = malloc(N * sizeof *a), *tmp = malloc(N * sizeof *tmp);
    if (!a || !tmp) return 1;
    uint32_t checksum = 0;
    for (int r = 0; r < rounds; r++) {
        /* Limit the key range on odd rounds to exercise many duplicates. */
        uint32_t mask = (r & 1) ? 0xffffu : 0xffffffffu;
        for (int i = 0; i < N; i++) a[i] = xorshift32() & mask;
        quicksort(a, N);
        checksum = checksum * 31u + digest(a, N);
        for (int i = 0; i < N; i++) a[i] = xorshift32() & mask;
        merge_sort(a, tmp, N);
        checksum = checksum * 31u + digest(a, N);
    }
    printf("sort %d rounds: median %u checksum %u\n", rounds, a[N / 2], checksum);
    free(a);
    free(tmp);
    return 0;
}
