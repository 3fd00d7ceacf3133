"""Folds file results into the numbers a report shows, one file at a time.

Nothing is kept per file except the current top files (with their code-frame excerpts,
made while the file's text is still at hand), so memory does not grow with the archive
and the page's size does not either.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.engine import FileResult
from lint.health.facts import UNKNOWN_OUTLET
from lint.models import Diagnostic, Severity
from lint.report.frame import cell_width, make_frame
from lint.source import SourceText

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
TOP_FILES = 50
EXCERPTS_PER_FILE = 5
FRAME_WIDTH = 100  # display cells of a code frame
_MONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])")


@dataclass(slots=True)
class Counts:
    """Diagnostics by severity."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def add(self, severity: Severity, count: int = 1) -> None:
        if severity is Severity.ERROR:
            self.errors += count
        elif severity is Severity.WARNING:
            self.warnings += count
        else:
            self.infos += count

    def of(self, severity: Severity) -> int:
        return (self.errors, self.warnings, self.infos)[severity.rank]

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


@dataclass(frozen=True, slots=True)
class Excerpt:
    """One diagnostic of a top file, with its code frame split around the span."""

    code: str
    name: str
    severity: Severity
    line: int
    column: int
    message: str
    before: str = ""
    marked: str = ""  # empty for an empty span (an insertion point) or no frame
    after: str = ""


@dataclass(slots=True)
class TopFile:
    path: str
    outlet: str
    title: str
    url: str
    month: str | None
    counts: Counts
    codes: list[tuple[str, int]]  # most frequent first
    excerpts: list[Excerpt]

    @property
    def rank(self) -> tuple[int, int, int, str]:
        """Sort key, best first: most errors, then warnings, then diagnostics, then path."""
        c = self.counts
        return (-c.errors, -c.warnings, -c.total, self.path)


@dataclass(slots=True)
class MonthRow:
    articles: int = 0
    counts: Counts = field(default_factory=Counts)


class _Kept:
    """A heap entry whose root is the last of the kept top files."""

    __slots__ = ("rank", "entry")

    def __init__(self, entry: TopFile) -> None:
        self.rank, self.entry = entry.rank, entry

    def __lt__(self, other: _Kept) -> bool:
        return self.rank > other.rank


class Tally:
    def __init__(self, top: int = TOP_FILES, excerpts: int = EXCERPTS_PER_FILE) -> None:
        self.top, self.excerpts = top, excerpts
        self.files = 0
        self.files_with_diagnostics = 0
        self.counts = Counts()
        self.rules: dict[str, Counts] = {}
        self.names: dict[str, str] = {}
        self.outlets: Counter[str] = Counter()  # articles per outlet
        self.cells: dict[tuple[str, str], Counts] = {}  # (outlet, family)
        self.months: dict[str, MonthRow] = {}
        self.dated: Counter[str] = Counter()  # published / archived / undated
        self._kept: list[_Kept] = []

    def add_result(self, result: FileResult) -> None:
        self.add(result.path, result.source, result.diagnostics, result.summary)

    def add(self, path: str, source: SourceText | None, diagnostics: Sequence[Diagnostic],
            summary: Mapping[str, Any]) -> None:
        outlet = str(summary.get("outlet") or UNKNOWN_OUTLET)
        month = summary.get("month")
        if not (isinstance(month, str) and _MONTH.fullmatch(month)):
            month = None
        self.files += 1
        self.outlets[outlet] += 1
        self.dated[str(summary.get("dated") or "undated")] += 1
        row = self.months.setdefault(month, MonthRow()) if month is not None else None
        if row is not None:
            row.articles += 1
        counts = Counts()
        for d in diagnostics:
            counts.add(d.severity)
            self.rules.setdefault(d.code, Counts()).add(d.severity)
            self.names.setdefault(d.code, d.name)
            self.cells.setdefault((outlet, family(d.code)), Counts()).add(d.severity)
            if row is not None:
                row.counts.add(d.severity)
        if not counts.total:
            return
        self.files_with_diagnostics += 1
        for severity in SEVERITIES:
            self.counts.add(severity, counts.of(severity))
        self._offer(path, source, diagnostics, summary, (outlet, month), counts)

    def _offer(self, path: str, source: SourceText | None,
               diagnostics: Sequence[Diagnostic], summary: Mapping[str, Any],
               where: tuple[str, str | None], counts: Counts) -> None:
        """Keep the file if it is among the top ones so far; excerpts are made only then."""
        rank = (-counts.errors, -counts.warnings, -counts.total, path)
        if self.top <= 0 or (len(self._kept) >= self.top and rank >= self._kept[0].rank):
            return
        codes = Counter(d.code for d in diagnostics)
        entry = TopFile(path, where[0], str(summary.get("title") or ""),
                        str(summary.get("url") or ""), where[1], counts,
                        sorted(codes.items(), key=lambda item: (-item[1], item[0])),
                        [excerpt(source, d) for d in pick(diagnostics, self.excerpts)])
        if len(self._kept) < self.top:
            heapq.heappush(self._kept, _Kept(entry))
        else:
            heapq.heapreplace(self._kept, _Kept(entry))

    def top_files(self) -> list[TopFile]:
        return sorted((kept.entry for kept in self._kept), key=lambda entry: entry.rank)

    def families(self) -> list[str]:
        return sorted({fam for _, fam in self.cells}, key=family_order)


FAMILIES = {"S": "structure", "M": "metadata", "H": "HTML", "T": "typography",
            "N": "names", "X": "engine"}


def family(code: str) -> str:
    return code[:1]


def family_order(letter: str) -> tuple[int, str]:
    order = list(FAMILIES)
    return (order.index(letter) if letter in order else len(order), letter)


def pick(diagnostics: Sequence[Diagnostic], count: int) -> list[Diagnostic]:
    """The diagnostics to show for a file: worst first, one per code before any second
    of a code, so that a file's excerpts show its different problems."""
    ordered = sorted(diagnostics, key=lambda d: (d.severity.rank, d.span.offset, d.code))
    chosen: list[Diagnostic] = []
    seen: set[str] = set()
    taken: set[int] = set()
    for index, d in enumerate(ordered):
        if len(chosen) < count and d.code not in seen:
            chosen.append(d)
            seen.add(d.code)
            taken.add(index)
    for index, d in enumerate(ordered):
        if len(chosen) >= count:
            break
        if index not in taken:
            chosen.append(d)
    return sorted(chosen, key=lambda d: (d.severity.rank, d.span.offset, d.code))


def excerpt(source: SourceText | None, d: Diagnostic) -> Excerpt:
    """`d` with a code frame of its line (`lint.report.frame.make_frame`), split into the
    text before the span, the span and the text after it."""
    base = Excerpt(d.code, d.name, d.severity, d.span.line, d.span.column, d.message)
    if source is None or d.span.line > source.line_count:
        return base
    line = source.line(d.span.line)
    text = source.text[line.start:line.end]
    frame = make_frame(text, d.span.column - 1, d.span.end_offset - line.start,
                       width=FRAME_WIDTH)
    lead = len(frame.carets) - len(frame.carets.lstrip(" "))
    marked = 0 if d.span.end_offset == d.span.offset else frame.carets.count("^")
    before, inside, after = [], [], []
    cells = 0
    for char in frame.text:
        if cells < lead:
            before.append(char)
        elif cells < lead + marked:
            inside.append(char)
        else:
            after.append(char)
        cells += cell_width(char)
    return Excerpt(base.code, base.name, base.severity, base.line, base.column, base.message,
                   "".join(before), "".join(inside), "".join(after))
