"""Time expressions: dates, weekdays, and timing relative to an event or to the dateline."""

from __future__ import annotations

import re
from operator import itemgetter

from consistency.extract.prefilter import Scanner
from consistency.lang import LazyModule, zh
from consistency.model import Mention, TimeExpr, make
from consistency.segment import Segments

# English patterns load with the first English text (start-up of a Chinese check).
en = LazyModule("consistency.lang.en", globals(), "en")

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


def find_times(text: str, folded: str, language: str, segments: Segments) -> list[Mention]:
    """Absolute and relative time mentions in ``folded`` (offsets shared with ``text``)."""
    if language == "en":
        found = _english_dates(folded) + _relatives(folded, segments, en.RELATIVE, "en")
        found += _weekdays(folded, language) + _english_periods(folded)
        kept = _without_overlaps(found)
    else:
        found = _chinese_dates(folded) + _relatives(folded, segments, _RELATIVE, "zh")
        found += _chinese_weekdays(folded) + _chinese_periods(folded) + _chinese_holidays(folded)
        kept = _with_times_of_day(folded, _without_overlaps(found))
    return [
        make(Mention, kind="time", text=text[start:end], start=start, end=end, time=time)
        for start, end, time in kept
    ]


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


def _chinese_dates(folded: str) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in _DATE.finditer(folded):
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
        return TimeExpr("date", year, month, day, year_explicit=year is not None, lunar=lunar)
    if groups["iso_year"]:
        return TimeExpr(
            "date",
            int(groups["iso_year"]),
            int(groups["iso_month"]),
            int(groups["iso_day"]),
            year_explicit=True,
        )
    if groups["us_year"]:
        year = int(groups["us_year"])
        year += 0 if year >= 100 else 2000 if year < 50 else 1900
        return TimeExpr(
            "date", year, int(groups["us_month"]), int(groups["us_day"]), year_explicit=True
        )
    if groups["year_only"]:
        year = _chinese_year(groups["year_only"])
        if groups["range_from"]:
            # "1995-1997年": the range starts with its first year
            year = int(groups["range_from"])
        if groups["year_mod"] or groups["range_from"]:
            # "2018年以后", "2015年以来": a span from (or up to) a year, not a date of an event
            after = groups["year_mod"] is not None and groups["year_mod"].endswith("后")
            return TimeExpr(
                "period", year, year_explicit=True, unit="year", order="after" if after else None
            )
        return TimeExpr("date", year, year_explicit=True)
    if groups["era"]:
        first = zh.ERAS[groups["era"]]
        count = 1 if groups["era_year"] == "元" else _number(groups["era_year"])
        if count is None:
            return None
        month_text = groups["era_month"]
        month = 1 if month_text == "正" else _number(month_text)
        day_text = groups["era_day"] or ""
        return TimeExpr(
            "date",
            first + count - 1,
            month,
            _number(day_text.lstrip("初")),
            year_explicit=True,
            lunar=day_text.startswith("初") or month_text == "正",
        )
    if groups["lone_day"]:
        return TimeExpr("date", day=int(groups["lone_day"]))
    if groups["rel_month"]:
        return TimeExpr(
            "date",
            day=_number(groups["rday"]),
            month_offset=zh.RELATIVE_MONTHS[groups["rel_month"]],
        )
    year = _chinese_year(groups["year"]) if groups["year"] else None
    year_offset = zh.RELATIVE_YEARS.get(groups["rel_year"] or "")
    return TimeExpr(
        "date",
        year,
        _number(groups["month"]),
        _number(groups["day"]),
        year_explicit=year is not None,
        year_offset=year_offset,
    )


