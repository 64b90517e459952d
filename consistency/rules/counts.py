"""C100: the same event given counts of the same thing that cannot both be true."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from consistency.model import Claim, Discrepancy
from consistency.qualifiers import as_of_key
from consistency.rules import Context, Rule, format_date
from consistency.rules.enumerations import labels_of_complete_lists


def _range(claim: Claim) -> tuple[float, float]:
    quantity = claim.mention.quantity
    assert quantity is not None
    if quantity.ratio is not None:
        return tuple(sorted(quantity.ratio))  # type: ignore[return-value]
    return quantity.low, quantity.high


def _agree(first: Claim, second: Claim) -> bool:
    """Ranges that overlap agree: "逾50人" agrees with 53, "nearly 100" with 96."""
    if first.slot == "ratio":
        return _range(first) == _range(second)
    low_a, high_a = _range(first)
    low_b, high_b = _range(second)
    return low_a <= high_b and low_b <= high_a


def _most_precise_first(claims: list[Claim] | None) -> list[Claim] | None:
    if not claims:
        return claims
    return sorted(claims, key=lambda c: (_range(c)[1] - _range(c)[0], c.mention.start))


def _value_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped by the value they state, in text order."""
    groups: dict[tuple[float, float], list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.document, c.mention.start)):
        groups[_range(claim)].append(claim)
    return list(groups.values())


def _conflicting(groups: list[list[Claim]]) -> bool:
    return any(not _agree(a[0], b[0]) for i, a in enumerate(groups) for b in groups[i + 1 :])


def _representatives(group: list[Claim], limit: int = 2) -> list[Claim]:
    """The clearest claims of a value: counted noun written out first ("54个国家" before "54国")."""
    ranked = sorted(
        group,
        key=lambda c: (
            -len(c.mention.quantity.counted_text or "") if c.mention.quantity else 0,
            c.mention.start,
        ),
    )
    return ranked[:limit]


_COUNTED_NAMES = {
    "country": "countries",
    "person": "people",
    "person:dead": "people killed",
    "person:injured": "people injured",
    "person:missing": "people missing",
    "person:casualties": "casualties",
    "person:rescued": "people rescued",
    "person:arrested": "people arrested",
    "person:evacuated": "people evacuated",
    "company": "companies",
    "agreement": "agreements",
}


def _describe(group: list[Claim]) -> str:
    """A value as an editor reads it: "54", "50-75" for "50多", "54:1" for a ratio."""
    quantity = group[0].mention.quantity
    assert quantity is not None
    if quantity.ratio:
        return ":".join(_number(side) for side in quantity.ratio)
    if quantity.exact:
        return _number(quantity.low)
    if quantity.hedge == "up to":
        return f"up to {_number(quantity.high)}"
    return f"{_number(quantity.low)}-{_number(quantity.high)}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _counted(claim: Claim) -> str:
    slot = claim.slot.split(":", 1)[-1] if claim.slot != "ratio" else "ratio"
    if claim.slot.startswith("percent:"):
        # "percent:duty@韩国企业": the duty rate for 韩国企业
        rate, _, group = slot.partition("@")
        return f"% ({rate} rate{f' for {group}' if group else ''})"
    return _COUNTED_NAMES.get(slot, slot)


def _count_claims(context: Context) -> dict[str, dict[str, list[Claim]]]:
    by_event: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for timeline in context.timelines:
        # "印尼、马来西亚、泰国和越南四国" counts its list, not the event: E100 reads it
        labels = labels_of_complete_lists(timeline.article)
        for claim in [*timeline.article.claims, *timeline.article.percents]:
            if claim in labels:
                continue
            if claim.slot.startswith(("count:", "percent:")) or claim.slot == "ratio":
                by_event[claim.event][claim.slot].append(claim)
    return by_event


def _by_time(claims: list[Claim]) -> list[list[Claim]]:
    """Claims split by the time their figures hold at: "截至1月底" and "截至2月底" are two
    moments, never compared; a figure with no such time goes with the one time written."""
    times = sorted({as_of_key(c.as_of) for c in claims if c.as_of is not None})
    if len(times) <= 1:
        return [claims]
    return [[c for c in claims if as_of_key(c.as_of) == time] for time in times] + [
        [c for c in claims if c.as_of is None]
    ]


def _explained(groups: list[list[Claim]]) -> str | None:
    """Why values that disagree are not the article contradicting itself: each is said by
    a different source ("据路透社…而新华社称…"), or one is a plan and the other what
    happened. The reason as the message's first words, else None."""
    sources = [{c.source for c in g} for g in groups]
    if all(len(s) == 1 and None not in s for s in sources) and len(set.union(*sources)) == len(
        groups
    ):
        said = ", ".join(
            f"{next(iter(s))} says '{g[0].mention.text}'"
            for s, g in zip(sources, groups, strict=True)
        )
        return f"attributed disagreement: {said}"
    modalities = [{c.modality for c in g} for g in groups]
    if all(len(m) == 1 for m in modalities) and len(set.union(*modalities)) > 1:
        said = ", ".join(
            f"{'planned or expected' if next(iter(m)) else 'reported'} '{g[0].mention.text}'"
            for m, g in zip(modalities, groups, strict=True)
        )
        return f"a plan and what happened: {said}"
    return None


