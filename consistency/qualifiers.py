"""Qualifiers of a claim: who says it, whether it is a plan, as of when, in which time zone,
and, for a percentage, what rate it is and for whom.

An editor reads "据路透社报道，12人死亡，而新华社称15人死亡" as two sources disagreeing,
not the article contradicting itself; "原定于3月5日举行" against "3月6日举行" as a plan
that changed; "截至1月底120家" against "截至2月底150家" as two moments; "北京时间2月5日"
against "Feb. 4, Washington time" as one moment in two time zones. The rules read these
qualifiers to lower a finding to info or to leave two claims uncompared.
"""

from __future__ import annotations

from dataclasses import dataclass

# re.compile here defers compiling each pattern to its first use (LazyPattern): start-up
from consistency.lang import deferred_re as re
from consistency.model import Mention
from consistency.segment import Segments

# ---- attribution -------------------------------------------------------------------------

_ZH_ACTOR = r"[A-Za-z\u4e00-\u9fff·]{2,12}?"
_ZH_SOURCES = (
    # "据路透社报道", "根据警方通报", "另据新华社消息"
    re.compile(
        rf"(?:另据|根据|据)(?P<source>{_ZH_ACTOR})的?"
        r"(?:报道|报导|消息|通报|统计|介绍|披露|公布|数据|称|说|表示)"
    ),
    # "而新华社称", "，警方表示": an actor at the start of a clause, then a verb of saying
    re.compile(
        r"(?:^|(?<=[\s，,。；;：:、“”\"(（])|(?<=而|但)|(?<=不过|另外|此外|同时))"
        rf"(?P<source>{_ZH_ACTOR})(?:援引[^，,。；;]{{0,12}}?)?"
        # "称" of saying, not of naming ("简称", "被称为")
        r"(?:报道称|报导称|发布消息称|声称|宣称|(?<![简堪号俗通统名被])称(?![为作])"
        r"|报道|报导|表示|透露|宣布|通报)"
    ),
)
_EN_NAME = r"(?:[Tt]he\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}"
_EN_SOURCES = (
    re.compile(rf"\b(?i:according\s+to)\s+(?P<source>{_EN_NAME})"),
    re.compile(
        rf"(?P<source>{_EN_NAME})\s+(?:said|says|reported|reports|told|announced|put\s+the)\b"
    ),
)
# Words that start a sentence or stand for one, not a source: "This said", "It reported".
_NOT_SOURCES = frozenset(
    "it this that he she they we i there he 他 她 他们 这 这是 有关 相关 报道 记者 初步 不完全 "
    "最新".split()
)


# Conjunctions and articles before a source's name: "而新华社称", "the Associated Press".
_LEADING = re.compile(r"^(?:[Tt]he\s+|而|但|不过|另外|此外|同时|另据|根据|据|另)")


def _sources(folded: str, sentence: tuple[int, int], language: str) -> list[tuple[int, int, int]]:
    """(position, start, end) of each attribution and its source's name in a sentence, in
    text order."""
    patterns = _EN_SOURCES if language == "en" else _ZH_SOURCES
    found = []
    for pattern in patterns:
        for match in pattern.finditer(folded, *sentence):
            source = match.group("source")
            lead = len(_LEADING.match(source).group()) if _LEADING.match(source) else 0
            start, end = match.start("source") + lead, match.end("source")
            if folded[start:end].strip().lower() not in _NOT_SOURCES:
                found.append((match.start(), start, end))
    return sorted(found)


def source_of(
    text: str, folded: str, sentence: tuple[int, int], position: int, language: str
) -> str | None:
    """Who a statement is attributed to, as written in ``text``: the last attribution
    before it in its sentence, or one after it ("12 people died, Reuters reported")."""
    found = _sources(folded, sentence, language)
    before = [(start, end) for at, start, end in found if at < position]
    chosen = before[-1] if before else found[0][1:] if found else None
    return text[chosen[0] : chosen[1]].strip() if chosen else None


# ---- plans -------------------------------------------------------------------------------

