/* Clock sanity. Prints only properties (advanced or not), never times, so output is deterministic. */
#include <stdio.h>
#include <time.h>

static long long nanos(clockid_t clock) {
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) return -1;
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
    long long start = nanos(CLOCK_MONOTONIC);
    struct timespec pause = {0, 5 * 1000 * 1000};
    int slept = nanosleep(&pause, NULL) == 0;
    long long end = nanos(CLOCK_MONOTONIC);
    printf("nanosleep succeeded: %s\n", slept ? "yes" : "no");
    printf("monotonic clock readable: %s\n", start >= 0 && end >= 0 ? "yes" : "no");
    printf("monotonic advanced by at least 5 ms: %s\n", end - start >= 5000000 ? "yes" : "no");
    printf("monotonic advanced by less than 10 s: %s\n", end - start < 10000000000LL ? "yes" : "no");
    long long previous = nanos(CLOCK_MONOTONIC), backwards = 0;
    for (int i = 0; i < 10000; i++) {
        long long now = nanos(CLOCK_MONOTONIC);
        if (now < previous) backwards++;
        previous = now;
    }
    printf("monotonic never went backwards in 10000 reads: %s\n", backwards == 0 ? "yes" : "no");
    long long wall = nanos(CLOCK_REALTIME);
    printf("realtime after 2020: %s\n", wall > 1577836800LL * 1000000000LL ? "yes" : "no");
    time_t t = time(NULL);
    printf("time() agrees with realtime: %s\n", (long long)t - wall / 1000000000LL <= 1 ? "yes" : "no");
    struct timespec resolution;
    printf("monotonic resolution at most 1 ms: %s\n",
           clock_getres(CLOCK_MONOTONIC, &resolution) == 0 && resolution.tv_sec == 0 && resolution.tv_nsec <= 1000000
               ? "yes" : "no");
    struct timespec zero = {0, 0};
    printf("zero-length nanosleep succeeds: %s\n", nanosleep(&zero, NULL) == 0 ? "yes" : "no");
    return 0;
}
