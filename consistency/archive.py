"""The archive: published articles indexed in SQLite, so a submission can be checked against
what the newsroom has already said.

``index_archive`` reads a folder incrementally: a file whose bytes (SHA-256) are unchanged is
not read again, and a change of the extractor (its source and data files) re-reads everything.
Each article is written in its own transaction, so a run killed at any moment leaves the index
as it was before that article, and the next run carries on.

``candidates`` finds the archived articles a new article may contradict without comparing it
with every one: by event family and date (an index on both), then by shared event names and
participants among articles published near it. Only those are read back and checked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache
from importlib import resources as package_files

from consistency import __version__
from consistency.document import MAX_FILE_BYTES, collect_paths
from consistency.model import Event, InputError
from consistency.names import specific_part
from consistency.read import read_document
from consistency.timeline import Timeline

DEFAULT_DB = ".consistency/archive.sqlite"
# Events this many days apart are still looked at together (a story reported late, a wrong day).
_DATE_WINDOW = 31
# Articles published this many days apart may still report one happening.
_PUBLISHED_WINDOW = 92
_MAX_CANDIDATES = 50

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    published TEXT,
    published_from TEXT NOT NULL,
    language TEXT NOT NULL,
    title TEXT,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    family TEXT NOT NULL,
    label TEXT NOT NULL,
    day TEXT,
    grain TEXT
);
CREATE INDEX IF NOT EXISTS events_by_family_day ON events (family, day);
CREATE INDEX IF NOT EXISTS events_by_article ON events (article);
CREATE TABLE IF NOT EXISTS event_keys (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    family TEXT NOT NULL,
    key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_keys_by_key ON event_keys (family, key);
CREATE INDEX IF NOT EXISTS event_keys_by_article ON event_keys (article);
CREATE TABLE IF NOT EXISTS claims (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    slot TEXT NOT NULL,
    quote TEXT NOT NULL,
    start INTEGER NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_by_article ON claims (article);
"""


@dataclass
class IndexResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


@cache
def extractor_version() -> str:
    """Changes whenever the code or data that reads articles changes."""
    digest = hashlib.sha256(__version__.encode())
    root = package_files.files("consistency")
    for name in sorted(_walk(root)):
        digest.update(name.encode())
        digest.update(root.joinpath(name).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _walk(root, prefix: str = "") -> Iterator[str]:
    for entry in root.iterdir():
        name = prefix + entry.name
        if entry.is_dir() and entry.name not in ("__pycache__", "report", "schema"):
            yield from _walk(entry, name + "/")
        elif entry.name.endswith((".py", ".yml")):
            yield name


def connect(path: str, *, create: bool = False) -> sqlite3.Connection:
    """Open the index; InputError when it is missing (and not to be created) or not one."""
    if not create and not os.path.isfile(path):
        raise InputError(path, "no archive index here (create one with 'consistency index')")
    if create:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    try:
        connection = sqlite3.connect(path, timeout=30)
        connection.execute("PRAGMA foreign_keys = ON")
        if create:
            # readers are not blocked while an index run writes
            connection.execute("PRAGMA journal_mode = WAL")
            connection.executescript(_SCHEMA)
        connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.DatabaseError as error:
        raise InputError(path, f"not an archive index: {error}") from None
    return connection


def index_archive(
    folder: str,
    database: str = DEFAULT_DB,
    *,
    jobs: int = 1,
    on_file: Callable[[str], None] | None = None,
) -> IndexResult:
    """Bring the index of ``folder`` up to date; files that cannot be read are listed.

    Streams: each file is read, hashed and (when new or changed) read through the pipeline
    and written before the next ones are read, and with ``jobs`` > 1 at most
    ``_WINDOW_PER_JOB * jobs`` articles are in flight. Memory therefore does not grow with
    the archive's size beyond its list of paths (about a hundred bytes a file). Time is linear
    in the number of files: one indexed lookup by path per file.
    """

    files, problems, _ = collect_paths([folder])
    result = IndexResult(errors=[(p.path, p.message) for p in problems])
    with closing(connect(database, create=True)) as db:
        version = extractor_version()
        stored = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        with db:
            if stored is None or stored[0] != version:
                db.execute("DELETE FROM articles")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))

        def changed() -> Iterator[tuple[str, bytes, bool]]:
            """The files to read, one at a time; unchanged ones are counted on the way."""
            for path in files:
                data = _read(path, result)
                if data is None:
                    continue
                row = db.execute("SELECT sha256 FROM articles WHERE path = ?", (path,)).fetchone()
                if row is not None and row[0] == hashlib.sha256(data).hexdigest():
                    result.unchanged += 1
                    if on_file:
                        on_file(path)
                    continue
                yield path, data, row is not None

        for (path, replacing), rows in _read_all(changed(), jobs):
            if isinstance(rows, str):
                result.errors.append((path, rows))
            else:
                with db:  # one transaction per article: a kill leaves it all or nothing
                    db.execute("DELETE FROM articles WHERE path = ?", (path,))
                    _insert(db, rows)
                if replacing:
                    result.updated += 1
                else:
                    result.added += 1
            if on_file:
                on_file(path)
        present = set(files)
        prefix = folder.rstrip("/") + "/"
        gone = [
            path
            for (path,) in db.execute("SELECT path FROM articles")
            if path.startswith(prefix) and path not in present
        ]
        with db:
            db.executemany("DELETE FROM articles WHERE path = ?", [(p,) for p in gone])
        result.removed = len(gone)
    return result


def _read(path: str, result: IndexResult) -> bytes | None:

    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        result.errors.append((path, f"cannot read: {error.strerror or error}"))
        return None
    return data


# Articles handed to each worker process ahead of the one being written (bounds memory).
_WINDOW_PER_JOB = 16


