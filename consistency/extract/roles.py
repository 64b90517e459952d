"""Titles and roles: the office a story gives a person or a country's delegate.

"德国外长瓦德富尔", "美国国务卿鲁比奥", "印度电子和信息技术部长", "German Finance Minister
Lars Klingbeil", "India's finance minister", "Klingbeil, Germany's finance minister". Offices
are normalized to the keys of data/roles.yml, countries and people to the keys of
data/entities.yml, so that a Chinese and an English story can be compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency import resources

# re.compile here defers compiling each pattern to its first use (LazyPattern): start-up
from consistency.lang import deferred_re as re
from consistency.lang import zh
from consistency.segment import Segments


@dataclass(frozen=True)
class Role:
    """One title as written: who holds which office of which country."""

    start: int
    end: int
    # office keys, sorted; two for a joint office ("副总理兼财长"); "deputy:<key>" for a deputy
    offices: tuple[str, ...]
    country: str | None
    # normalized person: an entities.yml key, "name:<surname>" for a Latin name, else the
    # Chinese transliteration's surname ("克林拜尔")
    person: str | None
    # the person's name as written
    person_text: str | None
    # the sentence presents the holder as the country's delegate ("率团出席", "represented by")
    delegate: bool


# Characters of Chinese transliterations of foreign names ("瓦德富尔", "克林拜尔"); a run of
# them after an office is the holder's name. Verbs and particles ("表示", "出席", "和") are not
# among them, which is where a name ends.
_TRANSLITERATION = set(
    "阿埃艾安昂奥澳巴芭白拜班邦保鲍贝本比彼毕宾波伯勃博布查达戴丹道得德登迪蒂丁东杜顿多恩尔"
    "法凡菲费芬丰冯弗福伏盖甘冈戈哥格古瓜哈海汉豪赫亨洪胡华霍基吉佳嘉贾杰捷金卡凯坎康柯科克"
    "肯库奎拉莱赖兰朗劳勒雷蕾里理丽利莉列林琳隆卢鲁陆路伦罗洛马玛迈麦曼芒梅蒙米密明莫姆穆"
    "纳娜奈南内尼宁纽努诺欧帕潘庞佩彭皮珀普奇齐乔切琼丘萨塞桑瑟森沙莎尚什施舒斯松索塔泰坦汤"
    "唐特滕提图托瓦万威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊因英尤约泽扎詹朱卓兹·"
    "富柏默茨赛黛妮琪葛舍肖夫瑞蒲缪姬娅阔卜霍裴鄂"
)
# Capitalized words after an office that are not a name ("Finance Minister On Monday").
_NOT_NAME = frozenset(
    "The This That These Those On In At As And But For With From To Of By Said Says Told Will "
    "Would Has Had Is Was Who Which While When After Before During Also Both Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)
_WORD = r"[A-Z][a-zA-Z'’-]+"
_LATIN_NAME = re.compile(rf",?[ \t]+((?:{_WORD}[ \t]+){{0,3}}{_WORD})")
# "Klingbeil, Germany's finance minister": the name before the title
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|on|to|for|of|by|with|near)[ \t]+$", re.I)
_NAME_BEFORE = re.compile(rf"({_WORD}(?:[ \t]+{_WORD}){{0,3}}),[ \t]+(?:the[ \t]+)?$")
# Chinese text after an office that makes it something other than a person's title:
# "部长级会议", "大使馆", "总统府", "总统选举".
_NOT_TITLE_AFTER = re.compile("级|馆|府|官邸|选|候选|办公室|任期|职位|人选|会议|会晤|一职")
_DELEGATE_WINDOW = {"zh": 24, "en": 60}


def spellings(entry: dict, language: str) -> list[str]:
    """The spellings of a data/roles.yml entry in a language, as matched: Chinese ones
    (Simplified and Traditional) folded like the text they are matched against."""
    if language == "en":
        return list(entry.get("en", []))
    words = [zh.fold(word) for word in [*entry.get("zh", []), *entry.get("zh-Hant", [])]]
    return list(dict.fromkeys(words))


@resources.derived
def _offices(language: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str | None]]]:
    """The office pattern and, for each spelling, its (office key, implied country)."""
    spelling_office: dict[str, tuple[str, str | None]] = {}
    for key, entry in resources.load("roles")["offices"].items():
        for spelling in spellings(entry, language):
            spelling_office[spelling.lower()] = (entry.get("office", key), entry.get("country"))
    words = sorted(spelling_office, key=len, reverse=True)
    alternation = "|".join(map(re.escape, words))
    if language == "en":
        # "Secretary of State for Business" is a British cabinet post, not the US one.
        return (
            re.compile(rf"\b(?:{alternation})\b(?! for\b)", re.IGNORECASE),
            spelling_office,
        )
    return re.compile(f"(?:{alternation})"), spelling_office


@resources.derived
def _words(group: str, language: str) -> tuple[str, ...]:
    """A list of data/roles.yml, longest first."""
    return tuple(sorted(spellings(resources.load("roles")[group], language), key=len, reverse=True))


@resources.derived
def _countries() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Spelling -> country key, and patterns for a country written right before an office:
    Chinese "德国(的)", English "German", "Germany's", "the U.S."."""
    spellings = {
        spelling: key
        for key, names in resources.load("entities")["entities"].items()
        for spelling in names
    }
    for key, names in resources.load("roles")["demonyms"].items():
        spellings.update({name: key for name in names})
    latin = sorted((s for s in spellings if s.isascii()), key=len, reverse=True)
    chinese = sorted((s for s in spellings if not s.isascii()), key=len, reverse=True)
    latin_names = "|".join(map(re.escape, latin))
    en = re.compile(rf"(?:^|(?<=[\s(“\"]))({latin_names})(?:'s|’s)?[ \t]+(?:the[ \t]+)?$")
    zh = re.compile("(" + "|".join(map(re.escape, chinese)) + ")的?$")
    return spellings, en, zh


