"""Rules: each check has a stable code, a title, a doc and an example, like a linter's.

A rule is a function from the checked articles (their timelines and the links between their
events) to discrepancies. Severity comes from how sure it is that the claims concern one
event: error when certain, warning when likely, info when only possible.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from consistency.link import chief_events, distinctive_figures, same_story
from consistency.model import (
    Claim,
    Discrepancy,
    EventLink,
    Evidence,
    Mention,
    Quantity,
    ResolvedDate,
)
from consistency.timeline import Timeline

SEVERITY_OF = {"certain": "error", "likely": "warning", "possible": "info"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_CERTAINTY_RANK = {"certain": 0, "likely": 1, "possible": 2}
_Item = TypeVar("_Item")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    title: str
    doc: str
    example: str
    check: Callable[[Context], Iterable[Discrepancy]]


class Context:
    """What the rules read: the articles' timelines and the links across them."""

    def __init__(self, timelines: list[Timeline], links: list[EventLink]) -> None:
        self.timelines = timelines
        self.links = links
        self._by_path = {t.document.path: t for t in timelines}
        self._events = {e.id: (t, e) for t in timelines for e in t.events}
        self._happenings: list[tuple[list[str], str]] | None = None
        self._stories: list[list[str]] | None = None
        # The event each article is mostly about: the one it mentions most often (the first
        # of equals). Computed once, asked for every cross-article link.
        self._main_events = set()
        for timeline in timelines:
            named = [e for e in timeline.events if not e.implicit]
            if named:
                main = max(named, key=lambda e: (len(e.mentions), -named.index(e)))
                self._main_events.add(main.id)

    def happenings(self) -> list[tuple[list[str], str]]:
        """Events of different articles joined by their links into happenings (`join_links`),
        each with the surest certainty that joined it."""
        if self._happenings is None:
            joined, used = join_links(self.links)
            surest: dict[str, str] = {}
            for link in used:  # surest first
                surest.setdefault(link.first, link.certainty)
                surest.setdefault(link.second, link.certainty)
            self._happenings = [
                (ids, min((surest[i] for i in ids), key=_CERTAINTY_RANK.__getitem__))
                for ids in joined.groups().values()
            ]
        return self._happenings

    def stories(self) -> list[list[str]]:
        """The checked articles grouped by the story they report: articles sharing
        distinctive figures, or whose chief events are linked (likely or certain)."""
        if self._stories is None:
            joined = EventGroups()
            paths = [t.document.path for t in self.timelines]
            for path in paths:
                joined.join(path, path)
            figures = {t.document.path: distinctive_figures(t) for t in self.timelines}
            for first, second in itertools.combinations(paths, 2):
                if same_story(figures[first], figures[second]):
                    joined.join(first, second)
            chiefs = {e.id for t in self.timelines for e in chief_events(t).values()}
            for link in self.links:
                if link.certainty != "possible" and link.first in chiefs and link.second in chiefs:
                    joined.join(self.event(link.first).document, self.event(link.second).document)
            self._stories = [group for group in joined.groups().values() if len(group) > 1]
        return self._stories

    def is_main_event(self, event_id: str) -> bool:
        return event_id in self._main_events

    def timeline(self, path: str) -> Timeline:
        return self._by_path[path]

    def event(self, event_id: str):
        return self._events[event_id][1]

    def claim_value(self, claim: Claim) -> Any:
        """The normalized value of a claim, as printed and as hashed into ids."""
        if claim.mention.kind == "enumeration" and claim.mention.quantity is not None:
            return enumeration_value(claim.mention.quantity)
        if claim.mention.quantity is not None:
            value = claim.mention.quantity.to_value()
            return (
                {k: v for k, v in value.items() if v is not None}
                if "ratio" in value
                else (value.get("number", {"low": value.get("low"), "high": value.get("high")}))
            )
        if claim.mention.facts is not None:
            # role, status, name and acronym claims carry their value ({"person", "country",
            # "office"}, {"acronym", "expansion"})
            return dict(claim.mention.facts)
        time = claim.mention.time
        assert time is not None
        if claim.slot == "relation":
            anchor = self.event(claim.other_event).label if claim.other_event else None
            relation: dict[str, Any] = {"anchor": anchor}
            if time.offset_days is not None:
                relation["offset_days"] = time.offset_days
            if time.order is not None:
                relation["order"] = time.order
            return relation
        date = self.timeline(claim.document).claim_dates.get(claim)
        return format_date(date) if date else claim.mention.text

    def evidence(self, claim: Claim) -> Evidence:
        document = self.timeline(claim.document).document
        line, column = document.position(claim.mention.start)
        end_line, end_column = document.position(claim.mention.end)
        quantity = claim.mention.quantity
        sentence = " ".join(document.raw[claim.sentence[0] : claim.sentence[1]].split())
        return Evidence(
            path=claim.document,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            quote=document.raw[claim.mention.start : claim.mention.end],
            value=self.claim_value(claim),
            counted=quantity.counted if quantity else None,
            sentence=sentence,
        )

    def where(self, claim: Claim) -> str:
        """ "000.txt:12" for messages: the file name and line of a claim."""
        document = self.timeline(claim.document).document
        return f"{posixpath.basename(claim.document)}:{document.position(claim.mention.start)[0]}"

    def discrepancy(
        self,
        rule: Rule,
        certainty: str,
        event: str,
        message: str,
        claims: Iterable[Claim],
        primary: Iterable[Claim] = (),
    ) -> Discrepancy:
        """A finding citing ``claims`` (in file and text order); ``primary``: the claims it
        questions, reported first (else the claim the message names first, else the first)."""
        unique = sorted(
            dict.fromkeys(claims), key=lambda c: (c.document, c.mention.start, c.mention.end)
        )
        evidence = tuple(self.evidence(claim) for claim in unique)
        questioned = tuple(unique.index(claim) for claim in dict.fromkeys(primary))
        if not questioned:
            questioned = (_named_first(message, evidence),)
        return Discrepancy(
            id=stable_id(rule.code, evidence),
            rule=rule.code,
            kind=rule.kind,
            severity=SEVERITY_OF[certainty],
            event=event,
            message=message,
            claims=evidence,
            primary=questioned,
        )


