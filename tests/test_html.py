"""The HTML report: parsed back with the standard library's html.parser.

Structure (a section and an overview row per finding, quotes in <mark>), the timeline SVG
(a lane per article, an arrow per relative expression, inferred years marked), the same
bytes for the same input, and article text that stays text however hostile it is.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import consistency
from consistency.cli import main
from consistency.model import Discrepancy, Document, Evidence, FileError, Report
from consistency.report import emitter
from consistency.report.html import css_string, render
from consistency.rules import all_rules
from tests.seed_report import seed_report

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
HOSTILE_FOLDER = DATA / "html-adversarial"
# File names with markup, quotes, an attribute and an entity.
HOSTILE_NAMES = {
    "port-summit.md": 'a"><script>alert(7)<script> onmouseover="x" &amp; <b>.md',
    "port-summit-wire.txt": "b' onfocus='y' &lt;i&gt; <svg onload=alert(8)>.txt",
}
HOSTILE_TEXT = (
    "<script>alert(1)</script> \" onmouseover=\"x\" ' onfocus='y' &amp; &lt;b&gt; "
    "</style></svg></textarea><!-- --> ]]> <img src=x onerror=alert(9)>"
)
# The markup the report itself writes; anything else came from article text.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main",
    "section", "ul", "li", "strong", "table", "thead", "tbody", "tr", "th", "td", "br",
    "figure", "figcaption", "div", "article", "span", "small", "a", "blockquote", "mark",
    "dl", "dt", "dd", "footer",
    # the timeline
    "svg", "defs", "marker", "path", "g", "rect", "line", "text",
}  # fmt: skip
_VOID = {"meta", "br", "img", "input", "link", "hr", "source", "area", "base", "col", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag) and (cls is None or cls in node.classes)
        ]

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Tree(HTMLParser):
    """A small DOM: elements with attributes and children, entities decoded in text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.declarations: list[str] = []
        self.comments: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)

    def handle_decl(self, decl):
        self.declarations.append(decl)

    def handle_comment(self, data):
        self.comments.append(data)


def parse(text: str) -> Node:
    tree = Tree(text)
    assert tree.current is tree.root, "unclosed elements"
    assert tree.declarations == ["DOCTYPE html"]
    assert tree.comments == []
    return tree.root


@pytest.fixture
def hostile_report(tmp_path, monkeypatch) -> Report:
    """The adversarial articles under hostile file names, with a hostile synthetic finding
    and a hostile input error on top."""
    for name, hostile in HOSTILE_NAMES.items():
        shutil.copy(HOSTILE_FOLDER / name, tmp_path / hostile)
    monkeypatch.chdir(tmp_path)
    report = consistency.check(sorted(HOSTILE_NAMES.values()))
    assert {item.rule for item in report.discrepancies} == {"D101", "C100", "D100"}
    path = HOSTILE_NAMES["port-summit.md"]
    synthetic = Discrepancy(
        id=f"D100-{HOSTILE_TEXT}",
        rule="D100",
        kind="date",
        severity="warning",
        event=HOSTILE_TEXT,
        message=HOSTILE_TEXT,
        claims=(
            Evidence(path, 6, 1, 6, 9, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT),
            Evidence(path, 10, 2, 10, 9, "2025年2月", {"x": HOSTILE_TEXT}, None, ""),
        ),
    )
    return replace(
        report,
        discrepancies=(*report.discrepancies, synthetic),
        errors=(FileError(path, HOSTILE_TEXT),),
    )


def _findings(root: Node) -> list[Node]:
    return root.find_all("article", "finding")


# --- structure --------------------------------------------------------------------------


def test_the_format_is_registered_and_takes_a_title():
    report = seed_report()
    assert emitter("html")(report) == render(report, title="Consistency report")
    root = parse(render(report, title="Desk <meeting>"))
    assert root.find_all("title")[0].text() == "Desk <meeting>"
    assert root.find_all("h1")[0].text() == "Desk <meeting>"


