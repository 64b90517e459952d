"""Reviewdog Diagnostic Format as JSON Lines (``reviewdog -f=rdjsonl``).

One ``Diagnostic`` per line: located at the claim the message questions first, the other
claims in ``related_locations``. Reviewdog counts columns in UTF-8 bytes and ends a range
before its end position, so the code-point columns of the report are converted with the
article's text.
"""

from __future__ import annotations

import json
from typing import Any

from consistency.model import Evidence, Report
from consistency.report.common import (
    RDF_SEVERITY,
    claim_text,
    document_lines,
    others,
    primary,
    relative_path,
    utf8_column,
)

SOURCE = {"name": "consistency"}


def location(claim: Evidence, lines: dict[str, list[str]]) -> dict[str, Any]:
    start = {"line": claim.line, "column": utf8_column(lines, claim.path, claim.line, claim.column)}
    end = {
        "line": claim.end_line,
        "column": utf8_column(lines, claim.path, claim.end_line, claim.end_column),
    }
    return {"path": relative_path(claim.path), "range": {"start": start, "end": end}}


def diagnostics(report: Report) -> list[dict[str, Any]]:
    lines = document_lines(report)
    found: list[dict[str, Any]] = [
        {
            "message": error.message,
            "location": {"path": relative_path(error.path)},
            "severity": "ERROR",
            "source": SOURCE,
        }
        for error in report.errors
    ]
    for item in report.discrepancies:
        first = primary(item)
        diagnostic: dict[str, Any] = {
            "message": item.message,
            "location": location(first, lines),
            "severity": RDF_SEVERITY[item.severity],
            "source": SOURCE,
            "code": {"value": item.rule},
        }
        related = [
            {"message": claim_text(claim), "location": location(claim, lines)}
            for claim in others(item)
        ]
        if related:
            diagnostic["related_locations"] = related
        found.append(diagnostic)
    return found


# JSON leaves these raw inside strings; readers that split lines on them would cut a record.
_LINE_SAFE = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _line(diagnostic: dict[str, Any]) -> str:
    text = json.dumps(diagnostic, ensure_ascii=False)
    for char, escaped in _LINE_SAFE.items():
        text = text.replace(char, escaped)
    return text + "\n"


def render(report: Report) -> str:
    return "".join(_line(diagnostic) for diagnostic in diagnostics(report))
