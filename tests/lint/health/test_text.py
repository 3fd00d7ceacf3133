"""`articlelint report --format text`: the same numbers as `check`, as rich tables."""

from __future__ import annotations

import io
import json
import re
from collections import Counter

from lint.cli import main
from tests.support import FIXTURES

VOA = FIXTURES / "voa"


def _run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), stdout=out) == 0
    return out.getvalue()


def test_text_report_matches_check() -> None:
    text = _run("report", str(VOA), "--format", "text", "--jobs", "1")
    result = json.loads(_run("check", str(VOA), "--output-format", "json", "--jobs", "1",
                             "--exit-zero"))
    summary = result["summary"]
    assert text.startswith(f"Archive health report: {summary['files']} files")
    assert f"{summary['errors']} errors, {summary['warnings']} warnings" in text
    per_code = Counter(d["code"] for d in result["diagnostics"])
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"[│┃]", line)]
        if len(cells) > 6 and re.fullmatch(r"[A-Z][0-9]{3}", cells[1]):
            rows[cells[1]] = int(cells[6].replace(",", ""))  # the total column
    assert rows == dict(per_code)
    for title in ("Diagnostics per rule", "per outlet and rule family",
                  "Per month of publication", "Files with the most errors", "Configuration"):
        assert title in text
    assert not re.search(r"\x1b\[", text), "no colour when not on a terminal"


def test_text_is_the_default_without_output() -> None:
    text = _run("report", str(VOA / sorted(p.name for p in VOA.glob("*.md"))[0]))
    assert text.startswith("Archive health report: 1 files")
