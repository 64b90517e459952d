"""GitHub-flavoured Markdown: the table an editor pastes into a review or a pull request.

Every piece of article text (quotes, values, event names, messages, file names) goes
through ``escape``: it cannot end a table cell, open a code span, link, image, heading,
quote, list or HTML tag, or start a new line.
"""

from __future__ import annotations

import re

from consistency.model import Evidence, Report
from consistency.report.common import claim_text, one_line, plural, published_text

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
# Inline Markdown: code spans, emphasis, strikethrough, links and images, footnotes,
# headings, math ($ … $ on GitHub) and the backslash that escapes all of them.
_BACKSLASHED = frozenset("\\`*_~[]!#$")
# Block markers that only count at the start of a line: a list item ("-", "+", "1."), a
# setext underline ("=").
_LEADING_MARKER = re.compile(r"^([-+=]|\d{1,9}[.)])")


def escape(text: object) -> str:
    """``text`` as literal inline Markdown on one line, safe inside a table cell."""
    flat = one_line(str(text)).replace("\t", " ")
    leading = len(flat) - len(flat.lstrip(" "))
    body = flat[leading:]
    marker = _LEADING_MARKER.match(body)
    escaped = "".join(_escape_char(body, index) for index in range(len(body)))
    if marker:
        # "1." -> "1\.", "-" -> "\-": the entity and backslash forms above never start
        # with a digit, "-", "+" or "=", so the marker is still at the start of ``escaped``.
        end = marker.end()
        escaped = escaped[: end - 1] + "\\" + escaped[end - 1 :]
    # Leading spaces would make an indented code block at the start of a list item.
    return "&#32;" * leading + escaped


def _escape_char(text: str, index: int) -> str:
    char = text[index]
    if char in _ENTITIES:
        return _ENTITIES[char]
    # An underscore inside a word ("000_fd36") never starts or ends emphasis.
    if char == "_" and text[index - 1 : index].isalnum() and text[index + 1 : index + 2].isalnum():
        return char
    return f"\\{char}" if char in _BACKSLASHED else char


def _claim(claim: Evidence) -> str:
    return f"{escape(claim.path)}:{claim.line}:{claim.column} {escape(claim_text(claim))}"


def summary(report: Report) -> str:
    parts = [
        plural(report.count("error"), "error"),
        plural(report.count("warning"), "warning"),
        plural(report.count("info"), "info"),
    ]
    line = (
        f"**{', '.join(parts)}** in {plural(len(report.documents), 'document')} "
        f"({plural(report.claims, 'claim')})"
    )
    if report.skipped:
        line += f", {report.skipped} files skipped"
    if report.errors:
        line += f", {plural(len(report.errors), 'file')} not checked"
    return line + "."


def render(report: Report) -> str:
    lines = ["#### Consistency check", ""]
    for document in report.documents:
        lines.append(
            f"- {escape(document.path)}: {escape(document.language)}, published "
            f"{published_text(document)} (from {escape(document.published_from)})"
        )
        lines.extend(f"  - warning: {escape(warning)}" for warning in document.warnings)
    for error in report.errors:
        lines.append(f"- **not checked** {escape(error.path)}: {escape(error.message)}")
    if lines[-1]:
        lines.append("")
    if report.discrepancies:
        lines.append("| rule | severity | event | claims (file:line:col «quote» = value) | why |")
        lines.append("| --- | --- | --- | --- | --- |")
        for item in report.discrepancies:
            cells = [
                escape(item.rule),
                escape(item.severity),
                escape(item.event),
                "<br>".join(_claim(claim) for claim in item.claims),
                escape(item.message),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        lines.append(summary(report))
    else:
        lines.append(f"No discrepancies found: {summary(report)}")
    return "\n".join(lines) + "\n"
