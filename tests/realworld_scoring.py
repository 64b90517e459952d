"""Score a report against a cluster of real reporting (an EXPECTED.yaml beside its articles).

The rules of ``../shared/realworld/score.py`` (the common yardstick), written again so that the
project's own clusters in ``fixtures/real/`` can be scored where ``../shared`` is absent;
``tests/test_realworld.py`` checks that both give the same figures.

A reported claim "hits" an annotated quote when it lies in the same file and its
``[line:column, end_line:end_column)`` span overlaps the quote's span in the file.
- found: an expected discrepancy whose two claims are both hit by one row;
- false alarm: a row not used by a found discrepancy that hits two claims of one agreement (and
  no side of any discrepancy), cites the front matter, or cites a distractor;
- borderline: a row that hits two claims of a borderline group;
- extra: any other row.
"""

from __future__ import annotations

import json
import posixpath
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import consistency
from consistency.report.json import as_data


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    rows: int = 0
    false_alarms: int = 0
    borderline: int = 0
    extra: int = 0
    found_ids: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("expected", "found", "rows", "false_alarms", "borderline", "extra"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.found_ids += other.found_ids


class Cluster:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.expected = yaml.safe_load((root / "EXPECTED.yaml").read_text("utf-8")) or {}
        self.texts = {p.name: p.read_text("utf-8") for p in sorted(root.glob("*.txt"))}
        self.starts = {
            name: [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]
            for name, text in self.texts.items()
        }

    def front_matter_end(self, name: str) -> int:
        text = self.texts[name]
        if not text.startswith("---"):
            return 0
        end = text.find("\n---", 3)
        return end + 4 if end >= 0 else 0

    def span(self, claim: dict[str, Any]) -> tuple[str | None, tuple[int, int] | None]:
        name = posixpath.basename(str(claim.get("path", "")).replace("\\", "/"))
        if name not in self.texts or not isinstance(claim.get("line"), int):
            return None, None
        starts = self.starts[name]

        def offset(line: int, column: int | None) -> int:
            line = max(1, min(int(line), len(starts)))
            return starts[line - 1] + max(0, int(column or 1) - 1)

        start = offset(claim["line"], claim.get("column"))
        end = start + 1
        if claim.get("end_column"):
            end = offset(claim.get("end_line") or claim["line"], claim["end_column"])
        return name, (start, max(end, start + 1))

    def hits(self, claim: dict[str, Any], ref: dict[str, str]) -> bool:
        name, span = self.span(claim)
        if span is None or name != ref["file"]:
            return False
        text, quote = self.texts[name], ref["quote"]
        at = text.find(quote)
        while at >= 0:
            if span[0] < at + len(quote) and at < span[1]:
                return True
            at = text.find(quote, at + 1)
        return False

    def touched(self, row: dict[str, Any], refs: list[dict[str, str]]) -> set[int]:
        return {i for i, ref in enumerate(refs) for c in row.get("claims", []) if self.hits(c, ref)}


def check_cluster(root: Path) -> dict[str, Any]:
    """The JSON report of the checker run on a copy of the cluster's articles."""
    with tempfile.TemporaryDirectory() as folder:
        for path in sorted(root.glob("*.txt")):
            shutil.copy(path, Path(folder) / path.name)
        report = as_data(consistency.check([folder]))
    return json.loads(json.dumps(report))


def score(cluster: Cluster, report: dict[str, Any]) -> Score:
    rows = report.get("discrepancies") or []
    expected = cluster.expected
    result = Score(rows=len(rows))
    used: set[int] = set()
    discrepancies = expected.get("discrepancies") or []
    for item in discrepancies:
        result.expected += 1
        hit = [
            i
            for i, row in enumerate(rows)
            if any(cluster.hits(c, item["claim_a"]) for c in row.get("claims", []))
            and any(cluster.hits(c, item["claim_b"]) for c in row.get("claims", []))
        ]
        if hit:
            result.found += 1
            result.found_ids.append(item["id"])
        used.update(hit)
    sides = [item[key] for item in discrepancies for key in ("claim_a", "claim_b")]
    alarms: set[int] = set()
    for i, row in enumerate(rows):
        if i in used:
            continue
        if not cluster.touched(row, sides) and any(
            len(cluster.touched(row, group.get("claims") or [])) >= 2
            for group in expected.get("agreements") or []
        ):
            alarms.add(i)
        for claim in row.get("claims", []):
            name, span = cluster.span(claim)
            if name and span and span[0] < cluster.front_matter_end(name):
                alarms.add(i)
        files = {cluster.span(c)[0] for c in row.get("claims", [])}
        for distractor in expected.get("distractors") or []:
            quotes = [
                {"file": distractor["file"], "quote": q} for q in distractor.get("quotes") or []
            ]
            if (
                cluster.touched(row, quotes)
                if quotes
                else (distractor["file"] in files and len(files) > 1)
            ):
                alarms.add(i)
    border = {
        i
        for group in expected.get("borderline") or []
        for i, row in enumerate(rows)
        if i not in used
        and i not in alarms
        and len(cluster.touched(row, group.get("claims") or [])) >= 2
    }
    result.false_alarms = len(alarms)
    result.borderline = len(border)
    result.extra = len(rows) - len(used | alarms | border)
    return result


def score_folder(folder: Path) -> dict[str, Score]:
    """Each cluster of a folder of clusters, scored."""
    scores = {}
    for root in sorted(p for p in folder.iterdir() if (p / "EXPECTED.yaml").is_file()):
        cluster = Cluster(root)
        scores[root.name] = score(cluster, check_cluster(root))
    return scores
