/* File I/O inside the granted directory (the guest's working directory "."): create, write, read
   back, append, stat, rename, mkdir, readdir (sorted, so the order is deterministic), unlink, rmdir. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what) {
    printf("%-40s %s\n", what, ok ? "ok" : "FAILED");
    if (!ok) {
        printf("  errno %d (%s)\n", errno, strerror(errno));
        failures++;
    }
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *path) {
    DIR *dir = opendir(path);
    check(dir != NULL, "opendir");
    if (!dir) return;
    char *names[64];
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) && count < 64) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, (size_t)count, sizeof names[0], compare_names);
    printf("%s contains %d entries:", path, count);
    for (int i = 0; i < count; i++) {
        struct stat st;
        char full[256];
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        int is_dir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
        printf(" %s%s", names[i], is_dir ? "/" : "");
        free(names[i]);
    }
    printf("\n");
}

int main(void) {
    FILE *file = fopen("notes.txt", "w");
    check(file != NULL, "create notes.txt");
    if (!file) return 1;
    for (int i = 1; i <= 100; i++) fprintf(file, "line %d squared is %d\n", i, i * i);
    check(fclose(file) == 0, "close after writing");

    struct stat st;
    check(stat("notes.txt", &st) == 0, "stat notes.txt");
    long long original_size = (long long)st.st_size;
    printf("size %lld bytes, regular %d\n", original_size, S_ISREG(st.st_mode) ? 1 : 0);

    file = fopen("notes.txt", "r");
    check(file != NULL, "reopen for reading");
    char line[128];
    int lines = 0;
    long sum = 0;
    while (file && fgets(line, sizeof line, file)) {
        int n, square;
        if (sscanf(line, "line %d squared is %d", &n, &square) == 2 && square == n * n) sum += square;
        lines++;
    }
    if (file) fclose(file);
    printf("read %d lines, sum of squares %ld\n", lines, sum);

    file = fopen("notes.txt", "a");
    check(file && fputs("appended\n", file) >= 0, "append");
    if (file) fclose(file);
    check(stat("notes.txt", &st) == 0 && st.st_size == original_size + 9, "size after append");

    check(mkdir("sub", 0755) == 0, "mkdir sub");
    check(mkdir("sub", 0755) != 0 && errno == EEXIST, "mkdir sub again fails with EEXIST");
    check(mkdir("sub/inner", 0755) == 0, "mkdir sub/inner");
    check(rename("notes.txt", "sub/renamed.txt") == 0, "rename into sub");
    check(access("notes.txt", F_OK) != 0 && errno == ENOENT, "old name is gone");
    file = fopen("sub/inner/../second.txt", "w");
    check(file != NULL, "create through ..");
    if (file) {
        fputs("second file\n", file);
        fclose(file);
    }
    list("sub");
    list(".");

    check(rmdir("sub") != 0 && errno == ENOTEMPTY, "rmdir non-empty fails with ENOTEMPTY");
    check(unlink("sub/renamed.txt") == 0, "unlink renamed.txt");
    check(unlink("sub/second.txt") == 0, "unlink second.txt");
    check(unlink("sub/missing.txt") != 0 && errno == ENOENT, "unlink missing fails with ENOENT");
    check(rmdir("sub/inner") == 0, "rmdir sub/inner");
    check(rmdir("sub") == 0, "rmdir sub");
    list(".");
    check(fopen("missing.txt", "r") == NULL && errno == ENOENT, "open missing fails with ENOENT");
    printf("%d failures\n", failures);
    return failures ? 1 : 0;
}
