"""What the warm-run fast path (`lint.fastpath`) and its recorder (`lint.fastpath_record`)
agree on: when a run may be replayed, the key that names its snapshot, where snapshots
live and how a file's state is compared.

This module is imported before anything heavy on every `check` run, so it uses the
standard library only (no pathlib, no pydantic, no configuration parsing).

A file's state is its full `os.stat` identity: type and mode, size, mtime, ctime, inode
and device. ctime cannot be set from user space and changes on every write, chmod,
rename or link, so an edit that restores the mtime (`touch -r`, `cp -p`) is still seen.
A state is trusted only when the file last changed at least `RACY_NS` before the run
that recorded it started: a change during that run (or within one timestamp tick of its
start) then always shows up as a different state.
"""

from __future__ import annotations

import os
import sys
import time
import zlib

from lint import __version__

TYPE_CHECKING = False  # typing itself is not imported at run time: it costs milliseconds
if TYPE_CHECKING:
    import argparse
    from typing import Any, TextIO

FORMAT = 1  # bump when the snapshot layout or the key changes
RACY_NS = 2_000_000_000  # 2 s, as for the per-file cache (`lint.cache.RACY_NS`)
FOLDER = "replay"  # inside the cache folder; its `.gitignore` keeps it out of walks
MAGIC = b"ALSNAP01"  # a snapshot file starts with this, then two 8-byte lengths
PREFIX = len(MAGIC) + 16
CONFIG_NAMES = ("articlelint.toml", "pyproject.toml")  # `lint.config` reads them in this order
CACHE_ENVIRONMENT = "ARTICLELINT_CACHE_DIR"
CACHE_FOLDER_NAME = ".articlelint_cache"

# Environment variables that change what a run prints: the default format, colour and
# width (rich reads the rest), the progress bar, and how stdout encodes text.
ENVIRONMENT = (
    "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "COLUMNS", "LINES",
    "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES",
    "DATABRICKS_RUNTIME_VERSION", "CI", "NO_PROGRESS", "PYTHONIOENCODING", "PYTHONUTF8",
    "LANG", "LC_ALL", "LC_CTYPE", CACHE_ENVIRONMENT,
)
# Options that never change the output (the cache folder is part of the key anyway).
NEUTRAL_OPTIONS = ("jobs", "cache_dir", "no_cache")

State = tuple[int, int, int, int, int, int]  # mode, size, mtime, ctime, inode, device


def state(path: str) -> State | None:
    """The file's identity (following symlinks), or None when it cannot be stat'ed."""
    try:
        s = os.stat(path)
    except (OSError, ValueError):
        return None
    return (s.st_mode, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino, s.st_dev)


def settled(found: State, started_ns: int) -> bool:
    """Whether a state taken after a run that started at `started_ns` proves the file did
    not change during that run (nor within a timestamp tick before it)."""
    return max(found[2], found[3]) <= started_ns - RACY_NS


def now_ns() -> int:
    return time.time_ns()


def eligible(args: argparse.Namespace) -> bool:
    """Runs whose whole output can be replayed: not those that write files or read
    stdin, nor `--no-cache` ones (they must neither read nor write the cache)."""
    return not (args.fix or args.diff or args.write_baseline or args.no_cache
                or "-" in args.paths)


def effective_format(args: argparse.Namespace, out: TextIO) -> str:
    """As `lint.report.default_format` decides it, without importing the reporters."""
    if args.output_format:
        return str(args.output_format)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "full" if isatty(out) else "concise"


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def run_key(args: argparse.Namespace, out: TextIO, folder: str,
            code: tuple[str, ...]) -> tuple[Any, ...]:
    """Everything besides the files on disk that decides a run's output: the options, the
    working directory, the environment, the terminal, the interpreter and the tool."""
    options = tuple(sorted((name, repr(value)) for name, value in vars(args).items()
                           if name not in NEUTRAL_OPTIONS))
    output = effective_format(args, out)
    size = _terminal_size() if output == "full" else None
    return (
        FORMAT, __version__, os.getcwd(), options, output, size,
        tuple(os.environ.get(name) for name in ENVIRONMENT),
        isatty(out), isatty(sys.stderr), encoding_of(out),
        sys.version, sys.executable, sys.prefix, tuple(sys.path), sys.flags.utf8_mode,
        sys.flags.optimize, folder, code,
    )


def encoding_of(out: Any) -> tuple[str, str]:
    """How text written to `out` becomes bytes (a StringIO keeps text: any lossless
    codec will do)."""
    encoding = getattr(out, "encoding", None)
    if not isinstance(encoding, str) or not encoding:
        return ("utf-8", "surrogatepass")
    errors = getattr(out, "errors", None)
    return (encoding, errors if isinstance(errors, str) and errors else "strict")