def _strip_modifiers(folded: str, position: int, language: str) -> tuple[int, set[str]]:
    """Move back over "副", "代理", "前", "Deputy ", "former ", "ex-" before an office."""
    found: set[str] = set()
    groups = ("deputy", "acting", "not_current")
    while True:
        before = folded[max(0, position - 20) : position]
        step = None
        for group in groups:
            if language == "en":
                match = _english_modifier(group).search(before)
                if match:
                    step = (group, len(before) - match.start(1))
            else:
                word = next((w for w in _words(group, language) if before.endswith(w)), None)
                if word:
                    step = (group, len(word))
            if step:
                break
        if step is None:
            return position, found
        found.add(step[0])
        position -= step[1]


@resources.derived
def _english_modifier(group: str) -> re.Pattern[str]:
    """ "Deputy ", "vice-", "ex-", "former " right before a title."""
    words = "|".join(re.escape(w.rstrip("-")) for w in _words(group, "en"))
    return re.compile(rf"(?:^|(?<=[\s(“\"]))({words})(?:[ \t]+|-)$", re.IGNORECASE)


def _country_before(folded: str, position: int, language: str) -> tuple[str | None, int]:
    spellings, en, zh = _countries()
    before = folded[max(0, position - 40) : position]
    match = (en if language == "en" else zh).search(before)
    if match is None:
        return None, position
    start = position - len(before) + match.start(1)
    # "中国驻美国大使": the country after 驻 is where the ambassador serves, not whose he is.
    if language == "zh" and folded[max(0, start - 1) : start] == "驻":
        sending, sending_start = _country_before(folded, start - 1, language)
        return sending, sending_start
    return spellings[match.group(1)], start


