"""User TOML files of the names family: the glossary (N005) and the dictionary (N006).

Both are loaded and validated when the rule's options are built (a pydantic validator),
so a bad file is a config error naming the file, the entry and the problem, never a crash
mid-run. Each entry may carry `examples` (text it must flag) and `counter-examples` (text
it must leave alone), checked at load time. Loaded files are cached per process, keyed by
path, size and modification time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from rules.names._candidates import find_glosses, is_han
from rules.names._tables import COMMON_HAN

# The package's data files, read by path: importlib.resources would cost every run's
# start-up ~10 ms of imports, for a package that is always installed as plain files.
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
# Regex syntax whose meaning depends on what surrounds a match (anchors, word boundaries,
# lookarounds); `[^…]` is caught too, which only costs the shortcut, never a match.
_CONTEXT_SENSITIVE = re.compile(r"\\[AZbB]|[\^$]|\(\?<?[=!]")
_GROUP_REFERENCE = re.compile(r"\\(?:(\d+)|g<(\w+)>)")
# A replacement template's pieces: a one-digit group reference (`\1`, not before another
# digit), a `\g<…>` reference by ASCII number or name, other text up to a backslash; a
# backslash that starts none of them (`\n`, `\\`, `\12`, octal) is left to `match.expand`.
_TEMPLATE_PIECE = re.compile(
    r"\\(?:([1-9])(?![0-9])|g<(0|[1-9][0-9]*|[A-Za-z_][A-Za-z_0-9]*)>)|(\\)|[^\\]+")


class Hit(NamedTuple):
    """A match in plain text: `text[start:end]` should read `replacement`. (A named
    tuple: as immutable as a frozen dataclass, at a fifth of the cost to define.)"""

    start: int
    end: int
    replacement: str
    message: str


class _Entry(BaseModel):
    # defer_build: built when a glossary or dictionary is first read, not at import.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              defer_build=True)

    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = Field((), alias="counter-examples")


class NameEntry(_Entry):
    """`[[name]]`: the Chinese form, the English form, and known wrong variants."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    variants: tuple[str, ...] = ()

    def find(self, text: str) -> list[Hit]:
        hits: dict[tuple[int, int], Hit] = {}
        want_zh, want_en = _key(self.zh), " ".join(self.en.split())
        for gloss in find_glosses(text):
            words = gloss.words
            if not words:
                continue
            english = " ".join(text[words[0].start:words[-1].end].split())
            if _key(gloss.name) == want_zh and english != want_en:
                span = (words[0].start, words[-1].end)
                hits[span] = Hit(*span, self.en, f"the glossary writes `{self.zh}` as "
                                 f"`{self.en}`, not `{english}`")
            elif english == want_en and _key(gloss.name) != want_zh:
                if _key(text[:gloss.parts[-1].end]).endswith(want_zh):
                    continue  # the name starts before what the detector kept
                if want_zh.endswith("·" + _key(gloss.name)):
                    continue  # a surname alone: 穆尼尔（Asim Munir）
                span = (gloss.parts[0].start, gloss.parts[-1].end)
                hits[span] = Hit(*span, self.zh, f"the glossary writes `{self.en}` as "
                                 f"`{self.zh}`, not `{text[span[0]:span[1]]}`")
        for variant in self.variants:
            right = self.zh if any(is_han(c) for c in variant) else self.en
            for start in _occurrences(text, variant):
                span = (start, start + len(variant))
                hits.setdefault(span, Hit(*span, right, f"the glossary writes `{variant}` "
                                          f"as `{right}`"))
        return [hits[span] for span in sorted(hits)]


