"""Names spelled two ways (N100) and acronyms expanded two ways or wrongly (A100, A101)."""

from __future__ import annotations

import json
from importlib import resources as package_files

import pytest

import consistency
from consistency import resources
from consistency.config import load_config, merged_additions
from consistency.extract.acronyms import find_acronyms, letters_fit, plausible_expansion
from consistency.extract.names import are_aliases, find_names
from consistency.lang import zh
from consistency.report.json import as_data
from consistency.rules import all_rules
from consistency.rules.acronyms import same_expansion
from consistency.rules.names import roles_clash, short_slip, similar_spellings
from tests.eval_names_acronyms import evaluate

# ---------------------------------------------------------------- acronym letters


@pytest.mark.parametrize(
    ("acronym", "expansion"),
    [
        ("FORGE", "Forum on Resource Geostrategic Engagement"),  # "on" gives the O
        ("NATO", "North Atlantic Treaty Organization"),
        ("ASEAN", "Association of Southeast Asian Nations"),  # SE from Southeast
        ("OECD", "Organisation for Economic Co-operation and Development"),
        ("APEC", "Asia-Pacific Economic Cooperation"),
        ("START", "Strategic Arms Reduction Treaty"),  # ST from Strategic
        ("NGO", "non-governmental organizations"),
        ("USAID", "United States Agency for International Development"),
    ],
)
def test_letters_fit_expansions_that_spell_the_acronym(acronym, expansion):
    assert letters_fit(acronym, expansion) is True


@pytest.mark.parametrize(
    ("acronym", "expansion"),
    [
        ("FORGE", "Forum on Resource Strategic Engagement"),  # no word gives the G
        ("MPS", "Mineral Security Partnership"),  # the letters out of order
        ("WTO", "World Health Organization"),
    ],
)
def test_letters_do_not_fit_expansions_that_cannot_spell_it(acronym, expansion):
    assert letters_fit(acronym, expansion) is False
    assert plausible_expansion(acronym, expansion) is True


def test_a_foreign_or_short_gloss_is_not_taken_for_a_wrong_expansion():
    assert letters_fit("SPD", "Social Democrats") is False
    assert plausible_expansion("SPD", "Social Democrats") is False  # fewer words than letters
    assert plausible_expansion("MSF", "Doctors Without Borders") is False  # another letter


def test_find_acronyms_reads_the_three_ways_of_writing_one():
    text = (
        "Delegates joined FORGE, the Forum on Resource Geostrategic Engagement, on Monday. "
        "The Association of Southeast Asian Nations (ASEAN) and NATO (North Atlantic Treaty "
        "Organization) sent observers; Lars Klingbeil (SPD) did not."
    )
    found = [(m.acronym, m.expansion, m.fits, text[m.start : m.end]) for m in find_acronyms(text)]
    assert found == [
        (
            "FORGE",
            "Forum on Resource Geostrategic Engagement",
            True,
            "FORGE, the Forum on Resource Geostrategic Engagement",
        ),
        (
            "ASEAN",
            "Association of Southeast Asian Nations",
            True,
            "Association of Southeast Asian Nations (ASEAN)",
        ),
        (
            "NATO",
            "North Atlantic Treaty Organization",
            True,
            "NATO (North Atlantic Treaty Organization)",
        ),
    ]


def test_find_acronyms_reads_a_chinese_name_before_the_acronym():
    text = "一项名为资源地缘战略合作论坛（FORGE）的新机制落地。东盟（ASEAN）秘书处表示欢迎。"
    found = [(m.acronym, m.expansion, m.script) for m in find_acronyms(text)]
    assert found == [("FORGE", "资源地缘战略合作论坛", "cjk"), ("ASEAN", "东盟", "cjk")]


def test_one_acronym_for_two_bodies_in_unrelated_stories_is_only_info(tmp_path):
    first = _write(tmp_path, "a.txt", "The WTO (World Trade Organization) ruled on tariffs.\n")
    second = _write(tmp_path, "b.txt", "The WTO (World Tourism Organization) counted visitors.\n")
    (row,) = consistency.check([first, second]).discrepancies
    assert (row.rule, row.severity) == ("A100", "info")
    assert row.message.endswith("that report different happenings: maybe two bodies")


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


