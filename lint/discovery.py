"""Which files a run checks: explicit paths as given, directories walked for the include
globs, minus exclude globs and what `.gitignore` files ignore."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lint.inputs import Inputs

if TYPE_CHECKING:
    import pathspec

DEFAULT_INCLUDE = ("**/*.md",)


def gitignore_spec(lines: Sequence[str]) -> pathspec.PathSpec:
    """A gitignore-style spec of `lines`. pathspec is imported here, on first use: only
    walked folders and per-file configuration need it, and its import is ~12 ms of a
    one-file run."""
    return _spec(tuple(lines))


@lru_cache(maxsize=64)
def _spec(lines: tuple[str, ...]) -> pathspec.PathSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


class PathNotFound(Exception):
    pass


class Target(NamedTuple):  # not a dataclass: ~0.5 ms less start-up
    display: str  # the path as shown in output: as given, `/`-separated
    # The file as `str(Path(...))` would write it: a string, not a Path, since a run walks
    # thousands of files and only a few of them need a Path (building and printing one
    # was a third of the planning of a 2,000-file run).
    path: str


def discover(
    paths: Sequence[str],
    include: Sequence[str] | None = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    inputs: Inputs | None = None,
) -> list[Target]:
    """Files to check, sorted by displayed path. A missing path raises PathNotFound.
    `include` None: every file (the caller filters them). `inputs` records the folders
    listed and the `.gitignore`/`.git` entries looked at."""
    seen = inputs if inputs is not None else Inputs()
    found: dict[str, Target] = {}
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise PathNotFound(given)
        if path.is_dir():
            included = None if include is None else gitignore_spec(include)
            excluded = gitignore_spec(exclude) if exclude else None
            for target in _walk(given, included, excluded, seen):
                found.setdefault(target.display, target)
        else:
            # An explicitly named file is checked whatever its name.
            display = given.replace(os.sep, "/")
            found.setdefault(display, Target(display, str(path)))
    return [found[key] for key in sorted(found)]


def _walk(root: str, included: pathspec.PathSpec | None, excluded: pathspec.PathSpec | None,
          seen: Inputs) -> Iterator[Target]:
    """`included`/`excluded` None: no filter (matching a path costs ~5 µs)."""
    base = Path(os.path.abspath(root))
    specs_of: dict[Path, list[tuple[Path, pathspec.PathSpec]]] = {
        base: _ancestor_ignores(base, seen)}
    # os.walk does not follow directory symlinks, so a symlink loop cannot trap it.
    for directory, dirnames, filenames in os.walk(base):
        seen.saw(directory, True)  # its listing: any entry added or removed changes it
        here = Path(directory)
        specs = list(specs_of.pop(here, []))
        own = _read_gitignore(here / ".gitignore", seen)
        if own is not None:
            specs.append((here, own))
        # `(rel_dir / name).as_posix()` as a string: two Path objects a file less.
        rel_dir = here.relative_to(base).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        shown = prefix if root in (".", "./") else f"{root.rstrip('/' + os.sep)}/{prefix}"
        # `os.path.join(directory, name)` is `joined + name` (one join a folder).
        joined = os.path.join(directory, "")
        kept = []
        for name in sorted(dirnames):
            rel = prefix + name + "/"
            if name == ".git" or (excluded is not None and excluded.match_file(rel)) \
                    or _ignored(here / name, True, specs):
                continue
            kept.append(name)
            specs_of[here / name] = specs
        dirnames[:] = kept
        for name in sorted(filenames):
            rel = prefix + name
            if (included is not None and not included.match_file(rel)) \
                    or (excluded is not None and excluded.match_file(rel)):
                continue
            if specs and _ignored(here / name, False, specs):
                continue
            # = `str(here / name)`: `directory` is normalised (os.walk joins the names it
            # lists to the absolute, normalised `base`).
            yield Target((shown + name).replace(os.sep, "/"), joined + name)


def _read_gitignore(path: Path, seen: Inputs) -> pathspec.PathSpec | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        seen.saw(path, False)
        return None
    seen.saw(path, True)
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _is_work_tree(directory: Path, seen: Inputs) -> bool:
    marker = directory / ".git"
    found = marker.exists()
    seen.saw(marker, found)
    return found


def _ancestor_ignores(root: Path, seen: Inputs) -> list[tuple[Path, pathspec.PathSpec]]:
    """`.gitignore` files above `root` that apply to it: those up to the root of the git
    work tree that holds it (none when it is a work tree's root or in none)."""
    if _is_work_tree(root, seen):
        return []
    found: list[tuple[Path, pathspec.PathSpec]] = []
    for directory in root.parents:
        spec = _read_gitignore(directory / ".gitignore", seen)
        if spec is not None:
            found.append((directory, spec))
        if _is_work_tree(directory, seen):
            return found[::-1]
    return []


def _ignored(path: Path, is_dir: bool,
             specs: Sequence[tuple[Path, pathspec.PathSpec]]) -> bool:
    for directory, spec in specs:
        rel = path.relative_to(directory).as_posix()
        if spec.match_file(rel + ("/" if is_dir else "")):
            return True
    return False
