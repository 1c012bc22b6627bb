#!/usr/bin/env bash
# `wasmc run --engine compiled|interpreter|auto`: the same WASI programs (Tests/Programs) compiled and in
# the in-process WasmKit interpreter print the same stdout and stderr and exit the same way; traps read
# the same under both (exit 134); the interpreter's sandbox is as narrow as the compiled one's (only
# granted directories and variables); `auto` falls back only for `unsupported`; `bench` uses the library.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
wasmc=$repo/.build/debug/wasmc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# 1. Programs: compiled against interpreted, stdout + stderr + exit code (traps: both name the trap).
# Not errno_paths: WasmKit's WASI differs from Wasmtime's (and ours) on path edge cases (a symlink with an
# absolute target is created, trailing slashes, link(2) is ENOTSUP), which the interpreter cannot change.
programs=(hello args_env exit_code exit_invalid cat files escape seek strings floats wordfreq
          trap_divide trap_unreachable trap_memory trap_stack)
Tests/Programs/build.sh "$work/build" "${programs[@]}" >/dev/null
only=()
for program in "${programs[@]}"; do only+=(--only "$program"); done
Tests/Programs/run_corpus.py --build "$work/build" "${only[@]}" --compare \
    "$wasmc run --engine compiled {dirs} {envs} {wasm} --" "$wasmc run --engine interpreter {dirs} {envs} {wasm} --" \
    || fail "corpus: compiled and interpreted runs differ"

# 2. The same trap report and status under both engines, for --invoke and for programs.
cat >"$work/traps.wat" <<'WAT'
(module
  (type $v (func))
  (table 2 funcref)
  (memory 1)
  (func (export "boom") unreachable)
  (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
  (func (export "oob") (result i32) (i32.load (i32.const 65536)))
  (func (export "table") (call_indirect (type $v) (i32.const 7)))
  (func (export "null") (call_indirect (type $v) (i32.const 1)))
  (func (export "conv") (result i32) (i32.trunc_f32_s (f32.const nan)))
  (func $deep (export "deep") (call $deep))
  (func (export "ok") (param i64 f64) (result i64 f64) (local.get 0) (local.get 1)))
WAT
wasm-tools parse "$work/traps.wat" -o "$work/traps.wasm"
for call in "boom" "div 0" "oob" "table" "null" "conv" "deep" "ok -7 -0x1p-3"; do
    read -r function args <<<"$call"
    for engine in compiled interpreter; do
        status=0
        # shellcheck disable=SC2086
        "$wasmc" run --engine $engine --invoke "$function" "$work/traps.wasm" $args >"$work/$engine.out" 2>"$work/$engine.err" || status=$?
        echo "$status" >"$work/$engine.status"
        grep -v '^  in wasm function' "$work/$engine.err" >"$work/$engine.report" || true
    done
    cmp -s "$work/compiled.out" "$work/interpreter.out" || fail "--invoke $call: stdout $(cat "$work/compiled.out") vs $(cat "$work/interpreter.out")"
    cmp -s "$work/compiled.status" "$work/interpreter.status" || fail "--invoke $call: status $(cat "$work/compiled.status") vs $(cat "$work/interpreter.status")"
    cmp -s "$work/compiled.report" "$work/interpreter.report" || fail "--invoke $call: stderr '$(cat "$work/compiled.report")' vs '$(cat "$work/interpreter.report")'"
done
# --invoke imports from spectest under both engines: the same print lines, globals, table and memory.
cat >"$work/spectest.wat" <<'WAT'
(module
  (import "spectest" "print_i32" (func $pi (param i32)))
  (import "spectest" "print_f64_f64" (func $pff (param f64 f64)))
  (import "spectest" "print_f32" (func $pf (param f32)))
  (import "spectest" "global_i32" (global $g i32))
  (import "spectest" "global_f32" (global $gf f32))
  (import "spectest" "memory" (memory 1))
  (import "spectest" "table" (table 10 funcref))
  (func (export "g") (result i32)
    (call $pi (i32.const -3)) (call $pff (f64.const 0.1) (f64.const 1e300)) (call $pf (global.get $gf))
    (i32.add (global.get $g) (memory.size))))
WAT
wasm-tools parse "$work/spectest.wat" -o "$work/spectest.wasm"
for engine in compiled interpreter; do "$wasmc" run --engine $engine --invoke g "$work/spectest.wasm" >"$work/$engine.out" 2>&1 || true; done
cmp -s "$work/compiled.out" "$work/interpreter.out" && grep -qx 'i32:667' "$work/interpreter.out" \
    || fail "spectest imports: $(cat "$work/compiled.out") vs $(cat "$work/interpreter.out")"
grep -qx 'Error: wasm trap: unreachable' <("$wasmc" run --engine interpreter --invoke boom "$work/traps.wasm" 2>&1) \
    || fail "interpreter: unreachable is not reported as 'Error: wasm trap: unreachable'"
status=0
"$wasmc" run --engine interpreter "$work/build/trap_divide.wasm" >"$work/out" 2>"$work/err" || status=$?
[ "$status" -eq 134 ] || fail "interpreted trap_divide: exit $status, expected 134"
grep -qx 'Error: wasm trap: integer divide by zero' "$work/err" || fail "interpreted trap_divide: stderr $(head -c 300 "$work/err")"
[ "$(cat "$work/out")" = "before the trap" ] || fail "interpreted trap_divide: stdout before the trap lost"

# 3. Grants: only granted directories (under their guest names) and variables, nothing inherited.
wasm-tools parse Tests/DriverFixtures/peek_grants.wat -o "$work/peek.wasm"
mkdir -p "$work/granted" "$work/other"
echo "TOP SECRET" >"$work/other/secret.txt"
for grants in "" "--dir $work/granted::/sandbox" "--dir $work/granted --env A=1 --env B=2 --env A=3"; do
    # shellcheck disable=SC2086
    SECRET=leak "$wasmc" run --engine compiled $grants "$work/peek.wasm" x 'y z' >"$work/compiled.out"
    # shellcheck disable=SC2086
    SECRET=leak "$wasmc" run --engine interpreter $grants "$work/peek.wasm" x 'y z' >"$work/interpreter.out"
    cmp -s "$work/compiled.out" "$work/interpreter.out" \
        || fail "peek with '$grants': $(od -c "$work/compiled.out" | head -3) vs $(od -c "$work/interpreter.out" | head -3)"
    ! grep -q leak "$work/interpreter.out" || fail "peek with '$grants': an ungranted variable reached the interpreted program"
done
# A C program granted only `granted` reaches neither ../other nor an absolute host path.
cat >"$work/reach.c" <<'C'
#include <stdio.h>
int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) printf("%s: %s\n", argv[i], fopen(argv[i], "r") ? "OPEN" : "blocked");
    return 0;
}
C
clang=$(dirname "$(readlink -f "$(command -v swift)")")/clang
"$clang" --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi -O1 "$work/reach.c" \
    -o "$work/reach.wasm" -nodefaultlibs -lc /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
