"""English: number words, counts, dates and relative timing."""

from __future__ import annotations

import re
import unicodedata

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
}
SMALL_NUMBERS |= {"nought": 0, "naught": 0}
SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "lakh": 100_000,
    "crore": 10_000_000,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_UNIT_WORDS = "|".join(
    sorted((w for w, v in SMALL_NUMBERS.items() if v < 20 and "dozen" not in w), key=len)[::-1]
)
_W = rf"(?:(?:{_TENS})(?:\s*-\s*|\s+)(?:{_ONES})\b|(?:{_TENS}|{_UNIT_WORDS})\b)"
_SCALE = "|".join(SCALES)
_SC = rf"(?:(?:{_SCALE})s?|dozens?|dzs?|dozs?)\b"
# Denominators: "thirds", "a quarter", "twenty-fifths", "hundredths" (not "first"/"second").
DENOMINATORS = {"half": 2, "halves": 2, "quarter": 4, "third": 3, "fourth": 4}
DENOMINATORS |= {"hundredth": 100, "thousandth": 1000, "millionth": 10**6}
DENOMINATORS |= {"billionth": 10**9, "trillionth": 10**12}
_DEN = (
    rf"(?:(?:{_TENS})\s*-?\s*(?:first|second)"
    rf"|(?:(?:{_TENS})\s*-?\s*)?(?:third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth"
    r"|ninetieth|hundredth|thousandth|millionth|billionth|trillionth|quarter|half|halves)s?\b"
)
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# "1 200 000", "1,200.5", "12,34,567.89" (lakh grouping), ".5"
_DIGITS = (
    r"(?>\d{1,3}(?:[ \u202f]\d{3})+(?!\d|,\d)(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"
    # "192.168.1.2": dotted figures are several numbers, not a decimal
    r"|\d+(?:,\d{3})*(?:(?<!\.\d)(?<!\.\d\d)(?<!\.\d\d\d)\.\d++(?!\.\d))?|\.\d+)"
)
_G = rf"(?:{_W}|{_DIGITS})(?:\s+{_SC})*"
_GS = rf"(?:{_W}|{_DIGITS}|an?)(?:\s+{_SC})+(?:\s+and(?=\s+(?:{_W}|[1-9]|an?\s)))?"
_INT = (
    rf"(?:(?:{_GS}\s+)*{_G}|(?:{_GS}\s+)*{_GS}|(?:half|quarter)\s+(?:million|billion)\b"
    r"|hundred\s+(?:thousand|million|billion)\b)"
)
_FRACTION = (
    rf"(?:\s+and\s+(?:an?|{_W})\s*-?\s*{_DEN}"
    # "two-thirds", "2 - thirds": a run of blanks with at most two hyphens, not one blank or
    # hyphen right after a digit ("1-third"). Written as one run, not as \s*-?\s*(?:\s|-)\s*,
    # whose ways of splitting a run of n blanks made a figure before n blanks cost n³.
    rf"|(?=[\s-])(?:(?<![\d.])|(?=[\s-]{{2}}))\s*(?:-\s*){{0,2}}{_DEN}|\s+{_DEN})"
    rf"(?:\s+(?:of\s+an?\s+)?(?:million|billion|thousand)\b)?"
)
NUMBER_WORDS = (
    rf"(?:(?:half\s+a\s+dozen|an?\s+{_DEN}|an?\s+half)"
    rf"|{_INT}(?:{_FRACTION})?(?:\s+point\s+(?:{_W}\s*)+|\s+over\s+{_INT}(?!\s+[a-z])"
    rf"|\s+out\s+of\s+{_INT})?)"
)
_LETTER_SCALE = r"(?:k|K|M|MM|mil|mn|bn|bln|tln|trn|B|b|T)\b"
_SUFFIX = rf"(?:\s*{_LETTER_SCALE}|\s*(?i:{_SCALE})s?\b)?"
_EXPONENT = r"(?:\s*[x*]\s*10\s*\^\s*[+-]?\d+|\^[+-]*\d+|e[+-]?\d+\b)"
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
NUMBER = (
    r"(?:(?:(?<![\w-])-\s*|\b(?i:minus|negative)\s+)?"
    # (a figure is read from its first digit: tried inside a run of digits, the rest of the
    # run was read again at each digit, and nothing found there that its first does not)
    r"(?:(?<!\d)\d+\s+\d+\s*/\s*\d+\b(?!/)|(?<![\d/])(?<!\d-)\d+\s*/\s*\d+\b(?![/.]\d))"
    # "three-nought-four": digits spelled out one by one
    rf"|(?:\b(?i:minus|negative)\s+)?\b(?!\.)(?i:{NUMBER_WORDS})"
    rf"(?![\w^/]|-(?!(?i:{_UNIT_WORDS})\b)|\s*{_LETTER_SCALE})"
    r"|(?:(?<![\w-])-\s*|\b(?i:minus|negative)\s+)?"
    rf"(?<!\d)(?<!(?<!\d)\.){_DIGITS}(?:{_EXPONENT}|{_SUFFIX})(?![A-Za-z])"
    rf"|[{VULGAR_FRACTIONS}])"
)


def _number_token(word: str) -> float | None:
    if word in SMALL_NUMBERS:
        return SMALL_NUMBERS[word]
    try:
        return float(word)
    except ValueError:
        return None


def _denominator(word: str) -> float | None:
    word = word[:-1] if word.endswith("s") and word != "halves" else word
    if word in DENOMINATORS:
        return DENOMINATORS[word]
    if word in ORDINALS:
        return ORDINALS[word]
    if word.endswith("ieth") and word[:-4] + "y" in SMALL_NUMBERS:
        return SMALL_NUMBERS[word[:-4] + "y"]
    return None


