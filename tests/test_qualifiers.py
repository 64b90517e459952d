"""Qualifiers of claims: percentage ranges and groups, sources, plans, as-of times and time
zones, and what the rules make of them."""

from __future__ import annotations

import datetime as dt

import pytest

import consistency
from consistency.claims import build_claims
from consistency.extract import extract_mentions
from consistency.model import Document
from consistency.qualifiers import Zone, as_of_key, zone_explains


def _percents(text: str, language: str) -> list[tuple[str, float, float]]:
    mentions = extract_mentions(text, language).mentions
    return [
        (m.text, m.quantity.low, m.quantity.high)
        for m in mentions
        if m.quantity is not None and m.quantity.kind == "percent"
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("税率在53.3%至57%之间", "zh", [("53.3%至57%", 53.3, 57.0)]),
        ("税率为53.3至57%", "zh", [("53.3至57%", 53.3, 57.0)]),
        ("增幅3%-5%", "zh", [("3%-5%", 3.0, 5.0)]),
        ("税率最高能达到57%", "zh", [("最高能达到57%", 0.0, 57.0)]),
        ("税率不超过10%", "zh", [("不超过10%", 0.0, 10.0)]),
        ("duties ranging from 53.3% to 57%", "en", [("53.3% to 57%", 53.3, 57.0)]),
        ("between 53.3 and 57 percent", "en", [("between 53.3 and 57 percent", 53.3, 57.0)]),
        ("duties of up to 57% on imports", "en", [("up to 57%", 0.0, 57.0)]),
        # "and" without "between" joins two figures, not a range
        ("rose 3 and 5% in two years", "en", [("5%", 5.0, 5.0)]),
    ],
)
def test_ranges_and_ceilings_are_one_quantity(text, language, expected):
    assert _percents(text, language) == expected


def _claims(text: str, language: str = "zh", published: dt.date | None = None):
    document = Document(path="a.txt", raw=text, text=text, language=language, published=published)
    article = build_claims(document, extract_mentions(text, language))
    return article, {c.mention.text: c for c in [*article.claims, *article.percents]}


def test_percent_slots_name_the_rate_and_the_group():
    text = (
        "商务部继续征收反倾销税。美国企业适用的税率在53.3%至57%之间，"
        "其中赫姆洛克公司的税率为53.6%。商务部对韩国企业征收113.8%的反倾销税。"
        "多晶硅价格上涨4.2%。"
    )
    article, claims = _claims(text)
    assert claims["53.3%至57%"].slot == "percent:duty@美国企业"
    assert claims["53.6%"].slot == "percent:duty@赫姆洛克公司"
    assert claims["113.8%"].slot == "percent:duty@韩国企业"
    # a price rise is no rate the checker knows: no claim
    assert "4.2%" not in claims
    # percentages are kept apart from the claims that date events and are counted
    assert all(not c.slot.startswith("percent:") for c in article.claims)


def test_english_percent_takes_the_nearest_group():
    text = (
        "China said its anti-dumping ruling sets duties of up to 57% for U.S. companies "
        "and a far steeper 113.8% for Korean firms."
    )
    _, claims = _claims(text, "en")
    assert claims["up to 57%"].slot == "percent:duty@u.s. companies"
    assert claims["113.8%"].slot == "percent:duty@korean firms"


def test_sources_plans_and_as_of_times_are_read_from_the_sentence():
    text = (
        "3月1日，一处煤矿发生透水事故。据路透社报道，事故已造成12人死亡，而新华社称死亡人数为15人。"
        "原定于3月5日举行的座谈会于3月6日举行。"
        "截至1月底，已有120家企业申请；截至2月底，申请企业增至150家企业。"
    )
    _, claims = _claims(text)
    assert (claims["12人"].source, claims["15人"].source) == ("路透社", "新华社")
    assert (claims["3月5日"].modality, claims["3月6日"].modality) == ("plan", None)
    assert (claims["120家企业"].as_of, claims["150家企业"].as_of) == ("1月底", "2月底")


def test_traditional_sources_are_quoted_as_written():
    _, claims = _claims(
        "座談會於3月6日舉行。據中央社報導，座談會共有80人出席，而聯合報稱出席人數為95人。"
    )
    assert (claims["80人"].source, claims["95人"].source) == ("中央社", "聯合報")


def test_english_attribution_before_and_after_the_figure():
    text = (
        "According to Reuters, 12 people were killed in the blast, "
        "while Xinhua said 15 people died."
    )
    _, claims = _claims(text, "en")
    assert claims["12 people"].source == "Reuters"
    assert claims["15 people"].source == "Xinhua"


def test_zones_are_read_beside_dates():
    text = (
        "The leaders held a phone call on the evening of Feb. 4, Washington time. "
        "The phone call began at 9 a.m. on Feb. 5 Beijing time."
    )
    _, claims = _claims(text, "en", dt.date(2026, 2, 5))
    assert claims["Feb. 4"].zone == Zone("Washington time", -5.0)
    assert claims["Feb. 5"].zone == Zone("Beijing time", 8.0)


