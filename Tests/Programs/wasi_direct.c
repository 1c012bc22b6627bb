/* Calls wasi_snapshot_preview1 functions directly (no libc wrapper) with ordinary and awkward
   arguments and prints each WASI errno, so functions libc rarely uses are compared one by one.
   Left out on purpose (see runtime-c/wasi/README.md): out-of-range enum values (Wasmtime traps, we
   answer INVAL), fd_allocate and fd_fdstat_set_rights (Wasmtime answers NOTSUP, we implement them)
   and poll's exact nbytes (Wasmtime always reports 1, we report the real count). Output is flushed per line so a trap cannot hide earlier results. */
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define SHOW(label, call) printf("%-40s %d\n", label, (int)(call))

static __wasi_fd_t find_preopen(void) {
    for (__wasi_fd_t fd = 3; fd < 64; fd++) {
        __wasi_prestat_t prestat;
        if (__wasi_fd_prestat_get(fd, &prestat) == 0) return fd;
    }
    return (__wasi_fd_t)-1;
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    __wasi_fd_t dir = find_preopen();
    printf("preopen found: %s\n", dir != (__wasi_fd_t)-1 ? "yes" : "no");
    __wasi_prestat_t prestat;
    SHOW("prestat_get preopen", __wasi_fd_prestat_get(dir, &prestat));
    printf("prestat tag %d name length %u\n", prestat.tag, (unsigned)prestat.u.dir.pr_name_len);
    char name[64] = {0};
    SHOW("prestat_dir_name", __wasi_fd_prestat_dir_name(dir, (uint8_t *)name, prestat.u.dir.pr_name_len));
    printf("preopen name [%s]\n", name);
    SHOW("prestat_get stdout", __wasi_fd_prestat_get(1, &prestat));
    SHOW("prestat_get closed fd", __wasi_fd_prestat_get(100, &prestat));

    __wasi_fd_t file, other;
    const __wasi_rights_t rw = __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK |
                               __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_ALLOCATE |
                               __WASI_RIGHTS_FD_ADVISE | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE;
    SHOW("path_open create a.txt", __wasi_path_open(dir, 0, "a.txt", __WASI_OFLAGS_CREAT, rw, 0, 0, &file));
    SHOW("path_open create b.txt", __wasi_path_open(dir, 0, "b.txt", __WASI_OFLAGS_CREAT, rw, 0, 0, &other));
    SHOW("path_open create+directory", __wasi_path_open(dir, 0, "c", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_DIRECTORY, rw, 0, 0, &other) != 0);
    __wasi_ciovec_t iov = {(const uint8_t *)"0123456789", 10};
    __wasi_size_t done;
    SHOW("fd_write", __wasi_fd_write(file, &iov, 1, &done));
    printf("wrote %u\n", (unsigned)done);
    SHOW("fd_write zero iovecs", __wasi_fd_write(file, &iov, 0, &done));
    printf("wrote %u\n", (unsigned)done);
    __wasi_filesize_t position;
    SHOW("fd_seek before start", __wasi_fd_seek(file, -1, __WASI_WHENCE_SET, &position));
    SHOW("fd_seek end -4", __wasi_fd_seek(file, -4, __WASI_WHENCE_END, &position));
    printf("position %llu\n", (unsigned long long)position);
    SHOW("fd_tell", __wasi_fd_tell(file, &position));
    printf("position %llu\n", (unsigned long long)position);
    char buffer[16] = {0};
    __wasi_iovec_t in = {(uint8_t *)buffer, 3};
    SHOW("fd_pread at 2", __wasi_fd_pread(file, &in, 1, 2, &done));
    printf("read %u [%s]\n", (unsigned)done, buffer);
    SHOW("fd_pread past end", __wasi_fd_pread(file, &in, 1, 1000, &done));
    printf("read %u\n", (unsigned)done);
    __wasi_ciovec_t patch = {(const uint8_t *)"XY", 2};
    SHOW("fd_pwrite at 20 (hole)", __wasi_fd_pwrite(file, &patch, 1, 20, &done));
    __wasi_filestat_t stat;
    SHOW("fd_filestat_get", __wasi_fd_filestat_get(file, &stat));
    printf("size %llu type %d links %llu\n", (unsigned long long)stat.size, stat.filetype, (unsigned long long)stat.nlink);
    SHOW("fd_filestat_set_size 5", __wasi_fd_filestat_set_size(file, 5));
    SHOW("fd_filestat_set_times both", __wasi_fd_filestat_set_times(file, 1000000000, 2000000000, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
    SHOW("fd_filestat_set_times conflict", __wasi_fd_filestat_set_times(file, 0, 0, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW));
    SHOW("fd_filestat_get", __wasi_fd_filestat_get(file, &stat));
    printf("size %llu mtim %llu atim %llu\n", (unsigned long long)stat.size, (unsigned long long)stat.mtim,
           (unsigned long long)stat.atim);
    SHOW("fd_advise sequential", __wasi_fd_advise(file, 0, 5, __WASI_ADVICE_SEQUENTIAL));
    SHOW("fd_sync", __wasi_fd_sync(file));
    SHOW("fd_datasync", __wasi_fd_datasync(file));

    __wasi_fdstat_t fdstat;
    SHOW("fd_fdstat_get file", __wasi_fd_fdstat_get(file, &fdstat));
    printf("filetype %d flags %d\n", fdstat.fs_filetype, fdstat.fs_flags);
    SHOW("fd_fdstat_set_flags append", __wasi_fd_fdstat_set_flags(file, __WASI_FDFLAGS_APPEND));
    SHOW("fd_fdstat_get file", __wasi_fd_fdstat_get(file, &fdstat));
    printf("flags %d\n", fdstat.fs_flags);
    SHOW("fd_fdstat_get dir", __wasi_fd_fdstat_get(dir, &fdstat));
    printf("filetype %d\n", fdstat.fs_filetype);
    SHOW("fd_fdstat_get stdout", __wasi_fd_fdstat_get(1, &fdstat));
    printf("stdout can write %d can read %d\n", (fdstat.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0,
           (fdstat.fs_rights_base & __WASI_RIGHTS_FD_READ) != 0);

    SHOW("fd_renumber file -> other", __wasi_fd_renumber(file, other));
    SHOW("fd_tell old number", __wasi_fd_tell(file, &position));
    SHOW("fd_tell new number", __wasi_fd_tell(other, &position));
    SHOW("fd_renumber to closed fd", __wasi_fd_renumber(other, 200));
    SHOW("fd_close", __wasi_fd_close(other));
    SHOW("fd_close again", __wasi_fd_close(other));

    SHOW("path_create_directory d", __wasi_path_create_directory(dir, "d"));
    SHOW("path_create_directory d again", __wasi_path_create_directory(dir, "d"));
    SHOW("path_link a.txt d/hard", __wasi_path_link(dir, 0, "a.txt", dir, "d/hard"));
    SHOW("path_filestat_get d/hard", __wasi_path_filestat_get(dir, 0, "d/hard", &stat));
    printf("links %llu size %llu\n", (unsigned long long)stat.nlink, (unsigned long long)stat.size);
    SHOW("path_symlink a.txt d/soft", __wasi_path_symlink("../a.txt", dir, "d/soft"));
    SHOW("path_filestat_get d/soft nofollow", __wasi_path_filestat_get(dir, 0, "d/soft", &stat));
    printf("type %d\n", stat.filetype);
    SHOW("path_filestat_get d/soft follow", __wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "d/soft", &stat));
    printf("type %d size %llu\n", stat.filetype, (unsigned long long)stat.size);
    SHOW("path_filestat_set_times", __wasi_path_filestat_set_times(dir, 0, "a.txt", 0, 3000000000, __WASI_FSTFLAGS_MTIM));
    SHOW("path_filestat_get a.txt", __wasi_path_filestat_get(dir, 0, "a.txt", &stat));
    printf("mtim %llu\n", (unsigned long long)stat.mtim);
    uint8_t link[32] = {0};
    SHOW("path_readlink d/soft", __wasi_path_readlink(dir, "d/soft", link, sizeof link, &done));
    printf("link [%.*s] (%u)\n", (int)done, (const char *)link, (unsigned)done);
    SHOW("path_readlink short buffer", __wasi_path_readlink(dir, "d/soft", link, 3, &done));
    printf("link [%.*s] (%u)\n", (int)done, (const char *)link, (unsigned)done);
    SHOW("path_readlink not a link", __wasi_path_readlink(dir, "a.txt", link, sizeof link, &done));
    SHOW("path_rename a.txt d/moved", __wasi_path_rename(dir, "a.txt", dir, "d/moved"));
    SHOW("path_rename missing", __wasi_path_rename(dir, "a.txt", dir, "z"));
    SHOW("path_remove_directory d (full)", __wasi_path_remove_directory(dir, "d"));
    SHOW("path_unlink_file d (a dir)", __wasi_path_unlink_file(dir, "d"));
    SHOW("path_unlink_file d/hard", __wasi_path_unlink_file(dir, "d/hard"));
    SHOW("path_unlink_file d/soft", __wasi_path_unlink_file(dir, "d/soft"));
    SHOW("path_unlink_file d/moved", __wasi_path_unlink_file(dir, "d/moved"));
    SHOW("path_remove_directory d", __wasi_path_remove_directory(dir, "d"));
    SHOW("path_unlink_file b.txt", __wasi_path_unlink_file(dir, "b.txt"));

    SHOW("path_open absolute", __wasi_path_open(dir, 0, "/etc/passwd", 0, rw, 0, 0, &file));
    SHOW("path_open ../x", __wasi_path_open(dir, 0, "../x", 0, rw, 0, 0, &file));
    SHOW("path_open empty path", __wasi_path_open(dir, 0, "", 0, rw, 0, 0, &file));
    SHOW("path_create_directory /x", __wasi_path_create_directory(dir, "/x"));
    SHOW("path_symlink to /etc", __wasi_path_symlink("/etc", dir, "abs"));
    SHOW("path_symlink to ../..", __wasi_path_symlink("../..", dir, "up"));
    SHOW("path_open through up/x", __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "up/x", 0, rw, 0, 0, &file));
    SHOW("path_unlink_file up", __wasi_path_unlink_file(dir, "up"));
    SHOW("path_open on stdout", __wasi_path_open(1, 0, "x", 0, rw, 0, 0, &file));
    __wasi_timestamp_t resolution, now;
    SHOW("clock_res_get monotonic", __wasi_clock_res_get(__WASI_CLOCKID_MONOTONIC, &resolution));
    SHOW("clock_time_get realtime", __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &now));
    SHOW("sched_yield", __wasi_sched_yield());
    uint8_t bytes[8];
    SHOW("random_get", __wasi_random_get(bytes, sizeof bytes));
    SHOW("random_get empty", __wasi_random_get(bytes, 0));

    __wasi_subscription_t subscriptions[2];
    __wasi_event_t events[2];
    __wasi_size_t count;
    memset(subscriptions, 0, sizeof subscriptions);
    subscriptions[0].userdata = 42;
    subscriptions[0].u.tag = __WASI_EVENTTYPE_CLOCK;
    subscriptions[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    subscriptions[0].u.u.clock.timeout = 1000000;
    SHOW("poll_oneoff 1 ms clock", __wasi_poll_oneoff(subscriptions, events, 1, &count));
    printf("events %u userdata %llu error %d type %d\n", (unsigned)count, (unsigned long long)events[0].userdata,
           events[0].error, events[0].type);
    subscriptions[1].userdata = 7;
    subscriptions[1].u.tag = __WASI_EVENTTYPE_FD_READ;
    subscriptions[1].u.u.fd_read.file_descriptor = 0;
    subscriptions[0].u.u.clock.timeout = 5000000000ull;
    SHOW("poll_oneoff stdin + 5 s clock", __wasi_poll_oneoff(subscriptions, events, 2, &count));
    printf("events %u userdata %llu error %d type %d some bytes %d\n", (unsigned)count,
           (unsigned long long)events[0].userdata, events[0].error, events[0].type, events[0].fd_readwrite.nbytes > 0);
    subscriptions[1].u.u.fd_read.file_descriptor = 1; /* stdout cannot be read: the whole call fails */
    SHOW("poll_oneoff stdout for reading", __wasi_poll_oneoff(subscriptions, events, 2, &count));
    subscriptions[1].u.u.fd_read.file_descriptor = 77;
    SHOW("poll_oneoff closed fd", __wasi_poll_oneoff(subscriptions, events, 2, &count));
    SHOW("poll_oneoff nothing", __wasi_poll_oneoff(subscriptions, events, 0, &count));

    __wasi_fd_t accepted;
    SHOW("sock_accept stdin", __wasi_sock_accept(0, 0, &accepted));
    SHOW("sock_shutdown closed fd", __wasi_sock_shutdown(99, __WASI_SDFLAGS_RD));
    printf("done\n");
    return 0;
}
