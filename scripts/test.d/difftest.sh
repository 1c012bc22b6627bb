#!/usr/bin/env bash
# Differential test against Wasmtime: a fixed sample of wasm-smith modules plus the handwritten
# regressions in scripts/difftest/regressions, under wasmc in guard and explicit bounds mode at -O2 and
# -O0. Any disagreement on a result or trap fails; divergent modules are kept in .difftest-out/.
# The long campaign is scripts/difftest-campaign.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
export WASMC=${WASMC:-$(pwd)/.build/debug/wasmc}
exec python3 scripts/difftest/difftest.py --seeds "${DIFFTEST_SEEDS:-1-200}" \
    --regressions scripts/difftest/regressions --jobs 2 --quiet --out "${DIFFTEST_OUT:-.difftest-out}"
