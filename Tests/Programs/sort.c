/* Allocation-heavy code: qsort of 200k integers, a linked list of 50k nodes, realloc growth, strings. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t state = 12345;
static uint32_t next_random(void) {
    state = state * 1103515245u + 12345u;
    return state >> 1;
}

static int compare_ints(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int compare_strings(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

struct node {
    struct node *next;
    int value;
    char payload[20];
};

int main(void) {
    enum { COUNT = 200000 };
    int *numbers = malloc(COUNT * sizeof *numbers);
    if (!numbers) return 1;
    for (int i = 0; i < COUNT; i++) numbers[i] = (int)(next_random() % 1000000) - 500000;
    qsort(numbers, COUNT, sizeof *numbers, compare_ints);
    int sorted = 1;
    long long sum = 0;
    for (int i = 0; i < COUNT; i++) {
        if (i && numbers[i - 1] > numbers[i]) sorted = 0;
        sum += numbers[i];
    }
    printf("sorted=%d min=%d median=%d max=%d sum=%lld\n", sorted, numbers[0], numbers[COUNT / 2], numbers[COUNT - 1], sum);
    free(numbers);

    struct node *head = NULL;
    for (int i = 0; i < 50000; i++) {
        struct node *n = malloc(sizeof *n);
        if (!n) return 1;
        n->value = i;
        snprintf(n->payload, sizeof n->payload, "node-%d", i);
        n->next = head;
        head = n;
    }
    long long list_sum = 0;
    int freed = 0;
    while (head) {
        struct node *next = head->next;
        list_sum += head->value + (long long)strlen(head->payload);
        free(head);
        freed++;
        head = next;
    }
    printf("list: freed %d nodes, checksum %lld\n", freed, list_sum);

    size_t capacity = 1, length = 0;
    char *text = malloc(capacity);
    for (int i = 0; i < 20000; i++) {
        char word[16];
        int n = snprintf(word, sizeof word, "%d,", i);
        while (length + (size_t)n + 1 > capacity) {
            capacity *= 2;
            char *grown = realloc(text, capacity);
            if (!grown) return 1;
            text = grown;
        }
        memcpy(text + length, word, (size_t)n + 1);
        length += (size_t)n;
    }
    printf("realloc: length %zu, capacity %zu, tail %s\n", length, capacity, text + length - 12);
    free(text);

    char *words[1000];
    for (int i = 0; i < 1000; i++) {
        char buffer[16];
        uint32_t r = next_random();
        for (int j = 0; j < 8; j++) buffer[j] = (char)('a' + (r >> (j * 3)) % 26);
        buffer[8] = '\0';
        words[i] = strdup(buffer);
    }
    qsort(words, 1000, sizeof words[0], compare_strings);
    printf("words: first %s, last %s\n", words[0], words[999]);
    for (int i = 0; i < 1000; i++) free(words[i]);
    return 0;
}
