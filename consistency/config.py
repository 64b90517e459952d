"""`.consistency.yml`: found by walking up from each checked file (the nearest wins), or named
with ``--config``. Every key is validated; a mistake is reported with the file, the key and the
line, never silently ignored.

    fail_level: warning          # none | info | warning | error
    min_level: info              # info | warning | error
    rules: {C100: error, T101: off}
    aliases:
      entities: {trump: [特朗普, 川普, Trump]}   # spellings of one participant
      events: {meeting: [部长会, ministerial]}    # extra words for an event family
      names: {klingbeil: [克林拜尔, 克林拜耳]}     # spellings of one name that are no mistake
    furniture: {lines: ['本文来源:.*']}          # extra page-furniture patterns (regex)
    exclude: ['drafts/*']                       # globs, relative to this file's folder
    published: 2026-02-08                       # or {'2026-02/*': 2026-02-08}
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

import yaml

from consistency import resources
from consistency.model import InputError

CONFIG_NAME = ".consistency.yml"
FAIL_LEVELS = ("none", "info", "warning", "error")
SHOWN_LEVELS = ("info", "warning", "error")
RULE_LEVELS = ("off", "info", "warning", "error")
_FURNITURE_KINDS = ("lines", "tail", "inline")
_KEYS = ("fail_level", "min_level", "rules", "aliases", "furniture", "exclude", "published")
MAX_CONFIG_BYTES = 1024 * 1024


@dataclass(frozen=True, eq=False)  # one object per file read; compared by identity
class Config:
    """The settings that govern a file; ``Config()`` is the defaults."""

    path: str | None = None
    fail_level: str | None = None
    min_level: str | None = None
    rules: dict[str, str] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    # (glob relative to the config's folder, date); "**" for a date given for every file
    published: tuple[tuple[str, dt.date], ...] = ()
    # what the config adds to the shipped data, shaped like consistency/data/*.yml
    additions: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def relative(self, path: str) -> str:
        return os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")

    def excludes(self, path: str) -> bool:
        relative = self.relative(path)
        forms = (relative, relative.rsplit("/", 1)[-1])
        return any(fnmatchcase(form, pattern) for pattern in self.exclude for form in forms)

    def published_for(self, path: str) -> dt.date | None:
        relative = self.relative(path)
        for pattern, date in self.published:
            if pattern == "**" or fnmatchcase(relative, pattern):
                return date
        return None


class ConfigFinder:
    """The nearest configuration of each file; each file on disk is read once."""

    def __init__(self, explicit: str | None = None) -> None:
        self.explicit = load_config(explicit) if explicit else None
        self.errors: dict[str, str] = {}
        self._by_folder: dict[str, Config] = {}

    def for_file(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        return self._for_folder(os.path.dirname(os.path.abspath(path)))

    def _for_folder(self, folder: str) -> Config:
        if folder not in self._by_folder:
            candidate = os.path.join(folder, CONFIG_NAME)
            parent = os.path.dirname(folder)
            if os.path.isfile(candidate):
                shown = _shown(candidate)
                try:
                    found = load_config(shown)
                except InputError as error:
                    # the files it governs are still checked, with the defaults
                    self.errors[error.path] = (
                        f"{error.message} (files below it were checked with the defaults)"
                    )
                    found = Config()
            else:
                found = self._for_folder(parent) if parent != folder else Config()
            self._by_folder[folder] = found
        return self._by_folder[folder]


def _shown(path: str) -> str:
    """A path as the user would write it: relative to the working directory when inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def merged_additions(configs: Iterable[Config]) -> dict[str, Any]:
    """The data additions of every configuration in use, combined."""
    merged: dict[str, Any] = {}
    for config in configs:
        merged = resources.merge(merged, config.additions)
    return merged


# --------------------------------------------------------------------------- reading


