#!/usr/bin/env bash
# The main job on the bundled example: installs what is missing, builds wasmc, compiles
# examples/hello.wasm (a C program built for wasm32-wasi) to a native executable and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product wasmc
mkdir -p examples/build
.build/debug/wasmc compile -O2 examples/hello.wasm -o examples/build/hello
echo "== compiled examples/hello.wasm to examples/build/hello; running it:"
examples/build/hello "$@"
