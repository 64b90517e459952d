"""The CI and newsroom workflow: exit codes, standard input, levels, configuration,
suppressions, baselines and the archive."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency import archive
from consistency.cli import main

FRONT = "---\npublished: 2026-03-02\n---\n"
QUAKE_53 = FRONT + "3月1日,甘南地震已造成53人死亡。\n"
QUAKE_38 = FRONT + "3月1日,甘南地震已造成38人死亡。\n"


def _write(folder, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def _rows(result) -> list[tuple[str, str]]:
    data = json.loads(result.stdout)
    return [(item["rule"], item["severity"]) for item in data["discrepancies"]]


@pytest.fixture
def conflict(tmp_path):
    """Two reports of one quake with different death tolls (C100, warning)."""
    return [_write(tmp_path, "a.md", QUAKE_53), _write(tmp_path, "b.md", QUAKE_38)]


# --------------------------------------------------------------------------- exit codes, levels


def test_exit_codes_follow_the_fail_level(conflict):
    assert _run("check", *conflict).exit_code == 1
    assert _run("check", *conflict, "--fail-level", "error").exit_code == 0
    assert _run("check", *conflict, "--fail-level", "none").exit_code == 0
    assert _run("check", conflict[0]).exit_code == 0


def test_an_input_error_wins_over_findings_and_the_rest_is_still_checked(conflict, tmp_path):
    result = _run("check", *conflict, str(tmp_path / "missing.txt"), "-f", "json")
    assert result.exit_code == 2
    assert _rows(result) == [("C100", "warning")]
    assert "missing.txt: no such file or directory" in result.stderr


def test_min_level_hides_findings_from_the_report_and_the_exit_code(conflict):
    result = _run("check", *conflict, "--min-level", "error", "-f", "json")
    assert (result.exit_code, _rows(result)) == (0, [])


def test_quiet_prints_only_findings(conflict):
    assert _run("check", conflict[0], "-q").stdout == ""
    noisy = _run("check", *conflict, "-q").stdout
    assert "C100" in noisy and "documents," not in noisy


def test_standard_input_is_named_by_stdin_filename(conflict):
    result = _run(
        "check", "-", conflict[1], "--stdin-filename", "draft.md", "-f", "json",
        stdin=QUAKE_53.encode(),
    )  # fmt: skip
    paths = sorted(c["path"] for item in json.loads(result.stdout)["discrepancies"]
                   for c in item["claims"])  # fmt: skip
    assert paths == sorted(["draft.md", conflict[1]])


def test_output_file_is_written_whole(conflict, tmp_path):
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    result = _run("check", *conflict, "-f", "json", "-o", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text("utf-8"))["summary"]["warning"] == 1
    assert os.listdir(target.parent) == ["report.json"]


# --------------------------------------------------------------------------- configuration


def test_the_nearest_configuration_governs_each_file(tmp_path):
    _write(tmp_path, ".consistency.yml", "rules:\n  C100: 'off'\n")
    _write(tmp_path, "desk/.consistency.yml", "rules:\n  C100: error\nfail_level: error\n")
    far = [_write(tmp_path, "a.md", QUAKE_53), _write(tmp_path, "b.md", QUAKE_38)]
    near = [_write(tmp_path, "desk/a.md", QUAKE_53), _write(tmp_path, "desk/b.md", QUAKE_38)]
    assert (_run("check", *far).exit_code, _rows(_run("check", *far, "-f", "json"))) == (0, [])
    result = _run("check", *near, "-f", "json")
    assert (result.exit_code, _rows(result)) == (1, [("C100", "error")])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail_levle: error\n", "line 1: unknown key 'fail_levle'"),
        ("rules:\n  C100: eror\n", "line 2: rules.C100: 'eror' is not one of"),
        ("rules:\n  X999: error\n", "line 2: rules: unknown rule 'X999'"),
        ("exclude: {a: b}\n", "line 1: exclude: expected text or a list of texts"),
        ("published: last week\n", "line 1: published: 'last week' is not a date"),
        ("furniture: ['(unclosed']\n", "line 1: furniture: bad regular expression"),
        ("base: &b [1, 2]\nrules: *b\n", "line 1: YAML aliases and anchors are not allowed"),
        ("rules: [\n", "invalid YAML"),
    ],
)
def test_a_wrong_configuration_is_named_with_its_line(tmp_path, text, message):
    config = _write(tmp_path, "cfg.yml", text)
    article = _write(tmp_path, "a.md", QUAKE_53)
    result = _run("check", article, "--config", config)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"consistency: {config}: ")
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_broken_discovered_configuration_does_not_stop_other_files(tmp_path):
    _write(tmp_path, "bad/.consistency.yml", "rules: [\n")
    bad_folder = [_write(tmp_path, "bad/a.md", QUAKE_53), _write(tmp_path, "bad/b.md", QUAKE_38)]
    result = _run("check", *bad_folder, "-f", "json")
    assert result.exit_code == 2
    assert _rows(result) == [("C100", "warning")]  # checked with the defaults
    assert ".consistency.yml" in json.loads(result.stdout)["errors"][0]["path"]


def test_configuration_excludes_dates_and_adds_event_words(tmp_path):
    _write(
        tmp_path,
        ".consistency.yml",
        "exclude: ['drafts/*']\npublished: 2026-03-02\naliases:\n  events:\n    storm: [风灾]\n",
    )
    _write(tmp_path, "drafts/x.txt", "3月1日,甘南地震已造成12人死亡。\n")
    _write(tmp_path, "a.txt", "3月1日,台州风灾已造成3人死亡。\n")
    _write(tmp_path, "b.txt", "3月1日,台州风灾已造成5人死亡。\n")
    data = json.loads(_run("check", str(tmp_path), "-f", "json").stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in data["documents"]] == ["a.txt", "b.txt"]
    assert {d["published_from"] for d in data["documents"]} == {"config"}
    assert [(d["rule"], d["event"]) for d in data["discrepancies"]] == [("C100", "台州风灾")]


def test_configuration_furniture_blanks_lines(tmp_path):
    _write(tmp_path, ".consistency.yml", "furniture:\n  lines: ['本台记者统计.*']\n")
    text = FRONT + "3月1日,甘南地震已造成53人死亡。\n本台记者统计,甘南地震已造成38人死亡。\n"
    article = _write(tmp_path, "a.md", text)
    assert _rows(_run("check", article, "-f", "json")) == []
    assert _rows(_run("check", article, "-f", "json", "--config", os.devnull)) == [
        ("C100", "error")
    ]


# --------------------------------------------------------------------------- suppressions


def test_a_suppression_silences_its_quote_and_an_unused_one_is_reported(tmp_path):
    ignored = '<!-- consistency: ignore C100 "53人" -->\n'
    a = _write(tmp_path, "a.md", QUAKE_53 + ignored)
    b = _write(tmp_path, "b.md", QUAKE_38)
    assert _rows(_run("check", a, b, "-f", "json")) == []
    stale = '<!-- consistency: ignore C100 "61人" -->\n'
    a = _write(tmp_path, "a.md", QUAKE_53 + stale)
    result = _run("check", a, b, "-f", "json")
    assert _rows(result) == [("C100", "warning"), ("S100", "info")]
    unused = json.loads(result.stdout)["discrepancies"][1]["claims"][0]
    assert (unused["line"], unused["quote"]) == (5, stale.strip())


def test_a_suppression_without_quote_covers_the_file_and_is_not_article_text(tmp_path):
    # the directive's own numbers must not become claims
    a = _write(tmp_path, "a.md", QUAKE_53 + "<!-- consistency: ignore C100 -->\n")
    b = _write(tmp_path, "b.md", QUAKE_38)
    data = json.loads(_run("check", a, b, "-f", "json").stdout)
    assert data["discrepancies"] == [] and data["summary"]["claims"] == 4
    broken = _write(tmp_path, "c.md", QUAKE_53 + "<!-- consistency: ignroe C100 -->\n")
    warnings = json.loads(_run("check", broken, "-f", "json").stdout)["documents"][0]["warnings"]
    assert warnings == [
        "line 5: cannot read the directive '<!-- consistency: ignroe C100 -->' "
        '(expected <!-- consistency: ignore CODE "quote" -->)'
    ]


# --------------------------------------------------------------------------- baseline


def test_a_baseline_survives_a_line_shift_and_reports_only_new_findings(tmp_path):
    a = _write(tmp_path, "a.md", QUAKE_53)
    b = _write(tmp_path, "b.md", QUAKE_38)
    baseline = str(tmp_path / "baseline.json")
    assert _run("check", a, b, "--write-baseline", baseline).exit_code == 1
    entries = json.loads(Path(baseline).read_text("utf-8"))["findings"]
    assert [(e["rule"], e["quotes"]) for e in entries] == [("C100", ["53人", "38人"])]

    _write(tmp_path, "a.md", FRONT + "\n\n甘南州政府通报灾情。\n" + QUAKE_53[len(FRONT) :])
    result = _run("check", a, b, "--baseline", baseline, "-f", "json")
    assert (result.exit_code, _rows(result)) == (0, [])

    _write(tmp_path, "b.md", QUAKE_38.replace("38人", "36人"))
    result = _run("check", a, b, "--baseline", baseline, "--prune-baseline", "-f", "json")
    assert (result.exit_code, _rows(result)) == (1, [("C100", "warning")])
    assert "pruned 1 entries" in result.stderr
    assert json.loads(Path(baseline).read_text("utf-8"))["findings"] == []
    assert sorted(os.listdir(tmp_path)) == ["a.md", "b.md", "baseline.json"]


def test_a_baseline_that_is_not_one_is_an_input_error(tmp_path, conflict):
    wrong = _write(tmp_path, "wrong.json", '{"findings": []}')
    result = _run("check", *conflict, "--baseline", wrong)
    assert result.exit_code == 2 and "not a baseline" in result.stderr


# --------------------------------------------------------------------------- archive


def test_the_archive_is_indexed_incrementally(tmp_path):
    database = str(tmp_path / "index.sqlite")
    _write(tmp_path, "archive/a.md", QUAKE_53)
    _write(tmp_path, "archive/c.md", FRONT + "3月1日,东北亚峰会在大连举行。\n")
    folder = str(tmp_path / "archive")
    first = _run("index", folder, "--db", database)
    assert first.exit_code == 0
    assert "2 added, 0 updated, 0 unchanged, 0 removed" in first.stdout
    _write(tmp_path, "archive/a.md", QUAKE_53.replace("53人", "54人"))
    os.remove(tmp_path / "archive/c.md")
    second = _run("index", folder, "--db", database)
    assert "0 added, 1 updated, 0 unchanged, 1 removed" in second.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT quote FROM claims WHERE slot LIKE 'count:%'").fetchall() == [
            ("54人",)
        ]


def test_a_new_extractor_reads_everything_again(tmp_path, monkeypatch):
    database = str(tmp_path / "index.sqlite")
    folder = os.path.dirname(_write(tmp_path, "archive/a.md", QUAKE_53))
    assert archive.index_archive(folder, database).added == 1
    assert archive.index_archive(folder, database).unchanged == 1
    monkeypatch.setattr(archive, "extractor_version", lambda: "next")
    assert archive.index_archive(folder, database).added == 1


def test_a_submission_is_checked_against_the_archive(tmp_path):
    database = str(tmp_path / "index.sqlite")
    _write(tmp_path, "archive/old.md", QUAKE_53)
    _write(tmp_path, "archive/other.md", QUAKE_53.replace("53人", "61人").replace("甘南", "定日"))
    _run("index", str(tmp_path / "archive"), "--db", database)
    new = _write(tmp_path, "new.md", QUAKE_38)
    result = _run("check", new, "--against", database, "-f", "json")
    assert result.exit_code == 1
    (row,) = json.loads(result.stdout)["discrepancies"]
    quoted = sorted(
        (c["path"].rsplit("/", 2)[-2:][-1], c["line"], c["quote"]) for c in row["claims"]
    )
    assert quoted == [("new.md", 4, "38人"), ("old.md", 4, "53人")]


def test_checking_against_a_missing_index_is_an_input_error(conflict, tmp_path):
    result = _run("check", *conflict, "--against", str(tmp_path / "none.sqlite"))
    assert result.exit_code == 2
    assert "no archive index here" in result.stderr


def test_configuration_aliases_add_participant_spellings_only_while_in_use(tmp_path):
    from consistency import resources
    from consistency.config import load_config, merged_additions
    from consistency.entities import find_entities

    config = load_config(
        _write(tmp_path, "c.yml", "aliases:\n  entities:\n    mayor-lin: [林市长]\n")
    )
    assert "mayor-lin" not in find_entities("林市长出席了会议")
    with resources.additions(merged_additions([config])):
        assert "mayor-lin" in find_entities("林市长出席了会议")
    assert "mayor-lin" not in find_entities("林市长出席了会议")


def test_patterns_built_from_the_data_are_kept_while_the_additions_stay_the_same():
    from consistency import resources
    from consistency.extract.events import _families

    built = _families("zh")
    with resources.additions({}):  # what every check without a configuration does
        assert _families("zh") is built
    assert _families("zh") is built
    with resources.additions({"events": {"families": {"meeting": {"zh": ["茶叙"]}}}}):
        assert _families("zh") is not built
        assert "茶叙" in _families("zh")[1]
    assert "茶叙" not in _families("zh")[1]
