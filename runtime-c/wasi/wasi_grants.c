/* The WASI config of a wasmc executable, built from grants that are already structured data.
 *
 * Grants never travel as option text that is split or re-parsed: a `wasmc compile` executable has its
 * grants compiled in as (host, guest) and (name, value) string pairs and its whole argv belongs to the
 * program; the executables `wasmc run` caches also take grants as flags in front of the program's
 * arguments, where each path, name and value is one whole argv element and a `--` is mandatory. Nothing
 * is read from the process environment. */
#include "wasi_internal.h"

#include <stdio.h>
#include <stdlib.h>

static size_t pair_count(const char *const *pairs) {
    size_t count = 0;
    while (pairs && pairs[2 * count]) count++;
    return count;
}

static int fail(char *error, size_t error_size, const char *message, const char *detail) {
    snprintf(error, error_size, "%s%s", message, detail ? detail : "");
    return -1;
}

/* Adds one directory grant; both paths must be non-empty (an empty path could never be opened). */
static int add_dir(wasmc_wasi_options *options, const char *host, const char *guest, char *error, size_t error_size) {
    if (!host || !guest) return fail(error, error_size, "--dir expects a host path and a guest path", NULL);
    if (!*host || !*guest) return fail(error, error_size, "--dir: a directory path is empty", NULL);
    wasmc_wasi_preopen *preopen = &options->preopen_storage[options->config.preopen_count++];
    preopen->host_path = host;
    preopen->guest_path = guest;
    return 0;
}

/* Adds NAME=VALUE; the name must be non-empty and free of '=', or the guest could not read it back. */
static int add_env(wasmc_wasi_options *options, size_t *owned, const char *name, const char *value, char *error,
                   size_t error_size) {
    if (!name || !value) return fail(error, error_size, "--env expects a name and a value", NULL);
    if (!*name || strchr(name, '=')) return fail(error, error_size, "--env: invalid variable name: ", name);
    size_t name_len = strlen(name), value_len = strlen(value);
    char *entry = malloc(name_len + value_len + 2);
    if (!entry) return fail(error, error_size, "out of memory", NULL);
    memcpy(entry, name, name_len);
    entry[name_len] = '=';
    memcpy(entry + name_len + 1, value, value_len + 1);
    options->owned_strings[(*owned)++] = entry;
    options->env_storage[options->config.envc++] = entry;
    return 0;
}

int wasmc_wasi_options_for_executable(wasmc_wasi_options *options, const wasmc_wasi_grants *baked,
                                      bool takes_grant_flags, int argc, char *const *argv, char *error,
                                      size_t error_size) {
    memset(options, 0, sizeof *options);
    wasmc_wasi_config_init(&options->config);
    size_t baked_dirs = baked ? pair_count(baked->dirs) : 0, baked_env = baked ? pair_count(baked->env) : 0;
    size_t args = argc > 0 ? (size_t)argc : 0;
    /* Every flag takes at least two argv elements, so args bounds the run-time grants. */
    size_t dir_slots = baked_dirs + args + 1, env_slots = baked_env + args + 1;
    options->preopen_storage = calloc(dir_slots, sizeof *options->preopen_storage);
    options->env_storage = calloc(env_slots, sizeof *options->env_storage);
    options->owned_strings = calloc(env_slots + 1, sizeof *options->owned_strings);
    options->argv_storage = calloc(args + 2, sizeof *options->argv_storage);
    size_t owned = 0;
    if (!options->preopen_storage || !options->env_storage || !options->owned_strings || !options->argv_storage) {
        fail(error, error_size, "out of memory", NULL);
        goto failed;
    }
    options->config.preopens = options->preopen_storage;
    options->config.env = options->env_storage;
    options->config.argv = options->argv_storage;
    for (size_t i = 0; i < baked_dirs; i++)
        if (add_dir(options, baked->dirs[2 * i], baked->dirs[2 * i + 1], error, error_size) != 0) goto failed;
    for (size_t i = 0; i < baked_env; i++)
        if (add_env(options, &owned, baked->env[2 * i], baked->env[2 * i + 1], error, error_size) != 0) goto failed;

    /* The guest's argv[0] is ours (the module's name under `wasmc run`); a process may have none. */
    options->argv_storage[options->config.argc++] = args > 0 && argv[0] ? argv[0] : "";
    int i = 1;
    if (takes_grant_flags) {
        for (;; i++) {
            if (i >= argc) {
                fail(error, error_size, "host flags must end with --", NULL);
                goto failed;
            }
            const char *flag = argv[i];
            if (strcmp(flag, "--") == 0) {
                i++;
                break;
            }
            const char *first = i + 1 < argc ? argv[i + 1] : NULL, *second = i + 2 < argc ? argv[i + 2] : NULL;
            int result;
            if (strcmp(flag, "--dir") == 0) {
                result = add_dir(options, first, second, error, error_size);
            } else if (strcmp(flag, "--env") == 0) {
                result = add_env(options, &owned, first, second, error, error_size);
            } else {
                result = fail(error, error_size, "unknown host flag (expected --dir, --env or --): ", flag);
            }
            if (result != 0) goto failed;
            i += 2;
        }
    }
    for (; i < argc; i++) options->argv_storage[options->config.argc++] = argv[i];
    return 0;
failed:
    wasmc_wasi_options_free(options);
    return -1;
}
