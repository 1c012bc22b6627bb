/* wasmc corpus driver for pycryptodome's C primitives (unchanged): known-answer tests for SHA-256,
 * BLAKE2b, ChaCha20 and AES-128, then argv[1] rounds over 1 MiB: ChaCha20-encrypt, AES-encrypt in
 * ECB blocks, hash with SHA-256 and BLAKE2b, decrypt and compare. Prints a digest chain.
 * Exit 1 on a mismatch. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "block_base.h"

typedef struct hash_state hash_state;
typedef struct stream_state stream_state;
int SHA256_init(hash_state **);
int SHA256_update(hash_state *, const uint8_t *, size_t);
int SHA256_digest(const hash_state *, uint8_t *, size_t);
int SHA256_destroy(hash_state *);
int blake2b_init(hash_state **, const uint8_t *, size_t, size_t);
int blake2b_update(hash_state *, const uint8_t *, size_t);
int blake2b_digest(const hash_state *, uint8_t *);
int blake2b_destroy(hash_state *);
int chacha20_init(stream_state **, const uint8_t *, size_t, const uint8_t *, size_t);
int chacha20_encrypt(stream_state *, const uint8_t *, uint8_t *, size_t);
int chacha20_destroy(stream_state *);
int AES_start_operation(const uint8_t *, size_t, BlockBase **);
int AES_stop_operation(BlockBase *);

static void hex(const uint8_t *p, size_t n, char *out) {
    for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", p[i]);
}

static int check(const char *what, const uint8_t *got, size_t n, const char *want) {
    char buf[200];
    hex(got, n, buf);
    if (strcmp(buf, want) != 0) { printf("%s: got %s, want %s\n", what, buf, want); return 1; }
    return 0;
}

static void sha256(const uint8_t *p, size_t n, uint8_t out[32]) {
    hash_state *s;
    SHA256_init(&s); SHA256_update(s, p, n); SHA256_digest(s, out, 32); SHA256_destroy(s);
}

static void blake2b(const uint8_t *p, size_t n, uint8_t out[64]) {
    hash_state *s;
    static const uint8_t nokey[1];
    if (blake2b_init(&s, nokey, 0, 64) != 0) abort(); blake2b_update(s, p, n); blake2b_digest(s, out); blake2b_destroy(s);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 80;
    uint8_t d[96], key[32], nonce[12] = {0}, block[16];
    int bad = 0;
    sha256((const uint8_t *)"abc", 3, d);
    bad |= check("SHA-256(abc)", d, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    blake2b((const uint8_t *)"abc", 3, d);
    bad |= check("BLAKE2b-512(abc)", d, 64, "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                                             "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    for (int i = 0; i < 16; i++) block[i] = (uint8_t)(i * 0x11);
    for (int i = 0; i < 16; i++) key[i] = (uint8_t)i;
    BlockBase *aes;
    AES_start_operation(key, 16, &aes);
    aes->encrypt(aes, block, d, 16);
    bad |= check("AES-128 FIPS-197 C.1", d, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
    AES_stop_operation(aes);
    /* RFC 8439 2.4.2 keystream start (key 00..1f, nonce 000000000000004a00000000, counter 1): encrypt
       zeros from counter 0, so bytes 64.. are the block-1 keystream. */
    for (int i = 0; i < 32; i++) key[i] = (uint8_t)i;
    uint8_t n2[12] = {0, 0, 0, 0, 0, 0, 0, 0x4a, 0, 0, 0, 0}, zeros[80] = {0}, ks[80];
    stream_state *cc;
    chacha20_init(&cc, key, 32, n2, 12);
    chacha20_encrypt(cc, zeros, ks, 80);
    chacha20_destroy(cc);
    bad |= check("ChaCha20 RFC 8439", ks + 64, 16, "224f51f3401bd9e12fde276fb8631ded");
    if (bad) return 1;

    const size_t size = 1u << 20;
    uint8_t *buf = malloc(size), *enc = malloc(size), *tmp = malloc(size);
    for (size_t i = 0; i < size; i++) buf[i] = (uint8_t)(i * 31 + (i >> 9));
    uint8_t chain[32] = {0};
    for (int r = 0; r < rounds; r++) {
        memcpy(key, chain, 32);
        nonce[0] = (uint8_t)r;
        chacha20_init(&cc, key, 32, nonce, 12);
        chacha20_encrypt(cc, buf, tmp, size);
        chacha20_destroy(cc);
        AES_start_operation(key, 16 + 8 * (r % 3), &aes);
        aes->encrypt(aes, tmp, enc, size);
        aes->decrypt(aes, enc, buf, size);
        AES_stop_operation(aes);
        if (memcmp(buf, tmp, size) != 0) { printf("round %d: AES round trip mismatch\n", r); return 1; }
        chacha20_init(&cc, key, 32, nonce, 12);
        chacha20_encrypt(cc, tmp, buf, size);
        chacha20_destroy(cc);
        sha256(enc, size, d);
        blake2b(enc, size, d + 32);
        sha256(d, 96, chain);
        buf[r] ^= chain[0];
    }
    char out[65];
    hex(chain, 32, out);
    printf("pycryptodome primitives: %d rounds of 1 MiB, chain %s\n", rounds, out);
    return 0;
}
