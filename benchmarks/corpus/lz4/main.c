/* wasmc corpus driver for LZ4 (the library, unchanged): compresses and decompresses 1 MiB of
 * generated text argv[1] times alternating LZ4 fast and LZ4 HC, checks every round trip, prints a hash of all
 * compressed bytes. Exit 1 on any mismatch. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lz4.h"
#include "lz4hc.h"

static uint32_t seed = 12345;
static uint32_t next(void) { seed = seed * 1103515245u + 12345u; return seed >> 8; }

static void make_text(uint8_t *buf, size_t n) {
    static const char *words[] = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "wasm",
                                  "compiler", "module", "function", "memory", "table", "stack", "branch",
                                  "0123456789", "lorem", "ipsum", "dolor", "sit", "amet", "\n", ", "};
    size_t i = 0;
    while (i < n) {
        const char *w = words[next() % (sizeof words / sizeof *words)];
        for (; *w && i < n; w++) buf[i++] = (uint8_t)*w;
        if (i < n) buf[i++] = (next() % 7 == 0) ? (uint8_t)(next() & 0xff) : ' ';
    }
}

static uint64_t fnv(uint64_t h, const uint8_t *p, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 40;
    const size_t size = 1u << 20;
    uint8_t *in = malloc(size), *dec = malloc(size);
    size_t bound = (size_t)LZ4_compressBound((int)size);
    uint8_t *comp = malloc(bound);
    if (!in || !dec || !comp) return 2;
    make_text(in, size);
    uint64_t h = 0xcbf29ce484222325ull;
    size_t total = 0;
    for (int r = 0; r < rounds; r++) {
        in[(size_t)r * 7919 % size] ^= (uint8_t)r;
        /* Blocks under 64 KiB: LZ4 then picks the same match table on 32- and 64-bit targets, so
           the compressed bytes can be compared with native. */
        const size_t block = 60000;
        for (size_t at = 0; at < size; at += block) {
            int n = (int)(size - at < block ? size - at : block);
            int csize = (r % 2) ? LZ4_compress_HC((const char *)in + at, (char *)comp, n, (int)bound, 4 + r % 6)
                                : LZ4_compress_fast((const char *)in + at, (char *)comp, n, (int)bound, 1 + r % 3);
            if (csize <= 0) { printf("round %d: compress error\n", r); return 1; }
            int dsize = LZ4_decompress_safe((const char *)comp, (char *)dec + at, csize, n);
            if (dsize != n) { printf("round %d: decompress error\n", r); return 1; }
            h = fnv(h, comp, (size_t)csize);
            total += (size_t)csize;
        }
        if (memcmp(dec, in, size) != 0) {
            printf("round %d: round trip mismatch\n", r);
            return 1;
        }
    }
    printf("lz4 %s: %d rounds, %zu compressed bytes, hash %016llx\n", LZ4_versionString(), rounds, total,
           (unsigned long long)h);
    return 0;
}
