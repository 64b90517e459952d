"""Mentions: typed spans of an article's text (quantities, time expressions, event words)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import attrgetter

from consistency.extract.events import find_events
from consistency.extract.quantities import find_quantities
from consistency.extract.times import find_times
from consistency.lang import fold_width, zh
from consistency.model import Mention, copy_with, make
from consistency.segment import Segments, segment

# A long article has a few hundred; more is a data dump, read only up to this many.
MAX_MENTIONS = 20_000


@dataclass(frozen=True)
class Extraction:
    """Everything the later stages need from one text: its mentions and its segments."""

    text: str
    folded: str
    language: str
    segments: Segments
    mentions: tuple[Mention, ...]
    # how many were found; more than MAX_MENTIONS means only the first ones are read
    found: int = 0

    @property
    def truncated(self) -> bool:
        return self.found > len(self.mentions)


# Invisible characters that pasted text carries inside words and numbers ("5\u200b4个国家").
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def extract_mentions(text: str, language: str) -> Extraction:
    """All mentions in ``text``, in text order (times first where spans would overlap).

    Invisible characters are skipped: the text is read without them and every offset mapped
    back, so a quote is still exactly the text as written, invisible characters included."""
    if not _INVISIBLE.search(text):
        return _extract(text, language)
    kept = [index for index, char in enumerate(text) if not _INVISIBLE.match(char)]
    inner = _extract("".join(text[index] for index in kept), language)
    kept.append(len(text))

    def span(start: int, end: int) -> tuple[int, int]:
        return kept[start], (kept[end - 1] + 1 if end > start else kept[start])

    mentions = []
    for mention in inner.mentions:
        start, end = span(mention.start, mention.end)
        mentions.append(copy_with(mention, start=start, end=end, text=text[start:end]))
    segments = Segments(
        tuple(span(*s) for s in inner.segments.sentences),
        tuple(span(*c) for c in inner.segments.clauses),
    )
    folded = zh.fold(text) if language == "zh" else fold_width(text)
    return Extraction(text, folded, language, segments, tuple(mentions), inner.found)


# Web addresses: their digits and "%20" escapes are neither dates nor numbers.
_URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff5e\u4e00-\u9fff\"'<>]+")


# text order; at one offset the shorter first, then by kind
_TEXT_ORDER = attrgetter("start", "end", "kind")


def _extract(text: str, language: str) -> Extraction:
    folded = zh.fold(text) if language == "zh" else fold_width(text)
    segments = segment(folded)
    # (every address holds "http" or "www.": two substring tests skip the scan in nearly all)
    urls = (
        [match.span() for match in _URL.finditer(folded)]
        if "http" in folded or "www." in folded
        else []
    )
    times = find_times(text, folded, language, segments)
    if urls:
        times = [m for m in times if not any(s <= m.start < e for s, e in urls)]
    quantities = find_quantities(
        text, folded, language, segments, [(m.start, m.end) for m in times] + urls
    )
    events = find_events(text, folded, language)
    if events and (times or quantities):  # (with none, no name holds a time or number)
        ends = sorted(m.end for m in [*times, *quantities])
        events = [_trim_name(event, ends) for event in events]
    mentions = [*times, *quantities, *events]
    if len(mentions) > 1:  # (most paragraphs have one mention or none)
        mentions.sort(key=_TEXT_ORDER)
    found = len(mentions)
    return make(
        Extraction,
        text=text,
        folded=folded,
        language=language,
        segments=segments,
        mentions=tuple(mentions if found <= MAX_MENTIONS else mentions[:MAX_MENTIONS]),
        found=found,
    )


def _trim_name(event: Mention, others_ends: list[int]) -> Mention:
    """Cut an event's name after any time or number inside it ("一天后精准反制" -> "精准反制").

    ``others_ends``: the sorted end offsets of the times and numbers."""
    assert event.event is not None
    name_start = event.end - len(event.event.name)
    # the last time or number that ends inside the name, before the event word
    index = bisect.bisect_right(others_ends, event.start) - 1
    last_end = others_ends[index] if index >= 0 else name_start
    cut = last_end if last_end > name_start else name_start
    if cut == name_start:
        return event
    name = event.event.name[cut - name_start :]
    return copy_with(event, event=copy_with(event.event, name=name))
