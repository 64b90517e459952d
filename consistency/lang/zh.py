"""Chinese (Simplified and Traditional): numerals, counts, dates and relative timing.

All patterns run on *folded* text: full-width forms made half-width and common Traditional
characters mapped to Simplified, one character for one, so a match's offsets are the
offsets in the article.
"""

from __future__ import annotations

from functools import lru_cache

from consistency.lang import WIDTH_TABLE, fold_width

# re.compile here defers compiling each pattern to its first use (LazyPattern)
from consistency.lang import deferred_re as re

# Traditional -> Simplified for the characters the patterns, triggers and counted nouns use.
# One character for one (OpenCC's phrase tables can change length, which would break offsets).
_TRADITIONAL = (
    "萬万億亿兩两個个國国會会議议災灾傷伤難难週周後后於于舉举當当時时與与談谈話话電电聯联"
    "發发佈布決决審审賽赛場场這这該该間间數数約约餘余將将屆届點点選选罷罢擊击營营陣阵"
    "戰战關关鍵键礦矿產产長长級级際际統统總总領领導导組组織织員员們们邊边來来為为號号"
    "歲岁麼么們们項项頭头條条艘艘輛辆臺台級级實实際际據据說说稱称認认讓让從从開开辦办"
    "庭庭宣宣裁裁機机爭争經经濟济費费幣币億亿萬万圓圆韓韩澳澳歐欧盟盟對对華华禮礼拜拜"
    "隊队決决勝胜負负獎奖遊游戲戏術术設设備备價价格格錢钱貿贸易易協协約约簽签訂订過过"
    "後后還还進进運运動动漲涨跌跌預预計计劃划報报導导記记者者訪访問问區区亞亚洲洲東东"
    "門门罹罹喪丧殞殒傷伤亡亡蹤踪災灾颱台風风震震爆爆炸炸墜坠毀毁車车禍祸難难溫温廠厂"
    "聲声稱称明明講讲演演強强盜盗槍枪擊击斃毙獲获救救護护醫医院院療疗歷历屆届屆届衝冲"
    "鋒锋際际邊边綫线線线級级層层頁页題题樣样錯错誤误確确認认證证據据專专業业務务開开"
    "發发佈布會会議议員员條条約约簽签訂订週周歲岁晚晚晨晨夜夜"
    # dates, holidays and numerals
    "尋寻聽听晝昼節节誕诞聖圣慶庆勞劳兒儿婦妇軍军復复齋斋爾尔穌稣靈灵臨临灑洒紅红麗丽"
    "歡欢紀纪獨独樹树闆板燈灯龐庞豐丰穫获猶犹轉转誦诵權权贖赎衛卫寶宝薩萨體体圖图獻献"
    "歸归現现馬马鐘钟餅饼農农曆历陰阴臘腊閏闰貳贰陸陆負负幾几參叁叄叁兆兆雙双塊块"
    # measures, offices and status words (extract/status.py, extract/roles.py)
    "傾倾銷销稅税徵征繼继續续財财團团纖纤維维資资訊讯補补貼贴讀读"
)
_TRADITIONAL_MAP = {
    ord(_TRADITIONAL[index]): ord(_TRADITIONAL[index + 1])
    for index in range(0, len(_TRADITIONAL) - 1, 2)
}
# fold_width then Traditional -> Simplified, composed into one table (one pass over the text)
_FOLD_TABLE = {
    code: _TRADITIONAL_MAP.get(target, target) for code, target in WIDTH_TABLE.items()
} | {code: target for code, target in _TRADITIONAL_MAP.items() if code not in WIDTH_TABLE}


# A full-width comma between half-width digits separates two numbers ("$20，300美圆"), so it
# folds to "、" rather than to a thousands ","; between full-width digits ("９，９９９") it
# groups thousands like the rest of that full-width number.
_WIDE_COMMA_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])，(?=[0-9])")


# Any character that folds: most sentences have none, and one class search is cheaper than
# str.translate's per-character dictionary lookup (compiled on first use, as the rest).
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_FOLD_TABLE)) + "]")


# The characters that fold to another, as strings: a sentence holds a few distinct ones (its
# "，" and "："), and a str.replace per character beats str.translate's dictionary lookup per
# character. No target is itself folded further (checked below), so the order of the
# replacements does not matter and the result is str.translate's.
_FOLD_CHARS = {chr(code): chr(target) for code, target in _FOLD_TABLE.items() if code != target}
assert not any(target in _FOLD_CHARS for target in _FOLD_CHARS.values())
# more distinct folding characters than this: one str.translate pass is cheaper
_FEW_FOLDS = 6


def fold(text: str) -> str:
    """Half-width, Simplified forms of ``text``, same length, for pattern matching."""
    found = set(_FOLDABLE.findall(text))
    if not found:
        return text
    if len(found) <= _FEW_FOLDS:
        folded = text
        for char in found:
            target = _FOLD_CHARS.get(char)
            if target is not None:
                folded = folded.replace(char, target)
    else:
        folded = text.translate(_FOLD_TABLE)
    if "，" in found:
        # _WIDE_COMMA_BETWEEN_DIGITS by str.find: a pattern that starts with a lookbehind
        # is tried at every position, the commas are few
        position = text.find("，", 1)
        while position != -1:
            after = text[position + 1 : position + 2]
            if text[position - 1] in _ASCII_DIGITS and after in _ASCII_DIGITS:
                folded = folded[:position] + "、" + folded[position + 1 :]
            position = text.find("，", position + 1)
    return folded


_ASCII_DIGITS = frozenset("0123456789")  # a set: the empty string is not in it


DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000, "兆": 1_000_000_000_000}

_CN_DIGIT_CLASS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
# 俩 (倆) is colloquial two: "倆千两百" is 2,200, "俩人" two people
_CN_CLASS = _CN_DIGIT_CLASS + "十拾百佰千仟万亿俩倆"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A number as written in running text: Arabic (optionally with 万/亿) or Chinese numerals.
# "5万4千6百", "2千零30万", "3万4000": Arabic digits with units, in chunks.
NUMBER = (
    rf"(?:{ARABIC}(?:\s{{0,2}}[十百千万亿]+(?:\s?零?\d+(?:\s?[十百千万亿]+)?)*)?"
    # 兆 is 10^12 after other numerals ("四十九兆九千亿"), but mega in units ("一百兆瓦")
    rf"|[{_CN_CLASS}](?:[{_CN_CLASS}]|兆(?!瓦|赫|字节|帕|焦|比特))*"
    # decimals are written with 二, never 两: "两百点两" is not 200.2
    rf"(?:点(?:(?!两)[{_CN_DIGIT_CLASS}]+|\d+))?)"
)

