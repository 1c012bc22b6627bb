#!/usr/bin/env bash
# Builds the runtime and its unit tests, runs them; prints "N passed, M failed" and fails on any failure.
# --sanitize: compile the runtime sources into the test under UndefinedBehaviorSanitizer instead of
# linking the Makefile's libwasmc_rt.a (AddressSanitizer is left out: it reserves the address space the
# guard-page memories need).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${OUT:-}" ]; then OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT; fi
flags=(-O1 -g -std=c11 -Wall -Wextra -pthread -I "$here/include")
if [ "${1:-}" = "--sanitize" ]; then
    cc "${flags[@]}" -fsanitize=undefined -fno-sanitize-recover=all "$here"/src/*.c "$here/tests/test_runtime.c" -lm \
        -o "$OUT/test_runtime_ubsan"
    "$OUT/test_runtime_ubsan"
else
    make -s -C "$here" OUT="$OUT" static
    cc "${flags[@]}" "$here/tests/test_runtime.c" "$OUT/libwasmc_rt.a" -lm -o "$OUT/test_runtime"
    "$OUT/test_runtime"
fi
