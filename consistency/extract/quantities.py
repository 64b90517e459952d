"""Quantities: counts with the thing counted, ratios, percentages, money and measures."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from operator import itemgetter

from consistency import resources
from consistency.extract.prefilter import AnyOf, Scanner, english_scanner
from consistency.extract.ranges import percent_ranges
from consistency.extract.ranges import possible_zh as possible_zh_range
from consistency.extract.ranges import zh_scanners as zh_range_scanners
from consistency.lang import LazyModule, is_cjk, zh
from consistency.model import Mention, Quantity, copy_with, make, new_mention, template
from consistency.segment import Segments

# English patterns load with the first English text (start-up of a Chinese check).
en = LazyModule("consistency.lang.en", globals(), "en")

# Chinese numerals are also parts of words ("一直", "统一", "千万"); without a classifier
# after them they are not counted.
_CHINESE_NUMERAL_ONLY = re.compile(
    r"[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点]+"
)


# The Chinese patterns behind a first-character filter (prefilter.py): skipped when a text
# has none of the characters a match can start with.
_PERCENT = Scanner(zh.PERCENT)
_PERCENT_POINTS = Scanner(zh.PERCENT_POINTS)
_PERCENT_SPACED = Scanner(zh.PERCENT_SPACED)
_MONEY_SIGN = Scanner(zh.MONEY_SIGN)
_FRACTION = Scanner(zh.FRACTION)
_FRACTION_SLASH = Scanner(zh.FRACTION_SLASH)
_COUNT = Scanner(zh.COUNT)
_NUMERAL = Scanner(zh.NUMERAL)
_TENTHS = Scanner(zh.TENTHS)
_RATIO = Scanner(zh.RATIO)
_HALF = Scanner(zh.HALF)
_DIGIT_ANSWER = Scanner(zh.DIGIT_ANSWER)
_DOTTED_RUN = Scanner(zh.DOTTED_RUN)
_TOP_N = Scanner(zh.TOP_N)
# The patterns _chinese_rare reads, in three blocks (the percentage ranges' two among the
# percentages): a block none of whose patterns can match is skipped with one test, and when
# none of them can, the reader is not started. (Most sentences that pass have a ratio's "对"
# or ":" and nothing else: a test per pattern cost more than the few scans that then run.)
_RARE_HEAD = AnyOf(_DOTTED_RUN, _HALF)
_RARE_PERCENTS = AnyOf(*zh_range_scanners, _PERCENT, _PERCENT_POINTS, _PERCENT_SPACED, _TENTHS)
_RARE_TAIL = AnyOf(_MONEY_SIGN, _FRACTION_SLASH, _FRACTION)
_RARE_FIRST = AnyOf(
    _DOTTED_RUN,
    _HALF,
    _RATIO,
    *zh_range_scanners,
    _PERCENT,
    _PERCENT_POINTS,
    _PERCENT_SPACED,
    _TENTHS,
    _MONEY_SIGN,
    _FRACTION_SLASH,
    _FRACTION,
)
_RARE_LAST = AnyOf(_TOP_N, _DIGIT_ANSWER)


@cache
def _lexicon(language: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(counted words, role words) for a language, longest first, as (word, key)."""
    data = resources.load("units")
    counted = [(w, key) for key, words in data["counted"].items() for w in words[language]]
    roles = [(w, key) for key, words in data["roles"].items() for w in words[language]]
    return (
        sorted(counted, key=lambda item: -len(item[0])),
        sorted(roles, key=lambda item: -len(item[0])),
    )


def find_quantities(
    text: str, folded: str, language: str, segments: Segments, taken: list[tuple[int, int]]
) -> list[Mention]:
    """Quantity mentions, skipping spans already ``taken`` by time expressions.

    The readers propose candidates in a fixed order of priority; a candidate that overlaps a
    span taken before it (a time, or a quantity read earlier) is dropped."""
    # the spans taken so far, merged where they overlap: sorted starts and (so) sorted ends
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(taken):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    if language == "en":
        kept = [
            (start, end, quantity)
            for start, end, quantity in _english(folded, segments)
            if _take(starts, ends, start, end)
        ]
    else:
        kept = _chinese(folded, segments, starts, ends)
    if len(kept) > 1:
        kept.sort(key=_START)  # stable: at one offset, in the order they were read
    return [
        new_mention(_QUANTITY_MENTION, text[start:end], start, end, "quantity", quantity)
        for start, end, quantity in kept
    ]


