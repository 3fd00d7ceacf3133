"""The warm-run fast path: an unchanged run is replayed byte for byte in every format,
with its exit code and stderr; runs that write files or read stdin never are; a recent,
corrupt or foreign snapshot is ignored; the fast path imports nothing heavy."""

from __future__ import annotations

import ast
import marshal
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lint import fastpath_key
from tests.lint.replaying import (
    HALFWIDTH,
    MUNEER,
    MUNIR,
    Runner,
    launcher,
    run,
    snapshots,
    write,
)
from tests.support import REPO

__all__ = ["run"]  # the fixture


def corpus(folder: Path) -> Path:
    write(folder / "a.md", HALFWIDTH + MUNIR)
    write(folder / "b.md", MUNEER)  # N004 against a.md
    write(folder / "sub" / "c.md", "<!-- articlelint-disable N004 -->" + MUNIR)
    return folder


@pytest.mark.parametrize("output", ["full", "concise", "json", "sarif", "github", "junit"])
@pytest.mark.parametrize("extra", [(), ("--statistics",)])
def test_a_replay_says_exactly_what_the_run_said(tmp_path: Path, run: Runner, output: str,
                                                  extra: tuple[str, ...]) -> None:
    args = ("--output-format", output, *extra, str(corpus(tmp_path)))
    cold = run("--no-cache", *args)
    recorded = run(*args)
    replayed = run(*args)
    assert not recorded.replayed and replayed.replayed
    assert cold.said == recorded.said == replayed.said
    assert "N004" in cold.out and cold.code == 1


def test_a_replay_through_a_real_stdout_is_byte_identical(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "files")
    for output in ("concise", "json", "full"):
        command = [*launcher(), "check", "--output-format", output,
                   "--cache-dir", str(tmp_path / "cache"), str(folder)]
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
        runs = [subprocess.run(command, env=env, capture_output=True, check=False, cwd=REPO)
                for _ in range(3)]
        cold = subprocess.run([*command[:-1], "--no-cache", str(folder)], env=env,
                              capture_output=True, check=False, cwd=REPO)
        assert [r.stderr.endswith(b"[replayed]") for r in runs] == [False, True, True]
        assert {r.stdout for r in runs} == {cold.stdout}
        assert {r.returncode for r in runs} == {cold.returncode} == {1}


def test_exit_codes_and_stderr_are_replayed(tmp_path: Path, run: Runner) -> None:
    folder = corpus(tmp_path / "files")
    (tmp_path / "empty").mkdir()
    for args in (["--exit-zero"], ["--max-warnings", "0", "--select", "N004"],
                 ["--max-warnings", "9", "--select", "N004"], []):
        replay = run.settle(*args, str(folder))
        assert replay.said == run("--no-cache", *args, str(folder)).said
    empty = run.settle(str(tmp_path / "empty"))
    assert empty.code == 0 and "no files to check" in empty.err


def test_worker_count_does_not_matter(tmp_path: Path, run: Runner) -> None:
    folder = corpus(tmp_path)
    first = run("--jobs", "1", str(folder))
    assert run("--jobs", "2", str(folder)).replayed
    assert run("--jobs", "2", str(folder)).said == first.said


def test_corpus_findings_follow_a_change(tmp_path: Path, run: Runner) -> None:
    folder = corpus(tmp_path)
    before = run.settle(str(folder))
    assert "N004 [" in before.out
    write(folder / "b.md", MUNIR)  # no inconsistent gloss left
    after = run(str(folder))
    assert not after.replayed and "N004 [" not in after.out
    assert after.said == run("--no-cache", str(folder)).said


@pytest.mark.parametrize("args", [["--fix"], ["--diff"], ["--no-cache"],
                                  ["--write-baseline", "BASELINE"]])
def test_runs_that_write_or_must_not_use_the_cache_are_never_replayed(
        tmp_path: Path, run: Runner, args: list[str]) -> None:
    folder = corpus(tmp_path / "files")
    args = [str(tmp_path / "b.json") if a == "BASELINE" else a for a in args]
    for _ in range(3):
        assert not run(*args, str(folder)).replayed
    if "--no-cache" in args:
        assert snapshots() == []


def test_stdin_is_never_replayed(tmp_path: Path, run: Runner,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    for _ in range(3):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
            HALFWIDTH.encode()), encoding="utf-8"))
        assert not run("--stdin-filename", "a.md", "-").replayed


def test_a_file_changed_within_the_racy_window_is_never_recorded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    run = Runner(monkeypatch, capsys)  # the real 2 s window: the file was just written
    path = tmp_path / "a.md"
    path.write_text(HALFWIDTH, encoding="utf-8")
    for _ in range(3):
        assert not run(str(path)).replayed
    assert snapshots() == []


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "magic", "shape",
                                    "format", "longer"])
