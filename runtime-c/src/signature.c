/* Canonical signature ids: equal signature strings get equal ids process-wide, so call_indirect
 * compares two integers even across modules. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static char **signatures;
static uint32_t count, capacity;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

uint32_t wasmc_intern_signature(const char *signature) {
    pthread_mutex_lock(&lock);
    for (uint32_t i = 0; i < count; i++) {
        if (strcmp(signatures[i], signature) == 0) {
            pthread_mutex_unlock(&lock);
            return i + 1;
        }
    }
    if (count == capacity) {
        uint32_t grown = capacity ? capacity * 2 : 64;
        char **larger = realloc(signatures, grown * sizeof(char *));
        if (!larger) abort();
        signatures = larger;
        capacity = grown;
    }
    char *copy = strdup(signature);
    if (!copy) abort();
    signatures[count] = copy;
    uint32_t id = ++count;
    pthread_mutex_unlock(&lock);
    return id;
}
