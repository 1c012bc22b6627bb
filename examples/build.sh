#!/usr/bin/env bash
# Rebuilds the bundled example's .wasm with the Swift toolchain's clang (it has the wasm32 target and wasm-ld)
# and Debian's wasi-libc sysroot. The .wasm is committed so the README's first command needs no C toolchain.
set -euo pipefail
cd "$(dirname "$0")"
../scripts/setup.sh
clang=$(dirname "$(readlink -f "$(command -v swift)")")/clang
"$clang" --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi \
    -O2 hello.c -o hello.wasm -nodefaultlibs -lc /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
