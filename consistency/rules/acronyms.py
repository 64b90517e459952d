"""A100: one acronym given two different expansions; A101: an acronym whose letters its
expansion cannot give.

Expansions are compared after the differences that change nothing: case, hyphens, "the",
"&" for "and", British and American spelling, a plural. Chinese expansions are compared with
Chinese ones only, and one that leaves characters out of the other is its short form (东盟,
东南亚国家联盟), not a different name.

A100 is a warning within one article, and across articles that report one happening (their
events are linked as certainly or likely one); info across other articles, as two bodies may
share an acronym (WTO: the World Trade Organization, the World Tourism Organization). Across
articles only expansions that share at least half of their words are compared: two that share
little are two organizations (ICC: the International Criminal Court, the International Cricket
Council). A101 is a warning.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator

from consistency.extract.acronyms import AcronymMention
from consistency.model import Claim, Discrepancy
from consistency.rules import Context, Rule, text_claim

# Share of content words two expansions must have in common to be one organization's.
SAME_BODY_SHARE = 0.5
_SMALL_WORDS = frozenset("of on the and for in to at by with a an".split())


def normalize_expansion(expansion: str, script: str) -> str:
    if script == "cjk":
        return expansion
    text = expansion.lower().replace("&", " and ").replace("-", " ").replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    words = [w for w in re.findall(r"[a-z0-9']+", text) if w != "the"]
    words = [w.replace("isation", "ization").replace("ise", "ize") for w in words]
    if words and words[-1].endswith("s") and len(words[-1]) > 3:
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _compact(normalized: str) -> str:
    # "co operation" and "cooperation", "asia pacific" and "asiapacific" are one spelling
    return normalized.replace(" ", "")


def same_expansion(first: str, second: str, script: str) -> bool:
    a, b = normalize_expansion(first, script), normalize_expansion(second, script)
    if script == "cjk":
        # 东盟 is the short form of 东南亚国家联盟: its characters in the same order
        return _is_subsequence(a, b) or _is_subsequence(b, a)
    return _compact(a) == _compact(b)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


def _content_words(expansion: str) -> set[str]:
    return {w for w in normalize_expansion(expansion, "latin").split() if w not in _SMALL_WORDS}


def share_words(first: str, second: str) -> float:
    a, b = _content_words(first), _content_words(second)
    return len(a & b) / max(1, min(len(a), len(b)))


def _found(context: Context) -> list[tuple[str, AcronymMention]]:
    return [
        (timeline.document.path, mention)
        for timeline in context.timelines
        for mention in timeline.article.acronyms
    ]


def check_expansions(context: Context) -> Iterator[Discrepancy]:
    # (acronym, script, article for Chinese) -> normalized expansion -> the first mention in
    # each article. Chinese expansions are compared within one article only: across articles
    # Traditional and Simplified characters would differ where nothing does.
    groups: dict[tuple[str, str, str], dict[str, dict[str, AcronymMention]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for path, mention in _found(context):
        if not mention.fits:
            continue  # A101's business
        key = _compact(normalize_expansion(mention.expansion, mention.script))
        scope = path if mention.script == "cjk" else ""
        groups[(mention.acronym, mention.script, scope)][key].setdefault(path, mention)
    reporting_one = _articles_reporting_one_happening(context)
    for (acronym, script, _), by_expansion in sorted(groups.items()):
        # the expansion more articles use first
        expansions = sorted(by_expansion, key=lambda e: (-len(by_expansion[e]), e))
        for first, second in itertools.combinations(expansions, 2):
            if same_expansion(first, second, script):
                continue
            one = by_expansion[first]
            other = by_expansion[second]
            together = bool(set(one) & set(other))
            # across articles, expansions that share little name two bodies with one acronym
            # (ICC: the International Criminal Court, the International Cricket Council)
            if not together and share_words(_expansion(one), _expansion(other)) < SAME_BODY_SHARE:
                continue
            sides = [
                [_claim(context, path, m) for path, m in sorted(side.items())]
                for side in (one, other)
            ]
            said = [
                f"'{claims[0].mention.facts[1][1]}' "
                f"({', '.join(context.where(claim) for claim in claims)})"
                for side, claims in zip((one, other), sides, strict=True)
            ]
            # across articles: surely one body when the articles report one happening
            linked = together or any((a, b) in reporting_one for a in one for b in other)
            where = "in one article" if together else "across articles"
            if not linked:
                where += " that report different happenings: maybe two bodies"
            yield context.discrepancy(
                EXPANSION_CONFLICT,
                "likely" if linked else "possible",
                acronym,
                f"{acronym} is expanded as {said[0]} and as {said[1]} {where}",
                sides[0] + sides[1],
            )


def _articles_reporting_one_happening(context: Context) -> set[tuple[str, str]]:
    """Pairs of articles (both orders) with events linked as certainly or likely one."""
    pairs = set()
    for link in context.links:
        if link.certainty in ("certain", "likely"):
            first = context.event(link.first).document
            second = context.event(link.second).document
            pairs |= {(first, second), (second, first)}
    return pairs


def _expansion(by_path: dict[str, AcronymMention]) -> str:
    return by_path[min(by_path)].expansion


def check_mismatches(context: Context) -> Iterator[Discrepancy]:
    reported: set[tuple[str, str, str]] = set()
    for path, mention in _found(context):
        if mention.fits:
            continue
        key = (path, mention.acronym, normalize_expansion(mention.expansion, mention.script))
        if key in reported:
            continue
        reported.add(key)
        claim = _claim(context, path, mention)
        yield context.discrepancy(
            ACRONYM_MISMATCH,
            "likely",
            mention.acronym,
            f"the letters of {mention.acronym} ({context.where(claim)}) cannot be read from "
            f"'{claim.mention.facts[1][1]}' in order",
            [claim],
        )


def _claim(context: Context, path: str, mention: AcronymMention) -> Claim:
    timeline = context.timeline(path)
    raw = timeline.document.raw
    # the expansion as written (the finder reads folded text, of the same length)
    at = timeline.article.extraction.folded.find(mention.expansion, mention.start, mention.end)
    expansion = raw[at : at + len(mention.expansion)] if at >= 0 else mention.expansion
    facts = (("acronym", mention.acronym), ("expansion", expansion))
    return text_claim(timeline, "acronym", mention.start, mention.end, facts)


EXPANSION_CONFLICT = Rule(
    code="A100",
    name="acronym-expansion-conflict",
    kind="acronym",
    title="One acronym expanded two ways",
    doc=(
        "The same acronym is spelled out differently in two places ('FORGE, the Forum on "
        "Resource Geostrategic Engagement' and 'FORGE (Forum for Resource Governance and "
        "Exchange)'). Case, hyphens, 'the', '&', British spelling and a plural do not count; "
        "a Chinese short form (东盟 for 东南亚国家联盟) is not a second name. Across articles "
        "only expansions that share at least half their words are compared, and the row is a "
        "warning only when the articles report one happening (info otherwise): two bodies may "
        "share an acronym."
    ),
    example="FORGE (Forum on Resource Geostrategic Engagement) … FORGE (Forum for Resource "
    "Governance and Exchange)",
    check=check_expansions,
)
ACRONYM_MISMATCH = Rule(
    code="A101",
    name="acronym-mismatch",
    kind="acronym",
    title="An acronym its expansion cannot spell",
    doc=(
        "The letters of an acronym cannot be read from the words written as its expansion, "
        "in order: each word gives its first letter (maybe with later letters of it: the SE of "
        "ASEAN from 'Southeast'), and small words (of, on, the, and) may give none. Reported "
        "only when the text is clearly meant as the expansion: it starts with the acronym's "
        "letter and gives all of its letters but one."
    ),
    example="the Forum on Resource Strategic Engagement (FORGE): no word gives the G",
    check=check_mismatches,
)
RULES = [EXPANSION_CONFLICT, ACRONYM_MISMATCH]
