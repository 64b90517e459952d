"""The whole check, one stage after another: files -> Document -> Mentions -> Claims ->
Timeline -> Events -> Discrepancies -> Report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from consistency.claims import build_claims
from consistency.document import collect_paths, load_document
from consistency.extract import extract_mentions
from consistency.lang import detect_language
from consistency.link import link_events
from consistency.model import FileError, InputError, Mention, Report
from consistency.rules import Context, run_rules
from consistency.timeline import Timeline, build_timeline, resolve_time


def read_timelines(
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    published: dt.date | None = None,
    exclude: Sequence[str] = (),
    language: str | None = None,
) -> tuple[list[Timeline], list[FileError], int]:
    """Load and read every article; a bad file becomes an error, the others go on."""
    files, errors, skipped = collect_paths(paths, exclude)
    timelines = []
    for path in files:
        try:
            document = load_document(
                path, encoding=encoding, published=published, language=language
            )
        except InputError as error:
            errors.append(FileError(error.path, error.message))
            continue
        extraction = extract_mentions(document.text, document.language)
        timelines.append(build_timeline(build_claims(document, extraction)))
    return timelines, errors, skipped


def check(
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    published: dt.date | None = None,
    exclude: Sequence[str] = (),
    language: str | None = None,
) -> Report:
    """Check articles within themselves and against each other."""
    timelines, errors, skipped = read_timelines(
        paths, encoding=encoding, published=published, exclude=exclude, language=language
    )
    context = Context(timelines, link_events(timelines))
    discrepancies = run_rules(context)
    return Report(
        documents=tuple(t.document for t in timelines),
        discrepancies=tuple(discrepancies),
        errors=tuple(errors),
        skipped=skipped,
        claims=sum(len(t.article.claims) for t in timelines),
    )


def mentions(
    text: str,
    reference: dt.date | dt.datetime | str | None = None,
    language: str | None = None,
    prefer: str = "closest",
) -> list[Mention]:
    """Every mention in ``text``; absolute and deictic times resolved against ``reference``.

    ``prefer`` picks among the readings of a date that leaves something out (a year, a
    week): ``closest`` to the reference (the news default, also used by the checker),
    ``future`` (the next one, as Duckling reads "星期一" or "春节") or ``past``.
    """
    if isinstance(reference, str):
        reference = dt.datetime.fromisoformat(reference)
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    extraction = extract_mentions(text, language or detect_language(text))
    resolved = []
    context_month = None
    for mention in extraction.mentions:
        if mention.time is not None:
            date = resolve_time(mention.time, reference, "day", context_month, prefer)
            if date is not None:
                if mention.time.month is not None:
                    context_month = (date.start.year, date.start.month)
                mention = replace(mention, resolved=(date.start, date.end, date.grain))
        resolved.append(mention)
    return resolved
