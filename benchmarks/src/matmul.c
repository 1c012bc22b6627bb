/* Dense double-precision matrix multiply (PolyBench gemm style, i-k-j order so
 * the inner loop is unit-stride and auto-vectorises). argv[1] = repetitions. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define N 256

static double a[N][N], b[N][N], c[N][N];

static void multiply(void) {
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) c[i][j] = 0.0;
        for (int k = 0; k < N; k++) {
            double aik = a[i][k];
            for (int j = 0; j < N; j++) c[i][j] += aik * b[k][j];
        }
    }
}

int main(int argc, char **argv) {
    int reps = argc > 1 ? atoi(argv[1]) : 720;
    if (reps < 1) reps = 1;
    /* Small dyadic values keep every product and sum exact, so the checksum
     * does not depend on evaluation order. */
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)((i * 7 + j * 3) % 17) / 16.0;
            b[i][j] = (double)((i * 5 + j * 11) % 13) / 8.0;
        }
    double checksum = 0.0;
    for (int r = 0; r < reps; r++) {
        a[r % N][(r * 3) % N] += 0.5; /* vary the input so no repetition is redundant */
        multiply();
        double trace = 0.0;
        for (int i = 0; i < N; i++) trace += c[i][(i + r) % N];
        checksum += trace;
    }
    printf("matmul %d reps: checksum %.6f c[17][42]=%.6f\n", reps, checksum, c[17][42]);
    return 0;
}