# "拟" of a plan, not of "模拟", "虚拟", "草拟"
_ZH_PLAN = re.compile(
    r"将于|将在|原定|原计划|计划于|计划在|计划|(?<![模虚草比])拟|预计|预定|定于|有望|即将"
)
# "due to" and "set to" only after a form of "be": "due to the storm" gives a cause.
_EN_PLAN = re.compile(
    r"\b(?:will|would|(?:is|are|was|were)\s+(?:expected|due|set)\s+to|plans?\s+to|planned"
    r"|scheduled|originally)\b",
    re.IGNORECASE,
)


# How far before a date or a count its plan word may stand: "原定于3月5日", "will be held
# in Geneva on March 5"; a plan word after it is about something else ("said on March 3
# that it would recall").
_PLAN_BEFORE = {"zh": 10, "en": 40}


def modality_of(folded: str, clause: tuple[int, int], position: int, language: str) -> str | None:
    """ "plan" when the clause speaks of what is planned or expected, not of what happened."""
    pattern = _EN_PLAN if language == "en" else _ZH_PLAN
    start = max(clause[0], position - _PLAN_BEFORE.get(language, 10))
    return "plan" if pattern.search(folded, start, max(start, position)) else None


# ---- as of -------------------------------------------------------------------------------

_ZH_AS_OF = re.compile(
    r"(?:截至|截止到|截止)(?P<when>[^，,。；;\s]{1,14}?)(?:为止|止)?(?=[，,。；;\s])"
    # "到當天下午8時", "到当地时间今晚8时截止投票时": by an hour of a day
    r"|(?<![达得])到(?P<by>(?:当天|当日|今天|今晚|当晚|当地时间|\d{1,2}日)[^，,。；;\s]{0,8}?\d{1,2}\s*[时点])"
)
_EN_AS_OF = re.compile(r"\b(?i:as\s+of|as\s+at)\s+(?P<when>[^,.;\n]{1,30}?)(?=[,.;\n]|$)")


def as_of(folded: str, sentence: tuple[int, int], position: int, language: str) -> str | None:
    """The time a figure holds at ("截至1月底", "as of Monday"): the last one written before
    it in its sentence, else one after it."""
    found = [
        (match.start(), _when(match.group("when") or match.group("by")))
        for match in (_EN_AS_OF if language == "en" else _ZH_AS_OF).finditer(folded, *sentence)
    ]
    found = [item for item in found if item[1] and _timeish(item[1])]
    before = [when for start, when in found if start < position]
    if before:
        return before[-1]
    # after it only in its own clause: "12 dead as of Monday", not "新开门店312家，截至年末…"
    after = [when for start, when in found if not re.search(r"[,，;；]", folded[position:start])]
    return after[0] if after else None


# The time itself, without what follows it: "3月7日上午10时统计" is "3月7日上午10时".
_ZH_WHEN = re.compile(
    r"[\d零〇一二三四五六七八九十廿卅年月日号时点分半上下中午晚早凌晨傍夜底末初旬]+"
)


def _when(text: str) -> str:
    compact = re.sub(r"\s+", "", text).lower()
    match = _ZH_WHEN.match(compact)
    return match.group() if match else compact


def as_of_key(when: str | None) -> str | None:
    """What two as-of times are compared by: their numbers when they have any ("3月7日上午
    10时" and "3月7日10时" are one time), with month-end words kept ("1月底" is not "1日")."""
    if when is None:
        return None
    numbers = re.findall(r"\d+", when)
    if not numbers:
        return when
    return "-".join(numbers) + ("底" if re.search(r"底|末|end", when) else "")


_TIMEISH = re.compile(
    r"\d|[一二三四五六七八九十]月|月底|月末|年底|日|目前|发稿|今天|昨天|当天|周|星期"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec|noon|midnight|today|yesterday|week|month|year|end"
)


def _timeish(text: str) -> bool:
    return bool(_TIMEISH.search(text))


# ---- time zones --------------------------------------------------------------------------


@dataclass(frozen=True)
class Zone:
    """A time zone as written: its name for messages and its UTC offset (None: unknown)."""

    name: str
    offset: float | None

    def describe(self) -> str:
        if self.offset is None:
            return self.name
        hours = f"{abs(self.offset):g}"
        sign = "+" if self.offset >= 0 else "\u2212"
        return f"{self.name} (UTC{sign}{hours})" if self.offset else f"{self.name} (UTC)"


