"""The timeline picture of the HTML report: one inline SVG, no script.

One lane per article. Each event sits in the column of its resolved date (the columns are
the distinct dates, in order, evenly spaced: a news story's days matter more than the weeks
between them, which the axis writes out). A relative expression ("第二天", "the day before")
is an arrow from its event to the anchor event. Events and arrows a finding involves are
drawn in the finding's severity colour and link to it; a date a conflicting statement gives
an event other than the one the article settles on is drawn as a dashed "claimed" box in
that colour, joined to its event. A dashed outline marks a year inferred from the
publication date.

Every piece of article text goes through ``esc`` (HTML-escaped, quotes too).
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from consistency.model import Claim, Event, Report, ResolvedDate
from consistency.report.common import one_line
from consistency.rules import SEVERITY_ORDER, format_date

# One colour per severity, shared with the page's CSS (html.py).
SEVERITY_COLOUR = {"error": "#b3261e", "warning": "#a15c00", "info": "#1f5fa8"}
SEVERITY_TINT = {"error": "#fbe4e2", "warning": "#fdf0d9", "info": "#e3edf9"}
_PLAIN = "#4d4d4d"

_LEFT = 200  # lane labels
_COLUMN = 140
_PILL_WIDTH = 104
_PILL_HEIGHT = 22
_ROW = 48  # the year-inferred mark, a pill, then the finding codes under it
_AXIS = 52
_LANE_TOP = 46  # room for the arrows above a lane's first row
_ARC_STEP = 8  # how much higher each further arrow between the same two events goes
_LABEL_STEP = 11  # and how much higher its label
_LANE_BOTTOM = 10
_LEGEND = 72
_RIGHT = 24
_MIN_WIDTH = 840  # the legend's

_GRAIN_RANK = {"year": 0, "month": 1, "day": 2}
_UNDATED = (dt.date.max, 9)


def esc(text: object) -> str:
    """Text for an SVG text node or attribute: on one line, HTML-escaped (quotes too)."""
    return html.escape(one_line(str(text)), quote=True)


def _fit(text: str, width: float, size: float = 12) -> str:
    """``text`` cut with "…" to about ``width`` pixels at font size ``size``."""
    used = 0.0
    for index, char in enumerate(text):
        used += size * (1.0 if ord(char) > 0x2E7F else 0.58)
        if used > width:
            return text[: max(index - 1, 1)] + "…"
    return text


def _worst(severities: Iterable[str]) -> str:
    return min(severities, key=lambda s: SEVERITY_ORDER.get(s, 3))


@dataclass
class _Flags:
    """What the findings say about the events and claims of the picture."""

    # event id / claim -> {discrepancy id: severity}
    events: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    claims: dict[Claim, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def severity(self, found: dict[str, str]) -> str | None:
        return _worst(found.values()) if found else None


def _flags(report: Report) -> _Flags:
    """Each finding's evidence matched back to the claims (by file and span)."""
    by_span: dict[tuple[str, int, int, int, int], list[Claim]] = defaultdict(list)
    for timeline in report.timelines:
        document = timeline.document
        for claim in timeline.article.claims:
            start = document.position(claim.mention.start)
            end = document.position(claim.mention.end)
            by_span[(document.path, *start, *end)].append(claim)
    flags = _Flags()
    for item in report.discrepancies:
        for evidence in item.claims:
            key = (evidence.path, evidence.line, evidence.column)
            for claim in by_span.get((*key, evidence.end_line, evidence.end_column), []):
                flags.claims[claim][item.id] = item.severity
                flags.events[claim.event][item.id] = item.severity
                if claim.slot == "relation" and claim.other_event:
                    flags.events[claim.other_event][item.id] = item.severity
    return flags


def _column_key(date: ResolvedDate | None) -> tuple[dt.date, int]:
    if date is None:
        return _UNDATED
    return date.start, _GRAIN_RANK[date.grain]