def test_the_seed_report_has_a_section_and_an_overview_row_per_finding():
    report = seed_report()
    root = parse(render(report))
    findings = _findings(root)
    assert [node.attrs["id"] for node in findings] == [item.id for item in report.discrepancies]
    rows = [node for node in root.find_all("tr") if "data-finding" in node.attrs]
    assert [row.attrs["data-finding"] for row in rows] == [i.id for i in report.discrepancies]
    for row in rows:
        assert row.find_all("a")[0].attrs["href"] == "#" + row.attrs["data-finding"]
    rules = {rule.code: rule for rule in all_rules()}
    for node, item in zip(findings, report.discrepancies, strict=True):
        assert f"severity-{item.severity}" in node.classes
        text = node.text()
        assert item.message in text
        assert rules[item.rule].title in text  # the rule's explanation
        claims = node.find_all("div", "claim")
        assert len(claims) == len(item.claims)
        for box, claim in zip(claims, item.claims, strict=True):
            assert box.find_all("div", "where")[0].text() == (
                f"{claim.path}:{claim.line}:{claim.column}"
            )
            marks = box.find_all("mark")
            assert [mark.text() for mark in marks] == [claim.quote]
            # the quote sits inside its sentence
            assert box.find_all("blockquote")[0].text() == claim.sentence
            assert box.find_all("blockquote")[0].attrs["lang"] == "zh"
            assert claim.quote in box.find_all("dd")[0].text()


def test_the_summary_counts_documents_claims_and_findings_by_severity():
    report = seed_report()
    root = parse(render(report))
    summary = next(n for n in root.find_all("section") if n.attrs.get("id") == "summary")
    counts = [" ".join(li.text().split()) for li in summary.find_all("li")]
    assert counts == [
        "2 documents",
        f"{report.claims} claims",
        "4 discrepancies",
        "1 error",
        "3 warning",
        "0 info",
    ]
    files = [row.find_all("td")[0].text() for row in summary.find_all("tbody")[0].find_all("tr")]
    assert files == [document.path for document in report.documents]
    assert "2026 (from text)" in summary.text()


def test_the_page_is_self_contained_and_has_no_script():
    text = render(seed_report())
    root = parse(text)
    tags = {node.tag for node in root.iter()} - {"#document"}
    assert tags <= ALLOWED_TAGS
    assert not root.find_all("script")
    assert not [n for n in root.iter() for name in n.attrs if name.startswith("on")]
    assert not [n for n in root.iter() if {"src", "srcset"} & set(n.attrs)]
    hrefs = [n.attrs["href"] for n in root.find_all("a")]
    assert hrefs and all(href.startswith("#") for href in hrefs)
    # no URL but the SVG namespace, no @import or url() in the style sheet
    assert re.findall(r"https?://[^\s\"'<>]+", text) == ["http://www.w3.org/2000/svg"]
    style = root.find_all("style")[0].text()
    assert "@import" not in style and "url(" not in style
    policy = [n for n in root.find_all("meta") if n.attrs.get("http-equiv")]
    assert policy[0].attrs["content"].startswith("default-src 'none';")


def test_a_quote_found_twice_in_its_sentence_is_marked_where_the_claim_is():
    raw = "会上,54个国家代表发言,54个国家签字。\n"
    document = Document("a.txt", raw, raw)
    second = raw.rindex("54个国家")
    claim = Evidence("a.txt", 1, second + 1, 1, second + 6, "54个国家", 54, "country", raw.strip())
    first = replace(claim, column=raw.index("54个国家") + 1)
    for evidence, before in [(claim, "会上,54个国家代表发言,"), (first, "会上,")]:
        report = Report(
            documents=(document,),
            discrepancies=(Discrepancy("C100-x", "C100", "count", "info", "会", "m", (evidence,)),),
        )
        quote = parse(render(report)).find_all("blockquote")[0]
        assert quote.children[0] == before
        assert quote.children[1].tag == "mark"


def test_a_quote_missing_from_its_sentence_is_still_shown_marked():
    claim = Evidence("a.txt", 1, 1, 1, 3, "2月4日", "2026-02-04", None, "另一句话。")
    report = Report(
        documents=(),
        discrepancies=(Discrepancy("D100-x", "D100", "date", "error", "会", "m", (claim,)),),
    )
    quote = parse(render(report)).find_all("blockquote")[0]
    assert quote.text().startswith("另一句话。")
    assert [mark.text() for mark in quote.find_all("mark")] == ["2月4日"]


