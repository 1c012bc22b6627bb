"""Finds the benchmark programs and their default work sizes."""
import re
from dataclasses import dataclass
from pathlib import Path

_DEFAULT_ARG = re.compile(r"argc > 1 \? atoi\(argv\[1\]\) : (\d+);")


@dataclass(frozen=True)
class Benchmark:
    name: str
    source: Path
    default_arg: int  # argv[1] giving the 1-5 s native run; time is linear in it

    def scaled_arg(self, scale: float) -> int:
        return max(1, round(self.default_arg * scale))


def discover(source_dir: Path) -> list[Benchmark]:
    """Every C file in source_dir; its default size is read from the source so
    the program stays the single place that defines it."""
    benchmarks = []
    for path in sorted(source_dir.glob("*.c")):
        match = _DEFAULT_ARG.search(path.read_text())
        if match is None:
            raise ValueError(f"{path}: no 'argc > 1 ? atoi(argv[1]) : N;' default size")
        benchmarks.append(Benchmark(path.stem, path, int(match.group(1))))
    return benchmarks


def select(benchmarks: list[Benchmark], names: str | None) -> list[Benchmark]:
    if not names:
        return benchmarks
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    known = {b.name: b for b in benchmarks}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ValueError(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[n] for n in wanted]


def discover_corpus(table: Path) -> list[Benchmark]:
    """The real-program corpus (benchmarks/corpus/programs.tsv): name, kind, PyPI sdist, version,
    SHA-256, default argv[1] (1-3 s natively), small argv[1] (for the test step)."""
    benchmarks = []
    for line in table.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _kind, _pkg, _version, _sha, default, _small = line.split("\t")
        benchmarks.append(Benchmark(name, table.parent / name / "main.c", int(default)))
    return benchmarks
