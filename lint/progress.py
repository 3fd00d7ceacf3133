"""A progress bar for long runs: on stderr, only when stderr is a terminal and stdout is
not (piped or redirected output; on a terminal the streamed diagnostics show progress
themselves, and a live bar would tangle with them). Never in tests or CI logs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

MIN_FILES = 200  # shorter runs end before a bar would be worth drawing


def wanted(total: int, out: TextIO, err: TextIO | None = None) -> bool:
    err = err or sys.stderr
    if total < MIN_FILES or "NO_PROGRESS" in os.environ or os.environ.get("CI"):
        return False
    return _isatty(err) and not _isatty(out)


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


def track(items: Iterable[T], total: int, out: TextIO, label: str = "checking") -> Iterator[T]:
    """`items`, advancing a bar on stderr per item when `wanted`."""
    if not wanted(total, out):
        yield from items
        return
    from rich.console import Console  # only runs that draw a bar pay for rich
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeRemainingColumn

    console = Console(file=sys.stderr)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True, redirect_stdout=False,
                  redirect_stderr=False) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