# The same, read only from the start of a run of digits or of numeral characters. Tried
# inside a run, a pattern would read the rest of the run again at each character (time
# quadratic in the run's length: seconds for a few thousand digits) and find nothing that
# the run's first character does not: the run's characters repeat without bound (\d+,
# [一二...]*), so every end reachable from inside the run is reachable from its start. For
# the patterns that start with a number.
NUMBER_AT_RUN_START = NUMBER.replace(ARABIC, rf"(?<!\d){ARABIC}", 1).replace(
    f"|[{_CN_CLASS}]", f"|(?<![{_CN_CLASS}])[{_CN_CLASS}]", 1
)


_NUMERAL_ALIASES = str.maketrans({"廿": "二十", "卅": "三十", "卌": "四十", "倆": "两", "俩": "两"})
_TOKEN = re.compile(r"\d+(?:\.\d+)?|.")


# News repeats its numbers ("54", "2月"): parsed values are kept (strings in, floats out).
@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """Value of a Chinese or Arabic numeral: "五十四" 54, "1600万" 16e6, "二〇二六" 2026,
    "负三百五" -350, "一万二" 12000, "7万5千4百" 75400, "廿三" 23."""
    text = fold_width(text).replace(",", "").replace(" ", "").translate(_NUMERAL_ALIASES)
    if text[:1] in ("负", "-"):
        value = parse_number(text[1:])
        return -value if value is not None else None
    if not text:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?|\.\d+)([十百千万亿]*)", text)
    if match:
        value = float(match.group(1))
        for unit in match.group(2):
            value *= SMALL_UNITS.get(unit) or BIG_UNITS[unit]
        return value
    if "点" in text:
        whole, _, fraction = text.partition("点")
        whole_value = parse_number(whole) if whole else 0.0
        if fraction.isdigit():
            return None if whole_value is None else whole_value + float("0." + fraction)
        if whole_value is None or not fraction or any(c not in DIGITS for c in fraction):
            return None
        return whole_value + float("0." + "".join(str(DIGITS[c]) for c in fraction))
    tokens = _TOKEN.findall(text)
    if any(
        not token[0].isdigit()
        and token not in DIGITS
        and token not in SMALL_UNITS
        and token not in BIG_UNITS
        for token in tokens
    ):
        return None
    if all(char in DIGITS for char in text) and len(text) > 1:
        # Digit by digit, as in years: 二〇二六
        return float("".join(str(DIGITS[char]) for char in text))
    total = section = 0.0
    number: float = 0
    last_unit = 0
    zero = False
    previous = ""
    for token in tokens:
        if token[0].isdigit() or token in DIGITS:
            number = float(token) if token[0].isdigit() else DIGITS[token]
            zero = zero or token in ("零", "〇", "○")
        elif token in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[token]
            number, last_unit, zero = 0, SMALL_UNITS[token], False
        elif previous in BIG_UNITS and total:
            # "四万万" is four hundred million: a big unit right after another multiplies
            total *= BIG_UNITS[token]
            last_unit = int(BIG_UNITS[token] * BIG_UNITS[previous])
        else:
            unit = BIG_UNITS[token]
            if number and 100 <= last_unit < 10_000 and not zero:
                number *= last_unit // 10  # "百二万": 1,200,000
            if unit > 10_000 and total and total < unit:
                total = (total + section + number) * unit
            else:
                total += (section + number or (0 if total else 1)) * unit
            section, number, last_unit, zero = 0, 0, unit, False
        previous = token
    # "三百五" is 350, "一万二" 12,000, "千一" 1,100: a last digit after a unit counts in the
    # next lower unit, unless a zero came before it ("一百零五").
    if number and last_unit >= 100 and not zero and not tokens[-1][0].isdigit():
        number *= last_unit // 10
    return float(total + section + number)


# Hedges turn an exact number into the range a reader would accept.
# (prefix, low factor, high factor) — "逾50" is more than 50, "近百" just under 100.
HEDGE_PREFIXES = {
    "超过": (1.0, 1.5),
    "多于": (1.0, 1.5),
    "逾": (1.0, 1.5),
    "超": (1.0, 1.5),
    "至少": (1.0, 1.5),
    "不少于": (1.0, 1.5),
    "近": (0.8, 1.0),
    "将近": (0.8, 1.0),
    "接近": (0.8, 1.0),
    "不到": (0.8, 1.0),
    "不足": (0.8, 1.0),
    "约": (0.9, 1.1),
    "大约": (0.9, 1.1),
    "约有": (0.9, 1.1),
    "大概": (0.9, 1.1),
}
HEDGE_PREFIX_PATTERN = "|".join(sorted(HEDGE_PREFIXES, key=len, reverse=True))
# "50多人", "50余人", "三十来个" — more than the number, less than the next round step.
HEDGE_SUFFIXES = "多余来几"
# "数十", "几百", "上千": a vague order of magnitude.
VAGUE_PATTERN = r"(?:数|几|上)(?P<vague>十|百|千|万|十万|百万|千万|亿)"

# Classifiers and the nouns they count; a classifier that is itself the noun (国, 人) counts it.
# Classifiers that say by themselves what is counted (艘: ships, 架: aircraft), whatever noun
# follows ("47艘" and "45艘船只" count the same thing).
SPECIFIC_CLASSIFIERS = frozenset("艘架辆栋座头枚颗列面")
CLASSIFIERS = (
    "个|名|位|人|国|家|项|份|件|起|次|艘|架|辆|座|所|条|篇|只|头|户|栋|间|枚|颗|张|台|部|支|队|场|面|票|席|"
    "例|处|宗|批|轮|届|种|类|款|栋|层|吨|公斤|千克|克|米|公里|千米|平方米|平方公里|亩|公顷|"
    "英尺|公尺|英里|海里|尺|"
    "美元|美圆|元|人民币|欧元|日元|英镑|港元|澳元|卢布|韩元|块|双|打|新台币|台币|瑞士法郎|法郎|"
    "卢比|奈拉|美分|斤|比特币|"
    # a pair, unless a number follows ("1对34" is a ratio)
    "对(?![\\d零〇一二两三四五六七八九十百千万])"
)
# Longest first, so "4人民币" is money, not four people.
CLASSIFIERS = "|".join(sorted(set(CLASSIFIERS.split("|")), key=lambda w: (-len(w), w)))
MEASURE_UNITS = {
    "吨": "t",
    "公斤": "kg",
    "千克": "kg",
    "克": "g",
    "米": "m",
    "公尺": "m",
    "英尺": "ft",
    "尺": "ft",
    "英里": "mi",
    "海里": "nmi",
    "公里": "km",
    "千米": "km",
    "平方米": "m2",
    "平方公里": "km2",
    "亩": "mu",
    "公顷": "ha",
    "美元": "USD",
    "元": "CNY",
    "人民币": "CNY",
    "块": "CNY",
    "欧元": "EUR",
    "日元": "JPY",
    "英镑": "GBP",
    "港元": "HKD",
    "澳元": "AUD",
    "卢布": "RUB",
    "韩元": "KRW",
    "美圆": "USD",
    "新台币": "TWD",
    "台币": "TWD",
    "瑞士法郎": "CHF",
    "法郎": "CHF",
    "卢比": "INR",
    "奈拉": "NGN",
    "美分": "USD-cent",
    "斤": "jin",
    "比特币": "BTC",
}
# Durations are quantities of time, not dates: "期限5年", "十年八年", "3个月".
DURATION_UNITS = {
    "年": "year",
    "个月": "month",
    "月": "month",
    "周": "week",
    "星期": "week",
    "天": "day",
    "日": "day",
    "小时": "hour",
    "分钟": "minute",
    "秒": "second",
}

