"""The output formats for CI and review: Markdown, SARIF, GitHub annotations, rdjsonl.

Every format is parsed back; article text that could break a table, start a workflow
command or inject markup is checked through each of them.
"""

from __future__ import annotations

import json
import re
import shutil
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from click.testing import CliRunner

import consistency
from consistency.cli import main
from consistency.model import Discrepancy, Document, Evidence, FileError, Report
from consistency.report import emitter, github, markdown, rdjsonl, sarif
from consistency.rules import all_rules
from tests.seed_report import seed_report

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FORMATS = ["markdown", "sarif", "github", "rdjsonl"]
SEED_000 = "seeds/000_fd365cd189d95996.txt"
SEED_001 = "seeds/001_b7bf4352102ecb5b.txt"

HOSTILE_TEXT = (
    "a|b `code` <script>alert(1)</script> &amp; [x](1) **bold** $x$ # h\r\n"
    "::set-output name=x::y %0A %25 \r::error::boom\n> quote\u2028::warning::sep\x1b[31m"
)
# A file name with a table pipe, backticks, HTML, a workflow command and line breaks.
HOSTILE_NAME = "x|`y` <script>::error::z%0A\r\n::set-output name=x::y #1.md"


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@cache
def _schema_validator():
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _validate_sarif(text: str) -> dict:
    data = json.loads(text)
    _schema_validator().validate(data)
    return data


# RFC 3986 URI-reference characters: unreserved, reserved and percent-encoded octets.
_URI_REFERENCE = re.compile(r"^([A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})*$")


def _evidence(path: str, line: int, quote: str, value: object = "2026-02-04") -> Evidence:
    return Evidence(path, line, 3, line, 3 + len(quote), quote, value, None, quote)


def _synthetic(quote: str = "2月4日", message: str = "dates differ", event: str = "峰会") -> Report:
    """One finding per severity, in the order info, warning, error."""
    document = Document("a.txt", "x\n" * 20, "x\n" * 20)
    items = tuple(
        Discrepancy(
            id=f"D100-{severity}",
            rule="D100",
            kind="date",
            severity=severity,
            event=event,
            message=message,
            claims=(_evidence("a.txt", 2, quote), _evidence("a.txt", 5, "3月5日", "2026-03-05")),
        )
        for severity in ("info", "warning", "error")
    )
    return Report(documents=(document,), discrepancies=items, claims=6)


_COMMAND = re.compile(r"^::(?P<name>[a-z-]+)(?: (?P<properties>[^:]*))?::(?P<data>.*)$")


def _unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(text: str) -> str:
    return _unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def _parse_commands(output: str) -> tuple[list[dict], list[str]]:
    """The workflow commands of an output, read as the runner reads them, and other lines."""
    commands, other = [], []
    for line in output.split("\n")[:-1]:
        match = _COMMAND.match(line)
        if not line.startswith("::"):
            other.append(line)
            continue
        assert match, line
        properties = {}
        if match["properties"]:
            for pair in match["properties"].split(","):
                key, _, value = pair.partition("=")
                properties[key] = _unescape_property(value)
        commands.append(
            {"name": match["name"], "properties": properties, "data": _unescape_data(match["data"])}
        )
    return commands, other


