/* Binary trees (Benchmarks Game formulation): allocate and walk many
 * short-lived trees with malloc/free next to one long-lived tree.
 * argv[1] = number of rounds of the classic loop with maximum depth 16. */
#include <stdio.h>
#include <stdlib.h>

#define MIN_DEPTH 4
#define MAX_DEPTH 16

struct node { struct node *left, *right; };

static struct node *make(int depth) {
    struct node *n = malloc(sizeof *n);
    if (!n) {
        fputs("out of memory\n", stderr);
        exit(1);
    }
    if (depth > 0) {
        n->left = make(depth - 1);
        n->right = make(depth - 1);
    } else {
        n->left = n->right = NULL;
    }
    return n;
}

static int check(const struct node *n) {
    return 1 + (n->left ? check(n->left) + check(n->right) : 0);
}

static void release(struct node *n) {
    if (n->left) {
        release(n->left);
        release(n->right);
    }
    free(n);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 4;
    if (rounds < 1) rounds = 1;
    unsigned checksum = 0;
    struct node *stretch = make(MAX_DEPTH + 1);
    checksum += (unsigned)check(stretch);
    release(stretch);
    struct node *long_lived = make(MAX_DEPTH);
    for (int r = 0; r < rounds; r++) {
        for (int depth = MIN_DEPTH; depth <= MAX_DEPTH; depth += 2) {
            int iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH);
            unsigned sum = 0;
            for (int i = 0; i < iterations; i++) {
                struct node *t = make(depth);
                sum += (unsigned)check(t);
                release(t);
            }
            checksum = checksum * 31u + sum;
        }
    }
    checksum += (unsigned)check(long_lived);
    release(long_lived);
    printf("binarytrees %d rounds (depth %d): checksum %u\n", rounds, MAX_DEPTH, checksum);
    return 0;
}
