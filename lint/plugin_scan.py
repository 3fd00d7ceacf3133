"""Whether any installed distribution may declare an entry-point group, without importing
`importlib.metadata`.

`importlib.metadata.entry_points(group=...)` costs a one-file run ~20 ms (its import pulls
in `email`, `zipfile`, `csv`, ... and it parses every distribution's metadata), yet almost
always finds no `articlelint.rules` plugin. `may_declare` looks where it looks (the
`*.dist-info`/`*.egg-info` folders of the `sys.path` folders, and `EGG-INFO` of `*.egg`
folders) and reads only their `entry_points.txt` bytes: a group is declared only under a
`[group]` header, so a file without the group's name cannot declare it. Whenever it cannot
tell cheaply (a zip archive on `sys.path`, a distribution finder besides the standard
one, an undecodable file) it answers True, and the caller asks `importlib.metadata`,
whose answer is then the only one that counts.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import PathFinder

TYPE_CHECKING = False  # typing itself is not imported at run time
if TYPE_CHECKING:
    from collections.abc import Iterator


def may_declare(group: str) -> bool:
    """False only when no distribution that `importlib.metadata` would find declares
    `group`; True when one may (then ask `importlib.metadata`)."""
    if any(getattr(finder, "find_distributions", None) is not None
           and finder is not PathFinder for finder in sys.meta_path):
        return True  # another finder may yield distributions we cannot see here
    needle = group.encode("utf-8")
    for path in _metadata_folders():
        if path is None:
            return True
        try:
            with open(os.path.join(path, "entry_points.txt"), "rb") as handle:
                data = handle.read()
        except OSError:
            continue  # importlib.metadata reads a missing or unreadable file as empty
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return True  # importlib.metadata would fail on it: let it say so
        if needle in data:
            return True
    return False


def _metadata_folders() -> Iterator[str | None]:
    """The metadata folders `importlib.metadata` searches, in `sys.path` order; None for a
    `sys.path` entry it would search that this module does not (a zip archive)."""
    for entry in sys.path:
        if not isinstance(entry, str):
            yield None  # bytes or path objects: rare, left to importlib.metadata
            continue
        root = entry or "."
        try:
            children = os.listdir(root)
        except OSError:
            if os.path.isfile(root):
                yield None  # importlib.metadata looks inside zip archives
            continue
        base_is_egg = os.path.basename(entry).lower().endswith(".egg")
        for child in children:
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")) or (base_is_egg
                                                             and low == "egg-info"):
                yield os.path.join(root, child)
