"""Hostile input: files that must be read, files that must be rejected without stopping the
others, property tests on every stage, catastrophic backtracking, determinism."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import consistency
from consistency import document as loader
from consistency.claims import build_claims
from consistency.cli import main
from consistency.extract import extract_mentions
from consistency.model import Document, InputError
from consistency.timeline import build_timeline

ROOT = Path(__file__).resolve().parent.parent
FRONT = "---\npublished: 2026-03-02\n---\n"
QUAKE = "3月1日,甘南地震已造成{}人死亡。\n"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


# --------------------------------------------------------------------------- must be read


def test_awkward_but_valid_files_are_all_read(tmp_path):
    text = "3月1日,甘南地震已造成53人死亡。"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "big5.txt").write_bytes("3月1日,甘南地震已造成53人死亡。".encode("big5"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "crlf.txt").write_bytes(text.replace("。", "。\r\n").encode("utf-8") * 3)
    (tmp_path / "nested.html").write_text(
        "<html><body>" + "<div>" * 3000 + text + "</div>" * 3000 + "</body></html>"
    )
    (tmp_path / "yesterday.md").write_text("---\npublished: yesterday\n---\n" + text)
    (tmp_path / "zero-width.txt").write_text("3月1日,甘南地震已造成5\u200b3人死亡。")
    (tmp_path / "full-width.txt").write_text("３月１日,甘南地震已造成５３人死亡。")
    result = _run("check", str(tmp_path), "-f", "json", "--published", "2026-03-02")
    data = json.loads(result.stdout)
    assert (result.exit_code, data["errors"]) == (0, [])
    assert len(data["documents"]) == 9
    warnings = {d["path"].rsplit("/", 1)[-1]: d["warnings"] for d in data["documents"]}
    assert warnings["yesterday.md"] == ["published 'yesterday' is not a date; date unknown"]
    # every file reports the same 53 dead: no conflict, whatever the encoding or spelling
    assert data["discrepancies"] == []
    counts = {
        path.name: [
            m.to_dict()["value"]["number"]
            for m in consistency.mentions(loader.load_document(str(path)).text, "2026-03-02")
            if m.kind == "quantity"
        ]
        for path in tmp_path.iterdir()
    }
    assert all(found and set(found) == {53} for found in counts.values()), counts


# --------------------------------------------------------------------------- must be rejected


def test_bad_files_are_rejected_one_line_each_and_the_rest_checked(tmp_path, monkeypatch):
    good = tmp_path / "news"
    good.mkdir()
    (good / "a.md").write_text(FRONT + QUAKE.format(53))
    (good / "b.md").write_text(FRONT + QUAKE.format(38))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "undecodable.txt").write_bytes(b"\x81\xff\xfe\x80" * 50)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "unclosed.md").write_text("---\npublished: 2026-03-02\n" + QUAKE.format(1))
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n---\n" + QUAKE.format(1)
    (bad / "bomb.md").write_text(bomb)
    (bad / "big.txt").write_text(QUAKE.format(1) * 100)
    os.symlink(tmp_path / "nowhere.txt", bad / "dangling.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(bad / "socket.txt"))
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.pdf").write_bytes(b"%PDF")
    broken_config = tmp_path / "configured"
    broken_config.mkdir()
    (broken_config / ".consistency.yml").write_text("rules: [\n")
    (broken_config / "c.md").write_text(FRONT + QUAKE.format(53))
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 2000)
    try:
        result = _run(
            "check", str(good), str(bad), str(tmp_path / "missing.txt"),
            str(tmp_path / "nothing"), str(broken_config), "-f", "json",
        )  # fmt: skip
    finally:
        listener.close()
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    problems = {Path(e["path"]).name: e["message"] for e in data["errors"]}
    assert sorted(problems) == sorted(
        [
            "binary.txt", "undecodable.txt", "empty.txt", "unclosed.md", "bomb.md", "big.txt",
            "dangling.txt", "socket.txt", "missing.txt", "nothing", ".consistency.yml",
        ]
    )  # fmt: skip
    assert "aliases" in problems["bomb.md"] and "too large" in problems["big.txt"]
    assert "no closing" in problems["unclosed.md"] and "no articles" in problems["nothing"]
    stderr = result.stderr.splitlines()
    assert len(stderr) == len(problems) and "Traceback" not in result.stderr
    for line in stderr:
        assert line.startswith("consistency: ") and ": " in line[len("consistency: ") :]
    # the good files (and the one under the broken configuration) were still compared
    assert sorted(Path(d["path"]).name for d in data["documents"]) == ["a.md", "b.md", "c.md"]
    assert {d["rule"] for d in data["discrepancies"]} == {"C100"}


# --------------------------------------------------------------------------- properties

# Text built from the pieces that matter: digits in every script, Chinese numerals, date and
# count words, punctuation, invisible characters, and anything else.
_CHARACTERS = (
    "0123456789０１２３４５６７８９" + "一二三四五六七八九十百千万亿两零年月日号周天后前第次个人国"
)
_WORDS = ["会议", "峰会", "地震", "第二天", "一天后", "前一天", "同时", "当晚", "，", "。", "\n"]
_ODD = ["\u200b", "\ufeff", "\r", "<", ">", "&", "Feb. 4, 2026", "the next day", "summit"]
_PIECES = st.sampled_from([*_CHARACTERS, *_WORDS, *_ODD])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=80).map("".join)
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(_TEXT, st.sampled_from(["zh", "en"]))
def test_extraction_never_fails_and_offsets_stay_inside(text, language):
    extraction = extract_mentions(text, language)
    for mention in extraction.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.text == text[mention.start : mention.end]
    for start, end in extraction.segments.sentences:
        assert 0 <= start <= end <= len(text)


@_FAST
@given(_TEXT)
def test_claims_and_timeline_never_fail(text):
    document = Document("a.txt", text, text, published=None)
    timeline = build_timeline(build_claims(document, extract_mentions(text, "zh")))
    for claim in timeline.article.claims:
        assert 0 <= claim.mention.start < claim.mention.end <= len(text)


@_FAST
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html", ".json"]))
def test_the_loader_accepts_or_rejects_any_bytes(data, extension):
    try:
        document = loader.load_document("x" + extension, data=data)
    except InputError as error:
        assert error.message and "\n" not in error.message
    else:
        assert len(document.text) == len(document.raw)


@settings(max_examples=25, deadline=None)
@given(st.permutations([53, 38, 53, 61]), st.permutations(range(4)))
def test_the_report_does_not_depend_on_the_order_of_the_files(tmp_path_factory, tolls, order):
    folder = tmp_path_factory.mktemp("order")
    paths = []
    for index, toll in enumerate(tolls):
        path = folder / f"{index}.md"
        path.write_text(FRONT + QUAKE.format(toll))
        paths.append(str(path))
    forward = _run("check", *paths, "-f", "json").stdout
    shuffled = _run("check", *[paths[i] for i in order], "-f", "json").stdout
    assert forward == shuffled


# --------------------------------------------------------------------------- backtracking

_ADVERSARIAL = [
    "1" * 5000,
    "一" * 5000,
    "1," * 3000,
    "1." * 3000,
    "年月日" * 2000,
    "第" * 5000 + "天",
    "a" * 5000 + "!",
    " " * 5000 + "x",
    # a figure before a run of blanks (a price before a page's masked furniture)
    "$1" + " " * 1500 + "\n" + " " * 500 + "x",
    "<" * 3000,
    "---\n" * 1000,
    "Feb " * 2000,
]


def _patterns() -> list[tuple[str, str, int]]:
    """Every compiled pattern at the top of the language, extraction and loading modules
    (also those compiled on first use)."""
    import importlib

    from consistency.lang import LazyPattern

    found = []
    for name in (
        "consistency.lang.zh", "consistency.lang.en", "consistency.extract.times",
        "consistency.extract.quantities", "consistency.extract.events", "consistency.document",
        "consistency.segment", "consistency.suppress", "consistency.entities",
    ):  # fmt: skip
        module = importlib.import_module(name)
        for attribute, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern | LazyPattern):
                found.append((name, attribute, int(value.flags)))
    return found


def test_no_pattern_backtracks_catastrophically():
    """Each pattern is run on long adversarial strings in a child process; the harness's
    timeout (not the code) bounds the time, and the last pattern printed is the culprit."""
    script = (
        "import importlib, sys\n"
        f"strings = {_ADVERSARIAL!r}\n"
        f"for module, attribute, _ in {_patterns()!r}:\n"
        "    pattern = getattr(importlib.import_module(module), attribute)\n"
        "    print(module, attribute, flush=True)\n"
        "    for text in strings:\n"
        "        for _ in pattern.finditer(text): pass\n"
        "print('done', flush=True)\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT
        )
    except subprocess.TimeoutExpired as timeout:
        last = (timeout.stdout or b"").decode().strip().splitlines()[-1:]
        pytest.fail(f"catastrophic backtracking in {last}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("done")
    assert len(result.stdout.splitlines()) > 40  # the patterns were really found


# --------------------------------------------------------------------------- determinism


def test_same_bytes_whatever_the_hash_seed_locale_and_file_order(tmp_path):
    for index, toll in enumerate([53, 38, 61]):
        (tmp_path / f"{index}.md").write_text(FRONT + QUAKE.format(toll))
    seeds = str(ROOT / "seeds")
    files = sorted(str(p) for p in tmp_path.iterdir())
    outputs = set()
    for seed, locale, paths in [
        ("0", "C", [seeds, *files]),
        ("1", "C.UTF-8", [*reversed(files), seeds]),
        ("random", "C.UTF-8", [files[1], seeds, files[0], files[2]]),
    ]:
        environment = {**os.environ, "PYTHONHASHSEED": seed, "LC_ALL": locale}
        for output_format in ("json", "sarif", "markdown", "table"):
            result = subprocess.run(
                [sys.executable, "-m", "consistency", "check", *paths, "-f", output_format],
                capture_output=True,
                env=environment,
                cwd=ROOT,
                timeout=120,
            )
            assert result.returncode == 1, result.stderr
            outputs.add((output_format, result.stdout))
    assert len(outputs) == 4  # one output per format, identical across the runs


def test_a_document_with_too_many_mentions_is_read_up_to_the_limit(tmp_path, monkeypatch):
    import consistency.extract

    monkeypatch.setattr(consistency.extract, "MAX_MENTIONS", 6)
    path = tmp_path / "dump.md"
    path.write_text(FRONT + QUAKE.format(53) + QUAKE.format(38) * 3)
    data = json.loads(_run("check", str(path), "-f", "json").stdout)
    assert data["documents"][0]["warnings"] == [
        "12 numbers, times and event words: only the first 6 (up to line 5) were read"
    ]


def test_relative_timing_repeated_thousands_of_times_is_carried_a_bounded_way(tmp_path):
    # each "两天后" carries each stated date again: 300 copies would make 90,000 paths in
    # the first step alone, and millions in three (gigabytes before the limit)
    story = "3月4日,东北亚峰会在大连举行。两天后,两国宣布反制措施。\n"
    path = tmp_path / "repeated.md"
    path.write_text(FRONT + story * 300)
    data = json.loads(_run("check", str(path), "-f", "json").stdout)
    assert data["documents"][0]["warnings"] == [
        "relative timing: dates carried along the first 10,000 paths only (the article "
        "repeats its relative expressions)"
    ]
    # the statements are still read and dated: the one story, told 300 times, agrees
    assert data["summary"]["claims"] == 900
    assert data["discrepancies"] == []


def test_relative_timing_told_once_is_carried_in_full(tmp_path):
    path = tmp_path / "once.md"
    path.write_text(FRONT + "3月4日,东北亚峰会在大连举行。两天后,两国宣布反制措施。\n")
    data = json.loads(_run("check", str(path), "-f", "json").stdout)
    assert data["documents"][0]["warnings"] == []
