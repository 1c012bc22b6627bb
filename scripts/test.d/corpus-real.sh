#!/usr/bin/env bash
# Real open-source C programs (benchmarks/corpus/programs.tsv: zstd, Brotli, LZ4, cmark-gfm,
# pycryptodome's primitives) built for wasm32-wasi from pinned PyPI sdists: each one's small
# workload must give the same stdout and exit code natively, under Wasmtime and compiled by wasmc.
# wasmc compiles at -O1 to keep the step short on 2 cores (WASMC_CORPUS_OPT overrides; -O2 is what
# the benchmark times). Without network the step fails under CI=true and is skipped otherwise.
# Environment: WASMC overrides the wasmc executable (default .build/debug/wasmc).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=benchmarks/build/corpus
opt=${WASMC_CORPUS_OPT:--O1}
wasmc=${WASMC:-$(pwd)/.build/debug/wasmc}
start=$SECONDS
mkdir -p "$out"

benchmarks/corpus/build.sh "$out" 2> "$out.log"
rc=$?
if [ $rc -eq 3 ]; then
    if [ "${CI:-}" = "true" ]; then
        echo "error: corpus sources could not be downloaded from PyPI (see $out.log)" >&2
        exit 1
    fi
    echo "note: corpus sources could not be downloaded (no network?); corpus-real skipped" >&2
    exit 0
elif [ $rc -ne 0 ]; then
    cat "$out.log" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
while IFS=$'\t' read -r name kind pkg version sha default small; do
    [[ -z $name || $name == \#* ]] && continue
    "$out/native/$name" "$small" > "$work/native.out" 2>&1; native_rc=$?
    python3 scripts/wasmtime_run.py "$out/wasm/$name.wasm" "$small" > "$work/wasmtime.out" 2>&1; wasmtime_rc=$?
    if ! "$wasmc" compile "$opt" --no-cache "$out/wasm/$name.wasm" -o "$work/$name" 2> "$work/compile.err"; then
        echo "FAIL $name: wasmc compile $opt failed: $(head -c 400 "$work/compile.err")" >&2
        failed=$((failed + 1))
        continue
    fi
    "$work/$name" "$small" > "$work/wasmc.out" 2>&1; wasmc_rc=$?
    ok=1
    for engine in wasmtime wasmc; do
        engine_rc_var=${engine}_rc
        if [ "${!engine_rc_var}" -ne "$native_rc" ] || ! cmp -s "$work/native.out" "$work/$engine.out"; then
            echo "FAIL $name: $engine (exit ${!engine_rc_var}) differs from native (exit $native_rc):" >&2
            diff "$work/native.out" "$work/$engine.out" | head -5 >&2
            ok=0
        fi
    done
    if [ $native_rc -ne 0 ]; then
        echo "FAIL $name: the self-check failed (exit $native_rc): $(head -c 300 "$work/native.out")" >&2
        ok=0
    fi
    if [ $ok -eq 1 ]; then
        echo "ok $name ($pkg $version, argv[1]=$small): $(head -1 "$work/native.out")"
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done < benchmarks/corpus/programs.tsv
echo "corpus-real: $passed passed, $failed failed ($((SECONDS - start)) s, wasmc $opt)"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
