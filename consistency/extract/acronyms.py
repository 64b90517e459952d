"""Acronyms written with their expansion: "FORGE (Forum on Resource Geostrategic
Engagement)", "the Forum on Resource Geostrategic Engagement (FORGE)", "FORGE, the Forum on
Resource Geostrategic Engagement", and in Chinese text "资源地缘战略合作论坛（FORGE）".

``letters_fit`` says whether an acronym's letters can be read from its expansion's words; the
rules compare the expansions one acronym is given (A100) and report the ones that cannot fit
(A101).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# re.compile here defers compiling each pattern to its first use (LazyPattern): start-up
from consistency.lang import deferred_re as re
from consistency.lang import is_cjk

# Small words an acronym usually leaves out ("Organization of the Petroleum Exporting
# Countries": OPEC); they may still give their letter ("Forum on ...": the O of FORGE).
STOP_WORDS = frozenset(
    "of on the and for in to at by with a an de du des la le et & und der die das".split()
)
# Most letters one word gives ("START": the S and T of Strategic); more is a coincidence.
_MAX_LETTERS_PER_WORD = 3

_NOT_LATIN = r"(?<![A-Za-z0-9])"
_END = r"(?![A-Za-z0-9])"
# An acronym: two to ten capitals (with "&"), an optional plural s ("NGOs").
_ACRONYM = rf"{_NOT_LATIN}(?P<acr>[A-Z][A-Z&]{{1,9}})(?P<plural>s)?{_END}"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|&")
_OPEN, _CLOSE = "(（", ")）"

# "FORGE (Forum on ...)": the bracket holds the expansion
_ACRONYM_FIRST = re.compile(
    rf"{_ACRONYM}\s*[{_OPEN}](?P<inner>[^{_OPEN}{_CLOSE}\n]{{2,160}})[{_CLOSE}]"
)
# "... Engagement (FORGE)": the bracket holds the acronym
_ACRONYM_AFTER = re.compile(rf"[{_OPEN}]\s*{_ACRONYM}\s*[{_CLOSE}]")
# "FORGE, the Forum on ...": an apposition after a comma
_ACRONYM_COMMA = re.compile(rf"{_ACRONYM}\s*,\s*(?:the\s+)?(?=[A-Z])")
# Chinese text before "（FORGE）" is cut after these: the name starts after them
_ZH_NAME_STOPS = re.compile(r".*(?:名为|称为|叫做|简称|即|的|了|在|是|将|把|被|个|项|这|那|其|该)")
_MAX_ZH_NAME = 20


@dataclass(frozen=True)
class AcronymMention:
    """One acronym with the expansion written beside it."""

    acronym: str  # the letters, plural s removed: "NGO" for "NGOs"
    expansion: str  # as folded (half-width, common Traditional characters Simplified)
    start: int  # the whole construct: acronym, brackets and expansion
    end: int
    # latin | cjk: expansions are compared within one script only
    script: str
    # whether the acronym's letters can be read from the expansion (always True for cjk)
    fits: bool


def letters_fit(acronym: str, expansion: str) -> bool:
    """Whether ``acronym`` can be read from ``expansion``, word by word in order: each word
    gives its first letter, maybe followed by later letters of it ("Southeast" gives the SE of
    ASEAN), or, when it is a small word (of, on, the, and), nothing."""
    letters = "".join(char for char in acronym.upper() if char.isalpha())
    words = _words(expansion)
    return bool(letters) and bool(words) and _fit(letters, tuple(words))


def _words(expansion: str) -> list[str]:
    # "Co-operation" and "Asia-Pacific" are one word that may give two letters
    return [word.replace("-", "").replace("’", "'") for word in _WORD.findall(expansion)]


@cache
def _fit(letters: str, words: tuple[str, ...]) -> bool:
    # reachable[j] holds the numbers of letters read after the first j words
    reachable: set[int] = {0}
    for word in words:
        after: set[int] = set()
        lowered = word.lower()
        if lowered in STOP_WORDS:
            after |= reachable
        for read in reachable:
            for taken in range(1, _MAX_LETTERS_PER_WORD + 1):
                if read + taken > len(letters):
                    break
                if _gives(lowered, letters[read : read + taken].lower()):
                    after.add(read + taken)
        reachable = after
        if not reachable:
            return False
    return len(letters) in reachable


def _gives(word: str, letters: str) -> bool:
    """``letters`` are the word's first letter followed by a subsequence of the rest."""
    if not word or word[0] != letters[0]:
        return False
    position = 1
    for letter in letters[1:]:
        position = word.find(letter, position) + 1
        if position == 0:
            return False
    return True


def plausible_expansion(acronym: str, expansion: str) -> bool:
    """Whether a text that does not fit was still meant as the expansion: it starts with the
    acronym's letter, has a word for each letter and gives all of them but one in order."""
    words = _words(expansion)
    if len(acronym) < 3 or len(words) < len(acronym) or not words:
        return False
    if words[0][0].upper() != acronym[0]:
        return False
    initials = "".join(word[0].upper() for word in words)
    return _common_subsequence(acronym, initials) >= len(acronym) - 1


