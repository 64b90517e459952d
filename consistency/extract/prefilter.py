r"""A cheap test before each pattern scan: can the pattern match anywhere in this text at all?

Approach. Three facts are read off each pattern's parsed form (the standard library's own
regex parser), once, on first use:

- its *first characters*, those a match can start with: a literal gives itself, a class its
  members, a group or an alternation the union of its parts, an optional part adds what may
  follow it, lookarounds are skipped (zero width);
- its *required sets*: sets of characters of which every match holds at least one each ("分",
  "份" or "之" for a fraction, "周星礼" for a weekday). A sequence requires what each of its
  non-optional parts requires, a positive lookaround what it requires (the text must have it
  even if the match does not); an alternation (or a conditional) requires, of each
  alternative, one of its required sets: two such covers are chosen greedily, one of few
  characters and one of rare characters (digits, punctuation and the commonest ideographs
  weigh heavily); an alternative that cannot match (``(?!)``) needs none;
- its *required strings*: a few literal strings of which every match holds one, in some
  case ("%" or "cent" for a percentage, the seven day names for a weekday). Characters say
  little in English, where every paragraph holds nearly every letter; words say much. The
  same cover, of strings: a sequence gives its most selective part's strings (consecutive
  literals form one string), an alternation the union of its alternatives', a positive
  lookaround what it requires; an optional part gives nothing. The strings are lowercase
  and made of ASCII and caseless characters only, so that a case-insensitive match is found
  in the text lowered (see ``lowered`` for the engine's odd case partners, the Kelvin sign,
  İ, ı and ſ).

``\d`` and ``\s`` stand as two markers rather than as their hundreds of Unicode members. A
part that cannot be bounded (``.``, ``\w``, a negated class, a huge range, a cased letter
under IGNORECASE) adds no requirement; a pattern whose first character cannot be bounded or
that can match the empty string gets no first-character filter.

Four savings follow, none of which changes a match:

- *Skip*: ``Scanner.finditer(text)`` returns nothing, without scanning, when ``text`` lacks
  every character of one of the pattern's sets (up to three, rarest first, are tested). Each
  set is a bit; a text's mask of the sets it meets is built once (one class search for the
  characters any set holds, O(n)) and shared by every scanner that reads the same text
  object, so a scanner's test is one integer comparison.
- *Skip by strings*: then, when its character sets pass, it returns nothing when the text,
  lowered once and shared as the mask is, holds none of its strings (one ``in`` test per
  string). Only the English patterns ask for them (``Scanner(..., strings=True)``): money
  without a currency word, code or sign, a percentage without "%" or "cent"; a Chinese
  pattern's character sets already say as much. Only strings worth their tests are tested:
  at most 50, none as common as a letter or "in", a word among them.
- *Jump*: a pattern that does not already start with a literal or a class gets its first
  characters as the set in its compiled info block, the set the engine's search loop steps
  over in C before it tries the pattern at a position (what ``[...]`` at the start gets by
  itself); alternations of many alternatives inside a pattern (200 holiday names, 70
  classifiers) get a lookahead of their first characters, ``(?=[...])``, so one class test
  rejects a position where none can start. The code of the pattern is otherwise the
  standard library's; lookaheads add no group, so group numbers, names and ``lastgroup``
  are unchanged.
- *Group*: a case-insensitive alternation of words is grouped by first letter, each group
  led by a cased class of the letter's partners (``(?i:two|ten|one)`` as
  ``[Tt](?:wo|en)|one``): the engine steps over a class or a literal that does not match at
  once, but enters every case-insensitive literal. The order of the words of one letter,
  which decides between two matches, is kept.

Cost per text: O(n) once for the mask, and once for the lowered text when a string gate is
reached; per pattern one integer test, then up to 50 ``in`` tests, then, when it runs, the
pattern's own scan, never slower than before and mostly much faster.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, reduce
from operator import or_
from re import _compiler as sre_compiler  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from consistency.lang import LazyPattern

DIGIT = "\\d"  # markers for the classes \d and \s (two characters: never a text character)
SPACE = "\\s"
_CATEGORIES = {DIGIT: sre.CATEGORY_DIGIT, SPACE: sre.CATEGORY_SPACE}
# The widest range that is spelled out character by character ([a-z] yes, [一-龥] no).
_MAX_RANGE = 4000
# Character sets tested per pattern before it runs, at most (each test is one set operation).
_MAX_GATES = 3
_IGNORECASE = int(re.IGNORECASE)  # a plain int: flag tests on RegexFlag go through enum code


class _Unbounded(Exception):
    """The pattern may start with too many characters to list."""


def first_characters(parsed: sre_parse.SubPattern, flags: int) -> frozenset[str] | None:
    """The characters a non-empty match of a parsed pattern can start with (DIGIT and SPACE
    as markers), or None when they cannot be bounded or the pattern can match the empty
    string."""
    try:
        chars, nullable = _first(parsed.data, int(flags))
    except _Unbounded:
        return None
    return None if nullable else frozenset(chars)


def _first(items: list, flags: int) -> tuple[set[str], bool]:
    """First characters of a sequence of parsed items, and whether it can match empty."""
    chars: set[str] = set()
    for op, av in items:
        found, nullable = _item(op, av, flags)
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


def _item(op: object, av: object, flags: int) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return _cased({chr(av)}, flags), False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] <= _MAX_RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                chars.add(DIGIT)
            elif kind is sre.CATEGORY and value is sre.CATEGORY_SPACE:
                chars.add(SPACE)
            else:  # negated classes, \w, wide ranges
                raise _Unbounded
        return _cased(chars, flags), False
    if op is sre.SUBPATTERN:
        return _first(av[-1].data, _scoped(flags, av))
    if op is sre.ATOMIC_GROUP:
        return _first(av.data, flags)
    if op is sre.BRANCH:
        chars, nullable = set(), False
        for alternative in av[1]:
            found, empty = _first(alternative.data, flags)
            chars |= found
            nullable = nullable or empty
        return chars, nullable
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, sub = av
        chars, nullable = _first(sub.data, flags)
        return chars, nullable or low == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero width: the first character is what follows
    raise _Unbounded  # ., back references, conditionals


def _cased(chars: set[str], flags: int) -> set[str]:
    """Under IGNORECASE, the characters plus every character the engine matches to them."""
    if not flags & _IGNORECASE:
        return chars
    return set().union(*(_case_partners(char) for char in chars))


def _case_partners(char: str) -> set[str]:
    """Every character that matches ``char`` under IGNORECASE: the engine compares simple
    lowercase forms, and its own list of extra equivalents (i and dotless ı, s and long ſ)
    joins some of them. A character whose lowercase form is ``l`` is ``l`` itself, one of
    ``l.upper()`` and ``l.title()``, or one of six others (the Kelvin sign for k);
    tests/test_prefilter.py checks this against every code point."""
    if len(char) != 1:  # the DIGIT and SPACE markers
        return {char}
    lowered = chr(sre_compiler._sre.unicode_tolower(ord(char)))
    partners = {char}
    for low in (lowered, *map(chr, sre_compiler._EXTRA_CASES.get(ord(lowered), ()))):
        partners |= {low, *_ODD_UPPER.get(low, "")}
        partners |= {cased for cased in (low.upper(), low.title()) if len(cased) == 1}
    return partners


# The six characters that lowercase to a character of which they are neither the upper()
# nor the title() form (found by a scan of every code point)
_ODD_UPPER = {
    "i": "\u0130",
    "k": "\u212a",
    "ß": "\u1e9e",
    "å": "\u212b",
    "θ": "\u03f4",
    "ω": "\u2126",
}


def _scoped(flags: int, subpattern: tuple) -> int:
    """The flags inside a group: ``(?i:...)`` adds IGNORECASE, ``(?-i:...)`` removes it."""
    _, added, removed, _ = subpattern
    return (flags | added) & ~removed


def required_sets(parsed: sre_parse.SubPattern, flags: int) -> list[frozenset[str]]:
    """Sets of characters of which every match holds at least one each (a conjunction of
    disjunctions), smallest first; empty when nothing can be said."""
    try:
        found = _required(parsed.data, int(flags))
    except _Unbounded:
        return []
    return sorted(set(found), key=lambda chars: (len(chars), sorted(chars)))


def _required(items: list, flags: int) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    for op, av in items:
        try:
            found += _required_item(op, av, flags)
        except _Unbounded:
            continue  # this part says nothing; the others still do
    return found


def _required_item(op: object, av: object, flags: int) -> list[frozenset[str]]:
    if op is sre.LITERAL or op is sre.IN:
        return [frozenset(_item(op, av, flags)[0])]
    if op is sre.SUBPATTERN:
        return _required(av[-1].data, _scoped(flags, av))
    if op is sre.ATOMIC_GROUP:
        return _required(av.data, flags)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _required(av[2].data, flags) if av[0] >= 1 else []
    if op is sre.BRANCH:
        choices = [_required(alternative.data, flags) for alternative in av[1]]
        if not all(choices):
            return []
        return _covers(choices)
    if op is sre.GROUPREF_EXISTS:  # (?(group)yes|no): one of the two
        _, yes, no = av
        choices = [_required(yes.data, flags), _required(no.data, flags) if no else []]
        return _covers(choices) if all(choices) else []
    if op is sre.ASSERT_NOT and not av[1].data:
        return [_NEVER]  # (?!) never holds: the part around it cannot match
    if op is sre.ASSERT:
        # a positive lookaround must hold too: the text has what it requires, even though
        # the match does not ("(?<=是)[一二三]" needs a "是")
        return _required(av[1].data, flags)
    return []  # negative lookarounds, anchors: nothing the text must have


# The required set of a part that can never match ("(?!)"): no text holds one of its none.
_NEVER: frozenset[str] = frozenset()


def _covers(choices: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """Required sets of an alternation: two covers, one of few characters, one of rare ones
    (each holds for every match; which is more selective depends on the text)."""
    return list({_cover(choices, _size): None, _cover(choices, _weight): None})


def _cover(
    choices: list[list[frozenset[str]]], weight: Callable[[frozenset[str]], int]
) -> frozenset[str]:
    """One required set for an alternation: a set of each alternative's, picked greedily (the
    set covering most alternatives per ``weight`` it adds) so that the union stays small
    ("节" for most holiday names); any match of the alternation holds one of its characters."""
    # an alternative that cannot match needs no character of the cover
    choices = [choice for choice in choices if _NEVER not in choice]
    if not choices:
        return _NEVER
    # counts of the uncovered alternatives holding each set, kept up to date as sets are
    # chosen (a count per round over every alternative is quadratic in long word lists)
    ties: dict[frozenset[str], tuple[str, ...]] = {}
    holders: dict[frozenset[str], list[int]] = {}
    counts: dict[frozenset[str], int] = {}
    sets_of = [set(choice) for choice in choices]
    for index, sets in enumerate(sets_of):
        for chars in sets:
            holders.setdefault(chars, []).append(index)
            counts[chars] = counts.get(chars, 0) + 1
    for chars in counts:
        ties[chars] = tuple(sorted(chars))
    weights = {chars: weight(chars) for chars in counts}
    covered = [False] * len(choices)
    remaining = len(choices)
    chosen: set[str] = set()
    while remaining:
        best = min(
            (chars for chars, count in counts.items() if count),
            key=lambda chars: (-counts[chars] / weights[chars], ties[chars]),
        )
        chosen |= best
        for index in holders[best]:
            if not covered[index]:
                covered[index] = True
                remaining -= 1
                for chars in sets_of[index]:
                    counts[chars] -= 1
    return frozenset(chosen)


def _size(chars: frozenset[str]) -> int:
    # \d and \s stand for characters most texts have: worth many others
    return len(chars) + 20 * (DIGIT in chars) + 20 * (SPACE in chars)


def _weight(chars: frozenset[str]) -> int:
    # \d and \s stand for characters most texts have, and so do the commonest ideographs:
    # each worth many rarer ones, so that a gate is made of characters few sentences hold
    return len(chars) + 20 * (DIGIT in chars) + 20 * (SPACE in chars) + 19 * len(chars & _COMMON)


# The most frequent Chinese characters in running text (the head of the usual character
# frequency lists; the order does not matter here), digits and punctuation.
_COMMON = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自"
    "之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些"
    "主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正"
    "业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回"
    "特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平"
    "系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命"
    # digits and punctuation written out (not as \d) are as common
    "0123456789,，。、;；:：.\"“”'‘’()（）《》-—"
)


# Required strings: literal strings of which every match holds one (a cover, as the
# character sets above, made of whole words: "percent" where the character sets can only say
# "one of c, f, %", which every English sentence holds). They are tested on the text
# lowered once (``lowered``), so they are kept lowercase, and made only of characters whose
# case partners all lower to one character: ASCII, and characters without case (signs,
# ideographs). The lowered text holds a string wherever a match holds it in any case: the
# text's few other partners of ASCII letters (the Kelvin sign, İ, ı, ſ) are turned into their
# letters before lowering, and no other character lowers into one of the strings' characters
# in place of what the pattern matched (tests/test_prefilter.py checks every code point).


def required_strings(parsed: sre_parse.SubPattern) -> frozenset[str] | None:
    """Lowercase strings of which every match holds one, or None when none can be named.

    A sequence gives its most selective part's strings (consecutive literals form one
    string), an alternation the union of its alternatives', a repeat its body's when it
    must match once, a positive lookaround what it requires (the text holds it even though
    the match does not); optional parts, classes of many members, negative lookarounds give
    nothing. A string holding another is left out (the other is in any text that holds it).
    An empty set: the pattern cannot match at all."""
    found = _sequence_strings(parsed.data)
    if found is None:
        return None
    return frozenset(
        string
        for string in found
        if not any(other != string and other in string for other in found)
    )


def _sequence_strings(items: list) -> frozenset[str] | None:
    return min(_parts(items), key=_strings_cost, default=None)


def _parts(items: list) -> Iterator[frozenset[str]]:
    """The string sets a sequence requires, one per part that requires any: each run of
    consecutive literals as one string, each other part's own set."""
    run = ""
    for op, av in items:
        if op is sre.LITERAL and _plain(chr(av)):
            run += chr(av).lower()
            continue
        if run:  # anything else, a zero-width part too, ends the run (the cautious reading)
            yield frozenset({run})
            run = ""
        found = _item_strings(op, av)
        if found is not None:
            yield found
    if run:
        yield frozenset({run})


