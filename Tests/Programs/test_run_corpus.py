#!/usr/bin/env python3
"""Tests of the corpus tooling: spec loading, run checks, runner comparison, command templates and
the Wasmtime oracle on tiny hand-written modules. Run: python3 Tests/Programs/test_run_corpus.py"""
from __future__ import annotations

import os
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent / "scripts"))

import run_corpus  # noqa: E402
from run_corpus import Outcome, Runner, Sandbox, Spec, check_single, compare  # noqa: E402


class SpecTests(unittest.TestCase):
    def test_every_program_has_a_valid_spec(self):
        names = sorted(path.stem for path in HERE.glob("*.c"))
        self.assertGreaterEqual(len(names), 10)
        for name in names:
            self.assertTrue((HERE / f"{name}.json").exists(), name)
            spec = Spec.load(name)  # raises on unknown keys
            self.assertTrue(spec.description, name)

    def test_trap_programs_expect_the_trap_exit_code(self):
        spec = Spec.load("trap_divide")
        self.assertEqual(spec.trap, "integer divide by zero")
        self.assertEqual(spec.exit_code, run_corpus.TRAP_EXIT_CODE)
        self.assertFalse(spec.native)

    def test_unknown_keys_are_rejected(self):
        with tempfile.TemporaryDirectory() as scratch:
            original = run_corpus.HERE
            try:
                run_corpus.HERE = Path(scratch)
                (Path(scratch) / "odd.json").write_text('{"argz": []}')
                with self.assertRaises(SystemExit):
                    Spec.load("odd")
            finally:
                run_corpus.HERE = original


class CheckTests(unittest.TestCase):
    def test_exit_code_and_trap_wording_are_checked(self):
        spec = Spec(name="x", exit_code=3)
        self.assertEqual(check_single(spec, Outcome(b"", b"", 3)), [])
        self.assertEqual(check_single(spec, Outcome(b"", b"", 0)), ["exit 0, expected 3"])
        trap = Spec(name="x", trap="unreachable", exit_code=134)
        self.assertEqual(check_single(trap, Outcome(b"", b"wasm trap: unreachable\n", 134)), [])
        self.assertIn("stderr does not name the trap 'unreachable'",
                      check_single(trap, Outcome(b"", b"Segmentation fault\n", 134)))

    def test_runner_errors_are_failures(self):
        self.assertEqual(check_single(Spec(name="x"), Outcome(error="timeout after 1 s")), ["timeout after 1 s"])


class CompareTests(unittest.TestCase):
    def test_identical_runs_pass(self):
        a = Outcome(b"out\n", b"err\n", 0)
        self.assertEqual(compare(Spec(name="x"), a, Outcome(b"out\n", b"err\n", 0), "a", "b")[0], [])

    def test_each_difference_is_reported(self):
        problems, details = compare(Spec(name="x"), Outcome(b"1\n", b"e", 0), Outcome(b"2\n", b"f", 1), "a", "b")
        self.assertEqual(problems, ["exit 0 vs 1", "stdout differs", "stderr differs"])
        self.assertIn("-1", details)
        self.assertIn("+2", details)

    def test_compare_list_limits_what_is_diffed(self):
        spec = Spec(name="x", compare=["stdout"])
        self.assertEqual(compare(spec, Outcome(b"s", b"e1", 0), Outcome(b"s", b"e2", 5), "a", "b")[0], [])

    def test_traps_only_need_the_wording_on_both_sides(self):
        spec = Spec(name="x", trap="integer divide by zero", exit_code=134)
        a = Outcome(b"", b"wasm trap: integer divide by zero\n", 134)
        b = Outcome(b"", b"Error: integer divide by zero (in function main)\n", 134)
        self.assertEqual(compare(spec, a, b, "a", "b")[0], [])
        c = Outcome(b"", b"wasm trap: unreachable\n", 134)
        self.assertEqual(compare(spec, a, c, "a", "b")[0], ["b stderr does not name 'integer divide by zero'"])


