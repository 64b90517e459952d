"""Extraction speed: ``consistency.mentions`` against jionlp's ``extract_time`` (when installed)
on the same text, side by side in one run.

    python benchmarks/extraction.py [--rounds 7] [--cpu]

The text is the seed articles split into paragraphs (one call per paragraph, reference date
2026-02-08). Rounds alternate ours and jionlp's so that a busy machine slows both alike; the
best round of each is reported, and the ratio of the two. ``--cpu`` times with the process's
CPU time instead of the wall clock, which other jobs on the machine disturb much less. jionlp
is not a dependency: without it only our figure is printed. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import consistency  # noqa: E402

REFERENCE = "2026-02-08"
REFERENCE_SECONDS = 1770508800  # the same day, for jionlp


def paragraphs() -> list[str]:
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        found += [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    return found


CLOCK = time.perf_counter


def _seconds(function, texts: list[str]) -> float:
    start = CLOCK()
    for text in texts:
        function(text)
    return CLOCK() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cpu", action="store_true", help="time with CPU time, not wall time")
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.cpu else time.perf_counter
    texts = paragraphs()
    chars = sum(map(len, texts))

    def ours(text: str) -> object:
        return consistency.mentions(text, REFERENCE, "zh")

    contenders = {"consistency.mentions": ours}
    try:
        from jionlp.algorithm.ner import extract_time
    except ImportError:
        print("jionlp not installed: only our figure (pip install jionlp to compare)")
    else:
        logging.disable(logging.CRITICAL)  # jionlp logs a traceback for some spans it drops

        def jionlp(text: str) -> object:
            return extract_time(text, time_base=REFERENCE_SECONDS)

        contenders["jionlp.extract_time"] = jionlp
    best = dict.fromkeys(contenders, float("inf"))
    for function in contenders.values():  # warm: patterns compiled, data loaded
        _seconds(function, texts)
    for _ in range(args.rounds):
        for name, function in contenders.items():
            best[name] = min(best[name], _seconds(function, texts))
    print(f"text: {len(texts)} seed paragraphs, {chars} characters; best of {args.rounds} rounds")
    for name, seconds in best.items():
        print(f"{name:<22} {chars / seconds:>12,.0f} chars/s")
    if len(best) == 2:
        ratio = best["jionlp.extract_time"] / best["consistency.mentions"]
        print(f"ratio ours/jionlp       {ratio:>11.2f}x  (goal: >= 10x)")
    whole = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    seconds = min(_seconds(ours, whole) for _ in range(args.rounds))
    print(f"{'ours, whole articles':<22} {sum(map(len, whole)) / seconds:>12,.0f} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
