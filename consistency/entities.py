"""Participants: countries, organizations and people named in a sentence."""

from __future__ import annotations

import re
from functools import cache

from consistency import resources


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    spellings = {
        spelling: key
        for key, names in resources.load("entities")["entities"].items()
        for spelling in names
    }
    alternatives = []
    for spelling in sorted(spellings, key=len, reverse=True):
        escaped = re.escape(spelling)
        # Latin names match as whole words and case-sensitively ("US" is not "us").
        alternatives.append(rf"\b{escaped}\b" if spelling.isascii() else escaped)
    return re.compile("|".join(alternatives)), spellings


def find_entities(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """Canonical keys of the entities named in ``text[start:end]``."""
    pattern, spellings = _pattern()
    return {
        spellings[m.group()]
        for m in pattern.finditer(text, start, len(text) if end is None else end)
    }
