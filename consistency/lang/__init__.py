"""Language knowledge: numerals, date and relative-time patterns, per language.

Every pattern module keeps an ``EXAMPLES`` table beside its patterns; the unit tests run
those tables (the corpus is the test suite, as in Duckling).
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# Full-width ASCII (！ to ～) and the ideographic space fold onto their half-width forms,
# one character for one, so offsets survive folding.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = 0x20
# Zero-width characters hide inside numbers in pasted text ("5\u200b4"); they become spaces
# here and the number patterns tolerate nothing between digits, so they are dropped first.
_ZERO_WIDTH = {0x200B: 0x20, 0x200C: 0x20, 0x200D: 0x20, 0x2060: 0x20, 0xFEFF: 0x20}
# merged once, not on every call
WIDTH_TABLE = _FULL_WIDTH | _ZERO_WIDTH


def fold_width(text: str) -> str:
    """Half-width forms of full-width characters, same length as ``text``."""
    return text.translate(WIDTH_TABLE)


def is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


# Runs of the ideographs is_cjk accepts: a text is read by run, not by character.
_CJK_RUN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")


def cjk_bigrams(text: str) -> set[str]:
    """Every two adjacent ideographs of ``text`` (two-character words, roughly)."""
    return {run[i : i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}


# Every ideograph, as a class: is_cjk's, and the compatibility and supplementary-plane ones,
# rare in news text but ideographs all the same (language detection, prose lines).
IDEOGRAPH = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"
_IDEOGRAPH_RUN = re.compile(IDEOGRAPH + "+")


def detect_language(text: str, without_letters: str = "en") -> str:
    """'zh' when ideographs are more than 30% of the letters, else 'en';
    ``without_letters`` for a text that has no letter at all (only figures and marks)."""
    # str.isalpha is a letter category (L*), and every ideograph is one
    # (tests/test_lang.py): one C-level pass each, no Python loop per character
    letters = sum(map(str.isalpha, text))
    if not letters:
        return without_letters
    ideographs = sum(map(len, _IDEOGRAPH_RUN.findall(text)))
    return "zh" if ideographs / letters > 0.3 else "en"


class LazyModule:
    """A module imported on its first use, standing meanwhile under its name in a namespace.

    ``en = LazyModule("consistency.lang.en", globals(), "en")``: the first ``en.X`` imports
    the module and puts it in place of the stand-in, so later uses are plain module lookups.
    Chinese text never needs the English patterns, whose compilation dominates start-up."""

    def __init__(self, name: str, namespace: dict[str, Any], key: str) -> None:
        self._name = name
        self._namespace = namespace
        self._key = key

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self._name)
        self._namespace[self._key] = module
        return getattr(module, attribute)


class LazyPattern:
    """A regular expression compiled on its first use; ``pattern`` and ``flags`` as given.

    Chinese extraction reads its patterns through extract/prefilter.py, which compiles its
    own filtered form from the source, so compiling the plain form at import is wasted
    start-up time. The first method used compiles it; the methods are then kept on the
    object, so later calls cost what a compiled pattern's do."""

    _METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self.pattern, self.flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


class _DeferredRe:
    """The ``re`` module with a ``compile`` that defers (LazyPattern): ``from consistency.lang
    import deferred_re as re`` makes a pattern module's ``re.compile`` lines lazy."""

    compile = staticmethod(LazyPattern)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


deferred_re = _DeferredRe()
