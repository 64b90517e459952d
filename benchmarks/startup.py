"""Cold start: ``consistency --version`` and a check of one short article, each a new process.

    python benchmarks/startup.py [--runs 9] [--cpu]

Prints the median wall time of ``--runs`` runs of each command, next to ``python -c pass``
(the interpreter's own start, which no change here can remove). Two settings: the
environment as it is, and with compiled bytecode cached (``PYTHONPYCACHEPREFIX`` in a
temporary folder, filled by one warm-up run) as an installed package has it; with
``PYTHONDONTWRITEBYTECODE`` set and no cache every module is compiled from source on each
start. ``--cpu`` reports the child processes' CPU time (user + system) instead of the wall
time, which other jobs on the machine disturb much less. Runs from the repository root so
that ``python -m consistency`` is this checkout.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "fixtures/01_quake_death_toll/a.txt"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "consistency --version": [sys.executable, "-m", "consistency", "--version"],
    "consistency check (1 article)": [sys.executable, "-m", "consistency", "check", ARTICLE],
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_seconds(command: list[str], env: dict[str, str], runs: int, cpu: bool = False) -> float:
    clock = _children_cpu if cpu else time.perf_counter
    times = []
    for _ in range(runs):
        start = clock()
        subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=False)
        times.append(clock() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cpu", action="store_true", help="CPU time of the runs, not wall time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        cached = dict(os.environ, PYTHONPYCACHEPREFIX=cache)
        cached.pop("PYTHONDONTWRITEBYTECODE", None)
        settings = {"environment as is": dict(os.environ), "bytecode cached": cached}
        for command in COMMANDS.values():  # warm the file cache and the bytecode cache
            subprocess.run(command, cwd=ROOT, env=cached, stdout=subprocess.DEVNULL, check=False)
        kind = "CPU" if args.cpu else "wall"
        print(
            f"median of {args.runs} runs, {kind} seconds (goal: < 0.3 for the consistency commands)"
        )
        print(f"{'command':<32}" + "".join(f"{name:>20}" for name in settings))
        for label, command in COMMANDS.items():
            row = [median_seconds(command, env, args.runs, args.cpu) for env in settings.values()]
            print(f"{label:<32}" + "".join(f"{value:>20.3f}" for value in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
