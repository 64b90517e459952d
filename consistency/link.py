"""Which events in different articles may be one happening.

Events are compared only within a family (a meeting with a meeting), so the work grows with
the number of same-family event pairs, not with every claim against every claim. The
certainty of a link is the evidence added up: a matching specific name, shared
participants, and dates that agree (or disagree, which lowers it).
"""

from __future__ import annotations

import itertools
import math

from consistency import resources
from consistency.lang import is_cjk
from consistency.model import Event, EventLink
from consistency.names import MIN_SPECIFIC_CHARS, similar_names, specific_part
from consistency.timeline import Timeline

_CERTAIN, _LIKELY, _POSSIBLE = 5, 2, 1
# Share of the words of two events' sentences in common that says they are one story.
_CONTEXT_OVERLAP = 0.15


# Ordinal characters: "第七届东北亚" and "首届东海" share "届东", not a topic. (Numerals
# stay: places are named with them, 三亚, 定日.)
_NOT_TOPIC = frozenset("第届")


def _topic_words(event: Event) -> set[str]:
    words: set[str] = set()
    for mention in event.mentions:
        if mention.event is None:
            continue
        specific = specific_part(mention.event)
        words |= {
            specific[i : i + 2]
            for i in range(len(specific) - 1)
            if is_cjk(specific[i])
            and is_cjk(specific[i + 1])
            and specific[i] not in _NOT_TOPIC
            and specific[i + 1] not in _NOT_TOPIC
        }
        words |= {w.lower() for w in specific.split() if len(w) > 2 and w.isascii()}
    return words


def _one_per_story(family: str) -> bool:
    return resources.load("events")["families"][family].get("one_per_story", False)


def _named_by_place(family: str) -> bool:
    return resources.load("events")["families"][family].get("named_by") == "place"


def _names(event: Event) -> tuple[tuple[str, str], ...]:
    """The distinct (name, specific part) of an event's words that a same name can match."""
    found = {(m.event.name, specific_part(m.event)) for m in event.mentions if m.event is not None}
    return tuple(sorted(pair for pair in found if len(pair[1]) >= MIN_SPECIFIC_CHARS))


class _Features:
    """What link_pair reads of an event, computed once per event rather than once per pair."""

    __slots__ = ("names", "topic")

    def __init__(self, event: Event) -> None:
        self.names = _names(event)
        self.topic = _topic_words(event)


def link_pair(first: Event, second: Event) -> EventLink | None:
    """How likely two events of different articles are one happening, and why."""
    return _link(first, second, _Features(first), _Features(second))


def _link(first: Event, second: Event, one: _Features, other: _Features) -> EventLink | None:
    if first.family != second.family or first.implicit or second.implicit:
        return None
    score = 0
    reasons = []
    # same_name of any two of their words (those of fewer than 3 specific characters never
    # match, so they are left out of the features)
    if any(similar_names(a, b) for a in one.names for b in other.names):
        score += 3
        reasons.append("same name")
    else:
        first_words, second_words = one.topic, other.topic
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
    # what says the two are the same happening, before their dates are compared
    identified = bool(reasons)
    shared = first.participants & second.participants
    named = any(participant.startswith("name:") for participant in shared)
    if shared:
        # Many meetings share their countries: with no shared name or words, countries
        # count fully only when both events are dated (the dates then confirm or refute);
        # a shared proper name ("FORGE", "Klingbeil") always does.
        dated = first.date is not None and second.date is not None
        score += min(2, len(shared)) if identified or dated or named else 1
        reasons.append("shared participants " + ", ".join(sorted(shared)[:3]))
    if first.date and second.date:
        overlap = first.date.start <= second.date.end and second.date.start <= first.date.end
        if overlap:
            score += 2 if first.date.grain == second.date.grain == "day" else 1
            reasons.append("same date")
        else:
            score -= 1
            reasons.append("different dates")
    # Two meetings on one day with nothing else in common (or one country) are only
    # possibly one.
    if score >= _CERTAIN and "different dates" not in reasons:
        certainty = "certain"
    elif score >= _LIKELY and (identified or named or len(shared) >= 2):
        certainty = "likely"
    elif score >= _POSSIBLE:
        certainty = "possible"
    else:
        return None
    return EventLink(first.id, second.id, certainty, "; ".join(reasons))


