"""The fix engine: --fix, --unsafe-fixes, --diff, stdin, atomic writes, convergence."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from lint.fix_run import ChangedOnDisk, write_atomically
from lint.fixer import apply_fixes
from lint.models import Applicability, Diagnostic, Edit, Fix, Severity
from lint.registry import Registry
from lint.source import SourceText
from tests.lint.rulekit import cli, test_registry, use_registry, write
from tests.support import DATE_DIV, article_text

BULLET = article_text(DATE_DIV + "<p>阿西姆•穆尼尔和艾曼•扎瓦希里</p>")
FIXED = BULLET.replace("•", "·")
CLEAN = article_text(DATE_DIV + "<p>正文。</p>")


@pytest.fixture(autouse=True)
def registry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Registry:
    monkeypatch.chdir(tmp_path)
    reg = test_registry(builtins=False)  # only the test rules: output stays exact
    use_registry(monkeypatch, reg)
    return reg


def test_fix_writes_only_changed_files_and_keeps_their_mode(tmp_path: Path) -> None:
    dirty = write(tmp_path / "dirty.md", BULLET)
    clean = write(tmp_path / "clean.md", CLEAN)
    os.chmod(dirty, 0o640)
    os.utime(clean, ns=(1_000_000_000, 1_000_000_000))
    code, out = cli("check", "--fix", "--output-format", "json", ".")
    assert dirty.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(dirty.stat().st_mode) == 0o640
    assert clean.read_bytes() == CLEAN.encode() and clean.stat().st_mtime_ns == 1_000_000_000
    report = json.loads(out)
    assert report["summary"]["fixed"] == 2 and report["diagnostics"] == [] and code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.md", "dirty.md"]


def test_fix_keeps_every_other_byte(tmp_path: Path) -> None:
    # CR inside the body, no final newline, a BOM: none of them is the bullet rule's business.
    text = "\ufeff" + BULLET.replace("和", "\r和").rstrip("\n")
    path = write(tmp_path / "a.md", text)
    cli("check", "--fix", "--select", "Z901", "a.md")  # S001 would remove the BOM
    assert path.read_bytes() == text.replace("•", "·").encode("utf-8")


def test_diff_writes_nothing_and_exits_1(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.md", BULLET)
    before = path.stat().st_mtime_ns
    code, out = cli("check", "--diff", "a.md")
    assert code == 1 and path.read_text(encoding="utf-8") == BULLET
    assert path.stat().st_mtime_ns == before
    assert out.startswith("--- a/a.md\n+++ b/a.md\n")
    assert "-" + BULLET.splitlines()[4] in out and "+" + FIXED.splitlines()[4] in out
    write(tmp_path / "a.md", FIXED)
    assert cli("check", "--diff", "a.md") == (0, "")


def test_unsafe_fixes_only_when_asked(tmp_path: Path) -> None:
    text = article_text(DATE_DIV + "<p>好！！</p>")
    path = write(tmp_path / "a.md", text)
    cli("check", "--fix", "a.md")
    assert path.read_text(encoding="utf-8") == text
    cli("check", "--fix", "--unsafe-fixes", "a.md")
    assert path.read_text(encoding="utf-8") == text.replace("！！", "！")


def test_fix_from_stdin_prints_the_fixed_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = cli("check", "--fix", "--stdin-filename", "x.md", "-", stdin=BULLET.encode())
    assert out == FIXED and code == 0
    # Not UTF-8: the buffer comes back untouched (an editor must never lose it).
    code, out = cli("check", "--fix", "-", stdin=b"\xff\xfe" + BULLET.encode())
    assert out.encode("utf-8", "surrogateescape") == b"\xff\xfe" + BULLET.encode()
    assert code == 1 and "X003" in capsys.readouterr().err


def test_a_fix_cycle_is_reported_not_looped(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.md", article_text(DATE_DIV + "<p>ping</p>"))
    cli("check", "--fix", "--select", "Z902,Z903", "a.md")
    err = capsys.readouterr().err
    assert "undo each other" in err and "Z902" in err


def test_fixing_stops_after_a_bounded_number_of_rounds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.md", article_text(DATE_DIV + "<p>grow</p>"))
    cli("check", "--fix", "--select", "Z907", "a.md")
    assert "did not settle after 10 rounds" in capsys.readouterr().err
    assert "grow" + "!" * 10 + "<" in path.read_text(encoding="utf-8")


def test_no_write_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", BULLET)
    seen = path.stat()
    path.write_text(BULLET + "edited", encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        write_atomically(path, BULLET.encode(), seen, FIXED.encode())
    assert path.read_text(encoding="utf-8") == BULLET + "edited"


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", BULLET)
    write_atomically(path, BULLET.encode(), path.stat(), FIXED.encode())
    assert path.read_text(encoding="utf-8") == FIXED
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def _diagnostic(start: int, end: int, content: str) -> Diagnostic:
    source = SourceText("abcdefgh")
    fix = Fix(applicability=Applicability.SAFE, message="m",
              edits=(Edit(offset=start, end_offset=end, content=content),))
    return Diagnostic(code="Z901", name="n", severity=Severity.WARNING, message="m",
                      span=source.span(start, end), fix=fix)


def test_overlapping_edits_never_both_apply() -> None:
    text, count = apply_fixes("abcdefgh", [_diagnostic(1, 4, "X"), _diagnostic(3, 5, "Y"),
                                           _diagnostic(6, 7, "Z")])
    assert (text, count) == ("aXefZh", 2)


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("check", "--jobs", "0", ".")[0] == 2
    assert "--jobs" in capsys.readouterr().err


def test_no_cache_is_accepted(tmp_path: Path) -> None:
    write(tmp_path / "a.md", CLEAN)
    assert cli("check", "--no-cache", "a.md")[0] == 0
