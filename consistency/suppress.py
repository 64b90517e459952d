"""Inline suppressions: an editor who has checked a finding silences it in the article itself.

    <!-- consistency: ignore C100 "54个国家" -->   that rule, for claims quoting that text
    <!-- consistency: ignore C100, T100 -->        those rules, anywhere in this file

The quote is matched against the claims' quotes and sentences, not a line number, so the
suppression survives edits elsewhere in the text. A suppression that silences nothing is
reported (S100, info): the finding it was written for is gone, and so should it be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from consistency.model import Discrepancy, Document, Evidence

# The directive a loader blanks from the article text: it is an instruction, not prose.
DIRECTIVE = re.compile(r"<!--[ \t]*consistency[ \t]*:(?P<body>[^\n]{0,300}?)-->")
_BODY = re.compile(
    r"[ \t]*ignore[ \t]+(?P<codes>[A-Za-z]\d{3}(?:[ \t]*,[ \t]*[A-Za-z]\d{3})*)"
    r"(?:[ \t]+(?:\"(?P<ascii>[^\"]{1,200})\"|“(?P<curly>[^”]{1,200})”))?[ \t]*"
)
UNUSED_RULE = "S100"


@dataclass(frozen=True)
class Suppression:
    path: str
    codes: tuple[str, ...]
    quote: str | None  # None: the whole file
    start: int
    end: int

    def silences(self, discrepancy: Discrepancy) -> bool:
        if discrepancy.rule not in self.codes:
            return False
        claims = [claim for claim in discrepancy.claims if claim.path == self.path]
        if self.quote is None:
            return bool(claims)
        wanted = " ".join(self.quote.split())
        return any(wanted in claim.quote or wanted in claim.sentence for claim in claims)


def directive_problem(match: re.Match[str]) -> str | None:
    """Why a directive cannot be read, or None."""
    if _BODY.fullmatch(match.group("body")):
        return None
    return (
        f"cannot read the directive '{match.group().strip()}' "
        '(expected <!-- consistency: ignore CODE "quote" -->)'
    )


def find_suppressions(document: Document) -> list[Suppression]:
    """The suppressions written in a document (unreadable ones are warned about on loading)."""
    found = []
    for match in DIRECTIVE.finditer(document.raw):
        body = _BODY.fullmatch(match.group("body"))
        if body is None:
            continue
        codes = tuple(code.strip().upper() for code in body.group("codes").split(","))
        quote = body.group("ascii") or body.group("curly")
        found.append(Suppression(document.path, codes, quote, match.start(), match.end()))
    return found


def apply_suppressions(
    discrepancies: Iterable[Discrepancy], documents: Sequence[Document]
) -> tuple[list[Discrepancy], list[Discrepancy]]:
    """The findings no suppression silences, and an S100 finding for each unused suppression."""
    from consistency.rules import stable_id

    by_path = {document.path: document for document in documents}
    suppressions = [s for document in documents for s in find_suppressions(document)]
    used: set[Suppression] = set()
    kept = []
    for discrepancy in discrepancies:
        silencing = [s for s in suppressions if s.silences(discrepancy)]
        used.update(silencing)
        if not silencing:
            kept.append(discrepancy)
    unused = []
    for suppression in suppressions:
        if suppression in used:
            continue
        document = by_path[suppression.path]
        line, column = document.position(suppression.start)
        end_line, end_column = document.position(suppression.end)
        quote = document.raw[suppression.start : suppression.end]
        evidence = Evidence(
            path=suppression.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            quote=quote,
            value=None,
            counted=None,
            sentence=quote,
        )
        target = f'"{suppression.quote}"' if suppression.quote else "this file"
        unused.append(
            Discrepancy(
                id=stable_id(UNUSED_RULE, [evidence]),
                rule=UNUSED_RULE,
                kind="suppression",
                severity="info",
                event="",
                message=f"Unused suppression: no {', '.join(suppression.codes)} finding "
                f"for {target}; remove it",
                claims=(evidence,),
            )
        )
    return kept, unused
