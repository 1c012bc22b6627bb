#!/usr/bin/env python3
"""Runs the C program corpus (Tests/Programs/*.c) under one runner or compares two runners.

    run_corpus.py [--runner R] [--build DIR] [--only NAME]... [--record-expected]
    run_corpus.py --compare R1 R2 [--build DIR] [--only NAME]...

A runner R is `wasmtime` (scripts/wasmtime_run.py, the oracle), `native` (the same C compiled for
the host with cc), `wasm2c` (wasm2c-translated code on our C WASI layer, wasm2c_host/) or a command
template for anything else, e.g. a Wasmtime-style CLI `"wasmtime run"` or compiled executables:

    --prepare 'wasmc compile {wasm} -o {out}' --compare wasmtime '{out} {dirs} {envs}'

Template placeholders: {wasm} the module, {name} the program, {out} a per-program output path
(BUILD/cmd/<name>; prepare runs in the current directory), {dirs} `--dir HOST::GUEST` for every granted directory, {envs} `--env NAME=VALUE`
for every variable. A template without {wasm}/{out} gets `{dirs} {envs} {wasm}` appended; the
program's arguments always follow. Command runners see only the spec's environment plus PATH.

Each program NAME.c has NAME.json:
    description   one line for the table
    args          guest arguments (argv[1:])
    env           {"NAME": "value"} - the whole guest environment
    stdin         text fed to stdin (default: empty)
    dirs          [{"name": "work", "guest": "."}] - directories created in a fresh scratch root and granted
    files         {"work/a.txt": "text"} - files created under the scratch root before the run
    exit_code     expected exit code (default 0; a trap is 134, as in the wasmtime CLI)
    trap          expected trap wording ("integer divide by zero", ...): the runner's stderr must name it
    compare       what --compare diffs (default ["stdout", "stderr", "exit_code"]; for traps stderr only
                  has to name the trap)
    native        false when a native build is not meaningful (traps, sandbox checks)
If expected/NAME.stdout exists, single-runner mode also checks stdout against it.
Exit status: 0 when every program passed.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
WASMTIME_RUN = REPO / "scripts" / "wasmtime_run.py"
EXPECTED = HERE / "expected"
TIMEOUT_SECONDS = 120
TRAP_EXIT_CODE = 134


@dataclass
class Spec:
    name: str
    description: str = ""
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    stdin: str = ""
    dirs: list[dict] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    exit_code: int = 0
    trap: Optional[str] = None
    compare: list[str] = field(default_factory=lambda: ["stdout", "stderr", "exit_code"])
    native: bool = True

    @staticmethod
    def load(name: str) -> "Spec":
        path = HERE / f"{name}.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        unknown = set(data) - set(Spec.__dataclass_fields__)
        if unknown:
            raise SystemExit(f"{path}: unknown keys {sorted(unknown)}")
        spec = Spec(name=name, **data)
        if spec.trap is not None and "exit_code" not in data:
            spec.exit_code = TRAP_EXIT_CODE
        return spec


@dataclass
class Outcome:
    stdout: bytes = b""
    stderr: bytes = b""
    exit_code: Optional[int] = None
    skipped: Optional[str] = None  # reason, when the runner does not apply
    error: Optional[str] = None    # the runner itself failed (timeout, missing binary)


class Sandbox:
    """A fresh scratch root with the spec's files and granted directories."""

    def __init__(self, spec: Spec):
        self.spec = spec
        self.root = Path(tempfile.mkdtemp(prefix=f"corpus-{spec.name}-"))
        for entry in spec.dirs:
            (self.root / entry["name"]).mkdir(parents=True, exist_ok=True)
        for relative, text in spec.files.items():
            path = self.root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self.stdin = self.root / ".stdin"
        self.stdin.write_text(spec.stdin, encoding="utf-8")
        self.granted = [(str(self.root / entry["name"]), entry.get("guest", entry["name"])) for entry in spec.dirs]

    def working_directory(self) -> Path:
        """For native runs: the directory granted as "." (else the scratch root)."""
        for host, guest in self.granted:
            if guest in (".", "./"):
                return Path(host)
        return self.root

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def run_process(command: list[str], sandbox: Sandbox, env: dict[str, str], cwd: Path) -> Outcome:
    try:
        with open(sandbox.stdin, "rb") as stdin:
            done = subprocess.run(command, stdin=stdin, capture_output=True, env=env, cwd=cwd,
                                  timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return Outcome(error=f"timeout after {TIMEOUT_SECONDS} s")
    except OSError as error:
        return Outcome(error=str(error))
    code = done.returncode if done.returncode >= 0 else 128 - done.returncode  # killed by a signal
    return Outcome(done.stdout, done.stderr, code)


class Runner:
    def __init__(self, kind: str, build: Path, prepare: Optional[str]):
        self.label = kind if kind in ("wasmtime", "native", "wasm2c") else "cmd"
        if kind == "wasm2c":
            # Our WASI layer under wasm2c-translated code (see wasm2c_host/host.c).
            kind, prepare = "{out} {dirs} {envs} --", shlex.quote(str(HERE / "wasm2c_host" / "build.sh")) + " {wasm} {out}"
        self.kind = kind
        self.build = build
        self.prepare = prepare

    def run(self, spec: Spec) -> Outcome:
        wasm = self.build / f"{spec.name}.wasm"
        sandbox = Sandbox(spec)
        try:
            if self.kind == "wasmtime":
                command = [sys.executable, str(WASMTIME_RUN), "--stdin", str(sandbox.stdin), "--argv0", spec.name]
                command += [f"--dir={host}::{guest}" for host, guest in sandbox.granted]
                command += [f"--env={key}={value}" for key, value in spec.env.items()]
                outcome = run_process(command + [str(wasm), *spec.args], sandbox, {"PATH": os.environ.get("PATH", "")},
                                      sandbox.root)
                # wasmtime_run.py replays the guest's stderr and then names the trap; keep both.
                return outcome
            if self.kind == "native":
                if not spec.native:
                    return Outcome(skipped="not meaningful natively")
                binary = self.build / "native" / spec.name
                return run_process([str(binary), *spec.args], sandbox, dict(spec.env), sandbox.working_directory())
            return self.run_command(spec, wasm, sandbox)
        finally:
            sandbox.close()

    def run_command(self, spec: Spec, wasm: Path, sandbox: Sandbox) -> Outcome:
        out = self.build / self.label / spec.name
        out.parent.mkdir(parents=True, exist_ok=True)
        dirs = " ".join(shlex.quote(f"--dir={host}::{guest}") for host, guest in sandbox.granted)
        envs = " ".join(shlex.quote(f"--env={key}={value}") for key, value in spec.env.items())
        values = {"wasm": shlex.quote(str(wasm)), "name": spec.name, "out": shlex.quote(str(out)), "dirs": dirs,
                  "envs": envs}
        env = dict(spec.env)
        env["PATH"] = os.environ.get("PATH", "")
        if self.prepare:
            prepared = run_process(["/bin/sh", "-c", expand(self.prepare, values)], sandbox, dict(os.environ),
                                   Path.cwd())
            if prepared.error or prepared.exit_code != 0:
                detail = prepared.error or prepared.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
                return Outcome(error=f"prepare failed: {detail}")
        template = self.kind
        if "{wasm}" not in template and "{out}" not in template:
            template += " {dirs} {envs} {wasm}"
        command = expand(template, values) + "".join(" " + shlex.quote(arg) for arg in spec.args)
        return run_process(["/bin/sh", "-c", command], sandbox, env, sandbox.working_directory())


def expand(template: str, values: dict[str, str]) -> str:
    """Replaces the known {placeholders} only, so shell braces (`${HOME}`, `f() { ...; }`) survive."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def discover(only: list[str]) -> list[Spec]:
    names = sorted(path.stem for path in HERE.glob("*.c"))
    if only:
        missing = [name for name in only if name not in names]
        if missing:
            raise SystemExit(f"unknown programs: {', '.join(missing)}")
        names = [name for name in names if name in only]
    return [Spec.load(name) for name in names]


def ensure_built(specs: list[Spec], build: Path) -> None:
    stale = []
    for spec in specs:
        source = HERE / f"{spec.name}.c"
        outputs = [build / f"{spec.name}.wasm"] + ([build / "native" / spec.name] if spec.native else [])
        if any(not out.exists() or out.stat().st_mtime < source.stat().st_mtime for out in outputs):
            stale.append(spec.name)
    if stale:
        subprocess.run([str(HERE / "build.sh"), str(build), *stale], check=True)


def first_line(data: bytes, limit: int = 50) -> str:
    text = data.decode("utf-8", "replace").strip().splitlines()
    line = text[-1] if text else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def check_single(spec: Spec, outcome: Outcome) -> list[str]:
    """Problems of one run against the spec (and the recorded expected stdout)."""
    if outcome.error:
        return [outcome.error]
    problems = []
    if outcome.exit_code != spec.exit_code:
        problems.append(f"exit {outcome.exit_code}, expected {spec.exit_code}")
    if spec.trap and spec.trap.lower() not in outcome.stderr.decode("utf-8", "replace").lower():
        problems.append(f"stderr does not name the trap '{spec.trap}'")
    expected = EXPECTED / f"{spec.name}.stdout"
    if expected.exists() and expected.read_bytes() != outcome.stdout:
        problems.append(f"stdout differs from {expected.relative_to(REPO)}")
    return problems


def diff_text(name: str, a: bytes, b: bytes, label_a: str, label_b: str) -> str:
    import difflib

    lines = difflib.unified_diff(a.decode("utf-8", "replace").splitlines(keepends=True),
                                 b.decode("utf-8", "replace").splitlines(keepends=True),
                                 fromfile=f"{name} ({label_a})", tofile=f"{name} ({label_b})", n=1)
    return "".join(list(lines)[:40])


def compare(spec: Spec, a: Outcome, b: Outcome, label_a: str, label_b: str) -> tuple[list[str], str]:
    problems, details = [], ""
    for side, outcome in ((label_a, a), (label_b, b)):
        if outcome.error:
            problems.append(f"{side}: {outcome.error}")
    if problems:
        return problems, details
    if "exit_code" in spec.compare and a.exit_code != b.exit_code:
        problems.append(f"exit {a.exit_code} vs {b.exit_code}")
    if "stdout" in spec.compare and a.stdout != b.stdout:
        problems.append("stdout differs")
        details += diff_text(spec.name, a.stdout, b.stdout, label_a, label_b)
    if "stderr" in spec.compare:
        if spec.trap:
            for side, outcome in ((label_a, a), (label_b, b)):
                if spec.trap.lower() not in outcome.stderr.decode("utf-8", "replace").lower():
                    problems.append(f"{side} stderr does not name '{spec.trap}'")
        elif a.stderr != b.stderr:
            problems.append("stderr differs")
            details += diff_text(spec.name + " stderr", a.stderr, b.stderr, label_a, label_b)
    return problems, details


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runner", default="wasmtime", help="wasmtime, native or a command template")
    parser.add_argument("--compare", nargs=2, metavar=("R1", "R2"), help="diff two runners")
    parser.add_argument("--prepare", help="command template run once per program before a command runner")
    parser.add_argument("--build", type=Path, default=Path(tempfile.gettempdir()) / "wasmc-programs",
                        help="build directory (default: %(default)s); stale outputs are rebuilt")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="run only this program")
    parser.add_argument("--record-expected", action="store_true",
                        help="store each program's stdout under expected/ (review before committing)")
    options = parser.parse_args(argv)
    specs = discover(options.only)
    build = options.build.resolve()
    ensure_built(specs, build)

    passed = failed = skipped = 0
    if options.compare:
        first, second = (Runner(kind, build, options.prepare) for kind in options.compare)
        rows, details = [], []
        for spec in specs:
            a, b = first.run(spec), second.run(spec)
            if a.skipped or b.skipped:
                rows.append([spec.name, "-", "-", "skipped: " + (a.skipped or b.skipped)])
                skipped += 1
                continue
            problems, detail = compare(spec, a, b, first.label, second.label)
            rows.append([spec.name, a.exit_code, b.exit_code, "ok" if not problems else "; ".join(problems)])
            if detail:
                details.append(detail)
            passed, failed = passed + (not problems), failed + bool(problems)
        print_table(["program", f"exit ({first.label})", f"exit ({second.label})", "result"], rows)
        for detail in details:
            print()
            print(detail.rstrip())
    else:
        runner = Runner(options.runner, build, options.prepare)
        rows = []
        for spec in specs:
            outcome = runner.run(spec)
            if outcome.skipped:
                rows.append([spec.name, "-", "-", "-", "-", "skipped: " + outcome.skipped, spec.description])
                skipped += 1
                continue
            if options.record_expected and not outcome.error and not outcome.skipped:
                EXPECTED.mkdir(exist_ok=True)
                (EXPECTED / f"{spec.name}.stdout").write_bytes(outcome.stdout)
            problems = check_single(spec, outcome)
            rows.append([spec.name, outcome.exit_code, spec.exit_code, len(outcome.stdout), first_line(outcome.stderr, 40),
                         "ok" if not problems else "; ".join(problems), spec.description])
            passed, failed = passed + (not problems), failed + bool(problems)
        print_table(["program", "exit", "expected", "stdout bytes", "last stderr line", "result", "description"], rows)
    print()
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
