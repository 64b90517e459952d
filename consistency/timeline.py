"""Timeline: partial dates completed from the publication date, relative timing resolved
against its anchor event, and one date chosen for each event.

An event's date is the one most of the article's statements agree on: each explicit date
attached to it counts, and so does each date carried to it through a relative expression
("2月5日,也就是那场大会的第二天" dates the meeting 2月4日). A date carried over fewer steps
from a nearby statement wins a tie. Statements that disagree with the chosen date are left
for the rules to report.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from consistency.claims import ArticleClaims
from consistency.extract.status import find_status
from consistency.model import Claim, Document, Event, ResolvedDate, period_end
from consistency.resolve import resolve_time

_MAX_STEPS = 3
# Dates are carried along at most this many paths in one article. Real articles need a few
# (15 at most in the fixtures, the seeds and a generated archive of 400); an article that
# repeats its relative expressions thousands of times would need millions (and gigabytes).
_MAX_CARRIED = 10_000


@dataclass(frozen=True)
class Timeline:
    """One article with its events dated and each date statement resolved."""

    document: Document
    article: ArticleClaims
    events: tuple[Event, ...]
    # the date each explicit date claim states, completed (year, month) where it was partial
    claim_dates: dict[Claim, ResolvedDate]

    def event(self, event_id: str) -> Event:
        return next(event for event in self.events if event.id == event_id)


# How a page names its own day: "今天(4月4日)", "今(4)日", "去(2024)年" (Taiwan, Hong Kong).
_TODAY_DATE = re.compile(r"今天?\s*[(（]\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]")
_PAREN_YEAR = re.compile(r"(去|今|明)\s*[(（]\s*(\d{4})\s*[)）]\s*年")
_YEAR_SHIFT = {"去": 1, "今": 0, "明": -1}


def infer_publication(document: Document, article: ArticleClaims) -> Document:
    """The publication date from the text when nothing better is known: the day the page
    calls today ("今天(4月4日)", with the year of "去(2024)年" or of the latest date with a
    written year), else the latest date with a written year ("2026年开年" gives 2026)."""
    if document.published is not None:
        return document
    folded = article.extraction.folded
    paren = _PAREN_YEAR.search(folded)
    year_now = int(paren.group(2)) + _YEAR_SHIFT[paren.group(1)] if paren else None
    best: tuple[tuple[int, int, int], str] | None = None
    for mention in article.extraction.mentions:
        time = mention.time
        if time is None or time.kind != "date" or not time.year_explicit or time.year is None:
            continue
        key = (time.year, time.month or 1, time.day or 1)
        if best is None or key > best[0]:
            best = (key, time.grain)
    today = _TODAY_DATE.search(folded)
    year = year_now or (best[0][0] if best else None)
    if today and year:
        try:
            day = dt.date(year, int(today.group(1)), int(today.group(2)))
        except ValueError:
            day = None
        if day is not None:
            return replace(document, published=day, published_from="text", published_grain="day")
    if year_now is not None:
        return replace(
            document,
            published=dt.date(year_now, 1, 1),
            published_from="text",
            published_grain="year",
        )
    if best is None:
        return document
    (year, month, day), grain = best
    return replace(
        document,
        published=dt.date(year, month, day),
        published_from="text",
        published_grain=grain,
    )


@dataclass(frozen=True)
class _Candidate:
    date: ResolvedDate
    source: Claim
    via: tuple[Claim, ...]
    cost: float


def build_timeline(article: ArticleClaims) -> Timeline:
    """Resolve every date statement and date every event of one article."""
    document = infer_publication(article.document, article)
    claim_dates = _resolve_claims(document, article)
    relations = [
        claim
        for claim in article.claims
        if claim.slot == "relation" and _offset(claim) is not None and claim.other_event
    ]
    candidates: dict[str, list[_Candidate]] = defaultdict(list)
    for claim, date in claim_dates.items():
        candidates[claim.event].append(_Candidate(date, claim, (), 0.0))
    text_length = max(1, len(document.text))
    frontier = [c for found in candidates.values() for c in found if c.date.grain == "day"]
    cheapest: dict[tuple[str, Claim, dt.date, bool], float] = {}
    links = _links(relations)
    budget = _MAX_CARRIED
    for _ in range(_MAX_STEPS):
        carried = _carry(frontier, links, text_length, budget)
        budget -= len(carried)
        frontier = []
        for target, candidate in carried:
            if target is None or target == candidate.source.event:
                continue
            # A date carried to an event from one statement is kept by its cheapest path
            # only: a dearer path to the same event, date and statement changes no choice
            # (_choose counts statements and takes each one's cheapest path), and carried on
            # it only multiplied (an article that repeats its relative expressions made
            # millions of paths, and gigabytes of them, at 100,000 characters).
            key = (target, candidate.source, candidate.date.start, candidate.date.year_inferred)
            if cheapest.get(key, math.inf) <= candidate.cost:
                continue
            cheapest[key] = candidate.cost
            candidates[target].append(candidate)
            frontier.append(candidate)
    if budget <= 0:
        warning = (
            f"relative timing: dates carried along the first {_MAX_CARRIED:,} paths only "
            "(the article repeats its relative expressions)"
        )
        document = replace(document, warnings=(*document.warnings, warning))
    events = tuple(
        replace(event, date=_choose(candidates.get(event.id, []))) for event in article.events
    )
    extraction = article.extraction
    year = document.published.year if document.published else None
    statuses = find_status(extraction.folded, extraction.language, extraction.segments, year)
    article = replace(article, statuses=tuple(statuses))
    return Timeline(document, article, events, claim_dates)


def _carry(
    frontier: list[_Candidate],
    links: dict[str, list[tuple[Claim, str | None, int]]],
    text_length: int,
    budget: int,
) -> list[tuple[str | None, _Candidate]]:
    """Each date of ``frontier`` carried one relation further, at most ``budget`` of them:
    (the event it reaches, the candidate)."""
    carried: list[tuple[str | None, _Candidate]] = []
    for candidate in frontier:
        for relation, target, days in links.get(_current_event(candidate), ()):
            if relation in candidate.via:
                continue
            if len(carried) == budget:
                return carried
            distance = abs(relation.mention.start - candidate.source.mention.start)
            date = ResolvedDate(
                candidate.date.start + dt.timedelta(days=days), "day", candidate.date.year_inferred
            )
            cost = candidate.cost + 1 + distance / text_length
            carried.append(
                (target, _Candidate(date, candidate.source, (*candidate.via, relation), cost))
            )
    return carried


def _links(relations: list[Claim]) -> dict[str, list[tuple[Claim, str | None, int]]]:
    """For each event, the relations that carry a date from it, in the article's order: (the
    relation, the event it carries the date to, the days it adds)."""
    links: dict[str, list[tuple[Claim, str | None, int]]] = defaultdict(list)
    for relation in relations:
        offset = _offset(relation)
        assert offset is not None and relation.other_event is not None
        links[relation.other_event].append((relation, relation.event, offset))
        if relation.event is not None and relation.event != relation.other_event:
            links[relation.event].append((relation, relation.other_event, -offset))
    return links


def _current_event(candidate: _Candidate) -> str:
    """The event a carried date has reached: the far end of its last relation."""
    event = candidate.source.event
    for relation in candidate.via:
        event = relation.other_event if relation.event == event else relation.event
    assert event is not None
    return event


def _offset(claim: Claim) -> int | None:
    time = claim.mention.time
    if time is None:
        return None
    if time.offset_days is not None:
        return time.offset_days
    return 0 if time.order == "same" else None


def _resolve_claims(document: Document, article: ArticleClaims) -> dict[Claim, ResolvedDate]:
    resolved = {}
    context_month: tuple[int, int] | None = None
    filed = article.filed
    for claim in sorted(article.claims, key=lambda c: c.mention.start):
        time = claim.mention.time
        if claim.slot != "date" or time is None:
            continue
        if time.kind == "deictic" and filed is not None and filed.grain == "day":
            # "yesterday" counts from the dateline: a story filed on the 5th and published
            # on the 7th still means the 4th
            date = resolve_time(time, filed.start, "day", context_month)
        else:
            date = resolve_time(time, document.published, document.published_grain, context_month)
        if date is None:
            continue
        if time.month is not None:
            context_month = (date.start.year, date.start.month)
        resolved[claim] = ResolvedDate(date.start, date.grain, date.year_inferred, (claim,))
    return resolved


def _choose(candidates: list[_Candidate]) -> ResolvedDate | None:
    """The date most independent statements agree on; fewer steps and nearer text win ties."""
    if not candidates:
        return None
    finest = (
        "day"
        if any(c.date.grain == "day" for c in candidates)
        else ("month" if any(c.date.grain == "month" for c in candidates) else "year")
    )
    # A day the article states for this very event outranks days carried to it through
    # relative expressions: when they disagree, the relative expression is what is wrong.
    stated = [c for c in candidates if c.date.grain == finest and not c.via]
    options = {c.date.start: c for c in (stated or candidates) if c.date.grain == finest}

    def support(start: dt.date) -> tuple[int, float]:
        agreeing = [
            c for c in candidates if c.date.start <= start <= period_end(c.date.start, c.date.grain)
        ]
        return len({c.source for c in agreeing}), -min(c.cost for c in agreeing)

    best_start = max(sorted(options), key=support)
    agreeing = sorted(
        (c for c in candidates if c.date.start <= best_start <= c.date.end),
        key=lambda c: (c.cost, c.source.mention.start),
    )
    best = agreeing[0]
    # The evidence: the best path from each of the first two statements that agree.
    paths = list({c.source: c for c in reversed(agreeing)}.values())
    paths.sort(key=lambda c: (c.cost, c.source.mention.start))
    sources = tuple(dict.fromkeys(claim for c in paths[:2] for claim in (c.source, *c.via)))
    return ResolvedDate(best_start, finest, best.date.year_inferred, sources)
