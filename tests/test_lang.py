"""The language example tables, run as tests (the corpus is the test suite)."""

from __future__ import annotations

import pytest

from consistency import mentions
from consistency.lang import en, zh


@pytest.mark.parametrize("text,value", zh.EXAMPLES["number"])
def test_chinese_numbers(text, value):
    assert zh.parse_number(text) == value


@pytest.mark.parametrize("text,value", en.EXAMPLES["number"])
def test_english_numbers(text, value):
    assert en.parse_number(text) == value


TIMES = [
    ("2026年1月14日", "2026-01-14", "2026-02-08"),
    ("2月4日", "2026-02-04", "2026-02-08"),
    ("12月30日", "2025-12-30", "2026-01-03"),
    ("二〇二六年二月四日", "2026-02-04", None),
    ("on Feb. 4, 2026", "2026-02-04", None),
    ("on March 8", "2026-03-08", "2026-03-10"),
    ("昨天", "2026-02-07", "2026-02-08"),
]


@pytest.mark.parametrize("text,start,reference", TIMES)
def test_dates_resolve_to_the_reading_closest_to_the_reference(text, start, reference):
    (time,) = [m for m in mentions(text, reference=reference) if m.kind == "time"]
    assert time.to_dict()["value"]["start"] == start


NOT_TIMES = [
    "22分大逆转5连胜",
    "毕竟中期选举在即",
    "成本只有美国的四分之一",
    "每日经济新闻",
    "排队3000桌",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_numbers_inside_other_words_are_not_times(text):
    assert [m for m in mentions(text, reference="2026-02-08") if m.kind == "time"] == []


COUNTS = [
    ("来自54个国家和欧盟的代表", 54, 54, "country"),
    ("美国拉上五十四国建立联盟", 54, 54, "country"),
    ("日韩澳等34个国家的高官", 34, 34, "country"),
    ("造成12人死亡", 12, 12, "person:dead"),
    ("逾50人受伤", 50, 75, "person:injured"),
    ("50多人遇难", 50, 60, "person:dead"),
    ("nearly 100 people were killed", 80, 100, "person:dead"),
    ("47 countries sent delegates", 47, 47, "country"),
]


@pytest.mark.parametrize("text,low,high,counted", COUNTS)
def test_counts_keep_the_thing_counted_and_hedges_as_ranges(text, low, high, counted):
    (count,) = [m for m in mentions(text) if m.quantity and m.quantity.kind == "count"]
    assert (count.quantity.low, count.quantity.high, count.quantity.counted) == (
        low,
        high,
        counted,
    )


def test_relative_timing_keeps_its_written_anchor():
    text = "2月5日,也就是那场大会的第二天,外交部发言人表示"
    (relative,) = [m for m in mentions(text) if m.time and m.time.kind == "relative"]
    assert relative.time.offset_days == 1
    start, end = relative.time.anchor
    assert text[start:end] == "那场大会"


def test_mention_to_dict_shape():
    (found,) = [m for m in mentions("54个国家") if m.kind == "quantity"]
    assert found.to_dict() == {
        "kind": "quantity",
        "text": "54个国家",
        "start": 0,
        "end": 5,
        "value": {"number": 54, "unit": None, "counted": "country"},
    }
