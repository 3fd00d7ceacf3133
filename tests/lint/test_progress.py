"""The progress bar: drawn on stderr only when stderr is a terminal and stdout is not."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from lint import cli, progress
from tests.support import article_text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: io.StringIO,
         out: io.StringIO) -> str:
    monkeypatch.setattr(progress, "MIN_FILES", 2)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("NO_PROGRESS", raising=False)
    monkeypatch.setattr(sys, "stderr", err)
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(article_text("<p>文字。</p>"), encoding="utf-8")
    cli.main(["check", "--output-format", "concise", "--quiet", str(tmp_path)], stdout=out)
    return err.getvalue()


def test_a_bar_when_stderr_is_a_terminal(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert "checking" in _run(tmp_path, monkeypatch, _Terminal(), io.StringIO())


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(tmp_path, monkeypatch, io.StringIO(), io.StringIO()) == ""


def test_no_bar_when_stdout_is_the_terminal(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(tmp_path, monkeypatch, _Terminal(), _Terminal()) == ""


def test_no_bar_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(progress, "MIN_FILES", 2)
    assert not progress.wanted(10, io.StringIO(), _Terminal())
    monkeypatch.delenv("CI")
    assert progress.wanted(10, io.StringIO(), _Terminal())
    assert not progress.wanted(1, io.StringIO(), _Terminal())
