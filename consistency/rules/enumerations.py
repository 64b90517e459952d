"""E100: a list of participants that names more, or fewer, countries than the count stated
for the same event ("美国、日本、韩国和澳大利亚三国", a list of 33 vs "34个国家")."""

from __future__ import annotations

import math
from collections.abc import Iterator

from consistency.claims import ArticleClaims
from consistency.extract.enumerations import (
    Enumeration,
    is_subset_count,
    names_apart,
    role_near,
    with_regions,
)
from consistency.model import Claim, Discrepancy
from consistency.rules import Context, Rule

# A complete list shorter than the count it is compared with is read as naming all of the
# group only when it names at least this share of it: "美国、日本和德国的代表" in a story
# about 34 countries names some of them, a list of 33 names (almost) all.
_SHORT_LIST_SHARE = 0.75
# Items named in a message before "…".
_NAMED_ITEMS = 4


def _count_range(context: Context, claim: Claim, enumeration: Enumeration) -> tuple[float, float]:
    """The countries a list names, read the way the count it is compared with counts."""
    quantity = claim.mention.quantity
    assert quantity is not None
    folded = context.timeline(claim.document).article.extraction.folded
    return enumeration.country_range(
        with_regions=with_regions(folded, claim.mention.end, quantity.counted_text),
        others_apart=names_apart(folded, claim.mention.end, _language(context, claim)),
    )


def _language(context: Context, claim: Claim) -> str:
    return context.timeline(claim.document).article.extraction.language


def _conflicts(listed: tuple[float, float], stated: Claim, attached: bool) -> bool:
    """A list and a count disagree when no number fits both; a complete list shorter than
    the count only when it is the count's own list, or the count is exact and the list names
    most of it ("十余个国家" and nine names may be all or some of them)."""
    quantity = stated.mention.quantity
    assert quantity is not None
    low, high = listed
    if low > quantity.high:
        return True
    if high < quantity.low:
        return attached or (quantity.exact and high >= _SHORT_LIST_SHARE * quantity.low)
    return False


def _role(context: Context, claim: Claim, start: int, end: int) -> str | None:
    folded = context.timeline(claim.document).article.extraction.folded
    return role_near(folded, start, end, claim.sentence, _language(context, claim))


def _stated_counts(context: Context, path: str, event: str, role: str) -> list[Claim]:
    """The counts of countries an article gives for an event, of the same group as a list
    (the same role, and no "其中" / "only" making them a subgroup)."""
    article = context.timeline(path).article
    folded = article.extraction.folded
    labels = labels_of_complete_lists(article)
    language = article.extraction.language
    return [
        claim
        for claim in article.claims
        if claim.event == event
        and claim not in labels
        and claim.slot == "count:country"
        and claim.mention.quantity is not None
        and not is_subset_count(folded, claim.mention.start, claim.sentence[0], language)
        and _role(context, claim, claim.mention.start, claim.mention.end) == role
    ]


def label_of(article: ArticleClaims, enumeration: Enumeration) -> Claim | None:
    """The count that labels a list: "日韩澳等|34个国家", "34 countries|, including …"."""
    return next(
        (
            count
            for count in article.claims
            if count.slot == "count:country"
            and (
                count.mention.start == enumeration.next_offset
                or count.mention.end == enumeration.previous_offset
            )
        ),
        None,
    )


def labels_of_complete_lists(article: ArticleClaims) -> set[Claim]:
    """Counts that name the group a complete list names ("印尼、马来西亚、泰国和越南四国"):
    they count that list, not everyone at the event, so they are not the event's count."""
    labels = (label_of(article, e) for _, e in article.enumerations if not e.partial)
    return {label for label in labels if label is not None}


def _attached(context: Context, claim: Claim, enumeration: Enumeration) -> Claim | None:
    return label_of(context.timeline(claim.document).article, enumeration)


def _listed(context: Context, claim: Claim, enumeration: Enumeration) -> str:
    """ "33 countries (Australia, Canada, the European Union, …)" as the list writes them."""
    raw = context.timeline(claim.document).document.raw
    countries = enumeration.number("country")
    names = [raw[item.start : item.end] for item in enumeration.items]
    shown = ", ".join(names[:_NAMED_ITEMS]) + (", …" if len(names) > _NAMED_ITEMS else "")
    amount = f"at least {countries}" if enumeration.partial else str(countries)
    noun = "country" if countries == 1 else "countries"
    others = len(enumeration.entities) - countries
    extra = f" and {others} other name{'s' if others > 1 else ''}" if others else ""
    marker = (
        f"; '{enumeration.marker}' marks it partial"
        if enumeration.marker
        else "; a name the tool does not know is among them"
        if enumeration.unknown_item
        else ""
    )
    return f"the list '{claim.mention.text}' names {amount} {noun}{extra} ({shown}{marker})"


