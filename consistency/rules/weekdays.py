"""W100: a weekday that the calendar contradicts.

"2月4日（周二）", "周三（4日）", "on Thursday, Feb. 4": the calendar settles it, so when the
year is written (or taken from the publication date) the contradiction is certain.
"met on Friday" about an event the same article dates to a Monday of that week is likely
wrong too (the weekday's event is inferred from the sentence, hence a warning).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from consistency.extract.times import weekday_labels
from consistency.model import Claim, Discrepancy, Mention, ResolvedDate
from consistency.resolve import resolve_time
from consistency.rules import Context, Rule, format_date
from consistency.timeline import Timeline

_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NAMES_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def _pairs(timeline: Timeline) -> Iterator[tuple[int, Mention, Mention]]:
    """(stated weekday, weekday mention, date mention) for a weekday written with a date."""
    extraction = timeline.article.extraction
    times = [m for m in extraction.mentions if m.time is not None]
    return weekday_labels(times, extraction.folded)


def _agreeing_pairs(timeline: Timeline, claims: dict[Mention, Claim]) -> list[tuple]:
    """Weekdays written beside a date that the calendar bears out, named weeks included
    ("Last Friday (July 4th)"), as (weekday, weekday mention, date mention, its claim, day)."""
    extraction = timeline.article.extraction
    times = [m for m in extraction.mentions if m.time is not None]
    found = []
    for stated, weekday, date in weekday_labels(times, extraction.folded, named_weeks=True):
        if weekday is date:
            continue  # a weekday beside its date, not inside the date's words
        claim = claims.get(date)
        day = timeline.claim_dates.get(claim) if claim else None
        if day is None or day.grain != "day" or stated != day.start.weekday():
            continue
        found.append((stated, weekday, date, claim, day))
    return found


def _sure_year(document) -> bool:
    """Whether the publication date comes from the page, its front matter or the user, not
    guessed from the dates the text mentions."""
    return document.published is not None and document.published_from != "text"


def _weekday_names(stated: int, actual: int, language: str) -> tuple[str, str]:
    """The weekday as the article wrote it, and the calendar's ("Monday (周一)")."""
    if language == "zh":
        return _NAMES_ZH[stated], f"{_NAMES[actual]} ({_NAMES_ZH[actual]})"
    return _NAMES[stated], _NAMES[actual]


def check_weekdays(context: Context) -> Iterator[Discrepancy]:
    for timeline in context.timelines:
        document = timeline.document
        claims = {claim.mention: claim for claim in timeline.article.claims}
        labelled = []
        for stated, weekday, date_mention in _pairs(timeline):
            date_claim = claims.get(date_mention)
            resolved = (
                timeline.claim_dates.get(date_claim)
                if date_claim
                else resolve_time(date_mention.time, document.published)
            )
            # "Monday 21", "Sat 14th": with no month written, the weekday says which month
            if resolved is None or resolved.grain != "day" or date_mention.time.month is None:
                continue
            labelled.append((stated, weekday, date_mention, date_claim, resolved))
        agreeing = _agreeing_pairs(timeline, claims)
        for stated, weekday, date_mention, date_claim, resolved in labelled:
            actual = resolved.start.weekday()
            if stated == actual:
                continue
            if resolved.year_inferred and not _sure_year(document):
                # "Friday (June 27)" in a story whose year is only guessed from the dates it
                # mentions: the weekday says which year (2025's June 27 was a Friday)
                continue
            said, actual_name = _weekday_names(stated, actual, document.language)
            sentence = timeline.article.extraction.segments.sentence_at(weekday.start)
            event = date_claim.event if date_claim else ""
            quoted = [date_claim or Claim(document.path, event, "date", date_mention, sentence)]
            if weekday is not date_mention:
                quoted.append(Claim(document.path, event, "weekday", weekday, sentence))
            year = (
                f"; year {resolved.start.year} inferred from the publication date"
                if resolved.year_inferred
                else ""
            )
            message = (
                f"'{weekday.text}' ({context.where(quoted[-1])}) says {said}, but "
                f"{format_date(resolved)} is a {actual_name}{year}"
            )
            # the nearest pair of the same article that the calendar bears out shows the year
            # is right, and which day the weekday would be
            nearest = min(
                agreeing,
                key=lambda item: abs(item[2].start - date_mention.start),
                default=None,
            )
            support = []
            if nearest is not None:
                _, other_weekday, other_date, other, _ = nearest
                support = [other, Claim(document.path, event, "weekday", other_weekday, sentence)]
                # the stated weekday nearest to the date that was meant
                shift = (stated - resolved.start.weekday()) % 7
                named = resolved.start + dt.timedelta(days=shift if shift <= 3 else shift - 7)
                message += (
                    f"; '{other_weekday.text}' with '{other_date.text}' "
                    f"({context.where(other)}) agrees with the calendar: the nearest {said} is "
                    f"{format_date(ResolvedDate(named, 'day', False))}"
                )
            yield context.discrepancy(
                WEEKDAY_CONFLICT,
                "certain",
                context.event(event).label if event else format_date(resolved),
                message,
                [*quoted, *support],
                primary=quoted,
            )


# A bare weekday names a day of the week the story was written in: an event dated further
# from the dateline than this is not what "on Friday" refers to.
_WEEK_WINDOW_DAYS = 6


def check_bare_weekdays(context: Context) -> Iterator[Discrepancy]:
    """ "met on Friday" about an event the article dates, in the days around the dateline,
    to a Monday."""
    for timeline in context.timelines:
        document = timeline.document
        article = timeline.article
        reference = article.week_reference
        if reference is None:
            continue
        for claim in article.claims:
            if claim.slot != "weekday":
                continue
            event = context.event(claim.event)
            date = event.date
            if date is None or date.grain != "day" or claim in date.sources:
                continue
            if abs((date.start - reference).days) > _WEEK_WINDOW_DAYS:
                continue
            stated = claim.mention.time.weekday
            actual = date.start.weekday()
            if stated == actual:
                continue
            said, actual_name = _weekday_names(stated, actual, document.language)
            dated_by = [c for c in date.sources if c.slot == "date"][:1] or list(date.sources[:1])
            yield context.discrepancy(
                WEEKDAY_CONFLICT,
                "likely",
                event.label,
                f"'{claim.mention.text}' ({context.where(claim)}) puts {event.label} on a "
                f"{said}, but the article dates it {format_date(date)}, a {actual_name}"
                + (f" ({context.where(dated_by[0])})" if dated_by else ""),
                [claim, *dated_by],
            )


def _check(context: Context) -> Iterator[Discrepancy]:
    yield from check_weekdays(context)
    yield from check_bare_weekdays(context)


WEEKDAY_CONFLICT = Rule(
    code="W100",
    name="weekday-conflict",
    kind="weekday",
    title="A weekday written with a date that falls on another day",
    doc=(
        "A date and a weekday are written side by side ('2月4日（周二）', '周三（4日）', "
        "'on Thursday, Feb. 4') but the calendar puts the date on another day of the week. "
        "One of the two is wrong. When the year is not written it is taken from the "
        "publication date, and the message says so; a year only guessed from the dates a "
        "page mentions is not held against a weekday. The row also cites the nearest "
        "weekday and date of the article that the calendar bears out. A weekday alone "
        "('met on Friday') is checked against the date the article gives the same event, "
        "when that date is within six days of the dateline or publication date (a "
        "warning: which event the weekday belongs to is read from the sentence)."
    ),
    example="2月4日（周二） … in a 2026 story: 2026-02-04 is a Wednesday",
    check=_check,
)
RULES = [WEEKDAY_CONFLICT]