def _column_label(key: tuple[dt.date, int]) -> str:
    if key == _UNDATED:
        return "undated"
    start, rank = key
    grain = next(name for name, value in _GRAIN_RANK.items() if value == rank)
    return format_date(ResolvedDate(start, grain, False))


@dataclass
class _Item:
    """One box in a lane: an event, a date claimed against an event, or the publication."""

    kind: str  # event | claimed | published
    column: tuple[dt.date, int]
    order: tuple[int, int]
    label: str
    tooltip: str
    severity: str | None = None
    codes: tuple[str, ...] = ()
    link: str | None = None
    year_inferred: bool = False
    event: str | None = None  # the event (kind event) or the event claimed about
    x: int = 0
    y: int = 0


@dataclass
class _Lane:
    path: str
    heading: str
    subheading: str
    items: list[_Item]
    relations: list[Claim]
    top: int = 0
    height: int = 0


def _event_number(event_id: str) -> int:
    number = event_id.rpartition("#")[2]
    return int(number) if number.isdigit() else 0


def _lane(timeline: Any, flags: _Flags, first_of: dict[str, str]) -> _Lane:
    document = timeline.document
    relations = [
        claim
        for claim in timeline.article.claims
        if claim.slot == "relation" and claim.other_event is not None
    ]
    related = {c.event for c in relations} | {c.other_event for c in relations}
    events: dict[str, Event] = {e.id: e for e in timeline.events}
    items: list[_Item] = []
    for event in timeline.events:
        found = flags.events.get(event.id, {})
        if event.implicit and event.id not in related and not found:
            continue
        label = event.label
        if event.implicit:
            stated = [c for c in timeline.article.claims if c.event == event.id]
            label = stated[0].mention.text if stated else event.label
        date = event.date
        tooltip = f"{event.label}: " + (format_date(date) if date else "undated")
        if date is not None and date.year_inferred:
            tooltip += " (year inferred from the publication date)"
        if found:
            tooltip += "; " + ", ".join(sorted(found))
        items.append(
            _Item(
                "event",
                _column_key(date),
                (0, _event_number(event.id)),
                label,
                tooltip,
                flags.severity(found),
                tuple(sorted({first_of[i] for i in found})),
                _first_finding(found),
                bool(date and date.year_inferred),
                event.id,
            )
        )
    # dates that conflicting statements give an event, where they are not the event's date
    for claim, stated in sorted(
        timeline.claim_dates.items(), key=lambda pair: pair[0].mention.start
    ):
        found = flags.claims.get(claim, {})
        event = events.get(claim.event)
        if not found or event is None or event.date is None:
            continue
        if (stated.start, stated.grain) == (event.date.start, event.date.grain):
            continue
        line = document.position(claim.mention.start)[0]
        items.append(
            _Item(
                "claimed",
                _column_key(stated),
                (1, claim.mention.start),
                f"«{claim.mention.text}»",
                f"'{claim.mention.text}' (line {line}) dates the {event.label} "
                f"{format_date(stated)}; the article dates it {format_date(event.date)}; "
                + ", ".join(sorted(found)),
                flags.severity(found),
                tuple(sorted({first_of[i] for i in found})),
                _first_finding(found),
                stated.year_inferred,
                claim.event,
            )
        )
    published = "unknown"
    if document.published is not None:
        grain = document.published_grain
        published = format_date(ResolvedDate(document.published, grain, False))
        if grain == "day":
            items.append(
                _Item(
                    "published",
                    (document.published, _GRAIN_RANK["day"]),
                    (2, 0),
                    "published",
                    f"published {published} (from {document.published_from})",
                )
            )
    return _Lane(
        document.path,
        posixpath.basename(document.path) or document.path,
        f"published {published} ({document.published_from})",
        items,
        sorted(relations, key=lambda c: (c.mention.start, c.mention.end)),
    )


def _first_finding(found: dict[str, str]) -> str | None:
    if not found:
        return None
    return min(found, key=lambda i: (SEVERITY_ORDER.get(found[i], 3), i))


