"""T102: articles that give one event different times of day.

"客机于上午9时7分许坠毁" in one report and "上午約九時三分" in another; "lifted off at
13:08:39 IST" against "at 1:38 p.m.". Times written in different zones are compared once
converted; a time given as local time is converted with the offset an article of the same
story writes beside it ("09:03 local time (00:03 GMT)"). A round hour stands for the half
hour around it, a hedged one ("9时许", "about 5 p.m.") for 45 minutes either side.
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from collections.abc import Iterator

from consistency import resources
from consistency.model import Claim, Discrepancy
from consistency.rules import Context, Rule, agreeing_groups, outnumbered

_DAY = 24 * 60
# Minutes two times of one moment may differ by: a rounding
_EXACT = 2
# Times of one article cited, at most
_SHOWN = 3
_ROUND_HOUR = 30
_HEDGED_ROUND_HOUR = 45


def _facts(claim: Claim) -> dict:
    return dict(claim.mention.facts or ())


def _gap(first: int, second: int) -> int:
    """Minutes between two times of day, around midnight if shorter."""
    apart = abs(first - second) % _DAY
    return min(apart, _DAY - apart)


def _tolerance(claim: Claim) -> int:
    facts = _facts(claim)
    if facts["round"]:
        return _HEDGED_ROUND_HOUR if facts["hedged"] else _ROUND_HOUR
    return _EXACT


def _local_offsets(by_article: dict[str, list[Claim]]) -> set[float]:
    """The offsets from UTC that the articles of a happening write a local time with: a
    local time next to a time in a known zone ("09:03 local time (00:03 GMT)")."""
    offsets = set()
    for claims in by_article.values():
        for first, second in itertools.pairwise(sorted(claims, key=lambda c: c.mention.start)):
            a, b = _facts(first), _facts(second)
            if first.sentence != second.sentence or second.mention.start - first.mention.end > 16:
                continue
            if a["offset"] is None and b["offset"] is not None:
                offsets.add(((a["minute"] - b["minute"]) % _DAY) / 60 + b["offset"] % 24)
    return {offset % 24 for offset in offsets}


def _by_article(context: Context, event_ids: list[str]) -> dict[str, list[Claim]]:
    """Each article's times of a happening's events, those said in the clause of the event's
    word first ("9时5分发生6.8级地震" before "截至12时30分"), in text order."""
    wanted = set(event_ids)
    found: dict[str, list[Claim]] = defaultdict(list)
    for timeline in context.timelines:
        for claim in timeline.article.clocks:
            if claim.event in wanted:
                found[claim.document].append(claim)
    for claims in found.values():
        claims.sort(key=lambda c: (not _facts(c)["direct"], c.mention.start))
    return found


def _instant(context: Context, event_ids: list[str]) -> bool:
    """A happening of one moment (a crash, a quake, a liftoff), not one of hours (a vote,
    a hearing, a meeting) whose times are many moments of it."""
    families = resources.load("events")["families"]
    return all(
        families.get(context.event(event_id).family, {}).get("instant", False)
        for event_id in event_ids
    )


def _utc(claim: Claim, local: float | None) -> int | None:
    """Minutes after midnight UTC, when the zone (or the story's local zone) is known."""
    facts = _facts(claim)
    offset = facts["offset"] if facts["offset"] is not None else local
    if offset is None:
        return None
    return round(facts["minute"] - offset * 60) % _DAY


def _agree(first: Claim, second: Claim, local: float | None) -> bool | None:
    """Whether two times can be one moment; None when they cannot be compared."""
    a, b = _utc(first, local), _utc(second, local)
    if a is None or b is None:
        fa, fb = _facts(first), _facts(second)
        if fa["offset"] is not None or fb["offset"] is not None:
            return None  # a zone against no zone, and no local offset known
        a, b = fa["minute"], fb["minute"]
    return _gap(a, b) <= max(_tolerance(first), _tolerance(second))


def check_times_of_day(context: Context) -> Iterator[Discrepancy]:
    for event_ids, certainty in context.happenings():
        if not _instant(context, event_ids):
            continue
        by_article = _by_article(context, event_ids)
        if len(by_article) < 2:
            continue
        offsets = _local_offsets(by_article)
        also: dict[Claim, list[Claim]] = {}
        local = next(iter(offsets)) if len(offsets) == 1 else None
        # each article by its first time of the event (a story gives it first), with the
        # others that agree with it (the same moment in another zone)
        stated = []
        for path in sorted(by_article):
            first, *rest = by_article[path]
            stated.append(first)
            also[first] = [c for c in rest if _agree(first, c, local)][: _SHOWN - 1]
        groups = agreeing_groups(stated, functools.partial(_agree, local=local))
        comparable = [
            g
            for g in groups
            if any(_agree(g[0], o[0], local) is False for o in groups if o is not g)
        ]
        if len(comparable) < 2:
            continue
        yield _row(context, event_ids, certainty, comparable, also)


def _describe(claim: Claim) -> str:
    facts = _facts(claim)
    hours, minutes = divmod(facts["minute"], 60)
    zone = f" {facts['zone']}" if facts["zone"] else ""
    return f"{hours:02d}:{minutes:02d}{zone}"


def _row(
    context: Context,
    event_ids: list[str],
    certainty: str,
    groups: list[list[Claim]],
    also: dict[Claim, list[Claim]],
) -> Discrepancy:
    """One row: each article's times of the event (its first, and the same moment written
    again, in another zone), the odd ones out primary."""
    odd = [c for group in outnumbered(groups) for claim in group for c in (claim, *also[claim])]
    events = [context.event(event_id) for event_id in event_ids]
    label = next((e.label for e in events if not e.implicit), events[0].label)
    described = "; ".join(
        f"{_describe(group[0])} in " + ", ".join(context.where(c) for c in group[:3])
        for group in groups
    )
    return context.discrepancy(
        TIME_OF_DAY_CONFLICT,
        certainty,
        label,
        f"the {label} at different times of day: {described}",
        [c for group in groups for claim in group for c in (claim, *also[claim])],
        primary=odd,
    )


TIME_OF_DAY_CONFLICT = Rule(
    code="T102",
    name="time-of-day-conflict",
    kind="date",
    title="One event given different times of day",
    doc=(
        "Articles about one happening give its time of day differently ('上午9时7分许' vs "
        "'上午約九時三分', '13:08:39 IST' vs '1:38 p.m.'). Times in different zones are "
        "compared once converted ('5:17 p.m. local time (09:17 GMT)', 北京时间, KST, GMT); a "
        "local time is converted with the offset an article of the story writes beside it. "
        "Minutes apart by two or less agree; a round hour stands for the half hour around "
        "it, a hedged round hour ('9时许', 'about 5 p.m.') for 45 minutes either side. An "
        "article that gives one event several times is represented by the first said with "
        "the event's word. Only happenings of one moment are compared (crashes, quakes, "
        "launches: 'instant' in the event data), not votes or hearings, whose times are "
        "many moments."
    ),
    example="韩国当地时间上午9时7分许 … vs … 當地時間是廿九日上午約九時三分",
    check=check_times_of_day,
)
RULES = [TIME_OF_DAY_CONFLICT]
