"""N100: one person or organization spelled two ways ("Klingbeil" / "Kingbeil").

Two spellings are reported when they are one or two letters apart, start alike and are long
enough that such a difference is a slip rather than another name (Smith / Smyth, Li Wei /
Li Hui and 王毅 / 王义 are left alone). Spellings listed as aliases (consistency/data/names.yml,
the spellings of one entity in entities.yml, ``aliases: names:`` in .consistency.yml) are
never reported, nor are two spellings that the articles attach to clearly different people:
different given names ("John Smith" / "Jane Smith"), or different roles ("finance minister" /
"football coach").

Severity: warning within one article and across articles when the role or given name agrees
(the same person, surely); info when two articles only spell the name alike.
"""

from __future__ import annotations

import itertools
import posixpath
import unicodedata
from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from consistency.extract.names import NameMention, are_aliases
from consistency.model import Claim, Discrepancy
from consistency.rules import Context, Rule, text_claim

# Latin surnames shorter than this are too often two real names one letter apart.
MIN_LATIN_CHARS = 6
# Two edits only in long names ("Schwarzenegger" / "Schwarzeneger" is one).
TWO_EDITS_CHARS = 9
MIN_CJK_CHARS = 3
# Shorter names still, when a given name or role says they are one person.
MIN_SHORT_CHARS = 4


def similar_spellings(first: str, second: str, script: str) -> bool:
    """Whether two different spellings look like one name with a slip in it."""
    a, b = first.lower(), second.lower()
    if a == b or a[0] != b[0] or a.startswith(b) or b.startswith(a):
        # "German" / "Germany", "特朗普" / "特朗普政府": one word's forms, not two spellings
        return False
    if a[:-1] == b[:-1] and script == "latin":
        return False  # "Himalayas" / "Himalayan", "Korean" / "Koreas": forms of one word
    # the edit distance first: it rules out almost every pair, and fast
    distance = OSA.distance(a, b, score_cutoff=2)
    if distance > 2:
        return False
    if script == "cjk":
        return min(len(a), len(b)) >= MIN_CJK_CHARS and distance == 1
    if _plain(a) == _plain(b) or _variant(a) == _variant(b):
        return False  # "Müller" / "Muller", "Organisation" / "Organization"
    if distance == 1:
        return max(len(a), len(b)) >= MIN_LATIN_CHARS + 1 or min(len(a), len(b)) >= MIN_LATIN_CHARS
    return distance == 2 and min(len(a), len(b)) >= TWO_EDITS_CHARS


def short_slip(first: str, second: str) -> bool:
    """A letter dropped, doubled or two swapped in a short Latin name ("Merz" / "Mertz",
    "Rubio" / "Rubbio"): a slip only when the articles say it is one person (the same given
    name or role), as a replaced letter (Smith / Smyth, Mayer / Meyer) is never enough."""
    a, b = first.lower(), second.lower()
    if a == b or a[0] != b[0] or a.startswith(b) or b.startswith(a):
        return False
    if min(len(a), len(b)) < MIN_SHORT_CHARS or _plain(a) == _plain(b):
        return False
    if OSA.distance(a, b, score_cutoff=1) != 1:
        return False
    # one letter more or fewer, or (same length) two letters swapped: Levenshtein counts 2
    return len(a) != len(b) or Levenshtein.distance(a, b) == 2


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _variant(word: str) -> str:
    """British and American spellings made one."""
    return word.replace("isation", "ization").replace("our", "or").replace("yse", "yze")


def roles_clash(first: str | None, second: str | None) -> bool:
    """Two roles that cannot be one person's ("finance minister" / "coach")."""
    if first is None or second is None or first == second:
        return False
    a, b = first.split(), second.split()
    if a[-1] != b[-1]:
        return True
    # "minister" agrees with "finance minister"; "finance minister" and "foreign minister" not
    return bool(a[:-1]) and bool(b[:-1]) and a[:-1] != b[:-1]


