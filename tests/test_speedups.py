"""The fast paths of extraction give what the plain code they replace gives."""

from __future__ import annotations

import dataclasses
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from consistency.extract import Extraction, events, extract_mentions, prefilter, quantities, times
from consistency.lang import zh
from consistency.model import EventWord, Mention, Quantity, copy_with
from consistency.segment import Segments, segment


def _translated(text: str) -> str:
    # fold() as it was: one str.translate pass, then "，" between digits as "、"
    folded = text.translate(zh._FOLD_TABLE)
    return "".join(
        "、"
        if char == "，"
        and 0 < i < len(text) - 1
        and text[i - 1] in "0123456789"
        and text[i + 1] in "0123456789"
        else folded[i]
        for i, char in enumerate(text)
    )


def test_fold_by_replace_matches_translate() -> None:
    texts = [
        "記者在現場，秩序良好。",  # few folding characters: str.replace
        "２０２６年２月８日，會議於北京舉行：與會者逾３００人（含代表）！",  # many: translate
        "$20，300美圆，９，９９９元",
        "，1，2，",
        "没有要折叠的字",
    ]
    for text in texts:
        assert zh.fold(text) == _translated(text)
    assert zh.fold("$20，300") == "$20、300"
    assert zh.fold("９，９９９") == "9,999"


def test_name_run_stops_at_stops_and_every_digit() -> None:
    # the class holds exactly the characters the old loop stopped at (str.isdigit, stops)
    for code in range(0x110000):
        char = chr(code)
        stops = char in events._NAME_STOPS or char.isdigit()
        assert (events._NAME_RUN.fullmatch(char) is None) == stops, hex(code)


def test_event_name_reads_back_to_a_stop() -> None:
    found = events.find_events("一场气氛截然相反的闭门会议", "一场气氛截然相反的闭门会议", "zh")
    assert [m.event.name for m in found] == ["闭门会议"]
    found = events.find_events("②号闭门会议", "②号闭门会议", "zh")  # "②" is a digit
    assert [m.event.name for m in found] == ["号闭门会议"]


def test_lazy_segments_equal_eager_ones() -> None:
    text = "他说，好。你呢？ 我 - 不知道——也许：明天"
    lazy = segment(text)
    eager = Segments(lazy.sentences, lazy.clauses)
    assert lazy == eager and hash(lazy) == hash(eager)
    # as the eager split gave them before
    assert lazy.sentences == ((0, 5), (5, 8), (9, 23))
    assert lazy.clauses == ((0, 3), (3, 5), (5, 8), (9, 12), (13, 18), (18, 21), (21, 23))
    assert segment(text).clause_at(3) == (3, 5)
    # pickled before the spans are read, they are read after
    assert pickle.loads(pickle.dumps(segment(text))).clauses == lazy.clauses


def test_quantity_readers_unpack_groups_in_the_patterns_order() -> None:
    # extract/quantities.py reads these patterns' matches with match.groups(), by position
    assert zh.NUMERAL.groups == 5
    assert dict(zh.NUMERAL.groupindex) == {"sign": 1, "arabic": 2, "exp": 3, "si": 4, "cn": 5}
    assert zh.COUNT.groups == 6
    assert dict(zh.COUNT.groupindex) == {
        "hedge": 1,
        "vague": 2,
        "number": 3,
        "suffix": 4,
        "scale": 5,
        "classifier": 6,
    }
    # and what they read: a signed number with a scale letter, a Chinese numeral, a hedged
    # count with a suffix, a scale and a classifier
    assert zh.NUMERAL.match("负1.5k").groups() == ("负", "1.5", None, "k", None)
    assert zh.NUMERAL.match("三万").groups() == (None, None, None, None, "三万")
    count = zh.COUNT.search("约20余万名")
    assert count is not None
    assert count.groups() == ("约", None, "20", "余", "万", "名")


# texts whose answers differ: none of the time scanners, some, others
_GATED_TEXTS = ["2026年2月8日", "下周三上午10点", "没有时间的句子", "春节前后", "三天后", "星期五"]


def test_any_of_passing_is_each_scanners_possible() -> None:
    gate = times._ANY_TIME
    answers = set()
    for text in [*_GATED_TEXTS, *_GATED_TEXTS]:  # the second time from the kept answers
        expected = tuple(s for s in gate._scanners if s.possible(text))
        assert gate.passing(text) == expected
        assert gate.possible(text) == bool(expected)
        answers.add(expected)
    assert len(answers) == len(_GATED_TEXTS)
    assert gate.passing("没有时间的句子") == ()
    assert gate.passing("三天后") == (times._RELATIVE, times._PERIOD)


