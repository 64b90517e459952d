"""The floor on real reporting: what the checker finds on clusters nobody here wrote.

The figures only rise: raise a floor (and lower a ceiling) when a change earns it, never the
other way round without saying why in the issue note. ``python ../shared/realworld/score.py
-v fixtures/real/*/`` prints every miss, false alarm and extra row.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.realworld_scoring import Cluster, Score, check_cluster, score, score_folder

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "fixtures" / "real"
SHARED = ROOT.parent / "shared" / "realworld"

# found at least, false-alarm rows at most
OWN_FLOOR = {"found": 11, "false_alarms": 4}
SHARED_FLOOR = {"found": 14, "false_alarms": 1}


def _total(scores: dict[str, Score]) -> Score:
    total = Score()
    for one in scores.values():
        total.add(one)
    return total


def test_the_projects_real_clusters_hold_their_floor():
    total = _total(score_folder(OWN))
    assert total.expected == 70
    assert total.found >= OWN_FLOOR["found"], total
    assert total.false_alarms <= OWN_FLOOR["false_alarms"], total


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/realworld is not beside the project")
def test_the_shared_real_clusters_hold_their_floor():
    total = _total(score_folder(SHARED))
    assert total.expected == 66
    assert total.found >= SHARED_FLOOR["found"], total
    assert total.false_alarms <= SHARED_FLOOR["false_alarms"], total


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/realworld is not beside the project")
def test_the_scoring_here_is_the_shared_yardsticks():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "score.py")
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    root = SHARED / "yoon-ruling-2025-04-04"
    report = check_cluster(root)
    theirs = shared.score(shared.Cluster(root), report)
    ours = score(Cluster(root), report)
    assert (ours.expected, ours.found, ours.rows) == (
        theirs["expected"],
        theirs["found"],
        theirs["rows"],
    )
    assert (ours.false_alarms, ours.borderline, ours.extra) == (
        theirs["false_alarm_rows"],
        theirs["borderline_rows"],
        theirs["extra_rows"],
    )
