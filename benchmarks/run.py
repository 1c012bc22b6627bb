#!/usr/bin/env python3
"""Runs the benchmark suite under native code and every available WebAssembly
engine, checks each program's output against native, and writes
results/results.md, results.csv and results.svg (the table is printed too).

Example: python3 benchmarks/run.py --runs 3 --wasmc .build-bench/release/wasmc
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import process, report, runners, suite  # noqa: E402
from startup import run as startup  # noqa: E402
from harness.process import RunFailure  # noqa: E402
from harness.report import SCALED_NATIVE, Cell  # noqa: E402


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runners", default=",".join(runners.ALL_RUNNERS),
                        help=f"comma-separated subset of {','.join(runners.ALL_RUNNERS)} (native is always run: "
                             "it is the reference)")
    parser.add_argument("--suite", choices=["kernels", "corpus"], default="kernels",
                        help="kernels: the small programs in benchmarks/src (default); corpus: the real open-source "
                             "programs of benchmarks/corpus (built from pinned PyPI sdists by corpus/build.sh)")
    parser.add_argument("--benchmarks", help="comma-separated benchmark names (default: all in benchmarks/src)")
    parser.add_argument("--runs", type=int, default=3, help="runs per cell; the median is reported (default 3)")
    parser.add_argument("--interp-scale", type=float, default=0.05,
                        help="interpreters (wasmkit, wasm3) run argv[1] = default × this, compared with native at "
                             "that same size (default 0.05)")
    parser.add_argument("--wasmc", help="wasmc executable (default: wasmc on PATH, else the newest .build*/release/wasmc)")
    parser.add_argument("--wasmc-build", choices=runners.WasmcRunner.BUILDS, default="auto",
                        help="module wasmc compiles: simd (-msimd128 build), scalar (no SIMD) or auto (default: simd, "
                             "falling back to scalar, marked in the table, while wasmc reports `unsupported: SIMD`)")
    parser.add_argument("--wasmc-target-cpu", default="generic",
                        help="--target-cpu for wasmc compile: generic (default, like the native column's clang -O2) "
                             "or native (this machine, what wasmc run uses)")
    parser.add_argument("--startup-runs", type=int, default=20,
                        help="runs of the hello-world startup comparison (cached `wasmc run` vs the native "
                             "executable, see startup/run.py) appended to the report; 0 skips it (default 20)")
    parser.add_argument("--wasmkit", help="wasmkit executable (default: on PATH, else /opt/swift/usr/bin/wasmkit)")
    parser.add_argument("--wasm3", help="wasm3 executable (default: on PATH)")
    parser.add_argument("--wasm2c", help="wasm2c executable (default: on PATH)")
    parser.add_argument("--clang", help="clang for the builds and wasm2c output (default: the Swift toolchain's)")
    parser.add_argument("--build-dir", type=Path, default=HERE / "build")
    parser.add_argument("--results-dir", type=Path, default=HERE / "results")
    parser.add_argument("--no-build", action="store_true", help="reuse the programs already in --build-dir")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                        help="cpu: user + system seconds of the run (default; stable when other jobs share the "
                             "cores); wall: elapsed seconds")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed for one run or compile")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.startup_runs < 0:
        parser.error("--startup-runs must be at least 0")
    if not 0 < args.interp_scale <= 1:
        parser.error("--interp-scale must be in (0, 1]")
    unknown = [r for r in args.runners.split(",") if r and r not in runners.ALL_RUNNERS]
    if unknown:
        parser.error(f"unknown runner(s): {', '.join(unknown)}")
    return args


def default_clang() -> str:
    swift = runners.find_executable(None, "swift", [])
    if swift:
        candidate = Path(swift).resolve().parent / "clang"
        if candidate.is_file():
            return str(candidate)
    return "/opt/swift/usr/bin/clang"


def make_runners(args, clang: str) -> list[runners.Runner]:
    repo = HERE.parent
    # Newest release build first: several scratch folders (.build-<name>) may hold one.
    wasmc_fallbacks = sorted(repo.glob(".build*/release/wasmc"), key=lambda p: p.stat().st_mtime, reverse=True)
    chosen = ["native"] + [r for r in args.runners.split(",") if r and r != "native"]
    made = []
    for name in runners.ALL_RUNNERS:
        if name not in chosen:
            continue
        if name == "native":
            made.append(runners.NativeRunner())
        elif name == "wasmc":
            made.append(runners.WasmcRunner(runners.find_executable(args.wasmc, "wasmc", wasmc_fallbacks),
                                            requested=args.wasmc, build=args.wasmc_build,
                                            target_cpu=args.wasmc_target_cpu,
                                            no_cache=args.suite == "corpus"))
        elif name == "wasmtime":
            made.append(runners.WasmtimeRunner())
        elif name == "wasm2c":
            made.append(runners.Wasm2cRunner(runners.find_executable(args.wasm2c, "wasm2c", []), clang,
                                             HERE / "wasm2c" / "wasi.c"))
        elif name == "wasmkit":
            made.append(runners.WasmKitRunner(
                runners.find_executable(args.wasmkit, "wasmkit", [Path("/opt/swift/usr/bin/wasmkit")])))
        elif name == "wasm3":
            made.append(runners.Wasm3Runner(runners.find_executable(args.wasm3, "wasm3", [])))
    return made


def build(args, benches, clang: str) -> None:
    env = dict(os.environ, CLANG=clang, BENCHMARKS=" ".join(b.name for b in benches))
    if args.suite == "corpus":
        env["CORPUS"] = env["BENCHMARKS"]
        subprocess.run(["bash", str(HERE / "corpus" / "build.sh"), str(args.build_dir)], env=env, check=True,
                       stdout=sys.stderr)
        return
    subprocess.run(["bash", str(HERE / "build.sh"), str(args.build_dir)], env=env, check=True,
                   stdout=sys.stderr)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(runner, bench, arg, artifacts, args, reference: str | None) -> Cell:
    """Median of --runs runs; 'wrong' as soon as one output differs from the
    reference (native's, or for native itself its first run's)."""
    cell = Cell("ok", arg)
    try:
        cell.compile_seconds = runner.prepare(bench, artifacts, args.timeout)
        cell.note = runner.note(bench)
        cell.module_bytes = runner.module_bytes(bench)
        times, compiles = [], []
        for _ in range(args.runs):
            result = runner.run(bench, arg, artifacts, args.timeout)
            if reference is None:
                reference = result.stdout
            elif result.stdout.strip() != reference.strip():
                expected = reference.strip().splitlines()[:1]
                got = result.stdout.strip().splitlines()[:1]
                return Cell("wrong", arg, note=f"output {got} differs from {expected}")
            times.append(result.run_seconds)
            if result.compile_seconds is not None:
                compiles.append(result.compile_seconds)
        cell.run_seconds = statistics.median(times)
        cell.output = reference
        if compiles:
            cell.compile_seconds = statistics.median(compiles)
    except RunFailure as failure:
        return Cell(failure.status, arg, note=failure.detail)
    return cell


def main(argv=None) -> int:
    args = parse_arguments(argv)
    process.CLOCK = args.clock
    try:
        if args.suite == "corpus":
            if args.build_dir == HERE / "build":
                args.build_dir = HERE / "build" / "corpus"
            if args.results_dir == HERE / "results":
                args.results_dir = HERE / "results" / "corpus"
            found = suite.discover_corpus(HERE / "corpus" / "programs.tsv")
        else:
            found = suite.discover(HERE / "src")
        benches = suite.select(found, args.benchmarks)
    except ValueError as error:
        print(f"run.py: {error}", file=sys.stderr)
        return 2
    clang = args.clang or default_clang()
    if not args.no_build:
        build(args, benches, clang)
    artifacts = runners.Artifacts(args.build_dir / "native", args.build_dir / "wasm",
                                  args.build_dir / "wasm-nosimd", args.build_dir / "engines")
    engines = make_runners(args, clang)
    native = engines[0]
    unavailable = {e.name: e.unavailable_reason() for e in engines}
    for name, reason in unavailable.items():
        if reason:
            log(f"{name}: n/a ({reason})")
    any_scaled = any(e.scaled and not unavailable[e.name] for e in engines)

    cells: dict[tuple[str, str], Cell] = {}
    for bench in benches:
        full, small = bench.default_arg, bench.scaled_arg(args.interp_scale)
        log(f"{bench.name}: native argv[1]={full}")
        reference_cell = measure(native, bench, full, artifacts, args, None)
        reference_cell.native_seconds = reference_cell.run_seconds
        cells[(bench.name, "native")] = reference_cell
        references = {full: (reference_cell.output, reference_cell.run_seconds)}
        if any_scaled:
            log(f"{bench.name}: native argv[1]={small}")
            scaled_cell = measure(native, bench, small, artifacts, args, None)
            scaled_cell.native_seconds = scaled_cell.run_seconds
            cells[(bench.name, SCALED_NATIVE)] = scaled_cell
            references[small] = (scaled_cell.output, scaled_cell.run_seconds)
        for engine in engines[1:]:
            arg = small if engine.scaled else full
            if unavailable[engine.name]:
                cells[(bench.name, engine.name)] = Cell("n/a", arg, note=unavailable[engine.name])
                continue
            expected, native_seconds = references[arg]
            if expected is None:
                cells[(bench.name, engine.name)] = Cell("error", arg, note="native reference run failed")
                continue
            log(f"{bench.name}: {engine.name} argv[1]={arg}")
            cell = measure(engine, bench, arg, artifacts, args, expected)
            cell.native_seconds = native_seconds
            cells[(bench.name, engine.name)] = cell
            if cell.status != "ok":
                log(f"  {cell.status}: {cell.note}")

    columns = ["native"] + ([SCALED_NATIVE] if any_scaled else []) + [e.name for e in engines[1:]]
    names = [b.name for b in benches]
    header = [
        "# wasmc benchmark results" + (" (real-program corpus)" if args.suite == "corpus" else ""),
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}; host: {cpu_model()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}",
        f"- compiler for native and wasm32-wasi: {clang_version(clang)} at -O2 (wasm with -msimd128)",
        f"- command: `python3 benchmarks/run.py {' '.join(sys.argv[1:] if argv is None else argv)}`".replace(
            "run.py `", "run.py`"),
        f"- each cell: median of {args.runs} run(s) in {clock_words(args.clock)} of the run alone, and its ratio to "
        "native at the same argv[1]; every output was checked against native (`wrong` otherwise)",
    ]
    if "wasmc" in columns:
        header.append(f"- wasmc: `wasmc compile -O2 --target-cpu {args.wasmc_target_cpu}`; its compile is listed apart")
    if any_scaled:
        header.append(
            f"- interpreters ({', '.join(e.name for e in engines if e.scaled)}) run argv[1] × {args.interp_scale:g} "
            "(shown as @N) and are compared with native at that size; they run the build without -msimd128 "
            "(neither the wasmkit CLI nor wasm3 has SIMD)")
    if "wasmtime" in columns:
        header.append("- wasmtime: run = instantiate + `_start` in the Python package (Cranelift); its compile is "
                      "listed apart")
    text = report.markdown(names, columns, cells, header)
    wasmc = next((e for e in engines if e.name == "wasmc" and not unavailable[e.name]), None)
    if wasmc and args.startup_runs > 0 and args.suite != "corpus":
        log(f"startup: {args.startup_runs} interleaved runs of hello-world")
        try:
            rows = startup.measure(wasmc.executable, args.startup_runs, with_wasmtime=False)
            text += "\n" + startup.table(rows, args.startup_runs, base="native hello (cc -O2)")
        except (subprocess.CalledProcessError, OSError) as error:
            text += f"\nStartup comparison failed: {error}\n"
    args.results_dir.mkdir(parents=True, exist_ok=True)
    (args.results_dir / "results.md").write_text(text)
    report.write_csv(args.results_dir / "results.csv", names, columns, cells)
    report.write_svg(args.results_dir / "results.svg", names, columns, cells,
                     f"wasmc benchmarks: time relative to native ({time.strftime('%Y-%m-%d')})")
    print(text)
    log(f"wrote {args.results_dir}/results.md, results.csv, results.svg")
    return 0


def clock_words(clock: str) -> str:
    return "CPU seconds (user + system)" if clock == "cpu" else "wall-clock seconds"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def clang_version(clang: str) -> str:
    try:
        first = subprocess.run([clang, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        return first.split(" (")[0]
    except (OSError, IndexError):
        return clang


if __name__ == "__main__":
    sys.exit(main())