COUNT = re.compile(
    rf"(?:(?P<hedge>{HEDGE_PREFIX_PATTERN}))?"
    rf"(?:{VAGUE_PATTERN}|(?P<number>{NUMBER}))"
    rf"(?:\s?(?P<suffix>[{HEDGE_SUFFIXES}]))?"
    # "十余万", "500余万", "二十几万", "五百 余万": about so many ten-thousands
    r"(?:(?<=[多余来几])\s?(?P<scale>[万亿]))?"
    # "300 美元": a space after Arabic digits
    rf"(?:(?<=\d)\s)?(?P<classifier>{CLASSIFIERS})?"
)
RATIO = re.compile(rf"(?P<left>{NUMBER_AT_RUN_START})\s*(?:比|对|:)\s*(?P<right>{NUMBER})")
PERCENT = re.compile(
    rf"(?:(?P<hedge>{HEDGE_PREFIX_PATTERN}))?"
    # "百分之七十百分位": the number ends before "百分位"
    rf"(?:(?<![{_CN_CLASS}\d\s])百分之(?P<cn>{NUMBER})(?<!百(?=分))|(?<![\d.])(?P<neg>负|-)?(?P<number>{ARABIC})\s*%)"
)
# "3/5", "1 4/3", "-3/2"
FRACTION_SLASH = re.compile(
    r"(?<![\d/.])(?P<sign>负|-)?(?:(?P<whole>\d+)\s+)?(?P<num>\d+)\s*/\s*(?P<den>\d+)(?![/\d])"
)

# Numbers standing alone, without a classifier ("三万四千五百六十七", "负1,200,000", "100K").
_NUMERAL_CHARS = _CN_CLASS + "廿卅卌兆"
_SPACED = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_NUMERAL_CHARS}](?:\s?[{_NUMERAL_CHARS}])*)"
_SPACED += rf"(?:\s*点\s*(?:\d+|[{_CN_DIGIT_CLASS}](?:\s?[{_CN_DIGIT_CLASS}])*))?"
# (as NUMBER_AT_RUN_START; a run of numeral characters may hold single spaces here)
_SPACED_AT_RUN_START = _SPACED.replace(r"(?:\d+", r"(?:(?<!\d)\d+", 1).replace(
    f"|[{_NUMERAL_CHARS}]",
    rf"|(?<![{_NUMERAL_CHARS}])(?<![{_NUMERAL_CHARS}]\s)[{_NUMERAL_CHARS}]",
    1,
)
# Smaller coins after the main unit: "五元三毛" 5.3, "50元6角三分" 50.63, "两美元又三美分" 2.03.
_COIN_DIGIT = rf"(?:\d|[{_CN_DIGIT_CLASS}])"
MONEY_CHANGE = {
    "CNY": re.compile(
        rf"\s*[又零]?\s*(?:(?P<tenths>{_COIN_DIGIT})\s*[角毛](?![利巾衣绒皮])\s*)?"
        rf"(?:(?P<hundredths>{_COIN_DIGIT})\s*分(?=钱|的|[^\u4e00-\u9fff]|$))?"
    ),
    "USD": re.compile(rf"\s*又?\s*(?P<hundredths>{NUMBER})\s*美分"),
}


def money_change(match: re.Match[str]) -> float | None:
    """The value of the coins a MONEY_CHANGE pattern read, or None when it read none."""
    total = 0.0
    read = False
    for group, scale in (("tenths", 0.1), ("hundredths", 0.01)):
        text = match.groupdict().get(group)
        value = parse_number(text) if text else None
        if value is not None:
            total += value * scale
            read = True
    return round(total, 2) if read else None


