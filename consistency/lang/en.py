"""English: number words, counts, dates and relative timing."""

from __future__ import annotations

import re

SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join(sorted((re.escape(word) for word in SMALL_NUMBERS), key=len, reverse=True))
_SCALE = "|".join(SCALES)
NUMBER_WORDS = rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))*(?:\s+(?:{_SCALE}))*(?:\s+and\s+(?:{_WORD}))?)"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
NUMBER = rf"(?:{ARABIC}(?:\s*(?:{_SCALE}|[mb]n|k)\b)?|\b{NUMBER_WORDS}\b)"


def parse_number(text: str) -> float | None:
    """Value of "54", "1,200", "fifty-four", "3.5 million", "a dozen"."""
    text = text.strip().lower().replace(",", "")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([a-z]*)", text)
    if match:
        value = float(match.group(1))
        scale = {"k": "thousand", "mn": "million", "bn": "billion", "m": "million"}.get(
            match.group(2), match.group(2)
        )
        if scale:
            if scale not in SCALES:
                return None
            value *= SCALES[scale]
        return value
    total = current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.replace("a dozen", "dozen")):
        if word == "and":
            continue
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


HEDGES = {
    "more than": (1.0, 1.5),
    "over": (1.0, 1.5),
    "at least": (1.0, 1.5),
    "upwards of": (1.0, 1.5),
    "nearly": (0.8, 1.0),
    "almost": (0.8, 1.0),
    "close to": (0.8, 1.0),
    "fewer than": (0.8, 1.0),
    "less than": (0.8, 1.0),
    "under": (0.8, 1.0),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "some": (0.9, 1.1),
}
HEDGE_PATTERN = "|".join(sorted(HEDGES, key=len, reverse=True))
COUNT = re.compile(
    rf"(?:\b(?P<hedge>{HEDGE_PATTERN})\s+)?(?P<number>{NUMBER})"
    r"(?:\s+(?P<noun>(?:[A-Za-z][a-z'-]+\s+){0,2}?[a-z][a-z'-]+))?",
)
PERCENT = re.compile(rf"(?:\b(?P<hedge>{HEDGE_PATTERN})\s+)?(?P<number>{ARABIC})\s*(?:%|percent\b)")
RATIO = re.compile(rf"(?P<left>{ARABIC})\s*(?:-|to|:)\s*(?P<right>{ARABIC})\s+(?:vote|score|win)")

# Units of measure: a number before them is a measure, never a count to compare.
MEASURE_UNITS = frozenset(
    "kilometers kilometres km miles mile meters metres meter metre feet foot ft tons tonnes "
    "ton kg kilograms pounds lbs hours hour minutes minute seconds days day weeks week months "
    "month years year degrees magnitude percent points inches cm mm acres hectares".split()
)

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "sept": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "Feb. 4, 2026", "February 4", "4 February 2026", "February 2025", "2026-02-04".
DATE = re.compile(
    rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"
    rf"|\b(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?P<month2>"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?(?:,?\s+(?P<year2>(?:19|20)\d\d))?\b"
    r"|\b(?P<month3>january|february|march|april|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?:\s+of)?\s+"
    r"(?P<year3>(?:19|20)\d\d)\b"
    r"|\b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>1[0-2]|0[1-9])-(?P<iso_day>3[01]|[12]\d|0[1-9])\b"
    r"|\bin\s+(?P<year_only>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)

_SMALL = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a"
RELATIVE = re.compile(
    rf"\b(?P<after_n>{_SMALL})\s+days?\s+(?:later|after(?:ward)?s?)\b"
    rf"|\b(?P<before_n>{_SMALL})\s+days?\s+(?:earlier|before)\b"
    r"|\b(?P<next>the\s+(?:next|following)\s+day|the\s+day\s+after|next\s+day)\b"
    r"|\b(?P<previous>the\s+(?:previous|preceding)\s+day|the\s+day\s+before|a\s+day\s+earlier)\b"
    r"|\b(?P<same>(?:on\s+)?the\s+same\s+day|that\s+(?:same\s+)?day|later\s+that\s+day"
    r"|that\s+evening|that\s+night)\b"
    r"|\b(?P<simultaneous>at\s+the\s+same\s+time\s+as|simultaneously\s+with)\b"
    r"|\b(?P<later>afterwards|subsequently|shortly\s+after(?:wards)?|soon\s+after)\b"
    r"|\b(?P<deictic>today|yesterday|tomorrow)\b"
    r"|\b(?P<after>after)\b(?=\s+(?:the|a|an|his|her|their|its)\s)"
    r"|\b(?P<before>before)\b(?=\s+(?:the|a|an|his|her|their|its)\s)",
    re.IGNORECASE,
)
DEICTIC_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1}
NUMBER_OF_DAYS = {"a": 1} | {word: value for word, value in SMALL_NUMBERS.items() if value <= 10}

EXAMPLES: dict[str, list[tuple[str, object]]] = {
    "number": [
        ("54", 54),
        ("1,200", 1200),
        ("fifty-four", 54),
        ("thirty four", 34),
        ("a dozen", 12),
        ("3.5 million", 3_500_000),
        ("two hundred and five", 205),
        ("1.2bn", 1_200_000_000),
    ],
    "time": [
        ("on Feb. 4, 2026", None, "2026-02-04"),
        ("on March 8", "2026-03-10", "2026-03-08"),
        ("4 February 2026", None, "2026-02-04"),
        ("in February 2025", "2026-02-08", "2025-02-01"),
        ("2026-02-04", None, "2026-02-04"),
        ("yesterday", "2026-02-08", "2026-02-07"),
        ("they may agree", "2026-02-08", None),
        ("a 6.4 quake", "2026-02-08", None),
    ],
    "relative": [
        ("The next day, China said", 1, "after", None),
        ("a day later", 1, "after", None),
        ("two days after the summit", 2, "after", "the summit"),
        ("the day before the vote", -1, "before", "the vote"),
        ("announced at the same time as the call", None, "same", "the call"),
    ],
    "count": [
        ("47 countries sent delegates", 47, 47, "country"),
        ("nearly 100 people were killed", 80, 100, "person:dead"),
        ("more than 50 people were injured", 50, 75, "person:injured"),
        ("Among the dead were four children", 4, 4, "person:dead:subset"),
    ],
}
