"""Writes Wasmtime's record of modules as one .wast script, one command per line, and remembers which
line is which command so wasmc's failures (reported by line) map back to a seed and an export."""
from __future__ import annotations

from reference import EXHAUSTED
from values import wast_text


def _string(data: bytes) -> str:
    out = []
    for b in data:
        out.append(chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else f"\\{b:02x}")
    return '"' + "".join(out) + '"'


def _invoke(name: str, arguments) -> str:
    return f"(invoke {_string(name.encode())}" + "".join(" " + wast_text(v) for v in arguments) + ")"


def script(entries) -> tuple[str, dict[int, tuple[int, dict]]]:
    """entries: [(seed, wasm bytes, record)]. Returns the text and {line: (seed, command)} where a
    command is {"kind": "module"|"call"|"global", "export", "args", "expected"}."""
    lines: list[str] = []
    where: dict[int, tuple[int, dict]] = {}

    def emit(seed, text, command):
        lines.append(text)
        where[len(lines)] = (seed, command)

    for seed, wasm, record in entries:
        lines.append(f";; seed {seed}")
        module = f"(module binary {_string(wasm)})"
        if record["instantiate"] is not None:
            emit(seed, f'(assert_trap {module} "{record["instantiate"]}")',
                 {"kind": "module", "expected": ("trap", record["instantiate"])})
            continue
        emit(seed, module, {"kind": "module", "expected": ("instantiated", None)})
        for name, arguments, outcome in record["calls"]:
            command = {"kind": "call", "export": name, "args": arguments, "expected": outcome}
            if outcome[0] == "trap":
                keyword = "assert_exhaustion" if outcome[1] == EXHAUSTED else "assert_trap"
                emit(seed, f'({keyword} {_invoke(name, arguments)} "{outcome[1]}")', command)
            else:
                results = "".join(" " + wast_text(v) for v in outcome[1])
                emit(seed, f"(assert_return {_invoke(name, arguments)}{results})", command)
        for name, value in record["globals"]:
            emit(seed, f"(assert_return (get {_string(name.encode())}) {wast_text(value)})",
                 {"kind": "global", "export": name, "expected": ("values", [value])})
    return "\n".join(lines) + "\n", where