def _integer(words: list[str]) -> float | None:
    """ "one hundred and three", "4 thousand 3 hundred and 21", "three lakh crore"."""
    total = current = 0.0
    small = 0.0  # the count written since the last scale word: "three hundred and two dozens"
    last_scale = 0
    seen = False
    for word in words:
        if word == "and":
            continue
        singular = word.rstrip("s") if word not in SMALL_NUMBERS else word
        if word in ("a", "an"):
            current += 1
            small += 1
        elif (value := _number_token(word)) is not None:
            current += value
            small += value
        elif singular in ("dozen", "dz", "doz"):
            current = (
                current - small + (small or 1) * 12 if current != small else (current or 1) * 12
            )
            small = 0
        elif singular in SCALES:
            small = 0
            scale = SCALES[singular]
            if scale < 1000:
                current = (current or 1) * scale
            elif current == 0 and total and last_scale < scale:
                total *= scale
            else:
                total += (current or 1) * scale
                current = 0
            last_scale = max(last_scale, scale) if scale >= 1000 else last_scale
        else:
            return None
        seen = True
    return total + current if seen else None


def _fraction(words: list[str]) -> float | None:
    """ "two thirds", "a half", "three twenty-firsts", "one hundred and thirty-two fifths"."""
    den = _denominator(words[-1])
    if den is None:
        return None
    head = words[:-1]
    tens = {w for w in _TENS.split("|")}
    # "one twenty-fifth": a tens word after the count belongs to the denominator
    if den < 10 and len(head) >= 2 and head[-1] in tens and head[-2] != "and":
        den += SMALL_NUMBERS[head[-1]]
        head = head[:-1]
    numerator = _integer(head) if head else 1.0
    return None if numerator is None else numerator / den


def _words_value(words: list[str]) -> float | None:
    if "point" in words:
        index = words.index("point")
        whole = _integer(words[:index]) if index else 0.0
        digits = ""
        rest = words[index + 1 :]
        for position, word in enumerate(rest):
            value = SMALL_NUMBERS.get(word)
            if value is None:
                return None
            if (
                value >= 20
                and position + 1 < len(rest)
                and SMALL_NUMBERS.get(rest[position + 1], 10) < 10
            ):
                digits += str(int(value))[0]
            else:
                digits += str(int(value))
        return None if whole is None or not digits else whole + float("0." + digits)
    for joiner in ("over", "out"):
        if joiner in words:
            index = words.index(joiner)
            right = words[index + 1 :]
            right = right[1:] if right[:1] == ["of"] else right
            top, bottom = _words_value(words[:index]), _words_value(right)
            return top / bottom if top is not None and bottom else None
    if words[:3] == ["half", "a", "dozen"]:
        return 6.0
    if words[0] in ("half", "quarter") and len(words) > 1 and words[1] in SCALES:
        return SCALES[words[1]] / (2 if words[0] == "half" else 4)
    # a trailing scale after a fraction: "five and a half million", "two thirds of a million"
    tail_scale = 1
    if len(words) > 1 and words[-1] in SCALES:
        head = words[:-1]
        while head and head[-1] in ("of", "a", "an"):
            head = head[:-1]
        if head and head[-1] not in SMALL_NUMBERS and _denominator(head[-1]) is not None:
            tail_scale, words = SCALES[words[-1]], head
    if _denominator(words[-1]) is None or words[-1] in SMALL_NUMBERS:
        value = _integer(words)
        return None if value is None else value * tail_scale
    # split off a proper fraction after "and": "one hundred and three quarters"
    for index in range(len(words) - 1, 0, -1):
        if words[index] != "and":
            continue
        part = _fraction(words[index + 1 :])
        if part is not None and part < 1:
            whole = _integer(words[:index])
            if whole is None:
                return None
            scale = max((SCALES[w] for w in words[:index] if w in SCALES), default=1)
            if tail_scale > 1 and scale < tail_scale:
                return (whole + part) * tail_scale
            if tail_scale == 1 and scale >= 1_000_000:
                tail_scale = scale
            return whole + part * tail_scale
    part = _fraction(words)
    return None if part is None else part * tail_scale


_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mm": 1e6, "mil": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_SUFFIX_SCALES |= {"bln": 1e9, "t": 1e12, "tln": 1e12, "trn": 1e12}


def parse_number(text: str) -> float | None:
    """Value of "54", "1,200", "fifty-four", "3.5 million", "a dozen", "two thirds",
    "-1.5k", "one and a half", "3/4", "minus five point five"."""
    text = text.strip().lower().replace("\u202f", " ")
    if len(text) == 1 and text in VULGAR_FRACTIONS:
        return unicodedata.numeric(text)
    sign = 1.0
    signed = re.match(r"(?:-|minus\b|negative\b)\s*", text)
    if signed:
        sign, text = -1.0, text[signed.end() :]
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:\.\d+)?", text):
        text = text.replace(" ", "")
    text = text.replace(",", "")
    match = re.fullmatch(r"(?:(\d+)\s+)?(\d+)\s*/\s*(\d+)", text)
    if match:
        if not int(match.group(3)):
            return None
        whole = int(match.group(1) or 0)
        return sign * (whole + int(match.group(2)) / int(match.group(3)))
    match = re.fullmatch(
        r"(\d+(?:\.\d+)?|\.\d+)\s*(?:[x*]\s*10\s*\^\s*([+-]?\d+)|\^([+-]*\d+)|e([+-]?\d+))", text
    )
    if match:
        base = float(match.group(1))
        try:
            if match.group(3):
                power = match.group(3)
                negative = power.count("-") % 2
                exponent = -int(power.lstrip("+-")) if negative else int(power.lstrip("+-"))
                return sign * base**exponent
            exponent = int(match.group(2) or match.group(4))
            return sign * base * 10.0**exponent
        except (OverflowError, ZeroDivisionError):
            return None  # "0E310", "0^-1": no number a story reports
    match = re.fullmatch(r"(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)", text)
    if match:
        value = float(match.group(1))
        suffix = match.group(2)
        if suffix:
            scale = _SUFFIX_SCALES.get(suffix) or SCALES.get(suffix.rstrip("s"))
            if suffix.rstrip("s") in ("dozen", "doz", "dz"):
                scale = 12
            if scale is None:
                return None
            value *= scale
        return sign * value
    words = re.findall(r"\d+(?:\.\d+)?|\.\d+|[a-z]+", text.replace("'", ""))
    if not words:
        return None
    value = _words_value(words)
    return None if value is None else sign * value


