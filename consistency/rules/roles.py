"""R100: one person, or one country's delegate at one event, given two different offices."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from consistency.attach import event_at
from consistency.extract.roles import Role
from consistency.model import Claim, Discrepancy
from consistency.rules import Context, EventGroups, Rule, text_claim

# Cross-article findings are warnings at most: an article may name an office from another
# time (a reshuffle between two reports), which the text does not always say.
_ACROSS = {"certain": "likely", "likely": "likely"}


@dataclass(frozen=True)
class _Title:
    claim: Claim
    role: Role

    @property
    def document(self) -> str:
        return self.claim.document


def _titles(context: Context) -> list[_Title]:
    found = []
    for timeline in context.timelines:
        main = next((e for e in timeline.events if context.is_main_event(e.id)), None)
        for role in timeline.article.roles:
            event = event_at(timeline, role.start)
            # A delegate "represented Germany" with no event word in the sentence is at the
            # event the story is about.
            if event is None and role.delegate:
                event = main
            facts = {"office": "+".join(role.offices), "country": role.country}
            facts["person"] = role.person_text
            claim = text_claim(
                timeline,
                "role",
                role.start,
                role.end,
                tuple(sorted((k, v) for k, v in facts.items() if v is not None)),
                event.id if event else "",
            )
            found.append(_Title(claim, role))
    return found


def _office_name(key: str) -> str:
    deputy = key.startswith("deputy:")
    name = key.removeprefix("deputy:").replace("-", " ")
    return f"deputy {name}" if deputy else name


def _offices_name(offices: tuple[str, ...]) -> str:
    return " and ".join(_office_name(o) for o in offices)


def _compatible(first: Role, second: Role, joint: set[frozenset[str]]) -> bool:
    """Offices that one person can hold at once: the same office, or two offices some
    title gives together ("副总理兼财长")."""
    return any(a == b or frozenset((a, b)) in joint for a in first.offices for b in second.offices)


def _joint_pairs(titles: list[_Title]) -> set[frozenset[str]]:
    return {
        frozenset(pair)
        for title in titles
        for pair in itertools.combinations(title.role.offices, 2)
    }


def _describe(context: Context, title: _Title) -> str:
    return f"'{title.claim.mention.text}' at {context.where(title.claim)}"


def _person_conflicts(context: Context, titles: list[_Title]) -> Iterator[Discrepancy]:
    by_person: dict[str, list[_Title]] = defaultdict(list)
    for title in titles:
        if title.role.person:
            by_person[title.role.person].append(title)
    for _, held in sorted(by_person.items()):
        joint = _joint_pairs(held)
        pairs = [
            (a, b)
            for a, b in itertools.combinations(held, 2)
            # the same surname in two countries is two people
            if not (a.role.country and b.role.country and a.role.country != b.role.country)
            and not _compatible(a.role, b.role, joint)
        ]
        if not pairs:
            continue
        within = [(a, b) for a, b in pairs if a.document == b.document]
        first, second = (within or pairs)[0]
        certainty = "certain" if within else "likely"
        person = first.role.person_text or second.role.person_text or ""
        where = "the article gives" if within else "the articles give"
        message = (
            f"{where} {person} two offices: {_offices_name(first.role.offices)} "
            f"({_describe(context, first)}) and {_offices_name(second.role.offices)} "
            f"({_describe(context, second)})"
        )
        yield context.discrepancy(
            ROLE_CONFLICT, certainty, person, message, [first.claim, second.claim]
        )


def _single_delegates(titles: list[_Title]) -> dict[tuple[str, str], _Title]:
    """(event, country) -> the one holder an article names for that country at that event,
    when the article presents a holder as the delegate and names no second holder ("德国外长和
    财长均出席" names two: neither is the delegate)."""
    by_place: dict[tuple[str, str], list[_Title]] = defaultdict(list)
    for title in titles:
        if title.claim.event and title.role.country:
            by_place[(title.claim.event, title.role.country)].append(title)
    single = {}
    for place, held in by_place.items():
        joint = _joint_pairs(held)
        people = {t.role.person for t in held if t.role.person}
        one_holder = len(people) <= 1 and all(
            _compatible(a.role, b.role, joint) for a, b in itertools.combinations(held, 2)
        )
        delegates = [t for t in held if t.role.delegate]
        if one_holder and delegates:
            single[place] = delegates[0]
    return single


def _delegate_conflicts(context: Context, titles: list[_Title]) -> Iterator[Discrepancy]:
    """One row per country and happening: the offices the articles give its one delegate,
    when they differ ("外长" in one, "finance minister" in two others)."""
    single = _single_delegates(titles)
    joined = EventGroups()
    reasons: dict[str, list[str]] = defaultdict(list)
    for link in context.links:
        if link.certainty not in _ACROSS:
            continue
        joined.join(link.first, link.second)
        if link.certainty != "certain":
            reasons[link.first].append(link.reason)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for root, event_ids in joined.groups().items():
        for event_id in event_ids:
            for country in sorted(c for e, c in single if e == event_id):
                groups[(root, country)].append(event_id)
    for (_, country), events in sorted(groups.items()):
        delegates = [single[(event_id, country)] for event_id in events]
        # offices as given, each with the articles that give it, in article order
        by_office: dict[tuple[str, ...], list[_Title]] = defaultdict(list)
        for title in sorted(delegates, key=lambda t: (t.document, t.claim.mention.start)):
            by_office[title.role.offices].append(title)
        if len(by_office) < 2:
            continue
        (first, *_), (second, *_) = list(by_office.values())[:2]
        # Two named people: the person rule compares them, or they are two delegates.
        if first.role.person and second.role.person:
            continue
        if _compatible(first.role, second.role, set()):
            continue
        labels = sorted({context.event(e).label for e in events})
        label = " / ".join(labels)
        name = country.replace("-", " ").title()
        offices = [
            f"its {_offices_name(office)} in "
            + ", ".join(_describe(context, title) for title in held)
            for office, held in list(by_office.items())[:2]
        ]
        message = f"{name}'s delegate at the {label} is " + " and ".join(offices)
        why = sorted({reason for e in events for reason in reasons.get(e, [])})
        if why:
            message += f"; the events are linked by {why[0]}"
        claims = [t.claim for held in list(by_office.values())[:2] for t in held]
        yield context.discrepancy(ROLE_CONFLICT, "likely", label, message, claims)


def check_roles(context: Context) -> Iterator[Discrepancy]:
    titles = _titles(context)
    yield from _person_conflicts(context, titles)
    yield from _delegate_conflicts(context, titles)


ROLE_CONFLICT = Rule(
    code="R100",
    name="role-conflict",
    kind="role",
    title="One person, or one country's delegate, given two different offices",
    doc=(
        "Titles are read with their country and holder ('德国外长瓦德富尔', 'German Finance "
        "Minister Lars Klingbeil', 'India's finance minister') and offices normalized across "
        "languages (外长 = foreign minister; 国务卿 = the US foreign minister). Flagged when one "
        "person is given two offices that one person does not hold together (error within one "
        "article, warning across articles), or when two articles each name one holder as a "
        "country's delegate at the same event with different offices (warning). Joint offices "
        "('副总理兼财长', 'Vice Chancellor and Finance Minister') agree with each of their "
        "offices; former, 'then' and incoming titles are not compared; two holders of one "
        "country at one event are two delegates."
    ),
    example="德国外长率团出席 … vs … German Finance Minister Lars Klingbeil led the delegation",
    check=check_roles,
)
RULES = [ROLE_CONFLICT]
