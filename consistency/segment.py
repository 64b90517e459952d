"""Sentences and clauses of an article's text, as offset spans."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Abbreviations whose period does not end an English sentence.
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof st no gov sen rep gen "
    "lt col inc co corp ltd vs u.s u.k u.n e.u a.m p.m".split()
)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+|\.(?=\s+[A-Z0-9\"“])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_CLAUSE_END = re.compile(r"[,，、:：]|\s—|——|\s-\s")


@dataclass(frozen=True)
class Segments:
    """Sentence and clause spans of one text, with lookups by offset."""

    sentences: tuple[tuple[int, int], ...]
    clauses: tuple[tuple[int, int], ...]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right([s for s, _ in self.sentences], offset) - 1)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(offset)]

    def clause_at(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right([s for s, _ in self.clauses], offset) - 1)
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
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(text: str) -> Segments:
    """Split ``text`` (article text, furniture already blanked) into sentences and clauses."""
    sentences = _split(text, 0, len(text), _SENTENCE_END)
    clauses = [
        clause for start, end in sentences for clause in _split(text, start, end, _CLAUSE_END)
    ]
    return Segments(tuple(sentences), tuple(clauses))
