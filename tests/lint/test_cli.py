"""The command line: exit codes, formats that agree, bad input that never raises."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli import main
from tests.support import EXAMPLES, FIXTURES, REPO, SAMPLE

GOOD = SAMPLE.read_text(encoding="utf-8")


class _Stdin(io.StringIO):
    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.buffer = io.BytesIO(data)


def cli(*args: str, stdin: bytes = b"") -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), stdout=out, stdin=_Stdin(stdin))
    return code, out.getvalue()


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def broken_header(tmp_path: Path) -> str:
    return write(tmp_path, "a.md", GOOD.replace("<!--1702517943000-->", "<!--170251794300-->")
                 .replace("------", "-----x", 1))


def test_version() -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0


def test_clean_file_exits_zero_and_defects_exit_one(tmp_path: Path) -> None:
    assert cli("check", "--select", "S001,S002,S003,S011", str(SAMPLE))[0] == 0
    code, out = cli("check", "--select", "S0", broken_header(tmp_path))
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path.as_posix()}/a.md:1:5: S001 [timestamp-comment] `170251794300` has 12 digits, expected 13",
        f"{tmp_path.as_posix()}/a.md:3:1: S003 [title-underline] line 3 should be a run of `-` under the title",
    ]
    assert cli("check", "--exit-zero", broken_header(tmp_path))[0] == 0


def test_json_and_concise_agree(tmp_path: Path) -> None:
    path = broken_header(tmp_path)
    _, concise = cli("check", "--output-format", "concise", "--select", "S", path)
    code, raw = cli("check", "--output-format", "json", "--select", "S", path)
    report = json.loads(raw)
    assert code == 1
    assert report["tool"]["name"] == "articlelint"
    assert report["summary"]["files"] == 1 and report["summary"]["errors"] == 2
    assert set(report["diagnostics"][0]) >= {
        "path", "code", "name", "severity", "message", "line", "column", "end_line",
        "end_column", "offset", "end_offset", "fix"}
    lines = [f"{d['path']}:{d['line']}:{d['column']}: {d['code']} [{d['name']}] {d['message']}"
             for d in report["diagnostics"]]
    assert lines == concise.splitlines()
    first = report["diagnostics"][0]
    assert (first["offset"], first["end_offset"]) == (4, 16)


def test_full_format_shows_a_window_of_the_long_line(tmp_path: Path) -> None:
    body_line = GOOD.splitlines()[4]
    broken = GOOD.replace(body_line, body_line + "\n<p>extra</p>")
    code, out = cli("check", "--output-format", "full", "--select", "S011",
                    write(tmp_path, "a.md", broken))
    assert code == 1
    assert "S011" in out and "^" in out and "\x1b[" not in out  # no colour off a terminal
    assert max(len(line) for line in out.splitlines()) < 200


def test_full_frame_in_the_middle_of_the_body(tmp_path: Path) -> None:
    from lint.report.frame import make_frame

    line = GOOD.splitlines()[4]
    frame = make_frame(line, 818, 820, width=80)
    assert frame.text.startswith("…") and frame.text.endswith("…")
    caret = frame.carets.index("^")
    assert frame.text[:caret].count("…") == 1
    assert "an" in frame.text and len(frame.carets.strip()) == 2


def test_missing_path_and_unknown_flag_exit_two_with_one_line() -> None:
    for args in (["check", "no/such/file.md"], ["check", "--bogus"], ["check", "--select",
                 "Q999"], ["rule", "Q999"], []):
        result = subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True,
                                text=True, cwd=REPO, timeout=60)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, args
        assert result.stderr.startswith("articlelint: error:"), args


def test_rules_and_rule_docs() -> None:
    code, out = cli("rules")
    assert code == 0 and "S001  timestamp-comment" in out
    code, out = cli("rule", "title-link")
    assert code == 0 and out.startswith("# S002 title-link") and "## Why is this bad?" in out
    assert cli("rule", "s002")[1] == out


def test_stdin_with_a_filename() -> None:
    code, out = cli("check", "--select", "S001", "--stdin-filename", "buf.md", "-",
                    stdin=b"<!--12-->\n")
    assert code == 1 and out.startswith("buf.md:1:5: S001")


@pytest.mark.parametrize("data", [
    b"", b"\n\n\n\n\n", "\ufeff".encode() + GOOD.encode(), GOOD.replace("\n", "\r\n").encode(),
    GOOD.replace("\n", "\r").encode(), GOOD.encode().replace(b"<p>", b"<p>\x00", 3),
    bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00", GOOD.encode()[:-200] + b"\xe4\xb8",
    b"<!--1702517943000-->\n[t](https://x.org)\n---\n\n<p>a<!-- never closed",
    "\ufeff\ufeff".encode("utf-16"),
])
def test_bad_input_never_raises(tmp_path: Path, data: bytes) -> None:
    code, out = cli("check", "--select", "ALL", "--output-format", "json",
                    write(tmp_path, "bad.md", data))
    assert code in (0, 1), out
    report = json.loads(out)
    for d in report["diagnostics"]:
        assert d["code"] != "X002", d


def test_invalid_utf8_names_the_first_bad_byte(tmp_path: Path) -> None:
    code, out = cli("check", write(tmp_path, "gbk.md", "<!--1-->\n标题".encode("gbk")))
    assert code == 1
    assert "X003 [unreadable-file] not valid UTF-8: byte 0xB1 at byte offset 9" in out
    assert ":2:1:" in out


def test_the_real_corpus_with_odd_file_names(tmp_path: Path) -> None:
    code, out = cli("check", "--select", "S001,S002,S003,S011", "--output-format", "json",
                    str(FIXTURES / "voa"), str(EXAMPLES))
    report = json.loads(out)
    assert report["summary"]["files"] == 135 + 5
    assert code == 0, report["diagnostics"][:3]


def test_a_crashing_rule_is_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from lint import Rule
    from lint.registry import Registry

    class Crashes(Rule):
        """Crashes on purpose."""

        code, name, summary = "Z901", "crashes", "Crashes"

        def check(self, article):  # type: ignore[no-untyped-def]
            raise KeyError("boom")

    default = Registry.default

    def with_crasher() -> Registry:
        return Registry([*default().rules, Crashes])

    monkeypatch.setattr(Registry, "default", staticmethod(with_crasher))
    code, out = cli("check", "--select", "S001,Z901", broken_header(tmp_path))
    assert code == 2
    assert "X002 [internal-error] rule Z901 (crashes) failed: KeyError: 'boom'" in out
    assert "S001" in out  # the other rules still ran


def test_jobs_give_the_same_output(monkeypatch: pytest.MonkeyPatch) -> None:
    import lint.batch

    monkeypatch.setattr(lint.batch, "MIN_FILES_PER_WORKER", 1)
    one = cli("check", "--jobs", "1", "--select", "ALL", str(FIXTURES / "voa"))
    two = cli("check", "--jobs", "2", "--select", "ALL", str(FIXTURES / "voa"))
    assert one == two


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    """The help of `parser` and of each sub-command."""
    texts = [parser.format_help()]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            texts += [sub.format_help() for sub in action.choices.values()]
    return texts


@pytest.mark.parametrize("columns", [None, "50", "200", "0", "-3", "wide"])
def test_help_is_formatted_as_by_argparse_at_shutils_width(
        monkeypatch: pytest.MonkeyPatch, columns: str | None) -> None:
    """The formatter that avoids importing shutil wraps help exactly as argparse's own."""
    import shutil

    import lint.cli

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert lint.cli._columns() == shutil.get_terminal_size().columns
    ours = _helps(lint.cli.build_parser())
    monkeypatch.setattr(lint.cli, "_Formatter", argparse.HelpFormatter)
    assert ours == _helps(lint.cli.build_parser())


