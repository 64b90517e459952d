"""GitHub Actions workflow commands: one annotation per discrepancy, errors first.

The runner reads every line of a step's output that starts with "::" as a command, so
article text is escaped as the runner requires and never contains a line break: it can
neither start a command nor end one. GitHub shows only the first annotations of each kind
per step, so when ``GITHUB_STEP_SUMMARY`` is set the full Markdown report is appended to
the job summary as well.
"""

from __future__ import annotations

import os

from consistency.model import Discrepancy, Report
from consistency.report import markdown
from consistency.report.common import (
    GITHUB_COMMAND,
    claim_text,
    in_severity_order,
    one_line,
    plural,
    primary,
    relative_path,
)
from consistency.rules import all_rules


def escape_data(text: str) -> str:
    """The message of a command: "%", CR and LF encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): as data, and ":" and "," encoded as well."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], text: str) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(text)}" if listed else f"::{name}::{escape_data(text)}"


def annotation(item: Discrepancy, titles: dict[str, str]) -> str:
    first = primary(item)
    properties: dict[str, object] = {"file": relative_path(first.path), "line": first.line}
    if first.end_line == first.line:
        # GitHub takes columns only on one line; its end column is the last character.
        properties["col"] = first.column
        properties["endColumn"] = max(first.column, first.end_column - 1)
    else:
        properties["endLine"] = first.end_line
    title = f"{item.rule} {titles[item.rule]}" if item.rule in titles else item.rule
    properties["title"] = f"{title} ({item.severity})"
    # Article text is flattened to one line; the claims are listed one per line.
    lines = [one_line(item.message)]
    lines.extend(
        one_line(f"{relative_path(claim.path)}:{claim.line}:{claim.column} {claim_text(claim)}")
        for claim in item.claims
    )
    return command(GITHUB_COMMAND[item.severity], properties, "\n".join(lines))


def _append_summary(report: Report) -> str | None:
    """Append the Markdown report to the job summary; the problem, if that fails."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return None
    try:
        with open(path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(markdown.render(report) + "\n")
    except OSError as error:
        return f"could not append to GITHUB_STEP_SUMMARY: {error.strerror or error}"
    return None


def render(report: Report) -> str:
    titles = {rule.code: rule.title for rule in all_rules()}
    lines = [
        command("error", {"file": relative_path(error.path)}, one_line(error.message))
        for error in report.errors
    ]
    lines.extend(annotation(item, titles) for item in in_severity_order(report))
    problem = _append_summary(report)
    if problem:
        lines.append(command("warning", {}, one_line(problem)))
    counts = ", ".join(plural(report.count(level), level) for level in ("error", "warning", "info"))
    lines.append(
        f"consistency: {counts} in {plural(len(report.documents), 'document')}"
        + (f", {plural(len(report.errors), 'file')} not checked" if report.errors else "")
    )
    return "\n".join(lines) + "\n"
