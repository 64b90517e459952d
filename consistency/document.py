"""Loading articles: find the files, read and decode them, and mask what is not article text.

Nothing is cut out. ``Document.text`` has exactly the length of ``Document.raw``; every character
that is not article text (front matter, HTML tags, JSON syntax, page furniture) is replaced by a
space, newlines kept, so an offset found in ``text`` is an offset into the file as stored.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import html
import json
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache
from typing import Any

import yaml

from consistency import resources
from consistency.lang import IDEOGRAPH, detect_language

# re.compile here defers compiling each pattern to its first use (LazyPattern): start-up
from consistency.lang import deferred_re as re
from consistency.model import Document, FileError, InputError

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json")
MAX_FILE_BYTES = 20 * 1024 * 1024
_EXPECTED = ".txt, .md, .html, .json"

# --------------------------------------------------------------------------- finding files


def collect_paths(
    paths: Sequence[str], exclude: Sequence[str] = ()
) -> tuple[list[str], list[FileError], int]:
    """Expand the paths given on the command line into files to check.

    Folders are walked recursively in sorted order (sorted by path string, deterministic); files
    there with other extensions are skipped and counted (third return value); hidden files/dirs
    (starting with '.') are ignored without counting. A file named explicitly with an unsupported
    extension -> FileError(path, "unsupported file type '.pdf' (expected .txt, .md, .html, .json)").
    A missing path -> FileError(path, "no such file or directory"). A folder with no articles ->
    FileError(folder, "no articles found (.txt, .md, .html, .json)").
    `exclude` are glob patterns (fnmatch) matched against the '/'-separated path and against the
    file name (folders matching a pattern are not entered). Returned paths keep the form the user
    gave (joined with '/', never absolute unless given absolute). Duplicates removed, order kept.
    """
    files: list[str] = []
    errors: list[FileError] = []
    skipped = 0
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in paths:
        if os.path.isdir(given):
            found, skipped_here = _walk_folder(given, exclude)
            skipped += skipped_here
            if not found:
                errors.append(FileError(given, f"no articles found ({_EXPECTED})"))
            for path in found:
                add(path)
        elif not os.path.lexists(given):
            errors.append(FileError(given, "no such file or directory"))
        elif not given.lower().endswith(SUPPORTED_EXTENSIONS):
            errors.append(FileError(given, _unsupported(given)))
        elif not _excluded(given, exclude):
            add(given)
    return files, errors, skipped


def _walk_folder(folder: str, exclude: Sequence[str]) -> tuple[list[str], int]:
    root = folder.replace(os.sep, "/").rstrip("/") or "/"
    found: list[str] = []
    skipped = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        relative = os.path.relpath(dirpath, folder).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        dirnames[:] = [
            name
            for name in dirnames
            if not name.startswith(".") and not _excluded(_join(root, prefix + name), exclude)
        ]
        for name in filenames:
            path = _join(root, prefix + name)
            if name.startswith(".") or _excluded(path, exclude):
                continue
            if name.lower().endswith(SUPPORTED_EXTENSIONS):
                found.append(path)
            else:
                skipped += 1
    return sorted(found), skipped


def _join(root: str, relative: str) -> str:
    if root == ".":
        return relative
    return root + relative if root.endswith("/") else f"{root}/{relative}"


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    path = path.replace(os.sep, "/")
    forms = {path, path.removeprefix("./"), path.rsplit("/", 1)[-1]}
    return any(fnmatchcase(form, pattern) for pattern in patterns for form in forms)


def _unsupported(path: str) -> str:
    extension = os.path.splitext(path)[1]
    shown = f"'{extension}'" if extension else "(no extension)"
    return f"unsupported file type {shown} (expected {_EXPECTED})"


# --------------------------------------------------------------------------- loading


@dataclass
class _Parsed:
    """What a file format yields before furniture is masked."""

    text: str
    # title, outlet, url, published, language, from front matter or JSON fields
    meta: dict[str, Any] = field(default_factory=dict)
    # metadata the page itself carries (HTML <title>, <meta>)
    page_title: str | None = None
    page_outlet: str | None = None
    page_url: str | None = None
    page_date: tuple[dt.date, str] | None = None


def load_document(
    path: str,
    *,
    encoding: str | None = None,
    published: dt.date | None = None,
    published_from: str = "option",
    language: str | None = None,
    data: bytes | None = None,
) -> Document:
    """Read, decode, parse and mask one article: the file at ``path``, or ``data`` (standard
    input) named ``path``. ``published`` is used when the article states no date, and is
    reported as coming from ``published_from`` (``option`` or ``config``).

    Raises InputError(path, message) with a short one-line message on bad input.
    """
    option_language = _language_code(language, path, "language") if language else None
    if data is not None and len(data) > MAX_FILE_BYTES:
        raise InputError(path, _too_large(len(data)))
    raw, used_encoding = decode_bytes(_read_bytes(path) if data is None else data, path, encoding)
    if not raw.strip():
        raise InputError(path, "empty file")
    extension = os.path.splitext(path)[1].lower()
    if extension == ".json":
        parsed = _parse_json(raw, path)
    elif extension in (".html", ".htm"):
        parsed = _parse_html(raw)
    else:
        parsed = _parse_plain(raw, path, markdown=extension == ".md")

    warnings: list[str] = []
    date, grain, date_from = None, "day", "unknown"
    if parsed.meta.get("published") is not None:
        value = parsed.meta["published"]
        found = _date_from_value(value)
        if found is None:
            warnings.append(f"published '{value}' is not a date; date unknown")
        else:
            (date, grain), date_from = found, "front_matter"
    if date is None and published is not None:
        date, date_from = _as_date(published), published_from
    if date is None:
        # the page is read before furniture is masked: its date sits among the furniture
        found = parsed.page_date or page_publication_date(parsed.text)
        if found is not None:
            (date, grain), date_from = found, "page"

    text, directive_warnings = _mask_directives(mask_furniture(parsed.text), raw)
    warnings += directive_warnings
    text = text.replace("\r", " ")
    if not text.strip():
        raise InputError(path, "no article text")
    title = parsed.meta.get("title") or parsed.page_title
    if title is None and extension in (".txt", ".md"):
        title = _title_line(text)
    chosen_language = parsed.meta.get("language") or option_language
    return Document(
        path=path,
        raw=raw,
        text=text,
        language=chosen_language or _language_of(text),
        title=title,
        outlet=parsed.meta.get("outlet") or parsed.page_outlet,
        url=parsed.meta.get("url") or parsed.page_url,
        published=date,
        published_from=date_from,
        published_grain=grain,
        encoding=used_encoding,
        warnings=tuple(warnings),
    )


def _mask_directives(text: str, raw: str) -> tuple[str, list[str]]:
    """Blank ``<!-- consistency: ... -->`` comments (instructions to this tool, not prose);
    warn about the ones that cannot be read."""
    from consistency.suppress import DIRECTIVE, directive_problem

    spans, warnings = [], []
    for match in DIRECTIVE.finditer(raw):
        spans.append(match.span())
        problem = directive_problem(match)
        if problem:
            line = raw.count("\n", 0, match.start()) + 1
            warnings.append(f"line {line}: {problem}")
    return (_blank_spans(text, spans) if spans else text), warnings


def _read_bytes(path: str) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(path, "broken symbolic link") from None
        raise InputError(path, "no such file or directory") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(path, _too_large(info.st_size))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:  # grew while we looked
        raise InputError(path, _too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return f"file too large ({size / 1024 / 1024:.1f} MB; limit {MAX_FILE_BYTES // 2**20} MB)"


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY_CJK = (("gb18030",), ("big5", "cp950"))  # each: a codec, then a wider fallback
_PLAUSIBLE = 0.6
_CJK_PUNCTUATION = frozenset("·×÷°‰℃№¥€£")


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name).

    A byte-order mark wins, then strict UTF-8. Otherwise the bytes are decoded as GB18030 and as
    Big5 and the more plausible reading is kept: Big5 bytes usually also decode as GB18030, into
    mojibake, so "the first codec that does not fail" would be wrong half the time.
    """
    if encoding:
        return _decode_as(data, path, encoding), encoding
    bom, name = next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), (b"", ""))
    if bom:
        text = _decode_as(data[len(bom) :], path, name.removesuffix("-sig"))
    elif b"\x00" in data[:8192]:
        raise InputError(path, "binary file")
    else:
        try:
            text, name = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, name = _decode_legacy_cjk(data, path)
    if _mostly_control(text):
        raise InputError(path, "binary file")
    return text, name


