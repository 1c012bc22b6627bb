#!/usr/bin/env python3
"""Shrinks a divergent module with `wasm-tools shrink` while wasmc keeps diverging from Wasmtime in the
same way (same divergence class of the first failing command) in one mode.

    shrink.py DIR/module.wasm --mode guard-O2 [--attempts N] [-o small.wasm]

Writes small.wasm and small.wat (default: beside the input) and prints the class it kept.
"""
from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import classify  # noqa: E402
import reference  # noqa: E402
import wasmc  # noqa: E402
from tools import WASM_TOOLS  # noqa: E402
import wastgen  # noqa: E402


def first_divergence(wasm: bytes, mode: str) -> str | None:
    """The class of the first failing command of this module in `mode`, or None if it agrees (or
    cannot be compared)."""
    try:
        record = reference.run(reference.make_engine(), wasm, 0)
    except Exception:
        return None
    with tempfile.TemporaryDirectory(prefix="difftest-shrink-") as scratch:
        text, where = wastgen.script([("m", wasm, record)])
        script = Path(scratch) / "m.wast"
        script.write_text(text)
        failures, died, _ = wasmc.run(wasmc.find_binary(), mode, [script], 1, Path(scratch) / "cache", 60)
    found = sorted((line, detail) for (_, line), (_, detail) in failures.items())
    if died:
        return "wasmc runner died"
    if not found:
        return None
    line, detail = found[0]
    category, kind = classify.classify(where[line][1], detail)
    return kind if category == classify.DIVERGENCE else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("module")
    parser.add_argument("--mode", default="guard-O2", choices=list(wasmc.MODES))
    parser.add_argument("--attempts", type=int, default=300)
    parser.add_argument("-o", "--output")
    parser.add_argument("--check", help=argparse.SUPPRESS)  # predicate: exit 0 if this file keeps the class
    parser.add_argument("--keep", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.check:
        return 0 if first_divergence(Path(args.check).read_bytes(), args.mode) == args.keep else 1
    kind = first_divergence(Path(args.module).read_bytes(), args.mode)
    if kind is None:
        print(f"{args.module}: no divergence in {args.mode}")
        return 1
    output = Path(args.output or Path(args.module).with_name(f"small-{args.mode}.wasm"))
    with tempfile.TemporaryDirectory(prefix="difftest-shrink-") as scratch:
        predicate = Path(scratch) / "predicate.sh"
        predicate.write_text(f"#!/bin/sh\nexec {sys.executable} {Path(__file__).resolve()} x --mode {args.mode} "
                             f"--keep {shlex.quote(kind)} --check \"$1\"\n")
        predicate.chmod(0o755)
        subprocess.run([WASM_TOOLS, "shrink", "--attempts", str(args.attempts), str(predicate), args.module,
                        "-o", str(output)], check=True, env=dict(os.environ))
    wat = subprocess.run([WASM_TOOLS, "print", str(output)], capture_output=True, text=True, check=True).stdout
    output.with_suffix(".wat").write_text(wat)
    print(f"{output} ({output.stat().st_size} bytes) keeps: {kind}")
    print(wat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