def load_config(path: str) -> Config:
    """Read and validate one configuration file; InputError(path, "line N: ...") if wrong."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise InputError(path, "configuration file not found") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a configuration file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise InputError(path, "configuration file too large (limit 1 MB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    return _Validator(path).config(_compose(text, path))


def _compose(text: str, path: str) -> yaml.Node | None:
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            # an alias can expand into a "billion laughs" document; settings never need one
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1
                raise InputError(path, f"line {line}: YAML aliases and anchors are not allowed")
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}: " if mark else ""
        problem = " ".join((error.problem or error.context or "syntax error").split())
        raise InputError(path, f"{where}invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise InputError(path, f"invalid YAML: {' '.join(str(error).split())}") from None


class _Validator:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str) -> InputError:
        return InputError(self.path, f"line {node.start_mark.line + 1}: {message}")

    def config(self, root: yaml.Node | None) -> Config:
        if root is None:
            return Config(path=self.path)
        settings: dict[str, Any] = {"path": self.path}
        for key_node, value in self.mapping(root, "the file"):
            key = key_node.value
            if key not in _KEYS:
                raise self.fail(key_node, f"unknown key '{key}' (expected {', '.join(_KEYS)})")
            for name, read in getattr(self, f"read_{key}")(value).items():
                if name == "additions":  # aliases and furniture both add data
                    settings.setdefault("additions", {}).update(read)
                else:
                    settings[name] = read
        return Config(**settings)

    # -- one method per key, each returning Config fields

    def read_fail_level(self, node: yaml.Node) -> dict[str, Any]:
        return {"fail_level": self.choice(node, "fail_level", FAIL_LEVELS)}

    def read_min_level(self, node: yaml.Node) -> dict[str, Any]:
        return {"min_level": self.choice(node, "min_level", SHOWN_LEVELS)}

    def read_rules(self, node: yaml.Node) -> dict[str, Any]:
        from consistency.rules import all_rules

        codes = {rule.code for rule in all_rules()}
        levels = {}
        for key_node, value in self.mapping(node, "rules"):
            code = key_node.value.upper()
            if code not in codes:
                known = ", ".join(sorted(codes))
                raise self.fail(key_node, f"rules: unknown rule '{key_node.value}' ({known})")
            # YAML reads a bare `off` as false
            if value.tag == "tag:yaml.org,2002:bool" and value.value.lower() in ("off", "false"):
                levels[code] = "off"
            else:
                levels[code] = self.choice(value, f"rules.{code}", RULE_LEVELS)
        return {"rules": levels}

    def read_aliases(self, node: yaml.Node) -> dict[str, Any]:
        additions: dict[str, Any] = {}
        for key_node, value in self.mapping(node, "aliases"):
            if key_node.value == "entities":
                entities = {
                    name.value: self.strings(spellings, f"aliases.entities.{name.value}")
                    for name, spellings in self.mapping(value, "aliases.entities")
                }
                additions["entities"] = {"entities": entities}
            elif key_node.value == "events":
                families = resources.load("events")["families"]
                added: dict[str, Any] = {}
                for name, words in self.mapping(value, "aliases.events"):
                    if name.value not in families:
                        known = ", ".join(sorted(families))
                        message = f"aliases.events: unknown family '{name.value}' ({known})"
                        raise self.fail(name, message)
                    listed = self.strings(words, f"aliases.events.{name.value}")
                    # a word in Latin letters is English, any other a Chinese word
                    added[name.value] = {
                        "en": [w for w in listed if w.isascii()],
                        "zh": [w for w in listed if not w.isascii()],
                    }
                additions["events"] = {"families": added}
            elif key_node.value == "names":
                names = {
                    name.value: self.strings(spellings, f"aliases.names.{name.value}")
                    for name, spellings in self.mapping(value, "aliases.names")
                }
                additions["names"] = {"aliases": names}
            else:
                raise self.fail(
                    key_node,
                    f"aliases: unknown key '{key_node.value}' (expected entities, events, names)",
                )
        return {"additions": additions}

    def read_furniture(self, node: yaml.Node) -> dict[str, Any]:
        if isinstance(node, yaml.SequenceNode):
            patterns = {"lines": self.patterns(node, "furniture")}
        else:
            patterns = {}
            for key_node, value in self.mapping(node, "furniture"):
                if key_node.value not in _FURNITURE_KINDS:
                    expected = ", ".join(_FURNITURE_KINDS)
                    message = f"furniture: unknown key '{key_node.value}' (expected {expected})"
                    raise self.fail(key_node, message)
                patterns[key_node.value] = self.patterns(value, f"furniture.{key_node.value}")
        return {"additions": {"furniture": patterns}}

    def read_exclude(self, node: yaml.Node) -> dict[str, Any]:
        return {"exclude": tuple(self.strings(node, "exclude"))}

    def read_published(self, node: yaml.Node) -> dict[str, Any]:
        if isinstance(node, yaml.MappingNode):
            pairs = tuple(
                (key.value, self.date(value, f"published.{key.value}"))
                for key, value in self.mapping(node, "published")
            )
            return {"published": pairs}
        return {"published": (("**", self.date(node, "published")),)}

    # -- value checks

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what}: expected 'key: value' lines, got {_kind(node)}")
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, f"{what}: a key must be plain text")
        return node.value

    def choice(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> str:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        if value not in allowed:
            shown = f"'{value}'" if value is not None else _kind(node)
            raise self.fail(node, f"{what}: {shown} is not one of {', '.join(allowed)}")
        return value

    def strings(self, node: yaml.Node, what: str) -> list[str]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for item in items:
            if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
                raise self.fail(item, f"{what}: expected text or a list of texts")
        return [item.value for item in items]

    def patterns(self, node: yaml.Node, what: str) -> list[str]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for item in items:
            self.strings(item, what)
            try:
                re.compile(item.value)
            except re.error as error:
                raise self.fail(item, f"{what}: bad regular expression: {error}") from None
        return [item.value for item in items]

    def date(self, node: yaml.Node, what: str) -> dt.date:
        value = node.value if isinstance(node, yaml.ScalarNode) else ""
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(node, f"{what}: '{value}' is not a date (YYYY-MM-DD)") from None


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return f"'{node.value}'"
