#!/usr/bin/env bash
# Benchmark harness: its logic, and that every benchmark program prints the same output natively and
# under each engine that is installed (small sizes; timing is the runner's job, not the tests').
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m unittest discover -s benchmarks -p 'test_*.py'