def test_a_damaged_or_foreign_snapshot_is_ignored(tmp_path: Path, run: Runner,
                                                  damage: str) -> None:
    folder = corpus(tmp_path)
    good = run.settle(str(folder))
    [snapshot] = snapshots()
    data = snapshot.read_bytes()
    prefix = len(fastpath_key.MAGIC) + 16
    header = marshal.loads(data[prefix:])
    snapshot.write_bytes({
        "truncated": data[:len(data) // 2],
        "garbage": os.urandom(len(data)),
        "empty": b"",
        "magic": b"XXXXXXXX" + data[8:],
        "shape": data[:prefix] + marshal.dumps(("not", "a", "header")),
        "format": _with_header(data, (99, *header[1:])),
        "longer": data + b"tail",
    }[damage])
    again = run(str(folder))
    assert not again.replayed and again.said == good.said
    assert run(str(folder)).replayed  # and recorded afresh


def _with_header(data: bytes, header: tuple[object, ...]) -> bytes:
    prefix = len(fastpath_key.MAGIC) + 16
    head = int.from_bytes(data[8:16], "little")
    encoded = marshal.dumps(header)
    body = data[prefix + head:]
    return (fastpath_key.MAGIC + len(encoded).to_bytes(8, "little")
            + len(body).to_bytes(8, "little") + encoded + body)


def test_the_default_cache_inside_the_checked_folder(tmp_path: Path, run: Runner,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTICLELINT_CACHE_DIR")
    corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    results = [run(".") for _ in range(4)]
    assert results[-1].replayed
    assert {r.said for r in results} == {run("--no-cache", ".").said}
    assert (tmp_path / ".articlelint_cache" / fastpath_key.FOLDER).is_dir()


def test_an_unwritable_cache_is_skipped(tmp_path: Path, run: Runner) -> None:
    write(tmp_path / "a.md", HALFWIDTH)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    args = ("--cache-dir", str(blocker / "cache"), str(tmp_path / "a.md"))
    results = [run(*args) for _ in range(3)]
    assert not any(r.replayed for r in results)
    assert {r.said for r in results} == {run("--no-cache", str(tmp_path / "a.md")).said}


def test_concurrent_recording_runs(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "files")
    command = [*launcher(), "check", "--output-format", "json", "--jobs", "1",
               "--cache-dir", str(tmp_path / "cache"), str(folder)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    racers = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, cwd=REPO) for _ in range(3)]
    outputs = {racer.communicate()[0] for racer in racers}
    warm = subprocess.run(command, env=env, capture_output=True, check=False, cwd=REPO)
    assert warm.stderr.endswith(b"[replayed]") and outputs == {warm.stdout}
    assert [p.name for p in (tmp_path / "cache").rglob(".tmp-*")] == []


FAST_MODULES = ("run.py", "fastpath.py", "fastpath_key.py")


@pytest.mark.parametrize("name", FAST_MODULES)
def test_the_fast_path_imports_only_the_standard_library(name: str) -> None:
    tree = ast.parse((REPO / "lint" / name).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    checking = set()  # typing-only imports
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            checking |= {inner.module for inner in ast.walk(node)
                         if isinstance(inner, ast.ImportFrom) and inner.module}
    lazy = {"lint.check_run", "lint.cli"}  # imported only once the fast path has missed
    ours = {m for m in imported - checking - lazy if m.split(".")[0] == "lint"}
    assert ours <= {"lint", "lint.fastpath", "lint.fastpath_key", "__future__"}
    foreign = {m.split(".")[0] for m in imported - checking} - {"lint", "__future__"}
    assert foreign <= set(sys.stdlib_module_names)


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty", [True, False])
@pytest.mark.parametrize("actions", [None, "true", "false"])
def test_the_key_knows_the_default_format(tty: bool, actions: str | None,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # The fast path decides the format without importing the reporters: it must decide
    # as they do, or a replay could print another format's output.
    from lint.cli import build_parser
    from lint.report import default_format

    if actions is None:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    else:
        monkeypatch.setenv("GITHUB_ACTIONS", actions)
    args = build_parser().parse_args(["check", "."])
    stream: Any = _Stream(tty)
    assert fastpath_key.effective_format(args, stream) == default_format(stream)


def test_a_finding_that_time_undoes_is_neither_cached_nor_replayed(
        tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """S001 flags a timestamp after tomorrow; once that day has come it must stop, so
    neither the per-file cache nor the replay may keep the finding (Rule.depends_on_clock)."""
    import time

    import rules.structure.timestamp_comment as s001
    from tests.support import HEADER

    soon_ms = int((time.time() + 3 * 86400) * 1000)  # three days ahead
    future = tmp_path / "future.md"
    future.write_text(HEADER.replace(HEADER.splitlines()[0], f"<!--{soon_ms}-->", 1)
                      + "<p>正文。</p>\n", encoding="utf-8")
    os.utime(future, ns=(1_600_000_000 * 10**9,) * 2)
    first, second = run(str(future)), run(str(future))
    assert "S001" in first.out and second.said == first.said
    assert not second.replayed  # not recorded: it reported S001
    later = time.time() + 4 * 86400

    class Clock:
        @staticmethod
        def time() -> float:
            return later

    monkeypatch.setattr(s001, "time", Clock)
    after = run(str(future))
    assert "S001" not in after.out and not after.replayed
