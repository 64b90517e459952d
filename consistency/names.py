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
    if min(len(specific_part(first)), len(specific_part(second))) < MIN_SPECIFIC_CHARS:
        return False
    return fuzz.partial_ratio(first.name, second.name) >= SAME_NAME_SIMILARITY and (
        fuzz.ratio(specific_part(first), specific_part(second)) >= SAME_NAME_SIMILARITY - 15
    )
