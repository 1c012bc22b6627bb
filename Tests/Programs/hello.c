/* stdio basics: buffered stdout, unbuffered stderr, formatted output, putchar/puts. */
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("Hello, world!\n");
    puts("puts adds a newline");
    for (int i = 0; i < 5; i++) putchar('a' + i);
    putchar('\n');
    fprintf(stderr, "this line goes to stderr\n");
    printf("%5d|%-5d|%05d|%x|%X|%o|%c|%s|%.3s|%%\n", 42, 42, 42, 255, 255, 8, 'z', "text", "truncate");
    printf("%ld %lld %zu %u\n", -1234567L, 9223372036854775807LL, sizeof(long long), 4000000000u);
    char buffer[32];
    int n = snprintf(buffer, sizeof buffer, "%s-%d", "snprintf", 2024);
    printf("%s (%d chars, strlen %zu)\n", buffer, n, strlen(buffer));
    fputs("no trailing newline", stdout);
    return 0;
}
