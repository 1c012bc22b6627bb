/* Tries to leave the granted directory in every way a C program can and reports each attempt.
   An attempt counts as an escape only if it actually reaches the secret next to the sandbox (or
   the host's /etc/passwd). The errno of each refusal goes to stderr, which the corpus compares too. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int escapes;

static void report(const char *attempt, int escaped, int error) {
    printf("%-45s %s\n", attempt, escaped ? "ESCAPED" : "blocked");
    fprintf(stderr, "%s: %s\n", attempt, escaped ? "escaped" : strerror(error));
    if (escaped) escapes++;
}

/* True when `path` opens and starts with the secret's (or passwd's) contents. */
static int reads_secret(const char *path) {
    FILE *file = fopen(path, "r");
    if (!file) return 0;
    char buffer[64] = {0};
    size_t n = fread(buffer, 1, sizeof buffer - 1, file);
    fclose(file);
    return n > 0 && (strncmp(buffer, "TOP SECRET", 10) == 0 || strncmp(buffer, "root:", 5) == 0);
}

static void try_open(const char *path) {
    char label[128];
    snprintf(label, sizeof label, "open %s", path);
    errno = 0;
    int escaped = reads_secret(path);
    report(label, escaped, errno);
}

static void try_opendir(const char *path) {
    char label[128];
    snprintf(label, sizeof label, "list %s", path);
    errno = 0;
    DIR *dir = opendir(path);
    int escaped = 0;
    if (dir) {
        struct dirent *entry;
        while ((entry = readdir(dir)))
            if (strcmp(entry->d_name, "secret.txt") == 0 || strcmp(entry->d_name, "etc") == 0) escaped = 1;
        closedir(dir);
    }
    report(label, escaped, errno);
}

static void try_symlink(const char *target, const char *name) {
    char label[128];
    snprintf(label, sizeof label, "symlink %s -> %s, then open", name, target);
    errno = 0;
    int escaped = symlink(target, name) == 0 && reads_secret(name);
    report(label, escaped, errno);
    unlink(name);
}

int main(void) {
    FILE *own = fopen("mine.txt", "w");
    if (own) {
        fputs("inside\n", own);
        fclose(own);
    }
    printf("own file readable: %s\n", own && !reads_secret("mine.txt") && access("mine.txt", R_OK) == 0 ? "yes" : "no");

    try_open("../secret.txt");
    try_open("../../../../../../etc/passwd");
    try_open("/etc/passwd");
    try_open("./../secret.txt");
    try_open("sub/../../secret.txt");
    try_opendir("/");
    try_opendir("..");
    try_symlink("../secret.txt", "link_up");
    try_symlink("/etc/passwd", "link_abs");
    try_symlink("..", "link_parent");
    errno = 0;
    if (symlink("..", "parent") == 0) {
        report("open parent/secret.txt via a directory link", reads_secret("parent/secret.txt"), errno);
        unlink("parent");
    } else {
        report("open parent/secret.txt via a directory link", 0, errno);
    }

    struct stat st;
    errno = 0;
    report("stat ../secret.txt", stat("../secret.txt", &st) == 0, errno);
    errno = 0;
    report("mkdir ../made_outside", mkdir("../made_outside", 0755) == 0, errno);
    errno = 0;
    report("rename mine.txt to ../stolen.txt", rename("mine.txt", "../stolen.txt") == 0, errno);
    errno = 0;
    int fd = open("../written_outside.txt", O_WRONLY | O_CREAT, 0644);
    report("create ../written_outside.txt", fd >= 0, errno);
    if (fd >= 0) close(fd);
    errno = 0;
    int moved = chdir("..") == 0;
    report("chdir .. then open secret.txt", moved && reads_secret("secret.txt"), errno);

    printf("%d escapes\n", escapes);
    return escapes ? 1 : 0;
}
