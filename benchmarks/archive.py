"""Indexing rate, peak memory and check-against-archive latency at several archive sizes.

    python benchmarks/archive.py [--sizes 1000,10000,100000] [--index-limit 10000]
                                 [--workdir /tmp/consistency-bench]

For each size an archive is generated with make_archive.py (cached in the work folder) and
indexed with ``consistency index -j 1`` and ``-j 2`` in new processes; the rate (articles/s)
and the peak resident memory of the largest process (``resource.getrusage`` of the children)
are printed. Sizes above ``--index-limit`` are not indexed here (it would take longer than
this machine's budget): their index is *synthesized* by copying the rows of the largest
indexed archive with dates shifted by whole months, so that the lookup has that many
articles to search, and their indexing time is *extrapolated* from the measured rate. Both
are labelled so in the output.

Latency: one new article of an existing story is checked against each index, cold (``python
-m consistency check NEW --against DB``, a new process, median of 3) and warm (the pipeline
in this process, median of 5); the number of archived articles read back is printed too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_archive import _COUNT, generate  # noqa: E402

_MEASURE = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def archive_folder(workdir: Path, size: int) -> Path:
    folder = workdir / f"archive-{size}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(size, str(folder))
        marker.write_text("")
    return folder


def index(folder: Path, database: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak kilobytes of one ``consistency index`` run from an empty index."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, "-m", "consistency", "index", str(folder), "--db", str(database)]
    start = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command, "-j", str(jobs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return time.perf_counter() - start, int(output.split()[-1])


def synthesize(source: Path, target: Path, size: int) -> None:
    """An index of ``size`` articles made of copies of ``source``'s rows, dates shifted."""
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as db:
        have = source_size = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        copy = 1
        while have < size:
            take = min(source_size, size - have)
            offset, months = copy * 10_000_000, f"+{copy} months"
            db.execute("ATTACH DATABASE ? AS src", (str(source),))
            db.execute(
                "INSERT INTO articles SELECT id + ?, path || '#' || ?, sha256, "
                "date(published, ?), published_from, language, title, data "
                "FROM src.articles ORDER BY id LIMIT ?",
                (offset, copy, months, take),
            )
            ids = "(SELECT id FROM src.articles ORDER BY id LIMIT ?)"
            db.execute(
                f"INSERT INTO events SELECT article + ?, family, label, date(day, ?), grain "
                f"FROM src.events WHERE article IN {ids}",
                (offset, months, take),
            )
            db.execute(
                f"INSERT INTO event_keys SELECT article + ?, family, key "
                f"FROM src.event_keys WHERE article IN {ids}",
                (offset, take),
            )
            db.execute(
                f"INSERT INTO claims SELECT article + ?, event, slot, quote, start, value "
                f"FROM src.claims WHERE article IN {ids}",
                (offset, take),
            )
            db.commit()
            db.execute("DETACH DATABASE src")
            have += take
            copy += 1


def latency(new: Path, database: Path) -> tuple[float, float, int]:
    """Cold and warm seconds of checking ``new`` against ``database``; articles read back."""
    from consistency.archive import candidates
    from consistency.pipeline import check
    from consistency.read import read_timelines

    command = [sys.executable, "-m", "consistency", "check", str(new), "--against", str(database)]
    cold = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        cold.append(time.perf_counter() - start)
    warm = []
    check([str(new)], against=str(database))
    for _ in range(5):
        start = time.perf_counter()
        check([str(new)], against=str(database))
        warm.append(time.perf_counter() - start)
    found = len(candidates(str(database), read_timelines([str(new)]).timelines))
    return statistics.median(cold), statistics.median(warm), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--index-limit", type=int, default=10_000)
    parser.add_argument("--workdir", default="/tmp/consistency-bench")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    # a new article of an archived story: the second article of the smallest archive, with
    # one count changed (the first size is always generated)
    story = next(p for p in sorted(archive_folder(workdir, sizes[0]).rglob("0000001.*")))
    new = workdir / f"new-article{story.suffix}"
    new.write_text(_COUNT.sub(lambda m: str(int(m[1]) + 7), story.read_text("utf-8"), 1))
    print(f"cores: {os.cpu_count()}; new article: {new.name}")
    print(
        f"{'articles':>9} {'jobs':>4} {'index s':>9} {'art/s':>8} {'peak MB':>8}  "
        f"{'check cold s':>12} {'warm s':>7} {'read back':>9}  note"
    )
    indexed: Path | None = None
    rate = None
    for size in sizes:
        database = workdir / f"index-{size}.sqlite"
        if size <= args.index_limit:
            folder = archive_folder(workdir, size)
            for jobs in (1, 2):
                seconds, peak = index(folder, database, jobs)
                rate = size / seconds
                print(
                    f"{size:>9} {jobs:>4} {seconds:>9.1f} {rate:>8.1f} {peak / 1024:>8.0f}",
                    flush=True,
                )
            indexed = database
            note = "measured"
        else:
            if indexed is None:
                print(f"{size:>9}  skipped: no smaller size indexed to synthesize from")
                continue
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
            synthesize(indexed, database, size)
            note = (
                f"index SYNTHESIZED from {indexed.name}; indexing EXTRAPOLATED "
                f"{size / rate:.0f} s at -j 2"
            )
        cold, warm, found = latency(new, database)
        print(
            f"{size:>9} {'':>4} {'':>9} {'':>8} {'':>8}  {cold:>12.3f} {warm:>7.3f} {found:>9}  "
            + note,
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
