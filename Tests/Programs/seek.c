/* Positioned I/O on a file in the granted directory: fseek/ftell, lseek, pread/pwrite, ftruncate, O_APPEND. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    int fd = open("data.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror("open");
        return 1;
    }
    const char alphabet[] = "abcdefghijklmnopqrstuvwxyz";
    printf("write: %zd\n", write(fd, alphabet, 26));
    printf("lseek end: %lld\n", (long long)lseek(fd, 0, SEEK_END));
    printf("lseek set 10: %lld\n", (long long)lseek(fd, 10, SEEK_SET));
    char buffer[16] = {0};
    printf("read 5: %zd [%s]\n", read(fd, buffer, 5), buffer);
    printf("lseek cur -3: %lld\n", (long long)lseek(fd, -3, SEEK_CUR));
    memset(buffer, 0, sizeof buffer);
    printf("pread 4 at 20: %zd [", pread(fd, buffer, 4, 20));
    printf("%s]\n", buffer);
    printf("position unchanged by pread: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    printf("pwrite 3 at 0: %zd\n", pwrite(fd, "ABC", 3, 0));
    printf("lseek beyond end 40: %lld\n", (long long)lseek(fd, 40, SEEK_SET));
    printf("write after a hole: %zd\n", write(fd, "!", 1));
    struct stat st;
    fstat(fd, &st);
    printf("size with hole: %lld\n", (long long)st.st_size);
    printf("ftruncate 13: %d\n", ftruncate(fd, 13));
    fstat(fd, &st);
    printf("size after truncate: %lld\n", (long long)st.st_size);
    printf("negative lseek fails: %s\n", lseek(fd, -100, SEEK_SET) < 0 ? "yes" : "no");
    close(fd);

    fd = open("data.bin", O_WRONLY | O_APPEND);
    lseek(fd, 0, SEEK_SET);
    printf("append write: %zd\n", write(fd, "+tail", 5));
    close(fd);

    FILE *file = fopen("data.bin", "r");
    char contents[64] = {0};
    size_t n = fread(contents, 1, sizeof contents - 1, file);
    printf("contents (%zu bytes): %s\n", n, contents);
    fseek(file, -4, SEEK_END);
    printf("ftell after fseek -4 from end: %ld\n", ftell(file));
    printf("getc: %c\n", getc(file));
    rewind(file);
    long position = ftell(file);
    int first = getc(file);
    printf("after rewind: %ld, first char %c\n", position, first);
    fclose(file);
    unlink("data.bin");
    return 0;
}
