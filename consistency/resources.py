"""YAML data shipped with the package, plus the additions a configuration file makes.

``load(name)`` is the data of ``consistency/data/<name>.yml`` with the active additions merged
in (mappings merged key by key, lists extended). Functions that compile patterns from the data
cache their result with ``@derived`` so that a change of additions recompiles them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml

_additions: dict[str, Any] = {}
_derived: list[Callable[[], None]] = []

F = TypeVar("F", bound=Callable[..., Any])


@cache
def _shipped(name: str) -> Any:
    text = resources.files("consistency").joinpath("data", f"{name}.yml").read_text("utf-8")
    # libyaml's loader when PyYAML was built with it: the same data, several times faster
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def derived(function: F) -> F:
    """``functools.cache`` for results computed from ``load``; cleared when additions change."""
    cached = cache(function)
    _derived.append(cached.cache_clear)
    return cached  # type: ignore[return-value]


@derived
def load(name: str) -> Any:
    """Parsed ``consistency/data/<name>.yml`` with the active additions (merged once per
    change of additions, not on every call)."""
    base = _shipped(name)
    extra = _additions.get(name)
    return base if extra is None else merge(base, extra)


@contextlib.contextmanager
def additions(extra: dict[str, Any]) -> Iterator[None]:
    """Use ``extra`` ({data name: data in the file's shape}) on top of the shipped data."""
    global _additions
    previous = _additions
    # the same additions (most often none, check after check): the derived patterns stay
    # valid, and rebuilding them costs a check about 10 ms
    changed = extra != previous
    _additions = extra
    if changed:
        _clear()
    try:
        yield
    finally:
        _additions = previous
        if changed:
            _clear()


def _clear() -> None:
    for clear in _derived:
        clear()


def merge(base: Any, extra: Any) -> Any:
    """``extra`` on top of ``base``, neither changed: mappings merged key by key, lists
    extended with the items they lack (each once), anything else replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge(base[key], value) if key in base else merge({}, value)
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        added = list(base)
        added.extend(item for item in extra if item not in added)
        return added
    if isinstance(extra, dict):
        return merge({}, extra)
    if isinstance(extra, list):
        return merge([], extra)
    return extra
