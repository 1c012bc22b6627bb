/* String and conversion routines of the C library. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char text[] = "  The quick brown fox, jumps over; the lazy dog  ";
    int words = 0;
    for (char *token = strtok(text, " ,;"); token; token = strtok(NULL, " ,;")) {
        words++;
        printf("[%s]", token);
    }
    printf(" %d words\n", words);

    char upper[] = "Mixed Case 123!";
    for (char *p = upper; *p; p++) *p = (char)toupper((unsigned char)*p);
    printf("%s alpha=%d digit=%d space=%d punct=%d\n", upper, isalpha('q') != 0, isdigit('7') != 0, isspace('\t') != 0,
           ispunct('!') != 0);

    char overlap[] = "0123456789";
    memmove(overlap + 2, overlap, 6);
    printf("memmove forward: %s\n", overlap);
    memmove(overlap, overlap + 3, 5);
    printf("memmove backward: %s\n", overlap);

    const char *numbers[] = {"42", "-17", "0x1F", "0777", "  +99xyz", "9223372036854775807", "99999999999999999999"};
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        char *end;
        long long value = strtoll(numbers[i], &end, 0);
        printf("strtoll(\"%s\") = %lld, rest \"%s\"\n", numbers[i], value, end);
    }
    printf("strtoul(\"ff\", 16) = %lu, atoi(\"-8\") = %d\n", strtoul("ff", NULL, 16), atoi("-8"));

    int day, year;
    char month[16];
    if (sscanf("Date: 23 November 2026", "Date: %d %15s %d", &day, month, &year) == 3)
        printf("sscanf: day %d month %s year %d\n", day, month, year);

    printf("strcmp %d %d %d, strncmp %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strcmp("same", "same") == 0,
           strncmp("prefix-one", "prefix-two", 7) == 0);
    printf("strstr: %s, strchr: %s, strrchr: %s\n", strstr("haystack with needle inside", "needle"),
           strchr("a/b/c", '/'), strrchr("a/b/c", '/'));
    printf("strspn %zu strcspn %zu\n", strspn("aaabbbccc", "ab"), strcspn("hello world", " "));
    char joined[64] = "";
    strcat(joined, "con");
    strncat(joined, "catenate-ignored", 8);
    printf("strcat/strncat: %s (%zu)\n", joined, strlen(joined));
    char *copy = strdup("duplicate");
    printf("strdup: %s\n", copy);
    free(copy);
    const char utf8[] = "grüße, 世界";
    printf("utf-8 bytes: %zu, text: %s\n", strlen(utf8), utf8);
    return 0;
}