# A share written as "1 in 5 adults", "one in twenty-one": the fraction it gives. The second
# number is never a year ("1 in 2026" is not a share).
SHARE = re.compile(
    rf"\b(?P<num>\d{{1,3}}|(?i:{_W}))\s+in\s+(?P<den>\d{{1,3}}(?:,\d{{3}})*|(?i:{_W}))"
    r"(?![\d,.%]|\s*(?i:per\s*cent|percent))"
)
# Decimal commas after dot-grouped thousands, as much of Europe writes them: "1.111,11"
EUROPEAN_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d|[,.]\d)")
# "more than half", "nearly half": a hedged half
HEDGED_HALF = re.compile(
    r"\b(?P<hedge>more than|less than|nearly|almost|about|over|under|roughly)\s+half\b"
    r"(?!\s+(?:an?\s|time|past))",
    re.IGNORECASE,
)
# "one one hundred fifth", "a two hundred and third": one part of a hundred and some (a
# plural, "ninety-five hundred fifths", is a count of fifths)
HUNDREDTHS_FRACTION = re.compile(
    r"\b(?P<num>(?i:one|an?))\s+(?P<hundreds>(?i:one|two|three|four|five|six|seven|eight"
    r"|nine)\s+)?hundred\s+(?:and\s+)?"
    r"(?P<ordinal>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\b"
)