def test_any_of_drops_its_kept_answers_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter.AnyOf, "MAX_KEPT", 2)
    gate = prefilter.AnyOf(times._DATE, times._WEEKDAY)
    for text in _GATED_TEXTS:
        expected = tuple(s for s in (times._DATE, times._WEEKDAY) if s.possible(text))
        assert gate.passing(text) == expected
        assert gate.possible(text) == bool(expected)
        assert len(gate._passing) <= 2


def _same_record(built: Any, expected: Any) -> None:
    # equal, and every field in the instance's own dict, in declared order: a field added to
    # the dataclass but not to a dict-built record's template fails here
    assert built == expected
    assert list(vars(built).items()) == list(vars(expected).items())
    assert list(vars(built)) == [field.name for field in dataclasses.fields(expected)]


def test_dict_built_records_hold_every_field() -> None:
    text = "会上34个国家签署了协议，其中重伤5人，另有12艘船改道。"
    extraction = extract_mentions(text, "zh")
    count, event, injured, ships = extraction.mentions
    _same_record(
        count.quantity, Quantity(34.0, 34.0, "count", None, "country", "个国家", None, None)
    )
    _same_record(count, Mention("quantity", "34个国家", 2, 7, count.quantity))
    _same_record(event.event, EventWord("signing", "签署", "签署", False))
    _same_record(event, Mention("event", "签署", 7, 9, event=event.event))
    assert injured.quantity.counted == "person:seriously-injured:subset"
    assert ships.quantity.counted == "艘:other"
    expected = Extraction(
        text, extraction.folded, "zh", extraction.segments, (count, event, injured, ships), 4
    )
    _same_record(extraction, expected)
    _same_record(quantities._quantity(3, 4), Quantity(3, 4))
    _same_record(
        quantities._quantity(1, 2, "count", "pair", "shoe", "双鞋", "约"),
        Quantity(1, 2, "count", "pair", "shoe", "双鞋", hedge="约"),
    )
    (date,) = extract_mentions("2026年2月8日", "zh").mentions
    assert date.time is not None and (date.time.year, date.time.month, date.time.day) == (
        2026,
        2,
        8,
    )
    _same_record(date, Mention("time", "2026年2月8日", 0, 9, time=date.time))
    # read after invisible characters: offsets mapped back by copies of the mentions
    _same_record(
        extract_mentions("会上3\u200b4个国家", "zh").mentions[0],
        Mention("quantity", "3\u200b4个国家", 2, 8, count.quantity),
    )


def test_copy_with_is_replace() -> None:
    mention = extract_mentions("一天后精准反制", "zh").mentions[-1]
    assert mention.event is not None and mention.event.name == "精准反制"  # a trimmed copy
    _same_record(
        copy_with(mention, start=1, text="x"), dataclasses.replace(mention, start=1, text="x")
    )
    _same_record(
        copy_with(mention.event, name="反制"), dataclasses.replace(mention.event, name="反制")
    )


# Texts with runs of digits and numerals, followed by what the patterns look for and by what
# makes them fail, so that a match could start inside a run
_RUNS = [
    "1234比5，十二比三，一 二 三比四，12345 678个",
    "3/4，1234 5/6，12分之1，一千二百分之三，十 二 又三分之一，2又3分之1",
    "3.5个百分点，一 二个百分点，12345678百分点，三 成，七成六，12345折",
    "123456789012345678901234567890比",
    "一一一一一一一一一一一一一一一一一分",
    "1 2 3 4 5 6 7 8 9 0 1 2/3 4",
]


@pytest.mark.parametrize("name", ["RATIO", "FRACTION", "PERCENT_POINTS", "TENTHS"])
def test_numbers_read_from_the_start_of_their_run_find_what_they_found(name):
    # the patterns as they were, with the plain NUMBER and _SPACED
    guarded = getattr(zh, name)
    plain = re.compile(
        guarded.pattern.replace(zh.NUMBER_AT_RUN_START, zh.NUMBER).replace(
            zh._SPACED_AT_RUN_START, zh._SPACED
        ),
        guarded.flags,
    )
    assert plain.pattern != guarded.pattern
    found = 0
    for text in _RUNS:
        matches = [m.groupdict() | {"": m.span()} for m in guarded.finditer(text)]
        assert matches == [m.groupdict() | {"": m.span()} for m in plain.finditer(text)], text
        found += len(matches)
    assert found >= 2  # the texts hold what each pattern reads: the comparison says something


def test_a_chinese_check_never_imports_the_english_patterns():
    # compiling lang/en.py's patterns takes about half a second of a cold start; a module that
    # reads lang.en at import time (not through LazyModule) would spend it on every run
    code = (
        "import sys, consistency; consistency.check(['seeds/']); "
        "print('consistency.lang.en' in sys.modules)"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
