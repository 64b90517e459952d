"""What the output formats share: severity names, paths, the claim a finding is
reported at, and how a claim reads in one line."""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path, PurePath
from urllib.parse import quote as percent_encode

from consistency.model import Discrepancy, Document, Evidence, Report
from consistency.rules import SEVERITY_ORDER

# One mapping per consumer, the same everywhere: error / warning / info.
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
RDF_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}

# Characters some readers take for the end of a line although they are not CR or LF
# (str.splitlines splits on all of them). Article text never needs them in a report.
_OTHER_LINE_BREAKS = dict.fromkeys(map(ord, "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), " ")
# Other control characters (terminal escapes among them) are shown as U+FFFD.
_CONTROLS = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, *range(0x7F, 0xA0)], "\ufffd"
)


def one_line(text: str) -> str:
    """``text`` on one line: every line break (CRLF, CR, LF and the Unicode ones) made a
    space, other control characters but tab replaced by U+FFFD."""
    flat = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return flat.translate(_OTHER_LINE_BREAKS).translate(_CONTROLS)


def plural(count: int, word: str) -> str:
    """ "1 error", "3 warnings", "0 info"."""
    return f"{count} {word}" + ("" if count == 1 or word == "info" else "s")


def value_text(value: object) -> str:
    """A claim's normalized value: an ISO date, a number, or "+1 day from <event>"."""
    if isinstance(value, dict):
        if "offset_days" in value or "order" in value:
            days = value.get("offset_days")
            when = f"{days:+d} day" if days is not None else value.get("order")
            return f"{when} from {value.get('anchor')}"
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def published_text(document: Document) -> str:
    """The publication date as precise as it is known: "2026-02-08", "2026-02", "2026"."""
    if document.published is None:
        return "unknown"
    if document.published_grain == "year":
        return str(document.published.year)
    if document.published_grain == "month":
        return document.published.strftime("%Y-%m")
    return document.published.isoformat()


def claim_text(claim: Evidence) -> str:
    """«quote» = value, as the table prints it."""
    return f"«{claim.quote}» = {value_text(claim.value)}"


def in_severity_order(report: Report) -> list[Discrepancy]:
    """Errors first, then warnings, then info; the report's order within each."""
    return sorted(report.discrepancies, key=lambda item: SEVERITY_ORDER.get(item.severity, 3))


def primary(item: Discrepancy) -> Evidence:
    """The claim a finding is reported at: the first of those it questions."""
    return item.claims[item.primary[0] if item.primary else 0]


def others(item: Discrepancy) -> list[Evidence]:
    """The claims of a finding other than the one it is reported at, in order."""
    first = primary(item)
    return [claim for claim in item.claims if claim is not first]


def relative_path(path: str) -> str:
    """``path`` relative to the current directory with "/" separators, or absolute (POSIX
    separators) when it is outside the current directory."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.getcwd())
    except ValueError:  # another drive on Windows
        relative = None
    if relative is None or relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return PurePath(absolute).as_posix()
    return PurePath(relative).as_posix()


def path_uri(path: str) -> tuple[str, bool]:
    """A URI reference for ``path``: (percent-encoded relative reference, True) for files
    under the current directory, (absolute file: URI, False) for the others."""
    shown = relative_path(path)
    if posixpath.isabs(shown) or PurePath(shown).is_absolute():
        return Path(os.path.abspath(path)).as_uri(), False
    return percent_encode(shown, safe="/"), True


def document_lines(report: Report) -> dict[str, list[str]]:
    """Each checked document's lines, by path, for converting columns."""
    return {document.path: document.raw.split("\n") for document in report.documents}


def utf8_column(lines: dict[str, list[str]], path: str, line: int, column: int) -> int:
    """A 1-based column that counts code points, converted to one that counts UTF-8 bytes
    (what reviewdog reads). Without the document's text, the column as it is."""
    text = lines.get(path)
    if text is None or not 1 <= line <= len(text):
        return column
    return len(text[line - 1][: column - 1].encode("utf-8")) + 1