def share_value(numerator: str, denominator: str) -> float | None:
    """The fraction of a SHARE match: "1", "twenty-one" -> 1/21, or None when the first
    number is larger (then it is not a share)."""
    num, den = parse_number(numerator), parse_number(denominator)
    if num is None or not den or num > den:
        return None
    return num / den


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
_PERCENT_WORD = r"(?i:per\s*cent(?:age)?s?)\b"
# "54%", "twenty percent", "minus five per cent", "percent of 10"; not "%20" in an address.
PERCENT = re.compile(
    rf"(?:\b(?P<hedge>{HEDGE_PATTERN})\s+)?(?<![%\w/=.])(?P<number>{NUMBER})"
    rf"\s*(?:%(?![0-9A-Za-z])|{_PERCENT_WORD})"
    rf"|\b{_PERCENT_WORD}\s+of\s+(?P<number2>{NUMBER})"
)
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR", "₩": "KRW"}
CURRENCY_SIGNS |= {"₽": "RUB", "₺": "TRY", "₡": "CRC", "₾": "GEL", "₭": "LAK"}
CURRENCY_SIGNS |= {"元": "CNY", "₿": "BTC"}
_SIGNS = "".join(CURRENCY_SIGNS)
_CODE = r"(?:USD|EUR|GBP|JPY|CNY|RMB|HKD|CAD|AUD|CHF|INR|usd|eur|gbp|jpy|cny|rmb|hkd)"
# Currency words after an amount: "420 million finnish markka", "50 cents", "2 billion yuan".
CURRENCY_WORDS = {
    "dollar": "USD",
    "cent": "USD",
    "euro": "EUR",
    "pence": "GBP",
    "penny": "GBP",
    "pennies": "GBP",
    "pounds sterling": "GBP",
    "franc": "CHF",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "kuai": "CNY",
    "rupee": "INR",
    "peso": "MXN",
    "peseta": "ESP",
    "markka": "FIM",
    "mark": "DEM",
    "guilder": "NLG",
    "lira": "TRY",
    "ruble": "RUB",
    "rouble": "RUB",
    "usd": "USD",
    "pound": "GBP",
    "bitcoin": "BTC",
    "btc": "BTC",
    "satoshi": "BTC",
}
_CURRENCY_WORD = (
    r"(?i:(?:(?:us|u\.s\.|american|australian|canadian|hong\s+kong|new\s+zealand|singapore"
    r"|swiss|french|belgian|finnish|dutch|turkish|chinese|german|mexican|indian)\s+)?"
    r"(?:dollars?|cents?|euros?|pence|penny|pennies|pounds\s+sterling|francs?|yen|yuan|renminbi"
    r"|rmb|kuai|rupees?|pesos?|pesetas?|markkaa?|marks|guilders?|liras?|lire|rubles?|roubles?"
    r"|usd|bitcoins?|btc|satoshis?|(?:(?<=llion )|(?<=usand ))pounds))\b"
)
# "3 dollars 50 cents", "one dollar and two", "17 USD 25"
_CENTS = (
    r"(?:\s+(?:and\s+)?(?P<{}>\d\d?|(?i:{}))(?:\s+cents?)?"
    r"(?=\s*(?:cents?\b|[.,;!?)]|$)|\s+(?:and|more)\b))?"
)
# "$ 14 million", "115USD", "30 MUSD", "420 million finnish markka", "3 dollars 50 cents".
# An amount of money is read as written, with no hedge range (as before).
MONEY = re.compile(
    rf"(?:(?P<sign>(?:\b(?i:us|hk|c|a|au|nz|s)\s*)?[{_SIGNS}]|\b{_CODE}|\bM(?P<msign>{_CODE}))"
    rf"\s*(?P<number>{NUMBER})"
    + _CENTS.format("cents3", _W).replace("(?:and\\s+)?", "and\\s+")
    # one try of the amount for both kinds of unit after it ("50 USD", "50 dollars")
    + rf"|(?<!\d)(?P<number2>{NUMBER})(?:\s*"
    rf"(?:(?P<code2>{_CODE})\b|M(?P<mcode>{_CODE})\b|(?P<sign2>[{_SIGNS}]))"
    r"(?:\s*(?P<scale2>million|billion)\b)?"
    + _CENTS.format("cents2", _W)
    + rf"|[\s-]+(?P<word>{_CURRENCY_WORD})"
    + _CENTS.format("cents", _W)
    + rf")|(?<!\d)(?P<number4>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<code4>{_CODE})\b"
    rf"|\b(?P<number5>{_W})-(?P<word5>{_CURRENCY_WORD})"
    rf"|\b(?i:dollars?)\s+(?P<number6>{NUMBER})" + ")"
)
# "3 hundred and 2 hundred": two numbers, not one (the same scale after "and")
SCALE_AND = re.compile(r"\b(?P<scale>hundred|thousand|million|billion)\s+and\s+", re.IGNORECASE)

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
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_NAMES = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu"
    "|fri|sat|sun"
)
_WEEKDAY_PREFIX = rf"(?i:{_WEEKDAY_NAMES})\.?,?\s+"
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + ")"
)
_DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])"
_DAY = rf"(?P<day>{_DAY_NUMBER}(?:st|nd|rd|th)?|{_ORDINAL_WORD})"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_YEAR_TAIL = r"(?:\s*[,/-]?\s*(?:of\s+|in\s+)?{}\b)?"
# Words before a bare year or month name that make it a time ("in 2014", "since August").
_LEAD = (
    r"(?:in|since|from|between|after|before|until|till|by|through|during|of|to|(?:the\s+)?year|early|late"
    r"|mid-?|(?:the\s+)?(?:end|start|beginning|middle)\s+of)"
)
_FULL_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|sept|jan|feb|apr|jun|jul|aug|sep|oct|nov|dec"
)
# "Feb. 4, 2026", "Dec31 , 1994", "February 4", "4 February 2026", "the 3rd of May",
# "fourth of July of 1995", "February 2025", "2026-02-04", "1/1/2015", "23.04.2022",
# "in 2014", "since August", "on 5/12".
DATE = re.compile(
    # every branch starts at a word boundary: one test turns down the inside of a word
    r"\b(?:" + rf"\b(?:{_WEEKDAY_PREFIX})?{_MONTH}(?:\s*[/-]\s*|\s*|,\s*(?=\d\d?(?:st|nd|rd|th)\b))"
    rf"(?:the\s+)?{_DAY}\b"
    + _YEAR_TAIL.format(_YEAR)
    + rf"|\b(?P<wname>{_WEEKDAY_NAMES})\.?,?\s+(?:the\s+)?(?P<wday>{_DAY_NUMBER}(?:st|nd|rd|th)?|"
    rf"{_ORDINAL_WORD})\b(?!\s*(?:[:./-]\d|%|(?i:[ap]\.?m\b|percent|o'?clock|hours?|minutes?"
    r"|days?|weeks?|months?|years?)))"
    # "Thursday 29 May" is a day of a month named: the next branch reads it whole
    rf"(?!\s+(?:of\s+)?(?:{_MONTH_NAMES})\b)"
    + rf"|\b(?<![.,$€£])(?<!\d:)(?<!\$\s)(?:{_WEEKDAY_PREFIX})?(?:the\s+)?"
    rf"(?P<day2>{_DAY_NUMBER}(?:st|nd|rd|th)?|{_ORDINAL_WORD})"
    rf"(?:\s*(?:-|to|and|till|until|through)\s*(?:the\s+)?(?:{_DAY_NUMBER}(?:st|nd|rd|th)?|"
    rf"{_ORDINAL_WORD}))?(?:\s+(?:day\s+)?(?:of\s+)?|\s*[/-]\s*)"
    rf"(?P<month2>{_MONTH_NAMES})\b\.?"
    + _YEAR_TAIL.format(r"(?:(?P<year2>(?:19|20)\d\d)|(?<=of )(?P<year2s>\d\d))")
    + r"|\b(?P<month3>january|february|march|april|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
    r"(?:\s*[/-]\s*|,?(?:\s+(?:of|in))?\s+)(?:(?P<year3>(?:19|20)\d\d)|(?<=of )(?P<year3s>\d\d))\b"
    r"|\b(?P<yf_year>(?:19|20)\d\d)\s+(?P<yf_month>january|february|april|june|july|august"
    r"|september|october|november|december)\b"
    rf"|\b(?P<ym_year>(?:19|20)\d\d)[-/](?:(?P<ym_month>{_MONTH_NAMES})[-/](?P<ym_day>{_DAY_NUMBER})"
    rf"|(?P<ym_day2>{_DAY_NUMBER})[-/](?P<ym_month2>{_MONTH_NAMES}))\b"
    r"|(?<![\d.,/])(?=[12])(?P<c_year>(?:19|20)\d\d)(?P<c_month>0[1-9]|1[0-2])(?P<c_day>0[1-9]|[12]\d|3[01])"
    r"(?!\d)"
    r"|\b(?P<ym2_year>(?:19|20)\d\d)-(?P<ym2_month>1[0-2]|0?[1-9])\b(?![-/.]\d)"
    r"|\b(?<![\d/.-])(?P<ny_month>1[0-2]|0?[1-9])[-/](?P<ny_year>(?:19|20)\d\d)\b(?![-/.]\d)"
    r"|\b(?P<iso_year>(?:19|20)\d\d)(?P<isep>[-/.])(?P<iso_month>1[0-2]|0?[1-9])(?P=isep)"
    r"(?P<iso_day>3[01]|[12]\d|0?[1-9])\b"
    rf"|\b(?<!\d)(?:(?<!-)|(?<=\d\d\d\d-)|(?<=\d/\d-)|(?<=\d/\d\d-))(?:{_WEEKDAY_PREFIX})?(?P<n1>\d{{1,2}})(?P<sep>[/.-])"
    r"(?P<n2>\d{1,2})(?P=sep)(?P<n_year>(?:19|20)\d\d|\d\d)\b(?![/.]\d|-\d++(?![/.-]\d))"
    rf"|(?:\b(?P<md_lead>on|from|to|by|until|till|since|this|next|last|between"
    rf"|(?:(?:this|next|last|coming)\s+)?(?:{_WEEKDAY_NAMES}))"
    r"\.?,?\s+|(?<![\w/.-])(?=\d)|(?<=\d-)(?=\d))(?:(?P<md_month>1[0-2]|0?[1-9])(?P<md_sep>[/.])"
    r"(?P<md_day>3[01]|[12]\d|0?[1-9])|(?P<dm_day>1[3-9]|2\d|3[01])(?P<dm_sep>[/.])"
    r"(?P<dm_month>1[0-2]|0?[1-9]))\b(?![/.]\d|\s*%)(?:,\s*(?P<md_year>(?:19|20)\d\d)\b)?"
    r"|\b(?:on\s+(?:the\s+)?|of\s+the\s+)(?P<lone_day>3[01]|[12]\d|0?[1-9])(?P<lone_sfx>st|nd|rd|th)?"
    r"\b(?=\s*(?:[,.;!?)-](?!\d)|$)|\s+(?:at|from|between|and|or|in|before|after|until|till|this|next"
    r"|last)\b)"
    rf"|\b(?=(?:the\s+)?[\w-]+\s+day\s+of\b)(?:the\s+)?(?P<dom>{_DAY_NUMBER}(?:st|nd|rd|th)|{_ORDINAL_WORD})\s+day\s+of\s+"
    r"(?P<dom_rel>the|this|next|last|previous)\s+month\b"
    r"|\b(?:after|later\s+than|greater\s+than|newer\s+than)\s+(?:the\s+year\s+)?"
    r"(?P<after_year>(?:19|20)\d\d)\b"
    rf"|\b{_LEAD}\s+(?P<year_only>(?:19|20)\d\d)\b(?![-/]\w|\s*(?:%|percent|people|[a-z]+s\b))"
    r"(?!\s+(?:january|february|april|june|july|august|september|october|november|december)\b)"
    r"|(?<![\d-])\b(?P<range_year>(?:19|20)\d\d)"
    r"(?=\s*(?:-|~|to|through|until|and)\s*(?:19|20)\d\d\b(?![-\d]))"
    r"|(?:(?<=\d{4} and )|(?<=\d{4} or )|(?<=\d{4} to )|(?<=\d{4} not )|(?<=\d{4}~))"
    r"(?P<range_end>(?:19|20)\d\d)\b(?![-\d])"
    rf"|\b(?:(?:from|between)\s+(?:this\s+)?)?(?P<rmonth>{_FULL_MONTHS})\.?\s*(?:-|to|till|until|through"
    rf"|and)\s*(?P<rmonth_end>{_FULL_MONTHS})\b\.?(?:,?\s+(?:in\s+|of\s+)?(?P<ryear>(?:19|20)\d\d)\b)?"
    rf"(?!\s*\d)"
    rf"|\b(?:{_LEAD}\s+(?:the\s+)?|mid-|(?:this|last|next)\s+(?!may\b|march\b))"
    rf"(?P<month_only>{_FULL_MONTHS})\b"
    rf"(?!\.?\s*,?\s*(?:of\s+|in\s+)?(?:\d|the\s|{_ORDINAL_WORD}))" + ")",
    re.IGNORECASE,
)
# Years and days written out: "nineteen ninety six", "two thousand and fifteen", "seventeen
# hundred thirty three"; "January twenty five nineteen eighty six", "October two thousand".
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_YEAR_TAIL_WORDS = rf"(?:(?:{_TENS})(?:[\s-]+(?:{_ONES}))?\b|(?:{_TEENS})\b|oh?[\s-]+(?:{_ONES})\b)"
_YEAR_WORDS = (
    rf"(?:(?:seventeen|eighteen|nineteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?{_YEAR_TAIL_WORDS}"
    rf"|two\s+thousand(?:\s+and)?(?:\s+(?:{_YEAR_TAIL_WORDS}|(?:{_ONES})\b))?)"
)
_DAY_WORDS = (
    rf"(?:{_ORDINAL_WORD}|(?:twenty|thirty)(?:[\s-]+(?:{_ONES}))?|{_TEENS}|{_ONES}"
    rf"|{_DAY_NUMBER}(?:st|nd|rd|th)?)\b"
)
# cheap test before the pattern below is tried on a text
YEAR_WORDS_HINT = re.compile(r"\b(?:thousand|hundred|seventeen|eighteen|nineteen|twenty)\b", re.I)
DATE_WORDS = re.compile(
    rf"\b(?P<month>{_FULL_MONTHS}|may|mar)\.?\s+(?:the\s+)?(?P<day>{_DAY_WORDS})(?!\s+thousand)"
    rf"(?:,?\s+(?P<year>{_YEAR_WORDS}))?"
    rf"|\b(?P<day2>{_DAY_WORDS})\s+(?:of\s+)?(?P<month2>{_FULL_MONTHS}|may|mar)\b\.?,?\s+"
    rf"(?P<year2>{_YEAR_WORDS})"
    rf"|\b(?P<month3>{_FULL_MONTHS}|may|mar)\b\.?,?\s+(?:of\s+)?(?P<year3>{_YEAR_WORDS})"
    rf"|\bin\s+(?P<year4>(?:seventeen|eighteen|nineteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?"
    rf"{_YEAR_TAIL_WORDS}|two\s+thousand(?:\s+and)?\s+(?:{_YEAR_TAIL_WORDS}|(?:{_ONES})\b))",
    re.IGNORECASE,
)