# "三分之一", "3又一千分之23", "负一又二分之一", "五 分之 一", "负3分之负157", "三百 五又三分之一"
FRACTION = re.compile(
    rf"(?:(?P<whole>负?{_SPACED_AT_RUN_START})\s*又\s*)?"
    rf"(?P<den>(?:负\s*)?{NUMBER_AT_RUN_START})\s*"
    # Cantonese leaves out 之: "二份一" is a half, "一又十分一" 1.1 (after 又 only, since
    # "十分一致" is "very consistent")
    rf"(?:分\s*之|(?P<cantonese>份|(?(whole)分|(?!))))"
    rf"\s*(?P<num>负?{NUMBER})(?(cantonese)(?![\u4e00-\u9fff]))"
)
# A lone digit as the answer to "what is it": "答案是四不是五", "这不是一这是九台"
# (folded text: "，" is ",", "。" stays)
DIGIT_ANSWER = re.compile(
    r"(?<=是)[零一二两三四五六七八九壹贰叁肆伍陆柒捌玖](?=$|[不而却那这还也吗呢吧了,.;!?。])"
)
# "一半", "半个": a half
HALF = re.compile(
    r"一半|(?<![\d.])1半|半[个個](?!月|小时|钟头|世纪|多|星期|礼拜|学期)|(?P<hundred>半百)"
)
# "$20", "￥300"
MONEY_SIGN = re.compile(rf"(?P<sign>[$￥¥€£])\s*(?P<number>{ARABIC})(?![\d%])")
MONEY_SIGNS = {"$": "USD", "￥": "CNY", "¥": "CNY", "€": "EUR", "£": "GBP"}
NUMERAL = re.compile(
    # "－－9" is no negative number and "...9" no decimal
    rf"(?P<sign>负\s*|(?<!-)-\s*)?(?:(?P<arabic>\d+(?:,\d{{3}})*(?:\.\d+)?|(?<![\d.])\.\d+)"
    r"(?P<exp>(?:[eE][+-]?\d+|\^[+-]*\d+)(?![\d.]))?"
    r"\s*(?P<si>[kKmMgG](?![A-Za-z]))?"
    rf"|(?P<cn>[{_NUMERAL_CHARS}](?:\s?[{_NUMERAL_CHARS}\d])*"
    rf"(?:\s?点\s?(?:\d+|(?!两)[{_CN_DIGIT_CLASS}]+))?))"
)
# Figures with two or more dots are several numbers, not a decimal: "2222.2222.22222.222"
DOTTED_RUN = re.compile(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d.])")
# "排名前三的品牌": the top so many
TOP_N = re.compile(r"(?<=前)[一二三四五六七八九十](?=的)")
SI_SCALES = {"k": 1e3, "m": 1e6, "g": 1e9}
# Numeral words that are not numbers in running text: "千万" (by all means), "万一" (in case).
NOT_NUMBERS = frozenset("千万 万万 万一 一一 千千万万 十十 一二 三三 七八 九九 五四 两两".split())
# Percentages written as points, tenths (成) and discounts (折): "12个百分点", "三成", "八五折".
PERCENT_POINTS = re.compile(
    rf"(?P<number>{_SPACED_AT_RUN_START})\s*(?P<si>[kK])?\s*个?\s*百\s*分\s*点"
)
PERCENT_SPACED = re.compile(
    rf"(?<![{_CN_CLASS}\d])(?<![{_CN_CLASS}\d]\s)百\s*分\s*之\s*(?P<number>{_SPACED})(?<!百(?=分))"
    r"\s*(?P<si>[kK])?"
)
TENTHS = re.compile(
    # after a verb or hedge ("一律八五折", "约三成", "折扣一折"), never inside a word ("统一成")
    rf"(?:(?<=[约近逾超达打为是有律到至了过扣])|(?<![一-龥]))"
    # "半折" and "打对折" are half price
    rf"(?P<number>(?!十\s*折){_SPACED_AT_RUN_START}|半|(?<=打)对)\s*(?P<unit>成|折)"
    r"(?![合叠算旧腰扣返不是会要就])"
    # "三成半" is 35%, "七成六" 76%; not "三成五十岁以上" or "三成五个"
    rf"(?:(?<=成)\s?(?P<tail>半|[一二三四五六七八九])(?!\s*(?:[{_NUMERAL_CHARS}\d]|{CLASSIFIERS})))?"
)

# ---- dates -----------------------------------------------------------------------------

_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = (
    "三十一?|卅一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九]?"
    "|[一二三四五六七八九]"
)
_CN_YEAR = "[零〇○一二三四五六七八九]{4}"
# Years written with two digits ("18年10月1日", "08年", "零八年") only when zero-led or
# followed by a month: "10年" alone is a duration.
_SHORT_YEAR = (
    r"0\d|零[零〇一二三四五六七八九]"
    r"|\d\d(?=\s*年\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月)"
)
YEAR = rf"(?:(?P<year>\d{{4}}|{_CN_YEAR}|{_SHORT_YEAR})\s*年(?!代|度|龄|级|初|底|纪)"
YEAR += r"|(?P<rel_year>今年|去年|明年|前年|后年|上年|下年|来年|大前年|大后年)"
# "去(2024)年12月", Taiwan's and Hong Kong's way: the year named from now, then written out
YEAR += r"|(?:去|今|明|前)\s*[(（]\s*(?P<paren_year>\d{4})\s*[)）]\s*年)"
MONTH = rf"(?P<month>1[0-2]|0?[1-9]|{_CN_MONTH})\s*月份?"
DAY = rf"(?P<day>3[01]|[12]\d|0?[1-9]|{_CN_DAY})\s*(?:日|号)"
# "1月13日那天": the demonstrative belongs to the date, not to a relative expression.
_DATE_TAIL = r"(?:那天|当天|这天|那一天|当日)?"
# Lunar dates: "农历十月初一", "正月十五", "腊月廿三", "大年初一".
_LUNAR_MONTH = "闰?(?:正|冬|腊|十[一二]?|[一二三四五六七八九])"
_LUNAR_DAY = (
    "初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?"
    "|廿[一二三四五六七八九]?|三十"
)
RELATIVE_YEARS = {
    "今年": 0,
    "去年": -1,
    "上年": -1,
    "前年": -2,
    "大前年": -3,
    "明年": 1,
    "下年": 1,
    "来年": 1,
    "后年": 2,
    "大后年": 3,
}
# Reign and republican eras: the Gregorian year of each era's first year (元年).
ERAS = {
    "民国": 1912,
    "宣统": 1909,
    "光绪": 1875,
    "同治": 1862,
    "咸丰": 1851,
    "道光": 1821,
    "嘉庆": 1796,
    "乾隆": 1736,
    "雍正": 1723,
    "康熙": 1662,
    "顺治": 1644,
    "崇祯": 1628,
    "万历": 1573,
    "神龙": 705,
    "贞观": 627,
}
RELATIVE_MONTHS = {"本月": 0, "今个月": 0, "这个月": 0, "上月": -1, "上个月": -1, "下月": 1}
RELATIVE_MONTHS["下个月"] = 1
# Every date form starts with one of these characters: a quick test before the alternatives.
_DATE_FIRST = "〇○零一二三四五六七八九十正冬腊闰农阴今去明前后上下来大本这昨"
_DATE_FIRST += "".join(sorted({era[0] for era in ERAS}))
DATE = re.compile(
    rf"(?=[\d{_DATE_FIRST}])"
    rf"(?:(?<![\d.])(?P<lunar>农历|阴历)?\s*(?:(?P<lyear>\d{{4}}|{_CN_YEAR})\s*年)?"
    rf"(?P<lmonth>{_LUNAR_MONTH})月(?P<lday>{_LUNAR_DAY})(?![日号\d万千百亿个天年月点])"
    rf"|(?<![\d.])(?:{YEAR}\s*)?{MONTH}\s*(?:{DAY})?{_DATE_TAIL}"
    rf"|(?P<rel_month>本月|今个月|这个月|上个?月|下个?月)\s*{DAY.replace('day>', 'rday>')}"
    rf"|(?<![\d.])(?:(?P<range_from>\d{{4}})\s*[-–—~至到]\s*)?"
    rf"(?P<year_only>\d{{4}}|{_CN_YEAR}|0\d|零[零〇一二三四五六七八九])\s*年"
    rf"(?!代|度|龄|级|\s*\d)(?P<year_mod>(?:及|或)?(?:以|之)?(?:后|前)|起|开始|以来)?"
    rf"|(?P<era>{'|'.join(ERAS)})(?P<era_year>元|[一二三四五六七八九十]{{1,3}}|\d{{1,3}})年"
    rf"(?:(?P<era_month>正|1[0-2]|0?[1-9]|{_CN_MONTH})月(?:(?P<era_day>初[一二三四五六七八九十]"
    rf"|{_CN_DAY}|3[01]|[12]\d|0?[1-9])[日号]?)?)?"
    rf"|(?<![\d月.年/-])(?P<lone_day>3[01]|[12]\d|0?[1-9])\s*日(?![本经报元])"
    # "今(4)日", "昨(3)日": the day named from now, then its date written out
    rf"|(?P<paren_rel>今|昨|前|明)\s*[(（]\s*(?P<paren_day>3[01]|[12]\d|0?[1-9])\s*[)）]\s*日"
    rf"|(?:去|今|明|前)\s*[(（]\s*(?P<paren_year_only>\d{{4}})\s*[)）]\s*年(?!\s*\d|\s*[一二三四五六七八九十]+月)"
    rf"|(?<![\d.])(?P<iso_year>(?:19|20)\d\d)[-/.](?P<iso_month>1[0-2]|0?[1-9])[-/.]"
    rf"(?P<iso_day>3[01]|[12]\d|0?[1-9])(?!\d)"
    r"|(?<![\d/.])(?P<us_month>1[0-2]|0?[1-9])/(?P<us_day>3[01]|[12]\d|0?[1-9])"
    r"/(?P<us_year>(?:19|20)?\d\d)(?![\d/])"
    r")"
)
# Weekdays, with the week they are in: "周三", "上周日", "下下周一", "这礼拜三", "今个星期二".
_WEEK_WORD = "(?:周|星期|礼拜)"
WEEK_OFFSETS = {
    "上上": -2,
    "上": -1,
    "这": 0,
    "本": 0,
    "今个": 0,
    "今": 0,
    "下": 1,
    "下下": 2,
}
_WEEK_REL = "上上|下下|上|下|这|本|今个|今"
WEEKDAY = re.compile(
    rf"(?<!每)(?:(?P<week>{_WEEK_REL})个?)?{_WEEK_WORD}(?P<weekday>[一二三四五六日天])(?!报|刊)"
    rf"|(?:(?P<weekend_week>{_WEEK_REL})个?)?(?P<weekend>周末)"
    # "十月第一个星期一", "四月的最后一个星期一"
    rf"|(?P<nth_month>1[0-2]|0?[1-9]|{_CN_MONTH})月(?:份)?的?"
    rf"(?:第(?P<nth>[一二三四五1-5])|(?P<last>最后一))个?{_WEEK_WORD}"
    r"(?P<nth_weekday>[一二三四五六日天])"
)
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

