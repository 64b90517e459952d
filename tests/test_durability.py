"""The archive index survives a kill at any moment, and readers do not block each other."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONT = "---\npublished: 2026-03-{day:02d}\n---\n"
ARTICLE = (
    "3月{day}日,{place}发生地震。截至当晚,{place}地震已造成{dead}人死亡、{hurt}人受伤。\n"
    "第二天,{place}召开新闻发布会,通报救援进展。\n"
)
PLACES = ["甘南", "定日", "玉树", "汶川", "雅安", "鲁甸", "九寨", "泸定", "积石", "门源"]


def _archive(folder: Path, articles: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(articles):
        day = 1 + index % 27
        place = PLACES[index % len(PLACES)] + ("" if index < 10 else str(index // 10))
        text = FRONT.format(day=day + 1) + ARTICLE.format(
            day=day, place=place, dead=10 + index % 50, hurt=100 + index
        )
        (folder / f"{index:04d}.md").write_text(text, encoding="utf-8")


def _index(folder: Path, database: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "consistency", "index", str(folder), "--db", str(database)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _articles(database: Path) -> int:
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # all or nothing per article: no article without its events, no orphan rows
        assert db.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.article = a.id)"
        ).fetchone() == (0,)
        assert db.execute(
            "SELECT COUNT(*) FROM claims c WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = c.article)"
        ).fetchone() == (0,)
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def test_an_index_killed_midway_is_whole_and_the_next_run_completes_it(tmp_path):
    folder, database = tmp_path / "archive", tmp_path / "index.sqlite"
    _archive(folder, 400)
    run = _index(folder, database)
    # wait until it has written some articles, then kill it without warning
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)
        try:
            with sqlite3.connect(database, timeout=5) as db:
                if db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 20:
                    break
        except sqlite3.OperationalError:  # the tables are not there yet
            continue
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    interrupted = _articles(database)
    assert 20 <= interrupted < 400

    finished = _index(folder, database)
    output, errors = finished.communicate(timeout=300)
    assert finished.returncode == 0, errors
    added = 400 - interrupted
    assert f"{added} added, 0 updated, {interrupted} unchanged" in output.decode()
    assert _articles(database) == 400


def test_two_checks_read_one_index_at_once(tmp_path):
    folder, database = tmp_path / "archive", tmp_path / "index.sqlite"
    _archive(folder, 30)
    assert _index(folder, database).wait(timeout=300) == 0
    submission = tmp_path / "new.md"
    submission.write_text(
        FRONT.format(day=2) + ARTICLE.format(day=1, place="甘南", dead=99, hurt=100),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "consistency", "check", str(submission)]
    checks = [
        subprocess.Popen(
            [*command, "--against", str(database), "-f", "json"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    results = [check.communicate(timeout=120) for check in checks]
    assert [check.returncode for check in checks] == [1, 1], results[0][1]
    assert results[0][0] == results[1][0]
    assert b"0000.md" in results[0][0]  # the archived 甘南 report with another toll
