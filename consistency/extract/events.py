"""Event words: the meetings, calls, rulings and disasters that claims are about."""

from __future__ import annotations

import re
from functools import lru_cache

from consistency import resources
from consistency.extract.prefilter import Scanner
from consistency.model import EventWord, Mention, new_mention, template

# Characters that end a Chinese event name when reading back from its trigger word
# ("一场气氛截然相反的闭门会议" -> "闭门会议").
_NAME_STOPS = set(
    "的了在是和与把被对场次个那这该开召举行参加出席将已就于从向同一着过等及为与由让给到上下"
    "“”\"'《》「」()（）,，。、:：;；!！?？ \n"
)
_MAX_NAME_PREFIX = 12
# The run of characters before a trigger that can be part of its name, read on the reversed
# text: neither a stop nor a digit. A digit is str.isdigit's: the decimal ones (\d) and the
# others ("²", "①"), listed as ranges (tests/test_events.py checks them against str.isdigit).
_OTHER_DIGITS = (
    "\u00b2-\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
    "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788"
    "\u278a-\u2792\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a"
    "\U0001f100-\U0001f10a"
)
_STOP_CLASS = "".join(re.escape(char) for char in sorted(_NAME_STOPS))
_NAME_RUN = re.compile(f"[^{_STOP_CLASS}{_OTHER_DIGITS}\\d]*")


@resources.derived
def _families(language: str) -> tuple[Scanner, dict[str, str], tuple[str, ...]]:
    data = resources.load("events")
    trigger_family = {
        trigger.lower(): family
        for family, entry in data["families"].items()
        for trigger in entry[language]
    }
    words = sorted(trigger_family, key=len, reverse=True)
    if language == "en":
        pattern = Scanner(
            re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE),
            strings=True,
        )
    else:
        # "会议室" is a room, "大会堂" a hall, "会议成果文件" a document: not a meeting.
        pattern = Scanner(
            re.compile(
                "(?:" + "|".join(map(re.escape, words)) + ")(?![室厅堂桌]|成果|文件|纪要|材料|议程)"
            )
        )
    anaphora = tuple(sorted(data["anaphora"][language], key=len, reverse=True))
    return pattern, trigger_family, anaphora


def family_label(family: str, language: str) -> str:
    entry = resources.load("events")["families"].get(family)
    return entry["label"][language] if entry else family


@resources.derived
def trigger_rank(family: str, language: str) -> dict[str, int]:
    """Position of each event word in its family's list: earlier words name it better."""
    entry = resources.load("events")["families"].get(family, {})
    return {word.lower(): index for index, word in enumerate(entry.get(language, []))}


def find_events(text: str, folded: str, language: str) -> list[Mention]:
    """Event-word mentions with their family, name and whether they point back."""
    pattern, trigger_family, anaphora = _families(language)
    found: list[Mention] = []
    for match in pattern.finditer(folded):
        if language == "zh" and _in_title(folded, match.start()):
            continue  # 《复仇者联盟4》 is a film, not an alliance
        # In a compound the last event word is the head: "业绩发布会" is a press conference.
        if language == "zh" and found and found[-1].end == match.start():
            found.pop()
        trigger = match.group()
        family = trigger_family[trigger.lower()]
        if language == "en":
            name, anaphoric = _english_name(folded, match, anaphora)
        else:
            name, anaphoric = _chinese_name(folded, match, anaphora)
        start, end = match.span()
        found.append(_event_mention(text[start:end], start, end, family, trigger, name, anaphoric))
    return found


def _in_title(folded: str, position: int) -> bool:
    """Inside 《…》, the title of a film, book or programme (at most 30 characters back)."""
    opening = folded.rfind("《", max(0, position - 30), position)
    return opening != -1 and folded.find("》", opening, position) == -1


# Built from dicts of their fields: EventWord() and make()'s keywords cost twice as much
# (tests/test_speedups.py holds the template against the dataclass, every field).
_new = object.__new__
_EVENT_MENTION = template(Mention, kind="event")


def _event_mention(
    text: str, start: int, end: int, family: str, trigger: str, name: str, anaphoric: bool
) -> Mention:
    """``Mention("event", text, start, end, event=EventWord(family, trigger, name,
    anaphoric))``."""
    word = _new(EventWord)
    word.__dict__.update(family=family, trigger=trigger, name=name, anaphoric=anaphoric)
    return new_mention(_EVENT_MENTION, text, start, end, "event", word)


def _chinese_name(folded: str, match: re.Match[str], anaphora: tuple[str, ...]) -> tuple[str, bool]:
    start = match.start()
    before = folded[max(0, start - 6) : start]
    anaphoric = before.endswith(anaphora) or bool(_long_anaphora(anaphora).search(before[-4:]))
    # A quoted name is the name: “稀土峰会”
    quote_open = folded.rfind("“", max(0, start - 12), start)
    if quote_open != -1 and folded.find("”", match.end(), match.end() + 3) != -1:
        inner = folded[quote_open + 1 : start]
        if all(char not in _NAME_STOPS for char in inner):
            return inner + match.group(), anaphoric
    # back from the trigger while the characters can belong to the name, at most
    # _MAX_NAME_PREFIX of them
    window = folded[max(0, start - _MAX_NAME_PREFIX) : start]
    position = start - _NAME_RUN.match(window[::-1]).end()
    return folded[position : match.end()], anaphoric


@lru_cache(maxsize=8)
def _long_anaphora(anaphora: tuple[str, ...]) -> re.Pattern[str]:
    """One search for the anaphora of two characters or more (a never-matching pattern
    when there are none)."""
    words = [re.escape(word) for word in anaphora if len(word) > 1]
    return re.compile("|".join(words) if words else "(?!)")


def _english_name(folded: str, match: re.Match[str], anaphora: tuple[str, ...]) -> tuple[str, bool]:
    words = folded[max(0, match.start() - 60) : match.start()].split()
    modifiers: list[str] = []
    for word in reversed(words):
        plain = word.strip(",.;:")
        # "How election", "July launch": a sentence's first word or a date is no modifier
        if plain in _NOT_MODIFIERS or plain.lower() in _MONTH_WORDS:
            break
        if word[:1].isupper() and plain.isalpha() and word.lower() not in anaphora:
            modifiers.insert(0, word)
        else:
            break
    # "the quake", "the Feb. 27, 2025 earthquake": a definite article before the event word,
    # with only a date or numbers between, points back to an event already reported.
    between = words[max(0, len(words) - len(modifiers) - 4) : len(words) - len(modifiers)]
    anaphoric = not modifiers and any(
        word.lower() in anaphora and all(_date_like(rest) for rest in between[index + 1 :])
        for index, word in enumerate(between)
    )
    return " ".join([*modifiers, match.group()]), anaphoric


# Capitalized words before an event word that are not part of its name: a sentence's first
# word, weekdays.
_NOT_MODIFIERS = frozenset(
    "The This That These Those There Their How What Why When Where Who Which After Before "
    "Since During And But For With From In On At As By If While Its His Her Our "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def _date_like(word: str) -> bool:
    return word.strip(".,").isdigit() or word.strip(".,").lower() in _MONTH_WORDS


_MONTH_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december".split()
)
