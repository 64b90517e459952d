"""P100: one named person given two ages ("Lila Bonner, 9" and "12-year-old Lila Bonner")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from consistency.extract.ages import Age
from consistency.model import Claim, Discrepancy
from consistency.rules import Context, Rule, outnumbered, text_claim


def check_ages(context: Context) -> Iterator[Discrepancy]:
    said: dict[str, list[tuple[Claim, Age]]] = defaultdict(list)
    for timeline in context.timelines:
        for age in timeline.article.ages:
            facts = (("age", age.age), ("person", age.name))
            claim = text_claim(timeline, "age", age.start, age.end, facts)
            said[age.name].append((claim, age))
    for name, stated in sorted(said.items()):
        by_age: dict[int, list[Claim]] = defaultdict(list)
        for claim, age in stated:
            by_age[age.age].append(claim)
        if len(by_age) < 2:
            continue
        odd = [c for claims in outnumbered(by_age.values()) for c in claims]
        shown = "; ".join(
            f"{age} in " + ", ".join(context.where(c) for c in claims[:3])
            for age, claims in sorted(by_age.items())
        )
        title = " ".join(part.capitalize() for part in name.split())
        certainty = (
            "likely"
            if len({c.document for claims in by_age.values() for c in claims}) > 1
            else "certain"
        )
        yield context.discrepancy(
            AGE_CONFLICT,
            certainty,
            title,
            f"{title} is given two ages: {shown}",
            [c for claims in by_age.values() for c in claims],
            primary=odd,
        )


AGE_CONFLICT = Rule(
    code="P100",
    name="age-conflict",
    kind="other",
    title="One named person given two ages",
    doc=(
        "A person named the same way ('Lila Bonner', 'Richard ‘Dick’ Eastland' as Richard "
        "Eastland) is given two ages ('Lila Bonner, 9' and '12-year-old Lila Bonner'), within "
        "one article (error) or across articles (warning). Ages are read beside a Latin name: "
        "'Name, 9', 'Name (70)', '12-year-old Name'."
    ),
    example="12-year-old Lila Bonner … vs … Lila Bonner, 9",
    check=check_ages,
)
RULES = [AGE_CONFLICT]
