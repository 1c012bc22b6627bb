"""Turns one failing wast command (what Wasmtime said must happen, what wasmc's runner reported) into
a category and a divergence class, so the report groups failures by cause."""
from __future__ import annotations

import re

from reference import EXHAUSTED
from values import describe

UNSUPPORTED, FOLLOW_ON, STACK, DIVERGENCE = "unsupported", "follow-on", "stack", "divergence"

_GOT_TRAP = re.compile(r"got trap:? '?(?P<trap>[^'(]*?)(?: \(in .*\))?'?$")


def expected_text(expected) -> str:
    kind, payload = expected
    if kind == "trap":
        return f"trap '{payload}'"
    if kind == "instantiated":
        return "instantiates"
    return "(" + ", ".join(describe(v) for v in payload) + ")"


def classify(command: dict, detail: str) -> tuple[str, str]:
    """(category, class) of one failure; the class names the kind of disagreement, not the values."""
    if "unsupported" in detail:
        return UNSUPPORTED, "unsupported: " + detail[detail.find("unsupported"):][:100]
    if detail.startswith("wasmc ") and ("died" in detail or "timed out" in detail):
        return DIVERGENCE, detail.split(" in the command")[0]
    if detail.startswith("module at line"):
        return FOLLOW_ON, "module did not load"
    expected_kind, expected = command["expected"]
    trap = _GOT_TRAP.search(detail)
    got_trap = trap["trap"].strip() if trap else None
    where = "instantiation" if command["kind"] == "module" else "call"
    if command["kind"] == "global":
        where = "global"
    if expected_kind == "instantiated":
        return DIVERGENCE, f"module failed to load: {detail[:100]}"
    if expected_kind == "trap":
        if got_trap is not None:
            if EXHAUSTED in (expected, got_trap):
                return STACK, f"{where}: Wasmtime '{expected}', wasmc '{got_trap}'"
            return DIVERGENCE, f"{where}: trap '{expected}' reported as '{got_trap}'"
        if expected == EXHAUSTED:
            return STACK, f"{where}: only Wasmtime exhausted the stack"
        return DIVERGENCE, f"{where}: missing trap '{expected}'"
    if got_trap is not None:
        if got_trap.startswith(EXHAUSTED):
            return STACK, f"{where}: only wasmc exhausted the stack"
        return DIVERGENCE, f"{where}: unexpected trap '{got_trap}'"
    if ", got " in detail:
        types = ",".join(sorted({v[0] for v in expected})) or "()"
        return DIVERGENCE, f"{where}: wrong {types} result"
    return DIVERGENCE, f"{where}: {detail[:100]}"
