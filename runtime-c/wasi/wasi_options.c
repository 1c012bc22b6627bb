/* Wasmtime-style host options (--dir, --env) turned into a wasmc_wasi_config. */
#include "wasi_internal.h"

#include <stdio.h>
#include <stdlib.h>

void wasmc_wasi_options_free(wasmc_wasi_options *options) {
    if (options->owned_strings)
        for (size_t i = 0; options->owned_strings[i]; i++) free(options->owned_strings[i]);
    free(options->owned_strings);
    free(options->preopen_storage);
    free(options->env_storage);
    free(options->argv_storage);
    memset(options, 0, sizeof *options);
}

/* "--name VALUE" or "--name=VALUE": returns the value and advances *index, or NULL if argv[*index] is not --name. */
static const char *option_value(const char *name, int argc, char *const *argv, int *index, bool *missing) {
    const char *arg = argv[*index];
    size_t len = strlen(name);
    *missing = false;
    if (strncmp(arg, name, len) != 0) return NULL;
    if (arg[len] == '=') return arg + len + 1;
    if (arg[len] != '\0') return NULL;
    if (*index + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*index];
}

int wasmc_wasi_options_parse(wasmc_wasi_options *options, const char *program_name, int argc, char *const *argv,
                             char *error, size_t error_size) {
    memset(options, 0, sizeof *options);
    wasmc_wasi_config_init(&options->config);
    size_t slots = argc > 0 ? (size_t)argc : 1;
    options->preopen_storage = calloc(slots, sizeof *options->preopen_storage);
    options->env_storage = calloc(slots, sizeof *options->env_storage);
    options->argv_storage = calloc(slots + 1, sizeof *options->argv_storage);
    options->owned_strings = calloc(slots + 1, sizeof *options->owned_strings);
    if (!options->preopen_storage || !options->env_storage || !options->argv_storage || !options->owned_strings) {
        snprintf(error, error_size, "out of memory");
        wasmc_wasi_options_free(options);
        return -1;
    }
    size_t preopens = 0, envs = 0, args = 0, owned = 0;
    options->argv_storage[args++] = program_name;
    int i = 1;
    for (; i < argc; i++) {
        bool missing;
        const char *value;
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if ((value = option_value("--dir", argc, argv, &i, &missing)) || missing) {
            if (missing || !*value) goto bad_dir;
            const char *split = strstr(value, "::");
            wasmc_wasi_preopen *preopen = &options->preopen_storage[preopens++];
            if (split) {
                /* HOST::GUEST - the host part is copied into a NUL-terminated string. */
                size_t host_len = (size_t)(split - value);
                if (host_len == 0) goto bad_dir;
                char *host = malloc(host_len + 1);
                if (!host) {
                    snprintf(error, error_size, "out of memory");
                    goto fail;
                }
                memcpy(host, value, host_len);
                host[host_len] = '\0';
                options->owned_strings[owned++] = host;
                preopen->host_path = host;
                preopen->guest_path = split[2] ? split + 2 : host;
            } else {
                preopen->host_path = value;
                preopen->guest_path = value;
            }
        } else if ((value = option_value("--env", argc, argv, &i, &missing)) || missing) {
            if (missing || !strchr(value, '=') || value[0] == '=') {
                snprintf(error, error_size, "--env expects NAME=VALUE");
                goto fail;
            }
            options->env_storage[envs++] = value;
        } else {
            break;
        }
    }
    for (; i < argc; i++) options->argv_storage[args++] = argv[i];
    options->config.argc = args;
    options->config.argv = options->argv_storage;
    options->config.envc = envs;
    options->config.env = options->env_storage;
    options->config.preopen_count = preopens;
    options->config.preopens = options->preopen_storage;
    return 0;
bad_dir:
    snprintf(error, error_size, "--dir expects HOST[::GUEST]");
fail:
    wasmc_wasi_options_free(options);
    return -1;
}
