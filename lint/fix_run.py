"""One file through the whole pipeline: lint with its settings, apply inline
suppressions and severity overrides, and (with `--fix`) fix → lint until stable, then
write the file atomically or produce a diff."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.article import Article
from lint.engine import FileResult, check_source
from lint.engine_rules import InvalidSuppression, UnusedSuppression
from lint.fixer import applicable, apply_fixes
from lint.models import Diagnostic
from lint.records import FRESH, Value
from lint.rows import Row, from_rows
from lint.rule import Rule
from lint.settings import Settings
from lint.source import SourceText
from lint.suppress import Suppressions, invalid, parse_suppressions, unused

MAX_ROUNDS = 10  # lint → fix rounds before a file is reported as not converging


@dataclass(frozen=True, slots=True)
class Mode:
    fix: bool = False  # apply fixes (to the file, or to stdout for stdin)
    unsafe: bool = False  # unsafe fixes too
    diff: bool = False  # report a diff instead of writing
    deferred: frozenset[str] = frozenset()  # corpus rule codes, found after every file
    # Called with each parsed article (as read, before any fix); its dict becomes
    # `FileResult.summary`. A module-level function, so that workers can unpickle it.
    summarize: Callable[[Article], dict[str, Any]] | None = None
    # Hash what was read (`Outcome.content`, `Outcome.stat`): only the cache needs it, and
    # hashing ~8 KB costs ~10 µs a file.
    hash_content: bool = True

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff


class Checked(Value):
    """A file's processed diagnostics and what its suppressions have matched so far."""

    __slots__ = __match_args__ = ("result", "suppressions")

    result: FileResult
    suppressions: Suppressions | None  # None: the file has no suppression directive

    def __init__(self, result: FileResult, suppressions: Suppressions | None) -> None:
        self.result = result
        self.suppressions = suppressions


class Outcome(Value):
    __slots__ = __match_args__ = ("checked", "fixed", "text", "diff", "written", "notes",
                                  "content", "stat", "rows")

    checked: Checked
    fixed: int  # fixes applied
    text: str | None  # the fixed text, when it differs from the original
    diff: str
    written: bool
    notes: list[str]  # warnings for stderr
    content: str | None  # hash of the bytes that were linted (for the cache)
    stat: tuple[int, int, int, int] | None  # their `lint.cache.stat_key` when read
    # The diagnostics as rows (`lint.rows`), for a consumer that takes them (`lazy`): a
    # worker's result, a cache hit, a file read back from the corpus pass's spool;
    # `checked.result.diagnostics` is empty until `built` makes them models.
    rows: list[Row] | None

    def __init__(self, checked: Checked, fixed: int = 0, text: str | None = None,
                 diff: str = "", written: bool = False, notes: list[str] = FRESH,
                 content: str | None = None, stat: tuple[int, int, int, int] | None = None,
                 rows: list[Row] | None = None) -> None:
        self.checked = checked
        self.fixed = fixed
        self.text = text
        self.diff = diff
        self.written = written
        self.notes = [] if notes is FRESH else notes
        self.content = content
        self.stat = stat
        self.rows = rows

    def built(self) -> FileResult:
        """The result, its diagnostics as models (built from `rows` if need be)."""
        result = self.checked.result
        if self.rows is not None:
            result.diagnostics, self.rows = from_rows(self.rows), None
        return result


def lint_text(path: str, source: SourceText, settings: Settings,
              ignored: frozenset[str], deferred: frozenset[str] = frozenset(),
              summarize: Callable[[Article], dict[str, Any]] | None = None) -> Checked:
    """Diagnostics of the selected, not per-file-ignored rules, minus suppressed ones,
    plus X001/X004, with severity overrides applied, sorted."""
    rules: Sequence[Rule]
    if ignored:
        rules = [rule for rule in settings.rules if rule.code not in ignored]
        codes = settings.codes - ignored
    else:  # the common case: no per-file ignores, nothing to copy
        rules, codes = settings.rules, settings.codes
    seen: list[Article] = []
    # Sorted once, below, after the suppression diagnostics join.
    result = check_source(path, source, rules, settings.profiles, seen.append, sort=False)
    diagnostics = [d for d in result.diagnostics if d.code in codes]
    suppressions = None
    if seen:
        suppressions = parse_suppressions(seen[0], settings.registry)
        if suppressions.directives:
            diagnostics = suppressions.filter(diagnostics)
        if InvalidSuppression.code in codes:
            diagnostics += invalid(suppressions, source, path)
        if UnusedSuppression.code in codes:
            diagnostics += unused(suppressions, source, path, deferred & codes)
    diagnostics = overridden(diagnostics, settings)
    diagnostics.sort(key=Diagnostic.sort_key)
    result.diagnostics = diagnostics
    if seen:
        if summarize is not None:
            result.summary = summarize(seen[0])
        seen[0].release()  # freed now rather than by the cycle collector
    if suppressions is not None and not suppressions.directives:
        # Nothing left to match a corpus rule's diagnostic later: carry nothing (what a
        # worker sends, the spool and the cache pickle it for every file).
        suppressions = None
    return Checked(result, suppressions)


