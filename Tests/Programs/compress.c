/* LZ77 compression round trip through files in the granted directory: generate 256 KiB of
   semi-repetitive data, compress it to a file, read it back, decompress and compare, with CRC-32s. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WINDOW = 4096, MIN_MATCH = 4, MAX_MATCH = 18, SIZE = 256 * 1024 };

static uint32_t crc32(const uint8_t *data, size_t length) {
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < length; i++) {
        crc ^= data[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

/* Output: a flag byte for each group of 8 items; an item is a literal byte or a 2-byte (offset, length) pair. */
static size_t compress(const uint8_t *in, size_t length, uint8_t *out) {
    size_t o = 0, i = 0;
    int32_t *head = malloc(65536 * sizeof *head), *previous = malloc(length * sizeof *previous);
    for (int k = 0; k < 65536; k++) head[k] = -1;
    while (i < length) {
        size_t flag_at = o++;
        uint8_t flags = 0;
        for (int item = 0; item < 8 && i < length; item++) {
            size_t best_length = 0, best_offset = 0;
            if (i + MIN_MATCH <= length) {
                uint32_t key = (uint32_t)(in[i] | in[i + 1] << 8) ^ (uint32_t)(in[i + 2] << 4);
                key &= 0xffff;
                int tries = 0;
                for (int32_t candidate = head[key]; candidate >= 0 && i - (size_t)candidate <= WINDOW && tries < 64;
                     candidate = previous[candidate], tries++) {
                    size_t n = 0;
                    while (n < MAX_MATCH && i + n < length && in[candidate + n] == in[i + n]) n++;
                    if (n > best_length) {
                        best_length = n;
                        best_offset = i - (size_t)candidate;
                    }
                }
                previous[i] = head[key];
                head[key] = (int32_t)i;
            }
            if (best_length >= MIN_MATCH) {
                flags |= (uint8_t)(1 << item);
                uint16_t pair = (uint16_t)((best_offset - 1) << 4 | (best_length - MIN_MATCH + 1 - 1));
                out[o++] = (uint8_t)(pair >> 8);
                out[o++] = (uint8_t)pair;
                for (size_t k = 1; k < best_length; k++) {
                    size_t at = i + k;
                    if (at + MIN_MATCH <= length) {
                        uint32_t key = ((uint32_t)(in[at] | in[at + 1] << 8) ^ (uint32_t)(in[at + 2] << 4)) & 0xffff;
                        previous[at] = head[key];
                        head[key] = (int32_t)at;
                    }
                }
                i += best_length;
            } else {
                out[o++] = in[i++];
            }
        }
        out[flag_at] = flags;
    }
    free(head);
    free(previous);
    return o;
}

static size_t decompress(const uint8_t *in, size_t length, uint8_t *out, size_t capacity) {
    size_t i = 0, o = 0;
    while (i < length) {
        uint8_t flags = in[i++];
        for (int item = 0; item < 8 && i < length; item++) {
            if (flags & (1 << item)) {
                if (i + 1 >= length) return 0;
                uint16_t pair = (uint16_t)(in[i] << 8 | in[i + 1]);
                i += 2;
                size_t offset = (pair >> 4) + 1, n = (pair & 15) + MIN_MATCH;
                if (offset > o || o + n > capacity) return 0;
                for (size_t k = 0; k < n; k++, o++) out[o] = out[o - offset];
            } else {
                if (o >= capacity) return 0;
                out[o++] = in[i++];
            }
        }
    }
    return o;
}

int main(void) {
    uint8_t *data = malloc(SIZE), *packed = malloc(SIZE * 2), *unpacked = malloc(SIZE);
    uint32_t state = 1;
    static const char *phrases[] = {"wasm ", "module ", "0123456789", "compile ", "native code ", "\n"};
    for (size_t i = 0; i < SIZE;) {
        state = state * 1664525u + 1013904223u;
        if (state >> 30 == 0) {
            data[i++] = (uint8_t)(state >> 8); /* noise */
        } else {
            const char *phrase = phrases[(state >> 8) % 6];
            for (size_t k = 0; phrase[k] && i < SIZE; k++) data[i++] = (uint8_t)phrase[k];
        }
    }
    size_t packed_size = compress(data, SIZE, packed);
    FILE *file = fopen("data.lz", "wb");
    if (!file || fwrite(packed, 1, packed_size, file) != packed_size || fclose(file) != 0) {
        perror("write data.lz");
        return 1;
    }
    memset(packed, 0, packed_size);
    file = fopen("data.lz", "rb");
    size_t read_back = file ? fread(packed, 1, SIZE * 2, file) : 0;
    if (file) fclose(file);
    size_t unpacked_size = decompress(packed, read_back, unpacked, SIZE);
    printf("original %d bytes, crc %08x\n", SIZE, crc32(data, SIZE));
    printf("compressed %zu bytes (%.1f%%), read back %zu, crc %08x\n", packed_size, 100.0 * packed_size / SIZE, read_back,
           crc32(packed, read_back));
    printf("decompressed %zu bytes, crc %08x, identical: %s\n", unpacked_size, crc32(unpacked, unpacked_size),
           unpacked_size == SIZE && memcmp(data, unpacked, SIZE) == 0 ? "yes" : "no");
    remove("data.lz");
    free(data);
    free(packed);
    free(unpacked);
    return 0;
}
