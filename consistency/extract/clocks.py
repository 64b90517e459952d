"""Times of day: "上午9时5分", "9時許", "八时三分", "09:03 local time", "1:38 p.m.", "5 p.m. GMT".

A time of day is read as minutes after midnight, with the time zone written beside it (when
one is) and whether it is hedged ("许", "约", "about"): the rule that compares the times
articles give one event (T102) converts the zones and lets a hedged round hour stand for the
quarter hours around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency.lang import deferred_re as re
from consistency.lang import zh
from consistency.qualifiers import Zone, zone_near


@dataclass(frozen=True)
class Clock:
    start: int
    end: int
    # minutes after midnight, in the zone written (or none)
    minute: int
    zone: Zone | None
    hedged: bool
    # a whole hour with nothing after it ("9时", "5 p.m."): a round figure
    round_hour: bool


_PARTS_OF_DAY_PM = ("下午", "晚上", "晚间", "傍晚", "午后", "夜间", "夜里", "晚")
_PARTS_OF_DAY_AM = ("上午", "凌晨", "早上", "早晨", "清晨", "早间", "早")
_CHINESE = re.compile(
    r"(?P<tod>上午|下午|中午|晚上|晚间|凌晨|早上|早晨|清晨|早间|傍晚|午后|夜间|夜里|今早|今晚)?"
    r"(?P<about>约|大约|大概)?\s*"
    r"(?P<hour>\d{1,2}|[零一二两三四五六七八九十廿]{1,3})\s*(?:时|点)\s*"
    r"(?:(?P<minute>\d{1,2}|[零一二三四五六七八九十]{1,3})\s*分|(?P<half>半))?"
    r"(?:\s*(?:\d{1,2}|[零一二三四五六七八九十]{1,3})\s*秒)?"
    r"(?P<hedge>许|許|左右|前后)?"
)
_COLON = re.compile(
    r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?",
    re.IGNORECASE,
)
_AMPM = re.compile(
    r"(?<![\d:.])(?P<hour>1[0-2]|0?[1-9])\s*(?P<ampm>[ap]\.?\s?m\b\.?)", re.IGNORECASE
)
# What makes a bare "09:03" a time of day: a word before it ("at", "于") or a zone after it.
_CLOCK_BEFORE = re.compile(
    r"(?:\b(?:at|by|around|about|until|from|since|before|after)\s+|于|在|时间|时刻|[(（])$",
    re.IGNORECASE,
)
_ABOUT_BEFORE = re.compile(r"(?:\b(?:around|about|approximately|roughly|some)\s+|约|大约)$")


def find_clocks(folded: str, start: int, end: int) -> list[Clock]:
    """The times of day in ``folded[start:end]`` (the article's text, folded), in order."""
    found = _chinese(folded, start, end) + _latin(folded, start, end)
    found.sort(key=lambda clock: clock.start)
    kept: list[Clock] = []
    for clock in found:
        if kept and clock.start < kept[-1].end:
            continue
        kept.append(clock)
    return kept


def _chinese(folded: str, start: int, end: int) -> list[Clock]:
    found = []
    for match in _CHINESE.finditer(folded, start, end):
        hour = _number(match.group("hour"))
        minute = 30 if match.group("half") else _number(match.group("minute") or "0")
        tod = match.group("tod") or ""
        if hour is None or minute is None or minute > 59:
            continue
        # "三点" alone may be three points of a plan: a clock needs a part of the day, its
        # minutes or a hedge ("9时许"), or the hour-word 时 right after a day ("7日9时")
        dated = folded[max(start, match.start() - 1) : match.start()] in ("日", "号")
        sure = tod or match.group("minute") or match.group("half") or match.group("hedge")
        if not sure and not (dated and "时" in match.group()):
            continue
        if hour > 24:
            continue  # "55时17分": no time of day (a finding of its own, not read here)
        hour = _with_part_of_day(hour, tod)
        about = bool(match.group("about") or match.group("hedge"))
        found.append(
            _clock(
                folded,
                match.start(),
                match.end(),
                hour,
                minute,
                about,
                start,
                end,
                round_hour=not match.group("minute") and not match.group("half"),
            )
        )
    return found


def _latin(folded: str, start: int, end: int) -> list[Clock]:
    found = []
    for match in _COLON.finditer(folded, start, end):
        hour, minute = int(match.group("hour")), int(match.group("minute"))
        ampm = (match.group("ampm") or "").lower()
        before = folded[max(start, match.start() - 12) : match.start()]
        if not ampm and not _CLOCK_BEFORE.search(before):
            zone = zone_near(folded, (start, end), match.start(), match.end())
            if zone is None:
                continue  # "2:22:55", "3:1": a race time, a score
        hour = _with_ampm(hour, ampm)
        about = bool(_ABOUT_BEFORE.search(before))
        found.append(
            _clock(folded, match.start(), match.end(), hour, minute, about, start, end, False)
        )
    for match in _AMPM.finditer(folded, start, end):
        hour = _with_ampm(int(match.group("hour")), match.group("ampm").lower())
        before = folded[max(start, match.start() - 12) : match.start()]
        about = bool(_ABOUT_BEFORE.search(before))
        found.append(_clock(folded, match.start(), match.end(), hour, 0, about, start, end, True))
    return found


def _clock(
    folded: str,
    first: int,
    last: int,
    hour: int,
    minute: int,
    hedged: bool,
    start: int,
    end: int,
    round_hour: bool,
) -> Clock:
    zone = zone_near(folded, (start, end), first, last)
    return Clock(first, last, (hour % 24) * 60 + minute, zone, hedged, round_hour)


def _with_part_of_day(hour: int, part: str) -> int:
    if part.endswith(_PARTS_OF_DAY_PM) and hour < 12:
        return hour + 12
    if part == "中午" and hour < 6:
        return hour + 12
    if part.endswith(_PARTS_OF_DAY_AM) and hour == 12:
        return 0
    return hour


def _with_ampm(hour: int, ampm: str) -> int:
    if ampm.startswith("p") and hour < 12:
        return hour + 12
    if ampm.startswith("a") and hour == 12:
        return 0
    return hour


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = zh.parse_number(text)  # (reads 廿 and 两 itself)
    return int(value) if value is not None and value == int(value) else None
