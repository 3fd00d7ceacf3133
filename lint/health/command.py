"""`articlelint report`: lint and draw the health report, or compare two JSON results."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from lint.cli import EXIT_OK, UsageError
from lint.config import ConfigError
from lint.discovery import PathNotFound
from lint.batch import default_jobs
from lint.registry import RegistryError
from lint.settings import Selection


def run_report(args: argparse.Namespace, out: TextIO) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    if args.top < 0:
        raise UsageError(f"--top must be at least 0, not {args.top}")
    form = args.format or ("html" if args.output else "text")
    try:
        if args.compare:
            document = _compare(args, form)
        else:
            document = _report(args, form)
    except (ConfigError, RegistryError) as error:
        raise UsageError(str(error)) from None
    except PathNotFound as missing:
        raise UsageError(f"no such file or directory: {missing}") from None
    _write(args.output, out, document)
    if args.output and not args.quiet:
        size = len(document.encode("utf-8"))
        print(f"articlelint: wrote {args.output} ({size / 1024:,.0f} KiB)", file=sys.stderr)
    return EXIT_OK


def _selection(args: argparse.Namespace) -> Selection:
    return Selection(args.select, args.ignore, args.extend_select)


def _report(args: argparse.Namespace, form: str) -> str:
    from lint.health.collect import collect

    paths = args.paths or ["."]
    if "-" in paths:
        raise UsageError("report reads files and folders, not stdin (-)")
    collected = collect(paths, _selection(args), args.config, args.jobs or default_jobs(),
                        args.top)
    if collected.tally.files == 0 and not args.quiet:
        print("articlelint: warning: no files to check", file=sys.stderr)
    if form == "html":
        from lint.health.page import render_page

        return render_page(collected)
    from lint.health.text import render_text

    return render_text(collected, *_terminal(args))


def _compare(args: argparse.Namespace, form: str) -> str:
    from lint.health.compare import CompareError, compare_files

    if args.paths:
        raise UsageError("--compare takes OLD.json and NEW.json, not PATHs to lint")
    old, new = args.compare
    try:
        comparison = compare_files(Path(old), Path(new), _selection(args), args.config)
    except CompareError as error:
        raise UsageError(str(error)) from None
    if form == "html":
        from lint.health.compare_page import render_compare_page

        return render_compare_page(comparison)
    from lint.health.compare_text import render_compare_text

    return render_compare_text(comparison, *_terminal(args))


def _terminal(args: argparse.Namespace) -> tuple[int, bool]:
    """Width and colour of the text format: the terminal's, or 120 columns without colour
    when written to a file or a pipe."""
    if args.output is None and sys.stdout.isatty():
        return shutil.get_terminal_size().columns, "NO_COLOR" not in os.environ
    return 120, False


def _write(target: str | None, out: TextIO, document: str) -> None:
    if target is None or target == "-":
        out.write(document)
        return
    path = Path(target)
    try:
        path.write_text(document, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None

