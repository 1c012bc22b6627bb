#!/usr/bin/env bash
# Builds every benchmark in benchmarks/src to a native executable and to a
# wasm32-wasi module with the same clang (the Swift toolchain's), both at -O2.
# Usage: benchmarks/build.sh [OUTDIR]   (default: benchmarks/build)
# Output: OUTDIR/native/<name>, OUTDIR/wasm/<name>.wasm (with -msimd128) and
# OUTDIR/wasm-nosimd/<name>.wasm (without, for engines that lack SIMD, e.g. WasmKit).
# Environment: CLANG overrides the compiler; BENCHMARKS="a b" limits the set.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/build}

if [[ -z "${CLANG:-}" ]]; then
    if command -v swift >/dev/null 2>&1; then
        CLANG=$(dirname "$(readlink -f "$(command -v swift)")")/clang
    else
        CLANG=/opt/swift/usr/bin/clang
    fi
fi
[[ -x "$CLANG" ]] || { echo "build.sh: clang not found at $CLANG (set CLANG)" >&2; exit 1; }

builtins=/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
if [[ ! -f /usr/lib/wasm32-wasi/libc.a || ! -f $builtins ]]; then
    echo "build.sh: installing wasi-libc and libclang-rt-19-dev-wasm32" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wasi-libc libclang-rt-19-dev-wasm32 >&2
fi

mkdir -p "$out/native" "$out/wasm" "$out/wasm-nosimd"
names=${BENCHMARKS:-$(cd "$here/src" && ls *.c | sed 's/\.c$//')}
for name in $names; do
    src=$here/src/$name.c
    [[ -f $src ]] || { echo "build.sh: no such benchmark: $name" >&2; exit 1; }
    "$CLANG" -O2 -Wall -Wextra "$src" -o "$out/native/$name" -lm
    wasm=("$CLANG" --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi
          -O2 -Wall -Wextra "$src" -nodefaultlibs -lc "$builtins")
    "${wasm[@]}" -msimd128 -o "$out/wasm/$name.wasm"
    "${wasm[@]}" -o "$out/wasm-nosimd/$name.wasm"
    echo "built $name"
done
