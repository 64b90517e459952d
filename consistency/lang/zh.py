"""Chinese (Simplified and Traditional): numerals, counts, dates and relative timing.

All patterns run on *folded* text: full-width forms made half-width and common Traditional
characters mapped to Simplified, one character for one, so a match's offsets are the
offsets in the article.
"""

from __future__ import annotations

import re

from consistency.lang import fold_width

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
)
_TRADITIONAL_MAP = {
    ord(_TRADITIONAL[index]): ord(_TRADITIONAL[index + 1])
    for index in range(0, len(_TRADITIONAL) - 1, 2)
}


def fold(text: str) -> str:
    """Half-width, Simplified forms of ``text``, same length, for pattern matching."""
    return fold_width(text).translate(_TRADITIONAL_MAP)


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
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

_CN_DIGIT_CLASS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_CLASS = _CN_DIGIT_CLASS + "十拾百佰千仟万亿"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A number as written in running text: Arabic (optionally with 万/亿) or Chinese numerals.
NUMBER = rf"(?:{ARABIC}(?:[十百千万亿]+)?|[{_CN_CLASS}]+(?:点[{_CN_DIGIT_CLASS}]+)?)"


def parse_number(text: str) -> float | None:
    """Value of a Chinese or Arabic numeral: "五十四" 54, "1600万" 16e6, "二〇二六" 2026."""
    text = fold_width(text).replace(",", "").replace(" ", "")
    if not text:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([十百千万亿]*)", text)
    if match:
        value = float(match.group(1))
        for unit in match.group(2):
            value *= SMALL_UNITS.get(unit) or BIG_UNITS[unit]
        return value
    if "点" in text:
        whole, _, fraction = text.partition("点")
        whole_value = parse_number(whole) if whole else 0.0
        if whole_value is None or not fraction or any(c not in DIGITS for c in fraction):
            return None
        return whole_value + float("0." + "".join(str(DIGITS[c]) for c in fraction))
    if any(
        char not in DIGITS and char not in SMALL_UNITS and char not in BIG_UNITS for char in text
    ):
        return None
    if all(char in DIGITS for char in text) and len(text) > 1:
        # Digit by digit, as in years: 二〇二六
        return float("".join(str(DIGITS[char]) for char in text))
    total = section = number = 0
    for char in text:
        if char in DIGITS:
            number = DIGITS[char]
        elif char in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[char]
            number = 0
        elif char == "万":
            total += (section + number) * 10_000
            section = number = 0
        else:  # 亿
            total = (total + section + number) * 100_000_000
            section = number = 0
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
SPECIFIC_CLASSIFIERS = frozenset("艘架辆栋座头枚颗列")
CLASSIFIERS = (
    "个|名|位|人|国|家|项|份|件|起|次|艘|架|辆|座|所|条|篇|只|头|户|栋|间|枚|颗|张|台|部|支|队|场|"
    "例|处|宗|批|轮|届|种|类|款|栋|层|吨|公斤|千克|克|米|公里|千米|平方米|平方公里|亩|公顷|"
    "美元|元|人民币|欧元|日元|英镑|港元|澳元|卢布|韩元|块"
)
MEASURE_UNITS = {
    "吨": "t",
    "公斤": "kg",
    "千克": "kg",
    "克": "g",
    "米": "m",
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
    rf"(?P<suffix>[{HEDGE_SUFFIXES}])?"
    rf"(?P<classifier>{CLASSIFIERS})?"
)
RATIO = re.compile(rf"(?P<left>{NUMBER})\s*(?:比|对|:)\s*(?P<right>{NUMBER})")
PERCENT = re.compile(
    rf"(?:(?P<hedge>{HEDGE_PREFIX_PATTERN}))?"
    rf"(?:百分之(?P<cn>{NUMBER})|(?P<number>{ARABIC})\s*%)"
)
FRACTION = re.compile(rf"(?P<den>{NUMBER})分之(?P<num>{NUMBER})")

# ---- dates -----------------------------------------------------------------------------

_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
YEAR = r"(?P<year>\d{4}|[零〇○一二三四五六七八九]{4})\s*年(?!代|度|龄|级)"
MONTH = rf"(?P<month>1[0-2]|0?[1-9]|{_CN_MONTH})\s*月份?"
DAY = rf"(?P<day>3[01]|[12]\d|0?[1-9]|{_CN_DAY})\s*(?:日|号)"
# "1月13日那天": the demonstrative belongs to the date, not to a relative expression.
_DATE_TAIL = r"(?:那天|当天|这天|那一天|当日)?"
DATE = re.compile(
    rf"(?<![\d.])(?:{YEAR}\s*)?{MONTH}\s*(?:{DAY})?{_DATE_TAIL}"
    rf"|(?<![\d.])(?P<year_only>\d{{4}}|[零〇○一二三四五六七八九]{{4}})\s*年(?!代|度|龄|级|\s*\d)"
    rf"|(?<![\d月.年/-])(?P<lone_day>3[01]|[12]\d|0?[1-9])\s*日(?![本经报元])"
    rf"|(?<![\d.])(?P<iso_year>(?:19|20)\d\d)[-/.](?P<iso_month>1[0-2]|0?[1-9])[-/.]"
    rf"(?P<iso_day>3[01]|[12]\d|0?[1-9])(?!\d)"
)
WEEKDAY = re.compile(r"(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天])")
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

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
    r"|(?P<deictic>今天|昨天|昨日|前天|明天|明日|后天|大前天)"
    r"|(?P<after>后)(?=\s*[,，;；])"
)
DEICTIC_OFFSETS = {
    "今天": 0,
    "昨天": -1,
    "昨日": -1,
    "前天": -2,
    "大前天": -3,
    "明天": 1,
    "明日": 1,
    "后天": 2,
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
        ("来自54个国家和欧盟的代表", 54, 54, "country"),
        ("美国拉上五十四国建立联盟", 54, 54, "country"),
        ("日韩澳等34个国家的高官", 34, 34, "country"),
        ("造成12人死亡", 12, 12, "person:dead"),
        ("造成十二人遇難", 12, 12, "person:dead"),
        ("逾50人受伤", 50, 75, "person:injured"),
        ("50多人遇难", 50, 60, "person:dead"),
        ("其中重伤5人", 5, 5, "person:seriously-injured:subset"),
        ("港外锚地滞留船只已达47艘", 47, 47, "艘"),
        ("共有201名候选人", 201, 201, "person:候选"),
    ],
}