# Calendar periods named from now: "上周", "这个月", "去年", "上两个月", "三年前".
PERIOD_UNITS = {
    "周": "week",
    "星期": "week",
    "礼拜": "week",
    "月": "month",
    "年": "year",
    "天": "day",
    "日": "day",
    "小时": "hour",
    "钟头": "hour",
    "钟": "hour",
    "分钟": "minute",
    "分": "minute",
    "秒钟": "second",
    "秒": "second",
}
_COUNT = r"[1-9]\d{0,2}|[一二两三四五六七八九十几数]{1,3}"
PERIOD = re.compile(
    rf"(?P<week_rel>{_WEEK_REL})(?P<one>一)?个?(?P<unit>周|星期|礼拜|月|小时|钟头)"
    r"(?![一二三四五六日天末边围年期刊报球亮光台饼])"
    rf"|(?P<span_rel>上|前|下|后|过去的?|最近|近|未来的?|接下来的?|之后|之前)"
    rf"\s*(?P<span_count>{_COUNT})\s*个?"
    r"(?P<span_unit>秒钟?|分钟|小时|钟头|钟|天|日|周|星期|礼拜|月|年)"
    r"(?![前后内里间来以之])"
    # "上半年", "明年下半年", "2018年前半年", "上个半年", "下半周"
    rf"|(?:(?P<half_year>\d{{4}}|{_CN_YEAR})\s*年|(?P<half_rel_year>今年|去年|明年))?"
    r"(?P<half>上个|下个|上|下|前|后)半(?P<half_unit>年|月|周)"
    # "十九世纪七十年代", "九十年代", "80年代"
    r"|(?:(?P<century>十[一二三四五六七八九]|二十一?|\d{2})世纪)?"
    r"(?P<decade>[一二三四五六七八九]十|[1-9]0)年代"
    # "2021年的第一周", "明年第九个月", "今年的最后3周", "去年的前10天", "十月的第一周"
    rf"|(?:(?P<in_year>\d{{4}}|{_CN_YEAR})\s*年|(?P<in_rel_year>今年|去年|明年)"
    rf"|(?P<in_month>1[0-2]|0?[1-9]|{_CN_MONTH})月份?)\s*的?\s*"
    rf"(?:第(?P<in_nth>{_COUNT})|(?P<in_first>前)\s*(?P<in_first_count>{_COUNT})"
    rf"|(?P<in_last>最后)\s*(?P<in_last_count>{_COUNT})?)\s*个?\s*(?P<in_unit>周|星期|月|天)"
    rf"|(?<![\d〇零一二两三四五六七八九十百千万])(?P<ago_count>{_COUNT})\s*个?"
    r"(?P<ago_unit>秒钟?|分钟|小时|钟头|钟|周|星期|礼拜|月|年)(?:之|以)?(?P<ago>前|后)"
    r"(?![面方排台线端者期])"
    r"|(?P<now>现在|此时|此刻|当前|而家|依家|马上|最近(?![\d一二两三四五六七八九十几]))"
    # after the forms above that start with a year word ("去年上半年", "明年第九个月")
    r"|(?P<year_word>大前年|大后年|前年|去年|今年|明年|后年|上年|下年|来年|本年|这一年)"
    r"(?![级纪代龄轻头份])"
)
PERIOD_OFFSETS = {"上": -1, "前": -1, "过去": -1, "过去的": -1, "最近": -1, "近": -1, "之前": -1}
# "过去十年", "最近三天": the span that ends now, counted in exact units (not whole periods).
EXACT_SPANS = frozenset(("过去", "过去的", "最近", "近", "未来", "未来的", "之后", "之前"))