def _markers() -> list[str]:
    parts = ["<defs>"]
    for name, colour in [("plain", _PLAIN), *SEVERITY_COLOUR.items()]:
        parts.append(
            f'<marker id="tl-arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    return parts


def timeline_svg(report: Report) -> str:
    """The picture, or "" when the report carries no timelines."""
    if not report.timelines:
        return ""
    flags = _flags(report)
    first_of = {item.id: item.rule for item in report.discrepancies}
    lanes = [_lane(timeline, flags, first_of) for timeline in report.timelines]
    columns = sorted({item.column for lane in lanes for item in lane.items})
    if not columns:
        columns = [_UNDATED]
    x_of = {key: _LEFT + _COLUMN * index + _COLUMN // 2 for index, key in enumerate(columns)}
    width = max(_LEFT + _COLUMN * len(columns) + _RIGHT, _MIN_WIDTH)

    top = _AXIS
    for lane in lanes:
        # more arrows between the same two events go higher: make room for them
        pairs = Counter(frozenset((c.event, c.other_event)) for c in lane.relations)
        room = _LANE_TOP + (_ARC_STEP + _LABEL_STEP) * (max([1, *pairs.values()]) - 1)
        rows: dict[tuple[dt.date, int], int] = defaultdict(int)
        for item in sorted(lane.items, key=lambda i: (i.column, i.order)):
            item.x = x_of[item.column]
            item.y = top + room + rows[item.column] * _ROW
            rows[item.column] += 1
        lane.top = top
        lane.height = room + max([1, *rows.values()]) * _ROW + _LANE_BOTTOM
        top += lane.height
    height = top + _LEGEND

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="timeline-title" font-size="12">',
        f'<title id="timeline-title">Timeline of {len(lanes)} articles: one lane per article, '
        "events at their resolved dates, arrows from relative expressions to their anchor "
        "events</title>",
        *_markers(),
    ]
    for index, lane in enumerate(lanes):
        parts.append(
            f'<rect x="0" y="{lane.top}" width="{width}" height="{lane.height}" '
            f'fill="{"#f6f6f6" if index % 2 == 0 else "#ffffff"}"/>'
        )
    parts.extend(_axis(columns, x_of, top))
    for index, lane in enumerate(lanes):
        parts.extend(_draw_lane(index, lane, width, flags))
    parts.extend(_legend(top, width))
    parts.append("</svg>")
    return "\n".join(parts)


def _axis(
    columns: list[tuple[dt.date, int]], x_of: dict[tuple[dt.date, int], int], bottom: int
) -> list[str]:
    parts = ['<g class="axis">']
    previous: tuple[dt.date, int] | None = None
    for key in columns:
        x = x_of[key]
        parts.append(
            f'<line x1="{x}" y1="{_AXIS - 10}" x2="{x}" y2="{bottom}" stroke="#d0d0d0" '
            'stroke-dasharray="2 3"/>'
        )
        parts.append(
            f'<text x="{x}" y="{_AXIS - 16}" text-anchor="middle" font-weight="bold">'
            f"{esc(_column_label(key))}</text>"
        )
        if previous is not None and key != _UNDATED and previous[1] == key[1] == 2:
            gap = (key[0] - previous[0]).days
            if gap > 1:
                parts.append(
                    f'<text x="{x - _COLUMN // 2}" y="{_AXIS - 34}" text-anchor="middle" '
                    f'font-size="10" fill="#666">+{gap} days</text>'
                )
        previous = key
    parts.append("</g>")
    return parts


def _colour(severity: str | None) -> str:
    return SEVERITY_COLOUR.get(severity or "", _PLAIN)


def _draw_lane(index: int, lane: _Lane, width: int, flags: _Flags) -> list[str]:
    parts = [
        f'<g class="lane" id="timeline-lane-{index + 1}" data-path="{esc(lane.path)}">',
        f'<line x1="0" y1="{lane.top}" x2="{width}" y2="{lane.top}" stroke="#bbbbbb"/>',
        f'<text x="8" y="{lane.top + 22}" font-weight="bold"><title>{esc(lane.path)}</title>'
        f"{esc(_fit(lane.heading, _LEFT - 16))}</text>",
        f'<text x="8" y="{lane.top + 38}" font-size="10" fill="#555">'
        f"{esc(_fit(lane.subheading, _LEFT - 16, 10))}</text>",
    ]
    at = {item.event: item for item in lane.items if item.kind == "event"}
    for item in lane.items:
        if item.kind == "claimed" and item.event in at:
            target = at[item.event]
            parts.append(
                f'<line class="claimed-link" x1="{item.x}" y1="{item.y}" x2="{target.x}" '
                f'y2="{target.y}" stroke="{_colour(item.severity)}" stroke-width="1.5" '
                'stroke-dasharray="5 3"/>'
            )
    for item in sorted(lane.items, key=lambda i: (i.column, i.order)):
        parts.extend(_draw_item(item))
    pairs: dict[frozenset[str | None], int] = defaultdict(int)
    for claim in lane.relations:
        source, anchor = at.get(claim.event), at.get(claim.other_event)
        if source is None or anchor is None:
            continue
        pair = frozenset((claim.event, claim.other_event))
        parts.extend(_draw_relation(claim, source, anchor, pairs[pair], flags))
        pairs[pair] += 1
    parts.append("</g>")
    return parts


def _draw_item(item: _Item) -> list[str]:
    left, top = item.x - _PILL_WIDTH // 2, item.y - _PILL_HEIGHT // 2
    colour = _colour(item.severity)
    if item.kind == "published":
        return [
            f'<g class="published"><title>{esc(item.tooltip)}</title>'
            f'<path d="M{item.x - 7},{top + 2} L{item.x + 7},{top + 2} L{item.x},{top + 16} z" '
            f'fill="#777777"/><text x="{item.x}" y="{top + 30}" text-anchor="middle" '
            f'font-size="10" fill="#555">published</text></g>'
        ]
    classes = [item.kind]
    if item.severity:
        classes.append(f"flagged severity-{item.severity}")
    if item.year_inferred:
        classes.append("year-inferred")
    if item.kind == "claimed":
        fill, stroke_width, dash = "#ffffff", 1.5, ' stroke-dasharray="5 3"'
    else:
        fill = SEVERITY_TINT.get(item.severity or "", "#ffffff")
        stroke_width = 2.5 if item.severity else 1
        dash = ' stroke-dasharray="4 2"' if item.year_inferred else ""
    body = [
        f'<g class="{" ".join(classes)}"'
        + (f' data-event="{esc(item.event)}"' if item.event else "")
        + f"><title>{esc(item.tooltip)}</title>",
        f'<rect x="{left}" y="{top}" width="{_PILL_WIDTH}" height="{_PILL_HEIGHT}" rx="11" '
        f'fill="{fill}" stroke="{colour}" stroke-width="{stroke_width}"{dash}/>',
        f'<text x="{item.x}" y="{top + 15}" text-anchor="middle" fill="{colour}">'
        f"{esc(_fit(item.label, _PILL_WIDTH - 12))}</text>",
    ]
    if item.year_inferred:
        body.append(
            f'<text class="inferred-mark" x="{left + 3}" y="{top - 2}" font-size="9" '
            'fill="#555">≈year</text>'
        )
    if item.codes:
        body.append(
            f'<text x="{item.x}" y="{top + _PILL_HEIGHT + 10}" text-anchor="middle" '
            f'font-size="9" font-weight="bold" fill="{colour}">{esc(" ".join(item.codes))}</text>'
        )
    body.append("</g>")
    if item.link:
        return [f'<a href="#{esc(item.link)}">', *body, "</a>"]
    return body


def _draw_relation(
    claim: Claim, source: _Item, anchor: _Item, nth: int, flags: _Flags
) -> list[str]:
    found = flags.claims.get(claim, {})
    severity = flags.severity(found)
    colour = _colour(severity)
    if source.x == anchor.x:  # same day: an arc on the right of the boxes
        x1 = x2 = source.x + _PILL_WIDTH // 2
        y1, y2 = source.y, anchor.y
        if y1 == y2:
            y1, y2 = y1 - 4, y2 + 4
        bulge = x1 + 14 + _ARC_STEP * nth
        middle_y = (y1 + y2) // 2
        path = f"M{x1},{y1} Q{bulge},{y1} {bulge},{middle_y} Q{bulge},{y2} {x2 + 2},{y2}"
        label_x, label_y, anchor_side = bulge + 3, middle_y + 4 + _LABEL_STEP * nth, "start"
    else:
        x1 = source.x + (8 if anchor.x > source.x else -8)
        x2 = anchor.x + (-8 if anchor.x > source.x else 8)
        y1, y2 = source.y - _PILL_HEIGHT // 2, anchor.y - _PILL_HEIGHT // 2 - 1
        lift = 18 + _ARC_STEP * nth
        control_y = min(y1, y2) - 2 * lift
        middle_x = (x1 + x2) // 2
        path = f"M{x1},{y1} Q{middle_x},{control_y} {x2},{y2}"
        label_y = min(y1, y2) - lift - 3 - _LABEL_STEP * nth
        label_x, anchor_side = middle_x, "middle"
    time = claim.mention.time
    how = ""
    if time is not None and time.offset_days is not None:
        how = f" ({time.offset_days:+d} day{'' if abs(time.offset_days) == 1 else 's'})"
    elif time is not None and time.order:
        how = f" ({time.order})"
    tooltip = f"«{claim.mention.text}»{how}: {source.label} → {anchor.label}"
    if found:
        tooltip += "; " + ", ".join(sorted(found))
    classes = "relation" + (f" flagged severity-{severity}" if severity else "")
    marker = f"tl-arrow-{severity or 'plain'}"
    width = 2 if severity else 1.2
    return [
        f'<g class="{classes}"><title>{esc(tooltip)}</title>',
        f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width}" '
        f'marker-end="url(#{marker})"/>',
        f'<text x="{label_x}" y="{label_y}" text-anchor="{anchor_side}" font-size="10" '
        f'fill="{colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">'
        f"{esc(_fit(claim.mention.text, 72, 10))}</text>",
        "</g>",
    ]


