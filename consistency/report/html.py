"""HTML: one self-contained page an editor reads on screen or prints for the desk meeting.

No script, no network (a Content-Security-Policy says so to the browser), no external fonts:
CSS and the timeline SVG are inline. The same report renders to the same bytes: no clock,
everything in report order. Printed on A4, every page repeats the title and the files
checked, and no finding is cut across pages.

Every piece of article text (quotes, sentences, values, event names, messages, file names)
goes through ``esc``: HTML-escaped with quotes, on one line, control characters replaced.
"""

from __future__ import annotations

import html
import posixpath

from consistency import __version__
from consistency.model import Document, Evidence, Report
from consistency.report.common import one_line, plural, published_text, value_text
from consistency.report.svg import SEVERITY_COLOUR, SEVERITY_TINT, timeline_svg
from consistency.rules import all_rules

DEFAULT_TITLE = "Consistency report"
_SEVERITIES = ("error", "warning", "info")
_HEADER_FILES = 160  # characters of file names in the printed page header


def esc(text: object) -> str:
    """Text for an HTML text node or a quoted attribute value."""
    return html.escape(one_line(str(text)), quote=True)


def css_string(text: str) -> str:
    """A CSS string literal: every character but letters, digits, space and a few safe
    punctuation marks written as a hex escape, so nothing can end the string or the style
    element."""
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,_-:()/")
    return '"' + "".join(c if c in safe else f"\\{ord(c):06x}" for c in one_line(text)) + '"'


_CSS = """
:root { --error: %(error)s; --warning: %(warning)s; --info: %(info)s;
  --error-tint: %(error_tint)s; --warning-tint: %(warning_tint)s; --info-tint: %(info_tint)s; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 84rem; padding: 1.5rem; color: #1a1a1a; background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "WenQuanYi Zen Hei", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #ddd; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
.files { color: #555; margin: 0 0 1rem; overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: .5rem 0;
  list-style: none; }
.counts li { border: 1px solid #ccc; border-radius: .4rem; padding: .3rem .7rem; }
.counts strong { font-size: 1.2rem; }
.counts .error { border-color: var(--error); background: var(--error-tint); }
.counts .warning { border-color: var(--warning); background: var(--warning-tint); }
.counts .info { border-color: var(--info); background: var(--info-tint); }
table { border-collapse: collapse; width: 100%%; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #f0f0f0; white-space: nowrap; }
td.id { white-space: nowrap; }
td.path { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .8rem; }
thead { display: table-header-group; }
tr, .finding, .claim, figure { break-inside: avoid; page-break-inside: avoid; }
.badge { display: inline-block; border-radius: .3rem; padding: 0 .4rem; color: #fff;
  font-size: .8rem; font-weight: bold; text-transform: uppercase; white-space: nowrap; }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.severity-error { border-left: 6px solid var(--error); }
.severity-warning { border-left: 6px solid var(--warning); }
.severity-info { border-left: 6px solid var(--info); }
.finding { border-top: 1px solid #ccc; border-right: 1px solid #ccc;
  border-bottom: 1px solid #ccc; border-radius: .3rem; padding: .8rem 1rem; margin: 1rem 0; }
.finding .message { margin: .3rem 0 .6rem; }
.claims { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
  gap: .6rem; }
.claim { border: 1px solid #ddd; border-radius: .3rem; padding: .5rem .6rem;
  background: #fafafa; }
.claim .where { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .8rem; color: #444; overflow-wrap: anywhere; }
.claim blockquote { margin: .3rem 0; }
.claim dl { display: grid; grid-template-columns: auto 1fr; gap: 0 .6rem; margin: 0;
  font-size: .9rem; }
.claim dt { color: #555; }
.claim dd { margin: 0; overflow-wrap: anywhere; }
mark { background: #ffe066; color: inherit; padding: 0 .1em; font-weight: bold; }
.finding.severity-error mark { background: var(--error-tint);
  box-shadow: inset 0 -3px 0 var(--error); }
.finding.severity-warning mark { background: var(--warning-tint);
  box-shadow: inset 0 -3px 0 var(--warning); }
.finding.severity-info mark { background: var(--info-tint);
  box-shadow: inset 0 -3px 0 var(--info); }
.rule { font-size: .88rem; color: #333; background: #f4f4f4; padding: .4rem .6rem;
  margin: .6rem 0 0; border-radius: .3rem; }
.scroll { overflow-x: auto; border: 1px solid #ddd; }
svg.timeline { display: block; font-family: inherit; }
svg.timeline a:hover rect { stroke-width: 3.5; }
.note { color: #555; font-size: .88rem; }
footer { margin-top: 2rem; color: #777; font-size: .8rem; }
@page { size: A4; margin: 16mm 12mm 14mm;
  @top-left { content: %(title)s; font: bold 9pt sans-serif; color: #333; }
  @top-right { content: %(files)s; font: 8pt sans-serif; color: #555; }
  @bottom-right { content: "page " counter(page) " of " counter(pages);
    font: 8pt sans-serif; color: #555; } }
@page timeline { size: A4 landscape; }
@media print {
  #timeline { page: timeline; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .scroll { overflow: visible; border: none; }
  svg.timeline { max-width: 100%%; height: auto; }
  a { color: inherit; text-decoration: none; }
}
"""


