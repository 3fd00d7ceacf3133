"""`articlelint report --compare OLD.json NEW.json`: what got better and worse between two
`check --output-format json` results, per rule, per outlet and per file.

The JSON has no outlet, so each path's outlet is read from the article itself (its title
URL's host through the source profiles of the configuration that applies to it); a path
that cannot be read any more counts under `unknown`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from lint.article import Article
from lint.health.facts import UNKNOWN_OUTLET
from lint.health.tally import Counts
from lint.plan import Planner
from lint.profiles import profile_for
from lint.registry import Registry
from lint.report.json_report import JsonReport
from lint.settings import Selection
from lint.source import SourceText

HEADER_BYTES = 64 * 1024  # the header is the first four lines: never read a whole body
FILES_SHOWN = 20


class CompareError(Exception):
    """An input that is not a JSON result of `check` (the message names the file)."""


@dataclass(slots=True)
class Delta:
    key: str
    label: str = ""
    old: Counts = field(default_factory=Counts)
    new: Counts = field(default_factory=Counts)

    @property
    def change(self) -> int:
        return self.new.total - self.old.total


@dataclass(slots=True)
class Side:
    name: str  # the JSON file
    version: str
    files: int
    counts: Counts


@dataclass(slots=True)
class Comparison:
    old: Side
    new: Side
    rules: list[Delta]
    outlets: list[Delta]
    files: list[Delta]

    @staticmethod
    def worse(deltas: Iterable[Delta]) -> list[Delta]:
        return sorted((d for d in deltas if d.change > 0), key=lambda d: (-d.change, d.key))

    @staticmethod
    def better(deltas: Iterable[Delta]) -> list[Delta]:
        return sorted((d for d in deltas if d.change < 0), key=lambda d: (d.change, d.key))


def load(path: Path) -> JsonReport:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CompareError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return JsonReport.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0] if error.errors() else {"msg": str(error), "loc": ()}
        where = ".".join(str(part) for part in first.get("loc", ())) or "the document"
        raise CompareError(f"{path}: not a result of `articlelint check --output-format "
                           f"json` ({where}: {first.get('msg')})") from None


def compare_files(old: Path, new: Path, selection: Selection = Selection(),
                  config: str | None = None) -> Comparison:
    before, after = load(old), load(new)
    outlets = OutletFinder(Planner(Registry.default(), selection, config))
    return compare(before, after, old.name if old.name != new.name else str(old),
                   new.name if old.name != new.name else str(new), outlets.outlet)


def compare(before: JsonReport, after: JsonReport, old_name: str, new_name: str,
            outlet_of: Callable[[str], str]) -> Comparison:
    rules: dict[str, Delta] = {}
    outlets: dict[str, Delta] = {}
    files: dict[str, Delta] = {}
    for diagnostics, side in ((before.diagnostics, "old"), (after.diagnostics, "new")):
        for d in diagnostics:
            for table, key, label in ((rules, d.code, d.name),
                                      (outlets, outlet_of(d.path), ""),
                                      (files, d.path, "")):
                delta = table.setdefault(key, Delta(key, label))
                getattr(delta, side).add(d.severity)
    return Comparison(_side(old_name, before), _side(new_name, after),
                      sorted(rules.values(), key=lambda d: d.key),
                      sorted(outlets.values(), key=lambda d: d.key),
                      sorted(files.values(), key=lambda d: d.key))


def _side(name: str, report: JsonReport) -> Side:
    counts = Counts(report.summary.errors, report.summary.warnings, report.summary.infos)
    return Side(name, report.tool.version, report.summary.files, counts)


class OutletFinder:
    """The outlet of a path: its profile, read from the file's header (memoised)."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner
        self.known: dict[str, str] = {}

    def outlet(self, path: str) -> str:
        found = self.known.get(path)
        if found is None:
            found = self.known[path] = self._read(path)
        return found

    def _read(self, path: str) -> str:
        file = Path(path)
        try:
            with file.open("rb") as handle:
                head = handle.read(HEADER_BYTES)
        except OSError:
            return UNKNOWN_OUTLET
        lines = head.decode("utf-8", errors="replace").split("\n")[:4]
        try:
            settings = self.planner.settings[self.planner.settings_for(file)]
            article = Article.parse(SourceText("\n".join(lines) + "\n"), path,
                                    settings.profiles)
            return profile_for(article).name
        except Exception:  # a broken header or config: the outlet is just unknown
            return UNKNOWN_OUTLET
