"""Helpers for the warm-run fast path tests: run `check` in this process and tell whether
it was replayed from a snapshot or ran for real."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint import check_run, cli, fastpath_key
from tests.support import article_text

MUNIR = "<p>阿西姆·穆尼尔（Asim Munir）说。</p>"
MUNEER = "<p>阿西姆·穆尼尔（Asim Muneer）说。</p>"
HALFWIDTH = "<p>巴基斯坦塔利班(TTP)说。</p>"
OLD = 1_600_000_000_000_000_000  # an mtime long past


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str
    replayed: bool

    @property
    def said(self) -> tuple[int, str, str]:
        return self.code, self.out, self.err


class Runner:
    """`check` through `lint.cli.main`, counting the runs that were not replayed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.capsys = capsys
        self.full_runs = 0
        original = check_run.run_full

        def counting(*args: object) -> int:
            self.full_runs += 1
            return original(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(check_run, "run_full", counting)

    def __call__(self, *args: str) -> Result:
        before = self.full_runs
        self.capsys.readouterr()
        out = io.StringIO()
        code = cli.main(["check", *args], stdout=out)
        err = self.capsys.readouterr().err
        return Result(code, out.getvalue(), err, replayed=self.full_runs == before)

    def settle(self, *args: str) -> Result:
        """Run until the run is recorded (the first run after a change records it), then
        once more, which must be a replay; return that replay."""
        self(*args)
        replay = self(*args)
        assert replay.replayed, "an unchanged second run was not replayed"
        return replay


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Runner:
    """Files just written count as settled (RACY_NS 0): the tests change files well after
    the runs that read them, never within a timestamp tick."""
    monkeypatch.setattr(fastpath_key, "RACY_NS", 0)
    return Runner(monkeypatch, capsys)


def write(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(body), encoding="utf-8")
    os.utime(path, ns=(OLD, OLD))
    return path


def snapshots() -> list[Path]:
    folder = Path(os.environ["ARTICLELINT_CACHE_DIR"]) / fastpath_key.FOLDER
    return sorted(folder.glob("*.snapshot")) if folder.is_dir() else []


def launcher() -> list[str]:
    """A `python -m lint` that trusts files just written, for tests in a subprocess."""
    code = ("import atexit, sys; import lint.fastpath_key as k; k.RACY_NS = 0; "
            "atexit.register(lambda: sys.stderr.write("
            "'[replayed]' if 'lint.check_run' not in sys.modules else '[ran]')); "
            "from lint.cli import main; raise SystemExit(main())")
    return [sys.executable, "-c", code]
