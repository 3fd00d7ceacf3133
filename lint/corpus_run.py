"""The corpus pass of a `check` run: corpus rules (N004) need every file's facts before
they can report, so each file's outcome waits in a spool on disk (diagnostics as plain
rows), and so do its facts, read back by the corpus rules on each access; once every file
is in, the corpus rules run per group of files that share settings and their findings are
folded into each file's outcome as it is read back, in job order. What stays in memory
per file is a few ints (and what a corpus rule itself keeps of the facts)."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from lint.batch import Job
from lint.cached_run import load_source
from lint.engine import FileResult, check_corpus
from lint.fix_run import Checked, Outcome, overridden
from lint.models import Diagnostic
from lint.rows import from_rows, row_key, to_rows
from lint.settings import Settings
from lint.source import SourceText
from lint.suppress import unused_diagnostic


def corpus_pass(outcomes: Iterable[Outcome], jobs: list[Job], settings: list[Settings],
                keep_source: bool, lean: bool = False) -> Iterator[Outcome]:
    """`outcomes` with the corpus rules' findings folded in. `lean`: the outcomes only
    feed `check`'s output, which takes rows: their diagnostics stay rows (`Outcome.rows`)
    and their facts are not read back."""
    facts: list[Mapping[str, Any]] = []
    sources: dict[int, SourceText | None] = {}  # texts that cannot be read again (stdin)
    with tempfile.TemporaryFile(prefix="articlelint-spool-") as spool, \
            tempfile.TemporaryFile(prefix="articlelint-facts-") as facts_file:
        facts_spool = Spool(facts_file)
        for index, (job, outcome) in enumerate(zip(jobs, outcomes)):
            result = outcome.checked.result
            facts.append(SpooledFacts.park(facts_spool, result.facts))
            if job.path is None:
                sources[index] = result.source
            _park(spool, outcome, result.source if keep_source else None)
        found, loaded = _run_corpus_rules(jobs, facts, settings, sources)
        spool.seek(0)
        for index, job in enumerate(jobs):
            outcome = _unpark(spool, facts[index], lean)
            if index in sources:
                outcome.checked.result.source = sources[index]
            if outcome.checked.result.source is None and index in loaded:
                outcome.checked.result.source = loaded[index]
            _fold(outcome, found.get(index, []), job, settings[job.settings])
            yield outcome


class Spool:
    """An append-only file of blobs read back at random: it knows where its end is, so
    an append seeks (which flushes the write buffer: a system call per blob) only after
    a read has moved the position."""

    __slots__ = ("file", "_end", "_at_end")

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self._end = file.seek(0, 2)
        self._at_end = True

    def append(self, data: bytes) -> int:
        """Write `data` at the end; its offset."""
        if not self._at_end:
            self.file.seek(self._end)
            self._at_end = True
        offset = self._end
        self.file.write(data)
        self._end += len(data)
        return offset

    def read(self, offset: int, size: int) -> bytes:
        self._at_end = False
        self.file.seek(offset)
        return self.file.read(size)


class SpooledFacts(Mapping[str, Any]):
    """One file's corpus facts, written to a spool and read back (unpickled) on each
    access. In memory they take ~5 KB a file as Python objects (N004: a dict per
    gloss): 250 MB at 50,000 files; spooled, a few ints and the rule codes."""

    __slots__ = ("_spool", "_offset", "_size", "_codes")

    def __init__(self, spool: Spool, offset: int, size: int, codes: tuple[str, ...]) -> None:
        self._spool, self._offset, self._size, self._codes = spool, offset, size, codes

    @classmethod
    def park(cls, spool: Spool, facts: Mapping[str, Any]) -> Mapping[str, Any]:
        if not facts:
            return {}
        plain = facts if type(facts) is dict else dict(facts)
        data = pickle.dumps(plain, pickle.HIGHEST_PROTOCOL)
        return cls(spool, spool.append(data), len(data), tuple(facts))

    def _load(self) -> dict[str, Any]:
        loaded: dict[str, Any] = pickle.loads(self._spool.read(self._offset, self._size))
        return loaded

    def __getitem__(self, code: str) -> Any:
        if code not in self._codes:
            raise KeyError(code)
        return self._load()[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


def _park(spool: IO[bytes], outcome: Outcome, source: SourceText | None) -> None:
    """The outcome as one pickled tuple of plain values (rows, not models; no
    dataclasses, whose pickling runs Python code per object)."""
    result = outcome.checked.result
    rows = outcome.rows if outcome.rows is not None else to_rows(result.diagnostics)
    pickle.dump((result.path, rows, source, result.summary, outcome.checked.suppressions,
                 outcome.fixed, outcome.text, outcome.diff, outcome.written, outcome.notes),
                spool, pickle.HIGHEST_PROTOCOL)


def _unpark(spool: IO[bytes], facts: Mapping[str, Any], lean: bool) -> Outcome:
    path, rows, source, summary, suppressions, fixed, text, diff, written, notes = \
        pickle.load(spool)
    if lean:
        result = FileResult(path, source, [], {}, summary)
        return Outcome(Checked(result, suppressions), fixed, text, diff, written, notes,
                       rows=rows)
    # Read back: the facts spool is gone once the pass ends.
    result = FileResult(path, source, from_rows(rows), dict(facts.items()), summary)
    return Outcome(Checked(result, suppressions), fixed, text, diff, written, notes)


def _run_corpus_rules(jobs: list[Job], facts: list[Mapping[str, Any]],
                      settings: list[Settings], sources: dict[int, SourceText | None],
                      ) -> tuple[dict[int, list[Diagnostic]], dict[int, SourceText | None]]:
    """Corpus diagnostics per job index, and the texts read to place them."""
    groups: dict[int, list[int]] = {}
    for index, job in enumerate(jobs):
        groups.setdefault(job.settings, []).append(index)
    found: dict[int, list[Diagnostic]] = {}
    loaded: dict[int, SourceText | None] = {}
    for group, members in groups.items():
        shells = [FileResult(jobs[i].display, sources.get(i), [], facts[i]) for i in members]
        where = {shell.path: i for shell, i in zip(shells, members)}

        def load(shell: FileResult) -> SourceText | None:
            index = where[shell.path]
            loaded[index] = load_source(jobs[index].path)
            return loaded[index]

        check_corpus(settings[group].rules, shells, load)
        for shell, index in zip(shells, members):
            if shell.diagnostics:
                found[index] = shell.diagnostics
    return found, loaded


def _fold(outcome: Outcome, found: list[Diagnostic], job: Job, settings: Settings) -> None:
    checked = outcome.checked
    codes = settings.codes - job.ignored
    found = [d for d in found if d.code in codes]
    suppressions = checked.suppressions
    if suppressions is not None:
        found = suppressions.filter(found)
        left = [d for d in suppressions.directives if d.deferred and not d.used]
        if left and checked.result.source is None:  # not held: read the text again
            checked.result.source = load_source(job.path)
        source = checked.result.source
        if source is not None and "X001" in codes:
            found += [unused_diagnostic(source, job.display, d) for d in left]
    if not found:
        return
    if outcome.rows is not None:
        outcome.rows = sorted([*outcome.rows, *to_rows(overridden(found, settings))],
                              key=row_key)
    else:
        checked.result.diagnostics = sorted(
            [*checked.result.diagnostics, *overridden(found, settings)],
            key=lambda d: d.sort_key())
