/* Unit tests of the WASI layer against fake guest memory and a scratch directory. */
#define _GNU_SOURCE /* posix_openpt, ptsname */
#include "wasmc_wasi.h"

#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- a tiny test framework: a test passes when none of its checks failed ---- */

static int tests_passed, tests_failed, current_failures;

#define CHECK(condition)                                                                  \
    do {                                                                                  \
        if (!(condition)) {                                                               \
            current_failures++;                                                           \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
        }                                                                                 \
    } while (0)

#define CHECK_EQ(actual, expected)                                                                       \
    do {                                                                                                 \
        long long a_ = (long long)(actual), e_ = (long long)(expected);                                  \
        if (a_ != e_) {                                                                                  \
            current_failures++;                                                                          \
            fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #actual, a_, e_); \
        }                                                                                                \
    } while (0)

static void run_test(const char *name, void (*test)(void)) {
    current_failures = 0;
    test();
    if (current_failures) {
        tests_failed++;
        fprintf(stderr, "FAIL %s\n", name);
    } else {
        tests_passed++;
        printf("ok   %s\n", name);
    }
}

/* ---- fixtures ---- */

enum { MEM_SIZE = 65536 };
static uint8_t mem[MEM_SIZE];
static char sandbox[128];  /* preopened as guest fd 3 */
static char outside[160]; /* a sibling the guest must never reach */

#define M mem, (uint64_t)MEM_SIZE

static uint32_t load32(uint32_t at) { uint32_t v; memcpy(&v, mem + at, 4); return v; }
static uint64_t load64(uint32_t at) { uint64_t v; memcpy(&v, mem + at, 8); return v; }
static void store32(uint32_t at, uint32_t v) { memcpy(mem + at, &v, 4); }
static void store64(uint32_t at, uint64_t v) { memcpy(mem + at, &v, 8); }

/* Places a string (no NUL) at `at`; returns its length for the (ptr, len) pair. */
static int32_t put(uint32_t at, const char *s) {
    size_t len = strlen(s);
    memcpy(mem + at, s, len);
    return (int32_t)len;
}

static void host_path(char *out, size_t size, const char *relative) { snprintf(out, size, "%s/%s", sandbox, relative); }

static wasmc_wasi *make_wasi(int stdout_fd) {
    static const char *argv[] = {"prog", "one", "two words"};
    static const char *env[] = {"A=1", "HOME=/nowhere"};
    wasmc_wasi_preopen preopen = {sandbox, "/sandbox"};
    wasmc_wasi_config config;
    wasmc_wasi_config_init(&config);
    config.argc = 3;
    config.argv = argv;
    config.envc = 2;
    config.env = env;
    config.preopen_count = 1;
    config.preopens = &preopen;
    if (stdout_fd >= 0) config.stdout_fd = stdout_fd;
    const char *error = NULL;
    wasmc_wasi *wasi = wasmc_wasi_create(&config, &error);
    if (!wasi) fprintf(stderr, "wasmc_wasi_create: %s\n", error ? error : "?");
    return wasi;
}

enum { RIGHTS_READ = 1 << 1, RIGHTS_WRITE = 1 << 6, RIGHTS_READDIR = 1 << 14 };
enum { OFLAG_CREAT = 1, OFLAG_DIRECTORY = 2, OFLAG_EXCL = 4, OFLAG_TRUNC = 8 };

/* Opens `path` under the preopen; returns the errno and stores the fd in *fd. */
static int32_t open_path(wasmc_wasi *wasi, const char *path, int32_t oflags, int64_t rights, int32_t follow, int32_t *fd) {
    int32_t len = put(1000, path);
    int32_t err = wasmc_wasi_path_open(wasi, M, 3, follow, 1000, len, oflags, rights, rights, 0, 2000);
    *fd = err ? -1 : (int32_t)load32(2000);
    return err;
}

static int32_t write_string(wasmc_wasi *wasi, int32_t fd, const char *text, uint32_t *written) {
    int32_t len = put(3000, text);
    store32(100, 3000);
    store32(104, (uint32_t)len);
    int32_t err = wasmc_wasi_fd_write(wasi, M, fd, 100, 1, 200);
    *written = load32(200);
    return err;
}

static void subscribe_fd(uint32_t at, uint64_t userdata, uint8_t type, uint32_t fd);

/* ---- tests ---- */

static void test_args_and_environment(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    CHECK_EQ(wasmc_wasi_args_sizes_get(wasi, M, 0, 4), 0);
    CHECK_EQ(load32(0), 3);
    CHECK_EQ(load32(4), strlen("prog") + strlen("one") + strlen("two words") + 3);
    CHECK_EQ(wasmc_wasi_args_get(wasi, M, 100, 200), 0);
    CHECK_EQ(load32(100), 200);
    CHECK(strcmp((char *)mem + load32(104), "one") == 0);
    CHECK(strcmp((char *)mem + load32(108), "two words") == 0);
    CHECK_EQ(wasmc_wasi_environ_sizes_get(wasi, M, 0, 4), 0);
    CHECK_EQ(load32(0), 2);
    CHECK_EQ(wasmc_wasi_environ_get(wasi, M, 100, 200), 0);
    CHECK(strcmp((char *)mem + load32(104), "HOME=/nowhere") == 0);
    /* Buffers that do not fit in guest memory fault instead of writing past it. */
    CHECK_EQ(wasmc_wasi_args_get(wasi, M, 100, MEM_SIZE - 4), WASMC_WASI_ERRNO_FAULT);
    CHECK_EQ(wasmc_wasi_args_sizes_get(wasi, M, MEM_SIZE - 2, 0), WASMC_WASI_ERRNO_FAULT);
    CHECK_EQ(wasmc_wasi_environ_get(wasi, M, -1, 0), WASMC_WASI_ERRNO_FAULT);
    wasmc_wasi_destroy(wasi);
}

static void test_fd_write_to_pipe(void) {
    int pipe_fds[2];
    CHECK(pipe(pipe_fds) == 0);
    wasmc_wasi *wasi = make_wasi(pipe_fds[1]);
    close(pipe_fds[1]); /* the context holds its own duplicate */
    /* Two iovecs gathered into one write. */
    put(3000, "hello, ");
    put(3100, "world\n");
    store32(100, 3000);
    store32(104, 7);
    store32(108, 3100);
    store32(112, 6);
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, 1, 100, 2, 200), 0);
    CHECK_EQ(load32(200), 13);
    char buffer[64] = {0};
    CHECK_EQ(read(pipe_fds[0], buffer, sizeof buffer - 1), 13);
    CHECK(strcmp(buffer, "hello, world\n") == 0);
    /* More iovecs than the on-stack scratch array holds. */
    for (uint32_t i = 0; i < 40; i++) {
        mem[3200 + i] = (uint8_t)('A' + i % 26);
        store32(400 + 8 * i, 3200 + i);
        store32(404 + 8 * i, 1);
    }
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, 1, 400, 40, 200), 0);
    CHECK_EQ(load32(200), 40);
    char many[64] = {0};
    CHECK_EQ(read(pipe_fds[0], many, sizeof many - 1), 40);
    CHECK(memcmp(many, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN", 40) == 0);
    /* Out-of-bounds iovec array, iovec buffer and result pointer all fault. */
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, 1, MEM_SIZE - 4, 1, 200), WASMC_WASI_ERRNO_FAULT);
    store32(100, MEM_SIZE - 2);
    store32(104, 3);
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, 1, 100, 1, 200), WASMC_WASI_ERRNO_FAULT);
    store32(100, 0xfffffff0u);
    store32(104, 0x20);
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, 1, 100, 1, 200), WASMC_WASI_ERRNO_FAULT);
    store32(100, 3000);
    store32(104, 1);
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, 1, 100, 1, MEM_SIZE), WASMC_WASI_ERRNO_FAULT);
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, 1, 100, 0x7fffffff, 200), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, 42, 100, 1, 200), WASMC_WASI_ERRNO_BADF);
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, -1, 100, 1, 200), WASMC_WASI_ERRNO_BADF);
    wasmc_wasi_destroy(wasi);
    close(pipe_fds[0]);
}

static void test_prestat(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    CHECK_EQ(wasmc_wasi_fd_prestat_get(wasi, M, 3, 0), 0);
    CHECK_EQ(mem[0], 0);
    CHECK_EQ(load32(4), strlen("/sandbox"));
    CHECK_EQ(wasmc_wasi_fd_prestat_dir_name(wasi, M, 3, 100, 8), 0);
    CHECK(memcmp(mem + 100, "/sandbox", 8) == 0);
    CHECK_EQ(wasmc_wasi_fd_prestat_dir_name(wasi, M, 3, 100, 3), WASMC_WASI_ERRNO_NAMETOOLONG);
    CHECK_EQ(wasmc_wasi_fd_prestat_get(wasi, M, 4, 0), WASMC_WASI_ERRNO_BADF);
    CHECK_EQ(wasmc_wasi_fd_prestat_get(wasi, M, 1, 0), WASMC_WASI_ERRNO_BADF);
    wasmc_wasi_destroy(wasi);
}

