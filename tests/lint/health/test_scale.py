"""The report of a 10,000-file archive: built from synthetic per-file results (linting
10,000 files is not what is measured here), it renders quickly and stays small, because
what it shows per file is bounded (the top files) and the rest is aggregated."""

from __future__ import annotations

import random
import time

from lint.health.collect import Collected, run_info
from lint.health.page import render_page
from lint.health.tally import Tally
from lint.health.text import render_text
from lint.docs import rule_page
from lint.models import Diagnostic, Severity
from lint.registry import Registry
from lint.settings import Selection, build_settings
from lint.source import SourceText
from tests.lint.health import pagecheck
from tests.support import article_text

FILES = 10_000
OUTLETS = ("voa", "bbc", "dw", "rfi", "rfa", "nyt", "generic")
MAX_BYTES = 3 * 1024 * 1024


Record = tuple[str, SourceText, list[Diagnostic], dict[str, str]]
REGISTRY = Registry.default()


def records(files: int, seed: int = 0) -> list[Record]:
    rules = [rule for rule in REGISTRY.rules if not rule.code.startswith("X")]
    rng = random.Random(seed)
    sources = [SourceText(article_text("<p>" + "中文(测试)内容，English text. " *
                                       rng.randint(10, 120) + "</p>")) for _ in range(16)]
    severities = list(Severity)
    found = []
    for index in range(files):
        source = sources[index % len(sources)]
        path = f"archive/{OUTLETS[index % 7]}/{2005 + index % 20}/{index:05d}.md"
        diagnostics = []
        for _ in range(rng.choice((0, 0, 1, 2, 3, 5, 8, 13, 40))):
            rule = rng.choice(rules)
            start = rng.randrange(len(source) - 8)
            diagnostics.append(Diagnostic.model_construct(
                code=rule.code, name=rule.name, severity=rng.choice(severities),
                message=f"synthetic finding in `{source.text[start:start + 3]}`",
                span=source.span(start, start + rng.randint(0, 6)), fix=None, path=path))
        summary = {"outlet": OUTLETS[index % 7], "dated": "published",
                   "month": f"{2005 + index % 20}-{rng.randint(1, 12):02d}",
                   "title": f"标题 {index}", "url": f"https://www.example.com/a/{index}.html"}
        found.append((path, source, diagnostics, summary))
    return found


def fold(found: list[Record]) -> Collected:
    tally = Tally()
    for path, source, diagnostics, summary in found:
        tally.add(path, source, diagnostics, summary)
    settings = build_settings(REGISTRY, Selection(), None)
    collected = Collected(tally, run_info(["archive"], Selection(), [settings], []))
    for code in tally.rules:
        collected.pages[code] = rule_page(REGISTRY.by_code[code])
        collected.summaries[code] = REGISTRY.by_code[code].summary
    return collected


def test_ten_thousand_files_render_small() -> None:
    found = records(FILES)
    started = time.perf_counter()
    collected = fold(found)
    folded = time.perf_counter()
    page = render_page(collected)
    rendered = time.perf_counter()
    text = render_text(collected, 120, False)
    done = time.perf_counter()
    size = len(page.encode("utf-8"))
    print(f"\n{FILES} synthetic files: fold {folded - started:.2f} s, HTML render "
          f"{rendered - folded:.2f} s ({size / 1024:,.0f} KiB), text render "
          f"{done - rendered:.2f} s ({len(text.encode()) / 1024:,.0f} KiB)")
    assert collected.tally.files == FILES
    assert size < MAX_BYTES
    tree = pagecheck.parse(page)
    assert len(tree.xpath("//article[@class='file']")) == 50
    assert len(tree.xpath("//g[@class='month']")) == 20 * 12  # 2005-01 … 2024-12
    assert {g.get("data-outlet") for g in tree.xpath("//g[@class='heat']")} == set(OUTLETS)
    assert pagecheck.broken_links(tree) == [] and pagecheck.duplicate_ids(tree) == []


def test_top_files_are_the_worst_whatever_the_order() -> None:
    """The streamed top 50 is the top 50 of a full sort, whatever order files come in."""
    found = records(600, seed=1)
    counts = []
    for path, _, diagnostics, _ in found:
        errors = sum(d.severity is Severity.ERROR for d in diagnostics)
        warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
        if diagnostics:
            counts.append((-errors, -warnings, -len(diagnostics), path))
    expected = [key[3] for key in sorted(counts)[:50]]
    for order in range(3):
        random.Random(order).shuffle(found)
        assert [e.path for e in fold(found).tally.top_files()] == expected