# Standard (winter) offsets: the check asks only whether one day's difference can be the
# zones', which a daylight-saving hour never changes.
_ZONES = {
    "北京时间": ("Beijing time", 8.0),
    "东京时间": ("Tokyo time", 9.0),
    "首尔时间": ("Seoul time", 9.0),
    "美东时间": ("US Eastern time", -5.0),
    "美国东部时间": ("US Eastern time", -5.0),
    "华盛顿时间": ("Washington time", -5.0),
    "纽约时间": ("New York time", -5.0),
    "美西时间": ("US Pacific time", -8.0),
    "伦敦时间": ("London time", 0.0),
    "格林尼治时间": ("GMT", 0.0),
    "世界协调时": ("UTC", 0.0),
    "当地时间": ("local time", None),
    "台湾时间": ("Taiwan time", 8.0),
    "台灣时间": ("Taiwan time", 8.0),
    "香港时间": ("Hong Kong time", 8.0),
    "本港时间": ("Hong Kong time", 8.0),
    "澳门时间": ("Macau time", 8.0),
    "新加坡时间": ("Singapore time", 8.0),
    "韩国时间": ("Korea time", 9.0),
    "南韩时间": ("Korea time", 9.0),
    "日本时间": ("Japan time", 9.0),
    "印度时间": ("India time", 5.5),
    "巴黎时间": ("Paris time", 1.0),
    "北美时间": ("North American time", None),
    "beijing time": ("Beijing time", 8.0),
    "tokyo time": ("Tokyo time", 9.0),
    "seoul time": ("Seoul time", 9.0),
    "washington time": ("Washington time", -5.0),
    "new york time": ("New York time", -5.0),
    "eastern time": ("US Eastern time", -5.0),
    "pacific time": ("US Pacific time", -8.0),
    "london time": ("London time", 0.0),
    "local time": ("local time", None),
    "gmt": ("GMT", 0.0),
    "utc": ("UTC", 0.0),
    "est": ("US Eastern time", -5.0),
    "edt": ("US Eastern time", -4.0),
    "et": ("US Eastern time", -5.0),
    "pst": ("US Pacific time", -8.0),
    "pdt": ("US Pacific time", -7.0),
    "kst": ("Korea time", 9.0),
    "jst": ("Japan time", 9.0),
    "ist": ("India time", 5.5),
    "bst": ("British Summer Time", 1.0),
    "cet": ("Central European time", 1.0),
    "cest": ("Central European Summer Time", 2.0),
    "hkt": ("Hong Kong time", 8.0),
}


def _zone_word(word: str) -> str:
    if not word.isascii():
        return re.escape(word)
    if len(word) <= 3:
        return rf"\b(?-i:{word.upper()})\b"  # "ET", "EST" in capitals: not "et al.", "est."
    return rf"\b{re.escape(word)}\b"


_ZONE_PATTERN = re.compile(
    "|".join(_zone_word(word) for word in sorted(_ZONES, key=len, reverse=True)),
    re.IGNORECASE,
)
# "the morning of Feb. 4 in Washington": a time of day in a named place is that place's time.
_PLACES = {
    "beijing": ("Beijing time", 8.0),
    "shanghai": ("Beijing time", 8.0),
    "hong kong": ("Hong Kong time", 8.0),
    "taipei": ("Taipei time", 8.0),
    "tokyo": ("Tokyo time", 9.0),
    "seoul": ("Seoul time", 9.0),
    "washington": ("Washington time", -5.0),
    "new york": ("New York time", -5.0),
    "los angeles": ("Los Angeles time", -8.0),
    "london": ("London time", 0.0),
    "paris": ("Paris time", 1.0),
    "berlin": ("Berlin time", 1.0),
    "brussels": ("Brussels time", 1.0),
    "moscow": ("Moscow time", 3.0),
}
_PLACE_TIME = re.compile(
    r"\b(?:morning|afternoon|evening|night|noon|midnight|dawn)\b[^;\n]{0,20}?\bin\s+"
    r"(?P<place>"
    + "|".join(name.title() for name in sorted(_PLACES, key=len, reverse=True))
    + r")\b"
)
# How far from a date its zone may stand: "北京时间2月5日上午", "on the evening of Feb. 4,
# Washington time".
_ZONE_BEFORE = 8
_ZONE_AFTER = 24