echo inside >"$work/granted/inside.txt"
paths=(/g/inside.txt /g/../other/secret.txt "$work/other/secret.txt" /etc/passwd ../other/secret.txt)
for engine in compiled interpreter; do
    "$wasmc" run --engine $engine --dir "$work/granted::/g" "$work/reach.wasm" "${paths[@]}" >"$work/$engine.reach"
done
cmp -s "$work/compiled.reach" "$work/interpreter.reach" || fail "reach: $(cat "$work/compiled.reach") vs $(cat "$work/interpreter.reach")"
[ "$(grep -c OPEN "$work/interpreter.reach")" -eq 1 ] && grep -qx '/g/inside.txt: OPEN' "$work/interpreter.reach" \
    || fail "interpreter sandbox: $(cat "$work/interpreter.reach")"

# 4. auto: falls back only when the compiler reports `unsupported`; compiled never does.
cat >"$work/exn.wat" <<'WAT'
(module
  (tag $t)
  (func (export "g") (result i32)
    (block $h (try_table (catch $t $h) (throw $t)))
    (i32.const 7)))
WAT
wasm-tools parse "$work/exn.wat" -o "$work/exn.wasm"
[ "$("$wasmc" run --engine interpreter --invoke g "$work/exn.wasm")" = "i32:7" ] || fail "interpreter: exception handling module"
status=0
"$wasmc" run --engine compiled --invoke g "$work/exn.wasm" >"$work/out" 2>"$work/compiled.err" || status=$?
[ "$status" -eq 1 ] || fail "compiled exn: exit $status, expected 1"
status=0
"$wasmc" run --invoke g "$work/exn.wasm" >"$work/out" 2>"$work/auto.err" || status=$?
if grep -q 'unsupported:' "$work/compiled.err"; then
    feature=$(grep -o 'unsupported: .*' "$work/compiled.err" | head -1)
    [ "$status" -eq 0 ] && [ "$(cat "$work/out")" = "i32:7" ] || fail "auto: no fallback for '$feature' (exit $status)"
    [ "$(cat "$work/auto.err")" = "warning: $feature; running in the interpreter" ] || fail "auto: warning '$(cat "$work/auto.err")'"
