"""Time expressions: dates, weekdays, and timing relative to an event or to the dateline."""

from __future__ import annotations

import re

from consistency.lang import en, zh
from consistency.model import Mention, TimeExpr
from consistency.segment import Segments

# Anchors written as "X后" must name something: "然后", "最后", "随后" are not anchors.
_MIN_ANCHOR_CHARS = 2


def find_times(text: str, folded: str, language: str, segments: Segments) -> list[Mention]:
    """Absolute and relative time mentions in ``folded`` (offsets shared with ``text``)."""
    if language == "en":
        found = _english_dates(folded) + _relatives(folded, segments, en.RELATIVE, "en")
    else:
        found = _chinese_dates(folded) + _relatives(folded, segments, zh.RELATIVE, "zh")
    found += _weekdays(folded, language)
    return [
        Mention("time", text[start:end], start, end, time=time)
        for start, end, time in _without_overlaps(found)
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
    for match in zh.DATE.finditer(folded):
        groups = match.groupdict()
        if groups["iso_year"]:
            time = TimeExpr(
                "date",
                int(groups["iso_year"]),
                int(groups["iso_month"]),
                int(groups["iso_day"]),
                year_explicit=True,
            )
        elif groups["year_only"]:
            year = zh.parse_number(groups["year_only"])
            time = TimeExpr("date", int(year or 0), year_explicit=True)
        elif groups["lone_day"]:
            time = TimeExpr("date", day=int(groups["lone_day"]))
        else:
            year = zh.parse_number(groups["year"]) if groups["year"] else None
            month = zh.parse_number(groups["month"])
            day = zh.parse_number(groups["day"]) if groups["day"] else None
            time = TimeExpr(
                "date",
                int(year) if year else None,
                int(month) if month else None,
                int(day) if day else None,
                year_explicit=year is not None,
            )
        if _valid(time):
            found.append((match.start(), match.end(), time))
    return found


def _english_dates(folded: str) -> list[tuple[int, int, TimeExpr]]:
    found = []
    for match in en.DATE.finditer(folded):
        groups = {key: value for key, value in match.groupdict().items() if value}
        month_word = groups.get("month") or groups.get("month2") or groups.get("month3")
        year_text = (
            groups.get("year")
            or groups.get("year2")
            or groups.get("year3")
            or groups.get("iso_year")
            or groups.get("year_only")
        )
        day_text = groups.get("day") or groups.get("day2") or groups.get("iso_day")
        if "iso_month" in groups:
            month = int(groups["iso_month"])
        else:
            month = en.MONTHS[month_word.lower()] if month_word else None
        # "May" and "March" are also ordinary words; without a day or year they are not dates.
        if month_word and not day_text and not year_text:
            continue
        time = TimeExpr(
            "date",
            int(year_text) if year_text else None,
            month,
            int(day_text) if day_text else None,
            year_explicit=year_text is not None,
        )
        start = match.start("year_only") if "year_only" in groups else match.start()
        if _valid(time):
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
            for m in en.WEEKDAY.finditer(folded)
        ]
    return [
        (m.start(), m.end(), TimeExpr("weekday", weekday=zh.WEEKDAYS[m.group("weekday")]))
        for m in zh.WEEKDAY.finditer(folded)
    ]


def _small_number(text: str, language: str) -> int | None:
    if language == "en":
        value = en.NUMBER_OF_DAYS.get(text.lower())
        return value if value is not None else int(text) if text.isdigit() else None
    number = zh.parse_number(text)
    return int(number) if number is not None else None


def _relatives(
    folded: str, segments: Segments, pattern: re.Pattern[str], language: str
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
        # A bare "同时"/"后" is a conjunction, not a timing claim; only with its anchor written.
        needs_anchor = kind == "after" or (language == "zh" and word in ("同时", "时候", "之际"))
        if needs_anchor and anchor is None:
            continue
        time = TimeExpr("relative", offset_days=offset, order=order, anchor=anchor)
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