@resources.derived
def _people(language: str) -> tuple[dict[str, str], tuple[str, ...]]:
    spellings = {
        spelling: key
        for key, names in resources.load("entities")["entities"].items()
        for spelling in names
        if spelling.isascii() == (language == "en")
    }
    return spellings, tuple(sorted(spellings, key=len, reverse=True))


def _person_after(folded: str, position: int, language: str) -> tuple[str, str, int] | None:
    """(key, name as written, end) of the name right after an office."""
    spellings, ordered = _people(language)
    if language == "zh":
        end = position
        while end < len(folded) and end - position < 10 and folded[end] in _TRANSLITERATION:
            end += 1
        name = folded[position:end].strip("·")
        # a known name ends where its spelling ends: "卢比奥" in "卢比奥亚洲之行"
        known = next((s for s in ordered if name.startswith(s)), None)
        if known:
            return spellings[known], known, position + len(known)
        if len(name) < 2:
            return None
        surname = name.rsplit("·", 1)[-1]
        key = next((spellings[s] for s in ordered if name.endswith(s) or surname == s), None)
        return key or surname, name, position + len(name)
    match = _LATIN_NAME.match(folded, position)
    if match is None:
        return None
    words = match.group(1).split()
    if words[0] in _NOT_NAME or words[0] in _countries()[0]:
        return None
    kept: list[str] = []
    for word in words:
        if word in _NOT_NAME:
            break
        kept.append(word)
    name = " ".join(kept)
    end = match.start(1) + len(name)
    return _latin_person(name), name, end


def _latin_person(name: str) -> str:
    spellings, _ = _people("en")
    if name in spellings:
        return spellings[name]
    surname = name.split()[-1].strip("'’")
    return spellings.get(surname, "name:" + surname.lower())


def _is_delegate(folded: str, start: int, end: int, segments: Segments, language: str) -> bool:
    sentence = segments.sentence_at(start)
    window = _DELEGATE_WINDOW[language]
    text = folded[max(sentence[0], start - window) : min(sentence[1], end + window)]
    if language == "en":
        lowered = text.lower()
        return any(
            re.search(rf"\b{re.escape(word)}\b", lowered) for word in _words("delegate", "en")
        )
    return any(word in text for word in _words("delegate", "zh"))


def find_roles(folded: str, language: str, segments: Segments) -> list[Role]:
    """Every current office given to someone in the (folded) article text, in text order.

    Former, "then" and incoming offices ("前财长", "former finance minister") are left out:
    they do not say what the person is now."""
    pattern, spelling_office = _offices(language)
    joint_words = _words("joint", language)
    found: list[Role] = []
    position = 0
    while (match := pattern.search(folded, position)) is not None:
        position = match.end()
        if language == "zh" and _NOT_TITLE_AFTER.match(folded, match.end()):
            continue
        if language == "en" and not _title_case_or_possessed(folded, match):
            continue
        offices, countries = [], []
        modifiers_start, modifiers = _strip_modifiers(folded, match.start(), language)
        office, implied = spelling_office[match.group().lower()]
        offices.append(("deputy:" + office) if "deputy" in modifiers else office)
        countries.append(implied)
        end = match.end()
        # "副总理兼财长", "Vice Chancellor and Finance Minister Lars Klingbeil": one person.
        joined = _joint_office(folded, end, language, joint_words)
        if joined is not None:
            second, second_end = joined
            office2, implied2 = spelling_office[second.group().lower()]
            _, modifiers2 = _strip_modifiers(folded, second.start(), language)
            person = _person_after(folded, second_end, language)
            if language == "zh" or person is not None:
                offices.append(("deputy:" + office2) if "deputy" in modifiers2 else office2)
                countries.append(implied2)
                end = second_end
                position = second_end
        country, start = _country_before(folded, modifiers_start, language)
        if country:
            # "former German Finance Minister": the modifier comes before the country
            _, more = _strip_modifiers(folded, start, language)
            modifiers |= more
        if "not_current" in modifiers:
            continue
        country = (
            country
            or next((c for c in countries if c), None)
            or _listed_after(found, folded, start, language)
            or _delegation_country(folded, start, end, segments, language)
        )
        person = _person_after(folded, end, language)
        if person is not None:
            end = max(end, person[2])
        elif language == "en" and (named := _person_before(folded, start)) is not None:
            person = named[:2]
            start = named[2]
        found.append(
            Role(
                start=start,
                end=end,
                offices=tuple(sorted(set(offices))),
                country=country,
                person=person[0] if person else None,
                person_text=person[1] if person else None,
                delegate=_is_delegate(folded, start, end, segments, language),
            )
        )
    return found


