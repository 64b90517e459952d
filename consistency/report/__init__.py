"""Report emitters: one module per output format, each a function Report -> str."""

from __future__ import annotations

from collections.abc import Callable

from consistency.model import Report


def emitter(name: str) -> Callable[[Report], str]:
    """The function that renders a report in format ``name``."""
    if name == "json":
        from consistency.report.json import render
    else:
        from consistency.report.table import render
    return render
