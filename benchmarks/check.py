"""The whole check, warm: ``consistency.check`` of the seeds and of the fixtures.

    python benchmarks/check.py [--rounds 5]

What an editor's second check and a CI job's run over a batch cost once the process is up
(cold start is benchmarks/startup.py): reading, extraction, claims, timelines, linking and
rules. Prints the best round's CPU time per folder, its articles and findings. Not part of
the test suite.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import consistency  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for folder in ("seeds", "fixtures"):
        path = str(ROOT / folder)
        report = consistency.check(path)  # warm: patterns compiled, data loaded
        best = float("inf")
        for _ in range(args.rounds):
            start = time.process_time()
            consistency.check(path)
            best = min(best, time.process_time() - start)
        print(
            f"check {folder + '/':<10} {best * 1000:8.1f} ms CPU, best of {args.rounds} "
            f"({len(report.documents)} articles, {len(report.discrepancies)} findings)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