def test_expansions_differing_only_in_spelling_are_one():
    assert same_expansion(
        "Organisation for Economic Co-operation and Development",
        "the Organization for Economic Cooperation & Development",
        "latin",
    )
    assert not same_expansion(
        "Forum on Resource Geostrategic Engagement",
        "Forum for Resource Governance and Exchange",
        "latin",
    )
    assert same_expansion("东盟", "东南亚国家联盟", "cjk")  # a short form
    assert not same_expansion("资源地缘战略合作论坛", "关键矿产论坛", "cjk")


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("first", "second", "script", "similar"),
    [
        ("Klingbeil", "Kingbeil", "latin", True),
        ("Macron", "Macorn", "latin", True),  # a transposition is one slip
        ("Rheinmetall", "Rheinmettal", "latin", True),  # two slips in a long name
        ("Smith", "Smyth", "latin", False),  # short: two real names
        ("Brenner", "Bremner", "latin", True),  # alike: the context decides
        ("Hansen", "Jansen", "latin", False),  # another first letter
        ("German", "Germany", "latin", False),  # one word's forms
        ("Organisation", "Organization", "latin", False),
        ("Müller", "Muller", "latin", False),
        ("克林拜尔", "克林拜耳", "cjk", True),
        ("王毅", "王义", "cjk", False),  # two characters: too short to tell
        ("特朗普", "特朗普政府", "cjk", False),
    ],
)
def test_similar_spellings(first, second, script, similar):
    assert similar_spellings(first, second, script) is similar


@pytest.mark.parametrize(
    ("first", "second", "slip"),
    [
        ("Merz", "Mertz", True),  # a letter added
        ("Rubio", "Rubbio", True),  # a letter doubled
        ("Sousa", "Souza", False),  # a letter replaced: two names
        ("Smith", "Smyth", False),
        ("Wei", "Wen", False),  # three letters: too short
    ],
)
def test_short_slips_are_added_or_dropped_or_swapped_letters(first, second, slip):
    assert short_slip(first, second) is slip


def test_a_short_slip_needs_the_same_given_name_or_role(tmp_path):
    same = _write(tmp_path, "a.txt", "Chancellor Friedrich Merz met the president.\n")
    slip = _write(tmp_path, "b.txt", "Chancellor Friedrich Mertz said the talks went well.\n")
    other = _write(tmp_path, "c.txt", "The talks went well, Mertz said.\n")
    assert [d.rule for d in consistency.check([same, slip]).discrepancies] == ["N100"]
    assert consistency.check([same, other]).discrepancies == ()


def test_a_given_name_slip_across_articles_is_one_name_spelled_two_ways(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "Governor Greg Abbott toured the flooded county.\n"),
        _write(tmp_path, "b.txt", "Greg Abbott said more rescuers were coming.\n"),
        _write(tmp_path, "c.txt", "Governor Gregg Abbott (R) spoke on Sunday.\n"),
    ]
    rows = consistency.check(paths).discrepancies
    assert [row.rule for row in rows] == ["N100"]
    # the spelling fewer articles use is the one questioned
    assert rows[0].claims[rows[0].primary[0]].quote == "Gregg Abbott"
    assert {claim.quote for claim in rows[0].claims} == {"Greg Abbott", "Gregg Abbott"}


def test_korean_names_written_surname_first_are_compared_whole(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "Judges removed Yook Suk Yeol on Friday.\n"),
        _write(tmp_path, "b.txt", "The court removed President Yoon Suk Yeol from office.\n"),
        _write(tmp_path, "c.txt", "Acting chief justice Moon Hyung-bae read the ruling.\n"),
        _write(tmp_path, "d.txt", "The acting chief justice, Moon Hyun-bae, read it aloud.\n"),
    ]
    rows = consistency.check(paths).discrepancies
    quotes = sorted(tuple(sorted({c.quote for c in row.claims})) for row in rows)
    assert quotes == [
        ("Moon Hyun-bae", "Moon Hyung-bae"),
        ("Yook Suk Yeol", "Yoon Suk Yeol"),
    ]


