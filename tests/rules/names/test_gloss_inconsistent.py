"""N004 gloss-inconsistent: within a file, across files, the same with any --jobs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lint import batch, cli
from lint.engine import FileResult, check_corpus, check_source
from lint.source import SourceText
from rules.names.gloss_inconsistent import GlossInconsistent
from tests.support import article_text, positions, run

MUNIR = "<p>阿西姆·穆尼尔（Asim Munir）说。</p>"
MUNEER = "<p>阿西姆·穆尼尔（Asim Muneer）说。</p>"


@pytest.mark.parametrize(("body", "expected"), [
    (MUNIR + MUNEER, ["5:40 N004"]),
    (MUNIR + MUNIR + MUNEER, ["5:68 N004"]),
    (MUNIR + "<p>阿西姆·穆尼尔（Munir）说。</p>", []),  # a shorter gloss, same tokens
    (MUNIR + "<p>阿西姆·穆尼尔（Gen. Asim Munir）说。</p>", []),  # titles ignored
    ("<p>史密斯（Brenda Smith）</p><p>史密斯（Marion Smith）</p>", []),  # two people
    (MUNIR, []),
])
def test_within_one_file(body: str, expected: list[str]) -> None:
    assert positions(run(GlossInconsistent, article_text(body))) == expected


def _check(files: dict[str, str]) -> list[FileResult]:
    rule = GlossInconsistent()
    results = [check_source(path, SourceText(text), [rule]) for path, text in files.items()]
    check_corpus([rule], results)
    return results


def test_across_files() -> None:
    results = _check({"a.md": article_text(MUNIR), "b.md": article_text(MUNIR),
                      "c.md": article_text(MUNEER)})
    found = {r.path: [(d.span.line, d.span.column, d.message) for d in r.diagnostics]
             for r in results}
    assert found["a.md"] == [] and found["b.md"] == []
    assert found["c.md"] == [(5, 12, "`阿西姆·穆尼尔` is glossed `Asim Muneer` here but "
                                     "`Asim Munir` at a.md:5:12")]


def test_a_file_conflict_is_reported_once() -> None:
    results = _check({"a.md": article_text(MUNIR + MUNEER), "b.md": article_text(MUNIR)})
    assert positions(results[0].diagnostics) == ["5:40 N004"]
    assert results[1].diagnostics == []


def _cli(paths: list[str], jobs: int) -> dict[str, object]:
    out = io.StringIO()
    code = cli.main(["check", "--select", "N004", "--output-format", "json",
                     "--jobs", str(jobs), *paths], stdout=out)
    assert code == 0  # warnings only
    return json.loads(out.getvalue())


def test_same_answer_with_any_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MIN_FILES_PER_WORKER", 1)
    (tmp_path / "a.md").write_text(article_text(MUNIR), encoding="utf-8")
    (tmp_path / "b.md").write_text(article_text(MUNEER), encoding="utf-8")
    (tmp_path / "c.md").write_text(article_text(MUNIR), encoding="utf-8")
    one, two = _cli([str(tmp_path)], 1), _cli([str(tmp_path)], 2)
    assert one == two
    found = [(Path(d["path"]).name, d["line"], d["column"]) for d in one["diagnostics"]]
    assert found == [("b.md", 5, 12)]


def test_allow() -> None:
    text = article_text(MUNIR + MUNEER)
    assert run(GlossInconsistent, text, allow=("Asim Muneer",)) == []