def _value(listed: tuple[float, float]) -> str:
    low, high = (int(v) if not math.isinf(v) else v for v in listed)
    if low == high:
        return str(low)
    return f"{low}+" if math.isinf(high) else f"{low}-{high}"


def check_enumerations(context: Context) -> Iterator[Discrepancy]:
    for timeline in context.timelines:
        for claim, enumeration in timeline.article.enumerations:
            if enumeration.subset:
                continue
            event = context.event(claim.event)
            attached = _attached(context, claim, enumeration)
            if attached is not None:
                listed = _count_range(context, attached, enumeration)
                if _conflicts(listed, attached, attached=True):
                    yield context.discrepancy(
                        ENUMERATION_CONFLICT,
                        "certain",
                        event.label,
                        f"{_listed(context, claim, enumeration)} but calls them "
                        f"'{attached.mention.text}' ({context.where(attached)})",
                        [claim, attached],
                    )
                    continue
            role = _role(context, claim, enumeration.start, enumeration.next_offset)
            if role is None:
                continue
            # the list's own label ("四国") is not a second statement about it
            counts = [
                count
                for count in _stated_counts(context, claim.document, claim.event, role)
                if count != attached
            ]
            yield from _within_article(context, claim, enumeration, counts)
            if not counts:
                yield from _across_articles(context, claim, enumeration, role)


def _within_article(
    context: Context, claim: Claim, enumeration: Enumeration, counts: list[Claim]
) -> Iterator[Discrepancy]:
    conflicting = [
        count
        for count in counts
        if _conflicts(_count_range(context, count, enumeration), count, attached=False)
    ]
    # A count that agrees with the list leaves any other count to C100.
    if not conflicting or len(conflicting) < len(counts):
        return
    event = context.event(claim.event)
    same_sentence = any(count.sentence == claim.sentence for count in conflicting)
    certainty = "certain" if same_sentence or event.identified else "likely"
    quoted = ", ".join(f"'{c.mention.text}' ({context.where(c)})" for c in conflicting[:3])
    yield context.discrepancy(
        ENUMERATION_CONFLICT,
        certainty,
        event.label,
        f"{_listed(context, claim, enumeration)} at {context.where(claim)}, but the same "
        f"article says {quoted} for the same {event.label}",
        [claim, *conflicting[:2]],
    )


def _across_articles(
    context: Context, claim: Claim, enumeration: Enumeration, role: str
) -> Iterator[Discrepancy]:
    """A list against the count a linked event's article gives, when the list's own article
    gives none: the other article's most precise count stands for it."""
    event = context.event(claim.event)
    for link in context.links:
        if claim.event not in (link.first, link.second):
            continue
        other_id = link.second if link.first == claim.event else link.first
        other = context.event(other_id)
        counts = _stated_counts(context, other.document, other_id, role)
        if not counts:
            continue
        best = min(
            counts,
            key=lambda c: (c.mention.quantity.high - c.mention.quantity.low, c.mention.start),  # type: ignore[union-attr]
        )
        if not _conflicts(_count_range(context, best, enumeration), best, attached=False):
            continue
        # Never surer than "likely": two articles, and a list read against another's count.
        certainty = "possible" if link.certainty == "possible" else "likely"
        label = event.label if event.label == other.label else f"{event.label} / {other.label}"
        yield context.discrepancy(
            ENUMERATION_CONFLICT,
            certainty,
            label,
            f"{_listed(context, claim, enumeration)} at {context.where(claim)}, but "
            f"'{best.mention.text}' ({context.where(best)}) for the linked {other.label}"
            + (f"; linked by {link.reason}" if link.certainty != "certain" else ""),
            [claim, best],
        )


ENUMERATION_CONFLICT = Rule(
    code="E100",
    name="enumeration-count-conflict",
    kind="enumeration",
    title="A list of participants that does not fit the stated count",
    doc=(
        "A list of countries ('美国、日本、韩国和澳大利亚', 'Australia, Canada … and the "
        "United Kingdom') is counted and compared with a count of countries stated for the "
        "same event and the same group: the verb next to each says which group (出席 / "
        "attended, 签署 / signed, 反对 / objected); with no such verb nothing is compared. "
        "'等', '包括', 'including', 'among others' or a name the tool does not know make a "
        "list partial: it then conflicts only when it names more than the count. A complete "
        "list shorter than the count conflicts only with an exact count it nearly reaches (a "
        "list of 33 vs '34个国家'), or with its own label ('…泰国和越南四国'). Organizations "
        "and regions in a list may or may not be among the counted countries unless the count "
        "names them apart ('54个国家和欧盟'). Subgroups ('其中', 'of those, only') are not "
        "compared. Severity: error for a list and its own label, or in the same sentence or "
        "for an explicitly identified event; warning otherwise, info across articles whose "
        "events are only possibly the same."
    ),
    example="美国、日本、韩国和澳大利亚三国 … / a list of 33 countries vs 34个国家",
    check=check_enumerations,
)
RULES = [ENUMERATION_CONFLICT]