def zone_of(folded: str, sentence: tuple[int, int], mention: Mention) -> Zone | None:
    """The time zone written next to a date, within its sentence ("Feb. 4, Washington
    time" puts it past a comma)."""
    start = max(sentence[0], mention.start - _ZONE_BEFORE)
    end = min(max(sentence[1], mention.end), mention.end + _ZONE_AFTER)
    hits = list(_ZONE_PATTERN.finditer(folded, start, end))
    if not hits:
        # "the morning of Feb. 4 in Washington": the phrase may run around the date
        for match in _PLACE_TIME.finditer(folded, *sentence):
            if match.start() <= end and match.end() >= start:
                return Zone(*_PLACES[match.group("place").lower()])
        return None
    nearest = min(
        hits, key=lambda m: min(abs(m.start() - mention.end), abs(mention.start - m.end()))
    )
    name, offset = _ZONES[nearest.group().lower()]
    return Zone(name, offset)


# How far from a time of day its zone may stand: "台灣時間上午9時許", "09:03 local time",
# "5 p.m. GMT", "韩国当地时间上午9时7分许".
_CLOCK_ZONE_BEFORE = 12
_CLOCK_ZONE_AFTER = 14


def zone_near(folded: str, sentence: tuple[int, int], start: int, end: int) -> Zone | None:
    """The time zone written next to a time of day: right before it, with only a day or a
    part of the day between ("台灣時間上午9時許", "当地时间29日上午9时3分"), or right after it
    ("09:03 local time", "5 p.m. GMT", "13:08:39 IST")."""
    first = max(sentence[0], start - _CLOCK_ZONE_BEFORE)
    last = min(sentence[1], end + _CLOCK_ZONE_AFTER)
    for match in _ZONE_PATTERN.finditer(folded, first, last):
        if match.end() <= start and _ZONE_TO_CLOCK.fullmatch(folded, match.end(), start):
            return Zone(*_ZONES[match.group().lower()])
        if match.start() >= end and not folded[end : match.start()].strip():
            return Zone(*_ZONES[match.group().lower()])
    return None


# What may stand between a zone and its time of day: a day, a part of the day, "同日", "约".
_ZONE_TO_CLOCK = re.compile(
    r"[\s,是为]*(?:\d{1,2}日|[一二三四五六七八九十廿]{1,3}日|同日|当日|今|昨)?\s*"
    r"(?:上午|下午|中午|晚上|晚间|凌晨|早上|早晨|清晨|傍晚|午后|夜间)?\s*(?:约|大约)?\s*"
)


def zone_explains(first: Zone | None, second: Zone | None, days: int) -> bool:
    """Whether a date ``days`` later in ``second``'s zone than in ``first``'s can be the
    same moment: one day, and the later date in the zone further east (or unknown)."""
    if first is None or second is None or first == second or abs(days) != 1:
        return False
    if first.offset is None or second.offset is None:
        return True
    return (second.offset - first.offset) * days > 0


# ---- percentages -------------------------------------------------------------------------

# What a percentage is a rate of; only these are compared (a growth rate and a market share
# in one story are different things).
_ZH_RATES = (
    ("反倾销税", "duty"),
    ("反补贴税", "duty"),
    ("关税", "duty"),
    ("税率", "duty"),
    ("投票率", "turnout"),
    ("失业率", "unemployment"),
    ("毛利率", "gross-margin"),
    ("净利率", "net-margin"),
    ("营业利润率", "operating-margin"),
    ("支持率", "approval"),
    ("得票率", "vote-share"),
    ("利率", "interest"),
)
_EN_RATES = re.compile(
    r"\b(?P<duty>tariffs?|dut(?:y|ies)|anti-dumping|levy|levies)\b|\b(?P<turnout>turnout)\b"
    r"|\b(?P<unemployment>unemployment)\b|\b(?P<interest>interest\s+rates?)\b"
    r"|\b(?P<gross_margin>gross\s+margins?)\b|\b(?P<net_margin>net\s+margins?)\b"
    r"|\b(?P<approval>approval\s+ratings?)\b",
    re.IGNORECASE,
)


