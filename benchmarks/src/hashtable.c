/* Open-addressing hash table (linear probing, tombstones) with 32-bit keys:
 * batches of inserts, lookups and deletes driven by a PRNG.
 * argv[1] = number of rounds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CAPACITY (1u << 20) /* power of two */
#define EMPTY 0u
#define TOMBSTONE 1u        /* keys 0 and 1 are reserved markers */

struct slot { uint32_t key, value; };

static struct slot table[CAPACITY];
static uint32_t live;

static uint32_t hash(uint32_t k) {
    k ^= k >> 16;
    k *= 0x7feb352du;
    k ^= k >> 15;
    k *= 0x846ca68bu;
    k ^= k >> 16;
    return k;
}

static void insert(uint32_t key, uint32_t value) {
    uint32_t i = hash(key) & (CAPACITY - 1), grave = CAPACITY;
    for (;;) {
        uint32_t k = table[i].key;
        if (k == key) {
            table[i].value = value;
            return;
        }
        if (k == TOMBSTONE && grave == CAPACITY) grave = i;
        if (k == EMPTY) break;
        i = (i + 1) & (CAPACITY - 1);
    }
    if (grave != CAPACITY) i = grave;
    table[i].key = key;
    table[i].value = value;
    live++;
}

static struct slot *find(uint32_t key) {
    uint32_t i = hash(key) & (CAPACITY - 1);
    for (;;) {
        uint32_t k = table[i].key;
        if (k == key) return &table[i];
        if (k == EMPTY) return NULL;
        i = (i + 1) & (CAPACITY - 1);
    }
}

static int erase(uint32_t key) {
    struct slot *s = find(key);
    if (!s) return 0;
    s->key = TOMBSTONE;
    live--;
    return 1;
}

static uint32_t rng = 88172645u;
static uint32_t next_key(void) {
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return (rng & 0x3fffffu) | 2u; /* 22-bit key space makes hits and misses both common */
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 72;
    if (rounds < 1) rounds = 1;
    uint32_t checksum = 0, hits = 0, erased = 0;
    for (int r = 0; r < rounds; r++) {
        /* Rebuild periodically so tombstones do not fill the table. */
        if (r % 4 == 0) {
            for (uint32_t i = 0; i < CAPACITY; i++) table[i].key = EMPTY;
            live = 0;
        }
        uint32_t saved = rng;
        for (int i = 0; i < 150000; i++) insert(next_key(), (uint32_t)i * 2654435761u);
        rng = saved; /* replay the same keys: all lookups hit */
        for (int i = 0; i < 150000; i++) {
            struct slot *s = find(next_key());
            if (s) {
                hits++;
                checksum += s->value;
            }
        }
        for (int i = 0; i < 400000; i++) { /* fresh keys: mostly misses */
            struct slot *s = find(next_key());
            if (s) {
                hits++;
                checksum ^= s->value;
            }
        }
        for (int i = 0; i < 100000; i++) erased += (uint32_t)erase(next_key());
    }
    printf("hashtable %d rounds: live %u hits %u erased %u checksum %u\n", rounds, live, hits,
           erased, checksum);
    return 0;
}