static void test_sandbox_escapes(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    char link_path[256], target_path[256];
    host_path(link_path, sizeof link_path, "root");
    CHECK(symlink("/", link_path) == 0);
    host_path(link_path, sizeof link_path, "up");
    CHECK(symlink("..", link_path) == 0);
    host_path(link_path, sizeof link_path, "outside");
    CHECK(symlink(outside, link_path) == 0);
    host_path(link_path, sizeof link_path, "sub");
    CHECK(mkdir(link_path, 0755) == 0);
    host_path(link_path, sizeof link_path, "sub/deep_up");
    CHECK(symlink("../..", link_path) == 0);
    host_path(link_path, sizeof link_path, "loop");
    CHECK(symlink("loop", link_path) == 0);
    int32_t fd;
    const int32_t follow = 1;
    CHECK_EQ(open_path(wasi, "../x", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "/etc/passwd", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "sub/../../etc/passwd", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "root/etc/passwd", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "root", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "up/etc", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "sub/deep_up/x", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "outside/secret", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "loop", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_LOOP);
    /* Without SYMLINK_FOLLOW the final link itself is refused by O_NOFOLLOW, not followed. */
    CHECK_EQ(open_path(wasi, "root", 0, RIGHTS_READ, 0, &fd), WASMC_WASI_ERRNO_LOOP);
    /* Creating a file through an escaping link fails too, and nothing appears outside. */
    CHECK_EQ(open_path(wasi, "up/created", OFLAG_CREAT, RIGHTS_WRITE, follow, &fd), WASMC_WASI_ERRNO_PERM);
    snprintf(target_path, sizeof target_path, "%s/../created", sandbox);
    CHECK(access(target_path, F_OK) != 0);
    /* Other path calls go through the same resolution. */
    int32_t len = put(1000, "../escaped_dir");
    CHECK_EQ(wasmc_wasi_path_create_directory(wasi, M, 3, 1000, len), WASMC_WASI_ERRNO_PERM);
    len = put(1000, "root/tmp");
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 1, 1000, len, 4000), WASMC_WASI_ERRNO_PERM);
    len = put(1000, "/tmp");
    CHECK_EQ(wasmc_wasi_path_unlink_file(wasi, M, 3, 1000, len), WASMC_WASI_ERRNO_PERM);
    /* Absolute symlink targets cannot be created. */
    int32_t target_len = put(1100, "/etc");
    len = put(1000, "abs");
    CHECK_EQ(wasmc_wasi_path_symlink(wasi, M, 1100, target_len, 3, 1000, len), WASMC_WASI_ERRNO_PERM);
    /* Lexical `..` that stays inside is fine, and so is a link that stays inside. */
    host_path(link_path, sizeof link_path, "sub/inside.txt");
    FILE *file = fopen(link_path, "w");
    CHECK(file != NULL);
    if (file) fclose(file);
    host_path(link_path, sizeof link_path, "inner");
    CHECK(symlink("sub/inside.txt", link_path) == 0);
    CHECK_EQ(open_path(wasi, "sub/../sub/./inside.txt", 0, RIGHTS_READ, follow, &fd), 0);
    CHECK(fd > 3);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fd), 0);
    CHECK_EQ(open_path(wasi, "inner", 0, RIGHTS_READ, follow, &fd), 0);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fd), 0);
    CHECK_EQ(open_path(wasi, "sub/deep_up", 0, RIGHTS_READ, follow, &fd), WASMC_WASI_ERRNO_PERM);
    /* Paths with a NUL byte, empty paths and out-of-bounds paths. */
    memcpy(mem + 1000, "a\0b", 3);
    CHECK_EQ(wasmc_wasi_path_open(wasi, M, 3, 0, 1000, 3, 0, RIGHTS_READ, 0, 0, 2000), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_path_open(wasi, M, 3, 0, 1000, 0, 0, RIGHTS_READ, 0, 0, 2000), WASMC_WASI_ERRNO_NOENT);
    CHECK_EQ(wasmc_wasi_path_open(wasi, M, 3, 0, MEM_SIZE - 1, 2, 0, RIGHTS_READ, 0, 0, 2000), WASMC_WASI_ERRNO_FAULT);
    CHECK_EQ(wasmc_wasi_path_open(wasi, M, 1, 0, 1000, 1, 0, RIGHTS_READ, 0, 0, 2000), WASMC_WASI_ERRNO_BADF);
    wasmc_wasi_destroy(wasi);
}

/* readlink never shows the guest a host path: an absolute target is refused with PERM (Wasmtime's
   answer) before any byte reaches guest memory; following such a link cannot leave the preopen. */
static void test_readlink_host_paths(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    char link_path[256];
    host_path(link_path, sizeof link_path, "rl");
    CHECK(mkdir(link_path, 0755) == 0);
    host_path(link_path, sizeof link_path, "rl/host");
    CHECK(symlink(outside, link_path) == 0);
    host_path(link_path, sizeof link_path, "rl/root");
    CHECK(symlink("/", link_path) == 0);
    host_path(link_path, sizeof link_path, "rl/rel");
    CHECK(symlink("../sub/x", link_path) == 0);
    const char *absolute[] = {"rl/host", "rl/root", "rl/./host", "rl/../rl/host"};
    const uint32_t capacities[] = {200, 3, 1, 0};
    for (size_t i = 0; i < sizeof absolute / sizeof absolute[0]; i++) {
        for (size_t c = 0; c < sizeof capacities / sizeof capacities[0]; c++) {
            memset(mem + 7000, 0xAA, 256);
            store32(200, 0xDEADBEEF);
            int32_t len = put(1000, absolute[i]);
            CHECK_EQ(wasmc_wasi_path_readlink(wasi, M, 3, 1000, len, 7000, (int32_t)capacities[c], 200), WASMC_WASI_ERRNO_PERM);
            bool untouched = true;
            for (int k = 0; k < 256; k++) untouched &= mem[7000 + k] == 0xAA;
            CHECK(untouched);
            CHECK_EQ(load32(200), 0xDEADBEEF);
        }
    }
    /* A relative target is the guest's own text and comes back as it is, truncated to the buffer. */
    int32_t len = put(1000, "rl/rel");
    CHECK_EQ(wasmc_wasi_path_readlink(wasi, M, 3, 1000, len, 7000, 64, 200), 0);
    CHECK_EQ(load32(200), strlen("../sub/x"));
    CHECK(memcmp(mem + 7000, "../sub/x", 8) == 0);
    CHECK_EQ(wasmc_wasi_path_readlink(wasi, M, 3, 1000, len, 7000, 3, 200), 0);
    CHECK_EQ(load32(200), 3);
    CHECK_EQ(wasmc_wasi_path_readlink(wasi, M, 3, 1000, len, 7000, 0, 200), 0);
    CHECK_EQ(load32(200), 0);
    /* Not a link: INVAL; missing: NOENT. */
    len = put(1000, "rl");
    CHECK_EQ(wasmc_wasi_path_readlink(wasi, M, 3, 1000, len, 7000, 64, 200), WASMC_WASI_ERRNO_INVAL);
    len = put(1000, "rl/missing");
    CHECK_EQ(wasmc_wasi_path_readlink(wasi, M, 3, 1000, len, 7000, 64, 200), WASMC_WASI_ERRNO_NOENT);
    /* Following the absolute links fails the same way, wherever they sit in the path. */
    int32_t fd;
    CHECK_EQ(open_path(wasi, "rl/host", 0, RIGHTS_READ, 1, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "rl/root/etc/passwd", 0, RIGHTS_READ, 1, &fd), WASMC_WASI_ERRNO_PERM);
    CHECK_EQ(open_path(wasi, "rl/host/", OFLAG_DIRECTORY, RIGHTS_READ, 0, &fd), WASMC_WASI_ERRNO_PERM);
    len = put(1000, "rl/host/new");
    CHECK_EQ(wasmc_wasi_path_create_directory(wasi, M, 3, 1000, len), WASMC_WASI_ERRNO_PERM);
    char escaped[256];
    snprintf(escaped, sizeof escaped, "%s/new", outside);
    CHECK(access(escaped, F_OK) != 0);
    wasmc_wasi_destroy(wasi);
}

/* Appends `count` copies of `part` to the string at `at` in guest memory; returns the new length. */
static int32_t append_repeated(uint32_t at, int32_t len, const char *part, int count) {
    size_t part_len = strlen(part);
    for (int i = 0; i < count; i++, len += (int32_t)part_len) memcpy(mem + at + (uint32_t)len, part, part_len);
    return len;
}

/* Resolution holds a bounded number of fds, not one per component: a path of 2000 directories
   (Wasmtime resolves that deep) works under `ulimit -n 256`, down and back up again, through a
   symlink at the bottom too, and the preopen stays the limit for `..`. */
static void test_deep_paths(void) {
    enum { DEPTH = 2000, HALF = 1000, AT = 5000 }; /* paths up to 60 KB at AT; results at 200 and 4000 */
    wasmc_wasi *wasi = make_wasi(-1);
    /* The host tree: deep/d/d/.../d (DEPTH levels of d), a file at the bottom and two links halfway
       (a link holds at most 4095 bytes: 1000 levels of "../"). */
    char path[256];
    host_path(path, sizeof path, "deep");
    CHECK(mkdir(path, 0755) == 0);
    int dir = open(path, O_RDONLY | O_DIRECTORY);
    char up_link[3 * HALF + 16] = "";
    for (int i = 0; i < HALF; i++) strcat(up_link, "../");
    for (int i = 0; i < DEPTH && dir >= 0; i++) {
        if (i == HALF) {
            strcat(up_link, "top.txt"); /* deep/top.txt */
            CHECK(symlinkat(up_link, dir, "to_top") == 0);
            strcpy(up_link + strlen(up_link) - strlen("top.txt"), "../../x"); /* two levels above deep/: out */
            CHECK(symlinkat(up_link, dir, "out") == 0);
        }
        CHECK(mkdirat(dir, "d", 0755) == 0);
        int next = openat(dir, "d", O_RDONLY | O_DIRECTORY);
        close(dir);
        dir = next;
    }
    CHECK(dir >= 0);
    int file = openat(dir, "bottom.txt", O_WRONLY | O_CREAT, 0644);
    CHECK(file >= 0 && write(file, "bottom", 6) == 6);
    close(file);
    close(dir);
    host_path(path, sizeof path, "deep/top.txt");
    FILE *top = fopen(path, "w");
    CHECK(top != NULL);
    if (top) fclose(top);

    struct rlimit saved, low;
    CHECK(getrlimit(RLIMIT_NOFILE, &saved) == 0);
    low = saved;
    low.rlim_cur = saved.rlim_max != RLIM_INFINITY && saved.rlim_max < 256 ? saved.rlim_max : 256;
    CHECK(setrlimit(RLIMIT_NOFILE, &low) == 0);

    int32_t len = put(AT, "deep");
    len = append_repeated(AT, len, "/d", DEPTH);
    int32_t bottom = len;
    len = append_repeated(AT, bottom, "/bottom.txt", 1);
    CHECK_EQ(wasmc_wasi_path_open(wasi, M, 3, 0, AT, len, 0, RIGHTS_READ, RIGHTS_READ, 0, 200), 0);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, (int32_t)load32(200)), 0);
    /* Down and all the way back up (each `..` may reopen a parent), twice over. */
    len = append_repeated(AT, bottom, "/..", DEPTH);
    len = append_repeated(AT, len, "/d", DEPTH);
    len = append_repeated(AT, len, "/..", DEPTH);
    len = append_repeated(AT, len, "/top.txt", 1);
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 0, AT, len, 4000), 0);
    /* One `..` too many leaves the preopen. */
    len = append_repeated(AT, bottom, "/..", DEPTH + 2);
    len = append_repeated(AT, len, "/box/deep/top.txt", 1);
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 0, AT, len, 4000), WASMC_WASI_ERRNO_PERM);
    /* The same through symlinks halfway, reached from the bottom: one stays inside, one climbs out. */
    len = append_repeated(AT, bottom, "/..", DEPTH - HALF);
    int32_t halfway = len;
    len = append_repeated(AT, halfway, "/to_top", 1);
    CHECK_EQ(wasmc_wasi_path_open(wasi, M, 3, 1, AT, len, 0, RIGHTS_READ, RIGHTS_READ, 0, 200), 0);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, (int32_t)load32(200)), 0);
    len = append_repeated(AT, halfway, "/out", 1);
    CHECK_EQ(wasmc_wasi_path_open(wasi, M, 3, 1, AT, len, 0, RIGHTS_READ, RIGHTS_READ, 0, 200), WASMC_WASI_ERRNO_PERM);
    /* A long zigzag (down 2000, up 2000, 6 times: about 60 KB of path) stays quick. */
    len = 0;
    for (int round = 0; round < 6; round++) {
        len = append_repeated(AT, len, "deep/", 1);
        len = append_repeated(AT, len, "d/", DEPTH);
        len = append_repeated(AT, len, "../", DEPTH + 1);
    }
    len = append_repeated(AT, len, "deep/top.txt", 1);
    CHECK(len < MEM_SIZE - AT);
    struct timespec started, finished;
    clock_gettime(CLOCK_MONOTONIC, &started);
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 0, AT, len, 4000), 0);
    clock_gettime(CLOCK_MONOTONIC, &finished);
    double seconds = (double)(finished.tv_sec - started.tv_sec) + (finished.tv_nsec - started.tv_nsec) / 1e9;
    CHECK(seconds < 2.0);

    CHECK(setrlimit(RLIMIT_NOFILE, &saved) == 0);
    wasmc_wasi_destroy(wasi);
}

