#!/usr/bin/env bash
# Builds the corpus: OUTDIR/<prog>.wasm with the Swift toolchain's clang (wasm32-wasi, Debian's
# wasi-libc) and, unless its spec says "native": false, OUTDIR/native/<prog> with the host cc.
# Usage: build.sh OUTDIR [prog ...]   (default: every *.c here)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUTDIR [prog ...]}
shift
mkdir -p "$out/native"

builtins=/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
if [[ ! -f /usr/lib/wasm32-wasi/libc.a || ! -f $builtins ]]; then
    echo "installing wasi-libc and libclang-rt-19-dev-wasm32" >&2
    sudo=
    if [[ $(id -u) -ne 0 ]]; then sudo=sudo; fi
    $sudo apt-get install -y wasi-libc libclang-rt-19-dev-wasm32 >&2 ||
        { $sudo apt-get update >&2 && $sudo apt-get install -y wasi-libc libclang-rt-19-dev-wasm32 >&2; }
fi
swift=$(command -v swift || echo /opt/swift/usr/bin/swift)
clang=$(dirname "$(readlink -f "$swift")")/clang
[[ -x $clang ]] || { echo "no clang next to swift ($clang)" >&2; exit 1; }

if [[ $# -eq 0 ]]; then
    set -- $(cd "$here" && ls *.c | sed 's/\.c$//')
fi
for prog in "$@"; do
    src=$here/$prog.c
    "$clang" --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi \
        -O2 "$src" -o "$out/$prog.wasm" -nodefaultlibs -lc "$builtins"
    # Programs marked "native": false (traps, sandbox checks, direct WASI calls) have no native build.
    if ! grep -q '"native": *false' "$here/$prog.json" 2>/dev/null; then
        cc -O2 -std=gnu11 -w "$src" -o "$out/native/$prog" -lm
    fi
    echo "built $prog" >&2
done
