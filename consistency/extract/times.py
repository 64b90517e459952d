"""Time expressions: dates, weekdays, and timing relative to an event or to the dateline."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from consistency.extract.prefilter import AnyOf, Scanner, english_scanner
from consistency.lang import LazyModule, zh
from consistency.model import Mention, TimeExpr, make, new_mention, template
from consistency.segment import Segments

# English patterns load with the first English text (start-up of a Chinese check).
en = LazyModule("consistency.lang.en", globals(), "en")

# The readers build TimeExpr with model.make: the frozen dataclass's own __init__ sets its
# 19 fields one by one and costs three times as much, once per match.

# Anchors written as "X后" must name something: "然后", "最后", "随后" are not anchors.
_MIN_ANCHOR_CHARS = 2

# The Chinese patterns behind a first-character filter (prefilter.py): skipped when a text
# has none of the characters a match can start with.
_DATE = Scanner(zh.DATE)
_WEEKDAY = Scanner(zh.WEEKDAY)
_PERIOD = Scanner(zh.PERIOD)
_HOLIDAY = Scanner(zh.HOLIDAY)
_CLOCK = Scanner(zh.CLOCK)
_RELATIVE = Scanner(zh.RELATIVE)
# Every Chinese time reader reads one of these: when none can match (a sentence in three),
# there is no time to find (_chinese_times calls the readers of those that can).
_ANY_TIME = AnyOf(_DATE, _RELATIVE, _WEEKDAY, _PERIOD, _HOLIDAY, _CLOCK)


def find_times(text: str, folded: str, language: str, segments: Segments) -> list[Mention]:
    """Absolute and relative time mentions in ``folded`` (offsets shared with ``text``)."""
    if language == "en":
        found = _english_dates(folded) + _english_word_dates(folded)
        found += _relatives(folded, segments, english_scanner("RELATIVE").finditer(folded), "en")
        found += _weekdays(folded, language) + _english_periods(folded)
        kept = _english_compounds(folded, _without_overlaps(found))
    else:
        kept = _chinese_times(folded, segments)  # (at once when no time scanner can match)
        if not kept:
            return []
    return [
        new_mention(_TIME_MENTION, text[start:end], start, end, "time", time)
        for start, end, time in kept
    ]


# (tests/test_speedups.py holds the template against the dataclass, every field)
_TIME_MENTION = template(Mention, kind="time")


def _chinese_times(folded: str, segments: Segments) -> list[tuple[int, int, TimeExpr]]:
    """The Chinese time spans of ``folded``, overlaps resolved, times of day joined.

    Only the readers whose scanner's gates pass are called (one kept answer per character
    mask, prefilter.AnyOf): most texts that may hold a time can hold one kind or two."""
    found: list[tuple[int, int, TimeExpr]] = []
    clocks: Iterable[re.Match[str]] = ()
    for scanner in _ANY_TIME.passing(folded):
        matches = scanner.finditer(folded)
        if not matches:
            continue
        if scanner is _CLOCK:  # (the last: the times of day join the spans found)
            clocks = matches
        elif scanner is _RELATIVE:
            found += _relatives(folded, segments, matches, "zh")
        else:
            found += _PLAIN_READERS[scanner](matches)
    if len(found) > 1:
        found = _without_overlaps(found)
    # without a clock time the spans stand as they are (already in text order)
    return _with_times_of_day(folded, found, clocks) if clocks else found


def _without_overlaps(
    found: list[tuple[int, int, TimeExpr]],
) -> list[tuple[int, int, TimeExpr]]:
    """Keep the longest of overlapping matches (dates win ties), in text order."""
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, TimeExpr]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def _chinese_dates(
    matches: Iterable[re.Match[str]],
) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in matches:
        groups = match.groupdict()
        time = _chinese_date(groups)
        if time is not None and (_valid(time) or groups["era"]):
            start = match.start()
            # "农历 2015年": the space after 农历 is not part of the quote's start
            found.append((start, match.end(), time))
    return found


def _number(text: str | None) -> int | None:
    if not text:
        return None
    value = zh.parse_number(text.replace("廿", "二十").replace("卅", "三十"))
    return int(value) if value is not None else None


def _chinese_year(text: str) -> int | None:
    """ "2026", "二〇二六", "18" (2018), "零八" (2008)."""
    value = _number(text)
    if value is None:
        return None
    if len(text) == 2:
        # two-digit years: the nearest century reading, 1950-2049
        value += 2000 if value < 50 else 1900
    return value


def _chinese_date(groups: dict[str, str | None]) -> TimeExpr | None:
    if groups["lmonth"]:
        month_text = groups["lmonth"].lstrip("闰")
        day_text = groups["lday"] or ""
        month = {"正": 1, "冬": 11, "腊": 12}.get(month_text) or _number(month_text)
        day = _number(day_text.lstrip("初"))
        year = _chinese_year(groups["lyear"]) if groups["lyear"] else None
        lunar = bool(groups["lunar"]) or month_text in "正冬腊" or day_text[:1] in "初廿"
        return make(
            TimeExpr,
            kind="date",
            year=year,
            month=month,
            day=day,
            year_explicit=year is not None,
            lunar=lunar,
        )
    if groups["iso_year"]:
        return make(
            TimeExpr,
            kind="date",
            year=int(groups["iso_year"]),
            month=int(groups["iso_month"]),
            day=int(groups["iso_day"]),
            year_explicit=True,
        )
    if groups["us_year"]:
        year = int(groups["us_year"])
        year += 0 if year >= 100 else 2000 if year < 50 else 1900
        return make(
            TimeExpr,
            kind="date",
            year=year,
            month=int(groups["us_month"]),
            day=int(groups["us_day"]),
            year_explicit=True,
        )
    if groups["year_only"]:
        year = _chinese_year(groups["year_only"])
        if groups["range_from"]:
            # "1995-1997年": the range starts with its first year
            year = int(groups["range_from"])
        if groups["year_mod"] or groups["range_from"]:
            # "2018年以后", "2015年以来": a span from (or up to) a year, not a date of an event
            after = groups["year_mod"] is not None and groups["year_mod"].endswith("后")
            return make(
                TimeExpr,
                kind="period",
                year=year,
                year_explicit=True,
                unit="year",
                order="after" if after else None,
            )
        return make(TimeExpr, kind="date", year=year, year_explicit=True)
    if groups["era"]:
        first = zh.ERAS[groups["era"]]
        count = 1 if groups["era_year"] == "元" else _number(groups["era_year"])
        if count is None:
            return None
        month_text = groups["era_month"]
        month = 1 if month_text == "正" else _number(month_text)
        day_text = groups["era_day"] or ""
        return make(
            TimeExpr,
            kind="date",
            year=first + count - 1,
            month=month,
            day=_number(day_text.lstrip("初")),
            year_explicit=True,
            lunar=day_text.startswith("初") or month_text == "正",
        )
    if groups["lone_day"]:
        return make(TimeExpr, kind="date", day=int(groups["lone_day"]))
    if groups["paren_day"]:
        return make(TimeExpr, kind="date", day=int(groups["paren_day"]))
    if groups["paren_year_only"]:
        return make(TimeExpr, kind="date", year=int(groups["paren_year_only"]), year_explicit=True)
    if groups["rel_month"]:
        return make(
            TimeExpr,
            kind="date",
            day=_number(groups["rday"]),
            month_offset=zh.RELATIVE_MONTHS[groups["rel_month"]],
        )
    year = _chinese_year(groups["year"]) if groups["year"] else None
    if groups["paren_year"]:
        year = int(groups["paren_year"])
    year_offset = zh.RELATIVE_YEARS.get(groups["rel_year"] or "")
    return make(
        TimeExpr,
        kind="date",
        year=year,
        month=_number(groups["month"]),
        day=_number(groups["day"]),
        year_explicit=year is not None,
        year_offset=year_offset,
    )


def _chinese_weekdays(
    matches: Iterable[re.Match[str]],
) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in matches:
        if match.group("weekday"):
            week = match.group("week")
            time = make(
                TimeExpr,
                kind="weekday",
                weekday=zh.WEEKDAYS[match.group("weekday")],
                offset=zh.WEEK_OFFSETS[week] if week else None,
            )
        elif match.group("weekend"):
            week = match.group("weekend_week")
            time = make(
                TimeExpr,
                kind="weekday",
                weekday=5,
                offset=zh.WEEK_OFFSETS[week] if week else None,
                unit="weekend",
            )
        else:
            nth = -1 if match.group("last") else _number(match.group("nth"))
            time = make(
                TimeExpr,
                kind="weekday",
                month=_number(match.group("nth_month")),
                weekday=zh.WEEKDAYS[match.group("nth_weekday")],
                nth=nth,
            )
        found.append((match.start(), match.end(), time))
    return found


def _chinese_periods(
    matches: Iterable[re.Match[str]],
) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in matches:
        groups = match.groupdict()
        if groups["year_word"]:
            word = groups["year_word"]
            offset = 0 if word in ("本年", "这一年") else zh.RELATIVE_YEARS[word]
            time = make(TimeExpr, kind="period", unit="year", offset=offset)
        elif groups["week_rel"]:
            offset = zh.WEEK_OFFSETS[groups["week_rel"]]
            time = make(TimeExpr, kind="period", unit=_unit(groups["unit"]), offset=offset)
        elif groups["span_rel"]:
            count = _count(groups["span_count"])
            if count is None:
                continue
            rel = groups["span_rel"]
            past = rel in zh.PERIOD_OFFSETS
            unit = _unit(groups["span_unit"])
            if rel in zh.EXACT_SPANS:
                # "过去十年": the ten years up to now, from this day ten years ago
                time = make(
                    TimeExpr, kind="period", unit=unit, offset=-count if past else count, nth=0
                )
            else:
                # "上两个月": the two whole months before this one; "下三天": from tomorrow
                time = make(TimeExpr, kind="period", unit=unit, offset=-count if past else 1)
        elif groups["half"]:
            half = groups["half"]
            year = _chinese_year(groups["half_year"]) if groups["half_year"] else None
            rel = groups["half_rel_year"]
            time = make(
                TimeExpr,
                kind="period",
                year=year,
                year_explicit=year is not None,
                year_offset=zh.RELATIVE_YEARS[rel] if rel else None,
                unit="half-" + _unit(groups["half_unit"]),
                nth=1 if half in ("上", "前") else 2 if half in ("下", "后") else None,
                offset=-1 if half == "上个" else 1 if half == "下个" else 0,
            )
        elif groups["decade"]:
            decade = _number(groups["decade"]) or 0
            century = _number(groups["century"]) if groups["century"] else None
            base = (century - 1) * 100 if century else (1900 if decade >= 30 else 2000)
            time = make(
                TimeExpr, kind="period", year=base + decade, year_explicit=True, unit="decade"
            )
        elif groups["in_unit"]:
            year = _chinese_year(groups["in_year"]) if groups["in_year"] else None
            rel = groups["in_rel_year"]
            if groups["in_nth"]:
                nth = _count(groups["in_nth"])
            elif groups["in_first"]:
                nth = 1
            else:
                last = groups["in_last_count"]
                nth = -(_count(last) or 0) if last else -1
            if not nth:
                continue
            time = make(
                TimeExpr,
                kind="period",
                year=year,
                month=_number(groups["in_month"]) if groups["in_month"] else None,
                year_explicit=year is not None,
                year_offset=zh.RELATIVE_YEARS[rel] if rel else None,
                unit=_unit(groups["in_unit"]),
                nth=nth,
            )
        elif groups["ago_count"]:
            count = _count(groups["ago_count"])
            if count is None:
                continue
            unit = (
                zh.PERIOD_UNITS[groups["ago_unit"].removesuffix("钟")]
                if groups["ago_unit"] not in ("钟", "钟头")
                else "hour"
            )
            time = make(
                TimeExpr,
                kind="period",
                unit=unit,
                offset=-count if groups["ago"] == "前" else count,
            )
        else:
            time = make(TimeExpr, kind="period", unit="now", offset=0)
        found.append((match.start(), match.end(), time))
    return found


def _unit(word: str) -> str:
    return zh.PERIOD_UNITS.get(word) or zh.PERIOD_UNITS[word.removesuffix("钟")]


def _count(text: str) -> int | None:
    if text in ("几", "数"):
        return None
    if text == "半":
        return None
    return _number(text)


def _chinese_holidays(
    matches: Iterable[re.Match[str]],
) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in matches:
        year = _chinese_year(match.group("year")) if match.group("year") else None
        rel = match.group("rel_year")
        time = make(
            TimeExpr,
            kind="holiday",
            year=year,
            year_explicit=year is not None,
            year_offset=zh.RELATIVE_YEARS[rel] if rel else None,
            holiday=zh.HOLIDAY_RULES[match.group("name")],
            offset_days=zh.HOLIDAY_SHIFTS.get(match.group("shift") or "", 0),
        )
        found.append((match.start(), match.end(), time))
    return found


# The readers that need only their scanner's matches (_chinese_times calls the others).
_PLAIN_READERS = {
    _DATE: _chinese_dates,
    _WEEKDAY: _chinese_weekdays,
    _PERIOD: _chinese_periods,
    _HOLIDAY: _chinese_holidays,
}

# Kinds that name a day, which a following time of day belongs to.
_DAY_KINDS = ("date", "deictic", "weekday", "holiday")


def _with_times_of_day(
    folded: str, kept: list[tuple[int, int, TimeExpr]], clocks: Iterable[re.Match[str]]
) -> list[tuple[int, int, TimeExpr]]:
    """Join a time of day to the day before it ("2月15号早上", "今晚8点"); keep clock times
    that stand alone when they are surely times ("下午三点", "15:30的时候")."""
    result: list[tuple[int, int, TimeExpr]] = []
    position = 0
    for match in clocks:
        start, end = match.span()
        if end == start:
            continue
        while position < len(kept) and kept[position][1] <= start:
            result.append(kept[position])
            position += 1
        if position < len(kept) and kept[position][0] < end:
            continue  # inside a time already found
        if result:
            # what ends right before it (every span in result ends at or before ``start``)
            day_start, day_end, day = result[-1]
            if (
                start - day_end <= 1
                and folded[day_end:start].strip(" ,") == ""
                and day.kind in _DAY_KINDS
                and (day.kind != "date" or day.grain == "day")
            ):
                result[-1] = (day_start, end, day)
                continue
        if _surely_clock(folded, match):
            result.append((start, end, make(TimeExpr, kind="clock")))
    # in text order already: a clock time is kept only before the next span found
    result.extend(kept[position:])
    return result


def _surely_clock(folded: str, match: re.Match[str]) -> bool:
    if match.group("tod_only"):
        return False
    if match.group("tod") or match.group("ampm") or match.group("ampm_only"):
        return True
    minute = match.group("minute")
    if match.group("hour") and minute and minute[-1:] in "分整半刻":
        return True
    if match.group("hour") and folded.startswith("点钟", match.end("hour")):
        return True
    return bool(zh.CLOCK_TAIL.match(folded, match.end()))


def _english_day(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lower()
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    if text in en.ORDINALS:
        return en.ORDINALS[text]
    tens, _, unit = text.replace(" ", "-").partition("-")
    if not unit:  # "twentyfirst"
        tens, unit = text[:6].rstrip("-"), text[6:]
    return {"twenty": 20, "thirty": 30}.get(tens, 0) + en.ORDINALS.get(unit, 0) or None


def _english_dates(folded: str) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in english_scanner("DATE").finditer(folded):
        groups = {key: value for key, value in match.groupdict().items() if value}
        start = match.start()
        if "after_year" in groups:
            year = int(groups["after_year"])
            time = TimeExpr("period", year=year, year_explicit=True, unit="year", order="after")
            found.append((start, match.end(), time))
            continue
        if "n1" in groups:
            first, second = int(groups["n1"]), int(groups["n2"])
            # "23.04.2022" day first; "1/1/2015" month first unless the first is no month
            day_first = groups["sep"] == "." or first > 12
            month, day = (second, first) if day_first else (first, second)
            year = int(groups["n_year"])
            year += 0 if year >= 100 else 2000 if year < 50 else 1900
            time = TimeExpr("date", year, month, day, year_explicit=True)
        elif "rmonth" in groups:
            # "from May to September", "Nov-Feb 2017": the range starts with its first month
            month = en.MONTHS[groups["rmonth"].lower()]
            if "ryear" in groups:
                year = int(groups["ryear"])
                year -= month > en.MONTHS[groups["rmonth_end"].lower()]
                time = TimeExpr("date", year, month, None, year_explicit=True)
            else:
                time = TimeExpr("period", month=month, unit="month")
        elif "md_month" in groups or "dm_day" in groups:
            numeric = _english_numeric_day(folded, match, groups)
            if numeric is None:
                continue
            start, time = numeric
        elif "lone_day" in groups:
            # "on the 18th", "the week of the 4th": a day of the month in question
            if "lone_sfx" not in groups and "the" not in match.group().lower().split():
                continue
            start = match.start("lone_day")
            start -= 4 if folded[start - 4 : start].lower() == "the " else 0
            time = TimeExpr("date", day=int(groups["lone_day"]))
        elif "dom" in groups:
            relation = groups["dom_rel"].lower()
            time = TimeExpr(
                "date",
                day=_english_day(groups["dom"]),
                month_offset={"next": 1, "last": -1, "previous": -1}.get(relation, 0),
            )
        elif "ym2_year" in groups:
            year, month = int(groups["ym2_year"]), int(groups["ym2_month"])
            if len(groups["ym2_month"]) == 2 and month == (year + 1) % 100:
                continue  # "the 2011-12 season": two years, not December 2011
            time = TimeExpr("date", year, month, None, year_explicit=True)
        elif "c_year" in groups or "ym_year" in groups or "ny_year" in groups:
            time = _english_ymd(groups)
        else:
            month_word = (
                groups.get("month")
                or groups.get("month2")
                or groups.get("month3")
                or groups.get("month_only")
            )
            year_text = (
                groups.get("year")
                or groups.get("year2")
                or groups.get("year3")
                or groups.get("iso_year")
                or groups.get("year_only")
                or groups.get("range_year")
                or groups.get("range_end")
            )
            day = _english_day(
                groups.get("day")
                or groups.get("day2")
                or groups.get("iso_day")
                or groups.get("wday")
            )
            if "iso_month" in groups:
                month = int(groups["iso_month"])
            elif "yf_month" in groups:  # "2017 april"
                month, year_text = en.MONTHS[groups["yf_month"].lower()], groups["yf_year"]
            else:
                month = en.MONTHS[month_word.lower()] if month_word else None
            short_year = groups.get("year2s") or groups.get("year3s")
            if short_year:  # "April of 87"
                year_text = str(
                    1900 + int(short_year) if int(short_year) >= 50 else 2000 + int(short_year)
                )
            time = TimeExpr(
                "date",
                int(year_text) if year_text else None,
                month,
                day,
                year_explicit=year_text is not None,
                # "Mon 13th": the weekday picks the month
                weekday=_weekday_number(groups["wname"]) if "wname" in groups else None,
            )
            if "year_only" in groups:
                start = match.start("year_only")
            # A bare month or year ("since August", "from 2014") is a period the checker
            # leaves alone; only "in 2014" is read as a date.
            if "month_only" in groups:
                start = match.start("month_only")
                time = TimeExpr("period", month=month, unit="month")
            elif (
                "range_end" in groups
                or "range_year" in groups
                or ("year_only" in groups and not match.group().lower().startswith("in"))
            ):
                time = TimeExpr("period", year=time.year, year_explicit=True, unit="year")
        if _valid(time):
            found.append((start, match.end(), time))
    return found


def _english_word_dates(folded: str) -> list[tuple[int, int, TimeExpr]]:
    """Dates with the day or the year in words ("January twenty five nineteen eighty six",
    "in two thousand and fifteen"); the figures are read by _english_dates."""
    if not en.YEAR_WORDS_HINT.search(folded):
        return []
    found = []
    for match in english_scanner("DATE_WORDS").finditer(folded):
        groups = {key: value for key, value in match.groupdict().items() if value}
        month_word = groups.get("month") or groups.get("month2") or groups.get("month3")
        if month_word and month_word.lower() in ("may", "mar") and not month_word[0].isupper():
            continue  # "they may ..."
        year_text = groups.get("year") or groups.get("year2") or groups.get("year3")
        year_text = year_text or groups.get("year4")
        day_text = groups.get("day") or groups.get("day2")
        if year_text is None and (day_text is None or not re.search(r"[a-z][\s-]+[a-z]", day_text)):
            continue  # without a year only "May twenty nine": "August two" may be a count
        year = en.year_from_words(year_text) if year_text else None
        day = None
        if day_text:
            day = _english_day(day_text)
            if day is None or day_text.lower().rstrip() in en.SMALL_NUMBERS or " " in day_text:
                number = en.parse_number(day_text)
                day = int(number) if number is not None else None
        month = en.MONTHS[month_word.lower()] if month_word else None
        if (year_text and year is None) or (day_text and day is None):
            continue
        time = TimeExpr("date", year, month, day, year_explicit=year is not None)
        if _valid(time):
            start = match.start("year4") if "year4" in groups else match.start()
            found.append((start, match.end(), time))
    return found


def _weekday_number(word: str) -> int:
    word = word.lower()
    return en.WEEKDAYS.get(word, en.WEEKDAY_ABBREVIATIONS.get(word, 0))


def _english_numeric_day(
    folded: str, match: re.Match[str], groups: dict[str, str]
) -> tuple[int, TimeExpr] | None:
    """ "on 5/12", "Friday 7.6", "on 22/04", "5/1-5/7, 2020", "11/20, 11/22 or 11/25": a
    month and day in figures, read only where the text makes it a date (a lead word, a range
    or a list of such dates), so that "3/4 of" stays a fraction."""
    lead = groups.get("md_lead", "").lower()
    if "md_month" in groups:
        month, day, sep = int(groups["md_month"]), int(groups["md_day"]), groups["md_sep"]
        start = match.start("md_month")
    else:
        month, day, sep = int(groups["dm_month"]), int(groups["dm_day"]), groups["dm_sep"]
        start = match.start("dm_day")
    weekday = lead.split()[-1][:3] in {w[:3] for w in en.WEEKDAYS} if lead else False
    if sep == "." and not weekday:
        return None  # "on 5.12" may be a figure
    if weekday:  # "this Friday 5/12": the date names the day
        start = match.start()
    if not lead:
        before = folded[max(0, start - 12) : start]
        ranged = re.match(r"\s*-\s*\d{1,2}/\d", folded[match.end() :])
        listed = re.search(r"\d{1,2}/\d{1,2}(?:,|\s+or|\s+and|,\s+or)?\s+$", before)
        if not (ranged or listed or before.endswith("-")):
            return None
    year = int(groups["md_year"]) if "md_year" in groups else None
    return start, TimeExpr("date", year, month, day, year_explicit=year is not None)


def _english_ymd(groups: dict[str, str]) -> TimeExpr:
    """ "20161016", "2019/aug/01", "2020/23/Sep", "12-2015"."""
    if "c_year" in groups:
        return TimeExpr(
            "date", int(groups["c_year"]), int(groups["c_month"]), int(groups["c_day"]), True
        )
    if "ny_year" in groups:
        return TimeExpr("date", int(groups["ny_year"]), int(groups["ny_month"]), None, True)
    month = en.MONTHS[(groups.get("ym_month") or groups["ym_month2"]).lower()]
    day = int(groups.get("ym_day") or groups["ym_day2"])
    return TimeExpr("date", int(groups["ym_year"]), month, day, year_explicit=True)


_PREFIX_WINDOW = 60
# what a part ("the first week of", "late", "the week of") can be taken of
_PART_BASES = ("date", "period", "holiday", "deictic")


def _english_compounds(
    folded: str, kept: list[tuple[int, int, TimeExpr]]
) -> list[tuple[int, int, TimeExpr]]:
    """Times read with the words around them: a part of a period ("the first week of 2015",
    "late July", "the week of April 10th", "later this week"), a shift ("3 days after
    January 12th", "two weeks from tomorrow"), and a span read as its start ("from Nov 18 to
    Dec 19, 2015", "between 2007 and 2008")."""
    result: list[tuple[int, int, TimeExpr]] = []
    for start, end, time in kept:
        if result and start < result[-1][1]:
            continue  # "Tuesday" inside "two months from today on Tuesday"
        if time.kind == "period" and en.SPAN.search(folded, start, end):
            # "Monday two weeks from now", "in 3 days on Friday"
            start, end, time = _english_shifted_weekday(folded, start, end, time)
        if time.kind == "holiday":  # "labor day weekend"
            weekend = en.WEEKEND_AFTER.match(folded, end)
            if weekend:
                year = int(weekend.group("year")) if weekend.group("year") else time.year
                time = replace(time, part="weekend", year=year, year_explicit=year is not None)
                end = weekend.end()
        window = max(0, start - _PREFIX_WINDOW)
        prefix = en.PART_BEFORE.search(folded, window, start) if time.kind in _PART_BASES else None
        part = _english_part(prefix, time) if prefix else None
        if part is not None:
            start, time = prefix.start(), part
            window = max(0, start - _PREFIX_WINDOW)
        month_grained = time.day is None and time.month is not None and time.part is None
        if month_grained and en.AFTER_BEFORE.search(folded, window, start):
            # "after Feb 2018": from March; a span, no date for the checker
            time = replace(time, kind="period", unit=None, shift=((1, "month"),))
        shift = en.SHIFT_BEFORE.search(folded, window, start) if time.kind != "relative" else None
        if shift is not None:
            spans = _english_spans(shift.group("spans"))
            if spans:
                sign = -1 if shift.group("way").lower() in ("before", "prior to") else 1
                moved = tuple((sign * count, unit) for count, unit in spans)
                start, time = shift.start(), replace(time, shift=moved)
                start, end, time = _english_shifted_weekday(folded, start, end, time)
        while result and result[-1][1] > start:  # "in two years" inside "in two years since 2011"
            result.pop()
        if result and _english_range(folded, result[-1], (start, end, time)):
            first_start, first_end, first = result.pop()
            # "this Friday-Jun-15": the weekday and its date, not a span
            dated = first.kind == "weekday" and time.kind == "date" and time.day is not None
            dated = dated and folded[first_end:start] == "-"
            start, time = first_start, time if dated else _range_start(first, time)
        result.append((start, end, time))
    return result


def _english_shifted_weekday(
    folded: str, start: int, end: int, time: TimeExpr
) -> tuple[int, int, TimeExpr]:
    """ "Monday two weeks from now", "in 3 days on Friday": that weekday of the week the
    shift reaches (a week from Sunday, as the English corpora count it)."""
    before = en.WEEKDAY_BEFORE.search(folded, max(0, start - 12), start)
    after = en.WEEKDAY_AFTER.match(folded, end)
    if (before is None and after is None) or time.part is not None:
        return start, end, time
    named = before or after
    assert named is not None
    if time.kind == "date":  # a weekday near a date is no date the checker can compare
        time = replace(time, kind="period", unit=None)
    if before is not None:
        start = before.start()
    else:
        end = named.end()
    return start, end, replace(time, part=f"weekday {_weekday_number(named.group('weekday'))}")


def _english_part(prefix: re.Match[str], time: TimeExpr) -> TimeExpr | None:
    groups = {key: value for key, value in prefix.groupdict().items() if value}
    day_grained = time.kind in ("holiday", "deictic") or time.day is not None
    if "week_of" in groups or "weekend_of" in groups:
        if not day_grained or time.kind == "deictic":  # "a week starting tomorrow"
            return None
        part = "weekend" if "weekend_of" in groups else "week 0"
    elif day_grained:
        return None
    elif "week_no" in groups:
        part = f"week {int(groups['week_no'])}"
    elif "nth" in groups:
        word = groups["nth"].lower()
        count = _small_number(groups.get("count", "1"), "en") or 1
        nth = -count if word == "last" else en.ORDINALS.get(word) or int(word[:-2])
        part = f"{groups['unit'].lower()} {nth}"
    else:
        part = en.PARTS[groups["part"].lower()]
        if time.kind == "period" and time.unit not in ("year", "month", "week"):
            return None
        if "by" in groups and part == "end":  # "by the end of 2024": up to its last day
            part = "until-end"
    made = replace(time, part=part)
    if "after" in groups and part == "mid":  # "after mid May": from the 21st
        made = replace(made, shift=((11, "day"),))
    if time.kind == "date":  # a part of a date is no date the checker can compare
        made = replace(made, kind="period")
    return made


def _english_spans(text: str) -> list[tuple[int, str]]:
    spans = []
    for span in en.SPAN.finditer(text):
        words = re.sub(r"\s+", " ", span.group("count").lower())
        count = 2 if words.startswith("couple") else _small_number(words, "en")
        if count is None:
            return []
        spans.append((count, en.SPAN_UNITS[span.group("unit").lower()]))
    return spans


def _english_range(
    folded: str, first: tuple[int, int, TimeExpr], second: tuple[int, int, TimeExpr]
) -> bool:
    """Whether two times make one span: "from A to B", "between A and B", "A-B"."""
    gap = folded[first[1] : second[0]]
    words = gap.lower().split()
    if len(words) == 2 and words[1] == "the":  # "to the end of 2008"
        words = words[:1]
    if len(gap) > 14 or len(words) != 1 or words[0] not in en.RANGE_WORDS:
        return False
    if "relative" in (first[2].kind, second[2].kind):
        return False
    lead = en.RANGE_LEAD.search(folded, max(0, first[0] - 14), first[0])
    word = words[0]
    if word == "and" and (lead is None or not lead.group().lower().startswith("between")):
        return False
    days = first[2].day is not None and second[2].day is not None
    if word in ("to", "till", "until") and lead is None and not days:
        return False  # "Feb 28th to March 1st" is a span without "from"
    begin = lead.start() if lead is not None else first[0]
    return en.RANGE_MOVE.search(folded, max(0, begin - 60), begin) is None


def _range_start(first: TimeExpr, second: TimeExpr) -> TimeExpr:
    """The first end of a span, with the year (and month) it leaves to the second end."""
    if first.kind != "date" or first.year_explicit or not second.year_explicit:
        return first
    month = first.month if first.month is not None else second.month
    year = second.year
    if year is not None and month is not None and second.month is not None:
        year -= month > second.month  # "Nov 18 - Feb 5, 2017" starts in 2016
    return replace(first, year=year, month=month, year_explicit=year is not None)


_PERIOD_RELATIONS = (
    ("weekday2", "wrel2"),
    ("unit", "rel"),
    ("weekday", "wrel"),
    ("quarter", "qrel"),
    ("ncount", "nrel"),
    ("nunit2", "nrel2"),
)


def _english_periods(folded: str) -> list[tuple[int, int, TimeExpr]]:
    """Periods named from the reference day ("next week", "this Friday", "in two weeks",
    "tonight"); the checker does not use them."""
    found = []
    previous_end = 0
    for match in english_scanner("PERIOD").finditer(folded):
        groups = {key: value for key, value in match.groupdict().items() if value}
        start = match.start()
        if "prel" in groups:  # which "next ..." it was
            relation = groups["prel"]
            for part, key in _PERIOD_RELATIONS:
                if part in groups:
                    groups[key] = relation
                    break
            if relation.lower() in ("this", "current") and key in ("nrel", "nrel2"):
                continue
        if "nrel2" in groups or "way" in groups:  # the count stands before the match
            before = en.COUNTS_BEFORE if "way" in groups else en.COUNT_BEFORE
            counted = before.search(folded, max(previous_end, start - 60), start)
            if counted is None:
                continue
            start = counted.start()
            groups["ncount2" if "nrel2" in groups else "ago"] = counted.group().strip()
        if "rel" in groups:
            offset = en.PERIOD_OFFSETS[groups["rel"].lower()]
            unit = groups["unit"].lower()
            if unit == "fortnight":  # "the past fortnight": the two weeks before this one
                time = TimeExpr("period", unit="week", offset=2 * offset)
            elif unit == "weekend":
                time = TimeExpr("weekday", weekday=5, offset=offset)
            else:
                time = TimeExpr("period", unit=unit, offset=offset)
        elif "wrel" in groups:
            word = groups["weekday"].lower()
            weekday = en.WEEKDAYS.get(word, en.WEEKDAY_ABBREVIATIONS.get(word))
            relation = groups["wrel"].lower()
            offset = en.PERIOD_OFFSETS[relation]
            time = TimeExpr("weekday", weekday=weekday, offset=offset)
            if relation in ("past", "upcoming"):  # "this past Wednesday": the last one
                order = "before" if relation == "past" else "after"
                time = TimeExpr("weekday", weekday=weekday, order=order)
        elif "weekday2" in groups or "weekday3" in groups:
            word = (groups.get("weekday2") or groups["weekday3"]).lower()
            weekday = en.WEEKDAYS.get(word, en.WEEKDAY_ABBREVIATIONS.get(word))
            offset = en.PERIOD_OFFSETS[(groups.get("wrel2") or groups["wrel3"]).lower()]
            time = TimeExpr("weekday", weekday=weekday, offset=offset)
        elif "qrel" in groups:
            count = _small_number(groups.get("qcount") or "a", "en") or 1
            offset = en.PERIOD_OFFSETS[groups["qrel"].lower()]
            # "the next three quarters" starts with the next one, "the last two" two back
            time = TimeExpr("period", unit="quarter", offset=offset * (count if offset < 0 else 1))
        elif "nrel" in groups or "nrel2" in groups:
            count_text = re.sub(r"\s+", " ", (groups.get("ncount") or groups["ncount2"]).lower())
            count = 2 if "couple" in count_text else _small_number(count_text, "en")
            if count is None:
                continue
            unit = (groups.get("nunit") or groups["nunit2"]).lower()
            ahead = (groups.get("nrel") or groups["nrel2"]).lower() not in (
                "last",
                "past",
                "previous",
            )
            if unit in ("hour", "minute"):  # "the 5 coming minutes": today
                time = TimeExpr("period", unit="day", offset=0)
            elif unit == "decade":  # "the next two decades" start with the next one
                time = TimeExpr("period", unit="decade", offset=1 if ahead else -count)
            elif ahead:
                time = TimeExpr("period", unit="day", offset=1)
            else:
                time = TimeExpr(
                    "period", unit=unit, offset=-count, nth=0 if unit != "day" else None
                )
        elif "q" in groups or "q2" in groups:
            year = int(groups.get("qyear") or groups["qyear2"])
            quarter = int(groups.get("q") or groups["q2"])
            time = TimeExpr("period", year=year, year_explicit=True, unit="quarter", nth=quarter)
        elif "h" in groups or "h2" in groups:  # "2019 H2"
            year = int(groups.get("hyear") or groups["hyear2"])
            half = int(groups.get("h") or groups["h2"])
            time = TimeExpr("period", year=year, year_explicit=True, unit="half-year", nth=half)
        elif "century" in groups:  # "the 21st century" from 2000
            year = (int(groups["century"]) - 1) * 100
            time = TimeExpr("period", year=year, year_explicit=True, unit="year")
        elif "week_after" in groups:
            time = TimeExpr("period", unit="week", offset=2)
        elif "weekend" in groups:  # "the weekend": the nearest one
            time = TimeExpr("weekday", weekday=5, unit="weekend")
        elif "within" in groups:
            time = TimeExpr("period", unit="day", offset=0)
        elif "day_word" in groups:
            offset = en.DAY_WORDS[re.sub(r"\s+", " ", groups["day_word"].lower())]
            time = TimeExpr("period", unit="day", offset=offset)
        elif (
            groups.get("part_unit", "").lower() == "day"
            and folded[max(0, start - 7) : start].lower() == "at the "
        ):
            continue  # "at the end of the day": in the end
        elif "part2" in groups or "eo" in groups:
            # "end of the day", "EOY", "later in the year", "earlier in the week"
            unit = groups.get("part_unit", "").lower() or en.EO_UNITS[groups["eo"].lower()]
            part = en.PARTS[groups.get("part2", "end").lower()]
            time = TimeExpr("period", unit=unit, offset=0, part=part)
        elif "week_no" in groups:  # "week 31": of this year, as ISO numbers weeks
            time = TimeExpr("period", unit="year", offset=0, part=f"week {groups['week_no']}")
        elif "ytd" in groups:
            time = TimeExpr("period", unit="year", offset=0)
        elif "to_date" in groups:
            time = TimeExpr("period", unit="day", offset=0)
        elif "ago" in groups and not en.SPAN.fullmatch(groups["ago"] + " " + groups["ago_unit"]):
            # "2 weeks and 2 days ago", "2 years 1 month 21 days later"
            text = f"{groups['ago']} {groups['ago_unit']}"
            # hours and minutes move no day
            text = re.sub(rf"(?:{en.SPAN_COUNT})\s+(?:hour|minute|min)s?\b", "", text, flags=re.I)
            spans = _english_spans(text)
            sign = -1 if groups["way"].lower() == "ago" else 1
            shift = tuple((sign * count, unit) for count, unit in spans)
            time = TimeExpr("period", unit="day", offset=0, shift=shift)
        else:
            count_text = re.sub(r"\s+", " ", (groups.get("ahead") or groups["ago"]).lower())
            count = 2 if "couple" in count_text else _small_number(count_text, "en")
            if count_text.startswith("half"):
                count = 0
            if count is None:
                continue
            unit = (groups.get("ahead_unit") or groups["ago_unit"]).lower()
            if groups.get("way", "").lower() == "ago":
                count = -count
            if unit in ("hour", "minute", "min"):
                unit, count = "day", 0
            if unit == "fortnight":
                unit, count = "day", 14 * count
            nth = None if unit == "day" else 0
            time = TimeExpr("period", unit=unit, offset=count, nth=nth)
        found.append((start, match.end(), time))
        previous_end = match.end()
    for match in english_scanner("HOLIDAY").finditer(folded):
        rule = en.HOLIDAY_RULES[match.group("name").lower().replace("'", "")]
        year = int(match.group("year")) if match.group("year") else None
        shift = en.HOLIDAY_SHIFTS.get(match.group("name").lower(), 0)
        start = match.start()
        related = en.HOLIDAY_RELATION.search(folded, max(0, start - 10), start)
        relation = related.group("hrel").lower() if related else ""
        order = "before" if relation in ("last", "previous") else "after" if relation else None
        start = related.start() if related else start
        time = TimeExpr(
            "holiday",
            year=year,
            year_explicit=year is not None,
            holiday=rule,
            offset_days=shift,
            order=order,
        )
        found.append((start, match.end(), time))
    return found


def _valid(time: TimeExpr) -> bool:
    if time.year is not None and not 1000 <= time.year <= 2999:
        return False
    if time.month is not None and not 1 <= time.month <= 12:
        return False
    return time.day is None or 1 <= time.day <= 31


def _weekdays(folded: str, language: str) -> list[tuple[int, int, TimeExpr]]:
    if language == "en":
        return [
            (m.start(), m.end(), TimeExpr("weekday", weekday=en.WEEKDAYS[m.group(1).lower()]))
            for m in english_scanner("WEEKDAY").finditer(folded)
        ]
    return [
        (m.start(), m.end(), TimeExpr("weekday", weekday=zh.WEEKDAYS[m.group("weekday")]))
        for m in zh.WEEKDAY.finditer(folded)
    ]


def _small_number(text: str, language: str) -> int | None:
    if language == "en":
        value = en.COUNT_WORDS.get(text.lower())
        if value is None and not text.isdigit():  # "forty", "twenty-one"
            number = en.parse_number(text)
            return int(number) if number is not None and number == int(number) else None
        return value if value is not None else int(text) if text.isdigit() else None
    number = zh.parse_number(text)
    return int(number) if number is not None else None


def _relatives(
    folded: str, segments: Segments, matches: Iterable[re.Match[str]], language: str
) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in matches:
        kind = match.lastgroup
        word = match.group(kind)
        offset: int | None = None
        order: str | None = None
        if kind == "deictic":
            offsets = en.DEICTIC_OFFSETS if language == "en" else zh.DEICTIC_OFFSETS
            found.append(
                (
                    match.start(),
                    match.end(),
                    make(TimeExpr, kind="deictic", offset_days=offsets[word.lower()]),
                )
            )
            continue
        if kind in ("after_n", "before_n", "nth"):
            count = _small_number(word, language)
            if count is None:
                continue
            offset = {"after_n": count, "before_n": -count, "nth": count - 1}[kind]
        elif kind == "next":
            offset = 1
        elif kind == "previous":
            offset = -1
        elif kind == "same":
            offset = 0
        elif kind == "simultaneous":
            order = "same"
        elif kind in ("later", "after"):
            order = "after"
        elif kind == "before":
            order = "before"
        if offset is not None:
            order = "after" if offset > 0 else "before" if offset < 0 else "same"
        anchor = (
            _english_anchor(folded, match, segments)
            if language == "en"
            else _chinese_anchor(folded, match, segments)
        )
        # "2015年以后", "2015-01-01及以后": a span from a date, not a timing after an event.
        if kind == "after" and anchor is not None and language == "zh":
            written = folded[anchor[0] : match.start()].rstrip("以之及或 ")
            if written[-1:] in ("年", "月", "日", "号") or written[-1:].isdigit():
                continue
        # A bare "同时"/"后" is a conjunction, not a timing claim; only with its anchor written.
        needs_anchor = kind == "after" or (language == "zh" and word in ("同时", "时候", "之际"))
        if needs_anchor and anchor is None:
            continue
        time = make(
            TimeExpr,
            kind="relative",
            offset_days=offset,
            order=order,
            anchor=anchor,
            unit="day" if kind in ("after_n", "before_n") else None,
        )
        start, end = match.start(), match.end()
        # "挂断北京电话后": a lone 后 is quoted with what it follows, so the quote reads.
        if kind == "after" and anchor is not None and language == "zh":
            start = anchor[0]
        found.append((start, end, time))
    return found


def _chinese_anchor(
    folded: str, match: re.Match[str], segments: Segments
) -> tuple[int, int] | None:
    """The anchor words before "的第二天" / "后" / "的同时" in the same clause, if written."""
    clause_start, _ = segments.clause_at(match.start())
    prefix = folded[clause_start : match.start()]
    link = zh.ANCHOR_LINK.search(prefix)
    # "与峰会同时": the anchor follows 与; "峰会之后": it stands right before the word.
    companion = zh.ANCHOR_COMPANION.match(prefix)
    if companion and match.lastgroup == "simultaneous":
        clause_start += companion.end()
    elif match.lastgroup == "simultaneous" and link is None:
        return None
    end = match.start() - (len(link.group()) if link else 0)
    lead = zh.ANCHOR_LEAD.match(folded, clause_start, end)
    start = lead.end() if lead else clause_start
    if end - start < _MIN_ANCHOR_CHARS:
        return None
    return start, end


_ENGLISH_ANCHOR = re.compile(r"\s+(?:after|before|as|with)?\s*((?:[\w'.-]+\s*){1,8}?)(?=[,.;]|$)")


def _english_anchor(
    folded: str, match: re.Match[str], segments: Segments
) -> tuple[int, int] | None:
    """The words after "after" / "the day before" / "at the same time as", to the clause end."""
    kind = match.lastgroup
    word = match.group(kind).lower()
    takes_object = kind in ("after", "before", "simultaneous", "after_n", "before_n") or (
        word.endswith(("after", "before"))
    )
    if not takes_object:
        return None
    _, clause_end = segments.clause_at(match.start())
    following = _ENGLISH_ANCHOR.match(folded, match.end(), clause_end)
    if not following or not following.group(1).strip():
        return None
    if kind in ("after_n", "before_n") and not folded[match.end() : match.end() + 8].strip():
        return None
    return following.start(1), following.end(1)


# What may stand between a date and the weekday written as its label: brackets, commas,
# spaces, "是" ("2月4日（周二）", "周三（4日）", "3月4日是周三").
LABEL_GAP = re.compile(r"[\s,，、(（)）\[\]【】是]{0,3}")
# "Thursday, March 4" read as one date: its weekday is in its words
_LEADING_WEEKDAY = re.compile(r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s", re.IGNORECASE)
_WEEKDAY_PREFIXES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekday_labels(
    times: list[Mention],
    folded: str,
    gap: re.Pattern[str] = LABEL_GAP,
    named_weeks: bool = False,
) -> Iterator[tuple[int, Mention, Mention]]:
    """(stated weekday, weekday mention, date mention) for each weekday written as the label
    of a date: inside the date's own words (then both mentions are the date), or beside it
    in either order with only ``gap`` between. "上周三" and "下周三" name a week of their
    own and "the second Tuesday of May" a day of its own: they label nothing, unless
    ``named_weeks`` ("Last Friday (July 4th)", as a pair the calendar can bear out)."""
    for mention in times:
        leading = _LEADING_WEEKDAY.match(mention.text)
        if mention.time.kind == "date" and leading:
            yield _WEEKDAY_PREFIXES.index(leading.group(1).lower()), mention, mention
    for first, second in itertools.pairwise(times):
        kinds = (first.time.kind, second.time.kind)
        if kinds not in (("weekday", "date"), ("date", "weekday")):
            continue
        if not gap.fullmatch(folded, first.end, second.start):
            continue
        weekday, date = (first, second) if kinds[0] == "weekday" else (second, first)
        time = weekday.time
        if time.weekday is None:
            continue
        if named_weeks or (time.offset in (None, 0) and time.nth is None):
            yield time.weekday, weekday, date
