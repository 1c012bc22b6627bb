/* Separable 5-tap binomial blur (1 4 6 4 1)/16 of an 8-bit grayscale image
 * with 16-bit intermediates, written to auto-vectorise; compile with
 * -msimd128 for wasm. argv[1] = number of blur passes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define W 1024
#define H 768

static uint8_t img[H][W], out[H][W];
static uint16_t tmp[H][W];

static void blur(void) {
    for (int yy = 0; yy < H; yy++) { /* horizontal, edges clamped by copying */
        tmp[yy][0] = (uint16_t)(img[yy][0] * 16);
        tmp[yy][1] = (uint16_t)(img[yy][1] * 16);
        for (int xx = 2; xx < W - 2; xx++)
            tmp[yy][xx] = (uint16_t)(img[yy][xx - 2] + 4 * img[yy][xx - 1] + 6 * img[yy][xx] +
                                     4 * img[yy][xx + 1] + img[yy][xx + 2]);
        tmp[yy][W - 2] = (uint16_t)(img[yy][W - 2] * 16);
        tmp[yy][W - 1] = (uint16_t)(img[yy][W - 1] * 16);
    }
    for (int yy = 0; yy < H; yy++) { /* vertical, rows clamped at the border */
        const uint16_t *r0 = tmp[yy < 2 ? 0 : yy - 2], *r1 = tmp[yy < 1 ? 0 : yy - 1], *r2 = tmp[yy];
        const uint16_t *r3 = tmp[yy + 1 < H ? yy + 1 : H - 1], *r4 = tmp[yy + 2 < H ? yy + 2 : H - 1];
        for (int xx = 0; xx < W; xx++) {
            uint32_t s = (uint32_t)r0[xx] + 4u * r1[xx] + 6u * r2[xx] + 4u * r3[xx] + r4[xx];
            out[yy][xx] = (uint8_t)((s + 128u) >> 8);
        }
    }
}

int main(int argc, char **argv) {
    int passes = argc > 1 ? atoi(argv[1]) : 3000;
    if (passes < 1) passes = 1;
    uint32_t seed = 42u;
    for (int yy = 0; yy < H; yy++)
        for (int xx = 0; xx < W; xx++) {
            seed = seed * 1664525u + 1013904223u;
            img[yy][xx] = (uint8_t)(((xx ^ yy) & 0xff) / 2 + (seed >> 26));
        }
    uint32_t checksum = 0;
    for (int p = 0; p < passes; p++) {
        blur();
        /* Feed the result back, sharpened a little so it never converges. */
        for (int yy = 0; yy < H; yy++)
            for (int xx = 0; xx < W; xx++) {
                int v = 2 * img[yy][xx] - out[yy][xx];
                img[yy][xx] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
            }
        checksum = checksum * 31u + out[(p * 7) % H][(p * 13) % W];
    }
    uint32_t sum = 0;
    for (int yy = 0; yy < H; yy++)
        for (int xx = 0; xx < W; xx++) sum = sum * 3u + out[yy][xx];
    printf("blur %d passes: checksum %u image hash %u\n", passes, checksum, sum);
    return 0;
}
