"""Command line: click commands only; the work is done in pipeline and report."""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from consistency import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
# Lower is more severe; a finding fails the run when its rank is at or below the threshold.
LEVELS = {"none": -1, "error": 0, "warning": 1, "info": 2}


def _guarded(command: Callable[..., int]) -> Callable[..., None]:
    """Turn a bug into exit code 3 with one line, the traceback only with --debug."""

    @wraps(command)
    def run(*args: Any, debug: bool = False, **kwargs: Any) -> None:
        try:
            code = command(*args, **kwargs)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as error:
            if debug:
                traceback.print_exc()
            click.echo(
                f"consistency: internal error: {type(error).__name__}: {error} "
                "(please report it, with --debug output)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)
        sys.exit(code)

    return click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")(run)


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise click.BadParameter(f"'{value}' is not an ISO date (YYYY-MM-DD)") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="consistency")
def main() -> None:
    """Find contradictions in news articles before they are published."""


_input_options = [
    click.option("--encoding", help="Decode every file with this encoding."),
    click.option(
        "--published",
        callback=_date,
        help="Publication date (YYYY-MM-DD) for articles that do not state one.",
    ),
    click.option("--exclude", multiple=True, help="Skip files matching this glob (repeatable)."),
    click.option("--language", type=click.Choice(["zh", "en"]), help="Do not detect the language."),
]


def _with_input_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_input_options):
        function = option(function)
    return function


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "markdown", "sarif", "github", "rdjsonl", "html"]),
    default="table",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option(
    "--title",
    default="Consistency report",
    show_default=True,
    help="The title of the HTML report (other formats have none).",
)
@click.option(
    "--fail-level",
    type=click.Choice(list(LEVELS)),
    help="Exit 1 when a finding is at least this severe [default: warning].",
)
@click.option(
    "--min-level",
    type=click.Choice(["info", "warning", "error"]),
    help="Leave less severe findings out of the report and the exit code [default: info].",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the findings; nothing when clean.")
@click.option("--stdin-filename", help="The name (and format, by extension) of standard input.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="Use this configuration for every file instead of the nearest .consistency.yml.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Report only findings this baseline file does not list.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record every current finding in this baseline file.",
)
@click.option(
    "--against",
    type=click.Path(dir_okay=False),
    help="Also compare with the archived articles of this index (see 'consistency index').",
)
@click.option(
    "--prune-baseline",
    is_flag=True,
    help="With --baseline: drop the entries that no longer occur from the file.",
)
@_with_input_options
@_guarded
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    title: str,
    fail_level: str | None,
    min_level: str | None,
    quiet: bool,
    baseline: str | None,
    write_baseline: str | None,
    prune_baseline: bool,
    **options: Any,
) -> int:
    """Check articles (files or folders; - for standard input) for discrepancies."""
    from dataclasses import replace

    from consistency.baseline import prune_baseline as prune
    from consistency.baseline import read_baseline, without_baseline
    from consistency.baseline import write_baseline as record
    from consistency.files import write_atomically
    from consistency.model import InputError
    from consistency.pipeline import check as run_check
    from consistency.read import STDIN
    from consistency.report import emitter

    if prune_baseline and not baseline:
        raise click.UsageError("--prune-baseline needs --baseline FILE")
    if paths.count(STDIN) > 1:
        raise click.UsageError("standard input ('-') can be read only once")
    stdin = sys.stdin.buffer.read() if STDIN in paths else None
    try:
        entries = read_baseline(baseline) if baseline else None
        report = run_check(list(paths), stdin=stdin, **options)
        if write_baseline:
            record(write_baseline, report.discrepancies)
        if entries is not None:
            if prune_baseline:
                dropped = prune(baseline, entries, report.discrepancies)
                click.echo(f"consistency: {baseline}: pruned {dropped} entries", err=True)
            report = replace(
                report, discrepancies=tuple(without_baseline(report.discrepancies, entries))
            )
    except InputError as error:  # the configuration or baseline itself: nothing to check
        click.echo(f"consistency: {error.path}: {error.message}", err=True)
        return EXIT_INPUT

    shown_level = min_level or report.min_level or "info"
    report = replace(
        report,
        discrepancies=tuple(
            item for item in report.discrepancies if LEVELS[item.severity] <= LEVELS[shown_level]
        ),
    )
    if quiet and output_format == "table":
        from consistency.report.table import render

        rendered = render(report, quiet=True)
    elif output_format == "html":
        from consistency.report.html import render as render_html

        rendered = render_html(report, title=title)
    else:
        rendered = emitter(output_format)(report)
    if output:
        try:
            write_atomically(output, rendered)
        except OSError as error:
            click.echo(f"consistency: {output}: cannot write: {error.strerror}", err=True)
            return EXIT_INPUT
    else:
        click.echo(rendered, nl=False)
    for error in report.errors:
        click.echo(f"consistency: {error.path}: {error.message}", err=True)
    if report.errors:
        return EXIT_INPUT
    threshold = LEVELS[fail_level or report.fail_level or "warning"]
    failing = any(LEVELS[item.severity] <= threshold for item in report.discrepancies)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


