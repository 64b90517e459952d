"""Names of people and organizations, as spelled, for the name-spelling rule (N100).

English (and Latin names inside Chinese text): runs of capitalized words that are not common
words, titles or places ("Lars Klingbeil", "Klingbeil"); the last word is the surname, the
others given names. Chinese: foreign names are transliterations, found after a title or role
("德国财长克林拜尔", "美国国务卿鲁比奥") or before a Latin gloss ("克林拜尔（Klingbeil）"), and
then wherever else the article writes them. Chinese names of Chinese people (王毅) are not
read: one character apart they are as often two people as one typo.

Each name keeps the role written with it ("finance minister", 财长), which tells two people
with similar names apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency import resources
from consistency.entities import _NOT_NAMES

# re.compile here defers compiling each pattern to its first use (LazyPattern): start-up
from consistency.lang import deferred_re as re
from consistency.lang import is_cjk, zh

# Capitalized words that are not names: titles, institutions, common nouns in headings.
_NOT_NAME_WORDS = _NOT_NAMES | frozenset(
    "Minister Ministry Ministers Secretary Chancellor Treasury Department Government Council "
    "Committee Commission Forum Association Agency Office Party Union National International "
    "Federal Republic Court Parliament Senate Congress Bank Fund Organization Organisation "
    "Group Company University Institute Center Centre Foundation Service Authority Board "
    "Bureau Alliance Summit Conference Meeting Embassy State States General Chief Deputy Vice "
    "Foreign Finance Defense Defence Economy Economic Trade Affairs Interior Justice Health "
    "Energy Resource Resources Strategic Security Geostrategic Engagement Cooperation "
    "Development Governor Mayor Ambassador Envoy Senator Representative Chairman Chairwoman "
    "Chair Spokesman Spokeswoman Spokesperson Director Coach Captain King Queen Prince "
    "Princess Pope Lord Lady Sir Madam Professor Prof Judge Justice Council Premier Prime "
    "Presidential Mrs Miss Gen Sen Rep Gov Lt Col Sgt Capt Inc Corp Ltd Co Reuters "
    "Associated Press Agence Xinhua Beijing Berlin Washington Tokyo Seoul London Paris North "
    "South East West Northern Southern Eastern Western Central New Old Great Grand Saint St "
    "Today Yesterday Tomorrow Morning Evening Afternoon Night Week Month Year Update Updated "
    "Photo Video Read Follow Subscribe Advertisement Sponsored Home Page Top Latest Breaking "
    "Live Opinion Analysis Comment Editor Editorial Staff Reporter Correspondent Writing By "
    "In On At To Of As If Or Not No Yes All Any Every Only Just Even Still Yet However "
    "Meanwhile Earlier Later Last Next First Second Third One Two Three A An I We You He She "
    "It Asked Speaking According Despite Although Though Because Unlike Like Under Toward "
    # what ends a company's name: the name before it is the one to compare ("Norvik Motors")
    "Motors Systems Holdings Industries Technologies Technology Airlines Airways Partners "
    "Capital Solutions Networks Media Communications Labs Pharmaceuticals Electronics "
    "Automotive Logistics Shipping Mining Metals Chemicals Insurance Securities Investments "
    "Ventures Enterprises Corporation Incorporated Limited Group Holding".split()
)
# Lower-case words inside a name ("Ursula von der Leyen").
_PARTICLES = frozenset("von van der de den du da di le la bin al el ter ten".split())
_TOKEN = re.compile(
    # "Jean-Pierre", and Korean given names: "Hyung-bae", "Jae-myung"
    r"(?<![A-Za-z'’])(?:Mc|Mac|O['’])?[A-Z][a-zà-öø-ÿ]+(?:-[A-Za-z][a-zà-öø-ÿ]+)?(?![A-Za-z])"
)

# Roles, normalized to one key per language: heads and the words that narrow them.
_ROLE_HEADS = (
    "minister|secretary|chancellor|president|premier|governor|mayor|ambassador|envoy|"
    "senator|lawmaker|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|director|"
    "coach|manager|captain|ceo|chief executive|general|commissioner|negotiator|economist|"
    "analyst|professor|judge|prosecutor|lawyer|striker|goalkeeper|player|founder|leader"
)
_ROLE_NARROWERS = frozenset(
    "finance foreign defense defence economy economic trade interior health energy prime "
    "vice deputy state treasury justice labor labour transport education environment head "
    "assistant".split()
)
_ROLE_BEFORE = re.compile(
    rf"(?P<role>(?:[A-Za-z]+\s+){{0,2}}?(?:{_ROLE_HEADS}))\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$",
    re.IGNORECASE,
)
_ROLE_AFTER = re.compile(
    r"\s*,\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|[A-Z][A-Za-z]+['’]s\s+)?"
    rf"(?P<role>(?:[A-Za-z]+\s+){{0,2}}?(?:{_ROLE_HEADS}))\b",
    re.IGNORECASE,
)

# Chinese roles before a name, with the key they share with their synonyms.
_ZH_ROLES = {
    "财长": "finance minister",
    "财政部长": "finance minister",
    "财政部部长": "finance minister",
    "外长": "foreign minister",
    "外交部长": "foreign minister",
    "外交部部长": "foreign minister",
    "防长": "defense minister",
    "国防部长": "defense minister",
    "经济部长": "economy minister",
    "商务部长": "trade minister",
    "贸易代表": "trade representative",
    "部长": "minister",
    "国务卿": "secretary of state",
    "总统": "president",
    "副总统": "vice president",
    "总理": "premier",
    "副总理": "vice premier",
    "首相": "prime minister",
    "总理兼财长": "finance minister",
    "发言人": "spokesperson",
    "大使": "ambassador",
    "特使": "envoy",
    "主席": "chair",
    "秘书长": "secretary general",
    "总干事": "director general",
    "行长": "bank governor",
    "州长": "governor",
    "市长": "mayor",
    "议员": "lawmaker",
    "参议员": "senator",
    "总裁": "ceo",
    "首席执行官": "ceo",
    "董事长": "chairman",
    "主教练": "coach",
    "教练": "coach",
    "主帅": "coach",
    "球员": "player",
    "前锋": "striker",
    "门将": "goalkeeper",
    "经济学家": "economist",
    "分析师": "analyst",
    "教授": "professor",
    "法官": "judge",
}
_ZH_ROLE = re.compile("|".join(sorted(map(re.escape, _ZH_ROLES), key=len, reverse=True)))

# Characters of transliterated foreign names (Xinhua's table, Simplified); a name is a run of
# them, with "·" between given name and surname.
_TRANSLITERATION = frozenset(
    "阿埃艾爱安昂敖奥澳巴拜班邦保鲍贝本比彼毕边宾滨波伯博布蔡查达戴丹道德登迪蒂丁东杜敦多厄恩尔"
    "法凡范菲费芬丰佛弗福夫盖甘冈高戈格根贡古瓜哈海汉豪赫黑亨洪胡华怀霍基吉加贾杰金卡凯坎康考柯"
    "科克肯库夸奎拉莱赖兰朗劳勒雷蕾里利莉连林琳隆卢鲁路伦罗洛吕马玛迈麦曼芒梅门蒙米敏明莫默姆穆"
    "纳娜奈南内尼宁纽努诺欧帕潘佩彭皮珀普齐奇恰乔切琴丘屈萨塞赛桑瑟森沙莎山尚舍什施史舒斯松苏索"
    "塔泰坦汤唐特提汀通图托瓦万旺威韦维温文沃乌伍西希锡席夏谢辛休雅亚扬耶伊因英尤约泽扎詹朱卓兹"
    "佐京翁茨龙顿逊茜耳斐弥嘉赞杭·"
)
# Traditional forms of those characters that zh.fold leaves as they are.
_TRADITIONAL_NAMES = str.maketrans(
    "澤倫魯奧蘭羅賴維諾麥龍蓋納頓遜貝讓喬瑪麗薩亞鮑畢濱敦豐岡賈凱勞雷淚盧倫呂邁門蒙納寧紐諾"
    "歐齊喬瑟莎捨舒蘇湯圖韋溫烏夏謝辛雅楊葉約紮詹卓"
    # and of the role words before names
    "財練學師執",
    "泽伦鲁奥兰罗赖维诺麦龙盖纳顿逊贝让乔玛丽萨亚鲍毕滨敦丰冈贾凯劳雷泪卢伦吕迈门蒙纳宁纽诺"
    "欧齐乔瑟莎舍舒苏汤图韦温乌夏谢辛雅杨叶约扎詹卓"
    "财练学师执",
)
# Two characters that start an ordinary word after a name ("鲁比奥特别强调"): a name ends there.
_AFTER_NAME = frozenset(
    "特别 特意 特地 亚洲 加强 加大 加上 安全 安排 华盛 多次 多名 多个 达成 明确 明天 明年 德国 "
    "利用 利益 克服 伊朗 日本 以及 也是 西方 南方 东方 北方 马上 布鲁 尼亚 约定 斯坦".split()
)
_MAX_ZH_NAME = 14  # "弗拉基米尔·泽连斯基" is ten


@dataclass(frozen=True)
class NameMention:
    """One written name."""

    text: str  # as written (folded: half-width)
    start: int
    end: int
    script: str  # latin | cjk
    # what is compared: the surname for Latin names, the whole name for Chinese ones
    key: str
    given: tuple[str, ...] = ()
    role: str | None = None


def normalize(spelling: str) -> str:
    """The form spellings are compared in: Simplified, lower case."""
    return zh.fold(spelling).translate(_TRADITIONAL_NAMES).lower()


@resources.derived
def alias_groups() -> dict[str, frozenset[str]]:
    """Normalized spelling -> every spelling known to name the same one (names.yml aliases,
    entities.yml spellings, and what configurations add to either)."""
    groups: list[set[str]] = []
    for spellings in resources.load("names")["aliases"].values():
        groups.append({normalize(s) for s in spellings})
    for spellings in resources.load("entities")["entities"].values():
        groups.append({normalize(s) for s in spellings})
    known: dict[str, frozenset[str]] = {}
    for group in groups:
        for spelling in group:
            known[spelling] = known.get(spelling, frozenset()) | frozenset(group)
    return known


def are_aliases(first: str, second: str) -> bool:
    return normalize(second) in alias_groups().get(normalize(first), frozenset())


def find_names(folded: str, sentences: tuple[tuple[int, int], ...]) -> list[NameMention]:
    """Every name in ``folded`` (article text, furniture blanked), in text order."""
    found = _latin_names(folded, {start for start, _ in sentences})
    found += _chinese_names(folded)
    return sorted(found, key=lambda m: (m.start, m.end))


# --------------------------------------------------------------------------- Latin names


def _latin_names(text: str, sentence_starts: set[int]) -> list[NameMention]:
    lowered_words = set(re.findall(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])", text))
    runs: list[list[re.Match[str]]] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        # a common word capitalized ("Talks"), a title or a place is not part of a name
        if word in _NOT_NAME_WORDS or word.lower() in lowered_words:
            runs.append([])
            continue
        if runs and runs[-1] and _joins(text[runs[-1][-1].end() : match.start()]):
            runs[-1].append(match)
        else:
            runs.append([match])
    runs = [run for run in runs if run]
    # one capitalized word opening a sentence may be any word ("Officials said"): it is a
    # name when the article writes it as one elsewhere ("Klingbeil told reporters")
    opening = {
        index
        for index, run in enumerate(runs)
        if len(run) == 1 and _opens_sentence(text, run[0].start(), sentence_starts)
    }
    surnames = {run[-1].group() for index, run in enumerate(runs) if index not in opening}
    names = []
    for index, run in enumerate(runs):
        first = run[0]
        if index in opening and first.group() not in surnames:
            continue
        start, end = first.start(), run[-1].end()
        role = _latin_role(text, start, end)
        names.append(
            NameMention(
                text=text[start:end],
                start=start,
                end=end,
                script="latin",
                key=run[-1].group(),
                given=tuple(m.group() for m in run[:-1]),
                role=role,
            )
        )
    return names


def _joins(gap: str) -> bool:
    """Whether the text between two capitalized words keeps them in one name."""
    if gap == " ":
        return True
    words = gap.split()
    return gap.startswith(" ") and gap.endswith(" ") and all(w in _PARTICLES for w in words)


def _opens_sentence(text: str, start: int, sentence_starts: set[int]) -> bool:
    position = start
    while position > 0 and text[position - 1] in " \"“‘'([（":
        position -= 1
    return position in sentence_starts or position == 0 or text[position - 1] == "\n"


def _latin_role(text: str, start: int, end: int) -> str | None:
    before = _ROLE_BEFORE.search(text, max(0, start - 60), start)
    after = _ROLE_AFTER.match(text, end, min(len(text), end + 80))
    for match in (before, after):
        if match:
            return _role_key(match.group("role"))
    return None


def _role_key(phrase: str) -> str:
    """ "German Finance Minister" -> "finance minister": the head and the words that narrow
    it, without nationality."""
    words = phrase.lower().split()
    head_words = 2 if " ".join(words[-2:]) == "chief executive" else 1
    head = words[-head_words:]
    narrowers = [w for w in words[:-head_words] if w in _ROLE_NARROWERS]
    return " ".join([*narrowers, *head])


# --------------------------------------------------------------------------- Chinese names


def _chinese_names(folded: str) -> list[NameMention]:
    text = folded.translate(_TRADITIONAL_NAMES)
    roles: dict[str, str | None] = {}
    for match in _ZH_ROLE.finditer(text):
        name = _transliteration(text, match.end())
        if name:
            role = _ZH_ROLES[match.group()]
            if roles.get(name) not in (None, role):
                role = None  # one spelling given two roles: say nothing about its role
            roles[name] = role
    # "克林拜尔（Klingbeil）": a name glossed in Latin letters
    for match in re.finditer(r"[（(]\s*[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+)*\s*[)）]", text):
        end = match.start()
        start = end
        while start > 0 and text[start - 1] in _TRANSLITERATION and end - start < _MAX_ZH_NAME:
            start -= 1
        name = text[start:end].strip("·")
        if len(name) >= 2 and name not in roles:
            roles[name] = None
    names: list[NameMention] = []
    covered = bytearray(len(text))
    # longest first: a name inside a longer one ("泽连斯基" in "弗拉基米尔·泽连斯基") is
    # read as the longer one
    for name in sorted(roles, key=lambda n: (-len(n), n)):
        for match in re.finditer(re.escape(name), text):
            if any(covered[match.start() : match.end()]):
                continue
            covered[match.start() : match.end()] = b"\x01" * len(name)
            names.append(
                NameMention(name, match.start(), match.end(), "cjk", name, (), roles[name])
            )
    return names


def _transliteration(text: str, start: int) -> str | None:
    """The transliterated name that starts at ``start``, if one does."""
    end = start
    while end < len(text) and text[end] in _TRANSLITERATION and end - start < _MAX_ZH_NAME:
        if end - start >= 2 and text[end : end + 2] in _AFTER_NAME:
            break
        end += 1
    name = text[start:end].strip("·")
    if len(name) < 2 or not all(is_cjk(char) or char == "·" for char in name):
        return None
    return name


# Codes of flights, registrations and models: letters and digits ("7C2216", "AI-171",
# "HL8088"), five characters or more without the dash.
_CODE = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)[A-Z0-9]{1,4}-?\d{2,6}(?![A-Za-z0-9])"
)


def find_codes(folded: str) -> list[NameMention]:
    """Every code of letters and digits in ``folded`` ("7C2216", "7C-2216" keyed alike)."""
    found = []
    for match in _CODE.finditer(folded):
        key = match.group().replace("-", "")
        if len(key) >= 5:
            found.append(NameMention(match.group(), match.start(), match.end(), "code", key))
    return found
