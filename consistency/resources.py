"""Default YAML data shipped with the package, loaded once on first use."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """Parsed ``consistency/data/<name>.yml``."""
    text = resources.files("consistency").joinpath("data", f"{name}.yml").read_text("utf-8")
    return yaml.safe_load(text)