def link_events(timelines: list[Timeline]) -> list[EventLink]:
    """Links between events of different articles, in a stable order.

    Only the pairs ``candidate_pairs`` finds are scored, and they are exactly the pairs that
    can score at least 1, so the result is that of comparing every pair, in the same order.
    Articles that tell one story (``same_story``) also link their chief event of each kind.
    """
    # chief events called by no specific name of their own ("判决", not "东海港口合作峰会")
    chiefs = {
        event.id for t in timelines for event in chief_events(t).values() if not _names(event)
    }
    links = [
        _as_chiefs(link) if link.first in chiefs and link.second in chiefs else link
        for link in scored_links(timelines)
    ]
    index = {(link.first, link.second): i for i, link in enumerate(links)}
    for first, second, reason in _story_pairs(timelines):
        at = index.get((first.id, second.id))
        if at is None:
            links.append(EventLink(first.id, second.id, "likely", reason))
        elif links[at].certainty == "possible":
            links[at] = EventLink(first.id, second.id, "likely", f"{links[at].reason}; {reason}")
    return links


def scored_links(timelines: list[Timeline]) -> list[EventLink]:
    """The links of events that their names, words, participants and dates make."""
    features = {id(e): _Features(e) for t in timelines for e in t.events if not e.implicit}
    links = []
    for first, second in candidate_pairs(timelines):
        link = _link(first, second, features[id(first)], features[id(second)])
        if link is not None:
            links.append(link)
    return links


def _as_chiefs(link: EventLink) -> EventLink:
    """Two articles' chief events of one kind on the same day, neither with a name of its own:
    one happening, likely (two rulings or two crashes reported for one day are one story's far
    more often than two; two summits with different names are two)."""
    if link.certainty != "possible" or "same date" not in link.reason:
        return link
    return EventLink(link.first, link.second, "likely", f"{link.reason}; each its story's chief")


def chief_events(timeline: Timeline) -> dict[str, Event]:
    """The event of each kind an article tells most of: its crash, its ruling, its meeting
    (the one mentioned most, the first of equals)."""
    chief: dict[str, Event] = {}
    for event in timeline.events:
        if event.implicit:
            continue
        best = chief.get(event.family)
        if best is None or len(event.mentions) > len(best.mentions):
            chief[event.family] = event
    return chief


# A figure two stories share by chance is small or round; at least this many distinctive
# ones ("179", "181", "1.4万") say the articles report one story, in any language.
_SHARED_FIGURES = 2


def distinctive_figures(timeline: Timeline) -> frozenset[float | str]:
    """The distinctive figures an article reports: counts, amounts and measures of a hundred
    or more with two significant digits (260, 1,100; not 100 or 2,000), of three
    significant digits, or with a fraction ("6.8", "393.3"); not years. Counts from ten up
    of a thing the lexicon knows count with what they count ("40 gold-medal", "44
    silver-medal": a medal table's lines)."""
    found: set[float | str] = set()
    for mention in timeline.article.extraction.mentions:
        quantity = mention.quantity
        if quantity is None or quantity.kind not in ("count", "money", "measure", "percent"):
            continue
        value = quantity.low
        digits = _written_digits(value)
        if value.is_integer() and 1900 <= value <= 2100:
            continue  # a year
        thing = (quantity.counted or "").split(":")[0]
        if quantity.kind == "count" and quantity.exact and value >= 10 and thing in _THINGS:
            found.add(f"{value:g} {quantity.counted}")
        if (len(digits) >= 2 and value >= 100) or len(digits) >= 3 or not value.is_integer():
            # to four significant digits: "393亿" and "$39.3 billion" are one figure
            found.add(float(f"{value:.4g}"))
    return frozenset(found)


# Counted things whose exact counts say which story a figure is from
_THINGS = frozenset(
    "gold-medal silver-medal bronze-medal medal vote seat building aftershock country "
    "person".split()
)


def same_story(first: frozenset[float | str], second: frozenset[float | str]) -> bool:
    """Whether two articles' distinctive figures say they report one story: two shared, or
    one of four significant digits or more ("253,500" yuan), which chance seldom repeats."""
    shared = first & second
    return len(shared) >= _SHARED_FIGURES or any(_precise(value) for value in shared)


def _precise(value: float | str) -> bool:
    if isinstance(value, str):
        return False
    return len(_written_digits(abs(value))) >= 4


def _written_digits(value: float) -> str:
    """A value's digits as written to ten significant places, without the point or the
    zeros at either end: 393.3 → "3933", 2000 → "2", -12 → "-12"."""
    return f"{value:.10g}".replace(".", "").strip("0")


def _story_pairs(timelines: list[Timeline]) -> list[tuple[Event, Event, str]]:
    """The chief events of each kind of two articles that share distinctive figures: one
    story told twice, whatever the words ("济州航空" and "Jeju Air" share 179 and 181)."""
    figures = [distinctive_figures(t) for t in timelines]
    chiefs = [chief_events(t) for t in timelines]
    pairs = []
    for i, j in itertools.combinations(range(len(timelines)), 2):
        if not same_story(figures[i], figures[j]):
            continue
        shared = figures[i] & figures[j]
        shown = ", ".join(
            value if isinstance(value, str) else f"{value:g}"
            for value in sorted(shared, key=lambda v: (isinstance(v, str), str(v)))[:3]
        )
        for family in sorted(set(chiefs[i]) & set(chiefs[j])):
            if not _one_per_story(family):
                continue
            pairs.append(
                (chiefs[i][family], chiefs[j][family], f"same story (shared figures {shown})")
            )
    return pairs


