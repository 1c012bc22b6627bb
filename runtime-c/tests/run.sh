#!/usr/bin/env bash
# Builds the runtime and its unit tests, runs them; prints "N passed, M failed" and fails on any failure.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${OUT:-}" ]; then OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT; fi
make -s -C "$here" OUT="$OUT" static
cc -O1 -g -std=c11 -Wall -Wextra -pthread -I "$here/include" "$here/tests/test_runtime.c" "$OUT/libwasmc_rt.a" -lm \
    -o "$OUT/test_runtime"
"$OUT/test_runtime"