def _item_strings(op: object, av: object) -> frozenset[str] | None:
    if op is sre.IN:
        return _class_strings(av)
    if op is sre.SUBPATTERN:
        return _sequence_strings(av[-1].data)
    if op is sre.ATOMIC_GROUP:
        return _sequence_strings(av.data)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _sequence_strings(av[2].data) if av[0] >= 1 else None
    if op is sre.BRANCH:
        return _union([_sequence_strings(alternative.data) for alternative in av[1]])
    if op is sre.GROUPREF_EXISTS:  # (?(group)yes|no): one of the two
        _, yes, no = av
        no_strings = _sequence_strings(no.data) if no else None
        return _union([_sequence_strings(yes.data), no_strings])
    if op is sre.ASSERT:
        return _sequence_strings(av[1].data)
    if op is sre.ASSERT_NOT and not av[1].data:
        return frozenset()  # (?!) never holds: no text lets the part around it match
    return None  # ., \w, back references, anchors, negative lookarounds, a non-plain literal


def _union(choices: list[frozenset[str] | None]) -> frozenset[str] | None:
    """An alternation's strings: an alternative that requires none makes the whole say none."""
    found: frozenset[str] = frozenset()
    for choice in choices:
        if choice is None:
            return None
        found |= choice
    return found


def _class_strings(members: list) -> frozenset[str] | None:
    """The members of a small class of plain characters, lowered (``[$€£]``)."""
    chars: set[str] = set()
    for kind, value in members:
        if kind is sre.LITERAL:
            chars.add(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] < MAX_STRINGS:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a category, a negation, a wide range
            return None
    if len(chars) > MAX_STRINGS or not all(map(_plain, chars)):
        return None
    return frozenset(char.lower() for char in chars)


