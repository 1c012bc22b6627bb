#!/usr/bin/env bash
# Builds the WASI layer with its unit tests and runs them. Usage: run.sh [--sanitize]
# --sanitize adds AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wasi_dir=$(dirname "$here")
include_dir=$(dirname "$wasi_dir")/include
cc=${CC:-cc}
flags=(-std=c11 -O1 -g -Wall -Wextra -Wpedantic -Werror -I"$include_dir")
if [[ ${1:-} == --sanitize ]]; then
    flags+=(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$cc" "${flags[@]}" "$wasi_dir"/*.c "$here/test_wasi.c" -o "$out/test_wasi"
"$out/test_wasi"
