"""Loading articles: decoding, formats, masking, page furniture, publication dates, paths."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import socket
from pathlib import Path

import pytest

from consistency.document import (
    collect_paths,
    decode_bytes,
    load_document,
    mask_furniture,
    page_publication_date,
)
from consistency.model import Document, FileError, InputError

REPO = Path(__file__).resolve().parent.parent
SEED_000 = REPO / "seeds" / "000_fd365cd189d95996.txt"
SEED_001 = REPO / "seeds" / "001_b7bf4352102ecb5b.txt"
DATA = Path(__file__).resolve().parent / "data" / "document"

SIMPLIFIED = (
    "美国国务卿鲁比奥在华盛顿主持关键矿产部长级会议，来自五十四个国家的代表出席。\n"
    "会议讨论了稀土供应链与价格下限等议题，并决定设立新的合作机制。\n"
    "中国外交部发言人第二天表示，将经贸问题武器化只会破坏全球产业链的稳定。\n"
)
TRADITIONAL = (
    "美國國務卿魯比奧在華盛頓主持關鍵礦產部長級會議，來自五十四個國家的代表出席。\n"
    "會議討論了稀土供應鏈與價格下限等議題，並決定設立新的合作機制。\n"
    "中國外交部發言人第二天表示，將經貿問題武器化只會破壞全球產業鏈的穩定。\n"
)


def write(path: Path, content: str | bytes) -> str:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path)


def error_message(path: str, **options: object) -> str:
    with pytest.raises(InputError) as caught:
        load_document(path, **options)  # type: ignore[arg-type]
    assert caught.value.path == path
    return caught.value.message


def assert_blanked_copy(doc: Document) -> None:
    """Plain text: ``text`` is ``raw`` with some characters blanked, newlines all kept."""
    assert len(doc.text) == len(doc.raw)
    for raw_char, text_char in zip(doc.raw, doc.text, strict=True):
        assert text_char in (raw_char, " ")
        assert (raw_char == "\n") == (text_char == "\n")


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n")]


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
    ],
)
def test_simplified_article_round_trips(tmp_path: Path, codec: str, expected: str) -> None:
    path = write(tmp_path / "a.txt", SIMPLIFIED.encode(codec))
    doc = load_document(path)
    assert doc.raw == SIMPLIFIED  # BOM removed, nothing else changed
    assert doc.encoding == expected
    assert doc.language == "zh"


def test_utf16_big_endian_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"))
    doc = load_document(path)
    assert (doc.raw, doc.encoding) == (SIMPLIFIED, "utf-16-be")


def test_big5_is_not_read_as_gb18030_mojibake(tmp_path: Path) -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: these bytes are valid GB18030 too
    doc = load_document(write(tmp_path / "trad.txt", data))
    assert doc.encoding == "big5"
    assert doc.raw == TRADITIONAL
    assert "五十四個國家" in doc.text


def test_gbk_is_not_read_as_big5() -> None:
    # only characters whose GBK bytes are also valid Big5, so both codecs decode the file
    text = "美国与中国的会议在华盛顿举行，双方讨论了经济问题。"
    data = text.encode("gbk")
    data.decode("big5")
    assert decode_bytes(data, "x.txt") == (text, "gb18030")


def test_encoding_option_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", SIMPLIFIED.encode("gbk"))
    assert load_document(path, encoding="gbk").encoding == "gbk"
    assert error_message(path, encoding="utf-8") == (
        "cannot decode as utf-8: invalid byte 0xc3 at offset 0"
    )
    assert error_message(path, encoding="klingon") == "unknown encoding 'klingon'"


def test_undecodable_file(tmp_path: Path) -> None:
    latin = "Café crème brûlée: déjà vu à Paris, señor.\n" * 3
    path = write(tmp_path / "a.txt", latin.encode("cp1252"))
    assert error_message(path) == "cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text"


def test_binary_files(tmp_path: Path) -> None:
    assert error_message(write(tmp_path / "a.txt", b"PK\x03\x04\x00\x00abc")) == "binary file"
    controls = bytes(range(1, 9)) * 50 + "正文".encode()
    assert error_message(write(tmp_path / "b.txt", controls)) == "binary file"


def test_empty_files(tmp_path: Path) -> None:
    assert error_message(write(tmp_path / "a.txt", b"")) == "empty file"
    assert error_message(write(tmp_path / "b.txt", " \n\t\u3000\r\n")) == "empty file"
    assert error_message(write(tmp_path / "c.txt", codecs.BOM_UTF8)) == "empty file"


def test_article_with_only_furniture(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "分享至\n\n0\n\n打开网易新闻 查看精彩图片\n")
    assert error_message(path) == "no article text"


def test_paths_that_are_not_readable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert error_message(str(tmp_path / "missing.txt")) == "no such file or directory"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert error_message(str(folder)) == "is a directory, not a file"
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert error_message(str(link)) == "broken symbolic link"
    monkeypatch.chdir(tmp_path)  # a relative name keeps clear of the socket path length limit
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("s.txt")
        assert error_message("s.txt") == "not a regular file"


def test_file_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no 21 MB written
    assert error_message(str(big)) == "file too large (21.0 MB; limit 20 MB)"


# --------------------------------------------------------------------------- front matter


FRONT_MATTER = """---
title: 美国成立稀土联盟
outlet: 网易
url: https://example.com/a
published: 2026-02-08
language: zh
extra: ignored
---
美国拉上54个国家建立稀土联盟。
"""


def test_front_matter_is_read_and_masked(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "a.md", FRONT_MATTER))
    assert (doc.title, doc.outlet, doc.url) == ("美国成立稀土联盟", "网易", "https://example.com/a")
    assert (doc.published, doc.published_from, doc.language) == (
        dt.date(2026, 2, 8),
        "front_matter",
        "zh",
    )
    body = doc.raw.index("美国拉上")
    assert doc.text[:body].strip() == ""
    assert doc.text[body:] == doc.raw[body:]
    assert doc.position(body) == (9, 1)
    assert_blanked_copy(doc)


def test_front_matter_date_that_is_not_a_date(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\npublished: not stated\n---\n美国拉上54个国家。\n")
    doc = load_document(path)
    assert doc.published is None
    assert doc.published_from == "unknown"
    assert doc.warnings == ("published 'not stated' is not a date; date unknown",)


def test_front_matter_date_forms(tmp_path: Path) -> None:
    def published(value: str) -> tuple[dt.date | None, str, str]:
        doc = load_document(write(tmp_path / "a.txt", f"---\npublished: {value}\n---\n正文。\n"))
        return doc.published, doc.published_grain, doc.published_from

    assert published("2026-02-08 06:12:49") == (dt.date(2026, 2, 8), "day", "front_matter")
    assert published("'2026-02-08T06:12:49+08:00'") == (dt.date(2026, 2, 8), "day", "front_matter")
    assert published("2026年2月8日") == (dt.date(2026, 2, 8), "day", "front_matter")
    assert published("'2026-02'") == (dt.date(2026, 2, 1), "month", "front_matter")


def test_published_sources_in_order(tmp_path: Path) -> None:
    with_date = write(tmp_path / "a.txt", "---\npublished: 2026-02-08\n---\n正文。\n")
    plain = write(tmp_path / "b.txt", "美国拉上54个国家建立稀土联盟。\n")
    option = dt.date(2025, 1, 1)
    assert load_document(with_date, published=option).published_from == "front_matter"
    doc = load_document(plain, published=option)
    assert (doc.published, doc.published_from) == (option, "option")
    doc = load_document(plain)  # no date anywhere, and never today's
    assert (doc.published, doc.published_from) == (None, "unknown")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "---\nbase: &a 新华社\noutlet: *a\n---\n正文。\n",
            "front matter: YAML aliases are not allowed",
        ),
        (
            "---\ntitle: 标题\n正文。\n",
            "front matter: no closing '---' line (opened at line 1)",
        ),
        (
            "---\ntitle: 标题\n  outlet: x\n---\n正文。\n",
            "front matter: invalid YAML at line 3: mapping values are not allowed here",
        ),
        (
            "---\n- a\n- b\n---\n正文。\n",
            "front matter: expected 'key: value' lines, got a list",
        ),
        (
            "---\nlanguage: fr\n---\n正文。\n",
            "front matter: language 'fr' is not supported (expected zh or en)",
        ),
        (
            "---\ntitle: [a, b]\n---\n正文。\n",
            "front matter: 'title' must be text",
        ),
    ],
)
def test_bad_front_matter(tmp_path: Path, content: str, message: str) -> None:
    assert error_message(write(tmp_path / "a.txt", content)) == message


# --------------------------------------------------------------------------- offsets


def test_position_in_crlf_file(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "a.txt", "标题行\r\n\r\n第二段有54个国家。\r\n"))
    assert "\r\n" in doc.raw
    assert "\r" not in doc.text
    offset = doc.text.index("54个国家")
    assert doc.raw[offset : offset + 5] == "54个国家"
    assert doc.position(offset) == (3, 5)
    assert_blanked_copy(doc)


# --------------------------------------------------------------------------- HTML


def test_html_page() -> None:
    doc = load_document(str(DATA / "page.html"))
    assert len(doc.text) == len(doc.raw)
    assert doc.title == "美日签署关键矿产协议"  # the <h1>, without the site name in <title>
    assert (doc.published, doc.published_from) == (dt.date(2026, 3, 15), "page")
    assert doc.outlet == "示例新闻网"
    assert doc.url == "https://news.example.com/2026/03/15/minerals.html"
    chrome = ("2099", "首页", "分享到", "微博", "热门文章", "版权所有", "新闻中心", "lead", "/p")
    for word in chrome:
        assert word not in doc.text, word
    # entities: the decoded character, then padding to the entity's length
    amp = doc.raw.index("&amp;")
    assert doc.text[amp : amp + 5] == "&    "
    quote = doc.raw.index("&ldquo;")
    assert doc.text[quote : quote + 7] == "“      "
    less = doc.raw.index("&lt;")
    assert doc.text[less - 2 : less + 6] == "3 <    5"
    # block tags break paragraphs; inline tags are blanked
    assert doc.text[doc.raw.index("<br>")] == "\n"
    assert doc.text[doc.raw.index("<p>新华社")] == "\n"
    assert doc.text[doc.raw.index("<b>") : doc.raw.index("<b>") + 3] == "   "
    # quotes found in text are quotes of the file
    start = doc.text.index("部长级会议")
    assert doc.raw[start : start + 5] == "部长级会议"
    assert "第三段：会议的第二天，双方发表联合声明。" in doc.text  # ">" inside an attribute value


def test_html_line_breaks_in_source_do_not_split_sentences(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html", "<p>美国拉上\n五十四个国家。</p><p>第二段。</p>")
    doc = load_document(path)
    assert [line for line in lines_of(doc.text) if line] == ["美国拉上 五十四个国家。", "第二段。"]


def test_malformed_html_is_masked_without_hanging(tmp_path: Path) -> None:
    prose = "这是一段足够长的正文内容，用来检查解析器在异常输入下的行为是否正确。"
    html = "<div>" * 20000 + prose + "<!-- unclosed comment <p>2099-01-01</p>"
    doc = load_document(write(tmp_path / "a.html", html))
    assert doc.text.strip() == prose
    html = f'<p>{prose}</p><a href="unclosed>tail text 2099-01-01'
    assert load_document(write(tmp_path / "b.html", html)).text.strip() == prose


# --------------------------------------------------------------------------- JSON


def test_json_article_keeps_only_the_body(tmp_path: Path) -> None:
    raw = (
        '{\n  "title": "标题",\n  "published": "2026-02-08",\n  "outlet": "新华社",\n'
        '  "body": "美国拉上54国。\\n第二段说\\"34国\\"。\\u4e2d国\\ud83d\\ude00好"\n}\n'
    )
    doc = load_document(write(tmp_path / "a.json", raw))
    assert len(doc.text) == len(doc.raw)
    assert (doc.title, doc.outlet, doc.published) == ("标题", "新华社", dt.date(2026, 2, 8))
    assert doc.published_from == "front_matter"
    assert "标题" not in doc.text and "title" not in doc.text
    body = doc.raw.index("美国")
    assert doc.text[body:].rstrip() == '美国拉上54国。\n 第二段说" 34国" 。中     国😀           好'
    start = doc.text.index("54国")
    assert doc.raw[start : start + 3] == "54国"
    start = doc.text.index("34国")
    assert doc.raw[start : start + 3] == "34国"


def test_json_body_with_html(tmp_path: Path) -> None:
    body = "<p>美国拉上<b>54</b>国。</p><p>第二段 &amp; 结尾。</p>"
    raw = json.dumps({"text": body}, ensure_ascii=False)
    doc = load_document(write(tmp_path / "a.json", raw))
    assert [line for line in lines_of(doc.text) if line] == [
        "美国拉上   54    国。",
        "第二段 &     结尾。",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{\n  "body": "x",\n  oops\n}',
            "invalid JSON at line 3, column 3: Expecting property name",
        ),
        ('["a", "b"]', 'JSON: expected an object with a "body" field'),
        ('{"title": "x"}', 'JSON: no "body" field (or "text", "content")'),
        ('{"body": ["a"]}', 'JSON: "body" must be a string'),
    ],
)
def test_bad_json(tmp_path: Path, content: str, message: str) -> None:
    got = error_message(write(tmp_path / "a.json", content))
    assert got.startswith(message)


# --------------------------------------------------------------------------- furniture


def test_seed_000_furniture() -> None:
    doc = load_document(str(SEED_000))
    assert_blanked_copy(doc)
    lines = lines_of(doc.text)
    raw_lines = lines_of(doc.raw)
    assert lines[0] == "" and raw_lines[0].startswith("网易首页 >")  # breadcrumb
    assert lines[2] == "挂断北京电话后,美国成立稀土联盟,54国联军到齐,中方态度坚决"
    assert (raw_lines[4], lines[4]) == ("0", "")  # the counter
    assert (raw_lines[5], lines[5]) == ("分享至", "")
    last = "毕竟,你可以欺骗选民,甚至可以欺骗盟友,但你永远无法欺骗市场。"
    assert lines[99] == last
    body = doc.raw.index("刚与中方通话")
    end = doc.raw.index(last) + len(last)
    assert doc.text[body:end] == doc.raw[body:end]  # the whole body, untouched
    assert doc.text[end:].strip() == ""  # disclaimers, Notice, 相关推荐 and all after
    for furniture in ("分享至", "特别声明", "Notice:", "相关推荐", "前沿天地", "无障碍浏览"):
        assert furniture not in doc.text
    assert doc.title == "挂断北京电话后,美国成立稀土联盟,54国联军到齐,中方态度坚决"


def test_seed_001_furniture() -> None:
    doc = load_document(str(SEED_001))
    assert_blanked_copy(doc)
    for furniture in ("打开网易新闻", "查看精彩图片", "作品声明", "编辑:AJY"):
        assert furniture not in doc.text
    lines = lines_of(doc.text)
    for heading in ("前言", "34国联合围堵", "深海采矿碰壁", "结语"):
        assert heading in lines
    assert "这场闹剧过后,谁还会真的相信美国开出的那些毫无保障的空头支票?" in lines


@pytest.mark.parametrize(
    "line",
    [
        "来源：新华社",
        "（责任编辑：王五）",
        "文/张三",
        "0",
        "1234",
        "分享",
        "新闻中心 > 国内新闻 > 正文",
        "发布时间：2026-02-04 10:00",
        "2026-02-04 10:00:00 新华社",
        "免责声明：本文不构成投资建议",
        "Home > World",
        "By Jane Smith and John Doe, Reuters",
        "Reporting by Jane Smith; Editing by John Doe",
        "Published Feb. 8, 2026 at 10:00 a.m. ET",
        "© 2026 Reuters. All rights reserved.",
        "Advertisement",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert mask_furniture(line) == " " * len(line)


@pytest.mark.parametrize(
    "line",
    [
        "编辑部认为这件事不简单。",
        "2026",  # a year can head a section of a timeline
        "2026年2月4日",  # so can a date without a clock time
        "时间：2026年2月4日",  # an event's time, not the page's
        "By Monday, the ministry had confirmed 54 countries.",
        "Share prices fell 5% on Monday.",
        "Updated figures show growth.",
        "打开支付宝APP，可以看到新的功能入口。",
    ],
)
def test_article_lines_are_not_furniture(line: str) -> None:
    assert mask_furniture(line) == line


def test_full_width_and_half_width_punctuation_are_the_same() -> None:
    text = "责任编辑：张三\n作品声明：个人观点\n编辑:AJY\n特别声明：本文转载自网络。\n正文留下。\n"
    assert lines_of(mask_furniture(text)) == ["", "", "", "", "正文留下。", ""]


def test_tail_needs_prose_before_it() -> None:
    prose = "美国拉上五十四个国家建立稀土联盟，会议在华盛顿举行。"
    text = f"相关推荐\n某条推荐标题\n\n{prose}\n相关推荐\n另一条推荐标题\n"
    assert [line for line in lines_of(mask_furniture(text)) if line] == [prose]


def test_english_furniture() -> None:
    prose = "The United States gathered 54 countries at the minerals meeting in Washington."
    text = f"Home > World > Asia\nShare\nBy Jane Smith and John Doe, Reuters\n{prose}\n"
    text += "Related\nAnother story 2026-03-01\n"
    assert [line for line in lines_of(mask_furniture(text)) if line] == [prose]


def test_english_article_language(tmp_path: Path) -> None:
    english = "The United States gathered 54 countries in Washington on Feb. 4, 2026.\n"
    assert load_document(write(tmp_path / "a.txt", english)).language == "en"
    assert load_document(write(tmp_path / "b.txt", SIMPLIFIED), language="en").language == "en"
    path = write(tmp_path / "c.txt", "---\nlanguage: en-US\n---\n" + SIMPLIFIED)
    assert load_document(path, language="zh").language == "en"


# --------------------------------------------------------------------------- publication date


def test_seed_000_date_is_the_article_not_the_recommendations() -> None:
    doc = load_document(str(SEED_000))
    # 2026-02-08 06:12:49, after the recommendation records, followed by the author box
    assert (doc.published, doc.published_from) == (dt.date(2026, 2, 8), "page")


def test_seed_001_has_no_page_date() -> None:
    doc = load_document(str(SEED_001))
    assert (doc.published, doc.published_from) == (None, "unknown")


def test_recommendations_newer_than_the_article() -> None:
    doc = load_document(str(DATA / "newer_recommendations.txt"))
    assert (doc.published, doc.published_from) == (dt.date(2026, 1, 21), "page")
    assert "某地新开一家博物馆" not in doc.text
    assert doc.title == "欧盟宣布新一轮电池补贴计划,27国将共同出资"


def test_header_date_with_a_newer_link_box_above_it() -> None:
    doc = load_document(str(DATA / "sina_style.txt"))
    assert (doc.published, doc.published_from) == (dt.date(2026, 3, 15), "page")
    assert next(line for line in lines_of(doc.text) if line) == "美国与日本签署关键矿产协议"
    assert "城市快报" not in doc.text and "王五" not in doc.text and "(完)" not in doc.text


def test_labelled_date_beats_unlabelled_timestamps() -> None:
    prose = "美国拉上五十四个国家建立稀土联盟，会议在华盛顿举行。"
    text = f"标题\n{prose}\n2026-03-01 10:00\n发布时间：2026-01-10 08:00\n"
    assert page_publication_date(text) == (dt.date(2026, 1, 10), "day")
    text = f"{prose}\nPublished February 8, 2026\n"
    assert page_publication_date(text) == (dt.date(2026, 2, 8), "day")


def test_dates_in_prose_are_not_page_dates() -> None:
    text = "2026年2月4日，特朗普与中国进行了一场通话，在那几十分钟里传递出的信号温和。\n"
    assert page_publication_date(text) is None


# --------------------------------------------------------------------------- collecting paths


def make_tree(root: Path) -> None:
    for name in (
        "b.txt",
        "a.md",
        "a-b/x.html",
        "sub/c.json",
        "sub/deeper/d.htm",
        "drafts/e.txt",
        ".hidden/h.txt",
        ".dot.txt",
        "notes.pdf",
        "sub/img.png",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("正文。", encoding="utf-8")


def test_collect_paths_walks_folders_in_path_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path / "root")
    monkeypatch.chdir(tmp_path)
    files, errors, skipped = collect_paths(["root"])
    assert files == [
        "root/a-b/x.html",
        "root/a.md",
        "root/b.txt",
        "root/drafts/e.txt",
        "root/sub/c.json",
        "root/sub/deeper/d.htm",
    ]
    assert (errors, skipped) == ([], 2)  # notes.pdf and img.png; hidden ones not counted
    assert collect_paths(["root/"])[0] == files
    monkeypatch.chdir(tmp_path / "root")
    assert collect_paths(["."])[0] == [path.removeprefix("root/") for path in files]


def test_collect_paths_exclude_and_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path / "root")
    monkeypatch.chdir(tmp_path)
    files, _, _ = collect_paths(
        ["root/b.txt", "root", "./root/b.txt"], ["drafts", "*.md", "*/sub/*"]
    )
    assert files == ["root/b.txt", "root/a-b/x.html"]


def test_collect_paths_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("report.pdf").write_bytes(b"%PDF")
    Path("empty").mkdir()
    Path("empty/image.png").write_bytes(b"\x89PNG")
    files, errors, skipped = collect_paths(["missing.txt", "report.pdf", "empty"])
    assert files == []
    assert errors == [
        FileError("missing.txt", "no such file or directory"),
        FileError("report.pdf", "unsupported file type '.pdf' (expected .txt, .md, .html, .json)"),
        FileError("empty", "no articles found (.txt, .md, .html, .json)"),
    ]
    assert skipped == 1


def test_absolute_paths_stay_absolute(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files, _, _ = collect_paths([str(tmp_path / "sub")])
    assert files == [f"{tmp_path}/sub/c.json", f"{tmp_path}/sub/deeper/d.htm"]
    assert all(os.path.isabs(path) for path in files)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("美国牵头34个国家开了一场峰会。\n", "zh"),
        ("The US gathered 34 countries for a summit on Feb. 4, 2026.\n", "en"),
        # no letter at all: read as Chinese, the checker's first language
        ("54 — 34\n2026-02-04\n", "zh"),
    ],
)
def test_the_language_of_an_article(tmp_path: Path, content: str, expected: str) -> None:
    assert load_document(write(tmp_path / "a.txt", content)).language == expected
