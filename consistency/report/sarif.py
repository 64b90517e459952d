"""SARIF 2.1.0, as GitHub code scanning reads it.

One result per discrepancy, located at the claim its message questions first; the other
claims are related locations. Columns count Unicode code points (``columnKind``), file
URIs are relative to the current directory (``%SRCROOT%``, the repository root in CI).
Built as a dict and written with ``json.dumps``: article text is only ever a JSON string.
"""

from __future__ import annotations

import json
from typing import Any

import consistency
from consistency.model import Evidence, Report
from consistency.report.common import SARIF_LEVEL, claim_text, others, path_uri, primary
from consistency.rules import all_rules

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT = "consistency/v1"
SRCROOT = "%SRCROOT%"


def message(text: str) -> dict[str, str]:
    """A SARIF message: literal square brackets are escaped so that no text in an article
    reads as an embedded link ("[here](1)")."""
    return {"text": text.replace("[", "\\[").replace("]", "\\]")}


def artifact_location(path: str) -> dict[str, str]:
    uri, relative = path_uri(path)
    return {"uri": uri, "uriBaseId": SRCROOT} if relative else {"uri": uri}


def physical_location(claim: Evidence) -> dict[str, Any]:
    return {
        "artifactLocation": artifact_location(claim.path),
        "region": {
            "startLine": claim.line,
            "startColumn": claim.column,
            "endLine": claim.end_line,
            "endColumn": claim.end_column,
            "snippet": {"text": claim.quote},
        },
    }


def location(claim: Evidence) -> dict[str, Any]:
    return {"physicalLocation": physical_location(claim), "message": message(claim_text(claim))}


def file_location(path: str) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": artifact_location(path)}}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.doc},
            "help": {"text": f"{rule.doc}\n\nExample: {rule.example}"},
            "properties": {"kind": rule.kind, "tags": ["consistency", rule.kind]},
        }
        for rule in sorted(all_rules(), key=lambda rule: rule.code)
    ]


def as_data(report: Report) -> dict[str, Any]:
    rules = _rules()
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    results = []
    for item in report.discrepancies:
        first = primary(item)
        result: dict[str, Any] = {"ruleId": item.rule}
        if item.rule in index:
            result["ruleIndex"] = index[item.rule]
        result |= {
            "level": SARIF_LEVEL[item.severity],
            "message": message(item.message),
            "locations": [
                {
                    "physicalLocation": physical_location(first),
                    "message": message(claim_text(first)),
                }
            ],
            "partialFingerprints": {FINGERPRINT: item.id},
            "properties": {"id": item.id, "event": item.event, "severity": item.severity},
        }
        related = [
            {"id": number, **location(claim)} for number, claim in enumerate(others(item), start=1)
        ]
        if related:
            result["relatedLocations"] = related
        results.append(result)

    notifications = [
        {
            "level": "error",
            "message": message(f"{error.path}: {error.message}"),
            "locations": [
                {"physicalLocation": {"artifactLocation": artifact_location(error.path)}}
            ],
        }
        for error in report.errors
    ] + [
        {
            "level": "warning",
            "message": message(f"{document.path}: {warning}"),
            "locations": [file_location(document.path)],
        }
        for document in report.documents
        for warning in document.warnings
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications

    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "consistency",
                        "version": consistency.__version__,
                        "semanticVersion": consistency.__version__,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(report: Report) -> str:
    return json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n"
