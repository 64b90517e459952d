"""Percentage ranges and ceilings read as one quantity: "53.3%至57%", "between 53.3% and
57%", "up to 57%", "最高57%".

Read before single percentages, so that "53.3%-57%" is one range and not two values that
could each be held against a third (a point inside the range agrees with it).
"""

from __future__ import annotations

import re
from operator import itemgetter

from consistency.extract.prefilter import Scanner
from consistency.lang import LazyModule, zh
from consistency.model import Quantity, make

# English patterns load with the first English text (start-up of a Chinese check).
en = LazyModule("consistency.lang.en", globals(), "en")

_ZH_NUMBER = r"\d+(?:\.\d+)?"
# "53.3%至57%", "53.3至57%", "53.3%—57%", "53.3%~57%"; the first % may be left out.
# (behind the prefilter, as the English ones: a text without "%" skips them)
_ZH_RANGE = Scanner(
    re.compile(
        rf"(?<![\d.])(?P<low>{_ZH_NUMBER})\s*%?\s*(?:至|到|-|–|—|~|～)\s*(?P<high>{_ZH_NUMBER})\s*%"
    )
)
# "最高57%", "最高能达到57%", "不超过57%", "至多57%": a ceiling, anything from 0 up to it.
_ZH_CEILING = Scanner(
    re.compile(
        rf"(?:最高|最多|至多|不超过|不高于|上限为?)(?:可|能|将|或)?(?:达到|达|为|至|到)?\s*"
        rf"(?<![\d.])(?P<high>{_ZH_NUMBER})\s*%"
    )
)
_EN_PERCENT = r"(?:\s*%|\s+(?i:per\s*cent|percent))"
_EN_NUMBER = r"\d+(?:\.\d+)?"
# "53.3%-57%", "53.3% to 57%", "53.3 to 57 percent", "between 53.3% and 57%".
_EN_RANGE = Scanner(
    re.compile(
        rf"(?<![\w.%])(?:(?i:between)\s+(?P<low2>{_EN_NUMBER})(?:{_EN_PERCENT})?\s+(?i:and)"
        rf"|(?P<low>{_EN_NUMBER})(?:{_EN_PERCENT})?\s*(?:-|–|—|(?i:to)))"
        rf"\s*(?P<high>{_EN_NUMBER}){_EN_PERCENT}(?![0-9A-Za-z])"
    ),
    strings=True,
)
_EN_CEILING = Scanner(
    re.compile(
        rf"\b(?i:up\s+to|as\s+much\s+as|as\s+high\s+as|no\s+more\s+than|at\s+most|a\s+maximum\s+of"
        rf"|capped\s+at)\s+(?P<high>{_EN_NUMBER}){_EN_PERCENT}(?![0-9A-Za-z])"
    ),
    strings=True,
)


# the Chinese patterns, for a reader's gate over several (prefilter.AnyOf)
zh_scanners = (_ZH_RANGE, _ZH_CEILING)


def possible_zh(folded: str) -> bool:
    """Whether a Chinese range or ceiling can be in ``folded`` (the gates of both)."""
    return _ZH_RANGE.possible(folded) or _ZH_CEILING.possible(folded)


def percent_ranges(folded: str, language: str) -> list[tuple[int, int, Quantity]]:
    """(start, end, quantity) of each percentage range and ceiling, in text order."""
    if language == "en":
        patterns, parse = ((_EN_RANGE, "range"), (_EN_CEILING, "up to")), en.parse_number
    else:
        patterns, parse = ((_ZH_RANGE, "range"), (_ZH_CEILING, "up to")), zh.parse_number
    found = []
    for pattern, hedge in patterns:
        for match in pattern.finditer(folded):
            high = parse(match.group("high"))
            low_text = match.groupdict().get("low") or match.groupdict().get("low2")
            low = parse(low_text) if hedge == "range" else 0.0
            # "2025-26%" or a falling pair is not a range of percentages.
            if high is None or low is None or low >= high:
                continue
            quantity = make(Quantity, low=low, high=high, kind="percent", unit="%", hedge=hedge)
            found.append((match.start(), match.end(), quantity))
    found.sort(key=itemgetter(0, 1))
    return found