@cache
def _plain(char: str) -> bool:
    """Whether every character that matches ``char``, in any case, is found as
    ``char.lower()`` in the lowered text: ASCII, or a character without case."""
    if char.isascii():
        return True
    return char.lower() == char == char.upper() and _case_partners(char) == {char}


def _strings_cost(strings: frozenset[str]) -> float:
    """A rough share of texts that hold one of the strings (the smaller the more selective):
    a letter, a digit or a common mark is in nearly every one, each further character makes
    a string rarer, down to a floor (a word is found inside other words too, and each string
    is one more test)."""
    return sum(_string_cost(string) for string in strings)


def _string_cost(string: str) -> float:
    if string in _EVERYWHERE:
        return 1.0
    if len(string) == 1:
        return 0.1  # a sign, an uncommon ideograph
    return max(4.0 / 4 ** len(string), 0.02)  # "in" 0.25, "usd" 0.06, a word 0.02


# Strings nearly every paragraph holds: single letters, digits, marks, the commonest
# ideographs, and the commonest English words of three letters ("and" rather than "hundred",
# "thousand", "million" or "billion": a choice of fewer strings is no better then).
_EVERYWHERE = frozenset(
    [*"abcdefghijklmnopqrstuvwxyz0123456789 \t\n\r,.;:!?'\"()[]-/&", *_COMMON, "the", "and", "for"]
)
# A scanner tests its strings when they are at most this many: each is one ``in`` test, about
# 60 ns a paragraph; English MONEY's 48 (currency words, codes and signs) cost 3 µs and skip
# its 60 µs scan in nine paragraphs of ten.
MAX_STRINGS = 50


