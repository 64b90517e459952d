"""C100: the same event given counts of the same thing that cannot both be true."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from consistency.measures import in_base_unit
from consistency.model import Claim, Discrepancy
from consistency.qualifiers import as_of_key
from consistency.resolve import resolve_time
from consistency.rules import Context, Rule, format_date, outnumbered
from consistency.rules.enumerations import labels_of_complete_lists
from consistency.timeline import Timeline


def _range(claim: Claim) -> tuple[float, float]:
    quantity = claim.mention.quantity
    assert quantity is not None
    if quantity.ratio is not None:
        return tuple(sorted(quantity.ratio))  # type: ignore[return-value]
    if claim.slot.startswith("measure:"):
        # in the dimension's unit (miles and km in metres); "up to 835 km" is a maximum
        # given as the value
        base = in_base_unit(quantity.unit, quantity.kind)
        factor = base[1] if base else 1.0
        if quantity.hedge and quantity.hedge.lower() == "up to":
            return quantity.high * factor, quantity.high * factor
        if quantity.exact:
            # as precise as written: "393亿" is 392.5 to 393.5亿, "$39.3 billion" 39.25 to
            # 39.35 billion, so both agree with 393.31亿
            half = _written_half_unit(claim.mention.text, quantity.low)
            return (quantity.low - half) * factor, (quantity.high + half) * factor
        return quantity.low * factor, quantity.high * factor
    if claim.slot.startswith("percent:") and quantity.exact:
        # a rate is as precise as it is written: "79%" is 78.5 to 79.5, "79.4%" 79.35 to 79.45
        half = 0.5 * 10 ** -_decimals(claim.mention.text)
        return quantity.low - half, quantity.high + half
    return quantity.low, quantity.high


def _written_half_unit(text: str, value: float) -> float:
    """Half a unit of the last digit written, in the value's scale ("393亿": 0.5亿)."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if match is None:
        return 0.0
    written = float(match.group().replace(",", ""))
    if written == 0:
        return 0.0
    return 0.5 * 10 ** -_decimals(match.group()) * value / written


def _decimals(text: str) -> int:
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match.group(1)) if match and match.group(1) else 0


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
    # a measured value with its unit as written ("760 km", "29,800 USD")
    unit = f" {quantity.unit}" if group[0].slot.startswith("measure:") and quantity.unit else ""
    if quantity.ratio:
        return ":".join(_number(side) for side in quantity.ratio)
    if quantity.exact:
        return _number(quantity.low) + unit
    if quantity.hedge == "up to":
        return f"up to {_number(quantity.high)}{unit}"
    return f"{_number(quantity.low)}-{_number(quantity.high)}{unit}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _counted(claim: Claim) -> str:
    slot = claim.slot.split(":", 1)[-1] if claim.slot != "ratio" else "ratio"
    if claim.slot.startswith("percent:"):
        # "percent:duty@韩国企业": the duty rate for 韩国企业
        rate, _, group = slot.partition("@")
        return f"% ({rate} rate{f' for {group}' if group else ''})"
    if claim.slot.startswith("measure:"):
        # "measure:range:length#full": the range
        return f"as {slot.split(':')[0].replace('-', ' ')}"
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


# Two reports of one figure differ by a slip or by rounding; figures further apart than this
# are figures of different things ("9,418 destroyed" and "1,000 burned by Wednesday", "126
# dead" and "22 of the village's residents"), unless one is the other in another unit.
_REACH = 2.5


def _within_reach(groups: list[Any], claim_of: Callable[[Any], Claim]) -> list[Any]:
    """The value groups near the one most often given (the first of equals): within a
    factor of _REACH of it, or its very digits a thousand times or more apart ("6,572,837萬"
    for 6,572,837, "$2.94 billion" for $2.94 trillion)."""
    if len(groups) < 2:
        return groups
    reference = _middle(claim_of(max(groups, key=len)))
    kept = []
    for group in groups:
        value = _middle(claim_of(group))
        if reference <= 0 or value <= 0:
            kept.append(group)
            continue
        ratio = max(value, reference) / min(value, reference)
        if ratio <= _REACH or _unit_slip(ratio):
            kept.append(group)
    return kept


