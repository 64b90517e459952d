"""Lists of participants: what the finder counts, and rule E100 on whole articles."""

from __future__ import annotations

import math

import pytest

import consistency
from consistency.extract.enumerations import (
    find_enumerations,
    names_apart,
    role_near,
    with_regions,
)
from consistency.lang import zh


def _lists(text: str, language: str = "zh"):
    folded = zh.fold(text) if language == "zh" else text
    return folded, find_enumerations(folded, 0, len(folded), language)


def _one(text: str, language: str = "zh"):
    folded, found = _lists(text, language)
    assert len(found) == 1, [text[e.start : e.end] for e in found]
    return folded, found[0]


@pytest.mark.parametrize(
    ("text", "quote", "entities", "partial"),
    [
        ("美国、日本和韩国的代表出席了会议。", "美国、日本和韩国", 3, False),
        ("美、日、韩、澳等国的代表出席。", "美、日、韩、澳", 4, True),
        ("美国牵头把G7、欧盟、日韩澳等34个国家的高官拉到了一起", "G7、欧盟、日韩澳", 5, True),
        ("中美两国元首通话", "中美", 2, False),
        ("英、法、德三国外长出席", "英、法、德", 3, False),
        # Traditional characters
        ("美國、日本、韓國和澳洲的代表出席了會議。", "美國、日本、韓國和澳洲", 4, False),
        ("出席會議的有紐西蘭、荷蘭和義大利的代表。", "紐西蘭、荷蘭和義大利", 3, False),
        # an unknown name continues the list: it names at least the known ones
        ("美国、日本、韩国和斐济的代表出席", "美国、日本、韩国", 3, True),
        ("斐济、美国、日本和韩国的代表出席", "美国、日本和韩国", 3, True),
        ("包括新加坡、泰国和越南在内的多个国家", "新加坡、泰国和越南", 3, True),
    ],
)
def test_chinese_lists(text, quote, entities, partial):
    _, found = _one(text)
    assert text[found.start : found.end] == quote
    assert len(found.entities) == entities
    assert found.partial is partial


@pytest.mark.parametrize(
    "text",
    [
        "中美关系是世界上最重要的双边关系",  # 中美 joined to a word, not a list
        "会议于4日、5日和6日举行",  # 日 after a number is a day
        "声明有中、英、法文版本",  # languages
        "今日韩国总统发表讲话",  # 今日 + 韩国
        "澳洲锂矿、加拿大镍矿才能活下来",  # items are mines, not countries
        "北京、东京和首尔的气温都在零度以下",  # cities
        "美国和斐济的代表",  # two names and an unknown: too little for a list
    ],
)
def test_chinese_non_lists(text):
    assert _lists(text)[1] == []


def test_a_comma_does_not_join_an_abbreviation_and_subset_words_mark_a_subgroup():
    _, found = _one("其中，新加坡、泰国和越南的代表是首次出席。")
    assert found.entities == ("singapore", "thailand", "vietnam")
    assert found.subset and not found.partial


def test_the_count_that_labels_a_list_starts_at_next_offset():
    text = "日韩澳等34个国家的高官"
    _, found = _one(text)
    assert found.marker == "等"
    assert text[found.next_offset :].startswith("34个国家")


@pytest.mark.parametrize(
    ("text", "quote", "countries", "partial", "marker"),
    [
        (
            "Australia, Canada, the European Union, France and the United Kingdom sent "
            "representatives.",
            "Australia, Canada, the European Union, France and the United Kingdom",
            4,
            False,
            None,
        ),
        (
            "Officials from 34 countries, including France, Germany and Japan, attended.",
            "France, Germany and Japan",
            3,
            True,
            "including",
        ),
        (
            "France, Germany and Italy, among others, signed.",
            "France, Germany and Italy",
            3,
            True,
            "among others",
        ),
        (
            "countries such as Chile, Peru and Colombia",
            "Chile, Peru and Colombia",
            3,
            True,
            "such as",
        ),
        (
            "Fiji, Australia, Canada and Japan attended.",
            "Australia, Canada and Japan",
            3,
            True,
            None,
        ),
        (
            "the U.S., Japan and South Korea attended.",
            "the U.S., Japan and South Korea",
            3,
            False,
            None,
        ),
    ],
)
def test_english_lists(text, quote, countries, partial, marker):
    _, found = _one(text, "en")
    assert text[found.start : found.end] == quote
    assert found.number("country") == countries
    assert found.partial is partial
    assert found.marker == marker


