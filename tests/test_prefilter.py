"""The prefilter (consistency/extract/prefilter.py) skips and speeds up scans but never
changes a match: each test compares a Scanner with the plain pattern."""

from __future__ import annotations

import re
import string
import sys
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from consistency.extract.prefilter import (
    Scanner,
    _case_partners,
    _factor_branches,
    first_characters,
    lowered,
    present_bits,
    required_sets,
    required_strings,
    worth_testing,
)
from consistency.lang import LazyPattern

# every letter, digits and spaces (character gates pass) but none of the strings below
PANGRAM = "The quick brown fox jumps over the lazy dog, 12 times."
TEXTS = [
    "Fifty-four countries joined; FOUR COUNTRIES left, four countries stayed.",
    "Three countries, Japan and Chile, proposed it on March 8, 2026.",
    "The \u212aelvin sign and a long \u017f: \u212aILLED 3, \u017fIX died.",
    "二月四日，54个国家开会；3月5日又有三十四国。",
    "Twelve ships, two TEN-ton trucks, one Eleven and twenty-three others.",
    "",
    # the string gates: matches in upper case only, and through the engine's odd case
    # partners of i (İ, dotless ı) and s (long ſ), which str.lower() leaves or turns into
    # something else
    "Prices rose 54 PERCENT on MONDAY; a 3 M\u0130LL\u0130ON POUNDS deal, 7 m\u0131ll\u0131on.",
    "\u017fUNDAY: 12 USD, 4 usd and five DOLLARS; on Monday 9 per cent.",
    PANGRAM,
]


# Patterns that get a string gate (each holds a word): an upper-case match, a cased group in
# an insensitive pattern, a lookbehind, a cased pattern read on lowered text.
STRING_GATED = [
    (r"\b\d+\s*(?:%|per\s*cent)", re.IGNORECASE),
    (r"\b(?:million|billion)\b", re.IGNORECASE),  # MİLLİON, mıllıon
    (r"\b(?:sunday|monday)\b", re.IGNORECASE),  # ſUNDAY
    (r"(?-i:USD)\s*\d+|\bdollars?\b", re.IGNORECASE),
    (r"(?<=million )pounds", re.IGNORECASE),
    (r"\b(?i:killed|sixty)\s+\d+", 0),  # \u212aILLED 3
    (r"\bMonday|per cent", 0),
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
        *STRING_GATED,
    ],
)
def test_a_scanner_finds_what_the_pattern_finds(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    for scanner in (Scanner(pattern), Scanner(pattern, strings=True)):
        found = [_spans(scanner, text) for text in TEXTS]
        assert found == [_spans(pattern, text) for text in TEXTS]
        assert any(found)  # each pattern matches somewhere: the comparison says something


def test_a_global_inline_flag_of_a_lazy_pattern_is_read() -> None:
    # a LazyPattern's flags are as given: "(?i)" at the start is only in the source
    scanner = Scanner(LazyPattern(r"(?i)abc|kilo"), strings=True)
    assert [match.group() for match in scanner.finditer("xx ABC \u212aILO")] == ["ABC", "\u212aILO"]


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


@pytest.mark.parametrize("source, flags", STRING_GATED)
def test_a_text_without_the_strings_is_skipped(source: str, flags: int) -> None:
    scanner = Scanner(re.compile(source, flags), strings=True)
    assert scanner.finditer(PANGRAM) == ()
    assert scanner._strings  # the string gate, not the character gates, skipped it
    assert Scanner(re.compile(source, flags)).finditer(PANGRAM) != ()  # asked for, only
    assert present_bits(PANGRAM) & scanner._need == scanner._need
    assert not scanner.possible(PANGRAM)


@pytest.mark.parametrize(
    "source, flags, strings",
    [
        (r"\d+\s*(?:%|per\s*cent)", 0, {"%", "cent"}),  # the longest literal run of each
        (r"(?i:Monday|Tuesday)", 0, {"monday", "tuesday"}),
        (r"(?:about\s+)?half", 0, {"half"}),  # an optional part gives nothing
        (r"(?:about\s+)*half|(?:nearly)?\d", 0, None),  # an alternative requires nothing
        (r"a(?=bcd)", 0, {"bcd"}),  # a positive lookaround: the text has it
        (r"a(?!bcd)", 0, {"a"}),  # a negative one: nothing
        (r"(?<=llion )pounds|(?!)quid", 0, {"llion "}),  # (?!): that alternative never matches
        (r"(?:cent|percent|cents)", 0, {"cent"}),  # a string holding another says nothing more
        (r"[$€£]\d+|\d+ USD", 0, {"$", "€", "£", " usd"}),  # lowered, as the text will be
        (r"[XZ]\d", 0, {"x", "z"}),  # a class's members, lowered too
        (r"\u0130stanbul", re.IGNORECASE, {"stanbul"}),  # a cased non-ASCII letter: left out
        (r"Stra\u00dfe", 0, {"stra"}),
        (r"(?:\w+|[^a])\s", 0, None),
        (r"x{0,3}y?", 0, None),
    ],
)
def test_required_strings(source: str, flags: int, strings: set[str] | None) -> None:
    found = required_strings(sre_parse.parse(source, flags))
    assert found == (None if strings is None else frozenset(strings))


def test_only_strings_that_pay_their_tests_are_tested() -> None:
    assert worth_testing(frozenset({"%", "cent"}))
    assert not worth_testing(frozenset({"in"}))  # in nearly every English paragraph
    assert not worth_testing(frozenset({"half", "a"}))
    assert not worth_testing(frozenset({"百分之", "%"}))  # the character gates do as well
    assert not worth_testing(frozenset(f"word{i}" for i in range(51)))
    assert not worth_testing(frozenset())


def test_the_lowered_text_holds_what_a_case_insensitive_letter_matches() -> None:
    # every character the engine matches to an ASCII letter, in one class search over every
    # code point, lowers to that letter and to nothing else
    everything = "".join(
        chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000
    )
    partners = set(re.findall("[a-z]", everything, re.IGNORECASE))
    assert {"\u212a", "\u0130", "\u0131", "\u017f"} <= partners
    for char in partners:
        matched = {
            letter for letter in string.ascii_lowercase if re.match(letter, char, re.IGNORECASE)
        }
        assert {lowered(char)} == matched, char
    # lowering maps one character to one everywhere else: a string in a match stays whole
    assert all(len(lowered(char)) == 1 for char in everything)
    assert lowered("\u0130STANBUL \u212aILO \u017fIX b\u0131rd") == "istanbul kilo six bird"


def test_finditer_between_reads_the_span_as_the_pattern_does() -> None:
    pattern = re.compile(r"\bUS\b|美国|欧盟")
    scanner = Scanner(pattern)
    text = "USA and US; 美国和欧盟, US"
    for start, end in [(0, len(text)), (0, 2), (4, 10), (8, 11), (12, 16), (13, 15)]:
        found = [m.span() for m in scanner.finditer_between(text, start, end)]
        assert found == [m.span() for m in pattern.finditer(text, start, end)]
    # "US" cut from "USA" at the span's end is a whole word there, as in re
    assert [m.group() for m in scanner.finditer_between(text, 0, 2)] == ["US"]


def test_a_scanner_without_gates_only_jumps() -> None:
    scanner = Scanner(re.compile(r"\bUS\b|美国"), gates=False)
    assert [m.group() for m in scanner.finditer_between("中美国会", 0, 4)] == ["美国"]
    assert scanner._need == 0 and scanner._gates == ()
