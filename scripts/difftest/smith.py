"""Generates a module with `wasm-tools smith` from a seed: the seed fixes the random input bytes, and
those fix the module."""
from __future__ import annotations

import random
import re
import subprocess

from tools import WASM_TOOLS

INPUT_BYTES = 4096
FUEL = 1000
REFUEL = "__difftest_refuel"

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
    "--ensure-termination", "--fuel", str(FUEL),
]


def generate(seed: int, path: str) -> str | None:
    """Writes the module to `path`; returns None, or why smith produced nothing."""
    data = random.Random(seed).randbytes(INPUT_BYTES)
    # Every fourth seed asks smith to guard its loads, divisions and conversions: those modules trap
    # far less, so calls run deeper and compare more values.
    flags = FLAGS + (["--disallow-traps", "true"] if seed % 4 == 3 else [])
    result = subprocess.run([WASM_TOOLS, "smith", "-o", path, *flags], input=data, capture_output=True)
    if result.returncode != 0:
        return "smith could not generate a module" if result.returncode == 2 else \
            "smith failed: " + result.stderr.decode(errors="replace").strip().splitlines()[-1][:120]
    return _add_refuel(path)


def _add_refuel(path: str) -> str | None:
    """Exports a function that refills smith's fuel global. The fuel is shared by the whole instance,
    so without a refill the first export that loops long leaves every later call trapping at once."""
    text = subprocess.run([WASM_TOOLS, "print", path], capture_output=True, text=True, check=True).stdout
    globals_ = re.findall(r"^  \(global \(;(\d+);\) (.*)$", text, re.MULTILINE)
    if not globals_ or globals_[-1][1] != f"(mut i32) i32.const {FUEL})":
        return "no fuel global found"  # smith's --ensure-termination adds it last
    index = globals_[-1][0]
    body = text.rstrip()
    assert body.endswith(")")
    text = body[:-1] + f'  (func (export "{REFUEL}") (global.set {index} (i32.const {FUEL})))\n)\n'
    parsed = subprocess.run([WASM_TOOLS, "parse", "-", "-o", path], input=text, capture_output=True, text=True)
    return None if parsed.returncode == 0 else "adding the refuel function failed: " + parsed.stderr[:100]