def test_an_unknown_name_in_a_list_makes_it_partial():
    _, found = _one("Australia, Canada, Japan and Fiji sent delegates.", "en")
    assert found.unknown_item and found.partial and found.marker is None
    assert found.country_range() == (3.0, math.inf)
    _, found = _one("美国、日本、韩国和斐济的代表出席")
    assert found.unknown_item and found.partial


def test_english_non_lists():
    assert _lists("London, Paris and Berlin were cold.", "en")[1] == []
    assert _lists("Only France and Fiji objected.", "en")[1] == []


def test_country_range_reads_organizations_regions_and_groups():
    _, found = _one("来自美国、日本、韩国和欧盟的代表")
    assert found.country_range() == (3.0, 4.0)  # the EU may be among "N countries"
    assert found.country_range(others_apart=True) == (3.0, 3.0)  # "N个国家和欧盟"
    _, found = _one("日本、韩国和台湾的代表")
    assert found.country_range(with_regions=True) == (3.0, 3.0)  # "N个国家和地区"
    _, found = _one("G7、欧盟和印度的代表")
    assert found.country_range()[1] == math.inf  # G7 is several countries
    mention = found.mention("G7、欧盟和印度的代表")
    assert mention.kind == "enumeration" and mention.text == "G7、欧盟和印度"


@pytest.mark.parametrize(
    ("text", "target", "language", "role"),
    [
        ("34个国家的代表出席了会议", "34个国家", "zh", "attended"),
        ("美国、日本和德国的代表对声明提出异议", "美国、日本和德国", "zh", "dissent"),
        ("出席会议的有美国、日本和德国的代表", "美国、日本和德国", "zh", "attended"),
        ("12个国家签署了声明", "12个国家", "zh", "signed"),
        (
            "Officials from 34 countries attended the meeting and France objected",
            "34 countries",
            "en",
            "attended",
        ),
        (
            "Brazil, Mexico and Peru did not attend the meeting",
            "Brazil, Mexico and Peru",
            "en",
            "dissent",
        ),
        (
            "Delegations attended the meeting: France, Italy and Spain",
            "France, Italy and Spain",
            "en",
            "attended",
        ),
        ("美国、日本和德国将在年内公布路线图", "美国、日本和德国", "zh", None),
    ],
)
def test_roles(text, target, language, role):
    folded = zh.fold(text) if language == "zh" else text
    start = text.index(target)
    assert role_near(folded, start, start + len(target), (0, len(text)), language) == role


def test_counts_that_name_organizations_or_regions_apart():
    text = "来自54个国家和欧盟的代表"
    assert names_apart(text, text.index("的代表") - 3, "zh")  # after "54个国家"
    assert not names_apart("来自54个国家的代表", 6, "zh")
    assert names_apart("34 countries and the European Union", 12, "en")
    assert with_regions("34个国家和地区", 5, "个国家")
    assert not with_regions("34个国家的代表", 5, "个国家")


_COUNTRIES = (
    "中国 日本 韩国 澳大利亚 新西兰 印度尼西亚 马来西亚 菲律宾 泰国 越南 新加坡 印度 孟加拉国 "
    "巴基斯坦 加拿大 美国 墨西哥 智利 秘鲁 哥伦比亚 巴西 阿根廷 英国 法国 德国 意大利 西班牙 "
    "荷兰 比利时 波兰 瑞典 挪威 芬兰 丹麦"
).split()


def _article(tmp_path, name: str, body: str):
    path = tmp_path / name
    path.write_text(f"---\ntitle: 会议\npublished: 2026-03-10\n---\n\n{body}\n", "utf-8")
    return path


def _rows(tmp_path, body: str):
    report = consistency.check([str(_article(tmp_path, "a.md", body))])
    return [row for row in report.discrepancies if row.rule == "E100"]


