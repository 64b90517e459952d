"""Each stage on its own: timeline, claims, links, rules, and the command line."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

import consistency
from consistency.claims import build_claims
from consistency.cli import main
from consistency.extract import extract_mentions
from consistency.link import link_pair
from consistency.model import Document, TimeExpr
from consistency.resolve import resolve_time
from consistency.timeline import build_timeline


def _timeline(text: str, published: dt.date | None = dt.date(2026, 3, 7), path: str = "a.txt"):
    document = Document(path, text, text, published=published, published_from="option")
    return build_timeline(build_claims(document, extract_mentions(text, "zh")))


def test_partial_dates_take_the_year_closest_to_the_reference():
    december = TimeExpr("date", month=12, day=30)
    resolved = resolve_time(december, dt.date(2026, 1, 3))
    assert (resolved.start, resolved.year_inferred) == (dt.date(2025, 12, 30), True)
    assert resolve_time(TimeExpr("date", 2024, 5, year_explicit=True), None).grain == "month"
    assert resolve_time(december, None) is None


def test_a_relative_day_dates_its_anchor_event():
    timeline = _timeline("东盟峰会在雅加达举行。3月5日,也就是峰会的第二天,外交部举行发布会。")
    summit = next(e for e in timeline.events if e.family == "meeting")
    assert summit.date.start == dt.date(2026, 3, 4)


def test_a_back_reference_joins_the_event_it_points_to():
    text = "3月4日,东北亚峰会在大连举行。在2025年3月的那场峰会上,各方签署协议。"
    timeline = _timeline(text)
    meetings = [e for e in timeline.events if e.family == "meeting"]
    assert len(meetings) == 1 and meetings[0].identified


def test_a_count_belongs_to_the_event_in_its_clause():
    text = "3月1日,地震造成12人死亡。3月2日,暴雨导致3人失踪。"
    timeline = _timeline(text)
    slots = {
        (timeline.event(c.event).family, c.slot)
        for c in timeline.article.claims
        if c.slot != "date"
    }
    assert slots == {("earthquake", "count:person:dead"), ("flood", "count:person:missing")}


def test_links_grow_with_shared_names_and_shrink_with_different_dates():
    first = _timeline("3月4日,第七届东北亚地方政府峰会在大连举行。", path="a.txt").events[0]
    same_day = _timeline("3月4日,第七届东北亚地方政府峰会开幕。", path="b.txt").events[0]
    other_day = _timeline("3月20日,第七届东北亚地方政府峰会开幕。", path="c.txt").events[0]
    assert link_pair(first, same_day).certainty == "certain"
    assert link_pair(first, other_day).certainty == "likely"


def _write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_hedged_counts_agree_and_exact_counts_conflict(tmp_path):
    front = "---\npublished: 2026-03-02\n---\n"
    a = _write(tmp_path, "a.md", front + "3月1日,甘南发生地震,造成逾50人死亡。\n")
    b = _write(tmp_path, "b.md", front + "3月1日,甘南地震已造成53人死亡。\n")
    c = _write(tmp_path, "c.md", front + "3月1日,甘南地震已造成38人死亡。\n")
    assert consistency.check([a, b]).discrepancies == ()
    (row,) = consistency.check([b, c]).discrepancies
    assert (row.rule, sorted(claim.quote for claim in row.claims)) == ("C100", ["38人", "53人"])


def test_rules_command_lists_and_explains():
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"])
    assert [line.split()[0] for line in listing.output.splitlines()] == [
        "C100",
        "D100",
        "D101",
        "T100",
        "T101",
        "T102",
        "T103",
        "W100",
        "E100",
        "R100",
        "M100",
        "N100",
        "A100",
        "A101",
        "P100",
        "S100",
    ]
    explained = runner.invoke(main, ["rules", "t100"])
    assert explained.exit_code == 0 and "relative-timing-conflict" in explained.output
    assert runner.invoke(main, ["rules", "X999"]).exit_code == 2


def test_mentions_command_prints_json(tmp_path):
    path = _write(tmp_path, "a.txt", "2月4日,来自54个国家的代表出席会议。\n")
    result = CliRunner().invoke(main, ["mentions", path, "--reference", "2026-02-08", "-f", "json"])
    data = json.loads(result.output)
    assert {
        "kind": "time",
        "text": "2月4日",
        "start": 0,
        "end": 4,
        "value": {"start": "2026-02-04", "grain": "day"},
    } in data


def test_unsupported_file_named_explicitly_is_an_input_error(tmp_path):
    path = _write(tmp_path, "a.pdf", "not an article")
    result = CliRunner().invoke(main, ["check", path])
    assert result.exit_code == 2
    assert "unsupported file type" in result.stderr


def test_internal_errors_exit_3_with_one_line(monkeypatch, tmp_path):
    path = _write(tmp_path, "a.txt", "2月4日,会议举行。\n")

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("consistency.pipeline.check", broken)
    result = CliRunner().invoke(main, ["check", path])
    assert result.exit_code == 3
    assert "internal error" in result.stderr and "Traceback" not in result.stderr


def test_yesterday_counts_from_the_dateline_not_the_publication_date():
    text = "NINGBO, March 5 (Reuters) - The port summit opened yesterday in Ningbo.\n"
    document = Document("w.txt", text, text, language="en", published=dt.date(2026, 3, 7))
    timeline = build_timeline(build_claims(document, extract_mentions(text, "en")))
    summit = next(e for e in timeline.events if e.family == "meeting")
    assert summit.date.start == dt.date(2026, 3, 4)
    assert [c.mention.text for c in timeline.article.claims if c.slot == "date"] == ["yesterday"]
    chinese = "新华社宁波3月5日电 东海港口峰会昨日在宁波开幕。\n"
    document = Document("x.txt", chinese, chinese, published=dt.date(2026, 3, 7))
    timeline = build_timeline(build_claims(document, extract_mentions(chinese, "zh")))
    summit = next(e for e in timeline.events if e.family == "meeting")
    assert summit.date.start == dt.date(2026, 3, 4)


def _weekday_claims(text: str, language: str, published: dt.date) -> list[tuple[str, str]]:
    document = Document("w.txt", text, text, language=language, published=published)
    timeline = build_timeline(build_claims(document, extract_mentions(text, language)))
    return [
        (c.mention.text, timeline.event(c.event).family)
        for c in timeline.article.claims
        if c.slot == "weekday"
    ]


def test_a_bare_weekday_dates_the_event_of_its_clause_but_not_a_statement():
    text = (
        "LYON, April 8 - Unions signed a deal at a meeting on Tuesday.\n"
        "The meeting ended late, the union said on Wednesday.\n"
    )
    assert _weekday_claims(text, "en", dt.date(2026, 4, 9)) == [("Tuesday", "meeting")]
    chinese = "港务局周二举行记者会。局长周三表示，去年的记者会于周五举行。\n"
    assert _weekday_claims(chinese, "zh", dt.date(2026, 5, 14)) == [("周二", "statement")]


def test_a_bare_weekday_is_the_nearest_one_to_the_dateline(tmp_path):
    # filed Wednesday 8 April: "Tuesday" is the 7th, so a meeting the next sentence dates
    # the 6th is another meeting, unless it points back ("The meeting, held on April 6")
    text = (
        "LYON, April 8 - Unions signed a deal at a meeting on Tuesday. A meeting on April 6 failed."
    )
    document = Document("w.txt", text, text, language="en", published=dt.date(2026, 4, 9))
    timeline = build_timeline(build_claims(document, extract_mentions(text, "en")))
    assert len([e for e in timeline.events if e.family == "meeting"]) == 2
    article = tmp_path / "w.txt"
    article.write_text(
        "---\npublished: 2026-04-09\n---\nLYON, April 8 - Unions signed a deal at a meeting "
        "on Tuesday. The meeting, held on April 6, lasted all night.\n",
        "utf-8",
    )
    report = consistency.check([str(article)])
    assert [(d.rule, d.severity) for d in report.discrepancies] == [("W100", "warning")]
    assert [c.quote for c in report.discrepancies[0].claims] == ["Tuesday", "April 6"]


def test_meetings_sharing_only_their_date_are_possibly_one():
    northeast = _timeline("3月4日,第七届东北亚地方政府峰会在大连举行。", path="a.txt").events[0]
    east_sea = _timeline("3月4日,首届东海港口合作峰会在宁波开幕。", path="b.txt").events[0]
    assert link_pair(northeast, east_sea).certainty == "possible"


def test_possible_links_do_not_chain_stories_into_one_date_row(tmp_path):
    # a and b are one forum (same name); c is another meeting that only shares a's date
    northeast = "第七届东北亚地方政府峰会在大连开幕,六国地方官员讨论边境旅游与冰雪经济。"
    east_sea = "首届东海港口合作峰会在宁波举行,港航企业签署航线共享与通关便利备忘录。"
    stories = {
        "a.md": "3月4日," + northeast,
        "b.md": "3月6日," + northeast,
        "c.md": "3月4日," + east_sea,
        "d.md": "3月9日," + east_sea,
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(f"---\npublished: 2026-03-10\n---\n{text}\n", "utf-8")
    report = consistency.check([str(tmp_path)])
    rows = [d for d in report.discrepancies if d.rule == "D100"]
    assert sorted(sorted(c.path[-4:] for c in d.claims) for d in rows) == [
        ["a.md", "b.md"],
        ["c.md", "d.md"],
    ]


def test_times_of_day_are_not_counts_and_a_day_without_month_takes_its_weekday(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2026-03-10\n---\n"
        "The meeting will start at 9 am or 10 am on Monday 21, organisers said.\n"
        "A second forum opened on Tuesday, March 3.\n",
        "utf-8",
    )
    report = consistency.check([str(tmp_path / "a.txt")])
    # 2026-03-03 is a Tuesday; "Monday 21" names no month, so its weekday picks one
    assert [d.rule for d in report.discrepancies] == []
    counts = [m for m in consistency.mentions("at 9 am or 10 o'clock") if m.quantity]
    assert [m.quantity.kind for m in counts] == ["number", "number"]


def test_a_wrong_weekday_cites_the_right_pair_beside_it_as_support(tmp_path):
    text = (
        "---\npublished: 2025-07-07\n---\n"
        "Last Friday (July 4th), floods hit central Texas. The city manager took questions "
        "from reporters on Sunday (July 5) and left.\n"
    )
    (tmp_path / "a.txt").write_text(text, "utf-8")
    rows = consistency.check([str(tmp_path / "a.txt")]).discrepancies
    assert [row.rule for row in rows] == ["W100"]
    row = rows[0]
    assert [row.claims[i].quote for i in row.primary] == ["July 5", "Sunday"]
    assert {claim.quote for claim in row.claims} == {"July 5", "Sunday", "July 4th", "Last Friday"}
    assert "the nearest Sunday is 2025-07-06" in row.message


def test_times_of_day_of_one_crash_are_compared_across_zones(tmp_path):
    head = "---\npublished: 2024-12-30\n---\n"
    stories = {
        "a.txt": "济州航空客机29日在务安机场坠毁,韩国当地时间上午9时7分许客机失事,179人遇难。\n",
        "b.txt": "济州航空客机29日在务安机场坠毁。失事时间为当地时间上午9时3分"
        "(台湾时间上午8时3分),179人遇难。\n",
        "c.txt": "The Jeju Air jet crashed at Muan on Dec. 29 at 09:03 local time (00:03 GMT); "
        "179 people were killed.\n",
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(head + text, "utf-8")
    rows = [r for r in consistency.check([str(tmp_path)]).discrepancies if r.rule == "T102"]
    assert len(rows) == 1
    row = rows[0]
    assert [row.claims[i].quote for i in row.primary] == ["上午9时7分许"]
    assert {c.quote for c in row.claims} >= {"上午9时3分", "台湾时间上午8时3分"[4:], "09:03"}


def test_event_labels_are_whole_names_in_the_articles_script(tmp_path):
    from consistency.read import read_document

    (tmp_path / "a.txt").write_text(
        "---\npublished: 2026-03-07\n---\n"
        "全市中小企業數位轉型座談會3月6日在會展中心舉行。客機在降落過程中墜毀。\n",
        "utf-8",
    )
    labels = {e.family: e.label for e in read_document(str(tmp_path / "a.txt")).events}
    # Traditional stays Traditional; "程中墜毀" would be a word cut in two
    assert labels == {"meeting": "全市中小企業數位轉型座談會", "accident": "墜毀"}


def test_a_guessed_year_takes_the_storys_so_month_and_day_are_compared(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\npublished: 2025-04-05\n---\n4月4日,韩国宪法法院对尹锡悦弹劾案宣判,尹锡悦被罢免。\n",
        "utf-8",
    )
    # no publication date: the only year written is a precedent's
    (tmp_path / "b.txt").write_text(
        "4月15日,韩国宪法法院对尹锡悦弹劾案宣判,尹锡悦被罢免。这与2017年的先例不同。\n", "utf-8"
    )
    rows = [r for r in consistency.check([str(tmp_path)]).discrepancies if r.rule[0] == "D"]
    assert [(r.rule, sorted(c.quote for c in r.claims)) for r in rows] == [
        ("D100", ["4月15日", "4月4日"])
    ]
    assert "2025-04-15" in rows[0].message


def test_the_time_from_takeoff_to_the_crash_given_two_ways_in_one_article(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-06-13\n---\n"
        "印度航空客机12日在艾哈迈达巴德坠毁,242人中241人遇难。客机在起飞后数秒就坠毁了。\n"
        "当地时间下午1点38分飞机升空,五分钟后坠落在一片住宅区。\n",
        "utf-8",
    )
    rows = [r for r in consistency.check([str(tmp_path / "a.txt")]).discrepancies]
    assert [(r.rule, sorted(c.quote for c in r.claims)) for r in rows] == [
        ("T103", ["升空,五分钟后", "起飞后数秒"])
    ]
    assert "2 seconds to 9 seconds" in rows[0].message and "5 minutes" in rows[0].message


def test_a_vague_interval_agrees_with_a_close_one(tmp_path):
    from consistency.extract.elapsed import find_elapsed

    text = "客机起飞后约1分钟坠毁。"
    (found,) = find_elapsed(text, "zh", 0, len(text))
    assert (found.anchor, found.low, found.high) == ("takeoff", 48.0, 72.0)
