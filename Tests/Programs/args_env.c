/* Echoes argv and the environment; the program name is reduced to its base name without extension
   so that every runner (wasm file, native or compiled executable) prints the same line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv) {
    const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    size_t name_len = strcspn(name, ".");
    printf("argc=%d\nargv[0]=%.*s\n", argc, (int)name_len, name);
    for (int i = 1; i < argc; i++) printf("argv[%d]=[%s] (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    int count = 0;
    for (char **e = environ; *e; e++) {
        printf("env: %s\n", *e);
        count++;
    }
    printf("%d variables\n", count);
    const char *greeting = getenv("GREETING");
    printf("getenv(GREETING)=%s\n", greeting ? greeting : "(unset)");
    printf("getenv(PATH)=%s\n", getenv("PATH") ? "(set)" : "(unset)");
    return argc == 4 ? 0 : 1;
}