def check_counts(context: Context) -> Iterator[Discrepancy]:
    by_event = _count_claims(context)
    consistent: dict[tuple[str, str], list[Claim]] = {}
    for event_id, slots in sorted(by_event.items()):
        event = context.event(event_id)
        same_family = [
            e
            for e in context.timeline(event.document).events
            if e.family == event.family and not e.implicit
        ]
        for slot, all_claims in sorted(slots.items()):
            for claims in _by_time(all_claims):
                groups = _value_groups(claims)
                if not _conflicting(groups):
                    if claims is all_claims:
                        consistent[(event_id, slot)] = claims
                    continue
                values = " vs ".join(_describe(group) for group in groups)
                message = f"{values} {_counted(claims[0])} for one {event.label}: " + "; ".join(
                    f"'{g[0].mention.text}' at {', '.join(context.where(c) for c in g[:3])}"
                    for g in groups
                )
                certainty = "certain" if len(same_family) == 1 else "likely"
                if certainty == "likely":
                    message += f"; the article reports {len(same_family)} {event.family} events"
                explained = _explained(groups)
                if explained:
                    # reported, for the editor to see, but not as the article's own error
                    certainty, message = "possible", f"{explained}; {message}"
                yield context.discrepancy(
                    COUNT_CONFLICT,
                    certainty,
                    event.label,
                    message,
                    [c for g in groups for c in _representatives(g)],
                )
    for link in context.links:
        first, second = context.event(link.first), context.event(link.second)
        for slot in sorted(by_event.get(link.first, {})):
            # Each article is represented by its most precise statement ("47艘", not
            # "数十艘 货轮" in the headline).
            first_claims = _most_precise_first(consistent.get((link.first, slot)))
            second_claims = _most_precise_first(consistent.get((link.second, slot)))
            # An article that contradicts itself is reported on its own; across articles
            # only articles that are each consistent are compared.
            if not first_claims or not second_claims or _agree(first_claims[0], second_claims[0]):
                continue
            # Figures for different moments ("as of Monday", "截至2月底") are not compared.
            first_time, second_time = (as_of_key(c[0].as_of) for c in (first_claims, second_claims))
            if None not in (first_time, second_time) and first_time != second_time:
                continue
            first_best = _representatives(first_claims, 1)[0]
            second_best = _representatives(second_claims, 1)[0]
            message = (
                f"{_describe(first_claims)} vs {_describe(second_claims)} "
                f"{_counted(first_claims[0])}: '{first_best.mention.text}' at "
                f"{context.where(first_best)}, '{second_best.mention.text}' at "
                f"{context.where(second_best)}"
            )
            if first.date and second.date and link.certainty != "certain":
                if "different dates" in link.reason:
                    message += (
                        f"; the articles date their {first.family} events "
                        f"{format_date(first.date)} ({first.label}) and "
                        f"{format_date(second.date)} ({second.label}): possibly different events"
                    )
            elif link.certainty != "certain":
                message += f"; linked by {link.reason}"
            certainty = link.certainty
            if first_claims[0].modality != second_claims[0].modality:
                certainty = "possible"
                message += "; one figure is planned or expected, the other reported"
            yield context.discrepancy(
                COUNT_CONFLICT,
                certainty,
                first.label if first.label == second.label else f"{first.label} / {second.label}",
                message,
                [*_representatives(first_claims), *_representatives(second_claims)],
            )


COUNT_CONFLICT = Rule(
    code="C100",
    name="count-conflict",
    kind="count",
    title="Different counts of the same thing for one event",
    doc=(
        "Two claims about one event count the same thing (countries, people killed, "
        "agreements) and their values cannot both be true. Hedged counts are ranges: "
        "'逾50人' or 'more than 50' agrees with 53. Counts of different things (11项 "
        "agreements vs 11份 documents) or different groups (killed vs injured) are not "
        "compared, nor is a count that names a complete list ('…泰国和越南四国': E100 reads "
        "it). Across articles the severity follows how sure it is that the events are "
        "the same; the message gives the dates each article gives its event. Rates "
        "(税率, tariff, turnout) are compared only for the same group, and a value inside a "
        "stated range ('53.3%至57%', 'up to 57%') agrees with it. Figures given 'as of' "
        "different times are not compared; a disagreement between two named sources "
        "('据路透社…新华社称…') or between a plan and what happened is info."
    ),
    example="来自54个国家和欧盟的代表 … vs … 日韩澳等34个国家的高官",
    check=check_counts,
)
RULES = [COUNT_CONFLICT]
