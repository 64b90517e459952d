"""M100: a measure called new in one place and continued or extended in another."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from consistency.attach import event_at
from consistency.extract.status import Status
from consistency.model import Claim, Discrepancy
from consistency.rules import Context, Rule, text_claim

_WORDING = {"new": "is new", "continued": "continues"}
# Across articles a warning at most: the articles may report two decisions on one measure.
_ACROSS = {"certain": "likely", "likely": "likely"}


@dataclass(frozen=True)
class _Said:
    claim: Claim
    status: Status


def _statements(context: Context) -> dict[str, dict[str, list[_Said]]]:
    """event -> measure -> what the articles say of its status, in text order."""
    found: dict[str, dict[str, list[_Said]]] = defaultdict(lambda: defaultdict(list))
    for timeline in context.timelines:
        for status in timeline.article.statuses:
            event = event_at(timeline, status.start)
            # "此前开征的关税": a decision the story recalls, not the one it reports
            if status.earlier or event is None:
                continue
            facts = (("measure", status.measure), ("status", status.status))
            claim = text_claim(timeline, "status", status.start, status.end, facts, event.id)
            found[event.id][status.measure].append(_Said(claim, status))
    return found


def _same_measure(first: Status, second: Status) -> bool:
    """Unless both say what the measure applies to and they share too little: "对日本钢材"
    and "对美国光纤" are two measures. Chinese words and English words are not compared."""
    a, b = first.target, second.target
    if not a or not b or _is_latin(a) != _is_latin(b):
        return True
    return 2 * len(a & b) >= min(len(a), len(b))


def _is_latin(words: frozenset[str]) -> bool:
    return all(word.isascii() for word in words)


def _conflict(firsts: list[_Said], seconds: list[_Said]) -> tuple[_Said, _Said] | None:
    """The first new / continued pair about one measure, from different sentences (one
    sentence that says both tells a history: "延长2021年开征的关税")."""
    for first in firsts:
        for second in seconds:
            if (
                first.status.status != second.status.status
                and first.claim.sentence != second.claim.sentence
                and _same_measure(first.status, second.status)
            ):
                return first, second
    return None


def _describe(context: Context, said: _Said) -> str:
    return f"'{said.claim.mention.text}' at {context.where(said.claim)}"


def _message(context: Context, new: _Said, continued: _Said, across: bool) -> str:
    measure = new.status.measure.replace("-", " ")
    if across:
        return (
            f"one article says the {measure} is new ({_describe(context, new)}), another that "
            f"it continues ({_describe(context, continued)})"
        )
    return (
        f"the article says the {measure} is new ({_describe(context, new)}) and that it "
        f"continues ({_describe(context, continued)})"
    )


def _ordered(pair: tuple[_Said, _Said]) -> tuple[_Said, _Said]:
    return pair if pair[0].status.status == "new" else (pair[1], pair[0])


def check_status(context: Context) -> Iterator[Discrepancy]:
    statements = _statements(context)
    consistent: set[tuple[str, str]] = set()
    for event_id, measures in sorted(statements.items()):
        event = context.event(event_id)
        for measure, said in sorted(measures.items()):
            pair = _conflict(said, said)
            if pair is None:
                consistent.add((event_id, measure))
                continue
            new, continued = _ordered(pair)
            certainty = "certain" if event.identified else "likely"
            yield context.discrepancy(
                STATUS_CONFLICT,
                certainty,
                event.label,
                _message(context, new, continued, across=False),
                [new.claim, continued.claim],
            )
    for link in context.links:
        if link.certainty not in _ACROSS:
            continue
        first, second = context.event(link.first), context.event(link.second)
        # Two dates: two decisions (an extension a year after the measure was imposed).
        if first.date and second.date and first.date.start != second.date.start:
            continue
        for measure in sorted(statements.get(link.first, {})):
            if (link.first, measure) not in consistent or (link.second, measure) not in consistent:
                continue
            pair = _conflict(statements[link.first][measure], statements[link.second][measure])
            if pair is None:
                continue
            new, continued = _ordered(pair)
            label = (
                first.label if first.label == second.label else f"{first.label} / {second.label}"
            )
            message = _message(context, new, continued, across=True)
            if link.certainty != "certain":
                message += f"; the events are linked by {link.reason}"
            yield context.discrepancy(
                STATUS_CONFLICT,
                _ACROSS[link.certainty],
                label,
                message,
                [new.claim, continued.claim],
            )


STATUS_CONFLICT = Rule(
    code="M100",
    name="status-conflict",
    kind="status",
    title="A measure called new in one place and continued in another",
    doc=(
        "Status words of a measure (tariff, sanction, tax, ban, export control, price floor) "
        "say whether it is new ('开征', '首次', 'imposes', 'new tariffs') or continued "
        "('继续征收', '延长', 'extends', 'renews'). Flagged when one event's measure is called "
        "both: an error within one article for an event it identifies by name or back-reference, "
        "a warning otherwise and across articles. A status word recalling an earlier decision "
        "('此前开征的', 'first imposed in 2021'), one sentence saying both, measures on "
        "different goods, and events with different dates are not compared."
    ),
    example="商务部宣布对原产于美国的光纤开征反倾销税 … vs … 決定繼續對美國光纖徵收反傾銷稅",
    check=check_status,
)
RULES = [STATUS_CONFLICT]