# Times of day; they keep the day they follow ("2月15号早上", "今晚8点", "明天下午5:00").
_TIME_OF_DAY = (
    "早上|早晨|早间|清晨|上午|中午|午间|下午|午后|傍晚|晚上|晚间|夜里|夜间|半夜|凌晨|晏昼"
)
_HOUR = r"\d{1,2}|[零一二两三四五六七八九十]{1,3}"
_MINUTE = (
    r"(?:\d{1,2}|[零一二三四五六七八九十]{1,3})(?:分钟?|个字)?|半|一刻|三刻|整"
    r"|[踏搭](?:半|[一二三四五六七八九十]{1,2})"
)
CLOCK = re.compile(
    r"(?=[\d零一二两三四五六七八九十早清上中午下傍晚夜半凌晏])"
    rf"(?:(?P<tod>{_TIME_OF_DAY})?\s*(?:(?P<hour>{_HOUR})\s*(?:点钟?|时)\s*(?P<minute>{_MINUTE})?"
    r"(?:\s*(?:\d{1,2}|[零一二三四五六七八九十]{1,3})秒)?"
    r"|(?P<colon>(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)\s*(?P<ampm>[ap]\.?m\.?|[ap](?![a-z]))?"
    r"|(?P<ampm_hour>1[0-2]|0?[1-9])\s*(?P<ampm_only>[ap]m))"
    rf"|(?P<tod_only>{_TIME_OF_DAY}|早|晚))",
    re.IGNORECASE,
)
# A bare clock time needs a sign that it is one: "三点" may be three points of a plan.
CLOCK_TAIL = re.compile(r"\s*(?:的时候|时|左右|许|前后|到|至|-|—|~|开始|举行|起)")

# Holidays: names (Simplified, after folding) and the rule that dates them (calendars.py).
HOLIDAYS: dict[str, tuple[str, ...]] = {
    "fixed 1-1": ("元旦节", "元旦", "阳历新年"),
    "fixed 2-14": ("情人节", "圣瓦伦丁节"),
    "fixed 3-8": ("国际妇女节", "三八妇女节", "妇女节"),
    "fixed 3-12": ("植树节",),
    "fixed 3-15": ("国际消费者权益日", "国际消費者权益日", "消费者权益日", "三一五"),
    "fixed 4-1": ("愚人节",),
    "fixed 5-1": ("五一国际劳动节", "国际劳动节", "劳动节", "五一节"),
    "fixed 5-4": ("五四青年节", "青年节"),
    "fixed 6-1": ("国际儿童节", "六一儿童节", "儿童节"),
    "fixed 7-1": ("建党节", "香港回归纪念日"),
    "fixed 8-1": ("八一建军节", "建军节"),
    "fixed 9-10": ("教师节",),
    "fixed 10-1": ("国庆节", "国庆"),
    "fixed 10-16": ("老板节",),
    # 万圣节 is read as Halloween in Chinese, as Duckling does; All Saints' is 诸圣节.
    "fixed 10-31": ("万圣节前夜", "万圣夜", "万圣节"),
    "fixed 11-1": ("诸圣节",),
    "fixed 12-20": ("澳门回归纪念日",),
    "fixed 12-24": ("平安夜",),
    "fixed 12-25": ("圣诞节", "圣诞"),
    "fixed 1-14": ("印度丰收节", "淡米尔丰收节", "庞格尔节"),
    "fixed 1-15": ("印度丰收节第三天", "庞格尔节第三天"),
    "fixed 1-16": ("印度丰收节第四天", "庞格尔节第四天"),
    "weekday 5 6 2": ("母亲节",),
    "weekday 6 6 3": ("父亲节",),
    "weekday 11 3 4": ("感恩节",),
    "lunar 1-1": ("春节", "农历新年", "新春", "大年初一", "正月正时", "正月朔日"),
    "lunar 1-15": ("元宵节", "元宵", "上元节"),
    "lunar 5-5": ("端午节", "端午"),
    "lunar 4-15": ("卫塞节", "威瑟节", "比萨宝蕉节"),
    "lunar 7-7": ("七夕节", "七夕"),
    "lunar 7-15": ("中元节",),
    "lunar 8-15": ("中秋节", "中秋"),
    "lunar 9-9": ("重阳节", "重阳"),
    "lunar 12-8": ("腊八节",),
    "lunar 12-0": ("除夕", "大年三十", "大年夜"),
    "term 清明": ("清明节", "清明"),
    "term 冬至": ("冬至",),
    "easter -47": ("忏悔节", "忏悔火曜日", "煎饼星期二"),
    "easter -46": ("大斋首日", "圣灰星期三", "圣灰礼仪日", "圣灰日", "灰日", "大斋期", "大斋节"),
    "easter -7": ("棕枝主日", "圣枝主日", "圣树主日", "基督苦难主日"),
    "easter -3": ("神圣星期四", "圣周星期四", "圣周四", "濯足节", "设立圣餐日"),
    "easter -2": ("耶稣受难日", "主受难日", "主受难节", "沈默周五", "沉默周五", "圣周五"),
    "easter -1": ("神圣周六", "圣周六", "复活节前夜", "黑色星期六"),
    "easter 0": ("复活节", "主复活日"),
    "easter 1": ("复活节星期一",),
    "easter 49": ("五旬节", "圣灵降临节", "圣灵降临日"),
    "easter 50": ("圣灵节庆日",),
    "easter 56": ("圣三一主日", "天主三一主日", "天主圣三一节", "圣三主日", "圣三节"),
    "easter 60": ("基督圣体节", "基督圣体圣血瞻礼", "基督圣体圣血节"),
    "orthodox -48": ("四旬节",),
    "orthodox -8": ("拉撒路圣周六", "拉匝路周六"),
    "orthodox -7": ("东正教棕枝主日", "东正教圣枝主日", "东正教圣树主日", "东正教基督苦难主日"),
    "orthodox -2": (
        "东正教耶稣受难日",
        "东正教主受难节",
        "东正教圣周五",
        "东正教沈默周五",
        "东正教沉默周五",
    ),
    "orthodox -1": (
        "东正教神圣周六",
        "东正教圣周六",
        "东正教耶稣受难日翌日",
        "东正教主受难节翌日",
        "东正教复活节前夜",
    ),
    "orthodox 0": ("东正教复活节",),
    "orthodox 1": ("东正教复活节星期一",),
    "hebrew 1-15": ("逾越节",),
    "israel 2-5": ("以色列独立日", "以色列国庆节"),
    "hebrew 2-18": ("犹太教篝火节", "篝火节"),
    "hebrew 3-6": ("七七节", "沙夫幼特节", "周日节", "收获节", "新果实节"),
    "hebrew 5-9": ("圣殿被毁日", "禁食日"),
    "hebrew 7-1": ("犹太新年",),
    "hebrew 7-10": ("赎罪日",),
    "hebrew 7-15": ("住棚节",),
    "hebrew 7-22": ("圣会节",),
    "hebrew 7-23": (
        "西赫托拉节",
        "西赫妥拉节",
        "诵经节",
        "转经节",
        "律法节",
        "欢庆圣法节",
    ),
    "hebrew 9-25": ("光明节", "修殿节", "献殿节", "烛光节", "哈努卡节", "马加比节"),
    "hebrew 11-15": ("犹太植树节", "图比舍巴特节", "树木新年"),
    "islamic 1-1": ("伊斯兰新年", "伊斯兰教新年", "伊斯兰历新年"),
    "islamic 1-10": ("阿舒拉节",),
    "islamic 3-12": ("圣纪节",),
    "islamic 7-27": ("登霄节", "夜行登霄节"),
    "islamic 9-1": ("穆斯林斋月", "斋月"),
    "islamic 9-27": ("法令之夜", "权力之夜"),
    "islamic 10-1": ("开斋节", "肉孜节", "尔代节"),
    "islamic 12-10": ("古尔邦节", "宰牲节"),
}
# The day after / before a holiday: "耶稣受难日翌日", "国庆前夕".
HOLIDAY_SHIFTS = {"翌日": 1, "次日": 1, "第二天": 1, "前夜": -1, "前夕": -1, "前一天": -1}
_HOLIDAY_NAMES = sorted(
    {name for names in HOLIDAYS.values() for name in names}, key=len, reverse=True
)
HOLIDAY_RULES = {name: rule for rule, names in HOLIDAYS.items() for name in names}
HOLIDAY = re.compile(
    rf"(?:(?P<year>\d{{4}}|{_CN_YEAR})\s*年(?:的)?|(?P<rel_year>今年|去年|明年|前年|后年)(?:的)?)?"
    rf"(?P<name>{'|'.join(_HOLIDAY_NAMES)})"
    rf"(?P<shift>{'|'.join(HOLIDAY_SHIFTS)})?"
)