def _chinese_weekdays(folded: str) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in _WEEKDAY.finditer(folded):
        if match.group("weekday"):
            week = match.group("week")
            time = TimeExpr(
                "weekday",
                weekday=zh.WEEKDAYS[match.group("weekday")],
                offset=zh.WEEK_OFFSETS[week] if week else None,
            )
        elif match.group("weekend"):
            week = match.group("weekend_week")
            time = TimeExpr(
                "weekday",
                weekday=5,
                offset=zh.WEEK_OFFSETS[week] if week else None,
                unit="weekend",
            )
        else:
            nth = -1 if match.group("last") else _number(match.group("nth"))
            time = TimeExpr(
                "weekday",
                month=_number(match.group("nth_month")),
                weekday=zh.WEEKDAYS[match.group("nth_weekday")],
                nth=nth,
            )
        found.append((match.start(), match.end(), time))
    return found


def _chinese_periods(folded: str) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in _PERIOD.finditer(folded):
        groups = match.groupdict()
        if groups["year_word"]:
            word = groups["year_word"]
            offset = 0 if word in ("本年", "这一年") else zh.RELATIVE_YEARS[word]
            time = TimeExpr("period", unit="year", offset=offset)
        elif groups["week_rel"]:
            offset = zh.WEEK_OFFSETS[groups["week_rel"]]
            time = TimeExpr("period", unit=_unit(groups["unit"]), offset=offset)
        elif groups["span_rel"]:
            count = _count(groups["span_count"])
            if count is None:
                continue
            rel = groups["span_rel"]
            past = rel in zh.PERIOD_OFFSETS
            unit = _unit(groups["span_unit"])
            if rel in zh.EXACT_SPANS:
                # "过去十年": the ten years up to now, from this day ten years ago
                time = TimeExpr("period", unit=unit, offset=-count if past else count, nth=0)
            else:
                # "上两个月": the two whole months before this one; "下三天": from tomorrow
                time = TimeExpr("period", unit=unit, offset=-count if past else 1)
        elif groups["half"]:
            half = groups["half"]
            year = _chinese_year(groups["half_year"]) if groups["half_year"] else None
            rel = groups["half_rel_year"]
            time = TimeExpr(
                "period",
                year,
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
            time = TimeExpr("period", base + decade, year_explicit=True, unit="decade")
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
            time = TimeExpr(
                "period",
                year,
                _number(groups["in_month"]) if groups["in_month"] else None,
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
            time = TimeExpr("period", unit=unit, offset=-count if groups["ago"] == "前" else count)
        else:
            time = TimeExpr("period", unit="now", offset=0)
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


def _chinese_holidays(folded: str) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in _HOLIDAY.finditer(folded):
        year = _chinese_year(match.group("year")) if match.group("year") else None
        rel = match.group("rel_year")
        time = TimeExpr(
            "holiday",
            year=year,
            year_explicit=year is not None,
            year_offset=zh.RELATIVE_YEARS[rel] if rel else None,
            holiday=zh.HOLIDAY_RULES[match.group("name")],
            offset_days=zh.HOLIDAY_SHIFTS.get(match.group("shift") or "", 0),
        )
        found.append((match.start(), match.end(), time))
    return found


# Kinds that name a day, which a following time of day belongs to.
_DAY_KINDS = ("date", "deictic", "weekday", "holiday")


def _with_times_of_day(
    folded: str, kept: list[tuple[int, int, TimeExpr]]
) -> list[tuple[int, int, TimeExpr]]:
    """Join a time of day to the day before it ("2月15号早上", "今晚8点"); keep clock times
    that stand alone when they are surely times ("下午三点", "15:30的时候")."""
    result: list[tuple[int, int, TimeExpr]] = []
    position = 0
    for match in _CLOCK.finditer(folded):
        if match.end() == match.start():
            continue
        while position < len(kept) and kept[position][1] <= match.start():
            result.append(kept[position])
            position += 1
        if position < len(kept) and kept[position][0] < match.end():
            continue  # inside a time already found
        gap = folded[result[-1][1] : match.start()] if result else None
        if (
            result
            and gap is not None
            and len(gap) <= 1
            and gap.strip(" ,") == ""
            and (result[-1][2].kind in _DAY_KINDS)
            and (result[-1][2].kind != "date" or result[-1][2].grain == "day")
        ):
            start, _, time = result[-1]
            result[-1] = (start, match.end(), time)
            continue
        if _surely_clock(folded, match):
            result.append((match.start(), match.end(), TimeExpr("clock")))
    result.extend(kept[position:])
    result.sort(key=itemgetter(0))
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
    for match in en.DATE.finditer(folded):
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
        elif "md_month" in groups:
            start = match.start("md_month")
            time = TimeExpr("date", None, int(groups["md_month"]), int(groups["md_day"]))
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
            else:
                month = en.MONTHS[month_word.lower()] if month_word else None
            time = TimeExpr(
                "date",
                int(year_text) if year_text else None,
                month,
                day,
                year_explicit=year_text is not None,
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


def _english_periods(folded: str) -> list[tuple[int, int, TimeExpr]]:
    """Periods named from the reference day ("next week", "this Friday", "in two weeks",
    "tonight"); the checker does not use them."""
    found = []
    for match in en.PERIOD.finditer(folded):
        groups = {key: value for key, value in match.groupdict().items() if value}
        if "rel" in groups:
            offset = en.PERIOD_OFFSETS[groups["rel"].lower()]
            unit = groups["unit"].lower()
            if unit == "weekend":
                time = TimeExpr("weekday", weekday=5, offset=offset)
            else:
                time = TimeExpr("period", unit=unit, offset=offset)
        elif "wrel" in groups:
            word = groups["weekday"].lower()
            weekday = en.WEEKDAYS.get(word, en.WEEKDAY_ABBREVIATIONS.get(word))
            offset = en.PERIOD_OFFSETS[groups["wrel"].lower()]
            time = TimeExpr("weekday", weekday=weekday, offset=offset)
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
        elif "nrel" in groups:
            count = _small_number(re.sub(r"\s+", " ", groups["ncount"].lower()), "en")
            if count is None:
                continue
            unit = groups["nunit"].lower()
            if groups["nrel"].lower() in ("next", "coming", "following"):
                time = TimeExpr("period", unit="day", offset=1)
            else:
                time = TimeExpr(
                    "period", unit=unit, offset=-count, nth=0 if unit != "day" else None
                )
        elif "q" in groups or "q2" in groups:
            year = int(groups.get("qyear") or groups["qyear2"])
            quarter = int(groups.get("q") or groups["q2"])
            time = TimeExpr("period", year=year, year_explicit=True, unit="quarter", nth=quarter)
        elif "within" in groups:
            time = TimeExpr("period", unit="day", offset=0)
        elif "day_word" in groups:
            offset = en.DAY_WORDS[re.sub(r"\s+", " ", groups["day_word"].lower())]
            time = TimeExpr("period", unit="day", offset=offset)
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
            nth = None if unit == "day" else 0
            time = TimeExpr("period", unit=unit, offset=count, nth=nth)
        found.append((match.start(), match.end(), time))
    for match in en.HOLIDAY.finditer(folded):
        rule = en.HOLIDAY_RULES[match.group("name").lower().replace("'", "")]
        year = int(match.group("year")) if match.group("year") else None
        shift = en.HOLIDAY_SHIFTS.get(match.group("name").lower(), 0)
        time = TimeExpr(
            "holiday", year=year, year_explicit=year is not None, holiday=rule, offset_days=shift
        )
        found.append((match.start(), match.end(), time))
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
            for m in en.WEEKDAY.finditer(folded)
        ]
    return [
        (m.start(), m.end(), TimeExpr("weekday", weekday=zh.WEEKDAYS[m.group("weekday")]))
        for m in zh.WEEKDAY.finditer(folded)
    ]


def _small_number(text: str, language: str) -> int | None:
    if language == "en":
        value = en.COUNT_WORDS.get(text.lower())
        return value if value is not None else int(text) if text.isdigit() else None
    number = zh.parse_number(text)
    return int(number) if number is not None else None


def _relatives(
    folded: str, segments: Segments, pattern: re.Pattern[str] | Scanner, language: str
) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in pattern.finditer(folded):
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
                    TimeExpr("deictic", offset_days=offsets[word.lower()]),
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
        time = TimeExpr(
            "relative",
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
