"""Report emitters: one module per output format, each a function Report -> str (html also
takes a keyword-only ``title``)."""

from __future__ import annotations

from collections.abc import Callable

from consistency.model import Report


def emitter(name: str) -> Callable[[Report], str]:
    """The function that renders a report in format ``name``."""
    if name == "json":
        from consistency.report.json import render
    elif name == "markdown":
        from consistency.report.markdown import render
    elif name == "sarif":
        from consistency.report.sarif import render
    elif name == "github":
        from consistency.report.github import render
    elif name == "rdjsonl":
        from consistency.report.rdjsonl import render
    elif name == "html":
        from consistency.report.html import render
    else:
        from consistency.report.table import render
    return render