def test_two_people_of_one_family_in_one_article_are_not_a_slip(tmp_path):
    text = "Joan Smith and her husband John Smith ran the camp; John Smith founded it.\n"
    assert consistency.check([_write(tmp_path, "a.txt", text)]).discrepancies == ()


def test_roles_clash_only_when_they_cannot_be_one_persons():
    assert roles_clash("finance minister", "coach")
    assert roles_clash("finance minister", "foreign minister")
    assert not roles_clash("minister", "finance minister")
    assert not roles_clash(None, "coach")


def test_find_names_reads_roles_surnames_and_chinese_transliterations():
    text = (
        "Officials said German Finance Minister Lars Klingbeil would attend. Michael Brenner, "
        "chief economist at the Bundesbank, agreed."
    )
    sentences = ((0, 67), (68, len(text)))
    names = [(n.key, n.given, n.role) for n in find_names(text, sentences)]
    # "Officials" opens a sentence; "German" and "Bundesbank" are kept: names of a people and
    # a bank can be misspelled too
    assert names == [
        ("German", (), None),
        ("Klingbeil", ("Lars",), "finance minister"),
        ("Brenner", ("Michael",), "economist"),
        ("Bundesbank", (), None),
    ]
    chinese = "德國財長克林拜爾3月2日表示，美国国务卿鲁比奥特别强调，克林拜尔（Klingbeil）说。"
    folded = zh.fold(chinese)  # as the checker reads it
    found = [(n.key, n.role, chinese[n.start : n.end]) for n in find_names(folded, ())]
    assert found == [
        ("克林拜尔", "finance minister", "克林拜爾"),  # Traditional read as Simplified
        ("鲁比奥", "secretary of state", "鲁比奥"),  # "特别" is not part of the name
        ("克林拜尔", "finance minister", "克林拜尔"),
        ("Klingbeil", None, "Klingbeil"),
    ]


def test_aliases_come_from_names_yml_and_entities_yml():
    assert are_aliases("泽连斯基", "澤倫斯基")  # names.yml, Traditional folded
    assert are_aliases("特朗普", "川普")
    assert are_aliases("Zelensky", "Zelenskyy")  # entities.yml
    assert not are_aliases("Klingbeil", "Kingbeil")


def test_full_chinese_names_are_aliases_when_their_surnames_are(tmp_path):
    first = _write(tmp_path, "a.txt", "乌克兰总统弗拉基米尔·泽连斯基当天抵达柏林。\n")
    second = _write(tmp_path, "b.txt", "烏克蘭總統弗拉基米爾·澤倫斯基當天抵達柏林。\n")
    third = _write(tmp_path, "c.txt", "乌克兰总统弗拉基米尔·泽连斯吉当天抵达柏林。\n")
    assert consistency.check([first, second]).discrepancies == ()
    (row,) = consistency.check([first, third]).discrepancies
    assert (row.rule, [c.quote for c in row.claims]) == (
        "N100",
        ["弗拉基米尔·泽连斯基", "弗拉基米尔·泽连斯吉"],
    )


def test_configured_name_aliases_silence_a_known_variant(tmp_path):
    first = _write(tmp_path, "a.txt", "德国财长克林拜尔3月2日表示，明年将增加借款。\n")
    second = _write(tmp_path, "b.txt", "德国财长克林贝尔3月3日说，新增支出不违反规则。\n")
    rows = [d.rule for d in consistency.check([first, second]).discrepancies]
    assert rows == ["N100"]
    config = load_config(
        _write(tmp_path, "c.yml", "aliases:\n  names:\n    klingbeil: [克林拜尔, 克林贝尔]\n")
    )
    with resources.additions(merged_additions([config])):
        assert are_aliases("克林拜尔", "克林贝尔")
    assert not are_aliases("克林拜尔", "克林贝尔")  # only while the configuration is in use
    configured = consistency.check([first, second], config=str(tmp_path / "c.yml"))
    assert [d.rule for d in configured.discrepancies] == []


def test_an_unknown_alias_kind_names_the_known_ones(tmp_path):
    from consistency.model import InputError

    with pytest.raises(InputError, match="expected entities, events, names"):
        load_config(_write(tmp_path, "c.yml", "aliases:\n  people: {a: [b]}\n"))