static void test_file_round_trip(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    int32_t fd;
    CHECK_EQ(open_path(wasi, "data.txt", OFLAG_CREAT | OFLAG_TRUNC, RIGHTS_READ | RIGHTS_WRITE, 1, &fd), 0);
    uint32_t written = 0;
    CHECK_EQ(write_string(wasi, fd, "0123456789", &written), 0);
    CHECK_EQ(written, 10);
    CHECK_EQ(wasmc_wasi_fd_tell(wasi, M, fd, 300), 0);
    CHECK_EQ(load64(300), 10);
    CHECK_EQ(wasmc_wasi_fd_seek(wasi, M, fd, 3, 0, 300), 0);
    CHECK_EQ(load64(300), 3);
    CHECK_EQ(wasmc_wasi_fd_seek(wasi, M, fd, -2, 2, 300), 0);
    CHECK_EQ(load64(300), 8);
    CHECK_EQ(wasmc_wasi_fd_seek(wasi, M, fd, 0, 7, 300), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_fd_seek(wasi, M, fd, -100, 0, 300), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_fd_seek(wasi, M, fd, 2, 0, 300), 0);
    store32(100, 5000);
    store32(104, 4);
    CHECK_EQ(wasmc_wasi_fd_read(wasi, M, fd, 100, 1, 200), 0);
    CHECK_EQ(load32(200), 4);
    CHECK(memcmp(mem + 5000, "2345", 4) == 0);
    CHECK_EQ(wasmc_wasi_fd_pread(wasi, M, fd, 100, 1, 7, 200), 0);
    CHECK_EQ(load32(200), 3);
    CHECK(memcmp(mem + 5000, "789", 3) == 0);
    put(3000, "AB");
    store32(100, 3000);
    store32(104, 2);
    CHECK_EQ(wasmc_wasi_fd_pwrite(wasi, M, fd, 100, 1, 0, 200), 0);
    CHECK_EQ(wasmc_wasi_fd_filestat_get(wasi, M, fd, 4000), 0);
    CHECK_EQ(mem[4000 + 16], 4); /* regular file */
    CHECK_EQ(load64(4000 + 32), 10);
    CHECK_EQ(wasmc_wasi_fd_filestat_set_size(wasi, M, fd, 4), 0);
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, fd, 4100), 0);
    CHECK_EQ(mem[4100], 4);
    CHECK_EQ(wasmc_wasi_fd_filestat_set_times(wasi, M, fd, 1000000000, 2000000000, 1 | 4), 0);
    CHECK_EQ(wasmc_wasi_fd_filestat_get(wasi, M, fd, 4000), 0);
    CHECK_EQ(load64(4000 + 48), 2000000000);
    CHECK_EQ(wasmc_wasi_fd_filestat_set_times(wasi, M, fd, 0, 0, 1 | 2), WASMC_WASI_ERRNO_INVAL);
    /* Polling a regular file: ready at once; at its end the event carries HANGUP, as in Wasmtime. */
    CHECK_EQ(wasmc_wasi_fd_seek(wasi, M, fd, 0, 2, 300), 0);
    subscribe_fd(1000, 8, 1, (uint32_t)fd);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 1, 300), 0);
    CHECK_EQ(load32(300), 1);
    CHECK_EQ(load64(2016), 0);
    CHECK_EQ(mem[2024] & 1, 1);
    CHECK_EQ(wasmc_wasi_fd_seek(wasi, M, fd, 1, 0, 300), 0);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 1, 300), 0);
    CHECK_EQ(load64(2016), 3);
    CHECK_EQ(mem[2024] & 1, 0);
    CHECK_EQ(wasmc_wasi_fd_sync(wasi, M, fd), 0);
    CHECK_EQ(wasmc_wasi_fd_datasync(wasi, M, fd), 0);
    CHECK_EQ(wasmc_wasi_fd_advise(wasi, M, fd, 0, 0, 1), 0);
    CHECK_EQ(wasmc_wasi_fd_advise(wasi, M, fd, 0, 0, 9), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fd), 0);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fd), WASMC_WASI_ERRNO_BADF);
    /* The host sees exactly what was written. */
    char path[256], contents[16] = {0};
    host_path(path, sizeof path, "data.txt");
    FILE *file = fopen(path, "r");
    CHECK(file != NULL);
    if (file) {
        CHECK_EQ(fread(contents, 1, sizeof contents - 1, file), 4);
        fclose(file);
    }
    CHECK(strcmp(contents, "AB23") == 0);
    /* EXCL on an existing file, DIRECTORY on a file. */
    CHECK_EQ(open_path(wasi, "data.txt", OFLAG_CREAT | OFLAG_EXCL, RIGHTS_WRITE, 1, &fd), WASMC_WASI_ERRNO_EXIST);
    CHECK_EQ(open_path(wasi, "data.txt", OFLAG_DIRECTORY, RIGHTS_READ, 1, &fd), WASMC_WASI_ERRNO_NOTDIR);
    CHECK_EQ(open_path(wasi, "missing.txt", 0, RIGHTS_READ, 1, &fd), WASMC_WASI_ERRNO_NOENT);
    wasmc_wasi_destroy(wasi);
}

static void test_directory_operations(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    int32_t len = put(1000, "dir");
    CHECK_EQ(wasmc_wasi_path_create_directory(wasi, M, 3, 1000, len), 0);
    CHECK_EQ(wasmc_wasi_path_create_directory(wasi, M, 3, 1000, len), WASMC_WASI_ERRNO_EXIST);
    int32_t fd;
    const char *names[] = {"dir/a", "dir/b", "dir/c"};
    for (int i = 0; i < 3; i++) {
        CHECK_EQ(open_path(wasi, names[i], OFLAG_CREAT, RIGHTS_WRITE, 1, &fd), 0);
        CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fd), 0);
    }
    CHECK_EQ(open_path(wasi, "dir", OFLAG_DIRECTORY, RIGHTS_READDIR, 1, &fd), 0);
    CHECK_EQ(wasmc_wasi_fd_readdir(wasi, M, fd, 6000, 4096, 0, 200), 0);
    uint32_t used = load32(200);
    int seen = 0, entries = 0;
    uint64_t last_cookie = 0;
    for (uint32_t at = 6000; at + 24 <= 6000 + used;) {
        uint32_t name_len = load32(at + 16);
        char name[64] = {0};
        memcpy(name, mem + at + 24, name_len < 63 ? name_len : 63);
        if (strcmp(name, "a") == 0 || strcmp(name, "b") == 0 || strcmp(name, "c") == 0) {
            seen++;
            CHECK_EQ(mem[at + 20], 4);
        }
        if (entries == 0) CHECK(strcmp(name, ".") == 0); /* the dots come first, as in Wasmtime */
        if (entries == 1) CHECK(strcmp(name, "..") == 0);
        if (entries < 2) CHECK_EQ(mem[at + 20], 3);
        CHECK_EQ(load64(at), entries + 1); /* d_next is the cookie of the following entry */
        last_cookie = load64(at);
        entries++;
        at += 24 + name_len;
    }
    CHECK_EQ(seen, 3);
    CHECK_EQ(entries, 5); /* ".", "..", a, b, c */
    /* Resuming at the last cookie yields nothing more; a tiny buffer comes back full. */
    CHECK_EQ(wasmc_wasi_fd_readdir(wasi, M, fd, 6000, 4096, (int64_t)last_cookie, 200), 0);
    CHECK_EQ(load32(200), 0);
    CHECK_EQ(wasmc_wasi_fd_readdir(wasi, M, fd, 6000, 10, 0, 200), 0);
    CHECK_EQ(load32(200), 10);
    /* Resuming in the middle (after ".", "..", and one file) yields exactly the other two files. */
    CHECK_EQ(wasmc_wasi_fd_readdir(wasi, M, fd, 6000, 4096, 3, 200), 0);
    CHECK_EQ(load32(200), 2 * (24 + 1));
    CHECK_EQ(load64(6000), 4);
    CHECK_EQ(load64(6000 + 25), 5);
    CHECK_EQ(wasmc_wasi_fd_readdir(wasi, M, fd, MEM_SIZE - 4, 100, 0, 200), WASMC_WASI_ERRNO_FAULT);
    CHECK_EQ(wasmc_wasi_fd_seek(wasi, M, fd, 0, 0, 300), WASMC_WASI_ERRNO_BADF);
    store32(100, 3000);
    store32(104, 1);
    CHECK_EQ(wasmc_wasi_fd_write(wasi, M, fd, 100, 1, 200), WASMC_WASI_ERRNO_BADF);
    CHECK_EQ(wasmc_wasi_fd_read(wasi, M, fd, 100, 1, 200), WASMC_WASI_ERRNO_BADF);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fd), 0);
    /* rename, link, unlink, readlink, rmdir */
    int32_t from = put(1000, "dir/a"), to = put(1100, "dir/renamed");
    CHECK_EQ(wasmc_wasi_path_rename(wasi, M, 3, 1000, from, 3, 1100, to), 0);
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 0, 1000, from, 4000), WASMC_WASI_ERRNO_NOENT);
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 0, 1100, to, 4000), 0);
    int32_t link_len = put(1200, "dir/hard");
    CHECK_EQ(wasmc_wasi_path_link(wasi, M, 3, 0, 1100, to, 3, 1200, link_len), 0);
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 0, 1200, link_len, 4000), 0);
    CHECK_EQ(load64(4000 + 24), 2);
    int32_t target_len = put(1300, "renamed"), sym_len = put(1400, "dir/sym");
    CHECK_EQ(wasmc_wasi_path_symlink(wasi, M, 1300, target_len, 3, 1400, sym_len), 0);
    CHECK_EQ(wasmc_wasi_path_readlink(wasi, M, 3, 1400, sym_len, 7000, 64, 200), 0);
    CHECK_EQ(load32(200), 7);
    CHECK(memcmp(mem + 7000, "renamed", 7) == 0);
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 0, 1400, sym_len, 4000), 0);
    CHECK_EQ(mem[4000 + 16], 7); /* the link itself */
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 1, 1400, sym_len, 4000), 0);
    CHECK_EQ(mem[4000 + 16], 4); /* followed */
    CHECK_EQ(wasmc_wasi_path_filestat_set_times(wasi, M, 3, 1, 1400, sym_len, 0, 5000000000, 4), 0);
    CHECK_EQ(wasmc_wasi_path_filestat_get(wasi, M, 3, 0, 1100, to, 4000), 0);
    CHECK_EQ(load64(4000 + 48), 5000000000);
    len = put(1000, "dir");
    CHECK_EQ(wasmc_wasi_path_remove_directory(wasi, M, 3, 1000, len), WASMC_WASI_ERRNO_NOTEMPTY);
    const char *files[] = {"dir/renamed", "dir/hard", "dir/sym", "dir/b", "dir/c"};
    for (int i = 0; i < 5; i++) {
        len = put(1000, files[i]);
        CHECK_EQ(wasmc_wasi_path_unlink_file(wasi, M, 3, 1000, len), 0);
    }
    len = put(1000, "dir");
    CHECK_EQ(wasmc_wasi_path_unlink_file(wasi, M, 3, 1000, len), WASMC_WASI_ERRNO_ISDIR);
    CHECK_EQ(wasmc_wasi_path_remove_directory(wasi, M, 3, 1000, len), 0);
    wasmc_wasi_destroy(wasi);
}