def rate_of(folded: str, clause: tuple[int, int], language: str) -> str | None:
    """The rate a percentage in this clause gives ("duty" for 税率, tariff), else None."""
    text = folded[clause[0] : clause[1]]
    if language == "en":
        match = _EN_RATES.search(text)
        return match.lastgroup.replace("_", "-") if match else None
    return next((key for word, key in _ZH_RATES if word in text), None)


_ZH_GROUP_NOUN = re.compile(r"企业|公司|集团|厂商|厂家|生产商|出口商")
# Characters a group's name does not run back over: "对韩国企业", "的美国企业", "和OCI公司".
_ZH_NAME_STOPS = set('的对向和与及在为是将了、，,。；;：:“”"()（）%') | set("0123456789.")
_ZH_NAME_CHARS = 8
# Words before a name that are not part of it: "其中OCI公司", "此次".
_ZH_NAME_LEADING = re.compile(r"^(?:其中|而|但|另外|此外|该|这家|这些|此次|针对|原产于)+")
_EN_GROUP_NOUN = r"(?:firms|companies|producers|exporters|makers|manufacturers|suppliers)"
_EN_GROUPS = (
    # "Korean firms", "U.S. producers"
    re.compile(rf"(?P<group>(?:[A-Z][\w&.'-]*\s+){{1,3}}{_EN_GROUP_NOUN})\b"),
    # "for Hemlock", "on OCI Co"
    re.compile(r"\b(?:for|on|against)\s+(?P<group>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})"),
    # "Hemlock's rate"
    re.compile(r"(?P<group>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})['’]s\s+(?:rate|dut|tariff)"),
)
_NOT_GROUPS = frozenset("the this it a an".split())


def _zh_groups(folded: str, clause: tuple[int, int]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each named group in a Chinese clause: "韩国企业", "OCI公司";
    a bare "企业" names no group."""
    found = []
    for match in _ZH_GROUP_NOUN.finditer(folded, *clause):
        start = match.start()
        while (
            start > clause[0]
            and match.start() - start < _ZH_NAME_CHARS
            and folded[start - 1] not in _ZH_NAME_STOPS
            and not folded[start - 1].isspace()
        ):
            start -= 1
        name = _ZH_NAME_LEADING.sub("", folded[start : match.start()])
        if name:
            found.append(
                (match.end() - len(name) - len(match.group()), match.end(), name + match.group())
            )
    return found


def _en_groups(folded: str, clause: tuple[int, int]) -> list[tuple[int, int, str]]:
    found = []
    for pattern in _EN_GROUPS:
        for match in pattern.finditer(folded, *clause):
            name = re.sub(r"^(?:[Tt]he\s+)", "", match.group("group"))
            if name.lower() not in _NOT_GROUPS and not _EN_RATES.fullmatch(name):
                found.append((match.start("group"), match.end("group"), name))
    return found


def group_of(folded: str, clause: tuple[int, int], mention: Mention, language: str) -> str | None:
    """Whom a percentage is for: the group named nearest to it in its clause ("对韩国企业
    征收113.8%", "113.8% for Korean firms", "OCI公司的税率为53.6%"), normalized for
    comparison; None when the clause names no group."""
    found = _en_groups(folded, clause) if language == "en" else _zh_groups(folded, clause)
    if not found:
        return None

    def distance(item: tuple[int, int, str]) -> int:
        return max(item[0] - mention.end, mention.start - item[1], 0)

    nearest = min(found, key=lambda item: (distance(item), item[0]))
    return re.sub(r"\s+", " ", nearest[2]).strip().lower()


# ---- all of them ------------------------------------------------------------------------


@dataclass(frozen=True)
class Qualifiers:
    source: str | None = None
    modality: str | None = None
    as_of: str | None = None
    zone: Zone | None = None


def qualify(
    text: str, folded: str, segments: Segments, mention: Mention, language: str
) -> Qualifiers:
    """The qualifiers of the claim a mention makes (``folded`` is ``text`` folded, same
    length: patterns read it, names are quoted from ``text``)."""
    sentence = segments.sentence_at(mention.start)
    clause = segments.clause_at(mention.start)
    return Qualifiers(
        source=source_of(text, folded, sentence, mention.start, language),
        modality=modality_of(folded, clause, mention.start, language),
        as_of=as_of(folded, sentence, mention.start, language) if mention.quantity else None,
        zone=zone_of(folded, sentence, mention) if mention.time else None,
    )
