/* Error reporting of path and fd edge cases: each line shows a call's result and strerror(errno),
   so the errno choices of a runtime are compared with Wasmtime's one by one. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SHOW(label, expression)                                               \
    do {                                                                      \
        errno = 0;                                                            \
        long long result_ = (long long)(expression);                          \
        printf("%-28s %3lld  %s\n", label, result_, strerror(errno));         \
    } while (0)

int main(void) {
    char buffer[16];
    SHOW("symlink absolute target", symlink("/etc/passwd", "abs"));
    SHOW("symlink relative up", symlink("../secret", "up"));
    SHOW("open link leading out", open("up", O_RDONLY) >= 0);
    SHOW("open link, O_NOFOLLOW", open("up", O_RDONLY | O_NOFOLLOW) >= 0);
    SHOW("readlink link", readlink("up", buffer, sizeof buffer));
    SHOW("symlink to itself", symlink("loop", "loop"));
    SHOW("open self loop", open("loop", O_RDONLY) >= 0);
    SHOW("mkdir ..", mkdir("..", 0755));
    SHOW("mkdir existing .", mkdir(".", 0755));
    SHOW("rmdir .", rmdir("."));
    SHOW("mkdir d", mkdir("d", 0755));
    SHOW("unlink a directory", unlink("d"));
    SHOW("rmdir d", rmdir("d"));
    int file = open("f", O_CREAT | O_WRONLY, 0644);
    SHOW("create f", file >= 0);
    close(file);
    SHOW("open f/ (trailing slash)", open("f/", O_RDONLY) >= 0);
    SHOW("open f as directory", open("f", O_RDONLY | O_DIRECTORY) >= 0);
    SHOW("exclusive create of f", open("f", O_CREAT | O_EXCL | O_WRONLY, 0644) >= 0);
    SHOW("readlink regular file", readlink("f", buffer, sizeof buffer));
    SHOW("rmdir regular file", rmdir("f"));
    SHOW("mkdir under a file", mkdir("f/sub", 0755));
    SHOW("open missing", open("missing", O_RDONLY) >= 0);
    SHOW("open missing/deeper", open("missing/deeper", O_RDONLY) >= 0);
    int dir = open(".", O_RDONLY | O_DIRECTORY);
    SHOW("open . as directory", dir >= 0);
    SHOW("write to a directory fd", write(dir, "x", 1));
    SHOW("read from a directory fd", read(dir, buffer, 1));
    SHOW("lseek a directory fd", lseek(dir, 0, SEEK_SET));
    SHOW("close directory fd", close(dir));
    SHOW("close it again", close(dir));
    SHOW("write to closed fd 99", write(99, "x", 1));
    SHOW("rename missing", rename("missing", "other"));
    SHOW("rename f onto .", rename("f", "."));
    SHOW("create newfile/", open("newfile/", O_CREAT | O_WRONLY, 0644) >= 0);
    SHOW("newfile exists", access("newfile", F_OK) == 0);
    SHOW("mkdir nd/", mkdir("nd/", 0755));
    SHOW("rmdir nd/", rmdir("nd/"));
    SHOW("rename f to f2/", rename("f", "f2/"));
    SHOW("rename f/ to f2", rename("f/", "f2"));
    SHOW("rename nd/ to nd2/", rename("nd/", "nd2/"));
    SHOW("stat f/", access("f/", F_OK));
    SHOW("link f to g/", link("f", "g/"));
    SHOW("rmdir nd2", rmdir("nd2"));
    SHOW("unlink f", unlink("f"));
    SHOW("unlink abs", unlink("abs"));
    SHOW("unlink up", unlink("up"));
    SHOW("unlink loop", unlink("loop"));
    return 0;
}
