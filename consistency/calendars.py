"""Calendar arithmetic for holidays: fixed days, Easter, the Chinese lunar, Hebrew and Islamic
calendars, and the n-th weekday of a month.

A holiday rule is a short string kept in the language tables (``lang/zh.py``, ``lang/en.py``):

- ``fixed M-D``: the same Gregorian day every year (Christmas ``fixed 12-25``);
- ``easter N`` / ``orthodox N``: N days from Western / Orthodox Easter Sunday;
- ``lunar M-D``: the Chinese lunar month and day (``lunar 1-1`` is 春节; ``lunar 12-0`` the
  last day of the twelfth month, 除夕);
- ``term NAME``: a solar term (``term 清明``);
- ``hebrew M-D``: the Hebrew month (1 Nisan ... 7 Tishrei ... 13 Adar II) and day; Jewish
  holidays begin at sundown, so their first day is the evening before (``eve`` is implied);
- ``israel M-D``: a Hebrew date moved as Israel's Independence Day is;
- ``islamic M-D``: the Hijri month and day (Umm al-Qura);
- ``weekday M W N``: the N-th (``-1`` last) weekday W (0 Monday) of month M.

The lunar, Hebrew and Hijri conversions come from small pure-Python packages (lunar_python,
pyluach, hijridate), imported only when such a holiday is read.
"""

from __future__ import annotations

import datetime as dt
from functools import cache


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The ``nth`` (1-based; -1 the last) ``weekday`` of a month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return day if day.month == month else None
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


@cache
def holiday_date(rule: str, year: int) -> dt.date | None:
    """The first day of a holiday in a Gregorian year, or None if it cannot be computed."""
    kind, _, argument = rule.partition(" ")
    try:
        if kind == "fixed":
            month, day = (int(part) for part in argument.split("-"))
            return dt.date(year, month, day)
        if kind in ("easter", "orthodox"):
            from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

            method = EASTER_WESTERN if kind == "easter" else EASTER_ORTHODOX
            return easter(year, method) + dt.timedelta(days=int(argument))
        if kind == "weekday":
            month, weekday, nth = (int(part) for part in argument.split())
            return nth_weekday(year, month, weekday, nth)
        if kind == "lunar":
            month, day = (int(part) for part in argument.split("-"))
            for lunar_year in (year - 1, year):
                date = lunar_to_solar(lunar_year, month, day)
                if date is not None and date.year == year:
                    return date
            return None
        if kind == "term":
            return _solar_term(year, argument)
        if kind == "hebrew":
            return _hebrew(year, *(int(part) for part in argument.split("-")))
        if kind == "israel":
            # Yom Ha'atzmaut moves off the Sabbath's edges: Friday or Saturday to Thursday,
            # Monday to Tuesday; like the other Jewish days it begins the evening before.
            day = _hebrew(year, *(int(part) for part in argument.split("-")))
            if day is None:
                return None
            holiday = day + dt.timedelta(days=1)
            move = {4: -1, 5: -2, 0: 1}.get(holiday.weekday(), 0)
            return day + dt.timedelta(days=move)
        if kind == "islamic":
            return _islamic(year, *(int(part) for part in argument.split("-")))
    except (ImportError, ValueError, IndexError, OverflowError):
        return None
    return None


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date | None:
    """The Gregorian date of a Chinese lunar date; lunar year ``year`` (day 0: the month's
    last day)."""
    try:
        from lunar_python import LunarYear
    except ImportError:
        return None
    try:
        wanted = -month if leap else month
        lunar_month = next(
            (
                m
                for m in LunarYear.fromYear(year).getMonths()
                if m.getYear() == year and m.getMonth() == wanted
            ),
            None,
        )
        if lunar_month is None:
            return None
        days = lunar_month.getDayCount()
        if day == 0:
            day = days
        if not 1 <= day <= days:
            return None
        first = lunar_month.getFirstJulianDay()
    except Exception:  # the package raises bare Exception for dates it does not hold
        return None
    return dt.date(2000, 1, 1) + dt.timedelta(days=int(first - 2451545) + day - 1)


def _solar_term(year: int, name: str) -> dt.date | None:
    try:
        from lunar_python import Lunar
    except ImportError:
        return None
    table = Lunar.fromYmd(year, 6, 1).getJieQiTable()
    solar = table.get(name)
    if solar is None or solar.getYear() != year:
        return None
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _hebrew(year: int, month: int, day: int) -> dt.date | None:
    from pyluach import dates

    for hebrew_year in (year + 3760, year + 3761):
        try:
            date = dates.HebrewDate(hebrew_year, month, day).to_pydate()
        except ValueError:
            continue
        # Jewish holidays begin at sundown: the first day is the evening before.
        eve = date - dt.timedelta(days=1)
        if eve.year == year:
            return eve
    return None


def _islamic(year: int, month: int, day: int) -> dt.date | None:
    from hijridate import Hijri

    estimate = round((year - 622) * 33 / 32)
    for hijri_year in range(estimate - 1, estimate + 3):
        try:
            date = Hijri(hijri_year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            continue
        if date.year == year:
            return dt.date(date.year, date.month, date.day)
    return None