def overridden(diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Diagnostics with the config's `severity` overrides applied."""
    if not settings.severity:
        return diagnostics
    out = []
    for diagnostic in diagnostics:
        severity = settings.severity.get(diagnostic.code)
        if severity is not None and severity is not diagnostic.severity:
            diagnostic = diagnostic.model_copy(update={"severity": severity})
        out.append(diagnostic)
    return out


def fix_text(path: str, source: SourceText, settings: Settings, ignored: frozenset[str],
             mode: Mode) -> Outcome:
    """Lint, then (in a fixing mode) apply fixes and lint again until nothing changes."""
    checked = lint_text(path, source, settings, ignored, mode.deferred, mode.summarize)
    outcome = Outcome(checked)
    if not mode.fixing:
        return outcome
    summary = checked.result.summary  # of the file as read
    text = source.text
    seen = {text}
    fixers: set[str] = set()
    for _ in range(MAX_ROUNDS):
        diagnostics = checked.result.diagnostics
        new, count = apply_fixes(text, diagnostics, mode.unsafe)
        if count == 0 or new == text:
            break
        outcome.fixed += count
        fixers |= {d.code for d in diagnostics if applicable(d.fix, mode.unsafe)}
        text = new
        checked = lint_text(path, SourceText(text), settings, ignored, mode.deferred)
        if text in seen:
            outcome.notes.append(f"{path}: fixes of {', '.join(sorted(fixers))} undo each other; "
                                 "stopped fixing this file")
            break
        seen.add(text)
    else:
        outcome.notes.append(f"{path}: fixes did not settle after {MAX_ROUNDS} rounds")
    outcome.checked = checked
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a rule's edit held a lone surrogate: keep the file as is
        outcome.notes.append(f"{path}: the fixes produced text that is not valid UTF-8; "
                             "nothing written")
        text, outcome.fixed = source.text, 0
        outcome.checked = lint_text(path, source, settings, ignored, mode.deferred)
    outcome.checked.result.summary = summary
    if text != source.text:
        outcome.text = text
        if mode.diff:
            outcome.diff = unified_diff(path, source.text, text)
    return outcome


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib  # only --diff needs it: not at the start-up of every run

    lines = difflib.unified_diff(before.splitlines(keepends=True),
                                 after.splitlines(keepends=True),
                                 fromfile=_side("a", path), tofile=_side("b", path))
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _side(prefix: str, path: str) -> str:
    """`a/path` as git writes it; an absolute path stays as it is."""
    return path if path.startswith("/") else f"{prefix}/{path}"


class ChangedOnDisk(Exception):
    pass


def write_atomically(path: Path, expected: bytes, stat: os.stat_result,
                     data: bytes) -> None:
    """Replace `path` with `data` via a temporary file in the same folder, keeping its
    mode, unless the file no longer holds `expected` (someone edited it meanwhile)."""
    now = path.stat()
    if (now.st_mtime_ns, now.st_size) != (stat.st_mtime_ns, stat.st_size) \
            or path.read_bytes() != expected:
        raise ChangedOnDisk(str(path))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".articlelint-tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            # The data must be on disk before the rename makes it the file: otherwise a
            # power cut can leave the new name pointing at an empty file.
            os.fsync(out.fileno())
        _keep_owner(temporary, now)
        os.chmod(temporary, now.st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def _keep_owner(temporary: str, stat: os.stat_result) -> None:
    """Give the new file the old one's owner and group where we may (as root fixing
    someone else's file); an ordinary user can only keep their own, which they already
    have."""
    if hasattr(os, "chown") and (stat.st_uid, stat.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(temporary, stat.st_uid, stat.st_gid)
        except OSError:
            pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: fsync the folder). Best effort: some
    systems and file systems cannot open or sync a folder, and the file is written."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
