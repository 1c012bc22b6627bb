/* cat: copies stdin to stdout and reports bytes, lines and a checksum on stderr. */
#include <stdio.h>

int main(void) {
    char buffer[1000];
    size_t total = 0, lines = 0;
    unsigned checksum = 0;
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        fwrite(buffer, 1, n, stdout);
        for (size_t i = 0; i < n; i++) {
            if (buffer[i] == '\n') lines++;
            checksum = checksum * 31 + (unsigned char)buffer[i];
        }
        total += n;
    }
    if (ferror(stdin)) {
        perror("read");
        return 1;
    }
    fprintf(stderr, "%zu bytes, %zu lines, checksum %08x\n", total, lines, checksum);
    return 0;
}
