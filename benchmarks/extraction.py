"""Extraction speed: ``consistency.mentions`` against jionlp's ``extract_time`` (when installed)
on the same text, side by side in one run.

    python benchmarks/extraction.py [--rounds 7] [--cpu]

The text is the seed articles split into paragraphs (one call per paragraph, reference date
2026-02-08). Rounds alternate ours and jionlp's so that a busy machine slows both alike; the
best round of each is reported, and the ratio of the two. ``--cpu`` times with the process's
CPU time instead of the wall clock, which other jobs on the machine disturb much less. jionlp
is not a dependency: without it only our figure is printed. Not part of the test suite.

"pattern scans alone" replays every pattern scan the extraction ran (the ones its character
gates let through) with nothing around them: the regex engine's share, a floor for any
speed-up of the Python around the same patterns, and the ratio it would give; "free scans"
the ratio were the scans to cost nothing (ours less that share: what a faster regex engine
could give at most); "goal budget" the time a paragraph may take for 10x; then the same
split by paragraph: those where no scan ran (no pattern's gate passed), those with scans but
no mention, and those with mentions. ``--perfect-gates`` also times ours with gates that skip
every scan that finds nothing (the most better filters could give); ``--combined`` the same
patterns merged into one pattern that finds all their matches in one pass, the "one combined
scanner" design. The last line times ours on English: the paragraphs of the fixtures'
English articles (no jionlp figure: it reads Chinese only).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import consistency  # noqa: E402

REFERENCE = "2026-02-08"
REFERENCE_SECONDS = 1770508800  # the same day, for jionlp


def paragraphs() -> list[str]:
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        found += [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    return found


def english_paragraphs() -> list[str]:
    """The paragraphs of the fixtures' English plain-text and Markdown articles."""
    from consistency.lang import detect_language

    found = []
    for path in sorted((ROOT / "fixtures").glob("*/*.*")):
        text = path.read_text("utf-8") if path.suffix in (".txt", ".md") else ""
        if text and detect_language(text) == "en":
            found += [line.strip() for line in text.splitlines() if line.strip()]
    return found


CLOCK = time.perf_counter


def _seconds(function, texts: list[str]) -> float:
    start = CLOCK()
    for text in texts:
        function(text)
    return CLOCK() - start


def pattern_scans(read, texts: list[str]) -> list[tuple[object, str]]:
    """(scanner, text) of every filtered pattern scan that ``read`` runs on
    ``texts``: the scans a gate let through, the regex engine's share of the work."""
    from consistency.extract import prefilter

    scans = []
    original = prefilter.Scanner.finditer

    def recording(scanner, text):
        found = original(scanner, text)
        if not isinstance(found, tuple):  # a gate returns () without scanning
            scans.append((scanner, text))
        return found

    prefilter.Scanner.finditer = recording
    try:
        for text in texts:
            read(text)
    finally:
        prefilter.Scanner.finditer = original
    return scans


def _scan_seconds(scans: list[tuple[object, str]]) -> float:
    start = CLOCK()
    for scanner, text in scans:
        for _ in scanner._fast.finditer(text):
            pass
    return CLOCK() - start


def with_perfect_gates(read, texts: list[str]) -> float:
    """Seconds ``read`` takes on ``texts`` when every scanner's gate is perfect: a scan that
    finds nothing is skipped like one its gate rules out (the answers are recorded in a
    first pass). The most better character filters could save."""
    from consistency.extract import prefilter

    finds: dict[tuple[int, str], bool] = {}
    finditer, possible = prefilter.Scanner.finditer, prefilter.Scanner.possible

    def recording(scanner, text):
        found = list(finditer(scanner, text))
        finds[id(scanner), text] = bool(found)
        return iter(found)

    def perfect_finditer(scanner, text):
        return () if finds.get((id(scanner), text)) is False else finditer(scanner, text)

    def perfect_possible(scanner, text):
        return finds.get((id(scanner), text)) is not False and possible(scanner, text)

    prefilter.Scanner.finditer = recording
    try:
        _seconds(read, texts)
        prefilter.Scanner.finditer = perfect_finditer
        prefilter.Scanner.possible = perfect_possible
        return _seconds(read, texts)
    finally:
        prefilter.Scanner.finditer, prefilter.Scanner.possible = finditer, possible


