"""Elapsed time from a moment of a story: "起飞后30秒", "升空後9分鐘", "五分钟后" after a
takeoff, "上映第12天", "its first 10 days in Chinese cinemas", "two minutes later".

Read as a range of seconds (vague counts are ranges: "几分钟" two to nine minutes, "不到1分钟"
under one, "数秒" a few seconds), with the moment counted from (data/elapsed.yml).
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency import resources
from consistency.lang import LazyModule, zh
from consistency.lang import deferred_re as re


@dataclass(frozen=True)
class Elapsed:
    start: int
    end: int
    anchor: str  # the moment counted from ("takeoff")
    low: float  # seconds
    high: float


_SECONDS = {
    "秒": 1,
    "秒钟": 1,
    "分": 60,
    "分钟": 60,
    "小时": 3600,
    "天": 86400,
    "日": 86400,
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
}
_ZH_UNIT = r"(?P<unit>秒钟|秒|分钟|小时|天)"
_ZH_COUNT = r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十]+|几|数)"
# imported with the first English text: its patterns take half a second to compile
en = LazyModule("consistency.lang.en", globals(), "en")
# "a minute": one; "two minutes": the small numbers English writes in words (en.SMALL_NUMBERS)
_ONE = {"a": 1, "an": 1}
_EN_COUNT = (
    r"(?P<n>\d+(?:\.\d+)?|one|a|an|two|three|four|five|six|seven|eight|nine|ten|twelve"
    r"|a few|several)"
)
_EN_UNIT = r"(?P<unit>seconds?|minutes?|hours?|days?)"


@resources.derived
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    anchors = resources.load("elapsed")["anchors"]
    words = {word: key for key, entry in anchors.items() for word in entry[language]}
    alternation = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    if language == "zh":
        return (
            # "起飞后30秒", "升空几分钟后", "起飞后不到1分钟"
            re.compile(
                rf"(?P<anchor>{alternation})(?:后|後|之后|之後|以后)?\s*(?:还|已|仅)?"
                rf"(?P<hedge>约|仅|不到|只有|大约)?\s*{_ZH_COUNT}\s*(?:个)?{_ZH_UNIT}"
            ),
            # "飞机升空,五分钟后坠落"
            re.compile(
                rf"(?P<anchor>{alternation})\s*[,，]\s*(?P<hedge>约|仅|不到)?{_ZH_COUNT}\s*(?:个)?"
                rf"{_ZH_UNIT}(?:后|後|之后)"
            ),
            # "上映第12天": the twelfth day, eleven to twelve days after
            re.compile(rf"(?P<anchor>{alternation})(?:后)?(?P<nth>第)\s*{_ZH_COUNT}\s*{_ZH_UNIT}"),
        )
    return (
        # "30 seconds after takeoff", "within 3 minutes of the launch"
        re.compile(
            rf"(?P<hedge>within|less than|under|about|around|just)?\s*{_EN_COUNT}\s+{_EN_UNIT}"
            rf"\s+(?:after|into|of|from)\s+(?:the\s+|its\s+)?(?P<anchor>{alternation})",
            re.IGNORECASE,
        ),
        # "its first 10 days in Chinese cinemas"
        re.compile(
            rf"(?P<hedge>first)\s+{_EN_COUNT}\s+{_EN_UNIT}(?:\s+\w+){{0,2}}?\s+(?P<anchor>{alternation})",
            re.IGNORECASE,
        ),
    )


def find_elapsed(folded: str, language: str, start: int, end: int) -> list[Elapsed]:
    """The elapsed times in ``folded[start:end]`` (a sentence), in order."""
    keys = _anchor_keys(language)
    found = []
    for pattern in _patterns(language):
        for match in pattern.finditer(folded, start, end):
            seconds = _SECONDS.get(match.group("unit").lower().rstrip("s"))
            value = _count(match.group("n"), language)
            if seconds is None or value is None:
                continue
            low, high = value
            hedge = (match.groupdict().get("hedge") or "").lower()
            if hedge in ("不到", "less than", "under", "within"):
                low = 0
            elif hedge in ("约", "大约", "about", "around"):
                low, high = low * 0.8, high * 1.2
            if match.groupdict().get("nth"):
                low = max(0.0, low - 1)  # counted inclusively or not
            anchor = keys[match.group("anchor").lower()]
            found.append(Elapsed(match.start(), match.end(), anchor, low * seconds, high * seconds))
    found.sort(key=lambda e: (e.start, -e.end))
    kept: list[Elapsed] = []
    for elapsed in found:
        if not kept or elapsed.start >= kept[-1].end:
            kept.append(elapsed)
    return kept


def is_anchor_word(word: str, language: str) -> bool:
    """Whether a word names a moment counted from ("升空", "takeoff")."""
    return word.lower() in _anchor_keys(language)


@resources.derived
def _anchor_keys(language: str) -> dict[str, str]:
    """The moment each anchor word names, by the word in lower case ("takeoff": "takeoff")."""
    anchors = resources.load("elapsed")["anchors"]
    return {word.lower(): key for key, entry in anchors.items() for word in entry[language]}


def _count(text: str, language: str) -> tuple[float, float] | None:
    """A count as a range: "几" and "数" are two to nine, "a few" and "several" too."""
    lowered = text.lower()
    if lowered in ("几", "数", "a few", "several"):
        return 2.0, 9.0
    if language == "en":
        word = _ONE.get(lowered, en.SMALL_NUMBERS.get(lowered))
        if word is not None:
            return float(word), float(word)
    try:
        number = float(text)
    except ValueError:
        parsed = zh.parse_number(text)
        if parsed is None:
            return None
        number = float(parsed)
    return number, number
