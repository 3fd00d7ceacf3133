"""The `articlelint` command line."""

from __future__ import annotations

import argparse
import os
import sys

from lint import __version__

TYPE_CHECKING = False  # typing itself is not imported at run time (~3 ms of a replayed run)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, NoReturn, TextIO

EXIT_OK, EXIT_FOUND, EXIT_FAILURE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line use: printed as one line, exit code 2."""


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, at the width `shutil.get_terminal_size` reports, without
    importing shutil (with bz2 and lzma, ~3 ms of a replayed run): argparse makes a
    formatter for every argument it adds."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _columns() - 2 if width is None else width)


def _columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS when positive, else the width of the
    terminal on the original stdout, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)  # sub-commands' parsers too
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="articlelint",
                     description="A linter for archived news articles.")
    parser.add_argument("--version", action="version", version=f"articlelint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check article files")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="files or directories (default: .); - reads stdin")
    _add_selection(check)
    check.add_argument("--output-format",
                       choices=("full", "concise", "json", "sarif", "github", "junit"),
                       help="default: full on a terminal, concise otherwise, github when "
                            "GITHUB_ACTIONS=true")
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="the name to report (and match config against) for stdin")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when diagnostics are found")
    check.add_argument("--max-warnings", type=int, metavar="N",
                       help="exit 1 when there are more than N warnings")
    check.add_argument("--fix", action="store_true",
                       help="apply safe fixes (with -: print the fixed text to stdout)")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff: apply unsafe fixes too")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff, write nothing "
                            "(exit 1 if anything would change)")
    check.add_argument("--baseline", metavar="FILE",
                       help="report only diagnostics that FILE does not record")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="record the current diagnostics in FILE and exit 0")
    check.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the result cache")
    check.add_argument("--cache-dir", metavar="DIR",
                       help="the result cache's folder (default: .articlelint_cache in the "
                            "config file's folder, else in the current directory)")
    check.add_argument("--statistics", action="store_true", help="counts per rule")
    check.add_argument("--quiet", action="store_true", help="no summary line")

    _add_report(commands)
    commands.add_parser("rules", help="list the available rules")
    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("selector", metavar="CODE|NAME")
    commands.add_parser("schema", help="print the JSON Schema of --output-format json")
    commands.add_parser("server", help="run the language server over stdio (the `lsp` extra)")
    return parser


def _add_selection(command: argparse.ArgumentParser) -> None:
    """Which rules run with which configuration, in how many processes: the options that
    `check` and `report` share, so both lint the same way."""
    command.add_argument("--select", type=_codes, action="extend",
                         help="only these rules (codes, names, prefixes, ALL)")
    command.add_argument("--extend-select", type=_codes, action="extend", default=[],
                         help="rules to add to the selection")
    command.add_argument("--ignore", type=_codes, action="extend", default=[],
                         help="rules to leave out")
    command.add_argument("--jobs", "-j", type=int, metavar="N",
                         help="worker processes (default: the number of CPUs)")
    command.add_argument("--config", metavar="FILE",
                         help="use this pyproject.toml or articlelint.toml for every file "
                              "(default: the nearest one above each file)")


def _add_report(commands: argparse._SubParsersAction[_Parser]) -> None:
    report = commands.add_parser("report", help="the archive health report (HTML or text)")
    report.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories to lint (default: .)")
    report.add_argument("--output", "-o", metavar="FILE",
                        help="write the report to FILE (default: stdout)")
    report.add_argument("--format", choices=("html", "text"),
                        help="default: html with --output, text otherwise")
    report.add_argument("--compare", nargs=2, metavar=("OLD.json", "NEW.json"),
                        help="what got better and worse between two `check "
                             "--output-format json` results")
    report.add_argument("--top", type=int, default=50, metavar="N",
                        help="how many of the files with the most errors to show (50)")
    _add_selection(report)
    report.add_argument("--quiet", action="store_true", help="no note on stderr")


def _write_every_character() -> None:
    """Articles are Chinese: a standard stream whose encoding cannot hold every character
    (`PYTHONIOENCODING=ascii`, a C or Latin-1 locale without UTF-8 mode) would raise
    UnicodeEncodeError at the first Han character, a traceback in the middle of the
    output. Such a stdout writes UTF-8, the encoding of the articles themselves and the
    one JSON and SARIF readers expect; such a stderr, which only carries messages for the
    terminal, writes what it cannot encode as backslash escapes."""
    import codecs  # (already loaded by the interpreter: costs nothing)

    for stream, change in ((sys.stdout, {"encoding": "utf-8"}),
                           (sys.stderr, {"errors": "backslashreplace"})):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None)
        if reconfigure is None or not encoding:
            continue
        try:
            if not codecs.lookup(encoding).name.startswith("utf"):
                reconfigure(**change)
        except (LookupError, ValueError, OSError):
            continue


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stdin: TextIO | None = None) -> int:
    _write_every_character()
    out = stdout or sys.stdout
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("a command is required: check, report, rules, rule, schema or server")
        if args.command == "check":
            from lint.run import run_check

            return run_check(args, out, stdin or sys.stdin)
        if args.command == "report":
            from lint.health.command import run_report

            return run_report(args, out)
        if args.command == "server":
            from lint.lsp import run_server  # pygls is imported only here

            return run_server()
        if args.command == "rules":
            from lint.docs import print_rules

            return print_rules(out)
        if args.command == "rule":
            from lint.docs import print_rule

            return print_rule(args.selector, out)
        from lint.docs import print_schema

        return print_schema(out)
    except UsageError as error:
        print(f"articlelint: error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("articlelint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `articlelint check | head`: the reader left; that is not our failure.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
