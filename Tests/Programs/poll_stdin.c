/* poll() and select() (both poll_oneoff underneath) on stdin, pure timeouts and usleep. A closed fd
   fails the whole WASI poll (EBADF), unlike POSIX POLLNVAL, so there is no native comparison. */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

static long long monotonic_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(void) {
    /* One fd per call: Wasmtime's stdin becomes ready asynchronously, so a combined poll could
       legitimately return stdout alone first. */
    struct pollfd input = {.fd = 0, .events = POLLIN}, output = {.fd = 1, .events = POLLOUT};
    int ready = poll(&input, 1, 5000);
    printf("poll stdin: %d ready, readable %d\n", ready, (input.revents & POLLIN) != 0);
    ready = poll(&output, 1, 5000);
    printf("poll stdout: %d ready, writable %d\n", ready, (output.revents & POLLOUT) != 0);

    char line[64] = {0};
    ssize_t n = read(0, line, sizeof line - 1);
    printf("read %zd bytes: %s", n, line);

    long long start = monotonic_ms();
    ready = poll(NULL, 0, 30);
    long long waited = monotonic_ms() - start;
    printf("poll with no fds: %d, waited at least 30 ms: %s, less than 5 s: %s\n", ready, waited >= 30 ? "yes" : "no",
           waited < 5000 ? "yes" : "no");

    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(0, &readable);
    struct timeval timeout = {0, 100000};
    ready = select(1, &readable, NULL, NULL, &timeout);
    printf("select on stdin at end of input: %d, set %d\n", ready, FD_ISSET(0, &readable) != 0);

    start = monotonic_ms();
    usleep(20000);
    printf("usleep 20 ms waited long enough: %s\n", monotonic_ms() - start >= 20 ? "yes" : "no");

    struct pollfd bad = {.fd = 42, .events = POLLIN};
    ready = poll(&bad, 1, 0);
    printf("poll on a closed fd: %d, revents POLLNVAL %d\n", ready, (bad.revents & POLLNVAL) != 0);
    return 0;
}
