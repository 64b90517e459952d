"""Time that grows faster than the text: ``consistency.mentions`` on long runs of one piece.

    python benchmarks/long_runs.py [--sizes 4000,16000]

A page's furniture is blanked with spaces before extraction, and a data dump can hold
thousands of figures in one clause: a pattern that backtracks over a run, or a reader that
rereads a clause per number, then takes time quadratic in the run's length. For each piece
(spaces, digits, "1.", "1 ", "1/", numerals...) and language, the text is the piece repeated
to each size, then a sentence with a date, a time, a count, money, a percentage and a fraction
(so that every pattern's gate opens); the script prints the time per size and the growth from the
smallest to the largest size, and flags (exit 1) any growth above twice the growth of the
text's length. Last, the whole check of a seed article repeated on one line, at ten times
those sizes (a page pasted again and again: thousands of repeated statements for the claims,
the timeline and the rules). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import consistency  # noqa: E402

PIECES = {
    "spaces": " ",
    "newlines": "\n",
    "ideographic spaces": "\u3000",
    "digits": "1",
    "1,": "1,",
    "1.": "1.",
    "1 ": "1 ",
    "1/": "1/",
    "1:": "1:",
    "$1 ": "$1 ",
    "一": "一",
    "一 ": "一 ",
    "3月": "3月",
    "分之": "分之",
    "one ": "one ",
    "-": "-",
}
REFERENCE = "2026-02-08"
# after the run: words that open the patterns' character gates, so that every pattern scans
FRAME = {
    "zh": "三分之一，3月4日下午3点，54个国家，1比2，$5，50%",
    "en": "one third, March 4 at 3 pm, 54 countries, $5, 50%",
}


def seconds(text: str, language: str) -> float:
    start = time.perf_counter()
    consistency.mentions(text, REFERENCE, language)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="4000,16000", help="characters, comma-separated")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    allowed = 2 * sizes[-1] / sizes[0]
    for language in ("zh", "en"):
        seconds("开始 3月4日 54个国家 about 12 people", language)  # warm: patterns compiled
    flagged = 0
    print(
        f"{'piece':<20} {'language':<8} " + " ".join(f"{size:>9,}" for size in sizes) + "  growth"
    )
    for language in ("zh", "en"):
        for name, piece in PIECES.items():
            times = []
            for size in sizes:
                text = "开始" + piece * (size // len(piece)) + FRAME[language]
                times.append(min(seconds(text, language) for _ in range(2)))
            growth = times[-1] / max(times[0], 1e-6)
            flag = "  <- faster than the text grows" if growth > allowed else ""
            flagged += bool(flag)
            cells = " ".join(f"{t * 1000:7.1f}ms" for t in times)
            print(f"{name!r:<20} {language:<8} {cells}  {growth:5.1f}x{flag}")
    flagged += _whole_check(sizes, allowed)
    print(
        f"{flagged} flagged (growth above {allowed:.0f}x for {sizes[-1] / sizes[0]:.0f}x the text)"
    )
    return 1 if flagged else 0


def _whole_check(sizes: list[int], allowed: float) -> int:
    """The whole check of a seed article repeated on one line (a page pasted again and
    again): what the claims, the timeline and the rules do with thousands of repeated
    statements."""
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text("utf-8").replace("\n", " ")
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for size in [size * 10 for size in sizes]:
            path = Path(folder) / f"repeated-{size}.txt"
            path.write_text((seed * (size // len(seed) + 1))[:size], "utf-8")
            start = time.perf_counter()
            consistency.check(str(path))
            times.append(time.perf_counter() - start)
    growth = times[-1] / max(times[0], 1e-6)
    flag = "  <- faster than the text grows" if growth > allowed else ""
    cells = " ".join(f"{t * 1000:7.0f}ms" for t in times)
    sizes_text = " / ".join(f"{size * 10:,}" for size in sizes)
    print(f"whole check, a seed repeated on one line ({sizes_text}): {cells}  {growth:5.1f}x{flag}")
    return int(bool(flag))


if __name__ == "__main__":
    sys.exit(main())
