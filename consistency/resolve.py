"""Resolving a time expression: the date "2月4日", "第二天" of 3月1日, "上周五" or "Easter"
names, read against a reference day (the publication date, or the day a story was filed).

The lowest layer of dating: it knows calendars, not articles or events (the timeline stage
dates events with it; the claims stage reads a dateline with it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from consistency.calendars import holiday_date, lunar_to_solar, nth_weekday
from consistency.model import ResolvedDate, TimeExpr, period_end


def resolve_time(
    time: TimeExpr,
    reference: dt.date | None,
    reference_grain: str = "day",
    context_month: tuple[int, int] | None = None,
    prefer: str = "closest",
) -> ResolvedDate | None:
    """The date a time expression states, its missing year (and month) taken from the
    reading closest to the reference date (``prefer="future"``: the next reading, as
    Duckling does; ``"past"``: the last one)."""
    if time.part is None and time.shift is None:
        return _resolve(time, reference, reference_grain, context_month, prefer)
    # a part of a date ("the first week of 2015") is kept as a period with no unit
    kind = "date" if time.kind == "period" and time.unit is None else time.kind
    base = replace(time, part=None, shift=None, kind=kind)
    made = _resolve(base, reference, reference_grain, context_month, prefer)
    if made is not None and time.part is not None:
        week = time.kind == "period" and time.unit == "week"
        made = _part(made, time.part, week, time.year_explicit, reference)
    for count, unit in time.shift or ():
        made = _shifted(made, count, unit) if made is not None else None
    if made is not None and time.part is not None and time.part.startswith("weekday "):
        # "Monday two weeks from now": that weekday of the (Sunday to Saturday) week reached
        sunday = made.start - dt.timedelta(days=(made.start.weekday() + 1) % 7)
        weekday = int(time.part.split()[1])
        made = ResolvedDate(sunday + dt.timedelta(days=(weekday + 1) % 7), "day", True)
    return made


# Where a part of a period starts, as the English corpora read it: a year's middle third
# from May, its last third from September ("the end of 2000"), but "the end of this year"
# (named from now) its second half; a month's middle from the 10th, its end from the 16th;
# a week's end from Thursday. "later this ..." starts no earlier than the reference day.
_YEAR_PARTS = {"early": 1, "earlier": 1, "mid": 5, "late": 9, "end": 9, "later": 7}
_MONTH_PARTS = {"early": 1, "earlier": 1, "mid": 10, "late": 16, "end": 16, "later": 16}
_WEEK_PARTS = {"early": 0, "earlier": 0, "mid": 2, "late": 3, "end": 3, "later": 3}


def _part(
    made: ResolvedDate, part: str, week: bool, explicit: bool, reference: dt.date | None
) -> ResolvedDate | None:
    start = made.start
    if part.startswith("weekday "):  # applied after the shift, in resolve_time
        return made
    if " " in part:  # "week 1", "month -4", "day 15", "quarter 1", "week 0" (the week of)
        unit, nth = part.split()
        return _nth_part(made, unit, int(nth), week)
    if part == "until-end":  # "by the end of 2024": what it bounds is the day after it
        last = made.end if not week else start + dt.timedelta(days=6)
        return ResolvedDate(last + dt.timedelta(days=1), "day", True)
    if part == "weekend":  # the Saturday nearest the day ("Halloween weekend")
        days = (5 - start.weekday()) % 7
        return ResolvedDate(start + dt.timedelta(days=days if days <= 3 else days - 7), "day", True)
    if week:
        start += dt.timedelta(days=_WEEK_PARTS[part])
    elif made.grain == "year":
        month = 7 if part == "end" and not explicit else _YEAR_PARTS[part]
        start = start.replace(month=month)
    elif made.grain == "month":
        start = start.replace(day=_MONTH_PARTS[part])
    if part == "later" and reference is not None:
        start = max(start, reference)
    return ResolvedDate(start, "day" if week or made.grain == "month" else "month", True)


def _nth_part(made: ResolvedDate, unit: str, nth: int, week: bool) -> ResolvedDate | None:
    """The nth week (a week belongs to the month or year holding its Thursday, as ISO weeks
    do), month, day or quarter of a period; from its end when nth is negative."""
    first = made.start
    last = first + dt.timedelta(days=6) if week else made.end
    if unit == "week":
        monday = first - dt.timedelta(days=first.weekday())
        if nth == 0:
            return ResolvedDate(monday, "day", True)
        if nth > 0:
            if monday + dt.timedelta(days=3) < first:
                monday += dt.timedelta(weeks=1)
            return ResolvedDate(monday + dt.timedelta(weeks=nth - 1), "day", True)
        monday = last - dt.timedelta(days=last.weekday())
        if monday + dt.timedelta(days=3) > last:
            monday -= dt.timedelta(weeks=1)
        return ResolvedDate(monday + dt.timedelta(weeks=nth + 1), "day", True)
    if unit == "day":
        day = first + dt.timedelta(days=nth - 1) if nth > 0 else last + dt.timedelta(days=nth + 1)
        return ResolvedDate(day, "day", True) if first <= day <= last else None
    if unit in ("month", "quarter") and made.grain == "year":
        step = 3 if unit == "quarter" else 1
        index = (nth - 1) * step if nth > 0 else 12 + nth * step
        if 0 <= index < 12:
            return ResolvedDate(first.replace(month=index + 1), "month", made.year_inferred)
    return None


def _shifted(made: ResolvedDate, count: int, unit: str) -> ResolvedDate:
    """ "3 days after January 12th", "two months from today": the start moved."""
    if unit in ("month", "year"):
        first = _add_months(made.start.replace(day=1), count * (12 if unit == "year" else 1))
        day = min(made.start.day, period_end(first, "month").day)
        return ResolvedDate(first.replace(day=day), made.grain, made.year_inferred)
    days = count * {"week": 7, "fortnight": 14}.get(unit, 1)
    return ResolvedDate(made.start + dt.timedelta(days=days), made.grain, made.year_inferred)


def _resolve(
    time: TimeExpr,
    reference: dt.date | None,
    reference_grain: str,
    context_month: tuple[int, int] | None,
    prefer: str,
) -> ResolvedDate | None:
    if time.kind == "deictic":
        if reference is None or reference_grain != "day" or time.offset_days is None:
            return None
        return ResolvedDate(reference + dt.timedelta(days=time.offset_days), "day", True)
    if time.kind in ("weekday", "period", "holiday", "clock", "relative"):
        if time.year_explicit and time.year is not None and time.kind in ("period", "holiday"):
            # "2021年的第二周", "2026年开斋节" need no reference
            reference = reference or dt.date(time.year, 1, 1)
            reference_grain = "day"
        if reference is None or reference_grain != "day":
            return None
        return _from_reference(time, reference, prefer)
    if time.kind != "date":
        return None
    if time.month_offset is not None and reference is not None and reference_grain == "day":
        first = _add_months(reference.replace(day=1), time.month_offset)
        return _make(first.year, first.month, time.day, time.grain, inferred=True)
    if time.year_offset is not None and reference is not None:
        made = _make(reference.year + time.year_offset, time.month, time.day, time.grain, True)
        return _lunar(made, time) if time.lunar else made
    month = time.month
    weekday_day = month is None and time.day is not None and time.weekday is not None
    if weekday_day and reference and context_month is None:
        # "Mon 13th": a month whose 13th is a Monday
        return _weekday_day(time.day, time.weekday, reference, prefer)
    if month is None and time.day is not None:
        if context_month is not None and (
            reference is None or reference_grain != "year" or context_month[0] == reference.year
        ):
            month = context_month[1]
        elif reference is not None and reference_grain in ("day", "month"):
            month = reference.month
            if _make(reference.year, month, time.day, "day", True) is None:
                # "29日" in February: the 29th of the month before or after, as preferred
                first = reference.replace(day=1)
                months = [_add_months(first, step) for step in (-1, 1)]
                readings = [_make(m.year, m.month, time.day, "day", True) for m in months]
                return _preferred([r for r in readings if r], reference, prefer)
        else:
            return None
    if time.year_explicit and time.year is not None:
        made = _make(time.year, month, time.day, time.grain, inferred=False)
        return _lunar(made, time) if time.lunar else made
    if reference is None:
        return None
    if reference_grain == "year" or month is None:
        return _make(reference.year, month, time.day, time.grain, inferred=True)
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        made = _make(year, month, time.day, time.grain, inferred=True)
        if made is not None and time.lunar:
            made = _lunar(made, time)
        if made is not None:
            candidates.append(made)
    return _preferred(candidates, reference, prefer)


def _weekday_day(day: int, weekday: int, reference: dt.date, prefer: str) -> ResolvedDate | None:
    first = reference.replace(day=1)
    candidates = []
    for step in range(-12, 13):
        month = _add_months(first, step)
        made = _make(month.year, month.month, day, "day", True)
        if made is not None and made.start.weekday() == weekday:
            candidates.append(made)
    return _preferred(candidates, reference, prefer)


def _preferred(
    candidates: list[ResolvedDate], reference: dt.date, prefer: str
) -> ResolvedDate | None:
    """The reading closest to the reference, or the next (or last) one from it."""
    if prefer == "future":
        candidates = [c for c in candidates if c.end >= reference] or candidates
        return min(candidates, key=lambda c: c.start, default=None)
    if prefer == "past":
        candidates = [c for c in candidates if c.start <= reference] or candidates
        return max(candidates, key=lambda c: c.start, default=None)
    return min(
        candidates,
        key=lambda c: 0 if c.start <= reference <= c.end else abs((c.start - reference).days),
        default=None,
    )


def _lunar(made: ResolvedDate | None, time: TimeExpr) -> ResolvedDate | None:
    """A lunar month and day ("农历十月初一") as the Gregorian day it falls on."""
    if made is None or time.month is None or time.day is None:
        return made
    solar = lunar_to_solar(made.start.year, time.month, time.day)
    return ResolvedDate(solar, "day", made.year_inferred) if solar else None


def _add_months(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _from_reference(time: TimeExpr, reference: dt.date, prefer: str) -> ResolvedDate | None:
    """Weekdays, calendar periods, holidays and clock times, read from the reference day."""
    if time.kind == "clock":
        return ResolvedDate(reference, "day", True)
    if time.kind == "relative":
        # "三天前" with no anchor written: counted from now (the checker anchors it to events)
        if time.unit != "day" or time.anchor is not None or time.offset_days is None:
            return None
        return ResolvedDate(reference + dt.timedelta(days=time.offset_days), "day", True)
    if time.kind == "holiday":
        return _holiday(time, reference, prefer)
    if time.kind == "weekday":
        return _weekday(time, reference, prefer)
    return _period(time, reference, prefer)


def _period(time: TimeExpr, reference: dt.date, prefer: str) -> ResolvedDate | None:
    unit, offset = time.unit or "", time.offset or 0
    if unit.startswith("half-"):
        year = time.year if time.year is not None else reference.year + (time.year_offset or 0)
        return _half(time, reference, year)
    if time.year is not None or time.year_offset is not None or time.nth is not None:
        return _period_in(time, reference, prefer)
    if unit == "quarter":  # "next quarter": the first day of the quarter after this one
        first = _add_months(
            dt.date(reference.year, (reference.month - 1) // 3 * 3 + 1, 1), 3 * offset
        )
        return ResolvedDate(first, "month", True)
    if unit == "month" and time.month is not None:  # "since August": the nearest August
        candidates = [
            ResolvedDate(dt.date(year, time.month, 1), "month", True)
            for year in (reference.year - 1, reference.year, reference.year + 1)
        ]
        return _preferred(candidates, reference, prefer)
    monday = reference - dt.timedelta(days=reference.weekday())
    if unit == "week":
        return ResolvedDate(monday + dt.timedelta(weeks=offset), "day", True)
    if unit == "month":
        first = _add_months(reference.replace(day=1), offset)
        return ResolvedDate(first, "month", True)
    if unit == "year":
        return ResolvedDate(dt.date(reference.year + offset, 1, 1), "year", True)
    if unit == "decade":  # "the next decade": from its first year
        return ResolvedDate(dt.date((reference.year // 10 + offset) * 10, 1, 1), "year", True)
    if unit == "day":
        return ResolvedDate(reference + dt.timedelta(days=offset), "day", True)
    # hours, minutes, seconds and "now" stay on the reference day (a date has no hours)
    return ResolvedDate(reference, "day", True)


def _period_in(time: TimeExpr, reference: dt.date, prefer: str) -> ResolvedDate | None:
    """Periods placed in a year or month: "2018年以后", "九十年代", "明年下半年",
    "2021年的第一周", "十月的第一周", and exact spans counted from now ("过去十年")."""
    unit, offset, nth = time.unit or "", time.offset or 0, time.nth
    inferred = not time.year_explicit
    year = time.year if time.year is not None else reference.year + (time.year_offset or 0)
    if nth == 0:  # an exact span from now: "过去十年" starts this day ten years ago
        if unit in ("year", "month"):
            months = offset * (12 if unit == "year" else 1)
            start = _add_months(reference.replace(day=1), months)
            day = min(reference.day, (period_end(start, "month")).day)
            return ResolvedDate(start.replace(day=day), "day", True)
        step = {"week": 7, "day": 1}.get(unit, 0)
        return ResolvedDate(reference + dt.timedelta(days=offset * step), "day", True)
    if unit in ("year", "decade"):
        if time.order == "after":
            return ResolvedDate(dt.date(year + 1, 1, 1), "year", inferred)
        return ResolvedDate(dt.date(year, 1, 1), "year", inferred)
    if unit.startswith("half-"):
        return _half(time, reference, year)
    if unit == "quarter" and nth is not None and 1 <= nth <= 4:  # "Q3 2019"
        return ResolvedDate(dt.date(year, 3 * nth - 2, 1), "month", inferred)
    if nth is None:
        return None
    if time.month is not None:
        candidates = []
        for candidate_year in (reference.year - 1, reference.year, reference.year + 1):
            first = dt.date(candidate_year, time.month, 1)
            start = _nth_in(first, period_end(first, "month"), unit, nth)
            if start is not None:
                candidates.append(ResolvedDate(start, "day", True))
        return _preferred(candidates, reference, prefer)
    start = _nth_in(dt.date(year, 1, 1), dt.date(year, 12, 31), unit, nth)
    return ResolvedDate(start, "day", inferred) if start else None


def _nth_in(first: dt.date, last: dt.date, unit: str, nth: int) -> dt.date | None:
    """The start of the nth (from 1; -N: the last N) week, month or day of a span."""
    if unit == "week":
        monday = first + dt.timedelta(days=(-first.weekday()) % 7)
        if nth > 0:
            return monday + dt.timedelta(weeks=nth - 1)
        last_monday = last - dt.timedelta(days=(last.weekday() + 1) % 7 + 6)
        if (last - last_monday).days >= 6 and last.weekday() == 6:
            last_monday = last - dt.timedelta(days=6)
        return last_monday + dt.timedelta(weeks=nth + 1)
    if unit == "month":
        month = nth if nth > 0 else 13 + nth
        return dt.date(first.year, month, 1) if 1 <= month <= 12 else None
    if unit == "day":
        return first + dt.timedelta(days=nth - 1) if nth > 0 else last + dt.timedelta(days=nth + 1)
    return None


def _half(time: TimeExpr, reference: dt.date, year: int) -> ResolvedDate | None:
    """ "上半年" (Jan 1), "下半年" (Jul 1), "上半月" (1st), "下半月" (16th), "下半周" (Thursday);
    "上个半年": the half-year before this one."""
    unit = time.unit
    if unit == "half-year":
        if time.nth is None:
            index = reference.year * 2 + (reference.month > 6) + (time.offset or 0)
            return ResolvedDate(dt.date(index // 2, 1 + 6 * (index % 2), 1), "day", True)
        return ResolvedDate(dt.date(year, 1 if time.nth == 1 else 7, 1), "day", not time.year)
    if unit == "half-month":
        first = reference.replace(day=1)
        return ResolvedDate(first.replace(day=1 if time.nth != 2 else 16), "day", True)
    monday = reference - dt.timedelta(days=reference.weekday())
    return ResolvedDate(monday + dt.timedelta(days=0 if time.nth != 2 else 3), "day", True)


def _weekday(time: TimeExpr, reference: dt.date, prefer: str) -> ResolvedDate | None:
    assert time.weekday is not None
    if time.nth is not None and time.month is not None:
        candidates = []
        for year in (reference.year - 1, reference.year, reference.year + 1):
            day = nth_weekday(year, time.month, time.weekday, time.nth)
            if day is not None:
                candidates.append(ResolvedDate(day, "day", True))
        return _preferred(candidates, reference, prefer)
    monday = reference - dt.timedelta(days=reference.weekday())
    if time.order in ("before", "after") and time.offset is None:  # "this past Wednesday"
        ahead = (time.weekday - reference.weekday()) % 7 or 7
        days = ahead if time.order == "after" else ahead - 7
        return ResolvedDate(reference + dt.timedelta(days=days), "day", True)
    if time.offset is not None and not (prefer == "future" and time.offset >= 0):
        day = monday + dt.timedelta(weeks=time.offset, days=time.weekday)
        return ResolvedDate(day, "day", True)
    # A bare weekday: the nearest one (the news default), or the next one (Duckling: strictly
    # after today for a bare weekday, from today on for "这周X"; "下周X" is the X after the
    # coming one when the coming one is still this week... kept simple: the next X).
    ahead = (time.weekday - reference.weekday()) % 7
    if prefer == "future":
        if ahead == 0 and time.offset is None:
            ahead = 7
        if time.offset is not None and time.offset > 0 and ahead == 0:
            ahead = 7
        return ResolvedDate(reference + dt.timedelta(days=ahead), "day", True)
    behind = ahead - 7 if ahead else 0
    if prefer == "past":
        return ResolvedDate(reference + dt.timedelta(days=behind), "day", True)
    days = ahead if ahead <= -behind else behind
    return ResolvedDate(reference + dt.timedelta(days=days), "day", True)


def _holiday(time: TimeExpr, reference: dt.date, prefer: str) -> ResolvedDate | None:
    assert time.holiday is not None
    shift = dt.timedelta(days=time.offset_days or 0)
    if time.year is not None or time.year_offset is not None:
        year = time.year if time.year is not None else reference.year + (time.year_offset or 0)
        day = holiday_date(time.holiday, year)
        return ResolvedDate(day + shift, "day", time.year is None) if day else None
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        day = holiday_date(time.holiday, year)
        if day is not None:
            candidates.append(ResolvedDate(day + shift, "day", True))
    if time.order == "before":  # "last Easter": the one before the reference day
        return max(
            (c for c in candidates if c.start < reference), key=lambda c: c.start, default=None
        )
    if time.order == "after":  # "next Easter"
        return min(
            (c for c in candidates if c.start > reference), key=lambda c: c.start, default=None
        )
    return _preferred(candidates, reference, prefer)


def _make(
    year: int, month: int | None, day: int | None, grain: str, inferred: bool
) -> ResolvedDate | None:
    try:
        return ResolvedDate(dt.date(year, month or 1, day or 1), grain, inferred)
    except ValueError:  # 2月30日
        return None
