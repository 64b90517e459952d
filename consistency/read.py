"""Reading articles: one file through every stage of one article (document, mentions,
claims, timeline), and a batch of files with the configuration that governs each; a bad file
becomes an error and the others go on. The whole check (``pipeline``) and the archive both
read through here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from consistency import resources
from consistency.claims import build_claims
from consistency.config import Config, ConfigFinder, merged_additions
from consistency.document import collect_paths, load_document
from consistency.extract import extract_mentions
from consistency.model import FileError, InputError
from consistency.timeline import Timeline, build_timeline

STDIN = "-"


@dataclass
class Reading:
    """The articles read for one run, with the settings that governed each."""

    timelines: list[Timeline]
    errors: list[FileError]
    skipped: int
    configs: dict[str, Config] = field(default_factory=dict)
    # aliases and furniture the configurations add to the shipped data
    additions: dict[str, Any] = field(default_factory=dict)


def read_timelines(
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    published: dt.date | None = None,
    exclude: Sequence[str] = (),
    language: str | None = None,
    config: str | None = None,
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
) -> Reading:
    """Load and read every article; a bad file becomes an error, the others go on.

    ``config`` names a configuration file for every article; without it each article uses the
    nearest ``.consistency.yml`` above it. ``-`` among the paths reads ``stdin``, shown as
    ``stdin_filename`` (whose extension says how to parse it).
    """
    finder = ConfigFinder(config)
    files, errors, skipped = collect_paths([p for p in paths if p != STDIN], exclude)
    inputs: list[tuple[str, bytes | None]] = [(p, None) for p in files]
    if STDIN in paths:
        inputs.insert(0, (stdin_filename or "<stdin>.txt", stdin or b""))
    configs = {path: finder.for_file(path) for path, _ in inputs}
    inputs = [(path, data) for path, data in inputs if not configs[path].excludes(path)]
    additions = merged_additions(dict.fromkeys(configs.values()))
    timelines = []
    with resources.additions(additions):
        for path, data in inputs:
            config_date = configs[path].published_for(path)
            try:
                timeline = read_document(
                    path,
                    data,
                    published or config_date,
                    "option" if published else "config",
                    encoding=encoding,
                    language=language,
                )
            except InputError as error:
                errors.append(FileError(error.path, error.message))
                continue
            timelines.append(timeline)
    errors += [FileError(path, message) for path, message in sorted(finder.errors.items())]
    return Reading(timelines, errors, skipped, configs, additions)


def read_document(
    path: str,
    data: bytes | None = None,
    published: dt.date | None = None,
    published_from: str = "option",
    *,
    encoding: str | None = None,
    language: str | None = None,
) -> Timeline:
    """One article read through every stage up to its timeline; InputError on bad input."""
    document = load_document(
        path,
        encoding=encoding,
        published=published,
        published_from=published_from,
        language=language,
        data=data,
    )
    extraction = extract_mentions(document.text, document.language)
    if extraction.truncated:
        limit = len(extraction.mentions)
        last_line = document.position(extraction.mentions[-1].end)[0]
        warning = (
            f"{extraction.found} numbers, times and event words: only the first {limit} "
            f"(up to line {last_line}) were read"
        )
        document = replace(document, warnings=(*document.warnings, warning))
    return build_timeline(build_claims(document, extraction))