def snapshot_name(key: tuple[Any, ...]) -> str:
    """A file name for the key. Two keys that share a name only replace each other's
    snapshot: the whole key is stored in it and compared (hashlib would cost more to
    import than the whole check)."""
    data = repr(key).encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}.snapshot"


def _terminal_size() -> tuple[int, int] | None:
    """What rich measures for the `full` format's frames: the first standard stream that
    is a terminal."""
    for descriptor in (0, 1, 2):
        try:
            size = os.get_terminal_size(descriptor)
        except (AttributeError, ValueError, OSError):
            continue
        return (size.columns, size.lines)
    return None


# -- the tool's own code ------------------------------------------------------------------


def code_roots() -> tuple[str, ...]:
    """The folders of the `lint` and `rules` packages (where `rules` would be imported
    from, without importing it)."""
    roots = list(getattr(sys.modules.get("lint"), "__path__", ()) or ())
    rules = sys.modules.get("rules")
    if rules is not None:
        roots += list(getattr(rules, "__path__", ()) or ())
    else:
        roots += _package_folders("rules")
    return tuple(os.path.abspath(root) for root in roots)


def _package_folders(name: str) -> list[str]:
    """Where the import system would find package `name` (importlib.util.find_spec without
    importing importlib.util)."""
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        if find is None:
            continue
        try:
            spec = find(name, None)
        except (ImportError, ValueError):
            continue
        if spec is not None:
            return list(spec.submodule_search_locations or ())
    return []


def code_files(roots: tuple[str, ...]) -> list[str]:
    """Every folder and file under the code roots (modules and the rules' data files), but
    compiled caches: an edited checkout (where the version does not change) must never
    replay output of the old code."""
    found: list[str] = []
    for root in roots:
        for directory, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            found.append(directory)
            found += [os.path.join(directory, name) for name in sorted(filenames)]
    return found


# -- installed distributions (plugins and the libraries that shape output) ----------------

Distributions = list[tuple[str, State | None, tuple[str, ...]]]


def distributions(known: Distributions | None = None) -> Distributions:
    """Per `sys.path` folder: its state and the names of the distributions it holds
    (`name-version.dist-info`). Installing, removing or upgrading any package changes
    them. `known`: a previous answer whose names are reused for a folder whose settled
    state has not changed (listing the current directory can be long)."""
    previous = {entry: (found, names) for entry, found, names in known or ()}
    result: Distributions = []
    for entry in sys.path:
        folder = entry or "."
        found = state(folder)
        if found is None or not _is_folder(found):
            result.append((entry, None, ()))
            continue
        old = previous.get(entry)
        if old is not None and old[0] is not None and old[0] == found:
            result.append((entry, found, old[1]))
            continue
        try:
            names = tuple(sorted(n for n in os.listdir(folder)
                                 if n.endswith((".dist-info", ".egg-info"))))
        except OSError:
            names = ()
        result.append((entry, found, names))
    return result


def distribution_files(found: Distributions) -> list[str]:
    """Files to watch besides the folders' listings: where the distributions declare their
    entry points (a plugin may be re-registered under the same version), and the
    `sys.path` entries that are not folders (a zip archive of packages)."""
    files = [os.path.join(entry or ".", name, "entry_points.txt")
             for entry, _, names in found for name in names]
    return files + [entry for entry, folder, _ in found if folder is None and entry]


def _is_folder(found: State) -> bool:
    return (found[0] & 0o170000) == 0o040000


# -- where the cache lives ----------------------------------------------------------------


def quick_cache_folder(args: argparse.Namespace) -> str | None:
    """`lint.cache_setup.cache_folder` without reading configuration: the nearest
    `articlelint.toml`, or `pyproject.toml` with an `articlelint` table, at or above the
    current directory. None when that cannot be told cheaply; a wrong guess only misses,
    since the folder is part of the key and the recorder stores the real one."""
    if args.cache_dir:
        return os.path.abspath(args.cache_dir)
    if os.environ.get(CACHE_ENVIRONMENT):
        return os.path.abspath(os.environ[CACHE_ENVIRONMENT])
    if args.config:
        return os.path.join(os.path.dirname(os.path.abspath(args.config)),
                            CACHE_FOLDER_NAME)
    folder = os.getcwd()
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                has = _has_table(candidate) if name == "pyproject.toml" else True
                if has is None:
                    return None
                if has:
                    return os.path.join(folder, CACHE_FOLDER_NAME)
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.path.join(os.getcwd(), CACHE_FOLDER_NAME)
        folder = parent


def _has_table(path: str) -> bool | None:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if b"articlelint" not in data and b"\\" not in data:
        return False  # the key cannot be spelt without those bytes
    import tomllib

    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    tool = document.get("tool")
    return isinstance(tool, dict) and "articlelint" in tool
