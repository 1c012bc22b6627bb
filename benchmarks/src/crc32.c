/* CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) over a generated 1 MiB
 * buffer: byte-at-a-time table lookup and slicing-by-4.
 * argv[1] = number of passes (each runs both variants). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define SIZE (1u << 20)

static uint32_t table[4][256];
static uint8_t buffer[SIZE];

static void make_tables(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 4; t++) table[t][i] = (table[t - 1][i] >> 8) ^ table[0][table[t - 1][i] & 0xff];
}

static uint32_t crc_bytewise(uint32_t crc, const uint8_t *p, uint32_t n) {
    crc = ~crc;
    while (n--) crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t crc_slice4(uint32_t crc, const uint8_t *p, uint32_t n) {
    crc = ~crc;
    while (n >= 4) {
        crc ^= (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
        crc = table[3][crc & 0xff] ^ table[2][(crc >> 8) & 0xff] ^ table[1][(crc >> 16) & 0xff] ^
              table[0][crc >> 24];
        p += 4;
        n -= 4;
    }
    while (n--) crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

int main(int argc, char **argv) {
    int passes = argc > 1 ? atoi(argv[1]) : 600;
    if (passes < 1) passes = 1;
    make_tables();
    if (crc_bytewise(0, (const uint8_t *)"123456789", 9) != 0xcbf43926u ||
        crc_slice4(0, (const uint8_t *)"123456789", 9) != 0xcbf43926u) {
        puts("crc32 self-test FAILED");
        return 1;
    }
    uint32_t x = 7u;
    for (uint32_t i = 0; i < SIZE; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        buffer[i] = (uint8_t)x;
    }
    uint32_t a = 0, b = 0;
    for (int p = 0; p < passes; p++) {
        uint32_t off = (uint32_t)p % 7u;
        a = crc_bytewise(a, buffer + off, SIZE - off);
        b = crc_slice4(b, buffer + off, SIZE - off);
        buffer[(uint32_t)p * 4099u % SIZE] ^= (uint8_t)a;
    }
    printf("crc32 %d passes: %08x %08x\n", passes, a, b);
    return 0;
}
