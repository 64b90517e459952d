"""consistency: a pre-publication discrepancy checker for news articles.

``check(paths)`` reads articles and returns a Report of discrepancies;
``mentions(text)`` lists the numbers, times and event words it reads in a text.
The heavy modules load on first use so that ``consistency --version`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check", "mentions"]

if TYPE_CHECKING:
    from consistency.model import Mention, Report


def check(paths: Any, **options: Any) -> Report:
    """Check articles (files or folders) within themselves and against each other."""
    from consistency.pipeline import check as run_check

    return run_check([paths] if isinstance(paths, str) else list(paths), **options)


def mentions(
    text: str, reference: Any = None, language: str | None = None, prefer: str = "closest"
) -> list[Mention]:
    """The quantities, times and event words in ``text``; times resolved against ``reference``."""
    global _find_mentions
    if _find_mentions is None:  # an import statement per call costs more than a sentence's scan
        from consistency.pipeline import mentions as _find_mentions
    return _find_mentions(text, reference, language, prefer)


_find_mentions: Any = None