@pytest.mark.parametrize("environment", [
    {"PYTHONIOENCODING": "ascii"},
    {"PYTHONIOENCODING": "latin-1"},
    {"PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C"},
], ids=["ascii", "latin-1", "c-locale"])
def test_a_stdout_that_cannot_hold_han_characters_still_gets_the_whole_output(
        environment: dict[str, str], tmp_path: Path) -> None:
    """Not a UnicodeEncodeError at the first Han character: stdout writes UTF-8 (the JSON
    is the same bytes as on a UTF-8 terminal), stderr escapes what it cannot encode."""
    import os

    command = [sys.executable, "-m", "lint", "check", "--no-cache", "--output-format",
               "json", str(SAMPLE)]
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG")}
    utf8 = subprocess.run(command, cwd=REPO, capture_output=True,
                          env={**base, "PYTHONIOENCODING": "utf-8"})
    other = subprocess.run(command, cwd=REPO, capture_output=True,
                           env={**base, **environment})
    assert other.returncode == utf8.returncode == 1, other.stderr.decode()
    assert other.stdout == utf8.stdout and json.loads(other.stdout)["diagnostics"]
    missing = tmp_path / "缺失.md"
    failed = subprocess.run([*command[:-1], str(missing)], cwd=REPO, capture_output=True,
                            env={**base, **environment})
    assert failed.returncode == 2 and b"Traceback" not in failed.stderr
    assert b"no such file or directory" in failed.stderr
