"""Baselines: record today's diagnostics, report only new ones, matched by path, code and
flagged text (with counts), never by line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.registry import Registry
from tests.lint.rulekit import cli, codes, test_registry, use_registry, write
from tests.support import DATE_DIV, article_text

TWO = article_text(DATE_DIV + "<p>阿西姆•穆尼尔</p><p>阿西姆•穆尼尔</p>")


@pytest.fixture(autouse=True)
def registry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Registry:
    monkeypatch.chdir(tmp_path)
    reg = test_registry(builtins=False)  # only the test rules: output stays exact
    use_registry(monkeypatch, reg)
    return reg


def found(*argv: str) -> list[str]:
    return codes(cli("check", "--output-format", "concise", *argv)[1])


def test_write_then_nothing_is_new(tmp_path: Path) -> None:
    write(tmp_path / "a.md", TWO)
    assert cli("check", "--write-baseline", "base.json", ".")[0] == 0
    entries = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["entries"]
    assert entries == [{"path": "a.md", "code": "Z901", "text": "•", "count": 2}]
    assert cli("check", "--baseline", "base.json", ".") == (0, "")


def test_edits_elsewhere_do_not_resurrect(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", TWO)
    cli("check", "--write-baseline", "base.json", ".")
    # Text added before the findings moves their columns; they stay baselined.
    write(path, TWO.replace("<p>阿西姆", "<p>新的一段。</p><p>阿西姆", 1))
    assert found("--baseline", "base.json", ".") == []


def test_counts_are_respected(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", TWO.replace("</p><p>阿西姆•穆尼尔</p>", "</p>"))
    cli("check", "--write-baseline", "base.json", ".")
    write(path, TWO)  # a second identical finding: one is in the baseline, one is new
    assert found("--baseline", "base.json", ".") == ["a.md:5:68 Z901"]


def test_path_and_code_must_match(tmp_path: Path) -> None:
    write(tmp_path / "a.md", TWO)
    cli("check", "--write-baseline", "base.json", ".")
    write(tmp_path / "b.md", TWO)
    assert found("--baseline", "base.json", ".") == ["b.md:5:54 Z901", "b.md:5:68 Z901"]


def test_paths_are_relative_to_the_baseline_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "archive" / "a.md", TWO)
    cli("check", "--write-baseline", "base.json", "archive")
    monkeypatch.chdir(tmp_path / "archive")
    assert found("--baseline", "../base.json", ".") == []


def test_bad_baseline_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.md", TWO)
    assert cli("check", "--baseline", "missing.json", ".")[0] == 2
    write(tmp_path / "bad.json", '{"entries": 3}')
    assert cli("check", "--baseline", "bad.json", ".")[0] == 2
    assert "bad.json" in capsys.readouterr().err