def _style(title: str, documents: tuple[Document, ...]) -> str:
    names = ", ".join(posixpath.basename(d.path) or d.path for d in documents) or "no files"
    if len(names) > _HEADER_FILES:
        names = names[: _HEADER_FILES - 1] + "…"
    header = f"{plural(len(documents), 'file')}: {names}"
    return _CSS % {
        "title": css_string(title),
        "files": css_string(header),
        **SEVERITY_COLOUR,
        **{f"{name}_tint": colour for name, colour in SEVERITY_TINT.items()},
    }


def _summary(report: Report) -> list[str]:
    counts = [
        f"<li><strong>{len(report.documents)}</strong> "
        f"{'document' if len(report.documents) == 1 else 'documents'}</li>",
        f"<li><strong>{report.claims}</strong> {'claim' if report.claims == 1 else 'claims'}</li>",
        f"<li><strong>{len(report.discrepancies)}</strong> "
        f"{'discrepancy' if len(report.discrepancies) == 1 else 'discrepancies'}</li>",
    ]
    counts += [
        f'<li class="{severity}"><strong>{report.count(severity)}</strong> {severity}</li>'
        for severity in _SEVERITIES
    ]
    if report.skipped:
        counts.append(f"<li><strong>{report.skipped}</strong> files skipped</li>")
    if report.errors:
        counts.append(f"<li><strong>{len(report.errors)}</strong> files not checked</li>")
    parts = ['<section id="summary">', "<h2>Summary</h2>", '<ul class="counts">', *counts, "</ul>"]
    parts += [
        "<table>",
        "<thead><tr><th>File</th><th>Language</th><th>Title</th><th>Published</th>"
        "<th>Warnings</th></tr></thead>",
        "<tbody>",
    ]
    for document in report.documents:
        warnings = "<br>".join(esc(warning) for warning in document.warnings)
        parts.append(
            f'<tr><td class="path">{esc(document.path)}</td><td>{esc(document.language)}</td>'
            f'<td lang="{esc(document.language)}">{esc(document.title or "")}</td>'
            f"<td>{esc(published_text(document))} (from {esc(document.published_from)})</td>"
            f"<td>{warnings}</td></tr>"
        )
    parts += ["</tbody>", "</table>"]
    if report.errors:
        parts.append('<p>Not checked:</p><ul class="errors">')
        parts += [f"<li>{esc(error.path)}: {esc(error.message)}</li>" for error in report.errors]
        parts.append("</ul>")
    parts.append("</section>")
    return parts


def _timeline(report: Report) -> list[str]:
    picture = timeline_svg(report)
    parts = ['<section id="timeline">', "<h2>Timeline</h2>"]
    if not picture:
        parts.append('<p class="note">No timeline: the report carries no dated events.</p>')
    else:
        parts += [
            "<figure>",
            '<div class="scroll">',
            picture,
            "</div>",
            '<figcaption class="note">One lane per article; each event at the date the article '
            "gives it. Arrows go from a relative expression to the event it is counted from. "
            "Events and statements a finding involves are drawn in its severity colour and "
            "link to it; ≈year marks a year inferred from the publication date.</figcaption>",
            "</figure>",
        ]
    parts.append("</section>")
    return parts