else
    # Today's decoder rejects exception handling as malformed: that is not `unsupported`, so no fallback.
    echo "note: the compiler reports '$(head -1 "$work/compiled.err")' for exception handling, not unsupported" >&2
    [ "$status" -eq 1 ] || fail "auto on a rejected module: exit $status, expected 1"
    cmp -s "$work/compiled.err" "$work/auto.err" || fail "auto on a rejected module: '$(cat "$work/auto.err")'"
fi
# The compiler's one `unsupported` today: a function with more than 2^20 locals (translator). auto warns
# once and interprets; WasmKit refuses more than 100,000 locals, so the run fails, but in the interpreter.
python3 - "$work/locals.wasm" <<'PY'
import sys
def leb(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n: return bytes(out)
def section(id, body): return bytes([id]) + leb(len(body)) + body
body = b"\x01" + leb((1 << 20) + 1) + b"\x7f" + b"\x41\x07\x0b"
module = (b"\0asm\1\0\0\0" + section(1, b"\x01\x60\x00\x01\x7f") + section(3, b"\x01\x00")
          + section(7, b"\x01\x01g\x00\x00") + section(10, b"\x01" + leb(len(body)) + body))
open(sys.argv[1], "wb").write(module)
PY
status=0
"$wasmc" run --engine compiled --invoke g "$work/locals.wasm" >/dev/null 2>"$work/compiled.err" || status=$?
[ "$status" -eq 1 ] && grep -q 'unsupported: ' "$work/compiled.err" && ! grep -q warning "$work/compiled.err" \
    || fail "compiled, 2^20+1 locals: exit $status, $(head -c 300 "$work/compiled.err")"
reason=$(sed "s|^$work/locals.wasm: ||" "$work/compiled.err")
status=0
"$wasmc" run --invoke g "$work/locals.wasm" >/dev/null 2>"$work/auto.err" || status=$?
[ "$status" -eq 1 ] || fail "auto, 2^20+1 locals: exit $status, expected 1 (WasmKit's limit)"
[ "$(head -1 "$work/auto.err")" = "warning: $reason; running in the interpreter" ] \
    || fail "auto, 2^20+1 locals: first line '$(head -1 "$work/auto.err")'"
[ "$(grep -c warning "$work/auto.err")" -eq 1 ] && sed -n 2p "$work/auto.err" | grep -q 'Too many locals' \
    || fail "auto, 2^20+1 locals: the interpreter did not run: $(cat "$work/auto.err")"

# A malformed module is an error under every engine, never interpreted.
printf '\0asm\1\0\0\0\x01' >"$work/bad.wasm"
for engine in auto compiled interpreter; do
    status=0
    "$wasmc" run --engine $engine "$work/bad.wasm" >/dev/null 2>"$work/err" || status=$?
    [ "$status" -eq 1 ] || fail "malformed module under $engine: exit $status"
    ! grep -q warning "$work/err" || fail "malformed module under $engine: $(cat "$work/err")"
done
status=0
"$wasmc" run --engine jit "$work/peek.wasm" >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 64 ] && grep -q "jit" "$work/err" && grep -q "compiled" "$work/err" && grep -q "interpreter" "$work/err" || fail "--engine jit: exit $status, $(head -c 300 "$work/err")"

# 5. bench compares with the WasmKit library inside wasmc by default.
"$wasmc" bench "$work/build/hello.wasm" --runs 1 >"$work/bench" 2>&1 || fail "bench: $(tail -3 "$work/bench")"
grep -q '^wasmkit-lib ' "$work/bench" || fail "bench: no wasmkit-lib row: $(cat "$work/bench")"

if [ "$failures" -ne 0 ]; then
    echo "engine: $failures failed" >&2
    exit 1
fi
echo "engine: all passed"