def year_from_words(text: str) -> int | None:
    """ "nineteen ninety six" 1996, "two thousand and five" 2005, "nineteen oh five" 1905."""
    words = re.sub(r"[\s-]+", " ", text.lower()).split()
    if words[:2] == ["two", "thousand"] or "hundred" in words:
        value = parse_number(" ".join(words))
        return int(value) if value is not None else None
    head = SMALL_NUMBERS.get(words[0])
    rest = [w for w in words[1:] if w not in ("o", "oh")]
    tail = parse_number(" ".join(rest)) if rest else None
    if head is None or tail is None or tail >= 100:
        return None
    return head * 100 + int(tail)


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

WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3}
WEEKDAY_ABBREVIATIONS |= {"thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY_WORDS = "|".join(sorted([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS], key=len, reverse=True))
PERIOD_OFFSETS = {
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "following": 1,
    "last": -1,
    "previous": -1,
    "past": -1,
}
_PERIOD_WORD = "|".join(PERIOD_OFFSETS)
DAY_WORDS = {
    "now": 0,
    "right now": 0,
    "tonight": 0,
    "tonite": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "last night": -1,
    "tmrw": 1,
    "tmr": 1,
    "the day after tomorrow": 2,
    "the day before yesterday": -2,
    "at the moment": 0,
    "at present": 0,
    "at the present time": 0,
    "at this time": 0,
}
_DAY_WORD = "|".join(sorted((w.replace(" ", r"\s+") for w in DAY_WORDS), key=len, reverse=True))
_COUNT = (
    r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:a\s+)?couple(?:\s+of)?"
)
# "forty", "twenty-one": counts written out beyond twelve
SPAN_COUNT = rf"{_COUNT}|{_W}"
_AGO_UNIT = r"(?:day|week|fortnight|month|year|hour|minute|min)s?"
# Periods named from now: "next week", "this Friday", "last month", "in two weeks",
# "3 days ago", "tonight", "Christmas 2020".
PERIOD = re.compile(
    # every branch starts at a word boundary: one test turns down the inside of a word
    r"\b(?:"
    +  # one branch for every "next ..." / "last ..." (one try per word instead of six)
    rf"\b(?:the\s+|this\s+)?(?P<prel>{_PERIOD_WORD})\s+"
    rf"(?:week(?:\s+on)?\s+(?P<weekday2>{_WEEKDAY_WORDS})\b"
    r"|(?:calendar\s+|working\s+|work\s*)?(?P<unit>week(?:end)?|month|year|decade|fortnight|hour)\b"
    rf"|(?P<weekday>{_WEEKDAY_WORDS})\b"
    rf"|(?:(?P<qcount>{_COUNT})\s+)?(?P<quarter>quarters?)\b"
    rf"|(?P<ncount>{SPAN_COUNT})\s+(?:business\s+|working\s+)?(?P<nunit>day|week|month|year|decade)s?\b"
    r"|(?P<nunit2>day|week|month|year|decade|hour|minute)s\b)"
    rf"|\b(?P<weekday3>{_WEEKDAY_WORDS})(?:\s+(?:morning|afternoon|evening|night))?\s+(?:of\s+)?"
    rf"(?P<wrel3>{_PERIOD_WORD})\s+week\b"
    r"|\b(?:q(?P<q>[1-4])[\s-]*(?P<qyear>(?:19|20)\d\d)|(?P<qyear2>(?:19|20)\d\d)[\s-]*q(?P<q2>[1-4]))\b"
    r"|\b(?:h(?P<h>[12])[\s-]*(?P<hyear>(?:19|20)\d\d)|(?P<hyear2>(?:19|20)\d\d)[\s-]*h(?P<h2>[12]))\b"
    r"|\b(?P<century>[12]?\d)(?:st|nd|rd|th)\s+century\b"
    r"|\bthe\s+(?P<week_after>week\s+after\s+next)\b"
    r"|\b(?:the|that)\s+(?P<weekend>weekend)\b"
    rf"|\bwithin\s+(?:the\s+)?(?:next\s+)?(?P<within>{_COUNT})\s*(?:day|week|month|year|hour|minute|min|h)s?\b"
    rf"|\bin\s+(?P<ahead>{_COUNT}|half\s+an?)\s+(?P<ahead_unit>day|week|fortnight|month|year|hour"
    r"|minute|min)s?\b"
    r"|\b(?P<ago_unit>day|week|fortnight|month|year|hour|minute|min)s?\s+"
    r"(?P<way>ago|from\s+now|hence|later)\b"
    rf"|\b(?P<day_word>{_DAY_WORD})\b"
    r"|\b(?:in\s+the\s+|the\s+)?week\s+(?P<week_no>[1-5]?\d)\b(?!\s*(?:of\b|%|[-:/.,]\d))"
    r"|\b(?P<part2>end|later|earlier|middle)\s+(?:of|in)\s+(?:the\s+)?"
    r"(?P<part_unit>day|week|month|year)\b"
    r"|\beo(?P<eo>[dwmy])\b"
    r"|\b(?P<ytd>year[\s-]+to[\s-]+date|ytd)\b"
    r"|(?<!up\s)\b(?P<to_date>to|till)\s+date\b(?!\s*\d)" + ")",
    re.IGNORECASE,
)
# The count before "next days" ("the 5 next days") and before "days ago" ("2 weeks and 2 days
# ago"), looked for backwards from those words (a count-first pattern is slow to try at every
# word of a text).
COUNT_BEFORE = re.compile(rf"\b(?:{SPAN_COUNT})\s+\Z", re.IGNORECASE)
COUNTS_BEFORE = re.compile(
    rf"\b(?:(?:{SPAN_COUNT})\s+{_AGO_UNIT},?\s+(?:and\s+)?)*(?:{SPAN_COUNT})\s+\Z", re.IGNORECASE
)
COUNT_WORDS = {"a": 1, "an": 1} | {w: v for w, v in SMALL_NUMBERS.items() if v <= 12}
HOLIDAYS = {
    "christmas eve": "fixed 12-24",
    "christmas day": "fixed 12-25",
    "christmas": "fixed 12-25",
    "xmas": "fixed 12-25",
    "new year's eve": "fixed 12-31",
    "new year's day": "fixed 1-1",
    "new year": "fixed 1-1",
    "valentine's day": "fixed 2-14",
    "valentine day": "fixed 2-14",
    "saint patrick's day": "fixed 3-17",
    "st. patrick's day": "fixed 3-17",
    "st patrick's day": "fixed 3-17",
    "saint patrick": "fixed 3-17",
    "halloween": "fixed 10-31",
    "independence day": "fixed 7-4",
    "boxing day": "fixed 12-26",
    "thanksgiving day": "weekday 11 3 4",
    "thanksgiving": "weekday 11 3 4",
    "labor day": "weekday 9 0 1",
    "memorial day": "weekday 5 0 -1",
    "mother's day": "weekday 5 6 2",
    "mothers day": "weekday 5 6 2",
    "father's day": "weekday 6 6 3",
    "fathers day": "weekday 6 6 3",
    "easter monday": "easter 1",
    "good friday": "easter -2",
    "black friday": "weekday 11 3 4",
    "easter sunday": "easter 0",
    "easter": "easter 0",
    "earth day": "fixed 4-22",
    "juneteenth": "fixed 6-19",
    "international workers' day": "fixed 5-1",
    "workers' day": "fixed 5-1",
    "eid al fitr": "islamic 10-1",
    "eid al-fitr": "islamic 10-1",
    "eid ul fitr": "islamic 10-1",
    "eid al adha": "islamic 12-10",
    "eid al-adha": "islamic 12-10",
}
HOLIDAY_SHIFTS = {"black friday": 1}
# "last Easter", "the following Christmas", looked for before a holiday's name
HOLIDAY_RELATION = re.compile(r"\b(?P<hrel>last|previous|next|following)\s+\Z", re.IGNORECASE)
HOLIDAY_RULES = {name.replace("'", ""): rule for name, rule in HOLIDAYS.items()}
HOLIDAY = re.compile(
    r"\b(?P<name>"
    + "|".join(sorted((re.escape(n).replace("'", "'?") for n in HOLIDAYS), key=len, reverse=True))
    + r")(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)

# Compounds read around a time already found (extract/times.py joins them).
SPAN_UNITS = {"day": "day", "week": "week", "fortnight": "fortnight", "month": "month"}
SPAN_UNITS |= {"year": "year", "decade": "decade"}
_SPAN = rf"(?:{_COUNT}|{_W}|couple(?:\s+of)?)\s+(?:day|week|fortnight|month|year)s?"
# "3 days after", "two weeks from", "more than 2 weeks before", "2 weeks and 2 days before"
SHIFT_BEFORE = re.compile(
    rf"(?:(?:more|less)\s+than\s+)?(?:in\s+)?(?P<spans>{_SPAN}(?:,?\s+(?:and\s+)?{_SPAN})*)\s+"
    r"(?P<way>from|after|before|since|prior\s+to)\s+(?:the\s+year\s+)?\Z",
    re.IGNORECASE,
)
SPAN = re.compile(
    rf"(?P<count>{_COUNT}|{_W}|couple(?:\s+of)?)\s+(?P<unit>day|week|fortnight|month|year)", re.I
)
# "the first week of", "the last 3 weeks of", "the third month of", "week 3 of", "the week
# of", "w/c", "the week beginning", "the weekend of", "mid-", "the end of", "later"
_NTH = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last"
    r"|1st|2nd|3rd|\d{1,2}th"
)
PART_BEFORE = re.compile(
    rf"(?:(?:the\s+)?(?P<nth>{_NTH})\s+(?:(?P<count>{_COUNT})\s+)?(?P<unit>week|month|day|quarter)s?"
    r"|(?:the\s+)?week\s+(?P<week_no>\d{1,2}))\s+of\s+(?:the\s+)?\Z"
    r"|(?P<week_of>(?:the\s+)?week\s+(?:of|beginning|starting|commencing)(?:\s+on)?|w/c)\s+(?:the\s+)?\Z"
    r"|(?P<weekend_of>(?:the\s+)?weekend\s+of)\s+\Z"
    r"|(?P<after>after\s+)?(?P<by>(?:by|before)\s+(?:the\s+)?)?"
    r"(?P<part>early|mid|middle|late|end|beginning|start|later|earlier)"
    r"(?:-|\s+(?:of\s+|in\s+)?)(?:the\s+)?\Z",
    re.IGNORECASE,
)
# "Monday two weeks from now", "in 3 days on Friday": a weekday in the week reached
WEEKDAY_BEFORE = re.compile(rf"\b(?P<weekday>{_WEEKDAY_NAMES})\b,?\s+\Z", re.IGNORECASE)
WEEKDAY_AFTER = re.compile(rf"(?<!\s)\s+on\s+(?P<weekday>{_WEEKDAY_NAMES})\b", re.IGNORECASE)
AFTER_BEFORE = re.compile(r"\bafter\s+\Z", re.IGNORECASE)
PARTS = {"early": "early", "beginning": "early", "start": "early", "mid": "mid", "middle": "mid"}
PARTS |= {"late": "late", "end": "end", "later": "later", "earlier": "earlier"}
EO_UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}
# "Christmas weekend", "labor day 2021 weekend"
WEEKEND_AFTER = re.compile(r"(?<!\s)(?:\s+(?P<year>(?:19|20)\d\d))?\s+weekend\b", re.IGNORECASE)
# "from May 5 to June 3", "Nov 18-Dec 19, 2015", "between 2007 and the end of 2008"
RANGE_WORDS = frozenset({"-", "–", "—", "~", "to", "till", "until", "thru", "through", "and"})
RANGE_LEAD = re.compile(r"(?:from|between)\s+(?:the\s+)?\Z", re.IGNORECASE)
# "moved from May 5 to May 9": a change of date, two dates, not a span
RANGE_MOVE = re.compile(
    r"\b(?:mov|postpon|delay|push|resched|chang|shift|brought|bring|advanc|put\s+off|pull)\w*"
    r"\b[^.;]{0,40}\Z",
    re.IGNORECASE,
)

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
        ("one hundred and twenty", 120),
        ("twenty-one", 21),
        ("3k", 3000),
        ("1.5 million", 1_500_000),
        ("one and a half", 1.5),
        ("two and a half million", 2_500_000),
        ("three quarters", 0.75),
        ("7/8", 0.875),
        ("minus 40", -40),
        ("four hundred thousand", 400_000),
        ("2 dozen", 24),
        ("1 200 000", 1_200_000),
        ("12,34,567.89", 1_234_567.89),
        ("three hundred and two dozens", 324),
        ("hundred thousand", 100_000),
        ("two out of five hundred", 0.004),
    ],
    # running text and the quantities in it: (quote, value), in text order
    "quantity": [
        ("1 in 5 adults", [("1 in 5", 0.2)]),
        ("one in twenty-one voters", [("one in twenty-one", 1 / 21)]),
        ("won 3 in 2026", [("3", 3)]),
        ("1.111,11 euros", [("1.111,11", 1111.11)]),
        ("more than half of the voters", [("half", 0.5)]),
        ("one one hundred and fifth", [("one one hundred and fifth", 1 / 105)]),
    ],
    # Running text that holds no number worth reading.
    "not_number": [
        ("Which one do you mean?", None),
        ("a first-class seat", None),
        ("the 180ml bottle", None),
        ("I will not do it.", None),
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
        ("the 3rd of May", "2026-04-20", "2026-05-03"),
        ("Dec. 31 , 1994", None, "1994-12-31"),
        ("on the fourth of July, 2025", None, "2025-07-04"),
        ("due 11/3/2024", None, "2024-11-03"),
        ("on 18.02.2023", None, "2023-02-18"),
        ("since August", "2026-11-07", "2026-08-01"),
        ("next week", "2026-02-11", "2026-02-16"),
        ("last Monday", "2026-02-11", "2026-02-02"),
        ("this Friday", "2026-02-11", "2026-02-13"),
        ("tonight", "2026-02-11", "2026-02-11"),
        ("three days ago", "2026-02-11", "2026-02-08"),
        ("in two weeks", "2026-02-11", "2026-02-25"),
        ("after 2018", "2026-02-11", "2019-01-01"),
        ("on Christmas Eve", "2026-02-11", "2025-12-24"),
        ("Tuesday, March 7, 2023", None, "2023-03-07"),
        ("next quarter", "2026-02-11", "2026-04-01"),
        ("in Q3 2025", "2026-02-11", "2025-07-01"),
        ("on tuesday of next week", "2026-02-11", "2026-02-17"),
        ("between 3 and 12 of Sept", "2026-08-01", "2026-09-03"),
        ("the past two years", "2026-02-11", "2024-02-11"),
        ("the 2-1 win took 90 minutes", "2026-02-11", None),
        ("This may take longer", "2026-02-11", None),
        ("Tel: 010-2015-2016", "2026-02-11", None),
        ("won 3-2 in 2-1 games", "2026-02-11", None),
        # spans read as their start, the year taken from the end
        ("from Jan 5 to Feb 3, 2025", None, "2025-01-05"),
        ("Nov 28-Dec 2, 2024", None, "2024-11-28"),
        ("on 5/3/2024-5/9/2024", None, "2024-05-03"),
        ("from 7/1-7/4, 2024", None, "2024-07-01"),
        # shifts from a time
        ("four weeks from March 2, 2026", None, "2026-03-30"),
        ("two days before yesterday", "2026-02-11", "2026-02-08"),
        ("5 months after Christmas 2024", None, "2025-05-25"),
        ("3 weeks and 2 days ago", "2026-02-11", "2026-01-19"),
        # parts of a period
        ("the first week of 2026", None, "2025-12-29"),
        ("the last week of March", "2026-02-11", "2026-03-23"),
        ("the third month of 2027", None, "2027-03-01"),
        ("the week of June 10, 2026", None, "2026-06-08"),
        ("later this week", "2026-02-09", "2026-02-12"),
        ("late July", "2026-05-01", "2026-07-16"),
        ("the end of 2024", None, "2024-09-01"),
        ("the 10th day of next month", "2026-02-11", "2026-03-10"),
        ("after Feb 2025", None, "2025-03-01"),
        ("Labor Day weekend", "2026-02-11", "2025-08-30"),
        # written forms
        ("Sat 14th", "2026-02-11", "2026-02-14"),
        ("Friday 3/6", "2026-02-11", "2026-03-06"),
        ("on the 18th", "2026-02-11", "2026-02-18"),
        ("see report-20240315.pdf", None, "2024-03-15"),
        ("due 2024/mar/05", None, "2024-03-05"),
        ("closed in 12-2024", None, "2024-12-01"),
        ("in April of 95", None, "1995-04-01"),
        ("in nineteen ninety-eight", None, "1998-01-01"),
        ("on June fifth two thousand and nine", None, "2009-06-05"),
        ("this past Tuesday", "2026-02-11", "2026-02-10"),
        ("last Easter", "2026-02-11", "2025-04-20"),
        ("the next two decades", "2026-02-11", "2030-01-01"),
        ("within the next 30 days", "2026-02-11", "2026-02-11"),
        ("in August two people died", "2026-02-11", "2026-08-01"),
        ("Monday two weeks from now", "2026-02-11", "2026-02-23"),
        ("from next Friday to Oct 1st 2026", "2026-02-11", "2026-02-20"),
        ("this Friday-Feb-13", "2026-02-11", "2026-02-13"),
        ("published 2015-3", None, "2015-03-01"),
        ("on October, 1st", "2026-02-11", "2025-10-01"),
        ("by the end of this year", "2026-02-11", "2027-01-01"),
        ("in H2 2025", None, "2025-07-01"),
        # running text with no time in it
        ("the 2011-12 season", "2026-02-11", None),
        ("the score was 3-1 at the end of the day", "2026-02-11", None),
        ("Section 8 of the 2011-12 budget", "2026-02-11", None),
        ("one of the first 20 points in the second half", "2026-02-11", None),
        ("sales grew in the 1990s", "2026-02-11", None),
        ("the office on the 4th floor", "2026-02-11", None),
        ("about 3/4 of voters and 2/3 of members", "2026-02-11", None),
        ("keep up to date with a last minute change", "2026-02-11", None),
        ("They may try twenty times; troops march on", "2026-02-11", None),
        ("in week 3 of the trial", "2026-02-11", None),
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
        ("the 12 delegates paid $ 40 million", 12, 12, "person"),
        ("more than 50 people were injured", 50, 75, "person:injured"),
        ("Among the dead were four children", 4, 4, "person:dead:subset"),
    ],
}
