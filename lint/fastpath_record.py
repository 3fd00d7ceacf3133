"""Recording a `check` run so that `lint.fastpath` can replay it.

A run's output is a function of its inputs: the options, environment and terminal (the
key, `lint.fastpath_key.run_key`), the tool's code and the installed distributions, and
the files and folders it read (configuration candidates, `.gitignore` files, walked
folders, linted files, glossaries, the baseline, plugin modules). While the run goes, its
stdout is copied to a spool and `lint.inputs.Inputs` collects what planning looked at.
At the end every input is stat'ed once more; the run is stored as a snapshot only if

- every input is found as the run found it (present or absent), and
- every present one last changed at least `RACY_NS` before the run started, so that
  nothing the run read can have changed while it ran (`fastpath_key.settled`), and
- the installed distributions are those of the start, and the run exited 0 or 1.

A snapshot file (in `<cache>/replay/`, named by the key) is `MAGIC`, the lengths of the
header and the body, the header (marshal: the key, the distributions, the watched paths
and their states, stderr and the exit code) and the body (stdout, as bytes). It is
written to a temporary file and renamed, so readers see a whole file or none.
"""

from __future__ import annotations

import argparse
import marshal
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any, TextIO, cast

from lint.cache import prepare_folder, replace_with
from lint.fastpath_key import (
    FOLDER,
    FORMAT,
    MAGIC,
    State,
    code_files,
    code_roots,
    distribution_files,
    distributions,
    encoding_of,
    now_ns,
    run_key,
    settled,
    snapshot_name,
    state,
)
from lint.inputs import Inputs

SPOOL_MEMORY = 8 * 1024 * 1024  # output beyond this is spooled to a temporary file
KEEP = 32  # snapshots kept per cache folder (one per distinct command line)
STALE_TEMPORARY_S = 3600  # a temporary file this old was left by a killed run


class Watched:
    """Files a run read besides those planning recorded, with whether it found them
    (None: either way, as long as it stays so)."""

    def __init__(self) -> None:
        self.paths: dict[str, bool | None] = {}

    def present(self, path: str) -> None:
        self.paths[path] = True

    def either(self, path: str) -> None:
        self.paths.setdefault(path, None)


class SnapshotRecorder:
    def __init__(self, args: argparse.Namespace, out: TextIO, started: int, folder: Path,
                 inputs: Inputs) -> None:
        self.started, self.folder, self.inputs = started, folder, inputs
        self.roots = code_roots()
        self.key = run_key(args, out, os.path.abspath(folder), self.roots)
        self.distributions = distributions()
        self.codec = encoding_of(out)
        self.spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY)
        self.broken = False  # the output could not be copied: never store this run

    def tee(self, out: TextIO) -> TextIO:
        return cast(TextIO, _Tee(out, self))

    def copy(self, text: str) -> None:
        if self.broken:
            return
        try:
            self.spool.write(text.encode(*self.codec))
        except (UnicodeError, OSError):
            self.broken = True

    def finish(self, code: int, errors: list[str], watched: Watched,
               replayable: bool = True) -> None:
        """Store the run if it proved replayable (`replayable=False`: the caller knows it
        is not); a cache that cannot be written is skipped, as the per-file cache is."""
        try:
            if replayable and code in (0, 1) and not self.broken \
                    and not self.inputs.conflict:
                found = self._inputs(watched)
                if found is not None:
                    self._store(code, "".join(errors), found)
        except OSError:
            pass
        finally:
            self.spool.close()

    def _inputs(self, watched: Watched) -> tuple[list[str], list[State | None]] | None:
        """Every input's state now, or None if one shows the run cannot be replayed."""
        now = distributions()
        if [(e, n) for e, _, n in now] != [(e, n) for e, _, n in self.distributions]:
            return None  # a package was installed or removed while the run went
        expected: dict[str, bool | None] = dict(self.inputs.seen)
        for path, found in watched.paths.items():
            if found is None:
                expected.setdefault(path, None)
            elif expected.get(path, found) != found:
                return None  # seen absent by planning, then read by linting
            else:
                expected[path] = found
        for path in code_files(self.roots):
            expected[path] = True
        for path in distribution_files(now):
            expected.setdefault(path, None)
        paths, states = list(expected), []
        for path in paths:
            found_state = state(path)
            if expected[path] is not None and (found_state is not None) != expected[path]:
                return None
            if found_state is not None and not settled(found_state, self.started):
                return None
            states.append(found_state)
        self.distributions = now
        return paths, states

    def _store(self, code: int, errors: str,
               found: tuple[list[str], list[State | None]]) -> None:
        dists = [(entry, s if s is not None and settled(s, self.started) else None, names)
                 for entry, s, names in self.distributions]
        header = marshal.dumps((FORMAT, self.key, dists, found[0], found[1], errors, code))
        body = self.spool.seek(0, os.SEEK_END)
        prepare_folder(self.folder)
        folder = self.folder / FOLDER
        folder.mkdir(exist_ok=True)

        def write(target: IO[bytes]) -> None:
            target.write(MAGIC + len(header).to_bytes(8, "little")
                         + body.to_bytes(8, "little"))
            target.write(header)
            self.spool.seek(0)
            shutil.copyfileobj(self.spool, target)

        replace_with(folder / snapshot_name(self.key), write)
        _prune(folder)


def _prune(folder: Path) -> None:
    """Keep the `KEEP` newest snapshots (a pre-commit hook names different files each
    time) and drop temporary files that killed runs left."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    snapshots: list[tuple[int, str]] = []
    stale = now_ns() - STALE_TEMPORARY_S * 1_000_000_000
    for entry in entries:
        try:
            mtime = entry.stat().st_mtime_ns
        except OSError:
            continue
        if entry.name.endswith(".snapshot"):
            snapshots.append((mtime, entry.path))
        elif entry.name.startswith(".tmp-") and mtime < stale:
            _unlink(entry.path)
    for _, path in sorted(snapshots, reverse=True)[KEEP:]:
        _unlink(path)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class _Tee:
    """The run's stdout, copying what is written to the recorder."""

    def __init__(self, out: TextIO, recorder: SnapshotRecorder) -> None:
        self._out, self._recorder = out, recorder

    def write(self, text: str) -> int:
        written = self._out.write(text)
        self._recorder.copy(text)
        return written

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._out, name)