def _legend(top: int, width: int) -> list[str]:
    y = top + 26
    parts = [
        '<g class="legend" font-size="11">',
        f'<line x1="0" y1="{top}" x2="{width}" y2="{top}" stroke="#bbbbbb"/>',
    ]
    x = 8
    for name, colour in SEVERITY_COLOUR.items():
        parts.append(
            f'<rect x="{x}" y="{y - 10}" width="22" height="13" rx="6" '
            f'fill="{SEVERITY_TINT[name]}" stroke="{colour}" stroke-width="2.5"/>'
            f'<text x="{x + 28}" y="{y}">{name}</text>'
        )
        x += 90
    parts.append(
        f'<rect x="{x}" y="{y - 10}" width="22" height="13" rx="6" fill="#ffffff" '
        f'stroke="{_PLAIN}" stroke-dasharray="4 2"/>'
        f'<text x="{x + 28}" y="{y}">≈year: year inferred from the publication date</text>'
    )
    x += 310
    parts.append(
        f'<path d="M{x},{y - 3} L{x + 24},{y - 3}" stroke="{_PLAIN}" stroke-width="1.2" '
        'marker-end="url(#tl-arrow-plain)"/>'
        f'<text x="{x + 30}" y="{y}">relative expression → its anchor event</text>'
    )
    y += 22
    parts.append(
        f'<rect x="8" y="{y - 10}" width="22" height="13" rx="6" fill="#ffffff" '
        f'stroke="{SEVERITY_COLOUR["error"]}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        f'<text x="36" y="{y}">«quote»: a date a conflicting statement gives the event</text>'
        f'<path d="M{x + 5},{y - 11} L{x + 19},{y - 11} L{x + 12},{y + 3} z" fill="#777777"/>'
        f'<text x="{x + 30}" y="{y}">publication date</text>'
    )
    parts.append("</g>")
    return parts
