/* Auto-vectorisable array kernels: 32-bit integer dot product (wrapping),
 * single-precision saxpy and an element-wise clamp. Plain loops, no
 * intrinsics; compile with -msimd128 for wasm. argv[1] = rounds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 4096

static int32_t ia[N], ib[N];
static float x[N], y[N];

static uint32_t dot(const int32_t *a, const int32_t *b) {
    uint32_t s = 0; /* unsigned so wrapping is defined */
    for (int i = 0; i < N; i++) s += (uint32_t)a[i] * (uint32_t)b[i];
    return s;
}

static void saxpy(float alpha, const float *restrict src, float *restrict dst) {
    for (int i = 0; i < N; i++) dst[i] = alpha * src[i] + dst[i];
}

static void clamp_add(int32_t *restrict a, const int32_t *restrict b) {
    for (int i = 0; i < N; i++) {
        int32_t v = a[i] + (b[i] >> 3);
        a[i] = v > 100000 ? v - 200000 : v < -100000 ? v + 200000 : v;
    }
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 1000000;
    if (rounds < 1) rounds = 1;
    for (int i = 0; i < N; i++) {
        ia[i] = (int32_t)((uint32_t)i * 2654435761u >> 16) - 32768;
        ib[i] = (int32_t)((uint32_t)i * 40503u % 2001u) - 1000;
        x[i] = (float)(i % 101) * 0.25f;
        y[i] = (float)(i % 37);
    }
    uint32_t checksum = 0;
    for (int r = 0; r < rounds; r++) {
        checksum = checksum * 31u + dot(ia, ib);
        clamp_add(ia, ib);
        /* alpha alternates sign so y stays bounded; values stay exactly
         * representable, so the result is independent of vector width. */
        saxpy((r & 1) ? -0.5f : 0.5f, x, y);
    }
    double ysum = 0.0;
    for (int i = 0; i < N; i++) ysum += y[i];
    printf("simd_dot %d rounds: checksum %u ysum %.3f\n", rounds, checksum, ysum);
    return 0;
}
