/* Word frequencies of stdin: an open-addressing hash table that grows, qsort by count then word,
   and the top 25 - typical string- and pointer-heavy C. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    char *word;
    unsigned count;
};

static struct entry *table;
static size_t capacity = 8, used; /* small, so the table grows several times */

static uint32_t hash(const char *word) {
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *word; word++) h = (h ^ (unsigned char)*word) * 16777619u;
    return h;
}

static void insert(char *word, unsigned count);

static void grow(void) {
    struct entry *old = table;
    size_t old_capacity = capacity;
    capacity *= 2;
    table = calloc(capacity, sizeof *table);
    used = 0;
    for (size_t i = 0; i < old_capacity; i++)
        if (old[i].word) insert(old[i].word, old[i].count);
    free(old);
}

static void insert(char *word, unsigned count) {
    if ((used + 1) * 4 > capacity * 3) grow();
    size_t i = hash(word) & (capacity - 1);
    while (table[i].word && strcmp(table[i].word, word) != 0) i = (i + 1) & (capacity - 1);
    if (table[i].word) {
        table[i].count += count;
        free(word);
    } else {
        table[i].word = word;
        table[i].count = count;
        used++;
    }
}

static int by_count(const void *a, const void *b) {
    const struct entry *x = a, *y = b;
    if (x->count != y->count) return x->count < y->count ? 1 : -1;
    return strcmp(x->word, y->word);
}

int main(void) {
    table = calloc(capacity, sizeof *table);
    char word[64];
    size_t length = 0, total = 0, lines = 0;
    int c;
    while ((c = getchar()) != EOF) {
        if (c == '\n') lines++;
        if (isalpha(c) || (c == '\'' && length > 0)) {
            if (length < sizeof word - 1) word[length++] = (char)tolower(c);
        } else if (length > 0) {
            word[length] = '\0';
            insert(strdup(word), 1);
            total++;
            length = 0;
        }
    }
    if (length > 0) {
        word[length] = '\0';
        insert(strdup(word), 1);
        total++;
    }
    struct entry *sorted = malloc(used * sizeof *sorted);
    size_t n = 0;
    for (size_t i = 0; i < capacity; i++)
        if (table[i].word) sorted[n++] = table[i];
    qsort(sorted, n, sizeof *sorted, by_count);
    printf("%zu lines, %zu words, %zu distinct, table capacity %zu\n", lines, total, n, capacity);
    for (size_t i = 0; i < n && i < 25; i++) printf("%4u %s\n", sorted[i].count, sorted[i].word);
    for (size_t i = 0; i < n; i++) free(sorted[i].word);
    free(sorted);
    free(table);
    return 0;
}
