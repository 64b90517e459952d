"""Normalization beyond the example tables: relative timing stays anchored to its event in the
checker, while mentions() reads the same words from its reference date only where that is
the words' own meaning."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency import mentions
from consistency.calendars import holiday_date, nth_weekday
from consistency.claims import build_claims
from consistency.extract import extract_mentions
from consistency.model import Document
from consistency.timeline import build_timeline


def _timeline(text: str, language: str = "zh", published: dt.date = dt.date(2026, 3, 20)):
    document = Document("a.txt", text, text, language=language, published=published)
    return build_timeline(build_claims(document, extract_mentions(text, language)))


def _dates(timeline) -> dict[str, dt.date]:
    return {event.family: event.date.start for event in timeline.events if event.date}


@pytest.mark.parametrize(
    "text,family,expected",
    [
        # the relative day counts from its event, not from the publication date (3月20日)
        ("3月4日,东北亚峰会在大连举行。两天后,两国宣布反制措施。", "countermeasure", 6),
        ("3月4日,东北亚峰会在大连举行。峰会三天前,外交部举行记者会。", "statement", 1),
        ("3月4日,东北亚峰会在大连举行。第二天,两国宣布反制措施。", "countermeasure", 5),
        ("3月4日,东北亚峰会在大连举行。当晚,外交部举行记者会。", "statement", 4),
        ("3月4日,东北亚峰会在大连举行。同日,两国宣布反制措施。", "countermeasure", 4),
    ],
)
def test_relative_timing_resolves_against_its_event(text, family, expected):
    assert _dates(_timeline(text))[family] == dt.date(2026, 3, expected)


def test_english_relative_timing_resolves_against_its_event():
    text = (
        "The summit opened on March 4. The day before the summit, the ministry issued a statement."
    )
    assert _dates(_timeline(text, "en"))["statement"] == dt.date(2026, 3, 3)


def test_mentions_read_counted_days_from_the_reference_but_not_the_next_day():
    found = {m.text: m.resolved for m in mentions("两天后。第二天。当晚。", reference="2026-03-20")}
    assert found["两天后"][0] == dt.date(2026, 3, 22)
    assert found["第二天"] is None and found["当晚"] is None


def test_an_anchored_count_of_days_is_not_read_from_the_reference():
    (relative,) = [m for m in mentions("罢工开始两天后", reference="2026-03-20") if m.time]
    assert relative.time.anchor is not None and relative.resolved is None


def test_the_news_default_and_duckling_conventions_differ_only_in_preference():
    # Tuesday 12 Feb 2013: the nearest Monday is yesterday, the next one is a week on
    def start(text: str, prefer: str) -> dt.date:
        (found,) = [m for m in mentions(text, "2013-02-12", "zh", prefer=prefer) if m.resolved]
        return found.resolved[0]

    assert start("星期一", "closest") == dt.date(2013, 2, 11)
    assert start("星期一", "future") == dt.date(2013, 2, 18)
    assert start("春节", "closest") == dt.date(2013, 2, 10)
    assert start("春节", "future") == dt.date(2014, 1, 31)


def test_holiday_rules():
    assert holiday_date("lunar 1-1", 2026) == dt.date(2026, 2, 17)
    assert holiday_date("lunar 12-0", 2026) == dt.date(2026, 2, 16)
    assert holiday_date("term 清明", 2026) == dt.date(2026, 4, 5)
    assert holiday_date("easter -2", 2026) == dt.date(2026, 4, 3)
    assert holiday_date("orthodox 0", 2026) == dt.date(2026, 4, 12)
    # Yom Kippur 5787 begins at sundown on 20 September 2026
    assert holiday_date("hebrew 7-10", 2026) == dt.date(2026, 9, 20)
    assert holiday_date("islamic 10-1", 2026) == dt.date(2026, 3, 20)
    assert nth_weekday(2026, 11, 3, 4) == dt.date(2026, 11, 26)
    assert nth_weekday(2026, 5, 0, -1) == dt.date(2026, 5, 25)


@pytest.mark.parametrize(
    "text,kind,value",
    [
        ("预算为三万四千五百六十七", "number", 34567),
        ("气温降到负十五", "number", -15),
        ("亏损-1.2M", "number", -1_200_000),
        ("利率上调了25个百分点", "percent", 25),
        ("商品一律八五折", "percent", 85),
        ("约三成受访者", "percent", 30),
        ("百分之 五十", "percent", 50),
    ],
)
def test_numbers_and_percentages_without_a_classifier(text, kind, value):
    (found,) = [m for m in mentions(text, language="zh") if m.quantity]
    assert (found.quantity.kind, found.quantity.low) == (kind, value)


@pytest.mark.parametrize(
    "text", ["他一直在统一战线工作", "千万不要迟到", "万一下雨", "登上陆地", "这个人很放肆"]
)
def test_numeral_characters_inside_words_are_not_numbers(text):
    assert not [m for m in mentions(text, language="zh") if m.quantity]


def _times(text: str, reference: str = "2026-02-11") -> list[tuple[str, str, str | None]]:
    found = mentions(text, reference=reference, language="en")
    return [
        (m.text, m.time.kind, m.resolved[0].isoformat() if m.resolved else None)
        for m in found
        if m.time is not None
    ]


def test_an_english_span_is_read_as_its_start_but_a_change_of_date_keeps_both_dates():
    assert _times("The fair runs from May 5 to May 9.") == [
        ("May 5 to May 9", "date", "2026-05-05")
    ]
    assert _times("The talks were moved from May 5 to May 9.") == [
        ("May 5", "date", "2026-05-05"),
        ("May 9", "date", "2026-05-09"),
    ]


def test_an_english_shifted_date_stays_a_date_but_a_part_of_a_period_does_not():
    # "three days after March 2" names a day the checker can compare; "the first week of
    # January" names a span (it starts in December), which the checker leaves alone
    assert _times("three days after March 2, 2026") == [
        ("three days after March 2, 2026", "date", "2026-03-05")
    ]
    assert _times("the first week of January 2026") == [
        ("the first week of January 2026", "period", "2025-12-29")
    ]


def _quantities(text: str) -> list[tuple[str, str, float, str | None]]:
    found = mentions(text, language="en")
    return [
        (m.text, m.quantity.kind, m.quantity.low, m.quantity.unit)
        for m in found
        if m.quantity is not None
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("It rose to 17 USD 25.", ("17 USD 25", "money", 17.25, "USD")),
        ("a one-yen bid", ("one-yen", "money", 1.0, "JPY")),
        ("profit of 361 million pounds", ("361 million pounds", "money", 361e6, "GBP")),
        ("he holds 10000 bitcoins", ("10000 bitcoins", "money", 10000.0, "BTC")),
        ("a loan of 12,34,567.89 rupees", ("12,34,567.89 rupees", "money", 1234567.89, "INR")),
    ],
)
def test_english_amounts_of_money(text, expected):
    assert _quantities(text) == [expected]


def test_english_pounds_of_weight_are_no_money():
    assert [q[1] for q in _quantities("he lost 20 pounds")] == ["measure"]


def test_english_figures_written_side_by_side_are_several_numbers():
    assert [q[2] for q in _quantities("the address 192.168.1.2")] == [192, 168, 1, 2]
    assert [q[2] for q in _quantities("3 hundred and 2 hundred are valid")] == [300, 200]
    assert [q[2] for q in _quantities("there are 12 out of 10")] == [12, 10]
    assert [q[2] for q in _quantities("it grew 3.5 percent")] == [3.5]


@pytest.mark.parametrize(
    "text,reference,expected",
    [
        # Sunday 10 February is in 2013, not in the next year the future reading would give
        ("周日, 二月十号", "2013-02-12", "2013-02-10"),
        ("禮拜天, 二月十號", "2013-02-12", "2013-02-10"),
        # Wednesday 4 February is in 2026; Tuesday 4 February in 2025
        ("2月4日（周三）", "2026-03-01", "2026-02-04"),
        ("2月4日（周二）", "2026-03-01", "2025-02-04"),
        ("on Tuesday, Feb. 4", "2026-03-01", "2025-02-04"),
    ],
)
def test_a_weekday_beside_a_date_without_a_year_picks_the_year(text, reference, expected):
    found = [m for m in mentions(text, reference, prefer="future") if m.resolved]
    assert {m.resolved[0].isoformat() for m in found} == {expected}


def test_pairs_are_counted_as_pairs_with_their_unit():
    (shoes,) = [m for m in mentions("共有四双鞋", language="zh") if m.quantity]
    (couples,) = [m for m in mentions("三對夫婦出席", language="zh") if m.quantity]
    assert (shoes.quantity.low, shoes.quantity.unit) == (4, "pair")
    assert (couples.quantity.low, couples.quantity.unit) == (3, "pair")
    # "1对34" stays a ratio
    (ratio,) = [m for m in mentions("1对34", language="zh") if m.quantity]
    assert ratio.quantity.ratio == (1, 34)


@pytest.mark.parametrize(
    "text, quote",
    [
        ("比例为  三分之一。", "三分之一"),
        ("人口中 3分之1 是儿童", "3分之1"),
        ("会议于  下午3点开始", "下午3点"),
        ("会议于 2026年2月4日举行", "2026年2月4日"),
        ("About  one third of the 54 countries", "one third"),
    ],
)
def test_a_quote_starts_at_its_first_word_not_at_the_spaces_before_it(text, quote):
    # (a page's furniture is blanked with spaces: a pattern that could start on them also
    # took time quadratic in their length)
    assert quote in [m.text for m in mentions(text)]
    assert not any(m.text[0].isspace() for m in mentions(text))