def _person_before(folded: str, start: int) -> tuple[str, str, int] | None:
    """(key, name, start) of "Klingbeil, Germany's finance minister"; not of a place ("In
    Berlin, Germany's finance minister said")."""
    window_start = max(0, start - 60)
    before = _NAME_BEFORE.search(folded, window_start, start)
    if (
        before is None
        or before.group(1).split()[0] in _NOT_NAME
        or _PREPOSITION_BEFORE.search(folded, window_start, before.start(1))
    ):
        return None
    return _latin_person(before.group(1)), before.group(1), before.start(1)


def _listed_after(found: list[Role], folded: str, start: int, language: str) -> str | None:
    """ "德国外长和财长", "Germany's foreign minister and finance minister": the second office
    belongs to the country of the first."""
    if not found:
        return None
    gap = folded[found[-1].end : start].strip().lower()
    return found[-1].country if gap in ("和", "、", "及", "与", "以及", "and", ",", "&") else None


def _delegation_country(
    folded: str, start: int, end: int, segments: Segments, language: str
) -> str | None:
    """The country a delegate speaks for when the title does not name it: "代表德国",
    "德国代表团", "the German delegation", "represented Germany"."""
    spellings, _, _ = _countries()
    sentence = segments.sentence_at(start)
    named = {
        spellings[match.group(1)]
        for pattern in _delegation_patterns(language)
        for match in pattern.finditer(folded, sentence[0], sentence[1])
    }
    return next(iter(named)) if len(named) == 1 else None


@resources.derived
def _delegation_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    spellings, _, _ = _countries()
    written = (s for s in spellings if s.isascii() == (language == "en"))
    names = "|".join(map(re.escape, sorted(written, key=len, reverse=True)))
    if language == "en":
        return (
            re.compile(rf"\b({names})(?:'s|’s)?[ \t]+delegation\b"),
            re.compile(
                rf"\b(?:represented|representing|on behalf of)[ \t]+(?:the[ \t]+)?({names})\b"
            ),
        )
    return (re.compile(f"(?:代表|率领)({names})"), re.compile(f"({names})代表团"))


def _title_case_or_possessed(folded: str, match: re.Match[str]) -> bool:
    """ "Finance Minister", or "India's finance minister", "the finance minister": an office
    of someone; "a finance minister" says what kind of person, not whose office."""
    if match.group()[:1].isupper():
        return True
    before = folded[max(0, match.start() - 12) : match.start()]
    return bool(re.search(r"(?:'s|’s|\bthe|\bits|\bhis|\bher|\btheir)[ \t]+$", before))


def _joint_office(
    folded: str, end: int, language: str, joint_words: tuple[str, ...]
) -> tuple[re.Match[str], int] | None:
    pattern, _ = _offices(language)
    for word in joint_words:
        gap = f" {word} " if language == "en" else word
        if folded[end : end + len(gap)].lower() == gap:
            after = end + len(gap)
            modifiers_end = after
            # "兼副总理", "and Vice Chancellor": modifiers of the second office
            for deputy in _words("deputy", language) + _words("acting", language):
                probe = deputy + (" " if language == "en" else "")
                if folded[after : after + len(probe)].lower() == probe:
                    modifiers_end = after + len(probe)
                    break
            second = pattern.match(folded, modifiers_end)
            if second is not None:
                return second, second.end()
    return None
