#!/usr/bin/env bash
# Long fuzz runs of the frontend: scripts/fuzz.sh [ITERATIONS] [SEED]
# Seeds are the valid modules of the spec suite ($WASMC_SPEC_TESTSUITE or ../shared/testsuite).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
iterations=${1:-1000000}
seed=${2:-$RANDOM}
suite=${WASMC_SPEC_TESTSUITE:-$(cd .. && pwd)/shared/testsuite}
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
. scripts/lib/convert-spec-suite.sh
convert_spec_suite "$suite" "$corpus"
swift build -c release --product wasmc
.build/release/wasmc fuzz "$corpus" --iterations "$iterations" --seed "$seed"
