"""S100: the suppressions themselves. Its findings come from consistency.suppress, which runs
after the other rules; the entry here lets `consistency rules` explain it and a
configuration turn it off."""

from __future__ import annotations

from collections.abc import Iterable

from consistency.model import Discrepancy
from consistency.rules import Context, Rule


def _found_elsewhere(_context: Context) -> Iterable[Discrepancy]:
    return ()


UNUSED_SUPPRESSION = Rule(
    code="S100",
    name="unused-suppression",
    kind="suppression",
    title="An inline suppression that silences no finding",
    doc=(
        "An article carries '<!-- consistency: ignore CODE \"quote\" -->' but no finding of "
        "that rule quotes that text any more: the text was corrected, or the quote is "
        "mistyped. Remove the comment so that it does not hide a later finding. Always info."
    ),
    example='<!-- consistency: ignore C100 "54个国家" --> in an article that now says 34',
    check=_found_elsewhere,
)
RULES = [UNUSED_SUPPRESSION]
