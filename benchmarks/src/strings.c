/* String processing over generated text: tokenise into words, count word
 * frequencies in a chained hash table of strings, and count occurrences of a
 * few patterns with a naive search and with strstr.
 * argv[1] = number of rounds over fresh 1 MiB texts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_SIZE (1u << 20)
#define BUCKETS 4096u
#define MAX_WORDS 65536u

static char text[TEXT_SIZE + 64];

struct entry { char word[24]; uint32_t count; int32_t next; };
static struct entry entries[MAX_WORDS];
static int32_t buckets[BUCKETS];
static uint32_t n_entries;

static uint32_t rng = 12345u;
static uint32_t next(void) {
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

static const char *const syllables[] = {"ka", "to", "ri", "men", "sa", "lo", "ve", "qui", "an",
                                         "dor", "el", "mi", "su", "ta", "ne", "ru"};

static void generate(void) {
    uint32_t pos = 0;
    while (pos < TEXT_SIZE) {
        uint32_t n = 1u + next() % 3u; /* 1..3 syllables: a small, skewed vocabulary */
        for (uint32_t s = 0; s < n; s++) {
            const char *syl = syllables[(next() % 16u) * (next() % 16u) / 16u];
            while (*syl) text[pos++] = *syl++;
        }
        uint32_t r = next() % 16u;
        text[pos++] = r == 0 ? '.' : r == 1 ? ',' : r == 2 ? '\n' : ' ';
    }
    text[TEXT_SIZE] = '\0';
}

static uint32_t hash_word(const char *w, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)w[i]) * 16777619u;
    return h;
}

static void count_word(const char *w, size_t len) {
    if (len == 0 || len >= sizeof entries[0].word) return;
    uint32_t b = hash_word(w, len) & (BUCKETS - 1);
    for (int32_t e = buckets[b]; e >= 0; e = entries[e].next)
        if (strlen(entries[e].word) == len && memcmp(entries[e].word, w, len) == 0) {
            entries[e].count++;
            return;
        }
    if (n_entries == MAX_WORDS) return;
    struct entry *e = &entries[n_entries];
    memcpy(e->word, w, len);
    e->word[len] = '\0';
    e->count = 1;
    e->next = buckets[b];
    buckets[b] = (int32_t)n_entries++;
}

static uint32_t naive_count(const char *hay, const char *needle) {
    size_t m = strlen(needle);
    uint32_t found = 0;
    for (const char *p = hay; *p; p++) {
        size_t i = 0;
        while (i < m && p[i] == needle[i]) i++;
        found += i == m;
    }
    return found;
}

static uint32_t strstr_count(const char *hay, const char *needle) {
    uint32_t found = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) found++;
    return found;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 130;
    if (rounds < 1) rounds = 1;
    static const char *const patterns[] = {"quidor", "men ka", "elmisu", "ru.\n"};
    uint32_t checksum = 0;
    for (int r = 0; r < rounds; r++) {
        generate();
        n_entries = 0;
        for (uint32_t b = 0; b < BUCKETS; b++) buckets[b] = -1;
        const char *p = text;
        while (*p) {
            size_t len = strcspn(p, " .,\n");
            count_word(p, len);
            p += len;
            p += strspn(p, " .,\n");
        }
        uint32_t best = 0;
        for (uint32_t e = 1; e < n_entries; e++)
            if (entries[e].count > entries[best].count ||
                (entries[e].count == entries[best].count && strcmp(entries[e].word, entries[best].word) < 0))
                best = e;
        checksum = checksum * 31u + n_entries;
        checksum = checksum * 31u + entries[best].count + hash_word(entries[best].word, strlen(entries[best].word));
        for (int k = 0; k < 4; k++) {
            uint32_t a = naive_count(text, patterns[k]), b = strstr_count(text, patterns[k]);
            checksum = checksum * 31u + a * 2u + (a == b);
        }
    }
    printf("strings %d rounds: distinct words %u checksum %u\n", rounds, n_entries, checksum);
    return 0;
}
