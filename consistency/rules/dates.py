"""D100 date conflicts and D101 year conflicts for one event."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from consistency.model import Claim, Discrepancy, Event, ResolvedDate
from consistency.qualifiers import zone_explains
from consistency.rules import Context, Rule, format_date, join_links, outnumbered
from consistency.timeline import Timeline


def _contains(outer: ResolvedDate, day: ResolvedDate) -> bool:
    return (outer.start <= day.start and day.end <= outer.end) or (
        day.start <= outer.start and outer.end <= day.end
    )


def _same_but_year(claim_date: ResolvedDate, event_date: ResolvedDate) -> bool:
    """True when the dates agree once the claim's year is replaced by the event's."""
    try:
        moved = ResolvedDate(
            claim_date.start.replace(year=event_date.start.year), claim_date.grain, False
        )
    except ValueError:
        return False
    return _contains(moved, event_date)


def _stating(timeline: Timeline, event: Event) -> list[Claim]:
    """The statement that gives the event its date in so many words ("2月4日"), else the
    one the date was carried from ("2月5日" of "第二天")."""
    dated = [c for c in event.date.sources if c.slot == "date"]
    exact = [c for c in dated if timeline.claim_dates[c].start == event.date.start]
    return (exact or dated)[:1]


def _published(context: Context, document_path: str) -> str:
    document = context.timeline(document_path).document
    if document.published is None:
        return "unknown"
    published = ResolvedDate(document.published, document.published_grain, False)
    return f"{format_date(published)} ({document.published_from})"


def _basis(context: Context, sources: tuple[Claim, ...]) -> str:
    return ", ".join(f"'{c.mention.text}' at {context.where(c)}" for c in sources[:3])


def check_dates(context: Context) -> Iterator[Discrepancy]:
    for timeline in context.timelines:
        for event in timeline.events:
            if event.date is None or event.implicit:
                continue
            for claim, claim_date in timeline.claim_dates.items():
                if claim.event != event.id or claim in event.date.sources:
                    continue
                # "今天", "yesterday" date the reporting as often as the event; they place
                # events on the timeline but are not held against a stated date.
                if claim.mention.time is not None and claim.mention.time.kind == "deictic":
                    continue
                if _contains(claim_date, event.date):
                    continue
                if claim_date.grain == "year" or _coordinated(timeline, claim):
                    # "2022年" dates an earlier one of its kind; "Thursday 29 May and Friday
                    # 30 May" the days of one span
                    continue
                inferred = (
                    f"; year {event.date.start.year} inferred from the publication date "
                    f"{_published(context, event.document)}"
                    if event.date.year_inferred
                    else ""
                )
                basis = _basis(context, event.date.sources)
                rule = YEAR_CONFLICT if _same_but_year(claim_date, event.date) else DATE_CONFLICT
                message = (
                    f"'{claim.mention.text}' ({context.where(claim)}) places the {event.label} in "
                    f"{format_date(claim_date)}, but the article dates it "
                    f"{format_date(event.date)} from {basis}{inferred}"
                )
                # A date resting on two statements (a date and the relation that carries
                # it) outweighs the one statement against it.
                certainty = (
                    "certain" if len(event.date.sources) >= 2 or event.identified else "likely"
                )
                # Evidence: the statement against the date and the dates it rests on; the
                # relations that carry them are named in the message.
                dated = _stating(timeline, event)
                explained = _explained(
                    claim, claim_date, [(c, timeline.claim_dates[c]) for c in dated]
                )
                if explained:
                    certainty, message = "possible", f"{message}; {explained}"
                yield context.discrepancy(rule, certainty, event.label, message, [claim, *dated])
    yield from _across_articles(context)


_COORDINATION = re.compile(r"\s*(?:and|or|to|through|和|与|及|或|至|到|、|-|–|—|~)\s*$")


def _coordinated(timeline: Timeline, claim: Claim) -> bool:
    """A date joined to another by "and", "和", "至" or a dash: one of a span's or a
    series' days."""
    folded = timeline.article.extraction.folded
    for other in timeline.article.extraction.mentions:
        if other.time is None or other.time.kind != "date" or other is claim.mention:
            continue
        for first, second in ((other, claim.mention), (claim.mention, other)):
            if 0 <= second.start - first.end <= 6 and _COORDINATION.fullmatch(
                folded, first.end, second.start
            ):
                return True
    return False


def _explained(
    claim: Claim, claim_date: ResolvedDate, others: list[tuple[Claim, ResolvedDate]]
) -> str | None:
    """Why two dates of one event are not an error: one is a plan and the other what
    happened ("原定于3月5日" / "3月6日举行"), or they are one moment in two time zones
    ("北京时间2月5日上午" / "Feb. 4, Washington time"). The explanation, else None."""
    for other, other_date in others:
        if claim.modality != other.modality:
            planned, held = (claim_date, other_date) if claim.modality else (other_date, claim_date)
            return (
                f"planned for {format_date(planned)}, reported for {format_date(held)}: "
                "a changed plan is news, not an error"
            )
        days = (other_date.start - claim_date.start).days
        if claim_date.grain == other_date.grain == "day" and zone_explains(
            claim.zone, other.zone, days
        ):
            return (
                f"'{claim.mention.text}' is {claim.zone.describe()}, '{other.mention.text}' "
                f"is {other.zone.describe()}: the same moment can fall on consecutive dates"
            )
    return None


