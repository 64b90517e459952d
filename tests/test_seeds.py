"""The seed articles: the rows the project exists to find, and nothing from furniture."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import consistency
from consistency.cli import main
from consistency.report.json import as_data

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def seed_report():
    return consistency.check([str(SEEDS)])


def _rows(rule: str):
    return [row for row in seed_report().discrepancies if row.rule == rule]


def _quotes(row) -> set[tuple[int, str]]:
    return {(claim.line, claim.quote) for claim in row.claims}


def test_count_conflict_54_vs_34_countries_is_a_warning_naming_both_dates():
    (row,) = _rows("C100")
    assert row.severity == "warning"
    assert (16, "54个国家") in _quotes(row) and (19, "34个国家") in _quotes(row)
    assert "2026-02-04" in row.message and "2026-01-12" in row.message


def test_year_conflict_on_the_february_meeting_says_the_year_was_inferred():
    (row,) = _rows("D101")
    assert (38, "2025年2月") in _quotes(row)
    assert "2026-02-04" in row.message and "inferred" in row.message


def test_one_day_later_against_dates_two_days_apart_names_the_other_anchor():
    (row,) = _rows("T100")
    assert (7, "一天后") in _quotes(row)
    assert (125, "1月14日") in _quotes(row)
    assert "2 days apart" in row.message and "记者会" in row.message


def test_after_the_call_versus_at_the_same_time_is_an_order_warning():
    (row,) = _rows("T101")
    assert row.severity == "warning"
    assert {line for line, _ in _quotes(row)} == {3, 22}


def test_no_other_rows_and_nothing_from_furniture():
    report = seed_report()
    assert len(report.discrepancies) == 4
    for row in report.discrepancies:
        for claim in row.claims:
            assert claim.line < 105 if claim.path.endswith("000_fd365cd189d95996.txt") else True
            assert "打开网易新闻" not in claim.sentence


def test_publication_dates_and_where_they_came_from():
    documents = {Path(d.path).name: d for d in seed_report().documents}
    page = documents["000_fd365cd189d95996.txt"]
    text = documents["001_b7bf4352102ecb5b.txt"]
    assert (page.published.isoformat(), page.published_from) == ("2026-02-08", "page")
    assert (text.published.year, text.published_from, text.published_grain) == (
        2026,
        "text",
        "year",
    )


def test_every_quote_is_the_files_text_at_its_range():
    for row in seed_report().discrepancies:
        for claim in row.claims:
            lines = Path(claim.path).read_text("utf-8").split("\n")
            assert claim.line == claim.end_line
            line = lines[claim.line - 1]
            assert line[claim.column - 1 : claim.end_column - 1] == claim.quote


@cache
def _schema():
    text = resources.files("consistency").joinpath("schema", "report-1.json").read_text("utf-8")
    return json.loads(text)


def test_json_report_validates_against_the_committed_schema():
    jsonschema.validate(as_data(seed_report()), _schema())


@pytest.mark.parametrize("fail_level,code", [("warning", 1), ("error", 1), ("none", 0)])
def test_exit_codes_follow_the_fail_level(fail_level, code):
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--fail-level", fail_level])
    assert result.exit_code == code, result.output


def test_a_missing_path_is_exit_2_after_checking_the_rest():
    result = CliRunner().invoke(main, ["check", str(SEEDS), "no/such/file.txt", "-f", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    jsonschema.validate(data, _schema())
    assert data["summary"]["documents"] == 2
    assert data["errors"] == [{"path": "no/such/file.txt", "message": "no such file or directory"}]


def test_same_input_same_bytes():
    first = CliRunner().invoke(main, ["check", str(SEEDS), "-f", "json"]).stdout
    second = CliRunner().invoke(main, ["check", str(SEEDS), "-f", "json"]).stdout
    assert first == second