def test_no_findings_and_no_timelines_say_so():
    root = parse(render(Report(documents=(), discrepancies=())))
    assert "No discrepancies found." in root.text()
    assert "No timeline" in root.text()
    assert not root.find_all("svg")


# --- determinism ------------------------------------------------------------------------


def test_the_same_input_renders_to_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    outputs = []
    backwards = [str(path) for path in sorted(Path("seeds").iterdir(), reverse=True)]
    for order, name in [(["seeds"], "a.html"), (backwards, "b.html")]:
        target = tmp_path / name
        result = CliRunner().invoke(
            main, ["check", *order, "-f", "html", "--title", "T", "-o", str(target)]
        )
        assert result.exit_code == 1, result.output
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert render(seed_report(), title="T").encode("utf-8") == outputs[0]
    assert b"\r" not in outputs[0]


def test_the_title_option_changes_only_the_html(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    plain = CliRunner().invoke(main, ["check", "seeds", "-f", "json"])
    titled = CliRunner().invoke(main, ["check", "seeds", "-f", "json", "--title", "X"])
    assert plain.output == titled.output
    assert "timelines" not in json.loads(plain.output)
    page = CliRunner().invoke(main, ["check", "seeds", "-f", "html"])
    assert "<title>Consistency report</title>" in page.output


# --- the timeline -----------------------------------------------------------------------


def _svg(report: Report) -> Node:
    svgs = parse(render(report)).find_all("svg")
    assert len(svgs) == 1
    return svgs[0]


def test_the_timeline_has_a_lane_per_article_and_an_arrow_per_relative_expression():
    report = seed_report()
    svg = _svg(report)
    lanes = svg.find_all("g", "lane")
    assert [lane.attrs["data-path"] for lane in lanes] == [d.path for d in report.documents]
    for lane, timeline in zip(lanes, report.timelines, strict=True):
        relations = [
            claim
            for claim in timeline.article.claims
            if claim.slot == "relation" and claim.other_event is not None
        ]
        arrows = lane.find_all("g", "relation")
        assert len(arrows) == len(relations) > 0
        for arrow, claim in zip(arrows, relations, strict=True):
            path = arrow.find_all("path")[0]
            assert path.attrs["marker-end"].startswith("url(#tl-arrow-")
            assert arrow.find_all("title")[0].text().startswith(f"«{claim.mention.text}»")
        # every dated named event is in its lane, undated ones too
        named = {e.label for e in timeline.events if not e.implicit}
        drawn = {n.find_all("title")[0].text().split(":")[0] for n in lane.find_all("g", "event")}
        assert named <= drawn


def test_the_timeline_marks_inferred_years_and_flags_conflicting_claims():
    report = seed_report()
    svg = _svg(report)
    inferred = svg.find_all("g", "year-inferred")
    expected = sum(
        1
        for t in report.timelines
        for e in t.events
        if not e.implicit and e.date is not None and e.date.year_inferred
    )
    assert len([n for n in inferred if "event" in n.classes]) == expected > 0
    for node in inferred:
        assert node.find_all("text", "inferred-mark")
        assert "year inferred" in node.find_all("title")[0].text() or "claimed" in node.classes
    assert "year inferred from the publication date" in svg.find_all("g", "legend")[0].text()
    # the wrong year (D101) is drawn where it points, in the error colour, linked to its finding
    claimed = svg.find_all("g", "claimed")
    assert [node.find_all("text")[0].text() for node in claimed] == ["«2025年2月»"]
    assert "severity-error" in claimed[0].classes
    assert claimed[0].parent.tag == "a"
    assert claimed[0].parent.attrs["href"] == "#" + report.discrepancies[0].id
    # the relative expressions findings quote (T101's two orders, T100's intervals)
    flagged = [n for n in svg.find_all("g", "relation") if "flagged" in n.classes]
    quoted = {
        claim.quote
        for item in report.discrepancies
        for claim in item.claims
        if isinstance(claim.value, dict) and "anchor" in claim.value
    }
    assert {"挂断北京电话后", "同时", "一天后"} <= quoted
    assert {n.find_all("title")[0].text().split("»")[0][1:] for n in flagged} == quoted
    severities = {c for n in svg.find_all("g", "flagged") for c in n.classes}
    assert {"severity-error", "severity-warning"} <= severities


# --- hostile article text -------------------------------------------------------------------


def test_hostile_article_text_stays_text(hostile_report):
    text = render(hostile_report, title=HOSTILE_TEXT)
    root = parse(text)
    tags = {node.tag for node in root.iter()} - {"#document"}
    assert tags <= ALLOWED_TAGS
    assert "<script" not in text.lower()
    assert "<img" not in text.lower() and "<textarea" not in text.lower()
    assert len(root.find_all("style")) == 1 and len(root.find_all("svg")) == 1
    for node in root.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name, value)
            assert name.isascii() and re.fullmatch(r"[a-z][a-z0-9-]*", name), name
    body = root.text()
    # the text reads back exactly as written: tags, quotes and entities as characters
    assert HOSTILE_TEXT in body
    assert "举行<script>alert(1)</script>。" in body  # from the articles, in their sentences
    assert '代表出席会议" onmouseover="alert(2) &amp;' in body
    assert '部长级会议" onmouseover="alert(6) &amp;' in body
    assert "峰会 <script>alert('title')</script> \" onmouseover=\"x &amp; &lt;b&gt;" in body
    for hostile in HOSTILE_NAMES.values():
        assert hostile in body
    assert root.find_all("title")[0].text() == HOSTILE_TEXT
    # every finding has its section and every quote its mark
    findings = _findings(root)
    assert [n.attrs["id"] for n in findings] == [i.id for i in hostile_report.discrepancies]
    marks = [m.text() for n in findings for m in n.find_all("mark")]
    assert HOSTILE_TEXT in marks and "21个国家" in marks and "34个国家" in marks


