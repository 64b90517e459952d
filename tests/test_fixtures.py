"""Every fixture cluster: exactly the expected rows, and none of its near misses."""

from __future__ import annotations

import pytest

import consistency
from tests.fixture_matching import clusters, compare, load_expected

# Clusters whose stories need reading the tool cannot do yet; strict, so a fix that makes one
# pass fails here until it is taken off the list.
_IN_PROGRESS = "reading this story is not done yet (issue 2, in progress)"
NOT_YET = {
    "05_earnings_stores_json": _IN_PROGRESS,
}


@pytest.mark.parametrize("cluster", clusters(), ids=lambda path: path.name)
def test_cluster_reports_exactly_the_expected_rows(cluster, request):
    if cluster.name in NOT_YET:
        request.applymarker(pytest.mark.xfail(reason=NOT_YET[cluster.name], strict=True))
    report = consistency.check([str(cluster)])
    assert not report.errors, report.errors
    assert compare(load_expected(cluster), list(report.discrepancies)) == []


def test_there_are_enough_clusters():
    assert len(clusters()) >= 8
