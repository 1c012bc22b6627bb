#!/usr/bin/env bash
# Frontend throughput on a large module: builds a generated C program of FUNCTIONS functions (default 13000)
# to wasm32-wasi with the Swift toolchain's clang, then runs `wasmc bench-frontend` on it (release build).
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh
functions=${1:-13000}
out=benchmarks/build/frontend
mkdir -p "$out"
clang=$(dirname "$(readlink -f "$(command -v swift)")")/clang
python3 benchmarks/frontend/generate_large_module.py "$functions" > "$out/large.c"
"$clang" --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi -O2 \
    "$out/large.c" -o "$out/large.wasm" -nodefaultlibs -lc /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
swift build -c release --product wasmc
.build/release/wasmc bench-frontend "$out/large.wasm" --repeat "${REPEAT:-5}"
