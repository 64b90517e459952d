"""The report on seeds/ as a workflow produces it, computed once for the tests that render it."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import consistency
from consistency.model import Report

ROOT = Path(__file__).resolve().parent.parent


@cache
def seed_report() -> Report:
    """``consistency check seeds`` run from the repository root, so paths are relative."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return consistency.check(["seeds"])
    finally:
        os.chdir(cwd)
