"""`lint.batch.run_jobs` behind the persistent cache: files whose entry exists are
answered from it, in this process; the rest go through the pipeline (in workers when
there are enough of them) and are stored. Outcomes come out in the order of the jobs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from lint.batch import Job, process, run_jobs
from lint.cache import Cache, Payload, Probe
from lint.engine import FileResult
from lint.engine_rules import InternalError
from lint.fix_run import Checked, Mode, Outcome
from lint.fixer import applicable
from lint.settings import Settings
from lint.source import DecodeError, SourceText


def run_cached(jobs: Sequence[Job], settings: Sequence[Settings], mode: Mode, workers: int,
               cache: Cache, fingerprints: Sequence[str],
               keep_source: bool, lazy: bool = False) -> Iterator[Outcome]:
    """`keep_source`: a hit carries its decoded text (re-read from disk) because the
    output needs it (frames, baselines); otherwise its `source` is None. `lazy`: as for
    `run_jobs`, hits and workers' results may come as `Outcome.rows`."""
    probes: list[Probe | None] = []
    misses: list[Job] = []
    for job in jobs:
        probe = _probe(cache, job, fingerprints, mode)
        probes.append(probe)
        if probe is None or probe.entry is None:
            misses.append(job)
    fresh = run_jobs(misses, settings, mode, workers, keep_source, lazy)
    volatile = [clock_codes(s) for s in settings]
    try:
        for job, probe in zip(jobs, probes):
            outcome = None
            if probe is not None and probe.entry is not None:
                outcome = _from_entry(cache, probe.entry, job, keep_source, lazy)
                if outcome is None:  # vanished or corrupt since the probe: lint it here
                    outcome = process(job, settings, mode)
            else:
                outcome = next(fresh)
            if probe is None or probe.entry is None or outcome.content is not None:
                _store(cache, job, fingerprints[job.settings], outcome, mode,
                       volatile[job.settings])
            yield outcome
    finally:
        cache.close()


def _probe(cache: Cache, job: Job, fingerprints: Sequence[str], mode: Mode) -> Probe | None:
    if job.path is None:  # stdin
        return None
    probe = cache.probe(fingerprints[job.settings], job.display, job.path, job.ignored)
    if probe.entry is not None and mode.fixing:
        # A file with something to fix must go through the fixer: only clean hits count.
        payload = cache.load(probe.entry)
        if payload is None or any(applicable(d.fix, mode.unsafe) for d in payload.diagnostics()):
            probe.entry = None
    return probe


def _from_entry(cache: Cache, name: str, job: Job, keep_source: bool,
                lazy: bool) -> Outcome | None:
    """The outcome an entry holds. `lazy`: its consumer takes rows (the corpus pass parks
    them, `check` prints them): leave its diagnostics as rows (`Outcome.rows`)."""
    payload = cache.load(name)
    if payload is None:
        return None
    source = None
    if keep_source:
        source = load_source(job.path)
        if source is None:
            return None
    if lazy:
        result = FileResult(job.display, source, [], dict(payload.facts))
        return Outcome(Checked(result, payload.suppressions), rows=payload.rows)
    try:
        diagnostics = payload.diagnostics()
    except Exception:  # an entry that unpickled but does not hold what we wrote: a miss
        return None
    result = FileResult(job.display, source, diagnostics, dict(payload.facts))
    return Outcome(Checked(result, payload.suppressions))


def load_source(path: str | Path | None) -> SourceText | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return SourceText.decode(handle.read())
    except (OSError, DecodeError):
        return None


def clock_codes(settings: Settings) -> frozenset[str]:
    """The codes of the selected rules whose findings may change with the date alone."""
    return frozenset(rule.code for rule in settings.rules if rule.depends_on_clock)


def _store(cache: Cache, job: Job, fingerprint: str, outcome: Outcome, mode: Mode,
           volatile: frozenset[str]) -> None:
    """Keep the outcome of a file linted as it is on disk: not one that was fixed (its
    diagnostics are those of the new text), failed or could not be read or decoded
    (those have no content hash), nor one with a finding of a rule in `volatile`
    (`Rule.depends_on_clock`)."""
    result = outcome.checked.result
    if job.path is None or outcome.content is None or outcome.stat is None:
        return
    if outcome.text is not None or (mode.fixing and outcome.fixed):
        return
    codes = {row[0] for row in outcome.rows} if outcome.rows is not None \
        else {d.code for d in result.diagnostics}
    if InternalError.code in codes or not volatile.isdisjoint(codes):
        return
    if outcome.rows is not None:  # from a worker
        payload = Payload(outcome.rows, dict(result.facts), outcome.checked.suppressions)
    else:
        payload = Payload.of(result.diagnostics, dict(result.facts), outcome.checked.suppressions)
    cache.store(fingerprint, job.display, job.path, job.ignored, outcome.stat,
                outcome.content, payload)
