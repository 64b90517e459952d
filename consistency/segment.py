"""Sentences and clauses of an article's text, as offset spans."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

# Abbreviations whose period does not end an English sentence.
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof st no gov sen rep gen "
    "lt col inc co corp ltd vs u.s u.k u.n e.u a.m p.m".split()
)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+|\.(?=\s+[A-Z0-9\"“])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_CLAUSE_END = re.compile(r"[,，、:：]|\s—|——|\s-\s")
# Longer "sentences" are read in pieces of about this many characters.
MAX_SENTENCE_CHARS = 1000


@dataclass(frozen=True)
class Segments:
    """Sentence and clause spans of one text, with lookups by offset."""

    sentences: tuple[tuple[int, int], ...]
    clauses: tuple[tuple[int, int], ...]

    def __getattr__(self, name: str) -> tuple[tuple[int, int], ...]:
        # Only for a Segments from segment(), whose spans are found on first use: most
        # sentences that mentions() reads have no count or anchor that asks for its clause.
        fields = self.__dict__
        if name in ("sentences", "clauses") and "_text" in fields:
            fields["sentences"], fields["clauses"] = _segment(fields.pop("_text"))
            return fields[name]
        raise AttributeError(name)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [start for start, _ in self.clauses]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(offset)]

    def clause_at(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self._clause_starts, offset) - 1)
        return self.clauses[index]


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in pattern.finditer(text, start, end):
        if match.group() == "." and _is_abbreviation(text, match.start()):
            continue
        if text[position : match.start()].strip():
            spans.append(_trim(text, position, match.end()))
        position = match.end()
    if text[position:end].strip():
        spans.append(_trim(text, position, end))
    return spans


def _is_abbreviation(text: str, period: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, period - 12), period)
    return bool(word) and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace (str.strip's, no per-character loop)."""
    span = text[start:end]
    kept = span.lstrip()
    if not kept:
        return end, end
    return start + len(span) - len(kept), start + len(span.rstrip())


# Without a full stop that ends a sentence, a sentence is a run that starts with a character
# that is neither a mark nor a space and ends with the marks after it: one pass finds them all.
_SENTENCE = re.compile(r"[^。！？!?；;\n\s][^。！？!?；;\n]*[。！？!?；;\n]*")
_FULL_STOP = re.compile(r"\.(?=\s+[A-Z0-9\"“])")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, trimmed, as ``_split(text, 0, len(text), _SENTENCE_END)`` gives them."""
    if _FULL_STOP.search(text):  # the abbreviation test decides: the general reading
        return _split(text, 0, len(text), _SENTENCE_END)
    spans = []
    for match in _SENTENCE.finditer(text):
        start = match.start()
        # a run never starts with a space; its end drops the spaces around a closing "\n"
        spans.append((start, start + len(match.group().rstrip())))
    return spans


# Without dashes every clause mark is one character and no space: a clause is a run that
# starts with neither and ends with the first mark after it.
_DASHES = re.compile(r"—|\s-\s")
_CLAUSE_MARK = re.compile(r"[,，、:：]")  # _CLAUSE_END where the text has no dash
_CLAUSE = re.compile(r"[^,，、:：\s][^,，、:：]*[,，、:：]?")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of a sentence, as ``_split(text, start, end, _CLAUSE_END)`` gives them
    when the text has no dash."""
    spans = []
    for match in _CLAUSE.finditer(text, start, end):
        first = match.start()
        spans.append((first, first + len(match.group().rstrip())))
    return spans


def segment(text: str) -> Segments:
    """Split ``text`` (article text, furniture already blanked) into sentences and clauses;
    the split is made when the spans are first read."""
    segments = object.__new__(Segments)
    object.__setattr__(segments, "__dict__", {"_text": text})
    return segments


def _segment(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """(sentences, clauses) of ``text``."""
    sentences = []
    clauses = []
    # (the dash pattern starts with an alternation, which the engine tries at every position:
    # two substring tests first)
    dashes = "—" in text or ("-" in text and _DASHES.search(text) is not None)
    # without a dash in the text, a clause end is one of the one-character marks: a class,
    # which the engine skips to
    clause_end = _CLAUSE_END if dashes else _CLAUSE_MARK
    for start, end in _sentences(text):
        # most short sentences have no clause mark: the sentence (already trimmed) is its clause
        if clause_end.search(text, start, end):
            if not (dashes and _DASHES.search(text, start, end)):
                parts = _clauses(text, start, end)
            else:
                parts = _split(text, start, end, _CLAUSE_END)
        else:
            parts = [(start, end)]
        clauses += parts
        if end - start <= MAX_SENTENCE_CHARS:
            sentences.append((start, end))
            continue
        # No sentence is this long: a page without full stops. Read it in clause-bounded
        # pieces (cut anywhere when one clause is too long), so the work per sentence stays
        # bounded.
        pieces = []
        piece_start = parts[0][0]
        for part_start, part_end in parts:
            if part_end - piece_start > MAX_SENTENCE_CHARS and part_start > piece_start:
                pieces.append((piece_start, part_start))
                piece_start = part_start
        pieces.append((piece_start, parts[-1][1]))
        for piece_start, piece_end in pieces:
            for cut in range(piece_start, piece_end, MAX_SENTENCE_CHARS):
                span = _trim(text, cut, min(piece_end, cut + MAX_SENTENCE_CHARS))
                if span[0] < span[1]:
                    sentences.append(span)
    return tuple(sentences), tuple(clauses)
