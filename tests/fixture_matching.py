"""Match a report against a fixture cluster's expected.yaml (schema in fixtures/README.md)."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import yaml

from consistency.model import Discrepancy, Evidence

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def clusters() -> list[Path]:
    return sorted(path for path in FIXTURES.iterdir() if (path / "expected.yaml").is_file())


def load_expected(cluster: Path) -> dict[str, Any]:
    return yaml.safe_load((cluster / "expected.yaml").read_text("utf-8"))


def _claim_matches(expected: dict[str, str], evidence: Evidence) -> bool:
    return posixpath.basename(evidence.path) == expected["file"] and expected["quote"] in (
        evidence.quote
    )


def _covers(claims: list[dict[str, str]], cited: tuple[Evidence, ...]) -> bool:
    """Every expected claim matched by a distinct piece of the evidence cited."""
    used: set[int] = set()
    for expected in claims:
        index = next(
            (
                i
                for i, evidence in enumerate(cited)
                if i not in used and _claim_matches(expected, evidence)
            ),
            None,
        )
        if index is None:
            return False
        used.add(index)
    return True


def row_matches(expected: dict[str, Any], row: Discrepancy) -> bool:
    if expected["rule"] != row.rule:
        return False
    if expected.get("severity") and expected["severity"] != row.severity:
        return False
    return _covers(expected["claims"], row.claims)


def near_miss_hit(near_miss: dict[str, Any], row: Discrepancy) -> bool:
    """Whether a row reports a near miss: cites all its claims or, with ``primary: true``,
    questions them all (cited as support is fine)."""
    questioned = tuple(row.claims[i] for i in row.primary)
    return _covers(near_miss["claims"], questioned if near_miss.get("primary") else row.claims)


def describe(row: Discrepancy) -> str:
    quotes = ", ".join(f"{posixpath.basename(c.path)}:{c.line} «{c.quote}»" for c in row.claims)
    return f"{row.rule} {row.severity} [{quotes}] {row.message}"


def compare(expected: dict[str, Any], rows: list[Discrepancy]) -> list[str]:
    """Problems: expected rows not reported, reported rows not expected, near misses hit."""
    problems = []
    remaining = list(rows)
    for wanted in expected.get("expect") or []:
        match = next((row for row in remaining if row_matches(wanted, row)), None)
        if match is None:
            problems.append(f"missing {wanted['rule']}: {wanted['claims']}")
        else:
            remaining.remove(match)
    problems.extend(f"unexpected {describe(row)}" for row in remaining)
    for near_miss in expected.get("must_not") or []:
        for row in rows:
            if near_miss_hit(near_miss, row):
                problems.append(f"near miss reported ({near_miss['why']}): {describe(row)}")
    return problems
