"""T100 relative-timing conflicts and T101 order conflicts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from consistency.model import Claim, Discrepancy, Event
from consistency.rules import Context, Rule, format_date

_OPPOSITE = {"after": "before", "before": "after", "same": "same", "same-day": "same-day"}


def _days(count: int) -> str:
    return f"{abs(count)} day{'s' if abs(count) != 1 else ''}"


def _stated(offset: int) -> str:
    if offset == 0:
        return "on the same day as"
    return f"{_days(offset)} {'after' if offset > 0 else 'before'}"


def _anchor_written(claim: Claim) -> bool:
    time = claim.mention.time
    return bool(time and time.anchor)


def check_relative_timing(context: Context) -> Iterator[Discrepancy]:
    for timeline in context.timelines:
        for claim in timeline.article.claims:
            time = claim.mention.time
            # "当天", "that evening": which day they mean is read from the nearest date,
            # often of another event; they carry dates, but a finding needs a stated interval
            if claim.slot != "relation" or time is None or not time.offset_days:
                continue
            subject, anchor = timeline.event(claim.event), timeline.event(claim.other_event)
            if not _day_dated(subject) or not _day_dated(anchor):
                continue
            actual = (subject.date.start - anchor.date.start).days
            if actual == time.offset_days:
                continue
            message = (
                f"'{claim.mention.text}' ({context.where(claim)}) puts the {subject.label} "
                f"{_stated(time.offset_days)} the {anchor.label}, but the article dates them "
                f"{format_date(anchor.date)} and {format_date(subject.date)}: "
                f"{_days(actual)} {'apart' if actual else ''}".rstrip()
            )
            agreeing = [
                other
                for other in timeline.events
                if other.id not in (subject.id, anchor.id)
                and _day_dated(other)
                and (subject.date.start - other.date.start).days == time.offset_days
                and not other.implicit
            ]
            if agreeing:
                other = agreeing[0]
                message += (
                    f". Counted from the {other.label} ({format_date(other.date)}, "
                    f"{context.where(other.date.sources[0])}) it would agree"
                )
            certainty = "certain" if _anchor_written(claim) else "likely"
            evidence = [claim, *anchor.date.sources[:2], *subject.date.sources[:2]]
            yield context.discrepancy(
                RELATIVE_TIMING_CONFLICT, certainty, subject.label, message, evidence
            )


def _day_dated(event: Event) -> bool:
    return event.date is not None and event.date.grain == "day"


def check_order(context: Context) -> Iterator[Discrepancy]:
    for timeline in context.timelines:
        by_pair: dict[tuple[str, str], list[tuple[str, Claim]]] = defaultdict(list)
        for claim in timeline.article.claims:
            time = claim.mention.time
            if claim.slot != "relation" or time is None or time.order is None:
                continue
            assert claim.other_event is not None
            # Orders are kept from the first event's side of the pair.
            # "当晚", "that day" only put two events on one day, which "after" allows;
            # "同时", "at the same time" do not.
            order = "same-day" if time.offset_days == 0 else time.order
            if claim.event < claim.other_event:
                by_pair[(claim.event, claim.other_event)].append((order, claim))
            else:
                by_pair[(claim.other_event, claim.event)].append((_OPPOSITE[order], claim))
        for (first_id, second_id), orders in sorted(by_pair.items()):
            kinds = {order for order, _ in orders} - {"same-day"}
            if len(kinds) < 2:
                continue
            first, second = timeline.event(first_id), timeline.event(second_id)
            described = "; ".join(
                f"'{claim.mention.text}' ({context.where(claim)}) says "
                f"{_order_phrase(claim, timeline)}"
                for _, claim in orders
            )
            yield context.discrepancy(
                ORDER_CONFLICT,
                "likely",
                f"{first.label} / {second.label}",
                f"The article orders the {first.label} and the {second.label} differently: "
                + described,
                [claim for _, claim in orders],
            )


def _order_phrase(claim: Claim, timeline) -> str:
    subject, anchor = timeline.event(claim.event), timeline.event(claim.other_event)
    time = claim.mention.time
    assert time is not None
    relation = {"after": "after", "before": "before", "same": "at the same time as"}[
        time.order or "same"
    ]
    return f"the {subject.label} came {relation} the {anchor.label}"


RELATIVE_TIMING_CONFLICT = Rule(
    code="T100",
    name="relative-timing-conflict",
    kind="relative_timing",
    title="A stated interval that the article's own dates contradict",
    doc=(
        "A relative expression ('第二天', '一天后', 'the next day', 'two days later') states "
        "how far one event is from another, but the dates the article gives the two events "
        "are a different distance apart. The anchor is the event the expression names "
        "('那场大会的第二天') or, when it names none, the event just mentioned before it. "
        "When another event of the article would make the statement true, the message "
        "names it: the anchor may simply be misread."
    ),
    example="反而在一天后精准反制 … 1月12日 (summit) … 1月14日 (countermeasure)",
    check=check_relative_timing,
)
ORDER_CONFLICT = Rule(
    code="T101",
    name="order-conflict",
    kind="order",
    title="Two events put in a different order in different places",
    doc=(
        "One sentence says an event came after another, another says they happened at the "
        "same time (or in the opposite order). 'At the same time' is often loose, so this "
        "is a warning."
    ),
    example="挂断北京电话后,美国成立稀土联盟 … 就在特朗普对着话筒说“合作”的同时",
    check=check_order,
)
RULES = [RELATIVE_TIMING_CONFLICT, ORDER_CONFLICT]
