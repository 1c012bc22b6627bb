#!/usr/bin/env python3
"""Runs a WASI preview 1 command module under Wasmtime (PyPI `wasmtime`) - the oracle wasmc is compared with.

    wasmtime_run.py [--dir HOST[::GUEST]]... [--env NAME=VALUE]... [--stdin FILE] [--argv0 NAME]
                    [--json FILE] module.wasm [ARG...]

The guest's stdout and stderr are captured and then replayed on this process's stdout and stderr;
the process exits with the guest's exit code (1 with a message when the module cannot be loaded or
instantiated, exports no `_start`, or ends with an error that is not a trap, as the wasmtime CLI does). A trap prints `wasm trap: <spec wording>` on stderr
and exits with 134 (128 + SIGABRT), as the `wasmtime` CLI does. With --json the run is also recorded
as {"stdout", "stderr", "exit_code", "trap"} (strings decoded as UTF-8 with replacement; trap is
null or the spec wording). Nothing is visible to the guest except what the options grant: no host
environment, no directories unless --dir, stdin empty unless --stdin (`--stdin -` passes ours on).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from typing import Optional, Sequence

TRAP_EXIT_CODE = 134

# Wasmtime trap codes -> the WebAssembly spec's wording (the one wasmc_trap_message uses).
_TRAP_WORDING = {
    "STACK_OVERFLOW": "call stack exhausted",
    "MEMORY_OUT_OF_BOUNDS": "out of bounds memory access",
    "HEAP_MISALIGNED": "misaligned memory access",
    "TABLE_OUT_OF_BOUNDS": "undefined element",
    "INDIRECT_CALL_TO_NULL": "uninitialized element",
    "BAD_SIGNATURE": "indirect call type mismatch",
    "INTEGER_OVERFLOW": "integer overflow",
    "INTEGER_DIVISION_BY_ZERO": "integer divide by zero",
    "BAD_CONVERSION_TO_INTEGER": "invalid conversion to integer",
    "UNREACHABLE": "unreachable",
}


@dataclass
class RunResult:
    stdout: bytes
    stderr: bytes
    exit_code: int
    trap: Optional[str]

    def as_json(self) -> dict:
        record = asdict(self)
        record["stdout"] = self.stdout.decode("utf-8", "replace")
        record["stderr"] = self.stderr.decode("utf-8", "replace")
        return record


def parse_dir(spec: str) -> tuple[str, str]:
    """`HOST[::GUEST]` as in the wasmtime CLI; the guest path defaults to the host path."""
    host, _, guest = spec.partition("::")
    if not host:
        raise ValueError(f"empty host directory in --dir {spec!r}")
    return host, guest or host


def trap_wording(error: BaseException) -> str:
    code = getattr(error, "trap_code", None)
    if code is not None and code.name in _TRAP_WORDING:
        return _TRAP_WORDING[code.name]
    message = str(error).splitlines()[0] if str(error) else "unknown trap"
    return message.removeprefix("wasm trap: ")


def root_cause(error: BaseException) -> str:
    """The last line of an error chain ("exit with invalid exit status outside of [0..126)")."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else "unknown error"


def run(wasm: str, args: Sequence[str] = (), env: Sequence[tuple[str, str]] = (),
        dirs: Sequence[tuple[str, str]] = (), stdin: Optional[str] = None, argv0: Optional[str] = None) -> RunResult:
    """Instantiates `wasm` with WASI and calls `_start`. `stdin` is a host file path (None = empty, "-" = ours)."""
    try:
        import wasmtime
    except ImportError:
        raise SystemExit("wasmtime_run.py needs the PyPI package: python3 -m pip install wasmtime")

    engine = wasmtime.Engine()
    try:
        module = wasmtime.Module.from_file(engine, wasm)
    except (wasmtime.WasmtimeError, OSError) as error:
        return RunResult(b"", f"error: cannot load {wasm}: {error}\n".encode(), 1, None)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    with tempfile.TemporaryDirectory(prefix="wasmtime-run-") as scratch:
        out_path = os.path.join(scratch, "stdout")
        err_path = os.path.join(scratch, "stderr")
        config = wasmtime.WasiConfig()
        name = argv0 if argv0 is not None else os.path.basename(wasm)
        config.argv = [name, *args]
        config.env = [[key, value] for key, value in env]
        for host, guest in dirs:
            config.preopen_dir(host, guest)
        config.stdout_file = out_path
        config.stderr_file = err_path
        if stdin == "-":
            config.inherit_stdin()
        else:
            config.stdin_file = stdin if stdin is not None else os.devnull
        store.set_wasi(config)

        exit_code, trap, failure = 0, None, None
        try:
            instance = linker.instantiate(store, module)
        except wasmtime.Trap as error:  # a start function trapped
            instance, exit_code, trap = None, TRAP_EXIT_CODE, trap_wording(error)
        except wasmtime.WasmtimeError as error:  # unknown import, type mismatch: not a trap
            return RunResult(b"", f"error: cannot instantiate {wasm}: {error}\n".encode(), 1, None)
        start = instance.exports(store).get("_start") if instance else None
        if instance and not isinstance(start, wasmtime.Func):
            return RunResult(b"", f"error: {wasm} exports no _start function\n".encode(), 1, None)
        try:
            if start:
                start(store)
        except wasmtime.ExitTrap as exit_trap:
            exit_code = exit_trap.code
        except wasmtime.Trap as error:
            exit_code, trap = TRAP_EXIT_CODE, trap_wording(error)
        except wasmtime.WasmtimeError as error:
            # An error that is not a trap (proc_exit with a status outside [0, 126), a host call
            # failing): the wasmtime CLI prints it and exits with 1, not as a trap.
            exit_code, failure = 1, root_cause(error)
        with open(out_path, "rb") as out, open(err_path, "rb") as err:
            stderr = err.read()
            if failure is not None:
                stderr += f"Error: {failure}\n".encode()
            return RunResult(out.read(), stderr, exit_code, trap)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", action="append", default=[], metavar="HOST[::GUEST]", help="preopen a directory")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="guest environment variable")
    parser.add_argument("--stdin", metavar="FILE", help="file the guest reads as stdin ('-' = this process's stdin; default: empty)")
    parser.add_argument("--argv0", metavar="NAME", help="argv[0] the guest sees (default: the module's file name)")
    parser.add_argument("--json", metavar="FILE", help="also record the run as JSON in FILE ('-' = stdout only)")
    parser.add_argument("wasm")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args(argv)
    env = []
    for item in options.env:
        key, sep, value = item.partition("=")
        if not sep or not key:
            parser.error(f"--env expects NAME=VALUE, got {item!r}")
        env.append((key, value))
    try:
        dirs = [parse_dir(spec) for spec in options.dir]
    except ValueError as error:
        parser.error(str(error))
    result = run(options.wasm, options.args, env, dirs, options.stdin, options.argv0)
    if options.json == "-":
        json.dump(result.as_json(), sys.stdout)
        sys.stdout.write("\n")
        return result.exit_code
    sys.stdout.buffer.write(result.stdout)
    sys.stdout.flush()
    sys.stderr.buffer.write(result.stderr)
    if result.trap is not None:
        sys.stderr.write(f"wasm trap: {result.trap}\n")
    sys.stderr.flush()
    if options.json:
        with open(options.json, "w", encoding="utf-8") as record:
            json.dump(result.as_json(), record, indent=1)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
