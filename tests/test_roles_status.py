"""Titles and roles (R100) and status words (M100): the finders and the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

import consistency
from consistency.extract.roles import find_roles
from consistency.extract.status import find_status
from consistency.lang import zh
from consistency.model import Mention
from consistency.segment import segment


def roles(text: str, language: str = "zh") -> list[tuple]:
    folded = zh.fold(text) if language == "zh" else text
    return [
        (r.offices, r.country, r.person, r.delegate)
        for r in find_roles(folded, language, segment(folded))
    ]


def statuses(text: str, language: str = "zh", year: int | None = 2026) -> list[tuple]:
    folded = zh.fold(text) if language == "zh" else text
    return [
        (s.status, s.measure, s.earlier)
        for s in find_status(folded, language, segment(folded), year)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "德国外长瓦德富尔表示，欧洲需要自己的储备。",
            [(("foreign-minister",), "germany", "wadephul", False)],
        ),
        # 国务卿 is the US foreign minister; the country comes with the office
        ("国务卿鲁比奥主持会议。", [(("foreign-minister",), "united-states", "rubio", False)]),
        ("印度电子和信息技术部长出席会议。", [(("electronics-minister",), "india", None, True)]),
        (
            "德国副总理兼财长克林拜尔说。",
            [(("deputy:head-of-government", "finance-minister"), "germany", "klingbeil", False)],
        ),
        # Traditional text: 德國外長, 率團
        ("德國外長瓦德富爾率團出席會議。", [(("foreign-minister",), "germany", "wadephul", True)]),
        # the second office of "外长和财长" is Germany's too: two holders
        (
            "德国外长和财长均出席了会议。",
            [
                (("foreign-minister",), "germany", None, True),
                (("finance-minister",), "germany", None, True),
            ],
        ),
        # an ambassador is the sending country's, not the host's
        ("中国驻美国大使发表讲话。", [(("ambassador",), "china", None, False)]),
        ("前财长林德纳批评政府。", []),
        ("关键矿产部长级会议在华盛顿举行。", []),
    ],
)
def test_chinese_titles(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "German Finance Minister Lars Klingbeil attended the meeting.",
            [(("finance-minister",), "germany", "klingbeil", True)],
        ),
        (
            "Klingbeil, Germany's finance minister, said.",
            [(("finance-minister",), "germany", "klingbeil", False)],
        ),
        ("India's finance minister spoke.", [(("finance-minister",), "india", None, False)]),
        (
            "Vice Chancellor and Finance Minister Lars Klingbeil led the German delegation.",
            [(("deputy:head-of-government", "finance-minister"), "germany", "klingbeil", True)],
        ),
        (
            "Deputy Foreign Minister Jane Doe spoke.",
            [(("deputy:foreign-minister",), None, "name:doe", False)],
        ),
        (
            "U.S. Treasury Secretary Scott Bessent spoke.",
            [(("finance-minister",), "united-states", "bessent", False)],
        ),
        ("Former finance minister Christian Lindner said.", []),
        ("ex-Foreign Minister Annalena Baerbock said.", []),
        # "a finance minister" says what kind of person, not whose office
        ("She said a finance minister should resign.", []),
        # a British cabinet post, not the US foreign minister
        ("The Secretary of State for Business spoke.", []),
    ],
)
def test_english_titles(text, expected):
    assert roles(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("商务部对原产于美国的光纤开征反倾销税。", "zh", [("new", "tariff", False)]),
        ("商務部決定繼續對美國光纖徵收反傾銷稅。", "zh", [("continued", "tariff", False)]),
        # the marker 此前 belongs to 开征; 延长 is what the story reports
        (
            "此前开征的关税将延长五年。",
            "zh",
            [("new", "tariff", True), ("continued", "tariff", False)],
        ),
        ("该国去年对钢材加征关税时首次实施制裁。", "zh", [("new", "sanction", True)]),
        ("中方将继续反制。", "zh", []),
        ("Beijing imposes anti-dumping duties on fibre.", "en", [("new", "tariff", False)]),
        (
            "The EU extends the tariffs it first imposed in 2021 on steel.",
            "en",
            [("continued", "tariff", False), ("new", "tariff", True)],
        ),
        ("It announced new export controls on gallium.", "en", [("new", "export-control", False)]),
        # "new" describes only what follows it closely
        ("The new rules apply to tariffs.", "en", []),
        ("Washington imposed tariffs on cars in 2019.", "en", [("new", "tariff", True)]),
    ],
)
def test_status_words(text, language, expected):
    assert statuses(text, language) == expected


def test_status_targets_tell_two_measures_apart():
    text = "商务部宣布对日本钢材新征关税。同时继续对美国光纤征收反倾销税。"
    folded = zh.fold(text)
    new, continued = find_status(folded, "zh", segment(folded), 2026)
    assert {"日本", "钢材"} <= new.target
    assert {"美国", "光纤"} <= continued.target
    assert not new.target & continued.target


def test_role_and_status_mentions_print_their_facts():
    mention = Mention("role", "德国外长", 0, 4, facts=(("country", "germany"), ("office", "x")))
    assert mention.to_dict()["value"] == {"country": "germany", "office": "x"}


def _write(folder: Path, name: str, published: str, *paragraphs: str) -> None:
    text = f"---\npublished: {published}\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    (folder / name).write_text(text, encoding="utf-8")


def _rows(folder: Path, rule: str) -> list:
    report = consistency.check([str(folder)])
    assert not report.errors
    return [row for row in report.discrepancies if row.rule == rule]


def test_one_article_gives_one_person_two_offices(tmp_path):
    _write(
        tmp_path,
        "a.md",
        "2026-03-05",
        "3月4日，德国财长克林拜尔在柏林会见美国官员。",
        "会后，德国外长克林拜尔对记者表示，双方将加强合作。",
    )
    (row,) = _rows(tmp_path, "R100")
    assert row.severity == "error"
    assert [c.quote for c in row.claims] == ["德国财长克林拜尔", "德国外长克林拜尔"]
    assert row.claims[0].value == {
        "country": "germany",
        "office": "finance-minister",
        "person": "克林拜尔",
    }
    assert "finance minister" in row.message and "foreign minister" in row.message


def test_joint_and_former_offices_are_not_conflicts(tmp_path):
    _write(
        tmp_path,
        "a.md",
        "2026-03-05",
        "德国副总理兼财长克林拜尔3月4日在柏林表示，欧洲需要储备。",
        "财长克林拜尔还说，前财长林德纳的计划已经过时。",
        "德国副总理克林拜尔随后离开。",
    )
    assert _rows(tmp_path, "R100") == []


def test_one_article_calls_an_identified_measure_new_and_continued(tmp_path):
    _write(
        tmp_path,
        "a.md",
        "2026-03-03",
        "3月2日，商务部对原产于美国的光纤开征反倾销税。",
        "商务部官员表示，此次反倾销税将继续征收五年。",
    )
    (row,) = _rows(tmp_path, "M100")
    assert row.severity == "error"
    assert [c.value["status"] for c in row.claims] == ["new", "continued"]
    assert row.message.startswith("the article says the tariff is new ('开征反倾销税'")


def test_a_later_extension_is_a_different_decision(tmp_path):
    # Without the dates the two articles' events are linked as one (see the next test).
    _write(tmp_path, "a.md", "2026-03-03", "3月2日，商务部对原产于美国的光纤开征反倾销税。")
    _write(
        tmp_path,
        "b.md",
        "2027-03-10",
        "2027年3月9日，商务部决定对原产于美国的光纤继续征收反倾销税。",
    )
    assert _rows(tmp_path, "M100") == []


def test_two_articles_call_one_measure_new_and_continued(tmp_path):
    _write(tmp_path, "a.md", "2026-03-03", "商务部对原产于美国的光纤开征反倾销税。")
    _write(tmp_path, "b.md", "2026-03-03", "商务部决定对原产于美国的光纤继续征收反倾销税。")
    (row,) = _rows(tmp_path, "M100")
    assert row.severity == "warning"
    assert [c.path.rsplit("/", 1)[-1] for c in row.claims] == ["a.md", "b.md"]
    assert row.message.startswith("one article says the tariff is new")


def test_a_place_before_a_title_is_not_its_holder():
    assert roles("In Berlin, Germany's finance minister said.", "en") == [
        (("finance-minister",), "germany", None, False)
    ]