def _read_all(
    pending: Iterator[tuple[str, bytes, bool]], jobs: int
) -> Iterator[tuple[tuple[str, bool], dict | str]]:
    """((path, replacing), rows) of each pending article, in order, consuming ``pending``
    lazily; read in ``jobs`` processes when more than one, with a bounded window in flight."""
    if jobs <= 1:
        for path, data, replacing in pending:
            yield (path, replacing), _article_rows((path, data))
        return
    import multiprocessing
    from collections import deque

    window: deque = deque()
    limit = _WINDOW_PER_JOB * jobs
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for path, data, replacing in pending:
            window.append(((path, replacing), pool.apply_async(_article_rows, ((path, data),))))
            if len(window) >= limit:
                key, waiting = window.popleft()
                yield key, waiting.get()
        while window:
            key, waiting = window.popleft()
            yield key, waiting.get()


def _article_rows(item: tuple[str, bytes]) -> dict | str:
    """Everything stored for one article, or the reason it cannot be read."""

    path, data = item
    try:
        timeline = read_document(path, data)
    except InputError as error:
        return error.message
    document = timeline.document
    events = []
    for event in timeline.events:
        if event.implicit:
            continue
        events.append(
            (
                event.family,
                event.label,
                event.date.start.isoformat() if event.date else None,
                event.date.grain if event.date else None,
                sorted(_event_keys(event)),
            )
        )
    claims = [
        (
            timeline.event(claim.event).label,
            claim.slot,
            document.raw[claim.mention.start : claim.mention.end],
            claim.mention.start,
            json.dumps(claim.mention.to_dict()["value"], ensure_ascii=False, sort_keys=True),
        )
        for claim in timeline.article.claims
    ]
    return {
        "article": (
            path,
            hashlib.sha256(data).hexdigest(),
            document.published.isoformat() if document.published else None,
            document.published_from,
            document.language,
            document.title,
            zlib.compress(data, 6),
        ),
        "events": events,
        "claims": claims,
    }


def _insert(db: sqlite3.Connection, rows: dict) -> None:
    cursor = db.execute(
        "INSERT INTO articles (path, sha256, published, published_from, language, title, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows["article"],
    )
    article = cursor.lastrowid
    for family, label, day, grain, keys in rows["events"]:
        db.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?)", (article, family, label, day, grain)
        )
        db.executemany(
            "INSERT INTO event_keys VALUES (?, ?, ?)", [(article, family, key) for key in keys]
        )
    db.executemany(
        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)", [(article, *c) for c in rows["claims"]]
    )


# --------------------------------------------------------------------------- checking against


def candidates(database: str, timelines: Sequence[Timeline]) -> list[Timeline]:
    """The archived articles that may report the same happenings as ``timelines``, read back.

    Looked up by (family, date within a month) and by (family, shared name or participant,
    published within three months); at most 50, the best matched first. Articles whose path or
    content is one of the new ones are left out: the new version is the one checked.
    """

    new_paths = {os.path.normpath(t.document.path) for t in timelines}
    new_texts = {t.document.raw for t in timelines}
    scores: dict[int, int] = {}
    with closing(connect(database)) as db:
        for timeline in timelines:
            for event in timeline.events:
                if event.implicit:
                    continue
                for (article,) in _by_date(db, event):
                    scores[article] = scores.get(article, 0) + 2
                for article, shared in _by_keys(db, event, timeline.document.published):
                    scores[article] = scores.get(article, 0) + shared
        ranked = sorted(scores, key=lambda a: (-scores[a], a))
        found = []
        for article in ranked:
            path, published, published_from, data = db.execute(
                "SELECT path, published, published_from, data FROM articles WHERE id = ?",
                (article,),
            ).fetchone()
            if os.path.normpath(path) in new_paths:
                continue
            date = dt.date.fromisoformat(published) if published else None
            try:
                timeline = read_document(path, zlib.decompress(data), date, published_from)
            except InputError:  # indexed by an older reader that accepted it: skip
                continue
            if timeline.document.raw not in new_texts:
                found.append(timeline)
            if len(found) == _MAX_CANDIDATES:
                break
    return found


def _event_keys(event: Event) -> set[str]:
    """What names an event: its specific name ("关键矿产" of "关键矿产部长级会议") and its
    participants."""
    names = {specific_part(m.event) for m in event.mentions if m.event is not None}
    return {name for name in names if name} | set(event.participants)


def _by_date(db: sqlite3.Connection, event: Event) -> list[tuple[int]]:
    if event.date is None:
        return []
    low = (event.date.start - dt.timedelta(days=_DATE_WINDOW)).isoformat()
    high = (event.date.end + dt.timedelta(days=_DATE_WINDOW)).isoformat()
    return db.execute(
        "SELECT DISTINCT article FROM events WHERE family = ? AND day BETWEEN ? AND ?",
        (event.family, low, high),
    ).fetchall()


def _by_keys(
    db: sqlite3.Connection, event: Event, published: dt.date | None
) -> list[tuple[int, int]]:
    keys = _event_keys(event)
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    query = (
        "SELECT k.article, COUNT(DISTINCT k.key) FROM event_keys k JOIN articles a "
        f"ON a.id = k.article WHERE k.family = ? AND k.key IN ({marks})"
    )
    parameters: list[object] = [event.family, *sorted(keys)]
    if published is not None:
        query += " AND (a.published IS NULL OR a.published BETWEEN ? AND ?)"
        window = dt.timedelta(days=_PUBLISHED_WINDOW)
        parameters += [(published - window).isoformat(), (published + window).isoformat()]
    query += " GROUP BY k.article ORDER BY COUNT(DISTINCT k.key) DESC, k.article LIMIT 200"
    return db.execute(query, parameters).fetchall()
