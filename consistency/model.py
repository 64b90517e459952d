"""Plain frozen dataclasses passed between the stages of the pipeline.

files -> Document -> Mention -> Claim -> Timeline -> Event -> Discrepancy -> Report
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

_T = TypeVar("_T")


class InputError(Exception):
    """A file or option the tool cannot use; reported as one line, exit code 2."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class Document:
    """One article.

    ``raw`` is the decoded file exactly as stored (a leading BOM removed). ``text`` has the
    same length as ``raw``: everything that is not article text (front matter, HTML tags,
    JSON syntax, page furniture) is blanked with spaces, newlines kept. Offsets into
    ``text`` are therefore offsets into the file, and a quote is always ``raw[start:end]``.
    """

    path: str
    raw: str
    text: str
    language: str = "zh"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    # front_matter | option | page | text | unknown
    published_from: str = "unknown"
    # day | month | year: how much of ``published`` is known
    published_grain: str = "day"
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for index, char in enumerate(self.raw):
            if char == "\n":
                starts.append(index + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count Unicode code points."""
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1


@dataclass(frozen=True)
class Quantity:
    """A number as reported: exact when low == high, a range for hedged counts."""

    low: float
    high: float
    # count | ratio | percent | money | measure | number
    kind: str = "number"
    unit: str | None = None
    # normalized key of the thing counted ("country"), and its words as written ("国家")
    counted: str | None = None
    counted_text: str | None = None
    # the two sides of a ratio ("54比1")
    ratio: tuple[float, float] | None = None
    hedge: str | None = None

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def to_value(self) -> dict[str, Any]:
        value: dict[str, Any] = {}
        if self.ratio is not None:
            value["ratio"] = [_plain(self.ratio[0]), _plain(self.ratio[1])]
        elif self.exact:
            value["number"] = _plain(self.low)
        else:
            value["low"] = _plain(self.low)
            value["high"] = _plain(self.high)
        value["unit"] = self.unit
        value["counted"] = self.counted
        return value


def _plain(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number


@dataclass(frozen=True)
class TimeExpr:
    """A time expression, absolute ("2025年2月") or relative ("第二天", "the day before").

    Absolute: year/month/day with ``year_explicit`` telling whether the year was written;
    ``year_offset`` / ``month_offset`` when the year or month is named from now ("明年九月",
    "下个月20号"); ``lunar`` for Chinese lunar month and day ("农历十月初一").
    Relative: ``offset_days`` (+1 the next day, -1 the day before, 0 the same day) or only an
    ``order`` ("after", "before", "same"); ``anchor`` is the span of the anchor text when the
    expression names it ("那场大会的第二天"), else None (the anchor is the previous event).
    ``unit`` is "day" when the offset was counted ("两天后"): with no anchor written, such an
    expression can also be read from now.

    Other kinds, read from the reference date only (the checker does not use them):
    ``weekday`` (``weekday`` 0 Monday, ``offset`` the week: -1 上周, 0 这周, 1 下周, None a bare
    weekday; or the ``nth`` weekday of ``month``), ``period`` (``unit`` week | month | year |
    day | hour | minute | second | now, starting ``offset`` units from the current one:
    "上周" -1 week, "上两个月" -2 months, "三年后" +3 years), ``holiday`` (``holiday`` the
    rule in calendars.py, ``offset_days`` a shift such as 翌日) and ``clock`` (a time of day
    alone, on the reference day).
    """

    kind: str  # date | relative | deictic | weekday | period | holiday | clock
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_explicit: bool = False
    offset_days: int | None = None
    order: str | None = None
    anchor: tuple[int, int] | None = None
    weekday: int | None = None
    year_offset: int | None = None
    month_offset: int | None = None
    lunar: bool = False
    unit: str | None = None
    offset: int | None = None
    nth: int | None = None
    holiday: str | None = None
    # English compounds, applied once the rest is resolved: ``part`` a part of the period
    # named ("early" | "mid" | "late" | "end" | "later" | "earlier": "late July", "later this
    # week"), then ``shift`` (count, unit) moves its start ("3 days after January 12th").
    part: str | None = None
    shift: tuple[int, str] | None = None

    @property
    def grain(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"


@dataclass(frozen=True)
class EventWord:
    """A word that names a happening: a meeting, a call, a ruling."""

    family: str
    trigger: str
    # the event's name as written, with its modifiers ("关键矿产部长级会议")
    name: str
    # "那场会议", "the summit": refers back to an event already mentioned
    anaphoric: bool = False


@dataclass(frozen=True)
class Mention:
    kind: str  # quantity | time | event | enumeration | role | status | name | acronym
    text: str
    start: int
    end: int
    quantity: Quantity | None = None
    time: TimeExpr | None = None
    event: EventWord | None = None
    # filled by the timeline for absolute times: (start date, end date, grain)
    resolved: tuple[dt.date, dt.date, str] | None = None
    # the other kinds (role, status, name, acronym): what they state, as sorted
    # (key, value) pairs, hashable like the rest
    facts: tuple[tuple[str, Any], ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        value: dict[str, Any]
        if self.quantity is not None:
            value = self.quantity.to_value()
        elif self.time is not None:
            value = time_value(self.time, self.resolved)
        elif self.facts is not None:
            value = dict(self.facts)
        else:
            assert self.event is not None
            value = {"type": self.event.family, "trigger": self.event.trigger}
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": value,
        }


_FIELDS: dict[type, dict[str, Any]] = {}


def make(cls: type[_T], /, **values: Any) -> _T:
    """``cls(**values)`` for a frozen dataclass (no __post_init__, no slots) without
    __init__'s object.__setattr__ per field (half the cost): extraction makes a few per
    sentence.

    Every field without a default must be given; the fields keep their declared order."""
    defaults = _FIELDS.get(cls) or _defaults(cls)
    fields = defaults.copy()
    fields.update(values)
    instance = object.__new__(cls)
    object.__setattr__(instance, "__dict__", fields)
    return instance


def _defaults(cls: type) -> dict[str, Any]:
    defaults = _FIELDS[cls] = {
        f.name: f.default
        for f in cls.__dataclass_fields__.values()  # type: ignore[attr-defined]
    }
    return defaults


def template(cls: type, /, **values: Any) -> dict[str, Any]:
    """Every field of the frozen dataclass ``cls`` with its default, ``values`` replacing
    some, in declared order: the fields of a record that a hot path copies and fills
    (``record.__dict__.update(template)``) instead of calling make() with keywords.

    A field without a default holds dataclasses.MISSING until filled; a test compares each
    record so built with the dataclass's own (tests/test_speedups.py)."""
    fields = (_FIELDS.get(cls) or _defaults(cls)).copy()
    fields.update(values)
    return fields


def copy_with(record: _T, /, **changes: Any) -> _T:
    """``dataclasses.replace(record, **changes)`` for a frozen dataclass (no __post_init__,
    no slots, no init=False field, no cached_property: its value would be copied) without
    replace's checks and __init__'s setattr per field."""
    copy = object.__new__(type(record))
    fields = copy.__dict__
    fields.update(record.__dict__)
    fields.update(changes)
    return copy


def new_mention(
    template: dict[str, Any], text: str, start: int, end: int, field: str, value: Any
) -> Mention:
    """A Mention of ``template`` (``template(Mention, kind=...)``) at ``text[start:end]`` with
    its one typed field (``quantity``, ``time`` or ``event``) set to ``value``: the readers
    make one per number, time and event word, and make()'s keywords cost twice as much."""
    mention = object.__new__(Mention)
    fields = mention.__dict__
    fields.update(template)
    fields["text"] = text
    fields["start"] = start
    fields["end"] = end
    fields[field] = value
    return mention


def time_value(time: TimeExpr, resolved: tuple[dt.date, dt.date, str] | None) -> dict[str, Any]:
    value: dict[str, Any] = {}
    if resolved is not None:
        start, end, grain = resolved
        value["start"] = start.isoformat()
        if end != start:
            value["end"] = end.isoformat()
        value["grain"] = grain
    if time.kind == "relative":
        if time.offset_days is not None:
            value["offset_days"] = time.offset_days
        if time.order is not None:
            value["order"] = time.order
    return value


@dataclass(frozen=True)
class Claim:
    """What a document says about one event: ``(event, slot, value, evidence)``.

    Slots: ``date``; ``count:<counted>`` (participants.countries is ``count:country``);
    ``ratio``; ``relation`` (a timing relative to another event, ``other_event``).
    """

    document: str
    event: str
    slot: str
    mention: Mention
    sentence: tuple[int, int]
    other_event: str | None = None
    # relation claims: the anchor words in the text, when written ("特朗普喊话")
    anchor_text: str | None = None
    # who the statement is attributed to ("路透社", "Reuters"), when the sentence says so
    source: str | None = None
    # "plan" for what is planned or expected ("将于", "原定", "is expected to"), else None
    modality: str | None = None
    # the time a figure holds at, as written ("1月底" of "截至1月底"), for counts
    as_of: str | None = None
    # the time zone written next to a date (consistency.qualifiers.Zone), for dates
    zone: Any = None


@dataclass(frozen=True)
class ResolvedDate:
    start: dt.date
    grain: str  # day | month | year
    year_inferred: bool
    # the claims the date rests on: explicit dates first, then relations
    sources: tuple[Claim, ...] = ()

    @property
    def end(self) -> dt.date:
        return period_end(self.start, self.grain)


def period_end(start: dt.date, grain: str) -> dt.date:
    """Last day of the period that starts at ``start``."""
    if grain == "day":
        return start
    if grain == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


@dataclass(frozen=True)
class Event:
    """A cluster of mentions in one document that refer to one happening."""

    id: str
    document: str
    family: str
    label: str
    names: tuple[str, ...]
    mentions: tuple[Mention, ...]
    participants: frozenset[str] = frozenset()
    # the words (Chinese character pairs, English words) of the sentences that mention it
    context_words: frozenset[str] = frozenset()
    # an event with no event word: "3月4日" in a sentence that names no happening
    implicit: bool = False
    # its mentions were joined by a back-reference ("那场会议") or by the same name, not only
    # by being the same kind of event: a date against it is then certainly a conflict
    identified: bool = False
    date: ResolvedDate | None = None


@dataclass(frozen=True)
class EventLink:
    """Two events in different documents that may be one happening."""

    first: str
    second: str
    # certain | likely | possible
    certainty: str
    reason: str


@dataclass(frozen=True)
class Evidence:
    """One claim as printed in a report."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str
    value: Any
    counted: str | None
    sentence: str


@dataclass(frozen=True)
class Discrepancy:
    id: str
    rule: str
    kind: str
    severity: str  # error | warning | info
    event: str
    message: str
    claims: tuple[Evidence, ...]
    # indexes into ``claims`` of the claims the finding questions (the odd ones out), the
    # first of them where the finding is reported
    primary: tuple[int, ...] = (0,)


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...]
    discrepancies: tuple[Discrepancy, ...]
    errors: tuple[FileError, ...] = ()
    skipped: int = 0
    claims: int = 0
    # the levels the configuration of the first article asks for (options override them)
    fail_level: str | None = None
    min_level: str | None = None
    # the checked articles' timelines (consistency.timeline.Timeline), in path order, for the
    # HTML report's timeline picture; not part of the JSON contract
    timelines: tuple[Any, ...] = field(default=(), compare=False, repr=False)

    def count(self, severity: str) -> int:
        return sum(1 for item in self.discrepancies if item.severity == severity)
