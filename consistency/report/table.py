"""The default output: a table an editor reads, one row per discrepancy."""

from __future__ import annotations

from tabulate import tabulate

from consistency.model import Evidence, Report
from consistency.report.common import claim_text, plural, published_text

_MESSAGE_WIDTH = 60


def _claim(claim: Evidence) -> str:
    return f"{claim.path}:{claim.line}:{claim.column} {claim_text(claim)}"


def render(report: Report, *, quiet: bool = False) -> str:
    """The table; ``quiet`` leaves out the header and the summary, and prints nothing at all
    when there is nothing to report."""
    if quiet:
        return _rows(report) + "\n" if report.discrepancies else ""
    lines = []
    for document in report.documents:
        lines.append(
            f"{document.path}: {document.language}, published {published_text(document)} "
            f"(from {document.published_from})"
        )
        lines.extend(f"  warning: {warning}" for warning in document.warnings)
    lines.append("")
    if report.discrepancies:
        lines.append(_rows(report))
    else:
        lines.append("No discrepancies found.")
    for error in report.errors:
        lines.append(f"error: {error.path}: {error.message}")
    lines.append(
        f"{plural(len(report.documents), 'document')}, {plural(report.claims, 'claim')}, "
        + ", ".join(plural(report.count(level), level) for level in ("error", "warning", "info"))
        + (f", {plural(report.skipped, 'file')} skipped" if report.skipped else "")
        + (f", {plural(len(report.errors), 'file')} not checked" if report.errors else "")
    )
    return "\n".join(lines) + "\n"


def _rows(report: Report) -> str:
    rows = [
        [
            item.rule,
            item.severity,
            item.event,
            "\n".join(_claim(claim) for claim in item.claims),
            item.message,
        ]
        for item in report.discrepancies
    ]
    return tabulate(
        rows,
        headers=["rule", "severity", "event", "claims (file:line:col «quote» = value)", "why"],
        tablefmt="grid",
        maxcolwidths=[None, None, 16, None, _MESSAGE_WIDTH],
    )
