"""Times of day as the articles write them: minutes after midnight, zone, hedge."""

from __future__ import annotations

import pytest

from consistency.extract.clocks import find_clocks
from consistency.lang import zh


@pytest.mark.parametrize(
    ("text", "quote", "minute", "zone", "hedged"),
    [
        ("台灣時間上午9時許,客機", "上午9时許", 9 * 60, "Taiwan time", True),
        ("為台灣時間同日上午約八時三分", "上午约八时三分", 8 * 60 + 3, "Taiwan time", True),
        ("韩国当地时间上午9时7分许", "上午9时7分许", 9 * 60 + 7, "local time", True),
        ("4日晚間2時30分", "晚间2时30分", 14 * 60 + 30, None, False),
        ("at around 09:08 local time", "09:08", 9 * 60 + 8, "local time", True),
        ("lifted off at 13:08:39 IST", "13:08:39", 13 * 60 + 8, "India time", False),
        ("carried it aloft at 5 p.m. GMT", "5 p.m.", 17 * 60, "GMT", False),
        ("by 11:30 pm on Saturday", "11:30 pm", 23 * 60 + 30, None, False),
        ("凌晨12时", "凌晨12时", 0, None, False),
    ],
)
def test_a_time_of_day_is_read_with_its_zone(text, quote, minute, zone, hedged):
    folded = zh.fold(text)
    clocks = find_clocks(folded, 0, len(folded))
    assert [
        (folded[c.start : c.end], c.minute, c.zone.name if c.zone else None, c.hedged)
        for c in clocks
    ] == [(quote, minute, zone, hedged)]


@pytest.mark.parametrize(
    "text",
    ["Hassan won the marathon in 2:22:55", "三点建议", "今午55時17分點火", "比分3:1"],
)
def test_race_times_scores_plans_and_impossible_hours_are_not_times_of_day(text):
    folded = zh.fold(text)
    assert find_clocks(folded, 0, len(folded)) == []
