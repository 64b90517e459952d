"""Status words: whether a story calls a measure new or continued.

"开征反倾销税", "imposes new tariffs" (new) against "继续征收反倾销税", "extends the tariffs"
(continued). The measure (tariff, sanction, tax, ban, export control, price floor) is read
from data/roles.yml, and so is what it applies to ("对原产于美国的多晶硅", "on steel from
Vietnam"), so that two different measures of one event are not compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency import resources
from consistency.extract.roles import spellings
from consistency.lang import cjk_bigrams

# re.compile here defers compiling each pattern to its first use (LazyPattern): start-up
from consistency.lang import deferred_re as re
from consistency.segment import Segments


@dataclass(frozen=True)
class Status:
    start: int
    end: int
    # new | continued
    status: str
    # measure key: tariff | sanction | tax | ban | export-control | price-floor
    measure: str
    # the words saying what the measure applies to (Chinese character pairs, English words)
    target: frozenset[str]
    # the sentence recalls an earlier decision ("此前开征的关税", "first imposed in 2021")
    earlier: bool


# How far from its status word a measure word may stand, in characters.
_AFTER = {"zh": 32, "en": 60}
_BEFORE = {"zh": 10, "en": 30}
# Words that speak of the measure written right after them (data/roles.yml status.close):
# at most this many characters between them ("new 25% tariffs", "推出多项制裁").
_CLOSE_REACH = {"zh": 4, "en": 12}
# A status word and its measure further apart than this are quoted by the status word alone.
_LONGEST_QUOTE = {"zh": 20, "en": 40}
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
# "对原产于美国的光纤" up to the end of its clause; cut at the first status or measure word.
_TARGET_ZH = re.compile(r"(?:对|针对)([^，,。；;:：]{2,30})")
_TARGET_STOP_ZH = re.compile("征收|徵收|加征|加徵|实施|實施|采取|征|徵")
_TARGET_EN = re.compile(r"\b(?:on|against|targeting)[ \t]+([^,.;:()]{3,80})", re.IGNORECASE)
_GENERIC = frozenset(
    "imports import goods products the and from for with its their until through years year "
    "原产 产于 进口 产品 商品 相关".split()
)


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@resources.derived
def _patterns(
    language: str,
) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
    """Status and measure patterns, and the key of each of their spellings."""
    data = resources.load("roles")
    status_of = {
        w.lower(): key
        for key, entry in data["status"].items()
        if key != "close"
        for w in spellings(entry, language)
    }
    measure_of = {
        w.lower(): key
        for key, entry in data["measures"].items()
        for w in spellings(entry, language)
    }
    return _compile(status_of, language), status_of, _compile(measure_of, language), measure_of


def _compile(words: dict[str, str], language: str) -> re.Pattern[str]:
    alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    if language == "en":
        return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)
    return re.compile(f"(?:{alternation})")


@resources.derived
def _close(language: str) -> frozenset[str]:
    return frozenset(
        w.lower() for w in spellings(resources.load("roles")["status"]["close"], language)
    )


@resources.derived
def _earlier(language: str) -> tuple[str, ...]:
    return tuple(spellings(resources.load("roles")["earlier"], language))


def find_status(
    folded: str, language: str, segments: Segments, published_year: int | None
) -> list[Status]:
    """Status words with the measure they describe, in text order."""
    status_pattern, status_of, measure_pattern, measure_of = _patterns(language)
    statuses = list(status_pattern.finditer(folded))
    found: list[Status] = []
    for index, match in enumerate(statuses):
        sentence = segments.sentence_at(match.start())
        word = match.group().lower()
        # the measure after the status word, not beyond the next status word
        limit = min(sentence[1], match.end() + _AFTER[language])
        if index + 1 < len(statuses):
            limit = min(limit, statuses[index + 1].start())
        close = word in _close(language)
        measure = measure_pattern.search(folded, match.end(), limit)
        if close and measure and measure.start() - match.end() > _CLOSE_REACH[language]:
            measure = None
        if measure is None and not close:
            clause = segments.clause_at(match.start())
            start = max(clause[0], match.start() - _BEFORE[language])
            before = list(measure_pattern.finditer(folded, start, match.start()))
            measure = before[-1] if before else None
        if measure is None:
            continue
        span = (min(match.start(), measure.start()), max(match.end(), measure.end()))
        if span[1] - span[0] > _LONGEST_QUOTE[language]:
            # a long stretch between the words: quote the status word alone
            span = match.span()
        found.append(
            Status(
                start=span[0],
                end=span[1],
                status=status_of[word],
                measure=measure_of[measure.group().lower()],
                target=_target(folded, sentence, match.start(), language),
                earlier=_is_earlier(
                    folded,
                    match,
                    measure,
                    language,
                    published_year,
                    statuses[index - 1].end() if index else 0,
                    sentence[0],
                ),
            )
        )
    return found


def _target(folded: str, sentence: tuple[int, int], position: int, language: str) -> frozenset[str]:
    """The words of what the measure applies to: the "对…" / "on …" phrase nearest the
    status word in its sentence, up to the next status word, measure word or verb."""
    if language == "en":
        # the "on …" after the status word ("extended the duties on optical fibre"), not a
        # date before it ("on March 9 extended")
        matches = list(_TARGET_EN.finditer(folded, position, sentence[1])) or list(
            _TARGET_EN.finditer(folded, sentence[0], sentence[1])
        )
        if not matches:
            return frozenset()
        text = min(matches, key=lambda m: abs(m.start() - position)).group(1)
        words = {w.lower().strip("'’") for w in re.findall(r"[A-Za-z.'’-]+", text)}
        words -= _MONTHS
        return frozenset(w for w in words if len(w) > 2 and w not in _GENERIC)
    status_pattern, _, measure_pattern, _ = _patterns(language)
    phrases = []
    for match in _TARGET_ZH.finditer(folded, sentence[0], sentence[1]):
        start, end = match.span(1)
        for pattern in (status_pattern, measure_pattern, _TARGET_STOP_ZH):
            stop = pattern.search(folded, start, end)
            end = stop.start() if stop else end
        phrases.append((start, folded[start:end]))
    if not phrases:
        return frozenset()
    text = min(phrases, key=lambda item: abs(item[0] - position))[1]
    return frozenset(cjk_bigrams(text) - _GENERIC)


def _is_earlier(
    folded: str,
    status: re.Match[str],
    measure: re.Match[str],
    language: str,
    published_year: int | None,
    previous_end: int,
    sentence_start: int,
) -> bool:
    """The status word describes an earlier decision the story recalls: a marker such as
    "此前" or "first" right before it, or a year before the publication year around it
    ("2021年开征的", "imposed in 2021")."""
    reach = 10 if language == "zh" else 24
    # The sentence up to the status word; a marker before an earlier status word is that
    # word's: "此前开征的关税将延长".
    before = folded[max(sentence_start, previous_end) : status.start()]
    lowered = before.lower()
    for marker in _earlier(language):
        if language == "en":
            if re.search(rf"\b{re.escape(marker)}\b", lowered):
                return True
        elif marker in before:
            return True
    if published_year is None:
        return False
    around = folded[max(sentence_start, previous_end) : max(status.end(), measure.end()) + reach]
    return any(int(m.group()) < published_year for m in _YEAR.finditer(around))