class SandboxAndCommandTests(unittest.TestCase):
    def test_sandbox_creates_dirs_files_and_stdin(self):
        spec = Spec(name="x", dirs=[{"name": "work", "guest": "."}], files={"work/a.txt": "A", "top.txt": "T"},
                    stdin="input")
        sandbox = Sandbox(spec)
        try:
            self.assertEqual((sandbox.root / "work" / "a.txt").read_text(), "A")
            self.assertEqual((sandbox.root / "top.txt").read_text(), "T")
            self.assertEqual(sandbox.stdin.read_text(), "input")
            self.assertEqual(sandbox.working_directory(), sandbox.root / "work")
            self.assertEqual(sandbox.granted, [(str(sandbox.root / "work"), ".")])
        finally:
            sandbox.close()
        self.assertFalse(sandbox.root.exists())

    def test_command_template_gets_dirs_envs_and_arguments(self):
        with tempfile.TemporaryDirectory() as build:
            # {wasm} present, so nothing is appended to the template but the program's arguments.
            runner = Runner("f() { shift; printf '%s|' \"$@\"; }; f {wasm} {dirs} {envs} {name}", Path(build), None)
            spec = Spec(name="prog", args=["a b", "c"], env={"K": "v w"}, dirs=[{"name": "d", "guest": "/g"}])
            outcome = runner.run(spec)
            self.assertIsNone(outcome.error)
            fields = outcome.stdout.decode().split("|")
            self.assertTrue(fields[0].startswith("--dir=") and fields[0].endswith("/d::/g"), fields)
            self.assertEqual(fields[1:5], ["--env=K=v w", "prog", "a b", "c"])

    def test_command_runner_sees_only_the_spec_environment_and_path(self):
        with tempfile.TemporaryDirectory() as build:
            os.environ["CORPUS_TEST_LEAK"] = "1"
            try:
                outcome = Runner("env; true {wasm} {name}", Path(build), None).run(Spec(name="p", env={"ONLY": "me"}))
            finally:
                del os.environ["CORPUS_TEST_LEAK"]
            names = sorted(line.split("=", 1)[0] for line in outcome.stdout.decode().splitlines())
            self.assertIn("ONLY", names)
            self.assertIn("PATH", names)
            self.assertNotIn("CORPUS_TEST_LEAK", names)

    def test_failing_prepare_is_an_error(self):
        with tempfile.TemporaryDirectory() as build:
            outcome = Runner("true", Path(build), "echo broken >&2; exit 3").run(Spec(name="p"))
            self.assertIn("prepare failed", outcome.error or "")


class WasmtimeOracleTests(unittest.TestCase):
    """scripts/wasmtime_run.py on modules written in the text format."""

    def run_wat(self, wat: str, **options):
        import wasmtime
        import wasmtime_run

        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "m.wasm"
            path.write_bytes(wasmtime.wat2wasm(wat))
            return wasmtime_run.run(str(path), **options)

    HELLO = """(module
      (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory (export "memory") 1)
      (data (i32.const 16) "hi\\n")
      (func (export "_start")
        (i32.store (i32.const 0) (i32.const 16)) (i32.store (i32.const 4) (i32.const 3))
        (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
        (call $exit (i32.const 7))))"""

    def test_output_and_exit_code(self):
        result = self.run_wat(self.HELLO)
        self.assertEqual((result.stdout, result.exit_code, result.trap), (b"hi\n", 7, None))

    def test_trap_wording_and_exit_code(self):
        result = self.run_wat('(module (memory (export "memory") 1) (func (export "_start") unreachable))')
        self.assertEqual((result.exit_code, result.trap), (134, "unreachable"))

    def test_invalid_exit_status_is_an_error_not_a_trap(self):
        # The wasmtime CLI exits with 1 (not 134, not the status truncated to 8 bits) for these.
        for status in (126, 256, -1):
            result = self.run_wat(self.HELLO.replace("(i32.const 7)", f"(i32.const {status})"))
            self.assertEqual((result.stdout, result.exit_code, result.trap), (b"hi\n", 1, None))
            self.assertIn(b"exit with invalid exit status outside of [0..126)", result.stderr)

    def test_missing_start_is_an_error_not_a_trap(self):
        result = self.run_wat('(module (memory (export "memory") 1))')
        self.assertEqual((result.exit_code, result.trap), (1, None))
        self.assertIn(b"no _start", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=1)
