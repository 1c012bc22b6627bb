"""Runs one WASI module under the wasmtime Python package in a fresh process.

Usage: python3 wasmtime_child.py MODULE.wasm [ARGS...]
Prints one JSON object: compile seconds (wasmtime.Module; wall, and CPU time
of all threads, since Cranelift compiles in parallel), run seconds
(instantiate + _start on this thread; wall and this thread's CPU time), the
program's exit code and its standard output.
"""
import json
import os
import sys
import tempfile
import time

import wasmtime


def main() -> int:
    path, args = sys.argv[1], sys.argv[2:]
    engine = wasmtime.Engine()
    start, start_cpu = time.perf_counter(), time.process_time()
    module = wasmtime.Module.from_file(engine, path)
    compiled, compiled_cpu = time.perf_counter(), time.process_time()
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    config = wasmtime.WasiConfig()
    config.argv = [os.path.basename(path), *args]
    with tempfile.TemporaryDirectory() as scratch:
        out_path = os.path.join(scratch, "stdout")
        config.stdout_file = out_path
        config.inherit_stderr()
        store.set_wasi(config)
        exit_code = 0
        begin, begin_cpu = time.perf_counter(), time.thread_time()
        try:
            instance = linker.instantiate(store, module)
            instance.exports(store)["_start"](store)
        except wasmtime.ExitTrap as exit_trap:
            exit_code = exit_trap.code
        finished, finished_cpu = time.perf_counter(), time.thread_time()
        with open(out_path, encoding="utf-8", errors="replace") as out:
            stdout = out.read()
    json.dump({"compile_wall": compiled - start, "compile_cpu": compiled_cpu - start_cpu,
               "run_wall": finished - begin, "run_cpu": finished_cpu - begin_cpu,
               "exit": exit_code, "stdout": stdout}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
