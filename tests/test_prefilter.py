"""The prefilter (consistency/extract/prefilter.py) skips and speeds up scans but never
changes a match: each test compares a Scanner with the plain pattern."""

from __future__ import annotations

import re
import sys
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from consistency.extract.prefilter import (
    Scanner,
    _case_partners,
    _factor_branches,
    first_characters,
    required_sets,
)

TEXTS = [
    "Fifty-four countries joined; FOUR COUNTRIES left, four countries stayed.",
    "Three countries, Japan and Chile, proposed it on March 8, 2026.",
    "The \u212aelvin sign and a long \u017f: \u212aILLED 3, \u017fIX died.",
    "二月四日，54个国家开会；3月5日又有三十四国。",
    "Twelve ships, two TEN-ton trucks, one Eleven and twenty-three others.",
    "",
]


def _spans(pattern: re.Pattern[str] | Scanner, text: str) -> list[tuple]:
    return [(match.span(), match.group(), match.groups()) for match in pattern.finditer(text)]


@pytest.mark.parametrize(
    "source, flags",
    [
        (r"(?i:four|fifty-four) countries", 0),  # a case-insensitive group in a cased pattern
        (r"\b(?:killed|dead)\s+(?P<n>\d+)", re.IGNORECASE),
        (r"(?-i:four) countries", re.IGNORECASE),  # a cased group in an insensitive one
        (r"(?:about\s+)?(?i:three|four)\b", 0),  # an optional start: the charset jump
        (r"\b(?:six|fix)\b", re.IGNORECASE),  # ſ matches s, \u212a matches k
        (r"(?:" + "|".join(f"w{i}x" for i in range(40)) + r"|kill)ed", re.IGNORECASE),
        # words grouped by first letter: the order among those of one letter decides
        (r"(?:ten|one|tw|twelve|two|three)(?P<rest>[a-z]*)", re.IGNORECASE),
        (r"\b(?:one|two|three|ten|twelve|twenty|eleven|eight)\b", re.IGNORECASE),
        (r"(?<=有)[一二三四]十?[一二三四]?国", 0),
        (r"[0-9]+个国家", 0),
    ],
)
def test_a_scanner_finds_what_the_pattern_finds(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    scanner = Scanner(pattern)
    found = [_spans(scanner, text) for text in TEXTS]
    assert found == [_spans(pattern, text) for text in TEXTS]
    assert any(found)  # each pattern matches somewhere: the comparison says something


def test_a_case_insensitive_group_is_filtered_on_both_cases() -> None:
    parsed = sre_parse.parse(r"(?i:four) countries", 0)
    assert first_characters(parsed, 0) == frozenset("fF")
    assert frozenset("cC") not in required_sets(parsed, 0)
    assert frozenset("c") in required_sets(parsed, 0)  # " countries" is outside the group


def test_a_cased_group_inside_an_insensitive_pattern_is_read_cased() -> None:
    parsed = sre_parse.parse(r"(?-i:x)y", re.IGNORECASE)
    assert first_characters(parsed, re.IGNORECASE) == frozenset("x")
    assert frozenset("yY") in required_sets(parsed, re.IGNORECASE)


def test_case_partners_hold_every_character_the_engine_matches() -> None:
    # every code point but the surrogates, in one string: one C-level scan per character
    everything = "".join(
        chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000
    )
    for char in "abcdefghijklmnopqrstuvwxyzKSIß\u00e5\u03b8\u03c9\u00b5\u03c3\u0432\u01c5":
        matched = set(re.findall(re.escape(char), everything, re.IGNORECASE))
        assert matched <= _case_partners(char), char
        assert char in _case_partners(char)
    assert _case_partners("k") == {"k", "K", "\u212a"}
    assert _case_partners("s") == {"s", "S", "\u017f"}


def test_case_insensitive_words_are_grouped_by_first_letter() -> None:
    parsed = sre_parse.parse("(?:twelve|two|ten|one|eleven)", re.IGNORECASE)
    _factor_branches(parsed.data, parsed.state, re.IGNORECASE)
    [(op, (_, alternatives))] = parsed.data
    assert op is sre.BRANCH
    assert len(alternatives) == 3  # t(?:w(?:elve|o)|en), one, eleven
    cased = sre_parse.parse("(?:twelve|two|ten|one|eleven)", 0)
    _factor_branches(cased.data, cased.state, 0)
    assert len(cased.data[0][1][1]) == 5  # cased literals: the engine skips them itself
