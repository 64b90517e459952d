"""Each rule's precision and recall on the fixture clusters, and the near misses it reports.

    python benchmarks/rules.py [--markdown]

Every cluster in ``fixtures/`` is checked as the tests check it. Per rule: the rows the
clusters expect, the expected rows reported (true positives), the reported rows no cluster
expects (false alarms), and the near misses (``must_not``) that a row of that rule reports.
Precision is true positives over reported rows; recall is true positives over expected
rows. Last, every cluster is checked in one run, and the rows that join claims of
different clusters (unrelated stories) are counted. Not part of the test suite (the tests
require every cluster to be exact).
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
from tests.fixture_matching import (  # noqa: E402
    clusters,
    load_expected,
    near_miss_hit,
    row_matches,
)


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
            for rule in sorted({row.rule for row in rows if near_miss_hit(near_miss, row)}):
                counts[rule]["near_misses_hit"] += 1
    return counts, len(folders), near_misses


def together() -> Counter:
    """Every cluster checked in one run, as a CI job checks a day's unrelated stories: the
    rows whose claims come from more than one cluster, by severity. The clusters are
    separate stories, so such rows are false alarms, apart from a name spelled two ways,
    which is one whatever the story."""
    paths = [str(cluster) for cluster in clusters()]
    rows = consistency.check(paths).discrepancies
    joined: Counter = Counter()
    for row in rows:
        if len({Path(claim.path).parent.name for claim in row.claims}) > 1:
            joined[(row.rule, row.severity)] += 1
    return joined


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
    joined = together()
    alarms = sum(n for (rule, severity), n in joined.items() if severity != "info")
    print(
        f"all clusters in one run: {sum(joined.values())} rows join different clusters, "
        f"{alarms} of them warnings or errors: "
        + (", ".join(f"{rule} {severity} {n}" for (rule, severity), n in sorted(joined.items())))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
