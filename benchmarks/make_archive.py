"""Generate a synthetic archive of N articles from the fixtures and seeds (never committed).

    python benchmarks/make_archive.py 10000 /tmp/archive-10k [--seed 1]

Articles come in stories of 1 to 6 articles: the articles of one story share a template,
place names and a date shift (so they cluster by event, date and entity as a newsroom's
archive does) and vary their counts a little (so some disagree); different stories get
other places, dates and counts. Files go 1,000 to a subfolder. Prints the number written
and the characters per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLACES_ZH = [
    "平岚", "雅州", "石门", "青川", "临江", "白河", "南屏", "东林", "西岭", "安和", "长宁", "云溪",
    "金沙", "柳城", "汉阳", "清水", "双流", "龙泉", "松原", "梅岭", "凤台", "望江", "黄岩", "宁远",
]  # fmt: skip
PLACES_EN = [
    "Harbor City", "Lakeside", "Redmont", "Easton", "Millbrook", "Westfield", "Oakridge",
    "Riverton", "Pinecrest", "Stonebridge", "Fairview", "Brookhaven", "Glenwood", "Ashford",
]  # fmt: skip
_ZH_PLACE = re.compile(r"([\u4e00-\u9fff]{2})(?=[县市镇省区村])")
_ISO = re.compile(r"(20\d\d)-(\d\d)-(\d\d)")
_ZH_DATE = re.compile(r"(?:(20\d\d)年)?(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日")
_EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_EN_DATE = re.compile(r"\b(" + "|".join(_EN_MONTHS) + r") ([12]\d|3[01]|[1-9])\b")
_COUNT = re.compile(
    r"(?<![\d.:\-])([1-9]\d{0,4})"
    r"(?=(?:人|名|个|家|座|间|户|万|亿| people| spectators| stores| workers))"
)


def templates() -> list[tuple[str, str]]:
    found = []
    for folder in ("fixtures", "seeds"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".txt", ".md", ".html", ".json") and path.name != "README.md":
                found.append((path.suffix, path.read_text("utf-8")))
    return found


def _shift(year: int, month: int, day: int, days: int) -> dt.date:
    try:
        return dt.date(year, month, day) + dt.timedelta(days=days)
    except ValueError:
        return dt.date(year, month, 1) + dt.timedelta(days=days)


def vary(text: str, rng: random.Random, story: dict) -> str:
    """One article of ``story``: its places, date shift and counts, with small variations."""
    places = story["places"]
    text = _ZH_PLACE.sub(lambda m: places.setdefault(m.group(1), rng.choice(PLACES_ZH)), text)
    for name in PLACES_EN:
        if name in text:
            text = text.replace(name, places.setdefault(name, rng.choice(PLACES_EN)))
    days = story["days"]

    def iso(m: re.Match) -> str:
        return _shift(int(m[1]), int(m[2]), int(m[3]), days).isoformat()

    def zh_date(m: re.Match) -> str:
        date = _shift(int(m[1] or 2026), int(m[2]), int(m[3]), days)
        return (f"{date.year}年" if m[1] else "") + f"{date.month}月{date.day}日"

    def en_date(m: re.Match) -> str:
        date = _shift(2026, _EN_MONTHS.index(m[1]) + 1, int(m[2]), days)
        return f"{_EN_MONTHS[date.month - 1]} {date.day}"

    def count(m: re.Match) -> str:
        value = int(m[1]) * story["scale"]
        if rng.random() < 0.15:  # one outlet reports another figure
            value += rng.choice((-2, -1, 1, 3))
        return str(max(1, round(value)))

    text = _ISO.sub(iso, text)
    text = _ZH_DATE.sub(zh_date, text)
    text = _EN_DATE.sub(en_date, text)
    return _COUNT.sub(count, text)


# What --distinct keeps: the words the checker reads structure from (event words, entities,
# counted nouns, roles, page furniture) and the characters of numbers, dates and times.
_KEPT_DATA = ("events", "entities", "units", "roles", "furniture")
_KEPT_CHARACTERS = (
    "〇零一二两三四五六七八九十百千万亿年月日号周星期天时分秒点半"
    "前后上下第初旬季度今明昨去本这那次翌隔同当"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z]{3,}")


def _kept() -> tuple[frozenset[str], frozenset[str]]:
    """(Chinese characters, lowercased English words) that --distinct leaves as written."""
    text = "".join(
        (ROOT / "consistency" / "data" / f"{name}.yml").read_text("utf-8") for name in _KEPT_DATA
    )
    text += (ROOT / "consistency" / "lang" / "en.py").read_text("utf-8")
    characters = frozenset(_CJK.findall(text)) | frozenset(_KEPT_CHARACTERS)
    return characters, frozenset(word.lower() for word in _WORD.findall(text))


def disguise(text: str, story: dict, kept: tuple[frozenset[str], frozenset[str]]) -> str:
    """The story's own words: every other Chinese character replaced by the story's own
    random character, every other English word's letters by the story's own letters. Stories
    made from one template then share no names, topics or context words, as different
    happenings do; the articles of one story keep sharing theirs."""
    characters, words = kept
    rng = story["rng"]
    mapping = story.setdefault("characters", {})

    def character(match: re.Match) -> str:
        char = match.group()
        if char in characters:
            return char
        if char not in mapping:
            mapping[char] = chr(rng.randint(0x4E00, 0x9FA5))
        return mapping[char]

    letters = story.setdefault("letters", dict(zip(_LOWER, rng.sample(_LOWER, 26), strict=True)))

    def word(match: re.Match) -> str:
        written = match.group()
        if written.lower() in words:
            return written
        return "".join(letters[c] if c in letters else letters[c.lower()].upper() for c in written)

    return _WORD.sub(word, _CJK.sub(character, text))


_LOWER = "abcdefghijklmnopqrstuvwxyz"


def generate(count: int, folder: str, seed: int = 1, distinct: bool = False) -> int:
    """Write ``count`` articles into ``folder``; returns the characters written. With
    ``distinct`` each story gets words of its own (``disguise``)."""
    rng = random.Random(seed)
    sources = templates()
    kept = _kept() if distinct else None
    out = Path(folder)
    written = chars = 0
    while written < count:
        suffix, template = rng.choice(sources)
        story = {"places": {}, "days": rng.randint(-900, 200), "scale": rng.uniform(0.5, 3.0)}
        if kept:  # (its own generator: the archive without --distinct stays as it was)
            story["rng"] = random.Random(rng.random())
        for _ in range(min(rng.randint(1, 6), count - written)):
            text = vary(template, rng, story)
            if kept:
                text = disguise(text, story, kept)
            target = out / f"{written // 1000:04d}" / f"{written:07d}{suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
            written += 1
            chars += len(text)
    return chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--distinct", action="store_true", help="give every story words of its own")
    args = parser.parse_args()
    chars = generate(args.count, args.folder, args.seed, args.distinct)
    print(f"{args.count} articles, {chars / args.count:.0f} characters each, in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
