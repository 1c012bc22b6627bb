#!/usr/bin/env bash
# Spec scripts with every module split into partitions compiled on separate threads (--partition-from 0;
# only large modules are split by default), at -O2 with guard pages and -O0 with explicit checks: calls
# across partitions, imports, exports, tables, segments and the start function must behave as unsplit.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/spec-suite.sh "the partitioned spec scripts"
scripts=()
for name in call_indirect linking imports exports func call start elem data memory_grow global br_table fac simd_linking simd_lane; do
    scripts+=("$suite/$name.wast")
done
wasmc=.build/debug/wasmc
status=0
for mode in "-O2 --bounds-checks guard" "-O0 --bounds-checks explicit"; do
    echo "== wasmc wast --partition-from 0 --codegen-jobs 3 $mode"
    # shellcheck disable=SC2086
    "$wasmc" wast --jobs 2 --spec-version 2.0 --partition-from 0 --codegen-jobs 3 $mode "${scripts[@]}" || status=1
done
exit $status
