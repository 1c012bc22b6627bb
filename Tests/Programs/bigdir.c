/* A directory with 3000 entries: wasi-libc reads it in buffer-sized chunks and resumes at cookies,
   so every entry must come back exactly once. Then the entries are removed again. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { COUNT = 3000 };

int main(void) {
    if (mkdir("big", 0755) != 0) {
        perror("mkdir big");
        return 1;
    }
    for (int i = 0; i < COUNT; i++) {
        char name[80];
        snprintf(name, sizeof name, "big/entry-%05d-padding-to-make-the-names-longer", i);
        int fd = open(name, O_CREAT | O_WRONLY, 0644);
        if (fd < 0) {
            perror(name);
            return 1;
        }
        close(fd);
    }
    static unsigned char seen[COUNT];
    int listed = 0, duplicates = 0, dots = 0, strays = 0;
    DIR *dir = opendir("big");
    struct dirent *entry;
    while (dir && (entry = readdir(dir))) {
        int index;
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) dots++;
        else if (sscanf(entry->d_name, "entry-%d-", &index) == 1 && index >= 0 && index < COUNT) {
            duplicates += seen[index]++ != 0;
            listed++;
        } else strays++;
    }
    if (dir) closedir(dir);
    int missing = 0;
    for (int i = 0; i < COUNT; i++) missing += !seen[i];
    printf("listed %d entries, %d dots, %d missing, %d duplicates, %d strays\n", listed, dots, missing, duplicates, strays);
    int removed = 0;
    for (int i = 0; i < COUNT; i++) {
        char name[80];
        snprintf(name, sizeof name, "big/entry-%05d-padding-to-make-the-names-longer", i);
        removed += unlink(name) == 0;
    }
    printf("removed %d, rmdir %s\n", removed, rmdir("big") == 0 ? "ok" : "failed");
    return missing || duplicates ? 1 : 0;
}
