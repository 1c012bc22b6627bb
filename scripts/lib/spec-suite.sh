# Sourced by the spec steps: sets $suite to the WebAssembly spec test suite ($WASMC_SPEC_TESTSUITE or
# ../shared/testsuite beside the checkout). A missing suite fails under CI=true; elsewhere the calling
# step is skipped with a note naming what it would have run.
# Usage: . scripts/lib/spec-suite.sh "the partitioned spec scripts"
suite=${WASMC_SPEC_TESTSUITE:-$(cd .. && pwd)/shared/testsuite}
if [ ! -f "$suite/binary.wast" ]; then
    if [ "${CI:-}" = "true" ]; then echo "error: spec suite missing at $suite" >&2; exit 1; fi
    echo "note: no spec suite at $suite; skipping $1" >&2
    exit 0
fi
