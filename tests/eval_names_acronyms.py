"""Precision and recall of N100, A100 and A101 on the labelled cases of
tests/data/names_acronyms/cases.yml.

    python -m tests.eval_names_acronyms

A case counts as found when a row of its expected rule is reported; every reported row of these
rules that the case does not expect is a false alarm.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import consistency

CASES = Path(__file__).resolve().parent / "data" / "names_acronyms" / "cases.yml"
RULES = ("N100", "A100", "A101")


@dataclass
class Score:
    found: int = 0  # expected rows reported
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        reported = self.found + len(self.false_alarms)
        return self.found / reported if reported else 1.0

    @property
    def recall(self) -> float:
        expected = self.found + len(self.missed)
        return self.found / expected if expected else 1.0


def evaluate() -> dict[str, Score]:
    """One score per rule, and "all"."""
    cases = yaml.safe_load(CASES.read_text("utf-8"))["cases"]
    scores = {rule: Score() for rule in (*RULES, "all")}
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            case_folder = Path(folder) / case["id"]
            case_folder.mkdir()
            for index, text in enumerate(case["articles"]):
                (case_folder / f"{'abc'[index]}.txt").write_text(text + "\n", "utf-8")
            report = consistency.check([str(case_folder)])
            reported = [row.rule for row in report.discrepancies if row.rule in RULES]
            expected = case["expect"]
            for rule in (rule for rule in RULES if rule == expected):
                for score in (scores[rule], scores["all"]):
                    if rule in reported:
                        score.found += 1
                    else:
                        score.missed.append(case["id"])
            extra = list(reported)
            if expected in extra:
                extra.remove(expected)
            for rule in extra:
                for score in (scores[rule], scores["all"]):
                    score.false_alarms.append(f"{case['id']} ({rule})")
    return scores


def main() -> None:
    for rule, score in evaluate().items():
        print(
            f"{rule}: precision {score.precision:.2f}, recall {score.recall:.2f} "
            f"({score.found} found, {len(score.missed)} missed, "
            f"{len(score.false_alarms)} false alarms)"
        )
        if score.missed:
            print(f"  missed: {', '.join(score.missed)}")
        if score.false_alarms:
            print(f"  false alarms: {', '.join(score.false_alarms)}")


if __name__ == "__main__":
    main()