/* Lists a directory the way wasi-libc does: small buffer, keep complete entries, resume at the last cookie. */
static void test_readdir_many_entries(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    int32_t len = put(1000, "many");
    CHECK_EQ(wasmc_wasi_path_create_directory(wasi, M, 3, 1000, len), 0);
    enum { FILES = 300 };
    for (int i = 0; i < FILES; i++) {
        char name[64];
        snprintf(name, sizeof name, "many/file-with-a-longish-name-%03d", i);
        int32_t fd;
        CHECK_EQ(open_path(wasi, name, OFLAG_CREAT, RIGHTS_WRITE, 1, &fd), 0);
        wasmc_wasi_fd_close(wasi, M, fd);
    }
    int32_t dir;
    CHECK_EQ(open_path(wasi, "many", OFLAG_DIRECTORY, RIGHTS_READDIR, 1, &dir), 0);
    static unsigned char seen[FILES];
    memset(seen, 0, sizeof seen);
    int dots = 0, calls = 0, duplicates = 0;
    uint64_t cookie = 0;
    for (;;) {
        const uint32_t capacity = 200; /* room for about three entries, usually cutting the last one */
        CHECK_EQ(wasmc_wasi_fd_readdir(wasi, M, dir, 6000, capacity, (int64_t)cookie, 200), 0);
        uint32_t used = load32(200), at = 6000, end = 6000 + used;
        calls++;
        int complete = 0;
        while (at + 24 <= end && at + 24 + load32(at + 16) <= end) {
            uint32_t name_len = load32(at + 16);
            char name[64] = {0};
            memcpy(name, mem + at + 24, name_len < 63 ? name_len : 63);
            int index;
            if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) dots++;
            else if (sscanf(name, "file-with-a-longish-name-%d", &index) == 1 && index >= 0 && index < FILES)
                duplicates += seen[index]++ != 0;
            cookie = load64(at);
            at += 24 + name_len;
            complete++;
        }
        if (used < capacity) break;   /* the end of the directory */
        CHECK(complete > 0);          /* a full buffer always holds at least one whole entry here */
        if (complete == 0 || calls > 10000) break;
    }
    int missing = 0;
    for (int i = 0; i < FILES; i++) missing += !seen[i];
    CHECK_EQ(missing, 0);
    CHECK_EQ(duplicates, 0);
    CHECK_EQ(dots, 2);
    CHECK(calls > 50);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, dir), 0);
    wasmc_wasi_destroy(wasi);
}

/* Many files open at once: the fd table grows (reallocates) and every fd keeps its own file. */
static void test_many_open_files(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    enum { OPEN = 100 };
    int32_t fds[OPEN];
    for (int i = 0; i < OPEN; i++) {
        char name[32], text[32];
        snprintf(name, sizeof name, "open-%d", i);
        snprintf(text, sizeof text, "content %d", i);
        CHECK_EQ(open_path(wasi, name, OFLAG_CREAT | OFLAG_TRUNC, RIGHTS_READ | RIGHTS_WRITE, 1, &fds[i]), 0);
        uint32_t written;
        CHECK_EQ(write_string(wasi, fds[i], text, &written), 0);
    }
    CHECK_EQ(fds[OPEN - 1], 4 + OPEN - 1); /* lowest free numbers, after stdio and the preopen */
    for (int i = 0; i < OPEN; i++) {
        char expected[32];
        snprintf(expected, sizeof expected, "content %d", i);
        memset(mem + 5000, 0, 32);
        store32(100, 5000);
        store32(104, 31);
        CHECK_EQ(wasmc_wasi_fd_pread(wasi, M, fds[i], 100, 1, 0, 200), 0);
        CHECK(strcmp((char *)mem + 5000, expected) == 0);
    }
    /* Closing one frees its number for the next open. */
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fds[10]), 0);
    int32_t reused;
    CHECK_EQ(open_path(wasi, "open-0", 0, RIGHTS_READ, 1, &reused), 0);
    CHECK_EQ(reused, fds[10]);
    wasmc_wasi_destroy(wasi); /* closes everything still open */
}

/* Access modes as Wasmtime grants them: CREAT/TRUNC or write rights make a file writable; it is
   readable when read rights are asked for or no write rights are. */
static void test_open_access_modes(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    struct { int32_t oflags; int64_t rights; int32_t write_err, read_err; } cases[] = {
        {OFLAG_CREAT, RIGHTS_READ, 0, 0},
        {0, RIGHTS_READ, WASMC_WASI_ERRNO_BADF, 0},
        {0, RIGHTS_WRITE, 0, WASMC_WASI_ERRNO_BADF},
        {0, 0, WASMC_WASI_ERRNO_BADF, 0},
        {OFLAG_TRUNC, RIGHTS_READ, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t fd;
        CHECK_EQ(open_path(wasi, "modes.txt", cases[i].oflags, cases[i].rights, 1, &fd), 0);
        uint32_t written;
        CHECK_EQ(write_string(wasi, fd, "x", &written), cases[i].write_err);
        store32(100, 5000);
        store32(104, 4);
        CHECK_EQ(wasmc_wasi_fd_pread(wasi, M, fd, 100, 1, 0, 200), cases[i].read_err);
        CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fd), 0);
    }
    wasmc_wasi_destroy(wasi);
}

static void test_trailing_slashes(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    int32_t fd;
    /* "name/" must be a directory: creating a file that way, or renaming a file to it, fails. */
    CHECK_EQ(open_path(wasi, "slashed/", OFLAG_CREAT, RIGHTS_WRITE, 1, &fd), WASMC_WASI_ERRNO_ISDIR);
    CHECK_EQ(open_path(wasi, "plain", OFLAG_CREAT, RIGHTS_WRITE, 1, &fd), 0);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, fd), 0);
    CHECK_EQ(open_path(wasi, "plain/", 0, RIGHTS_READ, 1, &fd), WASMC_WASI_ERRNO_NOTDIR);
    int32_t from = put(1000, "plain"), to = put(1100, "renamed/");
    CHECK_EQ(wasmc_wasi_path_rename(wasi, M, 3, 1000, from, 3, 1100, to), WASMC_WASI_ERRNO_NOTDIR);
    to = put(1100, "linked/");
    CHECK_EQ(wasmc_wasi_path_link(wasi, M, 3, 0, 1000, from, 3, 1100, to), WASMC_WASI_ERRNO_NOENT);
    from = put(1000, "plain/");
    CHECK_EQ(wasmc_wasi_path_unlink_file(wasi, M, 3, 1000, from), WASMC_WASI_ERRNO_NOTDIR);
    CHECK_EQ(wasmc_wasi_path_filestat_set_times(wasi, M, 3, 0, 1000, from, 0, 0, 4), WASMC_WASI_ERRNO_NOTDIR);
    /* Directories work with the slash, except rmdir, which Wasmtime refuses with INVAL. */
    int32_t len = put(1000, "made/");
    CHECK_EQ(wasmc_wasi_path_create_directory(wasi, M, 3, 1000, len), 0);
    from = put(1000, "made/");
    to = put(1100, "moved/");
    CHECK_EQ(wasmc_wasi_path_rename(wasi, M, 3, 1000, from, 3, 1100, to), 0);
    CHECK_EQ(wasmc_wasi_path_remove_directory(wasi, M, 3, 1100, to), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_path_remove_directory(wasi, M, 3, 1100, to - 1), 0);
    /* A plain "." is not slashed: renaming onto it reaches the host (EBUSY), not the slash rule. */
    from = put(1000, "plain");
    to = put(1100, ".");
    CHECK_EQ(wasmc_wasi_path_rename(wasi, M, 3, 1000, from, 3, 1100, to), WASMC_WASI_ERRNO_BUSY);
    CHECK_EQ(wasmc_wasi_path_unlink_file(wasi, M, 3, 1000, from), 0);
    wasmc_wasi_destroy(wasi);
}