def _named_first(message: str, evidence: tuple[Evidence, ...]) -> int:
    """The claim a message names first ("'2025年2月' (a.txt:12) places …"), else the first:
    where a rule that names no primary claim is reported."""
    best: tuple[int, int] | None = None
    for index, claim in enumerate(evidence):
        at = message.find(f"'{claim.quote}' ({posixpath.basename(claim.path)}:{claim.line})")
        if at >= 0 and (best is None or at < best[0]):
            best = (at, index)
    return best[1] if best else 0


def agreeing_groups(
    items: Iterable[_Item], agree: Callable[[_Item, _Item], bool | None]
) -> list[list[_Item]]:
    """Items in groups whose members all agree with one another: each joins the first group
    it agrees with every member of, else starts its own (in the order given)."""
    groups: list[list[_Item]] = []
    for item in items:
        home = next((group for group in groups if all(agree(item, o) for o in group)), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    return groups


def outnumbered(groups: Iterable[list[_Item]]) -> list[list[_Item]]:
    """The groups smaller than the largest: the values fewer sources give, which a row marks
    as the odd ones out (none when every value is given as often)."""
    groups = list(groups)
    most = max(len(group) for group in groups)
    return [group for group in groups if len(group) < most]


def text_claim(
    timeline: Timeline,
    kind: str,
    start: int,
    end: int,
    facts: tuple[tuple[str, Any], ...],
    event: str = "",
) -> Claim:
    """A claim a rule reads from the text itself (a title, a status word, a name, an
    acronym): the words as written, what they state, and their sentence."""
    mention = Mention(kind, timeline.document.raw[start:end], start, end, facts=facts)
    sentence = timeline.article.extraction.segments.sentence_at(start)
    return Claim(timeline.document.path, event, kind, mention, sentence)


class EventGroups:
    """Events of different articles joined by their links into happenings (union-find)."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def __contains__(self, event_id: str) -> bool:
        return event_id in self._parent

    def root(self, event_id: str) -> str:
        while self._parent.get(event_id, event_id) != event_id:
            event_id = self._parent[event_id]
        return event_id

    def join(self, first: str, second: str) -> None:
        self._parent.setdefault(first, first)
        self._parent.setdefault(second, second)
        self._parent[self.root(second)] = self.root(first)

    def groups(self) -> dict[str, list[str]]:
        """Each group's event ids in id order, the groups in the order of their first id."""
        found: dict[str, list[str]] = {}
        for event_id in sorted(self._parent):
            found.setdefault(self.root(event_id), []).append(event_id)
        return found


def join_links(links: Iterable[EventLink]) -> tuple[EventGroups, list[EventLink]]:
    """Events joined by their links, surer links first; a merely possible link joins only
    two events not yet in a group, so that it cannot chain unrelated stories into one
    happening. The groups, and the links that joined them, surest first."""
    joined = EventGroups()
    used: list[EventLink] = []
    for link in sorted(links, key=lambda link: _CERTAINTY_RANK[link.certainty]):
        if link.certainty == "possible" and (link.first in joined or link.second in joined):
            continue
        joined.join(link.first, link.second)
        used.append(link)
    return joined, used


def stable_id(code: str, evidence: Iterable[Evidence]) -> str:
    """An id from the rule, file names, values and quotes: never line numbers, so it
    survives edits elsewhere in the articles."""
    parts = sorted(
        json.dumps(
            [posixpath.basename(item.path), item.value, item.quote],
            ensure_ascii=False,
            sort_keys=True,
        )
        for item in evidence
    )
    digest = hashlib.sha1("\n".join([code, *parts]).encode("utf-8")).hexdigest()
    return f"{code}-{digest[:12]}"


def enumeration_value(quantity: Quantity) -> Any:
    """The countries a list names: 4, {"low": 3, "high": 4} when it also names an
    organization, {"at_least": 4} when it is partial (no infinity in JSON)."""
    low = int(quantity.low)
    if math.isinf(quantity.high):
        return {"at_least": low}
    return low if quantity.exact else {"low": low, "high": int(quantity.high)}


def format_date(date: ResolvedDate) -> str:
    if date.grain == "day":
        return date.start.isoformat()
    if date.grain == "month":
        return date.start.strftime("%Y-%m")
    return str(date.start.year)


def all_rules() -> list[Rule]:
    from consistency.rules import (
        acronyms,
        ages,
        counts,
        dates,
        elapsed,
        enumerations,
        names,
        roles,
        status,
        suppressions,
        times_of_day,
        timing,
        weekdays,
    )

    return [
        *counts.RULES,
        *dates.RULES,
        *timing.RULES,
        *times_of_day.RULES,
        *elapsed.RULES,
        *weekdays.RULES,
        *enumerations.RULES,
        *roles.RULES,
        *status.RULES,
        *names.RULES,
        *acronyms.RULES,
        *ages.RULES,
        *suppressions.RULES,
    ]


def run_rules(context: Context) -> list[Discrepancy]:
    """Every rule's findings, most severe first, then by place."""
    found: dict[str, Discrepancy] = {}
    for rule in all_rules():
        for discrepancy in rule.check(context):
            found.setdefault(discrepancy.id, discrepancy)
    return in_report_order(found.values())


def in_report_order(discrepancies: Iterable[Discrepancy]) -> list[Discrepancy]:
    """Most severe first, then by place."""
    return sorted(
        discrepancies,
        key=lambda d: (
            SEVERITY_ORDER[d.severity],
            d.claims[0].path,
            d.claims[0].line,
            d.claims[0].column,
            d.rule,
            d.id,
        ),
    )
