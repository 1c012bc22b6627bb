"""Timed subprocess execution shared by the runners."""
import resource
import subprocess
import time
from dataclasses import dataclass

# Which clock `Timed.seconds` reports: "cpu" (user + system time of the child
# and its waited-for descendants; robust when other work shares the cores) or
# "wall". Set once by run.py before any measurement.
CLOCK = "cpu"


class RunFailure(Exception):
    """A run or compile step did not produce a usable result; `status` is the table cell."""

    def __init__(self, status: str, detail: str):
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


@dataclass
class Timed:
    wall: float
    cpu: float
    stdout: str

    @property
    def seconds(self) -> float:
        return self.cpu if CLOCK == "cpu" else self.wall


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(command: list[str], timeout: float, what: str) -> Timed:
    cpu_start = _children_cpu()
    start = time.perf_counter()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RunFailure("timeout", f"{what} exceeded {timeout:g} s") from None
    except OSError as error:
        raise RunFailure("error", f"{what}: {error}") from None
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu_start
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise RunFailure("error", f"{what} exited with {done.returncode}: {' | '.join(tail)}")
    return Timed(wall, cpu, done.stdout.decode(errors="replace"))