def worth_testing(strings: frozenset[str]) -> bool:
    """Whether a string gate of ``strings`` can skip a scan often enough to pay its tests:
    not too many strings, none as common as a letter or a pair of letters ("in", "19": the
    gate would pass nearly always), and a word among them (a letter, which the character
    gates test badly: without one, the strings are signs and Chinese words, whose characters
    the character gates already test well; measured, string gates gain Chinese nothing)."""
    if not strings or len(strings) > MAX_STRINGS:
        return False
    if any(_string_cost(string) > 0.1 for string in strings):
        return False
    return any(string.isascii() and string.lower() != string.upper() for string in strings)


def _starts_fast(parsed: sre_parse.SubPattern) -> bool:
    """Whether the engine already skips quickly to candidate positions: the pattern starts
    with a literal, a class, an alternation of literals or a lookahead of its own."""
    items = parsed.data
    while items and items[0][0] is sre.SUBPATTERN:
        items = items[0][1][-1].data
    if not items:
        return False
    op, av = items[0]
    if op in (sre.LITERAL, sre.IN) or (op is sre.ASSERT and av[0] == 1):
        return True
    return op is sre.BRANCH and all(alt.data and alt.data[0][0] is sre.LITERAL for alt in av[1])


# Alternations with at least this many alternatives get a lookahead of their first characters
# (the lookahead costs a nested match call: worth it for long lists only).
_GUARDED_ALTERNATIVES = 30