@main.command()
@click.argument("path")
@click.option("--reference", callback=_date, help="Date that partial dates are read against.")
@click.option(
    "-f", "--format", "output_format", type=click.Choice(["table", "json"]), default="table"
)
@_with_input_options
@_guarded
def mentions(path: str, reference: dt.date | None, output_format: str, **options: Any) -> int:
    """List the numbers, times and event words read in one article."""
    from consistency.document import load_document
    from consistency.model import InputError
    from consistency.pipeline import mentions as find_mentions

    try:
        document = load_document(
            path,
            encoding=options["encoding"],
            published=options["published"],
            language=options["language"],
        )
    except InputError as error:
        click.echo(f"consistency: {error.path}: {error.message}", err=True)
        return EXIT_INPUT
    found = find_mentions(document.text, reference or document.published, document.language)
    if output_format == "json":
        data = [m.to_dict() for m in found]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_CLEAN
    for mention in found:
        line, column = document.position(mention.start)
        value = json.dumps(mention.to_dict()["value"], ensure_ascii=False)
        click.echo(f"{path}:{line}:{column}\t{mention.kind}\t{mention.text}\t{value}")
    return EXIT_CLEAN


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_with_input_options
@_guarded
def timeline(paths: tuple[str, ...], **options: Any) -> int:
    """Show each article's events in date order, with what each date rests on."""
    from consistency.read import read_timelines
    from consistency.rules import format_date

    reading = read_timelines(list(paths), **options)
    for item in reading.timelines:
        document = item.document
        published = document.published.isoformat() if document.published else "unknown"
        click.echo(f"{document.path} (published {published}, from {document.published_from})")
        dated = sorted(
            (e for e in item.events if not e.implicit),
            key=lambda e: (e.date is None, e.date.start if e.date else dt.date.min, e.id),
        )
        for event in dated:
            if event.date is None:
                click.echo(f"  {'undated':<10}  {event.label}")
                continue
            basis = ", ".join(
                f"«{claim.mention.text}» line {document.position(claim.mention.start)[0]}"
                for claim in event.date.sources
            )
            inferred = " (year inferred)" if event.date.year_inferred else ""
            click.echo(f"  {format_date(event.date):<10}  {event.label}  from {basis}{inferred}")
    for error in reading.errors:
        click.echo(f"consistency: {error.path}: {error.message}", err=True)
    return EXIT_INPUT if reading.errors else EXIT_CLEAN


@main.command()
@click.argument("folder")
@click.option(
    "--db",
    "database",
    type=click.Path(dir_okay=False),
    help="The index file [default: .consistency/archive.sqlite].",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Read articles in this many processes.",
)
@_guarded
def index(folder: str, database: str | None, jobs: int) -> int:
    """Index the published articles of FOLDER for 'check --against'."""
    import os

    from consistency.archive import DEFAULT_DB, index_archive
    from consistency.model import InputError

    if not os.path.isdir(folder):
        click.echo(f"consistency: {folder}: not a folder", err=True)
        return EXIT_INPUT
    target = database or DEFAULT_DB
    show_progress = sys.stderr.isatty()
    with click.progressbar(
        length=0, label="indexing", file=sys.stderr, hidden=not show_progress
    ) as bar:
        try:
            result = index_archive(folder, target, jobs=jobs, on_file=lambda _path: bar.update(1))
        except InputError as error:
            click.echo(f"consistency: {error.path}: {error.message}", err=True)
            return EXIT_INPUT
    for path, message in result.errors:
        click.echo(f"consistency: {path}: {message}", err=True)
    click.echo(
        f"{target}: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.removed} removed"
        + (f", {len(result.errors)} not indexed" if result.errors else "")
    )
    return EXIT_INPUT if result.errors else EXIT_CLEAN


@main.command()
@click.argument("code", required=False)
@_guarded
def rules(code: str | None) -> int:
    """List the rules, or explain one."""
    from consistency.rules import all_rules

    known = all_rules()
    if code is None:
        width = max(len(rule.name) for rule in known)
        for rule in known:
            click.echo(f"{rule.code}  {rule.name:<{width}} {rule.title}")
        return EXIT_CLEAN
    rule = next((r for r in known if code.upper() in (r.code, r.name.upper())), None)
    if rule is None:
        raise click.BadParameter(f"no rule '{code}'; run 'consistency rules' to list them")
    click.echo(f"{rule.code} {rule.name} ({rule.kind}): {rule.title}\n\n{rule.doc}\n")
    click.echo(f"Example: {rule.example}")
    return EXIT_CLEAN