# ---------------------------------------------------------------- reports


def test_name_and_acronym_rows_print_their_values_and_follow_the_schema(tmp_path):
    import jsonschema

    first = _write(
        tmp_path,
        "a.txt",
        "Finance Minister Lars Klingbeil spoke. The Mineral Security Partnership (MPS) met.\n",
    )
    second = _write(tmp_path, "b.txt", "Finance Minister Lars Kingbeil spoke on Monday.\n")
    data = as_data(consistency.check([first, second]))
    schema = json.loads(
        package_files.files("consistency").joinpath("schema", "report-1.json").read_text("utf-8")
    )
    jsonschema.validate(data, schema)
    rows = {row["rule"]: row for row in data["discrepancies"]}
    assert sorted(rows) == ["A101", "N100"]
    assert [c["value"] for c in rows["N100"]["claims"]] == [
        {"name": "Klingbeil"},
        {"name": "Kingbeil"},
    ]
    assert rows["N100"]["kind"] == "name" and rows["N100"]["severity"] == "warning"
    assert rows["A101"]["claims"][0]["value"] == {
        "acronym": "MPS",
        "expansion": "Mineral Security Partnership",
    }
    assert rows["A101"]["kind"] == "acronym"


def test_the_rules_are_registered_with_their_kinds():
    kinds = {rule.code: rule.kind for rule in all_rules()}
    assert (kinds["N100"], kinds["A100"], kinds["A101"]) == ("name", "acronym", "acronym")


def test_labelled_cases_precision_and_recall():
    """The numbers benchmarks/README.md states (python -m tests.eval_names_acronyms)."""
    scores = evaluate()
    counted = {rule: (s.found, s.missed, s.false_alarms) for rule, s in scores.items()}
    assert counted == {
        "N100": (15, ["chinese-two-character-merz"], []),
        "A100": (3, [], ["wto-two-bodies (A100)"]),
        "A101": (5, [], []),
        "all": (23, ["chinese-two-character-merz"], ["wto-two-bodies (A100)"]),
    }


def test_one_person_given_two_ages_across_articles(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "Among the dead was 12-year-old Lila Bonner of Dallas.\n"),
        _write(tmp_path, "b.txt", "The victims include Lila Bonner, 9, and her cousin.\n"),
        _write(tmp_path, "c.txt", "Lila Bonner, 9, had gone to the camp with a friend.\n"),
    ]
    rows = [row for row in consistency.check(paths).discrepancies if row.rule == "P100"]
    assert len(rows) == 1
    row = rows[0]
    assert [row.claims[i].path[-5:] for i in row.primary] == ["a.txt"]
    assert row.message.startswith("Lila Bonner is given two ages: 9 in ")


def test_a_letter_dropped_from_a_short_given_name_is_a_slip(tmp_path):
    slip = [
        _write(tmp_path, "a.txt", "France's Leon Marchand won four golds.\n"),
        _write(tmp_path, "b.txt", "Swimmer Leon Marchand took the 200m title.\n"),
        _write(tmp_path, "c.txt", "Young French swimmer Lon Marchand shone.\n"),
    ]
    assert [row.rule for row in consistency.check(slip).discrepancies] == ["N100"]


def test_a_flight_code_one_article_writes_otherwise_is_a_slip(tmp_path):
    agreeing = "济州航空7C2216航班29日在务安机场坠毁。\n"
    paths = [_write(tmp_path, f"{n}.txt", agreeing) for n in "abc"]
    paths.append(_write(tmp_path, "d.txt", "编号7C2166的航班29日在务安机场坠毁。\n"))
    rows = [row for row in consistency.check(paths).discrepancies if row.rule == "N100"]
    assert len(rows) == 1
    assert [rows[0].claims[i].quote for i in rows[0].primary] == ["7C2166"]
    # two models each written by many articles are two models
    models = [_write(tmp_path, f"m{n}.txt", "小米YU7与小米SU7销量都很好。\n") for n in "abc"]
    assert [r for r in consistency.check(models).discrepancies if r.rule == "N100"] == []
