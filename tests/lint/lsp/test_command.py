"""`articlelint server` as a command: pygls stays optional and is imported lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lint.cli import main
from tests.support import REPO, SAMPLE


def test_without_pygls_the_server_exits_2_with_an_install_hint(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)  # makes `import pygls` fail
    assert main(["server"]) == 2
    error = capsys.readouterr().err
    assert "pygls" in error and "pip install 'articlelint[lsp]'" in error


def test_checking_a_file_never_imports_the_language_server() -> None:
    code = (
        "import sys\n"
        "from lint.cli import main\n"
        f"status = main(['check', '--output-format', 'sarif', {str(SAMPLE)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pygls', 'lsprotocol') or m == 'lint.lsp.server')\n"
        "print(loaded, file=sys.stderr)\n"
        "raise SystemExit(10 + status if loaded else status)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.strip() == "[]"


def test_server_is_in_the_help() -> None:
    from lint.cli import build_parser

    assert "server" in build_parser().format_help()
