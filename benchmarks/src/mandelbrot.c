/* Mandelbrot escape-time loop in double precision on an 800x800 grid, one
 * frame per step of a slow zoom. argv[1] = number of frames. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define SIDE 800
#define MAX_ITER 100

int main(int argc, char **argv) {
    int frames = argc > 1 ? atoi(argv[1]) : 16;
    if (frames < 1) frames = 1;
    uint32_t inside = 0, hash = 2166136261u;
    for (int f = 0; f < frames; f++) {
        /* Dyadic scale factors keep the pixel coordinates exact. */
        double scale = 2.5 / (1 << (f % 8)), x0 = -0.75 - scale / 2, y0 = 0.1 - scale / 2;
        for (int py = 0; py < SIDE; py++) {
            double ci = y0 + scale * py / SIDE;
            for (int px = 0; px < SIDE; px++) {
                double cr = x0 + scale * px / SIDE, zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
                int i = 0;
                for (; i < MAX_ITER && tr + ti <= 4.0; i++) {
                    zi = 2.0 * zr * zi + ci;
                    zr = tr - ti + cr;
                    tr = zr * zr;
                    ti = zi * zi;
                }
                inside += i == MAX_ITER;
                hash = (hash ^ (uint32_t)i) * 16777619u;
            }
        }
    }
    printf("mandelbrot %d frames: inside %u hash %u\n", frames, inside, hash);
    return 0;
}
