"""The `check` command's shortcuts give exactly what the long way gives: diagnostics
printed from rows (a worker's results, the corpus pass's spool) read as printed from
models, in every format and with any jobs; a file read through one descriptor is the
file; content is hashed only for the cache; a file without suppression directives
carries none."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from lint.batch import Job, process, read_file
from lint.cli import main
from lint.fix_run import Mode, lint_text
from lint.registry import Registry
from lint.report import Summary
from lint.report.concise import ConciseReporter
from lint.rows import from_row, row_key, to_row
from lint.settings import Selection, build_settings
from lint.source import SourceText
from tests.support import EXAMPLES, FIXTURES


def _check(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["check", "--no-cache", *args], stdout=out)
    return code, out.getvalue()


@pytest.mark.parametrize("output", ["concise", "json", "github", "junit", "sarif", "full"])
@pytest.mark.parametrize("select", ["ALL", "S,T,H,M"])  # with and without a corpus pass
def test_any_jobs_and_either_path_print_the_same(monkeypatch: pytest.MonkeyPatch,
                                                output: str, select: str) -> None:
    """--jobs 1 without a corpus rule prints models; with one, rows read back from the
    spool; --jobs 2 prints the workers' rows: all the same."""
    import lint.batch

    monkeypatch.setattr(lint.batch, "MIN_FILES_PER_WORKER", 1)
    paths = [str(FIXTURES / "voa"), str(EXAMPLES)]
    one = _check("--jobs", "1", "--select", select, "--output-format", output, *paths)
    two = _check("--jobs", "2", "--select", select, "--output-format", output, *paths)
    assert one == two
    assert one[1].count("\n") > 20  # there were findings to print


def test_a_baseline_still_gets_models(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import lint.batch

    monkeypatch.setattr(lint.batch, "MIN_FILES_PER_WORKER", 1)
    baseline = str(tmp_path / "baseline.json")
    paths = [str(FIXTURES / "voa")]
    assert _check("--jobs", "2", "--write-baseline", baseline, *paths)[0] == 0
    assert _check("--jobs", "2", "--baseline", baseline, *paths) == (0, "")
    assert _check("--jobs", "1", "--baseline", baseline, *paths) == (0, "")


def test_concise_rows_print_as_their_models() -> None:
    settings = build_settings(Registry.default(), Selection(["ALL"], (), ()), None)
    by_models, by_rows = io.StringIO(), io.StringIO()
    summary_models, summary_rows = Summary(), Summary()
    for path in sorted((FIXTURES / "voa").glob("*.md"))[:10]:
        result = process(Job(path.name, path, 0), (settings,), Mode()).checked.result
        rows = [to_row(d) for d in result.diagnostics]
        assert [from_row(row) for row in rows] == result.diagnostics
        assert sorted(rows, key=row_key) == rows  # sorted as the diagnostics are
        ConciseReporter(by_models).file(result)
        ConciseReporter(by_rows).rows(rows)
        for diagnostic in result.diagnostics:
            summary_models.add(diagnostic)
        summary_rows.add_rows(rows)
    assert by_rows.getvalue() == by_models.getvalue() != ""
    assert summary_rows == summary_models


def test_github_rows_print_as_their_models() -> None:
    from lint.report.github import GithubReporter

    settings = build_settings(Registry.default(), Selection(["ALL"], (), ()), None)
    by_models, by_rows = io.StringIO(), io.StringIO()
    for path in sorted((FIXTURES / "voa").glob("*.md"))[:10]:
        result = process(Job(path.name, path, 0), (settings,), Mode()).checked.result
        GithubReporter(by_models).file(result)
        GithubReporter(by_rows).rows([to_row(d) for d in result.diagnostics])
    assert by_rows.getvalue() == by_models.getvalue() != ""


def test_read_file_reads_the_file_and_its_stat(tmp_path: Path) -> None:
    for data in (b"", b"x", "一二三\n".encode() * 5000):
        path = tmp_path / "a.md"
        path.write_bytes(data)
        stat, read = read_file(path)
        assert read == data
        assert (stat.st_size, stat.st_mtime_ns, stat.st_ino) == \
            (path.stat().st_size, path.stat().st_mtime_ns, path.stat().st_ino)


def test_read_file_reads_past_the_size_it_was_told(tmp_path: Path) -> None:
    """A file that reports no size (procfs) or grew after the stat is read to its end."""
    stat, data = read_file(Path("/proc/self/status")) if os.path.exists(
        "/proc/self/status") else (None, b"")
    if stat is not None:
        assert stat.st_size == 0 and data.startswith(b"Name:")


def test_read_file_raises_what_open_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as missing:
        read_file(tmp_path / "nope.md")
    assert missing.value.strerror == "No such file or directory"
    with pytest.raises(IsADirectoryError):
        read_file(tmp_path)


def test_content_is_hashed_only_for_the_cache() -> None:
    settings = (build_settings(Registry.default(), Selection(None, (), ()), None),)
    job = Job("a.md", EXAMPLES / "voa-20231213-pakistan.md", 0)
    hashed = process(job, settings, Mode())
    plain = process(job, settings, Mode(hash_content=False))
    assert hashed.content is not None and hashed.stat is not None
    assert plain.content is None and plain.stat is None
    assert plain.checked.result.diagnostics == hashed.checked.result.diagnostics


def test_a_file_without_directives_carries_no_suppressions() -> None:
    settings = build_settings(Registry.default(), Selection(None, (), ()), None)
    text = (EXAMPLES / "voa-20231213-pakistan.md").read_text(encoding="utf-8")
    assert lint_text("a.md", SourceText(text), settings, frozenset()).suppressions is None
    marked = text.replace("<p>", "<!-- articlelint-disable T001 --><p>", 1)
    assert lint_text("a.md", SourceText(marked), settings, frozenset()).suppressions \
        is not None