class WordEntry(_Entry):
    """`[[entry]]`: a wrong form (plain text or a regular expression) and its fix."""

    wrong: str = Field(min_length=1)
    right: str
    regex: bool = False
    context: str | None = None
    note: str | None = None

    _pattern: re.Pattern[str] = PrivateAttr()
    _context: re.Pattern[str] | None = PrivateAttr(default=None)
    # `right` of a regex entry read once (`_read_template`): `match.expand` parses it
    # again on every hit. None: a plain entry, or a template only `expand` reads.
    _template: tuple[str | int, ...] | None = PrivateAttr(default=None)

    def model_post_init(self, _context: Any) -> None:
        # A bad regular expression raises re.error here: `_build` reports it.
        self._pattern = re.compile(self.wrong if self.regex else re.escape(self.wrong))
        self._context = re.compile(self.context) if self.context else None
        if self.regex:
            for number, name in _GROUP_REFERENCE.findall(self.right):
                known = (int(number or name) <= self._pattern.groups if (number or
                         name).isdigit() else name in self._pattern.groupindex)
                if not known:
                    raise re.error(f"`right` refers to group `{number or name}`, which "
                                   "`wrong` does not have")
            self._template = _read_template(self.right, self._pattern)

    @property
    def needle(self) -> str | None:
        """The plain text `find` looks for (None for a regular expression): `find` hits
        nothing in a text that does not hold it."""
        return None if self.regex else self.wrong

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled `wrong`: `find` hits nothing in a text this does not match."""
        return self._pattern

    def screen(self) -> Callable[[str], bool]:
        """`may_occur` as a plain function, for a caller that tests every article with
        the same entries (built once: no pydantic attribute look-ups per call). A plain
        entry is a substring test, preceded by a test of its characters, rarest first:
        most articles lack one of them, and a one-character search is the cheapest."""
        if _CONTEXT_SENSITIVE.search(self._pattern.pattern):
            return lambda text: True
        if not self.regex:
            wrong = self.wrong
            rarest = sorted(dict.fromkeys(wrong), key=_commonness)  # stable: reproducible
            return lambda text: all(map(text.__contains__, rarest)) and wrong in text
        search = self._pattern.search
        return lambda text: search(text) is not None

    def may_occur(self, text: str) -> bool:
        """False only when no part of `text` can match: a pattern without anchors or
        lookarounds matches a run's substring wherever that substring stands, so one
        search over all runs joined rules an entry out for the whole article."""
        if _CONTEXT_SENSITIVE.search(self._pattern.pattern):
            return True
        return self._pattern.search(text) is not None

    def find(self, text: str) -> list[Hit]:
        if self._context is not None and self._context.search(text) is None:
            return []
        hits = []
        template = self._template
        for match in self._pattern.finditer(text):
            if match.end() == match.start():
                continue
            if template is not None:
                right = expand(template, match)
            else:
                right = match.expand(self.right) if self.regex else self.right
            if right == match.group():
                continue
            message = f"`{match.group()}` should be `{right}`"
            if self.note:
                message += f" ({self.note})"
            hits.append(Hit(match.start(), match.end(), right, message))
        return hits


def _read_template(right: str, pattern: re.Pattern[str]) -> tuple[str | int, ...] | None:
    """`right` as literal texts and group numbers, for `expand`; None when it holds an
    escape that only `match.expand` reads, or a reference `pattern` does not have."""
    pieces: list[str | int] = []
    for piece in _TEMPLATE_PIECE.finditer(right):  # (the pieces cover all of `right`)
        digit, name, escape = piece.groups()
        if escape is not None:
            return None
        if digit is not None:
            number = int(digit)
        elif name is not None:
            number = int(name) if name.isdigit() else pattern.groupindex.get(name, -1)
        else:
            pieces.append(piece.group())
            continue
        if not 0 <= number <= pattern.groups:
            return None
        pieces.append(number)
    return tuple(pieces)


def expand(template: tuple[str | int, ...], match: re.Match[str]) -> str:
    """`match.expand(right)` of the `right` that `_read_template` read (a group that did not
    take part in the match is empty, as `expand` has it)."""
    return "".join([piece if type(piece) is str else match.group(piece) or ""
                    for piece in template])


def _commonness(char: str) -> int:
    """Rank of `char` among frequent Han characters (-1: not frequent, so tested first)."""
    return COMMON_HAN.find(char) if len(char) == 1 else -1


def _key(name: str) -> str:
    return "".join("·" if c in "·•・‧." else c for c in name)


def _occurrences(text: str, needle: str) -> list[int]:
    """Starts of `needle` in `text`, not inside a longer Latin word."""
    found, start = [], text.find(needle)
    while start != -1:
        end = start + len(needle)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        latin = needle[0].isascii() and needle[0].isalpha()
        if not latin or not (before.isalpha() and before.isascii()
                             or after.isalpha() and after.isascii()):
            found.append(start)
        start = text.find(needle, start + 1)
    return found


class ConfigFileError(ValueError):
    pass


def load_glossary(path: str) -> tuple[NameEntry, ...]:
    return _load(path, "name", NameEntry)  # type: ignore[return-value]


def load_dictionary(path: str) -> tuple[WordEntry, ...]:
    return _load(path, "entry", WordEntry)  # type: ignore[return-value]


@lru_cache(maxsize=2)
def builtin_dictionary(validate: bool = False) -> tuple[WordEntry, ...]:
    """The built-in entries (`_builtin_words`). They are built without validation by
    default: validating builds WordEntry's validator (and makes pydantic look for
    plugins, importing importlib.metadata), ~15 ms of every run's start-up, for data that
    ships with the package. Its examples are still checked here, and tests check that
    validation gives the same entries (`validate=True`)."""
    from rules.names._builtin_words import ENTRIES

    return _entries("<built-in dictionary>", list(ENTRIES), "entry", WordEntry,  # type: ignore[return-value]
                    validate)


def _load(path: str, table: str, model: type[_Entry]) -> tuple[_Entry, ...]:
    try:
        stat = os.stat(path)
    except OSError as error:
        raise ConfigFileError(f"{path}: cannot read: {error.strerror or error}") from None
    return _load_cached(path, stat.st_size, stat.st_mtime_ns, table, model)


@lru_cache(maxsize=64)
def _load_cached(path: str, _size: int, _mtime: int, table: str,
                 model: type[_Entry]) -> tuple[_Entry, ...]:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigFileError(f"{path}: cannot read: {error}") from None
    return _parse(path, text, table, model)


def _parse(path: str, text: str, table: str, model: type[_Entry]) -> tuple[_Entry, ...]:
    import tomllib  # (here: a run without user files never needs it, ~4 ms)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(f"{path}: not valid TOML: {error}") from None
    unknown = sorted(set(data) - {table})
    if unknown:
        raise ConfigFileError(f"{path}: unknown key `{unknown[0]}` (expected `[[{table}]]` "
                              "tables)")
    raw = data.get(table, [])
    if not isinstance(raw, list):
        raise ConfigFileError(f"{path}: `{table}` must be an array of tables `[[{table}]]`")
    return _entries(path, raw, table, model)


def _entries(path: str, raw: list[Any], table: str, model: type[_Entry],
             validate: bool = True) -> tuple[_Entry, ...]:
    """The entries of the `[[table]]` tables `raw` of the file `path`."""
    entries = []
    for number, item in enumerate(raw, 1):
        label = f"{path}: [[{table}]] #{number}"
        entry = _build(label, item, model) if validate else _construct(item, model)
        _check_examples(label, entry)
        entries.append(entry)
    return tuple(entries)


def _build(label: str, item: object, model: type[_Entry]) -> _Entry:
    if not isinstance(item, dict):
        raise ConfigFileError(f"{label}: must be a table")
    try:
        return model.model_validate(item)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "entry"
        raise ConfigFileError(f"{label}: `{where}`: {problem['msg']}") from None
    except re.error as error:
        raise ConfigFileError(f"{label}: bad regular expression: {error}") from None


def _construct(item: dict[str, Any], model: type[_Entry]) -> _Entry:
    """An entry of trusted data without validation: what validation would make of it
    (arrays become tuples; `model_post_init` still compiles the patterns)."""
    return model.model_construct(None, **{key: tuple(value) if isinstance(value, list)
                                          else value for key, value in item.items()})


def _check_examples(label: str, entry: _Entry) -> None:
    finder: Callable[[str], Sequence[Hit]] = entry.find  # type: ignore[attr-defined]
    for example in entry.examples:
        if not finder(example):
            raise ConfigFileError(f"{label}: example `{example}` is not flagged by the entry")
        fixed = apply(example, finder(example))
        if finder(fixed):
            raise ConfigFileError(f"{label}: example `{example}` is still flagged after "
                                  f"its fix (`{fixed}`)")
    for example in entry.counter_examples:
        if finder(example):
            raise ConfigFileError(f"{label}: counter-example `{example}` is flagged")


def apply(text: str, hits: Sequence[Hit]) -> str:
    """`text` with non-overlapping hits replaced (first wins)."""
    out, position = [], 0
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if hit.start < position:
            continue
        out.append(text[position:hit.start])
        out.append(hit.replacement)
        position = hit.end
    out.append(text[position:])
    return "".join(out)
