"""Whether two event names name the same event ("第七届东北亚地方政府峰会" and
"东北亚地方政府峰会"), beyond sharing a topic word ("稀土联盟" and "稀土峰会" do not)."""

from __future__ import annotations

from rapidfuzz import fuzz

from consistency.model import EventWord

# Names this similar (0-100) are one name; the part before the event word must say more
# than a topic word.
SAME_NAME_SIMILARITY = 85
MIN_SPECIFIC_CHARS = 3


def specific_part(word: EventWord) -> str:
    """The name without its event word: "关键矿产部长级会议" -> "关键矿产"."""
    return word.name[: len(word.name) - len(word.trigger)].strip()


def same_name(first: EventWord, second: EventWord) -> bool:
    return similar_names((first.name, specific_part(first)), (second.name, specific_part(second)))


def similar_names(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """``same_name`` of two (name, specific part) pairs, computed once per event word."""
    if min(len(first[1]), len(second[1])) < MIN_SPECIFIC_CHARS:
        return False
    return fuzz.partial_ratio(first[0], second[0]) >= SAME_NAME_SIMILARITY and (
        fuzz.ratio(first[1], second[1]) >= SAME_NAME_SIMILARITY - 15
    )
