"""Safe writes (issue 10, item 5): `--fix` replaces a file through a temporary file in the
same folder, synced, then renamed over it; whatever goes wrong on the way (a full disk, a
failed rename, an interrupt), the file keeps its old bytes and no temporary file is left
behind. A file that changed on disk while it was being fixed is not overwritten, and the
file's mode (and link, if it is reached through a symlink) are kept."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import lint.batch
from lint.fix_run import Outcome
from tests.lint.rulekit import cli, test_registry, use_registry, write
from tests.support import article_text

DATE_DIV = "<div><i>Wed, 13 Dec 2023 14:06:09 +0800</i></div>"
BULLET = article_text(DATE_DIV + "<p>阿西姆•穆尼尔和朋友</p>")
FIXED = BULLET.replace("•", "·")


@pytest.fixture(autouse=True)
def _registry(monkeypatch: pytest.MonkeyPatch) -> None:
    use_registry(monkeypatch, test_registry(builtins=False))


def fix(path: Path) -> tuple[int, list[str]]:
    """Exit code and the codes reported (as the file now is on disk)."""
    code, out = cli("check", "--fix", "--select", "Z901", "--output-format", "json", path)
    return code, [d["code"] for d in json.loads(out)["diagnostics"]] if out else []


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".articlelint-tmp"))


def fail_with(error: BaseException) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error
    return fail


@pytest.mark.parametrize("where", ["os.fsync", "os.replace", "os.chmod"])
def test_a_failure_while_writing_keeps_the_old_bytes_and_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        where: str) -> None:
    path = write(tmp_path / "a.md", BULLET)
    module, name = where.split(".")
    monkeypatch.setattr(os, name, fail_with(OSError(errno.ENOSPC, "No space left on device")))
    # Nothing was fixed on disk, so the problem is still reported (not "fixed").
    assert fix(path) == (0, ["Z901"])
    assert path.read_bytes() == BULLET.encode("utf-8")
    assert leftovers(tmp_path) == []
    assert "a.md: cannot write the fixed file: No space left on device" in capsys.readouterr().err


def test_a_write_cut_off_half_way_never_reaches_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary file gets half the data, then the process is interrupted: the
    article is untouched (the rename never happened) and the half-written file is gone."""
    path = write(tmp_path / "a.md", BULLET)
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle: int, mode: str) -> None:
            self.file = real_fdopen(handle, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> int:
            self.file.write(data[: len(data) // 2])
            self.file.flush()
            raise KeyboardInterrupt  # e.g. Ctrl-C in the middle of a large write

    monkeypatch.setattr(os, "fdopen", HalfWriter)
    assert fix(path)[0] == 130
    assert path.read_bytes() == BULLET.encode("utf-8")
    assert leftovers(tmp_path) == []


def test_no_temporary_folder_entry_means_no_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.md", BULLET)
    monkeypatch.setattr(tempfile, "mkstemp", fail_with(PermissionError(13, "Permission denied")))
    assert fix(path) == (0, ["Z901"])
    assert path.read_bytes() == BULLET.encode("utf-8")
    assert "cannot write the fixed file: Permission denied" in capsys.readouterr().err


def test_data_and_folder_are_synced_before_and_after_the_rename(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.md", BULLET)
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(handle: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(handle).st_mode) else "fsync file")
        real_fsync(handle)

    def replace(source: Any, target: Any) -> None:
        events.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    fix(path)
    assert events == ["fsync file", "rename", "fsync folder"]
    assert path.read_text(encoding="utf-8") == FIXED


def _edit_while_fixing(monkeypatch: pytest.MonkeyPatch, edit: Callable[[Path], object]) -> None:
    """Run `edit` on the file after articlelint has read and fixed it, before it writes."""
    real = lint.batch.fix_text
    done: list[str] = []

    def fix_then_edit(path: str, *args: Any) -> Outcome:
        outcome = real(path, *args)
        if not done:  # once: articlelint re-lints the file as it is when it cannot write
            done.append(path)
            edit(Path(path))
        return outcome

    monkeypatch.setattr(lint.batch, "fix_text", fix_then_edit)


def test_a_file_edited_meanwhile_is_not_overwritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path / "a.md", BULLET)
    edited = BULLET + "<!-- the author's edit -->\n"
    _edit_while_fixing(monkeypatch, lambda p: p.write_text(edited, encoding="utf-8"))
    assert fix(Path("a.md")) == (0, ["Z901"])
    assert path.read_text(encoding="utf-8") == edited
    assert "a.md: changed on disk while it was being fixed; not written" in capsys.readouterr().err
    assert leftovers(tmp_path) == []


def test_an_edit_that_keeps_size_and_time_is_still_noticed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path / "a.md", BULLET)
    before = path.stat()
    edited = BULLET.replace("朋友", "同事")  # same length in bytes

    def sneaky(p: Path) -> None:
        p.write_text(edited, encoding="utf-8")
        os.utime(p, ns=(before.st_atime_ns, before.st_mtime_ns))

    _edit_while_fixing(monkeypatch, sneaky)
    fix(Path("a.md"))
    assert path.read_text(encoding="utf-8") == edited


def test_a_file_deleted_meanwhile_is_not_recreated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", BULLET)
    _edit_while_fixing(monkeypatch, lambda p: p.unlink())
    fix(Path("a.md"))
    assert list(tmp_path.iterdir()) == []
    assert "a.md: cannot write the fixed file" in capsys.readouterr().err


@pytest.mark.parametrize("mode", [0o600, 0o644, 0o664, 0o755, 0o444])
def test_mode_is_kept(tmp_path: Path, mode: int) -> None:
    path = write(tmp_path / "a.md", BULLET)
    path.chmod(mode)
    fix(path)
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_symlink_stays_a_link_and_its_target_is_fixed(tmp_path: Path) -> None:
    target = write(tmp_path / "real" / "a.md", BULLET)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    fix(link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == leftovers(target.parent) == []