def candidate_pairs(timelines: list[Timeline]) -> list[tuple[Event, Event]]:
    """The event pairs of different articles that ``link_pair`` could link, in the order of
    comparing every pair (article by article, then event by event).

    Blocking: events meet only within a family, and within it only when they share
    something a link is made of: a date range that overlaps, a topic word, a participant, a
    character of a specific name (a name similar enough shares one), or one of the first
    context words in rarity order (prefix filtering: two word sets whose Jaccard overlap is
    at least ``_CONTEXT_OVERLAP`` share one of them). A pair sharing none of these scores 0
    or less and is never a link, so nothing is lost.

    Complexity: with E events in all and P candidate pairs, O(E log E + W + P), W being the
    size of the key lists; all-pairs comparison was O(E^2). P grows with the pairs that do
    share a date or a name (the stories that are related), not with every pair: the same
    happening told N times costs N^2 (every pair is then a link to report), N articles on
    happenings of distinct families and dates far fewer. Dates alone cannot block: two
    events on different days that share a name still link, and that is how a wrong day
    across articles is found. benchmarks/cross.py prints P against all pairs.
    """
    members: list[tuple[int, int, Event]] = []  # in comparison order: article, then event
    families: dict[str, list[int]] = {}
    for article, timeline in enumerate(timelines):
        for position, event in enumerate(timeline.events):
            if not event.implicit:
                families.setdefault(event.family, []).append(len(members))
                members.append((article, position, event))
    found: set[tuple[int, int]] = set()
    for family in families.values():
        _add_pairs(family, members, found)

    def order(pair: tuple[int, int]) -> tuple[int, int, int, int]:
        first, second = members[pair[0]], members[pair[1]]
        return first[0], second[0], first[1], second[1]

    return [(members[i][2], members[j][2]) for i, j in sorted(found, key=order)]


def _add_pairs(family: list[int], members: list[tuple[int, int, Event]], found: set) -> None:
    """Add to ``found`` the pairs (i, j), i < j, of ``family``'s members (indices into
    ``members``, ascending) of different articles that share a date or a key."""
    article = {i: members[i][0] for i in family}

    def add_group(group: list[int]) -> None:  # ascending indices
        for index, i in enumerate(group):
            found.update((i, j) for j in group[index + 1 :] if article[j] != article[i])

    # overlapping dates: a sweep over the events in order of their first day
    dated = [i for i in family if members[i][2].date]
    dated.sort(key=lambda i: members[i][2].date.start)
    for index, i in enumerate(dated):
        end = members[i][2].date.end
        for j in dated[index + 1 :]:
            if members[j][2].date.start > end:
                break
            if article[i] != article[j]:
                found.add((i, j) if i < j else (j, i))
    # shared keys: an inverted index
    frequency: dict[str, int] = {}
    for i in family:
        for word in members[i][2].context_words:
            frequency[word] = frequency.get(word, 0) + 1
    postings: dict[tuple[str, str], list[int]] = {}
    for i in family:
        for key in _keys(members[i][2], frequency):
            postings.setdefault(key, []).append(i)
    for group in postings.values():
        if len(group) > 1:
            add_group(group)


def _keys(event: Event, frequency: dict[str, int]) -> set[tuple[str, str]]:
    keys = {("topic", word) for word in _topic_words(event)}
    keys |= {("participant", name) for name in event.participants}
    for mention in event.mentions:
        if mention.event is not None:
            keys |= _name_characters(specific_part(mention.event))
    words = sorted(event.context_words, key=lambda w: (frequency[w], w))
    # a Jaccard overlap of t needs at least floor(t * n) shared words of the n: one of the
    # first n - floor(t * n) + 1 in a common order (one word more than the exact bound)
    prefix = len(words) - math.floor(_CONTEXT_OVERLAP * len(words)) + 1
    keys |= {("context", word) for word in words[:prefix]}
    return keys


def _name_characters(specific: str) -> set[tuple[str, str]]:
    """Keys that two names ``same_name`` calls one always share: a fuzz ratio of at least 70
    needs a common character. Spaces count only in a name at least 35% spaces, since a pair
    sharing nothing but spaces reaches 70 only when both are."""
    spaces = sum(char.isspace() for char in specific)
    keep_spaces = specific and spaces >= 0.35 * len(specific)
    return {("char", c) for c in specific if keep_spaces or not c.isspace()}
