"""Baselines: the findings a newsroom has already seen, so that CI reports only new ones.

A baseline file lists findings by their stable id (rule, file names, values and quotes; never
line numbers), so an entry survives line shifts and edits elsewhere in the articles.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Sequence
from typing import Any

from consistency.files import write_atomically
from consistency.model import Discrepancy, InputError

SCHEMA = "consistency.baseline/1"


def baseline_text(discrepancies: Iterable[Discrepancy]) -> str:
    """The baseline file recording ``discrepancies``, sorted by id for stable diffs."""
    entries = {
        item.id: {
            "id": item.id,
            "rule": item.rule,
            "event": item.event,
            "files": sorted({posixpath.basename(claim.path) for claim in item.claims}),
            "quotes": [claim.quote for claim in item.claims],
        }
        for item in discrepancies
    }
    data = {"schema": SCHEMA, "findings": [entries[key] for key in sorted(entries)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: str, discrepancies: Iterable[Discrepancy]) -> None:
    try:
        write_atomically(path, baseline_text(discrepancies))
    except OSError as error:
        raise InputError(path, f"cannot write the baseline: {error.strerror or error}") from None


def read_baseline(path: str) -> list[dict[str, Any]]:
    """The entries of a baseline file; InputError when it is missing or not a baseline."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise InputError(path, "baseline file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read the baseline: {error}") from None
    except json.JSONDecodeError as error:
        raise InputError(path, f"not a baseline: invalid JSON at line {error.lineno}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(path, f'not a baseline (expected "schema": "{SCHEMA}")')
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("id"), str) for entry in findings
    ):
        raise InputError(path, "not a baseline: 'findings' must be a list of entries with an id")
    return findings


def without_baseline(
    discrepancies: Sequence[Discrepancy], entries: Sequence[dict[str, Any]]
) -> list[Discrepancy]:
    """The findings the baseline does not list."""
    known = {entry["id"] for entry in entries}
    return [item for item in discrepancies if item.id not in known]


def prune_baseline(
    path: str, entries: Sequence[dict[str, Any]], discrepancies: Sequence[Discrepancy]
) -> int:
    """Rewrite the baseline without the entries that no longer occur; how many were dropped."""
    current = {item.id for item in discrepancies}
    kept = [entry for entry in entries if entry["id"] in current]
    if len(kept) != len(entries):
        data = {"schema": SCHEMA, "findings": kept}
        try:
            write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        except OSError as error:
            raise InputError(path, f"cannot write the baseline: {error.strerror}") from None
    return len(entries) - len(kept)
