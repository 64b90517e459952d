"""Each rule's precision and recall on the fixture clusters, and the near misses it reports.

    python benchmarks/rules.py [--markdown]

Every cluster in ``fixtures/`` is checked as the tests check it. Per rule: the rows the
clusters expect, the expected rows reported (true positives), the reported rows no cluster
expects (false alarms), and the near misses (``must_not``) that a row of that rule reports.
Precision is true positives over reported rows; recall is true positives over expected
rows. Not part of the test suite (the tests require every cluster to be exact).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import consistency  # noqa: E402
from consistency.rules import all_rules  # noqa: E402
from tests.fixture_matching import _covers, clusters, load_expected, row_matches  # noqa: E402


def measure() -> tuple[dict[str, Counter], int, int]:
    """Per rule code: expected, found, false_alarms, near_misses_hit; and the totals of
    clusters and near misses."""
    counts: dict[str, Counter] = {rule.code: Counter() for rule in all_rules()}
    near_misses = 0
    folders = clusters()
    for cluster in folders:
        expected = load_expected(cluster)
        rows = list(consistency.check([str(cluster)]).discrepancies)
        remaining = list(rows)
        for wanted in expected.get("expect") or []:
            counts.setdefault(wanted["rule"], Counter())["expected"] += 1
            match = next((row for row in remaining if row_matches(wanted, row)), None)
            if match is not None:
                remaining.remove(match)
                counts[wanted["rule"]]["found"] += 1
        for row in remaining:
            counts.setdefault(row.rule, Counter())["false_alarms"] += 1
        for near_miss in expected.get("must_not") or []:
            near_misses += 1
            for rule in sorted({row.rule for row in rows if _covers(near_miss["claims"], row)}):
                counts[rule]["near_misses_hit"] += 1
    return counts, len(folders), near_misses


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.0%}" if denominator else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a README table")
    args = parser.parse_args()
    counts, cluster_count, near_misses = measure()
    header = ["rule", "expected", "found", "false alarms", "near misses hit", "precision", "recall"]
    rows = []
    for code in sorted(counts):
        item = counts[code]
        reported = item["found"] + item["false_alarms"]
        rows.append(
            [
                code,
                str(item["expected"]),
                str(item["found"]),
                str(item["false_alarms"]),
                str(item["near_misses_hit"]),
                _ratio(item["found"], reported),
                _ratio(item["found"], item["expected"]),
            ]
        )
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(f"{cluster_count} clusters, {near_misses} near misses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