def _middle(claim: Claim) -> float:
    low, high = _range(claim)
    return low if math.isinf(high) else (low + high) / 2


def _unit_slip(ratio: float) -> bool:
    """A ratio of a power of ten of a thousand or more: the same digits in another unit."""
    power = round(math.log10(ratio))
    return power >= 3 and abs(ratio / 10**power - 1) < 0.001


def _one_clause(context: Context, groups: list[list[Claim]]) -> bool:
    """Every value of a slot given in one clause: a breakdown or a progression ("181人中仅
    两名生还", "3分钟20万辆、1小时28.9万辆"), not an article contradicting itself."""
    claims = [claim for group in groups for claim in group]
    segments = context.timeline(claims[0].document).article.extraction.segments
    return len({segments.clause_at(claim.mention.start) for claim in claims}) == 1


def _self_contradiction(context: Context, groups: list[list[Claim]]) -> bool:
    """Whether one article's different values of a slot read as the article contradicting
    itself rather than as parts, places and stages of a story ("126 dead … 22 of Gurum's
    residents", "230 passengers … 12 crew", "40枚金牌、44枚银牌"): a rate given for one group,
    a count an event has one of (the countries at a meeting), a value stated as the total
    ("死亡人数为15人", "the death toll stood at", "共计"), or values each said of the event by
    its name."""
    if groups[0][0].slot.startswith("percent:") or groups[0][0].slot in _ONE_PER_EVENT:
        return True
    timeline = context.timeline(groups[0][0].document)
    folded = timeline.article.extraction.folded
    segments = timeline.article.extraction.segments
    if any(
        _TOTAL.search(folded, *segments.clause_at(claim.mention.start))
        for group in groups
        for claim in group
    ):
        return True
    # each value said of the event by name ("甘南地震已造成53人死亡 … 甘南地震已造成38人死亡")
    named = [m.start for m in timeline.event(groups[0][0].event).mentions]

    def of_the_event(claim: Claim) -> bool:
        start, end = segments.clause_at(claim.mention.start)
        return any(start <= position < end for position in named)

    return sum(any(of_the_event(claim) for claim in group) for group in groups) >= 2


# Counts an event has one value of: the countries attending, the agreements signed.
_ONE_PER_EVENT = frozenset(("count:country", "count:company", "count:agreement"))
# Words that state a figure as the whole of its kind, not a part of it.
_TOTAL = re.compile(
    r"人数|总数|总计|共计|合计|累计|总共|一共|\b(?:toll|total|in all|altogether|overall)\b",
    re.IGNORECASE,
)


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
                groups = _within_reach(_value_groups(claims), lambda group: group[0])
                if not _conflicting(groups) or (
                    not _explained(groups)
                    and (_one_clause(context, groups) or not _self_contradiction(context, groups))
                ):
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
    yield from _across_articles(context, by_event, consistent)
    yield from _across_stories(context, consistent)
    yield from _across_stories(context, _consistent_measures(context))


def _consistent_measures(context: Context) -> dict[tuple[str, str], list[Claim]]:
    """Each article's measured values by measure, when the article gives each one value
    (an article giving two ranges for one car is telling two versions of it)."""
    by_slot: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for timeline in context.timelines:
        for claim in timeline.article.measures:
            by_slot[(claim.document, claim.slot)].append(claim)
    return {
        key: claims
        for key, claims in by_slot.items()
        if not _conflicting([[claim] for claim in claims])
    }