def _sequences(items: list, flags: int, leading: bool = True) -> Iterator[tuple[list, int, bool]]:
    """Every sequence of a parsed pattern, the inner ones before the one that holds them: its
    items (a list the rewrites below change in place), the flags in force there and whether
    it starts the pattern."""
    for index, (op, av) in enumerate(items):
        if op is sre.SUBPATTERN:
            yield from _sequences(av[-1].data, _scoped(flags, av), leading and index == 0)
        elif op is sre.ATOMIC_GROUP:
            yield from _sequences(av.data, flags, False)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            yield from _sequences(av[2].data, flags, False)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _sequences(av[1].data, flags, False)
        elif op is sre.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    yield from _sequences(branch.data, flags, False)
        elif op is sre.BRANCH:
            for alternative in av[1]:
                yield from _sequences(alternative.data, flags, False)
    yield items, flags, leading


def _guard_branches(items: list, state: sre_parse.State, flags: int) -> None:
    """Put ``(?=[first characters])`` before every inner alternation of many alternatives
    (holiday names, classifiers), in place.

    The regex engine tries an alternation's alternatives one after another, so at a position
    where none can start it still tests each (two hundred holiday names after every digit);
    one class test rejects such a position at once. The lookahead is implied by the
    alternation, zero width and adds no group: matches are unchanged. The first item of the
    pattern is left alone (the search loop's own first-character skip looks at it)."""
    for sequence, scoped, leading in list(_sequences(items, flags)):
        index = 0
        while index < len(sequence):
            op, av = sequence[index]
            at_start = leading and index == 0
            if op is sre.BRANCH and len(av[1]) >= _GUARDED_ALTERNATIVES and not at_start:
                try:
                    chars, nullable = _item(op, av, scoped)
                except _Unbounded:
                    chars, nullable = set(), True
                if not nullable:
                    sequence.insert(index, _lookahead(state, chars))
                    index += 1
            index += 1


def _class_members(chars: Iterable[str]) -> list[tuple[object, object]]:
    """The parsed members of the class ``[chars]`` (DIGIT and SPACE as \\d and \\s)."""
    return [
        (sre.CATEGORY, _CATEGORIES[c]) if c in _CATEGORIES else (sre.LITERAL, ord(c))
        for c in sorted(chars)
    ]


def _lookahead(state: sre_parse.State, chars: Iterable[str]) -> tuple[object, object]:
    """The parsed item ``(?=[chars])``."""
    return (sre.ASSERT, (1, sre_parse.SubPattern(state, [(sre.IN, _class_members(chars))])))


def _factor_branches(items: list, state: sre_parse.State, flags: int) -> None:
    """Group the alternatives of every case-insensitive alternation of literal-led words by
    first character, in place: ``(?i:twelve|two|ten|one)`` becomes ``(?i:t(?:welve|wo|en)|one)``.

    The engine tries an alternation's alternatives one after another, and an alternative
    that starts with a case-insensitive letter costs a full attempt each. Grouped, a position
    costs one test per group. Alternatives that start with different characters cannot both
    match at one position, so the order that decides between two matches, the order of the
    alternatives of one first character, is kept: matches are unchanged. (Inner alternations
    come first: an alternative is grouped before the alternation that holds it.)"""
    for sequence, scoped, _ in list(_sequences(items, flags)):
        for index, (op, av) in enumerate(sequence):
            if op is sre.BRANCH:
                grouped = _grouped(av[1], state, scoped)
                if grouped is not None:
                    sequence[index] = (sre.BRANCH, (None, grouped))


# Alternations with fewer alternatives are left as written (nothing much to save).
_FACTORED_ALTERNATIVES = 4


