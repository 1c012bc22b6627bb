#!/usr/bin/env bash
# Executables built from Tests/TrapFidelity trap as Wasmtime does, in both bounds modes at -O0 and -O2:
# out-of-bounds loads LLVM could delete, narrow or sink trap before any later side effect, and frames
# of any size end in "call stack exhausted" (status 134) at any `ulimit -s`, never in SIGSEGV.
set -euo pipefail
cd "$(dirname "$0")/../.."
wasmc=${WASMC:-.build/debug/wasmc}
cases=Tests/TrapFidelity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

expect() {  # expect NAME STATUS STDOUT COMMAND...
    local name=$1 status=$2 stdout=$3
    shift 3
    local actual=0
    "$@" >"$work/out" 2>"$work/err" || actual=$?
    if [[ $actual != "$status" || "$(cat "$work/out")" != "$stdout" ]]; then
        echo "FAIL $name: exit $actual (want $status), stdout '$(cat "$work/out")' (want '$stdout'), stderr: $(tail -2 "$work/err" | tr '\n' ' ')"
        failures=$((failures + 1))
    elif [[ $status == 134 ]] && ! grep -q "^Error: wasm trap: " "$work/err"; then
        echo "FAIL $name: no trap report on stderr"
        failures=$((failures + 1))
    fi
}

for wat in dead_load narrowed_load load_before_exit; do
    wasm-tools parse "$cases/$wat.wat" -o "$work/$wat.wasm"
done
for calls in 1 6 40; do
    python3 "$cases/frame.py" "$calls" | wasm-tools parse - -o "$work/frame$calls.wasm"
done

for mode in guard explicit; do
    for level in 0 2; do
        flags=(-O"$level" --bounds-checks "$mode" --no-cache)
        for wat in dead_load narrowed_load load_before_exit; do
            "$wasmc" compile "${flags[@]}" "$work/$wat.wasm" -o "$work/$wat"
            expect "$wat $mode -O$level" 134 "" "$work/$wat"
        done
        # The stack check does not depend on the bounds mode.
        [[ $mode == guard ]] || continue
        for calls in 1 6 40; do
            "$wasmc" compile "${flags[@]}" "$work/frame$calls.wasm" -o "$work/frame$calls"
            for stack in 8192 1024 256; do
                expect "frame of $((16 * calls)) KB, ulimit -s $stack, $mode -O$level" 134 "" \
                    bash -c "ulimit -s $stack && exec \"\$0\"" "$work/frame$calls"
            done
        done
    done
done
echo "trap fidelity: $failures failed"
[[ $failures == 0 ]]