def _across_articles(
    context: Context,
    by_event: dict[str, dict[str, list[Claim]]],
    consistent: dict[tuple[str, str], list[Claim]],
) -> Iterator[Discrepancy]:
    """One row per happening and slot that articles count differently, however many articles:
    each article is represented by its most precise statement ("47艘", not "数十艘" in the
    headline), and the odd values out are the row's primary claims. An article that
    contradicts itself is reported on its own, so only articles each consistent are compared;
    figures that hold at different times ("截至2月底", or tolls of stories filed on different
    days) are not."""
    for event_ids, certainty in context.happenings():
        slots = sorted(
            slot
            for slot in {slot for event_id in event_ids for slot in by_event.get(event_id, {})}
            if not _owned(slot)
        )
        same = _same_groups(slots)
        for slot in dict.fromkeys(same.values()):
            stated = [
                _most_precise_first(consistent[(event_id, written)])
                for event_id in event_ids
                for written in slots
                if same[written] == slot and (event_id, written) in consistent
            ]
            for moment in _by_moment(context, stated):
                if len({claims[0].document for claims in moment}) < 2:
                    continue
                yield from _slot_row(context, event_ids, certainty, moment)


def _same_groups(slots: list[str]) -> dict[str, str]:
    """Each slot's group: a noun ending another names the same group ("大法官" and
    "法官", "count:person:大法官" goes with "count:person:法官")."""
    same = {}
    for slot in slots:
        head, _, noun = slot.rpartition(":")
        shorter = [
            other
            for other in slots
            if other != slot
            and other.rpartition(":")[0] == head
            and len(other.rpartition(":")[2]) >= 2
            and noun.endswith(other.rpartition(":")[2])
        ]
        same[slot] = min(shorter, key=len) if shorter and head.endswith("person") else slot
    return same


def _owned(slot: str) -> bool:
    """A count of someone's ("count:gold-medal@united-states") or a measured value
    ("measure:range:length"): compared across the articles of a story."""
    return slot.startswith("measure:") or ("@" in slot and not slot.startswith("count:person:"))


def _across_stories(
    context: Context, consistent: dict[tuple[str, str], list[Claim]]
) -> Iterator[Discrepancy]:
    """Counts of someone's (a team's medals, a party's seats) across the articles of one
    story, whichever of its events each article hangs them on."""
    by_document: dict[str, dict[str, list[Claim]]] = defaultdict(dict)
    for (_, slot), claims in consistent.items():
        if _owned(slot):
            document = claims[0].document
            by_document[document][slot] = by_document[document].get(slot, []) + claims
    for documents in context.stories():
        slots = sorted({slot for d in documents for slot in by_document.get(d, {})})
        for slot in slots:
            stated = [
                _most_precise_first(by_document[d][slot])
                for d in documents
                if slot in by_document.get(d, {})
                and len({_range(c) for c in by_document[d][slot]}) == 1
            ]
            if len(stated) < 2:
                continue
            event_ids = list(dict.fromkeys(claims[0].event for claims in stated))
            yield from _slot_row(context, event_ids, "likely", stated)


def _by_moment(context: Context, stated: list[list[Claim]]) -> list[list[list[Claim]]]:
    """The articles' statements split by the time their figures hold at: the as-of time
    written ("截至2月底"), else, for a figure that grows as a story unfolds (the dead, the
    injured), the day the article was filed. A statement of no particular time is compared
    with those of a day, not with an hour's ("截至19时" turnout is not the final one)."""
    moments: dict[object, list[list[Claim]]] = defaultdict(list)
    for claims in stated:
        moments[_moment(context, claims)].append(claims)
    timeless = moments.pop(None, [])
    if not moments:
        return [timeless]
    # a statement of no particular time goes with the days, not with an hour's snapshot
    return [
        moments[key] + ([] if isinstance(key, str) and "@" in key else timeless)
        for key in sorted(moments, key=str)
    ]


def _moment(context: Context, claims: list[Claim]) -> object:
    """The day (or, unreadable, the words) an article's figures of one slot hold at."""
    timeline = context.timeline(claims[0].document)
    written = next((c for c in claims if c.as_of is not None), None)
    if written is not None:
        if re.search(r"\d\s*[时点:]|[ap]\.?m", written.as_of or ""):
            # "截至3日19时": the hour matters (a turnout, a toll's bulletin)
            return f"@{as_of_key(written.as_of)}"
        return _as_of_day(timeline, written) or as_of_key(written.as_of)
    if not _grows(claims[0].slot):
        return None
    filed = timeline.article.filed
    if filed is not None and filed.grain == "day":
        return filed.start
    document = timeline.document
    if document.published is not None and document.published_grain == "day":
        return document.published
    # a toll of a story of unknown date: compared with no other (it may be hours old)
    return f"unknown {document.path}"


