"""Bounded fuzzing of the whole check: loader, extractors, claims, timeline, rules and every
output format.

    python benchmarks/fuzz.py --seconds 120 [--seed 1] [--crashes benchmarks/fuzz-crashes]

Inputs are mutations of the seed and fixture articles (pieces cut, repeated, swapped and
spliced between articles; random bytes and characters inserted; re-encoded as GB18030, Big5,
UTF-16; wrapped as Markdown with front matter, HTML or JSON), plus purely random bytes. Each
input is loaded as a file and checked together with a second article; a crash is any exception
other than the loader's InputError (the rejection of bad input). Crashing inputs are written to
the crashes folder. Prints inputs tried, crashes and inputs per second; exits 1 on a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consistency.claims import build_claims  # noqa: E402
from consistency.extract import extract_mentions  # noqa: E402
from consistency.link import link_events  # noqa: E402
from consistency.model import InputError, Report  # noqa: E402
from consistency.read import read_document  # noqa: E402
from consistency.report import emitter  # noqa: E402
from consistency.rules import Context, run_rules  # noqa: E402
from consistency.timeline import Timeline  # noqa: E402

FORMATS = ("table", "json", "markdown", "sarif", "github", "rdjsonl", "html")
PIECES = [
    "第二天", "一天后", "前一天", "同时", "当晚", "两天后", "那场会议", "峰会", "地震", "54个国家",
    "三十四国", "2025年2月", "2月4日", "1对34", "逾百人", "<div>", "</p>", "&amp;", "---\n",
    "\r\n", "\u200b", "\ufeff", "<!-- consistency: ignore C100 \"54\" -->", "the next day",
    "Feb. 4, 2026", "summit", "10,000", "《", "》", "“", "”", "\x00", "\ud7ff", "%0A", "::error::",
]  # fmt: skip


def corpus() -> list[str]:
    texts = [path.read_text("utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix in (".txt", ".md", ".html", ".json"):
            texts.append(path.read_text("utf-8"))
    return texts


def mutate(rng: random.Random, texts: list[str]) -> tuple[bytes, str]:
    """One input: (bytes, file extension)."""
    if rng.random() < 0.05:
        return rng.randbytes(rng.randint(0, 600)), rng.choice([".txt", ".md", ".html", ".json"])
    text = rng.choice(texts)
    if len(text) > 1500 and rng.random() < 0.8:  # mostly a window: more inputs per second
        start = rng.randint(0, len(text) - 1500)
        text = text[start : start + 1500]
    for _ in range(rng.randint(1, 8)):
        at, other = rng.randint(0, len(text)), rng.randint(0, len(text))
        low, high = min(at, other), max(at, other)
        action = rng.randrange(6)
        if action == 0:  # cut
            text = text[:low] + text[high:]
        elif action == 1:  # repeat
            text = text[:high] + text[low:high] * rng.randint(1, 4) + text[high:]
        elif action == 2:  # insert a meaningful piece
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif action == 3:  # insert random characters
            noise = "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 8)))
            text = text[:at] + noise.encode("utf-8", "replace").decode("utf-8", "replace")
            text += text[at:]
        elif action == 4:  # splice another article in
            donor = rng.choice(texts)
            start = rng.randint(0, len(donor))
            text = text[:at] + donor[start : start + rng.randint(0, 400)] + text[at:]
        else:  # swap two halves
            text = text[at:] + text[:at]
    wrapper = rng.randrange(5)
    extension = ".txt"
    if wrapper == 1:
        text, extension = f"---\npublished: 2026-02-0{rng.randint(1, 9)}\n---\n{text}", ".md"
    elif wrapper == 2:
        text, extension = f"<html><body><p>{text}</p></body></html>", ".html"
    elif wrapper == 3:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        text, extension = '{"title": "t", "body": "' + escaped + '"}', ".json"
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "gb18030", "big5", "utf-16"])
    return text.encode(encoding, "replace"), extension


def check_one(data: bytes, extension: str, partner: Timeline, language: str) -> None:
    """The whole check on one input and a partner article; raises on a crash."""
    timelines = [partner]
    with contextlib.suppress(InputError):  # rejecting bad input is not a crash
        timelines.append(read_document(f"input{extension}", data))
    context = Context(timelines, link_events(timelines))
    discrepancies = run_rules(context)
    report = Report(
        documents=tuple(t.document for t in timelines),
        discrepancies=tuple(discrepancies),
        claims=sum(len(t.article.claims) for t in timelines),
    )
    for output_format in FORMATS:
        emitter(output_format)(report)
    # the input read as the other language too: extractors must not rely on detection
    document = timelines[-1].document
    build_claims(document, extract_mentions(document.text, language))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crashes", default=str(ROOT / "benchmarks" / "fuzz-crashes"))
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    texts = corpus()
    partner = read_document("partner.txt", texts[0].encode("utf-8"))
    tried = crashes = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory():
        while time.monotonic() - started < arguments.seconds:
            data, extension = mutate(rng, texts)
            tried += 1
            try:
                check_one(data, extension, partner, rng.choice(["zh", "en"]))
            except Exception:
                crashes += 1
                folder = Path(arguments.crashes)
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"crash-{arguments.seed}-{tried}{extension}").write_bytes(data)
                print(f"crash on input {tried}:\n{traceback.format_exc()}", file=sys.stderr)
    elapsed = time.monotonic() - started
    print(f"seed {arguments.seed}: {tried} inputs in {elapsed:.0f} s ({tried / elapsed:.0f}/s)")
    print(f"crashes: {crashes}" + (f" (inputs in {arguments.crashes})" if crashes else ""))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
