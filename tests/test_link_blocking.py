"""Blocking in scored_links finds exactly the links of comparing every event pair."""

from itertools import combinations
from pathlib import Path

from consistency.link import link_pair, scored_links
from consistency.read import read_timelines

ROOT = Path(__file__).resolve().parent.parent


def _every_pair(timelines):
    links = []
    for first_timeline, second_timeline in combinations(timelines, 2):
        for first in first_timeline.events:
            for second in second_timeline.events:
                link = link_pair(first, second)
                if link is not None:
                    links.append(link)
    return links


def test_blocking_keeps_every_link_in_order():
    paths = sorted(str(p) for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".txt", ".md"))
    paths += [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    timelines = sorted(read_timelines(paths).timelines, key=lambda t: t.document.path)
    expected = _every_pair(timelines)
    assert expected
    assert scored_links(timelines) == expected
