#!/usr/bin/env bash
# The whole test suite: unit tests, frontend conformance and fuzzing, runtime C tests, spec scripts on
# compiled code. Needs the WebAssembly spec suite: $WASMC_SPEC_TESTSUITE, or ../shared/testsuite beside
# the checkout. With CI=true a missing suite fails the run; otherwise those tests are skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

suite=${WASMC_SPEC_TESTSUITE:-$(cd .. && pwd)/shared/testsuite}
if [ -f "$suite/binary.wast" ]; then
    export WASMC_SPEC_TESTSUITE="$suite"
    # Some unit tests read the suite pre-converted to JSON + binaries (one folder per script).
    WASMC_SPEC_JSON=$(mktemp -d)
    export WASMC_SPEC_JSON
    trap 'rm -rf "$WASMC_SPEC_JSON"' EXIT
    . scripts/lib/convert-spec-suite.sh
    convert_spec_suite "$suite" "$WASMC_SPEC_JSON"
elif [ "${CI:-}" = "true" ]; then
    echo "error: the WebAssembly spec test suite is missing at $suite (set WASMC_SPEC_TESTSUITE)" >&2
    exit 1
else
    echo "note: no spec test suite at $suite; spec tests will be skipped (set WASMC_SPEC_TESTSUITE)" >&2
fi

failed=0
passed=0
step() {
    local name=$1
    shift
    echo "== $name"
    if "$@"; then
        passed=$((passed + 1))
    else
        echo "== $name FAILED" >&2
        failed=$((failed + 1))
    fi
}

step "swift build" swift build
step "swift test" swift test
for extra in scripts/test.d/*.sh; do
    [ -e "$extra" ] || continue
    step "$(basename "$extra" .sh)" bash "$extra"
done

echo "test steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
