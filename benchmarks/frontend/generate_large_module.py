#!/usr/bin/env python3
"""Writes a large, deterministic C program whose wasm build (several MB of code) measures frontend throughput.

Real C compiled by clang gives the instruction mix of real modules (locals, loops, switches, calls through
tables, float and memory traffic); the generator only varies constants and shapes so functions differ.
Usage: generate_large_module.py FUNCTIONS > large.c
"""
import random
import sys

TEMPLATES = []


def template(fn):
    TEMPLATES.append(fn)
    return fn


@template
def hash_loop(i, r):
    return f"""
static uint32_t f{i}(const uint8_t *p, uint32_t n) {{
    uint32_t h = {r.randrange(1, 1 << 31)}u;
    for (uint32_t k = 0; k < n; k++) {{
        switch (p[k] & 7) {{
        case 0: h = (h ^ p[k]) * {r.randrange(3, 1 << 24) | 1}u; break;
        case 1: h += (h << {r.randrange(1, 15)}) ^ p[k]; break;
        case 2: h = (h >> {r.randrange(1, 15)}) | (h << {r.randrange(1, 15)}); break;
        case 3: h -= p[k] * {r.randrange(2, 999)}u; break;
        default: h ^= h >> {r.randrange(1, 31)}; break;
        }}
    }}
    return h;
}}"""


@template
def float_kernel(i, r):
    return f"""
static double f{i}(double *x, int n) {{
    double acc = {r.random():.6f};
    for (int k = 1; k < n - 1; k++) {{
        double v = x[k - 1] * {r.random():.5f} + x[k] * {r.random():.5f} + x[k + 1] * {r.random():.5f};
        x[k] = v > {r.random() * 10:.3f} ? v * 0.5 : v + {r.random():.4f};
        acc += x[k] * x[k] / (1.0 + (k & {r.randrange(1, 63)}));
    }}
    return acc;
}}"""


@template
def struct_sort(i, r):
    return f"""
struct s{i} {{ int32_t key; float weight; int64_t tag; }};
static int64_t f{i}(struct s{i} *a, int n) {{
    for (int k = 1; k < n; k++) {{
        struct s{i} v = a[k];
        int j = k - 1;
        while (j >= 0 && (a[j].key > v.key || (a[j].key == v.key && a[j].weight > v.weight))) {{
            a[j + 1] = a[j];
            j--;
        }}
        a[j + 1] = v;
    }}
    int64_t sum = 0;
    for (int k = 0; k < n; k++) sum += a[k].tag * {r.randrange(1, 100)} + a[k].key;
    return sum;
}}"""


@template
def text_scan(i, r):
    return f"""
static int f{i}(const char *s) {{
    int words = 0, digits = 0, upper = 0, state = 0;
    for (; *s; s++) {{
        char c = *s;
        if (c >= '0' && c <= '9') digits += c - '0';
        else if (c >= 'A' && c <= 'Z') upper++;
        if (c == ' ' || c == '\\n' || c == '\\t') state = 0;
        else if (!state) {{ state = 1; words++; }}
    }}
    return words * {r.randrange(2, 50)} + digits - upper * {r.randrange(1, 9)};
}}"""


@template
def recursion(i, r):
    return f"""
static int64_t f{i}(int n, int64_t m) {{
    if (n < {r.randrange(2, 5)}) return m + n;
    return f{i}(n - 1, m * {r.randrange(2, 7)} % 1000003) + (n & 1 ? f{i}(n - 2, m + 1) : {r.randrange(1, 77)});
}}"""


def signature(name):
    return {"hash_loop": "h", "float_kernel": "d", "struct_sort": "s", "text_scan": "t", "recursion": "r"}[name]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 13000
    r = random.Random(20261123)
    out = ["#include <stdint.h>", "#include <stdio.h>", "#include <string.h>"]
    kinds = []
    for i in range(count):
        t = r.choice(TEMPLATES)
        out.append(t(i, r))
        kinds.append(signature(t.__name__))
    # Calls go through chunks of 100 so no single function is huge (that makes clang quadratic).
    out.append("static uint8_t bytes[256]; static double xs[64]; static uint64_t check;")
    chunk = 100
    for start in range(0, count, chunk):
        out.append(f"static void run{start // chunk}(int argc, char **argv) {{")
        for i in range(start, min(start + chunk, count)):
            kind = kinds[i]
            if kind == "h":
                out.append(f"    check += f{i}(bytes, 64);")
            elif kind == "d":
                out.append(f"    check += (uint64_t)f{i}(xs, 64);")
            elif kind == "s":
                out.append(f"    {{ struct s{i} a[8]; for (int k = 0; k < 8; k++) {{ a[k].key = (k * 7) % 5; a[k].weight = k; a[k].tag = k; }} check += f{i}(a, 8); }}")
            elif kind == "t":
                out.append(f"    check += f{i}(argv[0]);")
            else:
                out.append(f"    check += f{i}(8, argc);")
        out.append("}")
    out.append("int main(int argc, char **argv) {")
    out.append("    for (int k = 0; k < 256; k++) bytes[k] = (uint8_t)(k * 31 + argc);")
    out.append("    for (int k = 0; k < 64; k++) xs[k] = k * 0.25;")
    for start in range(0, count, chunk):
        out.append(f"    run{start // chunk}(argc, argv);")
    out.append('    printf("%llu\\n", (unsigned long long)check);')
    out.append("    return 0;\n}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