_START = itemgetter(0)
# The records of every number read are built from a dict of their fields, filled by key:
# make()'s keywords cost twice as much, Quantity() three times (tests/test_speedups.py holds
# these against the dataclasses, every field).
_new = object.__new__
_QUANTITY_MENTION = template(Mention, kind="quantity")


def _quantity(
    low: float,
    high: float,
    kind: str = "number",
    unit: str | None = None,
    counted: str | None = None,
    counted_text: str | None = None,
    hedge: str | None = None,
) -> Quantity:
    """``Quantity(low, high, kind, unit, counted, counted_text, hedge=hedge)``."""
    quantity = _new(Quantity)
    fields = quantity.__dict__
    fields["low"] = low
    fields["high"] = high
    fields["kind"] = kind
    fields["unit"] = unit
    fields["counted"] = counted
    fields["counted_text"] = counted_text
    fields["ratio"] = None
    fields["hedge"] = hedge
    return quantity


def _take(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Take the span (start, end) unless it overlaps one taken before; ``starts`` and
    ``ends``: the taken spans, sorted and disjoint, kept so."""
    # the last taken span starting before this one ends must end before it starts
    index = bisect_left(starts, end)
    if index and ends[index - 1] > start:
        return False
    starts.insert(index, start)
    ends.insert(index, end)
    return True


def _hedged(value: float, hedge: str | None, table: dict[str, tuple[float, float]]) -> tuple:
    if not hedge:
        return value, value
    low, high = table[hedge.lower()]
    return value * low, value * high


def _role(folded: str, clause: tuple[int, int], language: str) -> str | None:
    """The role of counted people in a clause ("死亡", "injured"), nearest to nothing: first."""
    _, roles = _lexicon(language)
    window = folded[clause[0] : clause[1]].lower()
    # the first role word in the clause (one scan instead of a test per word); of the words
    # that start there, the smallest key, as min((position, key)) over all of them gives
    found = _role_pattern(language).search(window)
    if found is None:
        return None
    first = found.start()
    return min(key for word, key in roles if window.startswith(word, first))


@cache
def _role_pattern(language: str) -> re.Pattern[str]:
    _, roles = _lexicon(language)
    return re.compile("|".join(re.escape(word) for word, _ in roles))


@cache
def _counted_index(language: str) -> tuple[tuple[int, ...], dict[str, str]]:
    """The counted words by their text (the first listed wins), and their lengths, longest
    first: a lookup per length instead of a test per word."""
    counted, _ = _lexicon(language)
    index: dict[str, str] = {}
    for word, key in counted:
        index.setdefault(word, key)
    return tuple(sorted({len(word) for word in index}, reverse=True)), index


def _counted_key(noun_text: str, language: str) -> tuple[str | None, str | None]:
    """The counted thing a text starts with: the longest counted word it starts with."""
    lengths, index = _counted_index(language)
    lowered = noun_text.lower()
    for length in lengths:
        key = index.get(lowered[:length])
        if key is not None and len(lowered) >= length:
            return key, noun_text[:length]
    return None, None


Candidate = tuple[int, int, Quantity]


def _dotted_runs(folded: str) -> list[Candidate]:
    """Figures with two or more dots, each part a number ("2222.2222.22222.222")."""
    found = []
    for match in _DOTTED_RUN.finditer(folded):
        position = match.start()
        for part in match.group().split("."):
            value = float(part)
            found.append((position, position + len(part), _quantity(value, value)))
            position += len(part) + 1
    return found


def _chinese_rare(folded: str, starts: list[int], ends: list[int]) -> list[Candidate]:
    """The rare forms read before the counts: dotted runs, halves, ratios, percentage ranges,
    percentages, money signs and fractions, in that order (candidates, not yet checked
    against the spans taken, ``starts`` and ``ends``: none of them depends on what is
    taken, but a ratio inside a time is not read)."""
    found = []
    # (a block's readers are not even started when none of its patterns can match)
    if _RARE_HEAD.possible(folded):
        found += _dotted_runs(folded)
        for match in _HALF.finditer(folded):
            value = 50 if match.group("hundred") else 0.5  # "年过半百"
            found.append((match.start(), match.end(), _quantity(value, value)))
    if _RATIO.possible(folded):
        found += _chinese_ratios(folded, starts, ends)
    if _RARE_PERCENTS.possible(folded):
        found += _chinese_percents(folded)
    if _RARE_TAIL.possible(folded):
        found += _money_and_fractions(folded)
    return found


def _money_and_fractions(folded: str) -> list[Candidate]:
    """Money signs ("$20"), slashed fractions ("3/5") and written ones ("三分之一")."""
    found = []
    for match in _MONEY_SIGN.finditer(folded):
        value = zh.parse_number(match.group("number"))
        if value is not None:
            unit = zh.MONEY_SIGNS[match.group("sign")]
            quantity = _quantity(value, value, "money", unit)
            found.append((match.start(), match.end(), quantity))
    for match in _FRACTION_SLASH.finditer(folded):
        whole = int(match.group("whole") or 0)
        numerator, denominator = int(match.group("num")), int(match.group("den"))
        if denominator:
            value = (whole + numerator / denominator) * (-1 if match.group("sign") else 1)
            found.append((match.start(), match.end(), _fraction(value)))
    for match in _FRACTION.finditer(folded):
        denominator = zh.parse_number(match.group("den"))
        numerator = zh.parse_number(match.group("num"))
        whole = zh.parse_number(match.group("whole")) if match.group("whole") else 0.0
        if denominator and numerator is not None and whole is not None:
            value = numerator / denominator
            den_text = match.group("den").replace(" ", "")
            # "千分之一", "万分之三": parts per thousand or more, read as a percentage
            if (
                not match.group("whole")
                and den_text not in ("百", "十")
                and all(c in "百千仟万亿" for c in den_text)
            ):
                value *= 100
                found.append((match.start(), match.end(), _percent(value, value)))
                continue
            value = whole - value if whole < 0 else whole + value
            found.append((match.start(), match.end(), _fraction(value)))
    return found


def _percent(low: float, high: float) -> Quantity:
    return _quantity(low, high, "percent", "%")


def _fraction(value: float) -> Quantity:
    return _quantity(value, value, unit="fraction")


def _chinese(
    folded: str, segments: Segments, starts: list[int], ends: list[int]
) -> list[Candidate]:
    """(start, end, quantity) of the Chinese quantities in ``folded``, in the order read.

    ``starts`` and ``ends``: the spans taken so far (sorted, disjoint), kept up to date with
    what is taken here. The readers' order is their priority: the rare forms, the signed
    numbers, the counts, the Chinese numerals, the top so many and the digit answers; a
    candidate that overlaps a span taken before it is dropped. One function, one list:
    generators feeding generators cost more than the few candidates they carried."""
    kept: list[Candidate] = []
    if _RARE_FIRST.possible(folded):  # most sentences: none of them can match
        kept += [c for c in _chinese_rare(folded, starts, ends) if _take(starts, ends, c[0], c[1])]
    # After the fractions, so that "负3分之负157" and "-3/2" are read whole. One NUMERAL
    # walk: the signed Arabic numbers are read now, the Chinese numerals kept for after
    # the counts.
    spelled = []
    for match in _NUMERAL.finditer(folded):
        # the groups by position, one call without a name lookup each (the pattern's order
        # is held by tests/test_speedups.py)
        sign, arabic, exp, si, cn = match.groups()
        if cn:
            spelled.append((match, sign, cn))
        elif arabic and (sign or si or exp or arabic[0] == "."):
            # with a sign or a scale letter: "负1,200,000", "-1.2M", "100K" (a plain number
            # is a count or nothing)
            value = _signed_value(sign, arabic, exp, si)
            if value is not None and _take(starts, ends, match.start(), match.end()):
                kept.append((match.start(), match.end(), _quantity(value, value)))
    for match in _COUNT.finditer(folded):
        start, end = match.span()
        # the overlap test first, on the match's span: what it would give starts there and
        # ends no sooner (nearly half the numbers in news are inside dates and times)
        index = bisect_left(starts, end)
        if index and ends[index - 1] > start:
            continue
        quantity = _chinese_count(folded, match, segments)
        if quantity is None:
            continue
        coins = zh.MONEY_CHANGE.get(quantity.unit or "") if quantity.kind == "money" else None
        change = coins.match(folded, end) if coins and quantity.exact else None
        value = zh.money_change(change) if change else None
        if value is not None:
            total = round(quantity.low + value, 2)
            end, quantity = change.end(), copy_with(quantity, low=total, high=total)
        elif quantity.counted_text:
            # Quote the noun with its count: "34个国家", not "34个".
            counted_text = quantity.counted_text
            classifier = match.group("classifier")
            if folded.startswith(counted_text, end):
                end += len(counted_text)
            elif counted_text.startswith(classifier or "\0"):
                end += len(counted_text) - len(classifier)
        if _take(starts, ends, start, end):
            kept.append((start, end, quantity))
    for match, sign, text in spelled:
        candidate = _chinese_numeral(folded, match, sign, text, starts, ends)
        if candidate is not None:
            kept.append(candidate)
    if not _RARE_LAST.possible(folded):
        return kept
    for match in _TOP_N.finditer(folded):
        value = zh.DIGITS.get(match.group()) or 10
        if _take(starts, ends, match.start(), match.end()):
            kept.append((match.start(), match.end(), _quantity(value, value)))
    for match in _DIGIT_ANSWER.finditer(folded):
        value = zh.DIGITS[match.group()]
        if _take(starts, ends, match.start(), match.end()):
            kept.append((match.start(), match.end(), _quantity(value, value)))
    return kept


def _standalone(folded: str, start: int, end: int) -> bool:
    """Nothing but spaces or punctuation on either side: "一" alone is a number."""
    if start:
        before = folded[start - 1]
        if before.isalnum() or is_cjk(before):
            return False
    after = folded[end : end + 1]
    return not (after and (after.isalnum() or is_cjk(after)))


_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_CLOCK_WORDS = frozenset("am pm a.m p.m oclock o'clock o’clock hrs gmt utc".split())
_COUNTED_CURRENCIES = ("比特币",)
_NUMERAL_CHARACTERS = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
# up to two ideographs after a count, numerals excluded ("五双九点九": no noun)
_NOUN_AFTER_COUNT = re.compile(rf"(?:(?![{_NUMERAL_CHARACTERS}])[\u4e00-\u9fff]){{0,2}}")
# 兆瓦, 兆赫, 兆字节, 兆帕, 兆焦, 兆比特
_MEGA_UNIT_FIRST = frozenset("瓦赫字帕焦比")
_UNIT_CHARACTERS = frozenset("十拾百佰千仟万亿兆廿卅卌")


def _chinese_numeral(
    folded: str,
    match: re.Match[str],
    sign: str | None,
    text: str,
    starts: list[int],
    ends: list[int],
) -> Candidate | None:
    """A Chinese numeral with no classifier, taken: a number when written with units
    ("三万四千", "一百零五") or alone; a single digit inside words ("一直", "统一") is not a
    number. None when it is not one or overlaps a span taken."""
    start, end = match.span()
    if text.endswith("兆") and folded[end : end + 1] in _MEGA_UNIT_FIRST:
        # "一百兆瓦" is 100 megawatts: 兆 is the unit's prefix, not 10^12
        text, end = text[:-1].rstrip(), end - 1
    # the overlap test first (most of these are inside a count or a date), then the tests
    # on the text, then the value: each only when the ones before pass
    index = bisect_left(starts, end)
    if index and ends[index - 1] > start:
        return None
    if sign:
        text = sign.strip() + text
    core = text.replace(" ", "").lstrip("负")
    if core in zh.NOT_NUMBERS or core in ("万", "亿", "兆", "两两"):
        return None
    if not _standalone(folded, start, end):
        before = folded[start - 1 : start] if start else ""
        if before in ("第", "周", "期", "礼", "拜"):
            return None
        if folded[end : end + 1] in ("年", "月", "日", "号", "点", "时", "分", "届", "次"):
            return None
        # "伍", "陆地", "肆意": a financial digit alone is a word; with units it is a number
        units = len(core) > 1 and not _UNIT_CHARACTERS.isdisjoint(core)
        if not (units or ("点" in core and len(core) > 2)):
            return None
    value = zh.parse_number(text)
    if value is None:
        return None
    starts.insert(index, start)
    ends.insert(index, end)
    return start, end, _quantity(value, value)


def _signed_value(sign: str | None, arabic: str, exp: str | None, si: str | None) -> float | None:
    """The value of an Arabic number with a sign, an exponent or a scale letter."""
    value = zh.parse_number(arabic)
    if exp:
        value = en.parse_number(arabic.replace(",", "") + exp)
    if value is None:
        return None
    if si:
        value *= zh.SI_SCALES[si.lower()]
    return -value if sign else value


def _chinese_percents(folded: str) -> list[Candidate]:
    """Percentage ranges and ceilings, percentages ("12%", "百分之十二"), points ("12个百分
    点"), spaced ones ("百 分 之 十") and tenths ("三成", "八五折"), in that order."""
    found = percent_ranges(folded, "zh") if possible_zh_range(folded) else []
    for match in _PERCENT.finditer(folded):
        cn, arabic, negative, hedge = match.group("cn", "number", "neg", "hedge")
        number = zh.parse_number(cn or arabic)
        if number is None:
            continue
        if negative:
            number = -number
        low, high = _hedged(number, hedge, zh.HEDGE_PREFIXES)
        found.append((match.start(), match.end(), _percent(low, high)))
    for pattern in (_PERCENT_POINTS, _PERCENT_SPACED):
        for match in pattern.finditer(folded):
            value = zh.parse_number(match.group("number"))
            if value is not None:
                value *= 1000 if match.group("si") else 1
                found.append((match.start(), match.end(), _percent(value, value)))
    for match in _TENTHS.finditer(folded):
        number = match.group("number")
        half_price = number in ("半", "对") and match.group("unit") == "折"
        value = 5 if half_price else 0.5 if number == "半" else zh.parse_number(number)
        if value is None:
            continue
        compact = number.replace(" ", "")
        # "八五折" is 85%, "75折" 75%, "八折" and "2.5成" tenths
        if match.group("unit") == "成" or (
            not (compact.isdigit() and len(compact) == 2)
            and not (len(compact) == 2 and all(c in zh.DIGITS for c in compact))
        ):
            value *= 10
        tail = match.group("tail")
        if tail:
            value += 5 if tail == "半" else zh.DIGITS[tail]
        found.append((match.start(), match.end(), _percent(value, value)))
    return found


def _chinese_ratios(folded: str, starts: list[int], ends: list[int]) -> list[Candidate]:
    """Ratios ("54比1", "3:2"), but those inside the spans already taken (times: "10:30"),
    which would be dropped whatever is read before them (``starts`` and ``ends``, sorted)."""
    found = []
    for match in _RATIO.finditer(folded):
        start, end = match.span()
        index = bisect_left(starts, end)
        if index and ends[index - 1] > start:
            continue
        left_text, right_text = match.group("left", "right")
        left = zh.parse_number(left_text)
        right = zh.parse_number(right_text)
        if (
            left is None
            or right is None
            or (
                left_text.isdigit() is False
                and (_CHINESE_NUMERAL_ONLY.fullmatch(left_text) and len(left_text) == 1)
            )
        ):
            continue
        quantity = make(
            Quantity, low=min(left, right), high=max(left, right), kind="ratio", ratio=(left, right)
        )
        found.append((start, end, quantity))
    return found


_DURATION_WORDS = tuple(zh.DURATION_UNITS)


def _chinese_count(folded: str, match: re.Match[str], segments: Segments) -> Quantity | None:
    # the groups in one call, by position (this runs for every number in the text; the
    # pattern's order is held by tests/test_speedups.py)
    hedge, vague, number_text, suffix, scale_word, classifier = match.groups()
    start = match.start()
    before = folded[start - 1 : start] if start else ""
    # "G7", "A320", "第3": names and ordinals, not quantities.
    if (before.isascii() and before.isalpha()) or before == "第":
        return None
    if classifier == "打":  # a dozen: "十打苹果" is 120, "壹打" 12
        value = zh.parse_number(number_text or "")
        if value is None or vague or hedge:
            return None
        return _quantity(value * 12, value * 12)
    # "陆部队", "拾起": a financial numeral alone is a word
    if number_text in _FINANCIAL:
        return None
    if vague:
        scale = zh.parse_number("一" + vague) or 10
        low, high = 2 * scale, 9 * scale
    else:
        value = zh.parse_number(number_text)
        if value is None:
            return None
        if (
            not scale_word
            # (an Arabic number is no Chinese numeral: its first character says so)
            and not number_text[0].isascii()
            and _CHINESE_NUMERAL_ONLY.fullmatch(number_text)
            and (
                not classifier
                or (value <= 1 and not (len(classifier) > 1 and classifier in zh.MEASURE_UNITS))
                or (len(number_text) == 1 and number_text in "百千万亿兆")
            )
        ):
            # "一个", "一名": an article more often than a count, so a number, never a
            # claim; "一美元" is money ("一元化" is not)
            if (
                classifier not in (None, "起")
                and value <= 1
                and len(number_text) == 1
                and not hedge
            ):
                return _quantity(value, value, unit=_PAIRS.get(classifier))
            return None
        low, high = _hedged(value, hedge, zh.HEDGE_PREFIXES)
        if suffix:
            step = 10 ** max(0, len(str(int(value))) - 1) if value >= 10 else 1
            low, high = value, value + step
        if scale_word:
            scale = zh.BIG_UNITS[scale_word]
            low, high = low * scale, high * scale
    end = match.end()
    following = folded[end : end + 8]
    after_ascii = following[:1]
    if not classifier and after_ascii.isascii() and after_ascii.isalpha():
        return None
    if classifier in zh.MEASURE_UNITS:
        unit = zh.MEASURE_UNITS[classifier]
        kind = "money" if unit.isupper() else "measure"
        return _quantity(low, high, kind, unit, hedge=hedge)
    # "20个比特币", "3枚比特币": a currency counted by a classifier
    coin = (
        next((w for w in _COUNTED_CURRENCIES if following.startswith(w)), None)
        if classifier in ("个", "枚")
        else None
    )
    if coin:
        unit = zh.MEASURE_UNITS[coin]
        return _quantity(low, high, "money", unit, counted_text=coin, hedge=hedge)
    # only a bare or 个 count can be a duration; one C-level test before the table's order
    duration = (
        next(
            (unit for word, unit in zh.DURATION_UNITS.items() if following.startswith(word)),
            None,
        )
        if classifier in (None, "个") and following.startswith(_DURATION_WORDS)
        else None
    )
    if duration:
        return _quantity(low, high, "measure", duration, hedge=hedge)
    if not classifier:
        return _quantity(low, high, hedge=hedge)
    subset = _subset(folded, segments, start)
    if classifier in zh.SPECIFIC_CLASSIFIERS:
        # "39枚金牌": the thing counted when the lexicon knows it, else the classifier
        key, noun = _counted_key(classifier + following, "zh")
        return _quantity(
            low,
            high,
            "count",
            counted=(key or classifier) + subset,
            counted_text=noun or classifier,
            hedge=hedge,
        )
    key, noun = _counted_key(classifier + following, "zh")
    if key is None:
        key, noun = _counted_key(following, "zh")
    if key is None:
        # An unknown noun: compare only with the same written noun ("11份文件"); with no
        # noun after the count, with the words before it ("新开门店312家" is not
        # "门店总数达2,046家").
        noun = _NOUN_AFTER_COUNT.match(following).group()
        key = noun or f"{classifier}:{_qualifier(folded, segments.clause_at(start)[0], start)}"
        noun = noun or classifier
    if key == "person":
        role = _role(folded, segments.clause_at(start), "zh")
        # People are compared by what happened to them (killed, injured) or by what they
        # are (代表, 候选人); "201名候选人" and "88名议员" are different groups.
        if role:
            key = f"person:{role}"
        else:
            specific = noun if noun not in (None, "人", "名", "位") else _person_noun(following)
            if specific:
                # "181名乘客及机组员": passengers and crew together are another group
                rest = following[following.find(specific) + len(specific) :]
                if rest[:1] in ("及", "和", "与", "、") and (other := _person_noun(rest[1:])):
                    specific += "及" + other
            key = f"person:{specific}" if specific else key
    key += subset
    return _quantity(low, high, "count", _PAIRS.get(classifier), key, noun, hedge)


def _subset(folded: str, segments: Segments, start: int) -> str:
    """What the words before a count in its clause make of it: ":subset" a part of a total
    just given ("其中重伤5人", "其中在中国销售的21,400辆"), ":other" another group beside
    the one just counted ("另有12艘船改道"), else ""."""
    # (most texts hold none of the words: their clauses are then not even split)
    if "其中" not in folded and "另" not in folded:
        return ""
    clause = segments.clause_at(start)
    lead = folded[clause[0] : start]
    return ":subset" if "其中" in lead else ":other" if "另有" in lead or "另外" in lead else ""


# Classifiers that count pairs: "四双鞋" is four pairs (eight shoes)
_PAIRS = {"双": "pair", "对": "pair"}
_QUALIFIER_TAIL = re.compile(r"(?:已达|达到|达|为|是|有|共|约|共计|总计|合计|增至|升至)+$")


def _qualifier(folded: str, clause_start: int, number_start: int) -> str:
    """Up to four characters of what stands before a count, its verb left out."""
    before = _QUALIFIER_TAIL.sub("", folded[clause_start:number_start])
    words = re.findall(r"[\u4e00-\u9fff]+", before)
    return words[-1][-4:] if words else ""


def _person_noun(following: str) -> str | None:
    """The noun after "201名": "候选人", "大法官" (of "8名大法官全数赞成"): up to four
    characters, ending before a word that cannot be part of it, so that different groups stay
    apart; rules take a noun ending another ("法官" of "大法官") for the same group."""
    if following[:1] in ("人",):
        following = following[1:]
    noun = ""
    for index, char in enumerate(following[:4]):
        if char in _NOT_IN_NOUN or following[index : index + 2] in _NOT_NOUNS:
            break
        if not "\u4e00" <= char <= "\u9fff":
            break
        noun += char
    if len(noun) < 2:
        return None
    # the longest reading that ends as nouns for people end ("候选人" of "候选人角逐")
    ends = [length for length in range(len(noun), 1, -1) if noun[length - 1] in _PERSON_ENDS]
    return noun[: ends[0]] if ends else noun[:2]


# The last characters of nouns for people: 候选人, 警员, 大法官, 死者, 村民, 女童, 乘客 …
_PERSON_ENDS = frozenset("人员者官生民工师兵警手童客长士家众属表孩女男子囚犯匪")
# Characters that start what follows a noun, not the noun (全数赞成, 一致同意, 已经, 被困,
# 在场, 和, 等, 的).
_NOT_IN_NOUN = frozenset("全都一已被在于将等和与及也共均皆正仍还就所其的中")


# Words that can follow a count of people without naming who they are.
_NOT_NOUNS = frozenset(
    "参加 出席 死亡 受伤 遇难 投票 左右 以上 以下 之多 参与 获得 已经 被捕".split()
)


_SUBSET_WORDS = "among|including|of whom|of them|of which"
_ENGLISH_SUBSET = re.compile(rf"\b(?:{_SUBSET_WORDS})\b", re.IGNORECASE)
# the same words anywhere: a text without them has no subset word before any of its counts
_ENGLISH_SUBSET_WORDS = re.compile(_SUBSET_WORDS, re.IGNORECASE)


_DETERMINER = re.compile(
    r"\b(?:the|this|that|which|each|every|any|no|another|such|one)\s+$", re.IGNORECASE
)


def _english_parts(text: str, value: float) -> list[tuple[int, int, float]]:
    """The numbers of "3 hundred and 2 hundred" (one scale twice) or "12 out of 10" (more
    than a whole), as (offset, length, value); empty when the text is one number."""
    lowered = text.lower()
    joint = en.SCALE_AND.search(text)
    if joint and lowered.rstrip("s").endswith(joint.group("scale").lower()):
        cut, rest = joint.end("scale"), joint.end()
    elif value > 1 and " out of " in lowered:
        cut = lowered.index(" out of ")
        rest = cut + len(" out of ")
    else:
        return []
    first, second = en.parse_number(text[:cut]), en.parse_number(text[rest:])
    if first is None or second is None:
        return []
    return [(0, cut, first), (rest, len(text) - rest, second)]


def _english_money(folded: str):
    for match in english_scanner("MONEY").finditer(folded):
        text = (
            match.group("number")
            or match.group("number2")
            or match.group("number4")
            or match.group("number5")
            or match.group("number6")
        )
        number = en.parse_number(text)
        if number is None:
            continue
        if match.group("scale2"):
            number *= en.SCALES[match.group("scale2")]
        if match.group("msign") or match.group("mcode"):
            number *= 1e6
        cents_text = match.group("cents") or match.group("cents2") or match.group("cents3")
        if cents_text:
            cents = en.parse_number(cents_text)
            number += (cents or 0) / 100
        written = match.group("sign") or match.group("sign2") or ""
        sign = written[-1:] if written[-1:] in en.CURRENCY_SIGNS else ""
        code = (
            match.group("code2")
            or match.group("code4")
            or match.group("mcode")
            or match.group("msign")
            or ("" if sign else written)
        )
        if sign:
            unit = en.CURRENCY_SIGNS[sign]
        elif code and code.upper() in ("USD", "EUR", "GBP", "JPY", "CNY", "HKD", "CAD"):
            unit = code.upper()
        elif code:
            unit = {"RMB": "CNY"}.get(code.upper(), code.upper())
        else:
            word = (match.group("word") or match.group("word5") or "dollar").lower().split()[-1]
            unit = next((u for w, u in en.CURRENCY_WORDS.items() if word.startswith(w[:5])), "USD")
        yield match.start(), match.end(), Quantity(number, number, "money", unit=unit)


def _english_fractions(folded: str):
    """Shares ("1 in 5"), European decimals ("1.111,11"), hedged halves ("more than half")
    and hundred-ordinal fractions ("one one hundred fifth")."""
    for match in english_scanner("SHARE").finditer(folded):
        value = en.share_value(match.group("num"), match.group("den"))
        if value is not None:
            yield match.start(), match.end(), Quantity(value, value, "number", unit="fraction")
    for match in english_scanner("EUROPEAN_DECIMAL").finditer(folded):
        value = float(match.group().replace(".", "").replace(",", "."))
        yield match.start(), match.end(), Quantity(value, value, "number")
    for match in english_scanner("HEDGED_HALF").finditer(folded):
        start = match.end() - len("half")
        yield start, match.end(), Quantity(0.5, 0.5, "number", hedge=match.group("hedge"))
    for match in english_scanner("HUNDREDTHS_FRACTION").finditer(folded):
        hundreds = en.parse_number((match.group("hundreds") or "one").strip().lower())
        ordinal = en.ORDINALS[match.group("ordinal").lower()]
        if hundreds is not None:
            value = 1 / (hundreds * 100 + ordinal)
            yield match.start(), match.end(), Quantity(value, value, "number", unit="fraction")


def _english(folded: str, segments: Segments):
    yield from _english_fractions(folded)
    yield from _english_money(folded)
    yield from percent_ranges(folded, "en")
    for match in english_scanner("PERCENT").finditer(folded):
        number = en.parse_number(match.group("number") or match.group("number2"))
        if number is not None:
            low, high = _hedged(number, match.group("hedge"), en.HEDGES)
            yield match.start(), match.end(), Quantity(low, high, "percent", unit="%")
    # A clause's role is read once, and the subset words are looked for before each count
    # only in a text that holds one: per count, a data dump's one long clause of thousands
    # of numbers took time quadratic in its length.
    roles: dict[tuple[int, int], str | None] = {}
    subset_words = _ENGLISH_SUBSET_WORDS.search(folded) is not None
    for match in english_scanner("COUNT").finditer(folded):
        number = en.parse_number(match.group("number"))
        if number is None:
            continue
        start = match.start()
        parts = _english_parts(match.group("number"), number)
        if parts and not match.group("hedge"):
            # "3 hundred and 2 hundred", "12 out of 10": two numbers written side by side
            for offset, length, value in parts:
                part_start = match.start("number") + offset
                yield part_start, part_start + length, Quantity(value, value, "number")
            continue
        before = folded[max(0, start - 1) : start]
        # "the one you mentioned", "which one": a pronoun, not a number
        if match.group("number").lower() == "one" and _DETERMINER.search(
            folded, max(0, start - 12), start
        ):
            continue
        if before and (before.isalnum() or before in "$€£¥"):
            if before in "$€£¥":
                yield (
                    start - 1,
                    match.end("number"),
                    Quantity(
                        number,
                        number,
                        "money",
                        unit={"$": "USD", "€": "EUR", "£": "GBP"}.get(before, "CNY"),
                    ),
                )
            continue
        low, high = _hedged(number, match.group("hedge"), en.HEDGES)
        noun_text = match.group("noun") or ""
        first_word = noun_text.split()[0].lower() if noun_text else ""
        if first_word in en.MEASURE_UNITS:
            end = match.start("noun") + len(first_word)
            yield start, end, Quantity(low, high, "measure", unit=first_word)
            continue
        if first_word.rstrip(".,;") in _CLOCK_WORDS:
            # "9 am", "10 o'clock": a time of day, never a count of things
            yield start, match.end("number"), Quantity(low, high, "number")
            continue
        key, noun = _counted_key(noun_text, "en")
        if key is None and noun_text:
            first = noun_text.split()[0]
            # Skip words that never follow a count of things ("54 percent", "2026 and").
            if first.lower() in {"and", "or", "to", "of", "in", "on", "percent", "per"}:
                key = None
            else:
                key, noun = _counted_key(noun_text.split(maxsplit=1)[-1], "en")
                if key is None:
                    key = noun = first.lower()
        end = match.end("noun") if noun else match.end("number")
        if noun:
            end = match.start("noun") + match.group("noun").lower().find(noun.lower()) + len(noun)
        clause = segments.clause_at(start)
        if key == "person" or key is None:
            if clause not in roles:
                roles[clause] = _role(folded, clause, "en")
            role = roles[clause]
            if role:
                key = f"person:{role}"
        # "Among the dead were four children": a part of a total, not another total.
        if key is not None and subset_words and _ENGLISH_SUBSET.search(folded, clause[0], start):
            key += ":subset"
        if key is None:
            yield start, match.end("number"), Quantity(low, high, "number")
            continue
        # "6.4 quake", "4.1 foreshock": a magnitude, not a number of things.
        kind = "count" if float(number).is_integer() else "number"
        yield (
            start,
            end,
            Quantity(low, high, kind, counted=key, counted_text=noun, hedge=match.group("hedge")),
        )