static void test_renumber_and_fdstat(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    int32_t a, b;
    CHECK_EQ(open_path(wasi, "r1", OFLAG_CREAT, RIGHTS_READ | RIGHTS_WRITE, 1, &a), 0);
    CHECK_EQ(open_path(wasi, "r2", OFLAG_CREAT, RIGHTS_READ | RIGHTS_WRITE, 1, &b), 0);
    uint32_t written;
    CHECK_EQ(write_string(wasi, a, "xyz", &written), 0);
    CHECK_EQ(wasmc_wasi_fd_renumber(wasi, M, a, b), 0);
    CHECK_EQ(wasmc_wasi_fd_tell(wasi, M, b, 300), 0);
    CHECK_EQ(load64(300), 3);
    CHECK_EQ(wasmc_wasi_fd_tell(wasi, M, a, 300), WASMC_WASI_ERRNO_BADF);
    CHECK_EQ(wasmc_wasi_fd_renumber(wasi, M, b, 99), WASMC_WASI_ERRNO_BADF);
    CHECK_EQ(wasmc_wasi_fd_fdstat_set_flags(wasi, M, b, 1), 0); /* append */
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, b, 400), 0);
    CHECK_EQ(load32(400 + 2) & 0xffff, 1);
    CHECK_EQ(load64(400 + 8), (UINT64_C(1) << 30) - 1); /* read-write file: every right, as Wasmtime reports */
    CHECK_EQ(wasmc_wasi_fd_fdstat_set_rights(wasi, M, b, RIGHTS_READ, 0), 0);
    CHECK_EQ(wasmc_wasi_fd_fdstat_set_rights(wasi, M, b, RIGHTS_READ | RIGHTS_WRITE, 0), WASMC_WASI_ERRNO_NOTCAPABLE);
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, 3, 400), 0);
    CHECK_EQ(mem[400], 3); /* directory */
    /* stdin is read-only, stdout write-only (wasi-libc turns these rights into F_GETFL's access mode). */
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, 0, 400), 0);
    CHECK_EQ(load64(408) & (RIGHTS_READ | RIGHTS_WRITE), RIGHTS_READ);
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, 1, 400), 0);
    CHECK_EQ(load64(408) & (RIGHTS_READ | RIGHTS_WRITE), RIGHTS_WRITE);
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, 3, MEM_SIZE - 8), WASMC_WASI_ERRNO_FAULT);
    CHECK_EQ(wasmc_wasi_fd_close(wasi, M, b), 0);
    wasmc_wasi_destroy(wasi);
}

static void test_clocks(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    CHECK_EQ(wasmc_wasi_clock_time_get(wasi, M, 1, 0, 0), 0);
    uint64_t first = load64(0);
    struct timespec pause = {0, 2000000};
    nanosleep(&pause, NULL);
    CHECK_EQ(wasmc_wasi_clock_time_get(wasi, M, 1, 0, 0), 0);
    CHECK(load64(0) >= first + 2000000);
    CHECK_EQ(wasmc_wasi_clock_time_get(wasi, M, 0, 0, 0), 0);
    CHECK(load64(0) > UINT64_C(1600000000) * 1000000000u); /* after 2020 */
    CHECK_EQ(wasmc_wasi_clock_res_get(wasi, M, 1, 8), 0);
    CHECK(load64(8) > 0 && load64(8) <= 1000000);
    CHECK_EQ(wasmc_wasi_clock_time_get(wasi, M, 2, 0, 0), WASMC_WASI_ERRNO_BADF); /* no CPU clocks, as Wasmtime */
    CHECK_EQ(wasmc_wasi_clock_res_get(wasi, M, 3, 0), WASMC_WASI_ERRNO_BADF);
    CHECK_EQ(wasmc_wasi_clock_time_get(wasi, M, 9, 0, 0), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_clock_res_get(wasi, M, -1, 0), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_clock_time_get(wasi, M, 1, 0, MEM_SIZE - 7), WASMC_WASI_ERRNO_FAULT);
    wasmc_wasi_destroy(wasi);
}

static void test_random(void) {
    wasmc_wasi *wasi = make_wasi(-1);
    memset(mem + 100, 0, 64);
    memset(mem + 200, 0, 64);
    CHECK_EQ(wasmc_wasi_random_get(wasi, M, 100, 64), 0);
    CHECK_EQ(wasmc_wasi_random_get(wasi, M, 200, 64), 0);
    CHECK(memcmp(mem + 100, mem + 200, 64) != 0);
    static const uint8_t zeros[64];
    CHECK(memcmp(mem + 100, zeros, 64) != 0);
    CHECK_EQ(wasmc_wasi_random_get(wasi, M, MEM_SIZE - 10, 11), WASMC_WASI_ERRNO_FAULT);
    CHECK_EQ(wasmc_wasi_random_get(wasi, M, 0, 0), 0);
    CHECK_EQ(wasmc_wasi_sched_yield(wasi, M), 0);
    wasmc_wasi_destroy(wasi);
}

/* Writes a subscription record (wasm32 layout, 48 bytes). */
static void subscribe_clock(uint32_t at, uint64_t userdata, uint32_t clock, uint64_t timeout, uint16_t flags) {
    memset(mem + at, 0, 48);
    store64(at, userdata);
    mem[at + 8] = 0;
    store32(at + 16, clock);
    store64(at + 24, timeout);
    memcpy(mem + at + 40, &flags, 2);
}

static void subscribe_fd(uint32_t at, uint64_t userdata, uint8_t type, uint32_t fd) {
    memset(mem + at, 0, 48);
    store64(at, userdata);
    mem[at + 8] = type;
    store32(at + 16, fd);
}

static void test_poll_oneoff(void) {
    int pipe_fds[2];
    CHECK(pipe(pipe_fds) == 0);
    wasmc_wasi_config config;
    wasmc_wasi_config_init(&config);
    config.stdin_fd = pipe_fds[0];
    wasmc_wasi *wasi = wasmc_wasi_create(&config, NULL);
    CHECK(wasi != NULL);
    if (!wasi) return;
    /* A relative 20 ms timeout sleeps at least that long and reports its userdata. */
    subscribe_clock(1000, 77, 1, 20000000, 0);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 1, 300), 0);
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long elapsed = (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    CHECK(elapsed >= 20000000);
    CHECK_EQ(load32(300), 1);
    CHECK_EQ(load64(2000), 77);
    CHECK_EQ(load32(2000 + 8) & 0xffff, 0);
    CHECK_EQ(mem[2000 + 10], 0);
    /* An absolute monotonic deadline already in the past fires at once. */
    subscribe_clock(1000, 5, 1, 1, 1);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 1, 300), 0);
    CHECK_EQ(load32(300), 1);
    /* A readable pipe wins over a long timeout; the event reports the available bytes. */
    CHECK_EQ(write(pipe_fds[1], "abc", 3), 3);
    subscribe_fd(1000, 9, 1, 0);
    subscribe_clock(1048, 10, 1, 5000000000u, 0);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 2, 300), 0);
    CHECK_EQ(load32(300), 1);
    CHECK_EQ(load64(2000), 9);
    CHECK_EQ(mem[2000 + 10], 1);
    CHECK_EQ(load64(2000 + 16), 3);
    /* An unknown clock is an event carrying an error; a bad fd, or stdout polled for reading,
       fails the whole call (as in Wasmtime). */
    subscribe_clock(1000, 2, 17, 0, 0);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 1, 300), 0);
    CHECK_EQ(load32(300), 1);
    CHECK_EQ(load32(2000 + 8) & 0xffff, WASMC_WASI_ERRNO_INVAL);
    subscribe_fd(1000, 1, 1, 55);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 1, 300), WASMC_WASI_ERRNO_BADF);
    subscribe_fd(1000, 1, 1, 1);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 1, 300), WASMC_WASI_ERRNO_BADF);
    /* stdout is writable at once. */
    subscribe_fd(1000, 3, 2, 1);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 1, 300), 0);
    CHECK_EQ(load32(300), 1);
    CHECK_EQ(mem[2000 + 10], 2);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 0, 300), WASMC_WASI_ERRNO_INVAL);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, MEM_SIZE - 40, 2000, 1, 300), WASMC_WASI_ERRNO_FAULT);
    CHECK_EQ(wasmc_wasi_poll_oneoff(wasi, M, 1000, 2000, 0x7fffffff, 300), WASMC_WASI_ERRNO_FAULT);
    wasmc_wasi_destroy(wasi);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
}

static jmp_buf exit_jump;
static int32_t exit_seen = -1;

static void exit_hook(void *context, int32_t code) {
    *(int32_t *)context = code;
    longjmp(exit_jump, 1);
}

static void test_proc_exit_and_unsupported(void) {
    wasmc_wasi_config config;
    wasmc_wasi_config_init(&config);
    config.exit_hook = exit_hook;
    config.exit_context = &exit_seen;
    wasmc_wasi *wasi = wasmc_wasi_create(&config, NULL);
    CHECK(wasi != NULL);
    if (!wasi) return;
    if (setjmp(exit_jump) == 0) {
        wasmc_wasi_proc_exit(wasi, M, 3);
        CHECK(!"proc_exit returned");
    }
    CHECK_EQ(exit_seen, 3);
    CHECK_EQ(wasmc_wasi_proc_raise(wasi, M, 6), WASMC_WASI_ERRNO_NOSYS);
    CHECK_EQ(wasmc_wasi_sock_accept(wasi, M, 1, 0, 0), WASMC_WASI_ERRNO_NOTSOCK);
    CHECK_EQ(wasmc_wasi_sock_recv(wasi, M, 77, 0, 0, 0, 0, 0), WASMC_WASI_ERRNO_BADF);
    CHECK_EQ(wasmc_wasi_sock_send(wasi, M, 1, 0, 0, 0, 0), WASMC_WASI_ERRNO_NOTSOCK);
    CHECK_EQ(wasmc_wasi_sock_shutdown(wasi, M, 2, 0), WASMC_WASI_ERRNO_NOTSOCK);
    wasmc_wasi_destroy(wasi);
}

