"""Which events in different articles may be one happening.

Events are compared only within a family (a meeting with a meeting), so the work grows with
the number of same-family event pairs, not with every claim against every claim. The
certainty of a link is the evidence added up: a matching specific name, shared
participants, and dates that agree (or disagree, which lowers it).
"""

from __future__ import annotations

from itertools import combinations

from consistency import resources
from consistency.lang import is_cjk
from consistency.model import Event, EventLink
from consistency.names import same_name, specific_part
from consistency.timeline import Timeline

_CERTAIN, _LIKELY, _POSSIBLE = 5, 2, 1
# Share of the words of two events' sentences in common that says they are one story.
_CONTEXT_OVERLAP = 0.15


def _topic_words(event: Event) -> set[str]:
    words: set[str] = set()
    for mention in event.mentions:
        if mention.event is None:
            continue
        specific = specific_part(mention.event)
        words |= {
            specific[i : i + 2]
            for i in range(len(specific) - 1)
            if is_cjk(specific[i]) and is_cjk(specific[i + 1])
        }
        words |= {w.lower() for w in specific.split() if len(w) > 2 and w.isascii()}
    return words


def _named_by_place(family: str) -> bool:
    return resources.load("events")["families"][family].get("named_by") == "place"


def _same_name(first: Event, second: Event) -> bool:
    return any(
        same_name(a.event, b.event)
        for a in first.mentions
        for b in second.mentions
        if a.event and b.event
    )


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
        first_words, second_words = _topic_words(first), _topic_words(second)
        shared_words = first_words & second_words
        if (
            first_words
            and second_words
            and not shared_words
            and _named_by_place(first.family)
            and not first_words & second.context_words
            and not second_words & first.context_words
        ):
            return None  # 甘南地震 and 定日地震, neither place named in the other story
        if shared_words:
            score += min(2, len(shared_words))
            reasons.append("shared words " + "、".join(sorted(shared_words)[:3]))
        else:
            # Stories about one happening share its names and places, even when they
            # call the event itself by different words.
            union = first.context_words | second.context_words
            overlap = len(first.context_words & second.context_words) / len(union) if union else 0
            if overlap >= _CONTEXT_OVERLAP:
                score += 2
                reasons.append(f"{overlap:.0%} of their sentences' words shared")
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
