/* What a runtime reports about fds and files: directory listing order (unsorted, dots included),
   fcntl access modes of stdio and opened files, isatty, stat fields, clock resolutions, and the
   CPU-time clocks (which Wasmtime refuses). */
#define _WASI_EMULATED_PROCESS_CLOCKS
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *access_mode(int fd) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return strerror(errno);
    switch (flags & O_ACCMODE) {
    case O_RDONLY: return "read-only";
    case O_WRONLY: return "write-only";
    case O_RDWR: return "read-write";
    default: return "other";
    }
}

int main(void) {
    mkdir("dir", 0755);
    close(open("dir/only-file", O_CREAT | O_WRONLY, 0644));
    DIR *dir = opendir("dir");
    struct dirent *entry;
    while (dir && (entry = readdir(dir)))
        printf("entry %-10s type %d inode set %d\n", entry->d_name, entry->d_type, entry->d_ino != 0);
    if (dir) closedir(dir);

    struct stat st;
    stat("dir/only-file", &st);
    printf("file: links %d, regular %d, size %lld, device set %d\n", (int)st.st_nlink, S_ISREG(st.st_mode),
           (long long)st.st_size, st.st_dev != 0);
    stat("dir", &st);
    printf("dir: is directory %d\n", S_ISDIR(st.st_mode));

    printf("stdin %s, stdout %s, stderr %s\n", access_mode(0), access_mode(1), access_mode(2));
    int read_fd = open("dir/only-file", O_RDONLY), write_fd = open("dir/only-file", O_WRONLY),
        both_fd = open("dir/only-file", O_RDWR | O_APPEND);
    printf("opened: %s, %s, %s; append flag %d\n", access_mode(read_fd), access_mode(write_fd), access_mode(both_fd),
           (fcntl(both_fd, F_GETFL) & O_APPEND) != 0);
    printf("isatty(stdout) %d, isatty(file) %d\n", isatty(1), isatty(read_fd));

    struct timespec resolution;
    printf("realtime resolution <= 1 ms %d, monotonic %d\n",
           clock_getres(CLOCK_REALTIME, &resolution) == 0 && resolution.tv_sec == 0 && resolution.tv_nsec <= 1000000,
           clock_getres(CLOCK_MONOTONIC, &resolution) == 0 && resolution.tv_sec == 0 && resolution.tv_nsec <= 1000000);
    struct timespec now;
    errno = 0;
    int cpu = clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    printf("process CPU clock: %d %s\n", cpu, cpu ? strerror(errno) : "");
    errno = 0;
    cpu = clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    printf("thread CPU clock: %d %s\n", cpu, cpu ? strerror(errno) : "");
    return 0;
}
