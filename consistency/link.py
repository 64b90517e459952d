"""Which events in different articles may be one happening.

Events are compared only within a family (a meeting with a meeting), so the work grows with
the number of same-family event pairs, not with every claim against every claim. The
certainty of a link is the evidence added up: a matching specific name, shared
participants, and dates that agree (or disagree, which lowers it).
"""

from __future__ import annotations

from itertools import combinations

from rapidfuzz import fuzz

from consistency.lang import is_cjk
from consistency.model import Event, EventLink
from consistency.timeline import Timeline

# A name that is this similar (0-100) once its event word is removed names the same event.
_SAME_NAME_SIMILARITY = 85
_CERTAIN, _LIKELY, _POSSIBLE = 5, 2, 1


def _specific(name: str, event: Event) -> str:
    """A name without its event word: "关键矿产部长级会议" -> "关键矿产"."""
    for mention in event.mentions:
        if mention.event and mention.event.name == name:
            return name[: len(name) - len(mention.event.trigger)].strip()
    return name


def _topic_words(event: Event) -> set[str]:
    words: set[str] = set()
    for name in event.names:
        specific = _specific(name, event)
        words |= {
            specific[i : i + 2]
            for i in range(len(specific) - 1)
            if is_cjk(specific[i]) and is_cjk(specific[i + 1])
        }
        words |= {w.lower() for w in specific.split() if len(w) > 2 and w.isascii()}
    return words


def _same_name(first: Event, second: Event) -> bool:
    for name_a in first.names:
        for name_b in second.names:
            # The specific part must say more than a topic word ("稀土" names no event).
            specific = min(len(_specific(name_a, first)), len(_specific(name_b, second)))
            if specific >= 3 and fuzz.ratio(name_a, name_b) >= _SAME_NAME_SIMILARITY:
                return True
    return False


def link_pair(first: Event, second: Event) -> EventLink | None:
    """How likely two events of different articles are one happening, and why."""
    if first.family != second.family or first.implicit or second.implicit:
        return None
    score = 0
    reasons = []
    if _same_name(first, second):
        score += 3
        reasons.append("same name")
    else:
        shared_words = _topic_words(first) & _topic_words(second)
        if shared_words:
            score += min(2, len(shared_words))
            reasons.append("shared words " + "、".join(sorted(shared_words)[:3]))
    shared = first.participants & second.participants
    if shared:
        score += min(2, len(shared))
        reasons.append("shared participants " + ", ".join(sorted(shared)[:3]))
    if first.date and second.date:
        overlap = first.date.start <= second.date.end and second.date.start <= first.date.end
        if overlap:
            score += 2 if first.date.grain == second.date.grain == "day" else 1
            reasons.append("same date")
        else:
            score -= 1
            reasons.append("different dates")
    if score >= _CERTAIN and "different dates" not in reasons:
        certainty = "certain"
    elif score >= _LIKELY:
        certainty = "likely"
    elif score >= _POSSIBLE:
        certainty = "possible"
    else:
        return None
    return EventLink(first.id, second.id, certainty, "; ".join(reasons))


def link_events(timelines: list[Timeline]) -> list[EventLink]:
    """Links between events of different articles, in a stable order."""
    links = []
    for first_timeline, second_timeline in combinations(timelines, 2):
        for first in first_timeline.events:
            for second in second_timeline.events:
                link = link_pair(first, second)
                if link is not None:
                    links.append(link)
    return links