def _decode_as(data: bytes, path: str, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except LookupError:
        raise InputError(path, f"unknown encoding '{encoding}'") from None
    except UnicodeDecodeError as error:
        message = f"cannot decode as {encoding}: invalid byte 0x{data[error.start]:02x}"
        raise InputError(path, f"{message} at offset {error.start}") from None
    return text.removeprefix("\ufeff")


def _decode_legacy_cjk(data: bytes, path: str) -> tuple[str, str]:
    best: tuple[float, str, str] | None = None
    for codecs_to_try in _LEGACY_CJK:
        for name in codecs_to_try:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            score = cjk_plausibility(text)
            if best is None or score > best[0]:
                best = (score, text, name)
            break
    if best is None or best[0] < _PLAUSIBLE:
        raise InputError(path, "cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text")
    return best[1], best[2]


def cjk_plausibility(text: str) -> float:
    """Share of the non-ASCII characters that are common Chinese characters or punctuation.

    ASCII is left out of the count on purpose: mostly-English text in another legacy encoding
    (cp1252 "café") decodes as GB18030 too, and its few mojibake characters must not hide
    behind many plain letters.
    """
    common = common_cjk_characters()
    total = plausible = 0
    for char in text[:200_000]:
        if char < "\x80":
            continue
        total += 1
        code = ord(char)
        if (
            char in common
            or 0x3000 <= code <= 0x303F  # CJK punctuation: 、。「」《》
            or 0xFF01 <= code <= 0xFF5E  # full-width forms: ，：（）
            or 0x2010 <= code <= 0x2027  # dashes, curly quotes, ellipsis
            or char in _CJK_PUNCTUATION
        ):
            plausible += 1
    return plausible / total if total else 1.0


@cache
def common_cjk_characters() -> frozenset[str]:
    """GB2312 level 1 (the 3755 most used simplified characters) and Big5 level 1 (the 5401
    common traditional ones), read straight out of the two codecs' tables: both standards chose
    their first level by frequency of use, so no frequency list needs to be shipped."""
    chars: set[str] = set()
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for codec, first, last in (("gb2312", 0xB0A1, 0xD7F9), ("big5", 0xA440, 0xC67E)):
        for lead in range(first >> 8, (last >> 8) + 1):
            for trail in trails:
                if first <= (lead << 8 | trail) <= last:
                    with contextlib.suppress(UnicodeDecodeError):  # gaps in the tables
                        chars.add(bytes((lead, trail)).decode(codec))
    return frozenset(chars)


def _mostly_control(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for char in sample if char < " " and char not in "\t\n\r\f\v")
    return controls > 2 and controls * 100 > len(sample)


# --------------------------------------------------------------------------- masking helpers


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_NEWLINE = re.compile(r"[^\n]")
_WHITESPACE = re.compile(r"\s+")


def _blank(segment: str) -> str:
    return _NOT_NEWLINE.sub(" ", segment)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        parts.append(text[position:start])
        parts.append(_blank(text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)


class _Masker:
    """Builds a masked copy of ``raw`` left to right, one region at a time."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.position = 0

    def keep(self, end: int) -> None:
        self.parts.append(self.raw[self.position : end])
        self.position = end

    def blank(self, end: int, newline: bool = False) -> None:
        blanked = _blank(self.raw[self.position : end])
        if newline and blanked[:1] == " ":
            blanked = "\n" + blanked[1:]
        self.parts.append(blanked)
        self.position = end

    def put(self, end: int, replacement: str) -> None:
        """The region stands for ``replacement`` (an unescaped character): pad it to length."""
        width = end - self.position
        if len(replacement) > width:
            replacement = ""
        self.parts.append(replacement + " " * (width - len(replacement)))
        self.position = end

    def text(self) -> str:
        self.keep(len(self.raw))
        text = "".join(self.parts)
        assert len(text) == len(self.raw)
        return text


# --------------------------------------------------------------------------- plain text, markdown

_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t\r]*$", re.MULTILINE)
_MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t])", re.MULTILINE)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MARKDOWN_LINK = re.compile(r"(\[)[^\]\n]*(\]\([^)\n]*\))")


def _parse_plain(raw: str, path: str, *, markdown: bool) -> _Parsed:
    meta, end = _front_matter(raw, path)
    spans = [(0, end)] if end else []
    if markdown:
        spans += [match.span() for match in _MARKDOWN_HEADING.finditer(raw, end)]
        spans += [match.span() for match in _MARKDOWN_IMAGE.finditer(raw, end)]
        for match in _MARKDOWN_LINK.finditer(raw, end):
            spans += [match.span(1), match.span(2)]  # keep the link's words, drop the URL
    return _Parsed(_blank_spans(raw, spans), meta)


def _front_matter(raw: str, path: str) -> tuple[dict[str, Any], int]:
    """Metadata and the end offset of a leading ``---`` YAML block (0 when there is none)."""
    first_end = raw.find("\n")
    if raw[: first_end if first_end >= 0 else len(raw)].rstrip() != "---":
        return {}, 0
    close = _FRONT_MATTER_CLOSE.search(raw, first_end + 1) if first_end >= 0 else None
    if close is None:
        raise InputError(path, "front matter: no closing '---' line (opened at line 1)")
    mapping = _load_yaml(raw[first_end + 1 : close.start()], path, first_line=2)
    return _metadata(mapping, path, "front matter"), close.end()


def _load_yaml(block: str, path: str, first_line: int) -> dict[str, Any]:
    try:
        # aliases make "billion laughs" documents; metadata never needs them
        for event in yaml.parse(block, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise InputError(path, "front matter: YAML aliases are not allowed")
        value = yaml.safe_load(block)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else first_line
        problem = _WHITESPACE.sub(" ", error.problem or error.context or "syntax error")
        raise InputError(path, f"front matter: invalid YAML at line {line}: {problem}") from None
    except yaml.YAMLError as error:
        problem = _WHITESPACE.sub(" ", str(error))
        raise InputError(path, f"front matter: invalid YAML: {problem}") from None
    except (ValueError, TypeError) as error:  # well-formed but impossible, as 2026-02-30
        problem = _WHITESPACE.sub(" ", str(error))
        raise InputError(path, f"front matter: invalid value: {problem}") from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else "plain text"
        raise InputError(path, f"front matter: expected 'key: value' lines, got {kind}")
    return value


def _metadata(mapping: dict[Any, Any], path: str, where: str) -> dict[str, Any]:
    """The keys this tool uses, checked; unknown keys are ignored."""
    meta: dict[str, Any] = {}
    for key in ("title", "outlet", "url"):
        value = mapping.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise InputError(path, f"{where}: '{key}' must be text")
        meta[key] = str(value).strip() or None
    if mapping.get("published") is not None:
        meta["published"] = mapping["published"]
    if mapping.get("language") is not None:
        meta["language"] = _language_code(str(mapping["language"]), path, f"{where}: language")
    return meta


def _language_code(value: str, path: str, what: str) -> str:
    code = re.split(r"[-_]", value.strip().lower())[0]
    aliases = {"zh": "zh", "chinese": "zh", "中文": "zh", "en": "en", "english": "en"}
    if code not in aliases:
        raise InputError(path, f"{what} '{value}' is not supported (expected zh or en)")
    return aliases[code]


# --------------------------------------------------------------------------- JSON

_JSON_BODY_KEYS = ("body", "text", "content")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_ESCAPE = re.compile(
    r"\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))",
    re.DOTALL,
)
_JSON_SIMPLE = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "b": " ", "f": " ", "r": " "}
_LOOKS_LIKE_HTML = re.compile(
    r"<(p|div|br|span|a|img|h[1-6]|strong|em|b|i|ul|ol|li)\b[^<>]*>", re.I
)


def _parse_json(raw: str, path: str) -> _Parsed:
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        message = f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        raise InputError(path, message) from None
    except RecursionError:
        raise InputError(path, "invalid JSON: nested too deeply") from None
    if not isinstance(value, dict):
        raise InputError(path, 'JSON: expected an object with a "body" field')
    key = next((key for key in _JSON_BODY_KEYS if key in value), None)
    if key is None:
        raise InputError(path, 'JSON: no "body" field (or "text", "content")')
    if not isinstance(value[key], str):
        raise InputError(path, f'JSON: "{key}" must be a string')
    start, end = _json_member_span(raw, key)
    masker = _Masker(raw)
    masker.blank(start)
    for match in _JSON_ESCAPE.finditer(raw, start, end):
        masker.keep(match.start())
        masker.put(match.end(), _json_unescape(match))
    masker.keep(end)
    masker.blank(len(raw))
    text = masker.text()
    if _LOOKS_LIKE_HTML.search(text, start, end):  # an HTML body: mask its tags too
        text = _mask_html(text).text
    return _Parsed(text, _metadata(value, path, "JSON"))


def _json_member_span(raw: str, key: str) -> tuple[int, int]:
    """Offsets of the characters inside the quotes of the top-level string member ``key``.

    Walks the already validated top-level object with the decoder's own scanners, so offsets are
    exact and the last duplicate key wins, as in ``json.loads``.
    """
    decoder = json.JSONDecoder()
    span = (0, 0)
    index = _JSON_SPACE.match(raw, 0).end() + 1  # past "{"
    while True:
        index = _JSON_SPACE.match(raw, index).end()
        if raw[index] == "}":
            return span
        name, index = json.decoder.scanstring(raw, index + 1)
        index = _JSON_SPACE.match(raw, index).end() + 1  # past ":"
        index = _JSON_SPACE.match(raw, index).end()
        value_start = index
        _, index = decoder.raw_decode(raw, index)
        if name == key:
            span = (value_start + 1, index - 1)
        index = _JSON_SPACE.match(raw, index).end()
        if raw[index] == "}":
            return span
        index += 1  # past ","


def _json_unescape(match: re.Match[str]) -> str:
    high, low, single, simple = match.groups()
    if high:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
    if single:
        char = chr(int(single, 16))
        return " " if 0xD800 <= ord(char) <= 0xDFFF else char  # a lone surrogate is no text
    return _JSON_SIMPLE.get(simple, " ")


# --------------------------------------------------------------------------- HTML

_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_QUOTED_VALUE = re.compile(r"=\s*([\"'])")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
_HTML_SPACE = re.compile(r"[\n\t\f\v]")
# elements whose content is raw text up to their end tag
_RAW_TEXT = _words("script style title textarea xmp iframe noembed noframes")
# elements whose whole content is page chrome, not article text
_SKIPPED = _words("nav footer aside noscript template svg math select button")
# class/id words that mark chrome inside ordinary elements
_SKIPPED_WORDS = _words(
    "comment comments recommend recommends related share sharing breadcrumb breadcrumbs "
    "sidebar advert advertisement ad ads social newsletter promo"
)
_NEVER_SKIPPED = _words("html body main article")
_VOID = _words("area base br col embed hr img input link meta source track wbr")
# tags that end a paragraph: the tag's "<" becomes "\n" so paragraphs stay apart
_BLOCK = _words(
    "address article aside blockquote body br caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 head header hr html legend li main nav ol option p pre "
    "section summary table tbody td tfoot th thead title tr ul"
)
_META_DATES = _words(
    "article:published_time og:published_time published_time datepublished pubdate publishdate "
    "publish_date publish-date dc.date dc.date.issued dcterms.created parsely-pub-date "
    "sailthru.date date"
)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')


@dataclass
class _Html:
    text: str
    title: str | None = None
    og_title: str | None = None
    outlet: str | None = None
    url: str | None = None
    meta_date: tuple[dt.date, str] | None = None
    time_date: tuple[dt.date, str] | None = None
    # offsets of the first <h1>'s content: the headline without the site name <title> adds
    h1: tuple[int, int] | None = None
    h1_open: int | None = None


def _parse_html(raw: str) -> _Parsed:
    page = _mask_html(raw)
    if not any(_is_prose(line) for line in page.text.split("\n")):
        # a class word such as "has-sidebar" on a wrapper hid the article: trust tags only
        page = _mask_html(raw, by_attributes=False)
    title = page.og_title or page.title
    if page.h1:
        headline = _WHITESPACE.sub(" ", page.text[slice(*page.h1)]).strip()
        if headline and (not title or title.startswith(headline)):
            title = headline
    return _Parsed(
        page.text,
        page_title=title,
        page_outlet=page.outlet,
        page_url=page.url,
        page_date=page.meta_date or page.time_date,
    )


def _mask_html(raw: str, by_attributes: bool = True) -> _Html:
    """Mask tags, comments and chrome elements in one left-to-right pass (linear time: every
    search starts where the previous one stopped, so malformed or deeply nested input is fine)."""
    masker = _Masker(raw)
    page = _Html("")
    skipping: str | None = None  # the chrome element being skipped, with its nesting depth
    depth = 0
    position = 0
    while (start := raw.find("<", position)) >= 0:
        if skipping:
            masker.blank(start)
        else:
            _keep_html_text(masker, start)
        end = _markup_end(raw, start)
        if end is None:  # a bare "<" in the text
            position = start + 1
            continue
        tag = _TAG_START.match(raw, start)
        name = tag.group(2).lower() if tag else ""
        closing = bool(tag and tag.group(1))
        masker.blank(end, newline=name in _BLOCK)
        position = end
        if skipping:
            if name == skipping and not raw.startswith("/>", end - 2):
                depth += -1 if closing else 1
                skipping = skipping if depth else None
            continue
        if name == "h1" and page.h1 is None:
            if not closing:
                page.h1_open = end
            elif page.h1_open is not None:
                page.h1 = (page.h1_open, start)
        if not tag or closing:
            continue
        attributes = _attributes(raw[tag.end() : end])
        _read_metadata(name, attributes, page)
        if name in _RAW_TEXT:
            close = re.compile(rf"</{name}[\s/>]", re.IGNORECASE).search(raw, end)
            content_end = close.start() if close else len(raw)
            _read_raw_text(name, attributes, raw[end:content_end], page)
            masker.blank(content_end)
            position = content_end
        elif (
            name not in _VOID
            and not raw.startswith("/>", end - 2)
            and (name in _SKIPPED or (by_attributes and _is_chrome(name, attributes)))
        ):
            skipping, depth = name, 1
    if skipping:
        masker.blank(len(raw))
    else:
        _keep_html_text(masker, len(raw))
    page.text = masker.text()
    return page


def _markup_end(raw: str, start: int) -> int | None:
    """End offset of the comment, declaration or tag at ``start``; None for a bare "<"."""
    if raw.startswith("<!--", start):
        end = raw.find("-->", start + 4)
        return len(raw) if end < 0 else end + 3
    if raw.startswith(("<!", "<?"), start) or _TAG_START.match(raw, start):
        return _tag_end(raw, start + 2)
    return None


def _tag_end(raw: str, position: int) -> int:
    """Offset after the ">" closing a tag; a ">" inside a quoted attribute value does not count."""
    greater = raw.find(">", position)
    while greater >= 0:
        quote = _QUOTED_VALUE.search(raw, position, greater)
        if quote is None:
            return greater + 1
        close = raw.find(quote.group(1), quote.end())
        if close < 0:
            break
        position = close + 1
        if close > greater:
            greater = raw.find(">", position)
    return len(raw)


def _keep_html_text(masker: _Masker, end: int) -> None:
    """Keep text up to ``end``, decoding entities in place. Line breaks in HTML source are
    spaces to a reader; only block tags break paragraphs."""
    for match in _ENTITY.finditer(masker.raw, masker.position, end):
        _keep_html_run(masker, match.start())
        char = html.unescape(match.group())
        if char == match.group():
            continue  # unknown entity: leave it as written
        masker.put(match.end(), char.replace("\xa0", " "))
    _keep_html_run(masker, end)


def _keep_html_run(masker: _Masker, end: int) -> None:
    masker.parts.append(_HTML_SPACE.sub(" ", masker.raw[masker.position : end]))
    masker.position = end


def _attributes(source: str) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(source):
        value = next((group for group in match.groups()[1:] if group is not None), "")
        attributes.setdefault(match.group(1).lower(), html.unescape(value).strip())
    return attributes


def _is_chrome(name: str, attributes: dict[str, str]) -> bool:
    if name in _NEVER_SKIPPED:
        return False
    words = re.split(r"[\s_-]+", f"{attributes.get('class', '')} {attributes.get('id', '')}")
    return any(word.lower() in _SKIPPED_WORDS for word in words)


def _read_metadata(name: str, attributes: dict[str, str], page: _Html) -> None:
    if name == "meta":
        key = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop", "")
        ).lower()
        content = attributes.get("content", "")
        if key in _META_DATES and page.meta_date is None:
            page.meta_date = _date_from_value(content)
        elif key == "og:site_name" and content:
            page.outlet = content
        elif key == "og:url" and content:
            page.url = content
        elif key == "og:title" and content:
            page.og_title = content
    elif name == "link" and "canonical" in attributes.get("rel", "").lower():
        page.url = page.url or attributes.get("href") or None
    elif name == "time" and page.time_date is None and attributes.get("datetime"):
        page.time_date = _date_from_value(attributes["datetime"])


def _read_raw_text(name: str, attributes: dict[str, str], content: str, page: _Html) -> None:
    if name == "title" and page.title is None:
        page.title = _WHITESPACE.sub(" ", html.unescape(content)).strip() or None
    elif name == "script" and "ld+json" in attributes.get("type", "") and page.meta_date is None:
        found = _LD_DATE.search(content)
        page.meta_date = _date_from_value(found.group(1)) if found else None


# --------------------------------------------------------------------------- page furniture

# Full-width punctuation, letters and digits fold to ASCII one character for one character, so
# furniture patterns written with ":" also match "：" and offsets stay the same.
_FOLD = {0xFF01 + index: 0x21 + index for index in range(94)} | {0x3000: 0x20}
_LONGEST_FURNITURE_LINE = 600


@dataclass(frozen=True)
class _Furniture:
    lines: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...]


@resources.derived
def _furniture() -> _Furniture:
    data = resources.load("furniture")
    compiled = {key: tuple(re.compile(pattern) for pattern in data[key]) for key in data}
    # a heading of the tail in any case: "Related News", "RELATED STORIES", "Read More"
    tail = tuple(re.compile(pattern, re.IGNORECASE) for pattern in data["tail"])
    return _Furniture(compiled["lines"], tail, compiled["inline"])


def mask_furniture(text: str) -> str:
    """Blank page furniture (share prompts, bylines, disclaimers, the recommendations tail).

    A tail marker ("相关推荐") after some prose blanks the rest of the page. Before any prose it
    heads a box of links at the top of the page: the box runs to the next empty line.
    """
    rules = _furniture()
    spans: list[tuple[int, int]] = []
    seen_prose = False
    box_start: int | None = None
    for start, line in _lines(text.translate(_FOLD)):
        stripped = line.strip()
        if box_start is not None and not stripped:
            spans.append((box_start, start))
            box_start = None
        if not stripped or box_start is not None:
            continue
        if any(pattern.fullmatch(stripped) for pattern in rules.tail):
            if seen_prose:
                spans.append((start, len(text)))
                return _blank_spans(text, spans)
            box_start = start
            continue
        if len(stripped) <= _LONGEST_FURNITURE_LINE and any(
            pattern.fullmatch(stripped) for pattern in rules.lines
        ):
            spans.append((start, start + len(line)))
            continue
        for pattern in rules.inline:
            spans += [(start + m.start(), start + m.end()) for m in pattern.finditer(line)]
        seen_prose = seen_prose or _is_prose(stripped)
    if box_start is not None:
        spans.append((box_start, len(text)))
    return _blank_spans(text, spans)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


_SENTENCE_FINAL = re.compile(r"[.!?。！？][\"'”’)）」』]*(\s|$)")
_CJK = re.compile(IDEOGRAPH)


def _is_prose(line: str) -> bool:
    """A paragraph of article text, as opposed to a title, a label or a list item."""
    if len(line) < 20:
        return False
    if "。" in line:
        return True
    return bool(_SENTENCE_FINAL.search(line)) and (
        len(_CJK.findall(line)) >= 15 or len(line.split()) >= 10
    )


# --------------------------------------------------------------------------- publication date

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_WORDS = [*_MONTH_NAMES, "sept", *(name[:3] for name in _MONTH_NAMES)]
_MONTH = rf"(?P<month_name>{'|'.join(_MONTH_WORDS)})\.?"
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(
        r"(?<!\d)(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]"
    ),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b", re.I),
)
_MONTH_ONLY = re.compile(r"\s*(?P<year>\d{4})\s*(?:[-/.]|年)\s*(?P<month>\d{1,2})\s*月?\s*")
_YEAR_ONLY = re.compile(r"\s*(?P<year>\d{4})\s*年?\s*")
_PUBLISHED_LABEL = re.compile(r"(发布|发表|刊发)(时间|日期|于)|\b(Published|Posted)\b", re.I)
_ANY_LABEL = re.compile(
    r"(发布|发表|刊发|更新|修改)(时间|日期|于)|(^|\s)(时间|日期)\s*:|\b(Published|Posted|Updated|"
    r"Date)\b",
    re.I,
)
_AUTHOR_BOX = re.compile(r"\d+\s*[万千kK]?\s*(文章数|关注度|粉丝|获赞|篇文章|followers)", re.I)
_BOX_WINDOW_BEFORE = 5
_BOX_WINDOW_AFTER = 3


def find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first full date (day known) written in ``text``."""
    found: list[tuple[int, dt.date, re.Match[str]]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _valid_date(match)
            if date is not None:
                found.append((match.start(), date, match))
                break
    if not found:
        return None
    _, date, match = min(found, key=lambda item: item[0])
    return date, match


def _valid_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    name = groups.get("month_name")
    month = [n[:3] for n in _MONTH_NAMES].index(name[:3].lower()) + 1 if name else groups["month"]
    try:
        date = dt.date(int(groups["year"]), int(month), int(groups["day"]))
    except ValueError:
        return None
    return date if 1900 <= date.year <= 2100 else None


def _date_from_value(value: Any) -> tuple[dt.date, str] | None:
    """A metadata value as (date, grain): a date, a datetime, or text such as "2026-02-08",
    "2026-02-08T06:12:49+08:00", "2026年2月8日", "2026-02" (month) or 2026 (year)."""
    if isinstance(value, dt.date):
        return _as_date(value), "day"
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).translate(_FOLD)
    found = find_date(text)
    if found is not None:
        return found[0], "day"
    month = _MONTH_ONLY.fullmatch(text)
    if month and 1 <= int(month["month"]) <= 12 and 1900 <= int(month["year"]) <= 2100:
        return dt.date(int(month["year"]), int(month["month"]), 1), "month"
    year = _YEAR_ONLY.fullmatch(text)
    if year and 1900 <= int(year["year"]) <= 2100:
        return dt.date(int(year["year"]), 1, 1), "year"
    return None


def page_publication_date(text: str) -> tuple[dt.date, str] | None:
    """The article's own date as the page shows it, found by the page's structure.

    Never the latest or the first timestamp on the page: a recommendations list carries many
    timestamps of other articles, often newer ones. In order: (1) a timestamp in the page
    header, before the first paragraph of prose; (2) a labelled timestamp ("发布时间:",
    "Published"); (3) a timestamp next to the author box ("390文章数 30944关注度"). Timestamps
    that belong to recommended-item records (headline, maybe repeated, source, timestamp) are
    never used.
    """
    lines = [line.strip() for line in text.translate(_FOLD).split("\n") if line.strip()]
    stamps: dict[int, dt.date] = {}
    for index, line in enumerate(lines):
        found = None if _is_prose(line) else find_date(line)
        if found is not None:
            stamps[index] = found[0]
    usable = {index: date for index, date in stamps.items() if not _in_record(index, lines, stamps)}
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
    candidates = [index for index in sorted(usable) if index < first_prose]
    candidates += [i for i in sorted(usable) if _PUBLISHED_LABEL.search(lines[i])]
    candidates += [i for i in sorted(usable) if _ANY_LABEL.search(lines[i])]
    for box in (i for i, line in enumerate(lines) if _AUTHOR_BOX.search(line)):
        # the nearest timestamp above the box, else the nearest below it
        nearby = [*range(box - 1, box - 1 - _BOX_WINDOW_BEFORE, -1)]
        nearby += range(box + 1, box + 1 + _BOX_WINDOW_AFTER)
        candidates += [i for i in nearby if i in usable][:1]
    return (usable[candidates[0]], "day") if candidates else None


def _in_record(index: int, lines: list[str], stamps: dict[int, dt.date]) -> bool:
    """Whether the timestamp on line ``index`` closes a recommended-item record: a headline
    (often repeated) and a short source name above it, and either the repeated headline or
    more records of the same shape nearby (an article's own header appears once)."""
    if not _record_shape(index, lines, stamps):
        return False
    if index >= 3 and lines[index - 3] == lines[index - 2]:
        return True
    return any(
        other != index and other in stamps and _record_shape(other, lines, stamps)
        for other in range(index - 6, index + 7)
    )


def _record_shape(index: int, lines: list[str], stamps: dict[int, dt.date]) -> bool:
    if index < 2 or index - 1 in stamps or index - 2 in stamps:
        return False
    source, headline = lines[index - 1], lines[index - 2]
    return len(source) <= 24 and not _is_prose(source) and len(headline) >= 6


# --------------------------------------------------------------------------- title, language


def _title_line(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if 4 <= len(first) < 80 and "。" not in first and not first.endswith("."):
        return first
    return None


# Detection reads the start of a text: 200,000 characters say which language it is.
_LANGUAGE_SAMPLE = 200_000


def _language_of(text: str) -> str:
    """The language of an article's text; one of figures and marks only is read as Chinese,
    the checker's first language."""
    return detect_language(text[:_LANGUAGE_SAMPLE], without_letters="zh")