_NEAR_DAYS = 7


def _same_happening(context: Context, link) -> bool:
    """Linked events whose articles would give them one date: the same name, or two
    stories mainly about one happening that date it days (not weeks) apart."""
    first, second = context.event(link.first), context.event(link.second)
    if first.date is None or second.date is None:
        return False
    if "same name" in link.reason or link.reason.startswith("same story"):
        return True
    return (
        context.is_main_event(first.id)
        and context.is_main_event(second.id)
        and abs((first.date.start - second.date.start).days) <= _NEAR_DAYS
    )


def _across_articles(context: Context) -> Iterator[Discrepancy]:
    """One row per happening that articles date differently, however many articles."""
    joined, used = join_links(link for link in context.links if _same_happening(context, link))
    # An event is surely joined only when every link that joined it is certain: links come
    # surest first, so the one written last is the least sure.
    certainty_of: dict[str, str] = {}
    for link in used:
        certainty_of[link.first] = certainty_of[link.second] = link.certainty
    for event_ids in joined.groups().values():
        events = _comparable_dates(
            _with_story_year(context, [context.event(event_id) for event_id in event_ids])
        )
        by_date: dict[str, list] = {}
        for event in events:
            by_date.setdefault(format_date(event.date), []).append(event)
        if len(by_date) < 2:
            continue
        dates = sorted(by_date)
        first, second = by_date[dates[0]][0].date, by_date[dates[1]][0].date
        rule = YEAR_CONFLICT if _same_but_year(first, second) else DATE_CONFLICT
        message = f"{events[0].label}: " + " vs ".join(
            f"{date} ("
            + "; ".join(_basis(context, e.date.sources[:1]) for e in by_date[date])
            + ")"
            for date in dates
        )
        sure = any(certainty_of[e.id] == "certain" for e in events)
        certainty = "likely" if sure else "possible"
        if len(dates) == 2:
            explained = _explained(
                by_date[dates[0]][0].date.sources[0],
                first,
                [(by_date[dates[1]][0].date.sources[0], second)],
            )
            if explained:
                certainty, message = "possible", f"{message}; {explained}"
        yield context.discrepancy(
            rule,
            certainty,
            events[0].label,
            message,
            [e.date.sources[0] for e in events],
            primary=[e.date.sources[0] for g in outnumbered(by_date.values()) for e in g],
        )


def _with_story_year(context: Context, events: list[Event]) -> list[Event]:
    """An event whose year was only guessed (its article states no publication date and the
    year came from the latest year it mentions, "2017年" of a precedent) takes the year the
    other articles give the happening: its month and day are what it states ("No year
    needed": 4月15日 against 4月4日 conflict in any year)."""
    years = [
        e.date.start.year for e in events if e.date is not None and not _guessed_year(context, e)
    ]
    if not years:
        return events
    year = max(set(years), key=lambda y: (years.count(y), -y))
    moved = []
    for event in events:
        if event.date is not None and _guessed_year(context, event):
            try:
                start = event.date.start.replace(year=year)
            except ValueError:
                moved.append(event)
                continue
            event = replace(event, date=replace(event.date, start=start))
        moved.append(event)
    return moved


def _guessed_year(context: Context, event: Event) -> bool:
    document = context.timeline(event.document).document
    return bool(event.date and event.date.year_inferred) and document.published_from in (
        "text",
        "unknown",
    )


def _comparable_dates(events: list[Event]) -> list[Event]:
    """The events of a happening whose dates are compared across articles: those dated to a
    day, and those dated to a month that holds none of those days; a bare year ("a sedan
    launched in 2024") dates a background more often than the story's happening."""
    days = [e for e in events if e.date is not None and e.date.grain == "day"]
    months = [
        e
        for e in events
        if e.date is not None
        and e.date.grain == "month"
        and not any(_contains(e.date, d.date) for d in days)
    ]
    return days + months


DATE_CONFLICT = Rule(
    code="D100",
    name="date-conflict",
    kind="date",
    title="One event given two different dates",
    doc=(
        "An event is dated one day in one place and another day elsewhere: within an "
        "article (a date attached to an event the article dates differently) or across "
        "articles that name the same event. Dates without a year take the year closest to "
        "the publication date, and the message says when it did. A planned date against "
        "the date it happened ('原定于3月5日') and a one-day difference that the time "
        "zones written with the dates explain ('Feb. 4, Washington time' / '2月5日北京时间') "
        "are info, with the explanation."
    ),
    example="3月4日举行的峰会 … vs … 3月5日的那场峰会",
    check=check_dates,
)
YEAR_CONFLICT = Rule(
    code="D101",
    name="year-conflict",
    kind="year",
    title="An event placed in a different year",
    doc=(
        "Month and day agree but the year does not: typically a year typed wrongly "
        "('2025年2月' in a 2026 story about a February 2026 meeting)."
    ),
    example="在2025年2月的那场会议上 (the meeting dated 2月4日 in a 2026 story)",
    check=lambda context: iter(()),
)
RULES = [DATE_CONFLICT, YEAR_CONFLICT]
