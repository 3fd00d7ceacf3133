"""Baselines for adopting the tool on an existing archive.

`--write-baseline FILE` records the diagnostics of a run; `--baseline FILE` then reports
only the others. An entry is (path, code, flagged text, count), not a line and column, so
edits elsewhere in a file never bring recorded diagnostics back. Counts make it exact:
with two identical findings in a file and one recorded, one is reported. Paths are stored
relative to the baseline file's folder, so the baseline works from any working directory.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.models import Diagnostic
    from lint.source import SourceText

# The file's models (pydantic) live in `lint.baseline_file`, imported only by runs that
# read or write a baseline: `check` imports this module on every run.
MAX_TEXT = 120  # longer flagged text is stored as a hash (S011 can flag a whole body)

Key = tuple[str, str, str]


class BaselineError(Exception):
    pass


def flagged(diagnostic: Diagnostic, source: SourceText | None) -> str:
    span = diagnostic.span
    text = source.text[span.offset:span.end_offset] if source is not None else ""
    if not text:
        return f"message:{diagnostic.message}"
    if len(text) > MAX_TEXT:
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text


def relative(path: Path, baseline: Path) -> str:
    return Path(os.path.relpath(path.absolute(), baseline.absolute().parent)).as_posix()


class Baseline:
    def __init__(self, counts: Counter[Key]) -> None:
        self.counts = counts

    @classmethod
    def load(cls, path: Path) -> Baseline:
        from pydantic import ValidationError

        from lint.baseline_file import BaselineFile

        try:
            data = BaselineFile.model_validate_json(path.read_bytes())
        except OSError as error:
            raise BaselineError(f"cannot read the baseline {path}: "
                                f"{error.strerror or error}") from None
        except ValidationError as error:
            first = error.errors()[0]
            raise BaselineError(f"{path} is not an articlelint baseline: "
                                f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
        counts: Counter[Key] = Counter()
        for entry in data.entries:
            counts[(entry.path, entry.code, entry.text)] += entry.count
        return cls(counts)

    def filter(self, rel_path: str, diagnostics: Iterable[Diagnostic],
               source: SourceText | None) -> list[Diagnostic]:
        """The diagnostics that the baseline does not account for."""
        kept = []
        for diagnostic in diagnostics:
            key = (rel_path, diagnostic.code, flagged(diagnostic, source))
            if self.counts[key] > 0:
                self.counts[key] -= 1
            else:
                kept.append(diagnostic)
        return kept


class Recorder:
    """Collects diagnostics for `--write-baseline`."""

    def __init__(self) -> None:
        self.counts: Counter[Key] = Counter()

    def add(self, rel_path: str, diagnostics: Iterable[Diagnostic],
            source: SourceText | None) -> None:
        for diagnostic in diagnostics:
            self.counts[(rel_path, diagnostic.code, flagged(diagnostic, source))] += 1

    def write(self, path: Path) -> int:
        import json

        from lint.baseline_file import BaselineFile, Entry

        entries = [Entry(path=p, code=c, text=t, count=n)
                   for (p, c, t), n in sorted(self.counts.items())]
        document = BaselineFile(entries=entries).model_dump()
        try:
            path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
        except OSError as error:
            raise BaselineError(f"cannot write the baseline {path}: "
                                f"{error.strerror or error}") from None
        return sum(self.counts.values())