def _grouped(
    alternatives: list[sre_parse.SubPattern], state: sre_parse.State, flags: int
) -> list[sre_parse.SubPattern] | None:
    """The alternatives grouped by first character (each group's rest grouped again), or
    None when they are few, do not all start with a literal, or share no first character.

    Only under IGNORECASE: the engine already skips an alternative that starts with a cased
    literal other than the character at the position (measured: no gain on Chinese text)."""
    if len(alternatives) < _FACTORED_ALTERNATIVES or not flags & _IGNORECASE:
        return None
    groups: dict[str, list[sre_parse.SubPattern]] = {}
    for alternative in alternatives:
        if not alternative.data or alternative.data[0][0] is not sre.LITERAL:
            return None
        char = chr(alternative.data[0][1])
        if char.lower() != char.upper():
            if not char.isascii():  # other scripts' case partners: not worth the care
                return None
            char = char.lower()
        groups.setdefault(char, []).append(alternative)
    if len(groups) == len(alternatives):
        return None
    grouped = []
    for char, members in groups.items():
        if len(members) == 1:
            grouped.append(members[0])
            continue
        rests = [sre_parse.SubPattern(state, member.data[1:]) for member in members]
        first = members[0].data[0]
        if char.lower() != char.upper():
            # the letter as a cased class of its partners: the engine then skips a group
            # whose letter is not at the position without entering it (it does so for a
            # class or a literal, not for a case-insensitive literal)
            partners = [(sre.LITERAL, ord(c)) for c in sorted(_case_partners(char))]
            cased = sre_parse.SubPattern(state, [(sre.IN, partners)])
            first = (sre.SUBPATTERN, (None, 0, _IGNORECASE, cased))
        branch = (sre.BRANCH, (None, _grouped(rests, state, flags) or rests))
        grouped.append(sre_parse.SubPattern(state, [first, branch]))
    return grouped


def _has_own_prefix(parsed: sre_parse.SubPattern, flags: int) -> bool:
    """Whether the standard library finds a literal prefix or a first-character set itself
    (its search loop then skips to candidate positions on its own)."""
    if sre_compiler._get_literal_prefix(parsed, flags)[0]:
        return True
    return bool(sre_compiler._get_charset_prefix(parsed, flags))


def _compile_with_charset(
    parsed: sre_parse.SubPattern, flags: int, members: list[tuple[object, object]]
) -> re.Pattern[str]:
    """The parsed pattern compiled as the standard library does, with ``members`` (its first
    characters) as the set that the info block hands to the search loop.

    The search loop then steps in C over the positions whose character is not in the set and
    tries the pattern only at the others: what a pattern that starts with a class gets by
    itself, here given to patterns that start with a lookbehind, a lookahead, an optional
    part or an alternation. The set holds every character a match can start with, so no
    match is lost; the pattern's code is unchanged."""
    flags = parsed.state.flags | flags
    low, high = parsed.getwidth()
    if low == 0:
        raise ValueError("a pattern that can match empty has no first character")
    charset, hascased = sre_compiler._optimize_charset(members)
    if hascased:
        raise ValueError("cased first characters")
    code: list[int] = [sre.INFO, 0, sre.SRE_INFO_CHARSET, min(low, sre_compiler.MAXCODE)]
    code.append(min(high, sre_compiler.MAXCODE))
    sre_compiler._compile_charset(charset, flags, code)
    code[1] = len(code) - 1
    sre_compiler._compile(code, parsed.data, flags)
    code.append(sre.SUCCESS)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return sre_compiler._sre.compile(
        None, flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    )


# Every gate (a set of characters of which a text must hold one) gets a bit; each watched
# character the bits of the gates that hold it. A text's mask is the union of its watched
# characters' bits, built once per text; a scanner runs when its gates' bits are all in it.
_gate_bits: dict[frozenset[str], int] = {}
_char_bits: dict[str, int] = {}
# the bits of each character met so far, \d and \s members included (a cache of _bits)
_seen_bits: dict[str, int] = {}
# One class that finds the watched characters: a text's mask is built from the few that
# matter (a dozen in a news sentence), not from all of them (iterating a str makes a new
# string object per ideograph).
_watched_pattern: re.Pattern[str] = re.compile(r"[\d\s]")
_dirty = False  # characters watched since the class was built
_last: tuple[str, int] = ("", 0)
_ANY_DIGIT = re.compile(r"\d")
_ANY_SPACE = re.compile(r"\s")


def _watch(gates: tuple[frozenset[str], ...]) -> int:
    """Register a new scanner's gates; their bits (the scanner's need).

    The class that finds watched characters is rebuilt on the next new text, not here (the
    scanners are built one by one while the first text is read); the kept mask of the
    current text gets the new gates' bits by a direct test."""
    global _last, _dirty
    need = 0
    text, mask = _last
    for gate in gates:
        bit = _gate_bits.get(gate)
        if bit is None:
            bit = _gate_bits[gate] = 1 << len(_gate_bits)
            for char in gate:
                _char_bits[char] = _char_bits.get(char, 0) | bit
            _seen_bits.clear()
            _dirty = True
            if _holds_one(text, gate):
                mask |= bit
        need |= bit
    _last = (text, mask)
    return need


