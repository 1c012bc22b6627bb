/* wasmc corpus driver for Brotli (the library, unchanged): compresses and decompresses 512 KiB of
 * generated text argv[1] times at qualities 1..6, checks every round trip, prints a hash of all
 * compressed bytes. Exit 1 on any mismatch. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <brotli/decode.h>
#include <brotli/encode.h>

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
    int rounds = argc > 1 ? atoi(argv[1]) : 120;
    const size_t size = 1u << 19;
    uint8_t *in = malloc(size), *dec = malloc(size);
    size_t bound = BrotliEncoderMaxCompressedSize(size);
    uint8_t *comp = malloc(bound);
    if (!in || !dec || !comp) return 2;
    make_text(in, size);
    uint64_t h = 0xcbf29ce484222325ull;
    size_t total = 0;
    for (int r = 0; r < rounds; r++) {
        in[(size_t)r * 7919 % size] ^= (uint8_t)r;
        int quality = 1 + r % 6;
        size_t csize = bound;
        if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, size, in, &csize, comp)) {
            printf("round %d: compress error\n", r);
            return 1;
        }
        size_t dsize = size;
        if (BrotliDecoderDecompress(csize, comp, &dsize, dec) != BROTLI_DECODER_RESULT_SUCCESS || dsize != size ||
            memcmp(dec, in, size) != 0) {
            printf("round %d: round trip mismatch\n", r);
            return 1;
        }
        h = fnv(h, comp, csize);
        total += csize;
    }
    uint32_t v = BrotliEncoderVersion();
    printf("brotli %u.%u.%u: %d rounds, %zu compressed bytes, hash %016llx\n", v >> 24, (v >> 12) & 0xfff, v & 0xfff, rounds, total,
           (unsigned long long)h);
    return 0;
}