def _common_subsequence(first: str, second: str) -> int:
    row = [0] * (len(second) + 1)
    for char in first:
        previous = 0
        for index, other in enumerate(second, 1):
            current = row[index]
            row[index] = previous + 1 if char == other else max(row[index], row[index - 1])
            previous = current
    return row[-1]


def find_acronyms(folded: str) -> list[AcronymMention]:
    """Every acronym written with its expansion in ``folded`` (article text, furniture
    blanked), in text order."""
    found: dict[tuple[int, int], AcronymMention] = {}
    for match in _ACRONYM_FIRST.finditer(folded):
        inner = match.group("inner").strip()
        mention = _bracketed(match.group("acr"), inner, match.start(), match.end())
        if mention:
            found.setdefault((mention.start, mention.end), mention)
    for match in _ACRONYM_AFTER.finditer(folded):
        mention = _before(folded, match)
        if mention:
            found.setdefault((mention.start, mention.end), mention)
    for match in _ACRONYM_COMMA.finditer(folded):
        mention = _apposition(folded, match)
        if mention:
            found.setdefault((mention.start, mention.end), mention)
    return sorted(found.values(), key=lambda m: (m.start, m.end))


def _bracketed(acronym: str, inner: str, start: int, end: int) -> AcronymMention | None:
    # "（FORGE，Forum on ...）" or "(Forum on ..., 资源...)": the part in one script
    for part in re.split(r"[,，;；、]", inner):
        part = part.strip()
        if not part:
            continue
        if any(is_cjk(char) for char in part):
            if all(is_cjk(char) for char in part) and 2 <= len(part) <= _MAX_ZH_NAME:
                return AcronymMention(acronym, part, start, end, "cjk", True)
            continue
        words = _words(part)
        if len(words) < 2 or not _WORD.fullmatch(part.split()[0]):
            continue
        if letters_fit(acronym, part):
            return AcronymMention(acronym, part, start, end, "latin", True)
        if plausible_expansion(acronym, part):
            return AcronymMention(acronym, part, start, end, "latin", False)
    return None


def _before(folded: str, match: re.Match[str]) -> AcronymMention | None:
    acronym = match.group("acr")
    start = match.start()
    if start and is_cjk(folded[start - 1]):
        run = start
        while run > 0 and is_cjk(folded[run - 1]) and start - run < 40:
            run -= 1
        name = folded[run:start]
        cut = _ZH_NAME_STOPS.match(name)
        if cut:
            name = name[cut.end() :]
        if 2 <= len(name) <= _MAX_ZH_NAME:
            return AcronymMention(acronym, name, start - len(name), match.end(), "cjk", True)
        return None
    # the words before the bracket, back to punctuation, at most a few more than letters
    line_start = max(0, start - 200)
    before = folded[line_start:start]
    spans = [m.span() for m in _WORD.finditer(before)]
    boundary = max(before.rfind(p) for p in '.,;:!?"“”()（）\n')
    spans = [s for s in spans if s[0] > boundary][-(len(acronym) + 4) :]
    if not spans:
        return None
    fitting = None
    for index, (word_start, _) in enumerate(spans):
        text = before[word_start : spans[-1][1]]
        if text[0].upper() == acronym[0] and letters_fit(acronym, text):
            fitting = (index, text)
            break
    if fitting is None:
        # meant as the expansion only when it starts at a capitalized word of a name
        capitalized = _capitalized_run(before, spans)
        for word_start, _ in capitalized:
            text = before[word_start : spans[-1][1]]
            if text[0] == acronym[0] and plausible_expansion(acronym, text):
                at = line_start + word_start
                return AcronymMention(acronym, text, at, match.end(), "latin", False)
        return None
    index, text = fitting
    at = line_start + spans[index][0]
    return AcronymMention(acronym, text, at, match.end(), "latin", True)


def _capitalized_run(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The trailing words that are capitalized or small words, as in a name."""
    run: list[tuple[int, int]] = []
    for span in reversed(spans):
        word = text[span[0] : span[1]]
        if not (word[0].isupper() or word.lower() in STOP_WORDS):
            break
        run.insert(0, span)
    while run and not text[run[0][0]].isupper():
        run.pop(0)
    return run


def _apposition(folded: str, match: re.Match[str]) -> AcronymMention | None:
    acronym = match.group("acr")
    after = folded[match.end() : match.end() + 200]
    spans = []
    for word in _WORD.finditer(after):
        gap = after[spans[-1][1] : word.start()] if spans else ""
        if spans and gap.strip():
            break
        text = word.group()
        if not (text[0].isupper() or text.lower() in STOP_WORDS):
            break
        spans.append(word.span())
    # a name ends at a capitalized word
    while spans and not after[spans[-1][0]].isupper():
        spans.pop()
    if len(spans) < 2 or after[0] != acronym[0]:
        return None
    for last in range(len(spans), 1, -1):
        if not after[spans[last - 1][0]].isupper():
            continue
        text = after[: spans[last - 1][1]]
        if letters_fit(acronym, text):
            return AcronymMention(
                acronym, text, match.start(), match.end() + len(text), "latin", True
            )
    text = after[: spans[-1][1]]
    if plausible_expansion(acronym, text):
        return AcronymMention(acronym, text, match.start(), match.end() + len(text), "latin", False)
    return None