def _holds_one(text: str, gate: frozenset[str]) -> bool:
    if DIGIT in gate and _ANY_DIGIT.search(text):
        return True
    if SPACE in gate and _ANY_SPACE.search(text):
        return True
    return any(char in text for char in gate if char not in _CATEGORIES)


def _bits(char: str) -> int:
    # \d is str.isdecimal and \s str.isspace in the regex engine
    bits = _char_bits.get(char, 0)
    if char.isdecimal():
        bits |= _char_bits.get(DIGIT, 0)
    if char.isspace():
        bits |= _char_bits.get(SPACE, 0)
    _seen_bits[char] = bits
    return bits


def present_bits(text: str) -> int:
    """The gate bits that ``text`` satisfies; the last text's mask is kept, so the scanners
    that read one text build it once."""
    global _last, _watched_pattern, _dirty
    last = _last  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    if _dirty:
        members = "".join(re.escape(c) for c in sorted(_char_bits) if c not in _CATEGORIES)
        _watched_pattern = re.compile(f"[{members}\\d\\s]")
        _dirty = False
    found = _watched_pattern.findall(text)
    try:  # the characters met before (nearly all): their bits OR-ed in C
        mask = reduce(or_, map(_seen_bits.__getitem__, found), 0)
    except KeyError:
        mask = 0
        seen = _seen_bits
        for char in set(found):
            bits = seen.get(char)
            mask |= _bits(char) if bits is None else bits
    _last = (text, mask)
    return mask


