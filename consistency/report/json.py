"""JSON output: the `consistency.report/1` contract (schema in consistency/schema/)."""

from __future__ import annotations

import json
from typing import Any

from consistency.model import Report

SCHEMA = "consistency.report/1"


def as_data(report: Report) -> dict[str, Any]:
    """The report as plain data, in the order the schema documents."""
    return {
        "schema": SCHEMA,
        "documents": [
            {
                "path": document.path,
                "title": document.title,
                "language": document.language,
                "published": document.published.isoformat() if document.published else None,
                "published_from": document.published_from,
                "published_grain": document.published_grain,
                "warnings": list(document.warnings),
            }
            for document in report.documents
        ],
        "discrepancies": [
            {
                "id": item.id,
                "rule": item.rule,
                "kind": item.kind,
                "severity": item.severity,
                "event": item.event,
                "message": item.message,
                "claims": [
                    {
                        "path": claim.path,
                        "line": claim.line,
                        "column": claim.column,
                        "end_line": claim.end_line,
                        "end_column": claim.end_column,
                        "quote": claim.quote,
                        "value": claim.value,
                        "counted": claim.counted,
                        "sentence": claim.sentence,
                    }
                    for claim in item.claims
                ],
                "primary": list(item.primary),
            }
            for item in report.discrepancies
        ],
        "errors": [{"path": error.path, "message": error.message} for error in report.errors],
        "summary": {
            "documents": len(report.documents),
            "skipped": report.skipped,
            "claims": report.claims,
            "error": report.count("error"),
            "warning": report.count("warning"),
            "info": report.count("info"),
        },
    }


def render(report: Report) -> str:
    return json.dumps(as_data(report), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
