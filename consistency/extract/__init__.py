"""Mentions: typed spans of an article's text (quantities, time expressions, event words)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from consistency.extract.events import find_events
from consistency.extract.quantities import find_quantities
from consistency.extract.times import find_times
from consistency.lang import fold_width, zh
from consistency.model import Mention
from consistency.segment import Segments, segment


@dataclass(frozen=True)
class Extraction:
    """Everything the later stages need from one text: its mentions and its segments."""

    text: str
    folded: str
    language: str
    segments: Segments
    mentions: tuple[Mention, ...]


def extract_mentions(text: str, language: str) -> Extraction:
    """All mentions in ``text``, in text order (times first where spans would overlap)."""
    folded = zh.fold(text) if language == "zh" else fold_width(text)
    segments = segment(folded)
    times = find_times(text, folded, language, segments)
    quantities = find_quantities(
        text, folded, language, segments, [(m.start, m.end) for m in times]
    )
    events = [
        _trim_name(event, [*times, *quantities]) for event in find_events(text, folded, language)
    ]
    mentions = sorted([*times, *quantities, *events], key=lambda m: (m.start, m.end, m.kind))
    return Extraction(text, folded, language, segments, tuple(mentions))


def _trim_name(event: Mention, others: list[Mention]) -> Mention:
    """Cut an event's name after any time or number inside it ("一天后精准反制" -> "精准反制")."""
    assert event.event is not None
    name_start = event.end - len(event.event.name)
    cut = max((m.end for m in others if name_start < m.end <= event.start), default=name_start)
    if cut == name_start:
        return event
    name = event.event.name[cut - name_start :]
    return replace(event, event=replace(event.event, name=name))
