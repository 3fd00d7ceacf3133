"""The per-file summary hook (`Mode.summarize` → `FileResult.summary`) and the report's
use of `check`'s pipeline: same diagnostics, any number of workers, fixing or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.batch import Job
from lint.fix_run import Mode
from lint.health.collect import collect
from lint.health.facts import article_summary
from lint.health.page import render_page
from lint.plan import Planner
from lint.registry import Registry
from lint.run import lint_outcomes
from lint.settings import Selection
from tests.support import FIXTURES, article_text, parse

VOA = FIXTURES / "voa"


def _outcomes(paths: list[str], mode: Mode, workers: int = 1) -> list:
    planner = Planner(Registry.default(), Selection())
    jobs: list[Job] = planner.jobs(paths)
    return list(lint_outcomes(jobs, planner.settings, mode, workers))


def test_summary_filled_only_when_asked() -> None:
    plain = _outcomes([str(VOA)], Mode())
    summarised = _outcomes([str(VOA)], Mode(summarize=article_summary), workers=2)
    assert all(o.checked.result.summary == {} for o in plain)
    for a, b in zip(plain, summarised):
        assert a.checked.result.diagnostics == b.checked.result.diagnostics
        summary = b.checked.result.summary
        assert summary["outlet"] == "voa" and summary["dated"] == "published"
        assert summary["url"].startswith("https://www.voachinese.com/")


def test_summary_kept_when_fixing(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text(article_text("<p>中文(测试)文字</p>"), encoding="utf-8")
    outcome, = _outcomes([str(target)], Mode(fix=True, diff=True, summarize=article_summary))
    assert outcome.text is not None  # it was fixed …
    assert outcome.checked.result.summary["outlet"] == "voa"  # … and keeps its facts


@pytest.mark.parametrize("text, expected", [
    # No date element: the archive timestamp gives the month.
    (article_text("<p>文字</p>"), {"outlet": "voa", "month": "2023-12", "dated": "archived"}),
    # Nothing at all: unknown host → generic profile, undated.
    ("", {"outlet": "generic", "month": None, "dated": None, "title": "", "url": ""}),
    ("<!--x-->\n[t](https://www.bbc.com/zhongwen/a)\n", {"outlet": "bbc", "month": None}),
])
def test_article_summary(text: str, expected: dict) -> None:
    summary = article_summary(parse(text))
    assert {key: summary[key] for key in expected} == expected


def test_report_does_not_depend_on_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = render_page(collect([str(VOA)], Selection(), None, 1))
    two = render_page(collect([str(VOA)], Selection(), None, 2))
    assert one == two