def test_short_zones_are_read_only_in_capitals():
    text = "The study was published Feb. 4 by Park et al. The call began Feb. 5 at 9 p.m. ET."
    _, claims = _claims(text, "en", dt.date(2026, 2, 5))
    assert claims["Feb. 4"].zone is None  # "et al.", not Eastern time
    assert claims["Feb. 5"].zone == Zone("US Eastern time", -5.0)


def test_a_time_of_day_in_a_named_place_is_that_place_s_zone():
    text = "They spoke on the morning of Feb. 4 in Washington. On Feb. 5 officials in Beijing met."
    _, claims = _claims(text, "en", dt.date(2026, 2, 5))
    assert claims["Feb. 4"].zone == Zone("Washington time", -5.0)
    # a place without a time of day says where, not in which zone
    assert claims["Feb. 5"].zone is None


def test_a_zone_explains_one_day_only_in_the_direction_of_the_clock():
    beijing, washington, local = (
        Zone("Beijing time", 8.0),
        Zone("Washington time", -5.0),
        Zone("local time", None),
    )
    # Feb. 4 evening in Washington is Feb. 5 morning in Beijing
    assert zone_explains(washington, beijing, 1)
    # the Beijing date can never be the earlier one
    assert not zone_explains(washington, beijing, -1)
    assert not zone_explains(washington, beijing, 2)
    assert not zone_explains(beijing, beijing, 1)
    assert zone_explains(local, beijing, -1)
    assert not zone_explains(None, beijing, 1)
    assert beijing.describe() == "Beijing time (UTC+8)"
    assert washington.describe() == "Washington time (UTC\u22125)"


def test_as_of_times_compare_by_their_numbers():
    assert as_of_key("3月7日上午10时") == as_of_key("3月7日10时")
    assert as_of_key("1月底") != as_of_key("2月底")
    assert as_of_key("1月底") != as_of_key("1日")
    assert as_of_key(None) is None


def _check(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return consistency.check([str(path)]).discrepancies


PUBLISHED = "---\npublished: 2026-03-07\n---\n\n"


def test_sources_that_disagree_are_info_and_unattributed_tolls_an_error(tmp_path):
    attributed = PUBLISHED + (
        "3月1日，一处煤矿发生透水事故。据路透社报道，事故已造成12人死亡，而新华社称死亡人数为15人。\n"
    )
    rows = _check(tmp_path, "a.md", attributed)
    assert [(r.rule, r.severity) for r in rows] == [("C100", "info")]
    assert rows[0].message.startswith(
        "attributed disagreement: 路透社 says '12人', 新华社 says '15人'"
    )
    plain = PUBLISHED + "3月1日，一处煤矿发生透水事故。事故已造成12人死亡，死亡人数为15人。\n"
    assert [(r.rule, r.severity) for r in _check(tmp_path, "b.md", plain)] == [("C100", "error")]


def test_a_changed_plan_is_info(tmp_path):
    text = PUBLISHED + "原定于3月5日举行的全市数字经济座谈会，于3月6日在会展中心举行。\n"
    rows = _check(tmp_path, "a.md", text)
    assert [(r.rule, r.severity) for r in rows] == [("D100", "info")]
    assert "planned for 2026-03-05, reported for 2026-03-06" in rows[0].message


def test_counts_as_of_different_times_are_not_compared(tmp_path):
    text = PUBLISHED + (
        "全市数字经济座谈会于3月6日举行。截至1月底，已有120家企业申请补助；"
        "截至2月底，申请补助的企业增至150家企业。\n"
    )
    assert _check(tmp_path, "a.md", text) == ()
    same_time = text.replace("截至2月底", "截至1月底")
    assert [r.rule for r in _check(tmp_path, "b.md", same_time)] == ["C100"]


def test_percent_for_the_same_group_conflicts_and_other_groups_do_not(tmp_path):
    text = PUBLISHED + (
        "商务部3月6日公布反倾销裁定。对韩国企业征收113.8%的反倾销税，美国企业的税率最高为57%。\n\n"
        "业内人士指出，韩国企业的反倾销税税率为88.7%。\n"
    )
    rows = _check(tmp_path, "a.md", text)
    assert [(r.rule, [c.quote for c in r.claims]) for r in rows] == [("C100", ["113.8%", "88.7%"])]


def test_one_day_apart_in_two_zones_is_info_with_the_reason(tmp_path):
    text = (
        "---\npublished: 2026-02-05\n---\n\n"
        "The leaders held a phone call on the evening of Feb. 4, Washington time.\n\n"
        "The phone call, which began at 9 a.m. on Feb. 5 Beijing time, lasted 90 minutes.\n"
    )
    rows = _check(tmp_path, "a.md", text)
    assert [(r.rule, r.severity) for r in rows] == [("D100", "info")]
    assert "Washington time (UTC\u22125)" in rows[0].message
    assert "the same moment can fall on consecutive dates" in rows[0].message
    # without the zones the same two dates are an error
    plain = text.replace(", Washington time", "").replace(" Beijing time", "")
    assert [(r.rule, r.severity) for r in _check(tmp_path, "b.md", plain)] == [("D100", "error")]