def combined_pattern(scans: list[tuple[object, str]]) -> object:
    """The patterns behind ``scans`` merged into one: at each position a lookahead per
    pattern captures its match, and a position where none matches fails. One pass finds
    every pattern's matches (what "one combined scanner" would run). Returned as a scanner,
    with the prefilter's analysis as for any pattern."""
    from consistency.extract import prefilter

    sources = []
    scanners = list({id(scanner): scanner for scanner, _ in scans}.values())
    for index, scanner in enumerate(scanners):
        source = scanner.pattern.pattern
        # each pattern's group names made unique (the readers' names repeat across patterns)
        source = re.sub(r"\(\?P<(\w+)>", rf"(?P<p{index}_\1>", source)
        source = re.sub(r"\(\?\((\w+)\)", rf"(?(p{index}_\1)", source)
        if scanner.pattern.flags & re.IGNORECASE:
            source = f"(?i:{source})"
        # each lookahead behind its pattern's first characters, so that it fails at once
        first = prefilter.first_characters(
            prefilter.sre_parse.parse(scanner.pattern.pattern, scanner.pattern.flags),
            scanner.pattern.flags,
        )
        guard = (
            "(?=["
            + "".join(
                c if c in (prefilter.DIGIT, prefilter.SPACE) else re.escape(c)
                for c in sorted(first)
            )
            + "])"
            if first
            else ""
        )
        sources.append(f"(?:{guard}(?=(?P<p{index}>{source})))?")
    none_matched = "(?!)"
    for index in reversed(range(len(sources))):
        none_matched = f"(?(p{index})|{none_matched})"
    merged = prefilter.Scanner(re.compile("".join(sources) + none_matched))
    merged._build()
    return merged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cpu", action="store_true", help="time with CPU time, not wall time")
    parser.add_argument(
        "--perfect-gates",
        action="store_true",
        help="also time ours with a gate that knows which scans find nothing",
    )
    parser.add_argument(
        "--combined", action="store_true", help="also time the patterns merged into one scan"
    )
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.cpu else time.perf_counter
    texts = paragraphs()
    chars = sum(map(len, texts))

    def ours(text: str) -> object:
        return consistency.mentions(text, REFERENCE, "zh")

    contenders = {"consistency.mentions": ours}
    try:
        from jionlp.algorithm.ner import extract_time
    except ImportError:
        print("jionlp not installed: only our figure (pip install jionlp to compare)")
    else:
        logging.disable(logging.CRITICAL)  # jionlp logs a traceback for some spans it drops

        def jionlp(text: str) -> object:
            return extract_time(text, time_base=REFERENCE_SECONDS)

        contenders["jionlp.extract_time"] = jionlp
    best = dict.fromkeys(contenders, float("inf"))
    for function in contenders.values():  # warm: patterns compiled, data loaded
        _seconds(function, texts)
    for _ in range(args.rounds):
        for name, function in contenders.items():
            best[name] = min(best[name], _seconds(function, texts))
    print(f"text: {len(texts)} seed paragraphs, {chars} characters; best of {args.rounds} rounds")
    for name, seconds in best.items():
        print(f"{name:<22} {chars / seconds:>12,.0f} chars/s")
    if len(best) == 2:
        ratio = best["jionlp.extract_time"] / best["consistency.mentions"]
        print(f"ratio ours/jionlp       {ratio:>11.2f}x  (goal: >= 10x)")
    # The floor of this design: the pattern scans alone, with no Python around them.
    scans = pattern_scans(ours, texts)
    floor = min(_scan_seconds(scans) for _ in range(args.rounds))
    print(
        f"{'pattern scans alone':<22} {chars / floor:>12,.0f} chars/s  "
        f"({len(scans)} scans, {floor / len(texts) * 1e6:.1f} us a paragraph of "
        f"{best['consistency.mentions'] / len(texts) * 1e6:.1f})"
    )
    if len(best) == 2:
        bound = best["jionlp.extract_time"] / floor
        print(f"{'ratio bound (scans only)':<22} {bound:>11.2f}x  (nothing but the scans)")
        # the other side: the Python around the scans, were the scans free
        free = best["jionlp.extract_time"] / (best["consistency.mentions"] - floor)
        print(f"{'ratio bound (free scans)':<22} {free:>11.2f}x  (ours less the scans' time)")
        budget = best["jionlp.extract_time"] / 10 / len(texts) * 1e6
        print(f"{'goal budget':<22} {budget:>9.1f} us a paragraph (jionlp's time / 10)")
    if args.perfect_gates:
        seconds = min(with_perfect_gates(ours, texts) for _ in range(args.rounds))
        print(
            f"{'with perfect gates':<22} {chars / seconds:>12,.0f} chars/s  "
            f"({seconds / len(texts) * 1e6:.1f} us a paragraph)"
        )
    if args.combined:
        from consistency.lang import zh

        merged = combined_pattern(scans)
        folded = [zh.fold(text) for text in texts]  # what the scans read
        seconds = min(_scan_seconds([(merged, text) for text in folded]) for _ in range(3))
        print(
            f"{'one combined scan':<22} {chars / seconds:>12,.0f} chars/s  "
            f"({seconds / len(texts) * 1e6:.1f} us a paragraph)"
        )
    groups: dict[str, list[str]] = {"no scan ran": [], "scans, no mention": [], "mentions": []}
    for text in texts:
        ran = bool(pattern_scans(ours, [text]))
        groups["mentions" if ours(text) else "scans, no mention" if ran else "no scan ran"].append(
            text
        )
    for name, group in groups.items():
        total = min(_seconds(ours, group) for _ in range(args.rounds)) / len(group) * 1e6
        scans = pattern_scans(ours, group)
        floor = min(_scan_seconds(scans) for _ in range(args.rounds)) / len(group) * 1e6
        print(
            f"  {len(group):>3} paragraphs with {name + ':':<19} {total:5.1f} us each, "
            f"{floor:4.1f} of it scans ({sum(len(ours(t)) for t in group)} mentions)"
        )
    whole = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    seconds = min(_seconds(ours, whole) for _ in range(args.rounds))
    print(f"{'ours, whole articles':<22} {sum(map(len, whole)) / seconds:>12,.0f} chars/s")
    english = english_paragraphs()

    def ours_english(text: str) -> object:
        return consistency.mentions(text, REFERENCE, "en")

    _seconds(ours_english, english)  # warm: the English patterns compile on first use
    seconds = min(_seconds(ours_english, english) for _ in range(args.rounds))
    print(
        f"{'ours, English':<22} {sum(map(len, english)) / seconds:>12,.0f} chars/s  "
        f"({len(english)} paragraphs of the fixtures' English articles, "
        f"{seconds / len(english) * 1e6:.1f} us each)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