def _table_rows(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [line.split("|")[1:-1] for line in rows]


# --- every format, registered and on the command line -------------------------------------


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_is_registered_and_offered_by_the_command_line(name, at_root):
    module = {"markdown": markdown, "sarif": sarif, "github": github, "rdjsonl": rdjsonl}[name]
    assert emitter(name) is module.render
    result = CliRunner().invoke(main, ["check", "seeds", "-f", name])
    assert result.exit_code == 1, result.output  # findings at warning level
    assert result.output == module.render(seed_report())


@pytest.mark.parametrize("name", FORMATS)
def test_rendering_twice_gives_the_same_bytes(name, at_root):
    first = emitter(name)(seed_report()).encode("utf-8")
    again = emitter(name)(consistency.check(["seeds"])).encode("utf-8")
    assert first == again


def test_severity_maps_the_same_way_in_every_format(at_root):
    report = _synthetic()
    levels = [r["level"] for r in _validate_sarif(sarif.render(report))["runs"][0]["results"]]
    assert levels == ["note", "warning", "error"]
    commands, _ = _parse_commands(github.render(report))
    assert [command["name"] for command in commands] == ["error", "warning", "notice"]
    lines = rdjsonl.render(report).splitlines()
    assert [json.loads(line)["severity"] for line in lines] == ["INFO", "WARNING", "ERROR"]


# --- SARIF ----------------------------------------------------------------------------------


def test_sarif_of_the_seeds_is_valid_and_places_the_wrong_year_where_it_is_written(at_root):
    data = _validate_sarif(sarif.render(seed_report()))
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = data["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "consistency"
    assert run["tool"]["driver"]["version"] == consistency.__version__
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(rule.code for rule in all_rules())
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "Example: " in rule["help"]["text"]
    assert run["invocations"] == [{"executionSuccessful": True}]

    results = {result["ruleId"]: result for result in run["results"]}
    assert set(results) == {"D101", "T101", "C100", "T100"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    year = results["D101"]
    assert year["level"] == "error"
    assert year["partialFingerprints"] == {"consistency/v1": "D101-3a8ae4017418"}
    location = year["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": SEED_000, "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 38,
        "startColumn": 2,
        "endLine": 38,
        "endColumn": 9,
        "snippet": {"text": "2025年2月"},
    }
    (related,) = year["relatedLocations"]
    assert related["id"] == 1 and related["message"]["text"] == "«2月4日» = 2026-02-04"
    assert related["physicalLocation"]["region"]["startLine"] == 12
    assert {results[code]["level"] for code in ("T101", "C100", "T100")} == {"warning"}
    # Cross-article: the 34 countries of the other article are related locations.
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for loc in results["C100"]["relatedLocations"]
    }
    assert uris == {SEED_000, SEED_001}


def test_sarif_reports_input_errors_as_notifications_of_a_failed_run(at_root):
    report = Report(
        documents=(),
        discrepancies=(),
        errors=(FileError("missing/文章 1.txt", "no such file"),),
    )
    (run,) = _validate_sarif(sarif.render(report))["runs"]
    assert run["results"] == []
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "missing/文章 1.txt: no such file"
    uri = notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "missing/%E6%96%87%E7%AB%A0%201.txt"


def test_sarif_uris_are_percent_encoded_and_absolute_outside_the_working_directory(
    tmp_path, monkeypatch
):
    inside = tmp_path / "work"
    inside.mkdir()
    monkeypatch.chdir(inside)
    assert sarif.artifact_location("新闻/a b#1%.txt") == {
        "uri": "%E6%96%B0%E9%97%BB/a%20b%231%25.txt",
        "uriBaseId": "%SRCROOT%",
    }
    outside = sarif.artifact_location(str(tmp_path / "other.txt"))
    assert outside == {"uri": (tmp_path / "other.txt").as_uri()}


def test_sarif_messages_cannot_embed_links(at_root):
    data = _validate_sarif(sarif.render(_synthetic(message="see [here](1)")))
    assert data["runs"][0]["results"][0]["message"]["text"] == "see \\[here\\](1)"


# --- GitHub annotations ---------------------------------------------------------------------


def test_github_annotations_of_the_seeds_come_errors_first_with_a_summary(at_root):
    output = github.render(seed_report())
    commands, other = _parse_commands(output)
    assert [command["name"] for command in commands] == ["error", "warning", "warning", "warning"]
    year = commands[0]
    assert year["properties"] == {
        "file": SEED_000,
        "line": "38",
        "col": "2",
        "endColumn": "8",
        "title": "D101 An event placed in a different year (error)",
    }
    assert year["data"].startswith("'2025年2月' (000_fd365cd189d95996.txt:38) places")
    assert f"\n{SEED_000}:12:1 «2月4日» = 2026-02-04" in year["data"]
    assert other == ["consistency: 1 error, 3 warnings, 0 info in 2 documents"]


def test_github_escapes_data_and_properties_as_the_runner_requires():
    assert github.escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert github.command("error", {"file": "a,b:c.txt"}, "x") == "::error file=a%2Cb%3Ac.txt::x"


def test_a_quote_cannot_start_a_workflow_command(at_root):
    quote = "2月4日\n::set-output name=x::y %0A"
    output = github.render(_synthetic(quote=quote, message=f"'{quote}' conflicts"))
    assert "\n::set-output" not in output and "%250A" in output
    commands, other = _parse_commands(output)
    assert {command["name"] for command in commands} == {"error", "warning", "notice"}
    assert other == ["consistency: 1 error, 1 warning, 1 info in 1 document"]
    # The runner reads back the article text on one line, the literal "%0A" kept.
    assert "'2月4日 ::set-output name=x::y %0A' conflicts" in commands[0]["data"]


def test_github_input_errors_are_error_annotations_on_the_file(at_root):
    report = Report(documents=(), discrepancies=(), errors=(FileError("a,b.txt", "bad\nbytes"),))
    assert github.render(report).splitlines() == [
        "::error file=a%2Cb.txt::bad bytes",
        "consistency: 0 errors, 0 warnings, 0 info in 0 documents, 1 file not checked",
    ]


def test_github_appends_the_markdown_report_to_the_step_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    summary = tmp_path / "step_summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    report = seed_report()
    first = github.render(report)
    assert github.render(report) == first
    table = markdown.render(report)
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + (table + "\n") * 2
    assert "| D101 | error | 关键矿产部长级会议 |" in table


def test_github_without_a_step_summary_writes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    github.render(_synthetic())
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_step_summary_is_a_warning_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    commands, _ = _parse_commands(github.render(_synthetic()))
    assert commands[-1]["name"] == "warning"
    assert commands[-1]["data"].startswith("could not append to GITHUB_STEP_SUMMARY")


# --- rdjsonl --------------------------------------------------------------------------------


def test_rdjsonl_of_the_seeds_counts_columns_in_utf8_bytes(at_root):
    lines = rdjsonl.render(seed_report()).splitlines()
    diagnostics = [json.loads(line) for line in lines]
    assert [d["code"]["value"] for d in diagnostics] == ["D101", "T101", "C100", "T100"]
    year = diagnostics[0]
    assert year["severity"] == "ERROR" and year["source"] == {"name": "consistency"}
    # "在2025年2月": the quote starts after one 3-byte character and is 11 bytes long.
    assert year["location"] == {
        "path": SEED_000,
        "range": {"start": {"line": 38, "column": 4}, "end": {"line": 38, "column": 15}},
    }
    (related,) = year["related_locations"]
    assert related["message"] == "«2月4日» = 2026-02-04"
    assert related["location"]["range"]["start"] == {"line": 12, "column": 1}
    assert related["location"]["range"]["end"] == {"line": 12, "column": 9}
    assert {d["severity"] for d in diagnostics[1:]} == {"WARNING"}


def test_rdjsonl_input_errors_are_diagnostics_on_the_file():
    report = Report(documents=(), discrepancies=(), errors=(FileError("a.txt", "unreadable"),))
    (line,) = rdjsonl.render(report).splitlines()
    assert json.loads(line) == {
        "message": "unreadable",
        "location": {"path": "a.txt"},
        "severity": "ERROR",
        "source": {"name": "consistency"},
    }


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_of_the_seeds_lists_the_files_then_a_row_per_finding(at_root):
    text = markdown.render(seed_report())
    assert f"- {SEED_000}: zh, published 2026-02-08 (from page)" in text
    assert f"- {SEED_001}: zh, published 2026 (from text)" in text
    header, _delimiter, *rows = _table_rows(text)
    assert [cell.strip() for cell in header][:3] == ["rule", "severity", "event"]
    assert all(len(row) == 5 for row in rows)
    assert [row[0].strip() for row in rows] == ["D101", "T101", "C100", "T100"]
    claims = rows[0][3].strip().split("<br>")
    assert claims == [
        f"{SEED_000}:12:1 «2月4日» = 2026-02-04",
        f"{SEED_000}:38:2 «2025年2月» = 2025-02",
    ]
    assert text.rstrip("\n").splitlines()[-1] == (
        "**1 error, 3 warnings, 0 info** in 2 documents (33 claims)."
    )


def test_the_table_ends_with_the_counts_in_words_an_editor_reads():
    text = emitter("table")(seed_report())
    assert text.splitlines()[-1] == "2 documents, 33 claims, 1 error, 3 warnings, 0 info"
    document = Document("a.txt", "", "", published=None)
    empty = Report(documents=(document,), discrepancies=(), claims=1, skipped=1)
    assert emitter("table")(empty).splitlines()[-1] == (
        "1 document, 1 claim, 0 errors, 0 warnings, 0 info, 1 file skipped"
    )


def test_markdown_with_no_findings_says_so_in_one_line():
    document = Document("a.txt", "", "", published=None)
    text = markdown.render(Report(documents=(document,), discrepancies=(), claims=0))
    assert "|" not in text
    assert [line for line in text.splitlines() if "discrepanc" in line.lower()] == [
        "No discrepancies found: **0 errors, 0 warnings, 0 info** in 1 document (0 claims)."
    ]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a|b", "a&#124;b"),
        ("`x`", "\\`x\\`"),
        ("<script>&", "&lt;script&gt;&amp;"),
        ("line\r\nbreak\nhere\rnow", "line break here now"),
        ("# heading", "\\# heading"),
        ("> quote", "&gt; quote"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("[link](x) ![img](y)", "\\[link\\](x) \\!\\[img\\](y)"),
        ("*a* _b_ ~c~ $d$", "\\*a\\* \\_b\\_ \\~c\\~ \\$d\\$"),
        ("000_fd365_x.txt", "000_fd365_x.txt"),
        ("    code", "&#32;&#32;&#32;&#32;code"),
        ("a\\|b", "a\\\\&#124;b"),
    ],
)
def test_markdown_escapes_article_text(text, escaped):
    assert markdown.escape(text) == escaped


# --- adversarial article, through every format ----------------------------------------------


@pytest.fixture
def hostile_report(tmp_path, monkeypatch):
    """The adversarial article under a hostile file name, checked from its folder."""
    shutil.copy(DATA / "adversarial" / "article.md", tmp_path / HOSTILE_NAME)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    report = consistency.check([HOSTILE_NAME])
    assert {item.rule for item in report.discrepancies} == {"D101", "C100"}
    # A synthetic finding whose quote, event and message are hostile too.
    hostile = Discrepancy(
        id="D100-hostile",
        rule="D100",
        kind="date",
        severity="warning",
        event=HOSTILE_TEXT,
        message=HOSTILE_TEXT,
        claims=(
            _evidence(HOSTILE_NAME, 6, HOSTILE_TEXT, HOSTILE_TEXT),
            _evidence(HOSTILE_NAME, 11, "2025年2月"),
        ),
    )
    return Report(
        documents=report.documents,
        discrepancies=(*report.discrepancies, hostile),
        errors=(FileError(HOSTILE_NAME, HOSTILE_TEXT),),
        claims=report.claims,
    )


def test_hostile_text_cannot_break_the_markdown_table(hostile_report):
    text = markdown.render(hostile_report)
    assert "<script" not in text and "`" not in text.replace("\\`", "")
    assert "\r" not in text and "\u2028" not in text and "\x1b" not in text
    rows = _table_rows(text)[2:]
    assert len(rows) == 3 and all(len(row) == 5 for row in rows)
    # No line starts a heading, a quote, a code fence or a list other than ours.
    for line in text.splitlines():
        assert not re.match(r"\s*(#(?!### Consistency check)|>|```|~~~|::|\d+\.)", line), line
    # Only the <br> between claims is HTML.
    assert set(re.findall(r"<[^>]*>", text)) == {"<br>"}


def test_hostile_text_cannot_start_a_workflow_command(hostile_report):
    output = github.render(hostile_report)
    commands, other = _parse_commands(output)
    assert [command["name"] for command in commands] == ["error", "error", "error", "warning"]
    assert other == ["consistency: 2 errors, 1 warning, 0 info in 1 document, 1 file not checked"]
    assert all(command["properties"]["file"] == HOSTILE_NAME for command in commands)
    assert len(output.splitlines()) == 5 and "\r" not in output and "\u2028" not in output
    hostile = commands[-1]
    assert "%0A %25" in hostile["data"] and "\r" not in hostile["data"]
    assert hostile["data"].count("\n") == 2  # message, then the two claims


def test_hostile_text_stays_data_in_sarif(hostile_report):
    data = _validate_sarif(sarif.render(hostile_report))
    (run,) = data["runs"]
    assert run["invocations"][0]["executionSuccessful"] is False
    for result in run["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert _URI_REFERENCE.match(uri) and unquote(uri) == HOSTILE_NAME
    hostile = run["results"][-1]
    region = hostile["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == HOSTILE_TEXT
    assert "\\[x\\](1)" in hostile["message"]["text"]


def test_hostile_text_stays_one_record_per_line_in_rdjsonl(hostile_report):
    output = rdjsonl.render(hostile_report)
    assert "\u2028" not in output and "\r" not in output
    lines = output.splitlines()
    assert len(lines) == 4  # the input error, two findings, the hostile one
    records = [json.loads(line) for line in lines]
    assert {record["location"]["path"] for record in records} == {HOSTILE_NAME}
    assert records[-1]["message"] == HOSTILE_TEXT
