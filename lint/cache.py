"""The persistent result cache (`.articlelint_cache/`).

One entry per checked file holds what linting it produced before the corpus pass: its
diagnostics, its corpus-rule facts and its inline suppressions (so corpus diagnostics are
still suppressed, and reported as unused, on a warm run). An entry's name is a hash of
everything its result depends on: the run's fingerprint (`lint.cache_key`: tool version,
code, plugin versions, resolved settings), the displayed path, the per-file ignores and
the file's content hash. A changed file, config or version therefore simply misses.

An index per fingerprint maps each file to its last (size, mtime_ns, ctime_ns, inode) and
content hash, so that a warm run need not even read an unchanged file. The ctime changes
on every write and cannot be set back, so an edit that keeps the size and restores the
mtime (`touch -r`, `cp -p`, `rsync -t`) is still seen. A stat key is trusted only when the
file last changed at least `RACY_NS` before the run that recorded it started: a file
rewritten within the same timestamp tick as it was read keeps its stat key, and is caught
because such a recent file is always re-hashed.

Concurrent runs: every write goes to a temporary file in the same folder and is then
renamed over the target, so a reader sees a whole old file or a whole new one. Two runs
racing on the index lose, at worst, each other's index updates (those files are hashed
again next time). Anything that cannot be read back (a truncated or foreign file) is a
miss and is rebuilt. A cache that cannot be written (read-only folder) is skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from lint.models import Diagnostic
from lint.rows import ROW_SIZE, Row, from_rows, to_rows

FORMAT = 1  # bump when the layout or the pickled payload changes
RACY_NS = 2_000_000_000  # 2 s: coarser than any common filesystem's mtime tick (FAT: 2 s)

StatKey = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def stat_key(stat: os.stat_result) -> StatKey:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


@dataclass(slots=True)
class Payload:
    """A cached file result, before the corpus pass. Diagnostics are kept as plain tuples:
    unpickling pydantic models costs twice as much as building them again."""

    rows: list[Row]
    facts: dict[str, Any]
    suppressions: Any  # lint.suppress.Suppressions | None

    @classmethod
    def of(cls, diagnostics: list[Diagnostic], facts: dict[str, Any],
           suppressions: Any) -> Payload:
        return cls(to_rows(diagnostics), facts, suppressions)

    def diagnostics(self) -> list[Diagnostic]:
        return from_rows(self.rows)


@dataclass(slots=True)
class Probe:
    """What `Cache.probe` learnt about a file: its entry name when there is an entry."""

    entry: str | None
    content: str | None  # content hash, when known
    stat: StatKey | None


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entries = folder / f"v{FORMAT}"
        self._indexes: dict[str, dict[str, tuple[StatKey, str, bool]]] = {}
        self._dirty: set[str] = set()
        self.writable = True
        self.started = time.time_ns()  # before any file of the run is stat'ed

    # -- lookups --------------------------------------------------------------------------

    def index(self, fingerprint: str) -> dict[str, tuple[StatKey, str, bool]]:
        found = self._indexes.get(fingerprint)
        if found is None:
            found = self._indexes[fingerprint] = _read_index(self._index_path(fingerprint))
        return found

    def probe(self, fingerprint: str, display: str, path: str | Path,
              ignored: frozenset[str]) -> Probe:
        """The entry that holds the result of `path`, if any. Reads (and hashes) the file
        only when its stat key is not trusted."""
        try:
            stat = os.stat(path)
        except OSError:
            return Probe(None, None, None)
        key, absolute = stat_key(stat), os.path.abspath(path)
        known = self.index(fingerprint).get(absolute)
        if known is not None and known[0] == key and known[2]:
            content = known[1]
        else:
            try:
                with open(path, "rb") as handle:
                    content = digest(handle.read())
            except OSError:
                return Probe(None, None, None)
            if stat_key(os.stat(path)) != key:
                return Probe(None, None, None)  # changing under us: lint it for real
        name = entry_name(fingerprint, display, ignored, content)
        if not self._entry_path(name).is_file():
            return Probe(None, content, key)
        self.remember(fingerprint, absolute, key, content)
        return Probe(name, content, key)

    def load(self, name: str) -> Payload | None:
        """The payload of entry `name`, or None if it is missing or unreadable."""
        try:
            with open(self._entry_path(name), "rb") as handle:
                stored = pickle.load(handle)
        except Exception:  # truncated, foreign or from an incompatible version: a miss
            return None
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == name
                and isinstance(stored[1], Payload) and isinstance(stored[1].rows, list)
                and isinstance(stored[1].facts, dict)
                and all(type(row) is tuple and len(row) == ROW_SIZE for row in stored[1].rows)):
            return None
        return stored[1]

    # -- updates --------------------------------------------------------------------------

    def remember(self, fingerprint: str, absolute: str, key: StatKey, content: str) -> None:
        # Relative to when this run started, not to now: a file read early in a long run
        # may have been rewritten since, within one tick of the state recorded for it.
        trusted = max(key[1], key[2]) <= self.started - RACY_NS
        index = self.index(fingerprint)
        if index.get(absolute) != (key, content, trusted):
            index[absolute] = (key, content, trusted)
            self._dirty.add(fingerprint)

    def store(self, fingerprint: str, display: str, path: str | Path,
              ignored: frozenset[str],
              key: StatKey, content: str, payload: Payload) -> None:
        if not self.writable:
            return
        name = entry_name(fingerprint, display, ignored, content)
        try:
            self._write(self._entry_path(name), pickle.dumps((name, payload, FORMAT),
                                                             pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            self.writable = False  # a read-only or full disk: carry on without the cache
            return
        self.remember(fingerprint, os.path.abspath(path), key, content)

    def close(self) -> None:
        """Write the indexes that changed."""
        if not self.writable:
            return
        for fingerprint in sorted(self._dirty):
            data = pickle.dumps((FORMAT, self._indexes[fingerprint]), pickle.HIGHEST_PROTOCOL)
            try:
                self._write(self._index_path(fingerprint), data)
            except OSError:
                return
        self._dirty.clear()

    # -- files ----------------------------------------------------------------------------

    def _index_path(self, fingerprint: str) -> Path:
        return self.entries / f"index-{fingerprint[:32]}.pickle"

    def _entry_path(self, name: str) -> Path:
        return self.entries / name[:2] / f"{name}.pickle"

    def _write(self, target: Path, data: bytes) -> None:
        prepare_folder(self.folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace(target, data)


def prepare_folder(folder: Path) -> None:
    """Create the cache folder with its `.gitignore` of `*`: git, and articlelint's own
    walk of the folders it checks, leave what is inside alone."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        _replace(ignore, b"# Created by articlelint: the cache is not for git.\n*\n")


def entry_name(fingerprint: str, display: str, ignored: frozenset[str], content: str) -> str:
    parts = "\0".join([fingerprint, display, ",".join(sorted(ignored)), content])
    return hashlib.blake2b(parts.encode("utf-8", "surrogatepass"),
                           digest_size=20).hexdigest()


def _replace(target: Path, data: bytes) -> None:
    """Write `data` to `target` atomically."""
    replace_with(target, lambda out: out.write(data))


def replace_with(target: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Replace `target` atomically with what `write` writes: a temporary file in the same
    folder, renamed, so a concurrent reader sees the old file or the whole new one. No
    fsync: after a power loss an entry may be lost or torn, and readers take a torn one
    for a miss."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _read_index(path: Path) -> dict[str, tuple[StatKey, str, bool]]:
    try:
        with open(path, "rb") as handle:
            stored = pickle.load(handle)
    except Exception:  # missing or corrupt: start afresh
        return {}
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == FORMAT \
            and isinstance(stored[1], dict):
        return stored[1]
    return {}
