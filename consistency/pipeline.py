"""The whole check, one stage after another: files -> Document -> Mentions -> Claims ->
Timeline -> Events -> Discrepancies -> Report."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from consistency import resources
from consistency.archive import candidates
from consistency.config import Config
from consistency.extract import extract_mentions
from consistency.extract.times import weekday_labels
from consistency.lang import detect_language
from consistency.link import link_events
from consistency.model import (
    Discrepancy,
    Mention,
    Report,
    ResolvedDate,
    TimeExpr,
    copy_with,
)
from consistency.read import read_timelines
from consistency.resolve import resolve_time
from consistency.rules import Context, in_report_order, run_rules
from consistency.suppress import apply_suppressions


def check(paths: Sequence[str], *, against: str | None = None, **options: Any) -> Report:
    """Check articles within themselves and against each other (options as read_timelines),
    and against the archived articles of the index ``against`` that may report the same
    happenings (only findings that involve a checked article are kept).

    Findings then pass the articles' inline suppressions and their configuration's rule
    levels (a level replaces the computed severity; ``off`` drops the rule).
    """
    reading = read_timelines(paths, **options)
    with resources.additions(reading.additions):
        archived = []
        if against:
            archived = candidates(against, reading.timelines)
        # in path order, so that the order the files were given in changes nothing
        checked = sorted(reading.timelines + archived, key=lambda t: t.document.path)
        context = Context(checked, link_events(checked))
        found = run_rules(context)
    if archived:  # what the archive says against itself is not this submission's business
        new = {timeline.document.path for timeline in reading.timelines}
        found = [item for item in found if any(claim.path in new for claim in item.claims)]
    timelines = sorted(reading.timelines, key=lambda t: t.document.path)
    documents = [timeline.document for timeline in timelines]
    kept, unused = apply_suppressions(found, documents)
    first = next(iter(reading.configs.values()), Config())
    return Report(
        documents=tuple(documents),
        discrepancies=tuple(_with_rule_levels([*kept, *unused], reading.configs)),
        errors=tuple(reading.errors),
        skipped=reading.skipped,
        claims=sum(len(t.article.claims) for t in timelines),
        fail_level=first.fail_level,
        min_level=first.min_level,
        timelines=tuple(timelines),
    )


def _with_rule_levels(
    discrepancies: Sequence[Discrepancy], configs: dict[str, Config]
) -> list[Discrepancy]:
    """Apply ``rules: {CODE: level|off}`` of the configuration governing each finding's first
    file."""
    adjusted = []
    for item in discrepancies:
        config = next((configs[c.path] for c in item.claims if c.path in configs), None)
        level = config.rules.get(item.rule) if config else None
        if level == "off":
            continue
        adjusted.append(replace(item, severity=level) if level else item)
    return in_report_order(adjusted)


def mentions(
    text: str,
    reference: dt.date | dt.datetime | str | None = None,
    language: str | None = None,
    prefer: str = "closest",
) -> list[Mention]:
    """Every mention in ``text``; absolute and deictic times resolved against ``reference``.

    ``prefer`` picks among the readings of a date that leaves something out (a year, a
    week): ``closest`` to the reference (the news default, also used by the checker),
    ``future`` (the next one, as Duckling reads "星期一" or "春节") or ``past``.
    """
    if isinstance(reference, str):
        reference = _reference_day(reference)
    elif isinstance(reference, dt.datetime):
        reference = reference.date()
    extraction = extract_mentions(text, language or detect_language(text))
    # the time mentions, listed once for the tests below and the labels
    times = [mention for mention in extraction.mentions if mention.time is not None]
    if not times:
        return list(extraction.mentions)  # nothing to resolve (most sentences)
    labels = _weekday_labels(times, extraction.folded)
    resolved = []
    context_month = None
    for mention in extraction.mentions:
        if mention.time is not None:
            date = _resolved(mention.time, reference, context_month, prefer)
            if date is not None and mention.start in labels and not mention.time.year_explicit:
                date = _year_of_weekday(date, labels[mention.start][1])
            if date is not None:
                if mention.time.month is not None:
                    context_month = (date.start.year, date.start.month)
                mention = copy_with(mention, resolved=(date.start, date.end, date.grain))
        resolved.append(mention)
    if not labels:
        return resolved
    # the weekday that labels a date names that day, not the nearest such weekday
    days = {m.start: m.resolved for m in resolved if m.start in labels and m.resolved}
    weekdays = {labels[start][0]: day for start, day in days.items()}
    return [
        copy_with(m, resolved=weekdays[m.start])
        if m.start in weekdays and weekdays[m.start][0].weekday() == m.time.weekday
        else m
        for m in resolved
    ]


@functools.lru_cache(maxsize=64)
def _reference_day(reference: str) -> dt.date:
    return dt.datetime.fromisoformat(reference).date()


@functools.lru_cache(maxsize=4096)
def _resolved(
    time: TimeExpr, reference: dt.date | None, context_month: tuple[int, int] | None, prefer: str
) -> ResolvedDate | None:
    """resolve_time against a day, kept: a pure function of hashable, immutable arguments,
    and news repeats its dates."""
    return resolve_time(time, reference, "day", context_month, prefer)


# mentions() reads a weekday as a date's label only across spaces, commas and brackets
# ("周日, 二月十号", "2月4日（周三）")
_LABEL_GAP = re.compile(r"[\s,，、(（)）]{0,3}")


def _weekday_labels(times: list[Mention], folded: str) -> dict[int, tuple[int, int]]:
    """Start of each date (with its day) that a weekday of no named week labels -> (the
    weekday's start, its weekday); ``times``: the time mentions of the text."""
    return {
        date.start: (weekday.start, stated)
        for stated, weekday, date in weekday_labels(times, folded, _LABEL_GAP)
        if date.time.day is not None and weekday.time.offset is None
    }


def _year_of_weekday(date: ResolvedDate, weekday: int) -> ResolvedDate:
    """A month and day with its weekday written: the nearest year in which that day falls
    on that weekday ("周日, 二月十号" read in 2013 is 2013-02-10, not 2014)."""
    if date.grain != "day" or date.start.weekday() == weekday:
        return date
    for distance in (1, 2, 3):
        for year in (date.start.year - distance, date.start.year + distance):
            try:
                day = date.start.replace(year=year)
            except ValueError:
                continue
            if day.weekday() == weekday:
                return replace(date, start=day)
    return date
