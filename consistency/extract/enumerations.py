"""Enumerations: lists of participants ("美、日、韩、澳等", "Australia, Canada … and the
United Kingdom") and what a reader counts in them.

A list is a run of known entities (entities.yml) joined by list separators. Only runs whose
every item is known are lists; a separator that leads on to an unknown name makes the list
partial ("at least N"), as do the words that say so ("等", "including", "among others").
All offsets are offsets into the folded text, which are offsets into the article.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from consistency import resources
from consistency.extract.prefilter import Scanner

# re.compile here defers compiling each pattern to its first use (LazyPattern): start-up
from consistency.lang import deferred_re as re
from consistency.model import Mention, Quantity

# A list needs this many items; two are a list only when nothing around them is unknown.
MIN_ITEMS = 2
# Characters before a first abbreviation that make it part of a date ("4日", "今日").
_DAY_WORDS = "一二三四五六七八九十今明昨次翌前后每当"
# How far before a list its subset or partial words may stand ("其中，", "including the").
_BEFORE_WINDOW = 14


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    entity: str
    kind: str  # country | organization | region | group


@dataclass(frozen=True)
class Enumeration:
    """One list: its items, whether it names all of the group, and the text around it."""

    start: int
    end: int
    items: tuple[Item, ...]
    # a word says it names only some ("等", "including"), or an unknown name continues it
    partial: bool
    # the word that made it partial ("等", "including")
    marker: str | None
    # "其中美国、日本和德国…": a subgroup of a group counted elsewhere
    subset: bool
    # the offset where a count that labels the list would start ("日韩澳等|34个国家") and
    # where one before it would end ("34 countries|, including Australia…")
    next_offset: int
    previous_offset: int
    # a name the lexicon does not know stands in the list ("…、印度和斐济")
    unknown_item: bool = False

    @cached_property
    def entities(self) -> tuple[str, ...]:
        """Distinct entities in list order."""
        return tuple(dict.fromkeys(item.entity for item in self.items))

    def number(self, kind: str) -> int:
        kinds = {item.entity: item.kind for item in self.items}
        return sum(1 for entity in self.entities if kinds[entity] == kind)

    def country_range(
        self, with_regions: bool = False, others_apart: bool = False
    ) -> tuple[float, float]:
        """How many countries the list names, as a range.

        Organizations and regions may or may not be among a writer's "N countries": they widen
        the range, unless the count names them apart (``others_apart``: "54个国家和欧盟") or
        includes regions (``with_regions``: "国家和地区"). A partial list or a group ("G7")
        says "at least"."""
        low = self.number("country") + (self.number("region") if with_regions else 0)
        high = float(low)
        if not others_apart:
            high += self.number("organization") + (0 if with_regions else self.number("region"))
        if self.partial or self.number("group"):
            high = math.inf
        return float(low), high

    def mention(self, text: str) -> Mention:
        """The list as a mention: its span, and the countries it names as a quantity."""
        low, high = self.country_range()
        quantity = Quantity(
            low=low,
            high=high,
            kind="enumeration",
            counted="country",
            hedge="partial" if self.partial else None,
        )
        return Mention("enumeration", text[self.start : self.end], self.start, self.end, quantity)


@dataclass(frozen=True)
class _Lexicon:
    spellings: re.Pattern[str]
    # the same behind the prefilter, for reading a sentence (the engine jumps to the names'
    # first characters instead of trying every name at every position)
    spelling_scanner: Scanner
    entity_of: dict[str, str]
    kind_of: dict[str, str]
    abbreviations: dict[str, str]
    abbreviation_pattern: re.Pattern[str]  # any one of them: a class, not a loop per character
    not_before_abbreviations: tuple[str, ...]
    separators: dict[str, frozenset[str]]
    partial_after: dict[str, tuple[str, ...]]
    partial_before: dict[str, tuple[str, ...]]
    subset: dict[str, tuple[str, ...]]
    roles: dict[str, re.Pattern[str]]
    organizations: re.Pattern[str]


def _one_of(abbreviations: dict[str, str]) -> re.Pattern[str]:
    """One of the one-character abbreviations (a longer one is never read as one)."""
    chars = "".join(re.escape(key) for key in abbreviations if len(key) == 1)
    return re.compile(f"[{chars}]" if chars else "(?!)")


def _alternation(words: list[str]) -> str:
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        # Latin words whole, so "sent" is not in "absent" nor "UK" in "UKraine".
        parts.append(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if word.isascii() else escaped)
    return "|".join(parts)


@resources.derived
def _lexicon() -> _Lexicon:
    data = resources.load("enumerations")
    entities = resources.load("entities")["entities"]
    kind_of = {entity: kind for kind, keys in data["kinds"].items() for entity in keys}
    not_items = set(data["not_items"])
    entity_of = {
        spelling: key
        for key, names in entities.items()
        if key in kind_of
        for spelling in names
        if spelling not in not_items
    }
    # Roles in the order of the data: the first match of an earlier role wins a tie.
    roles = {
        language: re.compile(
            "|".join(
                f"(?P<{role}>{_alternation(words[language])})"
                for role, words in data["roles"].items()
            ),
            re.IGNORECASE,
        )
        for language in ("zh", "en")
    }
    organizations = [s for s, key in entity_of.items() if kind_of[key] != "country"]
    spellings = re.compile(_alternation(list(entity_of)))
    abbreviations = dict(data["abbreviations"])
    return _Lexicon(
        spellings=spellings,
        spelling_scanner=Scanner(spellings, gates=False),
        entity_of=entity_of,
        kind_of=kind_of,
        abbreviations=abbreviations,
        abbreviation_pattern=_one_of(abbreviations),
        not_before_abbreviations=tuple(data["not_before_abbreviations"]),
        separators={k: frozenset(v) for k, v in data["separators"].items()},
        partial_after={k: tuple(v["after"]) for k, v in data["partial"].items()},
        partial_before={k: tuple(v["before"]) for k, v in data["partial"].items()},
        subset={k: tuple(v) for k, v in data["subset"].items()},
        roles=roles,
        organizations=re.compile(_alternation(organizations)),
    )


def _items(folded: str, start: int, end: int, lexicon: _Lexicon) -> list[tuple[Item, bool]]:
    """Known names in text order, each with whether it is a one-character abbreviation."""
    found: list[tuple[Item, bool]] = []
    covered = [False] * (end - start)
    for match in lexicon.spelling_scanner.finditer_between(folded, start, end):
        entity = lexicon.entity_of[match.group()]
        found.append((Item(match.start(), match.end(), entity, lexicon.kind_of[entity]), False))
        for index in range(match.start(), match.end()):
            covered[index - start] = True
    for match in lexicon.abbreviation_pattern.finditer(folded, start, end):
        index = match.start()
        if not covered[index - start]:
            entity = lexicon.abbreviations[match.group()]
            found.append((Item(index, index + 1, entity, lexicon.kind_of[entity]), True))
    return sorted(found, key=lambda pair: pair[0].start)


def _gap(folded: str, first: Item, second: Item, language: str) -> str:
    """The text between two items, trimmed, without an English "the"."""
    between = folded[first.end : second.start].strip()
    if language == "en":
        between = re.sub(r"(?:^|\s)the$", "", between, flags=re.IGNORECASE).strip()
    return between


def _chains(
    folded: str, start: int, end: int, language: str, lexicon: _Lexicon
) -> list[list[tuple[Item, bool]]]:
    """Runs of known names joined by list separators; one-character abbreviations join with
    nothing between them only to each other ("日韩澳")."""
    separators = lexicon.separators[language]
    chains: list[list[tuple[Item, bool]]] = []
    current: list[tuple[Item, bool]] = []
    for pair in _items(folded, start, end, lexicon):
        if current:
            previous, previous_short = current[-1]
            gap = _gap(folded, previous, pair[0], language)
            if previous_short or pair[1]:
                # an abbreviation is joined to its neighbours by "、" (or by nothing, "日韩澳");
                # "和" only between two of them ("美、日和韩"); never by a comma ("其中，
                # 新加坡…" has no 中 in its list)
                both = previous_short and pair[1]
                joined = gap == "、" or (both and gap in ("", "和", "及", "与"))
            else:
                joined = gap in separators
            if joined and pair[0].start >= previous.end:
                current.append(pair)
                continue
            chains.append(current)
        current = [pair]
    if current:
        chains.append(current)
    return chains


def _abbreviations_stand_alone(
    folded: str, chain: list[tuple[Item, bool]], language: str, lexicon: _Lexicon
) -> bool:
    """One-character abbreviations are list items, not parts of words (_chains joined them
    only by "、" or to each other): the list ends before 等, a separator, a count or 的, does
    not start after a number ("4日、5日") and is not one of languages ("中、英文")."""
    if not any(short for _, short in chain):
        return True
    last = chain[-1][0]
    after = folded[last.end : last.end + 4]
    if any(after.startswith(word) for word in lexicon.not_before_abbreviations):
        return False
    # the last one ends the list: a separator, 等, a count ("两国") or a possessive follows
    ends = r"\s*(?:等|的|[、,和及与]|[0-9两二三四五六七八九十]+(?:个)?国)"
    if chain[-1][1] and not re.match(ends, after):
        return False
    first = chain[0][0]
    before = folded[first.start - 1] if first.start > 0 else ""
    # "4日、5日", "今日": a number or a time word before it makes 日 a day
    return not (chain[0][1] and before and (before.isdigit() or before in _DAY_WORDS))


def _starts_with_any(text: str, words: tuple[str, ...]) -> str | None:
    lowered = text.lower()
    return next((word for word in words if lowered.startswith(word.lower())), None)


def _ends_with_any(text: str, words: tuple[str, ...]) -> str | None:
    lowered = text.lower()
    for word in sorted(words, key=len, reverse=True):
        if lowered.endswith(word.lower()):
            # a Latin word whole: "like" is not the end of "unlike"
            if word.isascii() and len(lowered) > len(word) and lowered[-len(word) - 1].isalpha():
                continue
            return word
    return None


# A capitalized name after or before an English list, joined to it like an item: ", Fiji",
# " and Fiji", "Fiji, ".
_EN_UNKNOWN_NEXT = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?([A-Z][a-zA-Z]+)")
_EN_UNKNOWN_BEFORE = re.compile(r"([A-Z][a-zA-Z]+)\s*,\s*$")


def _continues_unknown(
    folded: str, sentence: tuple[int, int], first: Item, last: Item, language: str
) -> bool:
    """A separator leads on to a name the lexicon does not know, before or after the list:
    the list then names only some of its items."""
    after = folded[last.end : sentence[1]]
    before = folded[sentence[0] : first.start]
    if language == "zh":
        if after.startswith("、") or before.endswith("、"):
            return True
        # "…新加坡、印度和斐济": the last item is one the lexicon does not know ("与会" is
        # "attending", not "and")
        return bool(re.match(r"(以及|和|及|与|同|跟)(?!会)[\u4e00-\u9fff]", after))
    lexicon = _lexicon()
    following = _EN_UNKNOWN_NEXT.match(after)
    if following and not lexicon.spellings.match(folded, last.end + following.start(1)):
        return True
    preceding = _EN_UNKNOWN_BEFORE.search(before)
    return bool(preceding and preceding.group(1) not in lexicon.entity_of)


def find_enumerations(folded: str, start: int, end: int, language: str) -> list[Enumeration]:
    """The lists of known entities in the sentence ``folded[start:end]``, in text order."""
    lexicon = _lexicon()
    found = []
    for chain in _chains(folded, start, end, language, lexicon):
        items = tuple(item for item, _ in chain)
        if len({item.entity for item in items}) < MIN_ITEMS:
            continue
        if not _abbreviations_stand_alone(folded, chain, language, lexicon):
            continue
        first, last = items[0], items[-1]
        # an English list starts with its "the": "the United States, Japan and …"
        list_start = first.start
        if language == "en" and folded[max(start, first.start - 4) : first.start].lower() == "the ":
            list_start = first.start - 4
        before = folded[max(start, list_start - _BEFORE_WINDOW) : list_start].rstrip(" :：,")
        after = folded[last.end : end].lstrip(" ,")
        marker = _starts_with_any(after, lexicon.partial_after[language])
        next_offset = last.end + (len(folded[last.end : end]) - len(after))
        if marker:
            next_offset += len(marker)
        before_marker = _ends_with_any(before, lexicon.partial_before[language])
        # "34 countries, including …", "three countries, Japan, …", "14个国家：中国、…"
        previous_offset = list_start
        if before_marker:
            cut = before.lower().rfind(before_marker.lower())
            previous_offset = max(start, list_start - _BEFORE_WINDOW) + cut
        previous_offset = len(folded[:previous_offset].rstrip(" ,:"))
        unknown = _continues_unknown(folded, (start, end), first, last, language)
        if unknown and len(items) < 3 and not (marker or before_marker):
            # two names and an unknown third: too little to read as a list
            continue
        subset_words = lexicon.subset[language]
        subset = bool(
            _ends_with_any(before, subset_words)
            or (language == "zh" and re.match(r"\s*(?:以外|之外)", after))
            or any(
                word in folded[max(start, list_start - _BEFORE_WINDOW) : list_start]
                for word in subset_words
                if not word.isascii() and len(word) > 1
            )
        )
        found.append(
            Enumeration(
                start=list_start,
                end=last.end,
                items=items,
                partial=bool(marker or before_marker or unknown),
                marker=marker or before_marker,
                subset=subset,
                next_offset=next_offset,
                previous_offset=previous_offset,
                unknown_item=unknown,
            )
        )
    return found


def role_near(
    folded: str, start: int, end: int, sentence: tuple[int, int], language: str
) -> str | None:
    """What group a list or a count is of, from the verb next to it: the nearest after it in
    its clause ("…的代表对声明提出异议": the countries objected), else the nearest before it
    in its clause ("出席会议的有…"). None when no verb says: then it is not compared."""
    lexicon = _lexicon()
    clause_end = re.compile(r"[,，;；.。!?！？]|\s[-–—]\s")
    # a list's partial marker or a comma before its verb is not a clause of its own
    end += len(folded[end : sentence[1]]) - len(folded[end : sentence[1]].lstrip(" ,，"))
    stop = clause_end.search(folded, end, sentence[1])
    after = (end, stop.start() if stop else sentence[1])
    before_text = folded[sentence[0] : start]
    cuts = [m.end() for m in clause_end.finditer(before_text)]
    before = (sentence[0] + (cuts[-1] if cuts else 0), start)
    for scope_start, scope_end, nearest_last in ((*after, False), (*before, True)):
        matches = list(lexicon.roles[language].finditer(folded, scope_start, scope_end))
        if matches:
            match = matches[-1] if nearest_last else matches[0]
            return match.lastgroup
    return None


def names_apart(folded: str, end: int, language: str) -> bool:
    """ "54个国家和欧盟", "34 countries and the EU": the count names organizations apart."""
    match = re.match(r"\s*(?:和|及|与|以及|加上|and|plus|as well as)\s*(?:the\s+)?", folded[end:])
    return bool(match) and bool(_lexicon().organizations.match(folded, end + match.end()))


def with_regions(folded: str, end: int, counted_text: str | None) -> bool:
    """ "34个国家和地区", "countries and territories": the count includes regions."""
    return bool(
        (counted_text and "地区" in counted_text)
        or re.match(r"\s*(?:和|及|与)地区|\s*and\s+(?:regions|territories)", folded[end:])
    )


def is_subset_count(folded: str, start: int, sentence_start: int, language: str) -> bool:
    """ "其中12个国家", "only 12 of them": a count of a subgroup."""
    before = folded[max(sentence_start, start - _BEFORE_WINDOW) : start].rstrip(" ,，:：")
    words = _lexicon().subset[language]
    return bool(_ends_with_any(before, words)) or (
        language == "zh" and any(w in before[-4:] for w in words if len(w) > 1)
    )
