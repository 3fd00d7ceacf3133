"""`report --compare OLD.json NEW.json`: better and worse per rule, outlet and file."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from lint.cli import main
from lint.health.compare import Comparison, compare_files
from tests.lint.health import pagecheck
from tests.support import FIXTURES, article_text

EMPTY = "<p>\u00a0</p>"  # how the VOA archive writes an empty paragraph
VOA = sorted((FIXTURES / "voa").glob("*.md"))


class Results(NamedTuple):
    old: Path
    new: Path
    before: dict
    after: dict
    changed: tuple[str, str, str]  # the files cleaned, worsened and deleted in between


def _check_json(paths: list[Path], target: Path) -> Path:
    out = io.StringIO()
    main(["check", *map(str, paths), "--output-format", "json", "--jobs", "1"], stdout=out)
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


@pytest.fixture
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Results:
    """Eight VOA files and one BBC-like file, linted before and after one VOA file has its
    empty paragraphs removed, one gets a new half-width comma, and one disappears."""
    monkeypatch.chdir(tmp_path)
    archive = tmp_path / "archive"
    archive.mkdir()
    picked = [p for p in VOA if EMPTY in p.read_text("utf-8")][:4] + \
        [p for p in VOA if EMPTY not in p.read_text("utf-8")][:4]
    files = [Path(shutil.copy(p, archive / p.name)).relative_to(tmp_path) for p in picked]
    bbc = Path("archive/bbc.md")
    bbc.write_text(article_text("<p>中文<p></p>文字</p>", header=(
        "<!--1702517943000-->\n[标题](https://www.bbc.com/zhongwen/simp/world-1)\n------\n\n")),
        encoding="utf-8")
    files.append(bbc)
    old = _check_json(files, tmp_path / "old.json")
    cleaned, worsened, gone = files[0], files[5], files[6]
    cleaned.write_text(cleaned.read_text("utf-8").replace(EMPTY, ""), encoding="utf-8")
    worsened.write_text(worsened.read_text("utf-8").replace("，", ",", 1), encoding="utf-8")
    new = _check_json([f for f in files if f != gone], tmp_path / "new.json")
    gone.unlink()
    return Results(old, new, json.loads(old.read_text()), json.loads(new.read_text()),
                   (cleaned.as_posix(), worsened.as_posix(), gone.as_posix()))


def _count(result: dict, **where: str) -> int:
    return sum(all(d[k] == v for k, v in where.items()) for d in result["diagnostics"])


def test_per_rule_and_per_outlet_deltas(results: Results) -> None:
    old, new, before, after, changed = results
    comparison = compare_files(old, new)
    rules = {d.key: d for d in comparison.rules}
    for code in {d["code"] for d in before["diagnostics"] + after["diagnostics"]}:
        assert rules[code].change == _count(after, code=code) - _count(before, code=code)
    assert rules["S009"].change < 0
    outlets = {d.key: d for d in comparison.outlets}
    # The BBC file is read through its host's profile; the vanished file is `unknown`.
    assert outlets["bbc"].change == 0 and outlets["bbc"].old.total > 0
    assert set(outlets) <= {"voa", "bbc", "unknown"}
    total = sum(d.change for d in comparison.outlets)
    assert total == len(after["diagnostics"]) - len(before["diagnostics"])
    cleaned, worsened, gone = changed
    assert [d.key for d in Comparison.worse(comparison.files)] == [worsened]
    better = {d.key for d in Comparison.better(comparison.files)}
    assert cleaned in better and better <= {cleaned, gone}


def test_text_format(results: Results) -> None:
    old, new, before, after, _ = results
    out = io.StringIO()
    assert main(["report", "--compare", str(old), str(new), "--format", "text"],
                stdout=out) == 0
    text = out.getvalue()
    s009 = _count(after, code="S009") - _count(before, code="S009")
    row = next(line for line in text.splitlines() if "S009" in line)
    assert f"−{-s009}" in row and "empty-paragraph" in row
    assert "Per outlet" in text and "bbc" in text
    assert text.splitlines()[1].startswith("errors ")


def test_html_format(results: Results, tmp_path: Path) -> None:
    old, new, _, _, _ = results
    page = tmp_path / "compare.html"
    assert main(["report", "--compare", str(old), str(new), "-o", str(page),
                 "--quiet"]) == 0
    tree = pagecheck.parse(page.read_text("utf-8"))
    assert tree.xpath("//svg[contains(@class,'delta')]//rect[contains(@class,'better')]")
    assert pagecheck.broken_links(tree) == [] and pagecheck.active_elements(tree) == []
    assert pagecheck.outside_references(tree) == []


@pytest.mark.parametrize("content, message", [
    ("not json", "not a result of `articlelint check --output-format json`"),
    ('{"tool": {}, "summary": {}}', "summary"),
])
def test_bad_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    assert main(["report", "--compare", str(bad), str(bad)]) == 2
    assert message in capsys.readouterr().err


def test_compare_takes_no_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "x", "--compare", "a.json", "b.json"]) == 2
    assert "not PATHs" in capsys.readouterr().err
    assert main(["report", "--compare", str(tmp_path / "missing.json"), "b.json"]) == 2
    assert "cannot read" in capsys.readouterr().err
