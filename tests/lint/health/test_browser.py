"""The report of the 135 VOA files, opened in a real headless Chromium: the charts are
drawn, every in-page link resolves, nothing outside the page is referenced, and a
screenshot is kept in test-artifacts/ (git-ignored) for people to look at."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest

from lint import Article, SourceText, publication_date
from lint.cli import main
from tests.lint.health import browser, pagecheck
from tests.support import FIXTURES, REPO

VOA = FIXTURES / "voa"
ARTIFACTS = REPO / "test-artifacts" / "health"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict]:
    """The report page, its DOM after Chromium loaded it, and `check`'s JSON result."""
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    assert main(["report", str(VOA), "--output", str(page), "--jobs", "1", "--quiet"]) == 0
    out = io.StringIO()
    main(["check", str(VOA), "--output-format", "json", "--jobs", "1"], stdout=out)
    dom = browser.dump_dom(page, folder / "profile")
    return page, dom, json.loads(out.getvalue())


def test_rule_bars_drawn_per_rule_and_severity(rendered: tuple[Path, str, dict]) -> None:
    _, dom, result = rendered
    tree = pagecheck.parse(dom)
    expected = Counter(d["code"] for d in result["diagnostics"])
    names = {d["code"]: d["name"] for d in result["diagnostics"]}
    bars = tree.xpath("//svg[contains(@class,'rules')]//a[@class='rule-bar']")
    assert sorted(bar.get("data-code") for bar in bars) == sorted(expected)
    for bar in bars:
        code = bar.get("data-code")
        assert bar.get("href") == f"#rule-{code}"
        assert bar.xpath("./title")[0].text_content().startswith(f"{code} {names[code]}: ")
        assert bar.xpath("./text")[-1].text_content() == f"{expected[code]:,}"
        severities = Counter(d["severity"] for d in result["diagnostics"]
                             if d["code"] == code)
        rects = bar.xpath("./rect[contains(@class,'bar')]")
        assert sorted(r.get("class").split()[1] for r in rects) == \
            sorted(f"sev-{s}" for s in severities)
        assert all(float(r.get("width")) > 0 for r in rects)


def test_heat_map_and_timeline_drawn(rendered: tuple[Path, str, dict]) -> None:
    _, dom, result = rendered
    tree = pagecheck.parse(dom)
    families = {d["code"][0] for d in result["diagnostics"]}
    cells = tree.xpath("//svg[contains(@class,'heat')]//g[@class='heat']")
    # Every fixture is a VOA article: one row, a cell per family that fired.
    assert {(c.get("data-outlet"), c.get("data-family")) for c in cells} == \
        {("voa", family) for family in families}
    assert all(c.xpath("./rect[@class='cell']") for c in cells)
    months = set()
    for path in VOA.glob("*.md"):
        date = publication_date(Article.parse(SourceText(path.read_text("utf-8")), str(path)))
        assert date is not None
        months.add(f"{date.local.year:04d}-{date.local.month:02d}")
    drawn = tree.xpath("//svg[contains(@class,'timeline')]//g[@class='month']"
                       "[rect[contains(@class,'month-bar')]]")
    assert {g.get("data-month") for g in drawn} == months


def test_top_files_with_excerpts(rendered: tuple[Path, str, dict]) -> None:
    _, dom, result = rendered
    tree = pagecheck.parse(dom)
    errors = Counter(d["path"] for d in result["diagnostics"] if d["severity"] == "error")
    files = tree.xpath("//article[@class='file']")
    assert len(files) == min(50, len({d["path"] for d in result["diagnostics"]}))
    first = files[0].xpath(".//h3/code")[0].text_content()
    assert errors[first] == max(errors.values())
    for entry in files:
        assert entry.xpath(".//ol/li/pre[@class='frame']/mark"), "every excerpt has a frame"


def test_links_resolve_and_nothing_is_fetched(rendered: tuple[Path, str, dict]) -> None:
    page, dom, _ = rendered
    for document in (page.read_text("utf-8"), dom):
        tree = pagecheck.parse(document)
        assert tree.xpath("//a[starts-with(@href,'#')]")
        assert pagecheck.broken_links(tree) == []
        assert pagecheck.duplicate_ids(tree) == []
        assert pagecheck.outside_references(tree) == []
        assert pagecheck.active_elements(tree) == []
        sources = tree.xpath("//a[@class='source']")
        assert sources and all(a.get("href").startswith("https://www.voachinese.com/")
                               for a in sources)


def test_screenshot(rendered: tuple[Path, str, dict], tmp_path: Path) -> None:
    page, _, _ = rendered
    shot = browser.screenshot(page, ARTIFACTS / "report-voa.png", tmp_path / "profile")
    print(f"report screenshot: {shot}")
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one
