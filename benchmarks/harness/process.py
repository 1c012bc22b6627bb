"""Timed subprocess execution shared by the runners."""
import subprocess
import time
from dataclasses import dataclass


class RunFailure(Exception):
    """A run or compile step did not produce a usable result; `status` is the table cell."""

    def __init__(self, status: str, detail: str):
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


@dataclass
class Timed:
    seconds: float
    stdout: str


def run_timed(command: list[str], timeout: float, what: str) -> Timed:
    start = time.perf_counter()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RunFailure("timeout", f"{what} exceeded {timeout:g} s") from None
    except OSError as error:
        raise RunFailure("error", f"{what}: {error}") from None
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise RunFailure("error", f"{what} exited with {done.returncode}: {' | '.join(tail)}")
    return Timed(seconds, done.stdout.decode(errors="replace"))
