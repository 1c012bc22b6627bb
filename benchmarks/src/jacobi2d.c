/* Jacobi 2-D five-point stencil (PolyBench jacobi-2d): two sweeps per time
 * step between two grids. argv[1] = time steps. */
#include <stdio.h>
#include <stdlib.h>

#define N 512

static double A[N][N], B[N][N];

int main(int argc, char **argv) {
    int steps = argc > 1 ? atoi(argv[1]) : 9000;
    if (steps < 1) steps = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = ((double)i * (j + 2) + 2) / N;
            B[i][j] = ((double)i * (j + 3) + 3) / N;
        }
    for (int t = 0; t < steps; t++) {
        for (int i = 1; i < N - 1; i++)
            for (int j = 1; j < N - 1; j++)
                B[i][j] = 0.2 * (A[i][j] + A[i][j - 1] + A[i][j + 1] + A[i + 1][j] + A[i - 1][j]);
        for (int i = 1; i < N - 1; i++)
            for (int j = 1; j < N - 1; j++)
                A[i][j] = 0.2 * (B[i][j] + B[i][j - 1] + B[i][j + 1] + B[i + 1][j] + B[i - 1][j]);
    }
    double sum = 0.0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) sum += A[i][j];
    printf("jacobi2d %d steps: sum %.9e center %.12f\n", steps, sum, A[N / 2][N / 2]);
    return 0;
}
