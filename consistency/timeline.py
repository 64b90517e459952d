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
from collections import defaultdict
from dataclasses import dataclass, replace

from consistency.claims import ArticleClaims
from consistency.model import Claim, Document, Event, ResolvedDate, TimeExpr, period_end

_MAX_STEPS = 3


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


def infer_publication(document: Document, article: ArticleClaims) -> Document:
    """The publication date from the text when nothing better is known: the latest date
    with a written year ("2026年开年" gives 2026)."""
    if document.published is not None:
        return document
    best: tuple[tuple[int, int, int], str] | None = None
    for mention in article.extraction.mentions:
        time = mention.time
        if time is None or time.kind != "date" or not time.year_explicit or time.year is None:
            continue
        key = (time.year, time.month or 1, time.day or 1)
        if best is None or key > best[0]:
            best = (key, time.grain)
    if best is None:
        return document
    (year, month, day), grain = best
    return replace(
        document,
        published=dt.date(year, month, day),
        published_from="text",
        published_grain=grain,
    )


def resolve_time(
    time: TimeExpr,
    reference: dt.date | None,
    reference_grain: str = "day",
    context_month: tuple[int, int] | None = None,
) -> ResolvedDate | None:
    """The date a time expression states, its missing year (and month) taken from the
    reading closest to the reference date."""
    if time.kind == "deictic":
        if reference is None or reference_grain != "day" or time.offset_days is None:
            return None
        return ResolvedDate(reference + dt.timedelta(days=time.offset_days), "day", True)
    if time.kind != "date":
        return None
    month = time.month
    if month is None and time.day is not None:
        if context_month is not None:
            month = context_month[1]
        elif reference is not None and reference_grain in ("day", "month"):
            month = reference.month
        else:
            return None
    if time.year_explicit and time.year is not None:
        return _make(time.year, month, time.day, time.grain, inferred=False)
    if reference is None:
        return None
    if reference_grain == "year" or month is None:
        return _make(reference.year, month, time.day, time.grain, inferred=True)
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        made = _make(year, month, time.day, time.grain, inferred=True)
        if made is not None:
            candidates.append((abs((made.start - reference).days), year, made))
    return min(candidates)[2] if candidates else None


def _make(
    year: int, month: int | None, day: int | None, grain: str, inferred: bool
) -> ResolvedDate | None:
    try:
        return ResolvedDate(dt.date(year, month or 1, day or 1), grain, inferred)
    except ValueError:  # 2月30日
        return None


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
    for _ in range(_MAX_STEPS):
        carried = []
        for candidate in frontier:
            event = _current_event(candidate)
            for relation in relations:
                if relation in candidate.via:
                    continue
                offset = _offset(relation)
                assert offset is not None
                if relation.other_event == event:
                    target, days = relation.event, offset
                elif relation.event == event:
                    target, days = relation.other_event, -offset
                else:
                    continue
                distance = abs(relation.mention.start - candidate.source.mention.start)
                carried.append(
                    (
                        target,
                        _Candidate(
                            ResolvedDate(
                                candidate.date.start + dt.timedelta(days=days),
                                "day",
                                candidate.date.year_inferred,
                            ),
                            candidate.source,
                            (*candidate.via, relation),
                            candidate.cost + 1 + distance / text_length,
                        ),
                    )
                )
        frontier = []
        for target, candidate in carried:
            if target is not None and target != candidate.source.event:
                candidates[target].append(candidate)
                frontier.append(candidate)
    events = tuple(
        replace(event, date=_choose(candidates.get(event.id, []))) for event in article.events
    )
    return Timeline(document, article, events, claim_dates)


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
    for claim in sorted(article.claims, key=lambda c: c.mention.start):
        time = claim.mention.time
        if claim.slot != "date" or time is None:
            continue
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
