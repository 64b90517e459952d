"""T103: the time from one moment of a story to another given two ways ("起飛後30秒" and
"升空後9分鐘便告墜毀"; "its first 10 days … $1 billion" and "上映第12天…10亿美元")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from consistency.model import Claim, Discrepancy
from consistency.rules import Context, Rule, agreeing_groups, outnumbered

# Two statements of one interval agree when their ranges, each widened by this share, meet:
# "about five minutes" and "six minutes" are one interval, "30 seconds" and "9 minutes" not.
_SLACK = 0.25


def _range(claim: Claim) -> tuple[float, float]:
    facts = dict(claim.mention.facts or ())
    return facts["low"] * (1 - _SLACK), facts["high"] * (1 + _SLACK)


def _agree(first: Claim, second: Claim) -> bool:
    (a, b), (c, d) = _range(first), _range(second)
    return a <= d and c <= b


def _describe(claim: Claim) -> str:
    facts = dict(claim.mention.facts or ())
    low, high = facts["low"], facts["high"]

    def span(seconds: float) -> str:
        for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
            if seconds >= size:
                value = seconds / size
                return f"{value:g} {unit}{'s' if value != 1 else ''}"
        return f"{seconds:g} seconds"

    return span(high) if low == high else f"{span(low)} to {span(high)}"


def check_elapsed(context: Context) -> Iterator[Discrepancy]:
    in_story = {path: group for group in context.stories() for path in group}
    by_group: dict[tuple[str, ...], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for timeline in context.timelines:
        path = timeline.document.path
        group = tuple(in_story.get(path, [path]))
        for claim in timeline.article.elapsed:
            by_group[group][claim.slot].append(claim)
    for group in sorted(by_group):
        for slot, claims in sorted(by_group[group].items()):
            clusters = agreeing_groups(
                sorted(claims, key=lambda c: (c.document, c.mention.start)), _agree
            )
            if len(clusters) < 2:
                continue
            yield _row(context, slot, clusters)


def _row(context: Context, slot: str, clusters: list[list[Claim]]) -> Discrepancy:
    _, anchor, what = slot.split(":", 2)
    odd = [claim for cluster in outnumbered(clusters) for claim in cluster]
    documents = {claim.document for cluster in clusters for claim in cluster}
    described = "; ".join(
        f"{_describe(cluster[0])} in " + ", ".join(context.where(c) for c in cluster[:3])
        for cluster in clusters
    )
    return context.discrepancy(
        ELAPSED_CONFLICT,
        "certain" if len(documents) == 1 else "likely",
        f"{what} after {anchor}",
        f"the time from the {anchor} to the {what} is given two ways: {described}",
        [claim for cluster in clusters for claim in cluster],
        primary=odd,
    )


ELAPSED_CONFLICT = Rule(
    code="T103",
    name="elapsed-time-conflict",
    kind="relative_timing",
    title="The time from one moment of a story to another given two ways",
    doc=(
        "How long after a takeoff, a release or the start of sales something happened is "
        "given two ways ('起飛後30秒' and '升空後9分鐘便告墜毀'; 'its first 10 days … $1 "
        "billion' and '上映第12天…10亿美元'), within one article or across the articles of "
        "one story. What happened is the figure the sentence gives (a milestone), else the "
        "event it names, else the story's. Vague counts are ranges ('几分钟' two to nine "
        "minutes, '不到1分钟' under one); 'the 12th day' is eleven to twelve days after; "
        "values a quarter apart agree."
    ),
    example="班机起飛後30秒便聽到一聲巨響 … vs … 客機升空後9分鐘便告墜毀",
    check=check_elapsed,
)
RULES = [ELAPSED_CONFLICT]
