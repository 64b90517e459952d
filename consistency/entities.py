"""Participants: countries, organizations and people named in a sentence."""

from __future__ import annotations

import re

from consistency import resources
from consistency.extract.prefilter import Scanner
from consistency.lang import LazyPattern


@resources.derived
def _pattern() -> tuple[Scanner, dict[str, str], frozenset[str]]:
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
    known = frozenset(spelling.lower() for spelling in spellings)
    # behind the prefilter: the engine jumps to the names' first characters instead of trying
    # some 250 names at every position (16x faster a sentence)
    return Scanner(LazyPattern("|".join(alternatives)), gates=False), spellings, known


# Capitalized Latin words are names ("Norvik", "Klingbeil"), in English text and inside
# Chinese text ("诺维克汽车（Norvik Motors）"): they link a Chinese and an English story.
_LATIN_NAME = re.compile(r"\b[A-Z][a-zA-Z]{2,}\b")
_NOT_NAMES = frozenset(
    "Olympians Olympic Olympics Games Gold Silver Bronze Medals "
    "The This That These Those There Their They Then When While Where What Who Why How After "
    "Before Since During And But For With From Into Over Under About Among Also Both Each Most "
    "More Many Some Such Other Its His Her Our Your Mr Mrs Ms Dr President Premier Minister "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept "
    "Oct Nov Dec Notice Related News Share".split()
)


def find_entities(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """Canonical keys of the entities named in ``text[start:end]``."""
    stop = len(text) if end is None else end
    pattern, spellings, known = _pattern()
    matches = list(pattern.finditer_between(text, start, stop))
    found = {spellings[m.group()] for m in matches}
    # "South" of "South Korea" is part of a known name, not a name of its own
    inside = {index for m in matches for index in range(m.start(), m.end())}
    found |= {
        "name:" + m.group().lower()
        for m in _LATIN_NAME.finditer(text, start, stop)
        if m.group() not in _NOT_NAMES
        and m.group().lower() not in known
        and m.start() not in inside
    }
    return found


# Quoted or bracketed names: 「海澄同盟」, “民本党”, 《…》 is a title and names no owner
_QUOTED_NAME = re.compile(r"[「“\"]([^」”\"\n]{2,12})[」”\"]")


def owner_before(text: str, start: int, position: int) -> str | None:
    """Who a figure belongs to, named in ``text[start:position]`` (its clause up to it): the
    last country, organization or Latin name, or a quoted name ("美国队共奪40面金牌" is the
    United States', "「海澄同盟」取得47席" the party's), as a key; else None."""
    pattern, spellings, known = _pattern()
    found: list[tuple[int, str]] = [
        (m.end(), spellings[m.group()]) for m in pattern.finditer_between(text, start, position)
    ]
    found += [(m.end(), "name:" + m.group(1)) for m in _QUOTED_NAME.finditer(text, start, position)]
    found += [
        (m.end(), "name:" + m.group().lower())
        for m in _LATIN_NAME.finditer(text, start, position)
        if m.group() not in _NOT_NAMES and m.group().lower() not in known
    ]
    return max(found)[1] if found else None