# ---- relative timing ---------------------------------------------------------------------

_SMALL_NUMBER = r"\d{1,3}|[一二两三四五六七八九十]{1,3}"
# Each entry: pattern, offset in days (None: only an order), order.
RELATIVE = re.compile(
    rf"(?P<after_n>{_SMALL_NUMBER})\s*(?:天|日)\s*(?:之|以)?后"
    rf"|(?P<before_n>{_SMALL_NUMBER})\s*(?:天|日)\s*(?:之|以)?前"
    rf"|第(?P<nth>{_SMALL_NUMBER})天"
    r"|(?P<next>次日|翌日|第二天|第二日|隔天|隔日|转天)"
    r"|(?P<previous>前一天|前一日|头一天|此前一天)"
    r"|(?P<same>当天|当日|同日|同一天|同天|那天|那一天|这一天|当晚|当天晚上)"
    r"|(?P<simultaneous>同时|时候|之际|与此同时)"
    r"|(?P<later>随后|此后|之后|其后)"
    r"|(?<![《至])(?P<deictic>大前天|大后天|大后日|今天|今日(?!头条)|昨天|昨日|寻日|前天|前日"
    r"|明天|明日(?!之后》)|听日|后天|后日|今晚|今早|今晨|今夜|昨晚|昨夜|明晚|明早|明晨)"
    r"|(?P<after>后)(?=\s*[,，;；])"
)
DEICTIC_OFFSETS = {
    "今天": 0,
    "今日": 0,
    "今晚": 0,
    "今早": 0,
    "今晨": 0,
    "今夜": 0,
    "昨天": -1,
    "昨日": -1,
    "寻日": -1,
    "昨晚": -1,
    "昨夜": -1,
    "前天": -2,
    "前日": -2,
    "大前天": -3,
    "明天": 1,
    "明日": 1,
    "听日": 1,
    "明晚": 1,
    "明早": 1,
    "明晨": 1,
    "后天": 2,
    "后日": 2,
    "大后天": 3,
    "大后日": 3,
}
# Words that open a relative clause without naming its anchor ("就在前一天").
ANCHOR_LEAD = re.compile(
    r"(?:就在|正在|也就是|也即|即|正是|就是|反而|却|并且|并|又|才|便|仅仅|仅|在|于|是|而|但|就)+"
)
ANCHOR_COMPANION = re.compile(r"(?:就在|在)?(?:与|和|跟|同)")
# "X的第二天", "X后的第二天", "X后第二天": what links an anchor to the relative word.
ANCHOR_LINK = re.compile(r"(?:之后的|以后的|后的|的|之后|以后|后)$")

