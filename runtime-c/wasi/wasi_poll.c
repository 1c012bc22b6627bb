/* poll_oneoff: clock subscriptions (relative and absolute) and fd readiness, via one ppoll. */
#include "wasi_internal.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef struct subscription {
    uint64_t userdata;
    uint8_t type;
    uint16_t error;          /* set when the subscription fails up front */
    uint64_t deadline;       /* clocks: CLOCK_MONOTONIC deadline in ns */
    int poll_index;          /* fds: index into the pollfd array */
    int host_fd;
} subscription;

static uint64_t now_ns(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t saturating_add(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

static void write_event(uint8_t *mem, uint32_t at, const subscription *s, uint16_t error, uint64_t nbytes, uint16_t flags) {
    memset(mem + at, 0, WASI_EVENT_SIZE);
    wasi_store_u64(mem, at, s->userdata);
    wasi_store_u16(mem, at + 8, error);
    wasi_store_u8(mem, at + 10, s->type);
    wasi_store_u64(mem, at + 16, nbytes);
    wasi_store_u16(mem, at + 24, flags);
}

/* Bytes readable without blocking; *at_end is set for a regular file read to its end (HANGUP, as Wasmtime reports it). */
static uint64_t readable_bytes(int fd, bool *at_end) {
    struct stat st;
    *at_end = false;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t position = lseek(fd, 0, SEEK_CUR);
        *at_end = position >= 0 && st.st_size <= position;
        return position >= 0 && st.st_size > position ? (uint64_t)(st.st_size - position) : 0;
    }
    int available = 0;
    return ioctl(fd, FIONREAD, &available) == 0 && available > 0 ? (uint64_t)available : 0;
}

int32_t wasmc_wasi_poll_oneoff(WASI_MEM, int32_t in, int32_t out, int32_t nsubscriptions, int32_t nevents_ptr) {
    uint32_t count = (uint32_t)nsubscriptions;
    if (count == 0) return WASMC_WASI_ERRNO_INVAL;
    if (!wasi_range_ok(mem_size, in, (uint64_t)count * WASI_SUBSCRIPTION_SIZE) ||
        !wasi_range_ok(mem_size, out, (uint64_t)count * WASI_EVENT_SIZE) || !wasi_range_ok(mem_size, nevents_ptr, 4))
        return WASMC_WASI_ERRNO_FAULT;
    subscription *subs = calloc(count, sizeof *subs);
    struct pollfd *polls = calloc(count, sizeof *polls);
    if (!subs || !polls) {
        free(subs);
        free(polls);
        return WASMC_WASI_ERRNO_NOMEM;
    }
    uint64_t start = now_ns(CLOCK_MONOTONIC);
    uint64_t earliest = UINT64_MAX;
    bool immediate = false;
    int npoll = 0;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t at = (uint32_t)in + i * WASI_SUBSCRIPTION_SIZE;
        subscription *s = &subs[i];
        s->userdata = wasi_load_u64(mem, at);
        s->type = mem[at + 8];
        s->poll_index = -1;
        if (s->type == WASI_EVENTTYPE_CLOCK) {
            uint32_t id = wasi_load_u32(mem, at + 16);
            uint64_t timeout = wasi_load_u64(mem, at + 24);
            uint16_t flags = wasi_load_u16(mem, at + 40);
            if (id > 3) {
                s->error = WASMC_WASI_ERRNO_INVAL;
            } else if (id > 1) {
                s->error = WASMC_WASI_ERRNO_BADF; /* no CPU-time clocks, as in Wasmtime and clock_time_get */
            } else if (flags & WASI_SUBCLOCKFLAGS_ABSTIME) {
                /* Convert an absolute time on the subscribed clock into a monotonic deadline. */
                uint64_t now = now_ns(id == 0 ? CLOCK_REALTIME : CLOCK_MONOTONIC);
                s->deadline = saturating_add(start, timeout > now ? timeout - now : 0);
            } else {
                s->deadline = saturating_add(start, timeout);
            }
            if (s->error) immediate = true;
            else if (s->deadline < earliest) earliest = s->deadline;
        } else if (s->type == WASI_EVENTTYPE_FD_READ || s->type == WASI_EVENTTYPE_FD_WRITE) {
            wasi_fd_entry *entry = wasi_fd_lookup(wasi, (int32_t)wasi_load_u32(mem, at + 16));
            uint64_t needed = s->type == WASI_EVENTTYPE_FD_READ ? WASI_RIGHT_FD_READ : WASI_RIGHT_FD_WRITE;
            /* Like Wasmtime, a subscription that can never fire (no such fd, a directory, stdout for
               reading) fails the whole call rather than producing an error event. */
            if (!entry || entry->filetype == WASI_FILETYPE_DIRECTORY || !(entry->rights_base & needed)) {
                free(subs);
                free(polls);
                return WASMC_WASI_ERRNO_BADF;
            } else {
                s->host_fd = entry->host_fd;
                s->poll_index = npoll;
                polls[npoll].fd = entry->host_fd;
                polls[npoll].events = s->type == WASI_EVENTTYPE_FD_READ ? POLLIN : POLLOUT;
                npoll++;
            }
        } else {
            s->error = WASMC_WASI_ERRNO_INVAL;
            immediate = true;
        }
    }

    int32_t result = WASMC_WASI_ERRNO_SUCCESS;
    for (;;) {
        struct timespec wait, *wait_ptr = NULL;
        uint64_t now = now_ns(CLOCK_MONOTONIC);
        if (immediate || earliest != UINT64_MAX) {
            uint64_t remaining = immediate || earliest <= now ? 0 : earliest - now;
            wait.tv_sec = (time_t)(remaining / 1000000000u);
            wait.tv_nsec = (long)(remaining % 1000000000u);
            wait_ptr = &wait;
        }
        int ready = ppoll(npoll ? polls : NULL, (nfds_t)npoll, wait_ptr, NULL);
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) {
            result = wasi_errno_from_host(errno);
            break;
        }
        now = now_ns(CLOCK_MONOTONIC);
        if (ready > 0 || immediate || earliest <= now) break;
    }

    uint32_t events = 0;
    if (result == WASMC_WASI_ERRNO_SUCCESS) {
        uint64_t now = now_ns(CLOCK_MONOTONIC);
        for (uint32_t i = 0; i < count; i++) {
            const subscription *s = &subs[i];
            uint32_t at = (uint32_t)out + events * WASI_EVENT_SIZE;
            if (s->error) {
                write_event(mem, at, s, s->error, 0, 0);
                events++;
            } else if (s->type == WASI_EVENTTYPE_CLOCK) {
                if (s->deadline <= now) {
                    write_event(mem, at, s, 0, 0, 0);
                    events++;
                }
            } else {
                short revents = polls[s->poll_index].revents;
                if (!revents) continue;
                uint16_t flags = (revents & POLLHUP) ? WASI_EVENTRWFLAGS_HANGUP : 0;
                uint16_t error = (revents & POLLNVAL) ? WASMC_WASI_ERRNO_BADF : 0;
                bool at_end = false;
                uint64_t nbytes = s->type == WASI_EVENTTYPE_FD_READ && !error ? readable_bytes(s->host_fd, &at_end) : 0;
                if (at_end) flags |= WASI_EVENTRWFLAGS_HANGUP;
                write_event(mem, at, s, error, nbytes, flags);
                events++;
            }
        }
        wasi_store_u32(mem, (uint32_t)nevents_ptr, events);
    }
    free(subs);
    free(polls);
    return result;
}
