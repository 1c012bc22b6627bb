#!/usr/bin/env bash
# The long differential campaign: N wasm-smith modules (seeds FIRST..FIRST+N-1, FIRST from
# $DIFFTEST_FIRST_SEED, default 1000000, away from the test suite's sample) under Wasmtime and under wasmc
# in four modes (guard/explicit bounds checks, -O2/-O0). Uses the release build when present ($WASMC
# overrides). Ends with a `difftest totals:` line; exits 1 if any module diverged.
#   scripts/difftest-campaign.sh 20000 [--jobs J] [--out DIR] [--modes guard-O2,...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/difftest-campaign.sh N [--jobs J] [difftest.py options]" >&2
    exit 2
fi
count=$1
shift
first=${DIFFTEST_FIRST_SEED:-1000000}
exec python3 scripts/difftest/difftest.py --seeds "$first-$((first + count - 1))" --chunk 1000 "$@"
