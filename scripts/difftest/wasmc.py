"""Runs `wasmc wast` on batches of scripts in one mode and reads its --verbose output back into
failures per (script, line)."""
from __future__ import annotations

import os
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# name -> wasmc flags
MODES = {
    "guard-O2": ["-O2", "--bounds-checks", "guard"],
    "explicit-O2": ["-O2", "--bounds-checks", "explicit"],
    "guard-O0": ["-O0", "--bounds-checks", "guard"],
    "explicit-O0": ["-O0", "--bounds-checks", "explicit"],
}

_FAILURE = re.compile(r"^(?P<file>[^:\n]+\.wast):(?P<line>\d+): (?P<type>\S+) failed: (?P<detail>.*)$")
_SUMMARY = re.compile(r"^(?P<file>[^:\n]+\.wast): (?P<passed>\d+) passed, (?P<failed>\d+) failed, (?P<skipped>\d+) skipped")
_ANY_FILE_LINE = re.compile(r"^[^:\n]+\.wast:\d+: ")
_DIED = re.compile(r"^(?P<file>[^:\n]+\.wast): the runner (?P<reason>.+) in the command at line (?P<line>\d+);")


def find_binary() -> str:
    """$WASMC, else the release build, else the debug build of this checkout."""
    if os.environ.get("WASMC"):
        return os.environ["WASMC"]
    for build in ("release", "debug"):
        candidate = ROOT / ".build" / build / "wasmc"
        if candidate.exists():
            return str(candidate)
    raise SystemExit("difftest: no wasmc binary; run `swift build -c release` or set WASMC")


def run(binary: str, mode: str, scripts: list[Path], jobs: int, cache: Path, timeout: int) -> tuple[dict, dict, dict]:
    """Returns ({(script name, line): (command type, detail)}, {script name: (line, reason)},
    {script name: (passed, failed, skipped)}); the second lists scripts whose runner died or hung
    (the commands after that line did not run)."""
    environment = dict(os.environ, XDG_CACHE_HOME=str(cache))
    command = [binary, "wast", *MODES[mode], "--verbose", "--jobs", str(max(jobs, 2)), "--timeout", str(timeout),
               *map(str, scripts)]
    # --jobs 2 at least: each script then runs in a child process, so a crash loses only that script.
    # stdbuf -oL: the children write failure lines with buffered print() and progress records
    # unbuffered, so a block-buffered child can cut a failure line in two around a progress record.
    command = ["stdbuf", "-oL", *command]
    result = subprocess.run(command, capture_output=True, text=True, errors="replace", env=environment)
    failures, died, counts = {}, {}, {}
    last = None
    for line in result.stdout.split("\n"):  # not splitlines(): export names may hold \x1e, \x85, …
        if "@wasmc-" in line:
            raise RuntimeError(f"wasmc wast ({mode}): a child's output was interleaved: {line[:200]!r}")
        if match := _FAILURE.match(line):
            last = (match["file"], int(match["line"]))
            failures[last] = (match["type"], match["detail"])
        elif match := _SUMMARY.match(line):
            counts[match["file"]] = (int(match["passed"]), int(match["failed"]), int(match["skipped"]))
            last = None
        elif match := _DIED.match(line):
            died[match["file"]] = (int(match["line"]), match["reason"])
            last = None
        elif last and line and not _ANY_FILE_LINE.match(line):
            # An export name holding a newline continues the failure on the next line.
            kind, detail = failures[last]
            failures[last] = (kind, detail + "\n" + line)
    closing = [line for line in result.stdout.split("\n") if re.match(r"^\d+ passed, \d+ failed", line)]
    if not closing:
        raise RuntimeError(f"wasmc wast ({mode}) ended without its closing line:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return failures, died, counts


def clean_cache(cache: Path) -> None:
    """Drops compiled modules (each is compiled once per mode) but keeps the runtime library: action
    entries (ac/, JSON naming their artifacts) other than the runtime's, and the blobs (cas/) only they use."""
    directory = cache / "wasmc"
    if not (directory / "ac").is_dir():
        return
    kept_digests = set()
    for entry in (directory / "ac").iterdir():
        try:
            artifacts = json.loads(entry.read_text())["artifacts"]
        except (OSError, ValueError, KeyError):
            entry.unlink(missing_ok=True)
            continue
        if any("libwasmc_rt" in a.get("name", "") or "spectest" in a.get("name", "") for a in artifacts):
            kept_digests.update(a.get("digest") for a in artifacts)
        else:
            entry.unlink(missing_ok=True)
    for blob in (directory / "cas").iterdir() if (directory / "cas").is_dir() else []:
        if blob.name not in kept_digests:
            blob.unlink(missing_ok=True)