"""Normalization accuracy of ``consistency.mentions`` on public corpora.

    python benchmarks/normalization.py --benchmarks ../shared/benchmarks

Reads the JSONL corpora described in the benchmarks folder's SOURCES.md and prints, per corpus,
how many cases there are, how many were found, how many were read right, the accuracy and the
speed (input characters per second through ``mentions``). Every miss is written to the
failures file (default ``benchmarks/normalization-failures.txt``) for reading. With no
benchmarks folder it prints one line and exits 0. Standard library plus the project only; it
is not part of the test suite.

What is counted
---------------

Time corpora use the day-level *start-day* rule: a case is right when the time mention
scored for it resolves to a start date equal to the gold start date. The mention scored is the
time mention (one with a resolved date) that overlaps the gold span most; ties go to the
earlier one. *found* counts the cases where such a mention exists.

- ``duckling_zh_time`` (every case; the gold span is the whole input). Gold start: the local
  date of ``value``, or of ``from`` for an interval (``to`` alone: the date of ``to``).
  Resolved with Duckling's own convention (``prefer="future"``: a bare weekday or holiday is
  the next one), against the reference's local date.
- ``recognizers_zh_datetime`` / ``recognizers_en_datetime``: only the *dated* entities
  count, those with at least one resolution value whose ``value``, ``start`` or ``end``
  carries a calendar date (226 ZH, 805 EN). The gold start dates are the dates of every
  listed value's ``value`` or ``start`` (past and future readings are both accepted); a value
  with neither (an open range such as "2018年以前") contributes the date of its ``end``, the
  date the text names. The mention must overlap the gold span (whole-sentence input; spans
  are end-inclusive in the corpus). Resolved with the news default (``prefer="closest"``).

Number corpora: the quantity mention that overlaps the gold span most is scored; it is right
when its number equals the gold value (relative tolerance 1e-9; for a hedged count either end
of its range).

- ``duckling_zh_numeral``: every case, the whole input, gold ``value``. Duckling counts the
  items of pairs ("一对" is 2, "五双" 10) where ``mentions`` counts pairs (unit ``pair``):
  that corpus convention is applied to the mention before comparing, as ``prefer`` is.
- ``recognizers_*_number``: every expected entity, gold ``value``.
- ``recognizers_*_percent``: every expected entity, a percent mention, gold ``value`` without
  its ``%``.
- ``recognizers_*_currency``: every expected entity, a money mention, gold ``value`` (the
  amount; the unit is not scored).

*false* counts mentions of the scored kind found in the corpus's negative cases (inputs for
which the corpus expects nothing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency import mentions
from consistency.model import Mention

_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass
class Case:
    """One scored item: an input, the gold span in it, and what counts as right."""

    id: str
    text: str
    span: tuple[int, int]  # end exclusive
    gold: set  # start dates (ISO strings) or numbers
    reference: str | None


@dataclass
class Corpus:
    name: str
    kind: str  # time | number | percent | money
    language: str
    prefer: str
    cases: list[Case] = field(default_factory=list)
    # Duckling's convention: a count of pairs is read as the number of items
    pairs_as_items: bool = False
    negatives: list[tuple[str, str, str | None]] = field(default_factory=list)


def _read(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _duckling_time(path: Path) -> Corpus:
    corpus = Corpus("duckling_zh_time", "time", "zh", "future")
    for row in _read(path):
        expected = row["expected"]
        if expected["type"] == "value":
            value = expected["value"]
        else:
            value = (expected.get("from") or expected.get("to"))["value"]
        text = row["input"]
        corpus.cases.append(Case(row["id"], text, (0, len(text)), {value[:10]}, row["reference"]))
    return corpus


def _dated_starts(entity: dict) -> set[str]:
    starts = set()
    for value in (entity.get("resolution") or {}).get("values") or []:
        begin = value.get("value") or value.get("start")
        if begin is None:
            begin = value.get("end")
        if isinstance(begin, str) and _DATE.match(begin):
            starts.add(begin[:10])
    return starts


def _recognizers_time(path: Path, name: str, language: str) -> Corpus:
    corpus = Corpus(name, "time", language, "closest")
    for row in _read(path):
        if not row["expected"]:
            corpus.negatives.append((row["id"], row["input"], row["reference"]))
        for index, entity in enumerate(row["expected"]):
            starts = _dated_starts(entity)
            if not starts:
                continue
            span = (entity["start"], entity["end"] + 1)
            corpus.cases.append(
                Case(f"{row['id']}#{index}", row["input"], span, starts, row["reference"])
            )
    return corpus


def _number(text: str) -> float:
    return float(str(text).rstrip("%").replace(",", ""))


def _duckling_numeral(path: Path) -> Corpus:
    corpus = Corpus("duckling_zh_numeral", "number", "zh", "closest", pairs_as_items=True)
    for row in _read(path):
        text = row["input"]
        corpus.cases.append(
            Case(row["id"], text, (0, len(text)), {float(row["expected"]["value"])}, None)
        )
    return corpus


def _recognizers_numbers(path: Path, name: str, kind: str, language: str) -> Corpus:
    corpus = Corpus(name, kind, language, "closest")
    for row in _read(path):
        if not row["expected"]:
            corpus.negatives.append((row["id"], row["input"], None))
        for index, entity in enumerate(row["expected"]):
            try:
                value = _number(entity.get("value") or entity["resolution"]["value"])
            except (KeyError, ValueError):
                continue
            span = (entity["start"], entity["end"] + 1)
            corpus.cases.append(Case(f"{row['id']}#{index}", row["input"], span, {value}, None))
    return corpus


CORPORA: list[tuple[str, Callable[[Path], Corpus], str]] = [
    ("duckling_zh_time.jsonl", _duckling_time, "90%"),
    (
        "recognizers_zh_datetime.jsonl",
        lambda p: _recognizers_time(p, "recognizers_zh_datetime", "zh"),
        "90%",
    ),
    ("duckling_zh_numeral.jsonl", _duckling_numeral, "98%"),
    (
        "recognizers_zh_number.jsonl",
        lambda p: _recognizers_numbers(p, "recognizers_zh_number", "number", "zh"),
        "95%",
    ),
    (
        "recognizers_zh_percent.jsonl",
        lambda p: _recognizers_numbers(p, "recognizers_zh_percent", "percent", "zh"),
        "95%",
    ),
    (
        "recognizers_zh_currency.jsonl",
        lambda p: _recognizers_numbers(p, "recognizers_zh_currency", "money", "zh"),
        "95%",
    ),
    (
        "recognizers_en_datetime.jsonl",
        lambda p: _recognizers_time(p, "recognizers_en_datetime", "en"),
        "85%",
    ),
    (
        "recognizers_en_number.jsonl",
        lambda p: _recognizers_numbers(p, "recognizers_en_number", "number", "en"),
        "95%",
    ),
    (
        "recognizers_en_percent.jsonl",
        lambda p: _recognizers_numbers(p, "recognizers_en_percent", "percent", "en"),
        "95%",
    ),
    (
        "recognizers_en_currency.jsonl",
        lambda p: _recognizers_numbers(p, "recognizers_en_currency", "money", "en"),
        "95%",
    ),
]


def _scorable(mention: Mention, kind: str) -> bool:
    if kind == "time":
        return mention.kind == "time" and mention.resolved is not None
    quantity = mention.quantity
    if quantity is None or quantity.ratio is not None:
        return False
    if kind == "percent":
        return quantity.kind == "percent"
    if kind == "money":
        return quantity.kind == "money"
    return True


def _overlap(mention: Mention, span: tuple[int, int]) -> int:
    return min(mention.end, span[1]) - max(mention.start, span[0])


def _read_value(mention: Mention, kind: str, pairs_as_items: bool = False) -> object:
    if kind == "time":
        assert mention.resolved is not None
        return mention.resolved[0].isoformat()
    quantity = mention.quantity
    assert quantity is not None
    factor = 2 if pairs_as_items and quantity.unit == "pair" else 1
    return (quantity.low * factor, quantity.high * factor)


def _right(value: object, gold: set, kind: str) -> bool:
    if kind == "time":
        return value in gold
    assert isinstance(value, tuple)
    return any(
        math.isclose(end, expected, rel_tol=1e-9, abs_tol=1e-12)
        for end in value
        for expected in gold
    )


@dataclass
class Result:
    cases: int = 0
    found: int = 0
    correct: int = 0
    false: int = 0
    chars: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def _reference(text: str | None) -> dt.date | None:
    return dt.datetime.fromisoformat(text).date() if text else None


def run(corpus: Corpus) -> Result:
    result = Result()
    cache: dict[tuple[str, str | None], list[Mention]] = {}

    def read(text: str, reference: str | None) -> list[Mention]:
        key = (text, reference)
        if key not in cache:
            started = time.perf_counter()
            found = mentions(
                text,
                reference=_reference(reference),
                language=corpus.language,
                prefer=corpus.prefer,
            )
            result.seconds += time.perf_counter() - started
            result.chars += len(text)
            cache[key] = [m for m in found if _scorable(m, corpus.kind)]
        return cache[key]

    for case in corpus.cases:
        result.cases += 1
        candidates = [m for m in read(case.text, case.reference) if _overlap(m, case.span) > 0]
        if not candidates:
            result.failures.append(
                f"{case.id}\tmissed\t{case.text!r} [{case.text[slice(*case.span)]}]"
                f"\tgold={sorted(case.gold)}\tref={case.reference}"
            )
            continue
        result.found += 1
        best = max(candidates, key=lambda m: (_overlap(m, case.span), -m.start))
        value = _read_value(best, corpus.kind, corpus.pairs_as_items)
        if _right(value, case.gold, corpus.kind):
            result.correct += 1
        else:
            result.failures.append(
                f"{case.id}\twrong\t{case.text!r} [{case.text[slice(*case.span)]}]"
                f"\tgot {best.text!r}={value}\tgold={sorted(case.gold)}\tref={case.reference}"
            )
    for case_id, text, reference in corpus.negatives:
        spurious = read(text, reference)
        if spurious:
            result.false += len(spurious)
            result.failures.append(f"{case_id}\tfalse\t{text!r}\tgot {[m.text for m in spurious]}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--benchmarks", default="../shared/benchmarks")
    parser.add_argument("--failures", default="benchmarks/normalization-failures.txt")
    parser.add_argument("--only", help="run only the corpora whose name contains this")
    args = parser.parse_args(argv)
    folder = Path(args.benchmarks)
    if not folder.is_dir():
        print(f"normalization: no benchmarks folder at {folder}, skipped")
        return 0
    header = f"{'corpus':26} {'cases':>6} {'found':>6} {'correct':>7} {'accuracy':>8} "
    header += f"{'target':>6} {'false':>5} {'chars/s':>9}"
    print(header)
    lines = []
    for filename, load, target in CORPORA:
        path = folder / filename
        if not path.exists() or (args.only and args.only not in filename):
            continue
        corpus = load(path)
        result = run(corpus)
        accuracy = result.correct / result.cases if result.cases else 0.0
        speed = result.chars / result.seconds if result.seconds else 0.0
        print(
            f"{corpus.name:26} {result.cases:6d} {result.found:6d} {result.correct:7d} "
            f"{accuracy:8.1%} {target:>6} {result.false:5d} {speed:9.0f}"
        )
        lines.append(f"## {corpus.name}: {result.correct}/{result.cases}")
        lines.extend(result.failures)
    Path(args.failures).parent.mkdir(parents=True, exist_ok=True)
    Path(args.failures).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"failures written to {args.failures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