def test_hostile_text_cannot_leave_the_style_sheet_or_the_svg(hostile_report):
    title = HOSTILE_TEXT + '\\"} body { display: none }'
    text = render(hostile_report, title=title)
    style = text[text.index("<style>") + 7 : text.index("</style>")]
    assert "<" not in style
    assert f"@top-left {{ content: {css_string(title)};" in style
    # outside its strings, the style sheet is the one a plain title and file list get
    strings = re.compile(r'"(?:[^"\\\n]|\\.)*"')
    plain = render(Report(documents=(), discrepancies=()), title="T")
    plain_style = plain[plain.index("<style>") + 7 : plain.index("</style>")]
    assert strings.sub('""', style) == strings.sub('""', plain_style)
    svg = text[text.index("<svg") : text.index("</svg>")]
    assert "<script" not in svg.lower()
    lanes = _svg(hostile_report).find_all("g", "lane")
    assert {lane.attrs["data-path"] for lane in lanes} == set(HOSTILE_NAMES.values())
    titles = [t.text() for lane in lanes for t in lane.find_all("title")]
    assert any("onmouseover=" in title for title in titles)  # as text, escaped in the file


def test_hostile_articles_draw_their_findings_an_arrow_and_an_inferred_year(hostile_report):
    svg = _svg(hostile_report)
    flagged = svg.find_all("g", "flagged")
    assert {"severity-error", "severity-warning"} <= {c for n in flagged for c in n.classes}
    # an event takes the colour of its worst finding, and names all of them
    info = next(i for i in hostile_report.discrepancies if i.severity == "info")
    assert any(info.id in n.find_all("title")[0].text() for n in flagged)
    assert any(info.rule in t.text() for n in flagged for t in n.find_all("text"))
    relations = svg.find_all("g", "relation")
    assert [n.find_all("text")[0].text() for n in relations] == ["第二天"]
    assert svg.find_all("g", "year-inferred")


def test_css_strings_escape_everything_that_could_end_them():
    escaped = css_string('a"b\\c</style>\n}{;é')
    assert escaped.startswith('"') and escaped.endswith('"')
    inner = escaped[1:-1]
    assert not set(inner) & set('"<>{};\n')
    assert "\\000022" in inner and "\\00003c" in inner and "\\0000e9" in inner
