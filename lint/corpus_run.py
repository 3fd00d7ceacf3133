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
from lint.cache import Payload
from lint.cached_run import load_source
from lint.engine import FileResult, check_corpus
from lint.fix_run import Checked, Outcome, overridden
from lint.models import Diagnostic
from lint.settings import Settings
from lint.source import SourceText
from lint.suppress import unused_diagnostic


def corpus_pass(outcomes: Iterable[Outcome], jobs: list[Job], settings: list[Settings],
                keep_source: bool) -> Iterator[Outcome]:
    facts: list[Mapping[str, Any]] = []
    sources: dict[int, SourceText | None] = {}  # texts that cannot be read again (stdin)
    with tempfile.TemporaryFile(prefix="articlelint-spool-") as spool, \
            tempfile.TemporaryFile(prefix="articlelint-facts-") as facts_spool:
        for index, (job, outcome) in enumerate(zip(jobs, outcomes)):
            result = outcome.checked.result
            facts.append(SpooledFacts.park(facts_spool, result.facts))
            if job.path is None:
                sources[index] = result.source
            _park(spool, outcome, result.source if keep_source else None)
        found, loaded = _run_corpus_rules(jobs, facts, settings, sources)
        spool.seek(0)
        for index, job in enumerate(jobs):
            outcome = _unpark(spool, job, facts[index])
            if index in sources:
                outcome.checked.result.source = sources[index]
            if outcome.checked.result.source is None and index in loaded:
                outcome.checked.result.source = loaded[index]
            _fold(outcome, found.get(index, []), job, settings[job.settings])
            yield outcome


class SpooledFacts(Mapping[str, Any]):
    """One file's corpus facts, written to a spool file and read back (unpickled) on
    each access. In memory they take ~5 KB a file as Python objects (N004: a dict per
    gloss): 250 MB at 50,000 files; spooled, a few ints and the rule codes."""

    __slots__ = ("_spool", "_offset", "_size", "_codes")

    def __init__(self, spool: IO[bytes], offset: int, size: int,
                 codes: tuple[str, ...]) -> None:
        self._spool, self._offset, self._size, self._codes = spool, offset, size, codes

    @classmethod
    def park(cls, spool: IO[bytes], facts: Mapping[str, Any]) -> Mapping[str, Any]:
        if not facts:
            return {}
        data = pickle.dumps(dict(facts), pickle.HIGHEST_PROTOCOL)
        offset = spool.seek(0, 2)  # appended; reads may have moved the position
        spool.write(data)
        return cls(spool, offset, len(data), tuple(facts))

    def _load(self) -> dict[str, Any]:
        self._spool.seek(self._offset)
        loaded: dict[str, Any] = pickle.loads(self._spool.read(self._size))
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
    result = outcome.checked.result
    rows = outcome.rows  # a cache hit's rows, as they are
    if rows is None:
        rows = Payload.of(result.diagnostics, {}, outcome.checked.suppressions)
    pickle.dump((result.path, rows, source, result.summary, outcome.fixed, outcome.text,
                 outcome.diff, outcome.written, outcome.notes), spool,
                pickle.HIGHEST_PROTOCOL)


def _unpark(spool: IO[bytes], job: Job, facts: Mapping[str, Any]) -> Outcome:
    path, rows, source, summary, fixed, text, diff, written, notes = pickle.load(spool)
    # Read back: the facts spool is gone once the pass ends.
    result = FileResult(path, source, rows.diagnostics(), dict(facts.items()))
    result.summary = summary
    return Outcome(Checked(result, rows.suppressions), fixed, text, diff, written, notes)


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
    if found:
        checked.result.diagnostics = sorted(
            [*checked.result.diagnostics, *overridden(found, settings)],
            key=lambda d: d.sort_key())