def check_names(context: Context) -> Iterator[Discrepancy]:
    # spelling key -> path -> its mentions
    seen: dict[tuple[str, str], dict[str, list[NameMention]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for timeline in context.timelines:
        path = timeline.document.path
        for name in timeline.article.names:
            seen[(name.script, name.key)][path].append(name)
    # only spellings of one script that start alike can be one name: compare within those
    buckets: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(seen):
        buckets[(key[0], key[1][0].lower())].append(key)
    pairs = []
    for bucket in buckets.values():
        lowered = [key[1].lower() for key in bucket]
        for index, spelling in enumerate(lowered):
            # candidates at most two edits away, found in C rather than pair by pair
            for _, _, other in process.extract(
                spelling, lowered, scorer=OSA.distance, score_cutoff=2, limit=None
            ):
                if other > index:
                    pairs.append((bucket[index], bucket[other]))
    for first, second in sorted(pairs):
        if similar_spellings(first[1], second[1], first[0]):
            needs_context = False
        elif first[0] == "latin" and short_slip(first[1], second[1]):
            needs_context = True
        else:
            continue
        if are_aliases(first[1], second[1]) or are_aliases(_surname(first[1]), _surname(second[1])):
            continue
        verdict = _same_one(seen[first], seen[second], needs_context)
        if verdict is None:
            continue
        # the spelling used more often first
        sides = sorted((first, second), key=lambda k: (-_uses(seen[k]), k))
        yield _finding(context, sides[0][1], sides[1][1], seen[sides[0]], seen[sides[1]], verdict)
    for key in sorted(seen):
        if key[0] == "latin":
            yield from _given_name_slips(context, seen[key])
    yield from _code_slips(context)


def _code_slips(context: Context) -> Iterator[Discrepancy]:
    """A flight, registration or model code written once with a slip beside a spelling the
    other articles share ("7C2166" in one article, "7C2216" in four): two codes that many
    articles each use ("SU7", "YU7") are two things."""
    used: dict[str, dict[str, list[NameMention]]] = defaultdict(lambda: defaultdict(list))
    for timeline in context.timelines:
        for code in timeline.article.codes:
            used[code.key][timeline.document.path].append(code)
    keys = sorted(used)
    for first, second in itertools.combinations(keys, 2):
        if first[:2] != second[:2] or len(first) != len(second):
            continue
        if OSA.distance(first, second, score_cutoff=2) > 2:
            continue
        common, rare = sorted((first, second), key=lambda k: (-len(used[k]), k))
        if len(used[rare]) != 1 or len(used[common]) < _COMMON_CODE_ARTICLES:
            continue
        yield _finding(context, common, rare, used[common], used[rare], "likely")


# A code spelled alike in at least this many articles is the code; one article's other
# spelling of it is a slip.
_COMMON_CODE_ARTICLES = 3


def _given_name_slips(
    context: Context, by_path: dict[str, list[NameMention]]
) -> Iterator[Discrepancy]:
    """One surname written with given names that differ by a slip in one of them, the
    others alike: "Gregg Abbott" / "Greg Abbott", "Eleanor Lester" / "Elinor Lester", and
    Korean names written surname first, "Yook Suk Yeol" / "Yoon Suk Yeol". Reported across
    articles only: one article naming "Joan" and "John" Smith names two people."""
    spellings: dict[tuple[str, ...], dict[str, list[NameMention]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for path, mentions in sorted(by_path.items()):
        for mention in mentions:
            if mention.given:
                spellings[tuple(g.lower() for g in mention.given)][path].append(mention)
    for first, second in itertools.combinations(sorted(spellings), 2):
        if len(first) != len(second) or set(spellings[first]) & set(spellings[second]):
            continue
        differing = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
        if len(differing) != 1 or not _given_slip(*differing[0]):
            continue
        # the spelling more articles use first
        sides = sorted((first, second), key=lambda k: (-len(spellings[k]), -_uses(spellings[k]), k))
        names = [_written(spellings[side]) for side in sides]
        yield _finding(
            context, names[0], names[1], spellings[sides[0]], spellings[sides[1]], "likely"
        )


def _given_slip(first: str, second: str) -> bool:
    """Two forms of one given name: a letter dropped from a name of three letters or more
    ("Lon" / "Leon"), doubled, swapped or replaced in one of four or more, or two in one of
    six or more ("Eleanor" / "Elinor")."""
    if first[0] != second[0] or _plain(first) == _plain(second):
        return False
    distance = OSA.distance(first, second, score_cutoff=2)
    shortest = min(len(first), len(second))
    # "Lon" / "Leon": a letter dropped from a short name (not replaced: "Joan" / "John")
    dropped = distance == 1 and len(first) != len(second) and shortest >= 3
    return dropped or (distance == 1 and shortest >= 4) or (distance == 2 and shortest >= 6)


def _written(by_path: dict[str, list[NameMention]]) -> str:
    """A name as its first mention writes it, given names and surname."""
    mention = by_path[min(by_path)][0]
    return " ".join((*mention.given, mention.key))


def _surname(name: str) -> str:
    """ "弗拉基米尔·泽连斯基" -> "泽连斯基": aliases are listed by surname."""
    return name.rsplit("·", 1)[-1]


def _uses(by_path: dict[str, list[NameMention]]) -> int:
    return sum(len(mentions) for mentions in by_path.values())


def _same_one(
    first: dict[str, list[NameMention]],
    second: dict[str, list[NameMention]],
    needs_context: bool = False,
) -> str | None:
    """ "likely" or "possible" that two spellings name one person; None when the articles
    show two people, or (``needs_context``) do not show one person by given name or role."""
    first_all = [m for mentions in first.values() for m in mentions]
    second_all = [m for mentions in second.values() for m in mentions]
    given_a = {g.lower() for m in first_all for g in m.given}
    given_b = {g.lower() for m in second_all for g in m.given}
    shared_given = bool(given_a & given_b)
    if given_a and given_b and not shared_given:
        return None  # "John Smith" and "Jane Smith"
    roles_a = {m.role for m in first_all if m.role}
    roles_b = {m.role for m in second_all if m.role}
    if roles_a and roles_b and all(roles_clash(a, b) for a in roles_a for b in roles_b):
        return None  # a minister and a coach
    together = set(first) & set(second)
    for path in together:
        # both spellings used again and again in one article: two people, each named often
        if len(first[path]) > 1 and len(second[path]) > 1 and not shared_given:
            return None
    shared_role = any(not roles_clash(a, b) for a in roles_a for b in roles_b)
    if needs_context and not (shared_given or shared_role):
        return None
    if together or shared_given or shared_role:
        return "likely"
    return "possible"


def _finding(
    context: Context,
    first: str,
    second: str,
    first_mentions: dict[str, list[NameMention]],
    second_mentions: dict[str, list[NameMention]],
    certainty: str,
) -> Discrepancy:
    """The row of two spellings, ``first`` the one more articles use: every use of each (up to
    a few an article), those of the other first, as an editor would correct them."""
    claims = []
    places = []
    odd: list[Claim] = []
    for spelling, by_path in ((first, first_mentions), (second, second_mentions)):
        uses = _uses(by_path)
        own = [_claim(context, path, by_path[path][0]) for path in sorted(by_path)]
        claims += own
        times = f", {uses} times" if uses > 1 else ""
        places.append(f"'{spelling}' ({', '.join(context.where(c) for c in own)}{times})")
    for by_path in (first_mentions, second_mentions):
        for path in sorted(by_path):
            uses = [_claim(context, path, m) for m in by_path[path][:_SHOWN_USES]]
            if by_path is second_mentions:
                odd += uses
            else:
                claims += uses
    paths = set(first_mentions) | set(second_mentions)
    together = set(first_mentions) & set(second_mentions)
    if len(paths) == 1:
        same = "in one article"
    elif together:
        shared = ", ".join(sorted(posixpath.basename(path) for path in together))
        same = f"across articles (both in {shared})"
    else:
        same = "across articles"
    return context.discrepancy(
        NAME_SPELLING,
        certainty,
        f"{first} / {second}",
        f"{places[0]} and {places[1]} {same} look like one name spelled two ways",
        [*claims, *odd],
        primary=odd,
    )


# Uses of the less common spelling cited, at most, in each article.
_SHOWN_USES = 4


def _claim(context: Context, path: str, name: NameMention) -> Claim:
    return text_claim(context.timeline(path), "name", name.start, name.end, (("name", name.key),))


NAME_SPELLING = Rule(
    code="N100",
    name="name-spelling-conflict",
    kind="name",
    title="One person or organization spelled two ways",
    doc=(
        "Two spellings one or two letters apart ('Klingbeil' / 'Kingbeil', '克林拜尔' / "
        "'克林拜耳') that the articles use for what looks like one person: no different given "
        "names or roles tell them apart. Known variants (特朗普 / 川普, Zelensky / Zelenskyy) "
        "are aliases and never reported; add your own under 'aliases: names:' in "
        ".consistency.yml. Warning within one article or when the role agrees, info otherwise. "
        "Given names that differ by a slip ('Greg' / 'Gregg Abbott', Korean 'Yook' / 'Yoon Suk "
        "Yeol') are reported across articles. A code of letters and digits ('7C2216') that one "
        "article writes differently ('7C2166') while three or more agree is a slip too."
    ),
    example="'Finance Minister Lars Klingbeil' in one story, 'Finance Minister Lars Kingbeil' "
    "in another",
    check=check_names,
)
RULES = [NAME_SPELLING]
