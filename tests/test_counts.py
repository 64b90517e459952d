"""C100 across articles: one row per slot, figures near enough to be one figure."""

from __future__ import annotations

import consistency

HEAD = "---\npublished: 2025-04-04\n---\n"


def _write(folder, name, text):
    path = folder / name
    path.write_text(HEAD + text, "utf-8")
    return str(path)


def test_one_row_for_a_slot_with_the_odd_value_as_its_primary_claim(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "4日,韩国宪法法院宣判,8名大法官全数赞成,总统尹锡悦被罢免。\n"),
        _write(tmp_path, "b.txt", "4日,韩国宪法法院宣判,8名法官一致认定罢免总统尹锡悦。\n"),
        _write(tmp_path, "c.txt", "4日,韩国宪法法院宣判,9名法官一致同意罢免总统尹锡悦。\n"),
    ]
    rows = [row for row in consistency.check(paths).discrepancies if row.rule == "C100"]
    assert len(rows) == 1
    row = rows[0]
    assert sorted(claim.quote for claim in row.claims) == ["8名", "8名", "9名"]
    assert row.claims[row.primary[0]].path.endswith("c.txt")
    assert row.message.startswith("8 vs 9 ")


def test_figures_an_order_apart_count_different_things(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "4日,加州山火已烧毁9418座建筑,火灾仍在蔓延。\n"),
        _write(tmp_path, "b.txt", "4日,加州山火已烧毁1000座建筑,火灾仍在蔓延。\n"),
    ]
    assert [row.rule for row in consistency.check(paths).discrepancies] == []


def test_the_same_digits_a_unit_apart_are_one_figure_written_wrong(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "4日,加州山火已烧毁9418座建筑,火灾仍在蔓延。\n"),
        _write(tmp_path, "b.txt", "4日,加州山火已烧毁9418万座建筑,火灾仍在蔓延。\n"),
    ]
    assert [row.rule for row in consistency.check(paths).discrepancies] == ["C100"]


def test_measured_values_compare_in_one_unit_and_as_precise_as_written(tmp_path):
    zh = "小米YU7于6月26日发布,首小时大定28.9万辆,起售价25.35万元。"
    en = "Xiaomi launched the YU7 on June 26: 289,000 orders in an hour, from 253,500 yuan. "
    paths = [
        _write(tmp_path, "a.txt", zh + "续航里程达835公里。营收为393亿美元。\n"),
        _write(
            tmp_path, "b.txt", en + "It has a range of up to 760 km. Revenue was $39.3 billion.\n"
        ),
        _write(tmp_path, "c.txt", zh + "续航835公里。营收为393.31亿美元。\n"),
    ]
    rows = [row for row in consistency.check(paths).discrepancies if row.rule == "C100"]
    # the ranges conflict (760 km is the odd one out); 393亿, 393.31亿 and $39.3 billion agree
    assert [(sorted(c.quote for c in r.claims), r.claims[r.primary[0]].quote) for r in rows] == [
        (["760 km", "835公里", "835公里"], "760 km")
    ]


def test_a_forecast_and_a_version_are_not_the_value(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "营收为393亿美元,公司预计下一季营收为430亿美元。\n"),
        _write(tmp_path, "b.txt", "营收为393亿美元。全部为YU7 Max,起售价35.04万元。\n"),
        _write(tmp_path, "c.txt", "营收为393亿美元。YU7起售价25.35万元。\n"),
    ]
    assert [row.rule for row in consistency.check(paths).discrepancies] == []
