"""The default rule set is silent on a real, clean article (tests that need a clean input
use it), and finds exactly the SPEC §6 defects on the sample."""

from __future__ import annotations

import io
import json

from lint.cli import main
from tests.support import CLEAN, SAMPLE


def check(path: str, *extra: str) -> list[str]:
    out = io.StringIO()
    main(["check", "--output-format", "json", *extra, path], stdout=out)
    return [f"{d['line']}:{d['column']} {d['code']}"
            for d in json.loads(out.getvalue())["diagnostics"]]


def test_clean_article_has_no_diagnostics() -> None:
    assert check(str(CLEAN)) == []


def test_sample_reports_exactly_the_known_defects() -> None:
    # SPEC §6; S007 (image without alt) is off by default, N006 uses the built-in dictionary.
    assert check(str(SAMPLE)) == [
        "5:338 T002", "5:378 T001", "5:391 T001", "5:497 N006", "5:769 T002",
        "5:819 N001", "5:819 N003", "5:1204 T008"]
    assert "5:48 S007" in check(str(SAMPLE), "--extend-select", "S007")
