/* Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1)
 * (Benchmarks Game formulation), power method on an N-element truncation.
 * argv[1] = power-method iterations. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N 3000

static double u[N], v[N], tmp[N];

static double eval_a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void mul_av(const double *x, double *y) {
    for (int i = 0; i < N; i++) {
        double s = 0.0;
        for (int j = 0; j < N; j++) s += eval_a(i, j) * x[j];
        y[i] = s;
    }
}

static void mul_atv(const double *x, double *y) {
    for (int i = 0; i < N; i++) {
        double s = 0.0;
        for (int j = 0; j < N; j++) s += eval_a(j, i) * x[j];
        y[i] = s;
    }
}

static void mul_atav(const double *x, double *y) {
    mul_av(x, tmp);
    mul_atv(tmp, y);
}

int main(int argc, char **argv) {
    int iterations = argc > 1 ? atoi(argv[1]) : 30;
    if (iterations < 1) iterations = 1;
    for (int i = 0; i < N; i++) u[i] = 1.0;
    for (int i = 0; i < iterations; i++) {
        mul_atav(u, v);
        mul_atav(v, u);
    }
    double vbv = 0.0, vv = 0.0;
    for (int i = 0; i < N; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("spectralnorm %d iterations: %.9f\n", iterations, sqrt(vbv / vv));
    return 0;
}
