"""The language example tables in lang/zh.py and lang/en.py, run as tests
(the corpus is the test suite, as in Duckling)."""

from __future__ import annotations

import pytest

from consistency import mentions
from consistency.lang import en, zh

LANGUAGES = {"zh": zh, "en": en}


def _cases(table: str):
    return [
        pytest.param(code, *case, id=f"{code}:{case[0]}")
        for code, module in LANGUAGES.items()
        for case in module.EXAMPLES.get(table, [])
    ]


@pytest.mark.parametrize("language,text,value", _cases("number"))
def test_numbers(language, text, value):
    assert LANGUAGES[language].parse_number(text) == value


@pytest.mark.parametrize("language,text,expected", _cases("quantity"))
def test_quantities_in_running_text(language, text, expected):
    found = [(m.text, m.quantity.low) for m in mentions(text, language=language) if m.quantity]
    assert [quote for quote, _ in found] == [quote for quote, _ in expected]
    assert [value for _, value in found] == pytest.approx([value for _, value in expected])


@pytest.mark.parametrize("language,text,nothing", _cases("not_number"))
def test_running_text_without_numbers(language, text, nothing):
    found = [m.text for m in mentions(text, language=language) if m.kind == "quantity"]
    assert found == ([] if nothing is None else nothing)


@pytest.mark.parametrize("language,text,reference,start", _cases("time"))
def test_times_resolve_to_the_reading_closest_to_the_reference(language, text, reference, start):
    times = [m for m in mentions(text, reference=reference, language=language) if m.kind == "time"]
    assert [t.to_dict()["value"].get("start") for t in times] == ([start] if start else [])


@pytest.mark.parametrize("language,text,offset,order,anchor", _cases("relative"))
def test_relative_timing_keeps_offset_order_and_written_anchor(
    language, text, offset, order, anchor
):
    (relative,) = [
        m for m in mentions(text, language=language) if m.time and m.time.kind == "relative"
    ]
    written = text[slice(*relative.time.anchor)] if relative.time.anchor else None
    assert (relative.time.offset_days, relative.time.order, written) == (offset, order, anchor)


@pytest.mark.parametrize("language,text,low,high,counted", _cases("count"))
def test_counts_keep_the_thing_counted_and_hedges_as_ranges(language, text, low, high, counted):
    (count,) = [
        m for m in mentions(text, language=language) if m.quantity and m.quantity.kind == "count"
    ]
    assert (count.quantity.low, count.quantity.high, count.quantity.counted) == (
        low,
        high,
        counted,
    )


def test_mention_to_dict_shape():
    (found,) = [m for m in mentions("54个国家") if m.kind == "quantity"]
    assert found.to_dict() == {
        "kind": "quantity",
        "text": "54个国家",
        "start": 0,
        "end": 5,
        "value": {"number": 54, "unit": None, "counted": "country"},
    }


def test_every_ideograph_is_a_letter_so_detect_language_counts_them_once():
    from consistency.lang import is_cjk

    ideographs = [chr(code) for code in range(0x3400, 0xA000) if is_cjk(chr(code))]
    assert len(ideographs) == 0x4DC0 - 0x3400 + 0xA000 - 0x4E00
    assert all(char.isalpha() for char in ideographs)


@pytest.mark.parametrize(
    "text", ["美国拉上五十四国", "a美b国c", "稀土 联盟，54国", "", "English only"]
)
def test_cjk_bigrams_are_the_adjacent_ideograph_pairs(text):
    from consistency.lang import cjk_bigrams, is_cjk

    pairs = {
        text[i : i + 2] for i in range(len(text) - 1) if is_cjk(text[i]) and is_cjk(text[i + 1])
    }
    assert cjk_bigrams(text) == pairs


@pytest.mark.parametrize(
    ("text", "without_letters", "expected"),
    [
        ("美国拉上五十四国开会", "en", "zh"),
        ("The US gathered 54 countries; 美国", "zh", "en"),  # 2 ideographs of 24 letters
        ("The US gathered 54 countries; 美国拉上五十四国", "en", "en"),  # 8 of 30
        ("The US gathered 54 countries; 美国拉上五十四国开会", "en", "zh"),  # 10 of 32
        ("54 — 34, 2026-02-04", "en", "en"),
        ("54 — 34, 2026-02-04", "zh", "zh"),
        # compatibility and supplementary-plane ideographs count as ideographs
        ("\uf900\uf901\U00020000 ok", "en", "zh"),
    ],
)
def test_detect_language_by_the_share_of_ideographs_among_letters(
    text: str, without_letters: str, expected: str
) -> None:
    from consistency.lang import detect_language

    assert detect_language(text, without_letters) == expected


def test_a_number_beyond_floats_is_no_number():
    # found by the property test: "0E310" overflowed a float
    assert [m.quantity for m in mentions("0E310", language="zh") if m.quantity] == []
