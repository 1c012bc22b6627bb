"""Generates a module with `wasm-tools smith` from a seed: the seed fixes the random input bytes, and
those fix the module."""
from __future__ import annotations

import random
import subprocess

INPUT_BYTES = 4096

# WebAssembly 2.0 as wasmc implements it: SIMD, reference types, bulk memory, multi-value, sign
# extension, saturating conversions on; every later proposal off. No imports (nothing to provide), all
# functions exported (each is called), sizes bounded so instantiation stays small, NaNs canonicalized
# (engines may differ on NaN bits otherwise), and a fuel global that makes every loop and call chain end.
FLAGS = [
    "--simd-enabled", "true", "--reference-types-enabled", "true", "--bulk-memory-enabled", "true",
    "--multi-value-enabled", "true", "--sign-extension-ops-enabled", "true",
    "--saturating-float-to-int-enabled", "true",
    "--threads-enabled", "false", "--shared-everything-threads-enabled", "false", "--memory64-enabled", "false",
    "--tail-call-enabled", "false", "--exceptions-enabled", "false", "--gc-enabled", "false",
    "--relaxed-simd-enabled", "false", "--custom-page-sizes-enabled", "false", "--extended-const-enabled", "false",
    "--wide-arithmetic-enabled", "false", "--custom-descriptors-enabled", "false",
    "--compact-imports-enabled", "false",
    "--max-imports", "0", "--min-memories", "1", "--max-memories", "1", "--max-tables", "2",
    "--memory-max-size-required", "true", "--max-memory32-bytes", str(1 << 20),
    "--table-max-size-required", "true", "--max-table-elements", "100",
    "--min-types", "2", "--max-types", "20", "--min-funcs", "3", "--max-funcs", "20",
    "--max-globals", "20", "--max-data-segments", "10", "--max-element-segments", "10", "--max-elements", "20",
    "--export-everything", "true", "--canonicalize-nans", "true",
    "--ensure-termination", "--fuel", "1000",
]


def generate(seed: int, path: str) -> str | None:
    """Writes the module to `path`; returns None, or why smith produced nothing."""
    data = random.Random(seed).randbytes(INPUT_BYTES)
    result = subprocess.run(["wasm-tools", "smith", "-o", path, *FLAGS], input=data, capture_output=True)
    if result.returncode != 0:
        return "smith could not generate a module" if result.returncode == 2 else \
            "smith failed: " + result.stderr.decode(errors="replace").strip().splitlines()[-1][:120]
    return None
