"""Measured values: what a value measures ("续航", "price"), and values in one unit.

A length, a duration or an amount of money is compared with another of the same measure
once both are in one unit (km and miles, feet and metres, hours); money only in one currency
(a rate of exchange is not the checker's to choose).
"""

from __future__ import annotations

from consistency import resources
from consistency.lang import deferred_re as re
from consistency.model import Quantity

# unit -> (dimension, factor to the dimension's base unit)
_UNITS = {
    "m": ("length", 1.0),
    "meter": ("length", 1.0),
    "meters": ("length", 1.0),
    "metre": ("length", 1.0),
    "metres": ("length", 1.0),
    "km": ("length", 1000.0),
    "kilometers": ("length", 1000.0),
    "kilometres": ("length", 1000.0),
    "ft": ("length", 0.3048),
    "feet": ("length", 0.3048),
    "foot": ("length", 0.3048),
    "mi": ("length", 1609.344),
    "mile": ("length", 1609.344),
    "miles": ("length", 1609.344),
    "nmi": ("length", 1852.0),
    "hour": ("time", 1.0),
    "hours": ("time", 1.0),
    "minute": ("time", 1 / 60),
    "minutes": ("time", 1 / 60),
}


def in_base_unit(unit: str | None, kind: str) -> tuple[str, float] | None:
    """(dimension, factor) of a unit: ("length", 1609.344) for miles; money is its own
    dimension per currency ("money:USD", 1); None for what is not compared."""
    if unit is None:
        return None
    if kind == "money":
        return (f"money:{unit}", 1.0)
    return _UNITS.get(unit.lower())


def in_minutes(quantity: Quantity) -> float | None:
    """A duration in minutes ("1.5 hours" → 90); None for a value that is not a duration."""
    base = in_base_unit(quantity.unit, quantity.kind)
    if base is None or base[0] != "time":
        return None
    return quantity.low * base[1] * 60


def dimensions(measure: str) -> frozenset[str]:
    """The dimensions a measure is compared in ("length" for a range)."""
    return frozenset(resources.load("measures")["measures"][measure]["in"])


def not_the_value(text: str, language: str) -> bool:
    """Whether the words of a clause make a value a forecast, a record or a part's."""
    lowered = text.lower()
    return any(word in lowered for word in resources.load("measures")["not_the_value"][language])


# A product's version named in Latin letters: "YU7 Max", "Pro", "Ultra"
_VERSION = re.compile(r"\b(?:Max|Pro|Ultra|Plus|Standard)\b")


def version_in(text: str) -> bool:
    """Whether a sentence names a product's version ("YU7 Max"): its prices and ranges are
    that version's."""
    return bool(_VERSION.search(text))


def segment_before(text: str, language: str) -> str | None:
    """The part of a business named right before a measure's word ("数据中心营收" ->
    "数据中心", "data center revenue" -> "center"), else None."""
    lowered = text.lower().rstrip()
    for word in resources.load("measures")["segments"][language]:
        at = lowered.rfind(word)
        if at >= 0 and len(lowered) - (at + len(word)) <= 3:
            return word
    return None


@resources.derived
def _words(language: str) -> tuple[tuple[str, str], ...]:
    data = resources.load("measures")["measures"]
    pairs = [(word.lower(), key) for key, words in data.items() for word in words[language]]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def measure_before(text: str, language: str) -> tuple[str, int] | None:
    """The measure the words before a value name (the last of them), with where its word
    starts: "续航" -> ("range", 3)."""
    lowered = text.lower()
    best: tuple[int, str] | None = None
    for word, key in _words(language):
        at = lowered.rfind(word)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, key)
    return (best[1], best[0]) if best else None


def measure_after(text: str, language: str) -> str | None:
    """The measure words right after a value name ("four miles from the runway")."""
    lowered = text.lower().lstrip()
    for word, key in _words(language):
        if lowered.startswith(word):
            return key
    return None