def _overview(report: Report) -> list[str]:
    parts = [
        "<table>",
        "<thead><tr><th>Finding</th><th>Severity</th><th>Event</th><th>Where</th></tr></thead>",
        "<tbody>",
    ]
    for item in report.discrepancies:
        where = "<br>".join(esc(f"{claim.path}:{claim.line}") for claim in item.claims)
        parts.append(
            f'<tr class="severity-{esc(item.severity)}" data-finding="{esc(item.id)}">'
            f'<td class="id"><a href="#{esc(item.id)}">{esc(item.id)}</a></td>'
            f'<td><span class="badge {esc(item.severity)}">{esc(item.severity)}</span></td>'
            f'<td>{esc(item.event)}</td><td class="path">{where}</td></tr>'
        )
    parts += ["</tbody>", "</table>"]
    return parts


def _offset(document: Document, line: int, column: int) -> int | None:
    lines = document.raw.split("\n")
    if not 1 <= line <= len(lines):
        return None
    return sum(len(text) + 1 for text in lines[: line - 1]) + column - 1


def _highlighted(claim: Evidence, document: Document | None) -> str:
    """The claim's sentence with its quote in <mark>; the quote alone when the sentence does
    not contain it. Where the quote occurs more than once, the occurrence the claim's
    position points at."""
    sentence = one_line(claim.sentence)
    quote = " ".join(one_line(claim.quote).split())
    found = []
    at = sentence.find(quote) if quote else -1
    while at >= 0:
        found.append(at)
        at = sentence.find(quote, at + 1)
    if not found:
        marked = f"<mark>{esc(quote)}</mark>"
        if not sentence:
            return marked
        return f'{esc(sentence)} <span class="note">(quote: {marked})</span>'
    chosen = found[0]
    if len(found) > 1 and document is not None:
        offset = _offset(document, claim.line, claim.column)
        if offset is not None:
            before = " ".join(document.raw[:offset].split())
            for at in found:
                head = sentence[:at].rstrip()
                if before.endswith(head):
                    chosen = at
                    break
    end = chosen + len(quote)
    return f"{esc(sentence[:chosen])}<mark>{esc(quote)}</mark>{esc(sentence[end:])}"


def _claim(claim: Evidence, document: Document | None) -> list[str]:
    language = f' lang="{esc(document.language)}"' if document is not None else ""
    parts = [
        '<div class="claim">',
        f'<div class="where">{esc(claim.path)}:{claim.line}:{claim.column}</div>',
        f"<blockquote{language}>{_highlighted(claim, document)}</blockquote>",
        "<dl>",
        f"<dt>quote</dt><dd{language}>{esc(claim.quote)}</dd>",
        f"<dt>value</dt><dd{language}>{esc(value_text(claim.value))}</dd>",
    ]
    if claim.counted:
        parts.append(f"<dt>counted</dt><dd>{esc(claim.counted)}</dd>")
    parts += ["</dl>", "</div>"]
    return parts


def _findings(report: Report) -> list[str]:
    rules = {rule.code: rule for rule in all_rules()}
    documents = {document.path: document for document in report.documents}
    parts = ['<section id="discrepancies">', "<h2>Discrepancies</h2>"]
    if not report.discrepancies:
        parts.append("<p>No discrepancies found.</p>")
        parts.append("</section>")
        return parts
    parts += _overview(report)
    for item in report.discrepancies:
        rule = rules.get(item.rule)
        name = f" {rule.name}" if rule else ""
        parts += [
            f'<article class="finding severity-{esc(item.severity)}" id="{esc(item.id)}">',
            f'<h3><span class="badge {esc(item.severity)}">{esc(item.severity)}</span> '
            f"{esc(item.rule)}{esc(name)} · {esc(item.event)} "
            f'<small class="note">{esc(item.id)}</small></h3>',
            f'<p class="message">{esc(item.message)}</p>',
            '<div class="claims">',
        ]
        for claim in item.claims:
            parts += _claim(claim, documents.get(claim.path))
        parts.append("</div>")
        if rule is not None:
            parts.append(
                f'<p class="rule"><strong>{esc(rule.code)} {esc(rule.title)}.</strong> '
                f"{esc(' '.join(rule.doc.split()))}</p>"
            )
        parts.append("</article>")
    parts.append("</section>")
    return parts


def render(report: Report, *, title: str = DEFAULT_TITLE) -> str:
    files = ", ".join(document.path for document in report.documents) or "none"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="consistency {esc(__version__)}">',
        f"<title>{esc(title)}</title>",
        f"<style>{_style(title, report.documents)}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="files">Files checked: {esc(files)}</p>',
        "</header>",
        "<main>",
        *_summary(report),
        *_timeline(report),
        *_findings(report),
        "</main>",
        f"<footer>consistency {esc(__version__)}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