/* Runs proc_exit(status) with stderr captured in `message`; returns the status the hook saw. */
static int32_t exit_through_hook(int32_t status, char *message, size_t size) {
    wasmc_wasi_config config;
    wasmc_wasi_config_init(&config);
    config.exit_hook = exit_hook;
    config.exit_context = &exit_seen;
    wasmc_wasi *wasi = wasmc_wasi_create(&config, NULL);
    FILE *capture = tmpfile();
    int saved_stderr = dup(2);
    CHECK(wasi && capture && saved_stderr >= 0);
    if (!wasi || !capture || saved_stderr < 0) return -1;
    fflush(stderr);
    dup2(fileno(capture), 2);
    exit_seen = -1;
    if (setjmp(exit_jump) == 0) wasmc_wasi_proc_exit(wasi, M, status);
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    rewind(capture);
    size_t n = fread(message, 1, size - 1, capture);
    message[n] = '\0';
    fclose(capture);
    wasmc_wasi_destroy(wasi);
    return exit_seen;
}

/* Only [0, 126) exits as itself (Wasmtime's rule): the OS keeps 8 bits, so 256 would read as success,
   and shells give 126..255 other meanings. Anything else is an error with status 1. */
static void test_proc_exit_status_range(void) {
    char message[256];
    const int32_t valid[] = {0, 1, 125};
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        CHECK_EQ(exit_through_hook(valid[i], message, sizeof message), valid[i]);
        CHECK_EQ(strlen(message), 0);
    }
    const int32_t invalid[] = {126, 127, 128, 255, 256, 257, 512, -1, -255, INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        CHECK_EQ(exit_through_hook(invalid[i], message, sizeof message), WASMC_WASI_INVALID_EXIT_STATUS);
        CHECK(strstr(message, "Error: exit with invalid exit status outside of [0..126)") == message);
    }
    CHECK(WASMC_WASI_INVALID_EXIT_STATUS != 0);
}

static void test_function_table(void) {
    CHECK_EQ(wasmc_wasi_function_count, 46);
    CHECK(strcmp(wasmc_wasi_module_name, "wasi_snapshot_preview1") == 0);
    const wasmc_wasi_function_info *info = wasmc_wasi_find_function("fd_write");
    CHECK(info != NULL);
    if (info) {
        CHECK(strcmp(info->signature, "(i32,i32,i32,i32)->(i32)") == 0);
        CHECK(info->function == (void (*)(void))wasmc_wasi_fd_write);
    }
    info = wasmc_wasi_find_function("path_open");
    CHECK(info && strcmp(info->signature, "(i32,i32,i32,i32,i32,i64,i64,i32,i32)->(i32)") == 0);
    info = wasmc_wasi_find_function("proc_exit");
    CHECK(info && strcmp(info->signature, "(i32)->()") == 0);
    CHECK(wasmc_wasi_find_function("fd_nonexistent") == NULL);
    CHECK(strcmp(wasmc_wasi_errno_name(WASMC_WASI_ERRNO_NOTCAPABLE), "notcapable") == 0);
    CHECK(strcmp(wasmc_wasi_errno_name(WASMC_WASI_ERRNO_BADF), "badf") == 0);
    CHECK(strcmp(wasmc_wasi_errno_name(500), "unknown") == 0);
}

static void test_terminal_stdio(void) {
    /* Stdio on a terminal is a character device without seek/tell rights (so isatty() says yes);
       on anything else (here /dev/null) it is of unknown type, as Wasmtime reports its streams. */
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    CHECK(master >= 0);
    if (master < 0) return;
    CHECK(grantpt(master) == 0 && unlockpt(master) == 0);
    int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
    CHECK(terminal >= 0);
    int device = open("/dev/null", O_WRONLY);
    wasmc_wasi *wasi = make_wasi(terminal);
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, 1, 400), 0);
    CHECK_EQ(mem[400], 2);
    CHECK_EQ(load64(408), RIGHTS_WRITE);
    wasmc_wasi_destroy(wasi);
    wasi = make_wasi(device);
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, 1, 400), 0);
    CHECK_EQ(mem[400], 0);
    CHECK_EQ(wasmc_wasi_fd_fdstat_get(wasi, M, 0, 400), 0);
    CHECK_EQ(load64(408), RIGHTS_READ);
    wasmc_wasi_destroy(wasi);
    close(device);
    close(terminal);
    close(master);
}

static void test_import_thunks(void) {
    int pipe_fds[2];
    CHECK(pipe(pipe_fds) == 0);
    wasmc_wasi *wasi = make_wasi(pipe_fds[1]);
    close(pipe_fds[1]);
    wasmc_wasi_binding binding = {wasi, NULL, NULL};
    const wasmc_wasi_function_info *info = wasmc_wasi_find_function("fd_write");
    CHECK(info != NULL);
    if (!info) return;
    /* Called exactly as compiled code calls an import: callee-instance pointer first. */
    int32_t (*fd_write)(void *, int32_t, int32_t, int32_t, int32_t) =
        (int32_t (*)(void *, int32_t, int32_t, int32_t, int32_t))info->import_function;
    put(3000, "thunk\n");
    store32(100, 3000);
    store32(104, 6);
    CHECK_EQ(fd_write(&binding, 1, 100, 1, 200), WASMC_WASI_ERRNO_FAULT); /* memory not bound yet */
    uint8_t *base = mem;
    uint64_t size = 150; /* a memory too small for the iovec's buffer */
    binding.memory_base = &base;
    binding.memory_size = &size;
    CHECK_EQ(fd_write(&binding, 1, 100, 1, 140), WASMC_WASI_ERRNO_FAULT);
    size = MEM_SIZE; /* the memory grew: the thunk sees the new size */
    CHECK_EQ(fd_write(&binding, 1, 100, 1, 200), 0);
    CHECK_EQ(load32(200), 6);
    char buffer[16] = {0};
    CHECK_EQ(read(pipe_fds[0], buffer, sizeof buffer - 1), 6);
    CHECK(strcmp(buffer, "thunk\n") == 0);
    int32_t (*clock_time_get)(void *, int32_t, int64_t, int32_t) =
        (int32_t (*)(void *, int32_t, int64_t, int32_t))wasmc_wasi_find_function("clock_time_get")->import_function;
    CHECK_EQ(clock_time_get(&binding, 1, 0, 300), 0);
    CHECK(load64(300) > 0);
    /* Every entry has both pointers and a signature whose arity matches the thunk's. */
    for (size_t i = 0; i < wasmc_wasi_function_count; i++) {
        CHECK(wasmc_wasi_functions[i].function != NULL);
        CHECK(wasmc_wasi_functions[i].import_function != NULL);
        CHECK(strncmp(wasmc_wasi_functions[i].signature, "(", 1) == 0);
    }
    wasmc_wasi_destroy(wasi);
    close(pipe_fds[0]);
}

static void test_create_errors(void) {
    wasmc_wasi_preopen preopen = {"/nonexistent/wasmc/dir", NULL};
    wasmc_wasi_config config;
    wasmc_wasi_config_init(&config);
    config.preopen_count = 1;
    config.preopens = &preopen;
    const char *error = NULL;
    CHECK(wasmc_wasi_create(&config, &error) == NULL);
    CHECK(error != NULL);
    wasmc_wasi_config_init(&config);
    config.argc = 2; /* without argv */
    CHECK(wasmc_wasi_create(&config, &error) == NULL);
    /* Closed standard streams are simply absent. */
    wasmc_wasi_config_init(&config);
    config.stdin_fd = -1;
    wasmc_wasi *wasi = wasmc_wasi_create(&config, NULL);
    CHECK(wasi != NULL);
    if (wasi) {
        store32(100, 0);
        store32(104, 1);
        CHECK_EQ(wasmc_wasi_fd_read(wasi, M, 0, 100, 1, 200), WASMC_WASI_ERRNO_BADF);
        wasmc_wasi_destroy(wasi);
    }
}

static void test_options(void) {
    char *argv[] = {"host", "--dir", "/tmp::/data", "--dir=.", "--env", "A=1", "--env=B=x=y", "--", "--dir", "arg", NULL};
    wasmc_wasi_options options;
    char error[128] = "";
    CHECK_EQ(wasmc_wasi_options_parse(&options, "prog", 10, argv, error, sizeof error), 0);
    CHECK_EQ(options.config.preopen_count, 2);
    if (options.config.preopen_count == 2) {
        CHECK(strcmp(options.config.preopens[0].host_path, "/tmp") == 0);
        CHECK(strcmp(options.config.preopens[0].guest_path, "/data") == 0);
        CHECK(strcmp(options.config.preopens[1].host_path, ".") == 0);
        CHECK(strcmp(options.config.preopens[1].guest_path, ".") == 0);
    }
    CHECK_EQ(options.config.envc, 2);
    if (options.config.envc == 2) CHECK(strcmp(options.config.env[1], "B=x=y") == 0);
    CHECK_EQ(options.config.argc, 3);
    if (options.config.argc == 3) {
        CHECK(strcmp(options.config.argv[0], "prog") == 0);
        CHECK(strcmp(options.config.argv[1], "--dir") == 0); /* after "--" options are guest arguments */
        CHECK(strcmp(options.config.argv[2], "arg") == 0);
    }
    wasmc_wasi *wasi = wasmc_wasi_create(&options.config, NULL);
    CHECK(wasi != NULL);
    wasmc_wasi_destroy(wasi);
    wasmc_wasi_options_free(&options);

    char *plain[] = {"host", "first", "--env", "X=1", NULL};
    CHECK_EQ(wasmc_wasi_options_parse(&options, "p", 4, plain, error, sizeof error), 0);
    CHECK_EQ(options.config.argc, 4); /* options end at the first guest argument */
    CHECK_EQ(options.config.envc, 0);
    wasmc_wasi_options_free(&options);

    char *bad_env[] = {"host", "--env", "NOEQUALS", NULL};
    CHECK_EQ(wasmc_wasi_options_parse(&options, "p", 3, bad_env, error, sizeof error), -1);
    CHECK(strstr(error, "NAME=VALUE") != NULL);
    char *missing[] = {"host", "--dir", NULL};
    CHECK_EQ(wasmc_wasi_options_parse(&options, "p", 2, missing, error, sizeof error), -1);
    char *empty_host[] = {"host", "--dir=::/x", NULL};
    CHECK_EQ(wasmc_wasi_options_parse(&options, "p", 2, empty_host, error, sizeof error), -1);
}