def test_a_complete_list_of_33_conflicts_with_34(tmp_path):
    listed = "、".join(_COUNTRIES[:32]) + "和" + _COUNTRIES[32]
    body = (
        "3月9日，关键矿产部长级会议在华盛顿举行，34个国家的代表出席了会议。\n\n"
        f"出席这次会议的有{listed}的代表。"
    )
    (row,) = _rows(tmp_path, body)
    assert row.kind == "enumeration"
    assert "names 33 countries" in row.message and "'34个国家'" in row.message
    assert [claim.value for claim in row.claims] == [34, 33]


def test_a_partial_list_agrees_with_a_larger_count(tmp_path):
    body = (
        "3月9日，关键矿产部长级会议在华盛顿举行，34个国家的代表出席了会议。\n\n"
        "美、日、韩、澳等国的代表出席了这次会议。"
    )
    assert _rows(tmp_path, body) == []


def test_a_partial_list_longer_than_its_count_conflicts(tmp_path):
    (row,) = _rows(tmp_path, "3月9日，美、日、韩、澳、英等四国的代表出席了会议。")
    assert row.severity == "error"
    assert row.claims[0].value == {"at_least": 5}
    assert "at least 5 countries" in row.message


def test_a_short_list_in_a_story_about_many_countries_is_not_compared(tmp_path):
    body = (
        "3月9日，关键矿产部长级会议在华盛顿举行，34个国家的代表出席了会议。\n\n"
        "美国、日本和德国的代表在会上发言。"
    )
    assert _rows(tmp_path, body) == []


def test_the_label_of_a_complete_list_is_no_count_of_the_event(tmp_path):
    body = (
        "3月9日，关键矿产部长级会议在华盛顿举行，14个国家的代表出席了会议。"
        "会上，印度尼西亚、马来西亚、菲律宾和越南四国联合提交了倡议。"
    )
    report = consistency.check([str(_article(tmp_path, "a.md", body))])
    assert [row.rule for row in report.discrepancies] == []


def test_a_list_against_the_count_of_a_linked_article(tmp_path):
    listed = "、".join(_COUNTRIES[:14]) + "和" + _COUNTRIES[14]
    first = _article(
        tmp_path, "a.md", "3月9日，海洋塑料治理部长级会议在厦门闭幕，14个国家的代表出席了会议。"
    )
    second = _article(
        tmp_path,
        "b.md",
        f"海洋塑料治理部长级会议3月9日在厦门闭幕。出席这次会议的有{listed}的代表。",
    )
    report = consistency.check([str(first), str(second)])
    (row,) = [row for row in report.discrepancies if row.rule == "E100"]
    assert row.severity == "warning"
    assert {claim.value for claim in row.claims} == {14, 15}


def test_a_list_shorter_than_a_hedged_count_is_not_compared(tmp_path):
    listed = "、".join(_COUNTRIES[:8]) + "和" + _COUNTRIES[8]
    body = (
        "3月9日，关键矿产部长级会议在华盛顿举行，十余个国家的代表出席了会议。\n\n"
        f"出席这次会议的有{listed}的代表。"
    )
    assert _rows(tmp_path, body) == []
    # the same nine names against an exact count of ten are a conflict
    (row,) = _rows(tmp_path, body.replace("十余个国家", "10个国家"))
    assert "names 9 countries" in row.message


def test_a_count_with_no_verb_of_its_own_is_not_compared(tmp_path):
    listed = "、".join(_COUNTRIES[:12]) + "和" + _COUNTRIES[12]
    body = (
        "3月9日，关键矿产部长级会议在华盛顿举行。"
        f"出席这次会议的有{listed}的代表。3个国家的代表在会上发言。"
    )
    assert _rows(tmp_path, body) == []
    (row,) = _rows(tmp_path, body.replace("在会上发言", "出席了会议"))
    assert "names 13 countries" in row.message and "'3个国家'" in row.message


def test_only_one_character_abbreviations_are_read_as_abbreviations():
    from consistency.extract.enumerations import _one_of

    pattern = _one_of({"美": "united-states", "日": "japan", "欧洲": "europe"})
    assert pattern.findall("美日欧洲") == ["美", "日"]
    assert _one_of({}).findall("美日") == []