EXAMPLES: dict[str, list[tuple[str, object]]] = {
    "number": [
        ("3万6千", 36000),
        ("-2.5", -2.5),
        ("1千零8", 1008),
        ("五十四", 54),
        ("54", 54),
        ("两千", 2000),
        ("1600万", 16_000_000),
        ("一千六百万", 16_000_000),
        ("80亿", 8_000_000_000),
        ("一亿两千万", 120_000_000),
        ("一百零五", 105),
        ("十四", 14),
        ("二〇二六", 2026),
        ("三点五", 3.5),
        ("1,200", 1200),
        ("５４", 54),
        ("千一", 1100),
        ("一万二", 12000),
        ("三百五", 350),
        ("负三百五", -350),
        ("廿三", 23),
        ("7万5千4百", 75400),
        ("四十九兆九千五百九十二亿", 49_959_200_000_000),
        ("零点77", 0.77),
        ("四万万", 400_000_000),
    ],
    # running text and the quantities in it: (quote, value), in text order
    "quantity": [
        ("手机壳五元三毛", [("五元三毛", 5.3)]),
        ("票价50元6角三分", [("50元6角三分", 50.63)]),
        ("两美元又三美分", [("两美元又三美分", 2.03)]),
        ("全场打对折", [("对折", 50)]),
        ("约七成六的受访者", [("七成六", 76)]),
        ("三成半的企业", [("三成半", 35)]),
        ("百分之七十百分位", [("百分之七十", 70)]),
        ("二份一", [("二份一", 0.5)]),
        ("一又十分一", [("一又十分一", 1.1)]),
        ("负3分之负157", [("负3分之负157", 157 / 3)]),
        ("三百五又三分之一", [("三百五又三分之一", 350 + 1 / 3)]),
        ("超过一半的代表", [("一半", 0.5)]),
        ("答案不是四而是五", [("四", 4), ("五", 5)]),
        ("$20，300美圆", [("$20", 20), ("300美圆", 300)]),
        ("1,200美元", [("1,200美元", 1200)]),
        ("我们有 300 美元", [("300 美元", 300)]),
        ("我有20个比特币", [("20个比特币", 20)]),
        ("2222.2222.22222.222", [("2222", 2222), ("2222", 2222), ("22222", 22222), ("222", 222)]),
        ("...9", [("9", 9)]),
        ("壹打", [("壹打", 12)]),
        ("排名前三的品牌", [("三", 3)]),
        ("共计1000  万元", [("1000  万元", 10_000_000)]),
        ("倆千两百贰拾二", [("倆千两百贰拾二", 2222)]),
        ("三对夫妇出席", [("三对夫妇", 3)]),
        ("以5对3获胜", [("5对3", 3)]),
        ("五百 余万人", [("五百 余万人", 5_000_000)]),
        ("四十九兆九千五百九十二億元", [("四十九兆九千五百九十二億元", 49_959_200_000_000)]),
        ("装机一百兆瓦", [("一百", 100)]),
        ("详见 https://example.com/2026/02/04/a?q=30%25 ，增长5%", [("5%", 5)]),
    ],
    "not_number": [
        ("十分一致", None),
        ("登陆部队已经上岸", None),
        ("大家一起努力", None),
        ("这是一致的", None),
    ],
    # text, reference date, the resolved start date (None: not a time at all)
    "time": [
        ("2026年1月14日", "2026-02-08", "2026-01-14"),
        ("2月4日", "2026-02-08", "2026-02-04"),
        ("12月30日", "2026-01-03", "2025-12-30"),
        ("二〇二六年二月四日", None, "2026-02-04"),
        ("2025年2月", "2026-02-08", "2025-02-01"),
        ("２月４日", "2026-02-08", "2026-02-04"),
        ("1月13日那天", "2026-02-08", "2026-01-13"),
        ("昨天", "2026-02-08", "2026-02-07"),
        ("22分大逆转", "2026-02-08", None),
        ("中期选举在即", "2026-02-08", None),
        ("四分之一", "2026-02-08", None),
        ("每日经济新闻", "2026-02-08", None),
        ("排队3000桌", "2026-02-08", None),
        ("期限5年", "2026-02-08", None),
        ("3个月", "2026-02-08", None),
        # weekdays: the nearest one, or the one in the week named
        ("禮拜一", "2026-02-11", "2026-02-09"),
        ("下周三", "2013-02-12", "2013-02-20"),
        ("上周日", "2013-02-12", "2013-02-10"),
        ("这礼拜五", "2013-02-12", "2013-02-15"),
        ("今個星期二", "2013-02-12", "2013-02-12"),
        ("下下周末", "2017-03-22", "2017-04-08"),
        ("十月的第一个星期一", "2026-08-01", "2026-10-05"),
        ("每周一开会", "2026-02-08", None),
        # days and months named from now, Cantonese forms included
        ("聽日", "2026-02-08", "2026-02-09"),
        ("尋日", "2026-02-08", "2026-02-07"),
        ("昨晚", "2026-02-08", "2026-02-07"),
        ("大后天", "2026-02-08", "2026-02-11"),
        ("今個月20號", "2026-02-08", "2026-02-20"),
        ("下个月廿号", "2026-02-08", "2026-03-20"),
        ("明年九月", "2026-02-08", "2027-09-01"),
        ("去年2月", "2026-02-08", "2025-02-01"),
        ("29日", "2026-02-20", "2026-01-29"),
        # periods: their first day
        ("上个月", "2026-02-08", "2026-01-01"),
        ("本周", "2026-02-11", "2026-02-09"),
        ("去年", "2026-02-08", "2025-01-01"),
        ("上两个月", "2013-02-12", "2012-12-01"),
        ("两年前", "2026-02-08", "2024-01-01"),
        ("三天前", "2026-02-08", "2026-02-05"),
        ("过去十年", "2026-02-08", "2016-02-08"),
        ("明年下半年", "2026-02-08", "2027-07-01"),
        ("2021年的第二周", None, "2021-01-11"),
        ("2018年以后", None, "2019-01-01"),
        ("1995-1997年", None, "1995-01-01"),
        ("八十年代", "2026-02-08", "1980-01-01"),
        ("民國113年", None, "2024-01-01"),
        # holidays in the year given, else the nearest; lunar ones through the lunar calendar
        ("春节", "2026-02-08", "2026-02-17"),
        ("2025年中秋节", None, "2025-10-06"),
        ("农历正月十五", "2026-02-08", "2026-03-03"),
        ("除夕", "2026-02-08", "2026-02-16"),
        ("國慶節晚上", "2026-02-08", "2025-10-01"),
        ("圣诞节", "2026-12-01", "2026-12-25"),
        ("复活节", "2026-02-08", "2026-04-05"),
        ("耶稣受难日翌日", "2026-02-08", "2026-04-04"),
        ("2026年开斋节", None, "2026-03-20"),
        # times of day keep their day; clock times alone are on the reference day
        ("2月15号早上", "2026-02-08", "2026-02-15"),
        ("明天下午5:00", "2026-02-08", "2026-02-09"),
        ("下午三点半", "2026-02-08", "2026-02-08"),
        # not times in running news text
        ("以22分之差落败", "2026-02-08", None),
        ("提出三点建议", "2026-02-08", None),
        ("宜家家居开业", "2026-02-08", None),
        ("据今日头条报道", "2026-02-08", None),
        ("时至今日", "2026-02-08", None),
        ("上年纪的人", "2026-02-08", None),
        ("这周边地区", "2026-02-08", None),
        ("登上月球", "2026-02-08", None),
        ("十分重要", "2026-02-08", None),
        ("占三分之一", "2026-02-08", None),
    ],
    # text, offset in days (None: an order only), order, the anchor words (None: unwritten)
    "relative": [
        ("就在前一天", -1, "before", None),
        ("反而在一天后精准反制", 1, "after", None),
        ("也就是那场大会的第二天", 1, "after", "那场大会"),
        ("就在特朗普喊话后的第二天", 1, "after", "特朗普喊话"),
        ("罢工开始两天后", 2, "after", "罢工开始"),
        ("事发次日", 1, "after", "事发"),
        ("三天前", -3, "before", None),
        ("与峰会同时", None, "same", "峰会"),
        ("就在特朗普对着话筒说“合作”的同时", None, "same", "特朗普对着话筒说“合作”"),
        ("挂断北京电话后,美国成立联盟", None, "after", "挂断北京电话"),
    ],
    # text, low, high, what is counted
    "count": [
        ("共有四双鞋", 4, 4, "鞋"),
        ("二十多万人受灾", 200_000, 300_000, "person:受灾"),
        ("来自54个国家和欧盟的代表", 54, 54, "country"),
        ("美国拉上五十四国建立联盟", 54, 54, "country"),
        ("日韩澳等34个国家的高官", 34, 34, "country"),
        ("造成12人死亡", 12, 12, "person:dead"),
        ("造成十二人遇難", 12, 12, "person:dead"),
        ("逾50人受伤", 50, 75, "person:injured"),
        ("50多人遇难", 50, 60, "person:dead"),
        ("其中重伤5人", 5, 5, "person:seriously-injured:subset"),
        ("港外锚地滞留船只已达47艘", 47, 47, "艘"),
        ("共有201名候选人", 201, 201, "person:候选人"),
    ],
}