/* Executables: baked-in pairs, then (for `wasmc run`'s executables only) strict flags before `--`. */
static void test_executable_options(void) {
    wasmc_wasi_options options;
    char error[256] = "";
    const char *const dirs[] = {"/tmp", "/data", NULL};
    const char *const env[] = {"A", "x\n--dir=/", "B", "=y=", NULL};
    const wasmc_wasi_grants baked = {dirs, env};

    /* A compiled executable: every argument is the program's, however much it looks like a grant. */
    char *program_args[] = {"app", "--dir", "/", "/", "--env", "C", "1", "--", NULL};
    CHECK_EQ(wasmc_wasi_options_for_executable(&options, &baked, false, 8, program_args, error, sizeof error), 0);
    CHECK_EQ(options.config.preopen_count, 1);
    CHECK_EQ(options.config.envc, 2);
    if (options.config.envc == 2) {
        CHECK(strcmp(options.config.env[0], "A=x\n--dir=/") == 0); /* a newline is just a byte */
        CHECK(strcmp(options.config.env[1], "B==y=") == 0);
    }
    CHECK_EQ(options.config.argc, 8);
    if (options.config.argc == 8) CHECK(strcmp(options.config.argv[7], "--") == 0);
    wasmc_wasi_options_free(&options);

    /* `wasmc run`'s executables: each value is one element, and only the first `--` ends the flags. */
    char *run_args[] = {"m.wasm", "--dir", "--env", "/g", "--env", "V", "--\n--dir=/", "--", "--", "--dir", "/", NULL};
    CHECK_EQ(wasmc_wasi_options_for_executable(&options, NULL, true, 11, run_args, error, sizeof error), 0);
    CHECK_EQ(options.config.preopen_count, 1);
    if (options.config.preopen_count == 1) {
        CHECK(strcmp(options.config.preopens[0].host_path, "--env") == 0);
        CHECK(strcmp(options.config.preopens[0].guest_path, "/g") == 0);
    }
    CHECK_EQ(options.config.envc, 1);
    if (options.config.envc == 1) CHECK(strcmp(options.config.env[0], "V=--\n--dir=/") == 0);
    CHECK_EQ(options.config.argc, 4);
    if (options.config.argc == 4) {
        CHECK(strcmp(options.config.argv[0], "m.wasm") == 0);
        CHECK(strcmp(options.config.argv[1], "--") == 0);
        CHECK(strcmp(options.config.argv[2], "--dir") == 0);
    }
    wasmc_wasi_options_free(&options);

    /* Refused: no `--`, a missing value, an unknown or joined flag, empty paths and names, '=' in a name. */
    char *no_end[] = {"m", "--env", "A", "1", NULL};
    char *missing[] = {"m", "--dir", "/", NULL};
    char *joined[] = {"m", "--dir=/", "--", NULL};
    char *guest_arg[] = {"m", "x", "--", NULL};
    char *empty_dir[] = {"m", "--dir", "", "/g", "--", NULL};
    char *empty_guest[] = {"m", "--dir", "/", "", "--", NULL};
    char *empty_name[] = {"m", "--env", "", "x", "--", NULL};
    char *equals_name[] = {"m", "--env", "A=B", "x", "--", NULL};
    struct { char **argv; int argc; } bad[] = {{no_end, 4}, {missing, 3}, {joined, 3}, {guest_arg, 3},
                                                {empty_dir, 5}, {empty_guest, 5}, {empty_name, 5}, {equals_name, 5}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        error[0] = '\0';
        CHECK_EQ(wasmc_wasi_options_for_executable(&options, NULL, true, bad[i].argc, bad[i].argv, error, sizeof error), -1);
        CHECK(error[0] != '\0');
    }
    const char *const bad_env[] = {"", "x", NULL};
    const wasmc_wasi_grants bad_baked = {NULL, bad_env};
    CHECK_EQ(wasmc_wasi_options_for_executable(&options, &bad_baked, false, 1, program_args, error, sizeof error), -1);

    /* A process started with no argv at all still gets a program name. */
    CHECK_EQ(wasmc_wasi_options_for_executable(&options, NULL, false, 0, program_args, error, sizeof error), 0);
    CHECK_EQ(options.config.argc, 1);
    if (options.config.argc == 1) CHECK(strcmp(options.config.argv[0], "") == 0);
    wasmc_wasi_options_free(&options);
}

/* ---- hostile arguments: random calls must never crash, leak out of the sandbox or hang ---- */

static uint64_t fuzz_state = 0x9e3779b97f4a7c15u;
static uint64_t fuzz_next(void) {
    fuzz_state ^= fuzz_state << 13;
    fuzz_state ^= fuzz_state >> 7;
    fuzz_state ^= fuzz_state << 17;
    return fuzz_state;
}

/* Mostly plausible guest addresses, sometimes at or past the end, sometimes anything. */
static int32_t fuzz_pointer(void) {
    switch (fuzz_next() % 4) {
    case 0: return (int32_t)(fuzz_next() % 8192);
    case 1: return (int32_t)(MEM_SIZE - fuzz_next() % 64);
    case 2: return (int32_t)(fuzz_next() % MEM_SIZE);
    default: return (int32_t)fuzz_next();
    }
}

static int32_t fuzz_length(void) {
    switch (fuzz_next() % 3) {
    case 0: return (int32_t)(fuzz_next() % 16);
    case 1: return (int32_t)(fuzz_next() % 512);
    default: return (int32_t)fuzz_next();
    }
}

static int32_t fuzz_fd(void) { return fuzz_next() % 8 ? (int32_t)(fuzz_next() % 9) : (int32_t)fuzz_next(); }

/* Writes a random path made of awkward components at a random place; returns its (pointer, length). */
static void fuzz_path(int32_t *pointer, int32_t *length) {
    static const char *parts[] = {"..", ".", "a", "b", "up", "root", "loop", "", "/", "dir", "x/"};
    char path[128] = "";
    int count = 1 + (int)(fuzz_next() % 5);
    for (int i = 0; i < count; i++) {
        if (i) strcat(path, "/");
        strcat(path, parts[fuzz_next() % (sizeof parts / sizeof parts[0])]);
    }
    if (fuzz_next() % 8 == 0) {
        *pointer = fuzz_pointer();
        *length = fuzz_length();
        return;
    }
    uint32_t at = 8192 + (uint32_t)(fuzz_next() % 4096);
    memcpy(mem + at, path, strlen(path));
    *pointer = (int32_t)at;
    *length = (int32_t)strlen(path);
}

static void fuzz_scribble(void) {
    /* Random bytes in the low area: iovecs, subscriptions and buffers point at garbage too. */
    for (int i = 0; i < 64; i++) mem[fuzz_next() % 8192] = (uint8_t)fuzz_next();
    /* Keep some iovecs small and valid so that reads and writes really happen. */
    store32(64, 9000);
    store32(68, (uint32_t)(fuzz_next() % 256));
}

/* Bounded so the fuzzer neither fills the disk nor sleeps: sizes below 1 MiB. */
static int64_t fuzz_size(void) { return fuzz_next() % 4 ? (int64_t)(fuzz_next() % (1 << 20)) : -(int64_t)(fuzz_next() % 100); }

static void fuzz_poll(wasmc_wasi *wasi) {
    uint32_t count = (uint32_t)(fuzz_next() % 4);
    /* Garbage subscriptions could hold any clock timeout, so hostile pointers here are ones that
       cannot fit (the call must fault); well-placed ones get sanitised contents below. */
    int32_t in = fuzz_next() % 4 ? 1000 : (int32_t)(MEM_SIZE - 1 - fuzz_next() % 47);
    if (in != 1000 && count == 0) count = 1;
    for (uint32_t i = 0; i < count && in == 1000; i++) {
        uint32_t at = 1000 + i * 48;
        for (int j = 0; j < 48; j++) mem[at + (uint32_t)j] = (uint8_t)fuzz_next();
        mem[at + 8] = (uint8_t)(fuzz_next() % 4);
        if (mem[at + 8] == 0) {
            /* Clocks: short relative timeouts, or absolute ones, which are then in the past. */
            store64(at + 24, fuzz_next() % 100000);
            mem[at + 40] = (uint8_t)(fuzz_next() % 2);
        } else {
            store32(at + 16, (uint32_t)fuzz_fd());
        }
    }
    /* A clock guarantees the call returns even when no fd becomes ready. */
    if (in == 1000) {
        subscribe_clock(1000 + count * 48, 1, 1, 100000, 0);
        count++;
    }
    wasmc_wasi_poll_oneoff(wasi, M, in, fuzz_pointer(), (int32_t)count, fuzz_pointer());
}

