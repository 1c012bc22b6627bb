"""Tests for the benchmark harness and the programs' cross-engine agreement.

Run: python3 -m unittest discover -s benchmarks -p 'test_*.py'
The integration tests build the programs (benchmarks/build.sh into a temporary
directory) and are skipped when the toolchain or an engine is missing."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import process, report, runners, suite  # noqa: E402
from harness.process import RunFailure, run_timed  # noqa: E402
from harness.report import Cell  # noqa: E402

SMALL_SCALE = 0.005  # keeps every integration run well under a second natively


class SuiteTests(unittest.TestCase):
    def test_discovers_every_program_with_a_default_size(self):
        benches = suite.discover(HERE / "src")
        self.assertGreaterEqual(len(benches), 15)
        self.assertEqual(len({b.name for b in benches}), len(benches))
        for bench in benches:
            self.assertGreater(bench.default_arg, 0, bench.name)

    def test_corpus_table_names_a_driver_and_a_default_size_per_program(self):
        benches = suite.discover_corpus(HERE / "corpus" / "programs.tsv")
        self.assertGreaterEqual(len(benches), 5)
        for bench in benches:
            self.assertTrue(bench.source.is_file(), bench.source)
            self.assertIn(f"atoi(argv[1]) : {bench.default_arg};", bench.source.read_text(), bench.name)

    def test_scaled_size_is_proportional_and_at_least_one(self):
        bench = suite.Benchmark("x", Path("x.c"), 1000)
        self.assertEqual(bench.scaled_arg(0.05), 50)
        self.assertEqual(bench.scaled_arg(0.0001), 1)

    def test_select_rejects_unknown_names(self):
        benches = suite.discover(HERE / "src")
        self.assertEqual([b.name for b in suite.select(benches, "sort,nbody")], ["sort", "nbody"])
        with self.assertRaises(ValueError):
            suite.select(benches, "sort,no-such-benchmark")


class ReportTests(unittest.TestCase):
    def cells(self):
        return {
            ("a", "native"): Cell("ok", 10, 2.0, native_seconds=2.0),
            ("a", "engine"): Cell("ok", 10, 4.0, compile_seconds=0.5, native_seconds=2.0),
            ("b", "native"): Cell("ok", 10, 1.0, native_seconds=1.0),
            ("b", "engine"): Cell("wrong", 10, note="output differs"),
        }

    def test_geometric_mean(self):
        self.assertAlmostEqual(report.geometric_mean([1.0, 4.0]), 2.0)
        self.assertIsNone(report.geometric_mean([]))

    def test_markdown_marks_wrong_output_and_partial_means(self):
        text = report.markdown(["a", "b"], ["native", "engine"], self.cells(), ["# title"])
        self.assertIn("| a | 10 | 2.000 | 4.000 (2.00×) |", text)
        self.assertIn("| b | 10 | 1.000 | wrong |", text)
        self.assertIn("**2.00×** (1/2)", text)  # the wrong cell is left out of the mean
        self.assertIn("b / engine: wrong: output differs", text)
        self.assertIn("| a | 0.500 |", text)  # compile-time table

    def test_notes_mark_ok_cells_and_compile_throughput_is_per_megabyte(self):
        cells = self.cells()
        cells[("a", "engine")].note = "scalar build"
        cells[("a", "engine")].module_bytes = 250_000
        text = report.markdown(["a", "b"], ["native", "engine"], cells, ["# title"])
        self.assertIn("| a | 10 | 2.000 | 4.000 (2.00×) * |", text)
        self.assertIn("a / engine: ok: scalar build", text)
        self.assertIn("| a | 0.500 (2.00 s/MB) |", text)
        self.assertIn("engine compile throughput: 2.00 s per MB of wasm (0.50 s for 0.25 MB over 1 modules)", text)

    def test_csv_and_svg(self):
        with tempfile.TemporaryDirectory() as scratch:
            csv_path, svg_path = Path(scratch) / "r.csv", Path(scratch) / "r.svg"
            report.write_csv(csv_path, ["a", "b"], ["native", "engine"], self.cells())
            rows = csv_path.read_text().splitlines()
            self.assertEqual(len(rows), 5)
            self.assertIn("a,engine,10,ok,0.500000,4.000000,2.000000,2.000000,", rows)
            report.write_svg(svg_path, ["a", "b"], ["native", "engine"], self.cells(), "t")
            root = ElementTree.parse(svg_path).getroot()  # well-formed XML
            bars = [e for e in root.iter("{http://www.w3.org/2000/svg}rect") if e.find(
                "{http://www.w3.org/2000/svg}title") is not None]
            self.assertEqual(len(bars), 2)  # benchmark a and the geometric mean


class ProcessTests(unittest.TestCase):
    def test_failures_become_cells(self):
        with self.assertRaises(RunFailure) as failed:
            run_timed(["false"], 10, "false")
        self.assertEqual(failed.exception.status, "error")
        with self.assertRaises(RunFailure) as slow:
            run_timed(["sleep", "5"], 0.2, "sleep")
        self.assertEqual(slow.exception.status, "timeout")

    def test_cpu_clock_counts_child_time(self):
        process.CLOCK = "cpu"
        busy = run_timed([sys.executable, "-c", "sum(range(3_000_000))"], 30, "busy")
        idle = run_timed(["sleep", "0.3"], 30, "sleep")
        self.assertGreater(busy.seconds, 0.01)
        self.assertLess(idle.seconds, 0.1)
        self.assertGreater(idle.wall, 0.25)


@unittest.skipUnless(Path("/opt/swift/usr/bin/clang").exists() or shutil.which("swift"), "no Swift toolchain clang")
class ProgramAgreementTests(unittest.TestCase):
    """Every program prints the same output natively and under each installed engine."""

    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        out = Path(cls.scratch.name)
        subprocess.run(["bash", str(HERE / "build.sh"), str(out)], check=True, stdout=subprocess.DEVNULL)
        cls.artifacts = runners.Artifacts(out / "native", out / "wasm", out / "wasm-nosimd", out / "engines")
        cls.benches = suite.discover(HERE / "src")
        process.CLOCK = "wall"
        cls.native = runners.NativeRunner()
        cls.expected = {}
        for bench in cls.benches:
            arg = bench.scaled_arg(SMALL_SCALE)
            cls.expected[bench.name] = (arg, cls.native.run(bench, arg, cls.artifacts, 60).stdout)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def check(self, runner, names=None):
        reason = runner.unavailable_reason()
        if reason:
            self.skipTest(reason)
        for bench in self.benches:
            if names and bench.name not in names:
                continue
            arg, expected = self.expected[bench.name]
            with self.subTest(benchmark=bench.name):
                runner.prepare(bench, self.artifacts, 300)
                got = runner.run(bench, arg, self.artifacts, 300).stdout
                self.assertEqual(got, expected)

    def test_native_output_is_deterministic_and_names_the_program(self):
        for bench in self.benches:
            arg, expected = self.expected[bench.name]
            self.assertTrue(expected.startswith(bench.name), expected)
            self.assertEqual(self.native.run(bench, arg, self.artifacts, 60).stdout, expected)

    def test_wasmtime_agrees(self):
        self.check(runners.WasmtimeRunner())

    def test_wasmkit_agrees(self):
        self.check(runners.WasmKitRunner(runners.find_executable(
            None, "wasmkit", [Path("/opt/swift/usr/bin/wasmkit")])))

    def fake_wasmc(self, body: str) -> str:
        """A stand-in compiler script, to test the wasmc runner's plumbing
        before the real `wasmc compile` exists."""
        path = Path(self.scratch.name) / "fake-wasmc"
        path.write_text("#!/bin/sh\n" + body + "\n")
        path.chmod(0o755)
        return str(path)

    def test_wasmc_runner_runs_what_compile_produced(self):
        bench = next(b for b in self.benches if b.name == "recursion")
        native = self.artifacts.native(bench)
        # Arguments arrive as: compile -O2 IN.wasm -o OUT
        runner = runners.WasmcRunner(self.fake_wasmc(f'[ "$1 $2 $4" = "compile -O2 -o" ] && cp {native} "$5"'))
        self.assertIsNotNone(runner.prepare(bench, self.artifacts, 60))
        arg, expected = self.expected[bench.name]
        self.assertEqual(runner.run(bench, arg, self.artifacts, 60).stdout, expected)

    def test_wasmc_compile_failure_is_reported(self):
        bench = self.benches[0]
        runner = runners.WasmcRunner(self.fake_wasmc('echo "unsupported: simd" >&2; exit 1'))
        with self.assertRaises(RunFailure) as failed:
            runner.prepare(bench, self.artifacts, 60)
        self.assertIn("unsupported: simd", failed.exception.detail)
        self.assertIsNotNone(runners.WasmcRunner(None, requested="/nowhere/wasmc").unavailable_reason())

    def test_wasmc_falls_back_to_the_scalar_build_while_simd_is_unsupported(self):
        bench = next(b for b in self.benches if b.name == "recursion")
        native = self.artifacts.native(bench)
        # Rejects the -msimd128 build (in wasm/) the way wasmc does, accepts the scalar one.
        script = (f'case "$3" in */wasm/*) echo "x.wasm: unsupported: SIMD load v128.load" >&2; exit 1;; esac; '
                  f'cp {native} "$5"')
        runner = runners.WasmcRunner(self.fake_wasmc(script))
        self.assertIsNotNone(runner.prepare(bench, self.artifacts, 60))
        self.assertIn("scalar build", runner.note(bench))
        self.assertEqual(runner.module_bytes(bench), self.artifacts.scalar_wasm(bench).stat().st_size)
        arg, expected = self.expected[bench.name]
        self.assertEqual(runner.run(bench, arg, self.artifacts, 60).stdout, expected)
        strict = runners.WasmcRunner(self.fake_wasmc(script), build="simd")
        with self.assertRaises(RunFailure):
            strict.prepare(bench, self.artifacts, 60)
        scalar = runners.WasmcRunner(self.fake_wasmc(f'case "$3" in */wasm-nosimd/*) cp {native} "$5";; *) exit 1;; esac'),
                                     build="scalar")
        self.assertIsNotNone(scalar.prepare(bench, self.artifacts, 60))
        self.assertIn("scalar build", scalar.note(bench))

    def test_wasm2c_agrees(self):
        clang = os.environ.get("CLANG", "/opt/swift/usr/bin/clang")
        # Translating and compiling costs about 1.5 s per program; two cover the WASI layer and SIMD.
        self.check(runners.Wasm2cRunner(runners.find_executable(None, "wasm2c", []), clang,
                                        HERE / "wasm2c" / "wasi.c"), names={"strings", "simd_dot"})


if __name__ == "__main__":
    unittest.main()
