/* memcpy / memmove / memset / memcmp heavy loop: block copies of varying size
 * and alignment inside a 4 MiB arena. argv[1] = rounds of 20000 operations. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA (4u << 20)

static uint8_t arena[ARENA], scratch[1u << 16];

static uint32_t rng = 0x9e3779b9u;
static uint32_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 600;
    if (rounds < 1) rounds = 1;
    for (uint32_t i = 0; i < ARENA; i++) arena[i] = (uint8_t)(i * 131u + (i >> 9));
    uint32_t checksum = 0;
    for (int r = 0; r < rounds; r++) {
        for (int op = 0; op < 20000; op++) {
            uint32_t x = next();
            uint32_t len = (x & 0x3fffu) + 1u; /* 1 .. 16 KiB */
            uint32_t src = next() % (ARENA - len), dst = next() % (ARENA - len);
            switch (x >> 30) {
            case 0: /* copy through a bounce buffer */
                memcpy(scratch, arena + src, len);
                memcpy(arena + dst, scratch, len);
                break;
            case 1: /* possibly overlapping move */
                memmove(arena + dst, arena + src, len);
                break;
            case 2: /* fill, then mark the ends */
                memset(arena + dst, (int)(x >> 22) & 0xff, len);
                arena[dst] ^= (uint8_t)op;
                break;
            default: { /* compare two regions */
                int c = memcmp(arena + src, arena + dst, len);
                checksum = checksum * 3u + (uint32_t)(c < 0 ? 1 : c > 0 ? 2 : 0);
                break;
            }
            }
        }
        /* Fold a strided sample so every round's state matters. */
        for (uint32_t i = (uint32_t)r; i < ARENA; i += 4093u) checksum = checksum * 31u + arena[i];
    }
    uint32_t full = 2166136261u;
    for (uint32_t i = 0; i < ARENA; i++) full = (full ^ arena[i]) * 16777619u;
    printf("memops %d rounds: checksum %u arena hash %u\n", rounds, checksum, full);
    return 0;
}
