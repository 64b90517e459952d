"""False alarms on text that holds no story: the corpus sentences of ``../shared/benchmarks``
shuffled into articles of 40 unrelated sentences each, checked in one run.

    python benchmarks/false_alarms.py --benchmarks ../shared/benchmarks [--articles 30]

Every sentence is about something else, so a finding is a false alarm unless the sentences
it quotes really contradict each other (they may: the corpora hold weekdays that do not fit
the dates beside them in the publication year used here, 2026). Prints the findings by rule
and severity, and each finding's message. Not part of the test suite; exits 0 with one line
when the folder is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import consistency  # noqa: E402

SENTENCES_PER_ARTICLE = 40


def sentences(folder: Path, language: str) -> list[str]:
    found = []
    for path in sorted(folder.glob(f"*_{language}_*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                text = (json.loads(line).get("input") or "").strip()
                if len(text) > 15:
                    found.append(text)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", default="../shared/benchmarks")
    parser.add_argument("--articles", type=int, default=30, help="per language")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    folder = Path(args.benchmarks)
    if not folder.is_dir():
        print(f"{folder}: no benchmark folder; nothing measured")
        return 0
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as temporary:
        written = 0
        for language in ("zh", "en"):
            pool = sentences(folder, language)
            rng.shuffle(pool)
            for index in range(args.articles):
                chunk = pool[index * SENTENCES_PER_ARTICLE : (index + 1) * SENTENCES_PER_ARTICLE]
                if not chunk:
                    break
                body = "\n\n".join(chunk)
                path = Path(temporary) / f"{language}_{index:03d}.txt"
                path.write_text(f"---\npublished: 2026-03-10\n---\n{body}\n", "utf-8")
                written += 1
        report = consistency.check([temporary])
    by_rule = Counter((row.rule, row.severity) for row in report.discrepancies)
    size = SENTENCES_PER_ARTICLE
    print(f"{written} articles of {size} unrelated sentences, {report.claims} claims")
    print(
        f"{len(report.discrepancies)} findings: "
        + (", ".join(f"{rule} {severity} {n}" for (rule, severity), n in sorted(by_rule.items())))
    )
    for row in report.discrepancies:
        print(f"  {row.rule} {row.severity}: {row.message[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