static void test_hostile_arguments(void) {
    int null_fd = open("/dev/null", O_RDWR);
    CHECK(null_fd >= 0);
    wasmc_wasi_preopen preopen = {sandbox, "/sandbox"};
    wasmc_wasi_config config;
    wasmc_wasi_config_init(&config);
    config.stdin_fd = config.stdout_fd = config.stderr_fd = null_fd;
    config.preopen_count = 1;
    config.preopens = &preopen;
    wasmc_wasi *wasi = wasmc_wasi_create(&config, NULL);
    close(null_fd);
    CHECK(wasi != NULL);
    if (!wasi) return;
    char path[256];
    host_path(path, sizeof path, "up");
    symlink("..", path);
    host_path(path, sizeof path, "root");
    symlink("/", path);
    host_path(path, sizeof path, "loop");
    symlink("loop", path);
    host_path(path, sizeof path, "dir");
    mkdir(path, 0755);

    int32_t p1, l1, p2, l2;
    int successes = 0, faults = 0;
    for (int i = 0; i < 100000; i++) {
        if (i % 16 == 0) fuzz_scribble();
        int32_t fd = fuzz_fd(), r = -1;
        switch (fuzz_next() % 45) {
        case 0: r = wasmc_wasi_args_get(wasi, M, fuzz_pointer(), fuzz_pointer()); break;
        case 1: r = wasmc_wasi_args_sizes_get(wasi, M, fuzz_pointer(), fuzz_pointer()); break;
        case 2: r = wasmc_wasi_environ_get(wasi, M, fuzz_pointer(), fuzz_pointer()); break;
        case 3: r = wasmc_wasi_environ_sizes_get(wasi, M, fuzz_pointer(), fuzz_pointer()); break;
        case 4: r = wasmc_wasi_clock_res_get(wasi, M, (int32_t)fuzz_next() % 6, fuzz_pointer()); break;
        case 5: r = wasmc_wasi_clock_time_get(wasi, M, (int32_t)fuzz_next() % 6, (int64_t)fuzz_next(), fuzz_pointer()); break;
        case 6: r = wasmc_wasi_fd_advise(wasi, M, fd, fuzz_size(), fuzz_size(), (int32_t)(fuzz_next() % 8)); break;
        case 7: r = wasmc_wasi_fd_allocate(wasi, M, fd, fuzz_size(), fuzz_size()); break;
        case 8: if (fd > 3) r = wasmc_wasi_fd_close(wasi, M, fd); break;
        case 9: r = wasmc_wasi_fd_datasync(wasi, M, fd); break;
        case 10: r = wasmc_wasi_fd_fdstat_get(wasi, M, fd, fuzz_pointer()); break;
        case 11: r = wasmc_wasi_fd_fdstat_set_flags(wasi, M, fd, (int32_t)(fuzz_next() % 32)); break;
        case 12: r = wasmc_wasi_fd_fdstat_set_rights(wasi, M, fd, (int64_t)fuzz_next(), (int64_t)fuzz_next()); break;
        case 13: r = wasmc_wasi_fd_filestat_get(wasi, M, fd, fuzz_pointer()); break;
        case 14: r = wasmc_wasi_fd_filestat_set_size(wasi, M, fd, fuzz_size()); break;
        case 15: r = wasmc_wasi_fd_filestat_set_times(wasi, M, fd, (int64_t)fuzz_next(), (int64_t)fuzz_next(), (int32_t)(fuzz_next() % 20)); break;
        case 16: r = wasmc_wasi_fd_pread(wasi, M, fd, fuzz_next() % 2 ? 64 : fuzz_pointer(), fuzz_length(), fuzz_size(), fuzz_pointer()); break;
        case 17: r = wasmc_wasi_fd_prestat_get(wasi, M, fd, fuzz_pointer()); break;
        case 18: r = wasmc_wasi_fd_prestat_dir_name(wasi, M, fd, fuzz_pointer(), fuzz_length()); break;
        case 19: r = wasmc_wasi_fd_pwrite(wasi, M, fd, fuzz_next() % 2 ? 64 : fuzz_pointer(), fuzz_length(), fuzz_size(), fuzz_pointer()); break;
        case 20: r = wasmc_wasi_fd_read(wasi, M, fd, fuzz_next() % 2 ? 64 : fuzz_pointer(), fuzz_length(), fuzz_pointer()); break;
        case 21: r = wasmc_wasi_fd_readdir(wasi, M, fd, fuzz_pointer(), fuzz_length(), (int64_t)(fuzz_next() % 8), fuzz_pointer()); break;
        case 22: if (fd > 3) r = wasmc_wasi_fd_renumber(wasi, M, fd, fuzz_fd()); break;
        case 23: r = wasmc_wasi_fd_seek(wasi, M, fd, fuzz_size(), (int32_t)(fuzz_next() % 4), fuzz_pointer()); break;
        case 24: r = wasmc_wasi_fd_sync(wasi, M, fd); break;
        case 25: r = wasmc_wasi_fd_tell(wasi, M, fd, fuzz_pointer()); break;
        case 26: r = wasmc_wasi_fd_write(wasi, M, fd, fuzz_next() % 2 ? 64 : fuzz_pointer(), fuzz_length(), fuzz_pointer()); break;
        case 27: fuzz_path(&p1, &l1); r = wasmc_wasi_path_create_directory(wasi, M, fd, p1, l1); break;
        case 28: fuzz_path(&p1, &l1); r = wasmc_wasi_path_filestat_get(wasi, M, fd, (int32_t)(fuzz_next() % 2), p1, l1, fuzz_pointer()); break;
        case 29: fuzz_path(&p1, &l1); r = wasmc_wasi_path_filestat_set_times(wasi, M, fd, (int32_t)(fuzz_next() % 2), p1, l1, (int64_t)fuzz_next(), (int64_t)fuzz_next(), (int32_t)(fuzz_next() % 16)); break;
        case 30: fuzz_path(&p1, &l1); fuzz_path(&p2, &l2); r = wasmc_wasi_path_link(wasi, M, fd, (int32_t)(fuzz_next() % 2), p1, l1, fuzz_fd(), p2, l2); break;
        case 31: {
            fuzz_path(&p1, &l1);
            int32_t opened = -1;
            if ((r = wasmc_wasi_path_open(wasi, M, fd, (int32_t)(fuzz_next() % 2), p1, l1, (int32_t)(fuzz_next() % 16), (int64_t)fuzz_next(),
                                     (int64_t)fuzz_next(), (int32_t)(fuzz_next() % 32), 2000)) == 0)
                opened = (int32_t)load32(2000);
            if (opened > 8) wasmc_wasi_fd_close(wasi, M, opened); /* keep the table small */
            break;
        }
        case 32: fuzz_path(&p1, &l1); r = wasmc_wasi_path_readlink(wasi, M, fd, p1, l1, fuzz_pointer(), fuzz_length(), fuzz_pointer()); break;
        case 33: fuzz_path(&p1, &l1); r = wasmc_wasi_path_remove_directory(wasi, M, fd, p1, l1); break;
        case 34: fuzz_path(&p1, &l1); fuzz_path(&p2, &l2); r = wasmc_wasi_path_rename(wasi, M, fd, p1, l1, fuzz_fd(), p2, l2); break;
        case 35: fuzz_path(&p1, &l1); fuzz_path(&p2, &l2); r = wasmc_wasi_path_symlink(wasi, M, p1, l1, fd, p2, l2); break;
        case 36: fuzz_path(&p1, &l1); r = wasmc_wasi_path_unlink_file(wasi, M, fd, p1, l1); break;
        case 37: fuzz_poll(wasi); break;
        case 38: r = wasmc_wasi_proc_raise(wasi, M, (int32_t)fuzz_next()); break;
        case 39: r = wasmc_wasi_random_get(wasi, M, fuzz_pointer(), fuzz_length() & 0xffff); break;
        case 40: r = wasmc_wasi_sock_accept(wasi, M, fd, (int32_t)fuzz_next(), fuzz_pointer()); break;
        case 41: r = wasmc_wasi_sock_recv(wasi, M, fd, fuzz_pointer(), fuzz_length(), (int32_t)fuzz_next(), fuzz_pointer(), fuzz_pointer()); break;
        case 42: r = wasmc_wasi_sock_send(wasi, M, fd, fuzz_pointer(), fuzz_length(), (int32_t)fuzz_next(), fuzz_pointer()); break;
        case 43: r = wasmc_wasi_sock_shutdown(wasi, M, fd, (int32_t)fuzz_next()); break;
        default: r = wasmc_wasi_sched_yield(wasi, M); break;
        }
        successes += r == 0;
        faults += r == WASMC_WASI_ERRNO_FAULT;
    }
    wasmc_wasi_destroy(wasi);
    /* The mix must really exercise both the working paths and the bounds checks. */
    CHECK(successes > 10000);
    CHECK(faults > 10000);
    printf("     hostile_arguments: %d succeeded, %d faulted of 100000\n", successes, faults);
    /* Nothing may have appeared next to the sandbox or in the directory outside it. */
    char command[512];
    snprintf(command, sizeof command, "test -z \"$(ls -A '%s')\" && test -z \"$(ls -A '%s/..' | grep -v -x -e box -e secret)\"",
             outside, sandbox);
    CHECK(system(command) == 0);
}

static int open_fd_count(void) {
    DIR *dir = opendir("/proc/self/fd");
    if (!dir) return -1;
    int count = 0;
    while (readdir(dir)) count++;
    closedir(dir);
    return count;
}

static int fds_at_start;

/* Runs last: every test destroyed its contexts, so no host fd may be left open (resolution
   opens and closes directory fds on every path call, readdir keeps streams, renumber moves fds). */
static void test_no_fd_leaks(void) { CHECK_EQ(open_fd_count(), fds_at_start); }

int main(void) {
    fds_at_start = open_fd_count();
    char base[64] = "/tmp/wasmc-wasi-test.XXXXXX";
    if (!mkdtemp(base)) {
        perror("mkdtemp");
        return 1;
    }
    /* base/box is the preopen; base/secret is outside it. */
    snprintf(sandbox, sizeof sandbox, "%s/box", base);
    snprintf(outside, sizeof outside, "%s/secret", base);
    if (mkdir(sandbox, 0755) != 0 || mkdir(outside, 0755) != 0) {
        perror("mkdir");
        return 1;
    }

    run_test("args_and_environment", test_args_and_environment);
    run_test("fd_write_to_pipe", test_fd_write_to_pipe);
    run_test("prestat", test_prestat);
    run_test("sandbox_escapes", test_sandbox_escapes);
    run_test("readlink_host_paths", test_readlink_host_paths);
    run_test("deep_paths", test_deep_paths);
    run_test("file_round_trip", test_file_round_trip);
    run_test("directory_operations", test_directory_operations);
    run_test("readdir_many_entries", test_readdir_many_entries);
    run_test("many_open_files", test_many_open_files);
    run_test("open_access_modes", test_open_access_modes);
    run_test("trailing_slashes", test_trailing_slashes);
    run_test("renumber_and_fdstat", test_renumber_and_fdstat);
    run_test("clocks", test_clocks);
    run_test("random", test_random);
    run_test("poll_oneoff", test_poll_oneoff);
    run_test("proc_exit_and_unsupported", test_proc_exit_and_unsupported);
    run_test("proc_exit_status_range", test_proc_exit_status_range);
    run_test("function_table", test_function_table);
    run_test("import_thunks", test_import_thunks);
    run_test("terminal_stdio", test_terminal_stdio);
    run_test("create_errors", test_create_errors);
    run_test("options", test_options);
    run_test("executable options", test_executable_options);
    run_test("hostile_arguments", test_hostile_arguments);
    run_test("no_fd_leaks", test_no_fd_leaks);

    char command[256];
    snprintf(command, sizeof command, "rm -rf '%s'", base);
    if (system(command) != 0) fprintf(stderr, "warning: could not remove %s\n", base);
    printf("%d passed, %d failed\n", tests_passed, tests_failed);
    return tests_failed ? 1 : 0;
}
