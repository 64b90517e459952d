"""Cross-comparison of N articles checked together: how the work grows with N.

    python benchmarks/cross.py [--sizes 10,100,1000] [--workdir /tmp/consistency-bench]

Takes the first N articles of a generated archive (make_archive.py, cached in the work
folder), reads them once, and then times ``link_events`` and the rules on them. It prints
the event pairs compared after blocking (``link.candidate_pairs``), the pairs that
comparing every same-family pair of different articles would compare, the pairs all-pairs
comparison of every event would compare, the links found, and the times.
``link_events`` is O(E log E + P) for E events and P candidate pairs (see its docstring).

The generated archive reuses 27 templates, so at N = 1,000 each template's happening is told
by some 37 stories that share its names and words: P grows as their pairs do, about N^2/20.
``--distinct`` gives every story words of its own (the event words, entities, counted
nouns, numbers and dates kept), as a batch of different happenings has: P then grows with
the stories that share a family and a date.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_archive import generate  # noqa: E402


def main() -> int:
    from consistency.link import candidate_pairs, link_events
    from consistency.read import read_timelines
    from consistency.rules import Context, run_rules

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--workdir", default="/tmp/consistency-bench")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="stories with words of their own (make_archive.py --distinct)",
    )
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    kind = "distinct" if args.distinct else "cross"
    folder = Path(args.workdir) / f"{kind}-{sizes[-1]}"
    if not (folder / ".complete").exists():
        generate(sizes[-1], str(folder), distinct=args.distinct)
        (folder / ".complete").write_text("")
    paths = sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.name[0] != ".")
    print(
        f"{'N':>6} {'events':>7} {'compared':>9} {'same-family':>12} {'all pairs':>11} "
        f"{'links':>7} {'read s':>7} {'link s':>7} {'rules s':>8}"
    )
    for size in sizes:
        start = time.perf_counter()
        timelines = sorted(read_timelines(paths[:size]).timelines, key=lambda t: t.document.path)
        read = time.perf_counter() - start
        events = [e for t in timelines for e in t.events if not e.implicit]
        start = time.perf_counter()
        links = link_events(timelines)
        linking = time.perf_counter() - start
        start = time.perf_counter()
        run_rules(Context(timelines, links))
        ruling = time.perf_counter() - start
        compared = len(candidate_pairs(timelines))
        per_article = [Counter(e.family for e in t.events if not e.implicit) for t in timelines]
        totals = sum(per_article, Counter())
        same_family = sum(
            (totals[f] ** 2 - sum(c[f] ** 2 for c in per_article)) // 2 for f in totals
        )
        every = len(events) * (len(events) - 1) // 2
        print(
            f"{size:>6} {len(events):>7} {compared:>9} {same_family:>12} {every:>11} "
            f"{len(links):>7} {read:>7.2f} {linking:>7.3f} {ruling:>8.3f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
