"""The files and folders a `check` run looked at, and whether it found them: configuration
candidates, `.gitignore` files, walked folders. The warm-run recorder
(`lint.fastpath_record`) watches them, so that a replayed run is one whose every input is
as it was. Planning code records into an `Inputs` when it is given one, else nothing."""

from __future__ import annotations

import os


class Inputs:
    def __init__(self) -> None:
        self.seen: dict[str, bool] = {}  # path -> found (a file read, a folder listed)
        self.conflict = False  # one path seen both present and absent: do not record

    def saw(self, path: str | os.PathLike[str], present: bool) -> None:
        name = os.fspath(path)
        if self.seen.setdefault(name, present) != present:
            self.conflict = True