def _as_of_day(timeline: Timeline, claim: Claim) -> dt.date | None:
    """The day an as-of time names ("截至3月1日晚8时" -> 3月1日), read from the time
    mentions of the claim's sentence."""
    document = timeline.document
    for mention in timeline.article.extraction.mentions:
        if not claim.sentence[0] <= mention.start < claim.sentence[1] or mention.time is None:
            continue
        if mention.text.strip() and mention.text.strip() in (claim.as_of or ""):
            day = resolve_time(mention.time, document.published, document.published_grain)
            if day is not None and day.grain == "day":
                return day.start
    return None


def _grows(slot: str) -> bool:
    """A count that changes as a story unfolds: the dead, injured, missing, rescued."""
    parts = slot.split(":")
    return len(parts) >= 3 and parts[1] == "person" and parts[2] in _GROWING_ROLES


_GROWING_ROLES = frozenset(
    "dead injured missing seriously-injured casualties rescued arrested evacuated".split()
)


def _slot_row(
    context: Context, event_ids: list[str], certainty: str, stated: list[list[Claim]]
) -> Iterator[Discrepancy]:
    """The row of one slot of one happening, when its articles' values cannot all be true."""
    by_value: dict[tuple[float, float], list[list[Claim]]] = defaultdict(list)
    for claims in sorted(stated, key=lambda c: (c[0].document, c[0].mention.start)):
        by_value[_range(claims[0])].append(claims)
    values = _within_reach(list(by_value.values()), lambda group: group[0][0])
    if len(values) < 2:
        return
    heads = [group[0][0] for group in values]
    if not _conflicting([[head] for head in heads]):
        return
    odd = outnumbered(values)
    planned = {claims[0].modality for group in values for claims in group}
    events = [context.event(event_id) for event_id in event_ids]
    labels = list(dict.fromkeys(e.label for e in events if not e.implicit)) or [events[0].label]
    label = " / ".join(labels[:2])
    described = "; ".join(
        f"{_describe([group[0][0]])} in {_articles(context, group)}" for group in values
    )
    values_text = " vs ".join(_describe([head]) for head in heads)
    message = f"{values_text} {_counted(heads[0])} for the {label}: {described}"
    dates = sorted({format_date(e.date) for e in events if e.date is not None})
    if len(dates) > 1 and certainty != "certain":
        message += f"; the articles date it {' and '.join(dates)}: possibly different events"
    if len(planned) > 1:
        certainty = "possible"
        message += "; one figure is planned or expected, the other reported"
    yield context.discrepancy(
        COUNT_CONFLICT,
        certainty,
        label,
        message,
        [c for group in values for claims in group for c in _representatives(claims)],
        primary=[_representatives(claims, 1)[0] for group in odd for claims in group],
    )


def _articles(context: Context, group: list[list[Claim]]) -> str:
    """ "a.txt:12, b.txt:3" for up to three articles, "5 articles" beyond."""
    if len(group) > 3:
        return f"{len(group)} articles"
    return ", ".join(context.where(_representatives(claims, 1)[0]) for claims in group)


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
        "('据路透社…新华社称…') or between a plan and what happened is info. Across "
        "articles one row per slot lists every value with its articles, the odd ones out "
        "first; figures more than 2.5 times apart count different things (unless the same "
        "digits a thousand times apart: a unit slip). Within one article only what reads as "
        "a contradiction is reported (a stated total, a count said of the event by name), "
        "not parts and stages of a story. Someone's counts (a team's medals, a party's "
        "seats) and measured values (a range in km or miles, a price, revenue, flight hours) "
        "are compared across the articles of one story, units converted and as precise as "
        "written ('393亿美元' agrees with '$39.3 billion')."
    ),
    example="来自54个国家和欧盟的代表 … vs … 日韩澳等34个国家的高官",
    check=check_counts,
)
RULES = [COUNT_CONFLICT]