# The text last lowered for the string gates, and its lowered form: the scanners that read one
# text lower it once (as they share its mask).
_last_lowered: tuple[str, str] = ("", "")
# The characters other than A-Z that the regex engine matches to an ASCII letter under
# IGNORECASE, and what ``str.lower`` does not turn into that letter: it keeps ſ and ı, turns
# İ into "i" and a combining dot. Replaced by their letters first, the lowered text holds
# "six" or "kill" wherever a case-insensitive "six" or "kill" matches.
_ASCII_PARTNERS = (("\u212a", "k"), ("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def lowered(text: str) -> str:
    """``text`` lowered for the string gates (the last text's kept): each of the engine's case
    partners of an ASCII letter becomes that letter in lowercase."""
    global _last_lowered
    last = _last_lowered  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    folded = text
    if not text.isascii():
        for partner, letter in _ASCII_PARTNERS:
            if partner in folded:
                folded = folded.replace(partner, letter)
    low = folded.lower()
    _last_lowered = (text, low)
    return low


def _holds_string(text: str, strings: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``strings`` (lowercase) in any case."""
    low = _last_lowered
    haystack = low[1] if low[0] is text else lowered(text)
    return any(string in haystack for string in strings)


def _gates_of(
    parsed: sre_parse.SubPattern, flags: int, first: frozenset[str] | None
) -> tuple[frozenset[str], ...]:
    """The character sets a scanner tests, rarest first."""
    sets = required_sets(parsed, flags) + ([first] if first is not None else [])
    sets = sorted(set(sets), key=lambda chars: (len(chars), sorted(chars)))
    # a set holding another required set says nothing more; a few of rare characters
    # suffice (each test is one set operation)
    kept = [chars for i, chars in enumerate(sets) if not any(o < chars for o in sets[:i])]
    kept.sort(key=lambda chars: (_weight(chars), sorted(chars)))
    return tuple(kept[:_MAX_GATES])


class Scanner:
    """A compiled pattern behind its character and string filters; ``finditer`` as re's.

    The filter and the filtered form are built on first use (imports stay fast), from one
    parse of the pattern's source, which the standard library compiles as it is (as
    ``re.Scanner`` does) after the changes above.

    ``gates=False``: the jump only (for ``finditer_between``, which tests no gate);
    ``strings=True``: a string gate too, when one is worth its tests (English patterns; a
    Chinese pattern's character gates already say as much, and the analysis costs a cold
    start some 13 ms over the Chinese patterns)."""

    __slots__ = ("_fast", "_gated", "_gates", "_need", "_strings", "_with_strings", "pattern")

    def __init__(
        self, pattern: re.Pattern[str] | LazyPattern, *, gates: bool = True, strings: bool = False
    ) -> None:
        self.pattern = pattern
        self._gated = gates
        self._with_strings = strings
        self._fast: re.Pattern[str] | None = None
        self._gates: tuple[frozenset[str], ...] = ()
        self._need = 0
        self._strings: tuple[str, ...] = ()  # the string gate; empty: none

    def _build(self) -> re.Pattern[str]:
        parsed = sre_parse.parse(self.pattern.pattern, self.pattern.flags)
        # a global "(?i)" in the source is in the parsed state, not in a LazyPattern's flags
        flags = int(self.pattern.flags) | parsed.state.flags & _IGNORECASE
        if self._with_strings:
            # read before the changes below, which split words ("t(?:welve|wo)")
            strings = required_strings(parsed)
            if strings is not None and worth_testing(strings):
                self._strings = tuple(sorted(strings))
        _guard_branches(parsed.data, parsed.state, int(flags))
        _factor_branches(parsed.data, parsed.state, int(flags))
        first = first_characters(parsed, flags)
        if self._gated:
            self._gates = _gates_of(parsed, flags, first)
            self._need = _watch(self._gates)
        if first is None or _has_own_prefix(parsed, flags):
            # the engine already skips to candidate positions: the pattern as written, its
            # inner alternations guarded
            self._fast = fast = sre_compiler.compile(parsed, flags)
            return fast
        try:
            self._fast = fast = _compile_with_charset(parsed, flags, _class_members(first))
            return fast
        except (AttributeError, TypeError, ValueError, sre.error):  # another re internals
            parsed = sre_parse.parse(self.pattern.pattern, flags)
        # (?=[first characters]) before the whole pattern: a lookahead adds no group
        parsed.data.insert(0, _lookahead(parsed.state, first))
        parsed.width = None
        # the standard library's own path for a parsed pattern (as re.Scanner does)
        self._fast = fast = sre_compiler.compile(parsed, flags)
        return fast

    def possible(self, text: str) -> bool:
        """Whether the pattern can match in ``text`` at all (its gates pass): a caller can
        skip the work around a scan that ``finditer`` would skip."""
        if self._fast is None:
            self._build()
        need = self._need
        last = _last
        if (last[1] if last[0] is text else present_bits(text)) & need != need:
            return False
        return not self._strings or _holds_string(text, self._strings)

    def finditer(self, text: str) -> Iterator[re.Match[str]] | tuple[()]:
        fast = self._fast or self._build()
        need = self._need
        if need:
            last = _last  # present_bits(text), inline: this runs for every pattern and text
            if (last[1] if last[0] is text else present_bits(text)) & need != need:
                return ()
        if self._strings and not _holds_string(text, self._strings):
            return ()
        return fast.finditer(text)

    def finditer_between(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)`` with the engine's jump but not the gates:
        its callers read a long text a sentence at a time, and a gate read on the whole text
        says little about one sentence (measured: the gates cost more than they saved)."""
        return (self._fast or self._build()).finditer(text, start, end)


class AnyOf:
    """Whether any of several scanners can match in a text: one mask read and a test per
    scanner, instead of a call per scanner (a reader skips a block of rare patterns at once
    in the many sentences where none of them can match).

    The answers depend on the text's mask only, and a few masks come back again and again:
    each is kept per mask value, so the tests run once per distinct mask."""

    __slots__ = ("_needs", "_passing", "_scanners")

    # the kept answers are dropped at this many masks (a long run of varied texts)
    MAX_KEPT = 4096

    def __init__(self, *scanners: Scanner) -> None:
        self._scanners = scanners
        self._needs: tuple[int, ...] | None = None
        self._passing: dict[int, tuple[Scanner, ...]] = {}

    def _mask(self, text: str) -> int:
        if self._needs is None:
            for scanner in self._scanners:  # each built (its gates watched) before the mask
                scanner.possible(text)
            self._needs = tuple(scanner._need for scanner in self._scanners)
        last = _last
        return last[1] if last[0] is text else present_bits(text)

    def possible(self, text: str) -> bool:
        """Whether the gates of one of the scanners at least pass in ``text``."""
        return bool(self.passing(text))

    def passing(self, text: str) -> tuple[Scanner, ...]:
        """The scanners whose gates pass in ``text`` (``possible`` of each), in their order."""
        last = _last
        if self._needs is not None:
            kept = self._passing.get(last[1] if last[0] is text else present_bits(text))
            if kept is not None:
                return kept
        mask = self._mask(text)
        answer = tuple(
            scanner
            for scanner, need in zip(self._scanners, self._needs or (), strict=True)
            if mask & need == need
        )
        if len(self._passing) >= self.MAX_KEPT:
            self._passing.clear()
        self._passing[mask] = answer
        return answer


@cache
def english_scanner(name: str) -> Scanner:
    """The pattern ``consistency.lang.en.<name>`` behind the filter. The English module is
    imported on the first call, with the first English text: a Chinese check never loads it."""
    from consistency.lang import en

    return Scanner(getattr(en, name), strings=True)
