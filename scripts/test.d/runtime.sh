#!/usr/bin/env bash
# Runtime core: C unit tests of traps, guard-page faults and chaining, memories, tables, signatures, stack budget.
set -euo pipefail
cd "$(dirname "$0")/../.."
runtime-c/tests/run.sh
runtime-c/tests/run.sh --sanitize
