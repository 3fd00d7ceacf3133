"""`check - --stdin-filename P`: every format reports the buffer under P."""

from __future__ import annotations

import json

import pytest

from tests.lint.report.helpers import DEFECTIVE, check

NAME = "drafts/buffer.md"


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "sarif", "github", "junit"])
def test_every_format_names_the_stdin_filename(fmt: str) -> None:
    code, out = check(fmt, "-", stdin=DEFECTIVE, extra=("--stdin-filename", NAME))
    assert code == 1
    assert NAME in out
    assert "-:" not in out and '"-"' not in out
    if fmt == "json":
        assert {d["path"] for d in json.loads(out)["diagnostics"]} == {NAME}
