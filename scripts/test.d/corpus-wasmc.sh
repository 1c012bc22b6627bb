#!/usr/bin/env bash
# Real WASI programs (Tests/Programs) compiled by wasmc must behave exactly like the same .wasm under
# Wasmtime: stdout, stderr and exit code (traps: exit 134 and the trap named on stderr).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
Tests/Programs/build.sh "$build" >/dev/null
wasmc=$(pwd)/.build/debug/wasmc
Tests/Programs/run_corpus.py --build "$build" --compare wasmtime "$wasmc run {dirs} {envs} {wasm} --"
# The same programs built natively, where a native build is comparable (not traps or sandbox checks).
Tests/Programs/run_corpus.py --build "$build" --compare wasmtime native
