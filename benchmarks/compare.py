#!/usr/bin/env python3
"""Compares two wasmc builds on the benchmark suite in one run: both compile every program
(`compile -O2 --target-cpu generic`, optionally with extra flags), then native, A and B run
interleaved, and the table gives each one's ratio to native and B/A. Use it to check that a
compiler change does not cost run time; ratios from one run are comparable, absolute times across
runs on a shared machine are not.

Example: python3 benchmarks/compare.py --a /tmp/wasmc-before --b .build/release/wasmc --runs 5
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import process  # noqa: E402
from harness.process import run_timed  # noqa: E402
from harness.report import geometric_mean  # noqa: E402
from harness.suite import discover, select  # noqa: E402


def compile_with(wasmc: str, flags: list[str], module: Path, out: Path) -> None:
    subprocess.run([wasmc, "compile", "-O2", "--target-cpu", "generic", "--no-cache", *flags,
                    str(module), "-o", str(out)], check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a", required=True, help="the baseline wasmc executable")
    parser.add_argument("--b", required=True, help="the wasmc executable under test")
    parser.add_argument("--a-flags", default="", help="extra compile flags for A (space-separated)")
    parser.add_argument("--b-flags", default="", help="extra compile flags for B (space-separated)")
    parser.add_argument("--benchmarks", help="comma-separated subset")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per cell; the median is reported")
    parser.add_argument("--build-dir", type=Path, default=HERE / "build")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run([str(HERE / "build.sh"), str(args.build_dir)], check=True, stdout=subprocess.DEVNULL)
    benchmarks = select(discover(HERE / "src"), args.benchmarks)
    rows = []
    with tempfile.TemporaryDirectory(prefix="wasmc-compare-") as work:
        work_dir = Path(work)
        for bench in benchmarks:
            module = args.build_dir / "wasm" / f"{bench.name}.wasm"
            commands = {"native": [str(args.build_dir / "native" / bench.name), str(bench.default_arg)]}
            for label, wasmc, flags in (("A", args.a, args.a_flags), ("B", args.b, args.b_flags)):
                out = work_dir / f"{bench.name}-{label}"
                compile_with(wasmc, flags.split(), module, out)
                commands[label] = [str(out), str(bench.default_arg)]
            times = {label: [] for label in commands}
            outputs = {}
            for _ in range(args.runs):
                for label, command in commands.items():
                    timed = run_timed(command, args.timeout, f"{label} {bench.name}")
                    times[label].append(timed.seconds)
                    outputs.setdefault(label, timed.stdout)
            if len(set(outputs.values())) != 1:
                print(f"{bench.name}: outputs differ between native, A and B", file=sys.stderr)
                return 1
            medians = {label: statistics.median(values) for label, values in times.items()}
            rows.append((bench.name, medians["native"], medians["A"] / medians["native"],
                         medians["B"] / medians["native"], medians["B"] / medians["A"]))
            print(f"{bench.name}: native {medians['native']:.3f} s, A {rows[-1][2]:.3f}x, B {rows[-1][3]:.3f}x", file=sys.stderr)

    print(f"clock: {process.CLOCK}; {args.runs} interleaved runs, medians")
    print(f"A = {args.a} {args.a_flags}".rstrip())
    print(f"B = {args.b} {args.b_flags}".rstrip())
    print()
    print("| benchmark | native s | A / native | B / native | B / A |")
    print("|---|---|---|---|---|")
    for name, native, a, b, ratio in rows:
        print(f"| {name} | {native:.3f} | {a:.3f} | {b:.3f} | {ratio:.3f} |")
    geomeans = [geometric_mean([row[i] for row in rows]) for i in (2, 3, 4)]
    print(f"| **geomean** | | **{geomeans[0]:.3f}** | **{geomeans[1]:.3f}** | **{geomeans[2]:.3f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
