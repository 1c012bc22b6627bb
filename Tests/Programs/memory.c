/* Large allocations that force linear memory to grow; every page is touched and checked. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    enum { BLOCKS = 16, BLOCK_SIZE = 4 * 1024 * 1024 };
    unsigned char *blocks[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        blocks[i] = malloc(BLOCK_SIZE);
        if (!blocks[i]) {
            printf("allocation %d failed\n", i);
            return 1;
        }
        memset(blocks[i], i + 1, BLOCK_SIZE);
    }
    uint64_t sum = 0;
    for (int i = 0; i < BLOCKS; i++)
        for (size_t j = 0; j < BLOCK_SIZE; j += 4096) sum += blocks[i][j] + blocks[i][BLOCK_SIZE - 1 - j];
    printf("allocated %d MiB, page checksum %llu\n", BLOCKS * BLOCK_SIZE / (1024 * 1024), (unsigned long long)sum);
    for (int i = 0; i < BLOCKS; i += 2) free(blocks[i]);
    unsigned char *big = calloc(1, 24 * 1024 * 1024);
    int zeroed = big != NULL;
    for (size_t j = 0; big && j < 24u * 1024 * 1024; j += 4096) zeroed &= big[j] == 0;
    printf("calloc 24 MiB zeroed: %s\n", zeroed ? "yes" : "no");
    free(big);
    for (int i = 1; i < BLOCKS; i += 2) free(blocks[i]);
    return 0;
}
