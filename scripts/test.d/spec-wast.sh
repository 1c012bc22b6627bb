#!/usr/bin/env bash
# Every top-level WebAssembly 2.0 core spec script (SIMD included) on compiled code, in both
# bounds-check modes at -O0 and -O2; each mode must end with 0 failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/spec-suite.sh "the spec scripts"
scripts=("$suite"/*.wast)
echo "spec scripts: ${#scripts[@]} files ($(ls "$suite"/simd_*.wast | wc -l) of them SIMD)"
wasmc=.build/debug/wasmc
status=0
for mode in "-O2 --bounds-checks guard" "-O0 --bounds-checks explicit" "-O2 --bounds-checks explicit" "-O0 --bounds-checks guard"; do
    echo "== wasmc wast $mode"
    # The 2.0 suite rejects modules that 3.0 accepts (multiple memories, memory indices, extended
    # constant expressions), so its rejections are checked against the 2.0 rules.
    # shellcheck disable=SC2086
    "$wasmc" wast --jobs 2 --spec-version 2.0 $mode "${scripts[@]}" || status=1
done
exit $status
