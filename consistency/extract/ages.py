"""Ages given to named people: "Lila Bonner, 9", "12-year-old Lila Bonner", "Dick Eastland
(70)".

The name is the key a person is compared by (lower case, quotes and nicknames left out:
"Richard ‘Dick’ Eastland" is "richard eastland"), so two articles that give one person two
ages can be set side by side (P100).
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency.lang import deferred_re as re


@dataclass(frozen=True)
class Age:
    name: str  # the key: the name in lower case, without quoted nicknames
    age: int
    start: int  # the span of the name and the age, as written
    end: int


_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
# "Richard ‘Dick’ Eastland", "Lila Bonner": two to four capitalized words, a quoted nickname
_NAME = rf"(?P<name>{_WORD}(?:\s+[‘'\"“][A-Z][a-z]+[’'\"”])?(?:\s+{_WORD}){{1,3}})"
_ENGLISH = (
    re.compile(rf"{_NAME},\s+(?:aged\s+)?(?P<age>\d{{1,3}})(?=[,;.)\s])"),
    re.compile(rf"{_NAME}\s+\((?P<age>\d{{1,3}})\)"),
    re.compile(rf"(?P<age>\d{{1,3}})-year-old\s+(?:[a-z]+\s+){{0,2}}{_NAME}"),
)
_NICKNAME = re.compile(r"\s+[‘'\"“][A-Z][a-z]+[’'\"”]")
# Capitalized words that start a sentence or name no person
_NOT_FIRST = frozenset(
    "The This That These Those In On At By For From After Before When While As Among "
    "According Camp County River Lake".split()
)


def find_ages(folded: str) -> list[Age]:
    """Every age written with a name in ``folded`` (article text, furniture blanked)."""
    found = []
    # (Chinese pages are read for Latin names only: a Chinese name has no bounds to read)
    for pattern in _ENGLISH:
        for match in pattern.finditer(folded):
            age = int(match.group("age"))
            name = match.group("name")
            if not 0 < age < 120 or name.split()[0] in _NOT_FIRST:
                continue
            key = " ".join(_NICKNAME.sub("", name).lower().split())
            found.append(Age(key, age, match.start(), match.end()))
    found.sort(key=lambda age: age.start)
    return found
